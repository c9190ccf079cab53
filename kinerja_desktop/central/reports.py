"""Reports across every unit, from the central replica's database."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Evaluation, Plan, Unit


@dataclass(frozen=True)
class UnitPredikatCount:
    unit_code: str
    unit_name: str
    counts: dict[str, int]
    evaluated: int
    employees: int


def predikat_by_unit(db: Database, year: int, period: str = "TAHUNAN") -> list[UnitPredikatCount]:
    """Per unit: how many employees got each predikat in a period (current plan versions)."""
    with db.reader() as s:
        units = {u.id: u for u in s.scalars(select(Unit).where(Unit.deleted.is_(False)))}
        staff = Counter(uid for (uid,) in s.execute(
            select(Employee.unit_id).where(Employee.deleted.is_(False), Employee.active.is_(True))))
        rows = s.execute(
            select(Employee.unit_id, Evaluation.predikat)
            .join(Plan, Plan.employee_id == Employee.id)
            .join(Evaluation, Evaluation.plan_id == Plan.id)
            .where(Plan.year == year, Plan.is_current.is_(True), Plan.deleted.is_(False),
                   Evaluation.period == period, Evaluation.deleted.is_(False), Evaluation.predikat.is_not(None))
        ).all()
    per: dict[str, Counter[str]] = {}
    for unit_id, predikat in rows:
        per.setdefault(unit_id, Counter())[predikat] += 1
    out = []
    for uid, unit in sorted(units.items(), key=lambda kv: kv[1].code):
        counts = dict(per.get(uid, Counter()))
        out.append(UnitPredikatCount(unit.code, unit.name, counts, sum(counts.values()), staff.get(uid, 0)))
    return out
