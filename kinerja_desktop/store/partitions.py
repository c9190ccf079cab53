"""Whose record each synced row is: its partition (see :mod:`kinerja_desktop.sync.scope`).

==========  ==============================================================================
``g``       instansi-wide: settings, units, the predikat of units
``u-<id>``  a unit's survey (SKM) and its responses
``r-<id>``  an employee's roster entry: the employee row and who their penilai is per year
``a-<id>``  an employee's sign-in account (password verifier, wrapped key)
``s-<id>``  an employee's plans and RHK: what their subordinates intervene in; and the tim
            kerja they lead (its members, from any unit, receive draft RHK in them)
``e-<id>``  everything else of an employee's record: indicators, lampiran, realisations and
            evidence, evaluations and feedback, signed documents, and the tables of later
            features (found through the employee, plan, evaluation, RHK, indicator or
            realisation they name)
==========  ==============================================================================

A row's partition never changes (a plan's employee, an indicator's RHK do not move), so a row's
whole history lies in one partition. Change capture records it on every change-log entry, and a
signature group never spans two partitions, so a PC that reads only some partitions can verify
every signature it receives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.store.bulk import among
from kinerja_desktop.store.models import (
    MODEL_BY_TABLE,
    Evaluation,
    Indicator,
    Plan,
    Realisation,
    Rhk,
    SkmSurvey,
)

GLOBAL = "g"
#: Every partition name matches this (it is a folder name on the store).
PART_RE = re.compile(r"^(g|[uraes]-[0-9A-Za-z._-]{1,64})$")

#: table -> (column naming the parent row, parent table) for rows whose owner is found upwards.
_PARENT: dict[str, tuple[str, str]] = {
    "rhk": ("plan_id", "plan"),
    "indicator": ("rhk_id", "rhk"),
    "lampiran_item": ("plan_id", "plan"),
    "perilaku_expectation": ("plan_id", "plan"),
    "realisation": ("indicator_id", "indicator"),
    "attachment": ("realisation_id", "realisation"),
    "evaluation": ("plan_id", "plan"),
    "rhk_feedback": ("evaluation_id", "evaluation"),
    "perilaku_feedback": ("evaluation_id", "evaluation"),
    "skm_indicator_link": ("indicator_id", "indicator"),
}
#: Parent look-ups: table -> (model, the column that leads further up).
_UP: dict[str, tuple[Any, Any]] = {
    "plan": (Plan, Plan.employee_id),
    "rhk": (Rhk, Rhk.plan_id),
    "indicator": (Indicator, Indicator.rhk_id),
    "realisation": (Realisation, Realisation.indicator_id),
    "evaluation": (Evaluation, Evaluation.plan_id),
    "skm_survey": (SkmSurvey, SkmSurvey.unit_id),
}
#: Links a later feature's table may have to a record (tried in this order).
_LINKS = (("plan_id", "plan"), ("evaluation_id", "evaluation"), ("rhk_id", "rhk"), ("indicator_id", "indicator"),
          ("realisation_id", "realisation"))
_GLOBAL_TABLES = frozenset({"setting", "unit", "unit_predikat"})
#: Tables whose rows are the employee's shared part (their subordinates read them).
_SHARED_TABLES = frozenset({"plan", "rhk"})


def valid_part(name: str) -> bool:
    return bool(PART_RE.match(name or ""))


def part_employee(part: str) -> str | None:
    """The employee a partition belongs to (None for ``g`` and unit partitions)."""
    kind, _, rest = part.partition("-")
    return rest if kind in ("r", "a", "s", "e") and rest else None


class Partitioner:
    """Works out the partition of rows, with look-ups cached for the life of one session's work.

    ``known`` rows (pending in a flush, or just inserted in bulk) are registered with
    :meth:`remember` so that their children resolve without a query.
    """

    def __init__(self, session: Session, parents: dict[tuple[str, str], str | None] | None = None) -> None:
        self.s = session
        #: (table, id) -> the id one level up (employee id for a plan, unit id for a survey); ``parents``:
        #: shared with other partitioners of one piece of work (a row's parent never changes).
        self._up: dict[tuple[str, str], str | None] = parents if parents is not None else {}
        self._cache: dict[tuple[str, str], str] = {}

    def remember(self, table: str, row_id: str, values: Mapping[str, Any]) -> None:
        if table in _UP:
            key = _UP[table][1].key
            if key in values:
                self._up[(table, row_id)] = values.get(key)

    def prefetch(self, table: str, ids: Iterable[str]) -> None:
        """Load the parent links of many rows of ``table`` at once (bulk packing)."""
        if table not in _UP:
            return
        model, col = _UP[table]
        todo = sorted({i for i in ids if i and (table, i) not in self._up})
        for start in range(0, len(todo), 500):
            part = todo[start:start + 500]
            for rid, up in self.s.execute(select(model.id, col).where(among(self.s, model.id, part))):
                self._up[(table, rid)] = up

    def prefetch_parents(self, table: str, rows: Iterable[Mapping[str, Any]]) -> None:
        """Before resolving many new rows of ``table``: load the rows they hang off in a few queries."""
        link = _PARENT.get(table)
        if link is None:
            if table == "skm_response":
                self.prefetch("skm_survey", (r.get("survey_id") for r in rows))
            return
        column, parent = link
        ids = [r.get(column) for r in rows]
        self.prefetch(parent, ids)
        while parent in ("realisation", "indicator", "rhk", "evaluation"):
            up_table = {"realisation": "indicator", "indicator": "rhk", "rhk": "plan", "evaluation": "plan"}[parent]
            ids = [self._up.get((parent, i)) for i in ids if i]
            self.prefetch(up_table, ids)
            parent = up_table

    def parent(self, table: str, row_id: str | None) -> str | None:
        if not row_id:
            return None
        key = (table, row_id)
        if key not in self._up:
            model, col = _UP[table]
            with self.s.no_autoflush:
                up = self.s.execute(select(col).where(model.id == row_id)).scalar()
            if up is None:
                return None  # not here (yet): asked again next time
            self._up[key] = up
        return self._up[key]

    def _employee_via(self, table: str, row_id: str | None) -> str | None:
        """Follow parent links from ``table``/``row_id`` up to the plan's employee."""
        hops = 0
        while table != "plan" and row_id and hops < 6:
            if table == "rhk":
                row_id, table = self.parent("rhk", row_id), "plan"
            elif table == "indicator":
                row_id, table = self.parent("indicator", row_id), "rhk"
            elif table == "realisation":
                row_id, table = self.parent("realisation", row_id), "indicator"
            elif table == "evaluation":
                row_id, table = self.parent("evaluation", row_id), "plan"
            else:
                return None
            hops += 1
        return self.parent("plan", row_id) if table == "plan" else None

    def _row_values(self, table: str, row_id: str) -> dict[str, Any]:
        model = MODEL_BY_TABLE.get(table)
        if model is None:
            return {}
        with self.s.no_autoflush:
            obj = self.s.get(model, row_id)
        if obj is None:
            return {}
        return {c.key: getattr(obj, c.key) for c in model.__mapper__.column_attrs}

    def cell_owner(self, row_id: str) -> str | None:
        """The ketua (unit head) whose matriks peran hasil a cell (``peran_hasil``) belongs to.

        A cell lies in its member's ``e-`` (their line reads it with their SKP) but is the ketua's
        record (``sync.authz``): the ketua's own PC keeps the cells it holds of members from another
        line, whose ``e-`` it does not read (``sync.scope.purge_outside``)."""
        return self._employee_via("rhk", self._row_values("peran_hasil", row_id).get("rhk_id"))

    def of(self, table: str, row_id: str, values: Mapping[str, Any] | None = None) -> str:
        """The partition of one row. ``values``: the row's columns when known (an insert)."""
        key = (table, row_id)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        part = self._compute(table, row_id, values)
        self._cache[key] = part
        return part

    def _compute(self, table: str, row_id: str, values: Mapping[str, Any] | None) -> str:
        if table in _GLOBAL_TABLES:
            return GLOBAL

        def val(name: str) -> Any:
            if values is not None and name in values:
                return values[name]
            return self._row_values(table, row_id).get(name)

        emp: str | None
        if table == "employee":
            return f"r-{row_id}"
        if table == "supervision":
            emp = val("employee_id")
            return f"r-{emp}" if emp else GLOBAL
        if table == "user_account":
            emp = val("employee_id")
            return f"a-{emp or row_id}"
        if table == "skm_survey":
            unit = val("unit_id")
            return f"u-{unit}" if unit else GLOBAL
        if table == "skm_response":
            unit = self.parent("skm_survey", val("survey_id"))
            return f"u-{unit}" if unit else GLOBAL
        if table in ("plan", "tim_kerja"):
            emp = val("employee_id")
            return f"s-{emp}" if emp else GLOBAL
        if table == "document":
            emp = val("employee_id") or self._employee_via("plan", val("plan_id")) \
                or self._employee_via("evaluation", val("evaluation_id"))
            return f"e-{emp}" if emp else GLOBAL
        if table in _PARENT:
            column, parent = _PARENT[table]
            parent_id = val(column)
            if parent == "plan":
                emp = self.parent("plan", parent_id)
            elif parent in ("rhk", "indicator", "evaluation"):
                emp = self._employee_via(parent, parent_id)
            else:  # realisation
                emp = self._employee_via("indicator", self.parent("realisation", parent_id))
            if not emp:
                return GLOBAL
            return f"{'s' if table in _SHARED_TABLES else 'e'}-{emp}"
        return self._other(table, row_id, values)

    def _other(self, table: str, row_id: str, values: Mapping[str, Any] | None) -> str:
        """Tables of later features: the employee they name, or the first record they hang off."""
        row = dict(values) if values is not None else self._row_values(table, row_id)
        if row.get("employee_id"):
            return f"e-{row['employee_id']}"
        for column, parent in _LINKS:
            if row.get(column):
                emp = self._employee_via(parent, row[column]) if parent != "plan" \
                    else self.parent("plan", row[column])
                if parent == "realisation":
                    emp = self._employee_via("indicator", self.parent("realisation", row[column]))
                if emp:
                    return f"e-{emp}"
        return GLOBAL


__all__ = ["GLOBAL", "PART_RE", "Partitioner", "part_employee", "valid_part"]
