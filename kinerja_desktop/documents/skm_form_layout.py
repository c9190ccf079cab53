"""KUESIONER SURVEI KEPUASAN MASYARAKAT: the paper questionnaire of PermenPAN-RB 14/2017 for one unit.

A blank form for citizens who prefer paper (never signed); the answers are typed into a spreadsheet
later and imported (:mod:`kinerja_desktop.services.skm_import`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from kinerja_desktop.documents.flow_table import Block, FullRow, flow_table, plain
from kinerja_desktop.documents.layout_common import kop, para, title_block
from kinerja_desktop.documents.layout_context import DocMeta, LayoutContext
from kinerja_desktop.documents.page_setup import styles
from kinerja_desktop.documents.sections import label_value_table
from kinerja_desktop.documents.sheet_data import NO_HASH, Instansi, Sheet
from kinerja_desktop.domain import skm
from kinerja_desktop.domain.periods import Period

__all__ = ["SkmFormSheet", "meta", "story"]

FORM_TITLE = "KUESIONER SURVEI KEPUASAN MASYARAKAT"


@dataclass(frozen=True, slots=True)
class SkmFormSheet(Sheet):
    """The paper questionnaire (blank: printed for citizens, never signed)."""

    KIND = "blank"
    doc_id: str = field(metadata=NO_HASH)
    instansi: Instansi
    year: int
    period: Period
    unit_nama: str
    services: tuple[str, ...] = ()


def _box(label: str) -> str:
    return f"☐ {label}"


def story(sheet: SkmFormSheet, ctx: LayoutContext) -> list[Flowable]:
    st = styles()
    width = ctx.width
    blank = "......................................."
    services = "   ".join(_box(s) for s in sheet.services) or blank
    out: list[Flowable] = [
        *kop(sheet.instansi, width, ctx.logo),
        *title_block(FORM_TITLE, [sheet.unit_nama.upper(), f"PERIODE: {sheet.period.print_label} TAHUN {sheet.year}"]),
        para("Bapak/Ibu yang kami hormati, mohon beri tanda centang (✓) pada satu jawaban untuk setiap pertanyaan. "
             "Kuesioner ini tanpa nama; jawaban Bapak/Ibu hanya dipakai untuk memperbaiki pelayanan kami.", st.body),
        Spacer(1, 2 * mm),
        plain("PROFIL RESPONDEN", st.section), Spacer(1, 1.5 * mm),
        label_value_table([
            ("TANGGAL SURVEI", plain("....... / ....... / 20.......", st.cell)),
            ("USIA", plain("........ tahun", st.cell)),
            ("JENIS KELAMIN", plain("   ".join(_box(label) for _c, label in skm.SEX), st.cell)),
            ("PENDIDIKAN", para("   ".join(_box(label) for _c, label in skm.EDUCATION))),
            ("PEKERJAAN", para("   ".join(_box(label) for _c, label in skm.OCCUPATION))),
            ("JENIS LAYANAN YANG DITERIMA", para(services)),
        ], width, label_ratio=0.3),
        Spacer(1, 3 * mm),
        plain("PENDAPAT RESPONDEN TENTANG PELAYANAN", st.section), Spacer(1, 1.5 * mm),
    ]
    items: list[Block | FullRow] = []
    for n, u in enumerate(skm.UNSUR, start=1):
        answers = [plain(_box(f"{chr(96 + i)}. {a}"), st.cell) for i, a in enumerate(u.answers, start=1)]
        items.append(Block(cells={0: [plain(str(n), st.cell_center)],
                                  1: [para(u.question), plain(u.name, st.small)], 2: answers}))
    out.append(flow_table([width * 0.06, width * 0.56, width * 0.38],
                          [[plain(t, st.head) for t in ("NO", "PERTANYAAN", "JAWABAN")]], items))
    out += [Spacer(1, 3 * mm), plain("SARAN DAN MASUKAN", st.section), Spacer(1, 1.5 * mm),
            label_value_table([("", para("\n\n\n"))], width, label_ratio=0.02),
            Spacer(1, 2 * mm), para("Terima kasih atas kesediaan Bapak/Ibu mengisi kuesioner ini.", st.small)]
    return out


def meta(sheet: SkmFormSheet) -> DocMeta:
    return DocMeta(
        title=f"Kuesioner Survei Kepuasan Masyarakat — {sheet.unit_nama}",
        subject=f"{FORM_TITLE} {sheet.period.print_label} {sheet.year}",
        keywords="Survei Kepuasan Masyarakat, kuesioner, formulir kosong",
        header=f"KUESIONER SKM {sheet.year} — {sheet.unit_nama}",
    )

