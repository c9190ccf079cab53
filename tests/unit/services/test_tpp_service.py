"""TPP recap: a month takes the shortest final evaluation covering it; per person, per unit, XLSX."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.services.tpp_service import get_rule, recap, set_rule, write_xlsx
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Evaluation, Plan
from tests.helpers.fixtures import DEMO_YEAR, People


def _staff_evals(db: Database, people: People) -> tuple[str, dict[str, Evaluation]]:
    with db.reader() as s:
        nip = s.get(Employee, people.staff.employee_id).nip
        evs = {e.period: e for e in s.scalars(select(Evaluation).join(Plan, Plan.id == Evaluation.plan_id)
                                                .where(Plan.employee_id == people.staff.employee_id))}
    return nip, evs


def test_a_month_takes_the_quarter_predikat_and_the_instansi_table(demo_db: Database, people: People) -> None:
    set_rule(demo_db, people.admin, {"porsi_kinerja": 70, "persen": {"BAIK": 90, "SANGAT_BAIK": 100,
                                                                      "BUTUH_PERBAIKAN": 75, "KURANG": 50}})
    nip, evs = _staff_evals(demo_db, people)
    rec = recap(demo_db, people.admin, DEMO_YEAR, month=5)
    line = next(line for line in rec.lines if line.nip == nip)
    m = line.months[0]
    tw2 = evs["TW2"]
    if tw2.status in ("FINAL", "SIGNED"):
        assert (m.period, m.predikat) == ("TW2", tw2.predikat)
        assert m.tpp == Decimal(70) * get_rule(demo_db).persen[tw2.predikat] / 100
    else:
        assert m.predikat is None and m.tpp == 0


def test_a_monthly_evaluation_wins_over_the_quarter(demo_db: Database, people: People) -> None:
    with demo_db.session(user="admin", role="ADMIN") as s:
        plan_id = s.execute(select(Evaluation.plan_id).join(Plan, Plan.id == Evaluation.plan_id)
                            .where(Plan.employee_id == people.staff.employee_id, Evaluation.period == "TW1")
                            ).scalar_one()
        s.add(Evaluation(plan_id=plan_id, period="B02", status="FINAL", rating_hasil="DI_BAWAH",
                         rating_perilaku="DI_BAWAH", predikat="SANGAT_KURANG"))
        s.add(Evaluation(plan_id=plan_id, period="B03", status="DRAFT", rating_hasil="DI_BAWAH",
                         rating_perilaku="DI_BAWAH", predikat="SANGAT_KURANG"))
    nip, evs = _staff_evals(demo_db, people)
    rec = recap(demo_db, people.admin, DEMO_YEAR)
    line = next(line for line in rec.lines if line.nip == nip)
    assert len(line.months) == 12
    feb, mar = line.months[1], line.months[2]
    assert (feb.period, feb.predikat, feb.tpp) == ("B02", "SANGAT_KURANG", Decimal(24))  # 60% x 40%
    assert mar.period == ("TW1" if evs["TW1"].status != "DRAFT" else "")  # a draft never counts
    assert line.months[11].predikat is None  # December: nothing final yet


def test_units_sum_their_people_and_scope_follows_sub_units(demo_db: Database, people: People) -> None:
    whole = recap(demo_db, people.admin, DEMO_YEAR, month=2)
    units = whole.units()
    assert sum(u.people for u in units) == len(whole.lines)
    code = whole.lines[-1].unit_code
    part = recap(demo_db, people.admin, DEMO_YEAR, month=2, unit_code=code)
    assert part.lines and all(line.unit_code.startswith(code) for line in part.lines)


def test_xlsx_has_people_units_and_the_rule(demo_db: Database, people: People, tmp_path: Path) -> None:
    rec = recap(demo_db, people.admin, DEMO_YEAR)
    wb = load_workbook(write_xlsx(rec, tmp_path / "tpp.xlsx"))
    assert wb.sheetnames == ["Pegawai", "Unit", "Aturan"]
    assert wb["Pegawai"].max_row == len(rec.lines) + 1 and wb["Pegawai"].max_column == 6 + 12 + 2
    rule_text = [r[0] for r in wb["Aturan"].iter_rows(values_only=True)]
    assert any(str(t).startswith("Porsi kinerja: 60%") for t in rule_text)


def test_only_admins(demo_db: Database, people: People) -> None:
    with pytest.raises(PermissionDenied):
        recap(demo_db, people.penilai, DEMO_YEAR)
    with pytest.raises(PermissionDenied):
        set_rule(demo_db, people.staff, {"porsi_kinerja": 10})
