"""A signed record is frozen in the GUI too: read-only notice, disabled inputs, and edits refused."""

from __future__ import annotations

import pytest

from kinerja_desktop.documents.signed_documents import resolve_target, sign_record
from kinerja_desktop.domain.errors import FrozenError
from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee
from kinerja_desktop.ui.employee_page import TAB_EVALUASI, EmployeePage
from tests.gui.form_helpers import QT_LOG_IGNORE, show
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.helpers.signing_pki import identity_for, sheet_pdf, trust_test_ca


@pytest.fixture(autouse=True)
def _trusted_test_ca() -> None:
    """Signing checks the certificate against the trust store: trust the shared test CA."""
    trust_test_ca()


pytestmark = QT_LOG_IGNORE


def _who(db: Database, employee_id: str) -> tuple[str, str]:
    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        return emp.name, emp.nip


def _sign_both(db: Database, people: People, kind: str, period: str | None = None) -> None:
    staff, penilai = _who(db, people.staff.employee_id), _who(db, people.penilai.employee_id)
    target = resolve_target(db, kind, nip=staff[1], year=DEMO_YEAR, period=period)
    render = lambda: (sheet_pdf(f"{kind}-{period}", True, staff, penilai), "f" * 64)  # noqa: E731
    sign_record(db, people.staff, identity_for(*staff), target, render=render)
    sign_record(db, people.penilai, identity_for(*penilai), target, render=render)


def test_signed_skp_opens_read_only_and_refuses_edits(qtbot, demo_db: Database, people: People) -> None:
    _sign_both(demo_db, people, "skp")
    page = EmployeePage(demo_db, people.staff, people.staff.employee_id, DEMO_YEAR, "TW1")
    show(qtbot, page)
    editor = page.plan_editor
    assert "sudah ditandatangani; hanya dapat dibaca" in editor.notice.text()
    assert not editor.controller.editable
    error = editor.controller.add_rhk()
    assert isinstance(error, FrozenError)


def test_signed_evaluation_opens_read_only_and_refuses_rating_changes(
    qtbot, demo_db: Database, people: People
) -> None:
    _sign_both(demo_db, people, "evaluasi", "TW1")
    page = EmployeePage(demo_db, people.penilai, people.staff.employee_id, DEMO_YEAR, "TW1")
    show(qtbot, page)
    page.show_tab(TAB_EVALUASI)
    ev = page.evaluation_page
    assert not ev.controller.editable
    assert not ev.rating.hasil.isEnabled() and not ev.rating.perilaku.isEnabled()
    assert "sudah ditandatangani; hanya dapat dibaca" in ev.notice.text()
    before = es.get_evaluation(demo_db, people.penilai, people.staff_plan_id, "TW1")
    other = "DI_BAWAH" if before.rating_hasil != "DI_BAWAH" else "DI_ATAS"
    error = ev.controller.set_rating("hasil", other)
    assert isinstance(error, FrozenError)
    assert es.get_evaluation(demo_db, people.penilai, people.staff_plan_id, "TW1").rating_hasil == before.rating_hasil
