"""Restoring is what a damaged database needs: the restore goes ahead (the damaged content is kept
unchecked for whoever investigates) and the database is sound again."""

from __future__ import annotations

from datetime import date

from kinerja_desktop.services import backup_service
from kinerja_desktop.store import backups
from kinerja_desktop.store.db import Database
from tests.unit.store.test_backups import _damage, _first, _get


def test_a_damaged_database_can_be_restored(demo_db: Database, people) -> None:
    emp = _first(demo_db)
    expected = _get(demo_db, emp)
    good = backups.daily_backup(demo_db, today=date(2026, 11, 1))
    path = demo_db.path
    with demo_db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    demo_db.dispose()
    _damage(path)
    damaged = Database(f"sqlite:///{path}")
    try:
        assert backups.integrity_problems(path)
        before = backup_service.restore(damaged, people.staff, good)
        assert before is None or before.name.endswith("-rusak-sebelum-pulihkan.sqlite")
        assert backups.integrity_problems(path) == []
        assert _get(damaged, emp) == expected
    finally:
        damaged.dispose()
