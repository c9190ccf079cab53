"""A year with changes: a mid-year mutation gives two SKP and a correct annual evaluation; Plt. gets a second SKP."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.services import evaluation_service as ev
from kinerja_desktop.services import penugasan_service as ps
from kinerja_desktop.services import plan_service, roster_service, settings_service
from kinerja_desktop.services.acting import acting_title
from kinerja_desktop.services.plan_versions import plans_for_period
from kinerja_desktop.store.models import Employee, Evaluation, Plan, Supervision
from tests.helpers.fixtures import People

YEAR = 2026


def _rate(db, user, plan_id: str, period: str, hasil: str, perilaku: str) -> None:
    with db.reader() as s:
        row = s.execute(select(Evaluation).where(Evaluation.plan_id == plan_id, Evaluation.period == period)).scalar()
        status = row.status if row else None
    if status == "FINAL":
        ev.reopen(db, user, plan_id, period)
    ev.set_ratings(db, user, plan_id, period, hasil=hasil, perilaku=perilaku)
    ev.finalise(db, user, plan_id, period)


def _approved_new_plan(db, staff, penilai, plan_id: str) -> None:
    rhk = plan_service.add_rhk(db, staff, plan_id, text="Terselesaikannya kajian perizinan")
    plan_service.add_indicator(db, staff, rhk, text="Jumlah kajian", target="3 dokumen")
    plan_service.submit_plan(db, staff, plan_id)
    plan_service.approve_plan(db, penilai, plan_id)


def _mutate(demo_db, people: People, tmt: date) -> tuple[str, str, str]:
    staff, new_penilai = people.staff, people.other_penilai
    with demo_db.reader() as s:
        unit_id = s.get(Employee, new_penilai.employee_id).unit_id
    pid = ps.record_penugasan(demo_db, people.admin, staff.employee_id, "MUTASI", tmt, jabatan="Analis Perizinan",
                              unit_id=unit_id, penilai_id=new_penilai.employee_id, nomor_sk="800/123/2026")
    roster_service.set_supervisor(demo_db, people.admin, staff.employee_id, new_penilai.employee_id, YEAR)
    return pid, people.staff_plan_id, ps.open_plan(demo_db, staff, pid)


def test_a_mutation_on_1_july_closes_the_old_skp_and_the_year_combines_both(demo_db, people: People) -> None:
    staff, old_penilai, new_penilai = people.staff, people.penilai, people.other_penilai
    pid, old_plan, new_plan = _mutate(demo_db, people, date(2026, 7, 1))
    assert ps.open_plan(demo_db, staff, pid) == new_plan  # opening twice gives the same SKP
    with demo_db.reader() as s:
        old, new = s.get(Plan, old_plan), s.get(Plan, new_plan)
        assert (old.is_current, old.penilai_id) == (False, old_penilai.employee_id)
        assert (new.is_current, new.version, new.penilai_id) == (True, old.version + 1, new_penilai.employee_id)
        assert new.snapshot["pegawai"]["jabatan"] == "Analis Perizinan"
    assert plan_service.current_plan_id(demo_db, staff.employee_id, YEAR) == new_plan

    # GIVEN the old penilai closes the old SKP with TW2 (the quarter of 30 June): Sesuai / Di Atas
    _rate(demo_db, old_penilai, old_plan, "TW2", "SESUAI", "DI_ATAS")
    # AND the new penilai evaluates the new SKP's TW3 (not blocked by the old SKP's TW3) and TW4: Di Atas / Di Atas
    _approved_new_plan(demo_db, staff, new_penilai, new_plan)
    _rate(demo_db, new_penilai, new_plan, "TW3", "DI_ATAS", "DI_ATAS")
    _rate(demo_db, new_penilai, new_plan, "TW4", "DI_ATAS", "DI_ATAS")

    view = ps.year_overview(demo_db, new_penilai, staff.employee_id, YEAR)
    assert [(g.start, g.end, g.closing_period, g.hasil, g.perilaku) for g in view.segments] == [
        (date(2026, 1, 1), date(2026, 6, 30), "TW2", "SESUAI", "DI_ATAS"),
        (date(2026, 7, 1), date(2026, 12, 31), "TW4", "DI_ATAS", "DI_ATAS"),
    ]
    # (181 x 2 + 184 x 3) / 365 = 914/365 = 2.504 -> Di Atas; perilaku 3 -> Di Atas: Sangat Baik
    assert view.combination.score_hasil == Fraction(914, 365)
    assert ps.apply_annual(demo_db, new_penilai, staff.employee_id, YEAR) == "SANGAT_BAIK"
    annual = ev.get_evaluation(demo_db, new_penilai, new_plan, "TAHUNAN")
    assert (annual.rating_hasil, annual.rating_perilaku) == ("DI_ATAS", "DI_ATAS")
    assert "181 hari" in annual.catatan and "2.504" in annual.catatan
    # the period sheets of the year come from the new SKP, not from the closed one
    with demo_db.reader() as s:
        assert plans_for_period(s, [staff.employee_id], YEAR, "TW3")[staff.employee_id].id == new_plan


def test_the_last_penilai_rule_is_an_instansi_setting(demo_db, people: People) -> None:
    settings_service.set_setting(demo_db, people.admin, "penugasan.aturan_tahunan", "TERAKHIR")
    _pid, _old, _new = _mutate(demo_db, people, date(2026, 7, 3))
    view = ps.year_overview(demo_db, people.other_penilai, people.staff.employee_id, YEAR)
    assert view.rule == "TERAKHIR" and view.segments[0].end == date(2026, 7, 2)
    assert view.segments[0].closing_period == "TW3"  # 2 July falls in the third quarter
    with pytest.raises(ValidationError, match="jabatan terakhir"):
        ps.apply_annual(demo_db, people.other_penilai, people.staff.employee_id, YEAR)


def test_apply_annual_waits_for_the_old_skp_and_is_the_penilais_act(demo_db, people: People) -> None:
    _pid, _old_plan, new_plan = _mutate(demo_db, people, date(2026, 10, 1))
    _approved_new_plan(demo_db, people.staff, people.other_penilai, new_plan)
    _rate(demo_db, people.other_penilai, new_plan, "TW4", "SESUAI", "SESUAI")
    view = ps.year_overview(demo_db, people.other_penilai, people.staff.employee_id, YEAR)
    assert view.segments[0].closing_period == "TW3"
    with pytest.raises(PermissionDenied):
        ps.apply_annual(demo_db, people.staff, people.staff.employee_id, YEAR)
    with pytest.raises(PermissionDenied):
        ps.record_penugasan(demo_db, people.staff, people.staff.employee_id, "PROMOSI", date(2026, 5, 1))


def test_bad_penugasan_input_gets_indonesian_errors(demo_db, people: People) -> None:
    admin, eid = people.admin, people.staff.employee_id
    with pytest.raises(ValidationError, match="tidak dikenal"):
        ps.record_penugasan(demo_db, admin, eid, "PINDAH", date(2026, 5, 1))
    with pytest.raises(ValidationError, match="sebelum TMT"):
        ps.record_penugasan(demo_db, admin, eid, "PLT", date(2026, 5, 1), end_date=date(2026, 4, 1),
                            jabatan="Kepala Seksi", penilai_id=people.atasan.employee_id)
    with pytest.raises(ValidationError, match="pejabat penilai"):
        ps.record_penugasan(demo_db, admin, eid, "PLH", date(2026, 5, 1), jabatan="Kepala Seksi")
    with pytest.raises(ValidationError, match="1 Januari"):
        ps.record_penugasan(demo_db, admin, eid, "MUTASI", date(2026, 1, 1))


def test_plt_gets_a_second_skp_beside_the_definitive_one_and_its_staff_print_the_acting_title(
        demo_db, people: People) -> None:
    staff, atasan = people.staff, people.atasan
    with demo_db.reader() as s:
        unit_id = s.get(Employee, people.penilai.employee_id).unit_id
        colleague = s.scalars(select(Supervision.employee_id).where(
            Supervision.supervisor_id == people.penilai.employee_id,
            Supervision.employee_id != staff.employee_id)).first()
    pid = ps.record_penugasan(demo_db, people.admin, staff.employee_id, "PLT", date(2026, 3, 2),
                              end_date=date(2026, 12, 31), jabatan="Kepala Seksi Pelayanan", unit_id=unit_id,
                              penilai_id=atasan.employee_id, nomor_sk="821/45/2026")
    plt_plan = ps.open_plan(demo_db, staff, pid)
    with demo_db.reader() as s:
        plt = s.get(Plan, plt_plan)
        assert (plt.version, plt.is_current, plt.penilai_id) == (100, False, atasan.employee_id)
        assert plt.snapshot["pegawai"]["jabatan"] == "Plt. Kepala Seksi Pelayanan"
        # the staff of that unit, while the Plt. is in force, get the acting title for their penilai
        assert acting_title(s, staff.employee_id, colleague, date(2026, 6, 1)) == "Plt. Kepala Seksi Pelayanan"
        assert acting_title(s, staff.employee_id, colleague, date(2026, 2, 1)) is None
    assert plan_service.current_plan_id(demo_db, staff.employee_id, YEAR) == people.staff_plan_id
    # the Plt. SKP is planned, approved by the acting position's penilai and evaluated on its own
    _approved_new_plan(demo_db, staff, atasan, plt_plan)
    _rate(demo_db, atasan, plt_plan, "TW2", "DI_ATAS", "SESUAI")
    with pytest.raises(PermissionDenied):
        ev.set_ratings(demo_db, people.penilai, plt_plan, "TW3", hasil="SESUAI")
    view = ps.year_overview(demo_db, atasan, staff.employee_id, YEAR)
    assert len(view.segments) == 1 and [a.plan_id for a in view.acting] == [plt_plan]
    # a second Plt. in the same year is numbered 200
    pid2 = ps.record_penugasan(demo_db, people.admin, staff.employee_id, "PLH", date(2026, 11, 2),
                               end_date=date(2026, 11, 20), jabatan="Kepala Bidang", penilai_id=atasan.employee_id)
    with demo_db.reader() as s:
        assert s.get(Plan, ps.open_plan(demo_db, staff, pid2)).version == 200
