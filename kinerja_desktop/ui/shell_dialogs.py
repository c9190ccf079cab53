"""The main window's message boxes: errors, keyboard shortcuts, about, "work still running"."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("MainWindow", "Tutup"))
    box.open()
    return box


def show_error(parent: QWidget, message: str, title: str = "") -> QMessageBox:
    """A service's message, as it is, in a window-modal box."""
    return _box(parent, QMessageBox.Icon.Warning, title or QCoreApplication.translate("MainWindow", "Kinerja Desktop"),
                message)


def show_shortcuts(parent: QWidget, actions: Iterable[QAction]) -> QMessageBox:
    rows = [(a.text().replace("&", "").rstrip("…"), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            for a in actions]
    rows.insert(1, (QCoreApplication.translate("MainWindow", "Buka pegawai di daftar"),
                    QCoreApplication.translate("MainWindow", "Enter")))
    html = "<table cellpadding='3'>" + "".join(f"<tr><td><b>{k}</b></td><td>{t}</td></tr>" for t, k in rows)
    return _box(parent, QMessageBox.Icon.Information, QCoreApplication.translate("MainWindow", "Pintasan Keyboard"),
                html + "</table>")


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
