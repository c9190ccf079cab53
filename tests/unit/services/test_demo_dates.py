"""The demo office looks like a real one on paper: approved plans carry their approval day and FINAL
evaluations the day they became final, so signable sheets print a date instead of 'Kota Contoh, ......'."""

from __future__ import annotations

from sqlalchemy import select

from kinerja_desktop.documents.loader import SheetLoader
from kinerja_desktop.documents.render import render
from kinerja_desktop.domain.periods import period
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Evaluation, Plan
from tests.helpers.fixtures import DEMO_TODAY, DEMO_YEAR, People
from tests.unit.documents.pdf_checks import page_texts


def test_final_evaluations_have_finalised_at_after_their_period_and_not_after_today(demo_db: Database) -> None:
    with demo_db.reader() as s:
        rows = s.execute(select(Evaluation.period, Evaluation.finalised_at).where(Evaluation.status == "FINAL")).all()
    assert rows
    for code, finalised in rows:
        assert finalised is not None, code
        assert period(code).end(DEMO_YEAR) < finalised.date() <= DEMO_TODAY


def test_approved_plans_were_submitted_then_approved_in_january(demo_db: Database) -> None:
    with demo_db.reader() as s:
        # The first SKP of the year; an SKP opened mid-year for a mutation is approved when it opens.
        plans = s.execute(select(Plan.status, Plan.submitted_at, Plan.approved_at).where(Plan.version == 1)).all()
    approved = [p for p in plans if p.status == "APPROVED"]
    assert approved and all(p.approved_at is not None and p.approved_at.month == 1 for p in approved)
    assert all(p.submitted_at <= p.approved_at for p in approved)
    assert all(p.approved_at is None for p in plans if p.status != "APPROVED")


def test_a_demo_sheet_prints_its_date_line(demo_db: Database, people: People) -> None:
    loader = SheetLoader(demo_db)
    (evaluasi,) = loader.load("evaluasi", [people.staff.employee_id], DEMO_YEAR, "TW3")
    (skp,) = loader.load("skp", [people.staff.employee_id], DEMO_YEAR, "TAHUNAN")
    assert evaluasi.tanggal is not None and evaluasi.tanggal.month == 10
    assert skp.tanggal is not None and skp.tanggal.month == 1
    for sheet, month in ((evaluasi, "Oktober"), (skp, "Januari")):
        text = "\n".join(page_texts(render(sheet).pdf))
        assert f"{month} {DEMO_YEAR}" in text
        assert ", ......" not in text
