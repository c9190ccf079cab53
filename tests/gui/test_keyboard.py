"""The keyboard: Ctrl+N / Ctrl+I wherever the focus is in the SKP editor, Tab moves between cells,
Ctrl+S saves the cell being typed, and the shortcut list names every key (Ctrl+P, F6, the editor's)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.ui.plan_editor.rhk_tree_model import RHK
from tests.gui.shell_helpers import IGNORE_SIZE_HINTS, SCREEN_SIZE, screenshot, sign_in, themed_app  # noqa: F401

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("themed_app")]


@pytest.fixture
def drafter_editor(qtbot, controller, people):
    window = sign_in(qtbot, controller, people.drafter.username, people.drafter.username)
    window.resize(*SCREEN_SIZE)
    page = window.open_employee(people.drafter.employee_id)
    qtbot.waitUntil(lambda: page.plan_editor is not None)
    return window, page.plan_editor


def rhk_count(db, people) -> int:
    return len(ps.get_plan(db, people.drafter, people.drafter_plan_id).rhk)


def test_ctrl_n_and_ctrl_i_work_from_a_button(qtbot, demo_db, people, drafter_editor) -> None:
    window, editor = drafter_editor
    before = rhk_count(demo_db, people)
    editor.workflow.submit.setFocus()  # not in the tree: the shortcuts used to need a click into it
    qtbot.keyClick(editor.workflow.submit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert rhk_count(demo_db, people) == before + 1
    new_id = editor.controller.last_added
    editor.tool_buttons["add_utama"].setFocus()
    qtbot.keyClick(editor.tool_buttons["add_utama"], Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    rhk = next(r for r in ps.get_plan(demo_db, people.drafter, people.drafter_plan_id).rhk if r.id == new_id)
    assert len(rhk.indicators) == 1


def test_tab_moves_between_cells_and_ctrl_s_saves_the_cell(qtbot, demo_db, people, drafter_editor) -> None:
    window, editor = drafter_editor
    tree, model = editor.tree, editor.model
    first = editor.controller.plan.rhk[0]
    start = model.index_for(first.id, model.column_of(RHK))
    tree.setCurrentIndex(start)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Tab)
    assert tree.hasFocus() and tree.currentIndex() != start  # still in the grid, one cell on
    tree.setCurrentIndex(start)
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    cell = tree.indexWidget(start)
    qtbot.keyClick(cell, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(cell, " (Ctrl+S)")
    qtbot.keyClick(cell, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = next(r for r in ps.get_plan(demo_db, people.drafter, people.drafter_plan_id).rhk if r.id == first.id)
    assert saved.text.endswith(" (Ctrl+S)")
    assert window.statusBar().currentMessage() == "Semua isian tersimpan."


def test_the_shortcut_list_names_every_key(qtbot, drafter_editor) -> None:
    window, _editor = drafter_editor
    qtbot.waitUntil(lambda: "kinerja_desktop.ui.print.install" in window.integrations
                    and "kinerja_desktop.ui.sync.install" in window.integrations, timeout=30_000)
    keys = {k for _what, k in window.shortcut_rows()}
    for expected in ("Ctrl+P", "F6", "Ctrl+S", "Ctrl+N; Ctrl+I", "F2", "Ctrl+F", "Ctrl+L"):
        assert any(expected in k for k in keys), expected
    assert "&Simpan Isian" in [a.text() for a in window.menu("file").actions()]
    window.show_shortcuts()
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    screenshot(box, "pintasan_keyboard", size=(box.width(), box.height()))
    assert box.height() <= 688 and box.width() <= 1350  # fits a 1366x768 screen with its taskbar
    box.close()
