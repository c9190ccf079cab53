"""Backups of a SQLite replica: a daily copy kept for N days, checks, and restoring one.

Copies are made with SQLite's online backup API (consistent while the app writes), checked with
``PRAGMA quick_check`` before they count, and kept in ``<database>.files/cadangan/`` as
``<name>-YYYY-MM-DD.sqlite`` (daily) or ``<name>-YYYY-MM-DD-HHMMSS.sqlite`` (made by hand or
before a restore). The daily ones beyond the newest ``keep`` are removed; a damaged database is
never copied over a good backup.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_desktop.domain.errors import KinerjaError, ValidationError

if TYPE_CHECKING:
    from kinerja_desktop.store.db import Database

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_KEEP",
    "Backup",
    "DamagedDatabase",
    "backup_folder",
    "daily_backup",
    "integrity_problems",
    "keep_sync_identity",
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


def restore_backup(db: Database, source: Path) -> Path | None:
    """Replace the database's content with the backup at ``source``; returns the copy of the content
    it had (taken first, tagged ``sebelum-pulihkan``; ``rusak-sebelum-pulihkan`` and unchecked when the
    database is damaged, None when nothing of it could be read). The backup is checked before anything
    changes."""
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
    try:
        before: Path | None = make_backup(db, tag="sebelum-pulihkan")
    except (DamagedDatabase, sqlite3.DatabaseError):
        # A damaged database is exactly what a restore is for: keep what can be read of it, unchecked.
        before = _rescue_copy(db)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        # Through the app's own engine: the running app keeps its locks and sees the new content.
        with db.engine.connect() as conn_:
            raw = conn_.connection.driver_connection
            src.backup(raw)  # type: ignore[arg-type]
    finally:
        src.close()
    db.ensure_schema()  # a backup made by an older version is brought up to date
    if before is not None:
        try:
            keep_sync_identity(db, before)
        except sqlite3.DatabaseError:  # the damaged copy does not say: the backup's identity stands
            log.warning("restore: this PC's sync identity could not be read from %s", before, exc_info=True)
    return before


def _rescue_copy(db: Database) -> Path | None:
    """An unchecked online copy of a damaged database (for whoever investigates), or None."""
    stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
    name = db.path.stem if db.path else "kinerja"
    target = backup_folder(db) / f"{name}-{stamp}-rusak-sebelum-pulihkan.sqlite"
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        src = sqlite3.connect(db.path, timeout=10)  # type: ignore[arg-type]
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    except sqlite3.DatabaseError:
        log.warning("restore: nothing could be copied from the damaged database", exc_info=True)
        target.unlink(missing_ok=True)
        return None
    return target


#: Tables whose rows say what this PC has already sent to the office's store.
_SENT_TABLES = ("sync_outbox", "sync_part_outbox")


def keep_sync_identity(db: Database, before: Path) -> None:
    """After a restore: this PC stays the device it was, and never reuses a change number it already sent.

    A restored backup carries the device id and change log of the day it was made. Left so, the
    next edit would take a sequence number this PC had already sent under the same device id
    (other PCs would see two different changes with one identity), and sync would find "bundles
    of this device that this database did not make" and call the PC a copy. So, from the copy
    taken just before the restore (``before``):

    * the device id is this PC's again (also when the backup was made on another PC);
    * what this PC sent is known as sent: its outbox rows and the stores' sent counters come from
      the copy, so change numbers go on after the last one sent (``changelog.next_seq``);
    * the entries it sent after the backup was made are not copied: the next sync re-applies them
      from the store, verified like any other device's bundles (``sync.own_replay``), so the data,
      the field versions and the log catch up with what the other PCs have. Until then this
      device's stream waits in a ``SyncPeer`` row of its own from the backup's last entry;
    * entries never sent go with the data they described, which the restore took back.
    """
    from kinerja_desktop.store.sync_models import OWN_REPLAY_KEY

    old = sqlite3.connect(f"{before.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = old.execute("SELECT value FROM local_meta WHERE key = 'device_id'").fetchone()
        if row is None:
            return
        device = json.loads(row[0])
        sent_upto = old.execute("SELECT max(seq) FROM change_log WHERE device_id = ? AND pushed",
                                (device,)).fetchone()[0] or 0
        waiting = old.execute("SELECT value FROM local_meta WHERE key = ?", (OWN_REPLAY_KEY,)).fetchone()
        if waiting is not None:  # restored before and not synced since: what it sent is not in its log yet
            sent_upto = max(sent_upto, int(json.loads(str(waiting[0]))))  # JSON text; SQLite may give a number
        with db.engine.connect() as conn_:
            raw = conn_.connection.driver_connection
            try:
                _carry_over(old, raw, device, sent_upto)
                raw.commit()
            except BaseException:
                raw.rollback()
                raise
    finally:
        old.close()


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]  # noqa: S608 - our own table names


def _copy_rows(old: sqlite3.Connection, new: sqlite3.Connection, table: str, where: str, args: tuple[object, ...],
               *, skip: tuple[str, ...] = ()) -> int:
    """Insert ``old``'s rows of ``table`` matching ``where`` into ``new`` (the columns both have)."""
    theirs = set(_columns(new, table))
    columns = [c for c in _columns(old, table) if c in theirs and c not in skip]
    if not columns:
        return 0
    names = ", ".join(columns)
    rows = old.execute(f"SELECT {names} FROM {table} WHERE {where}", args).fetchall()  # noqa: S608
    marks = ", ".join("?" * len(columns))
    new.executemany(f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608
    return len(rows)


def _carry_over(old: sqlite3.Connection, new: sqlite3.Connection, device: str, sent_upto: int) -> None:
    from kinerja_desktop.store.sync_models import OWN_REPLAY_KEY

    new.execute("UPDATE local_meta SET value = ? WHERE key = 'device_id'", (json.dumps(device),))
    if new.execute("SELECT changes()").fetchone()[0] == 0:
        new.execute("INSERT INTO local_meta (key, value) VALUES ('device_id', ?)", (json.dumps(device),))
    have = _contiguous(new, device)
    # Entries the backup has but that were sent only after it was made: they count as sent now.
    new.execute("UPDATE change_log SET pushed = 1 WHERE device_id = ? AND seq <= ?", (device, sent_upto))
    # Entries the backup has beyond what was ever sent: the data is the backup's, so they stay to be sent.
    existing = {r[0] for r in new.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    old_tables = {r[0] for r in old.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in _SENT_TABLES:
        if table in existing and table in old_tables:
            new.execute(f"DELETE FROM {table}")  # noqa: S608 - a backup from another PC holds that PC's bundles
            _copy_rows(old, new, table, "last_seq <= ?", (sent_upto,))
    # sync.engine.PART_PACKED_KEY: how far this device's sent entries were packed per partition
    packed = f"sync.part_packed.{device}"
    row = old.execute("SELECT value FROM local_meta WHERE key = ?", (packed,)).fetchone()
    new.execute("DELETE FROM local_meta WHERE key = ?", (packed,))
    if row is not None:
        new.execute("INSERT INTO local_meta (key, value) VALUES (?, ?)", (packed, row[0]))
    if "sync_store" in existing and "sync_store" in old_tables:
        stores = old.execute("SELECT url, pushed_seq FROM sync_store").fetchall()
        known = {r[0] for r in new.execute("SELECT url FROM sync_store")}
        for url, pushed in stores:
            if url in known:
                new.execute("UPDATE sync_store SET pushed_seq = max(pushed_seq, ?) WHERE url = ?", (pushed, url))
            else:
                _copy_rows(old, new, "sync_store", "url = ?", (url,))
    # What was sent after the backup was made: the next sync takes it back from the store (sync.own_replay).
    new.execute("DELETE FROM sync_peer WHERE device_id = ?", (device,))
    new.execute("DELETE FROM local_meta WHERE key = ?", (OWN_REPLAY_KEY,))
    if sent_upto > have:
        new.execute("INSERT INTO sync_peer (device_id, applied_seq, bundle_seq, updated_at) VALUES (?, ?, 0, ?)",
                    (device, have, datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")))
        new.execute("INSERT INTO local_meta (key, value) VALUES (?, ?)", (OWN_REPLAY_KEY, json.dumps(sent_upto)))


def _contiguous(conn: sqlite3.Connection, device: str) -> int:
    """Highest n such that entries 1..n of ``device`` are all in the change log of ``conn``."""
    n = 0
    for (seq,) in conn.execute("SELECT seq FROM change_log WHERE device_id = ? ORDER BY seq", (device,)):
        if seq != n + 1:
            break
        n = seq
    return n
