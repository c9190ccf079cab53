"""Signed documents in the database: stored content-addressed, listed, and the record frozen."""

from __future__ import annotations

import pytest

from kinerja_desktop.documents.signed_documents import (
    list_documents,
    pending_pdf,
    resolve_target,
    role_of,
    sign_record,
)
from kinerja_desktop.documents.verification import verify_pdf
from kinerja_desktop.domain.errors import FrozenError, PermissionDenied, ValidationError
from kinerja_desktop.services import evaluation_service, plan_service
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Document, Employee, Evaluation, Plan
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.helpers.signing_pki import identity_for, pki, sheet_pdf, trust_test_ca


@pytest.fixture(autouse=True)
def _trusted_test_ca() -> None:
    """Signing checks the certificate against the trust store: trust the shared test CA."""
    trust_test_ca()


def _who(db: Database, employee_id: str) -> tuple[str, str]:
    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        return emp.name, emp.nip


def _renderer(db: Database, people: People, doc_id: str):
    pegawai, penilai = _who(db, people.staff.employee_id), _who(db, people.penilai.employee_id)
    return lambda: (sheet_pdf(doc_id, True, pegawai, penilai), "d" * 64)


def _target(db: Database, people: People, kind: str, period: str | None = None):
    nip = _who(db, people.staff.employee_id)[1]
    return resolve_target(db, kind, nip=nip, year=DEMO_YEAR, period=period)


def test_skp_signed_by_both_is_stored_listed_frozen_and_verifies(demo_db: Database, people: People) -> None:
    target = _target(demo_db, people, "skp")
    render = _renderer(demo_db, people, "SKP-UJI")
    assert role_of(demo_db, people.staff, target) == "pegawai"
    assert role_of(demo_db, people.penilai, target) == "penilai"
    first, _ = sign_record(
        demo_db, people.staff, identity_for(*_who(demo_db, people.staff.employee_id)), target, render=render
    )
    assert first.status == "PARTIAL" and [s["role"] for s in first.signers] == ["pegawai"]
    with demo_db.reader() as s:
        assert s.get(Plan, target.plan_id).frozen
    # the next signer signs the stored PDF, not a new rendering
    stored, data_sha = pending_pdf(demo_db, target)
    assert data_sha == "d" * 64 and demo_db.blobs.read_bytes(first.sha256) == stored
    second, result = sign_record(
        demo_db,
        people.penilai,
        identity_for(*_who(demo_db, people.penilai.employee_id)),
        target,
        render=lambda: pytest.fail("must not render again"),
    )
    assert second.id == first.id and second.status == "SIGNED" and len(second.signers) == 2
    assert result.pdf.startswith(stored) and demo_db.blobs.exists(second.sha256)
    report = verify_pdf(demo_db.blobs.read_bytes(second.sha256), pki().roots())
    assert report.ok and [s.role for s in report.signatures] == ["pegawai", "penilai"]
    listed = list_documents(demo_db, people.staff, people.staff.employee_id)
    assert [(d.kind, d.status_label) for d in listed] == [("skp", "Ditandatangani lengkap")]
    with demo_db.reader() as s:
        assert s.query(Document).count() == 1


def test_frozen_plan_refuses_edits_through_the_services_and_revisi_keeps_the_signed_pdf(
    demo_db: Database, people: People
) -> None:
    target = _target(demo_db, people, "skp")
    view, _ = sign_record(
        demo_db,
        people.staff,
        identity_for(*_who(demo_db, people.staff.employee_id)),
        target,
        render=_renderer(demo_db, people, "SKP-UJI"),
    )
    with pytest.raises(FrozenError, match="dibekukan"):
        plan_service.add_rhk(demo_db, people.staff, target.plan_id, text="RHK baru")
    with pytest.raises(FrozenError):
        plan_service.return_plan(demo_db, people.penilai, target.plan_id, "ubah")
    new_plan = plan_service.revise_plan(demo_db, people.staff, target.plan_id)
    plan_service.add_rhk(demo_db, people.staff, new_plan, text="RHK pada Revisi")  # the new version is editable
    with demo_db.reader() as s:
        old_doc = s.get(Document, view.id)
        assert old_doc.plan_id == target.plan_id and old_doc.sha256 == view.sha256
    assert verify_pdf(demo_db.blobs.read_bytes(view.sha256), pki().roots()).ok


def test_signed_evaluation_refuses_rating_changes_and_reopening(demo_db: Database, people: People) -> None:
    target = _target(demo_db, people, "evaluasi", "TW1")
    sign_record(
        demo_db,
        people.penilai,
        identity_for(*_who(demo_db, people.penilai.employee_id)),
        target,
        render=_renderer(demo_db, people, "EVK-UJI"),
        role="penilai",
    )
    with demo_db.reader() as s:
        assert s.get(Evaluation, target.evaluation_id).frozen
    with pytest.raises(FrozenError):
        evaluation_service.set_ratings(demo_db, people.penilai, target.plan_id, "TW1", hasil="SESUAI")
    with pytest.raises(FrozenError):
        evaluation_service.reopen(demo_db, people.penilai, target.plan_id, "TW1")


def test_only_the_people_on_the_record_may_sign_and_only_when_ready(demo_db: Database, people: People) -> None:
    target = _target(demo_db, people, "skp")
    outsider = identity_for(*_who(demo_db, people.other_penilai.employee_id))
    with pytest.raises(PermissionDenied):
        sign_record(
            demo_db, people.other_penilai, outsider, target, render=_renderer(demo_db, people, "X"), role="penilai"
        )
    with pytest.raises(PermissionDenied):
        role_of(demo_db, people.other_penilai, target)
    if people.drafter is not None:
        nip = _who(demo_db, people.drafter.employee_id)[1]
        draft_target = resolve_target(demo_db, "skp", nip=nip, year=DEMO_YEAR)
        with pytest.raises(ValidationError, match="belum disetujui"):
            sign_record(
                demo_db,
                people.drafter,
                identity_for(*_who(demo_db, people.drafter.employee_id)),
                draft_target,
                render=lambda: pytest.fail("not ready"),
            )
    with demo_db.reader() as s:
        assert s.query(Document).count() == 0
