"""Pohon kinerja (issue 14, item 5): from the navigation or an RHK's context menu, level by level, with the
keyboard; Enter opens the owner's SKP; search reveals a hit deep in the tree; the page fits 1366x768."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services import pohon_service
from kinerja_desktop.ui.navigation_pane import POHON
from kinerja_desktop.ui.pohon.pohon_model import COL_OWNER, COL_STATUS, PohonModel
from tests.gui.shell_helpers import IGNORE_SIZE_HINTS, SCREEN_SIZE, screenshot, sign_in, themed_app  # noqa: F401
from tests.gui.test_screen_fit import assert_fits
from tests.helpers.fixtures import DEMO_YEAR

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("themed_app")]


def _open_from_navigation(qtbot, window):
    nav = window.navigation
    nav.sections.setCurrentRow(nav.keys().index(POHON))
    qtbot.waitUntil(lambda: window.current_page().objectName() == "pohonPage", timeout=10_000)
    return window.current_page()


def test_model_passes_the_model_tester_while_levels_load(qtbot, qtmodeltester, demo_db, people) -> None:
    loads: list[list[str]] = []

    def load(ids):
        loads.append(list(ids))
        return pohon_service.children(demo_db, people.admin, DEMO_YEAR, ids)

    model = PohonModel(load)
    model.set_roots(pohon_service.roots(demo_db, people.admin, DEMO_YEAR))
    top = model.index(0, 0)
    assert model.hasChildren(top) and model.rowCount(top) == 0 and model.canFetchMore(top)
    qtmodeltester.check(model)  # fetches as a view would
    model.fetchMore(top)
    assert model.rowCount(top) == model.node(top).children and loads
    child = model.index(0, 0, top)
    assert model.parent(child) == top and model.node(child).parent_rhk_id == model.node(top).rhk_id
    model.fetchMore(child)
    qtmodeltester.check(model)
    assert loads.count([model.node(top).rhk_id]) == 1, "a level is read once"


def test_penilai_walks_the_tree_with_the_keyboard_and_opens_a_staff_skp(qtbot, controller, people) -> None:
    window = sign_in(qtbot, controller, people.penilai.username, people.penilai.username)
    window.resize(*SCREEN_SIZE)
    page = _open_from_navigation(qtbot, window)
    tree, model = page.tree, page.model
    own = pohon_service.roots(controller.db, people.penilai, DEMO_YEAR)
    assert [model.node(model.index(r, 0)).rhk_id for r in range(model.rowCount())] == [n.rhk_id for n in own]
    # the first RHK with something below it, reached with the arrow keys and opened with Right
    tree.setFocus()
    target = next(r for r in range(model.rowCount()) if model.node(model.index(r, 0)).children)
    tree.setCurrentIndex(model.index(0, 0))
    for _ in range(target):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    top = tree.currentIndex()
    assert top.row() == target
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert tree.isExpanded(top) and model.rowCount(top) == model.node(top).children
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    staff_index = tree.currentIndex()
    staff = model.node(staff_index)
    assert staff is not None and staff.parent_rhk_id == model.node(top).rhk_id
    assert model.index(staff_index.row(), COL_OWNER, top).data() == staff.owner_name
    assert model.index(staff_index.row(), COL_STATUS, top).data() in ("Draf", "Diajukan", "Dikembalikan",
                                                                      "Disetujui")
    assert page.isVisible() and not tree.horizontalScrollBar().isVisible()
    assert_fits(window, page, "pohon_penilai", [page.open_button, page.collapse_button])
    qtbot.keyClick(tree, Qt.Key.Key_Left)  # to the parent ...
    qtbot.keyClick(tree, Qt.Key.Key_Left)  # ... and closed
    assert not tree.isExpanded(top)
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    opened = window.current_page()
    assert opened.header.employee_id == staff.owner_id


def test_admin_finds_a_staff_rhk_four_levels_down(qtbot, controller, people) -> None:
    window = sign_in(qtbot, controller, "admin", "admin")
    window.resize(*SCREEN_SIZE)
    page = _open_from_navigation(qtbot, window)
    staff_rhk = pohon_service.roots(controller.db, people.admin, DEMO_YEAR, employee_id=people.staff.employee_id)[0]
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus() or not window.isActiveWindow()
    qtbot.keyClicks(page.search_edit, people.staff.username)  # the NIP
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.search_label.text().endswith(tuple("0123456789")), timeout=15_000)
    found = page.current_node()
    assert found is not None and found.owner_id == people.staff.employee_id
    path = pohon_service.node_path(controller.db, people.admin, DEMO_YEAR, found.rhk_id)
    assert len(path) >= 3, "the demo staff sits at least three levels below the top"
    index = page.tree.currentIndex()
    up = index.parent()
    while up.isValid():
        assert page.tree.isExpanded(up)
        up = up.parent()
    assert found.rhk_id in {staff_rhk.rhk_id, *(h[-1] for h in page._hits)}
    screenshot(window, "pohon_admin_cari")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_F3)
    assert page.search_label.text().startswith("2 dari") or page.search_label.text() == "1 dari 1"
    page.search_edit.setText("tidak ada rhk seperti ini")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.search_label.text() == "Tidak ditemukan", timeout=15_000)


def test_rhk_context_menu_opens_the_tree_from_that_rhk(qtbot, controller, demo_db, people) -> None:
    window = sign_in(qtbot, controller, people.penilai.username, people.penilai.username)
    window.resize(*SCREEN_SIZE)
    window.open_my_skp()
    editor = window.current_page().plan_editor
    plan = ps.get_plan(demo_db, people.penilai, editor.controller.plan_id)
    rhk = next(r for r in plan.rhk if pohon_service.roots(demo_db, people.penilai, DEMO_YEAR, rhk_id=r.id)[0].children)
    menu = editor.row_menu(editor.model.index_for(rhk.id, 0))
    assert menu is not None and editor.row_menu(editor.model.index(0, 0)) is None  # a group row has none
    (action,) = [a for a in menu.actions() if a.text() == "Lihat Pohon Kinerja"]
    action.trigger()
    menu.close()
    page = window.current_page()
    assert page.objectName() == "pohonPage"
    assert page.model.rowCount() == 1 and page.current_node().rhk_id == rhk.id
    assert page.tree.isExpanded(page.model.index(0, 0))  # one start: its level is shown at once
    assert page.model.rowCount(page.model.index(0, 0)) == page.current_node().children
    screenshot(window, "pohon_dari_rhk")


def test_intervensi_choices_name_the_indicators(demo_db, people) -> None:
    u = people.drafter
    plain = ps.supervisor_rhk_options(demo_db, u, people.drafter_plan_id)
    labelled = ps.supervisor_rhk_options(demo_db, u, people.drafter_plan_id, with_indicators=True)
    assert [i for i, _ in labelled] == [i for i, _ in plain]
    parent = pohon_service.roots(demo_db, people.admin, DEMO_YEAR, rhk_id=plain[0][0])[0]
    assert labelled[0][1] == f"{plain[0][1]} — IKI: {'; '.join(parent.indicators)}"
