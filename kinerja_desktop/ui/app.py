"""Start the desktop application: first paint first, then the database, then the main window.

Start-up order (measured in tests/bench/bench_gui.py):

1. QApplication, the bundled DejaVu font, the translator, the sign-in window shown. Nothing
   here imports SQLAlchemy, the services or reportlab.
2. After the sign-in window's first paint, a worker opens (creates, migrates) the database
   and imports the services while the user types. A sign-in typed meanwhile waits for it.
3. When the database is ready and a user signed in on this PC before, their first list is
   loaded in a worker while they type (used only if that account signs in; see
   ``session_tasks.prefetch_session_task``).
   Meanwhile the worker also imports what the first employee page needs
   (``session_tasks.warm_up_task``), and the GUI thread builds the empty main window.
   "Masuk" checks the password in a worker; then the window is filled and shown. A large list
   comes as its first screen (``session_tasks.FIRST_SCREEN_ROWS`` rows); after that first paint
   the main window loads the rest, the tasks' count and the integrations in workers, and makes
   an employee page's reads once (``MainWindow.read_ahead``) so the first page opened does not
   compile its queries on the GUI thread. The page builds only its visible tab (``LazyTab``).
   Before SQLAlchemy loads, only the instansi's name is read from a SQLite file with the standard
   library (``store.quick``), for a PC that has not remembered it yet.

:class:`AppController` owns that flow and the later ones: first-run wizard on an empty
database, switch user, rebuilding the windows after a language change.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from kinerja_desktop.resources import resource_path
from kinerja_desktop.ui import i18n, preferences, theme
from kinerja_desktop.ui.sign_in_window import SignInWindow
from kinerja_desktop.ui.workers import run_task, wait_for_tasks

#: Open the database anyway if the sign-in window was not painted by then (e.g. started minimised).
OPEN_FALLBACK_MS = 400
#: Signing's libraries not imported while the password was typed are imported this long after the list's
#: first paint, while the person reads: beside the first pages opened they doubled their time on a loaded
#: PC (over a second of imports holding the GIL). A tab that needs them earlier imports them itself.
WARM_UP_LATER_MS = 8000


class AppController(QObject):
    """Sign-in, first-run wizard, main window, switch user.

    Signals:
        first_painted(): the sign-in window is on screen.
        sign_in_ready(): signing in works now (the database is open).
        database_ready(object opened): ``session_tasks.OpenedDatabase``; signing in works now.
        wizard_shown(object wizard): an empty database: the first-run wizard is open.
        main_window_shown(object window): the main window is on screen with its list filled.
        signed_out(): the main window closed for a switch of user.
    """

    first_painted = Signal()
    sign_in_ready = Signal()
    database_ready = Signal(object)
    wizard_shown = Signal(object)
    main_window_shown = Signal(object)
    signed_out = Signal()

    def __init__(self, db_location: str | None = None, *, db: Any = None) -> None:
        super().__init__()
        self.location = db_location
        self.db = db
        self.opened: Any = None
        self.main_window: Any = None
        self.wizard: Any = None
        self._opening = False
        self._prefetch: Any = None  # Task loading the last user's session while they type
        self._prefetch_username = ""
        self._spare_window: Any = None  # a MainWindow built while the password is checked
        self._signing_in: Any = None
        self._own_db = db is None
        self._open_task: Any = None
        self._shut_down = False
        self._warm_gate: Any = None  # session_tasks.WarmUpGate of the warm-up worker
        self._warm_task: Any = None
        self.sign_in = self._make_sign_in()

    def _make_sign_in(self) -> SignInWindow:
        window = SignInWindow()
        window.set_instansi(preferences.get("session/instansi_name"))
        window.set_username(preferences.get("session/last_username"))
        window.sign_in_requested.connect(self._sign_in)
        window.quit_requested.connect(self.quit)
        window.first_painted.connect(self._begin_open)
        return window

    # ------------------------------------------------------------------ start-up

    def start(self) -> None:
        self.sign_in.show()
        QTimer.singleShot(OPEN_FALLBACK_MS, self._begin_open)

    @Slot()
    def _begin_open(self) -> None:
        if self._opening:
            return
        self._opening = True
        self.first_painted.emit()
        if self.db is None and not preferences.get("session/instansi_name"):
            from kinerja_desktop.ui.session_tasks import instansi_name_task

            named = run_task(instansi_name_task, self.location, title=self.tr("Membuka database"), cancellable=False)
            named.succeeded.connect(self._instansi_read)
        self._start_open()

    @Slot(object)
    def _instansi_read(self, name: Any) -> None:
        if name and self.opened is None:
            self.sign_in.set_instansi(name)

    @Slot()
    def _start_open(self) -> None:
        """Open the database through the services (loads SQLAlchemy); once."""
        if self._open_task is not None or self._shut_down:
            return
        from kinerja_desktop.ui.session_tasks import open_database_task

        task = run_task(open_database_task, self.location, self.db, title=self.tr("Membuka database"),
                        cancellable=False)
        task.succeeded.connect(self._database_opened)
        task.failed.connect(self._database_failed)
        self._open_task = task

    @Slot(str)
    def _database_failed(self, message: str) -> None:
        self.sign_in.set_database_failed(message)

    @Slot(object)
    def _database_opened(self, opened: Any) -> None:
        self.opened = opened
        self.db = opened.db
        if not opened.has_accounts:
            self._show_wizard()
            return
        if opened.instansi:
            self.sign_in.set_instansi(opened.instansi)
            preferences.put("session/instansi_name", opened.instansi)
        self._start_prefetch()
        self._start_warm_up()
        # The (empty) main window is built while the password is typed, not after Masuk: a pause of a
        # tenth of a second then delays keystrokes, which Qt keeps, instead of the list after Masuk.
        QTimer.singleShot(0, self._build_spare_window)
        self.sign_in.set_database_ready(opened.description)
        self.sign_in_ready.emit()
        self.database_ready.emit(opened)

    def _show_wizard(self) -> None:
        from kinerja_desktop.ui.first_run_wizard import FirstRunWizard

        self.wizard = FirstRunWizard(self.db)
        self.wizard.finished.connect(self._wizard_finished)
        self.wizard.show()
        self.sign_in.hide()
        self.wizard_shown.emit(self.wizard)

    @Slot(int)
    def _wizard_finished(self, _result: int) -> None:
        wizard, self.wizard = self.wizard, None
        username = wizard.username if wizard is not None else None
        if wizard is not None:
            wizard.deleteLater()
        if username is None:
            self.quit()  # nothing was created: there is no account to sign in with
            return
        self.sign_in.show()
        self.sign_in.reset(username)
        self.sign_in.set_database_ready(self.db.describe())
        self.database_ready.emit(self.opened)

    # ------------------------------------------------------------------ sign-in

    def _context(self) -> tuple[Any, int | None, str | None]:
        from kinerja_desktop.ui.models.employee_table_model import status_labels

        return status_labels(), preferences.get("view/year") or None, preferences.get("view/period") or None

    def _start_prefetch(self) -> None:
        username = preferences.get("session/last_username")
        if not username or self.db is None:
            return
        from kinerja_desktop.ui.session_tasks import prefetch_session_task

        labels, year, period = self._context()
        self._prefetch = run_task(prefetch_session_task, self.db, username, labels, year, period, _first_screen(),
                                  title=self.tr("Menyiapkan daftar"), cancellable=True)
        self._prefetch_username = username

    def _start_warm_up(self) -> None:
        from kinerja_desktop.ui.session_tasks import WarmUpGate, warm_up_task

        self._warm_gate = WarmUpGate()
        self._warm_task = run_task(warm_up_task, self._warm_gate, title=self.tr("Menyiapkan halaman"),
                                   cancellable=True)

    def _resume_warm_up(self, *, all_of_it: bool = True) -> None:
        if self._warm_gate is not None:
            self._warm_gate.resume()
            if all_of_it:
                self._warm_gate.release_later()

    @Slot()
    def _resume_light_warm_up(self) -> None:
        """The list is painted: the pages' modules go on; signing's libraries wait ``WARM_UP_LATER_MS``."""
        self._resume_warm_up(all_of_it=False)
        QTimer.singleShot(WARM_UP_LATER_MS, self._resume_warm_up)

    @Slot(str, str)
    def _sign_in(self, username: str, password: str) -> None:
        if self._warm_gate is not None:
            self._warm_gate.pause()  # signing in first; the warm-up goes on once the list is painted
        from kinerja_desktop.ui.session_tasks import authenticate_task

        task = run_task(authenticate_task, self.db, username, password, title=self.tr("Masuk"), cancellable=False)
        task.succeeded.connect(self._authenticated)
        task.failed.connect(self._sign_in_failed)
        self._signing_in = task
        QTimer.singleShot(0, self._build_spare_window)  # after a switch of user: while the worker checks

    @Slot()
    def _build_spare_window(self) -> None:
        if self._spare_window is None and self.db is not None:
            self._spare_window = self._new_main_window()

    @Slot(str)
    def _sign_in_failed(self, message: str) -> None:
        self._signing_in = None
        self._resume_warm_up()
        self.sign_in.set_busy(False, "")
        self.sign_in.set_database_ready(self.db.describe())
        self.sign_in.show_error(message)

    @Slot(object)
    def _authenticated(self, user: Any) -> None:
        prefetch, self._prefetch = self._prefetch, None
        same_user = (prefetch is not None and prefetch.state in ("running", "succeeded")
                     and self._prefetch_username.casefold() == user.username.casefold())
        if same_user and prefetch.state == "succeeded":
            self._session_loaded(user, prefetch.result)
            return
        if same_user:  # still loading: it finishes sooner than a new query would
            prefetch.succeeded.connect(lambda session: self._session_loaded(user, session))
            prefetch.failed.connect(lambda _message: self._load_session(user))
            return
        if prefetch is not None:
            prefetch.cancel()
        self._load_session(user)

    def _load_session(self, user: Any) -> None:
        from kinerja_desktop.ui.session_tasks import load_session_task

        labels, year, period = self._context()
        task = run_task(load_session_task, self.db, user, labels, year, period, limit=_first_screen(),
                        title=self.tr("Memuat daftar"), cancellable=False)
        task.succeeded.connect(lambda session: self._session_loaded(user, session))
        task.failed.connect(self._sign_in_failed)

    def _session_loaded(self, user: Any, session: Any) -> None:
        if session.user.actor != user.actor:  # the account changed since the prefetch: load again
            self._load_session(user)
            return
        session.user = user
        self._signing_in = None
        watcher = self._show_main_window(session)
        watcher.painted.connect(lambda: self._remember(user.username, session.instansi))
        self.sign_in.hide()
        self.sign_in.reset(user.username)
        if user.must_change_password and self.main_window is not None:
            self.main_window.change_password(forced=True)

    @staticmethod
    def _remember(username: str, instansi: str) -> None:
        """For the next start: who signed in last, and the office's name (written after the first paint)."""
        preferences.put("session/last_username", username)
        if instansi:
            preferences.put("session/instansi_name", instansi)

    def _new_main_window(self) -> Any:
        from kinerja_desktop.ui.main_window import MainWindow

        window = MainWindow(self.db)
        window.switch_user_requested.connect(self.switch_user)
        window.language_changed.connect(self._language_changed)
        return window

    def _show_main_window(self, session: Any) -> Any:
        """Show a main window for ``session``; the FirstPaintWatcher of its list."""
        from kinerja_desktop.ui.main_window import FirstPaintWatcher

        window, self._spare_window = self._spare_window or self._new_main_window(), None
        window.start_session(session)
        watcher = FirstPaintWatcher(window.list_page.table.viewport())
        watcher.painted.connect(lambda: self.main_window_shown.emit(window))
        watcher.painted.connect(self._resume_light_warm_up)
        watcher.painted.connect(window.read_ahead)  # the first employee page's queries, compiled in a worker
        watcher.painted.connect(window.install_integrations)  # print, signing, sync: after the first paint
        self.main_window = window
        window.show()
        return watcher

    # ------------------------------------------------------------------ later flows

    @Slot()
    def switch_user(self) -> None:
        """Close the main window (asking about running work) and show the sign-in window."""
        window = self.main_window
        if window is None:
            return
        self.sign_in.reset("")
        if self.db is not None:
            self.sign_in.set_database_ready(self.db.describe())
        self.sign_in.show()  # before closing, so closing the main window does not quit the app
        if not window.close():
            self.sign_in.hide()
            return
        self.main_window = None
        window.deleteLater()
        self._forget_keys()
        self.signed_out.emit()

    def _forget_keys(self) -> None:
        """The signing keys unlocked at sign-in live for that session only."""
        if self.db is not None:
            from kinerja_desktop.services.auth_service import sign_out

            sign_out(self.db)

    @Slot(str)
    def _language_changed(self, _language: str) -> None:
        """Rebuild the windows so every string comes from the new translator."""
        window = self.main_window
        if window is None:
            return
        old_sign_in = self.sign_in
        self.sign_in = self._make_sign_in()
        self.sign_in.set_database_ready(self.db.describe())
        old_sign_in.deleteLater()
        from kinerja_desktop.ui.models.employee_table_model import status_labels
        from kinerja_desktop.ui.session_tasks import load_session_task

        task = run_task(load_session_task, self.db, window.user, status_labels(), window.year(), window.period(),
                        window.scope(), title=self.tr("Memuat ulang"), cancellable=False)
        task.succeeded.connect(lambda session: self._replace_main_window(window, session))
        task.failed.connect(window.show_error)

    def _replace_main_window(self, old: Any, session: Any) -> None:
        old.save_layout()
        self._show_main_window(session)
        old.hide()
        old.idle_watcher.stop()
        old.deleteLater()

    @Slot()
    def quit(self) -> None:
        app = QApplication.instance()
        if self.main_window is not None and not self.main_window.close():
            return
        self.sign_in.close()
        if app is not None:
            app.quit()

    def shutdown(self) -> None:
        """After the event loop: let workers end, close the database we opened."""
        self._shut_down = True
        if self._warm_task is not None:
            self._warm_task.cancel()
        self._resume_warm_up()  # a paused warm-up sees its cancellation
        wait_for_tasks(10_000)
        if self._own_db and self.db is not None:
            self.db.dispose()


def _first_screen() -> int | None:
    """Rows the main window shows before the rest of a large list arrives (read at each sign-in)."""
    from kinerja_desktop.ui import session_tasks

    return session_tasks.FIRST_SCREEN_ROWS or None


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with name, style, bundled font and translator (existing one reused)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(preferences.ORGANIZATION)
    app.setApplicationName(preferences.APPLICATION)
    app.setDesktopFileName("kinerja-desktop")  # the .desktop entry the Linux package installs
    app.setWindowIcon(QIcon(str(resource_path("icons", "kinerja.png"))))
    theme.apply(app)
    i18n.install_translator(preferences.get("ui/language"))
    return app


def main(db_location: str | None = None, *, on_controller: Callable[[AppController], None] | None = None) -> int:
    """Run the desktop application on ``db_location`` (path or SQLAlchemy URL; None: default)."""
    app = create_application()
    install_error_handling()
    controller = AppController(db_location)
    if on_controller is not None:
        on_controller(controller)
    controller.start()
    code = app.exec()
    controller.shutdown()
    return int(code)


def install_error_handling() -> None:
    """The rotated log file under the user data folder, and a plain message (with "Salin rincian")
    instead of a silent traceback on the terminal for an error no code caught (a slot that raised)."""
    QTimer.singleShot(LOG_FILE_DELAY_MS, _install_log_file)  # after the first paint: start-up imports nothing
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        if not issubclass(kind, Exception):
            previous(kind, exc, tb)
            return
        from kinerja_desktop.ui import shell_dialogs
        from kinerja_desktop.ui.workers import error_message

        message = error_message(exc.with_traceback(tb))
        parent = QApplication.activeWindow()
        if parent is not None:
            shell_dialogs.show_error(parent, message)

    sys.excepthook = hook


#: The log file is set up this long after start (its imports would otherwise delay the first paint).
LOG_FILE_DELAY_MS = 1500


def _install_log_file() -> None:
    from kinerja_desktop.services.error_log import install_file_log

    try:
        install_file_log()
    except OSError:  # a read-only profile: the app still runs, without a log file
        pass
