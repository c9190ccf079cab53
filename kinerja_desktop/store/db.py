"""Open the replica's database: SQLite by default, any SQLAlchemy URL otherwise.

``open_database`` resolves the location (argument, ``KINERJA_DB``, or the user
data dir), sets the SQLite pragmas, brings the schema to the newest Alembic
revision (taking a backup copy first when an existing database is upgraded), and
installs change capture on every session.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from kinerja_desktop.store import changelog, storage_errors
from kinerja_desktop.store.blobs import BlobStore
from kinerja_desktop.store.location import SCHEMA_HEAD, default_data_dir, resolve_url
from kinerja_desktop.store.models import Base, LocalMeta
from kinerja_desktop.store.signing import KeyRing
from kinerja_desktop.store.wal_guard import WalGuard

__all__ = [
    "MIGRATIONS_DIR",
    "SCHEMA_HEAD",
    "Database",
    "default_data_dir",
    "head_revision",
    "open_database",
    "resolve_url",
]

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


#: FULL: every commit waits until the WAL is on the disk, so a save the app reported as done survives
#: a power cut. NORMAL (SQLite's usual choice in WAL mode) stays consistent but may lose the last
#: commits at a power cut, exactly what people saw as "Tersimpan" must never do. Its cost per save
#: is measured by tests/bench/bench_durability.py.
SYNCHRONOUS = "FULL"
#: Page cache per connection, in KiB (SQLite's default is 2 MiB). Row ids are random, so inserts
#: land all over each index: with 2 MiB a large office's central replica re-read index pages from
#: the OS for nearly every row it took in (see tests/bench/bench_ingest.py).
CACHE_KIB = 32 * 1024
#: WAL pages after which a relaxed unit of work (``Database.session(durable=False)``) copies the WAL
#: into the database (SQLite's default is 1,000). Each such checkpoint waits for the disk and writes
#: every page the WAL holds: in a central replica's catch-up (random row ids, so each transaction
#: touches pages all over the indexes) checkpointing after every commit cost a quarter of the time
#: (tests/bench/bench_ingest.py). The WAL file may grow to this size (about 100 MB).
RELAXED_CHECKPOINT_PAGES = 25_000


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
    cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cur.close()


def _durable_again(dbapi_conn: Any, record: Any) -> None:
    """A connection a unit of work relaxed (``Database.session(durable=False)``) waits for the disk
    again before anyone else uses it."""
    if record.info.pop("relaxed", False):
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
        cur.execute("PRAGMA wal_autocheckpoint=1000")
        cur.close()


def _alembic_config(url: str) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


class Database:
    """An open replica: engine, session factory, blob store and data dir."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.path: Path | None = Path(parsed.database) if self.is_sqlite and parsed.database else None
        # Bound values never appear in an error message or a SQL log: they include password hashes.
        kwargs: dict[str, Any] = {"echo": echo, "hide_parameters": True}
        if self.is_sqlite:
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"timeout": 10, "check_same_thread": False}
        self.engine: Engine = create_engine(url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "checkin", _durable_again)
        storage_errors.install(self.engine, self.describe())
        self._factory = sessionmaker(self.engine, class_=changelog.CapturingSession, expire_on_commit=False)
        if self.path is not None:
            self.data_dir = self.path.with_name(self.path.stem + ".files")
        else:
            digest = hashlib.sha256(url.encode()).hexdigest()[:12]
            self.data_dir = default_data_dir() / f"server-{digest}"
        self.blobs = BlobStore(self.data_dir / "blobs")
        #: Signing keys unlocked in this process (at sign-in); local changes are signed with them.
        self.keys = KeyRing()
        self._wal_guard = WalGuard(self.path) if self.path is not None else None

    def guard_wal(self) -> None:
        """While this Database is open, no other process may delete or reset its WAL (see wal_guard)."""
        if self._wal_guard is None:
            return
        with self.engine.connect():  # SQLite has the file open in WAL mode (and its -shm exists) from here on
            pass
        self._wal_guard.hold()

    # ---------------------------------------------------------------- sessions

    @contextmanager
    def session(self, *, user: str | None = None, role: str | None = None,
                durable: bool = True) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back on error.

        ``durable=False``: the commit need not survive a power cut (it does not wait for the disk,
        and on SQLite the WAL is copied into the database less often, see
        ``RELAXED_CHECKPOINT_PAGES``; the database stays consistent and keeps every earlier
        commit). Only for work
        that is done again from its source when it is lost, with its progress recorded in the same
        transaction: applying changes pulled from the store.
        """
        session = self._factory()
        ctx = changelog.capture(session)
        ctx.user, ctx.role, ctx.keys = user, role, self.keys
        if not durable and self.is_sqlite:
            conn = session.connection()
            conn.info["relaxed"] = True  # undone when the connection goes back to the pool
            conn.exec_driver_sql("PRAGMA synchronous=NORMAL")
            conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint={RELAXED_CHECKPOINT_PAGES}")
        elif not durable and self.engine.dialect.name == "postgresql":
            session.connection().exec_driver_sql("SET LOCAL synchronous_commit TO OFF")  # this transaction only
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def meta(self, key: str, default: Any = None) -> Any:
        """A per-replica fact from ``local_meta`` (never synced), or ``default``."""
        with self.reader() as s:
            row = s.get(LocalMeta, key)
            return row.value if row is not None else default

    def set_meta(self, key: str, value: Any) -> None:
        """Keep a per-replica fact; ``None`` removes it."""
        if len(key) > 80:  # the column's width: PostgreSQL refuses longer keys, SQLite would take them
            raise ValueError(f"local_meta key longer than 80 characters: {key[:40]}…")
        with self.session() as s:
            row = s.get(LocalMeta, key)
            if value is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(LocalMeta(key=key, value=value))
            else:
                row.value = value

    def reader(self) -> Session:
        """A session for read-only queries (caller closes it)."""
        return self._factory()

    # ---------------------------------------------------------------- schema

    def ensure_schema(self) -> str | None:
        """Create or upgrade the schema; returns the backup path when one was made."""
        with self.engine.connect() as conn:
            has_tables = bool(inspect(conn).get_table_names())
            current = None
            if has_tables and inspect(conn).has_table("alembic_version"):
                current = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        if current == SCHEMA_HEAD:
            return None
        from alembic import command

        cfg = _alembic_config(self.url)
        if current is None and not has_tables:
            Base.metadata.create_all(self.engine)
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.stamp(cfg, "head")
            return None
        backup = self.backup()
        log.info("upgrading database schema from %s (backup at %s)", current, backup)
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return str(backup) if backup else None

    def backup(self, target: Path | None = None) -> Path | None:
        """Copy a SQLite database consistently (online backup API); None for server databases."""
        if self.path is None or not self.path.exists():
            return None
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = target or self.path.with_name(f"{self.path.stem}.backup-{stamp}{self.path.suffix}")
        src = sqlite3.connect(self.path)
        try:
            dst = sqlite3.connect(target)
            with dst:
                src.backup(dst)
            dst.close()
        finally:
            src.close()
        return target

    def dispose(self) -> None:
        """Close the database: the WAL guard lets go first, so SQLite's last close may checkpoint and
        remove the WAL; the guard's descriptors close after SQLite's (closing them drops its locks)."""
        if self._wal_guard is not None:
            self._wal_guard.release_locks()
        self.engine.dispose()
        if self._wal_guard is not None:
            self._wal_guard.close()

    def describe(self) -> str:
        return str(self.path) if self.path else make_url(self.url).render_as_string(hide_password=True)


def open_database(location: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Database:
    """Open (creating or upgrading as needed) the database at ``location``."""
    db = Database(resolve_url(location))
    if migrate:
        db.ensure_schema()
    db.guard_wal()
    return db
