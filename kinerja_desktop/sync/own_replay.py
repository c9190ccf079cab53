"""After a restore: what this PC sent after the backup was made comes back from the store.

A restored backup ends before changes this PC had already sent; the other PCs have them. Left
so, the next edit of such a field would be made on the backup's version and reach the others as a
conflict with the PC's own earlier change. :func:`store.backups.keep_sync_identity` therefore
leaves a :class:`SyncPeer` row under this device's own id (applied up to the backup's last entry)
and :data:`OWN_REPLAY_KEY` (the last change number sent). While they are there, the sync engine
reads this device's own bundles up to that number like any other device's (listed, verified
along the hash chain, signatures checked, merged), and this device's versions in that range
count as processed only once applied. :func:`finish_own_replay` ends it when the stream got there.
"""

from __future__ import annotations

from sqlalchemy import update

from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import ChangeLog, LocalMeta
from kinerja_desktop.store.sync_models import OWN_REPLAY_KEY, SyncPeer

__all__ = ["finish_own_replay", "own_replay_upto"]


def own_replay_upto(db: Database) -> int | None:
    """The last own change number still to be re-applied after a restore, or None."""
    value = db.meta(OWN_REPLAY_KEY)
    return int(value) if value else None


def finish_own_replay(db: Database, me: str, upto: int) -> bool:
    """When this device's own stream is applied up to ``upto``: its entries are again "made here, sent",
    and the stream stops being read. Returns whether it finished."""
    with db.session() as s:
        peer = s.get(SyncPeer, me)
        if peer is not None and peer.applied_seq < upto:
            return False
        s.execute(update(ChangeLog).where(ChangeLog.device_id == me, ChangeLog.seq <= upto)
                  .values(local=True, pushed=True))
        if peer is not None:
            s.delete(peer)
        meta = s.get(LocalMeta, OWN_REPLAY_KEY)
        if meta is not None:
            s.delete(meta)
    return True
