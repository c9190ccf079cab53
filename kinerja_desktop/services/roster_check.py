"""Checking roster rows against each other and against the database (no writes).

:class:`RosterCheck` turns the raw tables of :mod:`kinerja_desktop.services.roster_io` into units
and people, reports every bad row with its row, column and reason, and resolves units, penilai
links and loops to a fixed point, so that rows depending on a bad row are reported too. The
caller (:func:`kinerja_desktop.services.roster_import.import_roster`) plans and writes the result.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.nip import normalize_nip, parse_nip, parse_penilai_identifier
from kinerja_desktop.services.common import clean_text
from kinerja_desktop.services.roster_io import CellError, RosterProblem, Table
from kinerja_desktop.services.roster_service import CleanEmployee, EmployeeInput, validate_employee
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Supervision, Unit, new_id

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


class RosterCheck:
    """All rows of one roster file, checked; ``bad`` holds the rows that cannot be stored."""

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
            golongan=pick("golongan", existing["golongan"] if existing else None),
            jabatan=pick("jabatan", existing["jabatan"] if existing else None),
            jenis_jabatan=pick("jenis_jabatan", existing["jenis_jabatan"] if existing else None),
            jenjang=pick("jenjang", existing["jenjang"] if existing else None),
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
            target: dict[str, Any] = {"nip": c.nip, "name": c.name, "asn_kind": c.asn_kind, "golongan": c.golongan,
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


