"""Blank forms of the SKP, the evaluation and the Dokumen Evaluasi for filling by hand:
fully blank, or with a named employee's identity printed. Ruled space is sized for handwriting."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from kinerja_desktop.documents import dokumen_evaluasi_layout, evaluasi_layout, skp_layout
from kinerja_desktop.documents.chart import DistributionChart
from kinerja_desktop.documents.handwriting import WritingLines, tick_boxes
from kinerja_desktop.documents.layout_common import (
    IDENTITY_LABELS,
    Signer,
    evaluation_period_label,
    identity_header,
    identity_table,
    kop,
    para,
    signature_row,
    title_block,
)
from kinerja_desktop.documents.layout_context import DocMeta, LayoutContext
from kinerja_desktop.documents.page_setup import styles
from kinerja_desktop.documents.sections import HasilKerjaBlank, hasil_kerja_table, label_value_table, perilaku_table
from kinerja_desktop.documents.sheet_data import BlankForm, BlankKind, Person
from kinerja_desktop.domain.kepegawaian import AsnKind, SkpVariant
from kinerja_desktop.domain.penilaian import Predikat as PredikatEnum
from kinerja_desktop.domain.penilaian import PredikatOrganisasi, Rating

__all__ = ["meta", "story"]

IDENTITY_LINE = 4.8 * mm
BLANK_TANGGAL = "...................., ...................."


def _identity(person: Person | None, *, non_pns_blank: bool = False) -> list[Flowable]:
    if person is None:
        return [WritingLines(1, IDENTITY_LINE) for _ in IDENTITY_LABELS]
    blank_np = non_pns_blank and person.asn_kind is not AsnKind.PNS
    values = (
        person.nama,
        "" if blank_np else person.nip,
        "" if blank_np else person.pangkat,
        person.jabatan,
        person.unit,
    )
    return [para(v) if v else WritingLines(1, IDENTITY_LINE) for v in values]


def _periode(form: BlankForm) -> tuple[str, str]:
    """(title line, identity-line range) with dotted blanks where the year/period is not given."""
    year = str(form.year) if form.year else "........"
    if form.period is not None and form.year:
        rng = form.period.range_label(form.year)
        title = evaluation_period_label(form.period)
    elif form.period is not None:
        rng = f"........ SD ........ TAHUN {year}"
        title = evaluation_period_label(form.period)
    else:
        rng = (
            f"1 JANUARI SD 31 DESEMBER TAHUN {year}"
            if form.form is BlankKind.SKP
            else f"........ SD ........ TAHUN {year}"
        )
        title = "........................"
    return title, f"PERIODE PENILAIAN: {rng}"


def _signers(form: BlankForm, *, record: bool = True) -> list[Signer]:
    return [
        Signer("pegawai", ("", "Pegawai yang Dinilai"), form.pegawai, record=record, blank=True),
        Signer("penilai", (BLANK_TANGGAL, "Pejabat Penilai Kinerja"), form.penilai, record=record, blank=True),
    ]


def _perilaku(form: BlankForm):  # type: ignore[no-untyped-def]
    return form.perilaku or skp_layout.default_perilaku()


def _skp(form: BlankForm, ctx: LayoutContext) -> list[Flowable]:
    width = ctx.width
    _, rng = _periode(form)
    sizing = HasilKerjaBlank(form.rhk_utama, form.rhk_tambahan, form.indicators_per_rhk)
    return [
        *kop(form.instansi, width, ctx.logo),
        *title_block(skp_layout.TITLE, skp_layout.subtitles(form.variant, form.pendekatan)),
        identity_header(form.instansi.nama, rng, width),
        identity_table(
            None, None, width, values=(_identity(form.pegawai), _identity(form.penilai)),
            jpt_instansi=form.instansi.nama if form.variant is SkpVariant.JPT else None,
        ),
        Spacer(1, 3 * mm),
        hasil_kerja_table(None, width, variant=form.variant, pendekatan=form.pendekatan, blank=sizing),
        Spacer(1, 3 * mm),
        perilaku_table(_perilaku(form), width, blank_lines=2),
        signature_row(_signers(form), width),
        PageBreak(),
        *title_block(f"LAMPIRAN {skp_layout.TITLE}", []),
        identity_header(form.instansi.nama, rng, width),
        skp_layout.lampiran_table(None, width, blank_lines=4),
        signature_row(_signers(form, record=False), width),
    ]


def _evaluasi(form: BlankForm, ctx: LayoutContext) -> list[Flowable]:
    width = ctx.width
    title, rng = _periode(form)
    sizing = HasilKerjaBlank(form.rhk_utama, form.rhk_tambahan, form.indicators_per_rhk)
    ratings = [r.label for r in Rating]
    return [
        *kop(form.instansi, width, ctx.logo),
        *title_block(
            evaluasi_layout.TITLE,
            [f"PENDEKATAN HASIL KERJA {form.pendekatan.value}", form.variant.label.upper(), f"PERIODE: {title}"],
        ),
        identity_header(form.instansi.nama, rng, width),
        identity_table(
            None, None, width, values=(_identity(form.pegawai), _identity(form.penilai)),
            jpt_instansi=form.instansi.nama if form.variant is SkpVariant.JPT else None,
        ),
        Spacer(1, 3 * mm),
        label_value_table(
            [
                ("CAPAIAN KINERJA ORGANISASI", tick_boxes([p.label for p in PredikatOrganisasi])),
                ("POLA DISTRIBUSI", [DistributionChart(None), para(evaluasi_layout.curve_caption(None, None),
                                                                   styles().small_bold)]),
            ],
            width,
        ),
        Spacer(1, 3 * mm),
        hasil_kerja_table(
            None, width, variant=form.variant, pendekatan=form.pendekatan, blank=sizing, with_eval_columns=True
        ),
        label_value_table([("RATING HASIL KERJA", tick_boxes(ratings))], width),
        Spacer(1, 3 * mm),
        perilaku_table(_perilaku(form), width, blank_lines=2, show_umpan_balik=True),
        label_value_table([("RATING PERILAKU KERJA", tick_boxes(ratings))], width),
        Spacer(1, 3 * mm),
        label_value_table([("PREDIKAT KINERJA PEGAWAI", tick_boxes([p.print_label for p in PredikatEnum]))], width),
        signature_row(_signers(form), width),
    ]


def _dokumen(form: BlankForm, ctx: LayoutContext) -> list[Flowable]:
    title, rng = _periode(form)
    parts = dokumen_evaluasi_layout.Parts(
        identities=[_identity(p, non_pns_blank=True) for p in (form.pegawai, form.penilai, form.atasan)],
        capaian=tick_boxes([p.print_label for p in PredikatOrganisasi]),
        predikat=[tick_boxes([p.print_label for p in PredikatEnum])],
        catatan=[WritingLines(3)],
    )
    signers = [
        Signer("pegawai", (BLANK_TANGGAL, "Pegawai yang Dinilai"), form.pegawai, blank=True),
        Signer("penilai", (BLANK_TANGGAL, "Pejabat Penilai Kinerja"), form.penilai, blank=True),
    ]
    return dokumen_evaluasi_layout.build(
        form.instansi, periode_title=f"PERIODE: {title}", periode_range=rng, parts=parts, signers=signers, ctx=ctx
    )


def story(form: BlankForm, ctx: LayoutContext) -> list[Flowable]:
    if form.form is BlankKind.SKP:
        return _skp(form, ctx)
    if form.form is BlankKind.EVALUASI:
        return _evaluasi(form, ctx)
    return _dokumen(form, ctx)


def meta(form: BlankForm) -> DocMeta:
    who = ""
    if form.pegawai is not None:
        p = form.pegawai
        who = f" — {p.nama} (NIP {p.nip})" if p.nip else f" — {p.nama}"
    period = form.period.code if form.period else "-"
    year = form.year or "-"
    nip = form.pegawai.nip if form.pegawai and form.pegawai.nip else "-"
    return DocMeta(
        title=f"Formulir kosong {form.form.label}{who}",
        subject=f"FORMULIR {form.form.label.upper()}",
        keywords=f"Formulir {form.form.label}, NIP {nip}, Tahun {year}, Periode {period}",
        header=f"FORMULIR {form.form.label.upper()}{who}",
    )
