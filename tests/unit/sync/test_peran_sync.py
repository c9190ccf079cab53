"""Matriks peran hasil, tim kerja and penugasan across PCs: honest changes converge; rows written by a role
that does not own them (or with made-up codes) are refused on the other replicas."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kinerja_desktop.services import role_matrix_service as rm
from kinerja_desktop.store.models import Plan, Rhk
from kinerja_desktop.store.models_peran import Penugasan, PeranHasil, TimKerja, UsulanTanggapan
from kinerja_desktop.sync import conflicts
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import Office

pytestmark = pytest.mark.slow

YEAR = 2026


def _head_rhk(office: Office, people: People) -> str:
    with office.dbs["penilai"].reader() as s:
        return s.scalars(select(Rhk.id).join(Plan, Plan.id == Rhk.plan_id).where(
            Plan.employee_id == people.penilai.employee_id, Plan.year == YEAR, Plan.is_current.is_(True),
            Rhk.deleted.is_(False))).first()


def test_a_heads_matrix_and_the_staffs_answer_reach_every_replica(office: Office, people: People) -> None:
    rhk = _head_rhk(office, people)
    cell = rm.set_cell(office.dbs["penilai"], people.penilai, rhk, people.staff.employee_id, peran="Pelaksana",
                       text="Terverifikasinya berkas", indicators=[{"aspek": "KUANTITAS", "text": "Berkas",
                                                                     "target": "40 berkas"}])
    team = rm.save_team(office.dbs["penilai"], people.penilai, YEAR, "Tim Layanan Terpadu", [
        (people.other_penilai.employee_id, "Anggota")])
    office.sync("penilai")
    office.sync("staff")
    drafts = {d.id: d for d in rm.drafts_for_plan(office.dbs["staff"], people.staff, people.staff_plan_id)}
    assert drafts[cell].parent_rhk_id == rhk and drafts[cell].status == "PENDING"
    rm.decline_draft(office.dbs["staff"], people.staff, people.staff_plan_id, cell)
    office.sync("staff")
    office.sync("reader")
    with office.dbs["reader"].reader() as s:
        assert s.get(PeranHasil, cell).text == "Terverifikasinya berkas"
        assert s.get(TimKerja, team).name == "Tim Layanan Terpadu"
        assert s.scalars(select(UsulanTanggapan.status).where(UsulanTanggapan.usulan_id == cell)).all() == ["DECLINED"]
    assert conflicts.list_refused(office.dbs["reader"]) == []


def test_rows_outside_the_authors_role_are_refused(office: Office, people: People) -> None:
    rhk = _head_rhk(office, people)
    staff_db, rogue = office.dbs["staff"], office.dbs["penilai"]
    # Devices that skip the services: the staff member fills the head's matrix for himself; the other
    # pengawas makes a team in the head's name; the penilai (not an admin) records a mutation and answers
    # a draft in the staff member's SKP.
    with staff_db.session(user=people.staff.username, role="PEGAWAI") as s:
        s.add(PeranHasil(rhk_id=rhk, employee_id=people.staff.employee_id, text="Saya tulis sendiri", peran="",
                         kind="UTAMA", indicators=[], position=0))
    with rogue.session(user=people.other_penilai.username, role="PEGAWAI") as s:
        s.add(TimKerja(employee_id=people.penilai.employee_id, year=YEAR, name="Tim palsu", description="",
                       members=[]))
    with rogue.session(user=people.penilai.username, role="ADMIN") as s:
        s.add(Penugasan(employee_id=people.staff.employee_id, year=YEAR, kind="MUTASI", tmt=date(2026, 7, 1),
                        jabatan="", nomor_sk=""))
        s.add(UsulanTanggapan(plan_id=people.staff_plan_id, usulan_id="x" * 36, source="MATRIKS",
                              status="ACCEPTED"))
    office.sync("staff")
    office.sync("penilai")
    report = office.sync("reader")
    assert report.refused == 4 and report.applied == 0
    with office.dbs["reader"].reader() as s:
        assert s.scalars(select(PeranHasil).where(PeranHasil.text == "Saya tulis sendiri")).first() is None
        assert s.scalars(select(TimKerja).where(TimKerja.name == "Tim palsu")).first() is None
        assert s.scalars(select(Penugasan).where(Penugasan.employee_id == people.staff.employee_id)).first() is None
        assert s.scalars(select(UsulanTanggapan).where(UsulanTanggapan.usulan_id == "x" * 36)).first() is None
    reasons = " | ".join(r.reason for r in conflicts.list_refused(office.dbs["reader"]))
    for table in ("peran_hasil", "tim_kerja", "penugasan", "usulan_tanggapan"):
        assert table in reasons


def test_made_up_codes_are_refused(office: Office, people: People) -> None:
    with office.dbs["penilai"].session(user=people.penilai.username, role="PEGAWAI") as s:
        s.add(PeranHasil(rhk_id=_head_rhk(office, people), employee_id=people.staff.employee_id, text="Draf",
                         peran="", kind="UTAMA-PALSU", indicators=[], position=0))
    office.sync("penilai")
    report = office.sync("reader")
    assert report.applied == 0 and report.refused == 1
    assert "kode tidak dikenal" in conflicts.list_refused(office.dbs["reader"])[0].reason


def test_a_mutation_recorded_by_the_admin_and_opened_by_the_pegawai_syncs_without_refusals(
        office: Office, people: People) -> None:
    from kinerja_desktop.services import penugasan_service as ps
    from kinerja_desktop.services.auth_service import user_by_username

    reader = office.dbs["reader"]
    admin = user_by_username(reader, "admin")
    pid = ps.record_penugasan(reader, admin, people.staff.employee_id, "MUTASI", date(2026, 10, 1),
                              penilai_id=people.other_penilai.employee_id, nomor_sk="821.2/77/2026")
    office.sync("reader")
    office.sync("staff")
    new_plan = ps.open_plan(office.dbs["staff"], people.staff, pid)
    office.sync("staff")
    office.sync("penilai")
    with office.dbs["penilai"].reader() as s:
        row = s.get(Penugasan, pid)
        assert (row.plan_id, row.closed_plan_id) == (new_plan, people.staff_plan_id)
        assert s.get(Plan, people.staff_plan_id).is_current is False
        assert s.get(Plan, new_plan).penilai_id == people.other_penilai.employee_id
    assert conflicts.list_refused(office.dbs["penilai"]) == []
