"""Working days of an instansi: which weekdays are worked, which dates are holidays, and when a
progres harian entry counts as late.

Pure rules: the calendar comes from the instansi settings (``kalender.hari_kerja``,
``kalender.libur``) and the late window from ``harian.batas_hari``, read by the services.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

__all__ = ["DAY_NAMES", "WorkCalendar", "month_days"]

#: Indonesian weekday names, Monday first (ISO weekday 1..7).
DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def month_days(year: int, month: int) -> list[date]:
    """Every date of a month."""
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return [first + timedelta(days=i) for i in range((nxt - first).days)]


@dataclass(frozen=True)
class WorkCalendar:
    """Worked ISO weekdays (1 = Senin .. 7 = Minggu) and holidays (date -> name)."""

    weekdays: frozenset[int] = frozenset({1, 2, 3, 4, 5})
    holidays: Mapping[date, str] = field(default_factory=dict)

    def is_working(self, day: date) -> bool:
        return day.isoweekday() in self.weekdays and day not in self.holidays

    def why_not_working(self, day: date) -> str:
        """'' for a working day; otherwise the holiday's name or the weekday ('Sabtu')."""
        if day in self.holidays:
            return self.holidays[day] or "Hari libur"
        if day.isoweekday() not in self.weekdays:
            return DAY_NAMES[day.isoweekday() - 1]
        return ""

    def working_days(self, start: date, end: date) -> Iterator[date]:
        """Working days from ``start`` to ``end`` inclusive."""
        day = start
        while day <= end:
            if self.is_working(day):
                yield day
            day += timedelta(days=1)

    def working_days_after(self, day: date, until: date) -> int:
        """How many working days lie after ``day`` up to and including ``until`` (0 when until <= day)."""
        return sum(1 for _ in self.working_days(day + timedelta(days=1), until)) if until > day else 0

    def is_late(self, day: date, written_on: date, window: int) -> bool:
        """An entry for ``day`` written on ``written_on`` is late when more than ``window`` working days
        have passed since ``day`` (window 0: only on the day itself; 1: up to the next working day)."""
        return self.working_days_after(day, written_on) > max(0, window)

    def previous_working_day(self, day: date, limit: int = 31) -> date:
        """The nearest working day before ``day`` (the day before when none within ``limit`` days)."""
        for i in range(1, limit + 1):
            cand = day - timedelta(days=i)
            if self.is_working(cand):
                return cand
        return day - timedelta(days=1)

    @classmethod
    def from_settings(cls, weekdays: Iterable[object] | None, holidays: Iterable[object] | None) -> WorkCalendar:
        """Build from stored settings, tolerating what a hand-typed setting may hold: weekday numbers as
        text, holidays as ``{"date": "2026-01-01", "name": ...}`` or plain ISO date strings."""
        days: set[int] = set()
        for item in weekdays or ():
            try:
                n = int(str(item).strip())
            except ValueError:
                continue
            if 1 <= n <= 7:
                days.add(n)
        table: dict[date, str] = {}
        for item in holidays or ():
            raw, name = (item.get("date"), item.get("name", "")) if isinstance(item, dict) else (item, "")
            try:
                table[date.fromisoformat(str(raw).strip())] = str(name or "")
            except ValueError:
                continue
        return cls(frozenset(days) or frozenset({1, 2, 3, 4, 5}), table)
