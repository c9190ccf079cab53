"""Unexpected errors: a plain Indonesian sentence for people, the technical detail for the log file.

Users never see a traceback, SQL or a library's English text: :func:`plain_message` says what
happened and what to do; :func:`technical_detail` (what the "Salin rincian" button copies) and
the rotated log file under the user data folder (:func:`install_file_log`) keep the rest for
whoever helps them. Passwords, passphrases, keys and credentials in URLs are blanked out of
both (:func:`redact`).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import logging.handlers
import platform
import re
import sqlite3
import traceback
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from kinerja_desktop.store.location import default_data_dir

__all__ = [
    "LOG_BACKUPS",
    "LOG_BYTES",
    "file_log_during",
    "install_file_log",
    "log_file",
    "plain_message",
    "redact",
    "report",
    "technical_detail",
]

#: One log file is at most this big; this many older ones are kept (kinerja.log.1 … .5).
LOG_BYTES = 1_000_000
LOG_BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_SECRET_WORDS = r"(?:password|passwd|passphrase|sandi|kata[_ ]sandi|secret|token|api[_-]?key|private[_ ]key|pin)"
_PATTERNS = (
    # password=..., "sandi": "...", KINERJA_PASSWORD=...
    # (no leading \w*: that makes the search quadratic on a long word; KINERJA_PASSWORD= matches at PASSWORD)
    re.compile(rf"(?i)({_SECRET_WORDS}\w{{0,20}}\s*[\"']?\s*[:=]\s*[\"']?)([^\s\"',;&}}]+)"),
    # scheme://user:secret@host
    re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://[^\s/:@]+:)([^\s@/]+)(@)"),
    # PEM blocks
    re.compile(r"(-----BEGIN [A-Z ]*PRIVATE KEY-----)(.*?)(-----END [A-Z ]*PRIVATE KEY-----)", re.S),
)


def redact(text: str) -> str:
    """``text`` with secrets replaced by ``***`` (values after password=, URL credentials, private keys)."""
    text = _PATTERNS[0].sub(lambda m: m.group(1) + "***", text)
    text = _PATTERNS[1].sub(lambda m: m.group(1) + "***" + m.group(3), text)
    return _PATTERNS[2].sub(lambda m: m.group(1) + "***" + m.group(3), text)


class _RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A log that cannot be written (full disk, folder removed) stays silent: logging's default prints
    a traceback on stderr, which the command line and the terminal that started the app must never show."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's own name
        pass


def log_file(folder: Path | None = None) -> Path:
    """Where the log is written: ``<user data folder>/log/kinerja.log``."""
    return (folder or default_data_dir() / "log") / "kinerja.log"


def install_file_log(folder: Path | None = None, *, level: int = logging.INFO, max_bytes: int = LOG_BYTES) -> Path:
    """Send this process's log (warnings and errors, and INFO of our own modules) to a rotated file.

    Idempotent: a second call for the same file adds no second handler. Returns the file.
    """
    path = log_file(folder)
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _QuietRotatingFileHandler(path, maxBytes=max_bytes, backupCount=LOG_BACKUPS,
                                                   encoding="utf-8", delay=True)
    handler.setFormatter(_RedactingFormatter(_FORMAT))
    handler.setLevel(level)
    handler.addFilter(lambda r: r.levelno >= logging.WARNING or r.name.startswith("kinerja_desktop"))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


@contextlib.contextmanager
def file_log_during(folder: Path | None = None) -> Iterator[Path | None]:
    """The rotated log file (:func:`install_file_log`) for one piece of work, such as a command-line run.

    Yields the file, or None when the user data folder cannot be written (the work still runs). On exit
    the handler is closed and the root logger's level restored, so a process that runs several commands
    (the tests call the CLI in-process) keeps no handler of a finished one.
    """
    root = logging.getLogger()
    level, before = root.level, list(root.handlers)
    try:
        path: Path | None = install_file_log(folder)
    except OSError:
        path = None
    try:
        yield path
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


#: Where the GUI's user finds the technical detail, and how they restore a backup (the CLI names its own).
GUI_DETAIL = "tombol Salin rincian"
GUI_RESTORE = "Alat > Pulihkan dari Cadangan"


def plain_message(exc: BaseException, where: str = "aplikasi", *, detail_at: str = GUI_DETAIL,
                  restore_with: str = GUI_RESTORE) -> str:
    """What happened, in Indonesian, with what to do next (never the exception's own text).

    Database and disk failures are worded by :func:`store.storage_errors.storage_error` (the same
    sentences the engine raises); a file that could not be written for a full disk, a damaged
    database, file access and a few others are added here. ``detail_at`` says where the technical
    detail is and ``restore_with`` how a backup is restored (the GUI's defaults; the CLI names the
    log file and ``kinerja restore``).
    """
    from kinerja_desktop.store.storage_errors import DISK_FULL_ERRNOS, disk_full, storage_error

    chain = _chain(exc)
    for e in chain:
        if isinstance(e, OSError) and e.errno in DISK_FULL_ERRNOS and getattr(e, "filename", None):
            return str(disk_full(f"berkas \u201c{Path(e.filename).name}\u201d", str(Path(e.filename).parent)))
    for e in chain:
        known = storage_error(e, where)
        if known is not None:
            return str(known)
    texts = " ".join(str(e).lower() for e in chain)
    orig = [getattr(e, "orig", None) for e in chain]
    sqlite_error = any(isinstance(e, sqlite3.Error) for e in chain) or any(isinstance(o, sqlite3.Error) for o in orig)
    if sqlite_error and ("malformed" in texts or "not a database" in texts):
        return ("Database di komputer ini rusak. Jangan mengisi data dulu; pulihkan dari cadangan terakhir "
                f"({restore_with}) atau hubungi admin.")
    if sqlite_error:
        return ("Database tidak dapat menjalankan permintaan ini. Coba lagi; bila berulang, kirim rinciannya "
                f"({detail_at}) kepada admin.")
    for e in chain:
        if not isinstance(e, OSError):
            continue
        name = Path(e.filename).name if getattr(e, "filename", None) else ""
        where_file = f" \u201c{name}\u201d" if name else ""
        if isinstance(e, PermissionError) or e.errno == errno.EROFS:
            return (f"Komputer ini menolak akses ke berkas{where_file}. Pilih folder lain (misalnya Dokumen), "
                    "atau tutup program lain yang sedang membuka berkas itu.")
        if isinstance(e, FileNotFoundError):
            return f"Berkas{where_file} tidak ditemukan. Mungkin sudah dipindah atau dihapus; pilih berkas lain."
        if isinstance(e, (ConnectionError, TimeoutError)):
            return ("Koneksi jaringan terputus atau terlalu lambat. Periksa jaringan, lalu ulangi; pekerjaan "
                    "di komputer ini tetap tersimpan.")
    if any(isinstance(e, MemoryError) for e in chain):
        return "Memori komputer tidak cukup untuk pekerjaan ini. Tutup program lain, lalu ulangi."
    return ("Terjadi kesalahan yang tidak terduga. Isian yang sudah tersimpan tetap aman. Coba lagi; bila "
            f"berulang, kirim rinciannya ({detail_at}) kepada admin.")


def technical_detail(exc: BaseException, context: str = "") -> str:
    """Version, time, what was being done and the traceback, with secrets blanked out (for the clipboard)."""
    from kinerja_desktop import __version__

    head = [f"Kinerja Desktop {__version__} · Python {platform.python_version()} · {platform.platform()}",
            f"Waktu: {datetime.now().isoformat(timespec='seconds')}"]
    if context:
        head.append(f"Pekerjaan: {context}")
    body = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return redact("\n".join(head) + "\n\n" + body)


def report(exc: BaseException, context: str = "", *, logger: str = "kinerja_desktop.errors") -> str:
    """Write ``exc`` with its traceback to the log; returns :func:`technical_detail` for the dialog."""
    logging.getLogger(logger).error("%s", context or "unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return technical_detail(exc, context)
