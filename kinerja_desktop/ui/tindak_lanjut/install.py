"""Put the follow-up stage into the main window.

``install_tindak_lanjut(window)`` (listed in the main window's INTEGRATIONS) adds to the Pegawai
menu "Penghargaan" and "Rekap Pengembangan Kompetensi (20 JP)", which open their pages in tabs,
to the Berkas menu (admins) "Impor Standar/Hasil Kompetensi", and gives every employee page a
"Kompetensi dan Pengembangan" tab (added when the page is shown).
It uses the window's public hooks only (``add_menu_action``, ``add_page``, ``tabs``, ``db``,
``user``, ``year()``, ``period()``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

__all__ = ["TindakLanjutIntegration", "install_tindak_lanjut"]

TAB_PROPERTY = "tindakLanjutTab"


class TindakLanjutIntegration(QObject):
    """Owns the follow-up actions of one main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.recognition_action = QAction(self.tr("Pengharga&an"), window)
        self.recognition_action.setStatusTip(self.tr("Calon dan penerima penghargaan dari hasil evaluasi kinerja"))
        self.recognition_action.triggered.connect(lambda _checked=False: self.open_recognition())
        window.add_menu_action("employee", self.recognition_action)
        self.recap_action = QAction(self.tr("Rekap Pengembangan &Kompetensi (20 JP)"), window)
        self.recap_action.setStatusTip(self.tr("JP pengembangan kompetensi per pegawai dan unit terhadap hak 20 JP"))
        self.recap_action.triggered.connect(lambda _checked=False: self.open_recap())
        window.add_menu_action("employee", self.recap_action)
        self.import_action = QAction(self.tr("Impor Standar/Hasil &Kompetensi…"), window)
        self.import_action.setStatusTip(self.tr("Standar kompetensi jabatan atau hasil assessment center dari "
                                                "Excel/CSV"))
        self.import_action.triggered.connect(lambda _checked=False: self.open_import())
        self.import_action.setVisible(bool(getattr(window.user, "is_admin", False)))
        window.add_menu_action("file", self.import_action)
        window.tabs.currentChanged.connect(self._page_shown)
        self._page_shown()

    def open_recognition(self) -> QWidget:
        from kinerja_desktop.ui.tindak_lanjut.recognition_page import RecognitionPage

        key = ("penghargaan",)
        page = self.window.page(key)
        if page is not None:
            return self.window.tabs.show_page(page)
        page = RecognitionPage(self.window.db, self.window.user, self.window.year(), self.window.period(),
                               parent=self.window.tabs)
        page.sign_requested.connect(lambda: self._sign(page))
        return self.window.add_page(key, page, page.windowTitle())

    def open_recap(self) -> QWidget:
        from kinerja_desktop.ui.tindak_lanjut.jp_recap_page import JpRecapPage

        key = ("rekap-jp",)
        page = self.window.page(key)
        if page is not None:
            return self.window.tabs.show_page(page)
        page = JpRecapPage(self.window.db, self.window.user, self.window.year(), parent=self.window.tabs)
        page.sign_requested.connect(lambda: self._sign(page))
        return self.window.add_page(key, page, page.windowTitle())

    def _sign(self, page: Any) -> QWidget | None:
        """The one signing path (the Tanda Tangani dialog) for the list on ``page``."""
        from kinerja_desktop.ui.signing.install import install_signing

        return install_signing(self.window).open_sign_pengelola(page.pengelola_kind, page.year, page.period(),
                                                                page.unit_code())

    def open_import(self) -> QWidget:
        from kinerja_desktop.ui.tindak_lanjut.import_dialog import CompetencyImportDialog

        dialog = CompetencyImportDialog(self.window.db, self.window.user, self.window)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _page_shown(self, *_args: Any) -> None:
        page = self.window.current_page()
        if page is None or not hasattr(page, "add_lazy_tab") or getattr(page, "header", None) is None:
            return
        if page.property(TAB_PROPERTY):
            return
        add_competency_tab(page, self.window.db, self.window.user, self.window.period())


def add_competency_tab(page: Any, db: Any, user: Any, period: str) -> QWidget:
    """Give an employee page its "Kompetensi dan Pengembangan" tab (once), built when first shown
    (``page.competency_tab`` from then on). Returns the tab."""

    def build(parent: QWidget) -> QWidget:
        from kinerja_desktop.ui.tindak_lanjut.competency_tab import CompetencyTab

        tab = CompetencyTab(db, user, page.header, period, parent)
        tab.data_changed.connect(page.data_changed)
        page.competency_tab = tab
        return tab

    page.competency_tab = None
    page.setProperty(TAB_PROPERTY, True)
    page.competency_holder = page.add_lazy_tab(
        build, QCoreApplication.translate("CompetencyTab", "Kompetensi dan Pengembangan"))
    return page.competency_holder


def install_tindak_lanjut(window: Any) -> TindakLanjutIntegration:
    integration = TindakLanjutIntegration(window)
    window.tindak_lanjut = integration
    return integration
