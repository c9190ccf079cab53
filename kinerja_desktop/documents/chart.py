"""POLA DISTRIBUSI: the unit's predikat counts as a small line chart, drawn straight on the canvas."""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from kinerja_desktop.documents.page_setup import FONT, FONT_BOLD
from kinerja_desktop.domain.penilaian import PREDIKAT_ORDER_CHART, Predikat

__all__ = ["DistributionChart"]

_AXIS = colors.black
_GRID = colors.HexColor("#d0d0d0")
_LINE = colors.HexColor("#1f4e79")


def _nice_max(value: int) -> tuple[int, int]:
    """Axis maximum and tick step for counts up to ``value``."""
    if value <= 5:
        return 5, 1
    for step in (2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if value <= step * 5:
            top = -(-value // step) * step
            return top, step
    step = 10 ** (len(str(value)) - 1)
    return -(-value // step) * step, step


class DistributionChart(Flowable):
    """x axis Sangat Kurang .. Sangat Baik titled Predikat Kinerja Pegawai, y axis Frekuensi Pegawai;
    ``counts`` None draws empty axes (for filling by hand)."""

    def __init__(self, counts: Mapping[Predikat, int] | None, width: float = 95 * mm, height: float = 45 * mm) -> None:
        super().__init__()
        self.counts = counts
        self.width = width
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = min(self.width, availWidth)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        left, bottom = 11 * mm, 12 * mm
        plot_w, plot_h = self.width - left - 2 * mm, self.height - bottom - 3 * mm
        values = [int(self.counts.get(p, 0)) for p in PREDIKAT_ORDER_CHART] if self.counts is not None else None
        top, step = _nice_max(max(values) if values else 5)
        c.saveState()
        # grid and y ticks
        c.setFont(FONT, 5.5)
        c.setLineWidth(0.3)
        for tick in range(0, top + 1, step):
            y = bottom + plot_h * tick / top
            c.setStrokeColor(_GRID)
            c.line(left, y, left + plot_w, y)
            c.setFillColor(colors.black)
            label = str(tick)
            c.drawString(left - 1.2 * mm - stringWidth(label, FONT, 5.5), y - 2, label)
        # axes
        c.setStrokeColor(_AXIS)
        c.setLineWidth(0.6)
        c.line(left, bottom, left + plot_w, bottom)
        c.line(left, bottom, left, bottom + plot_h)
        # x labels (two lines where needed)
        slot = plot_w / len(PREDIKAT_ORDER_CHART)
        xs = [left + slot * (i + 0.5) for i in range(len(PREDIKAT_ORDER_CHART))]
        c.setFont(FONT, 5.5)
        for x, p in zip(xs, PREDIKAT_ORDER_CHART, strict=True):
            words = p.label.replace("/", "/ ").split()
            lines = [" ".join(words[:1]), " ".join(words[1:])] if len(words) > 1 else words
            for i, line in enumerate(lines):
                c.drawCentredString(x, bottom - 2.6 * mm - i * 2.3 * mm, line.replace("/ ", "/"))
        c.setFont(FONT_BOLD, 5.5)
        c.drawCentredString(left + plot_w / 2, bottom - 8.6 * mm, "Predikat Kinerja Pegawai")
        # y axis title
        c.saveState()
        c.translate(2.2 * mm, bottom + plot_h / 2)
        c.rotate(90)
        c.setFont(FONT_BOLD, 5.5)
        c.drawCentredString(0, 0, "Frekuensi Pegawai")
        c.restoreState()
        if values is not None:
            points = [(x, bottom + plot_h * v / top) for x, v in zip(xs, values, strict=True)]
            c.setStrokeColor(_LINE)
            c.setLineWidth(1.1)
            path = c.beginPath()
            path.moveTo(*points[0])
            for pt in points[1:]:
                path.lineTo(*pt)
            c.drawPath(path, stroke=1, fill=0)
            c.setFillColor(_LINE)
            c.setFont(FONT_BOLD, 5.5)
            for (x, y), v in zip(points, values, strict=True):
                c.circle(x, y, 0.9 * mm, stroke=0, fill=1)
                c.drawCentredString(x, y + 1.6 * mm, str(v))
        c.restoreState()
