"""PENETAPAN PREDIKAT KINERJA PEGAWAI of a unit: the roster, the unit's predikat organisasi,
the counts per predikat and the result of the distribution-curve check (SE MenPAN-RB 3/2023)."""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from kinerja_desktop.documents.chart import DistributionChart
from kinerja_desktop.documents.flow_table import Block, FullRow, flow_table, plain, table_style
from kinerja_desktop.documents.layout_common import (
    Signer,
    kop,
    missing,
    para,
    periode_caption,
    signature_row,
    title_block,
)
from kinerja_desktop.documents.layout_context import DocMeta, LayoutContext
from kinerja_desktop.documents.page_setup import styles
from kinerja_desktop.documents.sections import label_value_table
from kinerja_desktop.documents.sheet_data import PenetapanSheet
from kinerja_desktop.domain.penilaian import PREDIKAT_ORDER_CHART, Predikat, check_distribution

__all__ = ["meta", "story"]

TITLE = "PENETAPAN PREDIKAT KINERJA PEGAWAI"


def _roster(sheet: PenetapanSheet, width: float) -> Flowable:
    st = styles()
    titles = ["NO", "NAMA / NIP", "JABATAN", "RATING HASIL KERJA", "RATING PERILAKU KERJA", "PREDIKAT KINERJA"]
    weights = [4, 24, 24, 13, 13, 13]
    total = sum(weights)
    widths = [width * w / total for w in weights]
    items: list[Block | FullRow] = []
    for n, row in enumerate(sheet.rows, start=1):
        who: list[Flowable] = [para(row.nama, st.cell_bold), para(f"NIP {row.nip}" if row.nip else "NIP -")]
        jabatan: list[Flowable] = [para(row.jabatan or "-")]
        if sheet.include_sub_units and row.unit:
            jabatan.append(para(row.unit, st.small))
        items.append(
            Block(
                cells={
                    0: [plain(str(n), st.cell_center)],
                    1: who,
                    2: jabatan,
                    3: [plain(row.rating_hasil.label, st.cell) if row.rating_hasil else missing()],
                    4: [plain(row.rating_perilaku.label, st.cell) if row.rating_perilaku else missing()],
                    5: [plain(row.predikat.print_label, st.cell_bold) if row.predikat else missing()],
                }
            )
        )
    if not sheet.rows:
        items.append(FullRow([missing("tidak ada pegawai pada unit ini")], background=None))
    header = [[plain(t, st.head) for t in titles]]
    return flow_table(widths, header, items)


def _recap(sheet: PenetapanSheet, width: float) -> tuple[list[Flowable], list[Flowable]]:
    """(recap table with chart, distribution check); the check is kept with the signature."""
    st = styles()
    counts = Counter(r.predikat for r in sheet.rows if r.predikat is not None)
    total = sum(counts.values())
    missing_count = sum(1 for r in sheet.rows if r.predikat is None)
    header = [[plain("PREDIKAT", st.head), plain("JUMLAH PEGAWAI", st.head), plain("PERSENTASE", st.head)]]
    items: list[Block | FullRow] = []
    for p in reversed(PREDIKAT_ORDER_CHART):
        share = f"{counts[p] * 100 / total:.1f}%".replace(".", ",") if total else "-"
        items.append(
            Block(
                cells={
                    0: [plain(p.label, st.cell)],
                    1: [plain(str(counts[p]), st.cell_center)],
                    2: [plain(share, st.cell_center)],
                }
            )
        )
    items.append(Block(cells={0: [plain("Jumlah", st.cell_bold)], 1: [plain(str(total), st.cell_bold_center)], 2: []}))
    if missing_count:
        items.append(
            FullRow(
                [para(f"{missing_count} pegawai belum memiliki predikat dan tidak dihitung.", st.small)],
                background=None,
            )
        )
    half = width * 0.48
    table = flow_table([half * 0.5, half * 0.25, half * 0.25], header, items)
    chart = DistributionChart({p: counts[p] for p in Predikat}, width=width - half - 6 * mm)
    side = Table([[table, chart]], colWidths=[half + 6 * mm, width - half - 6 * mm])
    side.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    out: list[Flowable] = [plain("REKAPITULASI DAN POLA DISTRIBUSI", st.section), Spacer(1, 1.5 * mm), side]
    out.append(Spacer(1, 2 * mm))
    check: list[Flowable] = [plain("HASIL PEMERIKSAAN KURVA DISTRIBUSI", st.section), Spacer(1, 1.5 * mm)]
    if sheet.predikat_organisasi is None:
        verdict = [missing("predikat kinerja organisasi belum ditetapkan; kurva distribusi tidak dapat diperiksa")]
    elif not sum(counts.values()):  # nobody rated yet: no curve to compare (not "sesuai")
        verdict = [missing("belum ada pegawai yang dinilai; kurva distribusi belum dapat diperiksa")]
    else:
        violations = check_distribution(sheet.predikat_organisasi, counts)
        if not violations:
            verdict = [
                para(
                    f"Sesuai dengan kurva distribusi untuk unit berpredikat {sheet.predikat_organisasi.label}.",
                    st.cell_bold,
                )
            ]
        else:
            verdict = [para("Tidak sesuai dengan kurva distribusi:", st.cell_bold)]
            verdict += [para(f"{i}. {v.message}") for i, v in enumerate(violations, start=1)]
    check.append(label_value_table([("HASIL", verdict)], width, label_ratio=0.2))
    return out, check


def story(sheet: PenetapanSheet, ctx: LayoutContext) -> list[Flowable]:
    st = styles()
    width = ctx.width
    unit = sheet.unit_nama + (f" ({sheet.unit_code})" if sheet.unit_code else "")
    if sheet.include_sub_units:
        unit += " beserta sub-unit"
    org = sheet.predikat_organisasi
    out: list[Flowable] = [
        *kop(sheet.instansi, width, ctx.logo),
        *title_block(TITLE, [f"PERIODE: {sheet.period.print_label} TAHUN {sheet.year}"]),
        label_value_table(
            [
                ("UNIT KERJA", para(unit, st.cell_bold)),
                ("PREDIKAT KINERJA ORGANISASI", plain(org.print_label, st.cell_bold) if org else missing()),
                ("JUMLAH PEGAWAI", plain(str(len(sheet.rows)), st.cell)),
            ],
            width,
            label_ratio=0.3,
        ),
        Spacer(1, 3 * mm),
        _roster(sheet, width),
        Spacer(1, 3 * mm),
    ]
    recap, check = _recap(sheet, width)
    out += recap
    caption = periode_caption(sheet.tempat, sheet.tanggal)
    jabatan = sheet.pimpinan.jabatan if sheet.pimpinan and sheet.pimpinan.jabatan else "Pimpinan Unit Kerja"
    signer = Signer("pimpinan", (caption, "Yang menetapkan,", jabatan), sheet.pimpinan)
    out.append(signature_row([None, signer], width, keep_with=check))
    return out


def meta(sheet: PenetapanSheet) -> DocMeta:
    unit = sheet.unit_nama + (f" ({sheet.unit_code})" if sheet.unit_code else "")
    return DocMeta(
        title=f"Penetapan Predikat Kinerja {sheet.period.label} {sheet.year} — {unit}",
        subject=f"{TITLE} PERIODE {sheet.period.print_label} TAHUN {sheet.year}",
        keywords=f"Penetapan Predikat Kinerja, Unit {sheet.unit_code or sheet.unit_nama}, Tahun {sheet.year}, "
        f"Periode {sheet.period.code}, " + ", ".join(f"NIP {r.nip}" for r in sheet.rows[:50] if r.nip),
        header=f"{TITLE} {sheet.period.print_label} {sheet.year} — {unit}",
    )
