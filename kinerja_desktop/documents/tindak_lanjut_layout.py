"""Printed sheets of the follow-up stage: the recognition list, the usulan penghargaan letter, the 20 JP recap.

* DAFTAR PENGHARGAAN: candidates of a period (Sangat Baik, RHK marked inovasi / capaian luar biasa)
  and what was given, per unit, signed by the pengelola kepegawaian.
* USULAN PENGHARGAAN: a draft letter for one person from their pejabat penilai to the Pejabat
  Pembina Kepegawaian, naming the basis (predikat, marked RHK and their reasons); signed by the penilai.
* REKAPITULASI PENGEMBANGAN KOMPETENSI: JP done per person against the 20 JP a year, per unit,
  for the kepegawaian office.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from kinerja_desktop.documents.flow_table import Block, FullRow, flow_table, plain
from kinerja_desktop.documents.layout_common import (
    Signer,
    kop,
    para,
    periode_caption,
    signature_row,
    title_block,
)
from kinerja_desktop.documents.layout_context import DocMeta, LayoutContext
from kinerja_desktop.documents.page_setup import styles
from kinerja_desktop.documents.sections import label_value_table
from kinerja_desktop.documents.sheet_data import NO_HASH, Instansi, Person, Sheet

__all__ = ["AwardListSheet", "AwardRow", "JpRecapSheet", "JpRow", "UsulanPenghargaanSheet", "meta", "story"]

LIST_TITLE = "DAFTAR CALON DAN PENERIMA PENGHARGAAN KINERJA"
LETTER_TITLE = "USULAN PEMBERIAN PENGHARGAAN"
RECAP_TITLE = "REKAPITULASI PENGEMBANGAN KOMPETENSI PEGAWAI"


def _n(value: float) -> str:
    return f"{value:g}".replace(".", ",")


@dataclass(frozen=True, slots=True)
class AwardRow:
    unit: str
    nama: str
    nip: str
    jabatan: str
    predikat: str
    basis: tuple[str, ...]  # one line per reason
    given: tuple[str, ...]  # "Piagam penghargaan, 2 November 2026, SK 800/12/2026"


@dataclass(frozen=True, slots=True)
class AwardListSheet(Sheet):
    KIND = "penghargaan"
    doc_id: str = field(metadata=NO_HASH)
    instansi: Instansi
    year: int
    period_label: str
    scope: str
    rows: tuple[AwardRow, ...] = ()
    pengelola: Person | None = None  # the kepegawaian officer who signs (an admin linked to an employee)
    tempat: str = ""
    tanggal: date | None = None


@dataclass(frozen=True, slots=True)
class UsulanPenghargaanSheet(Sheet):
    KIND = "usulan-penghargaan"
    doc_id: str = field(metadata=NO_HASH)
    instansi: Instansi
    year: int
    period_label: str
    pegawai: Person
    predikat: str
    basis: tuple[str, ...]
    bentuk: str
    penilai: Person | None = None
    penilai_id: str = field(default="", metadata=NO_HASH)
    tempat: str = ""
    tanggal: date | None = None


@dataclass(frozen=True, slots=True)
class JpRow:
    unit: str
    nama: str
    nip: str
    jabatan: str
    jp_done: float
    jp_planned: float
    late: int
    below: bool


@dataclass(frozen=True, slots=True)
class JpRecapSheet(Sheet):
    KIND = "rekap-jp"
    doc_id: str = field(metadata=NO_HASH)
    instansi: Instansi
    year: int
    scope: str
    target: int
    rows: tuple[JpRow, ...] = ()
    units: tuple[tuple[str, int, int, str], ...] = ()  # unit, people, below, average JP
    pengelola: Person | None = None  # the kepegawaian officer who signs (an admin linked to an employee)
    tempat: str = ""
    tanggal: date | None = None


def _pengelola_row(tempat: str, tanggal: date | None, pengelola: Person | None, width: float) -> Flowable:
    """The pengelola kepegawaian's signature block (the ``pengelola`` field of the signing contract)."""
    caption = periode_caption(tempat, tanggal)
    return signature_row([None, Signer("pengelola", (caption, "Pengelola kepegawaian,"), pengelola,
                                       show_nip=pengelola is not None)], width)


# ----------------------------------------------------------------------------- the list


def _award_table(sheet: AwardListSheet, width: float) -> Flowable:
    st = styles()
    titles = ["NO", "NAMA / NIP", "JABATAN", "PREDIKAT", "DASAR (INOVASI / CAPAIAN LUAR BIASA)", "PENGHARGAAN"]
    weights = [5, 22, 18, 11, 26, 18]
    total = sum(weights)
    items: list[Block | FullRow] = []
    current = None
    for n, row in enumerate(sheet.rows, start=1):
        if row.unit != current:
            current = row.unit
            items.append(FullRow([plain(row.unit, st.cell_bold)]))
        items.append(Block(cells={
            0: [plain(str(n), st.cell_center)],
            1: [para(row.nama, st.cell_bold), para(f"NIP {row.nip or '-'}", st.small)],
            2: [para(row.jabatan)], 3: [para(row.predikat, st.cell_center)],
            4: [para(f"• {b}", st.cell_item) for b in row.basis] or [para("-")],
            5: [para(g) for g in row.given] or [para("belum diberikan", st.missing)],
        }))
    if not sheet.rows:
        items.append(FullRow([para("Belum ada calon penghargaan pada periode ini.")], background=None))
    return flow_table([width * w / total for w in weights], [[plain(t, st.head) for t in titles]], items)


def _list_story(sheet: AwardListSheet, ctx: LayoutContext) -> list[Flowable]:
    st = styles()
    width = ctx.width
    out: list[Flowable] = [
        *kop(sheet.instansi, width, ctx.logo),
        *title_block(LIST_TITLE, [sheet.scope.upper(), f"PERIODE: {sheet.period_label.upper()} TAHUN {sheet.year}"]),
        para("Calon diambil dari data evaluasi kinerja yang sudah final: predikat Sangat Baik, dan hasil kerja yang "
             "ditandai pejabat penilai sebagai inovasi atau capaian luar biasa pada umpan baliknya "
             "(tindak lanjut hasil evaluasi, PermenPAN-RB 6/2022).", st.small),
        Spacer(1, 2 * mm), _award_table(sheet, width),
    ]
    out.append(_pengelola_row(sheet.tempat, sheet.tanggal, sheet.pengelola, width))
    return out


# ----------------------------------------------------------------------------- the letter


def _letter_story(sheet: UsulanPenghargaanSheet, ctx: LayoutContext) -> list[Flowable]:
    st = styles()
    width = ctx.width
    p = sheet.pegawai
    head = label_value_table([
        ("Nomor", para("........................................")),
        ("Sifat", para("Biasa")),
        ("Lampiran", para("-")),
        ("Hal", para("Usulan Pemberian Penghargaan", st.cell_bold)),
    ], width * 0.6, label_ratio=0.25)
    out: list[Flowable] = [
        *kop(sheet.instansi, width, ctx.logo),
        para(periode_caption(sheet.tempat, sheet.tanggal), st.body), Spacer(1, 2 * mm), head, Spacer(1, 4 * mm),
        para("Yth. Pejabat Pembina Kepegawaian", st.body),
        para(f"{sheet.instansi.induk or sheet.instansi.nama}", st.body),
        para("u.p. Kepala Perangkat Daerah yang membidangi kepegawaian", st.body),
        para(f"di {sheet.tempat or '....................'}", st.body), Spacer(1, 4 * mm),
        *title_block(LETTER_TITLE, [f"PERIODE {sheet.period_label.upper()} TAHUN {sheet.year}"]),
        para("Dengan hormat,", st.body), Spacer(1, 1.5 * mm),
        para("Sebagai tindak lanjut hasil evaluasi kinerja pegawai sesuai Peraturan Menteri PANRB Nomor 6 Tahun 2022 "
             "tentang Pengelolaan Kinerja Pegawai Aparatur Sipil Negara, bersama ini kami mengusulkan pemberian "
             "penghargaan kepada pegawai berikut:", st.body),
        Spacer(1, 2 * mm),
        label_value_table([
            ("NAMA", para(p.nama, st.cell_bold)), ("NIP", para(p.nip or "-")),
            ("PANGKAT/GOL RUANG", para(p.pangkat or "-")), ("JABATAN", para(p.jabatan or "-")),
            ("UNIT KERJA", para(p.unit or "-")), ("PREDIKAT KINERJA", para(sheet.predikat or "-", st.cell_bold)),
        ], width, label_ratio=0.3),
        Spacer(1, 2 * mm),
        para("dengan dasar pertimbangan:", st.body),
        *[para(f"{i}. {b}", st.body) for i, b in enumerate(sheet.basis, start=1)],
        Spacer(1, 2 * mm),
        para(f"Bentuk penghargaan yang diusulkan: {sheet.bentuk}.", st.body),
        Spacer(1, 1.5 * mm),
        para("Demikian usulan ini kami sampaikan. Atas perhatian dan persetujuannya kami ucapkan terima kasih.",
             st.body),
    ]
    jabatan = sheet.penilai.jabatan if sheet.penilai and sheet.penilai.jabatan else "Pejabat Penilai Kinerja"
    out.append(signature_row([None, Signer("penilai", ("Yang mengusulkan,", "Pejabat Penilai Kinerja,", jabatan),
                                           sheet.penilai)], width))
    return out


# ----------------------------------------------------------------------------- the 20 JP recap


def _jp_table(sheet: JpRecapSheet, width: float) -> Flowable:
    st = styles()
    titles = ["NO", "NAMA / NIP", "JABATAN", "JP SELESAI", "JP DIRENCANAKAN", f"KURANG DARI {sheet.target} JP",
              "RENCANA TERLAMBAT"]
    weights = [5, 27, 21, 9, 14, 13, 11]
    total = sum(weights)
    items: list[Block | FullRow] = []
    current = None
    for n, row in enumerate(sheet.rows, start=1):
        if row.unit != current:
            current = row.unit
            items.append(FullRow([plain(row.unit, st.cell_bold)]))
        short = f"ya (kurang {_n(max(0.0, sheet.target - row.jp_done))} JP)" if row.below else "tidak"
        items.append(Block(cells={
            0: [plain(str(n), st.cell_center)],
            1: [para(row.nama, st.cell_bold), para(f"NIP {row.nip or '-'}", st.small)],
            2: [para(row.jabatan)], 3: [plain(_n(row.jp_done), st.cell_bold_center)],
            4: [plain(_n(row.jp_planned), st.cell_center)],
            5: [para(short, st.cell_bold_center if row.below else st.cell_center)],
            6: [plain(str(row.late) if row.late else "-", st.cell_center)],
        }))
    if not sheet.rows:
        items.append(FullRow([para("Tidak ada PNS dalam cakupan ini.")], background=None))
    return flow_table([width * w / total for w in weights], [[plain(t, st.head) for t in titles]], items)


def _jp_units(sheet: JpRecapSheet, width: float) -> Flowable:
    st = styles()
    titles = ["UNIT", "PNS", f"KURANG DARI {sheet.target} JP", "RATA-RATA JP"]
    weights = [55, 12, 17, 16]
    items: list[Block | FullRow] = [
        Block(cells={0: [para(u)], 1: [plain(str(n), st.cell_center)], 2: [plain(str(b), st.cell_bold_center)],
                     3: [plain(avg, st.cell_center)]}) for u, n, b, avg in sheet.units
    ]
    return flow_table([width * w / 100 for w in weights], [[plain(t, st.head) for t in titles]], items)


def _jp_story(sheet: JpRecapSheet, ctx: LayoutContext) -> list[Flowable]:
    st = styles()
    width = ctx.width
    below = sum(1 for r in sheet.rows if r.below)
    out: list[Flowable] = [
        *kop(sheet.instansi, width, ctx.logo),
        *title_block(RECAP_TITLE, [sheet.scope.upper(), f"TAHUN {sheet.year}"]),
        para(f"Setiap PNS berhak atas pengembangan kompetensi paling sedikit {sheet.target} jam pelajaran (JP) "
             "dalam satu tahun (PP 11/2017 sebagaimana diubah dengan PP 17/2020, Pasal 203). JP selesai: pengembangan "
             "yang dilaporkan selesai pada tahun ini dengan sertifikat atau dicatat pengelola kepegawaian; "
             f"{below} dari {len(sheet.rows)} PNS masih di bawah {sheet.target} JP.", st.small),
        Spacer(1, 2 * mm),
        plain("I. REKAP PER UNIT", st.section), Spacer(1, 1.5 * mm), _jp_units(sheet, width), Spacer(1, 3 * mm),
        plain("II. REKAP PER PEGAWAI", st.section), Spacer(1, 1.5 * mm), _jp_table(sheet, width),
    ]
    out.append(_pengelola_row(sheet.tempat, sheet.tanggal, sheet.pengelola, width))
    return out


def story(sheet: Sheet, ctx: LayoutContext) -> list[Flowable]:
    if isinstance(sheet, AwardListSheet):
        return _list_story(sheet, ctx)
    if isinstance(sheet, UsulanPenghargaanSheet):
        return _letter_story(sheet, ctx)
    assert isinstance(sheet, JpRecapSheet)
    return _jp_story(sheet, ctx)


def meta(sheet: Sheet) -> DocMeta:
    if isinstance(sheet, AwardListSheet):
        return DocMeta(title=f"Daftar Penghargaan {sheet.period_label} {sheet.year} — {sheet.scope}",
                       subject=f"{LIST_TITLE} {sheet.period_label.upper()} {sheet.year}",
                       keywords=f"penghargaan, tindak lanjut, {sheet.scope}, {sheet.year}",
                       header=f"DAFTAR PENGHARGAAN {sheet.period_label.upper()} {sheet.year} — {sheet.scope}")
    if isinstance(sheet, UsulanPenghargaanSheet):
        return DocMeta(title=f"Usulan Penghargaan — {sheet.pegawai.nama}",
                       subject=f"{LETTER_TITLE} {sheet.period_label.upper()} {sheet.year}",
                       keywords=f"usulan penghargaan, {sheet.pegawai.nama}, NIP {sheet.pegawai.nip}",
                       header=f"USULAN PENGHARGAAN — {sheet.pegawai.nama}")
    assert isinstance(sheet, JpRecapSheet)
    return DocMeta(title=f"Rekap Pengembangan Kompetensi {sheet.year} — {sheet.scope}",
                   subject=f"{RECAP_TITLE} TAHUN {sheet.year}",
                   keywords=f"pengembangan kompetensi, 20 JP, {sheet.scope}, {sheet.year}",
                   header=f"REKAP PENGEMBANGAN KOMPETENSI {sheet.year} — {sheet.scope}")

