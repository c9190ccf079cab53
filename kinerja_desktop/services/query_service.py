"""Read-side queries for lists and dashboards: fast, flat rows (no ORM objects)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from kinerja_desktop.domain.penilaian import CurveViolation, Predikat, PredikatOrganisasi, check_distribution
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.permissions import Action, require
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.rows import EmployeeRow, UnitNode, unit_forest
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import (
    MODEL_BY_TABLE,
    ChangeLog,
    Employee,
    Evaluation,
    Plan,
    Supervision,
    Unit,
    UnitPredikat,
)


def unit_tree(db: Database) -> list[UnitNode]:
    """All units as a forest (roots first), children sorted by code."""
    with db.reader() as s:
        rows = s.execute(
            select(Unit.id, Unit.code, Unit.name, Unit.parent_id, Unit.level)
            .where(Unit.deleted.is_(False))
            .order_by(Unit.code)
        ).all()
    return unit_forest(rows)


def descendant_unit_ids(db: Database, unit_id: str) -> list[str]:
    """The unit and all units below it."""
    with db.reader() as s:
        rows = s.execute(select(Unit.id, Unit.parent_id).where(Unit.deleted.is_(False))).all()
    children: dict[str | None, list[str]] = {}
    for uid, parent in rows:
        children.setdefault(parent, []).append(uid)
    out, stack = [], [unit_id]
    while stack:
        uid = stack.pop()
        out.append(uid)
        stack.extend(children.get(uid, []))
    return out


def subordinate_ids(session: Session, supervisor_id: str, year: int, *, depth: int = 1) -> list[str]:
    """Direct subordinates (depth 1) or the whole chain below (depth 2 and more)."""
    found: list[str] = []
    frontier = [supervisor_id]
    for _ in range(depth):
        if not frontier:
            break
        frontier = list(
            session.scalars(
                select(Supervision.employee_id).where(
                    Supervision.supervisor_id.in_(frontier), Supervision.year == year, Supervision.deleted.is_(False)
                )
            )
        )
        found.extend(frontier)
    return found


def plan_year_is(column: ColumnElement[int] | InstrumentedAttribute[int], year: int) -> ColumnElement[bool]:
    """``plan.year = year`` for a query that reaches plans through another key (employee, RHK): written so
    SQLite cannot take the covering year index (migration 0009, ``ix_plan_year_cover``) for it. Without
    statistics the planner preferred that index and walked every plan of the year for each employee or
    RHK: the 20,000 demo's first screen took 1.6 s instead of 0.09 s, its whole list 254 s instead of 0.9 s."""
    return (column + 0) == year


def visible_employee_ids(session: Session, user: CurrentUser, year: int) -> set[str] | None:
    """Whose records a user may read in lists and trees: None for an admin (everyone), else themself
    and the two levels below them (they are penilai or atasan penilai of those); empty without an employee."""
    if user.is_admin:
        return None
    me = user.employee_id
    if me is None:
        return set()
    return {me, *subordinate_ids(session, me, year, depth=2)}


def employee_rows(
    db: Database, user: CurrentUser, year: int, period: str = "TAHUNAN", *, unit_ids: list[str] | None = None,
    subordinates_of: str | None = None, limit: int | None = None,
) -> list[EmployeeRow]:
    """Employees the user may see, with plan and evaluation status; one query, fast for 20,000.

    ``limit`` returns only the first rows by name (an index keeps that a few milliseconds even
    for 20,000 employees), so a list can show its first screen before the rest arrives.
    """
    code = period_of(period).code
    with db.reader() as s:
        cur_plan = aliased(Plan)
        sup = aliased(Supervision)
        q = (
            select(
                Employee.id, Employee.nip, Employee.name, Employee.jabatan, Employee.unit_id, Unit.name,
                cur_plan.id, cur_plan.status, Evaluation.status, Evaluation.predikat, Evaluation.rating_hasil,
                Evaluation.rating_perilaku, sup.supervisor_id,
            )
            .outerjoin(Unit, Unit.id == Employee.unit_id)
            .outerjoin(
                cur_plan,
                and_(cur_plan.employee_id == Employee.id, plan_year_is(cur_plan.year, year),
                     cur_plan.is_current.is_(True), cur_plan.deleted.is_(False)),
            )
            .outerjoin(Evaluation, and_(Evaluation.plan_id == cur_plan.id, Evaluation.period == code,
                                        Evaluation.deleted.is_(False)))
            .outerjoin(sup, and_(sup.employee_id == Employee.id, sup.year == year, sup.deleted.is_(False)))
            .where(Employee.deleted.is_(False))
            .order_by(Employee.name)
        )
        if unit_ids is not None:
            q = q.where(Employee.unit_id.in_(unit_ids))
        if subordinates_of is not None:
            q = q.where(sup.supervisor_id == subordinates_of)
        visible = visible_employee_ids(s, user, year)
        if visible is not None:
            if not visible:
                return []
            q = q.where(Employee.id.in_(visible))
        if limit is not None:
            return [EmployeeRow(*r) for r in s.execute(q.limit(limit)).all()]
        # The whole list: a table scan sorted here is about twice as fast as walking the name
        # index (which only pays off for the first screen). Code-point order = SQLite's BINARY.
        rows = [EmployeeRow(*r) for r in s.execute(q.order_by(None)).all()]
        rows.sort(key=lambda r: r.name)
        return rows


def predikat_counts(rows: list[EmployeeRow]) -> dict[Predikat, int]:
    counts = Counter(r.predikat for r in rows if r.predikat)
    return {p: counts.get(p.value, 0) for p in Predikat}


@dataclass
class UnitDistribution:
    unit_id: str
    year: int
    period: str
    org_predikat: str | None
    counts: dict[Predikat, int]
    total_employees: int
    evaluated: int
    violations: list[CurveViolation]


def capaian_by_unit(s: Session, unit_ids: Iterable[str], year: int, period: str = "TAHUNAN") -> dict[str, str | None]:
    """Capaian Kinerja Organisasi of each unit — the one rule behind every screen, sheet and check.

    The predikat organisasi the leader one level up set for the unit (``UnitPredikat``) for this
    period, else for the year (TAHUNAN); a unit without one takes its nearest ancestor's. None when
    no unit up the tree has one.
    """
    code = period_of(period).code
    wanted = list(dict.fromkeys(u for u in unit_ids if u))
    if not wanted:
        return {}
    parents: dict[str, str | None] = {uid: parent for uid, parent in s.execute(select(Unit.id, Unit.parent_id))}
    chains: dict[str, list[str]] = {}
    for uid in wanted:
        chain: list[str] = []
        cur: str | None = uid
        while cur and cur not in chain:
            chain.append(cur)
            cur = parents.get(cur)
        chains[uid] = chain
    lookup = sorted({u for chain in chains.values() for u in chain})
    found: dict[tuple[str, str], str] = {}
    for start in range(0, len(lookup), 900):
        for uid, per, value in s.execute(
            select(UnitPredikat.unit_id, UnitPredikat.period, UnitPredikat.predikat).where(
                UnitPredikat.unit_id.in_(lookup[start:start + 900]), UnitPredikat.year == year,
                UnitPredikat.period.in_([code, "TAHUNAN"]), UnitPredikat.deleted.is_(False),
            )
        ):
            found[(uid, per)] = value
    return {
        uid: next((found.get((u, code)) or found[(u, "TAHUNAN")] for u in chain
                   if (u, code) in found or (u, "TAHUNAN") in found), None)
        for uid, chain in chains.items()
    }


def capaian_organisasi(s: Session, unit_id: str | None, year: int, period: str = "TAHUNAN",
                       recorded: str | None = None) -> str | None:
    """Capaian Kinerja Organisasi shown for an evaluation of someone in ``unit_id``: the unit's (see
    :func:`capaian_by_unit`); the value recorded on the evaluation counts only while no unit up the tree
    has one (so a screen, a sheet and the unit's penetapan never disagree)."""
    return capaian_by_unit(s, [unit_id] if unit_id else [], year, period).get(unit_id or "") or recorded


def unit_predikat(db: Database, unit_id: str, year: int, period: str = "TAHUNAN") -> str | None:
    """The unit's Capaian Kinerja Organisasi (:func:`capaian_by_unit`)."""
    with db.reader() as s:
        return capaian_by_unit(s, [unit_id], year, period).get(unit_id)


def unit_distribution(
    db: Database, user: CurrentUser, unit_id: str, year: int, period: str = "TAHUNAN", *,
    org_predikat: str | None = None, recursive: bool = True,
) -> UnitDistribution:
    """Predikat counts of a unit and the kurva distribusi check for its organisational predikat."""
    units = descendant_unit_ids(db, unit_id) if recursive else [unit_id]
    rows = employee_rows(db, user, year, period, unit_ids=units)
    if not user.is_admin and not rows:
        require(user.actor, Action.VIEW_UNIT)
    org = org_predikat or unit_predikat(db, unit_id, year, period)
    counts = predikat_counts(rows)
    violations = check_distribution(PredikatOrganisasi(org), counts) if org else []
    return UnitDistribution(unit_id, year, period_of(period).code, org, counts, len(rows),
                            sum(counts.values()), violations)


def unit_id_by_code(db: Database, code: str) -> str | None:
    with db.reader() as s:
        return s.execute(select(Unit.id).where(Unit.code == code, Unit.deleted.is_(False))).scalar()


def table_stats(db: Database) -> dict[str, int]:
    """Rows per table (tombstones included), plus the change log."""
    with db.reader() as s:
        out = {name: int(s.execute(select(func.count()).select_from(model)).scalar() or 0)
               for name, model in MODEL_BY_TABLE.items()}
        out["change_log"] = int(s.execute(select(func.count()).select_from(ChangeLog)).scalar() or 0)
        return out
