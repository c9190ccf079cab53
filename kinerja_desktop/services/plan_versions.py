"""Which plan version a period belongs to.

A Revisi makes a new plan version; periods that were finalised or signed before it stay on the
version they were evaluated on. So the plan behind a period's sheet is the newest version with a
closed (FINAL, SIGNED or frozen) evaluation of that period, and otherwise the current version.
Printing, signing, the penetapan and the distribution curve all ask here.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kinerja_desktop.services.plan_spans import ACTING_VERSION_BASE
from kinerja_desktop.store.models import Evaluation, Plan

__all__ = ["CLOSED_STATUSES", "closed_on_older_version", "current_plans", "plans_for_period"]

CLOSED_STATUSES = ("FINAL", "SIGNED")
_CHUNK = 500


def current_plans(session: Session, employee_ids: Sequence[str], year: int) -> dict[str, Plan]:
    """employee id -> current (newest) plan version of the year."""
    out: dict[str, Plan] = {}
    ids = list(employee_ids)
    for i in range(0, len(ids), _CHUNK):
        for plan in session.scalars(
            select(Plan).where(
                Plan.employee_id.in_(ids[i : i + _CHUNK]), Plan.year == year, Plan.is_current.is_(True),
                Plan.deleted.is_(False),
            )
        ):
            out[plan.employee_id] = plan
    return out


def _closed(session: Session, employee_ids: Sequence[str], year: int, period: str) -> dict[str, Plan]:
    out: dict[str, Plan] = {}
    ids = list(employee_ids)
    for i in range(0, len(ids), _CHUNK):
        rows = session.scalars(
            select(Plan)
            .join(Evaluation, Evaluation.plan_id == Plan.id)
            .where(
                Plan.employee_id.in_(ids[i : i + _CHUNK]), Plan.year == year, Plan.deleted.is_(False),
                Evaluation.period == period, Evaluation.deleted.is_(False),
                or_(Evaluation.frozen.is_(True), Evaluation.status.in_(CLOSED_STATUSES)),
            )
            .order_by(Plan.version)
        )
        floors = _assignment_floors(session, ids[i : i + _CHUNK], year)
        for plan in rows:  # ascending versions: the newest closed one wins
            if plan.version >= _ACTING_BASE or plan.version < floors.get(plan.employee_id, 0):
                continue  # a Plt./Plh. SKP, or the SKP of an earlier assignment: its periods are its own
            out[plan.employee_id] = plan
    return out


_ACTING_BASE = ACTING_VERSION_BASE  # Plt./Plh. SKP are versions 100, 200, ...


def _assignment_floors(session: Session, employee_ids: Sequence[str], year: int) -> dict[str, int]:
    """employee id -> first version of the SKP of their latest assignment (mutasi, promosi, new penilai)."""
    from kinerja_desktop.store.models_peran import Penugasan

    rows = session.execute(
        select(Penugasan.employee_id, Plan.version)
        .join(Plan, Plan.id == Penugasan.plan_id)
        .where(Penugasan.employee_id.in_(list(employee_ids)), Penugasan.year == year,
               Penugasan.deleted.is_(False), Penugasan.kind.not_in(("PLT", "PLH")))
    ).all()
    floors: dict[str, int] = {}
    for employee_id, version in rows:
        floors[employee_id] = max(floors.get(employee_id, 0), int(version))
    return floors


def plans_for_period(session: Session, employee_ids: Sequence[str], year: int, period: str) -> dict[str, Plan]:
    """employee id -> the plan version a period's sheet is made from (see the module doc).

    ``period`` is a period code (``TW1`` ... ``TAHUNAN``).
    """
    out = current_plans(session, employee_ids, year)
    out.update(_closed(session, employee_ids, year, period))
    return out


def closed_on_older_version(session: Session, plan: Plan, period: str) -> Plan | None:
    """The older version of ``plan`` on which ``period`` was finalised or signed, if any."""
    if plan.version >= _ACTING_BASE:
        return None  # a Plt./Plh. SKP is evaluated on its own
    found = _closed(session, [plan.employee_id], plan.year, period).get(plan.employee_id)
    return found if found is not None and found.id != plan.id and found.version < plan.version else None
