"""The instansi calendar: working days, holidays and when a progres harian entry is late."""

from __future__ import annotations

from datetime import date

from kinerja_desktop.domain.working_days import WorkCalendar, month_days

CAL = WorkCalendar(frozenset({1, 2, 3, 4, 5}), {date(2026, 8, 17): "Hari Kemerdekaan"})


def test_weekends_and_holidays_are_not_working_days() -> None:
    assert CAL.is_working(date(2026, 8, 18))  # Tuesday
    assert not CAL.is_working(date(2026, 8, 17))  # Monday, a holiday
    assert CAL.why_not_working(date(2026, 8, 17)) == "Hari Kemerdekaan"
    assert CAL.why_not_working(date(2026, 8, 16)) == "Minggu"
    assert len(list(CAL.working_days(date(2026, 8, 1), date(2026, 8, 31)))) == 20


def test_late_counts_working_days_after_the_day() -> None:
    friday = date(2026, 8, 14)
    # Monday 17 is a holiday, so Tuesday 18 is the first working day after Friday.
    assert not CAL.is_late(friday, date(2026, 8, 18), window=1)
    assert CAL.is_late(friday, date(2026, 8, 19), window=1)
    assert CAL.is_late(friday, date(2026, 8, 18), window=0)
    assert not CAL.is_late(friday, friday, window=0)


def test_settings_are_read_tolerantly() -> None:
    cal = WorkCalendar.from_settings(["1", 2, "3", "4", "5", "6", "x", 9], ["2026-01-01", {"date": "2026-03-19",
                                                                                         "name": "Nyepi"}, "bad"])
    assert cal.weekdays == frozenset({1, 2, 3, 4, 5, 6})
    assert cal.holidays == {date(2026, 1, 1): "", date(2026, 3, 19): "Nyepi"}
    assert WorkCalendar.from_settings([], None).weekdays == frozenset({1, 2, 3, 4, 5})
    assert len(month_days(2028, 2)) == 29
    assert CAL.previous_working_day(date(2026, 8, 18)) == date(2026, 8, 14)
