"""SASARAN KINERJA PEGAWAI (JPT and JA/JF, kuantitatif and kualitatif) with its LAMPIRAN page."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from kinerja_desktop.documents.flow_table import Block, FullRow, flow_table, plain
from kinerja_desktop.documents.handwriting import WritingLines
from kinerja_desktop.documents.layout_common import (
    Signer,
    identity_header,
    identity_table,
    kop,
    missing,
    para,
    periode_caption,
    signature_row,
    title_block,
)
from kinerja_desktop.documents.layout_context import DocMeta, LayoutContext
from kinerja_desktop.documents.page_setup import styles
from kinerja_desktop.documents.sections import hasil_kerja_table, perilaku_table
from kinerja_desktop.documents.sheet_data import PerilakuItem, Person, Plan, SkpSheet
from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.kepegawaian import LampiranKind, Pendekatan, SkpVariant

__all__ = ["default_perilaku", "meta", "story", "subtitles"]

TITLE = "SASARAN KINERJA PEGAWAI"


def subtitles(variant: SkpVariant, pendekatan: Pendekatan) -> list[str]:
    return [f"PENDEKATAN HASIL KERJA {pendekatan.value}", variant.label.upper()]


def default_perilaku() -> tuple[PerilakuItem, ...]:
    """The seven BerAKHLAK values with their panduan and no ekspektasi (for sheets with no plan yet)."""
    return tuple(PerilakuItem(v.code, v.name, v.panduan) for v in BERAKHLAK)


def signers(
    pegawai: Person, penilai: Person | None, tempat_tanggal: str, *, record: bool = True, copy: bool = False
) -> list[Signer]:
    return [
        Signer("pegawai", ("", "Pegawai yang Dinilai"), pegawai, record=record, copy=copy),
        Signer("penilai", (tempat_tanggal, "Pejabat Penilai Kinerja"), penilai, record=record, copy=copy),
    ]


def story(sheet: SkpSheet, ctx: LayoutContext) -> list[Flowable]:
    width = ctx.width
    plan = sheet.plan
    variant = plan.variant if plan else sheet.variant
    pendekatan = plan.pendekatan if plan else Pendekatan.KUANTITATIF
    out: list[Flowable] = [*kop(sheet.instansi, width, ctx.logo), *title_block(TITLE, subtitles(variant, pendekatan))]
    out.append(identity_header(sheet.instansi.nama, f"PERIODE PENILAIAN: {sheet.range_text}", width))
    jpt_instansi = sheet.instansi.nama if variant is SkpVariant.JPT else None
    out.append(identity_table(sheet.pegawai, sheet.penilai, width, jpt_instansi=jpt_instansi))
    out.append(Spacer(1, 3 * mm))
    out.append(hasil_kerja_table(plan, width, variant=variant, pendekatan=pendekatan))
    out.append(Spacer(1, 3 * mm))
    perilaku = plan.perilaku if plan and plan.perilaku else default_perilaku()
    out.append(perilaku_table(perilaku, width))
    caption = periode_caption(sheet.tempat, sheet.tanggal)
    out.append(signature_row(signers(sheet.pegawai, sheet.penilai, caption), width))
    # LAMPIRAN
    out.append(PageBreak())
    out += title_block(f"LAMPIRAN {TITLE}", [])
    out.append(identity_header(sheet.instansi.nama, f"PERIODE PENILAIAN: {sheet.range_text}", width))
    out.append(lampiran_table(plan, width))
    # Signed like the SKP: each signature's stamp is copied into these blocks (stamp_copies.py).
    out.append(signature_row(signers(sheet.pegawai, sheet.penilai, caption, copy=True), width))
    return out


def lampiran_table(plan: Plan | None, width: float, blank_lines: int = 0) -> Flowable:
    """The three numbered lists of the Lampiran SKP."""
    st = styles()
    header = [[plain("NO", st.head), plain("LAMPIRAN", st.head)]]
    items: list[Block | FullRow] = []
    for letter, kind in zip("ABC", LampiranKind, strict=True):
        items.append(FullRow([plain(f"{letter}. {kind.label.upper()}", st.cell_bold)]))
        if blank_lines:
            items += [
                Block(cells={0: [plain(str(n), st.cell_center)], 1: [WritingLines(1)]})
                for n in range(1, blank_lines + 1)
            ]
            continue
        entries = plan.lampiran.get(kind, ()) if plan else ()
        if not entries:
            items.append(Block(cells={1: [missing()]}))
        for n, text in enumerate(entries, start=1):
            items.append(Block(cells={0: [plain(str(n), st.cell_center)], 1: [para(text)]}))
    return flow_table([9 * mm, width - 9 * mm], header, items)


def meta(sheet: SkpSheet) -> DocMeta:
    p = sheet.pegawai
    who = f"{p.nama} (NIP {p.nip})" if p.nip else p.nama
    return DocMeta(
        title=f"Sasaran Kinerja Pegawai {sheet.year} — {who}",
        subject=f"{TITLE} TAHUN {sheet.year}",
        keywords=f"SKP, NIP {p.nip or '-'}, Tahun {sheet.year}, Periode TAHUNAN",
        header=f"{TITLE} {sheet.year} — {who}",
    )
