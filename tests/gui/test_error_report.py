"""An unexpected error shows a plain Indonesian sentence and a "Salin rincian" button that copies the
technical detail; the user never sees SQL or a traceback (issue 14, item 4)."""

from __future__ import annotations

import sqlite3

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from sqlalchemy.exc import OperationalError

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.ui import shell_dialogs
from kinerja_desktop.ui.workers import error_message, run_task
from tests.gui.form_helpers import QT_LOG_IGNORE, screenshot

pytestmark = QT_LOG_IGNORE


def _load_rows(_ctx) -> None:
    raise OperationalError("SELECT rhk.id, rhk.text FROM rhk WHERE rhk.plan_id = ?", ("x",),
                           sqlite3.OperationalError("disk I/O error"))


def test_a_failed_task_says_what_to_do_and_copies_the_detail(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    task = run_task(_load_rows, title="Memuat daftar pegawai", owner=host)
    with qtbot.waitSignal(task.failed, timeout=10_000) as failed:
        pass
    message = failed.args[0]
    assert "kesalahan disk" in message  # worded as store.storage_errors words it
    for technical in ("SELECT", "sqlite3", "sqlalche.me", "OperationalError"):
        assert technical not in message
    host.show()
    box = shell_dialogs.show_error(host, message, "Daftar pegawai tidak dapat dimuat")
    copy = box.findChild(QPushButton, "copyDetail")
    assert copy is not None and copy.text() == "Salin rincian"
    screenshot(box, "kesalahan_salin_rincian")
    copy.click()
    copied = QGuiApplication.clipboard().text()
    assert "disk I/O error" in copied and "Traceback" in copied and "Memuat daftar pegawai" in copied
    assert box.isVisible() and copy.text() == "Rincian disalin"  # copying does not close the box
    box.close()


def test_a_service_message_is_shown_as_it_is_without_detail(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    host.show()
    message = error_message(ValidationError("Target harus berupa angka."))
    assert message == "Target harus berupa angka."
    box = shell_dialogs.show_error(host, message)
    assert isinstance(box, QMessageBox) and box.findChild(QPushButton, "copyDetail") is None
    box.close()
