"""The instansi calendar of working days (weekdays worked, holidays) and the progres harian window.

All three are instansi settings (``kalender.hari_kerja``, ``kalender.libur``, ``harian.batas_hari``),
so they sync like every setting and only an admin changes them. Holidays can be imported from a
CSV or XLSX with the columns ``tanggal`` and ``keterangan`` (dates as 2026-01-01 or 01/01/2026);
the spreadsheet is read by the roster's safe readers (zip-bomb and cell budget checks).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.permissions import Action, require
from kinerja_desktop.domain.working_days import WorkCalendar
from kinerja_desktop.services.common import clean_text
from kinerja_desktop.services.identity import CurrentUser
from kinerja_desktop.services.roster_io import (
    CellError,
    _shared_strings,
    _sheet_paths,
    decode_text,
    read_xlsx_rows,
    sniff_delimiter,
)
from kinerja_desktop.services.settings_service import get_settings, set_setting
from kinerja_desktop.services.spreadsheet_safety import (
    MAX_WORKBOOK_BYTES,
    CellBudget,
    check_workbook_archive,
    megabytes,
    restore_cell,
)
from kinerja_desktop.store.db import Database

__all__ = ["HolidayImport", "calendar_of", "import_holidays", "late_window", "set_holiday", "set_late_window",
           "set_work_weekdays"]

#: Longest late window accepted (working days).
MAX_WINDOW = 60


def calendar_of(db: Database) -> WorkCalendar:
    values = get_settings(db)
    return WorkCalendar.from_settings(values.get("kalender.hari_kerja"), values.get("kalender.libur"))


def late_window(db: Database) -> int:
    return _window(get_settings(db).get("harian.batas_hari"))


def _window(raw: Any) -> int:
    try:
        return max(0, min(MAX_WINDOW, int(str(raw).strip())))
    except ValueError:
        return 1


def set_work_weekdays(db: Database, user: CurrentUser, weekdays: list[int] | str) -> list[int]:
    """Set the worked weekdays (1 = Senin .. 7 = Minggu); '1-5' and '1,2,3,4,5,6' are accepted too."""
    require(user.actor, Action.MANAGE_SETTINGS)
    items: list[int] = []
    parts = re.split(r"[,\s]+", weekdays.strip()) if isinstance(weekdays, str) else [str(w) for w in weekdays]
    for part in (p for p in parts if p):
        lo, sep, hi = part.partition("-")
        try:
            rng = range(int(lo), int(hi) + 1) if sep else range(int(lo), int(lo) + 1)
        except ValueError:
            raise ValidationError(f"Hari kerja '{part}' tidak dikenal; tulis angka 1 (Senin) sampai 7 (Minggu).",
                                  field="Hari kerja") from None
        for n in rng:
            if not 1 <= n <= 7:
                raise ValidationError(f"Hari kerja {n} tidak ada; gunakan 1 (Senin) sampai 7 (Minggu).",
                                      field="Hari kerja")
            items.append(n)
    if not items:
        raise ValidationError("Pilih paling sedikit satu hari kerja.", field="Hari kerja")
    value = sorted(set(items))
    set_setting(db, user, "kalender.hari_kerja", value)
    return value


def set_late_window(db: Database, user: CurrentUser, days: int | str) -> int:
    """Set how many working days after a day its progres harian may still be written without being late."""
    require(user.actor, Action.MANAGE_SETTINGS)
    try:
        n = int(str(days).strip())
    except ValueError:
        raise ValidationError("Batas pengisian harus bilangan bulat (hari kerja).", field="Batas hari") from None
    if not 0 <= n <= MAX_WINDOW:
        raise ValidationError(f"Batas pengisian harus 0 sampai {MAX_WINDOW} hari kerja.", field="Batas hari")
    set_setting(db, user, "harian.batas_hari", n)
    return n


def _holidays(db: Database) -> dict[str, str]:
    cal = calendar_of(db)
    return {d.isoformat(): name for d, name in sorted(cal.holidays.items())}


def _store(db: Database, user: CurrentUser, table: dict[str, str]) -> None:
    set_setting(db, user, "kalender.libur", [{"date": d, "name": n} for d, n in sorted(table.items())])


def set_holiday(db: Database, user: CurrentUser, day: date, name: str | None) -> None:
    """Add (or rename) a holiday; ``name=None`` removes it."""
    require(user.actor, Action.MANAGE_SETTINGS)
    table = _holidays(db)
    if name is None:
        table.pop(day.isoformat(), None)
    else:
        table[day.isoformat()] = clean_text(name, "Keterangan", max_len=120) or "Hari libur"
    _store(db, user, table)


@dataclass
class HolidayImport:
    added: int = 0
    updated: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.added} hari libur ditambahkan, {self.updated} diperbarui"
        return text + (f"; {len(self.problems)} baris dilewati" if self.problems else "") + "."


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")


def _parse_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(restore_cell(value) if isinstance(value, str) else value).strip()
    if re.fullmatch(r"\d{5}(\.0+)?", text):  # an Excel serial date the reader left as a number
        from datetime import timedelta

        return date(1899, 12, 30) + timedelta(days=int(float(text)))
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text[:10], fmt).date()
        except ValueError:
            continue
    return None


def _rows(path: Path) -> list[list[Any]]:
    if not path.is_file():
        raise ValidationError(f"Berkas {path} tidak ditemukan.", field="Berkas")
    size = path.stat().st_size
    if size > MAX_WORKBOOK_BYTES:
        raise ValidationError(f"Berkas {path.name} terlalu besar ({megabytes(size)}).", field="Berkas")
    suffix = path.suffix.lower()
    budget = CellBudget(path.name)
    if suffix in (".csv", ".txt"):
        text, _enc = decode_text(path.read_bytes())
        delimiter = sniff_delimiter(text)
        budget.spend(text.count(delimiter) + text.count("\n") + 1)
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if suffix in (".xlsx", ".xlsm"):
        try:
            with zipfile.ZipFile(path) as z:
                check_workbook_archive(z, path.name, size)
                sheets, ns = _sheet_paths(z)
                shared = _shared_strings(z, ns, budget)
                return [cells for _n, cells in read_xlsx_rows(z, sheets[0][1], ns, shared, budget)] if sheets else []
        except (zipfile.BadZipFile, zlib.error, KeyError, ElementTree.ParseError, ValueError, IndexError,
                EOFError, NotImplementedError, RuntimeError, OSError) as exc:
            raise ValidationError(f"Berkas {path.name} bukan berkas XLSX yang dapat dibaca ({exc}).",
                                  field="Berkas") from exc
    raise ValidationError(f"Jenis berkas {suffix or '(tanpa akhiran)'} tidak dikenal; gunakan .xlsx atau .csv.",
                          field="Berkas")


def import_holidays(db: Database, user: CurrentUser, path: str | Path) -> HolidayImport:
    """Import holidays (``tanggal``, ``keterangan``; a header row is optional) into the instansi calendar."""
    require(user.actor, Action.MANAGE_SETTINGS)
    rows = _rows(Path(path))
    result = HolidayImport()
    table = _holidays(db)
    for n, cells in enumerate(rows, start=1):
        values = [c for c in cells if c not in (None, "")]
        if not values:
            continue
        day = _parse_date(values[0])
        if day is None:
            if n == 1:  # a header row
                continue
            result.problems.append(f"Baris {n}: tanggal '{values[0]}' tidak dikenal (tulis 2026-01-01 atau "
                                   "01/01/2026).")
            continue
        if not 1900 <= day.year <= 2200:
            result.problems.append(f"Baris {n}: tahun {day.year} di luar rentang.")
            continue
        raw = values[1] if len(values) > 1 else ""
        if isinstance(raw, CellError):
            result.problems.append(f"Baris {n}: {raw.message}")
            continue
        name = str(restore_cell(raw) if isinstance(raw, str) else raw).strip()
        try:
            name = clean_text(name, "Keterangan", max_len=120) or "Hari libur"
        except ValidationError as exc:
            result.problems.append(f"Baris {n}: {exc}")
            continue
        key = day.isoformat()
        if key in table:
            result.updated += table[key] != name
        else:
            result.added += 1
        table[key] = name
    if result.added or result.updated:
        _store(db, user, table)
    return result
