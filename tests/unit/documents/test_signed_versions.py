"""A signature freezes what its sheet shows, and a Revisi leaves signed and finalised periods on
the plan version they were made on (reprints, the penetapan and the stored PDFs keep them)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.documents.loader import SheetLoader
from kinerja_desktop.documents.signed_documents import render_record, resolve_target, sign_record
from kinerja_desktop.domain.errors import FrozenError, ValidationError
from kinerja_desktop.services import evaluation_service, plan_service
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


def test_after_a_revisi_signed_and_finalised_periods_print_from_their_plan_version(demo_db: Database,
                                                                                  people: People) -> None:
    """GIVEN TW3 signed and TW1 finalised on version 1 WHEN the pegawai makes a Revisi THEN the TW1/TW3
    sheets, the Dokumen Evaluasi and the penetapan still show those evaluations (not "(belum diisi)"),
    the TW3 sheet rebuilds to the signed data, and TW3 cannot be evaluated again on version 2."""
    target, view = _sign_tw3(demo_db, people)
    staff_id = people.staff.employee_id
    new_plan = plan_service.revise_plan(demo_db, people.staff, target.plan_id)
    nip = _who(demo_db, staff_id)[1]
    again = resolve_target(demo_db, "evaluasi", nip=nip, year=DEMO_YEAR, period="TW3")
    assert again.plan_id == target.plan_id and again.evaluation_id == target.evaluation_id
    assert render_record(demo_db, people.penilai, again)[1] == view.data_sha256
    loader = SheetLoader(demo_db)
    for period in ("TW1", "TW3"):
        (sheet,) = loader.load("evaluasi", [staff_id], DEMO_YEAR, period)
        assert sheet.predikat is not None and sheet.rating_hasil is not None, period
        assert sheet.plan is not None and sheet.plan.rhk and sheet.realisasi, period
        (cover,) = loader.load("dokumen-evaluasi", [staff_id], DEMO_YEAR, period)
        assert cover.predikat == sheet.predikat, period
    with demo_db.reader() as s:
        unit_id = s.get(Employee, staff_id).unit_id
    penetapan = loader.penetapan(unit_id, DEMO_YEAR, "TW3")
    row = next(r for r in penetapan.rows if r.nip == nip)
    assert row.predikat is not None
    plan_service.submit_plan(demo_db, people.staff, new_plan)
    plan_service.approve_plan(demo_db, people.penilai, new_plan)
    with pytest.raises(ValidationError, match="versi 1"):
        evaluation_service.set_ratings(demo_db, people.penilai, new_plan, "TW3", hasil="SESUAI")
    # each SKP version is its own document number
    (v2,) = loader.load("skp", [staff_id], DEMO_YEAR)
    (v1,) = loader.load("skp", [staff_id], DEMO_YEAR, plan_ids={staff_id: target.plan_id})
    assert v1.doc_id == f"SKP-{DEMO_YEAR}-TAHUNAN-{nip}" and v2.doc_id == f"SKP-{DEMO_YEAR}-V2-{nip}"


def test_dokumen_list_and_export_give_the_stored_signed_pdf_byte_for_byte(
    demo_db: Database, people: People, tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kinerja dokumen list` names the stored TW3 sheet after a Revisi; `export` writes exactly its bytes."""
    from kinerja_desktop.cli import main

    target, view = _sign_tw3(demo_db, people)
    plan_service.revise_plan(demo_db, people.staff, target.plan_id)
    nip = _who(demo_db, people.staff.employee_id)[1]
    monkeypatch.setenv("KINERJA_PASSWORD", nip)
    db = ["--db", str(demo_db.path), "--user", nip]
    assert main([*db, "dokumen", "list", "--nip", nip, "--period", "tw3"]) == 0
    out = capsys.readouterr().out
    assert view.id[:8] in out and "Evaluasi Kinerja" in out and "TW3" in out
    assert main([*db, "--json", "dokumen", "list", "--nip", nip, "--period", "tw1"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    exported = tmp_path / "tw3.pdf"
    assert main([*db, "dokumen", "export", view.id[:8], "--out", str(exported)]) == 0
    assert exported.read_bytes() == demo_db.blobs.read_bytes(view.sha256)
    assert "sama persis" in capsys.readouterr().out
    assert main(["verify", str(exported)]) == 0, capsys.readouterr()
    capsys.readouterr()
    assert main([*db, "dokumen", "export", "zzzzzzzz"]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err
