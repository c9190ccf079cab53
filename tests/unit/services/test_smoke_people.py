"""The shared fixtures give the actors the other tests rely on."""

from kinerja_desktop.services import plan_service


def test_people_fixture_roles(demo_db, people):
    view = plan_service.get_plan(demo_db, people.staff, people.staff_plan_id)
    assert view.status == "APPROVED"
    assert view.penilai_id == people.penilai.employee_id
    assert people.admin.is_admin
    assert people.drafter is not None
