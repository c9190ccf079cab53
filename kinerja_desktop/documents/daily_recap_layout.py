"""REKAPITULASI PROGRES HARIAN: a month of daily logs per person (and per unit), for the tunjangan
kinerja calculation.

I. per person: working days, days logged on time, late, not logged and the share logged; II. for
one person, every day of the month with its status and the entries; III. the calendar used
(worked weekdays, the month's holidays) and the late window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from kinerja_desktop.documents.flow_table import Block, FullRow, flow_table, plain
from kinerja_desktop.documents.layout_common import Signer, kop, para, periode_caption, signature_row, title_block
from kinerja_desktop.documents.layout_context import DocMeta, LayoutContext
from kinerja_desktop.documents.page_setup import styles
from kinerja_desktop.documents.sheet_data import NO_HASH, Instansi, Person, Sheet

__all__ = ["DailyDayRow", "DailyPersonRow", "DailyRecapSheet", "meta", "story"]

TITLE = "REKAPITULASI PROGRES HARIAN PEGAWAI"


@dataclass(frozen=True, slots=True)
class DailyPersonRow:
    unit: str
    nama: str
    nip: str
    working: int
    on_time: int
    late: int
    missing: int
    share: str  # "95%"


@dataclass(frozen=True, slots=True)
class DailyDayRow:
    tanggal: str  # "Senin, 2 Nov"
    status: str  # "Tepat waktu", "Terlambat", "Tidak diisi", "Libur: ..."
    entries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DailyRecapSheet(Sheet):
    KIND = "rekap-harian"
    doc_id: str = field(metadata=NO_HASH)
    instansi: Instansi
    year: int
    month: int
    period_title: str  # "BULAN NOVEMBER 2026"
    scope: str
    rows: tuple[DailyPersonRow, ...]
    days: tuple[DailyDayRow, ...] = ()  # one person's month, day by day
    calendar_lines: tuple[str, ...] = ()
    signer: Person | None = None
    signer_caption: str = "Pengelola kepegawaian,"
    tempat: str = ""
    tanggal: date | None = None


def _people_table(sheet: DailyRecapSheet, width: float) -> Flowable:
    st = styles()
    titles = ["NO", "NAMA / NIP", "HARI KERJA", "TEPAT WAKTU", "TERLAMBAT", "TIDAK DIISI", "% DIISI"]
    weights = [5, 43, 10, 10, 10, 10, 10]
    total = sum(weights)
    items: list[Block | FullRow] = []
    current = None
    for n, row in enumerate(sheet.rows, start=1):
        if row.unit != current and len({r.unit for r in sheet.rows}) > 1:
            current = row.unit
            items.append(FullRow([plain(row.unit, st.cell_bold)]))
        cells: dict[int, Sequence[Any]] = {0: [plain(str(n), st.cell_center)],
                                           1: [para(row.nama, st.cell_bold),
                                               para(f"NIP {row.nip or '-'}", st.small)]}
        for i, value in enumerate((row.working, row.on_time, row.late, row.missing), start=2):
            cells[i] = [plain(str(value), st.cell_center)]
        cells[6] = [plain(row.share, st.cell_bold_center)]
        items.append(Block(cells=cells))
    if not sheet.rows:
        items.append(FullRow([para("Tidak ada pegawai dalam cakupan ini.")], background=None))
    return flow_table([width * w / total for w in weights], [[plain(t, st.head) for t in titles]], items)


def _day_table(sheet: DailyRecapSheet, width: float) -> Flowable:
    st = styles()
    weights = [18, 17, 65]
    total = sum(weights)
    items: list[Block | FullRow] = [
        Block(cells={0: [plain(d.tanggal, st.cell)], 1: [plain(d.status, st.cell)],
                     2: [para(e) for e in d.entries] or [plain("-", st.cell)]})
        for d in sheet.days
    ]
    titles = ["TANGGAL", "STATUS", "URAIAN KEGIATAN"]
    return flow_table([width * w / total for w in weights], [[plain(t, st.head) for t in titles]], items)


def story(sheet: DailyRecapSheet, ctx: LayoutContext) -> list[Flowable]:
    st = styles()
    width = ctx.width
    out: list[Flowable] = [
        *kop(sheet.instansi, width, ctx.logo),
        *title_block(TITLE, [sheet.scope.upper(), sheet.period_title]),
        plain("I. REKAP PER PEGAWAI", st.section), Spacer(1, 1.5 * mm),
        para("Hari kerja menurut kalender instansi. Terlambat: semua progres hari itu diisi setelah batas "
             "pengisian. Tidak diisi: hari kerja sampai tanggal rekap tanpa progres.", st.small),
        Spacer(1, 1 * mm), _people_table(sheet, width), Spacer(1, 3 * mm),
    ]
    if sheet.days:
        out += [plain("II. PROGRES HARIAN", st.section), Spacer(1, 1.5 * mm), _day_table(sheet, width),
                Spacer(1, 3 * mm)]
    out += [plain(f"{'III' if sheet.days else 'II'}. KALENDER YANG DIPAKAI", st.section), Spacer(1, 1.5 * mm),
            *[para(f"• {line}") for line in sheet.calendar_lines]]
    caption = periode_caption(sheet.tempat, sheet.tanggal)
    out.append(signature_row([None, Signer("pengelola", (caption, sheet.signer_caption), sheet.signer,
                                           show_nip=sheet.signer is not None)], width))
    return out


def meta(sheet: DailyRecapSheet) -> DocMeta:
    return DocMeta(
        title=f"Rekap Progres Harian {sheet.period_title.title()} — {sheet.scope}",
        subject=f"{TITLE} {sheet.period_title}",
        keywords=f"progres harian, tunjangan kinerja, {sheet.period_title}, {sheet.scope}",
        header=f"REKAP PROGRES HARIAN {sheet.period_title} — {sheet.scope}",
    )
