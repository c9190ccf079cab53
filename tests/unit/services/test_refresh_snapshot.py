"""A draft plan takes its identity snapshot again after the roster changes (e.g. a new penilai)."""

from kinerja_desktop.services import plan_service, roster_service


def test_new_penilai_reaches_the_draft_plan_snapshot(demo_db, people):
    plan_id = people.drafter_plan_id
    before = plan_service.get_plan(demo_db, people.drafter, plan_id)
    new = next(u for u in (people.penilai, people.other_penilai) if u.employee_id != before.penilai_id)
    roster_service.set_supervisor(demo_db, people.admin, people.drafter.employee_id, new.employee_id, before.year)
    plan_service.refresh_snapshot(demo_db, people.drafter, plan_id)
    after = plan_service.get_plan(demo_db, people.drafter, plan_id)
    assert after.penilai_id == new.employee_id != before.penilai_id
    assert after.snapshot["penilai"]["nama"] == new.display_name
    assert after.snapshot["pegawai"] == before.snapshot["pegawai"]
