"""The 3x3 kuadran of PermenPAN-RB 6/2022 (rows: rating hasil kerja; columns: rating perilaku
kerja), drawn with QPainter, the cell of the current ratings highlighted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kinerja_desktop.domain.penilaian import Predikat, Rating, predikat_for
from kinerja_desktop.ui.form_support.labels import tr_label

#: Rows top to bottom (hasil kerja) and columns left to right (perilaku kerja), as in SE 3/2023.
ROWS = (Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH)
COLUMNS = (Rating.DI_BAWAH, Rating.SESUAI, Rating.DI_ATAS)

PREDIKAT_COLOURS = {
    Predikat.SANGAT_BAIK: ("#d7f0dc", "#1e7b34"),
    Predikat.BAIK: ("#e3f1fb", "#1f5f99"),
    Predikat.BUTUH_PERBAIKAN: ("#fff3d6", "#946200"),
    Predikat.KURANG: ("#fde4d2", "#a4480d"),
    Predikat.SANGAT_KURANG: ("#fadada", "#a11d1d"),
}


def short_rating(rating: Rating) -> str:
    return {
        Rating.DI_ATAS: QCoreApplication.translate("kuadran_widget", "Di Atas"),
        Rating.SESUAI: QCoreApplication.translate("kuadran_widget", "Sesuai"),
        Rating.DI_BAWAH: QCoreApplication.translate("kuadran_widget", "Di Bawah"),
    }[rating]


class KuadranWidget(QWidget):
    """Shows which predikat each pair of ratings gives; the current pair is highlighted.

    Signals:
        cell_clicked(str, str): rating hasil kerja, rating perilaku kerja of a clicked cell
            (only when interactive).
    """

    cell_clicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kuadran")
        self.hasil: Rating | None = None
        self.perilaku: Rating | None = None
        self.interactive = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(300, 200)
        self.setAccessibleName("Kuadran predikat kinerja")

    def sizeHint(self) -> QSize:
        return QSize(380, 214)

    def set_ratings(self, hasil: str | None, perilaku: str | None) -> None:
        self.hasil = Rating(hasil) if hasil else None
        self.perilaku = Rating(perilaku) if perilaku else None
        desc = ""
        if self.highlighted is not None:
            desc = self.tr("Sel terpilih: {0}").format(tr_label(predikat_for(self.hasil, self.perilaku).label))  # type: ignore[arg-type]
        self.setAccessibleDescription(desc)
        self.update()

    @property
    def highlighted(self) -> tuple[Rating, Rating] | None:
        if self.hasil is None or self.perilaku is None:
            return None
        return self.hasil, self.perilaku

    # ------------------------------------------------------------------ geometry

    def _grid(self) -> tuple[QRectF, float, float]:
        left, top, bottom = 92.0, 6.0, 42.0
        rect = QRectF(left, top, max(60.0, self.width() - left - 6), max(60.0, self.height() - top - bottom))
        return rect, rect.width() / 3, rect.height() / 3

    def cell_rect(self, hasil: Rating, perilaku: Rating) -> QRectF:
        grid, w, h = self._grid()
        return QRectF(grid.left() + COLUMNS.index(perilaku) * w, grid.top() + ROWS.index(hasil) * h, w, h)

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        grid, w, h = self._grid()
        base = QFont(self.font())
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
        bold = QFont(base)
        bold.setBold(True)
        muted = QColor("#5f6368")
        selected = self.highlighted
        for hasil in ROWS:
            for perilaku in COLUMNS:
                predikat = predikat_for(hasil, perilaku)
                fill, ink = PREDIKAT_COLOURS[predikat]
                rect = self.cell_rect(hasil, perilaku).adjusted(1.5, 1.5, -1.5, -1.5)
                is_on = selected == (hasil, perilaku)
                painter.setPen(QPen(QColor(ink if is_on else "#c4c7c5"), 3 if is_on else 1))
                brush = QColor(ink) if is_on else QColor(fill)
                painter.setBrush(brush if is_on or selected is None else brush.lighter(104))
                painter.drawRoundedRect(rect, 4, 4)
                painter.setFont(bold if is_on else base)
                painter.setPen(QColor("white") if is_on else QColor(ink))
                painter.drawText(
                    rect.adjusted(3, 2, -3, -2),
                    Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                    tr_label(predikat.label),
                )
        painter.setFont(small)
        painter.setPen(muted)
        for n, hasil in enumerate(ROWS):
            r = QRectF(4, grid.top() + n * h, grid.left() - 8, h)
            painter.drawText(r, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, short_rating(hasil))
        for n, perilaku in enumerate(COLUMNS):
            r = QRectF(grid.left() + n * w, grid.bottom() + 2, w, 16)
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, short_rating(perilaku))
        painter.setFont(bold)
        painter.drawText(
            QRectF(grid.left(), grid.bottom() + 18, grid.width(), 20),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("Rating Perilaku Kerja →"),
        )
        painter.save()
        painter.translate(14, grid.bottom())
        painter.rotate(-90)
        painter.drawText(QRectF(0, 0, grid.height(), 16), Qt.AlignmentFlag.AlignCenter, self.tr("Rating Hasil Kerja →"))
        painter.restore()
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.interactive:
            return super().mousePressEvent(event)
        point = event.position()
        for hasil in ROWS:
            for perilaku in COLUMNS:
                if self.cell_rect(hasil, perilaku).contains(point):
                    self.cell_clicked.emit(hasil.value, perilaku.value)
                    return None
        return super().mousePressEvent(event)
