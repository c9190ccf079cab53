"""The demo office's Survei Kepuasan Masyarakat: several units, periods, realistic IKM, unchanged rest."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from kinerja_desktop.domain import skm
from kinerja_desktop.services import demo_service
from kinerja_desktop.services.demo_service import build_demo
from kinerja_desktop.services.skm_service import results_of
from kinerja_desktop.store.db import open_database
from kinerja_desktop.store.models import Employee, Evaluation, Plan, SkmResponse, SkmSurvey, Unit

TODAY = date(2026, 11, 22)


def test_demo_surveys_cover_several_units_and_periods_with_plausible_results(tmp_path):
    db = open_database(tmp_path / "demo.sqlite")
    summary = build_demo(db, employees=200, seed=1, year=2026, today=TODAY)
    with db.reader() as s:
        rows = s.execute(select(SkmSurvey.id, Unit.code, SkmSurvey.year, SkmSurvey.period, SkmSurvey.status)
                         .join(Unit, Unit.id == SkmSurvey.unit_id)).all()
        stored = s.scalar(select(func.count()).select_from(SkmResponse))
    assert summary.surveys == len(rows) and summary.survey_responses == stored
    assert len({code for _id, code, *_ in rows}) >= 4  # several units
    assert {(y, p) for _id, _c, y, p, _st in rows} == {(2025, "TAHUNAN"), (2026, "S1"), (2026, "S2")}
    for sid, code, year, period, status in rows:
        res = results_of(db, sid)
        assert status == ("OPEN" if (year, period) == (2026, "S2") else "CLOSED")
        assert res.ikm is not None and 65 <= res.ikm <= 95, (code, period, res.ikm)
        assert res.result.respondents >= 10 and res.voided == 1  # one officer's test entry voided
        assert res.first_day >= date(year, 1, 1) and res.last_day <= TODAY
        assert set(res.by_service) <= set(res.survey.services)
        if status == "CLOSED":  # enough respondents for the sample table, an analysis naming the weakest unsur
            assert res.result.respondents >= res.survey.required_sample
            weak = res.result.weakest()
            assert weak.unsur.name in res.survey.analysis
            assert res.survey.follow_up[0]["unsur"] == weak.unsur.code and res.survey.follow_up[0]["employee_id"]
        if (year, period) != (2025, "TAHUNAN"):
            assert res.previous is not None and res.change() is not None
    # the IKM of a unit is its own weighted mean, as the regulation computes it
    res = results_of(db, rows[0][0])
    assert res.ikm == skm.round2(sum(u.nrr for u in res.result.unsur) / 9 * 25)


def _rows(db) -> tuple[list, list, list]:
    with db.reader() as s:
        return (s.execute(select(Employee.id, Employee.nip, Employee.name).order_by(Employee.id)).all(),
                s.execute(select(Plan.id, Plan.status).order_by(Plan.id)).all(),
                s.execute(select(Evaluation.id, Evaluation.predikat).order_by(Evaluation.id)).all())


def test_surveys_leave_the_rest_of_the_demo_as_it_was(tmp_path, monkeypatch):
    """The surveys draw from their own random stream and come last: an office built without them has
    exactly the same people, plans and evaluations (same ids) for the same seed."""
    with_surveys = open_database(tmp_path / "a.sqlite")
    build_demo(with_surveys, employees=30, seed=4, year=2026, today=TODAY)
    monkeypatch.setattr(demo_service, "_surveys", lambda *_args: (0, 0))
    without = open_database(tmp_path / "b.sqlite")
    build_demo(without, employees=30, seed=4, year=2026, today=TODAY)
    assert _rows(with_surveys) == _rows(without)
    with with_surveys.reader() as s:
        assert s.scalar(select(func.count()).select_from(SkmSurvey)) >= 3
    with without.reader() as s:
        assert s.scalar(select(func.count()).select_from(SkmSurvey)) == 0
