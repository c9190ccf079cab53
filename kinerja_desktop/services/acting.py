"""Who holds a position as Plt./Plh.: the title an acting penilai is printed (and signs) with.

Kept apart from ``penugasan_service`` so ``plan_service`` can ask without an import cycle.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.peran import PenugasanKind
from kinerja_desktop.store.models import Employee, Unit
from kinerja_desktop.store.models_peran import Penugasan

__all__ = ["acting_title", "units_up"]


def units_up(session: Session, unit_id: str | None, depth: int = 8) -> list[str]:
    """``unit_id`` and its parents, nearest first."""
    out: list[str] = []
    while unit_id and len(out) < depth:
        out.append(unit_id)
        unit = session.get(Unit, unit_id)
        unit_id = unit.parent_id if unit is not None else None
    return out


def acting_title(session: Session, officer_id: str | None, employee_id: str, on: date | None = None) -> str | None:
    """``'Plt. Kepala Seksi ...'`` when ``officer_id`` acts, on ``on`` (today), in a position over
    ``employee_id``'s unit; None otherwise (the officer's own jabatan is printed)."""
    if not officer_id or officer_id == employee_id:
        return None
    day = on or date.today()
    rows = session.scalars(
        select(Penugasan).where(
            Penugasan.employee_id == officer_id, Penugasan.deleted.is_(False),
            Penugasan.kind.in_((PenugasanKind.PLT.value, PenugasanKind.PLH.value)), Penugasan.tmt <= day,
        ).order_by(Penugasan.tmt.desc())
    ).all()
    live = [p for p in rows if p.end_date is None or p.end_date >= day]
    if not live:
        return None
    emp = session.get(Employee, employee_id)
    chain = set(units_up(session, emp.unit_id if emp else None))
    for p in live:
        if p.unit_id is None or p.unit_id in chain:
            prefix = PenugasanKind(p.kind).prefix
            return p.jabatan if p.jabatan.startswith(prefix) else f"{prefix} {p.jabatan}".strip()
    return None
