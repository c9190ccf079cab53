"""Tindak lanjut across PCs: development plans, completion with certificate, marks, assessed levels and awards
reach every replica; the same rows written by a role that does not own them are refused there."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.services import competency_service, development_service, evaluation_service, recognition_service
from kinerja_desktop.store.models import Rhk, RhkFeedback
from kinerja_desktop.store.models_tindak_lanjut import Award, CompetencyAssessment, CompetencyStandard, DevelopmentItem
from kinerja_desktop.sync import conflicts
from kinerja_desktop.sync.engine import SyncEngine
from kinerja_desktop.sync.remote import open_remote
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.unit.sync.sync_office import FAST, Office

pytestmark = pytest.mark.slow


def _round(office: Office, *names: str) -> None:
    for name in names:
        office.sync(name)


def test_plans_completion_marks_levels_and_awards_reach_every_replica(office: Office, people: People,
                                                                      tmp_path: Path) -> None:
    staff_id = people.staff.employee_id
    penilai_db, staff_db, reader = office.dbs["penilai"], office.dbs["staff"], office.dbs["reader"]
    item_id = development_service.add_item(penilai_db, people.penilai, staff_id, DEMO_YEAR, form="COACHING",
                                           topic="Coaching komunikasi", competency_code="M3", jp=8,
                                           start_on=date(2026, 10, 1), end_on=date(2026, 10, 30))
    competency_service.assess(penilai_db, people.penilai, staff_id, "M3", 2, assessed_on=date(2026, 9, 1))
    evaluation_service.set_ratings(penilai_db, people.penilai, people.staff_plan_id, "TW4", hasil="DI_ATAS")
    with penilai_db.reader() as s:
        rhk = s.scalars(select(Rhk.id).where(Rhk.plan_id == people.staff_plan_id).order_by(Rhk.position)).first()
    recognition_service.mark_feedback(penilai_db, people.penilai, people.staff_plan_id, "TW4", rhk, "LUAR_BIASA",
                                      "Realisasi 140% tanpa revisi")
    _round(office, "penilai", "staff")
    cert = tmp_path / "sertifikat.pdf"
    cert.write_bytes(b"%PDF-1.4 sertifikat coaching")
    development_service.report_done(staff_db, people.staff, item_id, date(2026, 10, 30), certificate=cert)
    recognition_service.record_award(reader, people.admin, staff_id, DEMO_YEAR, "PIAGAM", decree_no="800/1/2026")
    _round(office, "staff", "reader", "penilai", "reader")
    for name in ("reader", "penilai"):
        with office.dbs[name].reader() as s:
            item = s.get(DevelopmentItem, item_id)
            assert (item.topic, item.completed_on, item.certificate_name) == (
                "Coaching komunikasi", date(2026, 10, 30), "sertifikat.pdf"), name
            assert item.sha256 == development_service.item_by_id(staff_db, people.staff, item_id).sha256
            assert s.execute(select(CompetencyAssessment.level).where(
                CompetencyAssessment.employee_id == staff_id, CompetencyAssessment.code == "M3")
                .order_by(CompetencyAssessment.created_at.desc())).scalars().first() == 2
            fb = s.execute(select(RhkFeedback).where(RhkFeedback.rhk_id == rhk)).scalars().all()
            assert any(f.mark == "LUAR_BIASA" and f.mark_reason == "Realisasi 140% tanpa revisi" for f in fb), name
    with penilai_db.reader() as s:
        assert s.execute(select(Award.decree_no).where(Award.employee_id == staff_id,
                                                       Award.decree_no == "800/1/2026")).scalar() == "800/1/2026"
    assert conflicts.list_refused(reader) == [] and conflicts.list_refused(penilai_db) == []


def test_follow_up_rows_written_by_a_role_that_does_not_own_them_are_refused(office: Office, people: People) -> None:
    staff_id = people.staff.employee_id
    staff_db = office.dbs["staff"]
    item_id = development_service.add_item(office.dbs["penilai"], people.penilai, staff_id, DEMO_YEAR,
                                           form="PELATIHAN", topic="Pelayanan prima", jp=16)
    _round(office, "penilai", "staff")
    # A device that skips the services: the staff member plans their own training, rates their own
    # competency, gives themself an award, edits the jabatan standard and the penilai's topic.
    with staff_db.session(user=people.staff.username, role="PEGAWAI") as s:
        s.add(DevelopmentItem(employee_id=staff_id, year=DEMO_YEAR, form="SEMINAR", topic="Seminar fiktif", jp=40,
                              status="DIRENCANAKAN", completed_on=date(2026, 11, 1)))
        s.add(CompetencyAssessment(employee_id=staff_id, code="M1", level=5, source="PENILAI"))
        s.add(Award(employee_id=staff_id, year=DEMO_YEAR, kind="USUL_KP_ISTIMEWA", decree_no="palsu"))
        s.add(CompetencyStandard(jabatan="Pengolah Data", kind="TEKNIS", code="T5", name="Apa saja", level=1))
        s.get(DevelopmentItem, item_id).topic = "Tamasya"
        fb = s.execute(select(RhkFeedback).join(Rhk, Rhk.id == RhkFeedback.rhk_id)
                       .where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
        fb.mark, fb.mark_reason = "INOVASI", "Saya sendiri yang menandai"
    # ... and another pengawas assesses someone who is not theirs.
    with office.dbs["penilai"].session(user=people.other_penilai.username, role="PENILAI") as s:
        s.add(CompetencyAssessment(employee_id=staff_id, code="M2", level=1, source="PENILAI"))
    _round(office, "staff", "penilai", "reader")
    reader = office.dbs["reader"]
    with reader.reader() as s:
        assert s.execute(select(DevelopmentItem).where(DevelopmentItem.topic == "Seminar fiktif")).first() is None
        assert s.get(DevelopmentItem, item_id).topic == "Pelayanan prima"
        assert s.execute(select(Award).where(Award.decree_no == "palsu")).first() is None
        assert s.execute(select(RhkFeedback).where(RhkFeedback.mark_reason == "Saya sendiri yang menandai")).first() \
            is None
        assert s.execute(select(CompetencyStandard).where(CompetencyStandard.code == "T5")).first() is None
        levels = s.execute(select(CompetencyAssessment.code, CompetencyAssessment.created_by)
                           .where(CompetencyAssessment.employee_id == staff_id)).all()
        assert (("M1", people.staff.username) not in levels and ("M2", people.other_penilai.username) not in levels)
    refused = conflicts.list_refused(reader)
    reasons = " | ".join(r.reason for r in refused)
    assert len(refused) == 7, reasons
    for table in ("development_item", "competency_assessment", "award", "competency_standard", "rhk_feedback.mark"):
        assert table in reasons
    assert "development_item.topic" in reasons and "pejabat penilai" in reasons and "bukan admin" in reasons


def test_the_certificate_file_travels_with_its_row(office: Office, people: People, tmp_path: Path) -> None:
    staff_id = people.staff.employee_id
    item_id = development_service.add_item(office.dbs["penilai"], people.penilai, staff_id, DEMO_YEAR,
                                           form="E_LEARNING", topic="Naskah dinas", jp=8)
    _round(office, "penilai", "staff")
    cert = tmp_path / "sertifikat.pdf"
    cert.write_bytes(b"%PDF-1.4 sertifikat e-learning")
    development_service.report_done(office.dbs["staff"], people.staff, item_id, date(2026, 11, 2), certificate=cert)
    _round(office, "staff", "reader")
    reader = office.dbs["reader"]
    sha = development_service.item_by_id(reader, people.admin, item_id).sha256
    remote = open_remote(str(office.store))
    try:
        SyncEngine(reader, remote, FAST).fetch_files([sha])
    finally:
        remote.close()
    assert reader.blobs.read_bytes(sha) == cert.read_bytes()


@pytest.mark.parametrize(("table", "values"), [
    ("development_item", {"form": "TAMASYA"}),
    ("development_item", {"status": "SELESAI_SENDIRI"}),
    ("competency_assessment", {"level": 9}),
    ("competency_standard", {"level": 0}),
    ("award", {"kind": "MOBIL_DINAS"}),
    ("rhk_feedback", {"mark": "JUARA"}),
])
def test_made_up_codes_and_levels_are_refused_before_they_are_applied(table: str, values: dict[str, object]) -> None:
    from kinerja_desktop.sync.validate import check_changes

    problem = check_changes(table, values)
    assert problem is not None and "kode tidak dikenal" in problem and table in problem
    good = {"development_item": {"form": "MAGANG", "status": "BATAL"}, "competency_assessment": {"level": 5},
            "competency_standard": {"level": 1}, "award": {"kind": "PIAGAM"},
            "rhk_feedback": {"mark": "LUAR_BIASA"}}[table]
    assert check_changes(table, good) is None
