"""Capaian Kinerja Organisasi has one source (query_service.capaian_by_unit): the evaluation screen, the
Evaluasi and Dokumen Evaluasi sheets, the unit's Penetapan Predikat and the curve check show the same value."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.documents.loader import SheetLoader
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.penilaian import PredikatOrganisasi
from kinerja_desktop.services import evaluation_service as es
from kinerja_desktop.services import query_service as qs
from kinerja_desktop.services.roster_service import set_unit_predikat
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Evaluation, Unit, UnitPredikat
from tests.helpers.fixtures import DEMO_YEAR, People


def _staff_unit(db: Database, people: People) -> tuple[str, list[str]]:
    """The staff member's unit and its chain of ancestors (own unit first)."""
    with db.reader() as s:
        unit_id = s.get(Employee, people.staff.employee_id).unit_id
        parents = {uid: parent for uid, parent in s.execute(select(Unit.id, Unit.parent_id))}
    chain = [unit_id]
    while parents.get(chain[-1]):
        chain.append(parents[chain[-1]])
    return unit_id, chain


def test_screen_sheets_and_penetapan_agree_with_the_units_predikat(demo_db: Database, people: People) -> None:
    """GIVEN the demo, whose FINAL evaluations recorded BAIK while the top unit was set ISTIMEWA, WHEN the
    staff's TW3 is shown and printed THEN the screen, both sheets and the penetapan say ISTIMEWA."""
    unit_id, _chain = _staff_unit(demo_db, people)
    set_unit_predikat(demo_db, people.admin, unit_id, DEMO_YEAR, "ISTIMEWA")  # set by the leader one level up
    with demo_db.reader() as s:
        recorded = s.execute(select(Evaluation.capaian_organisasi).where(
            Evaluation.plan_id == people.staff_plan_id, Evaluation.period == "TW3")).scalar()
    assert recorded == "BAIK"  # the value the sheet used to print

    screen = es.get_evaluation(demo_db, people.penilai, people.staff_plan_id, "TW3").capaian_organisasi
    loader = SheetLoader(demo_db)
    (evaluasi,) = loader.load("evaluasi", [people.staff.employee_id], DEMO_YEAR, "TW3")
    (dokumen,) = loader.load("dokumen-evaluasi", [people.staff.employee_id], DEMO_YEAR, "TW3")
    penetapan = loader.penetapan(unit_id, DEMO_YEAR, "TW3")
    assert screen == "ISTIMEWA"
    assert evaluasi.capaian_organisasi is dokumen.capaian_organisasi is PredikatOrganisasi.ISTIMEWA
    assert penetapan.predikat_organisasi is PredikatOrganisasi.ISTIMEWA
    assert qs.unit_predikat(demo_db, unit_id, DEMO_YEAR, "TW3") == "ISTIMEWA"


def _clear_unit_predikat(db: Database) -> None:
    with db.session(user="admin", role="ADMIN") as s:
        for row in s.scalars(select(UnitPredikat)):
            row.deleted = True


def test_a_periods_own_predikat_wins_and_the_nearest_unit_wins(demo_db: Database, people: People) -> None:
    unit_id, chain = _staff_unit(demo_db, people)
    _clear_unit_predikat(demo_db)
    set_unit_predikat(demo_db, people.admin, chain[-1], DEMO_YEAR, "ISTIMEWA")
    set_unit_predikat(demo_db, people.admin, chain[-1], DEMO_YEAR, "BUTUH_PERBAIKAN", period="TW3")
    with demo_db.reader() as s:
        assert qs.capaian_by_unit(s, [unit_id], DEMO_YEAR, "TW3")[unit_id] == "BUTUH_PERBAIKAN"
        assert qs.capaian_by_unit(s, [unit_id], DEMO_YEAR, "TW2")[unit_id] == "ISTIMEWA"
    if len(chain) > 1:
        set_unit_predikat(demo_db, people.admin, unit_id, DEMO_YEAR, "KURANG")
        with demo_db.reader() as s:
            assert qs.capaian_by_unit(s, [unit_id], DEMO_YEAR, "TW3")[unit_id] == "KURANG"


def test_the_evaluations_own_value_counts_only_where_no_unit_has_one(demo_db: Database, people: People) -> None:
    _clear_unit_predikat(demo_db)
    screen = es.get_evaluation(demo_db, people.penilai, people.staff_plan_id, "TW3").capaian_organisasi
    (sheet,) = SheetLoader(demo_db).load("evaluasi", [people.staff.employee_id], DEMO_YEAR, "TW3")
    assert screen == "BAIK" and sheet.capaian_organisasi is PredikatOrganisasi.BAIK


def test_a_penilai_cannot_record_another_value_where_the_unit_has_one(demo_db: Database, people: People) -> None:
    unit_id, _chain = _staff_unit(demo_db, people)
    set_unit_predikat(demo_db, people.admin, unit_id, DEMO_YEAR, "ISTIMEWA")
    with pytest.raises(ValidationError, match=r"sudah ditetapkan \(Istimewa\)"):
        es.set_details(demo_db, people.penilai, people.staff_plan_id, "TW4", capaian_organisasi="BAIK")
    es.set_details(demo_db, people.penilai, people.staff_plan_id, "TW4", capaian_organisasi="ISTIMEWA")
    assert es.get_evaluation(demo_db, people.penilai, people.staff_plan_id, "TW4").capaian_organisasi == "ISTIMEWA"
