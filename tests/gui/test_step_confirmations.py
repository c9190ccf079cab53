"""Steps that change a status ask first and list what is incomplete (issue 14, item 3)."""

from __future__ import annotations

from kinerja_desktop.documents.certs import default_pki
from kinerja_desktop.documents.signed_documents import render_record, resolve_target
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services.readiness_service import before_signing
from kinerja_desktop.store.models import Employee
from kinerja_desktop.ui.employee_page import EmployeePage
from kinerja_desktop.ui.form_support.confirm_step import ConfirmStepDialog
from kinerja_desktop.ui.plan_editor.workflow_bar import ReturnNoteDialog
from kinerja_desktop.ui.signing.sign_dialog import SignDialog
from tests.gui.form_helpers import QT_LOG_IGNORE, penilai_of_plan, screenshot, show
from tests.helpers.fixtures import DEMO_YEAR

pytestmark = QT_LOG_IGNORE


def test_batal_on_ajukan_leaves_the_plan_a_draft(qtbot, demo_db, people) -> None:
    page = show(qtbot, EmployeePage(demo_db, people.drafter, people.drafter.employee_id, DEMO_YEAR, "TW1"))
    editor = page.plan_editor
    editor.workflow.submit.click()
    dialog = editor.findChild(ConfirmStepDialog)
    assert dialog is not None and dialog.isVisible() and dialog.ok.text() == "Ajukan"
    dialog.cancel.click()
    assert ps.get_plan(demo_db, people.drafter, people.drafter_plan_id).status == "DRAFT"


def test_kembalikan_lists_what_the_skp_lacks(qtbot, demo_db, people) -> None:
    """The penilai writing the return note sees what is incomplete (here: the lampiran emptied)."""
    drafter = people.drafter
    plan = ps.get_plan(demo_db, drafter, people.drafter_plan_id)
    for item in plan.lampiran:
        ps.set_lampiran_deleted(demo_db, drafter, item.id, True)
    ps.submit_plan(demo_db, drafter, people.drafter_plan_id)
    penilai = penilai_of_plan(demo_db, drafter, people.drafter_plan_id)
    page = show(qtbot, EmployeePage(demo_db, penilai, drafter.employee_id, DEMO_YEAR, "TW1"))
    page.plan_editor.workflow.return_.click()
    dialog = page.plan_editor.findChild(ReturnNoteDialog)
    assert dialog.isVisible() and "Lampiran SKP belum diisi" in dialog.incomplete.text()
    screenshot(dialog, "skp_kembalikan_kelengkapan")


def test_the_sign_dialog_lists_what_the_evaluation_lacks(qtbot, demo_db, people) -> None:
    with demo_db.reader() as s:
        nip = s.get(Employee, people.staff.employee_id).nip
    target = resolve_target(demo_db, "evaluasi", nip=nip, year=DEMO_YEAR, period="TW1")
    dialog = SignDialog(demo_db, people.penilai, target, default_pki(),
                        render=lambda: render_record(demo_db, people.penilai, target))
    show(qtbot, dialog)
    expected = before_signing(demo_db, people.penilai, "evaluasi", people.staff_plan_id, "TW1", role="penilai")
    assert expected.gaps and dialog.incomplete.isVisible()
    for gap in expected.gaps:
        assert gap.text.split(":")[0] in dialog.incomplete.text()
    screenshot(dialog, "tanda_tangan_kelengkapan")
