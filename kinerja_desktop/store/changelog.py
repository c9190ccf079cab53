"""Capture every committed change of a synced row into ``change_log``.

This is the one place where changes are recorded (SQLAlchemy ``before_flush``),
so services never write audit entries themselves. Each entry names the device
and a per-device sequence number, the acting user and role (taken from
``session.info``), the changed fields with old and new values, and the version
("device:seq") each field was at when the change was made. Sync uses the same
entries to build bundles; applying a remote bundle sets ``capture(session).origin``
so its entries keep the remote device and sequence instead of making new ones.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session

from kinerja_desktop.store import signing
from kinerja_desktop.store.models import SYNCED_MODELS, ChangeLog, FieldVersion, LocalMeta, SyncedBase, utcnow
from kinerja_desktop.store.partitions import Partitioner
from kinerja_desktop.store.sync_models import SyncConflict, SyncKnowledge, SyncOutbox

DEVICE_KEY = "device_id"


@dataclass
class Capture:
    """What change capture knows about one session's writes (one record in ``session.info``).

    ``Database.session`` sets who writes and with which keys; services may name the role they
    act in; the sync merge sets ``origin`` while it applies a remote change (its entry keeps the
    remote device, sequence and author) and ``uncaptured_ok`` for the Core statements that
    record merge outcomes; ``conflicts.resolve`` sets ``disabled`` because it writes its own
    entry (then signs it through :func:`sign_entries`).
    """

    user: str | None = None
    role: str | None = None
    keys: signing.KeyRing | None = None
    origin: Mapping[str, Any] | None = None
    disabled: bool = False
    uncaptured_ok: bool = False


_CAPTURE = "kinerja_capture"


def capture(session: Session) -> Capture:
    """The session's :class:`Capture` record (made empty on first use)."""
    record = session.info.get(_CAPTURE)
    if record is None:
        record = session.info[_CAPTURE] = Capture()
    return record


def json_value(value: Any) -> Any:
    """Make a column value JSON-safe (dates as ISO text)."""
    if isinstance(value, (datetime, date)):  # the tuple is the faster check (per field of every row)
        return value.isoformat()
    return value


def user_columns(model: type[SyncedBase]) -> list[str]:
    """Column attribute names a change log entry records for ``model``."""
    return [c.key for c in inspect(model).column_attrs if c.key not in SyncedBase.META_COLUMNS and c.key != "id"]


_COLUMNS_CACHE: dict[type[SyncedBase], list[str]] = {}


def _columns(model: type[SyncedBase]) -> list[str]:
    cols = _COLUMNS_CACHE.get(model)
    if cols is None:
        cols = _COLUMNS_CACHE[model] = user_columns(model)
    return cols


def insert_changes(model: type[SyncedBase], values: Mapping[str, Any]) -> dict[str, Any]:
    """The ``changes`` of an insert entry: ``{field: [None, new]}`` for every field that is not NULL.

    A field missing from an insert entry is NULL (this keeps the log of large tables compact).
    """
    # json_value inlined: this runs for every field of every row a whole office's ingest inserts
    return {c: [None, v.isoformat() if isinstance(v, (datetime, date)) else v]
            for c in _columns(model) if (v := values.get(c)) is not None}


def insert_entry(model: type[SyncedBase], row_id: str, values: Mapping[str, Any], *, device: str, seq: int,
                 user: str | None, role: str | None, at: datetime, local: bool, parts: Partitioner) -> dict[str, Any]:
    """The change-log columns of the insert of one row (``values``: its user columns, defaults applied).

    The one recipe for an insert entry: capture at flush time and the sync merge's batched
    inserts (:class:`kinerja_desktop.sync.merge.Merger`) both write it.
    """
    table = model.__tablename__
    return {"device_id": device, "seq": seq, "table_name": table, "row_id": row_id, "op": "insert",
            "changes": insert_changes(model, values), "base_versions": {}, "user": user, "role": role, "at": at,
            "local": local, "part": parts.of(table, row_id, values)}


_DEFAULTS_CACHE: dict[type[SyncedBase], list[tuple[str, Any]]] = {}


def _defaults(model: type[SyncedBase]) -> list[tuple[str, Any]]:
    """(attribute, column default) of every column of ``model`` that has a default."""
    found = _DEFAULTS_CACHE.get(model)
    if found is None:
        mapper = inspect(model)
        found = _DEFAULTS_CACHE[model] = [(mapper.get_property_by_column(col).key, col.default)
                                          for col in mapper.columns if col.default is not None]
    return found


def row_defaults(model: type[SyncedBase], values: dict[str, Any], user: str | None) -> dict[str, Any]:
    """``values`` (every column of a new row) with the column defaults a flush would apply (see
    :func:`_apply_defaults`), for rows written without the ORM."""
    out = dict(values)
    for key, default in _defaults(model):
        if out.get(key) is None:
            if default.is_scalar:
                out[key] = default.arg
            elif default.is_callable:
                out[key] = default.arg(None)
    out["created_by"] = out.get("created_by") or user
    out["updated_by"] = user
    return out


def device_id(session: Session) -> str:
    """This replica's device id, made once and kept in ``local_meta``."""
    cached = session.info.get(DEVICE_KEY)
    if cached:
        return str(cached)
    meta = session.get(LocalMeta, DEVICE_KEY)
    if meta is None:
        meta = LocalMeta(key=DEVICE_KEY, value=str(uuid.uuid4()))
        session.add(meta)
    session.info[DEVICE_KEY] = meta.value
    return str(meta.value)


def next_seq(session: Session, device: str) -> int:
    """The next change number of this replica's ``device``: after its log, and after every bundle it made
    (a restored backup's log can end before what this PC sent; the sync re-applies that, store.backups)."""
    current = session.execute(select(func.max(ChangeLog.seq)).where(ChangeLog.device_id == device)).scalar()
    sent = session.execute(select(func.max(SyncOutbox.last_seq))).scalar()
    return max(int(current or 0), int(sent or 0)) + 1


def _apply_defaults(obj: SyncedBase, user: str | None) -> None:
    mapper = inspect(type(obj))
    current = {mapper.get_property_by_column(c).key: obj.__dict__.get(mapper.get_property_by_column(c).key)
               for c in mapper.columns}
    for key, value in row_defaults(type(obj), current, user).items():
        if current.get(key) is not value:
            setattr(obj, key, value)


def _base_versions(session: Session, table: str, row_id: str, fields: Iterable[str]) -> dict[str, Any]:
    fields = list(fields)
    rows = session.execute(
        select(FieldVersion.field, FieldVersion.version).where(
            FieldVersion.table_name == table, FieldVersion.row_id == row_id, FieldVersion.field.in_(fields)
        )
    ).all()
    known = dict(rows)
    missing = [f for f in fields if f not in known]
    if missing:
        created = session.execute(
            select(ChangeLog.device_id, ChangeLog.seq)
            .where(ChangeLog.table_name == table, ChangeLog.row_id == row_id, ChangeLog.op == "insert")
            .limit(1)
        ).first()
        for f in missing:
            known[f] = f"{created[0]}:{created[1]}" if created else None
    return {f: known.get(f) for f in fields}


def _close_overwritten_conflicts(session: Session, table: str, row_id: str, base: dict[str, Any], version: str,
                                 user: str | None) -> None:
    """A person here overwrote a field that had two values: the edit settles it.

    Its base then lists every value that was on the table (exactly like an explicit choice),
    so the conflict closes on every replica; recorded before the change is signed.
    """
    rows = list(session.scalars(select(SyncConflict).where(
        SyncConflict.table_name == table, SyncConflict.row_id == row_id, SyncConflict.field.in_(list(base)),
        SyncConflict.status == "open", SyncConflict.kind == "concurrent")))
    now = datetime.now()
    for c in rows:
        heads = base.get(c.field)
        heads = list(heads) if isinstance(heads, list) else ([heads] if heads else [])
        if c.version not in heads:
            heads.append(c.version)
        base[c.field] = sorted(heads)
        c.status = "resolved"
        c.resolved_version = version
        c.resolved_by = user
        c.resolved_at = now


def _set_versions(session: Session, table: str, row_id: str, fields: Iterable[str], version: str) -> None:
    for f in fields:
        fv = session.get(FieldVersion, (table, row_id, f))
        if fv is None:
            session.add(FieldVersion(table_name=table, row_id=row_id, field=f, version=version))
        else:
            fv.version = version


def origin_at(origin: Mapping[str, Any] | None, now: datetime) -> datetime:
    """When a change was made: the author's time for a remote change that carries it (``origin["at"]``,
    ISO text from the bundle), never later than ``now`` (a PC's clock may run ahead); else ``now``.

    The central office reads it to tell when each unit's PCs last sent work (central/overview)."""
    text = origin.get("at") if origin else None
    if not isinstance(text, str) or not text:
        return now
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return now
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return min(when, now)


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    ctx = capture(session)
    if ctx.disabled:
        return
    news = [o for o in session.new if isinstance(o, SyncedBase)]
    dirty = [o for o in session.dirty if isinstance(o, SyncedBase) and session.is_modified(o)]
    if any(isinstance(o, SyncedBase) for o in session.deleted):
        raise RuntimeError("Synced rows are never deleted: set deleted=True (a tombstone) instead.")
    if not news and not dirty:
        return
    user, role, origin = ctx.user, ctx.role, ctx.origin
    parts = Partitioner(session)
    for obj in news:
        parts.remember(type(obj).__tablename__, obj.id, {c: getattr(obj, c) for c in _columns(type(obj))})
    device = str(origin["device"]) if origin else device_id(session)
    seq = int(origin["seq"]) if origin else next_seq(session, device)
    entries: list[ChangeLog] = []
    now = utcnow()
    at = origin_at(origin, now)
    for obj in news:
        _apply_defaults(obj, origin["user"] if origin else user)
        values = {c: getattr(obj, c) for c in _columns(type(obj))}
        entries.append(ChangeLog(**insert_entry(type(obj), obj.id, values, device=device, seq=seq,
                                                user=origin["user"] if origin else user,
                                                role=origin["role"] if origin else role, at=at,
                                                local=origin is None, parts=parts)))
        seq += 1
    for obj in dirty:
        table = type(obj).__tablename__
        state = inspect(obj)
        changes: dict[str, Any] = {}
        for c in _columns(type(obj)):
            hist = state.attrs[c].history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old == new:
                continue
            changes[c] = [json_value(old), json_value(new)]
        if not changes:
            continue
        obj.updated_by = origin["user"] if origin else user
        op = "delete" if changes.get("deleted", [None, None])[1] is True else "update"
        if origin is not None:
            base = dict(origin.get("base_versions") or {})
        else:
            base = _base_versions(session, table, obj.id, changes)
        version = f"{device}:{seq}"
        if origin is None:
            _close_overwritten_conflicts(session, table, obj.id, base, version, user)
        _set_versions(session, table, obj.id, changes, version)
        entries.append(
            ChangeLog(
                device_id=device, seq=seq, table_name=table, row_id=obj.id, op=op, changes=changes,
                base_versions=base, user=origin["user"] if origin else user,
                role=origin["role"] if origin else role, at=at, local=origin is None,
                part=parts.of(table, obj.id, {c: getattr(obj, c) for c in _columns(type(obj))}),
            )
        )
        seq += 1
    if origin is not None and len(entries) > 1:
        raise RuntimeError("A remote change must be applied one row per flush.")
    if origin is None:
        sign_entries(session, entries)
    session.add_all(entries)


def freezes(table: str, changes: Mapping[str, Any]) -> bool:
    """Does this change set the frozen-by-signature flag of a plan or an evaluation?"""
    return table in ("plan", "evaluation") and (changes.get("frozen") or [None, None])[1] is True


def sign_entries(session: Session, entries: list[ChangeLog]) -> None:
    """Sign new local entries with their author's unlocked key, in groups (see store.signing).

    Entries whose author has no unlocked key here stay unsigned: they are kept and listed, but
    no other replica applies them. A change that freezes a record carries the freeze clock
    (what its author had processed), which the signature covers too.
    """
    if not entries:
        return
    keys = capture(session).keys
    clock: dict[str, int] | None = None
    for e in entries:
        if freezes(e.table_name, e.changes or {}):
            if clock is None:
                row = session.execute(select(SyncKnowledge.clock).order_by(SyncKnowledge.id.desc()).limit(1)).first()
                clock = {str(k): int(v) for k, v in (row[0] or {}).items()} if row else {}
            e.clock = dict(clock)
    if keys is not None:
        sign_runs(keys, entries)


def sign_runs(keys: signing.KeyRing, entries: list[ChangeLog]) -> int:
    """(Re-)sign consecutive entries, one group per run of one author and partition; returns how many stay unsigned.

    A group never spans two partitions (store.partitions), so a PC that reads only some
    partitions receives whole groups and can verify them.

    An entry whose author has no unlocked key in ``keys`` is left unsigned (and an old signature,
    which no longer matches, is removed).
    """
    unsigned = 0
    start = 0
    while start < len(entries):
        author, part = entries[start].user, entries[start].part
        end = start
        while end < len(entries) and entries[end].user == author and entries[end].part == part \
                and end - start < signing.GROUP_MAX:
            end += 1
        group = entries[start:end]
        signer = keys.get(author)
        for e in group:
            e.sig = None
        if signer is None:
            unsigned += len(group)
        else:
            digests = [signing.entry_digest(e.device_id, e.seq, e.table_name, e.row_id, e.op, e.changes,
                                            e.base_versions, e.user, e.clock, e.part) for e in group]
            group[-1].sig = signing.sign_group(signer, group[0].device_id, group[0].seq, group[-1].seq, digests)
        start = end
    return unsigned


def _runs_by_part(logs: list[dict[str, Any]]) -> Iterable[list[dict[str, Any]]]:
    """Consecutive log rows of one partition, at most GROUP_MAX each (one signature group each)."""
    start = 0
    while start < len(logs):
        end = start + 1
        while end < len(logs) and logs[end]["part"] == logs[start]["part"] and end - start < signing.GROUP_MAX:
            end += 1
        yield logs[start:end]
        start = end


class CapturingSession(Session):
    """The session class of every Database: change capture is attached to it once, at import.

    (Attaching per session factory with an ``event.contains`` guard lost the listener whenever a
    new factory class reused the ``id()`` of a garbage-collected one: SQLAlchemy's registry still
    reported it as present, and that database silently recorded no changes.)
    """


_SYNCED_TABLES = frozenset(m.__tablename__ for m in SYNCED_MODELS)


def refuse_uncaptured(session: Session, table: Any) -> None:
    """A Core INSERT/UPDATE/DELETE of a synced table would bypass capture (and signing): refused."""
    if capture(session).uncaptured_ok:
        return  # only the sync merge and bulk_insert allow it: they record what they write
    if table is not None and getattr(table, "name", None) in _SYNCED_TABLES:
        raise RuntimeError(f"A bulk write to synced table {table.name} is not captured in the change log (nor "
                           "signed): change rows through the ORM, or use changelog.bulk_insert.")


def _refuse_uncaptured(state: Any) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        refuse_uncaptured(state.session, getattr(state.statement, "table", None))


event.listen(CapturingSession, "before_flush", _before_flush)
event.listen(CapturingSession, "do_orm_execute", _refuse_uncaptured)


def bulk_insert(session: Session, model: type[SyncedBase], rows: list[dict[str, Any]], *, user: str | None,
                role: str | None, batch: int = 5000, make_id: Callable[[], str] | None = None) -> None:
    """Insert many new rows at once, logging them exactly as ``before_flush`` would.

    For large generated data (the demo office, imports): one Core executemany per batch for the
    rows and one for their change-log entries, instead of an ORM flush per object. (A raw
    driver path for SQLite measured no faster: a 2,000-person demo built in 16.7-18.8 s either
    way, so it was removed.)
    """
    if not rows:
        return
    table = model.__tablename__
    mapper = inspect(model)
    defaults: dict[str, Any] = {}
    for col in mapper.columns:
        key = mapper.get_property_by_column(col).key
        if col.default is not None and col.default.is_scalar:
            defaults[key] = col.default.arg
    all_cols = [mapper.get_property_by_column(c).key for c in mapper.columns]
    device = device_id(session)
    seq = next_seq(session, device)
    now = utcnow()
    keys = capture(session).keys
    parts = Partitioner(session)
    for start in range(0, len(rows), batch):
        chunk = rows[start:start + batch]
        full: list[dict[str, Any]] = []
        logs: list[dict[str, Any]] = []
        parts.prefetch_parents(table, chunk)
        for row in chunk:
            item = {**defaults, **row}
            if "id" not in item:
                item["id"] = make_id() if make_id else str(uuid.uuid4())
            item.setdefault("created_at", now)
            item.setdefault("updated_at", now)
            item.setdefault("created_by", user)
            item.setdefault("updated_by", user)
            for c in all_cols:
                item.setdefault(c, None)
            full.append(item)
            logs.append({
                "device_id": device, "seq": seq, "table_name": table, "row_id": item["id"], "op": "insert",
                "changes": insert_changes(model, item), "base_versions": {}, "user": user,
                "role": role, "at": now, "local": True, "pushed": False, "clock": None, "sig": None,
                "part": parts.of(table, item["id"], item),
            })
            parts.remember(table, item["id"], item)
            seq += 1
        signer = keys.get(user) if keys is not None else None
        if signer is not None:
            for group in _runs_by_part(logs):
                digests = [signing.entry_digest(device, r["seq"], table, r["row_id"], "insert", r["changes"], {},
                                                user, None, r["part"]) for r in group]
                group[-1]["sig"] = signing.sign_group(signer, device, group[0]["seq"], group[-1]["seq"], digests)
        ctx = capture(session)
        allowed, ctx.uncaptured_ok = ctx.uncaptured_ok, True  # logged here, exactly as before_flush would
        try:
            session.execute(model.__table__.insert(), full)
            session.execute(ChangeLog.__table__.insert(), logs)
        finally:
            ctx.uncaptured_ok = allowed
