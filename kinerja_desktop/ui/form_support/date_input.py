"""Dates typed as people type them: 15-09-2026, 15/9/2026, 15.09.26, 15092026, 15 Sep 2026,
15 September 2026, 2026-09-15, or 15-09 (the form's year). Pure Python, so it is easy to test."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["DateInputError", "parse_date"]

_MONTHS = {
    "jan": 1, "januari": 1, "january": 1,
    "feb": 2, "februari": 2, "february": 2, "pebruari": 2,
    "mar": 3, "maret": 3, "march": 3,
    "apr": 4, "april": 4,
    "mei": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7,
    "agu": 8, "ags": 8, "agt": 8, "agustus": 8, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oktober": 10, "oct": 10, "october": 10,
    "nov": 11, "nopember": 11, "november": 11,
    "des": 12, "desember": 12, "dec": 12, "december": 12,
}
EXAMPLE = "15-09-2026"


class DateInputError(ValueError):
    """The text is not a date; the message (Indonesian) says how to write one."""


def _year(text: str) -> int:
    value = int(text)
    return 2000 + value if len(text) == 2 else value


def parse_date(text: str, *, default_year: int | None = None) -> date:
    """The date in ``text`` (day first, as in Indonesia). Raises :class:`DateInputError` with a message."""
    raw = " ".join(text.strip().split())
    if not raw:
        raise DateInputError(f"Isi tanggal, misalnya {EXAMPLE}.")
    parts: list[str]
    if raw.isdigit() and len(raw) in (6, 8):
        parts = [raw[:2], raw[2:4], raw[4:]]
    else:
        parts = [p for p in re.split(r"[\s\-/.,]+", raw.lower()) if p]
    try:
        if len(parts) == 3 and len(parts[0]) == 4 and parts[0].isdigit():  # 2026-09-15
            year, month, day = int(parts[0]), int(parts[1]), int(parts[2])
        elif len(parts) in (2, 3):
            day = int(parts[0])
            month = int(parts[1]) if parts[1].isdigit() else _MONTHS[parts[1]]
            if len(parts) == 3:
                if not parts[2].isdigit() or len(parts[2]) not in (2, 4):
                    raise ValueError
                year = _year(parts[2])
            elif default_year is not None:
                year = default_year
            else:
                raise ValueError
        else:
            raise ValueError
    except (ValueError, KeyError):
        message = f"“{text.strip()}” tidak dikenali sebagai tanggal; tulis misalnya {EXAMPLE}."
        raise DateInputError(message) from None
    try:
        return date(year, month, day)
    except ValueError:
        raise DateInputError(f"Tanggal {day:02d}-{month:02d}-{year} tidak ada di kalender.") from None
