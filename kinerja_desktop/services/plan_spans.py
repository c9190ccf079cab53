"""The days each SKP of a year covers (issue 17's "a year with changes").

A year's first SKP starts on 1 January. A mutasi, promosi or change of penilai closes it the day
before the TMT and the SKP opened for that penugasan runs from the TMT (a Revisi stays inside its
SKP: it is a new version of the same span). A Plt./Plh. SKP covers its penugasan, TMT to the end
date (the end of the year when open). Every sheet and screen that names an SKP's period reads it
here, and so does the annual combination (penugasan_service.year_overview).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.peran import PenugasanKind, segments_of_year
from kinerja_desktop.store.models import Plan
from kinerja_desktop.store.models_peran import Penugasan

__all__ = ["ACTING_VERSION_BASE", "clip", "plan_spans", "year_groups"]

#: Plt./Plh. SKP are versions 100, 200, ... (defined here, the one module both plan_service and plan_versions import).
ACTING_VERSION_BASE = 100
_CHUNK = 500


def year_groups(year: int, plans: Sequence[Plan], moves: Sequence[Penugasan]) -> list[tuple[date, date, list[Plan]]]:
    """The definitive SKP of one employee's year as (first day, last day, its versions oldest first).

    ``plans`` are that year's definitive plans ordered by version; ``moves`` its penugasan rows.
    """
    opened = {p.plan_id: p.tmt for p in moves if p.plan_id and not PenugasanKind(p.kind).acting}
    groups: list[tuple[date, list[Plan]]] = []
    for plan in plans:
        if plan.id in opened or not groups:
            groups.append((opened.get(plan.id, date(year, 1, 1)), []))
        groups[-1][1].append(plan)
    ranges = segments_of_year(year, [g[0] for g in groups])
    return [(start, end, group) for (start, end), (_tmt, group) in zip(ranges, groups, strict=False)]


def plan_spans(session: Session, employee_ids: Sequence[str], year: int) -> dict[str, tuple[date, date]]:
    """Plan id -> (first day, last day) for every SKP of ``year`` of these employees, read set-wise."""
    ids = list(dict.fromkeys(employee_ids))
    plans: list[Plan] = []
    moves: list[Penugasan] = []
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        found = list(session.scalars(select(Penugasan).where(
            Penugasan.employee_id.in_(chunk), Penugasan.year == year, Penugasan.deleted.is_(False))))
        if not found:
            continue  # nobody here changed post: every SKP covers the whole year (the common case)
        moves += found
        chunk = list({m.employee_id for m in found})
        plans += session.scalars(select(Plan).where(
            Plan.employee_id.in_(chunk), Plan.year == year, Plan.deleted.is_(False)).order_by(Plan.version))
    spans: dict[str, tuple[date, date]] = {}
    last = date(year, 12, 31)
    for move in moves:
        if move.plan_id and PenugasanKind(move.kind).acting:
            spans[move.plan_id] = (move.tmt, min(move.end_date or last, last))
    for employee_id in {m.employee_id for m in moves}:
        mine = [p for p in plans if p.employee_id == employee_id and p.version < ACTING_VERSION_BASE]
        for start, end, group in year_groups(year, mine, [m for m in moves if m.employee_id == employee_id]):
            spans.update({p.id: (start, end) for p in group})
    return spans


def clip(span: tuple[date, date] | None, start: date, end: date) -> tuple[date, date]:
    """The part of ``start..end`` (a period) that an SKP spanning ``span`` covers; the period when it has none."""
    if span is None:
        return start, end
    first, last = max(start, span[0]), min(end, span[1])
    return (first, last) if first <= last else (start, end)
