"""A Plt./Plh. SKP in the GUI: the acting position's penilai finds it (Pegawai > SKP Plt./Plh.…), approves it,
rates and finalises its evaluation and signs it; the Plt. signs as pegawai with the acting title printed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from sqlalchemy import select

from kinerja_desktop.documents.certs import default_pki
from kinerja_desktop.documents.signed_documents import render_record, resolve_target, sign_record
from kinerja_desktop.documents.verification import verify_pdf
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.domain.penilaian import Rating
from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.services import penugasan_service
from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.services.common import subject_for
from kinerja_desktop.store.models import Employee, Plan
from kinerja_desktop.store.models_peran import Penugasan
from kinerja_desktop.ui.employee_page import TAB_EVALUASI, EmployeePage
from kinerja_desktop.ui.signing.sign_dialog import SignDialog
from tests.gui.form_helpers import accept_step
from tests.gui.shell_helpers import IGNORE_SIZE_HINTS, screenshot, sign_in, themed_app  # noqa: F401 - fixture
from tests.helpers.fixtures import DEMO_YEAR
from tests.helpers.signing_pki import CA_PASS, P12_PASS, identity_for, pki, trust_test_ca
from tests.unit.documents.pdf_checks import flat, page_texts

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("themed_app")]


def _demo_plt(db) -> tuple[str, str, str, str, str]:
    """The demo office's Plt.: (plan id, holder id, holder NIP, acting penilai NIP, acting penilai name)."""
    with db.reader() as s:
        move, plan = s.execute(select(Penugasan, Plan).join(Plan, Plan.id == Penugasan.plan_id)
                               .where(Penugasan.kind == "PLT")).one()
        penilai = s.get(Employee, plan.penilai_id)
        return plan.id, move.employee_id, s.get(Employee, move.employee_id).nip, penilai.nip, penilai.name


def test_the_acting_penilai_evaluates_and_signs_the_plt_skp_and_the_plt_signs_it(
        qtbot, qtmodeltester, controller, demo_db, people) -> None:
    plan_id, holder_id, holder_nip, penilai_nip, penilai_name = _demo_plt(demo_db)
    trust_test_ca()
    p12 = pki().ca.issue(CA_PASS, name=penilai_name, nip=penilai_nip, p12_passphrase=P12_PASS, key_type="ec-p256")
    default_pki().identities.import_p12(p12, P12_PASS)
    # The acting position's penilai and the Plt. himself see the Plt. SKP; the Plt.'s definitive penilai does not.
    acting_penilai = user_by_username(demo_db, penilai_nip)
    holder = user_by_username(demo_db, holder_nip)
    with demo_db.reader() as s:
        head_nip = s.get(Employee, subject_for(s, holder_id, DEMO_YEAR).penilai_id).nip
    assert head_nip != penilai_nip
    for user, seen in ((acting_penilai, [plan_id]), (holder, [plan_id]),
                       (user_by_username(demo_db, head_nip), []), (people.staff, [])):
        assert [a.plan_id for a in penugasan_service.acting_plans(demo_db, user, DEMO_YEAR)] == seen

    window = sign_in(qtbot, controller, penilai_nip, penilai_nip)

    def acting_action() -> QAction | None:
        return next((a for a in window.findChildren(QAction) if a.text() == "SKP Plt./Plh.…"), None)

    qtbot.waitUntil(lambda: acting_action() is not None, timeout=15_000)  # integrations install after the list
    action = acting_action()
    action.trigger()
    dialog = window.acting_plans_dialog
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 2).data().startswith("Plt. ") and dialog.model.index(0, 5).data() == "Diajukan"
    screenshot(dialog, "skp_plt_daftar", (980, 420))
    assert dialog.open_selected() == plan_id
    page = window.current_page()
    assert isinstance(page, EmployeePage) and page.acting_plan_id == plan_id and page.plan_id == plan_id
    assert " — Plt. " in page.windowTitle()

    # SKP tab: the acting position's penilai approves it.
    editor = page.plan_editor
    assert editor.controller.can_approve
    editor.approve()
    if editor.controller.plan.status != "APPROVED":
        accept_step(qtbot, editor)
    qtbot.waitUntil(lambda: editor.controller.plan.status == "APPROVED", timeout=5_000)

    # Evaluasi tab, TW2: both ratings with one kuadran click, then Finalkan.
    page.set_period("TW2")
    page.show_tab(TAB_EVALUASI)
    ev = page.evaluation_page
    assert ev.controller.plan_id == plan_id and ev.controller.editable
    kuadran = ev.rating.kuadran
    qtbot.mouseClick(kuadran, Qt.MouseButton.LeftButton,
                     pos=kuadran.cell_rect(Rating.DI_ATAS, Rating.SESUAI).center().toPoint())
    ev.rating.finalise.click()
    accept_step(qtbot, ev)
    final = es.get_evaluation(demo_db, acting_penilai, plan_id, "TW2")
    assert (final.status, final.rating_hasil, final.rating_perilaku) == ("FINAL", "DI_ATAS", "SESUAI")
    screenshot(window, "skp_plt_evaluasi")

    # The Plt. signs the Evaluasi Kinerja of the Plt. SKP first (the sheet names the acting position) ...
    target = resolve_target(demo_db, "evaluasi", nip=holder_nip, year=DEMO_YEAR, period="TW2", plan_id=plan_id)
    assert target.plan_id == plan_id
    with pytest.raises(PermissionDenied):  # the definitive SKP's penilai is no signer of this one
        sign_record(demo_db, people.staff, identity_for(people.staff.display_name, people.staff.username), target,
                    render=lambda: render_record(demo_db, people.staff, target), role="penilai")
    with demo_db.reader() as s:
        holder_name = s.get(Employee, holder_id).name
    sign_record(demo_db, holder, identity_for(holder_name, holder_nip), target,
                render=lambda: render_record(demo_db, holder, target))
    # ... then the acting penilai through the page's Tanda Tangani (the one sign dialog).
    sign = window._signing.sign_current("evaluasi")
    assert isinstance(sign, SignDialog) and sign.role == "penilai" and sign.target.plan_id == plan_id
    sign.passphrase.setText(P12_PASS)
    with qtbot.waitSignal(sign.signed, timeout=30_000) as signed:
        sign.sign_button.click()
    view = signed.args[0]
    assert view.status == "SIGNED" and view.plan_id == plan_id
    pdf = demo_db.blobs.read_bytes(view.sha256)
    report = verify_pdf(pdf, pki().roots())
    assert report.ok and {s.role for s in report.signatures} == {"pegawai", "penilai"}, report.summary_lines()
    text = flat("\n".join(page_texts(pdf)))
    assert flat(page.acting_title) in text and page.acting_title.startswith("Plt. ")
    sign.close()
