"""Evaluation periods: annual, quarterly (TRIWULAN I..IV-AKHIR), semester and monthly.

Codes are stored as plain strings: ``'TAHUNAN'``, ``'TW1'``..``'TW4'``, ``'S1'``, ``'S2'``,
``'B01'``..``'B12'``. An instansi chooses which periodic evaluations it runs (setting);
:data:`DEFAULT_PERIODS` is quarterly plus the annual evaluation.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kinerja_desktop.domain.errors import ValidationError

__all__ = [
    "ALL_PERIODS",
    "DEFAULT_PERIODS",
    "DEFAULT_PERIOD_CODES",
    "MONTH_NAMES",
    "Period",
    "PeriodCode",
    "PeriodKind",
    "parse_period",
    "period",
    "periods_containing",
    "periods_in",
    "range_label",
]

MONTH_NAMES: tuple[str, ...] = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
_ROMAN = ("I", "II", "III", "IV")


class PeriodKind(StrEnum):
    TAHUNAN = "TAHUNAN"
    SEMESTER = "SEMESTER"
    TRIWULAN = "TRIWULAN"
    BULANAN = "BULANAN"


class PeriodCode(StrEnum):
    """All period codes (plain strings work everywhere too)."""

    TAHUNAN = "TAHUNAN"
    TW1 = "TW1"
    TW2 = "TW2"
    TW3 = "TW3"
    TW4 = "TW4"
    S1 = "S1"
    S2 = "S2"
    B01 = "B01"
    B02 = "B02"
    B03 = "B03"
    B04 = "B04"
    B05 = "B05"
    B06 = "B06"
    B07 = "B07"
    B08 = "B08"
    B09 = "B09"
    B10 = "B10"
    B11 = "B11"
    B12 = "B12"


@dataclass(frozen=True, slots=True)
class Period:
    """A period within a year; ``str(period)`` is its code.

    Attributes:
        code: stored code (``'TW4'``).
        label: screen label (``'Triwulan IV'``).
        print_label: printed label (``'TRIWULAN IV-AKHIR'``).
        kind: annual, semester, quarter or month.
        first_month / last_month: 1-12, inclusive.
    """

    code: str
    label: str
    print_label: str
    kind: PeriodKind
    first_month: int
    last_month: int

    def __str__(self) -> str:
        return self.code

    def start(self, year: int) -> date:
        """First day of the period in ``year``."""
        return date(year, self.first_month, 1)

    def end(self, year: int) -> date:
        """Last day of the period in ``year`` (inclusive)."""
        return date(year, self.last_month, calendar.monthrange(year, self.last_month)[1])

    def contains(self, day: date, year: int | None = None) -> bool:
        """Whether ``day`` falls inside the period (of ``year`` when given, else of any year)."""
        if year is not None and day.year != year:
            return False
        return self.first_month <= day.month <= self.last_month

    @property
    def months(self) -> int:
        """Number of months covered (for prorating angka kredit)."""
        return self.last_month - self.first_month + 1

    @property
    def is_final(self) -> bool:
        """True when the period ends with the year (TW4, S2, B12, TAHUNAN)."""
        return self.last_month == 12

    def range_label(self, year: int) -> str:
        """``'1 JANUARI SD 31 DESEMBER TAHUN 2024'`` as on the identity block."""
        return range_label(self.start(year), self.end(year))


def range_label(start: date, end: date) -> str:
    """``'1 JULI SD 31 DESEMBER TAHUN 2026'``: the days a sheet covers, as on its identity block."""
    return (
        f"{start.day} {MONTH_NAMES[start.month - 1].upper()} SD "
        f"{end.day} {MONTH_NAMES[end.month - 1].upper()} TAHUN {end.year}"
    )


def _build() -> tuple[Period, ...]:
    items: list[Period] = []
    for i in range(4):
        roman = _ROMAN[i]
        items.append(
            Period(
                f"TW{i + 1}",
                f"Triwulan {roman}",
                f"TRIWULAN {roman}" + ("-AKHIR" if i == 3 else ""),
                PeriodKind.TRIWULAN,
                3 * i + 1,
                3 * i + 3,
            )
        )
    for i in range(2):
        roman = _ROMAN[i]
        items.append(
            Period(f"S{i + 1}", f"Semester {roman}", f"SEMESTER {roman}", PeriodKind.SEMESTER, 6 * i + 1, 6 * i + 6)
        )
    for m, name in enumerate(MONTH_NAMES, start=1):
        items.append(Period(f"B{m:02d}", name, name.upper(), PeriodKind.BULANAN, m, m))
    items.append(Period("TAHUNAN", "Tahunan", "TAHUNAN", PeriodKind.TAHUNAN, 1, 12))
    return tuple(items)


ALL_PERIODS: tuple[Period, ...] = _build()
_BY_CODE = {p.code: p for p in ALL_PERIODS}

DEFAULT_PERIOD_CODES: tuple[str, ...] = ("TW1", "TW2", "TW3", "TW4", "TAHUNAN")
DEFAULT_PERIODS: tuple[Period, ...] = tuple(_BY_CODE[c] for c in DEFAULT_PERIOD_CODES)

_ROMAN_OR_DIGIT = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_ALIASES: dict[str, str] = {"tahunan": "TAHUNAN", "tahun": "TAHUNAN", "annual": "TAHUNAN"}
for _m, _name in enumerate(MONTH_NAMES, start=1):
    _ALIASES[_name.lower()] = f"B{_m:02d}"
    _ALIASES[_name.lower()[:3]] = f"B{_m:02d}"
    _ALIASES[f"b{_m}"] = f"B{_m:02d}"
    _ALIASES[f"bulan {_m}"] = f"B{_m:02d}"
_ALIASES["agt"] = "B08"
_ALIASES["des"] = "B12"
_PATTERN = re.compile(r"(tw|triwulan|s|sem|semester)\s*(iv|iii|ii|i|[1-4])(?:\s*-?\s*akhir)?")


def period(code: str | Period) -> Period:
    """The period for a code (case-insensitive); a :class:`Period` is returned as is.

    Indonesian names (``'Triwulan I'``) are accepted too, via :func:`parse_period`.

    Raises:
        ValidationError: unknown code or name.
    """
    if isinstance(code, Period):
        return code
    found = _BY_CODE.get(code.strip().upper())
    return found if found is not None else parse_period(code)


def parse_period(text: str) -> Period:
    """Tolerant parse: codes (``'tw1'``, ``'b03'``) and Indonesian names (``'Triwulan I'``,
    ``'TRIWULAN IV-AKHIR'``, ``'triwulan 2'``, ``'Semester II'``, ``'Maret'``, ``'tahunan'``).

    Raises:
        ValidationError: not recognised.
    """
    folded = " ".join(text.strip().lower().replace("_", " ").split())
    if folded.upper() in _BY_CODE:
        return _BY_CODE[folded.upper()]
    if folded in _ALIASES:
        return _BY_CODE[_ALIASES[folded]]
    match = _PATTERN.fullmatch(folded)
    if match:
        prefix, number = match.groups()
        n = _ROMAN_OR_DIGIT[number]
        if prefix in ("tw", "triwulan"):
            return _BY_CODE[f"TW{n}"]
        if n <= 2:
            return _BY_CODE[f"S{n}"]
    if folded.startswith("b") and folded[1:].isdigit() and 1 <= int(folded[1:]) <= 12:
        return _BY_CODE[f"B{int(folded[1:]):02d}"]
    raise ValidationError(
        f"Periode '{text.strip()}' tidak dikenal; gunakan misalnya Tahunan, Triwulan I, Semester II, atau Januari",
        code="period.unknown",
        field="periode",
    )


def _sort_key(p: Period) -> tuple[int, int]:
    # Chronological by end month; for the same end, shorter periods first (TW4, S2, TAHUNAN).
    return (p.last_month, p.months)


def periods_in(config_codes: Iterable[str | Period] | str | None) -> tuple[Period, ...]:
    """The configured periods, deduplicated and in chronological order (annual last).

    Accepts an iterable of codes/names or one comma/space separated string (``'TW1,TW2,TAHUNAN'``);
    ``None`` or empty gives :data:`DEFAULT_PERIODS`.
    """
    items: Iterable[str | Period]
    if config_codes is None:
        return DEFAULT_PERIODS
    if isinstance(config_codes, str):
        items = [part for part in re.split(r"[,;]", config_codes) if part.strip()]
    else:
        items = config_codes
    found = {parse_period(c) if isinstance(c, str) else c for c in items}
    if not found:
        return DEFAULT_PERIODS
    return tuple(sorted(found, key=_sort_key))


def periods_containing(day: date, periods: Iterable[Period] = ALL_PERIODS) -> tuple[Period, ...]:
    """The periods among ``periods`` that include ``day`` (any year)."""
    return tuple(p for p in periods if p.contains(day))
