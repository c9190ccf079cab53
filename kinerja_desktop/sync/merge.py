"""Field-level merge of one remote change into this replica.

Every field of every row has a version: the ``device:seq`` of the change that last set it
(:class:`FieldVersion`, or the row's insert entry). A change names, per field, the version it
was made on (its *base*). The field's state here is a set of *heads*: normally one (the
current value); several while concurrent edits wait for a person in the Konflik view (the
extra heads are :class:`SyncConflict` rows). Applying change ``c`` with base ``B`` turns the
heads ``H`` into ``(H - B) | {c}``:

* one head left: the change fast-forwards the field;
* more than one: both values are kept; the current value is the head with the greatest
  version (a fixed order of device ids, *not* a clock), so every replica shows the same
  value, and the others stay listed as a conflict until someone chooses.

The result does not depend on the order in which changes arrive (a change waits until the
versions it names have been processed), which is what makes replicas converge. A resolution
is a change whose base lists every head it saw.

Also here: rows created twice for one natural key on two devices (two realisations of the
same indicator and period) are merged into the row with the smaller id; fields of records
frozen by a signature are never overwritten (the change is kept as a ``frozen`` conflict);
changes the author may not make are refused (see :mod:`kinerja_desktop.sync.authz`).
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, UniqueConstraint, delete, event, func, inspect, select, update
from sqlalchemy.orm import Session

from kinerja_desktop.services.trust_service import Roster
from kinerja_desktop.store.bulk import among, insert_rows
from kinerja_desktop.store.changelog import (
    capture,
    insert_entry,
    json_value,
    origin_at,
    row_defaults,
    user_columns,
)
from kinerja_desktop.store.models import (
    MODEL_BY_TABLE,
    SYNCED_MODELS,
    ChangeLog,
    Evaluation,
    FieldVersion,
    Plan,
    SyncedBase,
    utcnow,
)
from kinerja_desktop.store.partitions import Partitioner
from kinerja_desktop.store.sync_models import SyncAlias, SyncConflict, SyncRefused
from kinerja_desktop.sync.authz import Authorizer, Wait
from kinerja_desktop.sync.protocol import Entry
from kinerja_desktop.sync.validate import check_changes

log = logging.getLogger(__name__)

APPLIED, CONFLICT, REFUSED, NOOP, WAIT = "applied", "conflict", "refused", "noop", "wait"

#: Fields a signature does not freeze.
FROZEN_EXEMPT = {
    "plan": frozenset({"frozen", "is_current"}),
    "evaluation": frozenset({"frozen", "read_at"}),
}
#: Tables whose rows are frozen together with their plan (``plan_id`` chain) or evaluation.
_FROZEN_BY_PLAN = {"rhk": "plan_id", "lampiran_item": "plan_id", "perilaku_expectation": "plan_id"}
_FROZEN_BY_EVALUATION = {"rhk_feedback": "evaluation_id", "perilaku_feedback": "evaluation_id"}


#: Fields computed from another field of the same row: they follow their source, so one edit is one
#: conflict ("14 kegiatan" can never end up stored with 13.0).
DERIVED: dict[str, dict[str, str]] = {"realisation": {"value_number": "value_text"}}


def derive(session: Session, table: str, obj: Any, field: str) -> Any:
    """The value of a derived ``field`` of ``obj`` from its source, as the services compute it."""
    if table == "realisation" and field == "value_number":
        from kinerja_desktop.services.realisation_service import number_from_text
        from kinerja_desktop.store.models import Indicator

        ind = session.get(Indicator, obj.indicator_id)
        return number_from_text(obj.value_text) if ind is not None and ind.target_value is not None else None
    raise KeyError(f"{table}.{field} is not derived")


@dataclass
class Outcome:
    kind: str
    reason: str = ""
    #: For WAIT: the id of a row that must arrive first (lets the caller look ahead).
    row_id: str | None = None
    conflicts: int = 0


def vkey(version: str | None) -> tuple[str, int]:
    """Total order of versions: device id, then sequence number. Not time."""
    if not version:
        return ("", -1)
    device, _, seq = version.rpartition(":")
    try:
        return (device, int(seq))
    except ValueError:
        return (version, -1)


def base_set(value: Any) -> set[str | None]:
    if isinstance(value, list):
        return {v for v in value}
    return {value}


def iter_base_versions(base: dict[str, Any]) -> Iterable[str]:
    for value in base.values():
        for v in base_set(value):
            if v:
                yield v


# ------------------------------------------------------------------------------------------ columns

_MODEL_INFO: dict[str, ModelInfo] = {}


@dataclass
class ModelInfo:
    model: type[SyncedBase]
    columns: list[str]
    converters: dict[str, Callable[[Any], Any]]
    #: {column: target table} for foreign keys.
    fks: dict[str, str]
    #: Natural keys: tuples of column names that are unique.
    uniques: list[tuple[str, ...]]
    #: Tables (and their FK column) that reference this one.
    children: list[tuple[str, str]]

    @property
    def table(self) -> Any:
        """The Core table (look-ups through it skip the ORM's per-statement work)."""
        return self.model.__table__


def _to_datetime(v: Any) -> Any:
    return datetime.fromisoformat(v) if isinstance(v, str) else v


def _to_date(v: Any) -> Any:
    return date.fromisoformat(v) if isinstance(v, str) else v


def model_info(table: str) -> ModelInfo:
    info = _MODEL_INFO.get(table)
    if info is not None:
        return info
    model = MODEL_BY_TABLE[table]
    mapper = inspect(model)
    cols = user_columns(model)
    converters: dict[str, Callable[[Any], Any]] = {}
    fks: dict[str, str] = {}
    for c in cols:
        col = mapper.columns[c]
        if isinstance(col.type, DateTime):
            converters[c] = _to_datetime
        elif isinstance(col.type, Date):
            converters[c] = _to_date
        for fk in col.foreign_keys:
            fks[c] = fk.column.table.name
    uniques: list[tuple[str, ...]] = []
    for cons in model.__table__.constraints:
        if isinstance(cons, UniqueConstraint):
            uniques.append(tuple(c.name for c in cons.columns))
    for col in model.__table__.columns:
        if col.unique:
            uniques.append((col.name,))
    children: list[tuple[str, str]] = []
    for other in SYNCED_MODELS:
        for col in other.__table__.columns:
            for fk in col.foreign_keys:
                if fk.column.table.name == table:
                    children.append((other.__tablename__, col.name))
    info = ModelInfo(model, cols, converters, fks, uniques, children)
    _MODEL_INFO[table] = info
    return info


def _new_value(info: ModelInfo, e: Entry, column: str) -> Any:
    """The value an insert entry gives ``column`` (Python type; None when missing or malformed)."""
    pair = e.changes.get(column)
    if not (isinstance(pair, list) and len(pair) == 2) or pair[1] is None:
        return None
    try:
        return to_python(info, column, pair[1])
    except (TypeError, ValueError):
        return None


def to_python(info: ModelInfo, field: str, value: Any) -> Any:
    conv = info.converters.get(field)
    return conv(value) if conv is not None and value is not None else value


# ------------------------------------------------------------------------------------------ merger


class SeqRuns:
    """A set of one device's change numbers, kept as sorted runs of consecutive numbers.

    A device's changes arrive mostly in order: the 1.6 million a central replica takes in from
    one founding push are one run here, where a set of them held about 110 MB by the end.
    """

    __slots__ = ("_ends", "_starts")

    def __init__(self, runs: Iterable[tuple[int, int]] = ()) -> None:
        """``runs``: (first, last) pairs, in order, that neither overlap nor touch."""
        self._starts: list[int] = []
        self._ends: list[int] = []
        for first, last in runs:
            self._starts.append(first)
            self._ends.append(last)

    def __contains__(self, seq: object) -> bool:
        if not isinstance(seq, int):
            return False
        i = bisect_right(self._starts, seq) - 1
        return i >= 0 and seq <= self._ends[i]

    def __len__(self) -> int:
        return sum(e - s + 1 for s, e in zip(self._starts, self._ends, strict=True))

    def runs(self) -> list[tuple[int, int]]:
        return list(zip(self._starts, self._ends, strict=True))

    def add(self, seq: int) -> None:
        starts, ends = self._starts, self._ends
        if ends and seq == ends[-1] + 1:  # the next number: the common case
            ends[-1] = seq
            return
        i = bisect_right(starts, seq) - 1
        if i >= 0 and seq <= ends[i]:
            return
        left = i >= 0 and ends[i] == seq - 1
        right = i + 1 < len(starts) and starts[i + 1] == seq + 1
        if left and right:  # fills the gap between two runs
            ends[i] = ends[i + 1]
            del starts[i + 1], ends[i + 1]
        elif left:
            ends[i] = seq
        elif right:
            starts[i + 1] = seq
        else:
            starts.insert(i + 1, seq)
            ends.insert(i + 1, seq)


def logged_runs(session: Session, device: str) -> SeqRuns:
    """The change numbers of ``device`` in the change log here, as runs (counted by the database)."""
    numbered = select(ChangeLog.seq.label("seq"), (ChangeLog.seq - func.row_number().over(order_by=ChangeLog.seq))
                      .label("grp")).where(ChangeLog.device_id == device).subquery()
    return SeqRuns(session.execute(select(func.min(numbered.c.seq), func.max(numbered.c.seq))
                                   .group_by(numbered.c.grp).order_by(func.min(numbered.c.seq))).all())


@dataclass
class MergeMemo:
    """What mergers of one sync run share: rows known to exist, changes processed before the run."""

    exists: set[tuple[str, str]] = field(default_factory=set)
    seen: set[tuple[str, int]] | None = None
    seen_versions: set[str] = field(default_factory=set)
    logged: dict[str, SeqRuns] = field(default_factory=dict)
    #: Authorizer's subjects per (employee, year): valid until a roster row changes (then cleared).
    subjects: dict[Any, Any] = field(default_factory=dict)
    #: Partitioner's parent links (a row's parent never changes).
    parents: dict[tuple[str, str], str | None] = field(default_factory=dict)
    #: Merger's frozen flags (dropped whenever the merge writes anything but a held insert).
    frozen: dict[tuple[str, str], Any] = field(default_factory=dict)


class Merger:
    """Applies remote entries inside one session (the caller commits)."""

    @property
    def _seen(self) -> set[tuple[str, int]] | None:
        return self._memo.seen

    def __init__(self, session: Session, *, processed: Callable[[str], bool], log_high: Callable[[], int],
                 roster: Roster | None = None, shared: MergeMemo | None = None, batched: bool = False) -> None:
        self.s = session
        # the merge writes some outcomes with Core statements (combined rows, reverts, evictions): they
        # are not changes of their own, and what caused them is recorded as the applied remote entry
        capture(session).uncaptured_ok = True
        self.processed = processed
        #: Batched inserts (a pull's merger): a new row that needs nothing but an insert is held in
        #: ``_pending`` and written with the others of its transaction in a few statements (see
        #: :meth:`_hold_insert`); everything that reads the database writes them first.
        self._batched = batched
        self._pending: dict[tuple[str, str], dict[str, Any]] = {}
        self._pending_order: list[tuple[str, str]] = []
        self._roster_held = False
        self._pending_logs: list[dict[str, Any]] = []
        self._pending_keys: dict[tuple[str, tuple[str, ...]], dict[tuple[Any, ...], str]] = {}
        #: What :meth:`prefetch` learnt: rows known not to be here, and per natural key the id of the
        #: row holding each looked-up value here (None: no row has it).
        self._absent: set[tuple[str, str]] = set()
        self._keys_here: dict[tuple[str, tuple[str, ...]], dict[tuple[Any, ...], str | None]] = {}
        if batched:
            event.listen(session, "before_commit", self._before_commit)
        self.authz = Authorizer(session, roster, pending=self._pending_row if batched else None,
                                before_roster_read=self._roster_read if batched else None)
        self._log_high = log_high
        self._alias: dict[str, str] = {}
        self._load_aliases()
        # What one sync run learns once, shared by the mergers of its transactions (``shared``); a
        # merger of its own otherwise. Rows only ever become known (tombstones, never deletions), and
        # what the run applies itself is tracked by the engine, so nothing here goes stale in a run.
        memo = shared if shared is not None else MergeMemo()
        if len(memo.exists) + len(memo.parents) > _MEMO_MAX:  # what is only remembered to save queries
            memo.exists.clear()  # (nothing is held between transactions: safe to forget)
            memo.parents.clear()
            memo.frozen.clear()
        self._memo = memo
        #: Rows known to exist here (saves a query per foreign key).
        self._exists: set[tuple[str, str]] = memo.exists
        self._frozen_cache: dict[tuple[str, str], Any] = memo.frozen if batched else {}
        #: Changes processed before (see _seen_before), loaded on first use.
        self._seen_versions: set[str] = memo.seen_versions
        self._logged: dict[str, SeqRuns] = memo.logged
        self.authz._subjects = memo.subjects
        self._parts = Partitioner(session, parents=memo.parents)

    def _add_alias(self, table: str, loser: str, winner: str) -> None:
        self.s.execute(update(SyncAlias).where(SyncAlias.canonical_id == loser).values(canonical_id=winner))
        self.s.add(SyncAlias(row_id=loser, table_name=table, canonical_id=winner))
        for k, v in list(self._alias.items()):
            if v == loser:
                self._alias[k] = winner
        self._alias[loser] = winner
        self._exists.discard((table, loser))

    def _load_aliases(self) -> None:
        self._alias = {a: c for a, c in self.s.execute(select(SyncAlias.row_id, SyncAlias.canonical_id))}

    # ------------------------------------------------------------------ batched inserts

    def _pending_row(self, table: str, row_id: str) -> dict[str, Any] | None:
        return self._pending.get((table, row_id))

    def _pending_key(self, table: str, key: tuple[str, ...], values: tuple[Any, ...]) -> str | None:
        """The id of a held row of ``table`` whose natural ``key`` has ``values``."""
        index = self._pending_keys.get((table, key))
        return index.get(values) if index else None

    def _hold_insert(self, e: Entry, info: ModelInfo, row_id: str, values: dict[str, Any]) -> None:
        """Keep a new row (and its change-log entry) to be written with the transaction's others."""
        table = e.table
        row = row_defaults(info.model, {"id": row_id, **{c: to_python(info, c, v) for c, v in values.items()}},
                           e.user)
        user_values = {c: row.get(c) for c in info.columns}
        self._parts.remember(table, row_id, user_values)
        self._pending_logs.append(insert_entry(info.model, row_id, user_values, device=e.device, seq=e.seq,
                                               user=e.user, role=e.role, at=origin_at({"at": e.at}, utcnow()),
                                               local=False,
                                               parts=self._parts))
        self._pending[(table, row_id)] = row
        self._pending_order.append((table, row_id))
        for key in info.uniques:
            vals = tuple(row.get(c) for c in key)
            if all(v is not None for v in vals):
                self._pending_keys.setdefault((table, key), {})[vals] = row_id
        self._exists.add((table, row_id))
        if e.device in self._logged:
            self._logged[e.device].add(e.seq)
        if table in _ROSTER_ROWS:  # who is whose penilai is read from the database: written before that
            self._roster_held = True
            self.authz.forget_roster()
        if len(self._pending_order) >= _PENDING_MAX:
            self._write_pending()

    def _write_pending(self) -> None:
        """Write the held rows, in the order they arrived (parents first), and their log entries."""
        if not self._pending_order:
            return
        order, self._pending_order = self._pending_order, []
        self._roster_held = False
        rows, self._pending = self._pending, {}
        logs, self._pending_logs = self._pending_logs, []
        for index_key, index in self._pending_keys.items():
            self._keys_here.setdefault(index_key, {}).update(index)
        self._pending_keys = {}
        run: list[dict[str, Any]] = []
        for i, key in enumerate(order):
            run.append(rows[key])
            if i + 1 == len(order) or order[i + 1][0] != key[0]:
                insert_rows(self.s, MODEL_BY_TABLE[key[0]].__table__, run)
                run = []
        insert_rows(self.s, ChangeLog.__table__, logs)

    def write_pending(self) -> None:
        """Write what is held before the caller reads the database in this transaction."""
        self._write_pending()

    def _write_through(self) -> None:
        """Before any other write: the held rows go first, and what :meth:`prefetch` learnt is dropped
        (a merge of two rows, a revert, a placeholder key change what the look-ups said)."""
        self._write_pending()
        self._absent.clear()
        self._keys_here.clear()
        self._frozen_cache.clear()

    def _roster_read(self) -> None:
        if self._roster_held:
            self._write_pending()

    def _before_commit(self, _session: Session) -> None:
        self._write_pending()

    # ------------------------------------------------------------------ helpers

    def canonical(self, row_id: str) -> str:
        current = row_id
        for _ in range(16):
            nxt = self._alias.get(current)
            if nxt is None or nxt == current:
                return current
            current = nxt
        return current

    def insert_version(self, table: str, row_id: str) -> str | None:
        row = self.s.execute(
            select(ChangeLog.device_id, ChangeLog.seq)
            .where(ChangeLog.table_name == table, ChangeLog.row_id == row_id, ChangeLog.op == "insert")
            .limit(1)
        ).first()
        return f"{row[0]}:{row[1]}" if row else None

    def field_versions(self, table: str, row_id: str, fields: Iterable[str]) -> dict[str, str | None]:
        fields = list(fields)
        known = dict(self.s.execute(
            select(FieldVersion.field, FieldVersion.version).where(
                FieldVersion.table_name == table, FieldVersion.row_id == row_id, FieldVersion.field.in_(fields))
        ).all())
        missing = [f for f in fields if f not in known]
        if missing:
            iv = self.insert_version(table, row_id)
            for f in missing:
                known[f] = iv
        return known

    def set_version(self, table: str, row_id: str, field: str, version: str | None) -> None:
        if version is None:
            return
        fv = self.s.get(FieldVersion, (table, row_id, field))
        if fv is None:
            self.s.add(FieldVersion(table_name=table, row_id=row_id, field=field, version=version))
        elif fv.version != version:
            fv.version = version

    def open_conflicts(self, table: str, row_id: str, field: str | None = None,
                       kinds: tuple[str, ...] = ("concurrent",)) -> list[SyncConflict]:
        q = select(SyncConflict).where(SyncConflict.table_name == table, SyncConflict.row_id == row_id,
                                       SyncConflict.status == "open", SyncConflict.kind.in_(kinds))
        if field is not None:
            q = q.where(SyncConflict.field == field)
        return list(self.s.scalars(q))

    def seen_before(self, e: Entry) -> bool:
        return self._seen_before(e)

    def _seen_before(self, e: Entry) -> bool:
        """This very change was processed here before (applied, kept as a conflict, or refused)."""
        if self._seen is None:
            self._memo.seen = {(d, q) for d, q in self.s.execute(select(SyncRefused.device_id, SyncRefused.seq))}
            self._seen_versions.update(self.s.scalars(select(SyncConflict.version)))
        if (e.device, e.seq) in self._seen or e.version in self._seen_versions:
            return True
        logged = self._logged.get(e.device)
        if logged is None:
            logged = self._logged[e.device] = logged_runs(self.s, e.device)
        return e.seq in logged

    def _has_conflict(self, table: str, row_id: str, field: str, version: str) -> bool:
        return self.s.execute(select(SyncConflict.id).where(
            SyncConflict.table_name == table, SyncConflict.row_id == row_id, SyncConflict.field == field,
            SyncConflict.version == version).limit(1)).first() is not None

    def merged_alias(self, table: str, row_id: str, field: str, version: str) -> str:
        row = self.s.execute(
            select(SyncConflict.resolved_version).where(
                SyncConflict.table_name == table, SyncConflict.row_id == row_id, SyncConflict.field == field,
                SyncConflict.status == "merged", SyncConflict.version == version)
        ).first()
        return row[0] if row and row[0] else version

    def _add_conflict(self, e: Entry, table: str, row_id: str, field: str, version: str, value: Any,
                      kind: str = "concurrent", author: str | None = None, device: str | None = None) -> None:
        self._seen_versions.add(version)
        self.s.add(SyncConflict(
            table_name=table, row_id=row_id, field=field, version=version, value=value, kind=kind,
            status="open", author=author if author is not None else e.user,
            device_id=device if device is not None else e.device, opened_log_id=self._log_high(),
        ))

    def _author_of(self, version: str) -> str | None:
        device, _, seq = version.rpartition(":")
        try:
            row = self.s.execute(select(ChangeLog.user).where(ChangeLog.device_id == device,
                                                              ChangeLog.seq == int(seq))).first()
        except ValueError:
            return None
        return row[0] if row else None

    def refuse(self, e: Entry, reason: str) -> Outcome:
        self.s.add(SyncRefused(device_id=e.device, seq=e.seq, table_name=e.table, row_id=e.row,
                               fields={k: v[1] for k, v in e.changes.items()}, user=e.user, role=e.role,
                               reason=reason))
        if self._seen is not None:
            self._seen.add((e.device, e.seq))
        log.info("refused change %s:%s on %s: %s", e.device, e.seq, e.table, reason)
        return Outcome(REFUSED, reason)

    def _flag(self, model: type[SyncedBase], row_id: Any) -> bool:
        """``frozen`` of a plan or an evaluation (cached; an update of either clears the cache)."""
        if not row_id:
            return False
        key = (model.__tablename__, str(row_id))
        if key not in self._frozen_cache:
            pending = self._pending.get(key)
            if pending is not None:
                return bool(pending.get("frozen"))
            row = self.s.execute(select(model.frozen).where(model.id == row_id)).first()  # type: ignore[attr-defined]
            if row is None:
                return False
            self._frozen_cache[key] = bool(row[0])
        return self._frozen_cache[key]

    def frozen(self, table: str, values: dict[str, Any]) -> bool:
        if table in ("plan", "evaluation"):
            return bool(values.get("frozen"))
        if table in _FROZEN_BY_PLAN:
            return self._flag(Plan, values.get(_FROZEN_BY_PLAN[table]))
        if table == "indicator":  # frozen with the plan of its RHK (the RHK's plan never changes)
            plan = self._parts.parent("rhk", values.get("rhk_id"))
            return bool(plan) and self._flag(Plan, plan)
        if table in _FROZEN_BY_EVALUATION:
            return self._flag(Evaluation, values.get(_FROZEN_BY_EVALUATION[table]))
        if table == "realisation":  # a period's realisations are part of its signed evaluation sheet
            return self._period_frozen(values.get("indicator_id"), values.get("period"))
        if table == "attachment" and values.get("realisation_id"):
            from kinerja_desktop.store.models import Realisation

            pending = self._pending.get(("realisation", values["realisation_id"]))
            row = (pending["indicator_id"], pending["period"]) if pending is not None else \
                self.s.execute(select(Realisation.indicator_id, Realisation.period)
                               .where(Realisation.id == values["realisation_id"])).first()
            return row is not None and self._period_frozen(row[0], row[1])
        return False

    def _period_frozen(self, indicator_id: Any, period: Any) -> bool:
        """Is the evaluation of ``period`` of the plan that holds ``indicator_id`` frozen by a signature?"""
        if not indicator_id or not period:
            return False
        plan_id = self._parts.parent("rhk", self._parts.parent("indicator", str(indicator_id)))
        if not plan_id:
            return False
        key = ("plan_period", f"{plan_id}:{period}")
        if key not in self._frozen_cache:
            held = self._pending_key("evaluation", ("plan_id", "period"), (plan_id, period))
            if held is not None:
                return bool(self._pending[("evaluation", held)].get("frozen"))
            row = self.s.execute(select(Evaluation.frozen).where(Evaluation.plan_id == plan_id,
                                                                 Evaluation.period == period)).first()
            self._frozen_cache[key] = bool(row and row[0])
        return self._frozen_cache[key]

    def _frozen_field(self, table: str, field: str, new_value: Any) -> bool:
        if field in FROZEN_EXEMPT.get(table, ()):
            return False
        return not (table == "evaluation" and field == "status" and new_value == "SIGNED")

    # ------------------------------------------------------------------ apply

    def apply(self, e: Entry, *, trusted: bool = False) -> Outcome:
        with self.s.no_autoflush:
            try:
                out = self._apply(e, trusted)
            except Wait as w:
                return Outcome(WAIT, w.reason, w.row_id)
        self.s.flush()  # bookkeeping rows (versions, conflicts); the row itself was flushed with its origin
        return out

    def _apply(self, e: Entry, trusted: bool) -> Outcome:
        if e.table not in MODEL_BY_TABLE:
            return self.refuse(e, f"tabel “{e.table}” tidak dikenal oleh versi aplikasi ini")
        if e.op not in ("insert", "update", "delete"):
            return self.refuse(e, f"jenis perubahan “{e.op}” tidak dikenal")
        info = model_info(e.table)
        if self._seen_before(e):
            return Outcome(NOOP, "sudah diterapkan")
        for v in iter_base_versions(e.base):
            if not self.processed(v):
                return Outcome(WAIT, f"menunggu perubahan {v} yang menjadi dasarnya")
        # ``trusted``: signed with the instansi's root key (the founding history of the office,
        # history re-signed by the central office): the role check does not apply.
        if not isinstance(e.row, str) or not 1 <= len(e.row) <= 64:
            return self.refuse(e, "nomor baris tidak sah")
        row_id = self.canonical(e.row)
        new: dict[str, Any] = {}
        for f, pair in e.changes.items():
            if f not in info.columns:
                continue  # a field this version does not know: ignored
            if not (isinstance(pair, list) and len(pair) == 2):
                return self.refuse(e, f"perubahan {e.table}.{f} tidak berbentuk [lama, baru]")
            value = pair[1]
            if f in info.fks and value:
                value = self.canonical(str(value))
            new[f] = value
        problem = check_changes(e.table, new)
        if problem:
            return self.refuse(e, problem)
        if e.op == "insert":
            if (e.table, row_id) in self._exists or ((e.table, row_id) not in self._absent and self.s.execute(
                    select(info.table.c.id).where(info.table.c.id == row_id)).first() is not None):
                return Outcome(NOOP, "sudah ada")
            values = {c: new.get(c) for c in info.columns}
            self._check_fks(info, values, values)
            if not trusted:
                reason = self.authz.check(e.table, "insert", new, values, e.user)
                if reason:
                    return self.refuse(e, reason)
            return self._insert(e, info, row_id, values)
        self._write_through()
        obj = self.s.get(info.model, row_id)
        if obj is None:
            raise Wait("menunggu baris ini dibuat", row_id)
        current = {**{c: getattr(obj, c) for c in info.columns}, "id": obj.id}
        changed = {f: v for f, v in new.items()}
        self._check_fks(info, changed, changed)
        if not trusted:
            reason = self.authz.check(e.table, e.op, changed, current, e.user)
            if reason:
                return self.refuse(e, reason)
        if e.table in _ROSTER_ROWS:
            self.authz.forget_roster()
        return self._update(e, info, obj, changed)

    def _check_fks(self, info: ModelInfo, values: dict[str, Any], _scope: dict[str, Any]) -> None:
        for col, target in info.fks.items():
            ref = values.get(col)
            if not ref or (target, ref) in self._exists:
                continue
            t = model_info(target).table
            if self.s.execute(select(t.c.id).where(t.c.id == ref)).first() is None:
                raise Wait(f"menunggu data induk ({target}) tiba", str(ref))
            self._exists.add((target, ref))

    def _flush_with_origin(self, e: Entry) -> None:
        capture(self.s).origin = {"device": e.device, "seq": e.seq, "user": e.user, "role": e.role,
                                  "base_versions": e.base, "at": e.at}
        try:
            self.s.flush()
        finally:
            capture(self.s).origin = None
        if e.device in self._logged:
            self._logged[e.device].add(e.seq)

    def _insert(self, e: Entry, info: ModelInfo, row_id: str, values: dict[str, Any]) -> Outcome:
        frozen = self.frozen(e.table, values) and e.table not in ("plan", "evaluation")
        if e.table == "evaluation":
            self._frozen_cache.pop(("plan_period", f"{values.get('plan_id')}:{values.get('period')}"), None)
        if self._batched and not frozen and not self._held_duplicate(info, values):
            other = self._natural_duplicate(info, row_id, values)
            if other is None:
                self._hold_insert(e, info, row_id, values)
                return Outcome(APPLIED)
        self._write_through()
        other = self._natural_duplicate(info, row_id, values)
        if other is not None and other.id < row_id:
            return self._merge_into_existing(e, info, other, row_id, values)
        if other is not None:
            self._evict_for(e, info, other, row_id)
        obj = info.model(id=row_id, **{c: to_python(info, c, v) for c, v in values.items()})
        if frozen:
            obj.deleted = True
        self.s.add(obj)
        self._flush_with_origin(e)
        self._exists.add((e.table, row_id))
        if e.table in _ROSTER_ROWS:
            self.authz.forget_roster()
        if frozen:
            self._add_conflict(e, e.table, row_id, "deleted", e.version, False, kind="frozen")
            return Outcome(CONFLICT, "baris baru untuk catatan yang sudah ditandatangani", conflicts=1)
        if other is not None:
            return self._finish_eviction(e, info, other, row_id)
        return Outcome(APPLIED)

    # ------------------------------------------------------------------ update

    def _update(self, e: Entry, info: ModelInfo, obj: SyncedBase, changed: dict[str, Any]) -> Outcome:
        table, row_id = e.table, obj.id
        self._frozen_cache.pop((table, row_id), None)
        if table == "evaluation":  # a (un)freeze of a period changes what its realisations may take
            for key in [k for k in self._frozen_cache if k[0] == "plan_period"]:
                del self._frozen_cache[key]
        vc = e.version
        derived = {d: src for d, src in DERIVED.get(table, {}).items() if src in changed}
        changed = {f: v for f, v in changed.items() if f not in derived}
        versions = self.field_versions(table, row_id, changed)
        is_frozen = self.frozen(table, {c: getattr(obj, c) for c in ("frozen", "plan_id", "rhk_id", "evaluation_id",
                                                                     "indicator_id", "period", "realisation_id")
                                        if hasattr(obj, c)})
        final_versions: dict[str, str] = {}
        n_conflicts = 0
        touched = False
        for f, new_json in changed.items():
            cur_version = versions.get(f)
            cur_json = json_value(getattr(obj, f))
            if is_frozen and self._frozen_field(table, f, new_json):
                if cur_version == vc or self._has_conflict(table, row_id, f, vc):
                    continue
                if new_json != cur_json:
                    self._add_conflict(e, table, row_id, f, vc, new_json, kind="frozen")
                    n_conflicts += 1
                continue
            conflicts = self.open_conflicts(table, row_id, f)
            heads: dict[str | None, Any] = {cur_version: cur_json}
            by_version = {c.version: c for c in conflicts}
            for c in conflicts:
                heads[c.version] = c.value
            if vc in heads:
                continue  # applied before
            bases = {self.merged_alias(table, row_id, f, b) if b else b for b in base_set(e.base.get(f))}
            remaining = {h: v for h, v in heads.items() if h not in bases}
            remaining[vc] = new_json
            winner = max(remaining, key=vkey)
            win_value = remaining[winner]
            if win_value != cur_json:
                setattr(obj, f, to_python(info, f, win_value))
                touched = True
            final_versions[f] = winner  # type: ignore[assignment]
            # conflict rows: close superseded heads, open the ones that stay beside the winner
            for h, c in by_version.items():
                if h not in remaining or h == winner:
                    c.status = "resolved"
                    c.resolved_version = vc
                    c.resolved_by = e.user
                    c.resolved_at = datetime.now()
            for h, v in remaining.items():
                if h == winner or h in by_version:
                    continue
                if h == vc:
                    self._add_conflict(e, table, row_id, f, vc, v)
                else:
                    author = self._author_of(h) if h else None
                    self._add_conflict(e, table, row_id, f, h or "", v, author=author,
                                       device=h.rpartition(":")[0] if h else None)
                n_conflicts += 1
        for d, src in derived.items():  # follows the value its source ends with, whatever the sender sent
            value = derive(self.s, table, obj, d)
            if json_value(getattr(obj, d)) != json_value(value):
                setattr(obj, d, value)
                touched = True
            if src in final_versions:
                final_versions[d] = final_versions[src]
        if touched:
            self._flush_with_origin(e)
        for f, v in final_versions.items():
            self.set_version(table, row_id, f, v)
        if table in ("plan", "evaluation") and not is_frozen and bool(getattr(obj, "frozen", False)):
            n_conflicts += self._revert_unseen(e, table, obj)
        if n_conflicts:
            return Outcome(CONFLICT, conflicts=n_conflicts)
        return Outcome(APPLIED if touched or final_versions else NOOP)

    # ------------------------------------------------------------------ signatures

    def _covered_rows(self, table: str, row_id: str) -> list[tuple[str, str]]:
        """The rows a signature on a plan or an evaluation freezes."""
        from kinerja_desktop.store.models import (
            Indicator,
            LampiranItem,
            PerilakuExpectation,
            PerilakuFeedback,
            Rhk,
            RhkFeedback,
        )

        rows = [(table, row_id)]
        if table == "plan":
            rhk_ids = list(self.s.scalars(select(Rhk.id).where(Rhk.plan_id == row_id)))
            rows += [("rhk", r) for r in rhk_ids]
            if rhk_ids:
                rows += [("indicator", i) for i in self.s.scalars(select(Indicator.id)
                                                                  .where(Indicator.rhk_id.in_(rhk_ids)))]
            rows += [("lampiran_item", i) for i in self.s.scalars(select(LampiranItem.id)
                                                                  .where(LampiranItem.plan_id == row_id))]
            rows += [("perilaku_expectation", i) for i in self.s.scalars(
                select(PerilakuExpectation.id).where(PerilakuExpectation.plan_id == row_id))]
        else:
            rows += [("rhk_feedback", i) for i in self.s.scalars(select(RhkFeedback.id)
                                                                 .where(RhkFeedback.evaluation_id == row_id))]
            rows += [("perilaku_feedback", i) for i in self.s.scalars(
                select(PerilakuFeedback.id).where(PerilakuFeedback.evaluation_id == row_id))]
        return rows

    def _revert_unseen(self, f_entry: Entry, table: str, obj: SyncedBase) -> int:
        """A signature arrived after changes its signer had not seen: the signed values win.

        Each unseen change of a frozen field becomes a ``frozen`` conflict (exactly what it would
        have become had it arrived after the signature), and the field returns to the last value
        the signer had seen.
        """
        clock = f_entry.clock or {}
        parts = Partitioner(self.s)
        part = ""

        def seen(version: str | None) -> bool:
            if not version:
                return True
            dev, _, seq_text = version.rpartition(":")
            try:
                seq = int(seq_text)
            except ValueError:
                return True
            if dev == f_entry.device:
                return seq < f_entry.seq
            # a signer whose PC holds a scope knows each device per partition (sync.scope): a row's
            # versions all lie in the row's partition
            return seq <= max(int(clock.get(dev, 0)), int(clock.get(f"{part}/{dev}", 0)))

        n = 0
        for t, rid in self._covered_rows(table, obj.id):
            part = parts.of(t, rid)
            info = model_info(t)
            target = self.s.get(info.model, rid)
            if target is None:
                continue
            fields = [f for f in info.columns if self._frozen_field(t, f, json_value(getattr(target, f)))]
            versions = self.field_versions(t, rid, fields)
            log_rows = None
            revert: dict[str, Any] = {}
            for f in fields:
                if seen(versions.get(f)):
                    continue
                if log_rows is None:
                    log_rows = list(self.s.execute(
                        select(ChangeLog.device_id, ChangeLog.seq, ChangeLog.op, ChangeLog.changes, ChangeLog.user)
                        .where(ChangeLog.table_name == t, ChangeLog.row_id == rid).order_by(ChangeLog.id.desc())
                    ))
                back_version, back_value, found = None, None, False
                for dev, seq, op, changes, user in log_rows:
                    version = f"{dev}:{seq}"
                    if f not in (changes or {}) and op != "insert":
                        continue
                    value = (changes or {}).get(f, [None, None])[1]
                    if seen(version):
                        back_version, back_value, found = version, value, True
                        break
                    self.s.add(SyncConflict(table_name=t, row_id=rid, field=f, version=version, value=value,
                                            kind="frozen", status="open", author=user, device_id=dev,
                                            opened_log_id=self._log_high()))
                    n += 1
                if found:
                    revert[f] = (back_version, back_value)
                elif f == "deleted":
                    revert[f] = (None, True)  # a row the signer never saw is not part of the signed record
            if revert:
                self.s.execute(update(info.model).where(info.model.id == rid)
                               .values(**{f: to_python(info, f, v) for f, (_ver, v) in revert.items()}))
                self.s.expire(target)
                for f, (ver, _v) in revert.items():
                    self.set_version(t, rid, f, ver)
        return n

    # ------------------------------------------------------------------ natural keys

    def _held_duplicate(self, info: ModelInfo, values: dict[str, Any]) -> bool:
        """Does a row held for writing share a natural key with ``values``?"""
        table = info.model.__tablename__
        return any(self._pending_key(table, key, tuple(to_python(info, c, values.get(c)) for c in key)) is not None
                   for key in info.uniques)

    def _natural_duplicate(self, info: ModelInfo, row_id: str, values: dict[str, Any]) -> SyncedBase | None:
        table = info.model.__tablename__
        for key in info.uniques:
            if any(values.get(c) is None for c in key):
                continue
            vals = tuple(to_python(info, c, values[c]) for c in key)
            known = self._keys_here.get((table, key))
            if known is not None and vals in known and known[vals] in (None, row_id):
                continue  # looked up with its bundle: no other row has it
            q = select(info.table.c.id).where(*[info.table.c[c] == v for c, v in zip(key, vals, strict=True)],
                                              info.table.c.id != row_id)
            found = self.s.execute(q.limit(1)).first()
            if found is not None:
                return self.s.get(info.model, found[0])
        return None

    def prefetch(self, entries: Iterable[Entry]) -> None:
        """Look up at once which rows and natural keys the inserts among ``entries`` would meet here.

        What it learns holds until the merge writes anything but its held inserts (see
        :meth:`_write_through`): then every later look-up asks the database again.
        """
        by_table: dict[str, list[Entry]] = {}
        for e in entries:
            if e.op == "insert" and e.table in MODEL_BY_TABLE and isinstance(e.row, str) \
                    and (e.table, e.row) not in self._exists:
                by_table.setdefault(e.table, []).append(e)
        for table, batch in by_table.items():
            info = model_info(table)
            ids = sorted({self.canonical(e.row) for e in batch})
            found: set[str] = set()
            for start in range(0, len(ids), 500):
                found.update(self.s.scalars(select(info.table.c.id)
                                            .where(among(self.s, info.table.c.id, ids[start:start + 500]))))
            self._exists.update((table, i) for i in found)
            self._absent.update((table, i) for i in ids if i not in found and (table, i) not in self._pending)
            for key in info.uniques:
                wanted: set[tuple[Any, ...]] = set()
                for e in batch:
                    vals = tuple(_new_value(info, e, c) for c in key)
                    if all(v is not None for v in vals):
                        wanted.add(vals)
                if not wanted:
                    continue
                here = self._keys_here.setdefault((table, key), {})
                firsts = sorted({v[0] for v in wanted}, key=str)
                cols = [info.table.c[c] for c in key]
                for start in range(0, len(firsts), 500):
                    q = select(info.table.c.id, *cols).where(among(self.s, cols[0], firsts[start:start + 500]))
                    for rid, *vals in self.s.execute(q):
                        here[tuple(vals)] = rid
                for vals in wanted:
                    here.setdefault(vals, None)
        self._prefetch_parents(by_table)
        for table, batch in by_table.items():  # the links up to each row's employee (its partition)
            info = model_info(table)
            self._parts.prefetch_parents(table, [{c: _new_value(info, e, c) for c in info.fks} for e in batch])
        self._prefetch_frozen(by_table)

    def _prefetch_parents(self, by_table: dict[str, list[Entry]]) -> None:
        """Which rows the inserts' foreign keys name are here, at once (what :meth:`_check_fks` asks)."""
        wanted: dict[str, set[str]] = {}
        for table, batch in by_table.items():
            info = model_info(table)
            for col, target in info.fks.items():
                for e in batch:
                    ref = _new_value(info, e, col)
                    if isinstance(ref, str) and ref:
                        ref = self.canonical(ref)
                        if (target, ref) not in self._exists and (target, ref) not in self._pending:
                            wanted.setdefault(target, set()).add(ref)
        for target, refs in wanted.items():
            t = model_info(target).table
            todo = sorted(refs)
            for start in range(0, len(todo), 500):
                self._exists.update((target, i) for i in self.s.scalars(
                    select(t.c.id).where(among(self.s, t.c.id, todo[start:start + 500]))))

    def _prefetch_frozen(self, by_table: dict[str, list[Entry]]) -> None:
        """The frozen flags :meth:`frozen` will ask for these inserts: plans and evaluations, at once."""
        plans: set[str] = set()
        evaluations: set[str] = set()
        periods: set[tuple[str, str]] = set()
        # (the links up to the plan were loaded by prefetch: Partitioner.parent answers from memory)
        for table, batch in by_table.items():
            for e in batch:
                if table in _FROZEN_BY_EVALUATION:
                    ev = _new_value(model_info(table), e, _FROZEN_BY_EVALUATION[table])
                    if ev and ("evaluation", ev) not in self._frozen_cache and ("evaluation", ev) not in self._pending:
                        evaluations.add(ev)
                    continue
                if table in _FROZEN_BY_PLAN:
                    plan = _new_value(model_info(table), e, _FROZEN_BY_PLAN[table])
                elif table == "indicator":
                    plan = self._parts.parent("rhk", _new_value(model_info(table), e, "rhk_id"))
                elif table == "realisation":
                    rhk = self._parts.parent("indicator", _new_value(model_info(table), e, "indicator_id"))
                    plan = self._parts.parent("rhk", rhk)
                    period = _new_value(model_info(table), e, "period")
                    if plan and period and ("plan_period", f"{plan}:{period}") not in self._frozen_cache:
                        periods.add((plan, period))
                    continue
                else:
                    continue
                if plan and ("plan", plan) not in self._frozen_cache and ("plan", plan) not in self._pending:
                    plans.add(plan)
        plan_t, eval_t = Plan.__table__, Evaluation.__table__
        todo = sorted(plans)
        for start in range(0, len(todo), 500):
            for pid, frozen in self.s.execute(select(plan_t.c.id, plan_t.c.frozen)
                                              .where(among(self.s, plan_t.c.id, todo[start:start + 500]))):
                self._frozen_cache[("plan", pid)] = bool(frozen)
        todo = sorted(evaluations)
        for start in range(0, len(todo), 500):
            for eid, frozen in self.s.execute(select(eval_t.c.id, eval_t.c.frozen)
                                              .where(among(self.s, eval_t.c.id, todo[start:start + 500]))):
                self._frozen_cache[("evaluation", eid)] = bool(frozen)
        todo = sorted({p for p, _ in periods})
        found: dict[tuple[str, str], bool] = {}
        for start in range(0, len(todo), 500):
            for pid, period, frozen in self.s.execute(
                    select(eval_t.c.plan_id, eval_t.c.period, eval_t.c.frozen)
                    .where(among(self.s, eval_t.c.plan_id, todo[start:start + 500]))):
                found[(pid, period)] = bool(frozen)
        for plan, period in periods:
            if self._pending_key("evaluation", ("plan_id", "period"), (plan, period)) is None:
                self._frozen_cache[("plan_period", f"{plan}:{period}")] = found.get((plan, period), False)

    def _row_heads(self, table: str, row_id: str, fields: list[str], obj: SyncedBase | None,
                   values: dict[str, Any] | None, insert_version: str | None) -> dict[str, dict[str | None, Any]]:
        """{field: {version: value}} of a row here (``obj``) or of a row being inserted (``values``)."""
        out: dict[str, dict[str | None, Any]] = {}
        if obj is None:
            assert values is not None
            for f in fields:
                out[f] = {insert_version: values.get(f)}
            return out
        versions = self.field_versions(table, row_id, fields)
        for f in fields:
            heads: dict[str | None, Any] = {versions.get(f): json_value(getattr(obj, f))}
            for c in self.open_conflicts(table, row_id, f):
                heads[c.version] = c.value
            out[f] = heads
        return out

    def _combine(self, table: str, winner_id: str, fields: list[str], win_heads: dict[str, dict[str | None, Any]],
                 lose_heads: dict[str, dict[str | None, Any]], win_insert: dict[str, Any], lose_insert: dict[str, Any],
                 vw: str | None, vl: str | None) -> tuple[dict[str, tuple[str | None, Any]], list[tuple[str, str, Any]],
                                                           list[tuple[str, str, str]]]:
        """Union of two rows' heads per field (an equal insert value counts as one version)."""
        current: dict[str, tuple[str | None, Any]] = {}
        extra: list[tuple[str, str, Any]] = []
        merged: list[tuple[str, str, str]] = []
        for f in fields:
            wh, lh = dict(win_heads[f]), dict(lose_heads[f])
            if vw and vl and win_insert.get(f) == lose_insert.get(f):
                merged.append((f, vl, vw))
                keep = vw in wh and vl in lh
                wh.pop(vw, None)
                lh.pop(vl, None)
                if keep:
                    wh[vw] = win_insert.get(f)
            heads = {**lh, **wh}
            winner = max(heads, key=vkey)
            current[f] = (winner, heads[winner])
            for h, v in heads.items():
                if h != winner and h:
                    extra.append((f, h, v))
        return current, extra, merged

    def _merge_into_existing(self, e: Entry, info: ModelInfo, existing: SyncedBase, row_id: str,
                             values: dict[str, Any]) -> Outcome:
        """The arriving row duplicates a natural key of ``existing`` (smaller id): fold it in."""
        table = e.table
        fields = [f for f in info.columns if f not in _key_fields(info)]
        vw = self.insert_version(table, existing.id)
        win_insert = self._insert_values(table, existing.id)
        win_heads = self._row_heads(table, existing.id, fields, existing, None, None)
        lose_heads = self._row_heads(table, row_id, fields, None, values, e.version)
        current, extra, merged = self._combine(table, existing.id, fields, win_heads, lose_heads, win_insert, values,
                                               vw, e.version)
        self._write_combined(e, info, existing, current, extra, merged, [])
        self._add_alias(table, row_id, existing.id)
        return Outcome(CONFLICT if _visible(extra, current) else APPLIED,
                       "digabung dengan baris yang sama dari perangkat lain",
                       conflicts=len(extra))

    def _insert_values(self, table: str, row_id: str) -> dict[str, Any]:
        row = self.s.execute(
            select(ChangeLog.changes).where(ChangeLog.table_name == table, ChangeLog.row_id == row_id,
                                            ChangeLog.op == "insert").limit(1)
        ).first()
        if row is None:
            return {}
        return {f: pair[1] for f, pair in (row[0] or {}).items()}

    def _evict_for(self, e: Entry, info: ModelInfo, loser: SyncedBase, winner_id: str) -> None:
        """Free the natural key held by ``loser`` so the arriving ``winner_id`` row can be inserted."""
        table = e.table
        fields = [f for f in info.columns if f not in _key_fields(info)]
        self._evicted = {
            "id": loser.id,
            "insert_version": self.insert_version(table, loser.id),
            "insert_values": self._insert_values(table, loser.id),
            "heads": self._row_heads(table, loser.id, fields, loser, None, None),
            "fields": fields,
            "conflicts": [(c.field, c.version) for c in self.open_conflicts(table, loser.id)],
        }
        if info.children:
            self.s.execute(update(info.model).where(info.model.id == loser.id)
                           .values(**_placeholder_update(info, loser)))
            self.s.expire(loser)
        else:  # nothing refers to it: it can go at once
            self._drop_row(info, loser)

    def _drop_row(self, info: ModelInfo, obj: SyncedBase) -> None:
        table = info.model.__tablename__
        row_id = obj.id
        if obj in self.s:
            self.s.expunge(obj)
        self.s.execute(delete(SyncConflict).where(SyncConflict.table_name == table, SyncConflict.row_id == row_id,
                                                  SyncConflict.status == "open"))
        self.s.execute(delete(FieldVersion).where(FieldVersion.table_name == table, FieldVersion.row_id == row_id))
        self.s.execute(delete(info.model).where(info.model.id == row_id))

    def _finish_eviction(self, e: Entry, info: ModelInfo, loser: SyncedBase, winner_id: str) -> Outcome:
        ev = self._evicted
        table = e.table
        winner = self.s.get(info.model, winner_id)
        assert winner is not None
        fields = ev["fields"]
        win_heads = self._row_heads(table, winner_id, fields, winner, None, None)
        win_insert = {f: pair[1] for f, pair in e.changes.items()}
        current, extra, merged = self._combine(table, winner_id, fields, win_heads, ev["heads"], win_insert,
                                               ev["insert_values"], e.version, ev["insert_version"])
        moved = self._reparent_children(info, ev["id"], winner_id)
        if self.s.get(info.model, ev["id"]) is not None:
            self._drop_row(info, loser)
        self.s.execute(update(SyncConflict).where(SyncConflict.table_name == table,
                                                  SyncConflict.row_id == ev["id"])
                       .values(row_id=winner_id))
        self._add_alias(table, ev["id"], winner_id)
        self._write_combined(e, info, winner, current, extra, merged, moved)
        return Outcome(CONFLICT if _visible(extra, current) else APPLIED,
                       "digabung dengan baris yang sama dari perangkat lain", conflicts=len(extra))

    def _write_combined(self, e: Entry, info: ModelInfo, obj: SyncedBase, current: dict[str, tuple[str | None, Any]],
                        extra: list[tuple[str, str, Any]], merged: list[tuple[str, str, str]],
                        _moved: list[Any]) -> None:
        """Set the winner row to the combined values (a local merge: not a change of its own)."""
        table = e.table
        values = {f: to_python(info, f, v) for f, (_ver, v) in current.items()}
        self.s.execute(update(info.model).where(info.model.id == obj.id).values(**values))
        self.s.expire(obj)
        for f, (ver, _v) in current.items():
            self.set_version(table, obj.id, f, ver)
        for c in self.open_conflicts(table, obj.id):
            c.status = "resolved"
            c.resolved_version = e.version
        for f, ver, v in extra:
            author = self._author_of(ver)
            self._add_conflict(e, table, obj.id, f, ver, v, author=author, device=ver.rpartition(":")[0])
        for f, vl, vw in merged:
            self.s.add(SyncConflict(table_name=table, row_id=obj.id, field=f, version=vl, value=None,
                                    kind="concurrent", status="merged", resolved_version=vw,
                                    opened_log_id=self._log_high()))

    def _reparent_children(self, info: ModelInfo, loser_id: str, winner_id: str) -> list[Any]:
        """Point rows that referenced ``loser_id`` at ``winner_id``; merges children that then collide."""
        moved: list[Any] = []
        for child_table, col in info.children:
            cinfo = model_info(child_table)
            kids = list(self.s.scalars(select(cinfo.model).where(getattr(cinfo.model, col) == loser_id)))
            for kid in kids:
                values = {c: json_value(getattr(kid, c)) for c in cinfo.columns}
                values[col] = winner_id
                dup = self._natural_duplicate(cinfo, kid.id, values)
                if dup is None:
                    self.s.execute(update(cinfo.model).where(cinfo.model.id == kid.id).values(**{col: winner_id}))
                    self.s.expire(kid)
                else:
                    keys = {c: to_python(cinfo, c, values[c]) for c in _key_fields(cinfo)}
                    self._merge_rows_local(cinfo, kid, dup, keys, col, winner_id)
                moved.append(kid.id)
        return moved

    def _merge_rows_local(self, info: ModelInfo, kid: SyncedBase, dup: SyncedBase, keys: dict[str, Any],
                          col: str, parent_id: str) -> None:
        """A re-parented row now shares a natural key with ``dup``: keep the smaller id, fold in the other."""
        table = info.model.__tablename__
        winner, loser = (kid, dup) if kid.id < dup.id else (dup, kid)
        fields = [f for f in info.columns if f not in _key_fields(info)]
        win_heads = self._row_heads(table, winner.id, fields, winner, None, None)
        lose_heads = self._row_heads(table, loser.id, fields, loser, None, None)
        vw, vl = self.insert_version(table, winner.id), self.insert_version(table, loser.id)
        current, extra, merged = self._combine(table, winner.id, fields, win_heads, lose_heads,
                                               self._insert_values(table, winner.id),
                                               self._insert_values(table, loser.id), vw, vl)
        loser_id = loser.id
        if info.children:
            self.s.execute(update(info.model).where(info.model.id == loser_id)
                           .values(**_placeholder_update(info, loser)))
            self.s.expire(loser)
            self._reparent_children(info, loser_id, winner.id)
        self._drop_row(info, loser)
        self._add_alias(table, loser_id, winner.id)
        values = {f: to_python(info, f, v) for f, (_ver, v) in current.items()}
        values.update(keys)
        values[col] = parent_id
        self.s.execute(update(info.model).where(info.model.id == winner.id).values(**values))
        self.s.expire(winner)
        for f, (ver, _v) in current.items():
            self.set_version(table, winner.id, f, ver)
        for c in self.open_conflicts(table, winner.id):
            c.status = "resolved"
        fake = Entry(device="", seq=0, table=table, row=winner.id, op="merge", changes={})
        for f, ver, v in extra:
            self._add_conflict(fake, table, winner.id, f, ver, v, author=self._author_of(ver),
                               device=ver.rpartition(":")[0])
        for f, vl2, vw2 in merged:
            self.s.add(SyncConflict(table_name=table, row_id=winner.id, field=f, version=vl2, value=None,
                                    status="merged", resolved_version=vw2, opened_log_id=self._log_high()))


#: Rows the permission checks read (who is whose penilai): written at once, and they reset what
#: the checks cached.
_ROSTER_ROWS = frozenset({"employee", "supervision", "user_account"})
#: Held inserts are written at the latest when this many wait.
_PENDING_MAX = 2000
#: Rows a run remembers to save look-ups, at most (memory stays bounded on a whole instansi).
_MEMO_MAX = 400_000


def _key_fields(info: ModelInfo) -> set[str]:
    return {c for key in info.uniques for c in key}


def _visible(extra: list[tuple[str, str, Any]], current: dict[str, tuple[str | None, Any]]) -> bool:
    return any(current[f][1] != v for f, _h, v in extra)


def _placeholder_update(info: ModelInfo, obj: SyncedBase) -> dict[str, Any]:
    """Values that free ``obj``'s natural keys for a moment (non-FK key columns only)."""
    out: dict[str, Any] = {}
    table = info.model.__table__
    for key in info.uniques:
        for c in key:
            if c in info.fks:
                continue
            col = table.columns[c]
            if col.type.python_type is int:
                out[c] = -abs(hash(obj.id)) % 2_000_000_000 - 1
            else:
                length = getattr(col.type, "length", None) or 40
                out[c] = ("~" + obj.id.replace("-", ""))[:length]
            break
    return out


def log_high_water(session: Session) -> int:
    return int(session.execute(select(func.max(ChangeLog.id))).scalar() or 0)
