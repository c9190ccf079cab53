"""MATRIKS PERAN HASIL: a unit head's RHK against their staff and tim kerja, with the draft RHK each gets.

I. the grid (RHK rows, one numbered column per person who has a part, the part each plays), when
they fit across the page; II. per RHK, one row per person with the draft RHK, its indicators and targets,
the tim kerja and whether the staff member took it into their SKP; III. the tim kerja. Signed by
the unit head (the "pimpinan" box).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from kinerja_desktop.documents.flow_table import Block, FullRow, flow_table, plain
from kinerja_desktop.documents.layout_common import Signer, kop, para, periode_caption, signature_row, title_block
from kinerja_desktop.documents.layout_context import DocMeta, LayoutContext
from kinerja_desktop.documents.page_setup import styles
from kinerja_desktop.documents.sheet_data import NO_HASH, Instansi, Person, Sheet

__all__ = ["MatriksCell", "MatriksPerson", "MatriksRow", "MatriksSheet", "MatriksTeam", "meta", "story"]

TITLE = "MATRIKS PERAN HASIL"
#: More people than this do not fit as grid columns; the detail list still has everyone.
GRID_MAX_PEOPLE = 14


@dataclass(frozen=True, slots=True)
class MatriksPerson:
    nama: str
    nip: str
    jabatan: str
    via: str


@dataclass(frozen=True, slots=True)
class MatriksCell:
    person: int  # index into MatriksSheet.people
    peran: str
    text: str
    indicators: tuple[str, ...]  # "Kuantitas: Jumlah berkas — 240 berkas"
    tim: str
    status: str


@dataclass(frozen=True, slots=True)
class MatriksRow:
    number: str
    text: str
    cells: tuple[MatriksCell, ...]


@dataclass(frozen=True, slots=True)
class MatriksTeam:
    name: str
    description: str
    members: tuple[str, ...]  # "Nama (peran)"


@dataclass(frozen=True, slots=True)
class MatriksSheet(Sheet):
    KIND = "matriks"
    doc_id: str = field(metadata=NO_HASH)
    instansi: Instansi
    year: int
    head: Person
    unit: str
    plan_status: str
    people: tuple[MatriksPerson, ...]
    rows: tuple[MatriksRow, ...]
    teams: tuple[MatriksTeam, ...] = ()
    tempat: str = ""
    tanggal: date | None = None


def _in_grid(sheet: MatriksSheet) -> list[int]:
    """People who have a part in at least one RHK (the grid's columns), in the sheet's order."""
    return sorted({c.person for r in sheet.rows for c in r.cells})


def _grid(sheet: MatriksSheet, width: float, columns: list[int]) -> Flowable:
    st = styles()
    n = len(columns)
    first = [5.0, 34.0]
    rest = (100.0 - sum(first)) / max(n, 1)
    weights = [*first, *([rest] * n)]
    widths = [width * w / 100 for w in weights]
    head = [plain("NO", st.head), plain("RHK PIMPINAN", st.head), *[plain(str(i + 1), st.head) for i in range(n)]]
    place = {person: k for k, person in enumerate(columns)}
    items: list[Block | FullRow] = []
    for row in sheet.rows:
        cells: dict[int, list[Flowable]] = {0: [plain(row.number, st.cell_center)], 1: [para(row.text)]}
        for c in row.cells:
            cells[2 + place[c.person]] = [para(c.peran or "✓", st.small)]
        items.append(Block(cells=cells))
    return flow_table(widths, [head], items)


def _legend(sheet: MatriksSheet, columns: list[int]) -> list[Flowable]:
    st = styles()
    people = [sheet.people[i] for i in columns]
    return [para("Kolom: " + "; ".join(f"{k + 1}. {p.nama} ({p.jabatan or '-'}; {p.via})"
                                        for k, p in enumerate(people)), st.small)]


def _details(sheet: MatriksSheet, width: float) -> Flowable:
    st = styles()
    titles = ["NO", "PEGAWAI", "PERAN / TIM KERJA", "RHK PEGAWAI (USULAN)", "INDIKATOR DAN TARGET", "STATUS"]
    weights = [6, 21, 15, 24, 24, 10]
    total = sum(weights)
    items: list[Block | FullRow] = []
    for row in sheet.rows:
        items.append(FullRow([para(f"{row.number} {row.text}", st.cell_bold)]))
        if not row.cells:
            items.append(FullRow([para("Belum dibagi kepada pegawai.", st.small)], background=None))
        for k, c in enumerate(row.cells, start=1):
            p = sheet.people[c.person]
            items.append(Block(cells={
                0: [plain(f"{row.number}.{k}", st.cell_center)],
                1: [para(p.nama, st.cell_bold), para(f"NIP {p.nip or '-'}", st.small), para(p.jabatan, st.small)],
                2: [para(c.peran or "-"), *([para(f"Tim: {c.tim}", st.small)] if c.tim else [])],
                3: [para(c.text)],
                4: [para(f"• {line}", st.small) for line in c.indicators] or [para("-")],
                5: [plain(c.status, st.cell_center)],
            }))
    return flow_table([width * w / total for w in weights], [[plain(t, st.head) for t in titles]], items)


def _teams(sheet: MatriksSheet, width: float) -> Flowable:
    st = styles()
    items: list[Block | FullRow] = [
        Block(cells={0: [para(t.name, st.cell_bold), *([para(t.description, st.small)] if t.description else [])],
                     1: [para(", ".join(t.members) or "-")]})
        for t in sheet.teams
    ]
    return flow_table([width * 0.35, width * 0.65], [[plain("TIM KERJA", st.head), plain("ANGGOTA", st.head)]],
                      items)


def story(sheet: MatriksSheet, ctx: LayoutContext) -> list[Flowable]:
    st = styles()
    width = ctx.width
    status = f" (SKP pimpinan: {sheet.plan_status})" if sheet.plan_status else ""
    out: list[Flowable] = [
        *kop(sheet.instansi, width, ctx.logo),
        *title_block(TITLE, [f"{sheet.unit.upper()} — TAHUN {sheet.year}",
                             f"PIMPINAN UNIT: {sheet.head.nama.upper()}{status}"]),
    ]
    section = 1
    columns = _in_grid(sheet)
    if 0 < len(columns) <= GRID_MAX_PEOPLE:
        out += [plain("I. PEMBAGIAN PERAN", st.section), Spacer(1, 1.5 * mm), _grid(sheet, width, columns),
                Spacer(1, 1 * mm), *_legend(sheet, columns), Spacer(1, 3 * mm)]
        section = 2
    roman = {1: "I", 2: "II", 3: "III"}
    out += [plain(f"{roman[section]}. RHK YANG DIUSULKAN KEPADA PEGAWAI", st.section), Spacer(1, 1.5 * mm),
            para("RHK di bawah ini muncul sebagai usulan di SKP masing-masing pegawai, dengan RHK pimpinan yang "
                 "diintervensi sudah terisi; pegawai menerima, mengubah, atau menolaknya.", st.small),
            Spacer(1, 1 * mm), _details(sheet, width), Spacer(1, 3 * mm)]
    if sheet.teams:
        out += [plain(f"{roman[section + 1]}. TIM KERJA", st.section), Spacer(1, 1.5 * mm), _teams(sheet, width)]
    caption = periode_caption(sheet.tempat, sheet.tanggal)
    out.append(signature_row([None, Signer("pimpinan", (caption, "Pimpinan Unit Kerja,"), sheet.head)], width))
    return out


def meta(sheet: MatriksSheet) -> DocMeta:
    return DocMeta(
        title=f"Matriks Peran Hasil {sheet.unit} {sheet.year}",
        subject=f"{TITLE} {sheet.unit} TAHUN {sheet.year}",
        keywords=f"matriks peran hasil, tim kerja, cascading, {sheet.unit}, {sheet.year}",
        header=f"MATRIKS PERAN HASIL — {sheet.unit} — {sheet.year}",
    )
