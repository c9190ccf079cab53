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
