"""Unexpected errors reach people as a plain Indonesian sentence; the detail goes to a rotated log file
under the user data folder, without passwords or keys."""

from __future__ import annotations

import logging
import logging.handlers
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from kinerja_desktop.services import error_log

SMALL = 20_000  # bytes per file in the test (the app keeps error_log.LOG_BYTES)


@pytest.fixture
def log_folder(tmp_path: Path):
    path = error_log.install_file_log(tmp_path / "log", max_bytes=SMALL)
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            root.removeHandler(handler)
            handler.close()


def _sqlalchemy_disk_error() -> OperationalError:
    try:
        raise OperationalError("SELECT rhk.id FROM rhk", {}, sqlite3.OperationalError("disk I/O error"))
    except OperationalError as exc:
        return exc


def test_a_disk_error_is_a_sentence_without_sql() -> None:
    """Worded as the engine words it (store.storage_errors), so the GUI, the CLI and the log agree."""
    from kinerja_desktop.store.storage_errors import storage_error

    exc = _sqlalchemy_disk_error()
    message = error_log.plain_message(exc)
    assert message == str(storage_error(exc, "aplikasi")) and "kesalahan disk" in message
    for technical in ("SELECT", "sqlite3", "OperationalError", "sqlalche.me", "I/O"):
        assert technical not in message


@pytest.mark.parametrize(("exc", "words"), [
    (sqlite3.OperationalError("database is locked"), "dikunci program lain"),
    (sqlite3.DatabaseError("database disk image is malformed"), "rusak"),
    (OSError(28, "No space left on device"), "Disk penuh"),
    (OSError(28, "No space left on device", "/media/usb/skp.pdf"),
     "Disk penuh: berkas “skp.pdf” tidak dapat disimpan ke /media/usb."),
    (OSError(30, "Read-only file system", "/media/cd/skp.pdf"), "menolak akses ke berkas “skp.pdf”"),
    (PermissionError(13, "Permission denied", "/mnt/usb/laporan.pdf"), "menolak akses ke berkas “laporan.pdf”"),
    (FileNotFoundError(2, "No such file", "/tmp/bukti.pdf"), "“bukti.pdf” tidak ditemukan"),
    (KeyError("rating_hasil"), "kesalahan yang tidak terduga"),
])
def test_each_kind_of_failure_says_what_to_do(exc: BaseException, words: str) -> None:
    assert words in error_log.plain_message(exc)


def test_secrets_are_blanked_out() -> None:
    text = ("sync failed for webdav://budi:Rahasia123@nas.kantor/kinerja with password=hunter2 "
            "KINERJA_PASSWORD=abc {\"sandi\": \"xyz\"} -----BEGIN PRIVATE KEY-----MIIEv-----END PRIVATE KEY-----")
    clean = error_log.redact(text)
    for secret in ("Rahasia123", "hunter2", "=abc", "xyz", "MIIEv"):
        assert secret not in clean
    assert "webdav://budi:***@nas.kantor" in clean


def test_the_log_file_gets_the_traceback_and_rotates(log_folder: Path) -> None:
    exc = _sqlalchemy_disk_error()
    detail = error_log.report(exc, "Memuat daftar pegawai (password=rahasia)")
    assert "Traceback" in detail and "disk I/O error" in detail and "rahasia" not in detail
    logging.getLogger().handlers[-1].flush()
    written = log_folder.read_text(encoding="utf-8")
    assert "disk I/O error" in written and "Memuat daftar pegawai" in written and "rahasia" not in written
    noisy = logging.getLogger("kinerja_desktop.test")
    for _ in range(SMALL // 500 + 10):
        noisy.warning("x" * 500)
    assert (log_folder.parent / "kinerja.log.1").exists()
    assert log_folder.stat().st_size <= SMALL
    assert error_log.install_file_log(log_folder.parent) == log_folder  # no second handler
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler)
                and Path(h.baseFilename) == log_folder]
    assert len(handlers) == 1


def test_the_log_lives_in_the_user_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KINERJA_DATA_DIR", str(tmp_path / "data"))
    assert error_log.log_file() == tmp_path / "data" / "log" / "kinerja.log"
