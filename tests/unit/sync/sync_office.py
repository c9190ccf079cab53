"""Sync test offices (helpers and fixtures, loaded by conftest.py).

Real SQLite replicas forked from the demo office, sharing a folder store.

``office`` gives three devices — ``staff`` (the pegawai's PC), ``penilai`` (the supervisor's
PC) and ``reader`` (a third PC that reads everything) — each its own database file forked
from one master that founded a folder store (so the store already holds the master's
history), plus the people of the demo office.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kinerja_desktop.central.roster import publish_roster
from kinerja_desktop.services.demo_service import DEMO_ADMIN
from kinerja_desktop.services.trust_service import pin_root, pinned_root, unlock_root
from kinerja_desktop.store.db import Database, open_database
from kinerja_desktop.sync.engine import SyncEngine, SyncOptions, SyncReport
from kinerja_desktop.sync.remote import open_remote
from kinerja_desktop.sync.replica import fork_replica
from tests.helpers.fixtures import copy_database, unlock_demo_keys

FAST = SyncOptions(retry_base=0.01, retry_max=0.05, workers=2)


def open_replica(path: Path) -> Database:
    """open_database (kept as the helpers' one place to open a replica)."""
    return open_database(path)


@dataclass
class Office:
    root: Path
    store: Path
    source: Path  # the session's founding master: copied, never opened
    dbs: dict[str, Database] = field(default_factory=dict)
    _master: Path | None = None

    @property
    def master(self) -> Path:
        """This test's own copy of the founding master (the central office), made when first asked for:
        most tests never open it, and copying its ~400 files cost every sync test ~0.3 s."""
        if self._master is None:
            self._master = self.root / "master.sqlite"
            copy_database(self.source, self._master)
        return self._master

    def sync(self, name: str, options: SyncOptions | None = None) -> SyncReport:
        remote = open_remote(str(self.store))
        try:
            return SyncEngine(self.dbs[name], remote, options or FAST).run()
        finally:
            remote.close()

    def add_device(self, name: str, *, fresh: bool = False) -> Database:
        path = self.root / f"{name}.sqlite"
        if fresh:
            db = open_replica(path)
            master = open_replica(self.master)  # the enrolment file the central office hands out
            try:
                pin_root(db, pinned_root(master) or "")
            finally:
                master.dispose()
        else:
            copy_database(self._master or self.source, path)  # the same bytes until the test changes its master
            db = open_replica(path)
            fork_replica(db)
            unlock_demo_keys(db)
        self.dbs[name] = db
        return db


@pytest.fixture(scope="session")
def _pushed_master(tmp_path_factory: pytest.TempPathFactory, _demo_template: Path) -> tuple[Path, Path]:
    """The demo office that founded a folder store (built once per session)."""
    root = tmp_path_factory.mktemp("sync-master")
    master = root / "master.sqlite"
    copy_database(_demo_template, master)
    store = root / "store"
    store.mkdir()
    db = open_replica(master)
    try:
        publish_roster(db, open_remote(str(store)), unlock_root(db, DEMO_ADMIN[1]))
        SyncEngine(db, open_remote(str(store)), FAST).run()
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.dispose()
    return master, store


@pytest.fixture
def office(tmp_path: Path, _pushed_master: tuple[Path, Path]) -> Iterator[Office]:
    master_src, store_src = _pushed_master
    store = tmp_path / "store"
    shutil.copytree(store_src, store)
    off = Office(tmp_path, store, master_src)
    for name in ("staff", "penilai", "reader"):
        off.add_device(name)
    yield off
    for db in off.dbs.values():
        db.dispose()


def snapshot(db: Database) -> dict[str, object]:
    """Everything that must be equal on converged replicas: user data and open conflicts."""
    from sqlalchemy import select

    from kinerja_desktop.store.changelog import json_value, user_columns
    from kinerja_desktop.store.models import SYNCED_MODELS
    from kinerja_desktop.store.sync_models import SyncConflict

    out: dict[str, object] = {}
    with db.reader() as s:
        for model in SYNCED_MODELS:
            cols = user_columns(model)
            rows = {}
            for obj in s.scalars(select(model)):
                rows[obj.id] = tuple(json_value(getattr(obj, c)) for c in cols)
            out[model.__tablename__] = rows
        out["conflicts"] = sorted(
            (c.table_name, c.row_id, c.field, c.version, repr(c.value), c.kind)
            for c in s.scalars(select(SyncConflict).where(SyncConflict.status == "open"))
        )
    return out


def diff(a: dict[str, object], b: dict[str, object]) -> list[str]:
    """Human-readable differences between two snapshots (empty when equal)."""
    out = []
    for key in a:  # noqa: PLC0206 - values of both snapshots are compared
        if a[key] != b.get(key):
            if isinstance(a[key], dict):
                ra, rb = a[key], b[key]  # type: ignore[assignment]
                ids = set(ra) | set(rb)  # type: ignore[arg-type]
                for i in sorted(ids):
                    if ra.get(i) != rb.get(i):  # type: ignore[union-attr]
                        out.append(f"{key} {i}: {ra.get(i)} != {rb.get(i)}")  # type: ignore[union-attr]
            else:
                out.append(f"{key}: {a[key]} != {b.get(key)}")
    return out[:20]
