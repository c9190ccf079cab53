"""The main window: navigation, the employee list, open pages, menus, status bar and lock.

Hooks for other parts of the GUI (print, signing, sync, ...)
-------------------------------------------------------------
:data:`INTEGRATIONS`
    ``(module, function)`` pairs; ``function(window)`` is called once per main window, after it
    is on screen (the module is imported in a worker first, so heavy imports never hold up the
    window). A missing module is skipped; a failing one is logged and named in the status bar.
``window.add_menu_action(menu, action, toolbar=False)``
    Put an action in a menu. ``menu`` is a key of :data:`MENU_ORDER` ("file", "view",
    "employee", "documents", "sync", "tools", "help"); "documents", "sync" and "tools" appear
    only once something is added. Any other text makes a new menu with that title. Give the
    action its own shortcut; the window-wide ones are listed in :data:`SHORTCUTS`.
``window.set_sync_state(text, tooltip="")``
    The sync label in the status bar (a placeholder until sync lands).
``window.tasks``
    The :class:`~kinerja_desktop.ui.workers.TaskManager`: ``window.tasks.start(fn, *args,
    title=...)`` runs work off the GUI thread with progress and cancel in the status bar.
``window.db``, ``window.user``, ``window.year()``, ``window.period()``
    The open database, the signed-in ``CurrentUser`` and the chosen year and period code.
    Signal ``context_changed(int year, str period)`` follows the toolbar's choice.
``window.selected_employee()``
    The ``EmployeeRow`` selected in the list (or None); ``current_page()`` the page of the current
    tab; ``window.tabs`` the :class:`~kinerja_desktop.ui.page_tabs.PageTabs`.
Signals ``locked_changed(bool)``, ``list_loaded()``, ``integrations_installed()``; ``is_locked()``.
``window.open_employee(employee_id)``, ``window.open_unit(unit_id)``, ``window.add_page(key, widget, title)``
    Open (or bring forward) a tab. A page's ``data_changed`` or ``plan_changed`` signal makes the
    list refresh (anyone else may call ``window.notify_data_changed()``); its
    ``employee_open_requested(str)`` opens that employee; its ``set_period(code)`` follows the
    toolbar's period (pages keep the year they were opened for).
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from kinerja_desktop.ui import preferences, screen_fit, shell_dialogs
from kinerja_desktop.ui.employee_list_page import EmployeeListPage
from kinerja_desktop.ui.idle_watcher import IdleWatcher
from kinerja_desktop.ui.lock_page import LockPage
from kinerja_desktop.ui.models.employee_table_model import status_labels
from kinerja_desktop.ui.navigation_pane import NavigationPane
from kinerja_desktop.ui.page_loader import PlaceholderPage, employee_page_class, unit_view_class
from kinerja_desktop.ui.page_tabs import PageTabs
from kinerja_desktop.ui.session_tasks import (
    SCOPE_ALL,
    SCOPE_SELF,
    SCOPE_SUBORDINATES,
    LoadedList,
    LoadedRest,
    SessionData,
    load_list_task,
    load_rest_task,
    read_ahead_task,
    unlock_task,
)
from kinerja_desktop.ui.task_panel import TaskPanel
from kinerja_desktop.ui.workers import Task, TaskContext, TaskManager, error_message, run_task

#: The Tugas count is reloaded this long after the last save (a burst of autosaves counts once).
TASKS_REFRESH_MS = 1000
#: Start loading the rest of a first-screen list by then even if the window was not painted.
REST_FALLBACK_MS = 500
MENU_ORDER = ("file", "view", "employee", "documents", "sync", "tools", "help")
INTEGRATIONS: tuple[tuple[str, str], ...] = (
    ("kinerja_desktop.ui.print.install", "install_printing"),
    ("kinerja_desktop.ui.signing.install", "install_signing"),
    ("kinerja_desktop.ui.sync.install", "install_sync"),
    ("kinerja_desktop.ui.backup_actions", "install_backup"),
    ("kinerja_desktop.ui.skm.install", "install_skm"),
    ("kinerja_desktop.ui.tindak_lanjut.install", "install_tindak_lanjut"),
    ("kinerja_desktop.ui.help.install", "install_help"),
    ("kinerja_desktop.ui.matriks.install", "install_matriks"),
    ("kinerja_desktop.ui.harian.install", "install_harian"),
)
#: Imported in the same worker (and by ``session_tasks.warm_up_task`` while the password is typed), so the
#: first employee or unit opened does not pay for the import of its page. The employee page comes first
#: (the warm-up imports in this order).
PRELOAD = ("kinerja_desktop.ui.employee_page", "kinerja_desktop.ui.unit_view")
#: The tabs integrations add to an employee page, built when first shown; they pull in pyhanko, reportlab
#: and fontTools (over a second of imports), so ``session_tasks.warm_up_task`` imports them only while
#: the person types the password or reads (``WarmUpGate.release_later``), never beside the first page.
PRELOAD_LATER = ("kinerja_desktop.ui.signing.documents_panel", "kinerja_desktop.ui.tindak_lanjut.competency_tab")
SHORTCUTS = {
    "search": "Ctrl+F", "lock": "Ctrl+L", "refresh": "F5", "quit": "Ctrl+Q", "settings": "Ctrl+,",
    "open": "Ctrl+O", "my_skp": "Ctrl+Shift+S", "unit_view": "Ctrl+U", "close_tab": "Ctrl+W",
    "next_tab": "Ctrl+PgDown", "previous_tab": "Ctrl+PgUp", "switch_user": "Ctrl+Shift+L",
    "navigation": "F9", "shortcuts": "Shift+F1", "panduan": "F1",
    "save": "Ctrl+S", "tasks": "Ctrl+T",
}
#: Keys of the forms themselves (not window actions), listed under Bantuan > Pintasan Keyboard.
EDITOR_KEYS = (
    (QT_TRANSLATE_NOOP("MainWindow", "Ubah sel terpilih"), "F2"),
    (QT_TRANSLATE_NOOP("MainWindow", "Simpan sel; baris baru di dalam sel"), "Enter; Shift+Enter"),
    (QT_TRANSLATE_NOOP("MainWindow", "Sel berikutnya / sebelumnya"), "Tab; Shift+Tab"),
    (QT_TRANSLATE_NOOP("MainWindow", "Batalkan / ulangi perubahan"), "Ctrl+Z; Ctrl+Y"),
    (QT_TRANSLATE_NOOP("MainWindow", "SKP: tambah RHK / indikator"), "Ctrl+N; Ctrl+I"),
    (QT_TRANSLATE_NOOP("MainWindow", "SKP: pindahkan baris ke atas / bawah"), "Ctrl+↑; Ctrl+↓"),
    (QT_TRANSLATE_NOOP("MainWindow", "Hapus baris atau berkas terpilih"), "Delete"),
    (QT_TRANSLATE_NOOP("MainWindow", "Tutup pesan atau dialog"), "Esc"),
)


def menu_titles() -> dict[str, str]:
    app = QApplication  # literal .translate() calls, so pyside6-lupdate finds the strings
    return {"file": app.translate("MainWindow", "&Berkas"), "view": app.translate("MainWindow", "&Lihat"),
            "employee": app.translate("MainWindow", "&Pegawai"), "documents": app.translate("MainWindow", "&Dokumen"),
            "sync": app.translate("MainWindow", "&Sinkronisasi"), "tools": app.translate("MainWindow", "&Alat"),
            "help": app.translate("MainWindow", "Ban&tuan")}


class MainWindow(QMainWindow):
    """The signed-in user's workspace.

    Signals:
        context_changed(int year, str period): the toolbar's year or period changed.
        switch_user_requested(): "Ganti Pengguna" (menu or lock screen).
        language_changed(str language): the settings dialog changed the interface language.
        list_loaded(): the employee list was (re)loaded and is on screen.
        integrations_installed(): print, signing, ... have added their actions.
        locked_changed(bool locked)
    """

    context_changed = Signal(int, str)
    switch_user_requested = Signal()
    language_changed = Signal(str)
    list_loaded = Signal()
    locked_changed = Signal(bool)
    integrations_installed = Signal()

    def __init__(self, db: Any, session: SessionData | None = None, tasks: TaskManager | None = None,
                 parent: QWidget | None = None) -> None:
        """Build the window; with ``session`` it is ready at once, otherwise call :meth:`start_session`.

        The two steps let the application build the (empty) window while the password is
        still being checked in a worker thread.
        """
        super().__init__(parent)
        self.db = db
        self.session: SessionData = None  # type: ignore[assignment]  # set by start_session
        self.user: Any = None
        self.tasks = tasks or TaskManager(self)
        self._year, self._period, self._scope = 0, "", SCOPE_ALL
        self._menus: dict[str, QMenu] = {}
        self._list_task: Task | None = None
        self._list_generation = 0
        self._stale = False
        self._rest_pending = False
        self._tasks_pending = False
        self._locked = False
        self._enabled_before_lock: dict[QAction, bool] = {}
        self.integrations: list[str] = []  # the INTEGRATIONS modules installed in this window
        self._task_items: list[Any] | None = None  # the inbox, once loaded
        self._hidden_by_lock: list[QWidget] = []  # other windows hidden while the screen is locked
        self._tasks_timer = QTimer(self)
        self._tasks_timer.setSingleShot(True)
        self._tasks_timer.setInterval(TASKS_REFRESH_MS)
        self._tasks_timer.timeout.connect(self.refresh_tasks)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Kinerja Desktop"))

        self.navigation = NavigationPane(self)
        self.list_page = EmployeeListPage(self)
        self.tabs = PageTabs(self.list_page, self.tr("Daftar Pegawai"), self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([240, 1126])
        self.lock_page = LockPage(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.lock_page)
        self.setCentralWidget(self.stack)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect()

        self._restore_layout()
        self.idle_watcher = IdleWatcher(0, self)
        self.idle_watcher.idle.connect(self.lock)
        if session is not None:
            self.start_session(session)

    def start_session(self, session: SessionData) -> None:
        """Fill the window for the signed-in user (once)."""
        if self.session is not None:
            raise RuntimeError("a main window serves one session; make a new one to switch user")
        self.session, self.user = session, session.user
        self._year, self._period, self._scope = session.year, session.period, session.scope
        self.setWindowTitle(self.tr("Kinerja Desktop — {0}").format(session.instansi or self.tr("Kinerja ASN")))
        self.act_my_skp.setVisible(bool(self.user.employee_id))
        self.act_unit_view.setVisible(session.units is not None)
        self.act_import_roster.setVisible(session.is_admin)
        self.act_instansi.setVisible(session.is_admin)
        self.year_spin.blockSignals(True)
        self.period_combo.blockSignals(True)
        self.year_spin.setValue(self._year)
        for code, label in session.periods:
            self.period_combo.addItem(label, code)
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(self._period)))
        self.year_spin.blockSignals(False)
        self.period_combo.blockSignals(False)
        self.user_label.setText(f"{self.user.display_name or self.user.username} · {self.role_label()}")
        self.user_label.setToolTip(self.tr("Masuk sebagai {0}").format(self.user.username))
        self.navigation.configure(is_admin=session.is_admin, is_penilai=session.is_penilai,
                                  has_employee=bool(self.user.employee_id), units=session.units,
                                  scope=session.scope)
        self.list_page.set_scope_title(self._scope_title(session.scope))
        self.list_page.set_table(session.table, partial=not session.complete)
        self.idle_watcher.set_minutes(preferences.get("security/idle_lock_minutes"))
        # The tasks' count and the rest of a partial list are read once the first screen is painted (their
        # workers would otherwise compete with that paint for the GIL); a window kept hidden reads them anyway.
        self._rest_pending = not session.complete
        self._tasks_pending = True
        FirstPaintWatcher(self.list_page.table.viewport()).painted.connect(self._after_first_paint)
        QTimer.singleShot(REST_FALLBACK_MS, self._after_first_paint)

    @Slot()
    def _after_first_paint(self) -> None:
        if self._tasks_pending:
            self._tasks_pending = False
            self.refresh_tasks()
        self._load_rest()

    @Slot()
    def _load_rest(self) -> None:
        """The session showed the list's first screen: load the other rows now, off the GUI thread.

        Search, sort and selection made meanwhile are kept (the rows are appended); a refresh
        started meanwhile (F5, other scope or period) loads the whole list itself instead.
        """
        if not self._rest_pending:
            return
        self._rest_pending = False
        self._list_generation += 1
        generation = self._list_generation
        model = self.list_page.model
        loaded = frozenset(model.row_object(r).id for r in range(model.rowCount()))
        units = self.navigation.unit_model.unit_index() if self.session.units is not None else None
        task = self.tasks.start(load_rest_task, self.db, self.user, self._year, self._period, self._scope,
                                status_labels(), loaded, units, title=self.tr("Memuat daftar pegawai"),
                                cancellable=False)  # short, and closing the window should not ask about it
        task.succeeded.connect(lambda result: self._rest_loaded(generation, result))
        task.failed.connect(lambda message: self._list_failed(generation, message))
        self._list_task = task

    def _rest_loaded(self, generation: int, result: LoadedRest) -> None:
        if generation != self._list_generation:
            return  # a newer full list is on its way
        self.list_page.append_rest(result.table)
        if result.units is not None:
            self.navigation.update_counts(result.units)
        self.list_loaded.emit()

    @Slot()
    def read_ahead(self) -> Task | None:
        """After the list's first paint: the reads of the page of the list's first employee (or one's
        own), made in a worker and dropped, so the first page a person opens is not slowed by SQLAlchemy
        compiling each of its queries (issue 14, section 6). Not shown in the status bar."""
        model = self.list_page.model
        employee_id = model.row_object(0).id if model.rowCount() else self.user.employee_id
        if not employee_id:
            return None
        return run_task(read_ahead_task, self.db, self.user, employee_id, self._year, cancellable=False, owner=self)

    def list_complete(self) -> bool:
        """Whether the list holds every row (not only the first screen shown at sign-in)."""
        return not self.list_page.is_partial()

    # ================================================================== construction

    def _action(self, text: str, slot: Any, shortcut: str | QKeySequence | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{text.replace('&', '')} ({QKeySequence(shortcut).toString()})" if shortcut else tip)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even while a menu is hidden
        return action

    def _build_actions(self) -> None:
        s = SHORTCUTS
        self.act_switch_user = self._action(self.tr("&Ganti Pengguna…"), self.request_switch_user, s["switch_user"],
                                            self.tr("Keluar dari akun ini dan masuk sebagai pengguna lain"))
        self.act_password = self._action(self.tr("Ganti &Kata Sandi…"), self.change_password, None,
                                         self.tr("Ganti kata sandi akun ini (juga membuka kunci tanda tangannya)"))
        self.act_lock = self._action(self.tr("&Kunci Layar"), self.lock, s["lock"],
                                     self.tr("Sembunyikan data sampai kata sandi dimasukkan lagi"))
        self.act_settings = self._action(self.tr("&Pengaturan…"), self.open_settings, s["settings"],
                                         self.tr("Bahasa, kunci layar, data instansi"))
        self.act_import_roster = self._action(self.tr("&Impor Daftar Pegawai…"), self.open_roster_import, None,
                                              self.tr("Unit kerja, pegawai dan pejabat penilai dari berkas Excel "
                                                      "atau CSV"))
        self.act_quit = self._action(self.tr("&Keluar"), self.close, s["quit"], self.tr("Tutup aplikasi"))
        self.act_tasks = self._action(self.tr("&Tugas Saya"), self.open_tasks, s["tasks"],
                                      self.tr("Yang menunggu Anda: persetujuan SKP, evaluasi, tanda tangan"))
        self.act_save = self._action(self.tr("&Simpan Isian"), self.save_current_page, s["save"],
                                     self.tr("Simpan sel yang sedang diketik (isian lain sudah tersimpan otomatis)"))
        self.act_search = self._action(self.tr("&Cari Pegawai"), self.focus_search, s["search"],
                                       self.tr("Cari menurut nama, NIP atau jabatan"))
        self.act_refresh = self._action(self.tr("&Muat Ulang"), self.refresh, s["refresh"],
                                        self.tr("Muat ulang daftar dari database"))
        self.act_navigation = self._action(self.tr("Panel &Navigasi"), self._toggle_navigation, s["navigation"])
        self.act_navigation.setCheckable(True)
        self.act_navigation.setChecked(True)
        self.act_close_tab = self._action(self.tr("&Tutup Tab"), self.close_current_page, s["close_tab"])
        self.act_next_tab = self._action(self.tr("Tab &Berikutnya"), lambda: self.tabs.cycle(1), s["next_tab"])
        self.act_prev_tab = self._action(self.tr("Tab Se&belumnya"), lambda: self.tabs.cycle(-1), s["previous_tab"])
        self.act_open = self._action(self.tr("&Buka Pegawai"), self.open_selected, s["open"],
                                     self.tr("Buka SKP, realisasi dan evaluasi pegawai terpilih"))
        self.act_my_skp = self._action(self.tr("&SKP Saya"), self.open_my_skp, s["my_skp"],
                                       self.tr("Buka SKP Anda sendiri"))
        self.act_unit_view = self._action(self.tr("Tampilan &Unit"), self.open_selected_unit, s["unit_view"],
                                          self.tr("Rekap predikat dan kurva distribusi unit terpilih"))
        self.act_instansi = self._action(self.tr("Ringkasan &Instansi"), self.open_instansi, None,
                                         self.tr("Seluruh instansi per unit: progres, kurva, unit tertinggal"))
        self.act_shortcuts = self._action(self.tr("&Pintasan Keyboard"), self.show_shortcuts, s["shortcuts"])
        self.act_about = self._action(self.tr("&Tentang Kinerja Desktop"), self.show_about)

    def _build_menus(self) -> None:
        titles = menu_titles()
        for key in ("file", "view", "employee", "help"):
            self._menu(key, titles[key])
        file_menu = self._menus["file"]
        file_menu.addAction(self.act_save)
        file_menu.addSeparator()
        file_menu.addActions([self.act_settings, self.act_import_roster])
        file_menu.addSeparator()
        file_menu.addActions([self.act_password, self.act_lock, self.act_switch_user])
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        self._menus["view"].addActions([self.act_search, self.act_refresh, self.act_navigation])
        self._menus["view"].addSeparator()
        self._menus["view"].addActions([self.act_close_tab, self.act_next_tab, self.act_prev_tab])
        self._menus["employee"].addActions([self.act_tasks, self.act_open, self.act_my_skp, self.act_unit_view,
                                            self.act_instansi])
        self._menus["help"].addActions([self.act_shortcuts, self.act_about])

    def _menu(self, key: str, title: str | None = None) -> QMenu:
        menu = self._menus.get(key)
        if menu is not None:
            return menu
        title = title or menu_titles().get(key, key)
        menu = QMenu(title, self)
        menu.setObjectName(f"menu_{key}")
        # Keep the declared order: insert before the first existing menu that comes later.
        rank = MENU_ORDER.index(key) if key in MENU_ORDER else MENU_ORDER.index("help") - 0.5
        before = None
        for other_key, other in self._menus.items():
            other_rank = MENU_ORDER.index(other_key) if other_key in MENU_ORDER else MENU_ORDER.index("help") - 0.5
            if other_rank > rank and (before is None or other_rank < before[0]):
                before = (other_rank, other)
        if before is None:
            self.menuBar().addMenu(menu)
        else:
            self.menuBar().insertMenu(before[1].menuAction(), menu)
        self._menus[key] = menu
        return menu

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Bilah Alat"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar = bar
        self.addToolBar(bar)
        bar.addAction(self.act_refresh)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr("Tahun "), bar))
        self.year_spin = QSpinBox(bar)
        self.year_spin.setObjectName("yearSpin")
        self.year_spin.setRange(2019, 2100)
        self.year_spin.setAccessibleName(self.tr("Tahun penilaian"))
        self.year_spin.setKeyboardTracking(False)
        bar.addWidget(self.year_spin)
        bar.addWidget(QLabel(self.tr("  Periode "), bar))
        self.period_combo = QComboBox(bar)
        self.period_combo.setObjectName("periodCombo")
        self.period_combo.setAccessibleName(self.tr("Periode evaluasi"))
        bar.addWidget(self.period_combo)
        bar.addSeparator()
        bar.addAction(self.act_open)
        bar.addAction(self.act_my_skp)
        bar.addAction(self.act_unit_view)
        bar.addSeparator()
        bar.addAction(self.act_lock)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.task_panel = TaskPanel(self.tasks, status)
        status.addWidget(self.task_panel)
        self.database_label = QLabel(status)
        self.database_label.setObjectName("databaseLabel")
        self._show_database()
        self.user_label = QLabel(status)
        self.user_label.setObjectName("userLabel")
        self.sync_label = QLabel(status)
        self.sync_label.setObjectName("syncLabel")
        self.set_sync_state(self.tr("Sinkronisasi: belum diatur"),
                            self.tr("Sinkronisasi dengan kantor pusat belum diatur di PC ini."))
        for widget in (self.database_label, self.user_label, self.sync_label):
            status.addPermanentWidget(widget)

    def _show_database(self) -> None:
        description = self.db.describe() if hasattr(self.db, "describe") else str(self.db)
        self.database_label.setText(self.tr("Database: {0}").format(_short_path(description)))
        self.database_label.setToolTip(description)

    def _connect(self) -> None:
        self.navigation.scope_selected.connect(self._scope_selected)
        self.navigation.unit_selected.connect(self._unit_selected)
        self.navigation.my_skp_requested.connect(self.open_my_skp)
        self.navigation.tasks_requested.connect(self.open_tasks)
        self.navigation.pohon_requested.connect(self.open_pohon)
        self.list_loaded.connect(self.refresh_tasks)  # after sign-in, F5, a period change and every sync
        self.navigation.unit_view_requested.connect(self.open_unit)
        self.list_page.employee_activated.connect(self.open_employee)
        self.year_spin.valueChanged.connect(self._context_edited)
        self.period_combo.currentIndexChanged.connect(self._context_edited)
        self.tabs.list_shown.connect(self._list_shown)
        self.lock_page.unlock_requested.connect(self._unlock)
        self.lock_page.switch_user_requested.connect(self.request_switch_user)

    # ================================================================== public hooks

    def install_integrations(self, integrations: tuple[tuple[str, str], ...] = INTEGRATIONS) -> Task | None:
        """Import the other parts of the GUI in a worker, then let each add itself to this window."""
        task = self.tasks.start(_import_integrations, integrations, PRELOAD, title=self.tr("Menyiapkan menu"),
                                cancellable=False)
        task.succeeded.connect(self._install_integrations)
        return task

    def _install_integrations(self, found: list[tuple[str, Any]]) -> None:
        import logging

        for name, installer in found:
            try:
                if isinstance(installer, BaseException):
                    raise installer
                installer(self)
            except Exception:  # one broken part must not take the whole window down
                logging.getLogger(__name__).exception("installing %s failed", name)
                self.statusBar().showMessage(self.tr("Sebagian fitur tidak dapat dimuat ({0}).").format(name), 10_000)
            else:
                self.integrations.append(name)
        self.integrations_installed.emit()

    def add_menu_action(self, menu: str, action: QAction, *, toolbar: bool = False) -> QAction:
        """Add ``action`` to a menu (created on first use; see the module docstring)."""
        target = self._menu(menu)
        if menu == "help":
            target.insertAction(self.act_about, action)
        else:
            target.addAction(action)
        if action.parent() is None:
            action.setParent(self)
        self.addAction(action)
        if toolbar:
            self.toolbar.insertAction(self.act_lock, action)
        return action

    def menu(self, key: str) -> QMenu:
        """The QMenu for a key (created on first use), e.g. to add a submenu or separator."""
        return self._menu(key)

    def set_sync_state(self, text: str, tooltip: str = "") -> None:
        """Show the sync state in the status bar (for the sync part of the GUI)."""
        self.sync_label.setText(text)
        self.sync_label.setToolTip(tooltip or text)

    def year(self) -> int:
        return self._year

    def period(self) -> str:
        return self._period

    def scope(self) -> str:
        return self._scope

    def role_label(self) -> str:
        roles = []
        if self.session.is_admin:
            roles.append(self.tr("Admin Kepegawaian"))
        if self.session.is_penilai:
            roles.append(self.tr("Pejabat Penilai Kinerja"))
        if not roles:
            roles.append(self.tr("Pegawai"))
        return " · ".join(roles)

    def selected_employee(self) -> Any:
        return self.list_page.current_employee()

    def current_page(self) -> QWidget | None:
        """The page in the current tab (the list page, or an opened page)."""
        return self.tabs.current_page()

    def page(self, key: Any) -> QWidget | None:
        return self.tabs.page(key)

    def add_page(self, key: Any, widget: QWidget, title: str, tooltip: str = "") -> QWidget:
        """Show ``widget`` in a closable tab (or bring forward the tab already open under ``key``)."""
        if self.tabs.page(key) is not None:
            return self.tabs.add_page(key, widget, title, tooltip)
        self.tabs.add_page(key, widget, title, tooltip)
        for name in ("data_changed", "plan_changed"):
            changed = getattr(widget, name, None)
            if changed is not None and hasattr(changed, "connect"):
                changed.connect(self.notify_data_changed)
        wants_employee = getattr(widget, "employee_open_requested", None)
        if wants_employee is not None and hasattr(wants_employee, "connect"):
            wants_employee.connect(self.open_employee)
        wants_pohon = getattr(widget, "pohon_requested", None)
        if wants_pohon is not None and hasattr(wants_pohon, "connect"):
            wants_pohon.connect(self.open_pohon)
        return widget

    def notify_data_changed(self, *args: Any) -> None:
        """Something was saved (here or by a sync): refresh the list now if visible, else when it is shown
        again; the Tugas count a moment later (many saves in a row count once)."""
        self._tasks_timer.start()
        if self.current_page() is self.list_page:
            self.refresh()
        else:
            self._stale = True

    # ================================================================== pages

    @Slot(str)
    def open_employee(self, employee_id: str) -> QWidget | None:
        """Open an employee's SKP, realisation and evaluation in a tab (Enter or double-click in the list)."""
        key = ("employee", employee_id)
        if self.tabs.page(key) is not None:
            return self.tabs.show_page(self.tabs.page(key))
        row = self._row_for(employee_id)
        name = row.name if row is not None else (self.user.display_name if employee_id == self.user.employee_id
                                                 else self.tr("Pegawai"))
        tip = f"{name}\nNIP {row.nip}" if row is not None and row.nip else name
        cls = employee_page_class()
        if cls is None:
            page: QWidget = PlaceholderPage(name, self.tr("Halaman SKP, realisasi dan evaluasi belum terpasang pada "
                                                          "versi ini."), self.tabs)
        else:
            try:
                page = cls(self.db, self.user, employee_id, self._year, self._period, parent=self.tabs)
            except Exception as exc:  # a service refused (e.g. PermissionDenied): say why, open nothing
                self.show_error(error_message(exc), self.tr("Pegawai tidak dapat dibuka"))
                return None
        return self.add_page(key, page, page.windowTitle() or name, tip)

    @Slot()
    def open_selected(self) -> None:
        employee_id = self.list_page.current_employee_id()
        if employee_id:
            self.open_employee(employee_id)
        else:
            self.statusBar().showMessage(self.tr("Pilih pegawai di daftar terlebih dahulu."), 4000)

    @Slot()
    def open_my_skp(self) -> None:
        if self.user.employee_id:
            self.open_employee(self.user.employee_id)

    @Slot(str)
    def open_unit(self, unit_id: str) -> QWidget | None:
        key = ("unit", unit_id)
        if self.tabs.page(key) is not None:
            return self.tabs.show_page(self.tabs.page(key))
        node = self.navigation.unit_model.node(self.navigation.unit_model.index_of(unit_id))
        name = node.name if node is not None else self.tr("Unit")
        cls = unit_view_class()
        if cls is None:
            page: QWidget = PlaceholderPage(name, self.tr("Tampilan unit belum terpasang pada versi ini."), self.tabs)
        else:
            try:
                page = cls(self.db, self.user, unit_id, self._year, self._period, parent=self.tabs)
            except Exception as exc:
                self.show_error(error_message(exc), self.tr("Unit tidak dapat dibuka"))
                return None
        return self.add_page(key, page, page.windowTitle() or name, name)

    @Slot()
    def open_instansi(self) -> QWidget | None:
        """The central office's overview of every unit (admins)."""
        key = ("instansi",)
        if self.tabs.page(key) is not None:
            return self.tabs.show_page(self.tabs.page(key))
        from kinerja_desktop.ui.instansi_view import InstansiView

        page = InstansiView(self.db, self.user, self._year, self._period, parent=self.tabs)
        page.unit_open_requested.connect(self.open_unit)
        page.person_open_requested.connect(self.open_employee)
        return self.add_page(key, page, page.windowTitle())

    @Slot()
    def open_tasks(self) -> QWidget | None:
        """Tugas: what waits for the signed-in person; Enter on an item opens the page that deals with it."""
        key = ("tugas",)
        if self.tabs.page(key) is not None:
            page = self.tabs.show_page(self.tabs.page(key))
            self.refresh_tasks()
            return page
        from kinerja_desktop.ui.inbox_page import InboxPage

        page = InboxPage(parent=self.tabs)
        page.item_activated.connect(self.open_task)
        self.add_page(key, page, page.windowTitle())
        if self._task_items is not None:
            page.set_items(self._task_items)
        self.refresh_tasks()
        return page

    @Slot()
    @Slot(str)
    def open_pohon(self, rhk_id: str | None = None) -> QWidget | None:
        """Pohon Kinerja of the year shown: from ``rhk_id`` (an RHK's context menu), else the user's own RHK
        (an admin's: the office's top); Enter on a node opens its owner's SKP."""
        key = ("pohon", rhk_id or "")
        if self.tabs.page(key) is not None:
            return self.tabs.show_page(self.tabs.page(key))
        from kinerja_desktop.ui.pohon.pohon_page import PohonPage

        try:
            page = PohonPage(self.db, self.user, self._year, rhk_id or None, parent=self.tabs)
        except Exception as exc:  # a service refused (e.g. PermissionDenied): say why, open nothing
            self.show_error(error_message(exc), self.tr("Pohon kinerja tidak dapat dibuka"))
            return None
        start = page.current_node() if rhk_id else None
        title = self.tr("Pohon: {0}").format(start.owner_name.split(",")[0]) if start else page.windowTitle()
        self.add_page(key, page, title, start.text if start else "")
        page.tree.setFocus()
        return page

    @Slot()
    def refresh_tasks(self) -> None:
        """Reload the tasks (off the GUI thread): the count in the navigation, and the Tugas page if open."""
        if self.session is None:
            return
        from kinerja_desktop.ui.session_tasks import load_inbox_task

        task = self.tasks.start(load_inbox_task, self.db, self.user, self._year, self._period,
                                title=self.tr("Memuat tugas"), cancellable=False)
        task.succeeded.connect(self._tasks_loaded)

    def _tasks_loaded(self, items: list[Any]) -> None:
        self._task_items = items
        self.navigation.set_task_count(len(items))
        page = self.tabs.page(("tugas",))
        if page is not None:
            page.set_items(items)

    @Slot(object)
    def open_task(self, item: Any) -> None:
        """Open the page an inbox item names (the employee's SKP or Evaluasi tab, or the sync conflicts)."""
        if item.tab == "sinkron":
            integration = getattr(self, "sync_integration", None)
            if integration is not None:
                integration.open_conflicts()
            return
        if not item.employee_id:
            return
        if item.period and item.period != self._period and self.period_combo.findData(item.period) >= 0:
            self.period_combo.setCurrentIndex(self.period_combo.findData(item.period))
        page = self.open_employee(item.employee_id)
        if page is None:
            return
        tab = {"skp": 0, "realisasi": 1, "evaluasi": 2, "dokumen": 3}.get(item.tab, 0)
        show_tab = getattr(page, "show_tab", None)
        if callable(show_tab):
            show_tab(tab)

    @Slot()
    def open_selected_unit(self) -> None:
        unit_id = self.navigation.current_unit_id()
        if unit_id:
            self.open_unit(unit_id)
        else:
            self.statusBar().showMessage(self.tr("Pilih unit di panel navigasi terlebih dahulu."), 4000)

    def _row_for(self, employee_id: str) -> Any:
        row = self.list_page.model.row_of(employee_id)
        return self.list_page.model.row_object(row) if row >= 0 else None

    @Slot()
    def close_current_page(self) -> None:
        self.tabs.close_current()

    @Slot()
    def _list_shown(self) -> None:
        if self._stale:
            self.refresh()

    # ================================================================== list

    def _scope_title(self, scope: str) -> str:
        if scope == SCOPE_SUBORDINATES:
            return self.tr("Bawahan Saya")
        if scope == SCOPE_SELF:
            return self.tr("Status Saya")
        return self.tr("Semua Pegawai") if self.session.is_admin else self.tr("Semua Bawahan")

    @Slot(str)
    def _scope_selected(self, scope: str) -> None:
        self.tabs.setCurrentWidget(self.list_page)
        if scope != self._scope:
            self._scope = scope
            self.list_page.set_unit_filter(None, self._scope_title(scope))
            self.refresh()

    @Slot(object, str)
    def _unit_selected(self, unit_id: str | None, title: str) -> None:
        self.tabs.setCurrentWidget(self.list_page)
        ids = self.navigation.unit_model.descendant_ids(unit_id) if unit_id else None
        self.list_page.set_unit_filter(ids, title if unit_id else self._scope_title(self._scope))

    @Slot()
    def _context_edited(self) -> None:
        year, period = self.year_spin.value(), self.period_combo.currentData()
        if self.session is None or (year, period) == (self._year, self._period) or period is None:
            return
        self._year, self._period = year, period
        preferences.put("view/year", year)
        preferences.put("view/period", period)
        for page in self.tabs.pages():
            setter = getattr(page, "set_period", None)
            if callable(setter) and getattr(page, "year", year) == year:
                setter(period)
        self.context_changed.emit(year, period)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Reload the list for the current scope, year and period (F5), off the GUI thread."""
        self._stale = False
        self._rest_pending = False  # the whole list comes with this load
        if self._list_task is not None and self._list_task.running:
            self._list_task.cancel()
        self._list_generation += 1
        generation = self._list_generation
        self.list_page.set_loading(True)
        if self.session is None:
            return
        units = self.navigation.unit_model.unit_index() if self.session.units is not None else None
        task = self.tasks.start(load_list_task, self.db, self.user, self._year, self._period, self._scope,
                                status_labels(), units, title=self.tr("Memuat daftar pegawai"))
        task.succeeded.connect(lambda result: self._list_loaded(generation, result))
        task.failed.connect(lambda message: self._list_failed(generation, message))
        self._list_task = task

    def _list_loaded(self, generation: int, result: LoadedList) -> None:
        if generation != self._list_generation:
            return  # a newer request is on its way
        self.list_page.set_table(result.table)
        if result.units is not None:
            self.navigation.update_counts(result.units)
        self.list_loaded.emit()

    def _list_failed(self, generation: int, message: str) -> None:
        if generation == self._list_generation:
            self.list_page.set_loading(False)
            self.show_error(message, self.tr("Daftar pegawai tidak dapat dimuat"))

    @Slot()
    def focus_search(self) -> None:
        if self._locked:
            return
        page = self.current_page()
        if page is not self.list_page and hasattr(page, "focus_search"):
            page.focus_search()  # a page with a search of its own (Pohon Kinerja)
            return
        self.tabs.setCurrentWidget(self.list_page)
        self.list_page.focus_search()

    def _toggle_navigation(self, checked: bool) -> None:
        self.navigation.setVisible(checked)

    # ================================================================== lock and sign-out

    def is_locked(self) -> bool:
        return self._locked

    @Slot()
    def lock(self) -> None:
        """Hide every page behind the lock screen until the password is entered again."""
        if self._locked or self.session is None:
            return
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self:
            modal.close()
        self._locked = True
        # Every other window of the app goes too (print preview, Periksa Tanda Tangan, Sertifikat …):
        # a locked screen shows nothing of the data.
        self._hidden_by_lock = [w for w in QApplication.topLevelWidgets()
                                if w is not self and w.isVisible() and not isinstance(w, QMenu)]
        for widget in self._hidden_by_lock:
            widget.hide()
        self.stack.setCurrentWidget(self.lock_page)
        self.menuBar().setEnabled(False)
        self.toolbar.setEnabled(False)
        self._enabled_before_lock = {a: a.isEnabled() for a in self.actions()}
        for action in self.actions():
            if action not in (self.act_quit, self.act_switch_user):
                action.setEnabled(False)
        self.lock_page.prepare(self.tr("{0} ({1}) sedang masuk.").format(self.user.display_name or self.user.username,
                                                                        self.user.username))
        self.locked_changed.emit(True)

    @Slot(str)
    def _unlock(self, password: str) -> None:
        task = self.tasks.start(unlock_task, self.db, self.user.username, password,
                                title=self.tr("Memeriksa kata sandi"), cancellable=False)
        task.succeeded.connect(lambda _user: self._unlocked())
        task.failed.connect(self.lock_page.show_error)

    def _unlocked(self) -> None:
        self._locked = False
        for widget in self._hidden_by_lock:
            if shiboken6.isValid(widget):
                widget.show()
        self._hidden_by_lock = []
        self.stack.setCurrentWidget(self.splitter)
        self.menuBar().setEnabled(True)
        self.toolbar.setEnabled(True)
        for action, enabled in self._enabled_before_lock.items():
            action.setEnabled(enabled)
        self._enabled_before_lock = {}
        self.idle_watcher.reset()
        self.locked_changed.emit(False)

    @Slot()
    def request_switch_user(self) -> None:
        self.switch_user_requested.emit()

    # ================================================================== dialogs

    def show_error(self, message: str, title: str = "") -> None:
        shell_dialogs.show_error(self, message, title)

    @Slot()
    def change_password(self, forced: bool = False) -> None:
        """Ganti Kata Sandi; ``forced``: the password must change now, or the user signs out."""
        from kinerja_desktop.ui.password_dialog import PasswordDialog

        dialog = PasswordDialog(self.db, self.user, forced=forced, parent=self)
        self.password_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        if forced:
            dialog.rejected.connect(self.request_switch_user)
        else:
            dialog.accepted.connect(lambda: self.statusBar().showMessage(self.tr("Kata sandi diganti."), 5000))
        dialog.open()

    @Slot()
    def open_settings(self) -> None:
        from kinerja_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.db, self.user, self.tasks, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.language_changed.connect(self.language_changed)
        dialog.idle_minutes_changed.connect(self.idle_watcher.set_minutes)
        dialog.open()

    @Slot()
    def open_roster_import(self) -> None:
        from kinerja_desktop.ui.roster_import_panel import RosterImportDialog

        dialog = RosterImportDialog(self.db, self.user, self)
        dialog.panel.imported.connect(lambda _result: self._reload_units())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _reload_units(self) -> None:
        """After a roster import the unit tree itself may have changed."""
        from kinerja_desktop.ui.session_tasks import load_session_task

        task = self.tasks.start(load_session_task, self.db, self.user, status_labels(), self._year, self._period,
                                self._scope, title=self.tr("Memuat unit kerja"), cancellable=False)
        task.succeeded.connect(self._units_reloaded)

    def _units_reloaded(self, session: SessionData) -> None:
        if session.units is not None:
            self.navigation.unit_model.set_index(session.units)
            self.navigation.unit_tree.expandToDepth(0)
        self.list_page.set_table(session.table)

    @Slot()
    def save_current_page(self) -> None:
        """Ctrl+S: save what is being typed on the current page (everything else saves itself)."""
        page = self.current_page()
        flush = getattr(page, "flush_edits", None)
        if callable(flush):
            flush()
        self.statusBar().showMessage(self.tr("Semua isian tersimpan."), 3000)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(what, keys) of every window action with a shortcut, menu by menu (including those added by
        printing, signing, sync, …), then the forms' own keys."""
        rows: list[tuple[str, str]] = []
        seen: set[int] = set()
        menus = [self._menus[k] for k in MENU_ORDER if k in self._menus]
        menus += [m for k, m in self._menus.items() if k not in MENU_ORDER]
        for menu in menus:
            for action in _menu_actions(menu):
                if action.shortcut().isEmpty() or id(action) in seen:
                    continue
                seen.add(id(action))
                keys = "; ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                rows.append((action.text().replace("&", "").rstrip("…"), keys))
        rows += [(QApplication.translate("MainWindow", what), keys) for what, keys in EDITOR_KEYS]
        return rows

    @Slot()
    def show_shortcuts(self) -> None:
        shell_dialogs.show_shortcut_rows(self, self.shortcut_rows())

    @Slot()
    def show_about(self) -> None:
        shell_dialogs.show_about(self)

    # ================================================================== layout memory

    def _restore_layout(self) -> None:
        geometry = preferences.get("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._first_run_size()
        state = preferences.get("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        splitter = preferences.get("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        header = preferences.get("window/employee_header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.list_page.table.horizontalHeader().restoreState(header)

    def _first_run_size(self) -> None:
        """1366x768 where that fits with the title bar; maximised on a screen that small (an office
        PC's 1366x768), so the status bar is never below the screen's edge."""
        self.resize(1366, 768)
        if QGuiApplication.platformName() == "offscreen":
            return  # the tests' virtual screen (800x800): tests size their windows themselves
        if screen_fit.first_run_maximised(screen_fit.available_geometry(self).size()):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def save_layout(self) -> None:
        preferences.put("window/geometry", self.saveGeometry())
        preferences.put("window/state", self.saveState())
        preferences.put("window/splitter", self.splitter.saveState())
        preferences.put("window/employee_header", self.list_page.table.horizontalHeader().saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        running = [t for t in self.tasks.running() if t.cancellable]
        if running and not shell_dialogs.confirm_stop(self, running[0].title):
            event.ignore()
            return
        self.tasks.cancel_all()
        self.save_layout()
        self.idle_watcher.stop()
        super().closeEvent(event)


def _import_integrations(ctx: TaskContext, integrations: tuple[tuple[str, str], ...],
                         preload: tuple[str, ...] = ()) -> list[tuple[str, Any]]:
    """Worker side of install_integrations: import each module (heavy ones pull in reportlab, crypto).

    Returns ``(module name, installer or the import error)`` for every module present in this build.
    """
    import importlib

    found: list[tuple[str, Any]] = []
    for module_name, function in integrations:
        try:
            found.append((module_name, getattr(importlib.import_module(module_name), function)))
        except ModuleNotFoundError as exc:
            if exc.name is None or not module_name.startswith(exc.name):
                found.append((module_name, exc))
            # else: that part is not in this build
        except Exception as exc:  # reported in the GUI thread, with the others still installed
            found.append((module_name, exc))
    for module_name in preload:
        try:
            importlib.import_module(module_name)
        except Exception:  # noqa: S112 - opening the page will report it properly
            continue
    return found


class FirstPaintWatcher(QObject):
    """Emits :attr:`painted` once when a widget is painted (start-up measurement and signals)."""

    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self._widget:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self.painted.emit)
        return False


def _menu_actions(menu: QMenu) -> list[QAction]:
    """The actions of ``menu`` and its submenus, in order."""
    found: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        if sub is not None:
            found += _menu_actions(sub)
        elif not action.isSeparator():
            found.append(action)
    return found


def _short_path(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else "…" + text[-(limit - 1):]
