"""Backups as use cases: the start-of-day check and copy, a copy on request, restoring one.

The copies themselves are ``store.backups``. Restoring replaces every record on this PC with the
backup's, so it needs a signed-in account; records other PCs sent come back with the next sync.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.services.identity import CurrentUser
from kinerja_desktop.store import backups
from kinerja_desktop.store.db import Database

__all__ = ["StartCheck", "backup_now", "list_backups", "restore", "start_of_day"]


@dataclass
class StartCheck:
    """What the start-up check found: ``problems`` from ``quick_check`` (empty: sound) and today's backup."""

    problems: list[str] = field(default_factory=list)
    made: Path | None = None
    newest: backups.Backup | None = None


def start_of_day(db: Database, *, keep: int = backups.DEFAULT_KEEP) -> StartCheck:
    """Check the database (``PRAGMA quick_check``) and make today's backup when it is sound."""
    try:
        made = backups.daily_backup(db, keep=keep)
    except backups.DamagedDatabase as exc:
        found = backups.list_backups(db)
        return StartCheck(exc.problems, None, found[0] if found else None)
    found = backups.list_backups(db)
    return StartCheck([], made, found[0] if found else None)


def list_backups(db: Database) -> list[backups.Backup]:
    return backups.list_backups(db)


def backup_now(db: Database, target: Path | None = None) -> Path:
    """A checked copy now (anyone who can run the app can copy its file anyway)."""
    return backups.make_backup(db, target)


def restore(db: Database, user: CurrentUser | None, source: Path) -> Path | None:
    """Replace this PC's records with the backup's; returns the copy taken of what was there before
    (None when the database was too damaged to copy). This PC keeps its device id for sync."""
    if user is None:
        raise PermissionDenied("Masuk dengan akun Anda dulu untuk memulihkan data dari cadangan.")
    return backups.restore_backup(db, source)
