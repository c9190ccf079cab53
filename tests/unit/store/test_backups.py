"""Daily backups kept N days, checked before they count; restoring one; `kinerja backup|restore`."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.services import backup_service
from kinerja_desktop.store import backups
from kinerja_desktop.store.db import Database, open_database
from kinerja_desktop.store.models import Employee


def _first(db: Database) -> str:
    with db.reader() as s:
        return s.scalars(select(Employee.id).order_by(Employee.nip)).first()


def _set(db: Database, employee_id: str, text: str) -> None:
    with db.session(user="admin", role="ADMIN") as s:
        s.get(Employee, employee_id).jabatan = text


def _get(db: Database, employee_id: str) -> str:
    with db.reader() as s:
        return s.get(Employee, employee_id).jabatan


def test_one_checked_backup_a_day_and_only_the_newest_kept(demo_db: Database) -> None:
    day = date(2026, 11, 1)
    for n in range(9):
        backups.daily_backup(demo_db, today=day + timedelta(days=n), keep=3)
        assert backups.daily_backup(demo_db, today=day + timedelta(days=n), keep=3) is None  # once a day
    kept = backups.list_backups(demo_db)
    assert [b.made.date() for b in kept] == [day + timedelta(days=n) for n in (8, 7, 6)]
    assert all(backups.integrity_problems(b.path) == [] for b in kept)


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    for p in range(3, min(12, len(data) // page)):
        data[p * page + 8: p * page + 40] = b"\xff" * 32  # cell pointers of b-tree pages point nowhere
    path.write_bytes(bytes(data))


def test_a_damaged_database_is_reported_and_never_copied_over_good_backups(demo_db: Database) -> None:
    good = backups.daily_backup(demo_db, today=date(2026, 11, 1))
    path = demo_db.path
    with demo_db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    demo_db.dispose()
    _damage(path)
    damaged = Database(f"sqlite:///{path}")
    try:
        check = backup_service.start_of_day(damaged)
        assert check.problems and check.made is None
        assert check.newest is not None and check.newest.path == good
        assert good.exists()
    finally:
        damaged.dispose()


def test_restore_brings_back_the_backup_and_keeps_what_was_there(demo_db: Database, people) -> None:
    emp = _first(demo_db)
    _set(demo_db, emp, "sebelum cadangan")
    made = backup_service.backup_now(demo_db)
    _set(demo_db, emp, "sesudah cadangan")
    with pytest.raises(PermissionDenied):
        backup_service.restore(demo_db, None, made)
    before = backup_service.restore(demo_db, people.staff, made)
    assert _get(demo_db, emp) == "sebelum cadangan"
    copy = open_database(before)
    try:
        assert _get(copy, emp) == "sesudah cadangan"
    finally:
        copy.dispose()


def test_cli_backup_and_restore(demo_db: Database, monkeypatch, capsys) -> None:
    emp = _first(demo_db)
    path = demo_db.path
    assert main(["--db", str(path), "backup"]) == 0
    _set(demo_db, emp, "sesudah cadangan")
    monkeypatch.setenv("KINERJA_PASSWORD", "admin")
    # The app (here: this test's open database) still has it open: refused with what to do.
    assert main(["--db", str(path), "--user", "admin", "restore", "--terbaru"]) == 1
    assert "Tutup dulu" in capsys.readouterr().err
    demo_db.dispose()
    assert main(["--db", str(path), "--user", "admin", "restore", "--terbaru"]) == 0
    assert "dipulihkan" in capsys.readouterr().out
    again = open_database(path)
    try:
        assert _get(again, emp) != "sesudah cadangan"
        assert len(backups.list_backups(again)) == 2  # the backup and the copy taken before restoring
    finally:
        again.dispose()
