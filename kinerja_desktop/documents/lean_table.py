"""A small, fast table flowable for the sheets' ruled tables.

reportlab's ``Table`` is general (any style command on any cell range, spans in every
direction, in-row splitting) and pays for it on every cell: copied cell styles, span
bookkeeping, a second measuring pass while drawing. The sheets need far less: fixed column
widths, top- or middle-aligned cells, vertical spans inside a block of rows, horizontal spans,
rules between rows, a repeated header. :class:`LeanTable` does exactly that, from the same
style commands :func:`~kinerja_desktop.documents.flow_table.flow_table` writes, at about a third
of the cost. It splits only between rows that no span crosses. A command it does not draw as
reportlab would (another name, a range it does not handle, a second rule width) raises
:class:`UnsupportedStyle` instead of being ignored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.platypus import Flowable

from kinerja_desktop.documents.library_internals import draw_line

__all__ = ["LeanTable", "UnsupportedStyle"]

_BIG = 1e6


@dataclass
class _Cell:
    content: object  # list of flowables, or a one-line string
    colspan: int = 1
    rowspan: int = 1
    top: float = 0.0
    bottom: float = 0.0
    valign: str = "TOP"
    align: str = "LEFT"


@dataclass
class _Row:
    cells: list[_Cell | None]  # None: covered by a span
    height: float = 0.0
    fixed: float | None = None
    lines_above: list[tuple[int, int]] = field(default_factory=list)  # column ranges (inclusive)
    backgrounds: list[tuple[int, int, object]] = field(default_factory=list)
    grid: bool = False  # header rows: every cell boxed
    no_line_above: set[int] = field(default_factory=set)  # columns crossed by a vertical span
    no_line_before: set[int] = field(default_factory=set)  # column boundaries inside a horizontal span
    breakable: bool = True  # a page may break before this row


_CELL_ATTRS = {"TOPPADDING": "top", "BOTTOMPADDING": "bottom", "VALIGN": "valign", "ALIGN": "align"}
_VALUES = {"valign": ("TOP", "MIDDLE"), "align": ("LEFT", "CENTER", "CENTRE", "RIGHT")}
_TABLE_WIDE = ("FONT", "LEFTPADDING", "RIGHTPADDING", "BOX")
_LINES = ("LINEABOVE", "GRID", "BOX", "LINEBEFORE")
_SPLIT_RULES = (("LINEABOVE", "splitfirst", "splitfirst"), ("LINEBELOW", "splitlast", "splitlast"))


class UnsupportedStyle(ValueError):
    """A style command LeanTable does not draw the way reportlab's Table would: refused, not ignored."""


def _refuse(cmd: tuple, why: str) -> UnsupportedStyle:
    return UnsupportedStyle(f"LeanTable does not implement {cmd[0]} {cmd[1]}-{cmd[2]}: {why}")


def _resolve(value: int, size: int) -> int:
    return value + size if value < 0 else value


class LeanTable(Flowable):
    """Built by :meth:`from_commands`; splits by rows and repeats ``nhead`` header rows."""

    def __init__(self, widths: Sequence[float], rows: list[_Row], nhead: int, style: dict[str, object]) -> None:
        super().__init__()
        self.widths = list(widths)
        self.rows = rows
        self.nhead = nhead
        self.style = style
        self.width = sum(self.widths)
        self.height = 0.0
        self.hAlign = "LEFT"
        self._measured_width: float | None = None

    # ------------------------------------------------------------------ building
    @classmethod
    def from_commands(
        cls,
        data: list[list[object]],
        widths: Sequence[float],
        commands: Sequence[tuple],
        nhead: int,
        fixed_heights: dict[int, float] | None = None,
    ) -> LeanTable:
        nrows, ncols = len(data), len(widths)
        style: dict[str, object] = {
            "font": "Helvetica",
            "size": 10.0,
            "leading": 12.0,
            "left": 6.0,
            "right": 6.0,
            "line": 0.5,
            "color": colors.black,
            "lines": False,
        }
        # Table-wide settings are defaults; narrower ranges are sparse overrides (most commands here
        # are table-wide, and a per-cell grid of attributes cost more than the drawing).
        defaults: dict[str, object] = {"top": 0.0, "bottom": 0.0, "valign": "TOP", "align": "LEFT"}
        overrides: dict[str, dict[tuple[int, int], object]] = {k: {} for k in defaults}
        rows = [_Row([None] * ncols, fixed=(fixed_heights or {}).get(r)) for r in range(nrows)]
        spans: list[tuple[int, int, int, int]] = []
        pen: tuple[object, object] | None = None
        for cmd in commands:
            name = cmd[0]
            (c0, r0), (c1, r1) = cmd[1], cmd[2]
            if isinstance(r0, str) or isinstance(r1, str):
                # a part's closing rule at a page break: drawn anyway, as every part gets its own outline
                if (name, r0, r1) in _SPLIT_RULES:
                    continue
                raise _refuse(cmd, "only LINEABOVE splitfirst and LINEBELOW splitlast rows are understood")
            c0, c1 = _resolve(c0, ncols), _resolve(c1, ncols)
            r0, r1 = _resolve(r0, nrows), _resolve(r1, nrows)
            whole = (c0, r0, c1, r1) == (0, 0, ncols - 1, max(nrows - 1, 0))
            if name in _TABLE_WIDE and not whole:
                raise _refuse(cmd, "only for the whole table")
            if name == "LINEBEFORE" and (c0, r0, c1, r1) != (1, 0, ncols - 1, max(nrows - 1, 0)):
                raise _refuse(cmd, "only as a rule before every column but the first, on every row")
            if name == "GRID" and (c0, c1) != (0, ncols - 1):
                raise _refuse(cmd, "only on whole rows")
            if name in _LINES:
                if pen is not None and pen != (cmd[3], cmd[4]):
                    raise _refuse(cmd, f"all rules share one width and colour (already {pen})")
                pen = (cmd[3], cmd[4])
            key = _CELL_ATTRS.get(name)
            if key is not None:
                if key in _VALUES and cmd[3] not in _VALUES[key]:
                    raise _refuse(cmd, f"{name} is one of {', '.join(_VALUES[key])}")
                value: object = float(cmd[3]) if key in ("top", "bottom") else cmd[3]
                if key == "align" and value == "CENTRE":
                    value = "CENTER"
                if c0 == 0 and r0 == 0 and c1 == ncols - 1 and r1 == nrows - 1:
                    defaults[key] = value
                    overrides[key].clear()
                else:
                    target = overrides[key]
                    for r in range(r0, r1 + 1):
                        for c in range(c0, c1 + 1):
                            target[(c, r)] = value
            elif name == "FONT":
                style["font"], style["size"] = cmd[3], float(cmd[4])
                style["leading"] = float(cmd[5]) if len(cmd) > 5 else 1.2 * float(cmd[4])
            elif name in ("LEFTPADDING", "RIGHTPADDING"):
                style["left" if name == "LEFTPADDING" else "right"] = float(cmd[3])
            elif name == "SPAN":
                spans.append((c0, r0, c1, r1))
            elif name == "LINEABOVE":
                for r in range(r0, r1 + 1):
                    rows[r].lines_above.append((c0, c1))
                style["line"], style["color"], style["lines"] = cmd[3], cmd[4], True
            elif name == "BACKGROUND":
                for r in range(r0, r1 + 1):
                    rows[r].backgrounds.append((c0, c1, cmd[3]))
            elif name == "GRID":
                for r in range(r0, r1 + 1):
                    rows[r].grid = True
                style["line"], style["color"], style["lines"] = cmd[3], cmd[4], True
            elif name in ("BOX", "LINEBEFORE"):
                style["line"], style["color"], style["lines"] = cmd[3], cmd[4], True
            else:
                raise _refuse(cmd, "unknown to LeanTable (use reportlab's Table for it)")
        covered: set[tuple[int, int]] = set()
        span_at: dict[tuple[int, int], tuple[int, int]] = {}
        for c0, r0, c1, r1 in spans:
            span_at[(c0, r0)] = (c1 - c0 + 1, r1 - r0 + 1)
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (c, r) != (c0, r0):
                        covered.add((c, r))
                for c in range(c0 + 1, c1 + 1):
                    rows[r].no_line_before.add(c)
                if r > r0:
                    rows[r].no_line_above.update(range(c0, c1 + 1))
                    rows[r].breakable = False
        d_top, d_bottom, d_valign, d_align = (defaults[k] for k in ("top", "bottom", "valign", "align"))
        for r in range(nrows):
            for c in range(ncols):
                if (c, r) in covered:
                    continue
                colspan, rowspan = span_at.get((c, r), (1, 1))
                value = data[r][c]
                if isinstance(value, Flowable):
                    value = [value]
                elif value is None:
                    value = []
                at = (c, r)
                rows[r].cells[c] = _Cell(
                    value,
                    colspan,
                    rowspan,
                    overrides["top"].get(at, d_top),  # type: ignore[arg-type]
                    overrides["bottom"].get(at, d_bottom),  # type: ignore[arg-type]
                    overrides["valign"].get(at, d_valign),  # type: ignore[arg-type]
                    overrides["align"].get(at, d_align),  # type: ignore[arg-type]
                )
        table = cls(widths, rows, nhead, style)
        return table

    # ------------------------------------------------------------------ measuring
    def _content_height(self, cell: _Cell, width: float) -> float:
        content = cell.content
        if isinstance(content, str):
            return float(self.style["leading"]) if content else 0.0
        return sum(f.wrap(width, _BIG)[1] for f in content)  # type: ignore[attr-defined]

    def _measure(self) -> None:
        if self._measured_width is not None:
            return
        left, right = float(self.style["left"]), float(self.style["right"])
        rows = self.rows
        deficits: list[tuple[int, int, float]] = []
        for r, row in enumerate(rows):
            height = 0.0
            for c, cell in enumerate(row.cells):
                if cell is None:
                    continue
                width = sum(self.widths[c : c + cell.colspan]) - left - right
                need = self._content_height(cell, width) + cell.top + cell.bottom
                if cell.rowspan == 1:
                    height = max(height, need)
                else:
                    deficits.append((r, cell.rowspan, need))
            row.height = row.fixed if row.fixed is not None else height
        for r, span, need in deficits:
            have = sum(rows[i].height for i in range(r, r + span))
            if need > have:
                extra = (need - have) / span  # spread like reportlab does
                for i in range(r, r + span):
                    rows[i].height += extra
        self._measured_width = self.width
        self.height = sum(row.height for row in rows)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._measure()
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._measure()
        if self.height <= availHeight:
            return [self]
        head = self.rows[: self.nhead]
        used = sum(r.height for r in head)
        best = None
        for k in range(self.nhead, len(self.rows)):
            if k > self.nhead and self.rows[k].breakable:
                best = k
            used += self.rows[k].height
            if used > availHeight:
                break
        else:
            return [self]
        if best is None:
            return []
        first = LeanTable(self.widths, self.rows[:best], self.nhead, self.style)
        rest = LeanTable(self.widths, [*head, *self.rows[best:]], self.nhead, self.style)
        for part in (first, rest):
            part._measured_width = self.width
            part.height = sum(r.height for r in part.rows)
        return [first, rest]

    # ------------------------------------------------------------------ drawing
    def draw(self) -> None:
        canv = self.canv
        style = self.style
        left, right = float(style["left"]), float(style["right"])
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        tops = [self.height]
        for row in self.rows:
            tops.append(tops[-1] - row.height)
        canv.saveState()
        # backgrounds first
        for r, row in enumerate(self.rows):
            for c0, c1, color in row.backgrounds:
                canv.setFillColor(color)
                canv.rect(xs[c0], tops[r + 1], xs[c1 + 1] - xs[c0], row.height, stroke=0, fill=1)
        # contents
        canv.setFillColor(colors.black)
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row.cells):
                if cell is None or not cell.content:
                    continue
                x0 = xs[c]
                width = xs[c + cell.colspan] - x0
                top_y = tops[r]
                bottom_y = tops[r + cell.rowspan]
                self._draw_cell(cell, x0, width, top_y, bottom_y, left=left, right=right)
        if not style["lines"]:
            canv.restoreState()
            return
        # rules
        canv.setStrokeColor(style["color"])
        canv.setLineWidth(float(style["line"]))
        lines: list[tuple[float, float, float, float]] = []
        n = len(self.rows)
        for r, row in enumerate(self.rows):
            y_top, y_bottom = tops[r], tops[r + 1]
            for b in range(1, len(self.widths)):
                if b not in row.no_line_before:
                    lines.append((xs[b], y_top, xs[b], y_bottom))
            segments = [(0, len(self.widths) - 1)] if row.grid or (r == self.nhead and r < n) else row.lines_above
            for c0, c1 in segments:
                for c in range(c0, c1 + 1):
                    if c not in row.no_line_above or row.grid:
                        lines.append((xs[c], y_top, xs[c + 1], y_top))
        canv.lines(lines)
        canv.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        canv.restoreState()

    def _draw_cell(
        self, cell: _Cell, x0: float, width: float, top_y: float, bottom_y: float, *, left: float, right: float
    ) -> None:
        canv = self.canv
        content = cell.content
        inner = width - left - right
        if isinstance(content, str):
            size = float(self.style["size"])
            canv.setFont(str(self.style["font"]), size, float(self.style["leading"]))
            if cell.valign == "MIDDLE":
                base = (bottom_y + cell.bottom + top_y - cell.top + float(self.style["leading"])) / 2 - size
            else:
                base = top_y - cell.top - size
            if cell.align == "CENTER":
                draw_line(canv, x0 + left + inner / 2, base, content, align="CENTER")
            elif cell.align == "RIGHT":
                draw_line(canv, x0 + width - right, base, content, align="RIGHT")
            else:
                draw_line(canv, x0 + left, base, content)
            return
        flowables = list(content)  # type: ignore[call-overload]
        heights = [f.wrap(inner, _BIG)[1] for f in flowables]
        if cell.valign == "MIDDLE":
            y = (bottom_y + cell.bottom + top_y - cell.top + sum(heights)) / 2
        else:
            y = top_y - cell.top
        for f, h in zip(flowables, heights, strict=True):
            y -= h
            fw = getattr(f, "width", inner) or inner
            x = x0 + left + ((inner - fw) / 2 if cell.align == "CENTER" and fw < inner else 0)
            f.drawOn(canv, x, y)
