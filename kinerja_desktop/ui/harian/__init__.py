"""Daily work in the GUI (issue 17): Progres Harian, the team's week, the monthly recap, rencana aksi."""
