"""Build and print the REKAPITULASI PROGRES HARIAN (one person or a unit, one month)."""

from __future__ import annotations

from datetime import date

from kinerja_desktop.documents.daily_recap_layout import DailyDayRow, DailyPersonRow, DailyRecapSheet
from kinerja_desktop.documents.loader import SheetLoader
from kinerja_desktop.domain.periods import MONTH_NAMES
from kinerja_desktop.domain.working_days import DAY_NAMES, WorkCalendar
from kinerja_desktop.services.daily_log_service import EntryView, PersonMonth

__all__ = ["recap_sheet", "share_text", "status_text"]


def share_text(m: PersonMonth, today: date) -> str:
    """Share of the working days up to ``today`` (or the whole month once over) that were logged."""
    del today  # the person's month was counted as of the recap's day
    due = m.totals().due
    return f"{round(100 * m.logged / due) if due else 100}%"


def status_text(day: date, working: bool, reason: str, entries: int, late: bool, today: date) -> str:
    if not working:
        return f"Libur: {reason}" if entries == 0 else f"{reason} (diisi)"
    if entries:
        return "Terlambat" if late else "Tepat waktu"
    return "Tidak diisi" if day <= today else ""


def calendar_lines(cal: WorkCalendar, window: int, year: int, month: int) -> list[str]:
    worked = ", ".join(DAY_NAMES[d - 1] for d in sorted(cal.weekdays))
    holidays = [f"{d.day} {MONTH_NAMES[d.month - 1]}: {name or 'hari libur'}"
                for d, name in sorted(cal.holidays.items()) if (d.year, d.month) == (year, month)]
    return [f"Hari kerja: {worked}.",
            "Hari libur bulan ini: " + ("; ".join(holidays) if holidays else "tidak ada") + ".",
            f"Batas pengisian: {window} hari kerja setelah harinya; setelah itu progres ditandai terlambat."]


def recap_sheet(loader: SheetLoader, months: list[PersonMonth], *, scope: str, year: int, month: int,
                cal: WorkCalendar, window: int, today: date, entries: list[EntryView] | None = None) -> DailyRecapSheet:
    rows = tuple(DailyPersonRow(m.unit, m.nama, m.nip, m.working_days, m.on_time, m.late, m.missing,
                                share_text(m, today)) for m in months)
    days: tuple[DailyDayRow, ...] = ()
    if entries is not None and len(months) == 1:
        by_day: dict[date, list[str]] = {}
        for e in entries:
            by_day.setdefault(e.day, []).append(e.text + (f" ({e.hours:g} jam)" if e.hours else "")
                                                + (" [terlambat]" if e.late else "")
                                                + (f" [waktu PC diragukan: {e.doubt}]" if e.doubt else ""))
        days = tuple(DailyDayRow(f"{DAY_NAMES[d.day.weekday()]}, {d.day.day} {MONTH_NAMES[d.day.month - 1][:3]}",
                                 status_text(d.day, d.working, d.reason, d.entries, d.late, today),
                                 tuple(by_day.get(d.day, ())))
                     for d in months[0].days)
    instansi = loader.instansi()
    token = "".join(ch for ch in scope.upper() if ch.isalnum())[:24] or "X"
    return DailyRecapSheet(
        doc_id=f"HARIAN-{year}-B{month:02d}-{token}", instansi=instansi, year=year, month=month,
        period_title=f"BULAN {MONTH_NAMES[month - 1].upper()} {year}", scope=scope, rows=rows, days=days,
        calendar_lines=tuple(calendar_lines(cal, window, year, month)), tempat=instansi.kota, tanggal=today,
    )
