"""A painted chart of a person's competencies: the jabatan's standard level against the assessed level."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW_H = 22
LABEL_W = 230
LEVELS = 5
STANDARD = QColor("#c6dafc")
MET = QColor("#1e8e3e")
SHORT = QColor("#f29900")
LARGE = QColor("#d93025")


class GapChart(QWidget):
    """Horizontal bars per competency: a pale bar to the standard level, a solid bar to the assessed level
    (green when the standard is met, amber for a gap of one level, red for a large gap)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gapChart")
        self._gaps: list[Any] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Grafik kesenjangan kompetensi"))

    def set_gaps(self, gaps: Sequence[Any]) -> None:
        self._gaps = list(gaps)
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(560, 30 + ROW_H * max(1, len(self._gaps)) + 8)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        del event
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width()
        left, right, top = LABEL_W, 16, 24
        plot = max(60, width - left - right)
        p.setPen(QColor("#5f6368"))
        for level in range(LEVELS + 1):
            x = left + plot * level / LEVELS
            p.setPen(QPen(QColor("#e0e0e0"), 1))
            p.drawLine(int(x), top - 4, int(x), top + ROW_H * len(self._gaps))
            p.setPen(QColor("#5f6368"))
            p.drawText(QRectF(x - 20, 2, 40, 16), Qt.AlignmentFlag.AlignCenter, str(level))
        if not self._gaps:
            p.drawText(QRectF(0, top, width, ROW_H), Qt.AlignmentFlag.AlignCenter,
                       self.tr("Belum ada standar kompetensi."))
        for i, gap in enumerate(self._gaps):
            y = top + ROW_H * i
            p.setPen(QColor("#202124"))
            p.drawText(QRectF(4, y, left - 10, ROW_H), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       p.fontMetrics().elidedText(f"{gap.code}  {gap.name}", Qt.TextElideMode.ElideRight, left - 12))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(STANDARD)
            p.drawRect(QRectF(left, y + 3, plot * gap.required / LEVELS, ROW_H - 6))
            if gap.assessed is not None:
                p.setBrush(MET if not gap.gap else (LARGE if gap.large else SHORT))
                p.drawRect(QRectF(left, y + 7, plot * gap.assessed / LEVELS, ROW_H - 14))
            else:
                p.setPen(QColor("#80868b"))
                p.drawText(QRectF(left + 6, y, plot, ROW_H), Qt.AlignmentFlag.AlignVCenter, self.tr("belum dinilai"))
        p.end()
