"""The forms pages (SKP, Realisasi, Evaluasi, unit view) in English through kinerja_en.qm, and the
translation file covering every tr() string of kinerja_desktop/ui (run update_translations.py)."""

from __future__ import annotations

import itertools
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kinerja_desktop.domain.penilaian import Rating, explain_predikat
from kinerja_desktop.resources import resource_path
from kinerja_desktop.ui import i18n
from kinerja_desktop.ui.employee_page import TAB_EVALUASI, TAB_SKP, EmployeePage
from kinerja_desktop.ui.evaluation.rating_panel import RatingPanel
from kinerja_desktop.ui.plan_editor.rhk_tree_model import RHK
from tests.gui.form_helpers import QT_LOG_IGNORE, screenshot, show

pytestmark = QT_LOG_IGNORE
TRANSLATIONS = resource_path("translations")  # kinerja_en.ts and update_translations.py
YEAR = 2026


@pytest.fixture
def english():
    assert i18n.install_translator("en")
    yield
    i18n.install_translator("id")


def test_every_ui_string_has_an_english_translation(tmp_path: Path) -> None:
    """lupdate over all of kinerja_desktop/ui finds nothing missing from kinerja_en.ts."""
    sys.path.insert(0, str(TRANSLATIONS))
    try:
        import update_translations as ut
    finally:
        sys.path.pop(0)
    ts = tmp_path / "check.ts"
    ts.write_bytes((TRANSLATIONS / "kinerja_en.ts").read_bytes())
    ut.update_ts(ts)
    unfinished = [(ctx.find("name").text, m.find("source").text)
                  for ctx in ET.parse(ts).getroot().iter("context") for m in ctx.iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []


def test_plan_editor_and_evaluation_in_english(qtbot, english, demo_db, people) -> None:
    """The penilai's view of an approved SKP and of its evaluation reads in English, domain labels included."""
    page = EmployeePage(demo_db, people.penilai, people.staff.employee_id, YEAR, "TW1")
    show(qtbot, page)
    page.show_tab(TAB_SKP)
    editor = page.plan_editor
    assert editor is not None
    assert editor.workflow.submit.text() == "Submit"
    assert editor.workflow.approve.text() == "Approve"
    assert editor.workflow.return_.text() == "Return…"
    header = editor.model.headerData(editor.model.column_of(RHK), Qt.Orientation.Horizontal)
    assert header == "Planned Work Result (RHK)"
    assert page.tabs.tabText(TAB_EVALUASI) == "Evaluation"
    screenshot(page, "skp_english")

    page.show_tab(TAB_EVALUASI)
    ev = page.evaluation_page
    assert ev.rating.finalise.text() == "Finalise"
    assert ev.rhk_model.headerData(4, Qt.Orientation.Horizontal) == "Continuous\nfeedback"
    assert ev.rating.capaian.itemText(1) in {"Outstanding", "Good"}
    screenshot(page, "evaluasi_english")


def test_predikat_explanation_is_the_domain_sentence_in_indonesian(qtbot) -> None:
    """The rating panel words explain_predikat itself (for English) but says exactly the same in Indonesian."""
    panel = RatingPanel()
    qtbot.addWidget(panel)
    for hasil, perilaku in itertools.product(Rating, Rating):
        assert panel.explain(hasil, perilaku) == explain_predikat(hasil, perilaku)
    i18n.install_translator("en")
    try:
        assert panel.explain(Rating.SESUAI, Rating.DI_BAWAH) == (
            "Work result rating Meets expectations and work behaviour rating Below expectations give the predikat "
            "Poor/Misconduct, because work behaviour below expectations cannot be made up for by work results.")
    finally:
        i18n.install_translator("id")
