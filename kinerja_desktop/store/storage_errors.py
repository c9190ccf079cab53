"""Database and disk failures turned into one sentence a person can act on.

A database error from SQLAlchemy carries the SQL statement (and, unless the engine hides them,
its parameters: a password hash being upgraded, a wrapped key). None of that may reach a
terminal, a log or a dialog. :func:`storage_error` recognises the failures that have a
remedy the user can apply — read-only file, locked database, full disk, unopenable file, I/O
error — and returns a :class:`~kinerja_desktop.domain.errors.StorageError` with the remedy;
:func:`install` makes an engine raise it in place of its own error, for reads and writes alike.
"""

from __future__ import annotations

import errno
import sqlite3
from typing import Any

from sqlalchemy import Engine, event

from kinerja_desktop.domain.errors import StorageError

__all__ = ["DISK_FULL_ERRNOS", "disk_full", "install", "storage_error"]

#: errno values meaning "no room left": the disk is full, or the user's quota is.
DISK_FULL_ERRNOS = frozenset(n for n in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if n is not None)

# SQLite result codes (primary) and PostgreSQL SQLSTATEs, by the remedy they need.
_SQLITE = {
    "SQLITE_READONLY": "readonly",
    "SQLITE_BUSY": "locked",
    "SQLITE_LOCKED": "locked",
    "SQLITE_FULL": "full",
    "SQLITE_CANTOPEN": "open",
    "SQLITE_IOERR": "io",
    "SQLITE_PERM": "readonly",
}
_SQLITE_TEXT = (
    ("readonly database", "readonly"),
    ("database is locked", "locked"),
    ("database table is locked", "locked"),
    ("database or disk is full", "full"),
    ("unable to open database file", "open"),
    ("disk i/o error", "io"),
)
_PGCODES = {"25006": "readonly", "55P03": "locked", "40P01": "locked", "53100": "full"}


def disk_full(what: str, where: str | None = None) -> StorageError:
    """The sentence for a full disk: ``what`` could not be saved (``where``: the folder or file it was going to)."""
    into = f" ke {where}" if where else ""
    return StorageError(f"Disk penuh: {what} tidak dapat disimpan{into}. Kosongkan ruang di disk itu (hapus atau "
                        "pindahkan berkas yang tidak diperlukan), lalu coba lagi.", code="storage.full")


def _messages(where: str) -> dict[str, str]:
    return {
        "readonly": f"Basis data {where} hanya dapat dibaca, jadi perubahan tidak dapat disimpan. Pastikan berkas "
                    "dan foldernya boleh ditulisi (bukan dari CD, bukan berkas bertanda Read-only, bukan folder "
                    "bersama yang hanya-baca), lalu buka lagi.",
        "locked": f"Basis data {where} sedang dikunci program lain (misalnya Kinerja Desktop di jendela lain atau "
                  "program cadangan). Tutup program itu, lalu coba lagi.",
        "open": f"Berkas basis data {where} tidak dapat dibuka. Periksa bahwa foldernya ada dan boleh ditulisi, "
                "lalu coba lagi.",
        "io": f"Basis data {where} tidak dapat dibaca atau ditulis karena kesalahan disk. Periksa disk atau "
              "flashdisk tempat berkas itu, lalu coba lagi.",
    }


def _kind(exc: BaseException) -> str | None:
    orig: Any = getattr(exc, "orig", None) or exc
    if isinstance(orig, OSError) and orig.errno in DISK_FULL_ERRNOS:
        return "full"
    name = getattr(orig, "sqlite_errorname", None)
    if isinstance(name, str):
        for prefix, kind in _SQLITE.items():
            if name == prefix or name.startswith(prefix + "_"):
                return kind
    pgcode = getattr(orig, "pgcode", None) or getattr(orig, "sqlstate", None)
    if isinstance(pgcode, str) and pgcode in _PGCODES:
        return _PGCODES[pgcode]
    if isinstance(orig, sqlite3.Error) or type(orig).__module__.startswith("sqlite3"):
        text = str(orig).lower()
        return next((kind for needle, kind in _SQLITE_TEXT if needle in text), None)
    return None


def storage_error(exc: BaseException, where: str) -> StorageError | None:
    """The StorageError for a database failure the user can remedy, or None for any other error.

    Args:
        exc: a SQLAlchemy DBAPIError, a DB-API error or an OSError.
        where: how the database is named in the sentence (its file path, or the server URL without password).
    """
    kind = _kind(exc)
    if kind is None:
        return None
    if kind == "full":
        return disk_full("perubahan", where)
    return StorageError(_messages(where)[kind], code=f"storage.{kind}")


def install(engine: Engine, where: str) -> None:
    """Make ``engine`` raise a StorageError in place of its own error for the failures above."""

    def _handle_error(context: Any) -> BaseException | None:
        return storage_error(context.original_exception, where)

    event.listen(engine, "handle_error", _handle_error)
