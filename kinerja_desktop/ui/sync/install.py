"""Put sync into the main window: background sync, the Sinkronisasi menu, Konflik and status tabs.

``install_sync(window)`` is called once per main window (see ``main_window.INTEGRATIONS``). It
uses the window's public hooks only: ``add_menu_action``, ``set_sync_state``, ``add_page``,
``tasks``, ``db``, ``user`` and ``notify_data_changed``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from kinerja_desktop.ui.sync.controller import SyncController

CONFLICT_KEY = ("sync", "konflik")
STATUS_KEY = ("sync", "status")


class SyncIntegration(QObject):
    """Owns the sync controller and actions of one main window."""

    def __init__(self, window: Any, *, autostart: bool = True, **controller_options: Any) -> None:
        super().__init__(window)
        self.window = window
        self.controller = SyncController(window, **controller_options)
        self.controller.state_changed.connect(self._show_state)
        self.controller.attention.connect(self.on_attention)
        self.controller.synced.connect(self._synced)

        self.sync_action = QAction(self.tr("Sinkronkan &Sekarang"), window)
        self.sync_action.setShortcut(QKeySequence("F6"))
        self.sync_action.setToolTip(self.tr("Kirim dan terima perubahan sekarang (F6)"))
        self.sync_action.triggered.connect(lambda: self.controller.sync_now())  # noqa: PLW0108 - drops `checked`
        window.add_menu_action("sync", self.sync_action, toolbar=True)
        self.conflicts_action = QAction(self.tr("&Konflik…"), window)
        self.conflicts_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.conflicts_action.triggered.connect(self.open_conflicts)
        window.add_menu_action("sync", self.conflicts_action)
        self.status_action = QAction(self.tr("S&tatus Sinkronisasi"), window)
        self.status_action.triggered.connect(self.open_status)
        window.add_menu_action("sync", self.status_action)
        self.settings_action = QAction(self.tr("&Pengaturan Sinkronisasi…"), window)
        self.settings_action.triggered.connect(self.open_settings)
        window.add_menu_action("sync", self.settings_action)
        self.fork_action = QAction(self.tr("Identitas Perangkat &Baru…"), window)
        self.fork_action.setToolTip(self.tr("Untuk database yang disalin dari komputer lain"))
        self.fork_action.triggered.connect(self.new_device_identity)
        window.add_menu_action("sync", self.fork_action)
        self.controller.running_changed.connect(lambda running: self.sync_action.setEnabled(not running))
        if autostart:
            self.controller.start()

    # ------------------------------------------------------------------ state

    @Slot(str, str)
    def _show_state(self, text: str, tooltip: str) -> None:
        setter = getattr(self.window, "set_sync_state", None)
        if setter is not None:
            setter(text, tooltip)

    @Slot(object)
    def _synced(self, _report: Any) -> None:
        for key in (CONFLICT_KEY, STATUS_KEY):
            page = self._page(key)
            if page is not None:
                page.reload()

    def _page(self, key: Any) -> Any:
        getter = getattr(self.window, "page", None)
        return getter(key) if getter is not None else None

    # ------------------------------------------------------------------ pages and dialogs

    @Slot()
    def open_conflicts(self) -> QWidget:
        from kinerja_desktop.ui.sync.conflict_view import ConflictPage

        page = self._page(CONFLICT_KEY)
        if page is None:
            page = ConflictPage(self.window.db, lambda: self.window.user)
        else:
            page.reload()
        return self.window.add_page(CONFLICT_KEY, page, self.tr("Konflik"), self.tr("Data dengan lebih dari satu "
                                                                                    "nilai"))

    @Slot()
    def open_status(self) -> QWidget:
        from kinerja_desktop.ui.sync.status_page import SyncStatusPage

        page = self._page(STATUS_KEY)
        if page is None:
            page = SyncStatusPage(self.window.db)
            page.open_conflicts_requested.connect(self.open_conflicts)
        else:
            page.reload()
        return self.window.add_page(STATUS_KEY, page, self.tr("Status Sinkronisasi"))

    @Slot()
    def open_settings(self) -> Any:
        from kinerja_desktop.ui.sync.settings_dialog import SyncSettingsDialog

        dialog = SyncSettingsDialog(self.window.db, self.window)
        dialog.accepted.connect(self._settings_saved)
        dialog.open()
        return dialog

    @Slot()
    def _settings_saved(self) -> None:
        self.controller.paused_reason = None
        self.controller.start()
        self.controller.sync_now()

    # ------------------------------------------------------------------ decisions for a person

    def confirm(self, title: str, text: str) -> bool:
        """Ask yes/no (tests replace this)."""
        answer = QMessageBox.question(self.window, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    @Slot(str, str)
    def on_attention(self, kind: str, message: str) -> None:
        if kind == "identity":
            if self.confirm(self.tr("Penyimpanan berubah"), message + self.tr("\n\nLanjutkan dengan penyimpanan ini?")):
                self.controller.sync_now(confirm_store=True)
        elif kind == "mass_delete":
            if self.confirm(self.tr("Penghapusan massal"), message + self.tr("\n\nTeruskan penghapusan ini?")):
                self.controller.sync_now(allow_mass_delete=True)
        elif kind == "clash":
            self.inform(self.tr("Database salinan"), message)
        else:
            self.inform(self.tr("Sinkronisasi"), message)
            self.open_settings()

    @Slot()
    def new_device_identity(self) -> Any:
        from kinerja_desktop.ui.workers import run_task

        if not self.confirm(self.tr("Identitas perangkat baru"),
                            self.tr("Berikan identitas perangkat sendiri kepada database ini? Lakukan ini hanya jika "
                                    "database ini disalin dari komputer lain.")):
            return None

        def fork(_ctx: Any, db: Any, url: str | None) -> str:
            from kinerja_desktop.sync.engine import SyncEngine
            from kinerja_desktop.sync.remote import open_remote
            from kinerja_desktop.sync.replica import fork_replica

            shared = None
            if url:
                remote = open_remote(url)
                try:
                    shared = SyncEngine(db, remote).shared_prefix()
                finally:
                    remote.close()
            return fork_replica(db, shared_upto=shared)

        task = run_task(fork, self.window.db, self.controller.remote_url(), title=self.tr("Identitas perangkat baru"),
                        owner=self)
        task.succeeded.connect(lambda _new: self.controller.sync_now(confirm_store=False))
        task.failed.connect(lambda msg: self.inform("Identitas perangkat baru", msg))
        return task


def install_sync(window: Any) -> SyncIntegration:
    integration = SyncIntegration(window)
    window.sync_integration = integration
    return integration
