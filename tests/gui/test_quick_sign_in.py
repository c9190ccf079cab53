"""Signing in before SQLAlchemy has loaded: the start-up path reads the SQLite file itself.

The app is started on a database *file* (as `kinerja` does), so the controller opens the database
itself; the sign-in is typed the moment it is possible, before the database is open.
"""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from kinerja_desktop.services import query_service
from kinerja_desktop.store.location import sqlite_file
from kinerja_desktop.ui.app import AppController
from kinerja_desktop.ui.main_window import INTEGRATIONS
from kinerja_desktop.ui.session_tasks import SCOPE_ALL, SCOPE_SELF
from tests.gui.shell_helpers import IGNORE_SIZE_HINTS, close_controller, screenshot, themed_app  # noqa: F401
from tests.helpers.fixtures import DEMO_YEAR

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("themed_app")]


@pytest.fixture
def started(qtbot, demo_db):
    path = sqlite_file(demo_db.url)
    controller = AppController(str(path))
    with qtbot.waitSignal(controller.sign_in_ready, timeout=15_000):
        controller.start()
    yield controller, path
    close_controller(controller)
    if controller.db is not None:
        controller.db.dispose()


def _type(qtbot, controller: AppController, username: str, password: str) -> None:
    form = controller.sign_in
    form.username_edit.clear()
    qtbot.keyClicks(form.username_edit, username)
    form.password_edit.clear()
    qtbot.keyClicks(form.password_edit, password)


def test_main_window_opens_before_the_database_and_gets_it_afterwards(qtbot, started, demo_db, people) -> None:
    controller, path = started
    assert controller.db is None  # signing in works before SQLAlchemy has loaded
    _type(qtbot, controller, "admin", "admin")
    with qtbot.waitSignal(controller.main_window_shown, timeout=15_000) as shown:
        qtbot.keyClick(controller.sign_in.password_edit, Qt.Key.Key_Return)
    window = shown.args[0]
    assert window.db is None and window.database_label.text() == "Database: sedang dibuka…"
    expected = query_service.employee_rows(demo_db, people.admin, DEMO_YEAR, window.period())
    model = window.list_page.model
    assert [model.row_object(r) for r in range(model.rowCount())] == expected
    assert window.scope() == SCOPE_ALL and window.navigation.unit_model.unit_count() > 5
    # asked for before the database is open: the page opens once it is
    first = expected[0].id
    assert window.open_employee(first) is None
    qtbot.waitUntil(lambda: window.db is not None, timeout=15_000)
    assert controller.db is window.db and str(path) in window.database_label.toolTip()
    qtbot.waitUntil(lambda: window.tabs.page(("employee", first)) is not None, timeout=15_000)
    qtbot.waitUntil(lambda: len(window.integrations) == len(INTEGRATIONS), timeout=15_000)  # print, signing, sync, ...
    screenshot(window, "20_main_after_quick_sign_in")


def test_wrong_password_is_refused_by_the_file_path_too(qtbot, started) -> None:
    controller, _path = started
    _type(qtbot, controller, "admin", "salah")
    qtbot.keyClick(controller.sign_in.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(controller.sign_in.error_label.isVisible, timeout=10_000)
    assert controller.sign_in.error_label.text() == "Nama pengguna atau kata sandi salah."
    assert controller.main_window is None and controller.sign_in.password_edit.text() == "salah"


def test_staff_get_their_own_row(qtbot, started, people) -> None:
    controller, _path = started
    _type(qtbot, controller, people.staff.username, people.staff.username)
    with qtbot.waitSignal(controller.main_window_shown, timeout=15_000) as shown:
        qtbot.keyClick(controller.sign_in.password_edit, Qt.Key.Key_Return)
    window = shown.args[0]
    model = window.list_page.model
    assert window.scope() == SCOPE_SELF
    assert [model.row_object(r).id for r in range(model.rowCount())] == [people.staff.employee_id]


def test_the_services_check_again_and_a_refusal_closes_the_window(qtbot, started, people) -> None:
    """The account is disabled between the quick check and the database opening: the services'
    check, once it runs, refuses, and the main window closes with their message."""
    controller, path = started
    _type(qtbot, controller, people.staff.username, people.staff.username)

    def disable(_window: object) -> None:
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE user_account SET active = 0 WHERE username = ?", (people.staff.username,))

    controller.main_window_shown.connect(disable)
    with qtbot.waitSignal(controller.signed_out, timeout=15_000):
        qtbot.keyClick(controller.sign_in.password_edit, Qt.Key.Key_Return)
    assert controller.main_window is None and controller.sign_in.isVisible()
    assert controller.sign_in.error_label.text() == "Akun ini dinonaktifkan. Hubungi admin kepegawaian."
