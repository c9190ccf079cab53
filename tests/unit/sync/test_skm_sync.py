"""Survei Kepuasan Masyarakat across PCs: a survey and its responses made on an admin's PC (kiosk,
import, a voided response) reach another replica through the folder store with the same IKM; the
same tables written by a role that does not own them, or a saved answer changed, are refused there."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.domain import skm
from kinerja_desktop.services import skm_service as svc
from kinerja_desktop.services.skm_import import import_responses
from kinerja_desktop.store.models import SkmResponse, SkmSurvey
from kinerja_desktop.store.sync_models import SyncRefused
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.unit.sync.sync_office import Office, snapshot

pytestmark = pytest.mark.slow
UNIT = "D001.1"


def _skm_rows(db) -> dict:
    snap = snapshot(db)
    return {t: snap[t] for t in ("skm_survey", "skm_response")}


def test_a_survey_and_its_responses_reach_another_replica_with_the_same_ikm(office: Office, people: People,
                                                                            tmp_path: Path) -> None:
    admin_pc, other = office.dbs["reader"], office.dbs["penilai"]  # the front office's PC, another PC
    sid = svc.open_survey(admin_pc, people.admin, UNIT, DEMO_YEAR, services=["Legalisir Ijazah"], population=400)
    for answers in ([4, 4, 3, 4, 3, 4, 4, 3, 2], [3, 3, 3, 4, 3, 3, 4, 3, 3], [2, 3, 2, 4, 3, 3, 3, 2, 2]):
        svc.record_response(admin_pc, people.admin, sid, dict(zip(skm.UNSUR_CODES, answers, strict=True)),
                            svc.Profile(usia="35-44", jenis_kelamin="P", pendidikan="SMA", pekerjaan="SWASTA",
                                        layanan="Legalisir Ijazah"), day=date(DEMO_YEAR, 3, 2))
    typed = tmp_path / "kertas.csv"
    rows = [";".join(str((i + k) % 4 + 1) for k in range(9)) + f";{10 + i % 9:02d}-04-{DEMO_YEAR}" for i in range(20)]
    typed.write_text(";".join(skm.UNSUR_CODES) + ";tanggal\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert import_responses(admin_pc, people.admin, typed, UNIT, DEMO_YEAR).imported == 20
    with admin_pc.reader() as s:
        first = s.scalars(select(SkmResponse.id).where(SkmResponse.survey_id == sid, SkmResponse.source == "KIOSK")
                          .order_by(SkmResponse.created_at)).first()
    svc.void_response(admin_pc, people.admin, first, "Uji coba oleh petugas loket")
    here = svc.results_of(admin_pc, sid)
    assert (here.result.respondents, here.voided) == (22, 1)

    office.sync("reader")
    assert not _has_survey(other, sid)  # nothing travels until the other PC syncs
    report = office.sync("penilai")
    assert not report.refused
    there = svc.results_of(other, sid)
    assert (there.result.respondents, there.voided, there.ikm, there.mutu) == (22, 1, here.ikm, here.mutu)
    assert there.as_dict() == here.as_dict()
    with other.reader() as s:
        voided = s.get(SkmResponse, first)
        assert voided.voided and voided.void_reason == "Uji coba oleh petugas loket"
        assert s.get(SkmSurvey, sid).population == 400
    assert _skm_rows(other) == _skm_rows(admin_pc)


def _has_survey(db, sid: str) -> bool:
    with db.reader() as s:
        return s.get(SkmSurvey, sid) is not None


def test_responses_from_a_non_admin_and_a_changed_answer_are_refused_elsewhere(office: Office,
                                                                               people: People) -> None:
    admin_pc, staff_pc, other = office.dbs["reader"], office.dbs["staff"], office.dbs["penilai"]
    sid = svc.open_survey(admin_pc, people.admin, UNIT, DEMO_YEAR)
    rid = svc.record_response(admin_pc, people.admin, sid, dict.fromkeys(skm.UNSUR_CODES, 3), day=date(DEMO_YEAR, 5, 5))
    office.sync("reader")
    office.sync("staff")
    # the staff member writes responses (and closes the survey) on her own PC, past the services
    with staff_pc.session(user=people.staff.username, role="PEGAWAI") as s:
        s.add(SkmResponse(survey_id=sid, **{c.lower(): 4 for c in skm.UNSUR_CODES}, answered_on=date(DEMO_YEAR, 5, 6),
                          layanan="", source="KIOSK", voided=False, void_reason=""))
        s.get(SkmSurvey, sid).status = "CLOSED"
    # the admin changes a saved answer directly in the database of the admin PC
    with admin_pc.session(user=people.admin.username, role="ADMIN") as s:
        s.get(SkmResponse, rid).u1 = 1
    office.sync("staff")
    office.sync("reader")
    report = office.sync("penilai")
    assert report.refused >= 3
    res = svc.results_of(other, sid)
    assert res.result.respondents == 1 and res.survey.status == "OPEN"
    with other.reader() as s:
        assert s.get(SkmResponse, rid).u1 == 3
        reasons = [r.reason for r in s.scalars(select(SyncRefused))]
    assert any("tidak dapat diubah setelah disimpan" in r for r in reasons), reasons
    assert any("bukan admin" in r and "skm_response" in r for r in reasons), reasons
    assert any("bukan admin" in r and "skm_survey" in r for r in reasons), reasons
