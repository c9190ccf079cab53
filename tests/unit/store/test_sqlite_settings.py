"""SQLite settings that decide whether a save survives a crash or a power cut."""

from __future__ import annotations

from pathlib import Path

from kinerja_desktop.store.db import open_database


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
