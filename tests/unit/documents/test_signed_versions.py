"""A signature freezes what its sheet shows, and a Revisi leaves signed and finalised periods on
the plan version they were made on (reprints, the penetapan and the stored PDFs keep them)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.documents.signed_documents import render_record, resolve_target, sign_record
from kinerja_desktop.domain.errors import FrozenError, ValidationError
from kinerja_desktop.services import plan_service
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Evaluation, Plan, Rhk
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.helpers.signing_pki import identity_for, trust_test_ca


@pytest.fixture(autouse=True)
def _trusted_test_ca() -> None:
    trust_test_ca()


def _who(db: Database, employee_id: str) -> tuple[str, str]:
    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        return emp.name, emp.nip


def _sign_tw3(db: Database, people: People):  # type: ignore[no-untyped-def]
    nip = _who(db, people.staff.employee_id)[1]
    target = resolve_target(db, "evaluasi", nip=nip, year=DEMO_YEAR, period="TW3")
    view, _ = sign_record(db, people.penilai, identity_for(*_who(db, people.penilai.employee_id)), target,
                          render=lambda: render_record(db, people.penilai, target), role="penilai")
    return target, view


def _first_rhk(db: Database, plan_id: str) -> str:
    with db.reader() as s:
        return s.scalars(select(Rhk.id).where(Rhk.plan_id == plan_id, Rhk.deleted.is_(False))).first()


def test_signed_tw3_freezes_the_plan_it_shows_so_a_reprint_is_the_same_sheet(demo_db: Database,
                                                                             people: People) -> None:
    """GIVEN TW3 signed by the penilai WHEN the penilai tries to return the approved plan and the
    pegawai to edit an RHK THEN both are refused and the sheet rebuilt today hashes as the signed one."""
    target, view = _sign_tw3(demo_db, people)
    with demo_db.reader() as s:
        assert s.get(Plan, target.plan_id).frozen and s.get(Evaluation, target.evaluation_id).frozen
    with pytest.raises(FrozenError, match="Revisi"):
        plan_service.return_plan(demo_db, people.penilai, target.plan_id, "ubah RHK")
    with pytest.raises(FrozenError):
        plan_service.update_rhk(demo_db, people.staff, _first_rhk(demo_db, target.plan_id), text="RHK diubah")
    assert render_record(demo_db, people.penilai, target)[1] == view.data_sha256


def test_a_plan_with_a_finalised_period_is_not_returned_for_editing(demo_db: Database, people: People) -> None:
    """Finalised (not signed) periods belong to their plan version too: reopen them first, or revise."""
    with demo_db.reader() as s:
        statuses = dict(s.execute(select(Evaluation.period, Evaluation.status)
                                  .where(Evaluation.plan_id == people.staff_plan_id)).all())
    assert statuses.get("TW1") == "FINAL", statuses
    with pytest.raises(ValidationError, match="difinalkan"):
        plan_service.return_plan(demo_db, people.penilai, people.staff_plan_id, "ubah")
