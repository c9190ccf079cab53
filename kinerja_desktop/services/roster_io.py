"""Roster files on disk: reading CSV/XLSX into raw tables, writing templates and exports.

This module knows file formats only; what the columns mean and how rows are checked
and stored is :mod:`kinerja_desktop.services.roster_import`.

XLSX files are read with a small streaming reader over the sheet XML instead of
openpyxl's reader: for 20,000 rows openpyxl (read-only, values only) took 8.5 s on the
office-class test machine and this reader 1.4 s. It reads the *cached* cell values,
exactly what ``openpyxl.load_workbook(data_only=True)`` returns, and in the same pass
sees formulas whose value was never calculated and merged ranges. openpyxl still
writes every template and export.
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.spreadsheet_safety import (
    MAX_WORKBOOK_BYTES,
    CellBudget,
    check_workbook_archive,
    megabytes,
    neutralise_cell,
    neutralise_row,
    restore_cell,
)


@dataclass(frozen=True)
class Column:
    """One roster column: the header written in templates, accepted aliases, help text."""

    key: str
    description: str
    example: str = ""
    aliases: tuple[str, ...] = ()


EMPLOYEE_COLUMNS: tuple[Column, ...] = (
    Column("nip", "NIP 18 digit (PNS) atau NI PPPK; spasi boleh. Wajib untuk PNS/PPPK; non-ASN: kosong, NIP lama "
           "9 digit, atau NRP. Format sel sebagai Teks agar Excel tidak membulatkan angka.", "196608011988031001",
           ("nip_ni_pppk", "ni_pppk", "nip_pegawai", "nomor_induk_pegawai")),
    Column("nama", "Nama lengkap dengan gelar (wajib, paling banyak 200 karakter).", "Budi Santoso, S.Kom.",
           ("nama_pegawai", "nama_lengkap")),
    Column("jenis_asn", "PNS, PPPK, atau LAINNYA (non-ASN, misalnya pejabat negara). Kosong: ditentukan dari NIP.",
           "PNS", ("jenis_pegawai", "status_pegawai")),
    Column("golongan", "Pangkat/golongan. PNS: I/a sampai IV/e atau nama pangkat (Penata Muda); PPPK: I sampai "
           "XVII; non-ASN: kosong.", "III/a", ("pangkat_golongan", "pangkat_gol_ruang", "gol_ruang", "gol", "pangkat")),
    Column("jabatan", "Nama jabatan (paling banyak 300 karakter).", "Pranata Komputer Ahli Pertama",
           ("nama_jabatan",)),
    Column("jenis_jabatan", "JPT_UTAMA, JPT_MADYA, JPT_PRATAMA, ADMINISTRATOR, PENGAWAS, FUNGSIONAL, atau "
           "PELAKSANA. Kosong: PELAKSANA.", "FUNGSIONAL"),
    Column("jenjang", "Jenjang jabatan fungsional: AHLI_PERTAMA, AHLI_MUDA, AHLI_MADYA, AHLI_UTAMA, PEMULA, "
           "TERAMPIL, MAHIR, PENYELIA. Kosong untuk jabatan lain.", "AHLI_PERTAMA", ("jenjang_jabatan",)),
    Column("kode_unit", "Kode unit kerja pegawai: unit di lembar Unit, unit yang sudah ada, atau unit baru bila "
           "nama_unit diisi. Kosong: unit pegawai tidak diubah.", "D001.1", ("kode_unit_kerja",)),
    Column("nama_unit", "Nama unit kerja. Membuat unit baru bila kodenya belum ada; bila diisi harus sama di "
           "semua baris dengan kode yang sama.", "Bidang Pelayanan", ("unit_kerja", "nama_unit_kerja")),
    Column("kode_unit_induk", "Kode unit induk dari unit tersebut. Pada baris unit (lembar Unit, atau baris tanpa "
           "nip dan nama): kosong berarti unit teratas.", "D001", ("kode_induk", "unit_induk")),
    Column("nip_penilai", "NIP pejabat penilai kinerja (atasan langsung). Harus ada di berkas ini atau sudah ada "
           "di data pegawai. Kosong bersama nama_penilai: tidak ada pejabat penilai.", "197001011995031002",
           ("nip_pejabat_penilai", "nip_atasan")),
    Column("nama_penilai", "Nama pejabat penilai; dipakai hanya bila nip_penilai kosong (pejabat tanpa NIP, "
           "misalnya kepala daerah). Ekspor selalu mengisinya sebagai keterangan.", "",
           ("nama_pejabat_penilai", "nama_atasan")),
    Column("tahun", "Tahun penilaian hubungan pejabat penilai. Kosong: --year atau tahun berjalan.", "2026",
           ("tahun_penilaian",)),
)
UNIT_COLUMNS: tuple[Column, ...] = tuple(c for c in EMPLOYEE_COLUMNS if c.key in ("kode_unit", "nama_unit",
                                                                                    "kode_unit_induk"))
EMPLOYEE_KEYS = tuple(c.key for c in EMPLOYEE_COLUMNS)
UNIT_KEYS = tuple(c.key for c in UNIT_COLUMNS)
UNIT_SHEET = "Unit"
EMPLOYEE_SHEET = "Pegawai"
GUIDE_SHEET = "Petunjuk"
_SHEET_ALIASES = {"unit": UNIT_SHEET, "unit_kerja": UNIT_SHEET, "units": UNIT_SHEET,
                  "pegawai": EMPLOYEE_SHEET, "daftar_pegawai": EMPLOYEE_SHEET, "employees": EMPLOYEE_SHEET}
HEADER_SEARCH_ROWS = 30
CSV_DELIMITERS = ";,\t|"


def normalize_header(text: str) -> str:
    """``'Pangkat/Golongan'`` -> ``'pangkat_golongan'``."""
    return re.sub(r"[^0-9a-z]+", "_", text.casefold()).strip("_")


_ALIASES: dict[str, str] = {}
for _col in EMPLOYEE_COLUMNS:
    for _name in (_col.key, *_col.aliases):
        _ALIASES[_name] = _col.key


def column_key(header: Any) -> str | None:
    """The column key a header cell stands for, or None."""
    if not isinstance(header, str):
        return None
    return _ALIASES.get(normalize_header(header))


# ----------------------------------------------------------------------------- problems


@dataclass
class RosterProblem:
    """One problem in a roster file: where a clerk finds it (sheet, row, column) and why."""

    message: str
    row: int | None = None
    field: str | None = None
    sheet: str | None = None
    #: Where the bad row is that this row depends on (``'baris 15'``), when the row itself is fine
    #: but cannot be stored without it (its penilai or unit is on a bad row).
    depends_on: str | None = None

    def describe(self) -> str:
        """``'Lembar Pegawai, baris 7, kolom nip: NIP harus 18 digit ...'``."""
        parts = []
        if self.sheet:
            parts.append(f"Lembar {self.sheet}")
        if self.row is not None:
            parts.append(f"baris {self.row}" if parts else f"Baris {self.row}")
        if self.field:
            parts.append(f"kolom {self.field}")
        return f"{', '.join(parts)}: {self.message}" if parts else self.message

    def as_dict(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "field": self.field, "message": self.message,
                "depends_on": self.depends_on, "text": self.describe()}


# ----------------------------------------------------------------------------- raw tables


@dataclass(frozen=True)
class CellError:
    """A cell that has no usable value (an uncalculated formula, an Excel error such as #REF!)."""

    message: str


@dataclass
class Table:
    """A sheet (or CSV file) after its header row was found.

    ``rows`` holds (spreadsheet row number, cells) for every non-blank, non-comment row below
    the header; ``columns`` maps column keys to 0-based cell indexes; ``labels`` to the header
    text as the clerk wrote it (used in messages).
    """

    sheet: str | None
    units_only: bool
    header_row: int
    columns: dict[str, int]
    labels: dict[str, str]
    rows: list[tuple[int, list[Any]]]

    def label(self, key: str) -> str:
        return self.labels.get(key, key)


@dataclass
class RosterFile:
    tables: list[Table] = field(default_factory=list)
    problems: list[RosterProblem] = field(default_factory=list)
    warnings: list[RosterProblem] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_comment(cells: Sequence[Any]) -> bool:
    first = next((c for c in cells if not _is_blank(c)), None)
    return isinstance(first, str) and first.lstrip().startswith("#")


def _restored(cells: list[Any]) -> list[Any]:
    """A data row with the formula-guard quote of an export removed (see ``spreadsheet_safety``)."""
    if any(type(c) is str and c[:1] == "'" for c in cells):
        return [restore_cell(c) for c in cells]
    return cells


def _build_table(sheet: str | None, rows: list[tuple[int, list[Any]]], out: RosterFile, *,
                 units_sheet: bool) -> Table | None:
    """Find the header row (title rows above it are allowed) and keep the data rows below it."""
    data = [(n, cells) for n, cells in rows if any(not _is_blank(c) for c in cells)]
    if not data:
        out.warnings.append(RosterProblem("Lembar ini kosong dan dilewati." if sheet else "Berkas kosong.",
                                          sheet=sheet))
        return None
    for n, cells in data[:HEADER_SEARCH_ROWS]:
        keys = [column_key(c) for c in cells]
        present = set(keys) - {None}
        if not ({"kode_unit", "nama_unit"} <= present or (not units_sheet and {"nip", "nama"} <= present)):
            continue
        columns: dict[str, int] = {}
        labels: dict[str, str] = {}
        for index, (key, cell) in enumerate(zip(keys, cells, strict=True)):
            if key is None:
                if not _is_blank(cell):
                    out.warnings.append(RosterProblem(f"Kolom “{str(cell).strip()}” tidak dikenal dan diabaikan.",
                                                      row=n, sheet=sheet))
                continue
            if key in columns:
                out.problems.append(RosterProblem(
                    f"Kolom {key} tertulis dua kali (“{labels[key]}” dan “{str(cell).strip()}”).", row=n,
                    field=str(cell).strip(), sheet=sheet))
                continue
            columns[key] = index
            labels[key] = str(cell).strip()
        if units_sheet:
            for key in list(columns):
                if key not in UNIT_KEYS:
                    del columns[key]
        body = [(m, _restored(c)) for m, c in data if m > n and not _is_comment(c)]
        units_only = units_sheet or not ({"nip", "nama"} <= set(columns))
        return Table(sheet, units_only, n, columns, labels, body)
    wanted = "kode_unit dan nama_unit" if units_sheet else "nip dan nama (atau kode_unit dan nama_unit)"
    out.problems.append(RosterProblem(
        f"Baris judul kolom tidak ditemukan: {HEADER_SEARCH_ROWS} baris pertama tidak memuat kolom {wanted}. "
        "Gunakan templat dari perintah “kinerja roster template”.", sheet=sheet))
    return None


def read_roster_file(path: str | Path) -> RosterFile:
    """Read a roster file (.csv, .txt, .xlsx, .xlsm) into raw tables.

    Raises:
        ValidationError: the file is missing, of an unknown type, or not readable at all.
    """
    src = Path(path)
    if not src.is_file():
        raise ValidationError(f"Berkas {src} tidak ditemukan.", field="Berkas")
    suffix = src.suffix.lower()
    out = RosterFile()
    if suffix in (".csv", ".txt"):
        _read_csv(src, out)
    elif suffix in (".xlsx", ".xlsm"):
        _read_xlsx(src, out)
    elif suffix in (".xls", ".ods"):
        raise ValidationError(f"Format {suffix} belum didukung; simpan ulang berkas sebagai .xlsx atau .csv.",
                              field="Berkas")
    else:
        raise ValidationError(f"Jenis berkas {suffix or '(tanpa akhiran)'} tidak dikenal; gunakan .xlsx atau .csv.",
                              field="Berkas")
    return out


# ----------------------------------------------------------------------------- CSV


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes: a UTF-16 BOM, else UTF-8 (with or without BOM), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: csv.Sniffer, checked against the header line."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        return ";"
    header = next((ln for ln in lines[:HEADER_SEARCH_ROWS] if "nip" in ln.casefold() or "kode" in ln.casefold()),
                  lines[0])
    try:
        guess = csv.Sniffer().sniff("\n".join(lines[:50]), delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        guess = ""
    if guess and header.count(guess) > 0:
        return guess
    counts = {d: header.count(d) for d in CSV_DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _read_csv(src: Path, out: RosterFile) -> None:
    size = src.stat().st_size
    if size > MAX_WORKBOOK_BYTES:
        raise ValidationError(f"Berkas {src.name} terlalu besar ({megabytes(size)}); paling besar "
                              f"{megabytes(MAX_WORKBOOK_BYTES)}. Pisahkan datanya menjadi beberapa berkas.",
                              field="Berkas")
    text, out.encoding = decode_text(src.read_bytes())
    out.delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=out.delimiter)
    rows: list[tuple[int, list[Any]]] = []
    number = 0
    budget = CellBudget(src.name)
    # csv.reader builds a whole row before it can be counted: a one-line file of 50 million
    # delimiters would be 400 MB of list. Delimiters plus line breaks bound the cells from above.
    upper = text.count(out.delimiter) + text.count("\n") + 1
    if upper > budget.limit:
        budget.spend(upper)  # raises
    try:
        for number, cells in enumerate(reader, start=1):  # noqa: B007 - the number is used after the loop
            budget.spend(len(cells), f"baris {number}")
            rows.append((number, cells))
    except csv.Error as exc:
        out.problems.append(RosterProblem(f"Berkas CSV tidak dapat dibaca setelah baris ini ({exc}).",
                                          row=number + 1))
        return
    table = _build_table(None, rows, out, units_sheet=False)
    if table is not None:
        out.tables.append(table)


# ----------------------------------------------------------------------------- XLSX

_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")
_INT = re.compile(r"[+-]?\d+")


def _col_index(letters: str, _cache: dict[str, int] = {}) -> int:  # noqa: B006 - deliberate memo
    index = _cache.get(letters)
    if index is None:
        index = 0
        for ch in letters:
            index = index * 26 + (ord(ch) - 64)
        index -= 1
        _cache[letters] = index
    return index


def _ns(tag: str) -> str:
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def _shared_strings(z: zipfile.ZipFile, ns: str, budget: CellBudget) -> list[str]:
    """The shared-string table; like :func:`_parse_sheet`, every finished element is dropped at once."""
    name = next((n for n in z.namelist() if n.lower() == "xl/sharedstrings.xml"), None)
    if name is None:
        return []
    out: list[str] = []
    si, t, r = ns + "si", ns + "t", ns + "r"
    stack: list[Any] = []
    inside = 0  # elements seen inside the open <si>, or 0 outside
    with z.open(name) as fh:
        for event, el in ElementTree.iterparse(fh, events=("start", "end")):
            if event == "start":
                stack.append(el)
                if inside:
                    inside += 1
                    if inside > MAX_PARTS:
                        raise ValidationError(f"Teks ke-{len(out) + 1} di daftar teks bersama memuat lebih dari "
                                              f"{MAX_PARTS} bagian; berkas rusak.", field="Berkas")
                elif el.tag == si:
                    inside = 1
                continue
            stack.pop()
            if el.tag == si:
                inside = 0
                budget.spend(1, "daftar teks bersama")
                parts = [child.text or "" for child in el if child.tag == t]
                for run in el:
                    if run.tag == r:
                        parts.extend(x.text or "" for x in run if x.tag == t)
                out.append("".join(parts))
            elif inside:
                continue
            if stack:
                stack[-1].remove(el)
    return out


def _sheet_paths(z: zipfile.ZipFile) -> tuple[list[tuple[str, str]], str]:
    """(sheet name, zip path) in workbook order, and the main namespace."""
    root = ElementTree.fromstring(z.read("xl/workbook.xml"))
    ns = _ns(root.tag)
    rels_root = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels_root.iter(f"{{{_PKG_REL_NS}}}Relationship")}
    if not targets:  # strict OOXML uses another relationships namespace
        targets = {rel.get("Id"): rel.get("Target", "") for rel in rels_root if rel.get("Id")}
    sheets = []
    for sheet in root.iter(ns + "sheet"):
        rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
        target = targets.get(rid, "")
        if not target:
            continue
        full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        sheets.append((sheet.get("name", ""), full))
    return sheets, ns


def _number(text: str) -> int | float:
    return int(text) if _INT.fullmatch(text) else float(text)


#: Columns of a worksheet (A..XFD); a reference past it is not a real cell.
MAX_COLUMNS = 16384


def read_xlsx_rows(z: zipfile.ZipFile, path: str, ns: str, shared: list[str],
                   budget: CellBudget | None = None) -> list[tuple[int, list[Any]]]:
    """Every row of one sheet as (row number, cells) with cached values; merged ranges filled in.

    Every cell slot is counted against ``budget`` (a fresh :class:`CellBudget` when None).
    """
    budget = budget or CellBudget(path)
    rows: dict[int, list[Any]] = {}
    merges: list[str] = []
    with z.open(path) as fh:
        _parse_sheet(fh, ns, shared, rows, merges, budget)
    for ref in merges:
        _fill_merge(rows, ref, budget)
    return sorted(rows.items())


def _out_of_sheet(ref: str) -> ValidationError:
    return ValidationError(f"Sel {ref[:20]} berada di luar batas lembar kerja (kolom terakhir XFD); berkas rusak "
                           "atau dibuat dengan sengaja untuk menghabiskan memori.", field="Berkas")


#: Most elements inside one cell or one shared string (a rich-text string has a few runs).
MAX_PARTS = 1000


def _cell_value(c: Any, ref: str | None, kind: str | None, shared: list[str], tags: tuple[str, ...]) -> Any:
    tag_v, tag_f, tag_is, tag_t = tags
    v = c.find(tag_v)
    text = v.text if v is not None else None
    if kind == "inlineStr":
        box = c.find(tag_is)
        return "".join(t.text or "" for t in box.iter(tag_t)) if box is not None else ""
    if text is None or (text == "" and kind != "str"):
        if c.find(tag_f) is not None:
            return CellError(f"Sel {ref or ''} berisi rumus yang belum pernah dihitung (tidak ada nilai "
                             "tersimpan). Buka berkas di Excel/LibreOffice lalu simpan ulang, atau "
                             "salin dan Tempel Nilai saja.")
        return None
    if kind == "s":
        return shared[int(text)]
    if kind in ("str", "d"):
        return text
    if kind == "b":
        return text == "1"
    if kind == "e":
        return CellError(f"Sel {ref or ''} berisi galat rumus {text}.")
    return _number(text)


def _parse_sheet(fh: Any, ns: str, shared: list[str], rows: dict[int, list[Any]], merges: list[str],
                 budget: CellBudget) -> None:
    """Stream one sheet's XML into ``rows`` and ``merges``.

    Memory stays flat whatever the XML holds: every element is removed from its parent when it
    ends (a cell's parts once the cell is read), so nothing accumulates under the root; a cell
    with more than :data:`MAX_PARTS` elements inside is refused.
    """
    tag_row, tag_c = ns + "row", ns + "c"
    tags = (ns + "v", ns + "f", ns + "is", ns + "t")
    tag_merge = ns + "mergeCell"
    last_row = 0
    cells: list[Any] = []
    col = -1
    stack: list[Any] = []
    in_cell = 0  # elements seen inside the open <c>, or 0 outside any cell
    for event, el in ElementTree.iterparse(fh, events=("start", "end")):
        if event == "start":
            stack.append(el)
            if in_cell:
                in_cell += 1
                if in_cell > MAX_PARTS:
                    raise _out_of_sheet(f"baris {last_row}")
            elif el.tag == tag_c:
                in_cell = 1
            elif el.tag == tag_row:
                r_attr = el.get("r")
                last_row = int(r_attr) if r_attr else last_row + 1
                cells, col = [], -1
            continue
        stack.pop()
        tag = el.tag
        if tag == tag_c:
            in_cell = 0
            ref = el.get("r")
            if ref:
                m = _CELL_REF.match(ref)
                col = _col_index(m.group(1)) if m else col + 1
            else:
                col += 1
            value = _cell_value(el, ref, el.get("t"), shared, tags)
            if col >= len(cells):
                if col >= MAX_COLUMNS:
                    raise _out_of_sheet(ref or f"kolom {col + 1}")
                cells.extend([None] * (col + 1 - len(cells)))
            cells[col] = value
        elif in_cell:
            continue  # a part of the open cell, read when the cell ends
        elif tag == tag_row:
            budget.spend(len(cells), f"baris {last_row}")
            rows[last_row] = cells
            cells = []
        elif tag == tag_merge:
            budget.spend(1, "daftar sel gabungan")
            merges.append(el.get("ref", ""))
        if stack:
            stack[-1].remove(el)


def _fill_merge(rows: dict[int, list[Any]], ref: str, budget: CellBudget) -> None:
    """Copy the top-left value of a merged range into every cell of the range."""
    corners = [_CELL_REF.fullmatch(part) for part in ref.split(":")]
    if len(corners) != 2 or not all(corners):
        return
    (c1, r1), (c2, r2) = [(_col_index(m.group(1)), int(m.group(2))) for m in corners if m]
    if max(c1, c2) >= MAX_COLUMNS:
        raise _out_of_sheet(ref)
    top = rows.get(r1, [])
    value = top[c1] if c1 < len(top) else None
    if value is None or r2 < r1 or c2 < c1:
        return
    budget.spend((r2 - r1 + 1) * (c2 + 1), f"sel gabungan {ref[:30]}")
    for r in range(r1, r2 + 1):
        cells = rows.setdefault(r, [])
        if len(cells) <= c2:
            cells.extend([None] * (c2 + 1 - len(cells)))
        for c in range(c1, c2 + 1):
            if cells[c] is None:
                cells[c] = value


def _read_xlsx(src: Path, out: RosterFile) -> None:
    budget = CellBudget(src.name)
    try:
        with zipfile.ZipFile(src) as z:
            check_workbook_archive(z, src.name, src.stat().st_size)
            sheets, ns = _sheet_paths(z)
            shared = _shared_strings(z, ns, budget)
            by_role: dict[str, tuple[str, str]] = {}
            for name, path in sheets:
                role = _SHEET_ALIASES.get(normalize_header(name))
                if role and role not in by_role:
                    by_role[role] = (name, path)
            if not by_role:
                # No "Unit"/"Pegawai" sheet: the first sheet with a header is one combined table.
                for name, path in sheets:
                    if normalize_header(name) == normalize_header(GUIDE_SHEET):
                        continue
                    probe = RosterFile()
                    table = _build_table(name, read_xlsx_rows(z, path, ns, shared, budget), probe,
                                         units_sheet=False)
                    if table is not None:
                        out.tables.append(table)
                        out.warnings.extend(probe.warnings)
                        return
                out.problems.append(RosterProblem(
                    "Tidak ada lembar berisi data pegawai: beri nama lembar “Pegawai” (dan “Unit” untuk daftar "
                    "unit) dan baris judul kolom nip, nama, ... seperti pada templat."))
                return
            for role in (UNIT_SHEET, EMPLOYEE_SHEET):
                if role in by_role:
                    name, path = by_role[role]
                    table = _build_table(name, read_xlsx_rows(z, path, ns, shared, budget), out,
                                         units_sheet=role == UNIT_SHEET)
                    if table is not None:
                        out.tables.append(table)
    except (zipfile.BadZipFile, zlib.error, KeyError, ElementTree.ParseError, ValueError, IndexError, EOFError,
            NotImplementedError, RuntimeError, OSError) as exc:  # a damaged or encrypted file, never a crash
        raise ValidationError(f"Berkas {src.name} bukan berkas XLSX yang dapat dibaca ({exc}).",
                              field="Berkas") from exc
    if not out.tables and not out.problems:
        out.problems.append(RosterProblem("Berkas tidak berisi data."))


# ----------------------------------------------------------------------------- writing


def _csv_header_and_rows(header: Sequence[str], rows: Sequence[Sequence[Any]], target: Path) -> None:
    with open(target, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow(neutralise_row(header))
        writer.writerows(neutralise_row(row) for row in rows)


def write_csv(target: Path, rows: Sequence[Sequence[Any]], *, comment: Sequence[Any] | None = None) -> None:
    """A roster CSV: UTF-8 with BOM and ``;`` (what Excel in Indonesian locale opens directly)."""
    body = ([list(comment)] if comment else []) + [list(r) for r in rows]
    _csv_header_and_rows(EMPLOYEE_KEYS, body, target)


def write_xlsx(target: Path, unit_rows: Sequence[Sequence[Any]], employee_rows: Sequence[Sequence[Any]], *,
               template: bool = False) -> None:
    """A roster workbook with sheets Unit and Pegawai (and Petunjuk for a template)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    grey = Font(italic=True, color="808080")

    def sheet(title: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]], first: bool) -> Any:
        ws = wb.active if first else wb.create_sheet()
        ws.title = title
        ws.append([c.key for c in columns])
        for index, col in enumerate(columns, start=1):
            cell = ws.cell(row=1, column=index)
            cell.font, cell.fill = bold, fill
            if template:
                cell.comment = Comment(col.description + (f"\nContoh: {col.example}" if col.example else ""),
                                       "Kinerja Desktop", width=320, height=140)
            letter = cell.column_letter
            ws.column_dimensions[letter].width = max(12, min(40, len(col.example or col.key) + 4))
            if col.key in ("nip", "nip_penilai", "kode_unit", "kode_unit_induk"):
                ws.column_dimensions[letter].number_format = "@"
        for row in rows:
            ws.append(neutralise_row(row))
        ws.freeze_panes = "A2"
        return ws

    units_ws = sheet(UNIT_SHEET, UNIT_COLUMNS, unit_rows, True)
    emp_ws = sheet(EMPLOYEE_SHEET, EMPLOYEE_COLUMNS, employee_rows, False)
    if template:
        for ws, columns in ((units_ws, UNIT_COLUMNS), (emp_ws, EMPLOYEE_COLUMNS)):
            example = ["# " + columns[0].example] + [c.example for c in columns[1:]]
            ws.append(neutralise_row(example))
            for cell in ws[2]:
                cell.font = grey
        choices = {"jenis_asn": "PNS,PPPK,LAINNYA",
                   "jenis_jabatan": "JPT_UTAMA,JPT_MADYA,JPT_PRATAMA,ADMINISTRATOR,PENGAWAS,FUNGSIONAL,PELAKSANA",
                   "jenjang": "AHLI_PERTAMA,AHLI_MUDA,AHLI_MADYA,AHLI_UTAMA,PEMULA,TERAMPIL,MAHIR,PENYELIA"}
        for index, col in enumerate(EMPLOYEE_COLUMNS, start=1):
            if col.key in choices:
                dv = DataValidation(type="list", formula1=f'"{choices[col.key]}"', allow_blank=True,
                                    showErrorMessage=False)
                letter = emp_ws.cell(row=1, column=index).column_letter
                dv.add(f"{letter}3:{letter}50000")
                emp_ws.add_data_validation(dv)
        guide = wb.create_sheet(GUIDE_SHEET)
        guide.append(["Kolom", "Keterangan", "Contoh"])
        for cell in guide[1]:
            cell.font = bold
        for col in EMPLOYEE_COLUMNS:
            guide.append(neutralise_row([col.key, col.description, col.example]))
        for line in GUIDE_NOTES:
            guide.append([])
            guide.append([neutralise_cell(line)])
        guide.column_dimensions["A"].width = 18
        guide.column_dimensions["B"].width = 110
        guide.column_dimensions["C"].width = 30
    wb.save(target)


GUIDE_NOTES = (
    "Lembar Unit memuat daftar unit kerja (kode_unit, nama_unit, kode_unit_induk); lembar Pegawai memuat pegawai.",
    "Baris yang sel pertamanya diawali tanda # adalah contoh atau catatan dan tidak diimpor; baris kosong diabaikan.",
    "Mengimpor ulang memperbarui pegawai yang NIP-nya sama (tidak membuat data ganda).",
    "Bila ada baris yang salah, tidak ada yang diimpor; setiap kesalahan disebut dengan nomor baris dan kolomnya.",
)
