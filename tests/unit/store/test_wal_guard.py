"""The WAL guard: another process cannot delete or reset the WAL this process still uses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja_desktop.store import wal_guard
from kinerja_desktop.store.db import Database, open_database

pytestmark = pytest.mark.skipif(not wal_guard.supported(), reason="open file description locks (Linux)")

OTHER_PROCESS = (
    "import sqlite3, sys\n"
    "c = sqlite3.connect(sys.argv[1])\n"
    "c.execute('PRAGMA journal_mode=WAL')\n"
    "print(c.execute('SELECT count(*) FROM scratch').fetchone()[0])\n"
    "c.execute(\"INSERT INTO scratch VALUES ('other.process')\")\n"
    "c.commit()\n"
    "c.close()\n"
)


def _drop_posix_locks(path: Path) -> None:
    """What Qt's file dialog did: open and close the files in this process (drops SQLite's locks)."""
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        os.close(os.open(name, os.O_RDONLY))


def _set(db: Database, key: str) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS scratch (k TEXT)")
        conn.exec_driver_sql("INSERT INTO scratch VALUES (?)", (key,))


def _keys(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return {k for (k,) in conn.exec_driver_sql("SELECT k FROM scratch")}


def test_a_closing_process_leaves_the_wal_of_a_process_that_lost_its_locks(tmp_path: Path) -> None:
    """GIVEN this process's SQLite locks dropped by a stray open/close, WHEN another process uses the
    database and closes it, THEN the WAL stays, and edits made before and after are all kept."""
    db = open_database(tmp_path / "kinerja.sqlite")
    _set(db, "edit.before")
    _drop_posix_locks(db.path)
    subprocess.run([sys.executable, "-c", OTHER_PROCESS, str(db.path)], check=True, capture_output=True)
    assert Path(f"{db.path}-wal").exists()
    _set(db, "edit.after")
    db.dispose()
    assert not Path(f"{db.path}-wal").exists(), "the last close still checkpoints and removes the WAL"
    again = open_database(db.path)
    try:
        assert {"edit.before", "edit.after", "other.process"} <= _keys(again)
        with again.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        again.dispose()


def test_two_databases_of_one_file_share_the_guard(tmp_path: Path) -> None:
    """Disposing one of two open Databases of a file keeps the other one guarded."""
    first = open_database(tmp_path / "kinerja.sqlite")
    second = open_database(first.path)
    first.dispose()
    _set(second, "edit.second")
    _drop_posix_locks(second.path)
    subprocess.run([sys.executable, "-c", OTHER_PROCESS, str(second.path)], check=True, capture_output=True)
    assert Path(f"{second.path}-wal").exists()
    second.dispose()
    again = open_database(second.path)
    try:
        assert {"edit.second", "other.process"} <= _keys(again)
    finally:
        again.dispose()
