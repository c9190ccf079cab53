"""A read-only or locked database: one sentence with what to do, and no secret in any output."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import event

from kinerja_desktop.domain.errors import StorageError
from kinerja_desktop.services.auth_service import authenticate, create_account, create_first_admin
from kinerja_desktop.store.db import Database, open_database

#: The demo's cheap argon2 parameters: a sign-in upgrades such a hash, which is a write.
WEAK = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


def _office_with_weak_hash(path: Path) -> str:
    """A database whose admin has a hash that sign-in wants to upgrade; returns that hash."""
    db = open_database(path)
    create_first_admin(db, "admin", "rahasia-kantor")
    weak = WEAK.hash("rahasia-kantor")
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE user_account SET password_hash = ?", (weak,))
    db.dispose()
    return weak


@pytest.fixture
def read_only_db(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A database file the operating system refuses to write (immutable as root, chmod otherwise)."""
    path = tmp_path / "kinerja.db"
    weak = _office_with_weak_hash(path)
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], check=False).returncode != 0:
            pytest.skip("root ignores file modes and chattr +i is unavailable on this file system")
        try:
            yield path, weak
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        path.chmod(0o444)
        tmp_path.chmod(0o555)
        try:
            yield path, weak
        finally:
            tmp_path.chmod(0o755)
            path.chmod(0o644)


def test_read_only_database_signs_in_and_refuses_writes_in_one_sentence(read_only_db):
    """GIVEN a read-only database and an account whose hash wants upgrading WHEN the user signs in and then writes
    THEN sign-in succeeds (the upgrade waits) and the write fails with one sentence naming the file, no SQL, no hash."""
    path, weak = read_only_db
    db = Database(f"sqlite:///{path}")
    try:
        user = authenticate(db, "admin", "rahasia-kantor")
        assert user.username == "admin"
        with pytest.raises(StorageError) as caught:
            create_account(db, user, "budi", "rahasia-kantor-2")
    finally:
        db.dispose()
    message = str(caught.value)
    assert message.startswith(f"Basis data {path} hanya dapat dibaca") and "boleh ditulisi" in message
    assert caught.value.code == "storage.readonly"
    for secret in ("$argon2", "SQL", "INSERT", weak):
        assert secret not in message


_CLI = """
import logging, sys
logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)
logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # every statement SQLAlchemy runs, as documented
from kinerja_desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_cli_on_read_only_database_prints_one_sentence_and_no_hash_even_with_debug_logging(read_only_db, tmp_path):
    """GIVEN a read-only database WHEN `kinerja roster import` signs in and writes, with DEBUG logging on THEN the
    terminal shows the read-only sentence, exit 1, and neither a traceback nor any password hash."""
    path, weak = read_only_db
    roster = tmp_path.parent / f"{tmp_path.name}-roster.csv"
    roster.write_text("kode_unit;nama_unit\nDINAS;Dinas Contoh\n", encoding="utf-8")
    env = dict(os.environ, KINERJA_PASSWORD="rahasia-kantor")
    env.pop("KINERJA_DEBUG", None)
    done = subprocess.run([sys.executable, "-c", _CLI, "--db", str(path), "--user", "admin", "roster", "import",
                           str(roster)], check=False, capture_output=True, text=True, env=env, timeout=120)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert f"kinerja: Basis data {path} hanya dapat dibaca" in done.stderr
    assert "Traceback" not in output and "$argon2" not in output and weak not in output
    assert "password hash not upgraded (storage.readonly)" in output  # the upgrade was tried...
    assert "[SQL parameters hidden due to hide_parameters=True]" in output  # ...and logged without its values


def test_locked_database_says_who_holds_it_in_one_sentence(tmp_path):
    """GIVEN another program holding an exclusive lock WHEN the app writes THEN it waits its busy timeout and says
    the database is locked and what to do."""
    path = tmp_path / "kinerja.db"
    _office_with_weak_hash(path)
    db = Database(f"sqlite:///{path}")
    # the app's own 10 s busy timeout, shortened for the test by a later connect listener
    event.listen(db.engine, "connect", lambda conn, _record: conn.execute("PRAGMA busy_timeout=300"))
    other = sqlite3.connect(path, isolation_level=None)
    try:
        user = authenticate(db, "admin", "rahasia-kantor")  # the upgrade is written before the other program locks
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StorageError, match=r"sedang dikunci program lain .* Tutup program itu, lalu coba lagi"):
            create_account(db, user, "budi", "rahasia-kantor-2")
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.dispose()
