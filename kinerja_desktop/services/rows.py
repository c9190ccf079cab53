"""Flat rows of the read-side queries (no database imports, so the start-up path can build them)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["EmployeeRow", "UnitNode", "unit_forest"]


@dataclass(slots=True)
class EmployeeRow:
    """One line of the employee list with the status of the year's plan and the period's evaluation."""

    id: str
    nip: str
    name: str
    jabatan: str
    unit_id: str | None
    unit_name: str
    plan_id: str | None
    plan_status: str | None
    eval_status: str | None
    predikat: str | None
    rating_hasil: str | None = None
    rating_perilaku: str | None = None
    penilai_id: str | None = None


@dataclass(slots=True)
class UnitNode:
    id: str
    code: str
    name: str
    parent_id: str | None
    level: int
    children: list[UnitNode] = field(default_factory=list)


def unit_forest(rows: Iterable[tuple[str, str, str, str | None, int]]) -> list[UnitNode]:
    """Units (id, code, name, parent id, level) as a forest: roots first, children in row order."""
    nodes = {r[0]: UnitNode(r[0], r[1], r[2], r[3], r[4]) for r in rows}
    roots: list[UnitNode] = []
    for node in nodes.values():
        parent = nodes.get(node.parent_id) if node.parent_id else None
        (parent.children if parent else roots).append(node)
    return roots
