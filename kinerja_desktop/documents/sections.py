"""The HASIL KERJA and PERILAKU KERJA tables shared by the SKP, the evaluation and the blank forms."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table

from kinerja_desktop.documents.flow_table import LINE, PAD_X, PAD_Y, Block, FullRow, flow_table, plain
from kinerja_desktop.documents.handwriting import WritingLines
from kinerja_desktop.documents.layout_common import missing, para, text_or_missing
from kinerja_desktop.documents.lean_table import LeanTable
from kinerja_desktop.documents.page_setup import FONT, styles
from kinerja_desktop.documents.sheet_data import Indicator, PerilakuItem, Plan, Rhk
from kinerja_desktop.domain.kepegawaian import JenisRhk, Pendekatan, SkpVariant

__all__ = [
    "EvalTexts",
    "HasilKerjaBlank",
    "column_layout",
    "hasil_kerja_table",
    "label_value_table",
    "perilaku_table",
]


@dataclass(frozen=True, slots=True)
class _Col:
    key: str
    title: str
    weight: float
    lane: bool  # one cell per indicator (True) or one per RHK (False)


_COLS = {
    "no": _Col("no", "NO", 3.6, False),
    "intervensi": _Col("intervensi", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", 14, False),
    "rhk": _Col("rhk", "RENCANA HASIL KERJA", 15, False),
    "aspek": _Col("aspek", "ASPEK", 8.5, True),
    "iki": _Col("iki", "INDIKATOR KINERJA INDIVIDU", 17, True),
    "target": _Col("target", "TARGET", 11, True),
    "iki_target": _Col("iki_target", "UKURAN KEBERHASILAN / INDIKATOR KINERJA INDIVIDU DAN TARGET", 26, True),
    "perspektif": _Col("perspektif", "PERSPEKTIF", 10, False),
    "realisasi": _Col("realisasi", "REALISASI BERDASARKAN BUKTI DUKUNG", 13, True),
    "umpan_balik": _Col("umpan_balik", "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG", 17, False),
}


def _columns(variant: SkpVariant, pendekatan: Pendekatan, evaluation: bool) -> list[_Col]:
    measure = ["iki", "target"] if pendekatan is Pendekatan.KUANTITATIF else ["iki_target"]
    if variant is SkpVariant.JPT:
        keys = ["no", "rhk", *measure, "perspektif"]
    else:
        keys = ["no", "intervensi", "rhk", "aspek", *measure]
    if evaluation:
        keys += ["realisasi", "umpan_balik"]
    return [_COLS[k] for k in keys]


# The evaluation has two more columns: narrower plan columns leave room for the narratives.
_EVAL_WEIGHTS = {
    "intervensi": 13,
    "rhk": 12,
    "aspek": 8,
    "iki": 14,
    "target": 10,
    "iki_target": 20,
    "perspektif": 10,
    "realisasi": 13,
    "umpan_balik": 21,
}


def _widths(cols: Sequence[_Col], width: float) -> list[float]:
    evaluation = any(c.key == "umpan_balik" for c in cols)
    jpt = not any(c.key == "intervensi" for c in cols)
    table = {**_EVAL_WEIGHTS, "rhk": 17, "iki": 18, "iki_target": 26} if jpt else _EVAL_WEIGHTS
    weights = [table.get(c.key, c.weight) if evaluation else c.weight for c in cols]
    total = sum(weights)
    return [width * w / total for w in weights]


def column_layout(
    variant: SkpVariant, pendekatan: Pendekatan, *, evaluation: bool, width: float
) -> list[tuple[str, float]]:
    """(column key, width in points) of the HASIL KERJA table, left to right."""
    cols = _columns(variant, pendekatan, evaluation)
    return [(c.key, w) for c, w in zip(cols, _widths(cols, width), strict=True)]


@dataclass(frozen=True, slots=True)
class EvalTexts:
    """What the evaluation adds to the HASIL KERJA table."""

    realisasi: Mapping[str, str]
    umpan_balik: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class HasilKerjaBlank:
    """Blank form sizing: RHK blocks per section and indicator rows per RHK."""

    utama: int = 3
    tambahan: int = 1
    indicators: int = 2
    lines_per_indicator: int = 2


def _lane_value(key: str, ind: Indicator, ev: EvalTexts | None) -> list[Flowable]:
    st = styles()
    if key == "aspek":
        return [para(ind.aspek.label if ind.aspek else "-")]
    if key == "iki":
        return [text_or_missing(ind.iki)]
    if key == "target":
        return [para(ind.target or "-")]
    if key == "iki_target":
        items: list[Flowable] = [text_or_missing(ind.iki)]
        if ind.target:
            items.append(para(f"Target: {ind.target}", st.cell))
        return items
    if key == "realisasi" and ev is not None:
        return [text_or_missing(ev.realisasi.get(ind.id, ""))]
    return []


def _block_value(key: str, number: int, rhk: Rhk, ev: EvalTexts | None) -> list[Flowable]:
    st = styles()
    if key == "no":
        return [plain(str(number), st.cell_center)]
    if key == "intervensi":
        return [para(rhk.intervensi or "-")]
    if key == "rhk":
        return [text_or_missing(rhk.text)]
    if key == "perspektif":
        return [para(rhk.perspektif.label if rhk.perspektif else "-")]
    if key == "umpan_balik" and ev is not None:
        return [text_or_missing(ev.umpan_balik.get(rhk.id, ""))]
    return []


def _rhk_block(cols: Sequence[_Col], number: int, rhk: Rhk, ev: EvalTexts | None) -> Block:
    cells = {i: _block_value(c.key, number, rhk, ev) for i, c in enumerate(cols) if not c.lane}
    lanes = [{i: _lane_value(c.key, ind, ev) for i, c in enumerate(cols) if c.lane} for ind in rhk.indicators]
    if not lanes:
        first_lane_col = next(i for i, c in enumerate(cols) if c.lane)
        lanes = [{first_lane_col: [missing("indikator belum diisi")]}]
    return Block(cells=cells, lanes=lanes)


def _blank_block(cols: Sequence[_Col], number: int, blank: HasilKerjaBlank) -> Block:
    st = styles()
    per_lane = blank.lines_per_indicator
    lanes = [{i: [WritingLines(per_lane)] for i, c in enumerate(cols) if c.lane} for _ in range(blank.indicators)]
    cells: dict[int, list[Flowable]] = {}
    for i, c in enumerate(cols):
        if not c.lane:
            lines = blank.indicators * per_lane
            cells[i] = [plain(str(number), st.cell_center)] if c.key == "no" else [WritingLines(lines)]
    return Block(cells=cells, lanes=lanes)


def _header(
    cols: Sequence[_Col], title: str
) -> tuple[list[list[object]], list[tuple[tuple[int, int], tuple[int, int]]]]:
    st = styles()
    rows: list[list[object]] = [
        [plain(title, st.head)] + [None] * (len(cols) - 1),
        [plain(c.title, st.head) for c in cols],
        # the annex's column-number row (1)...(n) under the column titles
        [plain(f"({n})", st.head) for n in range(1, len(cols) + 1)],
    ]
    return rows, [((0, 0), (-1, 0))]


def hasil_kerja_table(
    plan: Plan | None,
    width: float,
    *,
    variant: SkpVariant,
    pendekatan: Pendekatan,
    evaluation: EvalTexts | None = None,
    blank: HasilKerjaBlank | None = None,
    with_eval_columns: bool = False,
) -> Table:
    """HASIL KERJA with sections A. KINERJA UTAMA and B. KINERJA TAMBAHAN (on the SKP) or A. UTAMA and
    B. TAMBAHAN (on the evaluation, as the annex's Evaluasi copy groups them)."""
    st = styles()
    on_evaluation = evaluation is not None or with_eval_columns
    cols = _columns(variant, pendekatan, on_evaluation)
    header, spans = _header(cols, "HASIL KERJA")
    items: list[Block | FullRow] = []
    if blank is not None:
        for jenis, count in ((JenisRhk.UTAMA, blank.utama), (JenisRhk.TAMBAHAN, blank.tambahan)):
            items.append(FullRow([plain(_section_title(jenis, evaluation=on_evaluation), st.cell_bold)]))
            items += [_blank_block(cols, n, blank) for n in range(1, count + 1)]
    elif plan is None or not plan.rhk:
        items.append(FullRow([missing("Rencana hasil kerja belum diisi")], background=None))
    else:
        for jenis in (JenisRhk.UTAMA, JenisRhk.TAMBAHAN):
            items.append(FullRow([plain(_section_title(jenis, evaluation=on_evaluation), st.cell_bold)]))
            rows = plan.rhk_of(jenis)
            if not rows:
                items.append(FullRow([plain("-", st.cell)], background=None))
            items += [_rhk_block(cols, n, r, evaluation) for n, r in enumerate(rows, start=1)]
    return flow_table(_widths(cols, width), header, items, header_spans=spans)


def _section_title(jenis: JenisRhk, *, evaluation: bool) -> str:
    if evaluation:
        return "A. UTAMA" if jenis is JenisRhk.UTAMA else "B. TAMBAHAN"
    return "A. KINERJA UTAMA" if jenis is JenisRhk.UTAMA else "B. KINERJA TAMBAHAN"


def perilaku_table(
    items: Sequence[PerilakuItem],
    width: float,
    *,
    umpan_balik: Mapping[str, str] | None = None,
    blank_lines: int = 0,
    show_umpan_balik: bool = False,
) -> Table:
    """PERILAKU KERJA: the seven BerAKHLAK values with panduan, ekspektasi khusus pimpinan
    and (evaluation) umpan balik. ``blank_lines`` > 0 leaves ruled space instead of text."""
    st = styles()
    with_feedback = umpan_balik is not None or show_umpan_balik
    titles = ["NO", "PERILAKU KERJA DAN PANDUAN PERILAKU", "EKSPEKTASI KHUSUS PIMPINAN"]
    weights = [3.6, 30, 22]
    if with_feedback:
        titles.append("UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG")
        weights.append(22)
    header: list[list[object]] = [
        [plain("PERILAKU KERJA", st.head)] + [None] * (len(titles) - 1),
        [plain(t, st.head) for t in titles],
    ]
    total = sum(weights)
    widths = [width * w / total for w in weights]
    blocks: list[Block | FullRow] = []
    for n, item in enumerate(items, start=1):
        behaviour: list[Flowable] = [para(item.nama, st.cell_bold)]
        behaviour += [para(f"{i}. {text}", st.cell_item) for i, text in enumerate(item.panduan, start=1)]
        cells: dict[int, list[Flowable]] = {0: [plain(str(n), st.cell_center)], 1: behaviour}
        if blank_lines:
            cells[2] = [WritingLines(blank_lines)]
            if with_feedback:
                cells[3] = [WritingLines(blank_lines)]
        else:
            cells[2] = [para(item.ekspektasi or "-")]
            if umpan_balik is not None:
                cells[3] = [text_or_missing(umpan_balik.get(item.code, ""))]
        blocks.append(Block(cells=cells))
    if not items:
        blocks.append(FullRow([missing()], background=None))
    return flow_table(widths, header, blocks, header_spans=[((0, 0), (-1, 0))])


def label_value_table(
    rows: Sequence[tuple[str, Flowable | Sequence[Flowable]]], width: float, label_ratio: float = 0.36
) -> Table:
    """Two-column rows such as ``RATING HASIL KERJA | DI ATAS EKSPEKTASI``, ruled like the tables above."""
    st = styles()
    data = [
        [plain(label, st.cell_bold), value if isinstance(value, (list, tuple)) else [value]] for label, value in rows
    ]
    return LeanTable.from_commands(
        data,
        [width * label_ratio, width * (1 - label_ratio)],
        [
            ("FONT", (0, 0), (-1, -1), FONT, 7.5, 9.2),
            ("GRID", (0, 0), (-1, -1), LINE, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), PAD_Y + 0.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y + 0.5),
            ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2")),
        ],
        0,
    )
