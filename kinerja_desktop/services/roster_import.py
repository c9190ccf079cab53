"""Roster import and export: units, employees and pejabat penilai from CSV or XLSX.

File layout
-----------
* **XLSX**: sheet ``Unit`` (columns ``kode_unit``, ``nama_unit``, ``kode_unit_induk``) and sheet
  ``Pegawai`` (the employee columns below). Either sheet may be missing or empty. A workbook
  without these sheet names is read as one combined table from its first sheet with a header.
* **CSV** (``;`` or ``,``, UTF-8 or Windows-1252): one combined table with the employee columns.
  A row with ``kode_unit`` but no ``nip`` and no ``nama`` defines a unit only.

The header row may sit below title rows; headers are matched case-insensitively and
tolerantly (``Pangkat/Golongan`` is ``golongan``). Blank rows and rows whose first cell
starts with ``#`` are ignored. Row numbers in messages are the spreadsheet row numbers.

==================  ==========================================================================
Column              Meaning
==================  ==========================================================================
nip                 NIP (18 digits, PNS) or NI PPPK; spaces allowed. Required for PNS/PPPK;
                    non-ASN: blank, legacy 9-digit NIP, or NRP. The key for re-imports.
nama                Full name with titles (required, at most 200 characters).
jenis_asn           PNS, PPPK or LAINNYA; blank: taken from the NIP.
golongan            PNS I/a..IV/e or the pangkat name; PPPK I..XVII; blank for non-ASN.
jabatan             Position title (at most 300 characters).
jenis_jabatan       JPT_UTAMA, JPT_MADYA, JPT_PRATAMA, ADMINISTRATOR, PENGAWAS, FUNGSIONAL,
                    PELAKSANA (blank: PELAKSANA).
jenjang             Jenjang fungsional (AHLI_PERTAMA ... PENYELIA); blank otherwise.
kode_unit           The employee's unit; blank keeps the current unit.
nama_unit           The unit's name: creates the unit when the code is new.
kode_unit_induk     Parent unit code (on unit rows, blank means a top-level unit).
nip_penilai         NIP of the pejabat penilai; must be in the file or already in the roster.
nama_penilai        Used only when nip_penilai is blank (a penilai without NIP, e.g. a Bupati).
tahun               Year of the supervisor link (blank: --year, else the current year).
==================  ==========================================================================

Rules: every bad row is reported with its row, column and reason, and nothing is stored
unless ``skip_bad`` (then the good rows are stored and the bad ones listed). Re-importing
updates employees by NIP (non-ASN without NIP: by exact name), never duplicates them; a
column that is absent from the file leaves that field unchanged. Employees missing from
the file are not removed. Everything is written in one transaction; new rows go through
:func:`kinerja_desktop.store.changelog.bulk_insert`, changed rows through the ORM, so the
change log is complete either way.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.permissions import Action, require
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.roster_check import RosterCheck
from kinerja_desktop.services.roster_io import (
    EMPLOYEE_COLUMNS,
    EMPLOYEE_KEYS,
    RosterProblem,
    read_roster_file,
    write_csv,
    write_xlsx,
)
from kinerja_desktop.store.changelog import bulk_insert
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Supervision, Unit

__all__ = ["ExportResult", "ImportResult", "RosterProblem", "export_roster", "import_roster", "write_template"]

Progress = Callable[[str, int, int], None]
_UPDATE_BATCH = 2000

# ----------------------------------------------------------------------------- results


@dataclass
class ImportResult:
    """What an import did (or, with ``dry_run``, would do)."""

    dry_run: bool = False
    imported: bool = False
    rows_read: int = 0
    units_created: int = 0
    units_updated: int = 0
    employees_created: int = 0
    employees_updated: int = 0
    employees_unchanged: int = 0
    supervisors_set: int = 0
    skipped_rows: int = 0
    problems: list[RosterProblem] = field(default_factory=list)
    warnings: list[RosterProblem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def direct_problems(self) -> list[RosterProblem]:
        """Problems of the rows that are wrong themselves."""
        return [p for p in self.problems if p.depends_on is None]

    @property
    def dependent_problems(self) -> list[RosterProblem]:
        """Rows that are right but wait for a wrong row (their penilai or unit is on it)."""
        wrong = {(p.sheet, p.row) for p in self.direct_problems}
        return [p for p in self.problems if p.depends_on is not None and (p.sheet, p.row) not in wrong]

    def summary(self) -> str:
        """One Indonesian sentence for the status bar or terminal."""
        verb = "akan " if self.dry_run else ""
        counts = (f"{self.employees_created} pegawai baru, {self.employees_updated} diperbarui, "
                  f"{self.employees_unchanged} tidak berubah; {self.units_created} unit baru, "
                  f"{self.units_updated} unit diperbarui; {self.supervisors_set} pejabat penilai ditetapkan")
        if self.problems and not self.imported and not self.dry_run and not self.skipped_rows:
            return "Tidak ada yang diimpor: berkas ini tidak dapat dipakai (lihat masalah di bawah)."
        if self.problems and not self.imported and not self.dry_run:
            wrong = len({(p.sheet, p.row) for p in self.direct_problems})
            waiting = len({(p.sheet, p.row) for p in self.dependent_problems})
            tail = f", dan {waiting} baris lain tertahan karena bergantung padanya" if waiting else ""
            return (f"Tidak ada yang diimpor: {wrong} baris salah{tail}. "
                    "Perbaiki berkasnya, atau pakai --skip-bad untuk mengimpor baris yang benar saja.")
        prefix = "Pemeriksaan (tanpa menyimpan): " if self.dry_run else "Impor selesai: "
        tail = f" {self.skipped_rows} baris bermasalah {verb}dilewati." if self.skipped_rows else ""
        return f"{prefix}{self.rows_read} baris dibaca; {verb}{counts}.{tail}"

    def as_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k not in ("problems", "warnings")}
        data["problems"] = [p.as_dict() for p in self.problems]
        data["direct_problems"] = len(self.direct_problems)
        data["warnings"] = [w.as_dict() for w in self.warnings]
        data["summary"] = self.summary()
        return data


@dataclass
class ExportResult:
    path: str
    year: int
    units: int
    employees: int

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _apply_updates(session: Session, model: Any, changes: list[dict[str, Any]]) -> None:
    """Apply field changes through the ORM (so the change log records old and new values)."""
    for start in range(0, len(changes), _UPDATE_BATCH):
        chunk = {c["id"]: c for c in changes[start:start + _UPDATE_BATCH]}
        for obj in session.scalars(select(model).where(model.id.in_(list(chunk)))):
            for key, value in chunk[obj.id].items():
                if key != "id":
                    setattr(obj, key, value)
        session.flush()


def import_roster(
    db: Database, user: CurrentUser, path: str | Path, *, year: int | None = None, skip_bad: bool = False,
    dry_run: bool = False, progress: Progress | None = None,
) -> ImportResult:
    """Import units, employees and pejabat penilai links from a CSV or XLSX roster file.

    Nothing is stored when any row is bad, unless ``skip_bad``; ``dry_run`` checks and counts
    without storing. Raises ValidationError only when the file itself cannot be read.
    """
    require(user.actor, Action.MANAGE_ROSTER)
    started = time.perf_counter()
    report = progress or (lambda _stage, _done, _total: None)
    report("Membaca berkas", 0, 1)
    raw = read_roster_file(path)
    result = ImportResult(dry_run=dry_run, problems=list(raw.problems), warnings=list(raw.warnings))
    if raw.problems or not raw.tables:
        if not raw.tables and not raw.problems:
            result.problems.append(RosterProblem("Berkas tidak berisi data roster."))
        result.seconds = round(time.perf_counter() - started, 3)
        return result
    imp = RosterCheck(db, year=year or date.today().year)
    for table in raw.tables:
        imp.read_table(table)
    report("Memeriksa", 0, imp.rows_read)
    if imp.rows_read == 0:
        result.problems.append(RosterProblem("Berkas hanya berisi judul kolom, tanpa baris data."))
        result.warnings += imp.warnings
        result.seconds = round(time.perf_counter() - started, 3)
        return result
    imp.check_duplicates()
    imp.resolve()
    result.problems += sorted(imp.problems, key=lambda p: (p.depends_on is not None, p.sheet != "Unit", p.sheet or "",
                                                           p.row or 0))
    result.warnings += imp.warnings
    result.rows_read = imp.rows_read
    result.skipped_rows = len(imp.bad)
    new_units, changed_units = imp.plan_units()
    new_people, changed_people, same = imp.plan_people()
    new_links, changed_links = imp.plan_links()
    result.units_created, result.units_updated = len(new_units), len(changed_units)
    result.employees_created, result.employees_updated = len(new_people), len(changed_people)
    result.employees_unchanged = same
    result.supervisors_set = len(new_links) + len(changed_links)
    if dry_run or (result.problems and not skip_bad):
        result.seconds = round(time.perf_counter() - started, 3)
        return result
    report("Menyimpan", 0, 1)
    with db.session(user=user.username, role="ADMIN") as s:
        bulk_insert(s, Unit, new_units, user=user.username, role="ADMIN")
        _apply_updates(s, Unit, changed_units)
        bulk_insert(s, Employee, new_people, user=user.username, role="ADMIN")
        _apply_updates(s, Employee, changed_people)
        bulk_insert(s, Supervision, new_links, user=user.username, role="ADMIN")
        _apply_updates(s, Supervision, changed_links)
    report("Menyimpan", 1, 1)
    result.imported = True
    result.seconds = round(time.perf_counter() - started, 3)
    return result


# ----------------------------------------------------------------------------- export and template


def _check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError(f"Akhiran berkas harus .xlsx atau .csv (tertulis {suffix or 'tanpa akhiran'}).",
                              field="Berkas")
    return suffix


def write_template(path: str | Path) -> Path:
    """An empty roster file (.xlsx or .csv by extension) with headers, help and one commented example row."""
    target = Path(path)
    if _check_suffix(target) == ".xlsx":
        write_xlsx(target, [], [], template=True)
    else:
        example = ["# " + EMPLOYEE_COLUMNS[0].example] + [c.example for c in EMPLOYEE_COLUMNS[1:]]
        write_csv(target, [], comment=example)
    return target


def _latest_year(db: Database) -> int:
    with db.reader() as s:
        latest = s.execute(select(Supervision.year).where(Supervision.deleted.is_(False))
                           .order_by(Supervision.year.desc()).limit(1)).scalar()
    return int(latest) if latest else date.today().year


def export_roster(db: Database, user: CurrentUser, path: str | Path, *, year: int | None = None) -> ExportResult:
    """Write the roster in the import format (re-importing it changes nothing)."""
    require(user.actor, Action.MANAGE_ROSTER)
    target = Path(path)
    suffix = _check_suffix(target)
    year = year or _latest_year(db)
    with db.reader() as s:
        units = s.execute(select(Unit.id, Unit.code, Unit.name, Unit.parent_id, Unit.level)
                          .where(Unit.deleted.is_(False)).order_by(Unit.level, Unit.code)).all()
        emps = s.execute(select(Employee.id, Employee.nip, Employee.name, Employee.asn_kind, Employee.golongan,
                                Employee.jabatan, Employee.jenis_jabatan, Employee.jenjang, Employee.unit_id)
                         .where(Employee.deleted.is_(False))).all()
        links = dict(s.execute(select(Supervision.employee_id, Supervision.supervisor_id)
                               .where(Supervision.year == year, Supervision.deleted.is_(False))).all())
        everyone = {r.id: (r.nip, r.name) for r in s.execute(select(Employee.id, Employee.nip, Employee.name))}
    code_of = {u.id: u.code for u in units}
    name_of = {u.id: u.name for u in units}
    unit_rows = [[u.code, u.name, code_of.get(u.parent_id or "", "")] for u in units]
    emps = sorted(emps, key=lambda e: (code_of.get(e.unit_id or "", ""), e.name, e.nip or ""))
    emp_rows: list[list[Any]] = []
    for e in emps:
        sup_nip, sup_name = everyone.get(links.get(e.id) or "", (None, ""))
        values = {"nip": e.nip or "", "nama": e.name, "jenis_asn": e.asn_kind, "golongan": e.golongan or "",
                  "jabatan": e.jabatan, "jenis_jabatan": e.jenis_jabatan, "jenjang": e.jenjang or "",
                  "kode_unit": code_of.get(e.unit_id or "", ""), "nama_unit": name_of.get(e.unit_id or "", ""),
                  "kode_unit_induk": "", "nip_penilai": sup_nip or "", "nama_penilai": sup_name, "tahun": year}
        emp_rows.append([values[k] for k in EMPLOYEE_KEYS])
    if suffix == ".xlsx":
        write_xlsx(target, unit_rows, emp_rows)
    else:
        index = {k: i for i, k in enumerate(EMPLOYEE_KEYS)}
        unit_only: list[list[Any]] = []
        for code, name, parent in unit_rows:
            row = [""] * len(EMPLOYEE_KEYS)
            row[index["kode_unit"]], row[index["nama_unit"]], row[index["kode_unit_induk"]] = code, name, parent
            unit_only.append(row)
        write_csv(target, unit_only + emp_rows)
    return ExportResult(str(target), year, len(unit_rows), len(emp_rows))

