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
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.nip import normalize_nip, parse_nip, parse_penilai_identifier
from kinerja_desktop.domain.permissions import Action, require
from kinerja_desktop.services.common import CurrentUser, clean_text
from kinerja_desktop.services.roster_io import (
    EMPLOYEE_COLUMNS,
    EMPLOYEE_KEYS,
    CellError,
    RosterProblem,
    Table,
    read_roster_file,
    write_csv,
    write_xlsx,
)
from kinerja_desktop.services.roster_service import CleanEmployee, EmployeeInput, validate_employee
from kinerja_desktop.store.changelog import bulk_insert
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Supervision, Unit, new_id

__all__ = ["ExportResult", "ImportResult", "RosterProblem", "export_roster", "import_roster", "write_template"]

Progress = Callable[[str, int, int], None]

_PERSON_FIELDS = ("nip", "nama", "jenis_asn", "golongan", "jabatan", "jenis_jabatan", "jenjang", "nip_penilai",
                  "nama_penilai")
_SINGLE_LINE = frozenset({"nama", "jabatan", "nama_unit", "nama_penilai", "kode_unit", "kode_unit_induk",
                          "jenis_asn", "golongan", "jenis_jabatan", "jenjang", "tahun"})
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_KIND_ALIASES = {"NON ASN": "LAINNYA", "NON-ASN": "LAINNYA", "NONASN": "LAINNYA", "HONORER": "LAINNYA",
                 "PEJABAT NEGARA": "LAINNYA", "P3K": "PPPK", "CPNS": "PNS"}
#: validate_employee's field names -> column keys
_FIELD_KEYS = {"nama": "nama", "nip": "nip", "jenis asn": "jenis_asn", "golongan": "golongan",
               "jenis jabatan": "jenis_jabatan", "jenjang": "jenjang", "jabatan": "jabatan"}
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


# ----------------------------------------------------------------------------- parsed rows


@dataclass
class _Row:
    table: Table
    number: int
    values: dict[str, str]
    uid: tuple[str | None, int] = (None, 0)

    def __post_init__(self) -> None:
        self.uid = (self.table.sheet, self.number)

    def has(self, key: str) -> bool:
        return key in self.table.columns

    def problem(self, message: str, key: str | None = None) -> RosterProblem:
        return RosterProblem(message, row=self.number, field=self.table.label(key) if key else None,
                             sheet=self.table.sheet)

    def where(self) -> str:
        return f"baris {self.number}" if self.table.sheet is None else f"{self.table.sheet} baris {self.number}"


@dataclass
class _UnitClaim:
    """What one row says about a unit: name ('' not stated), parent (None not stated, '' top level)."""

    row: _Row
    code: str
    name: str
    parent: str | None
    authoritative: bool
    broken: bool = False


@dataclass
class _Person:
    row: _Row
    key: str
    clean: CleanEmployee
    unit_code: str
    year: int
    penilai_given: bool
    penilai_nip: str
    penilai_name: str
    existing: dict[str, Any] | None
    id: str = ""
    unit_id: str | None = None
    supervisor_id: str | None = None


@dataclass
class _DbState:
    units: dict[str, dict[str, Any]]  # code -> row (tombstones included)
    unit_code_by_id: dict[str, str]
    by_nip: dict[str, dict[str, Any]]
    nipless_by_name: dict[str, list[dict[str, Any]]]
    by_id: dict[str, dict[str, Any]]
    live_by_name: dict[str, list[dict[str, Any]]]


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _load_state(db: Database) -> _DbState:
    with db.reader() as s:
        units = {r.code: dict(r._mapping) for r in s.execute(
            select(Unit.id, Unit.code, Unit.name, Unit.parent_id, Unit.level, Unit.deleted))}
        emps = [dict(r._mapping) for r in s.execute(
            select(Employee.id, Employee.nip, Employee.name, Employee.asn_kind, Employee.golongan, Employee.jabatan,
                   Employee.jenis_jabatan, Employee.jenjang, Employee.unit_id, Employee.deleted))]
    state = _DbState(units, {u["id"]: code for code, u in units.items()}, {}, defaultdict(list), {},
                     defaultdict(list))
    for e in emps:
        state.by_id[e["id"]] = e
        if e["nip"]:
            state.by_nip[e["nip"]] = e
        elif not e["deleted"]:
            state.nipless_by_name[_fold(e["name"])].append(e)
        if not e["deleted"]:
            state.live_by_name[_fold(e["name"])].append(e)
    return state


# ----------------------------------------------------------------------------- cell text


#: Longest text accepted per column before any other check (nama and jabatan: the roster validator's limits),
#: so that no message ever repeats a 10,000-character cell.
_MAX_CELL = {"nip": 40, "jenis_asn": 60, "golongan": 60, "jenis_jabatan": 60, "jenjang": 60, "kode_unit": 40,
             "nama_unit": 300, "kode_unit_induk": 40, "nip_penilai": 40, "nama_penilai": 200, "tahun": 60}


def _cell_text(key: str, value: Any) -> str:
    """A cell as text; raises ValidationError for values that cannot be trusted."""
    text = _plain_text(key, value)
    limit = _MAX_CELL.get(key)
    if limit is not None and len(text) > limit:
        size = f"{len(text):,}".replace(",", ".")
        raise ValidationError(f"Isi terlalu panjang: {size} karakter, paling banyak {limit}.")
    return text


def _plain_text(key: str, value: Any) -> str:
    if type(value) is str and key not in ("nip", "nip_penilai"):
        text = value.replace("\xa0", " ").translate(_INVISIBLE) if not value.isascii() else value
        return " ".join(text.split()) if key in _SINGLE_LINE else text.strip()
    if isinstance(value, CellError):
        raise ValidationError(value.message)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "YA" if value else "TIDAK"
    if isinstance(value, float):
        if key in ("nip", "nip_penilai") and abs(value) >= 1e15:
            raise ValidationError(
                f"NIP tersimpan sebagai angka ({value:.6g}) sehingga digit terakhirnya hilang. Format kolom ini "
                "sebagai Teks lalu ketik ulang NIP-nya.")
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\xa0", " ").translate(_INVISIBLE)
    if key in ("nip", "nip_penilai"):
        compact = text.strip().upper().replace(",", ".")
        if "E+" in compact and compact.replace("E+", "").replace(".", "").isdigit():
            raise ValidationError(
                f"NIP tertulis dalam notasi ilmiah ({text.strip()[:30]}) sehingga digit terakhirnya hilang. "
                "Format kolom ini sebagai Teks di Excel lalu ketik ulang NIP-nya.")
    return " ".join(text.split()) if key in _SINGLE_LINE else text.strip()


# ----------------------------------------------------------------------------- the importer


class _Importer:
    def __init__(self, db: Database, *, year: int) -> None:
        self.db = db
        self.default_year = year
        self.problems: list[RosterProblem] = []
        self.warnings: list[RosterProblem] = []
        self.bad: set[tuple[str | None, int]] = set()
        self.claims: list[_UnitClaim] = []
        self.people: list[_Person] = []
        self.rows_read = 0
        self.state = _load_state(db)
        self.broken_units: dict[str, _Row] = {}
        self.broken_people: dict[str, _Row] = {}
        self.final_units: dict[str, dict[str, Any]] = {}
        self.unit_ids: dict[str, str] = {}
        self._links: dict[int, dict[str, dict[str, Any]]] = {}

    # ------------------------------------------------------------ step 1: rows

    def fail(self, row: _Row, message: str, key: str | None = None, *, depends_on: _Row | None = None) -> None:
        problem = row.problem(message, key)
        if depends_on is not None and depends_on.uid != row.uid:
            problem.depends_on = depends_on.where()
        self.problems.append(problem)
        self.bad.add(row.uid)

    def read_table(self, table: Table) -> None:
        for number, cells in table.rows:
            self.rows_read += 1
            values: dict[str, str] = {}
            row = _Row(table, number, values)
            failed = False
            for key, index in table.columns.items():
                raw = cells[index] if index < len(cells) else None
                try:
                    values[key] = _cell_text(key, raw)
                except ValidationError as exc:
                    self.fail(row, str(exc), key)
                    failed = True
            if failed:
                if values.get("nip"):
                    self.broken_people.setdefault(normalize_nip(values["nip"]), row)
                continue
            if table.units_only or not any(values.get(k) for k in _PERSON_FIELDS):
                if values.get("kode_unit") or values.get("nama_unit") or values.get("kode_unit_induk"):
                    self.read_unit_row(row, authoritative=True)
                else:
                    self.warnings.append(row.problem("Baris tanpa nip, nama, maupun kode_unit; diabaikan."))
                continue
            self.read_unit_row(row, authoritative=False)
            self.read_person(row)

    def read_unit_row(self, row: _Row, *, authoritative: bool) -> None:
        v = row.values
        code, name, parent = v.get("kode_unit", ""), v.get("nama_unit", ""), v.get("kode_unit_induk", "")
        if not code:
            if name or parent:
                self.fail(row, "kode_unit wajib diisi bila nama_unit atau kode_unit_induk diisi.", "kode_unit")
            return
        try:
            code = clean_text(code, "Kode unit", required=True, max_len=40)
            name = clean_text(name, "Nama unit", required=authoritative, max_len=300)
            parent = clean_text(parent, "Kode unit induk", max_len=40)
        except ValidationError as exc:
            key = {"Kode unit": "kode_unit", "Nama unit": "nama_unit"}.get(exc.field or "", "kode_unit_induk")
            self.fail(row, str(exc), key)
            return
        if parent and parent == code:
            self.fail(row, f"Unit {code} tidak dapat menjadi induk dirinya sendiri.", "kode_unit_induk")
            return
        if authoritative or name or parent:
            self.claims.append(_UnitClaim(row, code, name, parent if (parent or authoritative) else None,
                                          authoritative))

    def read_person(self, row: _Row) -> None:
        nip = normalize_nip(row.values.get("nip", ""))
        if self._read_person(row, nip) is None and nip:
            self.broken_people.setdefault(nip, row)

    def _read_person(self, row: _Row, nip: str) -> _Person | None:
        v = row.values
        name = v.get("nama", "")
        kind = v.get("jenis_asn", "").upper()
        kind = _KIND_ALIASES.get(kind, kind)
        existing = self.state.by_nip.get(nip) if nip else None
        if not nip and name:
            same = self.state.nipless_by_name.get(_fold(name), [])
            if len(same) > 1:
                self.fail(row, f"Ada {len(same)} pegawai tanpa NIP bernama {name} di data; baris ini tidak dapat "
                               "dicocokkan. Isi kolom nip.", "nama")
                return None
            existing = same[0] if same else None

        def pick(key: str, current: str | None) -> str:
            if row.has(key):
                return v[key]
            return (current or "") if existing else ""

        data = EmployeeInput(
            nip=nip, name=name,
            asn_kind=kind if row.has("jenis_asn") else (existing["asn_kind"] if existing else ""),
            golongan=pick("golongan", existing and existing["golongan"]),
            jabatan=pick("jabatan", existing and existing["jabatan"]),
            jenis_jabatan=pick("jenis_jabatan", existing and existing["jenis_jabatan"]),
            jenjang=pick("jenjang", existing and existing["jenjang"]),
        )
        try:
            clean = validate_employee(data)
        except KinerjaError as exc:
            key = _FIELD_KEYS.get((exc.field or "").casefold(), "nip" if "NIP" in str(exc) else None)
            self.fail(row, str(exc), key)
            return None
        if clean.asn_kind in ("PNS", "PPPK") and clean.nip:
            for warning in parse_nip(clean.nip).warnings:
                self.warnings.append(row.problem(warning, "nip"))
        year = self.default_year
        if v.get("tahun"):
            text = v["tahun"]
            if not (text.isdigit() and 2000 <= int(text) <= 2100):
                self.fail(row, f"Tahun “{text[:20]}” tidak sah; tulis tahun empat angka, misalnya 2026.", "tahun")
                return None
            year = int(text)
        penilai_name = v.get("nama_penilai", "")
        key = clean.nip or "nama:" + _fold(clean.name)
        person = _Person(row, key, clean, v.get("kode_unit", ""), year,
                         row.has("nip_penilai") or row.has("nama_penilai"), normalize_nip(v.get("nip_penilai", "")),
                         penilai_name, existing)
        person.id = existing["id"] if existing else new_id()
        self.people.append(person)
        return person

    def check_duplicates(self) -> None:
        groups: dict[str, list[_Person]] = defaultdict(list)
        for p in self.people:
            groups[p.key].append(p)
        for key, group in groups.items():
            if len(group) < 2:
                continue
            for p in group:
                others = ", ".join(o.row.where() for o in group if o is not p)
                if key.startswith("nama:"):
                    self.fail(p.row, f"Pegawai tanpa NIP bernama {p.clean.name} juga tertulis di {others}.", "nama")
                else:
                    self.fail(p.row, f"NIP {key} juga tertulis di {others}; setiap pegawai hanya boleh satu baris.",
                              "nip")

    # ------------------------------------------------------------ step 2: resolve (to a fixed point)

    def good(self, row: _Row) -> bool:
        return row.uid not in self.bad

    def resolve(self) -> None:
        """Check units, then people, each until no new problem appears.

        A unit stated on a row is judged on its own: a row that is bad for a person field still
        defines its unit, so other rows of that unit are not dragged down with it.
        """
        while True:
            broken = sum(c.broken for c in self.claims)
            self.resolve_units()
            if sum(c.broken for c in self.claims) == broken:
                break
        while True:
            before = len(self.bad)
            self.resolve_people()
            if len(self.bad) == before:
                break

    def _break_unit(self, code: str, claims: Iterable[_UnitClaim], stating: dict[int, str], key: str,
                    cause: _Row | None = None) -> None:
        for c in claims:
            if c.broken:
                continue
            c.broken = True
            self.broken_units.setdefault(code, c.row)
            message = stating.get(id(c))
            if message:
                self.fail(c.row, message, key, depends_on=cause)
            else:
                self.fail(c.row, f"Unit {code} bermasalah (lihat {self.broken_units[code].where()}).", "kode_unit",
                          depends_on=self.broken_units[code])

    def resolve_units(self) -> None:
        by_code: dict[str, list[_UnitClaim]] = defaultdict(list)
        for c in self.claims:
            if not c.broken:
                by_code[c.code].append(c)
        db_units = self.state.units
        final: dict[str, dict[str, Any]] = {}
        for code, claims in by_code.items():
            names = {c.name for c in claims if c.name}
            if len(names) > 1:
                listing = "; ".join(f"“{c.name}” ({c.row.where()})" for c in claims if c.name)
                msg = f"Unit {code} diberi nama berbeda: {listing}."
                self._break_unit(code, claims, {id(c): msg for c in claims if c.name}, "nama_unit")
                continue
            parents = {c.parent for c in claims if c.parent is not None}
            if len(parents) > 1:
                listing = "; ".join(f"“{c.parent or '(teratas)'}” ({c.row.where()})"
                                    for c in claims if c.parent is not None)
                msg = f"Unit {code} diberi unit induk berbeda: {listing}."
                self._break_unit(code, claims, {id(c): msg for c in claims if c.parent is not None},
                                 "kode_unit_induk")
                continue
            existing = db_units.get(code)
            name = next(iter(names), existing["name"] if existing else "")
            if not name:
                msg = f"Unit {code} belum ada; isi nama_unit."
                self._break_unit(code, claims, {id(c): msg for c in claims}, "nama_unit")
                continue
            if parents:
                parent = next(iter(parents))
            elif existing and existing["parent_id"]:
                parent = self.state.unit_code_by_id.get(existing["parent_id"], "")
            else:
                parent = ""
            final[code] = {"code": code, "name": name, "parent": parent, "claims": claims, "existing": existing}
        # Parents must exist (in the file or in the roster) and the tree must not loop.
        for code, unit in list(final.items()):
            parent = unit["parent"]
            if parent and parent not in final and not (parent in db_units and not db_units[parent]["deleted"]):
                cause = self.broken_units.get(parent)
                where = f" (lihat {cause.where()})" if cause else ""
                msg = f"Unit induk {parent} tidak ditemukan di berkas maupun di data unit{where}."
                self._break_unit(code, unit["claims"], {id(c): msg for c in unit["claims"] if c.parent},
                                 "kode_unit_induk", cause)
                del final[code]
        parent_of = {c: u["parent_id"] and self.state.unit_code_by_id.get(u["parent_id"])
                     for c, u in db_units.items() if not u["deleted"]}
        parent_of.update({c: u["parent"] for c, u in final.items()})
        for loop in _cycles(parent_of, set(final)):
            text = " → ".join([*loop, loop[0]])
            for code in loop:
                if code in final:
                    claims = final.pop(code)["claims"]
                    msg = f"Susunan unit melingkar: {text}."
                    self._break_unit(code, claims, {id(c): msg for c in claims if c.parent}, "kode_unit_induk")
        self.final_units = final

    def _unit_ok(self, code: str) -> bool:
        if code in self.final_units:
            return True
        unit = self.state.units.get(code)
        return unit is not None and not unit["deleted"]

    def resolve_people(self) -> None:
        live = [p for p in self.people if self.good(p.row)]
        for p in self.people:
            if not self.good(p.row):
                self.broken_people.setdefault(p.key, p.row)
        by_key = {p.key: p for p in live}
        file_by_name: dict[str, list[_Person]] = defaultdict(list)
        for p in live:
            file_by_name[_fold(p.clean.name)].append(p)
        in_file_ids = {p.id for p in live}
        for p in live:
            if p.unit_code and not self._unit_ok(p.unit_code):
                cause = self.broken_units.get(p.unit_code)
                if cause is not None:
                    msg = f"Unit {p.unit_code} tidak dapat diimpor (lihat {cause.where()})."
                else:
                    msg = (f"Unit {p.unit_code} tidak ditemukan; tambahkan di lembar Unit (atau baris unit) atau isi "
                           "nama_unit.")
                self.fail(p.row, msg, "kode_unit", depends_on=cause)
                continue
            p.supervisor_id = None
            if not p.penilai_given:
                continue
            if p.penilai_nip:
                target = by_key.get(p.penilai_nip)
                found = self.state.by_nip.get(p.penilai_nip)
                if target is not None:
                    p.supervisor_id = target.id
                elif found is not None and not found["deleted"]:
                    p.supervisor_id = found["id"]
                elif p.penilai_nip in self.broken_people:
                    cause = self.broken_people[p.penilai_nip]
                    self.fail(p.row, f"Pejabat penilai NIP {p.penilai_nip} ada di {cause.where()}, tetapi baris itu "
                                     "bermasalah.", "nip_penilai", depends_on=cause)
                    continue
                else:
                    try:
                        if p.penilai_nip.isdigit() and len(p.penilai_nip) >= 10:
                            parse_nip(p.penilai_nip)  # a long number is a mistyped NIP, not an NRP
                        else:
                            parse_penilai_identifier(p.penilai_nip)
                    except KinerjaError as exc:
                        self.fail(p.row, f"NIP pejabat penilai tidak sah: {exc}", "nip_penilai")
                        continue
                    self.fail(p.row, f"Pejabat penilai dengan NIP {p.penilai_nip} tidak ada di berkas ini maupun di "
                                     "data pegawai. Tambahkan baris pejabat penilai itu ke berkas.", "nip_penilai")
                    continue
            elif p.penilai_name:
                folded = _fold(p.penilai_name)
                ids = {q.id for q in file_by_name.get(folded, [])}
                ids |= {e["id"] for e in self.state.live_by_name.get(folded, []) if e["id"] not in in_file_ids}
                if not ids:
                    self.fail(p.row, f"Pejabat penilai bernama {p.penilai_name} tidak ditemukan; isi nip_penilai.",
                              "nama_penilai")
                    continue
                if len(ids) > 1:
                    self.fail(p.row, f"Ada {len(ids)} pegawai bernama {p.penilai_name}; isi nip_penilai untuk "
                                     "memilih pejabat penilai.", "nama_penilai")
                    continue
                p.supervisor_id = ids.pop()
            if p.supervisor_id == p.id:
                self.fail(p.row, "Pegawai tidak dapat menjadi pejabat penilai dirinya sendiri.", "nip_penilai")
        self.check_supervisor_cycles([p for p in live if self.good(p.row)])

    def check_supervisor_cycles(self, live: list[_Person]) -> None:
        by_year: dict[int, list[_Person]] = defaultdict(list)
        for p in live:
            if p.penilai_given:
                by_year[p.year].append(p)
        for year, people in by_year.items():
            links = self.db_links(year)
            chain = {emp: link["supervisor_id"] for emp, link in links.items() if not link["deleted"]}
            rows = {p.id: p for p in people}
            chain.update({p.id: p.supervisor_id for p in people})
            for loop in _cycles(chain, set(rows)):
                names = [self._who(i, rows) for i in loop]
                text = " → ".join([*names, names[0]])
                for i in loop:
                    if i in rows and self.good(rows[i].row):
                        self.fail(rows[i].row, f"Rantai pejabat penilai melingkar (tahun {year}): {text}. "
                                               "Tanda panah berarti “dinilai oleh”.", "nip_penilai")

    def _who(self, emp_id: str, rows: dict[str, _Person]) -> str:
        if emp_id in rows:
            return f"{rows[emp_id].clean.name} ({rows[emp_id].row.where()})"
        e = self.state.by_id.get(emp_id)
        return f"{e['name']} (data pegawai)" if e else emp_id

    def db_links(self, year: int) -> dict[str, dict[str, Any]]:
        """Existing supervisor links of a year by employee id (tombstones included)."""
        if year not in self._links:
            with self.db.reader() as s:
                self._links[year] = {r.employee_id: dict(r._mapping) for r in s.execute(
                    select(Supervision.id, Supervision.employee_id, Supervision.supervisor_id, Supervision.deleted)
                    .where(Supervision.year == year))}
        return self._links[year]

    # ------------------------------------------------------------ step 3: write

    def plan_units(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(new unit rows parents first, changes to existing units) with ids and levels."""
        db_units = self.state.units
        ids = {code: (u["existing"]["id"] if u["existing"] else new_id()) for code, u in self.final_units.items()}
        parent_code = {c: self.state.unit_code_by_id.get(u["parent_id"] or "") or "" for c, u in db_units.items()
                       if not u["deleted"]}
        parent_code.update({c: u["parent"] for c, u in self.final_units.items()})
        id_of = {c: u["id"] for c, u in db_units.items()} | ids
        level: dict[str, int] = {}

        def depth(code: str) -> int:
            chain: list[str] = []
            cursor = code
            while cursor in parent_code and cursor not in level and cursor not in chain:
                chain.append(cursor)
                cursor = parent_code[cursor]
            base = level.get(cursor, -1) if cursor not in chain else -1
            for c in reversed(chain):
                base += 1
                level[c] = base
            return level[code]

        self.unit_ids = id_of
        new, changed = [], []
        for code in sorted(parent_code, key=lambda c: (depth(c), c)):
            parent = parent_code[code]
            target = {"id": id_of[code], "code": code, "parent_id": id_of.get(parent) if parent else None,
                      "level": level[code]}
            if code in self.final_units:
                target["name"] = self.final_units[code]["name"]
            existing = db_units.get(code)
            if existing is None:
                new.append(target)
                continue
            diff = {k: v for k, v in target.items() if k not in ("id", "code") and existing[k] != v}
            if existing["deleted"]:
                diff["deleted"] = False
            if diff:
                changed.append({"id": existing["id"], **diff})
        return new, changed

    def plan_people(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
        new, changed, same = [], [], 0
        for p in self.people:
            if not self.good(p.row):
                continue
            c = p.clean
            unit_id = self.unit_ids[p.unit_code] if p.unit_code else None
            target = {"nip": c.nip, "name": c.name, "asn_kind": c.asn_kind, "golongan": c.golongan,
                      "jabatan": c.jabatan, "jenis_jabatan": c.jenis_jabatan, "jenjang": c.jenjang}
            if p.existing is None:
                new.append({"id": p.id, **target, "unit_id": unit_id, "active": True})
                continue
            if unit_id is not None:
                target["unit_id"] = unit_id
            diff = {k: v for k, v in target.items() if p.existing[k] != v}
            if p.existing["deleted"]:
                diff["deleted"] = False
            if diff:
                changed.append({"id": p.id, **diff})
            else:
                same += 1
        return new, changed, same

    def plan_links(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        new, changed = [], []
        for p in self.people:
            if not self.good(p.row) or not p.penilai_given:
                continue
            link = self.db_links(p.year).get(p.id) if p.existing else None
            if link is None:
                if p.supervisor_id:
                    new.append({"employee_id": p.id, "supervisor_id": p.supervisor_id, "year": p.year})
            elif link["supervisor_id"] != p.supervisor_id or link["deleted"]:
                changed.append({"id": link["id"], "supervisor_id": p.supervisor_id, "deleted": False})
        return new, changed


def _cycles(parent: dict[str, Any], starts: set[str]) -> list[list[str]]:
    """Loops in a functional graph (each node has at most one successor) reachable from ``starts``."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    loops: list[list[str]] = []
    for start in sorted(starts):
        path: list[str] = []
        node: Any = start
        while node and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = parent.get(node)
        if node and state.get(node) == 1:
            loops.append(path[path.index(node):])
        for n in path:
            state[n] = 2
    return loops


def _apply_updates(session: Any, model: type, changes: list[dict[str, Any]]) -> None:
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
    imp = _Importer(db, year=year or date.today().year)
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
    emp_rows = []
    for e in emps:
        sup_nip, sup_name = everyone.get(links.get(e.id) or "", (None, ""))
        row = {"nip": e.nip or "", "nama": e.name, "jenis_asn": e.asn_kind, "golongan": e.golongan or "",
               "jabatan": e.jabatan, "jenis_jabatan": e.jenis_jabatan, "jenjang": e.jenjang or "",
               "kode_unit": code_of.get(e.unit_id or "", ""), "nama_unit": name_of.get(e.unit_id or "", ""),
               "kode_unit_induk": "", "nip_penilai": sup_nip or "", "nama_penilai": sup_name, "tahun": year}
        emp_rows.append([row[k] for k in EMPLOYEE_KEYS])
    if suffix == ".xlsx":
        write_xlsx(target, unit_rows, emp_rows)
    else:
        index = {k: i for i, k in enumerate(EMPLOYEE_KEYS)}
        unit_only = []
        for code, name, parent in unit_rows:
            row = [""] * len(EMPLOYEE_KEYS)
            row[index["kode_unit"]], row[index["nama_unit"]], row[index["kode_unit_induk"]] = code, name, parent
            unit_only.append(row)
        write_csv(target, unit_only + emp_rows)
    return ExportResult(str(target), year, len(unit_rows), len(emp_rows))

