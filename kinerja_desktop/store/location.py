"""Where the database is, without importing SQLAlchemy (start-up reads this before it loads).

``resolve_url`` turns an argument, ``KINERJA_DB`` or the default file in the user data dir
into a SQLAlchemy URL; ``sqlite_file`` gives the file behind a SQLite URL (None for a server).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

import platformdirs

__all__ = ["APP_NAME", "SCHEMA_HEAD", "default_data_dir", "resolve_url", "sqlite_file"]

APP_NAME = "kinerja-desktop"
#: The newest Alembic revision shipped in migrations/versions (a test keeps it equal to Alembic's head).
#: Knowing it here lets an up-to-date database open without importing Alembic (start-up time).
SCHEMA_HEAD = "0010"


def default_data_dir() -> Path:
    override = os.environ.get("KINERJA_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_url(location: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL for a path, a URL, ``KINERJA_DB``, or the default file."""
    loc = os.fspath(location) if location is not None else os.environ.get("KINERJA_DB") or ""
    if not loc:
        loc = str(default_data_dir() / "kinerja.sqlite")
    if "://" in loc:
        return loc
    path = Path(loc).expanduser().resolve()
    return f"sqlite:///{path}"


def sqlite_file(url: str) -> Path | None:
    """The database file of a plain ``sqlite:///PATH`` URL; None for anything else (a server, a
    driver suffix, in-memory, query options)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    path = unquote(url[len(prefix):])
    if not path or path == ":memory:":
        return None
    return Path(path)
