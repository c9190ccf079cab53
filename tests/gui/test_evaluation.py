"""Evaluasi tab: the penilai writes feedback, picks ratings (the predikat and kuadran follow at once),
finalises; the employee reads it and marks it read; a pegawai cannot rate."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.penilaian import Rating, explain_predikat
from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.ui.employee_page import TAB_EVALUASI, EmployeePage
from kinerja_desktop.ui.evaluation.feedback_models import PerilakuFeedbackModel, RhkFeedbackModel
from kinerja_desktop.ui.form_support.autosave import AutosaveTextEdit
from kinerja_desktop.ui.form_support.messages import balloon_for
from tests.gui.form_helpers import QT_LOG_IGNORE, accept_step, edit_cell, screenshot, show

pytestmark = QT_LOG_IGNORE
YEAR = 2026
OPEN_PERIOD = "TW4"


def open_evaluation(qtbot, db, user, employee_id, period=OPEN_PERIOD):
    page = EmployeePage(db, user, employee_id, YEAR, period)
    show(qtbot, page)
    page.show_tab(TAB_EVALUASI)
    return page, page.evaluation_page


def stored(db, people, period=OPEN_PERIOD):
    return es.get_evaluation(db, people.penilai, people.staff_plan_id, period)


def pick(qtbot, combo, value):
    """Choose ``value`` in a combo box with the arrow keys, as a keyboard user would."""
    combo.setFocus()
    target = combo.findData(value)
    assert target >= 0
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def test_models_pass_qtmodeltester(qtbot, qtmodeltester, demo_db, people):
    """Both feedback models are well-behaved Qt models."""
    _page, ev = open_evaluation(qtbot, demo_db, people.penilai, people.staff.employee_id, "TW1")
    qtmodeltester.check(ev.rhk_model)
    qtmodeltester.check(ev.perilaku_model)


def test_penilai_evaluates_and_finalises(qtbot, demo_db, people):
    """Feedback typed in the tables, both ratings, capaian and catatan land in the database; Finalkan closes it."""
    page, ev = open_evaluation(qtbot, demo_db, people.penilai, people.staff.employee_id)
    panel = ev.rating
    assert panel.predikat.text() == "—"

    rhk = ev.rhk_model.rhk(0)
    edit_cell(qtbot, ev.rhk_table, ev.rhk_model.index(0, RhkFeedbackModel.FEEDBACK_COLUMN),
              "Target triwulan tercapai; bukti dukung lengkap.")
    ev.tabs.setCurrentIndex(1)
    edit_cell(qtbot, ev.perilaku_table, ev.perilaku_model.index(2, PerilakuFeedbackModel.FEEDBACK_COLUMN),
              "Aktif membimbing rekan baru.")
    saved = stored(demo_db, people)
    assert saved.rhk_feedback[rhk.id] == "Target triwulan tercapai; bukti dukung lengkap."
    assert saved.perilaku_feedback[BERAKHLAK[2].code] == "Aktif membimbing rekan baru."

    # Finalkan too early: the missing rating is named at its field.
    panel.finalise.click()
    assert "Rating Hasil Kerja" in balloon_for(ev).message()
    assert stored(demo_db, people).status == "DRAFT"

    pick(qtbot, panel.hasil, Rating.SESUAI.value)
    assert stored(demo_db, people).rating_hasil == "SESUAI"
    assert panel.predikat.text() == "—" and panel.kuadran.highlighted is None
    pick(qtbot, panel.perilaku, Rating.DI_BAWAH.value)
    assert stored(demo_db, people).predikat == "KURANG"
    assert panel.predikat.text() == "KURANG/MISCONDUCT"
    assert panel.kuadran.highlighted == (Rating.SESUAI, Rating.DI_BAWAH)
    assert panel.explanation.text() == explain_predikat(Rating.SESUAI, Rating.DI_BAWAH)
    pick(qtbot, panel.perilaku, Rating.DI_ATAS.value)
    assert (stored(demo_db, people).predikat, panel.predikat.text()) == ("BAIK", "BAIK")
    assert panel.kuadran.highlighted == (Rating.SESUAI, Rating.DI_ATAS)

    # Capaian Kinerja Organisasi has one source: the demo unit's predikat organisasi (BAIK) is shown as it is
    # printed; the penilai records a value only where the unit has none.
    assert panel.capaian.currentData() == "BAIK"
    AutosaveTextEdit.DEBOUNCE_MS, old = 30, AutosaveTextEdit.DEBOUNCE_MS
    try:
        panel.catatan.setFocus()
        qtbot.keyClicks(panel.catatan, "Disarankan mengikuti pelatihan public speaking.")
        qtbot.waitUntil(lambda: stored(demo_db, people).catatan == "Disarankan mengikuti pelatihan public speaking.")
    finally:
        AutosaveTextEdit.DEBOUNCE_MS = old
    assert stored(demo_db, people).capaian_organisasi == "BAIK"
    ev.tabs.setCurrentIndex(0)
    screenshot(page, "evaluasi_penilai")

    ev.rhk_table.setFocus()
    qtbot.keyClick(ev.rhk_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_db, people).catatan == "" and panel.catatan.toPlainText() == ""
    ev.redo_action.trigger()
    assert panel.catatan.toPlainText() == "Disarankan mengikuti pelatihan public speaking."

    panel.finalise.click()
    assert stored(demo_db, people).status == "DRAFT"  # Finalkan asks first, naming what is incomplete
    with qtbot.waitSignal(page.data_changed, timeout=1000):  # the main window's list follows
        accept_step(qtbot, ev, expect="6 dari 7 perilaku BerAKHLAK belum diberi umpan balik",
                    shot="evaluasi_finalkan_konfirmasi")
    final = stored(demo_db, people)
    assert final.status == "FINAL" and final.predikat == "BAIK"
    assert not ev.rhk_model.flags(ev.rhk_model.index(0, RhkFeedbackModel.FEEDBACK_COLUMN)) & Qt.ItemFlag.ItemIsEditable
    assert not panel.hasil.isEnabled() and panel.finalise.isHidden()
    assert not panel.reopen.isHidden()


def test_kuadran_cell_click_sets_both_ratings(qtbot, demo_db, people):
    """Clicking a kuadran cell picks both ratings at once (one undo step)."""
    page, ev = open_evaluation(qtbot, demo_db, people.penilai, people.staff.employee_id)
    kuadran = ev.rating.kuadran
    cell = kuadran.cell_rect(Rating.DI_ATAS, Rating.DI_ATAS).center().toPoint()
    qtbot.mouseClick(kuadran, Qt.MouseButton.LeftButton, pos=cell)
    saved = stored(demo_db, people)
    assert (saved.rating_hasil, saved.rating_perilaku, saved.predikat) == ("DI_ATAS", "DI_ATAS", "SANGAT_BAIK")
    assert ev.rating.predikat.text() == "SANGAT BAIK"
    screenshot(page, "evaluasi_kuadran_sangat_baik")
    ev.undo_action.trigger()
    saved = stored(demo_db, people)
    assert (saved.rating_hasil, saved.rating_perilaku) == (None, None)


def test_employee_reads_own_evaluation_and_marks_it_read(qtbot, demo_db, people):
    """The employee sees the final evaluation read-only (cannot rate) and marks it as read."""
    page, ev = open_evaluation(qtbot, demo_db, people.staff, people.staff.employee_id, "TW1")
    panel = ev.rating
    before = es.get_evaluation(demo_db, people.staff, people.staff_plan_id, "TW1")
    assert before.status == "FINAL" and before.read_at is None
    assert not panel.hasil.isEnabled() and not panel.perilaku.isEnabled()
    assert panel.finalise.isHidden() and not panel.kuadran.interactive
    assert panel.catatan.isReadOnly()
    assert not ev.rhk_model.flags(ev.rhk_model.index(0, RhkFeedbackModel.FEEDBACK_COLUMN)) & Qt.ItemFlag.ItemIsEditable
    assert ev.rhk_model.index(0, RhkFeedbackModel.FEEDBACK_COLUMN).data() == before.rhk_feedback.get(
        ev.rhk_model.rhk(0).id, "")
    assert panel.predikat.text() != "—"
    assert "Hanya dapat dibaca" in ev.notice.text()
    screenshot(page, "evaluasi_pegawai")

    panel.mark_read.click()
    assert es.get_evaluation(demo_db, people.staff, people.staff_plan_id, "TW1").read_at is not None
    assert panel.mark_read.isHidden()
    assert panel.read_label.text().startswith("Sudah dibaca pegawai pada")


def test_pegawai_and_atasan_cannot_rate(qtbot, demo_db, people):
    """Rating is the penilai's: the employee (open period) and the atasan see the controls disabled."""
    _page, ev = open_evaluation(qtbot, demo_db, people.staff, people.staff.employee_id)
    assert not ev.controller.editable
    assert not ev.rating.hasil.isEnabled()
    assert not ev.rhk_model.setData(ev.rhk_model.index(0, RhkFeedbackModel.FEEDBACK_COLUMN), "menilai diri sendiri")
    assert "belum dibuat" in ev.notice.text()
    _page2, ev2 = open_evaluation(qtbot, demo_db, people.atasan, people.staff.employee_id)
    assert not ev2.controller.editable and not ev2.rating.hasil.isEnabled()
    assert stored(demo_db, people).status == "BELUM"
