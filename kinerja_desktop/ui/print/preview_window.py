"""Preview a PDF (QtPdf) and print it through the system print dialog."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QSize, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfPageNavigator
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QToolBar, QWidget

from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.screen_fit import resize_to_fit

__all__ = ["PRINT_DPI", "PdfPreviewWindow", "print_pdf"]

PRINT_DPI = 300


def print_pdf(document: QPdfDocument, printer: QPrinter, first: int = 1, last: int = 0) -> int:
    """Print pages ``first``..``last`` (1-based; 0 = to the end) of ``document`` on ``printer``.

    Each page is rendered at the printer's resolution and scaled to fit the printable area, keeping
    its aspect ratio. Returns the number of pages sent.
    """
    count = document.pageCount()
    last = count if last <= 0 else min(last, count)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    sent = 0
    try:
        # 300 dpi is print quality for text and rules; a "high resolution" PDF printer reports
        # 1200 dpi, which would render 140-megapixel pages for no visible gain.
        dpi = min(printer.resolution(), PRINT_DPI)
        for index in range(max(first, 1) - 1, last):
            if sent:
                printer.newPage()
            points = document.pagePointSize(index)
            size = QSize(max(1, round(points.width() / 72 * dpi)), max(1, round(points.height() / 72 * dpi)))
            image = document.render(index, size)
            area = painter.viewport()
            scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x() + (area.width() - scaled.width()) // 2, area.y(), scaled.width(), scaled.height())
            painter.drawImage(target, image)
            sent += 1
    finally:
        painter.end()
    return sent


class PdfPreviewWindow(QMainWindow):
    """A window showing a PDF with Cetak (system print dialog), Simpan, zoom and page position."""

    def __init__(self, path: Path, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.path = Path(path)
        self.setWindowTitle(title or self.tr("Pratinjau Cetak — %1").replace("%1", self.path.name))
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.setCentralWidget(self.view)
        self.page_label = QLabel(self)
        bar = QToolBar(self.tr("Pratinjau"), self)
        bar.setMovable(False)
        self.addToolBar(bar)
        self.act_print = QAction(self.tr("&Cetak…"), self)
        self.act_print.setShortcut(QKeySequence.StandardKey.Print)
        self.act_print.triggered.connect(self.print_dialog)
        self.act_save = QAction(self.tr("&Simpan PDF…"), self)
        self.act_save.setShortcut(QKeySequence.StandardKey.Save)
        self.act_save.triggered.connect(self.save_as)
        self.act_zoom_in = QAction(self.tr("Perbesar"), self)
        self.act_zoom_in.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.act_zoom_in.triggered.connect(lambda: self._zoom(1.25))
        self.act_zoom_out = QAction(self.tr("Perkecil"), self)
        self.act_zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.act_zoom_out.triggered.connect(lambda: self._zoom(0.8))
        self.act_fit = QAction(self.tr("Selebar halaman"), self)
        self.act_fit.triggered.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        for action in (self.act_print, self.act_save, self.act_zoom_in, self.act_zoom_out, self.act_fit):
            bar.addAction(action)
        bar.addSeparator()
        bar.addWidget(self.page_label)
        navigator: QPdfPageNavigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._page_changed)
        error = self.document.load(str(self.path))
        if error != QPdfDocument.Error.None_:
            QMessageBox.warning(
                self, self.tr("Pratinjau"), self.tr("PDF tidak dapat dibuka: %1").replace("%1", str(self.path))
            )
        self._page_changed(0)
        resize_to_fit(self, 900, 1000)  # a page as tall as the screen allows

    def page_count(self) -> int:
        return self.document.pageCount()

    @Slot(int)
    def _page_changed(self, page: int) -> None:
        self.page_label.setText(
            self.tr("Halaman %1 dari %2").replace("%1", str(page + 1)).replace("%2", str(self.document.pageCount()))
        )

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.2, min(5.0, self.view.zoomFactor() * factor)))

    @Slot()
    def print_dialog(self) -> int:
        """The system print dialog; prints the chosen page range. Returns pages sent (0 if cancelled)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.stem)
        printer.setFullPage(False)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.document.pageCount()))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return 0
        return print_pdf(self.document, printer, printer.fromPage() or 1, printer.toPage())

    @Slot()
    def save_as(self) -> Path | None:
        name = file_dialogs.save_file_name(self, self.tr("Simpan PDF"), self.path.name, "PDF (*.pdf)")
        if not name:
            return None
        target = Path(name)
        shutil.copyfile(self.path, target)
        return target

    def scroll_to(self, page: int) -> None:
        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
