"""EVALUASI KINERJA PEGAWAI for one period (TRIWULAN I..IV-AKHIR, TAHUNAN, ...)."""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from kinerja_desktop.documents.chart import DistributionChart
from kinerja_desktop.documents.flow_table import plain
from kinerja_desktop.documents.layout_common import (
    evaluation_period_label,
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
from kinerja_desktop.documents.sections import EvalTexts, hasil_kerja_table, label_value_table, perilaku_table
from kinerja_desktop.documents.sheet_data import EvaluasiSheet
from kinerja_desktop.documents.skp_layout import default_perilaku, signers
from kinerja_desktop.domain.kepegawaian import Pendekatan, SkpVariant
from kinerja_desktop.domain.penilaian import Predikat, PredikatOrganisasi, Rating, explain_predikat
from kinerja_desktop.domain.periods import Period

__all__ = ["meta", "story", "subtitles"]

TITLE = "EVALUASI KINERJA PEGAWAI"


def subtitles(variant: SkpVariant, pendekatan: Pendekatan, period: Period) -> list[str]:
    return [
        f"PENDEKATAN HASIL KERJA {pendekatan.value}",
        variant.label.upper(),
        f"PERIODE: {evaluation_period_label(period)}",
    ]


def capaian_value(value: PredikatOrganisasi | None) -> Flowable:
    return plain(value.print_label, styles().cell_bold) if value else missing()


def curve_caption(unit: str | None, capaian: PredikatOrganisasi | None) -> str:
    """The annex's caption under the curve: ``KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI <UNIT> DENGAN CAPAIAN
    KINERJA ORGANISASI <PREDIKAT>`` (dotted where not known, for a blank form)."""
    who = f" {unit.strip().upper()}" if unit and unit.strip() else ""
    level = capaian.print_label if capaian else "........"
    return f"KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI{who} DENGAN CAPAIAN KINERJA ORGANISASI {level}"


def distribution_value(
    counts: Mapping[Predikat, int] | None, blank: bool = False, caption: str | None = None
) -> Flowable | list[Flowable]:
    if counts is None and not blank:
        return missing()
    chart = DistributionChart(counts)
    if caption is None:
        return chart
    return [chart, para(caption, styles().small_bold)]


def rating_value(value: Rating | None) -> Flowable:
    return plain(value.print_label, styles().cell_bold) if value else missing()


def predikat_value(predikat: Predikat | None, hasil: Rating | None, perilaku: Rating | None) -> list[Flowable]:
    st = styles()
    if predikat is None:
        return [missing()]
    items: list[Flowable] = [plain(predikat.print_label, st.cell_bold)]
    if hasil is not None and perilaku is not None:
        items.append(para(explain_predikat(hasil, perilaku), st.small))
    return items


def story(sheet: EvaluasiSheet, ctx: LayoutContext) -> list[Flowable]:
    width = ctx.width
    plan = sheet.plan
    variant = plan.variant if plan else sheet.variant
    pendekatan = plan.pendekatan if plan else Pendekatan.KUANTITATIF
    out: list[Flowable] = [
        *kop(sheet.instansi, width, ctx.logo),
        *title_block(TITLE, subtitles(variant, pendekatan, sheet.period)),
        identity_header(sheet.instansi.nama, f"PERIODE PENILAIAN: {sheet.range_text}", width),
        identity_table(
            sheet.pegawai, sheet.penilai, width,
            jpt_instansi=sheet.instansi.nama if variant is SkpVariant.JPT else None,
        ),
        Spacer(1, 3 * mm),
        label_value_table(
            [
                ("CAPAIAN KINERJA ORGANISASI", capaian_value(sheet.capaian_organisasi)),
                (
                    "POLA DISTRIBUSI",
                    distribution_value(
                        sheet.distribusi, caption=curve_caption(sheet.pegawai.unit, sheet.capaian_organisasi)
                    ),
                ),
            ],
            width,
        ),
        Spacer(1, 3 * mm),
        hasil_kerja_table(
            plan,
            width,
            variant=variant,
            pendekatan=pendekatan,
            evaluation=EvalTexts(sheet.realisasi, sheet.umpan_balik_rhk),
        ),
        label_value_table([("RATING HASIL KERJA", rating_value(sheet.rating_hasil))], width),
        Spacer(1, 3 * mm),
        perilaku_table(
            plan.perilaku if plan and plan.perilaku else default_perilaku(),
            width,
            umpan_balik=sheet.umpan_balik_perilaku,
        ),
        label_value_table([("RATING PERILAKU KERJA", rating_value(sheet.rating_perilaku))], width),
        Spacer(1, 3 * mm),
        label_value_table(
            [("PREDIKAT KINERJA PEGAWAI", predikat_value(sheet.predikat, sheet.rating_hasil, sheet.rating_perilaku))],
            width,
        ),
        signature_row(signers(sheet.pegawai, sheet.penilai, periode_caption(sheet.tempat, sheet.tanggal)), width),
    ]
    return out


def meta(sheet: EvaluasiSheet) -> DocMeta:
    p = sheet.pegawai
    who = f"{p.nama} (NIP {p.nip})" if p.nip else p.nama
    period = sheet.period
    return DocMeta(
        title=f"Evaluasi Kinerja Pegawai {period.label} {sheet.year} — {who}",
        subject=f"{TITLE} PERIODE {evaluation_period_label(period)} TAHUN {sheet.year}",
        keywords=f"Evaluasi Kinerja, NIP {p.nip or '-'}, Tahun {sheet.year}, Periode {period.code}",
        header=f"{TITLE} {evaluation_period_label(period)} {sheet.year} — {who}",
    )
