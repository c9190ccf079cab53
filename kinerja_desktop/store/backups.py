"""Backups of a SQLite replica: a daily copy kept for N days, checks, and restoring one.

Copies are made with SQLite's online backup API (consistent while the app writes), checked with
``PRAGMA quick_check`` before they count, and kept in ``<database>.files/cadangan/`` as
``<name>-YYYY-MM-DD.sqlite`` (daily) or ``<name>-YYYY-MM-DD-HHMMSS.sqlite`` (made by hand or
before a restore). The daily ones beyond the newest ``keep`` are removed; a damaged database is
never copied over a good backup.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_desktop.domain.errors import KinerjaError, ValidationError

if TYPE_CHECKING:
    from kinerja_desktop.store.db import Database

__all__ = [
    "DEFAULT_KEEP",
    "Backup",
    "DamagedDatabase",
    "backup_folder",
    "daily_backup",
    "integrity_problems",
    "list_backups",
    "make_backup",
    "restore_backup",
]

DEFAULT_KEEP = 7
_NAME = re.compile(r"^(?P<stem>.+)-(?P<day>\d{4}-\d{2}-\d{2})(?:-(?P<time>\d{6}))?(?P<tag>-[a-z-]+)?\.sqlite$")


class DamagedDatabase(KinerjaError):
    """``PRAGMA quick_check`` found problems (``problems`` holds SQLite's lines)."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message, code="storage.damaged")
        self.problems = problems


@dataclass(frozen=True)
class Backup:
    path: Path
    made: datetime
    size: int
    daily: bool
    tag: str = ""  # "sebelum-pulihkan" for the copy taken before a restore


def backup_folder(db: Database) -> Path:
    return db.data_dir / "cadangan"


def integrity_problems(path: Path, *, limit: int = 20) -> list[str]:
    """SQLite's ``quick_check`` of the file at ``path``: [] when it is sound (read only, no WAL left behind)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA quick_check({int(limit)})")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:  # not a database at all, or unreadable
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Online backup of ``source`` into ``target`` (written under a temporary name, checked, then renamed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    dst = sqlite3.connect(tmp)
    try:
        source.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
    finally:
        dst.close()
    problems = integrity_problems(tmp)
    if problems:
        tmp.unlink(missing_ok=True)
        raise DamagedDatabase("Salinan cadangan tidak lolos pemeriksaan; cadangan tidak dibuat.", problems)
    os.replace(tmp, target)


def _source(db: Database) -> sqlite3.Connection:
    if db.path is None:
        raise ValidationError("Cadangan otomatis hanya untuk database berkas (SQLite); "
                              "database server dicadangkan oleh pengelola servernya.")
    return sqlite3.connect(db.path, timeout=10)


def make_backup(db: Database, target: Path | None = None, *, tag: str = "") -> Path:
    """A checked copy of the database now (in the backup folder unless ``target`` is given)."""
    if target is None:
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
        name = db.path.stem if db.path else "kinerja"
        target = backup_folder(db) / f"{name}-{stamp}{'-' + tag if tag else ''}.sqlite"
    src = _source(db)
    try:
        _copy(src, target)
    finally:
        src.close()
    return target


def list_backups(db: Database) -> list[Backup]:
    """Backups in the folder, newest first."""
    folder = backup_folder(db)
    found = []
    for path in folder.glob("*.sqlite") if folder.is_dir() else ():
        m = _NAME.match(path.name)
        if m is None:
            continue
        made = datetime.strptime(m["day"] + (m["time"] or "000000"), "%Y-%m-%d%H%M%S")
        found.append(Backup(path, made, path.stat().st_size, m["time"] is None, (m["tag"] or "").lstrip("-")))
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def daily_backup(db: Database, *, today: date | None = None, keep: int = DEFAULT_KEEP) -> Path | None:
    """Today's backup when there is none yet (the database is checked first); older daily ones beyond
    the newest ``keep`` are removed. None when today's exists or the database is not a SQLite file.

    Raises :class:`DamagedDatabase` when the database fails ``quick_check`` (no backup is made or removed).
    """
    if db.path is None:
        return None
    today = today or date.today()
    target = backup_folder(db) / f"{db.path.stem}-{today.isoformat()}.sqlite"
    made = None
    if not target.exists():
        problems = integrity_problems(db.path)
        if problems:
            raise DamagedDatabase(damaged_message(), problems)
        made = make_backup(db, target)
    daily = [b for b in list_backups(db) if b.daily]
    for old in daily[max(1, keep):]:
        old.path.unlink(missing_ok=True)
    return made


def damaged_message() -> str:
    return ("Database di komputer ini rusak: pemeriksaan menemukan kesalahan. Jangan mengisi data dulu; "
            "pulihkan dari cadangan terakhir (menu Alat > Pulihkan dari Cadangan, atau kinerja restore) "
            "atau hubungi admin.")


def restore_backup(db: Database, source: Path) -> Path:
    """Replace the database's content with the backup at ``source``; returns the copy of the content
    it had (taken first, tagged ``sebelum-pulihkan``). The backup is checked before anything changes."""
    if db.path is None:
        raise ValidationError("Pemulihan dari cadangan hanya untuk database berkas (SQLite).")
    if not source.is_file():
        raise ValidationError(f"Berkas cadangan {source} tidak ditemukan.")
    problems = integrity_problems(source)
    if problems:
        raise DamagedDatabase(f"Berkas {source.name} rusak atau bukan database; tidak dipulihkan.", problems)
    conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        has_schema = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").fetchone()
    finally:
        conn.close()
    if not has_schema:
        raise ValidationError(f"Berkas {source.name} bukan cadangan Kinerja Desktop; tidak dipulihkan.")
    before = make_backup(db, tag="sebelum-pulihkan")
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        # Through the app's own engine: the running app keeps its locks and sees the new content.
        with db.engine.connect() as conn_:
            raw = conn_.connection.driver_connection
            src.backup(raw)  # type: ignore[arg-type]
    finally:
        src.close()
    db.ensure_schema()  # a backup made by an older version is brought up to date
    return before
