"""A large demo database built once per machine and reused by the benchmarks.

``demo_database(20000)`` returns the path of a 20,000-employee demo office (seed 1, year 2026,
as of 2026-11-22), building it on first use under ``$KINERJA_BENCH_CACHE`` (default
``/tmp/kinerja-bench``). The cache key includes the schema head and a digest of the migrations, so a
schema change rebuilds it.
"""

from __future__ import annotations

import os
import shutil
import time
from datetime import date
from pathlib import Path

from kinerja_desktop.services.demo_service import build_demo
from kinerja_desktop.store.db import head_revision, open_database

CACHE = Path(os.environ.get("KINERJA_BENCH_CACHE", "/tmp/kinerja-bench"))


def _schema_digest() -> str:
    """What the migrations say, not only the head's name: a migration filled in later (one reserved
    empty while parallel work landed) must not reuse a database built before it."""
    import hashlib

    from kinerja_desktop import store

    folder = Path(store.__file__).parent / "migrations" / "versions"
    digest = hashlib.sha256()
    for f in sorted(folder.glob("*.py")):
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()[:8]


def demo_database(employees: int, seed: int = 1) -> tuple[Path, float | None]:
    """(path, build seconds or None when it came from the cache)."""
    path = CACHE / f"demo-{employees}-s{seed}-{head_revision()}-{_schema_digest()}.sqlite"
    if path.exists():
        return path, None
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name("building-" + path.name)
    for leftover in (tmp, tmp.with_name(tmp.stem + ".files")):
        if leftover.is_dir():
            shutil.rmtree(leftover)
        elif leftover.exists():
            leftover.unlink()
    started = time.perf_counter()
    db = open_database(tmp)
    build_demo(db, employees=employees, seed=seed, year=2026, today=date(2026, 11, 22))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    elapsed = time.perf_counter() - started
    tmp.with_name(tmp.stem + ".files").rename(path.with_name(path.stem + ".files"))
    tmp.rename(path)
    return path, elapsed


def founded_store(employees: int, seed: int = 1) -> tuple[Path, str, int]:
    """(folder store, root public key, changes pushed): the demo office's founding push, cached beside it.

    The central office publishes its roster and pushes its whole history, exactly as a real instansi
    founds its store (about 7 minutes for 20,000 employees, once per machine).
    """
    import json

    from kinerja_desktop.central.roster import publish_roster
    from kinerja_desktop.services.demo_service import DEMO_ADMIN
    from kinerja_desktop.services.trust_service import pinned_root, unlock_root
    from kinerja_desktop.sync.engine import SyncEngine, SyncOptions
    from kinerja_desktop.sync.remote import open_remote
    from tests.helpers.fixtures import copy_database

    src, _ = demo_database(employees, seed)
    folder = src.with_name(src.stem + ".founded")
    done = folder / "founded.json"
    if done.exists():
        meta = json.loads(done.read_text())
        return folder / "store", meta["root"], meta["changes"]
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "store").mkdir(parents=True)
    copy_database(src, folder / "central.sqlite")
    db = open_database(folder / "central.sqlite")
    try:
        publish_roster(db, open_remote(str(folder / "store")), unlock_root(db, DEMO_ADMIN[1]))
        report = SyncEngine(db, open_remote(str(folder / "store")), SyncOptions(workers=4)).run()
        root = pinned_root(db) or ""
    finally:
        db.dispose()
    for leftover in folder.glob("central.*"):
        shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    done.write_text(json.dumps({"root": root, "changes": report.entries_pushed}))
    return folder / "store", root, report.entries_pushed
