"""SKP workflow through the widgets: Ajukan, Kembalikan with a note, Setujui, Revisi; Ekspektasi
Khusus Pimpinan by the penilai; who may open whose SKP."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.ui.employee_page import TAB_EVALUASI, TAB_REALISASI, TAB_SKP, EmployeePage
from kinerja_desktop.ui.form_support.autosave import AutosaveTextEdit
from kinerja_desktop.ui.form_support.messages import balloon_for
from kinerja_desktop.ui.plan_editor.rhk_tree_model import RHK
from kinerja_desktop.ui.plan_editor.workflow_bar import ReturnNoteDialog
from tests.gui.form_helpers import QT_LOG_IGNORE, accept_step, edit_cell, penilai_of_plan, screenshot, show

pytestmark = QT_LOG_IGNORE
YEAR = 2026


def page_for(qtbot, db, user, employee_id):
    page = EmployeePage(db, user, employee_id, YEAR, "TW1")
    return show(qtbot, page)


def status(db, people):
    return ps.get_plan(db, people.drafter, people.drafter_plan_id).status


def test_submit_return_resubmit_approve_revise(qtbot, demo_db, people):
    """The whole plan cycle driven by clicking, as the pegawai and the penilai would."""
    drafter = people.drafter
    penilai = penilai_of_plan(demo_db, drafter, people.drafter_plan_id)
    page = page_for(qtbot, demo_db, drafter, drafter.employee_id)
    editor = page.plan_editor

    # An empty RHK stops Ajukan, with the message at that row.
    editor.add_rhk("UTAMA")
    empty_id = editor.controller.last_added
    editor.tree.setFocus()  # leaves the new (empty) cell editor without typing
    editor.workflow.submit.click()
    assert status(demo_db, people) == "DRAFT"
    assert "masih kosong" in balloon_for(editor).message()
    assert "masih kosong" in editor.notice.text()
    screenshot(page, "skp_ajukan_ditolak_rhk_kosong")
    editor.tree.setCurrentIndex(editor.model.index_for(empty_id, editor.model.column_of(RHK)))
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete)

    editor.workflow.submit.click()
    assert status(demo_db, people) == "DRAFT"  # not before the pegawai confirms
    accept_step(qtbot, editor, expect="Semua isian sudah lengkap", shot="skp_ajukan_konfirmasi")
    assert status(demo_db, people) == "SUBMITTED"
    assert "telah diajukan" in editor.notice.text()
    assert not editor.controller.editable and editor.workflow.submit.isHidden()

    review_page = page_for(qtbot, demo_db, penilai, drafter.employee_id)
    review = review_page.plan_editor
    assert not review.workflow.approve.isHidden() and not review.workflow.return_.isHidden()
    review.sections.setCurrentIndex(1)
    AutosaveTextEdit.DEBOUNCE_MS, old = 30, AutosaveTextEdit.DEBOUNCE_MS
    try:
        field = review.perilaku.edits[BERAKHLAK[0].code]
        field.setFocus()
        qtbot.keyClicks(field, "Menanggapi pengaduan paling lambat 2 hari kerja")
        qtbot.waitUntil(lambda: ps.get_plan(demo_db, penilai, people.drafter_plan_id).expectations[BERAKHLAK[0].code]
                        == "Menanggapi pengaduan paling lambat 2 hari kerja")
    finally:
        AutosaveTextEdit.DEBOUNCE_MS = old
    screenshot(review.window(), "skp_penilai_perilaku")

    review.workflow.return_.click()
    dialog = review.findChild(ReturnNoteDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.note, "Target RHK 2 belum terukur; tambahkan satuan.")
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    plan = ps.get_plan(demo_db, drafter, people.drafter_plan_id)
    assert (plan.status, plan.review_note) == ("RETURNED", "Target RHK 2 belum terukur; tambahkan satuan.")

    again_page = page_for(qtbot, demo_db, drafter, drafter.employee_id)
    again = again_page.plan_editor
    assert "Target RHK 2 belum terukur" in again.notice.text() and again.notice.kind == "warning"
    assert again.controller.editable
    screenshot(again.window(), "skp_dikembalikan")
    first = plan.rhk[0]
    edit_cell(qtbot, again.tree, again.model.index_for(first.id, again.model.column_of(RHK)), first.text + " (revisi)")
    again.workflow.submit.click()
    accept_step(qtbot, again)
    assert status(demo_db, people) == "SUBMITTED"

    review.controller.reload()
    review.refresh()
    review.workflow.approve.click()
    assert status(demo_db, people) == "SUBMITTED"  # Setujui asks first
    accept_step(qtbot, review, expect="Ekspektasi Khusus Pimpinan belum ditulis untuk 6 dari 7",
                shot="skp_setujui_konfirmasi")
    assert status(demo_db, people) == "APPROVED"
    assert "disetujui" in review.notice.text()

    again.controller.reload()
    again.refresh()
    assert not again.controller.editable and not again.workflow.revise.isHidden()
    again.workflow.revise.click()
    versions = ps.plan_versions(demo_db, drafter, drafter.employee_id, YEAR)
    assert [(v[1], v[2]) for v in versions] == [(2, "DRAFT"), (1, "APPROVED")]
    assert again.controller.plan.version == 2 and again.controller.editable
    assert again.workflow.version.count() == 2 and not again.workflow.version.isHidden()
    screenshot(again.window(), "skp_revisi_versi_2")

    # The old version stays as it was and is read-only when chosen.
    again.workflow.version.setFocus()
    qtbot.keyClick(again.workflow.version, Qt.Key.Key_Down)
    assert again.controller.plan.version == 1 and not again.controller.editable
    assert "versi lama" in again.notice.text()


def test_penilai_of_another_unit_cannot_open_staff(qtbot, demo_db, people):
    """A penilai of another unit is refused the page (the main window shows the message)."""
    with pytest.raises(PermissionDenied) as refused:
        EmployeePage(demo_db, people.other_penilai, people.staff.employee_id, YEAR, "TW1")
    assert "tidak dapat melihat SKP" in str(refused.value)


def test_tabs_open_lazily_and_follow_plan_changes(qtbot, demo_db, people):
    """Realisasi and Evaluasi are built on first view; tabs added by other parts too (add_lazy_tab)."""
    page = page_for(qtbot, demo_db, people.staff, people.staff.employee_id)
    assert page.realisation_page is None and page.evaluation_page is None
    page.show_tab(TAB_REALISASI)
    assert page.realisation_page is not None
    page.show_tab(TAB_EVALUASI)
    assert page.evaluation_page is not None
    built = []
    tab = page.add_lazy_tab(lambda parent: built.append(QLabel("Cetak", parent)) or built[-1], "Cetak")
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Cetak" and not built and tab.content is None
    assert page.show_lazy_tab(tab) is built[0] and tab.content is built[0]
    page.show_tab(TAB_SKP)
    page.show_lazy_tab(tab)
    assert len(built) == 1  # once
    page.set_period("TW2")
    assert page.evaluation_page.controller.period == "TW2"
    assert page.realisation_page.period.code() == "TW2"
    QApplication.processEvents()


def test_employee_without_plan_can_start_one(qtbot, demo_db, people):
    """With no SKP for the year the employee sees 'Buat SKP'; clicking it opens the editor."""
    user, next_year = people.drafter, YEAR + 1
    page = show(qtbot, EmployeePage(demo_db, user, user.employee_id, next_year, "TW1"))
    assert page.plan_editor is None and not page.tabs.isTabEnabled(TAB_REALISASI)
    screenshot(page, "skp_belum_ada")
    page.no_plan_panel.create.click()
    assert page.plan_editor is not None and page.plan_editor.controller.editable
    assert ps.current_plan_id(demo_db, user.employee_id, next_year) == page.plan_id
    assert ps.get_plan(demo_db, user, page.plan_id).pendekatan == "KUANTITATIF"
