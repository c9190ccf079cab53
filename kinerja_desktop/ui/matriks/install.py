"""Adds to the main window's Pegawai menu: "Matriks Peran Hasil" (the signed-in unit head's matrix),
"Penugasan dan SKP Setahun…" (mutasi, promosi, ganti penilai, Plt./Plh. of the selected employee) and
"SKP Plt./Plh.…" (the acting SKP the signed-in person rates or holds, opened in their own page)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction


def _tr(text: str) -> str:
    """Menu text in the main window's translation context (where lupdate files it, and Qt looks it up)."""
    return QCoreApplication.translate("MainWindow", text)



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


def open_year(window: Any) -> Any:
    """Penugasan dan SKP setahun of the employee selected in the list (else the signed-in person)."""
    from kinerja_desktop.ui.matriks.penugasan_dialog import YearDialog

    row = window.selected_employee()
    employee_id = row.id if row is not None else window.user.employee_id
    if not employee_id:
        window.statusBar().showMessage(_tr("Pilih pegawai di daftar dahulu."), 5000)
        return None
    dialog = YearDialog(window.db, window.user, employee_id, window.year(), row.name if row is not None else "",
                        window)
    window.year_dialog = dialog
    dialog.finished.connect(window.notify_data_changed)
    dialog.open()
    return dialog


def open_acting_plan(window: Any, employee_id: str, plan_id: str) -> Any:
    """An employee page bound to a Plt./Plh. SKP (SKP, Realisasi, Evaluasi and signing of that SKP)."""
    from kinerja_desktop.domain.errors import KinerjaError
    from kinerja_desktop.ui.employee_page import EmployeePage

    key = ("employee", employee_id, plan_id)
    page = window.page(key)
    if page is not None:
        return window.tabs.show_page(page)
    try:
        page = EmployeePage(window.db, window.user, employee_id, window.year(), window.period(), parent=window.tabs,
                            plan_id=plan_id)
    except KinerjaError as exc:
        window.show_error(str(exc), window.tr("SKP Plt./Plh. tidak dapat dibuka"))
        return None
    page.data_changed.connect(window.notify_data_changed)
    return window.add_page(key, page, page.windowTitle())


def open_acting_plans(window: Any) -> Any:
    """The Plt./Plh. SKP of the toolbar's year that the signed-in person rates or holds."""
    from kinerja_desktop.ui.matriks.acting_plans_dialog import ActingPlansDialog

    dialog = ActingPlansDialog(window.db, window.user, window.year(), window)
    dialog.open_requested.connect(lambda employee_id, plan_id: open_acting_plan(window, employee_id, plan_id))
    window.acting_plans_dialog = dialog
    dialog.open()
    return dialog


def install_matriks(window: Any) -> None:
    year = QAction(_tr("Penugasan dan SKP Setahun…"), window)
    year.setToolTip(_tr("Mutasi, promosi, ganti penilai, Plt./Plh.: SKP tahun ini dan evaluasi tahunannya"))
    year.triggered.connect(lambda: open_year(window))
    window.add_menu_action("employee", year)
    acting = QAction(window.tr("SKP Plt./Plh.…"), window)
    acting.setToolTip(window.tr("SKP Plt./Plh. yang Anda nilai atau laksanakan: setujui, isi realisasi, evaluasi"))
    acting.triggered.connect(lambda: open_acting_plans(window))
    window.add_menu_action("employee", acting)
    if window.user is None or not window.user.employee_id:
        return  # a pure admin account leads no unit
    action = QAction(_tr("Matriks Peran Hasil"), window)
    action.setShortcut("Ctrl+Shift+M")
    action.setToolTip(_tr("Bagi RHK Anda kepada bawahan dan tim kerja; mereka menerimanya sebagai usulan RHK"))
    action.triggered.connect(lambda: open_matriks(window))
    window.add_menu_action("employee", action)
