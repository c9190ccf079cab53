"""A table whose text always fits: long cells flow on into continuation rows.

reportlab never splits a table row across pages, so one 2,000-character comment in a narrow
column would make a row taller than the page (a LayoutError), and spanned cells cannot split
at all. So:

* a *block* (one RHK with its indicator rows, one BerAKHLAK value...) that is short is drawn
  as on the official form: its block-wide cells are spanned beside the indicator *lanes* and
  the block moves to the next page as a whole;
* a block taller than ``keep`` points is laid out with no spans: every cell longer than a row
  is cut at a line boundary (``Paragraph.split``) and continues in the next row of the same
  column, with no rule and no padding between the pieces, so on paper it reads as one cell
  and the table can break between any two rows. No row is taller than ``chunk``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from xml.sax.saxutils import escape as xml_escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, TableStyle
from reportlab.platypus.paraparser import ParaParser

from kinerja_desktop.documents.library_internals import draw_line
from kinerja_desktop.documents.lean_table import LeanTable
from kinerja_desktop.documents.page_setup import FONT

__all__ = ["Block", "FullRow", "P", "T", "flow_table", "plain", "table_style"]

PAD_X = 2.5
PAD_Y = 2.0
LINE = 0.5
HEAD_BG = colors.HexColor("#e6e6e6")
SECTION_BG = colors.HexColor("#f2f2f2")
_EPS = 0.01
_BIG = 1e6


_BREAKS: OrderedDict[tuple[str, str, float], tuple[object, float, list[float]]] = OrderedDict()
_BREAKS_MAX = 8192


class P(Paragraph):
    """A Paragraph that remembers its last wrap, so measuring it before the table does is free, and
    shares line breaking between identical texts (headers, panduan perilaku, repeated indicator
    texts across a batch): the broken lines are only read when drawing or splitting."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        last = self._wrapped
        if last is not None and last[0] == availWidth:
            return last[1]
        key = (self.text, self.style.name, availWidth) if isinstance(self.text, str) else None
        hit = _BREAKS.get(key) if key is not None else None
        if hit is not None:
            self.width = availWidth
            self.blPara, self.height, self._wrapWidths = hit  # type: ignore[assignment]
            result = (availWidth, self.height)
        else:
            result = super().wrap(availWidth, availHeight)
            if key is not None and availWidth >= 1:
                _BREAKS[key] = (self.blPara, self.height, self._wrapWidths)
                if len(_BREAKS) > _BREAKS_MAX:
                    _BREAKS.popitem(last=False)
        self._wrapped = (availWidth, result)
        return result


_TEMPLATE_FRAGS: dict[str, object] = {}


_STRING_STYLES = ("kinerja-cell", "kinerja-cell-center")  # styles whose font matches the table default


def table_style(cmds: Sequence[tuple]) -> TableStyle:
    """A TableStyle whose default cell font is ours: reportlab's default (Helvetica, not embedded)
    would otherwise be selected on every page a table is drawn on. Font, size and leading equal
    the ``cell`` paragraph style, so plain string cells look like one-line paragraphs."""
    return TableStyle([("FONT", (0, 0), (-1, -1), FONT, 7.5, 9.2), *cmds])


def _plain_para(text: str, style: ParagraphStyle) -> P:
    frag = _TEMPLATE_FRAGS.get(style.name)
    if frag is None:
        _, frags, _ = ParaParser().parse("x", style)
        frag = _TEMPLATE_FRAGS[style.name] = frags[0]
    return P(text, style, frags=[frag.clone(text=text)])  # type: ignore[attr-defined]


class T(Flowable):
    """Plain text in one style. When it fits on one line it is drawn as a single text operator
    (a fraction of a Paragraph's cost); otherwise it behaves exactly like a wrapping Paragraph."""

    def __init__(self, text: str, style: ParagraphStyle, *, underline: bool = False) -> None:
        super().__init__()
        self.text = " ".join(text.split())
        self.style = style
        self.underline = underline
        self._para: P | None = None
        self._text_width = stringWidth(self.text, style.fontName, style.fontSize)
        self.width = self.height = 0.0

    def fits(self, avail_width: float) -> bool:
        """Whether the text fits on one line in ``avail_width`` points."""
        return self._fits(avail_width)

    def _fits(self, avail_width: float) -> bool:
        st = self.style
        first = st.leftIndent + st.firstLineIndent
        return self._para is None and self._text_width <= avail_width - first - st.rightIndent

    def paragraph(self) -> P:
        if self._para is None:
            if self.underline:
                self._para = P(f"<u>{xml_escape(self.text)}</u>", self.style)
            else:
                self._para = _plain_para(self.text, self.style)
        return self._para

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._fits(availWidth):
            self.width, self.height = availWidth, self.style.leading
            return self.width, self.height
        return self.paragraph().wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if self._fits(availWidth):
            return [self] if availHeight >= self.style.leading else []
        return self.paragraph().split(availWidth, availHeight)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        if self._para is not None:
            self._para.drawOn(canvas, x, y, _sW)
            return
        if not self.text:
            return  # an empty line (a blank caption line) only takes its height
        # One line needs no saved graphics state or translation: draw it where it goes.
        st = self.style
        if canvas._fillColorObj != st.textColor:
            canvas.setFillColor(st.textColor)
        canvas.setFont(st.fontName, st.fontSize)
        base = y + self.height - _first_baseline(st.fontName, st.fontSize)
        left = x + st.leftIndent + st.firstLineIndent
        width = self._text_width
        if st.alignment == TA_CENTER:
            left = (left + x + self.width - st.rightIndent - width) / 2
        elif st.alignment == TA_RIGHT:
            left = x + self.width - st.rightIndent - width
        draw_line(canvas, left, base, self.text)
        if self.underline and width:
            # where reportlab's <u> puts it: 1/8 of the font size below the baseline
            under = base - 0.125 * st.fontSize
            canvas.saveState()
            canvas.setStrokeColor(st.textColor)
            canvas.setLineWidth(st.fontSize / 15)
            canvas.line(left, under, left + width, under)
            canvas.restoreState()

    def draw(self) -> None:
        self.drawOn(self.canv, 0, 0)


@cache
def _first_baseline(font: str, size: float) -> float:
    """Distance from the top to the first baseline, exactly as reportlab's Paragraph places it."""
    return size if rl_config.paraFontSizeHeightOffset else getAscentDescent(font, size)[0]


def plain(text: str, style: ParagraphStyle, *, underline: bool = False) -> T:
    """Plain text (no markup, no newlines), without reportlab's markup parser; whitespace collapses
    as in markup. One-line texts skip paragraph machinery altogether."""
    return T(text, style, underline=underline)


Content = Sequence[Flowable]


@dataclass
class Block:
    """Rows that belong together: ``lanes`` are the per-row cells (indicator rows), ``cells`` the
    block-wide cells (beside all lanes, top-aligned). Keys are column indexes."""

    cells: dict[int, Content] = field(default_factory=dict)
    lanes: list[dict[int, Content]] = field(default_factory=list)
    background: colors.Color | None = None
    hspan: dict[int, int] = field(default_factory=dict)  # block cell column -> last column it covers


@dataclass
class FullRow:
    """A row spanning all columns (section headings such as "A. KINERJA UTAMA")."""

    content: Content
    background: colors.Color | None = SECTION_BG


def _height(items: Content, width: float) -> float:
    return sum(f.wrap(width, _BIG)[1] for f in items)


def _take(items: list[Flowable], width: float, avail: float) -> tuple[list[Flowable], list[Flowable]]:
    """Split ``items`` into what fits in ``avail`` points and the rest (cutting a paragraph between lines)."""
    taken: list[Flowable] = []
    used = 0.0
    rest = list(items)
    while rest:
        item = rest[0]
        h = item.wrap(width, _BIG)[1]
        if used + h <= avail + _EPS:
            taken.append(item)
            used += h
            rest.pop(0)
            continue
        parts = item.split(width, avail - used) if avail - used > 0 else []
        if len(parts) >= 2:
            taken.append(parts[0])
            rest[0:1] = parts[1:]
        break
    return taken, rest


class _Grid:
    """Accumulates table rows and style commands."""

    def __init__(self, ncols: int, widths: list[float]) -> None:
        self.ncols = ncols
        self.widths = widths
        self.inner = [w - 2 * PAD_X for w in widths]
        self.data: list[list[object]] = []
        self.cmds: list[tuple] = []

    def add_row(self, cells: dict[int, list[Flowable]]) -> int:
        r = len(self.data)
        row: list[object] = []
        for c in range(self.ncols):
            value: object = cells.get(c, [])
            # A lone one-line text in the plain cell style becomes a plain string: reportlab draws
            # those itself, skipping the flowable machinery (measurably faster on every sheet).
            if isinstance(value, list) and len(value) == 1 and isinstance(value[0], T):
                t = value[0]
                name = t.style.name
                if name in _STRING_STYLES and t.fits(self.inner[c]):
                    value = t.text
                    if name != _STRING_STYLES[0]:
                        self.cmds.append(("ALIGN", (c, r), (c, r), "CENTER"))
            row.append(value)
        self.data.append(row)
        return r

    def line_above(self, row: int, c0: int = 0, c1: int = -1) -> None:
        self.cmds.append(("LINEABOVE", (c0, row), (c1, row), LINE, colors.black))

    def pad(self, kind: str, col: int, r0: int, r1: int) -> None:
        if r1 >= r0:
            self.cmds.append((kind, (col, r0), (col, r1), 0))


def _flow_column(
    width: float,
    col: int,
    content: list[Flowable],
    *,
    rows: list[dict[int, list[Flowable]]],
    heights: list[float],
    free: list[bool],
    chunk: float,
) -> int:
    """Pour ``content`` down column ``col`` (``width`` inside the padding) through ``rows`` (extending
    them); returns the number of rows used."""
    pending = [f for f in content if f is not None]
    r = 0
    while pending:
        if r >= len(rows):
            rows.append({})
            heights.append(0.0)
            free.append(True)
        # Pieces after the first have no top padding; bottom padding is restored on the last piece.
        top = PAD_Y if r == 0 else 0.0
        avail = chunk - top if free[r] else heights[r] - top
        taken, pending = _take(pending, width, avail)
        if not taken and free[r]:  # a single line taller than a whole chunk: take it anyway
            taken, pending = [pending[0]], pending[1:]
        if taken:
            rows[r][col] = taken
            heights[r] = max(heights[r], _height(taken, width) + top)
        r += 1
    return r


def _add_block(grid: _Grid, block: Block, chunk: float, keep: float) -> None:
    inner = list(grid.inner)
    for c, last in block.hspan.items():
        inner[c] = sum(grid.widths[c : last + 1]) - 2 * PAD_X
    lanes = block.lanes or [{}]
    lane_h = [max((_height(v, inner[c]) for c, v in lane.items() if v), default=0.0) for lane in lanes]
    cell_h = [_height(v, inner[c]) for c, v in block.cells.items() if v]
    lane_total = sum(h + 2 * PAD_Y for h in lane_h)
    total = max(lane_total, max(cell_h, default=0.0) + 2 * PAD_Y)
    start = len(grid.data)
    lane_cols = sorted({c for lane in lanes for c in lane})
    if total <= keep and max(lane_h, default=0.0) <= chunk:
        # Short block: spanned cells as on the official form; the block never splits.
        for i, lane in enumerate(lanes):
            cells = {c: list(v) for c, v in lane.items()}
            if i == 0:
                cells.update({c: list(v) for c, v in block.cells.items()})
            r = grid.add_row(cells)
            if i:
                for c in lane_cols:
                    grid.line_above(r, c, c)
        end = len(grid.data) - 1
        for c in block.cells:
            last = block.hspan.get(c, c)
            if end > start or last > c:
                grid.cmds.append(("SPAN", (c, start), (last, end)))
        grid.line_above(start)
        if block.background is not None:
            grid.cmds.append(("BACKGROUND", (0, start), (-1, end), block.background))
        return
    # Tall block: no spans; every column flows through rows of at most `chunk` points.
    rows: list[dict[int, list[Flowable]]] = []
    heights: list[float] = []  # content height + top padding already used in the row (lane cells)
    free: list[bool] = []
    lane_starts: list[int] = []
    for lane in lanes:
        first = len(rows)
        lane_starts.append(first)
        sub_rows: list[dict[int, list[Flowable]]] = []
        sub_h: list[float] = []
        sub_free: list[bool] = []
        used = {
            c: _flow_column(inner[c], c, list(v), rows=sub_rows, heights=sub_h, free=sub_free, chunk=chunk)
            for c, v in lane.items()
            if v
        }
        if not sub_rows:
            sub_rows, sub_h, sub_free = [{}], [0.0], [True]
        for c, n in used.items():
            grid.pad("TOPPADDING", c, start + first + 1, start + first + len(sub_rows) - 1)
            grid.pad("BOTTOMPADDING", c, start + first, start + first + n - 2)
        rows += sub_rows
        # A lane row's height is fixed by its lane cells (plus the bottom padding of its last piece).
        heights += [h + PAD_Y for h in sub_h]
        free += [not cells for cells in sub_rows]
    for c, v in block.cells.items():
        n = _flow_column(inner[c], c, list(v), rows=rows, heights=heights, free=free, chunk=chunk)
        grid.pad("TOPPADDING", c, start + 1, start + len(rows) - 1)
        grid.pad("BOTTOMPADDING", c, start, start + n - 2)
    for cells in rows:
        r = grid.add_row(cells)
        for c, last in block.hspan.items():
            grid.cmds.append(("SPAN", (c, r), (last, r)))
    grid.line_above(start)
    for lane_start in lane_starts[1:]:
        for c in lane_cols:
            grid.line_above(start + lane_start, c, c)
    if block.background is not None:
        grid.cmds.append(("BACKGROUND", (0, start), (-1, len(grid.data) - 1), block.background))


def flow_table(
    col_widths: Sequence[float],
    header_rows: Sequence[Sequence[Flowable | str | None]],
    items: Sequence[Block | FullRow],
    *,
    chunk: float = 90.0,
    keep: float = 260.0,
    header_spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
    blank_rows: Sequence[float] = (),
) -> Flowable:
    """Build the table.

    Args:
        col_widths: column widths in points (they should add up to the frame width).
        header_rows: repeated on every page; cells are flowables, strings or None.
        items: blocks and full-width rows, in order.
        chunk: the tallest a row of a tall block may be.
        keep: blocks up to this height are spanned and kept together.
        header_spans: SPAN commands for the header, as ((col0, row0), (col1, row1)).
        blank_rows: extra ruled rows of these heights at the end (space for handwriting).
    """
    ncols = len(col_widths)
    grid = _Grid(ncols, list(col_widths))
    grid.data = [[c if c is not None else [] for c in r] for r in header_rows]
    nhead = len(header_rows)
    grid.cmds = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
        ("BOX", (0, 0), (-1, -1), LINE, colors.black),
        ("LINEBEFORE", (1, 0), (-1, -1), LINE, colors.black),
        # close the table at a page break and reopen it under the repeated header
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), LINE, colors.black),
        ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), LINE, colors.black),
    ]
    if nhead:
        grid.cmds += [
            ("GRID", (0, 0), (-1, nhead - 1), LINE, colors.black),
            ("BACKGROUND", (0, 0), (-1, nhead - 1), HEAD_BG),
            ("VALIGN", (0, 0), (-1, nhead - 1), "MIDDLE"),
        ]
        grid.cmds += [("SPAN", a, b) for a, b in header_spans]
    for item in items:
        if isinstance(item, FullRow):
            r = grid.add_row({0: list(item.content)})
            grid.cmds.append(("SPAN", (0, r), (-1, r)))
            grid.line_above(r)
            if item.background is not None:
                grid.cmds.append(("BACKGROUND", (0, r), (-1, r), item.background))
        else:
            _add_block(grid, item, chunk, keep)
    fixed: dict[int, float] = {}
    for h in blank_rows:
        r = grid.add_row({})
        grid.line_above(r)
        fixed[r] = h
    commands = [("FONT", (0, 0), (-1, -1), FONT, 7.5, 9.2), *grid.cmds]
    return LeanTable.from_commands(grid.data, list(col_widths), commands, nhead, fixed)
