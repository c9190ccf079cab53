"""What a power-cut-safe save costs: ``PRAGMA synchronous`` FULL (what the app uses) against NORMAL.

Run: .venv/bin/python -m pytest tests/bench/bench_durability.py -s

A save is what the SKP editor's autosave does: ``plan_service.update_rhk`` (one transaction with
its change-log entry and signature). Both levels are measured in the same run on copies of the
same database on the same disk, interleaved so that disk and CPU load hit both alike; the
baseline is a bare sqlite3 one-row UPDATE + commit on that disk at both levels (FULL's is the
disk's fsync, which FULL adds to every save).
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from pathlib import Path

from sqlalchemy import select

from kinerja_desktop.services import plan_service
from kinerja_desktop.store import db as db_module
from kinerja_desktop.store.db import open_database
from kinerja_desktop.store.models import Rhk
from tests.helpers.fixtures import copy_database, unlock_demo_keys

ROUNDS = 7
SAVES = 20


def _open(path: Path, level: str):  # type: ignore[no-untyped-def]
    old = db_module.SYNCHRONOUS
    db_module.SYNCHRONOUS = level
    try:
        db = open_database(path)
    finally:
        db_module.SYNCHRONOUS = old
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == {"NORMAL": 1, "FULL": 2}[level]
    return db


def _rhk_of_staff(db, people):  # type: ignore[no-untyped-def]
    with db.reader() as s:
        return s.scalars(select(Rhk.id).where(Rhk.plan_id == people.drafter_plan_id, Rhk.deleted.is_(False))).first()


def _save_ms(db, user, rhk_id: str, tag: str) -> float:  # type: ignore[no-untyped-def]
    times = []
    for i in range(SAVES):
        t = time.perf_counter()
        plan_service.update_rhk(db, user, rhk_id, text=f"Tersusunnya laporan {tag} {i}")
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _raw_ms(path: Path, level: str = "NORMAL") -> float:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA synchronous={level}")
    conn.execute("CREATE TABLE IF NOT EXISTS bench (n INTEGER)")
    conn.execute("INSERT INTO bench VALUES (0)")
    conn.commit()
    times = []
    for i in range(SAVES):
        t = time.perf_counter()
        conn.execute("UPDATE bench SET n = ?", (i,))
        conn.commit()
        times.append((time.perf_counter() - t) * 1000)
    conn.close()
    return statistics.median(times)


def test_bench_synchronous_full_against_normal(tmp_path: Path, demo_db, people) -> None:  # type: ignore[no-untyped-def]
    template = demo_db.path
    demo_db.dispose()
    paths = {}
    for level in ("NORMAL", "FULL"):
        paths[level] = tmp_path / level / "kinerja.sqlite"
        paths[level].parent.mkdir()
        copy_database(template, paths[level])
    dbs = {level: _open(path, level) for level, path in paths.items()}
    for db in dbs.values():
        unlock_demo_keys(db)
    user = people.drafter
    rhk = {level: _rhk_of_staff(db, people) for level, db in dbs.items()}
    results: dict[str, list[float]] = {"NORMAL": [], "FULL": [], "raw": [], "raw FULL": []}
    for r in range(ROUNDS):
        for level in ("NORMAL", "FULL") if r % 2 == 0 else ("FULL", "NORMAL"):
            results[level].append(_save_ms(dbs[level], user, rhk[level], f"{level}{r}"))
        results["raw"].append(_raw_ms(tmp_path / "raw.sqlite"))
        results["raw FULL"].append(_raw_ms(tmp_path / "raw.sqlite", "FULL"))
    for db in dbs.values():
        db.dispose()
    normal, full, raw, raw_full = (statistics.median(results[k]) for k in ("NORMAL", "FULL", "raw", "raw FULL"))
    print(f"\nsave (update_rhk), median of {ROUNDS}x{SAVES}: synchronous=NORMAL {normal:.2f} ms, "
          f"FULL {full:.2f} ms (x{full / normal:.2f}, +{full - normal:.2f} ms per save); "
          f"bare sqlite3 one-row commit baseline: NORMAL {raw:.2f} ms, FULL {raw_full:.2f} ms (the disk's fsync)")
    assert full < normal + 100  # a save stays far below what a person notices
