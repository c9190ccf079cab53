"""Unexpected errors: a plain Indonesian sentence for people, the technical detail for the log file.

Users never see a traceback, SQL or a library's English text: :func:`plain_message` says what
happened and what to do; :func:`technical_detail` (what the "Salin rincian" button copies) and
the rotated log file under the user data folder (:func:`install_file_log`) keep the rest for
whoever helps them. Passwords, passphrases, keys and credentials in URLs are blanked out of
both (:func:`redact`).
"""

from __future__ import annotations

import errno
import logging
import logging.handlers
import platform
import re
import sqlite3
import traceback
from datetime import datetime
from pathlib import Path

from kinerja_desktop.store.location import default_data_dir

__all__ = [
    "LOG_BACKUPS",
    "LOG_BYTES",
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
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=max_bytes, backupCount=LOG_BACKUPS,
                                                   encoding="utf-8", delay=True)
    handler.setFormatter(_RedactingFormatter(_FORMAT))
    handler.setLevel(level)
    handler.addFilter(lambda r: r.levelno >= logging.WARNING or r.name.startswith("kinerja_desktop"))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def plain_message(exc: BaseException) -> str:
    """What happened, in Indonesian, with what to do next (never the exception's own text)."""
    texts = " ".join(str(e).lower() for e in _chain(exc))
    kinds = tuple(type(e) for e in _chain(exc))
    orig = [getattr(e, "orig", None) for e in _chain(exc)]
    sqlite_error = any(issubclass(k, sqlite3.Error) for k in kinds) or any(isinstance(o, sqlite3.Error) for o in orig)
    os_errors = [e for e in _chain(exc) if isinstance(e, OSError)]
    if "database or disk is full" in texts or any(e.errno == errno.ENOSPC for e in os_errors):
        return ("Disk komputer ini penuh, sehingga data tidak dapat disimpan. Kosongkan sebagian ruang disk, "
                "lalu ulangi. Isian yang sudah tertulis \u201cTersimpan\u201d tetap aman.")
    if sqlite_error and ("malformed" in texts or "not a database" in texts):
        return ("Database di komputer ini rusak. Jangan mengisi data dulu; pulihkan dari cadangan terakhir "
                "(Alat > Pulihkan dari Cadangan) atau hubungi admin.")
    if sqlite_error and "locked" in texts:
        return ("Database sedang dipakai oleh program lain di komputer ini (misalnya perintah kinerja yang "
                "sedang berjalan). Tunggu sebentar, lalu ulangi.")
    if sqlite_error and ("disk i/o" in texts or "unable to open" in texts or "readonly" in texts):
        return ("Data tidak dapat dibaca atau disimpan di disk komputer ini. Tutup aplikasi, periksa ruang "
                "disk dan perangkat penyimpanan, lalu buka kembali. Bila berulang, pulihkan dari cadangan "
                "(Alat > Pulihkan dari Cadangan) atau hubungi admin.")
    if sqlite_error:
        return ("Database tidak dapat menjalankan permintaan ini. Coba lagi; bila berulang, kirim rinciannya "
                "(tombol Salin rincian) kepada admin.")
    for e in os_errors:
        name = Path(e.filename).name if getattr(e, "filename", None) else ""
        where = f" \u201c{name}\u201d" if name else ""
        if isinstance(e, PermissionError):
            return (f"Komputer ini menolak akses ke berkas{where}. Pilih folder lain (misalnya Dokumen), "
                    "atau tutup program lain yang sedang membuka berkas itu.")
        if isinstance(e, FileNotFoundError):
            return f"Berkas{where} tidak ditemukan. Mungkin sudah dipindah atau dihapus; pilih berkas lain."
        if isinstance(e, (ConnectionError, TimeoutError)):
            return ("Koneksi jaringan terputus atau terlalu lambat. Periksa jaringan, lalu ulangi; pekerjaan "
                    "di komputer ini tetap tersimpan.")
    if any(issubclass(k, MemoryError) for k in kinds):
        return "Memori komputer tidak cukup untuk pekerjaan ini. Tutup program lain, lalu ulangi."
    return ("Terjadi kesalahan yang tidak terduga. Isian yang sudah tersimpan tetap aman. Coba lagi; bila "
            "berulang, kirim rinciannya (tombol Salin rincian) kepada admin.")


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
