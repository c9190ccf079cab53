"""Adds "Matriks Peran Hasil" to the main window (Pegawai menu): the signed-in unit head's matrix."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction


def open_matriks(window: Any) -> Any:
    """Open (or bring forward) the signed-in person's matrix for the toolbar's year."""
    from kinerja_desktop.ui.matriks.matriks_page import MatriksPage

    year = window.year()
    key = ("matriks", year)
    page = window.page(key)
    if page is None:
        page = MatriksPage(window.db, window.user, year)
        page.data_changed.connect(window.notify_data_changed)
    return window.add_page(key, page, page.windowTitle())


def install_matriks(window: Any) -> None:
    if window.user is None or not window.user.employee_id:
        return  # a pure admin account leads no unit
    action = QAction(window.tr("Matriks Peran Hasil"), window)
    action.setShortcut("Ctrl+Shift+M")
    action.setToolTip(window.tr("Bagi RHK Anda kepada bawahan dan tim kerja; mereka menerimanya sebagai usulan RHK"))
    action.triggered.connect(lambda: open_matriks(window))
    window.add_menu_action("employee", action)
