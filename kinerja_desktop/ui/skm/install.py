"""Adds Survei Kepuasan Masyarakat to the main window (admins): the survey page and the kiosk.

*Alat → Survei Kepuasan Masyarakat…* opens the surveys in a tab (open, change, close, import, kiosk);
*Alat → Kios Survei…* asks which open survey and starts the full-screen kiosk at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("skm_install", text)


def open_surveys(window: Any) -> Any:
    """Open (or bring forward) the survey page for the toolbar's year."""
    from kinerja_desktop.ui.skm.survey_page import SurveyPage

    key = ("survei",)
    page = window.page(key)
    if page is None:
        page = SurveyPage(window.db, window.user, window.year())
        page.kiosk_requested.connect(lambda survey_id: start_kiosk(window, survey_id))
    return window.add_page(key, page, _tr("Survei Kepuasan Masyarakat"))


def start_kiosk(window: Any, survey_id: str) -> Any:
    """The kiosk over everything, under the signed-in admin; leaving it needs the admin's password."""
    from kinerja_desktop.ui.skm.kiosk_app import open_kiosk

    kiosk = open_kiosk(window.db, window.user, survey_id, window)
    kiosk.exit_requested.connect(kiosk.close)
    window.kiosk = kiosk
    return kiosk


def choose_kiosk(window: Any) -> Any:
    """Ask which open survey (of any year) the kiosk collects for, then start it."""
    from kinerja_desktop.services.skm_service import list_surveys

    rows = [r for r in list_surveys(window.db, window.user) if r.survey.status == "OPEN"]
    if not rows:
        window.statusBar().showMessage(_tr("Belum ada survei yang berjalan: buka survei di Alat → Survei Kepuasan "
                                           "Masyarakat."), 8000)
        return None
    labels = [f"{r.survey.unit_code} {r.survey.unit_name} · {r.survey.period.label} {r.survey.year}" for r in rows]
    if len(rows) == 1:
        return start_kiosk(window, rows[0].survey.id)
    dialog = QInputDialog(window)
    dialog.setObjectName("kioskChooser")
    dialog.setWindowTitle(_tr("Kios Survei"))
    dialog.setLabelText(_tr("Survei yang diisi warga di kios ini:"))
    dialog.setComboBoxItems(labels)
    dialog.setComboBoxEditable(False)
    dialog.setOkButtonText(_tr("Buka kios"))
    dialog.setCancelButtonText(_tr("Batal"))
    dialog.textValueSelected.connect(lambda text: start_kiosk(window, rows[labels.index(text)].survey.id))
    dialog.open()
    return dialog


def install_skm(window: Any) -> None:
    if window.user is None or not window.user.is_admin:
        return  # surveys are run by admins
    surveys = QAction(_tr("Survei &Kepuasan Masyarakat…"), window)
    surveys.setObjectName("actionSurveys")
    surveys.setStatusTip(_tr("Survei per unit pelayanan: buka, impor tanggapan, lihat IKM"))
    surveys.triggered.connect(lambda: open_surveys(window))
    kiosk = QAction(_tr("Kios &Survei…"), window)
    kiosk.setObjectName("actionKiosk")
    kiosk.setStatusTip(_tr("Kuesioner layar penuh untuk warga di loket pelayanan"))
    kiosk.triggered.connect(lambda: choose_kiosk(window))
    window.add_menu_action("tools", surveys)
    window.add_menu_action("tools", kiosk)
