"""Tugas: the navigation counts what waits, the page lists it, Enter opens the right page; locking the
screen hides every window of the app (issue 14, item 5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.ui.employee_page import TAB_EVALUASI, TAB_SKP
from kinerja_desktop.ui.navigation_pane import TASKS
from tests.gui.form_helpers import penilai_of_plan
from tests.gui.shell_helpers import IGNORE_SIZE_HINTS, SCREEN_SIZE, screenshot, sign_in, themed_app  # noqa: F401

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("themed_app")]


def task_entry(window):
    return window.navigation.sections.item(window.navigation.keys().index(TASKS))


def test_the_penilai_sees_a_submitted_skp_and_opens_it_from_tugas(qtbot, controller, demo_db, people) -> None:
    ps.submit_plan(demo_db, people.drafter, people.drafter_plan_id)
    penilai = penilai_of_plan(demo_db, people.drafter, people.drafter_plan_id)
    window = sign_in(qtbot, controller, penilai.username, penilai.username)
    window.resize(*SCREEN_SIZE)
    qtbot.waitUntil(lambda: task_entry(window).text().startswith("Tugas ("), timeout=15_000)
    count = int(task_entry(window).text().removeprefix("Tugas (").rstrip(")"))
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    qtbot.waitUntil(lambda: page.model.rowCount() == count, timeout=15_000)
    titles = [page.model.item(r) for r in range(page.model.rowCount())]
    waiting = [i for i in titles if i.kind == "setujui_skp"]
    assert [i.employee_id for i in waiting] == [people.drafter.employee_id]
    assert page.summary.text() == f"{count} tugas menunggu Anda"
    screenshot(window, "tugas_penilai")
    page.table.setCurrentIndex(page.model.index(titles.index(waiting[0]), 0))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    opened = window.current_page()
    assert opened.header.plan_id == people.drafter_plan_id and opened.tabs.currentIndex() == TAB_SKP
    assert not opened.plan_editor.workflow.approve.isHidden()


def test_an_open_evaluation_opens_on_the_evaluasi_tab(qtbot, controller, people) -> None:
    window = sign_in(qtbot, controller, people.penilai.username, people.penilai.username)
    window.period_combo.setCurrentIndex(window.period_combo.findData("TW4"))  # the period still open
    page = window.open_tasks()

    def open_evaluations() -> list[int]:
        return [r for r in range(page.model.rowCount()) if page.model.item(r).kind == "isi_evaluasi"]

    qtbot.waitUntil(lambda: bool(open_evaluations()), timeout=15_000)
    row = open_evaluations()[0]
    item = page.model.item(row)
    page.item_activated.emit(item)
    opened = window.current_page()
    assert opened.tabs.currentIndex() == TAB_EVALUASI and window.period() == item.period


def test_locking_hides_every_window_of_the_app(qtbot, controller, people) -> None:
    window = sign_in(qtbot, controller, people.staff.username, people.staff.username)
    preview = QMainWindow(window)  # as the print preview is: a window of its own, owned by the main window
    preview.setWindowTitle("Pratinjau")
    preview.show()
    qtbot.waitExposed(preview)
    window.lock()
    assert not preview.isVisible()
    lock = window.lock_page
    qtbot.keyClicks(lock.password_edit, people.staff.username)
    with qtbot.waitSignal(window.locked_changed, timeout=10_000):
        qtbot.keyClick(lock.password_edit, Qt.Key.Key_Return)
    assert preview.isVisible()


def test_signing_the_employee_selected_in_the_list(qtbot, controller, people) -> None:
    """Dokumen > Tanda Tangani… asks which document, then signs for the row selected in the list."""
    from PySide6.QtWidgets import QInputDialog

    from kinerja_desktop.ui.signing.sign_dialog import SignDialog

    window = sign_in(qtbot, controller, people.penilai.username, people.penilai.username)
    qtbot.waitUntil(lambda: hasattr(window, "_signing"), timeout=30_000)
    assert window.list_page.select_employee(people.staff.employee_id)
    ask = window._signing.ask_kind()
    assert isinstance(ask, QInputDialog) and ask.isVisible()
    screenshot(ask, "tanda_tangani_pilih_dokumen", size=(ask.width(), ask.height()))
    ask.setTextValue("Evaluasi Kinerja")
    ask.accept()
    dialog = next(d for d in window.findChildren(SignDialog) if d.isVisible())
    assert dialog.target.employee_id == people.staff.employee_id and dialog.target.kind == "evaluasi"
    assert dialog.role == "penilai"
    dialog.close()


def test_the_tasks_follow_a_workflow_step_on_an_open_page(qtbot, controller, demo_db, people) -> None:
    """Approving from the SKP page (not the list) updates the tasks without going back to the list."""
    from tests.gui.form_helpers import accept_step

    ps.submit_plan(demo_db, people.drafter, people.drafter_plan_id)
    penilai = penilai_of_plan(demo_db, people.drafter, people.drafter_plan_id)
    window = sign_in(qtbot, controller, penilai.username, penilai.username)

    def waiting_approval() -> set[str]:
        return {i.employee_id for i in window._task_items or [] if i.kind == "setujui_skp"}

    qtbot.waitUntil(lambda: people.drafter.employee_id in waiting_approval(), timeout=15_000)
    page = window.open_employee(people.drafter.employee_id)
    page.plan_editor.workflow.approve.click()
    accept_step(qtbot, page.plan_editor)
    assert window.current_page() is page  # still on the SKP page
    qtbot.waitUntil(lambda: people.drafter.employee_id not in waiting_approval(), timeout=15_000)
