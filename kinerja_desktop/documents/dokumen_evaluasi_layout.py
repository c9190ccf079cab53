"""DOKUMEN EVALUASI KINERJA PEGAWAI: the one-page cover used in promotion dossiers.

1 Pegawai yang Dinilai, 2 Pejabat Penilai Kinerja, 3 Atasan Pejabat Penilai Kinerja,
4 Evaluasi Kinerja, 5 Catatan/Rekomendasi; signed by the pegawai and the penilai (the atasan
does not sign). For non-ASN the NIP and pangkat lines stay blank; a PPPK's NI PPPK is printed.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from kinerja_desktop.documents.flow_table import Block, P, flow_table, plain
from kinerja_desktop.documents.layout_common import (
    IDENTITY_LABELS,
    Signer,
    evaluation_period_label,
    identity_header,
    kop,
    missing,
    para,
    periode_caption,
    person_values,
    signature_row,
    title_block,
)
from kinerja_desktop.documents.layout_context import DocMeta, LayoutContext
from kinerja_desktop.documents.page_setup import styles
from kinerja_desktop.documents.sheet_data import DokumenEvaluasiSheet, Instansi, Person
from kinerja_desktop.domain.kepegawaian import AsnKind
from kinerja_desktop.domain.periods import Period

__all__ = ["Parts", "build", "meta", "story"]

TITLE = "DOKUMEN EVALUASI KINERJA PEGAWAI"
SECTIONS = ("PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA", "ATASAN PEJABAT PENILAI KINERJA")


def _values(person: Person | None) -> list[P]:
    # A PPPK has a NI PPPK and a golongan: printed like a PNS's. Only non-ASN lines stay blank.
    return person_values(person, blank_nip_pangkat=person is not None and person.asn_kind is AsnKind.LAINNYA)


def _is_pns(person: Person | None) -> bool:
    return person is None or person.asn_kind is not AsnKind.LAINNYA


class Parts:
    """The variable content of the cover, as flowables (filled or ruled for handwriting)."""

    def __init__(
        self,
        identities: Sequence[Sequence[Flowable]],
        capaian: Flowable,
        predikat: Sequence[Flowable],
        catatan: Sequence[Flowable],
    ) -> None:
        self.identities = identities
        self.capaian = capaian
        self.predikat = predikat
        self.catatan = catatan


def cover_table(parts: Parts, width: float) -> Flowable:
    st = styles()
    no_w, label_w = 9 * mm, 52 * mm
    widths = [no_w, label_w, width - no_w - label_w]
    header = [[plain("NO", st.head), plain("URAIAN", st.head), None]]
    items: list[Block] = []

    def section(no: int, title: str) -> None:
        items.append(
            Block(cells={0: [plain(str(no), st.cell_bold_center)], 1: [plain(title, st.cell_bold)]}, hspan={1: 2})
        )

    for no, (title, values) in enumerate(zip(SECTIONS, parts.identities, strict=True), start=1):
        section(no, title)
        for label, value in zip(IDENTITY_LABELS, values, strict=True):
            items.append(Block(cells={1: [plain(label, st.cell)], 2: [value]}))
    section(4, "EVALUASI KINERJA")
    items.append(Block(cells={1: [plain("CAPAIAN KINERJA ORGANISASI", st.cell)], 2: [parts.capaian]}))
    items.append(Block(cells={1: [plain("PREDIKAT KINERJA PEGAWAI", st.cell)], 2: list(parts.predikat)}))
    section(5, "CATATAN/REKOMENDASI")
    items.append(Block(cells={1: list(parts.catatan)}, hspan={1: 2}))
    return flow_table(widths, header, items, header_spans=[((1, 0), (2, 0))])


def build(
    instansi: Instansi,
    *,
    periode_title: str,
    periode_range: str,
    parts: Parts,
    signers: Sequence[Signer],
    ctx: LayoutContext,
) -> list[Flowable]:
    width = ctx.width
    return [
        *kop(instansi, width, ctx.logo),
        *title_block(TITLE, [periode_title]),
        identity_header(instansi.nama, periode_range, width),
        cover_table(parts, width),
        signature_row(signers, width),
    ]


def story(sheet: DokumenEvaluasiSheet, ctx: LayoutContext) -> list[Flowable]:
    st = styles()
    parts = Parts(
        identities=[_values(sheet.pegawai), _values(sheet.penilai), _values(sheet.atasan)],
        capaian=plain(sheet.capaian_organisasi.print_label, st.cell_bold) if sheet.capaian_organisasi else missing(),
        predikat=[plain(sheet.predikat.print_label, st.cell_bold)] if sheet.predikat else [missing()],
        catatan=[para(sheet.catatan)] if sheet.catatan.strip() else [missing()],
    )
    caption = periode_caption(sheet.tempat, sheet.tanggal)
    signers = [
        # the annex prints the place/date line above both signatures
        Signer("pegawai", (caption, "Pegawai yang Dinilai"), sheet.pegawai, show_nip=_is_pns(sheet.pegawai)),
        Signer("penilai", (caption, "Pejabat Penilai Kinerja"), sheet.penilai, show_nip=_is_pns(sheet.penilai)),
    ]
    return build(
        sheet.instansi,
        periode_title=f"PERIODE: {evaluation_period_label(sheet.period)}",
        periode_range=f"PERIODE PENILAIAN: {sheet.range_text}",
        parts=parts,
        signers=signers,
        ctx=ctx,
    )


def meta_for(year: int, period: Period, person: Person) -> DocMeta:
    who = f"{person.nama} (NIP {person.nip})" if person.nip else person.nama
    return DocMeta(
        title=f"Dokumen Evaluasi Kinerja Pegawai {period.label} {year} — {who}",
        subject=f"{TITLE} PERIODE {evaluation_period_label(period)} TAHUN {year}",
        keywords=f"Dokumen Evaluasi Kinerja, NIP {person.nip or '-'}, Tahun {year}, Periode {period.code}",
        header=f"{TITLE} {evaluation_period_label(period)} {year} — {who}",
    )


def meta(sheet: DokumenEvaluasiSheet) -> DocMeta:
    return meta_for(sheet.year, sheet.period, sheet.pegawai)
