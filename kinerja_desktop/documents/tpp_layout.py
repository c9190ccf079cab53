"""REKAPITULASI TPP (porsi kinerja): the recap for the finance office, monthly or for the year.

Per unit a heading row, then one row per person (monthly: the evaluation period, predikat and
percents; annual: the percent of TPP for each month and the average), a per-unit summary table,
and the rule used (the instansi's table and its legal basis) printed in full.
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
from kinerja_desktop.documents.sheet_data import NO_HASH, Instansi, Sheet

__all__ = ["TppPersonRow", "TppSheet", "TppUnitRow", "meta", "story"]

TITLE = "REKAPITULASI TAMBAHAN PENGHASILAN PEGAWAI (PORSI KINERJA)"
MONTHS_SHORT = ("JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU", "SEP", "OKT", "NOV", "DES")


@dataclass(frozen=True, slots=True)
class TppPersonRow:
    unit: str  # "Nama Unit (KODE)"
    nama: str
    nip: str
    jabatan: str
    cells: tuple[str, ...]  # monthly: period, predikat, % porsi, % TPP; annual: 12 x "SB|60%" then average
    # ("|" separates the lines of one cell)


@dataclass(frozen=True, slots=True)
class TppUnitRow:
    unit: str
    people: int
    average: str
    counts: tuple[str, ...]  # SB, B, BP, K, SK, months without evaluation


@dataclass(frozen=True, slots=True)
class TppSheet(Sheet):
    KIND = "tpp"
    doc_id: str = field(metadata=NO_HASH)
    instansi: Instansi
    year: int
    month: int | None
    period_title: str
    scope: str
    rows: tuple[TppPersonRow, ...]
    units: tuple[TppUnitRow, ...]
    rule_basis: str
    rule_lines: tuple[str, ...]
    tempat: str = ""
    tanggal: date | None = None


def _people_table(sheet: TppSheet, width: float) -> Flowable:
    st = styles()
    if sheet.month:
        titles = ["NO", "NAMA / NIP", "JABATAN", "PERIODE EVALUASI", "PREDIKAT", "% PORSI KINERJA", "% TPP"]
        weights = [5, 30, 27, 11, 13, 8, 7]
    else:
        titles = ["NO", "NAMA / NIP", *MONTHS_SHORT, "RATA-RATA % TPP"]
        weights = [4.5, 25, *([5.4] * 12), 10]
    total = sum(weights)
    widths = [width * w / total for w in weights]
    items: list[Block | FullRow] = []
    current = None
    n = 0
    for row in sheet.rows:
        if row.unit != current:
            current = row.unit
            items.append(FullRow([plain(row.unit, st.cell_bold)]))
        n += 1
        cells: dict[int, list[Flowable]] = {0: [plain(str(n), st.cell_center)],
                                            1: [para(row.nama, st.cell_bold), para(f"NIP {row.nip}", st.small)]}
        start = 2
        if sheet.month:
            cells[2] = [para(row.jabatan)]
            start = 3
        for i, text in enumerate(row.cells):
            cells[start + i] = [plain(part, st.cell_center) for part in text.split("|")]
        items.append(Block(cells=cells))
    if not sheet.rows:
        items.append(FullRow([para("Tidak ada pegawai ASN dalam cakupan ini.")], background=None))
    return flow_table(widths, [[plain(t, st.head) for t in titles]], items)


def _unit_table(sheet: TppSheet, width: float) -> Flowable:
    st = styles()
    titles = ["UNIT", "PEGAWAI", "RATA-RATA % TPP", "SB", "B", "BP", "K", "SK", "BELUM ADA EVALUASI"]
    weights = [40, 9, 11, 6, 6, 6, 6, 6, 10]
    total = sum(weights)
    items: list[Block | FullRow] = [
        Block(cells={0: [para(u.unit)], 1: [plain(str(u.people), st.cell_center)],
                     2: [plain(u.average, st.cell_bold_center)],
                     **{3 + i: [plain(c, st.cell_center)] for i, c in enumerate(u.counts)}})
        for u in sheet.units
    ]
    return flow_table([width * w / total for w in weights], [[plain(t, st.head) for t in titles]], items)


def story(sheet: TppSheet, ctx: LayoutContext) -> list[Flowable]:
    st = styles()
    width = ctx.width
    out: list[Flowable] = [
        *kop(sheet.instansi, width, ctx.logo),
        *title_block(TITLE, [sheet.scope.upper(), sheet.period_title]),
        plain("I. REKAP PER PEGAWAI", st.section), Spacer(1, 1.5 * mm),
    ]
    if not sheet.month:
        out += [para("Setiap sel bulan: singkatan predikat (SB Sangat Baik, B Baik, BP Butuh Perbaikan, K Kurang/"
                     "Misconduct, SK Sangat Kurang, - belum ada evaluasi final) dan, di bawahnya, persen TPP yang "
                     "dibayar untuk porsi kinerja.", st.small), Spacer(1, 1 * mm)]
    out += [
        _people_table(sheet, width), Spacer(1, 3 * mm),
        plain("II. REKAP PER UNIT", st.section), Spacer(1, 1.5 * mm),
        para("Kolom SB sampai SK dan BELUM ADA EVALUASI: jumlah " + ("pegawai." if sheet.month else
             "bulan-pegawai (satu pegawai dihitung sekali per bulan)."), st.small), Spacer(1, 1 * mm),
        _unit_table(sheet, width), Spacer(1, 3 * mm),
        plain("III. ATURAN YANG DIPAKAI", st.section), Spacer(1, 1.5 * mm),
        para(f"Dasar: {sheet.rule_basis or '-'}", st.cell_bold),
        para("Predikat bulan diambil dari evaluasi periodik final atau bertanda tangan yang paling pendek yang "
             "mencakup bulan itu (bulanan, lalu triwulan, lalu semester)."),
        *[para(f"• {line}") for line in sheet.rule_lines],
    ]
    caption = periode_caption(sheet.tempat, sheet.tanggal)
    out.append(signature_row([None, Signer("pengelola", (caption, "Pengelola kepegawaian,"), None)], width))
    return out


def meta(sheet: TppSheet) -> DocMeta:
    return DocMeta(
        title=f"Rekap TPP {sheet.period_title.title()} — {sheet.scope}",
        subject=f"{TITLE} {sheet.period_title}",
        keywords=f"TPP, tunjangan kinerja, {sheet.period_title}, {sheet.scope}",
        header=f"REKAP TPP {sheet.period_title} — {sheet.scope}",
    )
