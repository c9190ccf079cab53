"""The main window's message boxes: errors, keyboard shortcuts, about, "work still running"."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("MainWindow", "Tutup"))
    box.open()
    return box


#: Technical detail of the unexpected errors whose plain message was made recently (message -> detail),
#: so any box showing that message offers "Salin rincian" (see workers.error_message).
_DETAILS: dict[str, str] = {}
_DETAILS_KEPT = 20


def remember_detail(message: str, detail: str) -> None:
    """Keep ``detail`` for the box that will show ``message``."""
    _DETAILS.pop(message, None)
    _DETAILS[message] = detail
    while len(_DETAILS) > _DETAILS_KEPT:
        _DETAILS.pop(next(iter(_DETAILS)))


def detail_for(message: str) -> str | None:
    return _DETAILS.get(message)


def show_error(parent: QWidget, message: str, title: str = "", detail: str | None = None) -> QMessageBox:
    """A message in a window-modal box; for an unexpected error (``detail`` given or remembered for this
    message) a "Salin rincian" button copies the technical detail for whoever helps the user."""
    box = _box(parent, QMessageBox.Icon.Warning, title or QCoreApplication.translate("MainWindow", "Kinerja Desktop"),
               message)
    detail = detail if detail is not None else detail_for(message)
    if detail:
        add_copy_detail(box, detail)
    return box


def add_copy_detail(box: QMessageBox, detail: str) -> QPushButton:
    """A "Salin rincian" button on ``box`` that copies ``detail`` to the clipboard (the box stays open)."""
    button = box.addButton(QCoreApplication.translate("MainWindow", "Salin rincian"),
                           QMessageBox.ButtonRole.ActionRole)
    button.setObjectName("copyDetail")
    button.setToolTip(QCoreApplication.translate("MainWindow", "Salin keterangan teknis untuk dikirim kepada admin"))
    button.clicked.disconnect()  # an action button would close the box; copying should not

    def copy() -> None:
        QGuiApplication.clipboard().setText(detail)
        button.setText(QCoreApplication.translate("MainWindow", "Rincian disalin"))

    button.clicked.connect(copy)
    box.setProperty("technicalDetail", detail)
    return button


def show_shortcuts(parent: QWidget, actions: Iterable[QAction]) -> QMessageBox:
    rows = [(a.text().replace("&", "").rstrip("…"), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            for a in actions]
    rows.insert(1, (QCoreApplication.translate("MainWindow", "Buka pegawai di daftar"),
                    QCoreApplication.translate("MainWindow", "Enter")))
    html = "<table cellpadding='3'>" + "".join(f"<tr><td><b>{k}</b></td><td>{t}</td></tr>" for t, k in rows)
    return _box(parent, QMessageBox.Icon.Information, QCoreApplication.translate("MainWindow", "Pintasan Keyboard"),
                html + "</table>")


def show_shortcut_rows(parent: QWidget, rows: Iterable[tuple[str, str]]) -> QMessageBox:
    """The keyboard shortcuts as a two-column table: (what, keys)."""
    rows = list(rows)
    rows.insert(1, (QCoreApplication.translate("MainWindow", "Buka pegawai di daftar"),
                    QCoreApplication.translate("MainWindow", "Enter")))
    half = (len(rows) + 1) // 2  # two columns: the list fits a 768-pixel screen

    def table(part: list[tuple[str, str]]) -> str:
        return ("<table cellpadding='2'>" + "".join(f"<tr><td><b>{k}</b></td><td>{t}</td></tr>" for t, k in part)
                + "</table>")

    html = (f"<table><tr><td valign='top'>{table(rows[:half])}</td><td width='16'></td>"
            f"<td valign='top'>{table(rows[half:])}</td></tr></table>")
    box = _box(parent, QMessageBox.Icon.Information, QCoreApplication.translate("MainWindow", "Pintasan Keyboard"),
               html)
    box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 720px; }")  # a message box is narrow by default
    box.adjustSize()
    return box


def show_about(parent: QWidget) -> QMessageBox:
    from kinerja_desktop import __version__

    text = QCoreApplication.translate(
        "MainWindow",
        "<b>Kinerja Desktop</b> {0}<br>Pengelolaan kinerja pegawai ASN menurut PermenPAN-RB Nomor 6 Tahun 2022."
        "<br>Bekerja tanpa jaringan; sinkron dengan kantor pusat bila ada koneksi.").format(__version__)
    return _box(parent, QMessageBox.Icon.Information,
                QCoreApplication.translate("MainWindow", "Tentang Kinerja Desktop"), text)


def confirm_stop(parent: QWidget, title: str) -> bool:
    """Ask whether running work may be cancelled so the window can close."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("MainWindow", "Pekerjaan masih berjalan"),
                      QCoreApplication.translate("MainWindow", "{0} masih berjalan. Batalkan dan tutup?").format(title),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.button(QMessageBox.StandardButton.Yes).setText(QCoreApplication.translate("MainWindow", "Batalkan dan Tutup"))
    box.button(QMessageBox.StandardButton.No).setText(QCoreApplication.translate("MainWindow", "Tetap Buka"))
    return box.exec() == QMessageBox.StandardButton.Yes
