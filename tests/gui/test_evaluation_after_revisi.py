"""After a Revisi the Evaluasi tab follows the plan versions: a period finalised on the old version is shown
as it was finalised (not as an empty evaluation of the new version), a new period is written on the new
version, and the period shown is the days the SKP covers."""

from __future__ import annotations

from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.ui.employee_page import TAB_EVALUASI, TAB_SKP, EmployeePage
from tests.gui.form_helpers import QT_LOG_IGNORE, penilai_of_plan, screenshot, show
from tests.unit.documents.test_plan_period_line import mutation_on_15_may

pytestmark = QT_LOG_IGNORE
YEAR = 2026


def _finalised_tw1(db, penilai, plan_id: str) -> es.EvaluationView:
    ev = es.get_evaluation(db, penilai, plan_id, "TW1")
    if ev.status not in ("FINAL", "SIGNED"):
        es.set_ratings(db, penilai, plan_id, "TW1", hasil="DI_ATAS", perilaku="SESUAI")
        es.finalise(db, penilai, plan_id, "TW1")
        ev = es.get_evaluation(db, penilai, plan_id, "TW1")
    return ev


def test_the_evaluation_tab_shows_the_version_a_period_was_finalised_on_after_a_revisi(qtbot, demo_db, people):
    """GIVEN TW1 finalised on SKP version 1 and the Evaluasi tab open on TW1 WHEN the pegawai clicks Revisi
    on the SKP tab and comes back THEN TW1 still shows its final ratings from version 1, and TW4 (not
    evaluated) is the new version's."""
    staff = people.staff
    v1 = people.staff_plan_id
    penilai = penilai_of_plan(demo_db, staff, v1)
    tw1 = _finalised_tw1(demo_db, penilai, v1)
    for code in ("TW4", "TAHUNAN"):  # leave the year's end open so the plan can be revised
        ev = es.get_evaluation(demo_db, penilai, v1, code)
        assert ev.status in ("BELUM", "DRAFT"), code
    page = show(qtbot, EmployeePage(demo_db, staff, staff.employee_id, YEAR, "TW1"))
    page.show_tab(TAB_EVALUASI)
    evaluation = page.evaluation_page
    assert evaluation.controller.evaluation.status == tw1.status
    assert evaluation.rating.hasil.currentData() == tw1.rating_hasil

    page.show_tab(TAB_SKP)
    page.plan_editor.workflow.revise.click()
    v2 = page.plan_editor.controller.plan_id
    assert v2 != v1 and ps.get_plan(demo_db, staff, v2).version == 2
    page.show_tab(TAB_EVALUASI)
    c = evaluation.controller
    assert (c.plan_id, c.evaluation.status, c.evaluation.rating_hasil) == (v1, tw1.status, tw1.rating_hasil)
    assert evaluation.rating.hasil.currentData() == tw1.rating_hasil
    assert evaluation.status.text() != "Belum"
    screenshot(page, "evaluasi_tw1_setelah_revisi")

    evaluation.period.choose("TW4")
    assert (c.plan_id, c.evaluation.status) == (v2, "BELUM")
    assert c.plan.version == 2
    evaluation.period.choose("TW1")
    assert c.plan_id == v1 and c.evaluation.status == tw1.status


def test_the_screens_name_the_days_a_mid_year_skp_covers(qtbot, demo_db, people):
    """A mutation on 15 May: the new SKP's page says 15 Mei – 31 Desember, and the Evaluasi tab's periods
    are the days of each period that SKP covers (Triwulan II from 15 Mei)."""
    staff = people.staff
    mutation_on_15_may(demo_db, people)
    page = show(qtbot, EmployeePage(demo_db, staff, staff.employee_id, YEAR, "TW2"))
    assert "15 Mei – 31 Desember 2026" in page.plan_editor.identity.period_text()
    screenshot(page, "skp_setelah_mutasi")
    page.show_tab(TAB_EVALUASI)
    combo = page.evaluation_page.period
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "Triwulan II (15 Mei – 30 Juni 2026)" in labels
    assert "Triwulan III (1 Juli – 30 September 2026)" in labels
    screenshot(page, "evaluasi_skp_setelah_mutasi")
