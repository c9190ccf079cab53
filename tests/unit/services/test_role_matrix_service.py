"""Matriks peran hasil: the unit head distributes RHK; staff see draft RHK with intervensi and accept them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from kinerja_desktop.services import plan_service
from kinerja_desktop.services import role_matrix_service as rm
from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.services.common import plan_subject
from kinerja_desktop.store.models import ChangeLog, Employee, Indicator, Plan, Rhk, Supervision
from kinerja_desktop.store.models_peran import UsulanTanggapan
from tests.helpers.fixtures import People

YEAR = 2027  # a fresh year: every plan starts as a draft


@pytest.fixture
def setup(demo_db, people: People):
    head, staff = people.penilai, people.staff
    head_plan = plan_service.create_plan(demo_db, head, head.employee_id, YEAR)
    rhk_a = plan_service.add_rhk(demo_db, head, head_plan, text="Terwujudnya layanan perizinan tepat waktu")
    rhk_b = plan_service.add_rhk(demo_db, head, head_plan, text="Tersusunnya laporan kinerja seksi")
    staff_plan = plan_service.create_plan(demo_db, staff, staff.employee_id, YEAR)
    return head, staff, head_plan, rhk_a, rhk_b, staff_plan


def test_head_fills_a_cell_and_the_staff_member_accepts_it_with_the_intervensi_set(demo_db, setup) -> None:
    head, staff, _head_plan, rhk_a, _rhk_b, staff_plan = setup
    cell = rm.set_cell(demo_db, head, rhk_a, staff.employee_id, peran="Pelaksana verifikasi",
                       text="Terverifikasinya berkas permohonan izin",
                       indicators=[{"aspek": "Kuantitas", "text": "Jumlah berkas diverifikasi", "target": "240 berkas"},
                                   {"aspek": "Waktu", "text": "Lama verifikasi", "target": "2 hari"}])
    m = rm.matrix(demo_db, head, YEAR)
    assert [r.number for r in m.rows] == ["A.1", "A.2"]
    assert staff.employee_id in {p.employee_id for p in m.people}
    assert m.cell(rhk_a, staff.employee_id).peran == "Pelaksana verifikasi" and m.filled == 1

    drafts = rm.drafts_for_plan(demo_db, staff, staff_plan)
    assert [(d.id, d.parent_rhk_id, d.status) for d in drafts] == [(cell, rhk_a, "PENDING")]
    rhk_id = rm.accept_draft(demo_db, staff, staff_plan, cell)

    with demo_db.reader() as s:
        rhk = s.get(Rhk, rhk_id)
        assert (rhk.plan_id, rhk.parent_rhk_id, rhk.text) == (staff_plan, rhk_a, "Terverifikasinya berkas permohonan izin")
        inds = s.scalars(select(Indicator).where(Indicator.rhk_id == rhk_id).order_by(Indicator.position)).all()
        assert [(i.aspek, i.target_value, i.target_unit) for i in inds] == [("KUANTITAS", 240.0, "berkas"),
                                                                           ("WAKTU", 2.0, "hari")]
        # one transaction, captured for sync: the RHK, two indicators and the answer
        answer = s.scalars(select(UsulanTanggapan.id).where(UsulanTanggapan.plan_id == staff_plan)).one()
        tables = [t for (t,) in s.execute(select(ChangeLog.table_name).where(ChangeLog.row_id.in_(
            [rhk_id, answer, *[i.id for i in inds]])))]
        assert sorted(tables) == ["indicator", "indicator", "rhk", "usulan_tanggapan"]
    assert rm.matrix(demo_db, head, YEAR).cell(rhk_a, staff.employee_id).status == "ACCEPTED"
    view = plan_service.get_plan(demo_db, staff, staff_plan)
    assert view.rhk[0].parent_text == "Terwujudnya layanan perizinan tepat waktu"
    with pytest.raises(ValidationError, match="sudah diterima"):
        rm.accept_draft(demo_db, staff, staff_plan, cell)


def test_accepting_with_edits_and_declining(demo_db, setup) -> None:
    head, staff, _hp, rhk_a, rhk_b, staff_plan = setup
    c1 = rm.set_cell(demo_db, head, rhk_a, staff.employee_id, text="Draf satu",
                     indicators=[{"aspek": "Kuantitas", "text": "Berkas", "target": "10 berkas"}])
    c2 = rm.set_cell(demo_db, head, rhk_b, staff.employee_id, text="Draf dua")
    rhk_id = rm.accept_draft(demo_db, staff, staff_plan, c1, text="Draf satu yang disesuaikan",
                             indicators=[{"aspek": "Kualitas", "text": "Berkas lengkap", "target": "95 %"}])
    rm.decline_draft(demo_db, staff, staff_plan, c2)
    view = plan_service.get_plan(demo_db, staff, staff_plan)
    assert [(r.text, r.parent_rhk_id, [i.target_display for i in r.indicators]) for r in view.rhk] == [
        ("Draf satu yang disesuaikan", rhk_a, ["95 %"])]
    statuses = {d.id: d.status for d in rm.drafts_for_plan(demo_db, staff, staff_plan)}
    assert statuses == {c1: "ACCEPTED", c2: "DECLINED"}
    # removing the accepted RHK from the SKP offers the draft again
    plan_service.remove_rhk(demo_db, staff, rhk_id)
    assert {d.id: d.status for d in rm.drafts_for_plan(demo_db, staff, staff_plan)}[c1] == "PENDING"


def test_tim_kerja_brings_in_people_from_other_units_and_strangers_are_refused(demo_db, setup, people) -> None:
    head, _staff, _hp, rhk_a, _rhk_b, _sp = setup
    with demo_db.reader() as s:
        mine = set(s.scalars(select(Supervision.employee_id).where(Supervision.supervisor_id == head.employee_id)))
        outsider = s.scalars(select(Employee.id).where(Employee.id.not_in(mine | {head.employee_id}),
                                                       Employee.nip.is_not(None))).first()
    with pytest.raises(ValidationError, match="bukan bawahan Anda"):
        rm.set_cell(demo_db, head, rhk_a, outsider, text="Draf")
    team = rm.save_team(demo_db, head, YEAR, "Tim Percepatan Perizinan", [(outsider, "Anggota")],
                        description="Lintas bidang")
    cell = rm.set_cell(demo_db, head, rhk_a, outsider, text="Tersusunnya kajian teknis izin", tim_kerja_id=team)
    m = rm.matrix(demo_db, head, YEAR)
    person = next(p for p in m.people if p.employee_id == outsider)
    assert person.via == "Tim Tim Percepatan Perizinan"
    assert m.cell(rhk_a, outsider).tim_kerja == "Tim Percepatan Perizinan"
    # the outsider sees the draft in a new SKP of their own
    outsider_user = user_by_username(demo_db, _nip(demo_db, outsider))
    plan = plan_service.create_plan(demo_db, outsider_user, outsider, YEAR)
    assert [d.id for d in rm.drafts_for_plan(demo_db, outsider_user, plan)] == [cell]


def test_only_the_head_writes_the_matrix_and_only_the_owner_accepts(demo_db, setup, people) -> None:
    head, staff, _hp, rhk_a, _rhk_b, staff_plan = setup
    with pytest.raises(PermissionDenied):
        rm.set_cell(demo_db, staff, rhk_a, staff.employee_id, text="Saya isi sendiri")
    with pytest.raises(PermissionDenied):
        rm.set_cell(demo_db, people.admin, rhk_a, staff.employee_id, text="Admin mengisi")
    cell = rm.set_cell(demo_db, head, rhk_a, staff.employee_id, text="Draf")
    with pytest.raises(PermissionDenied):
        rm.accept_draft(demo_db, head, staff_plan, cell)
    with pytest.raises(NotFound):
        rm.accept_draft(demo_db, staff, staff_plan, "00000000-0000-4000-8000-000000000000")
    with pytest.raises(ValidationError, match="wajib diisi"):
        rm.set_cell(demo_db, head, rhk_a, staff.employee_id, text="  ")
    with pytest.raises(ValidationError, match="Aspek"):
        rm.set_cell(demo_db, head, rhk_a, staff.employee_id, text="X", indicators=[{"aspek": "Mutu", "text": "a"}])


def test_cells_follow_the_heads_rhk_into_a_revision(demo_db, setup) -> None:
    head, staff, head_plan, rhk_a, _rhk_b, _sp = setup
    rm.set_cell(demo_db, head, rhk_a, staff.employee_id, text="Draf")
    plan_service.add_indicator(demo_db, head, rhk_a, text="Persentase izin tepat waktu", target="95 %")
    plan_service.add_indicator(demo_db, head, _rhk_b, text="Laporan", target="4 laporan")
    plan_service.submit_plan(demo_db, head, head_plan)
    with demo_db.reader() as s:
        approver_id = plan_subject(s, s.get(Plan, head_plan)).penilai_id
    approver = user_by_username(demo_db, _nip(demo_db, approver_id))
    plan_service.approve_plan(demo_db, approver, head_plan)
    new_plan = plan_service.revise_plan(demo_db, head, head_plan)
    m = rm.matrix(demo_db, head, YEAR)
    assert m.plan_id == new_plan
    assert m.filled == 1 and m.rows[0].cells[staff.employee_id].text == "Draf"


def _nip(db, employee_id: str) -> str:
    with db.reader() as s:
        return s.get(Employee, employee_id).nip
