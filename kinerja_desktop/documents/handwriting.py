"""Space for handwriting on blank forms: ruled lines and tick boxes."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from kinerja_desktop.documents.flow_table import P
from kinerja_desktop.documents.page_setup import styles

__all__ = ["LINE_GAP", "WritingLines", "tick_boxes"]

LINE_GAP = 7 * mm  # comfortable for handwriting with a ballpoint
_RULE = colors.HexColor("#9a9a9a")


class WritingLines(Flowable):
    """``lines`` dotted rules ``gap`` apart across the available width."""

    def __init__(self, lines: int = 1, gap: float = LINE_GAP) -> None:
        super().__init__()
        self.lines = max(1, lines)
        self.gap = gap
        self.width = 0.0
        self.height = self.lines * gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        fit = int(availHeight // self.gap)
        if fit <= 0 or fit >= self.lines:
            return []
        return [WritingLines(fit, self.gap), WritingLines(self.lines - fit, self.gap)]

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(_RULE)
        canv.setLineWidth(0.4)
        canv.setDash(1, 1.5)
        for i in range(self.lines):
            y = self.height - (i + 1) * self.gap + 1.2 * mm
            canv.line(0, y, self.width, y)
        canv.restoreState()


def tick_boxes(options: Sequence[str], style: object | None = None) -> Flowable:
    """``☐ Di Atas Ekspektasi   ☐ Sesuai Ekspektasi ...`` as one wrapping paragraph."""
    st = style or styles().cell
    body = "&nbsp;&nbsp;&nbsp; ".join(f"☐&nbsp;{escape(o).replace(' ', '&nbsp;')}" for o in options)
    return P(body, st)
