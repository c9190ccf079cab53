"""This replica's sync identity and settings: device id, copies of a database, the store URL.

A database file copied to another PC (a prepared image, a restored backup on a second
machine) would claim the same device id as the original and write bundles under the same
name. :func:`fork_replica` gives a copy a fresh device id; everything already in it counts as
processed, so it only pushes what is made on it from then on.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from kinerja_desktop.store.changelog import DEVICE_KEY, device_id, sign_runs
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import ChangeLog, LocalMeta
from kinerja_desktop.store.signing import ROOT_WRAP_KEY
from kinerja_desktop.store.sync_models import (
    SyncKnowledge,
    SyncOutbox,
    SyncPartOutbox,
    SyncPeer,
    SyncStore,
    SyncStoreObject,
)
from kinerja_desktop.sync.merge import log_high_water

REMOTE_KEY = "sync.remote"
INTERVAL_KEY = "sync.interval_minutes"


def this_device(db: Database) -> str:
    with db.session() as s:
        return device_id(s)


def get_meta(db: Database, key: str, default: Any = None) -> Any:
    return db.meta(key, default)


def set_meta(db: Database, key: str, value: Any) -> None:
    db.set_meta(key, value)


def configured_remote(db: Database) -> str | None:
    """The store URL saved for this replica (never with a password in it)."""
    value = get_meta(db, REMOTE_KEY)
    return str(value) if value else None


def save_remote(db: Database, url: str) -> str:
    """Remember the store for this replica; a password in the URL goes to the keyring instead."""
    from kinerja_desktop.sync.remote import parse_remote, store_secret

    spec, secret = parse_remote(url)
    if secret:
        store_secret(spec, secret)
    set_meta(db, REMOTE_KEY, spec.display)
    return spec.display


def contiguous_seq(session: Session, device: str) -> int:
    """Highest n such that entries 1..n of ``device`` are all in the change log here."""
    count, high = session.execute(
        select(func.count(ChangeLog.id), func.max(ChangeLog.seq)).where(ChangeLog.device_id == device)
    ).one()
    if not high:
        return 0
    if count == high:
        return int(high)
    seqs = session.execute(select(ChangeLog.seq).where(ChangeLog.device_id == device).order_by(ChangeLog.seq))
    n = 0
    for (seq,) in seqs:
        if seq != n + 1:
            break
        n = seq
    return n


def record_knowledge(session: Session) -> None:
    """Note what has been processed here so far (a vector clock at this point of the log)."""
    clock = {p.device_id: p.applied_seq for p in session.scalars(select(SyncPeer)) if p.applied_seq}
    session.add(SyncKnowledge(log_id=log_high_water(session), clock=clock))


def knowledge_at(session: Session, log_id: int) -> dict[str, int]:
    row = session.execute(
        select(SyncKnowledge.clock).where(SyncKnowledge.log_id < log_id).order_by(SyncKnowledge.id.desc()).limit(1)
    ).first()
    return dict(row[0]) if row else {}


def fork_replica(db: Database, shared_upto: int | None = None) -> str:
    """Give this database (a copy of another replica) a new device id; returns it.

    Entries of the old id up to ``shared_upto`` (all of them when None) are the shared starting
    point: they count as processed. Later ones were made on this copy after it was taken: they
    are re-issued under the new id (same changes, new sequence numbers), so they reach the other
    replicas and do not collide with what the original wrote meanwhile; they are signed again
    with the keys unlocked in ``db.keys`` (of the people signed in on this copy).
    """
    from kinerja_desktop.store.models import FieldVersion
    from kinerja_desktop.store.sync_models import SyncConflict

    with db.session() as s:
        old = device_id(s)
        new = str(uuid.uuid4())
        limit = shared_upto if shared_upto is not None else contiguous_seq(s, old)
        renamed: dict[str, str] = {}
        mine = list(s.scalars(select(ChangeLog).where(ChangeLog.device_id == old, ChangeLog.seq > limit)
                              .order_by(ChangeLog.seq)))
        for n, entry in enumerate(mine, start=1):
            renamed[f"{old}:{entry.seq}"] = f"{new}:{n}"
        for n, entry in enumerate(mine, start=1):
            entry.device_id, entry.seq, entry.local, entry.pushed = new, n, True, False
            if entry.base_versions:
                entry.base_versions = {k: _rename(v, renamed) for k, v in entry.base_versions.items()}
        # The signatures covered the old device id and numbers: sign again with the keys of the
        # people signed in here (what nobody here can sign stays unsigned and is not sent).
        sign_runs(db.keys, mine)
        if renamed:
            for fv in s.scalars(select(FieldVersion).where(FieldVersion.version.in_(list(renamed)))):
                fv.version = renamed[fv.version]
            for c in s.scalars(select(SyncConflict).where(SyncConflict.version.in_(list(renamed)))):
                c.version = renamed[c.version]
        s.flush()
        devices = [d for (d,) in s.execute(select(ChangeLog.device_id).distinct())]
        for d in devices:
            if d == new:
                continue
            peer = s.get(SyncPeer, d)
            upto = contiguous_seq(s, d)
            if peer is None:
                s.add(SyncPeer(device_id=d, applied_seq=upto, bundle_seq=0))
            elif peer.applied_seq < upto:
                peer.applied_seq = upto
        s.execute(update(ChangeLog).where(ChangeLog.device_id == old).values(local=False, pushed=True))
        for model in (SyncOutbox, SyncPartOutbox, SyncStore, SyncStoreObject):
            s.query(model).delete()
        meta = s.get(LocalMeta, DEVICE_KEY)
        assert meta is not None
        meta.value = new
        # a copy is not the central office: it does not keep the (wrapped) instansi root key
        root = s.get(LocalMeta, ROOT_WRAP_KEY)
        if root is not None:
            s.delete(root)
        s.info[DEVICE_KEY] = new
        s.flush()
        record_knowledge(s)
    return new


def _rename(value: Any, renamed: dict[str, str]) -> Any:
    if isinstance(value, list):
        return [renamed.get(v, v) for v in value]
    return renamed.get(value, value) if isinstance(value, str) else value
