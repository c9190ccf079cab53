"""The main window driven like a user: search, units, periods, lock, switch user, hooks, layout memory."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from kinerja_desktop.services import query_service
from kinerja_desktop.ui import preferences
from kinerja_desktop.ui.models.employee_table_model import COL_EVAL, IdRole
from kinerja_desktop.ui.session_tasks import SCOPE_ALL, SCOPE_SELF
from kinerja_desktop.ui.workers import wait_for_tasks
from tests.gui.shell_helpers import (
    IGNORE_SIZE_HINTS,
    screenshot,
    sign_in,
    themed_app,  # noqa: F401 - fixture
)
from tests.helpers.fixtures import DEMO_YEAR

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("themed_app")]


@pytest.fixture
def admin_window(qtbot, controller):
    return sign_in(qtbot, controller, "admin", "admin")


def visible_names(window) -> list[str]:
    proxy = window.list_page.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_search_as_you_type_then_enter_opens_the_employee(qtbot, admin_window, demo_db, people) -> None:
    """Ctrl+F, type part of a name, Enter on the single match: the employee opens in a tab; Ctrl+W closes it."""
    window = admin_window
    staff = next(r for r in query_service.employee_rows(demo_db, people.admin, DEMO_YEAR, "TW3")
                 if r.id == people.staff.employee_id)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.list_page.search_edit
    assert search.hasFocus() or not window.isActiveWindow()
    qtbot.keyClicks(search, staff.nip[:12])
    qtbot.waitUntil(lambda: window.list_page.proxy.rowCount() < 60, timeout=5000)
    assert staff.name in visible_names(window)
    search.clear()
    qtbot.keyClicks(search, staff.nip)
    qtbot.waitUntil(lambda: window.list_page.proxy.rowCount() == 1, timeout=5000)
    assert window.list_page.count_label.text() == "1 dari 60 pegawai"
    qtbot.keyClick(search, Qt.Key.Key_Return)
    key = ("employee", staff.id)
    assert window.page(key) is window.current_page()
    screenshot(window, "07_employee_opened_from_search")
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.page(key) is None and window.current_page() is window.list_page


def test_no_match_says_so_and_escape_clears(qtbot, admin_window) -> None:
    window = admin_window
    search = window.list_page.search_edit
    qtbot.keyClicks(search, "zzzz tidak ada")
    qtbot.waitUntil(lambda: window.list_page.proxy.rowCount() == 0, timeout=5000)
    assert window.list_page.empty_label.isVisible()
    assert "zzzz tidak ada" in window.list_page.empty_label.text()
    screenshot(window, "08_search_no_match")
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == "" and window.list_page.proxy.rowCount() == 60


def test_finding_a_unit_by_name_in_the_tree(qtbot, admin_window, qtmodeltester) -> None:
    """Typing in "Cari unit kerja" keeps matching units and the path to them; choosing one filters the list."""
    nav = admin_window.navigation
    qtbot.keyClicks(nav.unit_filter_edit, "arsip")
    proxy = nav.unit_proxy
    qtmodeltester.check(proxy)
    matches = []

    def walk(parent):
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            if "arsip" in index.data().lower():
                matches.append(index)
            walk(index)

    walk(QModelIndex())
    assert matches and all(nav.unit_tree.isExpanded(m.parent()) for m in matches if m.parent().isValid())
    nav.unit_tree.setCurrentIndex(matches[0])
    assert admin_window.list_page.title_label.text() == matches[0].data()
    assert 0 < admin_window.list_page.proxy.rowCount() < 60
    nav.unit_filter_edit.clear()
    assert proxy.rowCount() == nav.unit_model.rowCount()


def test_keyboard_down_from_search_moves_into_the_list(qtbot, admin_window) -> None:
    window = admin_window
    search = window.list_page.search_edit
    qtbot.keyClicks(search, "pengolah")
    qtbot.keyClick(search, Qt.Key.Key_Down)
    table = window.list_page.table
    assert table.currentIndex().isValid() and table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_Down)
    second = table.currentIndex().data(IdRole)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.current_page() is window.page(("employee", second))


def test_choosing_a_unit_shows_its_employees_and_those_below(qtbot, admin_window, demo_db, people) -> None:
    window = admin_window
    model = window.navigation.unit_model
    dinas = model.index(0, 0, model.index(0, 0))  # first unit below the root
    window.navigation.select_unit(dinas.data(IdRole))
    unit_ids = query_service.descendant_unit_ids(demo_db, dinas.data(IdRole))
    expected = query_service.employee_rows(demo_db, people.admin, DEMO_YEAR, "TW3", unit_ids=unit_ids)
    assert sorted(visible_names(window)) == sorted(r.name for r in expected)
    assert window.list_page.title_label.text() == dinas.data()
    assert window.list_page.count_label.text() == f"{len(expected)} dari 60 pegawai"
    screenshot(window, "09_unit_selected")
    window.navigation.sections.setCurrentRow(window.navigation.keys().index(SCOPE_ALL))  # Semua Pegawai
    assert window.list_page.proxy.rowCount() == 60


def test_changing_the_period_reloads_the_statuses(qtbot, admin_window, people) -> None:
    """Triwulan IV is not evaluated in the demo: after choosing it every evaluation reads Belum."""
    window = admin_window
    page = window.open_employee(people.staff.employee_id)
    window.tabs.setCurrentWidget(window.list_page)
    combo = window.period_combo
    combo.setFocus()
    target = combo.findData("TW4")
    with qtbot.waitSignal(window.list_loaded, timeout=10_000):
        with qtbot.waitSignal(window.context_changed) as changed:
            combo.setCurrentIndex(target)
    assert changed.args == [DEMO_YEAR, "TW4"]
    proxy = window.list_page.proxy
    assert {proxy.index(r, COL_EVAL).data() for r in range(proxy.rowCount())} == {"Belum"}
    assert preferences.get("view/period") == "TW4"
    assert getattr(page, "period", "TW4") == "TW4"  # open pages follow the period
    with qtbot.waitSignal(window.list_loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)


def test_lock_hides_everything_until_the_password_is_given(qtbot, admin_window) -> None:
    window = admin_window
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked()
    assert window.stack.currentWidget() is window.lock_page
    assert not window.menuBar().isEnabled() and not window.act_search.isEnabled()
    screenshot(window, "10_locked")
    lock = window.lock_page
    qtbot.keyClicks(lock.password_edit, "keliru")
    qtbot.keyClick(lock.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lock.error_label.isVisible, timeout=10_000)
    assert lock.error_label.text() == "Nama pengguna atau kata sandi salah."
    assert window.is_locked()
    lock.password_edit.clear()
    qtbot.keyClicks(lock.password_edit, "admin")
    with qtbot.waitSignal(window.locked_changed, timeout=10_000) as unlocked:
        qtbot.keyClick(lock.password_edit, Qt.Key.Key_Return)
    assert unlocked.args == [False]
    assert window.stack.currentWidget() is window.splitter and window.act_search.isEnabled()


def test_idle_time_locks_the_screen(qtbot, admin_window) -> None:
    window = admin_window
    window.idle_watcher.set_minutes(0.004)  # a quarter of a second
    with qtbot.waitSignal(window.locked_changed, timeout=10_000) as locked:
        pass
    assert locked.args == [True] and window.is_locked()


def test_switch_user_from_the_lock_screen(qtbot, controller, admin_window, people) -> None:
    """Ganti Pengguna: back to an empty sign-in; the next person gets their own window."""
    first = admin_window
    first.lock()
    with qtbot.waitSignal(controller.signed_out, timeout=10_000):
        qtbot.mouseClick(first.lock_page.switch_button, Qt.MouseButton.LeftButton)
    assert controller.sign_in.isVisible() and controller.main_window is None
    assert controller.sign_in.username_edit.text() == "" and controller.sign_in.password_edit.text() == ""
    second = sign_in(qtbot, controller, people.staff.username, people.staff.username)
    assert second is not first
    assert second.scope() == SCOPE_SELF and second.user.username == people.staff.username


def test_menu_hooks_for_other_parts_of_the_gui(qtbot, admin_window) -> None:
    """add_menu_action places new menus in order; set_sync_state drives the status bar label."""
    window = admin_window
    qtbot.waitUntil(lambda: len(window.integrations) >= 2, timeout=15_000)  # print and signing add themselves
    assert window.integrations[:2] == ["kinerja_desktop.ui.print.install", "kinerja_desktop.ui.signing.install"]
    hits: list[str] = []
    act = QAction("Cetak SKP…", window)
    act.triggered.connect(lambda: hits.append("cetak"))
    window.add_menu_action("documents", act, toolbar=True)
    sync = QAction("Sinkronkan Sekarang", window)
    window.add_menu_action("sync", sync)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Berkas", "&Lihat", "&Pegawai", "&Dokumen", "&Sinkronisasi", "&Alat", "Ban&tuan"]
    assert act in window.toolbar.actions()
    act.trigger()
    assert hits == ["cetak"]
    window.set_sync_state("Sinkron 10.15", "Terakhir sinkron pukul 10.15")
    assert window.sync_label.text() == "Sinkron 10.15"
    assert window.sync_label.toolTip() == "Terakhir sinkron pukul 10.15"


def test_window_layout_is_remembered(qtbot, controller, admin_window) -> None:
    window = admin_window
    window.resize(780, 560)  # the offscreen screen is 800x600: stay inside it
    window.splitter.setSizes([300, 470])
    window.list_page.table.setColumnWidth(0, 333)
    window_sizes = window.splitter.sizes()
    window.lock()
    with qtbot.waitSignal(controller.signed_out, timeout=10_000):
        window.lock_page.switch_button.click()
    assert not preferences.get("window/geometry").isEmpty()
    again = sign_in(qtbot, controller, "admin", "admin")
    assert (again.size().width(), again.size().height()) == (780, 560)
    assert again.list_page.table.columnWidth(0) == 333
    assert again.splitter.sizes()[0] == window_sizes[0]


def test_open_unit_view_from_the_tree(qtbot, admin_window, people) -> None:
    window = admin_window
    model = window.navigation.unit_model
    unit = model.index(0, 0)
    window.navigation.select_unit(unit.data(IdRole))
    window.act_unit_view.trigger()
    page = window.page(("unit", unit.data(IdRole)))
    assert page is not None and window.current_page() is page
    wait_for_tasks(10_000)  # the page loads its figures in a worker
    QApplication.processEvents()
    screenshot(window, "11_unit_view")
    wants = getattr(page, "employee_open_requested", None)
    if wants is not None:  # a unit view asks the window to open one of its employees
        wants.emit(people.staff.employee_id)
        assert window.current_page() is window.page(("employee", people.staff.employee_id))


def test_ctrl_click_selects_several_employees_for_cetak(qtbot, admin_window) -> None:
    """Ctrl+click adds rows to the selection, so "Cetak" can print a chosen group of employees."""
    window = admin_window
    wait_for_tasks()
    qtbot.waitUntil(lambda: window.list_page.proxy.rowCount() == 60, timeout=10_000)
    table = window.list_page.table
    for row, modifier in ((0, Qt.KeyboardModifier.NoModifier), (2, Qt.KeyboardModifier.ControlModifier),
                          (4, Qt.KeyboardModifier.ControlModifier)):
        rect = table.visualRect(table.model().index(row, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    chosen = {i.data(IdRole) for i in table.selectionModel().selectedRows()}
    assert len(chosen) == 3
    from kinerja_desktop.ui.print.install import install_printing

    assert set(install_printing(window).targets().selection) == chosen
