"""Whose follow-up data a user may list: the shared scope of the recognition and development lists.

An admin sees the whole instansi (or one unit and the units below it); anyone else sees
themself and the people they are pejabat penilai of (and the chain below, as atasan).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import NotFound
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.query_service import subordinate_ids
from kinerja_desktop.store.models import Employee, Unit

__all__ = ["Scope", "people_in_scope"]


@dataclass(frozen=True)
class Scope:
    title: str
    employees: list[Employee]
    units: dict[str, tuple[str, str]]  # unit id -> (code, name)


def _descendants(session: Session, unit_id: str) -> set[str]:
    children: dict[str | None, list[str]] = {}
    for uid, parent in session.execute(select(Unit.id, Unit.parent_id).where(Unit.deleted.is_(False))):
        children.setdefault(parent, []).append(uid)
    out, stack = set(), [unit_id]
    while stack:
        uid = stack.pop()
        out.add(uid)
        stack.extend(children.get(uid, []))
    return out


def people_in_scope(session: Session, user: CurrentUser, year: int, unit_code: str | None = None) -> Scope:
    """The active employees the user may list for ``year`` (see the module text), sorted by unit and name."""
    units = {u.id: (u.code, u.name) for u in session.scalars(select(Unit).where(Unit.deleted.is_(False)))}
    query = select(Employee).where(Employee.deleted.is_(False), Employee.active.is_(True))
    title = "Seluruh instansi"
    if unit_code:
        unit = session.execute(select(Unit).where(Unit.code == unit_code.strip(), Unit.deleted.is_(False))).scalar()
        if unit is None:
            raise NotFound(f"Unit dengan kode “{unit_code.strip()}” tidak ditemukan.")
        query = query.where(Employee.unit_id.in_(_descendants(session, unit.id)))
        title = f"{unit.name} ({unit.code})"
    if not user.is_admin:
        ids = set(subordinate_ids(session, user.employee_id, year, depth=3)) if user.employee_id else set()
        if user.employee_id:
            ids.add(user.employee_id)
        query = query.where(Employee.id.in_(ids))
        if not unit_code:
            title = "Saya dan bawahan saya"
    emps = list(session.scalars(query))
    emps.sort(key=lambda e: (units.get(e.unit_id or "", ("", ""))[0], e.name))
    return Scope(title, emps, units)
