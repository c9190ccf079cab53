"""Keep other processes from deleting or resetting the WAL this process still uses (Linux).

SQLite coordinates processes with POSIX advisory locks, which belong to the process: closing
*any* descriptor of the database file (or its ``-wal``/``-shm``) drops them all (SQLite's "How To
Corrupt An SQLite Database File", 2.2). Code in this process that merely opens and closes those
files (Qt's file dialog guessing file types did) makes the next process that closes the database
believe it is the last user: it checkpoints and deletes the live WAL, or truncates the ``-shm``,
and edits this process goes on writing land in a deleted file or corrupt the database.

The guard holds a read lock of another kind, an *open file description* (OFD) lock, on one
byte of SQLite's SHARED range of the database file and on the ``-shm``'s "dead man switch" byte.
OFD locks conflict with SQLite's POSIX locks but are released only when their own descriptor
is closed, so while this process has the database open no other process can take the exclusive
lock it needs to delete the WAL or the shared lock it needs to reset the ``-shm``. Readers and
writers in WAL mode never need either, so the command line and other processes work as before.

Closing the guard's descriptors would itself drop SQLite's locks, so they stay open until the
last :class:`Database` of the file in this process is disposed (after SQLite's own connections
are closed). Where OFD locks do not exist (Windows locks per handle, macOS) the guard does nothing.
"""

from __future__ import annotations

import logging
import os
import struct
import threading
from pathlib import Path

__all__ = ["SHARED_FIRST", "SHM_DMS", "WalGuard", "in_use_elsewhere", "supported"]

log = logging.getLogger(__name__)

try:
    import fcntl

    _OFD_SETLK: int | None = getattr(fcntl, "F_OFD_SETLK", None)
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    _OFD_SETLK = None

#: SQLite's lock bytes (os_unix.c): PENDING_BYTE 0x40000000, SHARED_FIRST = PENDING_BYTE + 2.
SHARED_FIRST = 0x40000000 + 2
#: The -shm's "dead man switch" byte (UNIX_SHM_BASE 120 + SQLITE_SHM_NLOCK 8).
SHM_DMS = 128

_FLOCK = "hhqqi4x"  # struct flock on Linux: l_type, l_whence, l_start, l_len, l_pid (0 for OFD locks)


def supported() -> bool:
    return _OFD_SETLK is not None


def _lock(fd: int, kind: int, offset: int) -> None:
    assert fcntl is not None and _OFD_SETLK is not None
    fcntl.fcntl(fd, _OFD_SETLK, struct.pack(_FLOCK, kind, os.SEEK_SET, offset, 1, 0))


class _Held:
    """The guard's descriptors of one database file, shared by every Database of it in this process."""

    def __init__(self) -> None:
        self.count = 0
        self.fds: list[tuple[int, int]] = []  # (descriptor, locked offset)


_registry: dict[str, _Held] = {}
_mutex = threading.Lock()


class WalGuard:
    """Hold OFD read locks on a SQLite database in WAL mode while this process uses it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._key = os.path.realpath(path)
        self._holding = False

    def hold(self) -> bool:
        """Take the locks (call once SQLite has the database open in WAL mode); False when unsupported."""
        if not supported() or self._holding:
            return self._holding
        with _mutex:
            held = _registry.setdefault(self._key, _Held())
            if held.count == 0:
                self._open(held)
            held.count += 1
        self._holding = True
        return True

    def _open(self, held: _Held) -> None:
        assert fcntl is not None
        for name, offset in ((self._key, SHARED_FIRST), (self._key + "-shm", SHM_DMS)):
            try:
                fd = os.open(name, os.O_RDONLY | os.O_CLOEXEC)
            except FileNotFoundError:
                continue  # no -shm: not in WAL mode (yet); nothing to protect there
            try:
                _lock(fd, fcntl.F_RDLCK, offset)
            except OSError as exc:  # another process holds a write lock right now: keep the descriptor
                log.warning("could not guard %s: %s", name, exc)
            held.fds.append((fd, offset))

    def release_locks(self) -> None:
        """Let go of the locks when this is the file's last user here (before SQLite's last close, so
        that close may checkpoint and remove the WAL as usual); the descriptors stay open."""
        if not self._holding:
            return
        with _mutex:
            held = _registry.get(self._key)
            if held is not None and held.count == 1:
                assert fcntl is not None
                for fd, offset in held.fds:
                    try:
                        _lock(fd, fcntl.F_UNLCK, offset)
                    except OSError:
                        pass

    def close(self) -> None:
        """Forget this user; the last one closes the descriptors (call after SQLite closed the file)."""
        if not self._holding:
            return
        self._holding = False
        with _mutex:
            held = _registry.get(self._key)
            if held is None:
                return
            held.count -= 1
            if held.count > 0:
                return
            del _registry[self._key]
            for fd, _offset in held.fds:
                os.close(fd)


def in_use_elsewhere(path: Path) -> bool:
    """Whether another process has the database open (its SQLite or its guard holds a lock on the
    SHARED range). Call before this process opens it; False where it cannot be told."""
    if not supported() or not path.exists():
        return False
    assert fcntl is not None
    getlk = getattr(fcntl, "F_OFD_GETLK", None)
    if getlk is None:
        return False
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        probe = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, SHARED_FIRST, 510, 0)
        kind = struct.unpack(_FLOCK, fcntl.fcntl(fd, getlk, probe))[0]
    finally:
        os.close(fd)  # this process has no SQLite handle on the file yet: no lock to lose
    return kind != fcntl.F_UNLCK
