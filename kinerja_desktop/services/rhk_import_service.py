"""RHK import for teachers and other functional groups whose plans come from another system.

File layout (CSV with ``;`` or ``,``, UTF-8 or Windows-1252; or XLSX, first sheet with a header)
----------------------------------------------------------------------------------------------
One row per indicator. Consecutive rows with the same ``nip``, ``tahun``, ``jenis`` and ``rhk``
form one RHK with several indicators. The header row may sit below title rows; headers are
matched case-insensitively; blank rows and rows whose first cell starts with ``#`` are ignored.
Row numbers in messages are the spreadsheet's.

==============  ==============================================================================
Column          Meaning
==============  ==============================================================================
nip             NIP / NI PPPK of the pegawai (required; spaces allowed).
tahun           Year of the SKP (blank: the year given to the import).
jenis           UTAMA or TAMBAHAN (blank: UTAMA).
rhk             Rencana Hasil Kerja (required).
rhk_pimpinan    The leader's RHK it intervenes in, as written in the leader's SKP (optional; on
                acceptance it is matched to the penilai's RHK of the same text).
aspek           KUANTITAS, KUALITAS, WAKTU or BIAYA (blank: Kuantitas for JA/JF).
indikator       Indikator Kinerja Individu (required).
target          Target: a number and unit ("24 JP", "95 %") or a narrative for kualitatif SKP.
perspektif      For JPT only: Penerima Layanan, Proses Bisnis, Penguatan Internal, Anggaran.
==============  ==============================================================================

Who imports: an **admin** imports a whole group (e.g. every teacher of a school): each RHK
waits in its pegawai's SKP as a draft to accept, edit or decline (as a matriks peran hasil
draft does; the admin never writes anyone's SKP). A **pegawai** may import their own file:
the rows go straight into their SKP of that year (which must be Draf or Dikembalikan).
Every bad row is reported with its row, column and reason; nothing is stored unless
``skip_bad``. Re-importing the same file changes nothing (an RHK of the same pegawai, year,
jenis and text is updated, not duplicated).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from sqlalchemy import select

from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.kepegawaian import Aspek, JenisRhk, Perspektif
from kinerja_desktop.domain.permissions import Action, require
from kinerja_desktop.services import plan_service
from kinerja_desktop.services.common import CurrentUser, clean_text
from kinerja_desktop.services.roster_io import (  # the roster's safe readers, reused as they are
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
from kinerja_desktop.store.models_peran import RhkImpor

__all__ = ["COLUMNS", "RhkImportResult", "import_rhk", "write_template"]

COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("nip", "NIP / NI PPPK pegawai (wajib)", "198609262015051001"),
    ("tahun", "Tahun SKP (kosong: tahun yang dipilih saat impor)", "2026"),
    ("jenis", "UTAMA atau TAMBAHAN (kosong: UTAMA)", "UTAMA"),
    ("rhk", "Rencana Hasil Kerja (wajib)", "Terlaksananya pembelajaran Matematika kelas VIII"),
    ("rhk_pimpinan", "RHK pimpinan yang diintervensi, persis seperti di SKP pimpinan (boleh kosong)",
     "Meningkatnya mutu pembelajaran"),
    ("aspek", "KUANTITAS, KUALITAS, WAKTU atau BIAYA", "KUANTITAS"),
    ("indikator", "Indikator Kinerja Individu (wajib)", "Jumlah jam tatap muka"),
    ("target", "Target: angka dan satuan (24 JP) atau narasi untuk SKP kualitatif (wajib)", "24 JP per minggu"),
    ("perspektif", "Khusus JPT: Penerima Layanan, Proses Bisnis, Penguatan Internal, Anggaran", ""),
)
_KEYS = tuple(c[0] for c in COLUMNS)
_ALIASES = {"ni_pppk": "nip", "nip_pegawai": "nip", "year": "tahun", "jenis_rhk": "jenis",
            "rencana_hasil_kerja": "rhk", "rhk_atasan": "rhk_pimpinan", "rhk_yang_diintervensi": "rhk_pimpinan",
            "rencana_hasil_kerja_pimpinan_yang_diintervensi": "rhk_pimpinan", "iki": "indikator",
            "indikator_kinerja_individu": "indikator"}
_PERSPEKTIF = {p.value.casefold(): p.value for p in Perspektif}


@dataclass
class RhkImportResult:
    dry_run: bool = False
    imported: bool = False
    mode: str = "USULAN"  # USULAN (admin: drafts) or SKP (a pegawai's own plan)
    rows_read: int = 0
    rhk: int = 0
    created: int = 0
    updated: int = 0
    employees: int = 0
    skipped_rows: int = 0
    problems: list[RosterProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.problems and not self.imported and not self.dry_run:
            return (f"Tidak ada yang diimpor: {len(self.problems)} baris bermasalah (lihat di bawah); perbaiki "
                    "berkasnya atau impor dengan melewati baris yang salah.")
        verb = "akan diimpor" if self.dry_run else "diimpor"
        where = ("sebagai usulan RHK di SKP pegawainya" if self.mode == "USULAN" else "ke SKP Anda")
        text = (f"{self.rhk} RHK untuk {self.employees} pegawai {verb} {where} dari {self.rows_read} baris "
                f"({self.created} baru, {self.updated} diperbarui)")
        if self.skipped_rows:
            text += f"; {self.skipped_rows} baris bermasalah dilewati"
        return text + "."

    def as_dict(self) -> dict[str, Any]:
        return {"dry_run": self.dry_run, "imported": self.imported, "mode": self.mode, "rows_read": self.rows_read,
                "rhk": self.rhk, "created": self.created, "updated": self.updated, "employees": self.employees,
                "skipped_rows": self.skipped_rows, "problems": [p.as_dict() for p in self.problems],
                "summary": self.summary()}


# ----------------------------------------------------------------------------- reading


def _key(header: Any) -> str | None:
    if not isinstance(header, str):
        return None
    name = re.sub(r"[^0-9a-z]+", "_", header.casefold()).strip("_")
    name = _ALIASES.get(name, name)
    return name if name in _KEYS else None


def _rows(path: Path) -> list[tuple[int, list[Any]]]:
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
                    if any(_key(c) == "rhk" for _n, cells in rows[:30] for c in cells):
                        return rows
                return read_xlsx_rows(z, sheets[0][1], ns, shared, budget) if sheets else []
        except (zipfile.BadZipFile, zlib.error, KeyError, ElementTree.ParseError, ValueError, IndexError,
                EOFError, NotImplementedError, RuntimeError, OSError) as exc:
            raise ValidationError(f"Berkas {path.name} bukan berkas XLSX yang dapat dibaca ({exc}).",
                                  field="Berkas") from exc
    raise ValidationError(f"Jenis berkas {suffix or '(tanpa akhiran)'} tidak dikenal; gunakan .xlsx atau .csv.",
                          field="Berkas")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(restore_cell(value)).strip()


@dataclass
class _Rhk:
    row: int
    nip: str
    year: int
    kind: str
    text: str
    parent_text: str
    perspektif: str | None
    indicators: list[dict[str, Any]] = field(default_factory=list)
    employee_id: str = ""


def _parse(rows: list[tuple[int, list[Any]]], year: int, out: RhkImportResult) -> list[_Rhk]:
    header_at, columns = None, {}
    for n, cells in rows[:30]:
        keys = [_key(c) for c in cells]
        if "rhk" in keys and "nip" in keys:
            header_at = n
            columns = {k: i for i, k in enumerate(keys) if k}
            break
    if header_at is None:
        out.problems.append(RosterProblem("Baris judul kolom tidak ditemukan: 30 baris pertama tidak memuat kolom "
                                          "nip dan rhk. Gunakan templat dari “kinerja matriks impor-templat”."))
        return []
    groups: list[_Rhk] = []
    for n, cells in rows:
        if n <= header_at or not any(_text(c) for c in cells) or _text(cells[0]).startswith("#"):
            continue
        out.rows_read += 1
        get = {k: _text(cells[i]) if i < len(cells) else "" for k, i in columns.items()}
        problems_before = len(out.problems)

        def bad(message: str, column: str, row: int = n) -> None:
            out.problems.append(RosterProblem(message, row=row, field=column))

        nip = re.sub(r"\s+", "", get.get("nip", ""))
        if not nip:
            bad("NIP wajib diisi.", "nip")
        row_year = year
        if get.get("tahun"):
            if not re.fullmatch(r"20\d\d", get["tahun"]):
                bad(f"Tahun “{get['tahun']}” tidak sah; tulis empat angka, misalnya 2026.", "tahun")
            else:
                row_year = int(get["tahun"])
        kind = (get.get("jenis") or "UTAMA").upper()
        if kind not in (JenisRhk.UTAMA.value, JenisRhk.TAMBAHAN.value):
            bad(f"Jenis “{get.get('jenis')}” tidak dikenal; tulis UTAMA atau TAMBAHAN.", "jenis")
        aspek = (get.get("aspek") or "").upper() or None
        if aspek and aspek not in {a.value for a in Aspek}:
            bad(f"Aspek “{get.get('aspek')}” tidak dikenal; tulis KUANTITAS, KUALITAS, WAKTU atau BIAYA.", "aspek")
        perspektif = get.get("perspektif") or None
        if perspektif:
            perspektif = _PERSPEKTIF.get(perspektif.casefold())
            if perspektif is None:
                bad(f"Perspektif “{get.get('perspektif')}” tidak dikenal.", "perspektif")
        texts: dict[str, str] = {}
        for column, label, required in (("rhk", "Rencana Hasil Kerja", True), ("indikator", "Indikator", True),
                                        ("target", "Target", True), ("rhk_pimpinan", "RHK pimpinan", False)):
            try:
                texts[column] = clean_text(get.get(column, ""), label, required=required,
                                           max_len=200 if column == "target" else 10_000)
            except ValidationError as exc:
                bad(str(exc), column)
        if len(out.problems) > problems_before:
            continue
        indicator = {"aspek": aspek, "text": texts["indikator"], "target": texts["target"]}
        last = groups[-1] if groups else None
        if last and (last.nip, last.year, last.kind, last.text) == (nip, row_year, kind, texts["rhk"]):
            last.indicators.append(indicator)
        else:
            groups.append(_Rhk(n, nip, row_year, kind, texts["rhk"], texts["rhk_pimpinan"], perspektif,
                               [indicator]))
    return groups


# ----------------------------------------------------------------------------- importing


def import_rhk(db: Database, user: CurrentUser, path: str | Path, year: int, *, dry_run: bool = False,
               skip_bad: bool = False) -> RhkImportResult:
    """Import RHK from a CSV/XLSX file (see the module doc for the format and who imports what)."""
    if not 2000 <= year <= 2100:
        raise ValidationError(f"Tahun {year} tidak masuk akal.", field="Tahun")
    out = RhkImportResult(dry_run=dry_run, mode="USULAN" if user.is_admin else "SKP")
    groups = _parse(_rows(Path(path)), year, out)
    with db.reader() as s:
        by_nip = dict(s.execute(select(Employee.nip, Employee.id).where(
            Employee.nip.in_({g.nip for g in groups}), Employee.deleted.is_(False))).all())
    own_nip = None
    if not user.is_admin:
        with db.reader() as s:
            me = s.get(Employee, user.employee_id) if user.employee_id else None
            own_nip = me.nip if me else None
    kept: list[_Rhk] = []
    for g in groups:
        g.employee_id = by_nip.get(g.nip, "")
        if not g.employee_id:
            out.problems.append(RosterProblem(f"NIP {g.nip} tidak ada di daftar pegawai.", row=g.row, field="nip"))
        elif not user.is_admin and g.nip != own_nip:
            out.problems.append(RosterProblem(
                f"NIP {g.nip} bukan NIP Anda: pegawai hanya mengimpor RHK-nya sendiri (impor untuk banyak pegawai "
                "dilakukan admin, sebagai usulan).", row=g.row, field="nip"))
        else:
            kept.append(g)
    out.problems.sort(key=lambda p: p.row or 0)
    bad_rows = {p.row for p in out.problems}
    out.skipped_rows = len(bad_rows)
    out.rhk = len(kept)
    out.employees = len({g.employee_id for g in kept})
    if dry_run or (out.problems and not skip_bad) or not kept:
        return out
    if user.is_admin:
        _store_drafts(db, user, kept, Path(path).name, out)
    else:
        _store_own(db, user, kept, out)
    out.imported = True
    return out


def _store_drafts(db: Database, user: CurrentUser, groups: list[_Rhk], source: str, out: RhkImportResult) -> None:
    require(user.actor, Action.MANAGE_ROSTER)
    with db.session(user=user.username, role="ADMIN") as s:
        for g in groups:
            row = s.execute(select(RhkImpor).where(
                RhkImpor.employee_id == g.employee_id, RhkImpor.year == g.year, RhkImpor.kind == g.kind,
                RhkImpor.text == g.text, RhkImpor.deleted.is_(False))).scalars().first()
            if row is None:
                row = RhkImpor(employee_id=g.employee_id, year=g.year, kind=g.kind, text=g.text)
                s.add(row)
                out.created += 1
            elif (row.parent_text, row.perspektif, row.indicators, row.withdrawn) != (
                    g.parent_text, g.perspektif, g.indicators, False):
                out.updated += 1
            row.parent_text, row.perspektif, row.indicators = g.parent_text, g.perspektif, g.indicators
            row.withdrawn, row.source_file, row.source_row = False, source[:255], g.row


def _store_own(db: Database, user: CurrentUser, groups: list[_Rhk], out: RhkImportResult) -> None:
    """A pegawai's own file: straight into their SKP, through the plan service (one RHK at a time)."""
    from kinerja_desktop.services.role_matrix_service import _match_parent
    from kinerja_desktop.store.models import Plan

    for g in groups:
        plan_id = plan_service.create_plan(db, user, g.employee_id, g.year)
        view = plan_service.get_plan(db, user, plan_id)
        if any(r.kind == g.kind and r.text == g.text for r in view.rhk):
            continue  # imported before: re-importing changes nothing
        with db.reader() as s:
            plan = s.get(Plan, plan_id)
            parent_id = _match_parent(s, plan, g.parent_text)[0] if plan is not None else None
        try:
            plan_service.add_rhk_with_indicators(db, user, plan_id, kind=g.kind, text=g.text, parent_rhk_id=parent_id,
                                                 perspektif=g.perspektif, indicators=g.indicators)
        except KinerjaError as exc:
            out.problems.append(RosterProblem(str(exc), row=g.row, field="rhk"))
            continue
        out.created += 1


def write_template(path: str | Path) -> Path:
    """An empty import file (.xlsx or .csv by suffix) with the columns and one example row (commented out)."""
    target = Path(path)
    header = list(_KEYS)
    example = ["# " + COLUMNS[0][2], *[c[2] for c in COLUMNS[1:]]]
    if target.suffix.lower() == ".csv":
        with open(target, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
            writer.writerow(header)
            writer.writerow(neutralise_row(example))
        return target
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "RHK"
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.append(neutralise_row(example))
    guide = wb.create_sheet("Petunjuk")
    guide.append(["Kolom", "Keterangan"])
    for key, text, _ex in COLUMNS:
        guide.append([key, text])
    wb.save(target)
    return target
