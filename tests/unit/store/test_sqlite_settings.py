"""SQLite settings that decide whether a save survives a crash or a power cut."""

from __future__ import annotations

from pathlib import Path

from kinerja_desktop.store.db import RELAXED_CHECKPOINT_PAGES, open_database


def test_every_connection_waits_for_the_disk_on_commit(tmp_path: Path) -> None:
    """WAL mode with synchronous=FULL: a commit reported as saved is on the disk (power cut safe)."""
    db = open_database(tmp_path / "kinerja.sqlite")
    try:
        with db.engine.connect() as first, db.engine.connect() as second:
            for conn in (first, second):
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        db.dispose()


def test_a_unit_of_work_that_need_not_survive_a_power_cut_leaves_every_connection_durable(tmp_path: Path) -> None:
    """Applying pulled changes commits without waiting for the disk (it is redone from the store when a
    power cut takes it); the connection it used waits for the disk again for whoever takes it next."""
    from kinerja_desktop.store.models import Unit

    db = open_database(tmp_path / "kinerja.sqlite")
    try:
        with db.session(durable=False) as s:
            assert s.connection().exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
            assert s.connection().exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == RELAXED_CHECKPOINT_PAGES
            s.add(Unit(code="U1", name="Unit"))
        conns = [db.engine.connect() for _ in range(5)]  # every connection the pool holds, the relaxed one too
        try:
            assert [c.exec_driver_sql("PRAGMA synchronous").scalar() for c in conns] == [2] * 5
            assert [c.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() for c in conns] == [1000] * 5
        finally:
            for c in conns:
                c.close()
        with db.reader() as s:
            assert s.query(Unit).filter_by(code="U1").count() == 1
    finally:
        db.dispose()
