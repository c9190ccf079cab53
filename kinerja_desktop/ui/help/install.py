"""Help in the main window (an entry of ``main_window.INTEGRATIONS``).

- **F1** (``SHORTCUTS["panduan"]``) opens the Panduan of the page on screen; Bantuan > Panduan
  Halaman Ini does the same.
- Bantuan > Susun SKP Pertama dengan Panduan opens the guided first SKP for the signed-in pegawai;
  it is also offered by itself when a pegawai without a plan for the year signs in.
- The pegawai's own page with no SKP yet gets a "Susun dengan Panduan" button beside "Buat SKP".
- While the window is locked both windows are hidden (the lock screen hides every page).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from kinerja_desktop.domain.permissions import Action, may
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.form_queries import employee_header
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.help.panduan_viewer import PanduanViewer
from kinerja_desktop.ui.help.topics import topic_for_window
from kinerja_desktop.ui.workers import TaskContext

PANDUAN_KEY = "F1"
#: Plan statuses the guided flow may still write into (a submitted or approved plan is not a first SKP).
EDITABLE = (None, "DRAFT", "RETURNED")


def install_help(window: Any) -> HelpIntegration:
    integration = HelpIntegration(window)
    window.help_integration = integration
    return integration


def first_skp_due(_ctx: TaskContext | None, db: Database, user: CurrentUser, year: int) -> bool:
    """True when ``user`` is a pegawai with no SKP for ``year`` who may write one (offered at sign-in)."""
    if not user.employee_id:
        return False
    header = employee_header(db, user, user.employee_id, year)
    return header.plan_id is None and may(user.actor, Action.EDIT_PLAN, header.subject)


class HelpIntegration(QObject):
    """The Panduan viewer and the guided first SKP of one main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.viewer: PanduanViewer | None = None
        self.wizard: Any = None
        self._hidden_for_lock: list[Any] = []
        from kinerja_desktop.ui import main_window

        self.panduan_action = QAction(self.tr("Panduan &Halaman Ini"), window)
        self.panduan_action.setObjectName("actPanduan")
        self.panduan_action.setShortcut(QKeySequence(main_window.SHORTCUTS.get("panduan", PANDUAN_KEY)))
        self.panduan_action.setToolTip(self.tr("Panduan untuk halaman yang sedang terbuka"))
        self.panduan_action.triggered.connect(lambda: self.show_panduan())  # noqa: PLW0108 - not triggered's bool
        window.add_menu_action("help", self.panduan_action)
        self.wizard_action = QAction(self.tr("Susun SKP Pertama dengan Pan&duan…"), window)
        self.wizard_action.setObjectName("actFirstSkp")
        self.wizard_action.triggered.connect(lambda: self.open_wizard())  # noqa: PLW0108 - not triggered's bool
        user = getattr(window, "user", None)
        self.wizard_action.setVisible(bool(user is not None and user.employee_id))
        window.add_menu_action("help", self.wizard_action)
        window.locked_changed.connect(self._locked)
        window.tabs.currentChanged.connect(self._page_shown)
        self._page_shown()
        self.offer_first_skp()

    # ------------------------------------------------------------------ Panduan

    def show_panduan(self, topic: str | None = None) -> PanduanViewer:
        """Open (or bring forward) the Panduan at ``topic``, or at the topic of the page on screen."""
        key = topic or topic_for_window(self.window)
        if self.viewer is None:
            self.viewer = PanduanViewer(self.window)
        self.viewer.show_topic(key)
        return self.viewer

    # ------------------------------------------------------------------ guided first SKP

    def offer_first_skp(self) -> Any:
        """Check off the GUI thread whether the signed-in pegawai has an SKP this year; open the wizard if not."""
        user = getattr(self.window, "user", None)
        if user is None or not user.employee_id or self.window.db is None:
            return None
        task = self.window.tasks.start(first_skp_due, self.window.db, user, self.window.year(),
                                       title=self.tr("Memeriksa SKP tahun ini"), cancellable=False)
        task.succeeded.connect(lambda due: self.open_wizard(offered=True) if due else None)
        return task

    def open_wizard(self, *, offered: bool = False) -> Any:
        """The guided first SKP for the signed-in pegawai and the window's year (None when it does not apply)."""
        from kinerja_desktop.ui.wizards.first_skp_wizard import FirstSkpWizard

        window = self.window
        if self.wizard is not None:
            self.wizard.show()
            self.wizard.raise_()
            return self.wizard
        if window.is_locked() or not window.user.employee_id:
            return None
        year = window.year()
        try:
            header = employee_header(window.db, window.user, window.user.employee_id, year)
        except Exception as exc:  # a service refusal: say why
            window.show_error(str(exc), self.tr("Panduan SKP tidak dapat dibuka"))
            return None
        if header.plan_status not in EDITABLE:
            if not offered:
                window.show_error(self.tr("SKP Anda tahun {0} sudah diajukan atau disetujui; panduan SKP pertama "
                                          "hanya untuk SKP yang masih draf. SKP Anda dibuka.").format(year),
                                  self.tr("Susun SKP Pertama"))
                window.open_my_skp()
            return None
        wizard = FirstSkpWizard(window.db, window.user, window.user.employee_id, year, window)
        wizard.help_requested.activated.connect(lambda: self.show_panduan("skp-pertama"))
        wizard.plan_saved.connect(self._plan_saved)
        wizard.plan_submitted.connect(self._plan_submitted)
        wizard.finished.connect(self._wizard_closed)
        self.wizard = wizard
        wizard.show()
        return wizard

    def _page_shown(self, *_args: Any) -> None:
        """The pegawai's own page without an SKP gets a "Susun dengan Panduan" button beside "Buat SKP"."""
        page = self.window.current_page()
        panel = getattr(page, "no_plan_panel", None)
        user = self.window.user
        if (panel is None or user is None or getattr(page, "plan_id", None) is not None
                or getattr(getattr(page, "header", None), "employee_id", None) != user.employee_id
                or panel.findChild(QPushButton, "guidedPlan") is not None or panel.create.isHidden()):
            return
        button = QPushButton(self.tr("Susun dengan Panduan…"), panel)
        button.setObjectName("guidedPlan")
        button.setToolTip(self.tr("Langkah demi langkah sampai SKP siap diajukan"))
        button.clicked.connect(lambda: self.open_wizard())  # noqa: PLW0108 - not clicked's bool
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        row.addStretch(1)
        layout = panel.layout()
        layout.insertLayout(layout.indexOf(panel.notice), row)

    @Slot(str)
    def _plan_saved(self, _plan_id: str) -> None:
        self.window.notify_data_changed()
        self.window.statusBar().showMessage(self.tr("Draf SKP tersimpan; lanjutkan kapan saja di SKP Saya."), 8000)
        self._reopen_my_skp()

    @Slot(str)
    def _plan_submitted(self, _plan_id: str) -> None:
        self.window.notify_data_changed()
        self.window.statusBar().showMessage(self.tr("SKP diajukan kepada pejabat penilai kinerja."), 8000)
        self._reopen_my_skp()

    def _reopen_my_skp(self) -> None:
        """Show the pegawai's page with the plan just written (a page opened before it is built again)."""
        window = self.window
        page = window.page(("employee", window.user.employee_id))
        if page is not None:
            window.tabs.show_page(page)
            window.close_current_page()
        window.open_my_skp()

    @Slot()
    def _wizard_closed(self) -> None:
        wizard, self.wizard = self.wizard, None
        if wizard is not None:
            wizard.deleteLater()

    @Slot(bool)
    def _locked(self, locked: bool) -> None:
        if locked:
            self._hidden_for_lock = [w for w in (self.viewer, self.wizard) if w is not None and w.isVisible()]
            for widget in self._hidden_for_lock:
                widget.hide()
        else:
            for widget in self._hidden_for_lock:
                widget.show()
            self._hidden_for_lock = []
