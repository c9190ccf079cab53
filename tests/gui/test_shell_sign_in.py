"""Start-up and sign-in through the widgets: roles decide what the main window offers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kinerja_desktop.services import query_service
from kinerja_desktop.ui import preferences
from kinerja_desktop.ui.navigation_pane import MY_SKP, POHON, TASKS
from kinerja_desktop.ui.session_tasks import SCOPE_ALL, SCOPE_SELF, SCOPE_SUBORDINATES
from tests.gui.shell_helpers import (
    IGNORE_SIZE_HINTS,
    close_controller,
    make_controller,
    screenshot,
    sign_in,
    themed_app,  # noqa: F401 - fixture
    wait_ready,
)
from tests.helpers.fixtures import DEMO_YEAR

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("themed_app")]


def nip_of(db, user) -> str:
    return user.username


def test_admin_signs_in_with_the_keyboard_and_sees_every_employee(qtbot, controller, demo_db) -> None:
    """GIVEN the demo office WHEN admin types name, Enter, password, Enter THEN the whole office is listed."""
    wait_ready(qtbot, controller)
    assert controller.sign_in.instansi_label.text() == "PEMERINTAH KABUPATEN CONTOH"
    screenshot(controller.sign_in, "01_sign_in")
    window = sign_in(qtbot, controller, "admin", "admin")
    assert not controller.sign_in.isVisible()
    assert window.list_page.model.rowCount() == 60
    assert window.navigation.keys() == [TASKS, POHON, SCOPE_ALL]
    assert window.navigation.unit_model.unit_count() > 5
    assert "Admin Kepegawaian" in window.user_label.text()
    assert window.windowTitle() == "Kinerja Desktop — PEMERINTAH KABUPATEN CONTOH"
    assert window.period() == "TW3"  # the latest period that has ended (as of 2026-11-22)
    assert window.list_page.count_label.text() == "60 pegawai"
    assert preferences.get("session/last_username") == "admin"
    screenshot(window, "02_main_admin")


def test_wrong_password_is_reported_at_the_field_and_nothing_typed_is_lost(qtbot, controller) -> None:
    wait_ready(qtbot, controller)
    form = controller.sign_in
    qtbot.keyClicks(form.username_edit, "admin")
    qtbot.keyClicks(form.password_edit, "salah")
    qtbot.mouseClick(form.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(form.error_label.isVisible, timeout=10_000)
    assert form.error_label.text() == "Nama pengguna atau kata sandi salah."
    assert form.password_edit.property("invalid") is True
    assert form.username_edit.text() == "admin" and form.password_edit.text() == "salah"
    assert form.password_edit.selectedText() == "salah"  # ready to be retyped
    assert controller.main_window is None
    screenshot(form, "03_sign_in_error")
    qtbot.keyClicks(form.password_edit, "admin")  # typing replaces the selection and clears the mark
    assert not form.error_label.isVisible() and form.password_edit.property("invalid") is False


def test_empty_fields_are_named(qtbot, controller) -> None:
    wait_ready(qtbot, controller)
    form = controller.sign_in
    qtbot.mouseClick(form.sign_in_button, Qt.MouseButton.LeftButton)
    assert form.error_label.text() == "Isi nama pengguna."
    assert form.username_edit.property("invalid") is True


def test_sign_in_typed_before_the_database_is_open_is_kept(qtbot, demo_db) -> None:
    """A fast typist presses Enter while the database still opens: the sign-in goes through afterwards."""
    controller = make_controller(qtbot, demo_db)
    try:
        form = controller.sign_in
        assert controller.opened is None
        qtbot.keyClicks(form.username_edit, "admin")
        qtbot.keyClicks(form.password_edit, "admin")
        with qtbot.waitSignal(controller.main_window_shown, timeout=15_000):
            qtbot.keyClick(form.password_edit, Qt.Key.Key_Return)
            assert form.status_label.text() in ("Menunggu database dibuka…", "Memeriksa akun…")
    finally:
        close_controller(controller)


def test_staff_sees_their_own_skp_and_status_only(qtbot, controller, people) -> None:
    """A pegawai gets SKP Saya and their own row; no unit tree, no other employees."""
    window = sign_in(qtbot, controller, people.staff.username, people.staff.username)
    assert window.navigation.keys() == [TASKS, MY_SKP, POHON, SCOPE_SELF]
    assert window.scope() == SCOPE_SELF
    assert window.list_page.model.rowCount() == 1
    assert window.list_page.model.row_object(0).id == people.staff.employee_id
    assert window.user_label.text().endswith("· Pegawai")
    assert not window.act_unit_view.isVisible() and window.act_my_skp.isVisible()
    assert window.navigation._tree_box.isHidden()
    screenshot(window, "04_main_pegawai")
    window.act_my_skp.trigger()
    page = window.current_page()
    assert page is window.page(("employee", people.staff.employee_id))
    assert window.tabs.tabText(window.tabs.currentIndex())
    screenshot(window, "05_skp_saya")


def test_penilai_sees_bawahan_saya_and_cannot_open_another_units_staff(qtbot, controller, demo_db, people) -> None:
    """Bawahan Saya lists the penilai's direct subordinates with status; staff of another unit stay out of reach."""
    window = sign_in(qtbot, controller, people.penilai.username, people.penilai.username)
    assert window.navigation.keys() == [TASKS, MY_SKP, POHON, SCOPE_SUBORDINATES, SCOPE_ALL]
    assert window.scope() == SCOPE_SUBORDINATES
    expected = query_service.employee_rows(demo_db, people.penilai, DEMO_YEAR, "TW3",
                                           subordinates_of=people.penilai.employee_id)
    model = window.list_page.model
    assert sorted(model.row_object(r).id for r in range(model.rowCount())) == sorted(r.id for r in expected)
    assert people.staff.employee_id in {r.id for r in expected}
    assert "Pejabat Penilai Kinerja" in window.user_label.text()
    assert window.list_page.title_label.text() == "Bawahan Saya"
    screenshot(window, "06_main_penilai_bawahan")

    others = query_service.employee_rows(demo_db, people.admin, DEMO_YEAR, "TW3",
                                         subordinates_of=people.other_penilai.employee_id)
    stranger = others[0].id
    assert model.row_of(stranger) == -1  # not listed
    before = window.tabs.count()
    assert window.open_employee(stranger) is None or _page_is_placeholder(window)
    if window.tabs.count() == before:  # the page refused: the service's reason is shown
        box = _message_box()
        assert box is not None and "tidak" in box.text().lower()
        box.close()


def _page_is_placeholder(window) -> bool:
    from kinerja_desktop.ui.page_loader import PlaceholderPage

    return isinstance(window.current_page(), PlaceholderPage)


def _message_box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            return widget
    return None


def test_bawahan_saya_switches_to_semua_bawahan(qtbot, controller, people) -> None:
    window = sign_in(qtbot, controller, people.penilai.username, people.penilai.username)
    direct = window.list_page.model.rowCount()
    items = window.navigation.sections
    row = window.navigation.keys().index(SCOPE_ALL)
    with qtbot.waitSignal(window.list_loaded, timeout=10_000):
        items.setCurrentRow(row)
    assert window.scope() == SCOPE_ALL
    assert window.list_page.title_label.text() == "Semua Bawahan"
    assert window.list_page.model.rowCount() >= direct
    ids = {window.list_page.model.row_object(r).id for r in range(window.list_page.model.rowCount())}
    assert people.penilai.employee_id not in ids


def test_a_file_that_is_not_a_database_is_named_and_sign_in_stays_off(qtbot, tmp_path) -> None:
    from kinerja_desktop.ui.app import AppController

    bad = tmp_path / "rusak.sqlite"
    bad.write_text("bukan database")
    controller = AppController(str(bad))
    controller.start()
    try:
        form = controller.sign_in
        qtbot.waitUntil(form.error_label.isVisible, timeout=15_000)
        assert form.error_label.text().startswith(f"Database {bad} tidak dapat dibuka: file is not a database.")
        assert not form.sign_in_button.isEnabled()
        assert form.password_edit.property("invalid") is not True
        screenshot(form, "12_database_failed")
    finally:
        close_controller(controller)


def test_someone_else_signing_in_never_sees_the_last_users_list(qtbot, demo_db, people) -> None:
    """The list prepared for the last user of this PC is dropped when another person signs in."""
    preferences.put("session/last_username", "admin")
    controller = make_controller(qtbot, demo_db)
    try:
        window = sign_in(qtbot, controller, people.staff.username, people.staff.username)
        model = window.list_page.model
        assert [model.row_object(r).id for r in range(model.rowCount())] == [people.staff.employee_id]
        assert window.user.username == people.staff.username
    finally:
        close_controller(controller)


def test_through_the_app_a_pegawai_cannot_rate_and_a_penilai_can(qtbot, controller, people) -> None:
    """Role rules end to end: SKP Saya > Evaluasi shows the pegawai disabled rating controls; the penilai,
    opening the same employee from Bawahan Saya with the keyboard, gets them enabled (open period)."""
    from PySide6.QtWidgets import QComboBox

    from kinerja_desktop.ui.page_loader import employee_page_class
    from kinerja_desktop.ui.workers import wait_for_tasks

    if employee_page_class() is None:
        pytest.skip("employee pages are not in this build")

    def rating_combo(window, employee_id):
        page = window.page(("employee", employee_id))
        page.tabs.setCurrentIndex(2)  # Evaluasi
        wait_for_tasks(10_000)
        QApplication.processEvents()
        combo = page.findChild(QComboBox, "ratingHasil")
        assert combo is not None
        return combo

    window = sign_in(qtbot, controller, people.staff.username, people.staff.username)
    window.period_combo.setCurrentIndex(window.period_combo.findData("TW4"))
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not rating_combo(window, people.staff.employee_id).isEnabled()

    window.lock()
    with qtbot.waitSignal(controller.signed_out, timeout=10_000):
        window.lock_page.switch_button.click()
    window = sign_in(qtbot, controller, people.penilai.username, people.penilai.username)
    qtbot.waitUntil(lambda: window.period() == "TW4", timeout=5000)  # the period chosen on this PC stays
    qtbot.waitUntil(lambda: window.list_page.model.row_of(people.staff.employee_id) >= 0, timeout=10_000)
    assert window.list_page.select_employee(people.staff.employee_id)
    window.list_page.table.setFocus()
    qtbot.keyClick(window.list_page.table, Qt.Key.Key_Return)
    assert rating_combo(window, people.staff.employee_id).isEnabled()


def test_a_large_list_shows_its_first_screen_then_every_row_keeping_what_was_typed(
        qtbot, controller, demo_db, people, monkeypatch) -> None:
    """GIVEN a list longer than a first screen WHEN admin signs in THEN the first rows show at once, the
    rest follows in a worker, and a search, sort and open page made meanwhile survive its arrival."""
    import threading

    from kinerja_desktop.ui import main_window, session_tasks
    from kinerja_desktop.ui.models.employee_table_model import COL_NIP, search_key
    from kinerja_desktop.ui.models.employee_table_model import IdRole as RowId
    from kinerja_desktop.ui.models.unit_tree_model import CountRole

    monkeypatch.setattr(session_tasks, "FIRST_SCREEN_ROWS", 20)
    gate = threading.Event()  # holds the real rest-of-list task until the user has typed
    real = main_window.load_rest_task
    monkeypatch.setattr(main_window, "load_rest_task", lambda ctx, *args: gate.wait(10) and real(ctx, *args))
    everyone = query_service.employee_rows(demo_db, people.admin, DEMO_YEAR, "TW3")
    assert len(everyone) == 60
    try:
        window = sign_in(qtbot, controller, "admin", "admin")
        page = window.list_page
        assert page.model.rowCount() == 20 and not window.list_complete()
        assert page.count_label.text() == "20 pegawai · memuat…"
        root = window.navigation.unit_model.index(0, 0)
        assert root.data(CountRole) is None  # unit counts come with the whole list

        last = max(everyone, key=lambda r: r.name.casefold())  # not among the first 20 by name
        query = last.name.split()[-1]
        qtbot.keyClicks(page.search_edit, query)
        page.apply_search()
        page.table.sortByColumn(COL_NIP, Qt.SortOrder.DescendingOrder)
        assert page.proxy.rowCount() >= 1
        page.table.selectRow(0)
        chosen = page.current_employee_id()
        opened = window.open_employee(page.model.row_object(0).id)
        assert opened is not None
        gate.set()
        qtbot.waitUntil(window.list_complete, timeout=10_000)
    finally:
        gate.set()
    assert page.model.rowCount() == 60
    tokens = query.casefold().split()
    expected = [r for r in everyone if all(t in search_key(r.name, r.nip, r.jabatan or "") for t in tokens)]
    shown = [page.proxy.index(r, 0).data(RowId) for r in range(page.proxy.rowCount())]
    assert last.id in shown and sorted(shown) == sorted(r.id for r in expected)
    nips = [page.proxy.index(r, COL_NIP).data() for r in range(page.proxy.rowCount())]
    assert nips == sorted(nips, reverse=True)
    assert page.count_label.text() == f"{len(expected)} dari 60 pegawai"
    assert window.navigation.unit_model.index(0, 0).data(CountRole) == 60
    assert window.current_page() is opened
    assert page.current_employee_id() == chosen
    assert [i.data(RowId) for i in page.table.selectionModel().selectedRows()] == [chosen]
