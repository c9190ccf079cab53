"""LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT: the results report of a unit that its head signs.

The report follows the usual structure of an SKM report (PermenPAN-RB 14/2017): identity, method,
respondents, results per unsur with a chart, the IKM and its mutu against the previous period,
analysis (weakest unsur named), follow-up plan, and the unit head's signature field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from kinerja_desktop.documents.flow_table import Block, FullRow, flow_table, plain
from kinerja_desktop.documents.layout_common import (
    Signer,
    format_tanggal,
    kop,
    missing,
    para,
    periode_caption,
    signature_row,
    title_block,
)
from kinerja_desktop.documents.layout_context import DocMeta, LayoutContext
from kinerja_desktop.documents.page_setup import FONT, FONT_BOLD, styles
from kinerja_desktop.documents.sections import label_value_table
from kinerja_desktop.documents.sheet_data import NO_HASH, Instansi, Person, Sheet
from kinerja_desktop.domain.periods import Period

__all__ = ["SkmReportSheet", "SkmUnsurRow", "meta", "story"]

TITLE = "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT"


@dataclass(frozen=True, slots=True)
class SkmUnsurRow:
    code: str
    name: str
    total: int
    respondents: int
    nrr: float
    weighted: float
    mutu: str


@dataclass(frozen=True, slots=True)
class SkmReportSheet(Sheet):
    KIND = "skm"
    doc_id: str = field(metadata=NO_HASH)
    instansi: Instansi
    year: int
    period: Period
    unit_nama: str
    unit_code: str
    services: tuple[str, ...] = ()
    population: int | None = None
    required_sample: int | None = None
    respondents: int = 0
    voided: int = 0
    first_day: date | None = None
    last_day: date | None = None
    unsur: tuple[SkmUnsurRow, ...] = ()
    ikm: str = ""  # two decimals with a comma, as published; "" when there is no index yet
    mutu: str = ""
    mutu_label: str = ""
    weakest: str = ""
    by_service: tuple[tuple[str, str], ...] = ()
    profile: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = ()
    previous: str = ""  # "TAHUNAN 2025: 80,12 (B)" or ""
    change: str = ""
    analysis: str = ""
    follow_up: tuple[tuple[str, str, str, str], ...] = ()  # action, unsur, responsible, deadline
    pimpinan: Person | None = None
    pimpinan_id: str = field(default="", metadata=NO_HASH)
    tempat: str = ""
    tanggal: date | None = None


def _comma(value: float, places: int) -> str:
    return f"{value:.{places}f}".replace(".", ",")


class NrrChart(Flowable):
    """Horizontal bars of the NRR per unsur on the 1..4 scale, the weakest in red."""

    def __init__(self, rows: tuple[SkmUnsurRow, ...], width: float, weakest: str) -> None:
        super().__init__()
        self.rows, self.width, self.weakest = rows, width, weakest
        self.height = 7 * mm + 5.2 * mm * len(rows)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = min(self.width, availWidth)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        left, right, bottom = 58 * mm, 14 * mm, 6 * mm
        plot_w = self.width - left - right
        c.saveState()
        c.setFont(FONT, 6)
        for tick in range(0, 5):
            x = left + plot_w * tick / 4
            c.setStrokeColor(colors.HexColor("#d0d0d0"))
            c.setLineWidth(0.3)
            c.line(x, bottom, x, self.height - 1 * mm)
            c.setFillColor(colors.black)
            c.drawCentredString(x, bottom - 3.5 * mm, str(tick))
        for i, row in enumerate(self.rows):
            y = self.height - 1 * mm - 5.2 * mm * (i + 1)
            c.setFillColor(colors.black)
            c.setFont(FONT, 6.5)
            label = f"{row.code} {row.name}"
            c.drawString(0, y + 1.2 * mm, label[:48])
            bar = plot_w * max(row.nrr, 0) / 4
            c.setFillColor(colors.HexColor("#c0392b") if row.code == self.weakest else colors.HexColor("#1f4e79"))
            c.rect(left, y + 0.6 * mm, bar, 3.4 * mm, stroke=0, fill=1)
            c.setFillColor(colors.black)
            c.setFont(FONT_BOLD, 6.5)
            c.drawString(left + bar + 1 * mm, y + 1.3 * mm, _comma(row.nrr, 3) if row.respondents else "-")
        c.restoreState()


def _unsur_table(sheet: SkmReportSheet, width: float) -> Flowable:
    st = styles()
    titles = ["NO", "UNSUR PELAYANAN", "JUMLAH NILAI", "NRR", "NRR TERTIMBANG", "MUTU"]
    weights = [6, 40, 13, 12, 15, 10]
    total = sum(weights)
    items: list[Block | FullRow] = []
    for row in sheet.unsur:
        items.append(Block(cells={
            0: [plain(row.code, st.cell_center)], 1: [para(row.name)],
            2: [plain(str(row.total), st.cell_center)],
            3: [plain(_comma(row.nrr, 3) if row.respondents else "-", st.cell_center)],
            4: [plain(_comma(row.weighted, 3) if row.respondents else "-", st.cell_center)],
            5: [plain(row.mutu or "-", st.cell_bold_center)],
        }))
    items.append(Block(cells={
        0: [], 1: [plain("IKM = Σ (NRR × 1/9) × 25", st.cell_bold)], 2: [], 3: [], 4: [],
        5: [plain(sheet.ikm or "-", st.cell_bold_center)]}))
    return flow_table([width * w / total for w in weights], [[plain(t, st.head) for t in titles]], items)


def _profile_table(sheet: SkmReportSheet, width: float) -> Flowable:
    st = styles()
    items: list[Block | FullRow] = []
    for title, counts in sheet.profile:
        text = "; ".join(f"{label}: {n}" for label, n in counts) or "-"
        items.append(Block(cells={0: [plain(title, st.cell_bold)], 1: [para(text)]}))
    return flow_table([width * 0.25, width * 0.75], [[plain("KARAKTERISTIK", st.head),
                                                      plain("JUMLAH RESPONDEN", st.head)]], items)


def _follow_up(sheet: SkmReportSheet, width: float) -> Flowable:
    st = styles()
    items: list[Block | FullRow] = []
    for n, (action, unsur, who, deadline) in enumerate(sheet.follow_up, start=1):
        items.append(Block(cells={0: [plain(str(n), st.cell_center)], 1: [para(action)], 2: [para(unsur or "-")],
                                  3: [para(who or "-")], 4: [para(deadline or "-")]}))
    if not sheet.follow_up:
        items.append(FullRow([missing("rencana tindak lanjut belum diisi")], background=None))
    head = [[plain(t, st.head) for t in ("NO", "RENCANA TINDAK LANJUT", "UNSUR", "PENANGGUNG JAWAB", "WAKTU")]]
    return flow_table([width * w for w in (0.06, 0.44, 0.14, 0.22, 0.14)], head, items)


def story(sheet: SkmReportSheet, ctx: LayoutContext) -> list[Flowable]:
    st = styles()
    width = ctx.width
    days = (f"{format_tanggal(sheet.first_day)} s.d. {format_tanggal(sheet.last_day)}"
            if sheet.first_day else "-")
    sample = (f"populasi {sheet.population} orang, sampel minimal {sheet.required_sample} responden "
              f"(tabel Krejcie dan Morgan)" if sheet.population else "populasi belum diisi")
    enough = ""
    if sheet.required_sample is not None:
        enough = " (memenuhi)" if sheet.respondents >= sheet.required_sample else " (belum memenuhi sampel minimal)"
    out: list[Flowable] = [
        *kop(sheet.instansi, width, ctx.logo),
        *title_block(TITLE, [f"{sheet.unit_nama.upper()}", f"PERIODE: {sheet.period.print_label} TAHUN {sheet.year}"]),
        plain("I. IDENTITAS DAN METODE", st.section), Spacer(1, 1.5 * mm),
        label_value_table([
            ("UNIT PELAYANAN", para(f"{sheet.unit_nama} ({sheet.unit_code})", st.cell_bold)),
            ("JENIS LAYANAN", para(", ".join(sheet.services) or "-")),
            ("DASAR", para("Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei "
                           "Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik")),
            ("METODE", para("Kuesioner 9 unsur pelayanan, jawaban bernilai 1-4; nilai rata-rata (NRR) per unsur, "
                            "IKM = jumlah (NRR × 1/9) × 25 (rentang 25-100).")),
            ("POPULASI DAN SAMPEL", para(sample)),
            ("WAKTU PELAKSANAAN", para(days)),
            ("JUMLAH RESPONDEN", para(f"{sheet.respondents} responden{enough}"
                                      + (f"; {sheet.voided} tanggapan dibatalkan" if sheet.voided else ""))),
        ], width, label_ratio=0.28),
        Spacer(1, 3 * mm),
        plain("II. PROFIL RESPONDEN", st.section), Spacer(1, 1.5 * mm), _profile_table(sheet, width),
        Spacer(1, 3 * mm),
        plain("III. HASIL PER UNSUR", st.section), Spacer(1, 1.5 * mm), _unsur_table(sheet, width),
        Spacer(1, 2 * mm), NrrChart(sheet.unsur, width, sheet.weakest.split(" ")[0] if sheet.weakest else ""),
        Spacer(1, 3 * mm),
        plain("IV. INDEKS KEPUASAN MASYARAKAT", st.section), Spacer(1, 1.5 * mm),
        label_value_table([
            ("NILAI IKM", plain(sheet.ikm or "-", st.cell_bold)),
            ("MUTU PELAYANAN", plain(f"{sheet.mutu} ({sheet.mutu_label})" if sheet.mutu else "-", st.cell_bold)),
            ("PERIODE SEBELUMNYA", para(f"{sheet.previous}; perubahan {sheet.change}" if sheet.previous
                                        else "belum ada survei periode sebelumnya")),
            ("IKM PER JENIS LAYANAN", para("; ".join(f"{n}: {v}" for n, v in sheet.by_service) or "-")),
        ], width, label_ratio=0.28),
        Spacer(1, 3 * mm),
        plain("V. ANALISIS", st.section), Spacer(1, 1.5 * mm),
        label_value_table([
            ("UNSUR TERLEMAH", para(sheet.weakest or "-", st.cell_bold)),
            ("ANALISIS", para(sheet.analysis) if sheet.analysis.strip() else missing()),
        ], width, label_ratio=0.28),
        Spacer(1, 3 * mm),
        plain("VI. RENCANA TINDAK LANJUT", st.section), Spacer(1, 1.5 * mm), _follow_up(sheet, width),
    ]
    caption = periode_caption(sheet.tempat, sheet.tanggal)
    jabatan = sheet.pimpinan.jabatan if sheet.pimpinan and sheet.pimpinan.jabatan else "Pimpinan Unit Pelayanan"
    out.append(signature_row([None, Signer("pimpinan", (caption, "Yang melaporkan,", jabatan), sheet.pimpinan)],
                             width))
    return out


def meta(sheet: SkmReportSheet) -> DocMeta:
    unit = f"{sheet.unit_nama} ({sheet.unit_code})"
    return DocMeta(
        title=f"Laporan Survei Kepuasan Masyarakat {sheet.period.label} {sheet.year} — {unit}",
        subject=f"{TITLE} PERIODE {sheet.period.print_label} TAHUN {sheet.year}",
        keywords=f"Survei Kepuasan Masyarakat, IKM {sheet.ikm}, Unit {sheet.unit_code}, Tahun {sheet.year}",
        header=f"LAPORAN SKM {sheet.period.print_label} {sheet.year} — {unit}",
    )
