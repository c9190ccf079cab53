"""The IKM shown beside the appraisal (nearest surveying unit, last year's before any of this year ends)
and the survey list (respondents and IKM from one grouped query, equal to the full computation)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kinerja_desktop.domain import skm
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.services import skm_service as svc
from kinerja_desktop.services.query_service import unit_tree
from kinerja_desktop.services.skm_link import ikm_for_plan, ikm_near
from kinerja_desktop.store.models import Employee, Plan, Unit

YEAR = 2026


def _seksi(db):
    dinas = unit_tree(db)[0].children[0]
    return dinas, dinas.children[0].children[0]


def test_a_seksi_is_measured_by_its_dinas_survey_that_ended_within_the_period(demo_db, people):
    dinas, seksi = _seksi(demo_db)
    near = ikm_near(demo_db, seksi.id, YEAR, "TW3")
    assert near is not None and near.unit_code == dinas.code and near.period == "S1"
    res = svc.results(demo_db, people.staff, dinas.code, YEAR, "S1")  # the IKM is published: anyone reads it
    assert near.ikm == res.ikm and near.change == res.change() and near.respondents == res.result.respondents
    text = near.long_text()
    assert dinas.code in text and f"{res.ikm:.2f}".replace(".", ",") in text and "unsur terlemah" in text
    assert ("Naik" in text) == (res.change() > 0)


def test_before_any_survey_of_the_year_has_ended_last_years_annual_survey_is_shown(demo_db):
    dinas, seksi = _seksi(demo_db)
    near = ikm_near(demo_db, seksi.id, YEAR, "TW1")
    assert near is not None and (near.year, near.period) == (YEAR - 1, "TAHUNAN")


def test_no_survey_anywhere_above_gives_nothing(demo_db):
    root = unit_tree(demo_db)[0]
    assert ikm_near(demo_db, root.id, YEAR, "TW3") is None
    assert ikm_near(demo_db, None, YEAR, "TW3") is None


def test_the_ikm_of_an_evaluated_plan_is_its_employees_unit(demo_db, people):
    with demo_db.reader() as s:
        unit_id = s.execute(select(Employee.unit_id).join(Plan, Plan.employee_id == Employee.id)
                            .where(Plan.id == people.staff_plan_id)).scalar()
        code = s.get(Unit, unit_id).code
    shown = ikm_for_plan(demo_db, people.staff_plan_id, "TW3")
    assert shown is not None and code.startswith(shown.unit_code)
    assert ikm_for_plan(demo_db, "no-such-plan", "TW3") is None


def test_the_survey_list_agrees_with_the_full_results_and_is_for_admins(demo_db, people):
    sid = svc.open_survey(demo_db, people.admin, "D001.1", YEAR)
    day = date(YEAR, 6, 1)  # inside the survey's year, whatever today is
    rid = svc.record_response(demo_db, people.admin, sid, dict.fromkeys(skm.UNSUR_CODES, 2), day=day)
    svc.record_response(demo_db, people.admin, sid, dict.fromkeys(skm.UNSUR_CODES, 4), day=day)
    svc.void_response(demo_db, people.admin, rid, "Salah ketik")
    rows = svc.list_surveys(demo_db, people.admin, YEAR)
    assert [r.survey.year for r in rows] == [YEAR] * len(rows) and len(rows) >= 3
    for row in rows:
        full = svc.results_of(demo_db, row.survey.id)
        assert (row.respondents, row.ikm, row.mutu) == (full.result.respondents, full.ikm, full.mutu)
    mine = next(r for r in rows if r.survey.id == sid)
    assert (mine.respondents, mine.ikm) == (1, skm.round2(100))
    assert len(svc.list_surveys(demo_db, people.admin)) > len(rows)  # other years too
    with pytest.raises(PermissionDenied):
        svc.list_surveys(demo_db, people.staff)
