"""Roster editing by the admin (units, employees, penilai links) and who sees which employees."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from kinerja_desktop.services import query_service as qs
from kinerja_desktop.services import roster_service as rs
from kinerja_desktop.services.auth_service import create_first_admin
from kinerja_desktop.store.models import Employee, Unit


@pytest.fixture
def admin(empty_db):
    return create_first_admin(empty_db, "admin", "rahasia-kantor")


def test_units_form_a_tree_and_cannot_loop(empty_db, admin):
    rs.save_unit(empty_db, admin, "PEMDA", "Pemerintah Kabupaten")
    rs.save_unit(empty_db, admin, "DINAS", "Dinas Kesehatan", "PEMDA")
    rs.save_unit(empty_db, admin, "SEKSI", "Seksi Gizi", "DINAS")
    [root] = qs.unit_tree(empty_db)
    assert (root.code, root.children[0].code, root.children[0].children[0].level) == ("PEMDA", "DINAS", 2)
    with pytest.raises(ValidationError, match="bawahan unitnya sendiri"):
        rs.save_unit(empty_db, admin, "PEMDA", "Pemerintah Kabupaten", "SEKSI")
    with pytest.raises(ValidationError, match="Unit induk NOPE tidak ditemukan"):
        rs.save_unit(empty_db, admin, "X", "X", "NOPE")


def test_a_tombstoned_unit_code_can_be_used_again(empty_db, admin):
    uid = rs.save_unit(empty_db, admin, "LAMA", "Unit Lama")
    with empty_db.session(user="admin", role="ADMIN") as s:
        s.get(Unit, uid).deleted = True
    again = rs.save_unit(empty_db, admin, "LAMA", "Unit Lama Dihidupkan")
    with empty_db.reader() as s:
        unit = s.get(Unit, again)
    assert (again, unit.name, unit.deleted) == (uid, "Unit Lama Dihidupkan", False)


def test_save_employee_validates_and_updates_by_nip(empty_db, admin):
    rs.save_unit(empty_db, admin, "U", "Unit")
    data = rs.EmployeeInput(nip="19660801 198803 1 001", name="Budi", golongan="3a", unit_code="U")
    first = rs.save_employee(empty_db, admin, data)
    data.name, data.jabatan = "Budi Santoso", "Analis"
    assert rs.save_employee(empty_db, admin, data) == first
    with empty_db.reader() as s:
        emp = s.get(Employee, first)
    assert (emp.nip, emp.name, emp.golongan, emp.asn_kind, emp.jabatan) == (
        "196608011988031001", "Budi Santoso", "III/a", "PNS", "Analis")
    with pytest.raises(ValidationError, match="adalah nomor PNS"):
        rs.save_employee(empty_db, admin, rs.EmployeeInput(nip="196608011988031001", name="B", asn_kind="PPPK"))
    with pytest.raises(ValidationError, match="NIP wajib diisi"):
        rs.save_employee(empty_db, admin, rs.EmployeeInput(nip="", name="Tanpa NIP"))
    pejabat = rs.save_employee(empty_db, admin, rs.EmployeeInput(nip="", name="Bupati", asn_kind="LAINNYA"))
    with empty_db.reader() as s:
        assert s.get(Employee, pejabat).nip is None


def test_supervisor_links_refuse_loops(empty_db, admin):
    ids = [rs.save_employee(empty_db, admin, rs.EmployeeInput(nip=f"1970010119950310{i:02d}", name=f"P{i}"))
           for i in range(1, 4)]
    rs.set_supervisor(empty_db, admin, ids[1], ids[0], 2026)
    rs.set_supervisor(empty_db, admin, ids[2], ids[1], 2026)
    with pytest.raises(ConflictError, match="melingkar"):
        rs.set_supervisor(empty_db, admin, ids[0], ids[2], 2026)
    with pytest.raises(ValidationError, match="dirinya sendiri"):
        rs.set_supervisor(empty_db, admin, ids[0], ids[0], 2026)
    rs.set_supervisor(empty_db, admin, ids[0], ids[2], 2027)  # another year, another chain


def test_roster_editing_is_admin_only(demo_db, people):
    for user in (people.staff, people.penilai, people.atasan):
        with pytest.raises(PermissionDenied, match="Hanya admin"):
            rs.save_unit(demo_db, user, "X", "X")
        with pytest.raises(PermissionDenied):
            rs.set_supervisor(demo_db, user, people.staff.employee_id, user.employee_id, 2026)


def test_employee_list_shows_each_user_only_what_they_may_see(demo_db, people):
    everyone = qs.employee_rows(demo_db, people.admin, 2026)
    assert len(everyone) == 60
    mine = {r.id for r in qs.employee_rows(demo_db, people.staff, 2026)}
    assert mine == {people.staff.employee_id}
    team = {r.id for r in qs.employee_rows(demo_db, people.penilai, 2026)}
    assert {people.penilai.employee_id, people.staff.employee_id} <= team
    assert people.atasan.employee_id not in team
    chain = {r.id for r in qs.employee_rows(demo_db, people.atasan, 2026)}
    assert team <= chain  # two levels down
    with demo_db.reader() as s:
        assert s.execute(select(Employee.id).where(Employee.id == people.other_penilai.employee_id)).scalar()
    assert people.other_penilai.employee_id not in team
