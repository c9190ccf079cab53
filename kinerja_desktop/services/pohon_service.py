"""Pohon kinerja: the cascade of RHK, from a leader's RHK down to the subordinates' RHK that
intervene in it (``Rhk.parent_rhk_id``), level by level.

Each read returns one level (lazy: a 20,000-employee office is never read whole) and only what
the user may read: the same visibility as the employee list (``query_service.visible_employee_ids``).
Only current SKP of the year count. GUI (``ui/pohon``) and CLI (``kinerja pohon``) use these reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, aliased

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.domain.permissions import Action
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.query_service import plan_year_is, visible_employee_ids
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Indicator, Plan, Rhk, Supervision

__all__ = ["PohonNode", "children", "node_path", "roots", "search"]

#: SQLite's limit on bound parameters is 999 in old builds: IN lists go in chunks of this size.
_CHUNK = 900
#: At most this many search hits (a word such as "dokumen" matches thousands in a large office).
SEARCH_LIMIT = 200


@dataclass(frozen=True)
class PohonNode:
    """One RHK in the tree, with its owner, the state of the owner's SKP and the indicators."""

    rhk_id: str
    parent_rhk_id: str | None
    kind: str  # UTAMA or TAMBAHAN
    text: str
    indicators: tuple[str, ...]
    owner_id: str
    owner_name: str
    owner_nip: str
    owner_jabatan: str
    plan_id: str
    plan_status: str  # DRAFT, RETURNED, SUBMITTED, APPROVED
    children: int  # RHK that intervene in this one, among those the user may read


def _in_year(year: int) -> ColumnElement[bool]:
    # Through the RHK's parent index, not every plan of the year (0.3 s -> 5-50 ms a level on the 20,000 demo).
    return plan_year_is(Plan.year, year)


def _node_query(year: int) -> Select:  # type: ignore[type-arg]
    return (
        select(Rhk.id, Rhk.parent_rhk_id, Rhk.kind, Rhk.text, Employee.id, Employee.name, Employee.nip,
               Employee.jabatan, Plan.id, Plan.status, Rhk.position)
        .join(Plan, Plan.id == Rhk.plan_id)
        .join(Employee, Employee.id == Plan.employee_id)
        .where(Rhk.deleted.is_(False), Plan.deleted.is_(False), Plan.is_current.is_(True), _in_year(year),
               Employee.deleted.is_(False))
    )


def _chunks(values: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start:start + _CHUNK])


def _visible_filter(query: Select, visible: set[str] | None) -> Iterable[Select]:  # type: ignore[type-arg]
    """The query once (everyone visible) or once per chunk of visible owners."""
    if visible is None:
        yield query
        return
    for part in _chunks(sorted(visible)):
        yield query.where(Plan.employee_id.in_(part))


def _nodes(session: Session, year: int, visible: set[str] | None, *conditions: object) -> list[PohonNode]:
    rows = []
    for query in _visible_filter(_node_query(year).where(*conditions), visible):
        rows.extend(session.execute(query).all())
    ids = [r[0] for r in rows]
    indicators: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for part in _chunks(ids):
        for rhk_id, text in session.execute(
            select(Indicator.rhk_id, Indicator.text)
            .where(Indicator.rhk_id.in_(part), Indicator.deleted.is_(False))
            .order_by(Indicator.rhk_id, Indicator.position)
        ):
            indicators.setdefault(rhk_id, []).append(text)
        count_query = (
            select(Rhk.parent_rhk_id, func.count())
            .join(Plan, Plan.id == Rhk.plan_id)
            .where(Rhk.parent_rhk_id.in_(part), Rhk.deleted.is_(False), Plan.deleted.is_(False),
                   Plan.is_current.is_(True), _in_year(year))
            .group_by(Rhk.parent_rhk_id)
        )
        for query in _visible_filter(count_query, visible):
            for parent, n in session.execute(query):
                counts[parent] = counts.get(parent, 0) + int(n)
    kind_order = {"UTAMA": 0, "TAMBAHAN": 1}
    # Owners by name, then each owner's RHK in their SKP's order.
    rows.sort(key=lambda r: (r[5] or "", r[4], kind_order.get(r[2], 9), r[10] or 0))
    return [
        PohonNode(r[0], r[1], r[2], r[3] or "", tuple(indicators.get(r[0], ())), r[4], r[5] or "", r[6] or "",
                  r[7] or "", r[8], r[9] or "DRAFT", counts.get(r[0], 0))
        for r in rows
    ]


def _require_visible(visible: set[str] | None, owner_id: str) -> None:
    if visible is not None and owner_id not in visible:
        raise PermissionDenied(f"Anda tidak berwenang {Action.VIEW_PLAN.label} pegawai ini.")


def roots(db: Database, user: CurrentUser, year: int, *, employee_id: str | None = None,
          rhk_id: str | None = None) -> list[PohonNode]:
    """Where the tree starts: one RHK (``rhk_id``), an employee's RHK (``employee_id``), or else the
    user's own RHK; for an admin, the RHK of the office's top officials (whose supervisor has no SKP
    this year). Raises PermissionDenied for an RHK or employee the user may not read."""
    with db.reader() as s:
        visible = visible_employee_ids(s, user, year)
        if rhk_id is not None:
            owner = s.execute(
                select(Plan.employee_id).join(Rhk, Rhk.plan_id == Plan.id).where(Rhk.id == rhk_id,
                                                                                   Rhk.deleted.is_(False))
            ).scalar()
            if owner is None:
                raise ValidationError("RHK tidak ditemukan.", field="RHK")
            _require_visible(visible, owner)
            return _nodes(s, year, visible, Rhk.id == rhk_id)
        if employee_id is None and not user.is_admin:
            employee_id = user.employee_id
        if employee_id is not None:
            _require_visible(visible, employee_id)
            return _nodes(s, year, visible, Plan.employee_id == employee_id)
        if not user.is_admin:
            return []
        # The top of the cascade: whose supervisor has no SKP this year (the Bupati signs none).
        leader_plan = aliased(Plan)
        below_a_plan = (
            select(Supervision.employee_id)
            .join(leader_plan, leader_plan.employee_id == Supervision.supervisor_id)
            .where(Supervision.year == year, Supervision.deleted.is_(False), leader_plan.year == year,
                   leader_plan.is_current.is_(True), leader_plan.deleted.is_(False))
        )
        return _nodes(s, year, visible, Plan.employee_id.not_in(below_a_plan), Rhk.parent_rhk_id.is_(None))


def children(db: Database, user: CurrentUser, year: int, parent_ids: Sequence[str]) -> dict[str, list[PohonNode]]:
    """The RHK that intervene in each of ``parent_ids`` (one level), among those the user may read."""
    out: dict[str, list[PohonNode]] = {p: [] for p in parent_ids}
    if not parent_ids:
        return out
    with db.reader() as s:
        visible = visible_employee_ids(s, user, year)
        for part in _chunks(list(parent_ids)):
            for node in _nodes(s, year, visible, Rhk.parent_rhk_id.in_(part)):
                out[node.parent_rhk_id or ""].append(node)
    return out


def _ancestors(s: Session, year: int, visible: set[str] | None, rhk_ids: Iterable[str]) -> dict[str, str | None]:
    """rhk id -> its parent id, for the given RHK and every readable ancestor (current SKP of the year)."""
    parents: dict[str, str | None] = {}
    frontier = list(dict.fromkeys(rhk_ids))
    while frontier:
        found: dict[str, str | None] = {}
        for part in _chunks(frontier):
            query = (select(Rhk.id, Rhk.parent_rhk_id).join(Plan, Plan.id == Rhk.plan_id)
                     .where(Rhk.id.in_(part), Rhk.deleted.is_(False), Plan.deleted.is_(False),
                            Plan.is_current.is_(True), _in_year(year)))
            for q in _visible_filter(query, visible):
                found.update({rhk_id: parent for rhk_id, parent in s.execute(q)})
        parents.update(found)
        frontier = [p for p in found.values() if p and p not in parents]
    return parents


def _path(parents: dict[str, str | None], rhk_id: str) -> tuple[str, ...]:
    path = [rhk_id]
    while (up := parents.get(path[-1])) and up in parents and up not in path:
        path.append(up)
    return tuple(reversed(path))


def node_path(db: Database, user: CurrentUser, year: int, rhk_id: str) -> tuple[str, ...]:
    """The readable chain of RHK ids from the topmost ancestor down to ``rhk_id``."""
    with db.reader() as s:
        parents = _ancestors(s, year, visible_employee_ids(s, user, year), [rhk_id])
    return _path(parents, rhk_id) if rhk_id in parents else ()


def search(db: Database, user: CurrentUser, year: int, text: str, *,
           limit: int = SEARCH_LIMIT) -> list[tuple[str, ...]]:
    """RHK whose text, indicator or owner (name, NIP) contains ``text`` (any case), each as the path of
    RHK ids from its topmost readable ancestor down to it; owners by name, at most ``limit``."""
    words = " ".join((text or "").split())[:200]
    if not words:
        return []
    pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    with db.reader() as s:
        visible = visible_employee_ids(s, user, year)
        in_indicator = (select(Indicator.rhk_id)
                        .where(Indicator.text.ilike(pattern, escape="\\"), Indicator.deleted.is_(False)))
        query = (
            select(Rhk.id)
            .join(Plan, Plan.id == Rhk.plan_id)
            .join(Employee, Employee.id == Plan.employee_id)
            .where(Rhk.deleted.is_(False), Plan.deleted.is_(False), Plan.is_current.is_(True), _in_year(year),
                   Rhk.text.ilike(pattern, escape="\\") | Employee.name.ilike(pattern, escape="\\")
                   | Employee.nip.ilike(pattern, escape="\\") | Rhk.id.in_(in_indicator))
            .order_by(Employee.name, Rhk.kind.desc(), Rhk.position)
            .limit(limit)
        )
        hits: list[str] = []
        for q in _visible_filter(query, visible):
            hits.extend(s.scalars(q))
        hits = hits[:limit]
        parents = _ancestors(s, year, visible, hits)
    return [_path(parents, h) for h in hits]
