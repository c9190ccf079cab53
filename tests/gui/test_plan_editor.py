"""SKP editor driven as a user would: typing in cells, keyboard, drag-and-drop; each edit lands in
the database at once and can be undone."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox

from kinerja_desktop.domain.kepegawaian import JenisRhk, LampiranKind
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.store.db import open_database
from kinerja_desktop.ui.employee_page import EmployeePage
from kinerja_desktop.ui.form_support.delegates import CellTextEdit
from kinerja_desktop.ui.form_support.messages import balloon_for
from kinerja_desktop.ui.plan_editor.rhk_tree_model import IKI, INTERVENSI, RHK, TARGET
from tests.gui.form_helpers import QT_LOG_IGNORE, edit_cell, screenshot, show

pytestmark = QT_LOG_IGNORE
YEAR = 2026


def open_drafter(qtbot, demo_db, people):
    """The drafter's own page (a DRAFT plan, editable)."""
    assert people.drafter is not None
    page = EmployeePage(demo_db, people.drafter, people.drafter.employee_id, YEAR, "TW1")
    show(qtbot, page)
    return page, page.plan_editor


def plan(db, people):
    return ps.get_plan(db, people.drafter, people.drafter_plan_id)


def test_models_pass_qtmodeltester(qtbot, qtmodeltester, demo_db, people):
    """The RHK tree model and the three lampiran list models are well-behaved Qt models."""
    _page, editor = open_drafter(qtbot, demo_db, people)
    qtmodeltester.check(editor.model)
    for column in editor.lampiran.columns.values():
        qtmodeltester.check(column.model)


def test_typing_in_cells_saves_each_edit_and_undo_redo(qtbot, demo_db, people):
    """RHK text, indicator text and target typed in cells are saved at once; Ctrl+Z / Ctrl+Y walk back and forth."""
    page, editor = open_drafter(qtbot, demo_db, people)
    screenshot(page, "skp_editor_draft")
    model, tree = editor.model, editor.tree
    first = plan(demo_db, people).rhk[0]
    ind = first.indicators[0]

    edit_cell(qtbot, tree, model.index_for(first.id, model.column_of(RHK)), "Tersusunnya laporan keuangan tepat waktu")
    edit_cell(qtbot, tree, model.index_for(ind.id, model.column_of(IKI)), "Jumlah laporan keuangan yang disusun")
    edit_cell(qtbot, tree, model.index_for(ind.id, model.column_of(TARGET)), "1.250 berkas")
    saved = plan(demo_db, people)
    assert saved.rhk[0].text == "Tersusunnya laporan keuangan tepat waktu"
    assert saved.rhk[0].indicators[0].text == "Jumlah laporan keuangan yang disusun"
    assert (saved.rhk[0].indicators[0].target_value, saved.rhk[0].indicators[0].target_unit) == (1250, "berkas")
    assert model.index_for(ind.id, model.column_of(TARGET)).data() == "1250 berkas"

    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert plan(demo_db, people).rhk[0].indicators[0].target_display == ind.target_display
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert plan(demo_db, people).rhk[0].indicators[0].text == ind.text
    qtbot.keyClick(tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert plan(demo_db, people).rhk[0].indicators[0].text == "Jumlah laporan keuangan yang disusun"
    editor.workflow.undo.click()
    editor.workflow.undo.click()
    assert plan(demo_db, people).rhk[0].text == first.text
    assert model.index_for(first.id, model.column_of(RHK)).data() == first.text


def test_bad_input_is_refused_at_the_cell_and_kept(qtbot, demo_db, people):
    """A non-numeric target and an emptied RHK get a message at the cell; the typed text stays, the database not."""
    page, editor = open_drafter(qtbot, demo_db, people)
    model, tree = editor.model, editor.tree
    before = plan(demo_db, people)
    assert before.pendekatan == "KUANTITATIF"
    ind = before.rhk[0].indicators[0]

    target = model.index_for(ind.id, model.column_of(TARGET))
    edit_cell(qtbot, tree, target, "sebanyak mungkin")
    balloon = balloon_for(editor)
    assert balloon.isVisible()
    assert "bukan angka" in balloon.message() and "kuantitatif" in balloon.message()
    assert balloon.field is tree.viewport()
    assert target.data() == "sebanyak mungkin"  # nothing typed is lost
    assert "bukan angka" in target.data(Qt.ItemDataRole.ToolTipRole)
    screenshot(page, "skp_editor_bad_target")
    assert plan(demo_db, people).rhk[0].indicators[0].target_display == ind.target_display

    edit_cell(qtbot, tree, target, "24 dokumen")
    assert not balloon.isVisible()
    assert plan(demo_db, people).rhk[0].indicators[0].target_display == "24 dokumen"

    rhk_cell = model.index_for(before.rhk[0].id, model.column_of(RHK))
    edit_cell(qtbot, tree, rhk_cell, "")
    assert balloon.isVisible() and "tidak boleh kosong" in balloon.message()
    assert plan(demo_db, people).rhk[0].text == before.rhk[0].text


def test_add_remove_and_reorder_by_keyboard(qtbot, demo_db, people):
    """Ctrl+N adds an RHK (editor opens), Ctrl+I an indicator, Ctrl+Up/Down reorder, Delete removes, Ctrl+Z restores."""
    _page, editor = open_drafter(qtbot, demo_db, people)
    model, tree = editor.model, editor.tree
    before = plan(demo_db, people)
    utama = before.rhk_of(JenisRhk.UTAMA.value)
    tree.setCurrentIndex(model.index_for(utama[0].id, model.column_of(RHK)))
    tree.setFocus()

    qtbot.keyClick(tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    new_id = editor.controller.last_added
    cell = tree.indexWidget(model.index_for(new_id, model.column_of(RHK)))
    assert isinstance(cell, CellTextEdit), "the new RHK opens for typing"
    qtbot.keyClicks(cell, "Terlaksananya digitalisasi arsip")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    after = plan(demo_db, people).rhk_of(JenisRhk.UTAMA.value)
    assert [r.id for r in after][-1] == new_id and after[-1].text == "Terlaksananya digitalisasi arsip"

    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    ind_id = editor.controller.last_added
    cell = tree.indexWidget(model.index_for(ind_id, model.column_of(IKI)))
    qtbot.keyClicks(cell, "Persentase arsip terdigitalisasi")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    edit_cell(qtbot, tree, model.index_for(ind_id, model.column_of(TARGET)), "100 %")
    new_rhk = next(r for r in plan(demo_db, people).rhk if r.id == new_id)
    assert [(i.text, i.target_display, i.aspek) for i in new_rhk.indicators] == [
        ("Persentase arsip terdigitalisasi", "100 %", "KUANTITAS")]

    tree.setCurrentIndex(model.index_for(new_id, model.column_of(RHK)))
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    order = [r.id for r in plan(demo_db, people).rhk_of(JenisRhk.UTAMA.value)]
    assert order.index(new_id) == len(order) - 2
    assert model.node(tree.currentIndex()).key == new_id, "the moved row stays selected"
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert new_id == plan(demo_db, people).rhk_of(JenisRhk.TAMBAHAN.value)[0].id, "past the end it becomes tambahan"

    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert new_id not in {r.id for r in plan(demo_db, people).rhk}
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = plan(demo_db, people)
    assert restored.rhk_of(JenisRhk.TAMBAHAN.value)[0].id == new_id
    assert [i.text for i in restored.rhk_of(JenisRhk.TAMBAHAN.value)[0].indicators] == [
        "Persentase arsip terdigitalisasi"]


def test_drag_and_drop_reorders_rhk_and_indicators(qtbot, demo_db, people):
    """Dropping an RHK on another group or an indicator within its RHK moves it through the services."""
    _page, editor = open_drafter(qtbot, demo_db, people)
    model = editor.model
    before = plan(demo_db, people)
    first, second = before.rhk_of(JenisRhk.UTAMA.value)[:2]

    data = model.mimeData([model.index_for(first.id)])
    parent = model.group_index(JenisRhk.UTAMA.value)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 2, 0, parent)
    model.dropMimeData(data, Qt.DropAction.MoveAction, 2, 0, parent)  # between the 2nd and 3rd RHK
    assert [r.id for r in plan(demo_db, people).rhk_of(JenisRhk.UTAMA.value)][:2] == [second.id, first.id]

    data = model.mimeData([model.index_for(second.id)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.group_index(JenisRhk.TAMBAHAN.value))
    assert plan(demo_db, people).rhk_of(JenisRhk.TAMBAHAN.value)[0].id == second.id

    inds = first.indicators
    assert len(inds) >= 2
    data = model.mimeData([model.index_for(inds[0].id)])
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index_for(second.id)), \
        "an indicator stays within its own RHK"
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_for(inds[1].id))
    moved = next(r for r in plan(demo_db, people).rhk if r.id == first.id)
    assert [i.id for i in moved.indicators][:2] == [inds[1].id, inds[0].id]

    editor.workflow.undo.click()
    back = next(r for r in plan(demo_db, people).rhk if r.id == first.id)
    assert [i.id for i in back.indicators][:2] == [inds[0].id, inds[1].id]


def test_intervensi_combo_picks_a_supervisor_rhk(qtbot, demo_db, people):
    """The RHK Pimpinan yang Diintervensi column offers the penilai's RHK in a combo box."""
    _page, editor = open_drafter(qtbot, demo_db, people)
    model, tree = editor.model, editor.tree
    options = ps.supervisor_rhk_options(demo_db, people.drafter, people.drafter_plan_id)
    assert len(options) >= 2
    rhk = plan(demo_db, people).rhk[0]
    index = model.index_for(rhk.id, model.column_of(INTERVENSI))
    tree.setCurrentIndex(index)
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    combo = tree.indexWidget(index)
    assert isinstance(combo, QComboBox)
    assert [combo.itemData(i) for i in range(1, combo.count())] == [o[0] for o in options]
    # each choice names its indicators, so two RHK with the same text can be told apart (issue 14, item 5)
    assert all(combo.itemText(i).startswith(options[i - 1][1] + " — IKI: ") for i in range(1, combo.count()))
    current = combo.currentIndex()
    target = 1 if current != 1 else 2
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: plan(demo_db, people).rhk[0].parent_rhk_id == options[target - 1][0])
    saved = plan(demo_db, people).rhk[0]
    assert saved.parent_rhk_id == options[target - 1][0]
    assert model.index_for(rhk.id, model.column_of(INTERVENSI)).data() == options[target - 1][1]


def test_lampiran_and_pendekatan(qtbot, demo_db, people):
    """Lampiran items are added by typing and Enter, removed with Delete; pendekatan switches; all undoable."""
    _page, editor = open_drafter(qtbot, demo_db, people)
    editor.sections.setCurrentIndex(2)
    column = editor.lampiran.columns[LampiranKind.KONSEKUENSI.value]
    before = len(plan(demo_db, people).lampiran_of(LampiranKind.KONSEKUENSI.value))
    qtbot.keyClick(column.input, Qt.Key.Key_Return)
    assert "Tulis isi butir Konsekuensi" in balloon_for(editor.window()).message()
    qtbot.keyClicks(column.input, "Tunjangan kinerja dipotong bila target tidak tercapai")
    qtbot.keyClick(column.input, Qt.Key.Key_Return)
    items = plan(demo_db, people).lampiran_of(LampiranKind.KONSEKUENSI.value)
    assert len(items) == before + 1 and items[-1].text.startswith("Tunjangan kinerja dipotong")
    assert column.input.text() == ""
    screenshot(editor.window(), "skp_editor_lampiran")

    edit_cell(qtbot, column.view, column.model.index(column.model.row_of(items[-1].id)), "Dipanggil untuk pembinaan")
    assert plan(demo_db, people).lampiran_of(LampiranKind.KONSEKUENSI.value)[-1].text == "Dipanggil untuk pembinaan"
    column.view.setCurrentIndex(column.model.index(column.model.row_of(items[-1].id)))
    column.view.setFocus()
    qtbot.keyClick(column.view, Qt.Key.Key_Delete)
    assert len(plan(demo_db, people).lampiran_of(LampiranKind.KONSEKUENSI.value)) == before
    editor.undo_action.trigger()
    assert len(plan(demo_db, people).lampiran_of(LampiranKind.KONSEKUENSI.value)) == before + 1

    combo = editor.workflow.pendekatan
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert plan(demo_db, people).pendekatan == "KUALITATIF"
    editor.undo_action.trigger()
    assert plan(demo_db, people).pendekatan == "KUANTITATIF"
    assert combo.currentData() == "KUANTITATIF"


def test_text_typed_in_a_cell_survives_a_kill(qtbot, demo_db, people):
    """Typing without pressing Enter is saved after a short pause: a fresh connection (as after a crash) sees it."""
    CellTextEdit.PAUSE_MS = 50
    try:
        _page, editor = open_drafter(qtbot, demo_db, people)
        model, tree = editor.model, editor.tree
        rhk = plan(demo_db, people).rhk[0]
        cell = edit_cell(qtbot, tree, model.index_for(rhk.id, model.column_of(RHK)), "Teks yang belum di-Enter",
                         enter=False)
        assert cell.isVisible()
        fresh = open_database(demo_db.path)
        try:
            qtbot.waitUntil(lambda: ps.get_plan(fresh, people.drafter, people.drafter_plan_id).rhk[0].text
                            == "Teks yang belum di-Enter", timeout=3000)
        finally:
            fresh.dispose()
        qtbot.keyClicks(cell, " dan lanjutannya")
        qtbot.keyClick(cell, Qt.Key.Key_Return)
        assert plan(demo_db, people).rhk[0].text == "Teks yang belum di-Enter dan lanjutannya"
        editor.undo_action.trigger()
        assert plan(demo_db, people).rhk[0].text == rhk.text, "one editing session is one undo step"
    finally:
        CellTextEdit.PAUSE_MS = 900


def test_read_only_for_the_penilai_and_after_approval(qtbot, demo_db, people):
    """The penilai sees the staff plan read-only; an approved plan is read-only for its owner too."""
    page = EmployeePage(demo_db, people.penilai, people.staff.employee_id, YEAR, "TW1")
    show(qtbot, page)
    editor = page.plan_editor
    model = editor.model
    rhk = editor.controller.plan.rhk[0]
    index = model.index_for(rhk.id, model.column_of(RHK))
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, "diubah penilai")
    assert editor.tree.property("formReadOnly") is True
    assert editor.tool_buttons["add_utama"].isHidden()
    assert "hanya dapat dibaca" in editor.notice.text()
    screenshot(page, "skp_penilai_readonly")

    own = EmployeePage(demo_db, people.staff, people.staff.employee_id, YEAR, "TW1")
    show(qtbot, own)
    assert not own.plan_editor.controller.editable
    assert not own.plan_editor.workflow.revise.isHidden(), "the owner can start a Revisi"
    QApplication.processEvents()
    assert ps.get_plan(demo_db, people.staff, people.staff_plan_id).rhk[0].text == rhk.text
    assert model.index_for(rhk.id, model.column_of(RHK)) != QModelIndex()


def test_jpt_plan_uses_the_jpt_layout_with_perspektif(qtbot, demo_db, people):
    """A JPT's SKP has the JPT columns (no intervensi, no aspek; perspektif per RHK), picked by combo."""
    from sqlalchemy import select

    from kinerja_desktop.store.models import Employee
    from kinerja_desktop.ui.plan_editor.rhk_tree_model import COLUMNS_JPT, PERSPEKTIF
    from tests.gui.form_helpers import user_of

    with demo_db.reader() as s:
        jpt_id = s.execute(select(Employee.id).where(Employee.jenis_jabatan == "JPT_PRATAMA").limit(1)).scalar()
    jpt = user_of(demo_db, jpt_id)
    plan_id = ps.current_plan_id(demo_db, jpt_id, YEAR)
    if ps.get_plan(demo_db, jpt, plan_id).status != "DRAFT":
        plan_id = ps.revise_plan(demo_db, jpt, plan_id)
    page = show(qtbot, EmployeePage(demo_db, jpt, jpt_id, YEAR, "TW1"))
    editor = page.plan_editor
    model, tree = editor.model, editor.tree
    assert model.columns == COLUMNS_JPT
    assert [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())] == [
        "No", "Rencana Hasil Kerja", "Indikator Kinerja Individu", "Target", "Perspektif"]
    screenshot(page, "skp_editor_jpt")
    rhk = editor.controller.plan.rhk[0]
    index = model.index_for(rhk.id, model.column_of(PERSPEKTIF))
    tree.setCurrentIndex(index)
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    combo = tree.indexWidget(index)
    assert isinstance(combo, QComboBox)
    target = combo.findData("ANGGARAN")
    while combo.currentIndex() != target:  # arrow keys step through the choices without saving
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    assert tree.indexWidget(index) is combo
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ps.get_plan(demo_db, jpt, plan_id).rhk[0].perspektif == "ANGGARAN")
    assert model.index_for(rhk.id, model.column_of(PERSPEKTIF)).data() == "Anggaran"
