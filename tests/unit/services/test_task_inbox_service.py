"""Tugas: what waits for the penilai, the pegawai and the admin (only what each may see)."""

from __future__ import annotations

from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.services.task_inbox_service import TAB_EVALUASI, TAB_SKP, inbox
from kinerja_desktop.store.models import Employee
from tests.helpers.fixtures import DEMO_YEAR


def _penilai_of_drafter(db, people):
    penilai_id = ps.get_plan(db, people.drafter, people.drafter_plan_id).penilai_id
    with db.reader() as s:
        return user_by_username(db, s.get(Employee, penilai_id).nip)


def test_a_submitted_skp_waits_for_its_penilai_and_a_returned_one_for_its_pegawai(demo_db, people) -> None:
    penilai = _penilai_of_drafter(demo_db, people)
    assert not [i for i in inbox(demo_db, penilai, DEMO_YEAR, "TW4") if i.kind == "setujui_skp"]
    assert [i.kind for i in inbox(demo_db, people.drafter, DEMO_YEAR, "TW4")][:1] == ["ajukan_skp"]
    ps.submit_plan(demo_db, people.drafter, people.drafter_plan_id)
    waiting = [i for i in inbox(demo_db, penilai, DEMO_YEAR, "TW4") if i.kind == "setujui_skp"]
    assert [(i.employee_id, i.tab) for i in waiting] == [(people.drafter.employee_id, TAB_SKP)]
    ps.return_plan(demo_db, penilai, people.drafter_plan_id, "Target RHK 2 belum terukur.")
    mine = inbox(demo_db, people.drafter, DEMO_YEAR, "TW4")
    assert mine[0].kind == "skp_dikembalikan" and "Target RHK 2 belum terukur." in mine[0].detail
    assert not [i for i in inbox(demo_db, penilai, DEMO_YEAR, "TW4") if i.kind == "setujui_skp"]


def test_open_and_final_evaluations(demo_db, people) -> None:
    """An approved SKP's evaluation of the period in view is to be finished; a final one is to be read
    by the pegawai, and signed by both."""
    open_ = [i for i in inbox(demo_db, people.penilai, DEMO_YEAR, "TW4") if i.kind == "isi_evaluasi"]
    assert people.staff.employee_id in {i.employee_id for i in open_}
    assert all(i.tab == TAB_EVALUASI and i.period == "TW4" for i in open_)
    es.set_ratings(demo_db, people.penilai, people.staff_plan_id, "TW4", hasil="SESUAI", perilaku="SESUAI")
    es.finalise(demo_db, people.penilai, people.staff_plan_id, "TW4")
    penilai_items = inbox(demo_db, people.penilai, DEMO_YEAR, "TW4")
    assert people.staff.employee_id not in {i.employee_id for i in penilai_items if i.kind == "isi_evaluasi"}
    assert ("tandatangani", "TW4") in {(i.kind, i.period) for i in penilai_items
                                       if i.employee_id == people.staff.employee_id}
    staff_items = inbox(demo_db, people.staff, DEMO_YEAR, "TW4")
    assert ("baca_evaluasi", "TW4") in {(i.kind, i.period) for i in staff_items}
    es.mark_read(demo_db, people.staff, people.staff_plan_id, "TW4")
    staff_items = inbox(demo_db, people.staff, DEMO_YEAR, "TW4")
    assert ("tandatangani", "TW4") in {(i.kind, i.period) for i in staff_items}


def test_nobody_sees_other_peoples_tasks(demo_db, people) -> None:
    """The other penilai's inbox names none of this penilai's subordinates; an admin without an employee
    record gets only the office's own items."""
    mine = {i.employee_id for i in inbox(demo_db, people.penilai, DEMO_YEAR, "TW4")} - {people.penilai.employee_id}
    other = {i.employee_id for i in inbox(demo_db, people.other_penilai, DEMO_YEAR, "TW4")}
    assert mine and not (mine & other)
    assert all(i.employee_id is None for i in inbox(demo_db, people.admin, DEMO_YEAR, "TW4"))
