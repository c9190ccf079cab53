"""Opening a replica: SQLite pragmas, schema at head, and upgrades that take a backup first.

Coverage note: ``test_older_revision_is_upgraded_after_a_backup`` runs a real Alembic upgrade
from the first shipped revision to head (it needs at least two revisions, which exist since
0002). ``test_unknown_revision_fails_after_the_backup_and_changes_nothing`` stamps a revision
that does not exist (a database from a newer app, or a damaged one): it proves the backup is
taken before any migration runs and that a failed upgrade leaves the file as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from kinerja_desktop.store.db import _alembic_config, head_revision, open_database
from kinerja_desktop.store.models import Employee, Unit


def revision_of(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.backup-*.sqlite"))


def test_sqlite_runs_in_wal_mode_with_foreign_keys(empty_db):
    with empty_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
    with pytest.raises(IntegrityError), empty_db.session(user="t", role="ADMIN") as s:
        s.add(Employee(nip="196608011988031001", name="Tanpa Unit", unit_id="no-such-unit"))


def test_new_database_is_created_at_head_without_a_backup(tmp_path):
    db = open_database(tmp_path / "baru.sqlite")
    db.dispose()
    assert revision_of(tmp_path / "baru.sqlite") == head_revision()
    db = open_database(tmp_path / "baru.sqlite")  # reopening at head changes nothing
    db.dispose()
    assert backups(tmp_path) == []
    assert db.data_dir == tmp_path / "baru.files" and db.blobs.root == tmp_path / "baru.files" / "blobs"


def test_older_revision_is_upgraded_after_a_backup(tmp_path):
    script = ScriptDirectory.from_config(_alembic_config("sqlite://"))
    revisions = [r.revision for r in script.walk_revisions()]
    if len(revisions) < 2:
        pytest.skip("only one migration exists; the fake-revision test covers the backup path")
    first = revisions[-1]
    path = tmp_path / "lama.sqlite"
    url = f"sqlite:///{path}"
    engine = create_engine(url)
    cfg = _alembic_config(url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, first)
        conn.execute(text("INSERT INTO unit (id, code, name, level, created_at, updated_at, deleted) "
                          "VALUES ('u1', 'LAMA', 'Unit Lama', 0, '2025-01-01', '2025-01-01', 0)"))
    engine.dispose()
    assert revision_of(path) == first

    db = open_database(path)
    try:
        with db.reader() as s:
            assert s.get(Unit, "u1").name == "Unit Lama"  # data survives the upgrade
    finally:
        db.dispose()
    assert revision_of(path) == head_revision()
    [backup] = backups(tmp_path)
    assert revision_of(backup) == first
    con = sqlite3.connect(backup)
    assert con.execute("SELECT name FROM unit").fetchall() == [("Unit Lama",)]
    con.close()


def test_unknown_revision_fails_after_the_backup_and_changes_nothing(tmp_path):
    path = tmp_path / "aneh.sqlite"
    db = open_database(path)
    with db.session(user="t", role="ADMIN") as s:
        s.add(Unit(code="X", name="Unit X"))
    db.dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0000_from_the_future'")
    con.commit()
    con.close()
    with pytest.raises(Exception, match="0000_from_the_future"):
        open_database(path)
    [backup] = backups(tmp_path)
    assert revision_of(backup) == revision_of(path) == "0000_from_the_future"
    con = sqlite3.connect(path)
    assert con.execute("SELECT code FROM unit").fetchall() == [("X",)]
    con.close()
