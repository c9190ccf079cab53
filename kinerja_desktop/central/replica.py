"""The central office: one more replica, usually on PostgreSQL, running the same merge.

It pulls every device's bundles from the shared store into its database (so reports across
all units come from there), pushes what its own admins change (roster, accounts, settings),
and publishes the roster under ``roster/`` for devices to read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kinerja_desktop.store.db import Database, open_database
from kinerja_desktop.sync.engine import SyncEngine, SyncOptions, SyncProgress, SyncReport
from kinerja_desktop.sync.remote import open_remote


def open_central(url: str) -> Database:
    """Open (creating or upgrading) the central database, e.g. ``postgresql+psycopg://...``."""
    return open_database(url)


def ingest(db: Database, remote_url: str, *, secret: str | None = None, options: SyncOptions | None = None,
           progress: Callable[[SyncProgress], None] | None = None) -> SyncReport:
    """One sync run of the central replica with the shared store."""
    remote = open_remote(remote_url, secret=secret)
    try:
        return SyncEngine(db, remote, options or SyncOptions(), progress=progress).run()
    finally:
        remote.close()


def describe(report: SyncReport) -> dict[str, Any]:
    return report.to_dict()
