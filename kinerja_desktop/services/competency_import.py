"""Competency standards per jabatan, and assessment-centre results, from CSV/XLSX (admins).

Standards: one row per jabatan and competency (``jabatan``, ``jenis``, ``kode``, ``nama``,
``level``, ``deskripsi``). Assessment results: one row per person and competency (``nip``,
``kode``, ``level``, ``tanggal``, ``sumber``, ``catatan``). Like the roster, every bad row is
reported with its row and column, and nothing is stored while any row is bad (unless
``skip_bad``). Files are read with the roster reader's safety checks.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from sqlalchemy import select

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.domain.permissions import Action, require
from kinerja_desktop.domain.tindak_lanjut import ASSESSMENT_SOURCES
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.competency_service import check_code, check_level, standard_values, upsert_standard
from kinerja_desktop.services.roster_io import (
    RosterProblem,
    _shared_strings,
    _sheet_paths,
    decode_text,
    read_xlsx_rows,
    sniff_delimiter,
)
from kinerja_desktop.services.spreadsheet_safety import (
    MAX_WORKBOOK_BYTES,
    CellBudget,
    check_workbook_archive,
    megabytes,
    neutralise_row,
    restore_cell,
)
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee
from kinerja_desktop.store.models_tindak_lanjut import CompetencyAssessment

__all__ = ["ASSESSMENT_COLUMNS", "STANDARD_COLUMNS", "CompetencyImportResult", "import_assessments",
           "import_standards", "write_template"]

STANDARD_COLUMNS = ("jabatan", "jenis", "kode", "nama", "level", "deskripsi")
ASSESSMENT_COLUMNS = ("nip", "kode", "level", "tanggal", "sumber", "catatan")
_ALIASES = {"nama_kompetensi": "nama", "kode_kompetensi": "kode", "tingkat": "level", "jenis_kompetensi": "jenis",
            "nama_jabatan": "jabatan", "ni_pppk": "nip", "tanggal_penilaian": "tanggal"}


@dataclass
class CompetencyImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    problems: list[RosterProblem] = field(default_factory=list)
    stored: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.problems and not self.stored:
            return (f"{len(self.problems)} masalah pada {self.rows} baris; tidak ada yang disimpan. "
                    "Perbaiki berkasnya lalu impor lagi (atau lewati baris yang salah).")
        text = f"{self.rows} baris dibaca: {self.created} baru, {self.updated} diperbarui."
        return text + (f" {len(self.problems)} baris dilewati karena salah." if self.problems else "")

    def as_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "created": self.created, "updated": self.updated, "stored": self.stored,
                "problems": [p.as_dict() for p in self.problems]}


def _key(header: Any) -> str | None:
    if not isinstance(header, str):
        return None
    name = re.sub(r"[^0-9a-z]+", "_", header.casefold()).strip("_")
    return _ALIASES.get(name, name)


def _rows(path: Path, first_column: str) -> list[tuple[int, list[Any]]]:
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
        return list(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1))
    if suffix in (".xlsx", ".xlsm"):
        try:
            with zipfile.ZipFile(path) as z:
                check_workbook_archive(z, path.name, size)
                sheets, ns = _sheet_paths(z)
                shared = _shared_strings(z, ns, budget)
                for _name, member in sheets:
                    rows = read_xlsx_rows(z, member, ns, shared, budget)
                    if any(_key(c) == first_column for _n, cells in rows[:30] for c in cells):
                        return rows
                return read_xlsx_rows(z, sheets[0][1], ns, shared, budget) if sheets else []
        except (zipfile.BadZipFile, zlib.error, KeyError, ElementTree.ParseError, ValueError, IndexError,
                EOFError, NotImplementedError, RuntimeError, OSError) as exc:
            raise ValidationError(f"Berkas {path.name} bukan berkas XLSX yang dapat dibaca ({exc}).",
                                  field="Berkas") from exc
    raise ValidationError(f"Jenis berkas {suffix or '(tanpa akhiran)'} tidak dikenal; gunakan .xlsx atau .csv.",
                          field="Berkas")


def _records(path: Path, columns: tuple[str, ...], required: tuple[str, ...]) -> list[tuple[int, dict[str, Any]]]:
    """(row number, {column: value}) for every data row under the header row."""
    raw = _rows(path, required[0])
    header_at = next((i for i, (_n, cells) in enumerate(raw) if sum(_key(c) in columns for c in cells) >= 2), None)
    if header_at is None:
        raise ValidationError(f"Baris judul kolom tidak ditemukan; kolom yang diharapkan: {', '.join(columns)}.",
                              field="Berkas")
    keys = [(_key(c) if _key(c) in columns else None) for c in raw[header_at][1]]
    missing = [c for c in required if c not in keys]
    if missing:
        raise ValidationError(f"Kolom wajib tidak ada: {', '.join(missing)}.", field="Berkas")
    out = []
    for number, cells in raw[header_at + 1:]:
        values = {k: restore_cell(v) if isinstance(v, str) else v for k, v in zip(keys, cells, strict=False) if k}
        if all(v in (None, "") for v in values.values()):
            continue
        first = next((v for v in cells if v not in (None, "")), "")
        if isinstance(first, str) and first.lstrip().startswith("#"):
            continue  # a comment (the template's example row)
        out.append((number, values))
    return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _day(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):  # an Excel serial day
        return date(1899, 12, 30) + timedelta(days=int(value))
    text = str(value).strip()
    for fmt in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValidationError(f"Tanggal “{text}” tidak dikenal; tulis seperti 15-03-2026.", field="tanggal")


def import_standards(db: Database, user: CurrentUser, path: str | Path, *, skip_bad: bool = False,
                     dry_run: bool = False) -> CompetencyImportResult:
    """Standar kompetensi jabatan from a spreadsheet (admins)."""
    require(user.actor, Action.MANAGE_AWARDS)
    result = CompetencyImportResult()
    good: list[dict[str, Any]] = []
    seen: dict[tuple[str, str], int] = {}
    for number, rec in _records(Path(path), STANDARD_COLUMNS, ("jabatan", "kode", "level")):
        result.rows += 1
        try:
            values = standard_values(_text(rec.get("jabatan")), _text(rec.get("kode")), _text(rec.get("level")),
                                     name=_text(rec.get("nama")), kind=_text(rec.get("jenis")),
                                     description=_text(rec.get("deskripsi")))
        except ValidationError as exc:
            result.problems.append(RosterProblem(str(exc), number, _column(exc.field)))
            continue
        key = (values["jabatan"], values["code"])
        if key in seen:
            result.problems.append(RosterProblem(f"{values['code']} untuk jabatan ini sudah ada di baris {seen[key]}.",
                                                 number, "kode"))
            continue
        seen[key] = number
        good.append(values)
    if (result.problems and not skip_bad) or dry_run:
        return result
    with db.session(user=user.username) as s:
        for values in good:
            if upsert_standard(s, values):
                result.created += 1
            else:
                result.updated += 1
    result.stored = True
    return result


def import_assessments(db: Database, user: CurrentUser, path: str | Path, *, skip_bad: bool = False,
                       dry_run: bool = False) -> CompetencyImportResult:
    """An assessment centre's (or uji kompetensi's) results, by NIP (admins)."""
    if not user.is_admin:
        raise PermissionDenied("Hanya admin yang dapat mengimpor hasil assessment center atau uji kompetensi.",
                               code="permission.record_training")
    result = CompetencyImportResult()
    records = _records(Path(path), ASSESSMENT_COLUMNS, ("nip", "kode", "level"))
    with db.reader() as s:
        by_nip = {nip: eid for nip, eid in s.execute(select(Employee.nip, Employee.id)
                                                     .where(Employee.deleted.is_(False))) if nip}
    good: list[dict[str, Any]] = []
    for number, rec in records:
        result.rows += 1
        try:
            nip = re.sub(r"\s+", "", _text(rec.get("nip")))
            if nip not in by_nip:
                raise ValidationError(f"NIP {nip or '(kosong)'} tidak ada di daftar pegawai.", field="nip")
            source = (_text(rec.get("sumber")) or "ASSESSMENT_CENTER").upper().replace(" ", "_")
            if source not in ASSESSMENT_SOURCES or source == "PENILAI":
                raise ValidationError(f"Sumber “{source}” tidak dikenal; gunakan ASSESSMENT_CENTER atau "
                                      "UJI_KOMPETENSI.", field="sumber")
            good.append({"employee_id": by_nip[nip], "code": check_code(_text(rec.get("kode"))),
                         "level": check_level(_text(rec.get("level"))), "source": source,
                         "assessed_on": _day(rec.get("tanggal")) or date.today(),
                         "note": _text(rec.get("catatan"))[:1000]})
        except ValidationError as exc:
            result.problems.append(RosterProblem(str(exc), number, _column(exc.field)))
    if (result.problems and not skip_bad) or dry_run:
        return result
    with db.session(user=user.username) as s:
        for values in good:
            s.add(CompetencyAssessment(**values))
            result.created += 1
    result.stored = True
    return result


def _column(field_name: str | None) -> str | None:
    return {"Kode": "kode", "Level": "level", "Jenis": "jenis", "Jabatan": "jabatan", "Nama kompetensi": "nama",
            "Deskripsi": "deskripsi"}.get(field_name or "", field_name)


def write_template(path: str | Path, *, assessments: bool = False) -> Path:
    """An empty import file (.xlsx or .csv) with one commented example row."""
    target = Path(path)
    columns = ASSESSMENT_COLUMNS if assessments else STANDARD_COLUMNS
    example = (["# 199001012015031001", "M3", 2, "15-03-2026", "ASSESSMENT_CENTER", ""] if assessments else
               ["# Analis Kebijakan Ahli Muda", "MANAJERIAL", "M3", "Komunikasi", 3, ""])
    if target.suffix.lower() == ".csv":
        with open(target, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
            writer.writerow(columns)
            writer.writerow(neutralise_row(example))
        return target
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Hasil Penilaian" if assessments else "Standar Kompetensi"
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.append(neutralise_row(example))
    wb.save(target)
    return target
