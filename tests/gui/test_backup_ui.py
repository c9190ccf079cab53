"""Backups in the app: today's checked copy after sign-in; Alat > Pulihkan dari Cadangan brings it back."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from kinerja_desktop.store import backups
from kinerja_desktop.store.models import Employee
from kinerja_desktop.ui import backup_actions
from kinerja_desktop.ui.workers import wait_for_tasks
from tests.gui.shell_helpers import (
    IGNORE_SIZE_HINTS,
    sign_in,
    themed_app,  # noqa: F401 - fixture
)

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("themed_app")]


@contextlib.contextmanager
def _answering_boxes(button: QMessageBox.StandardButton) -> Iterator[list[str]]:
    """Press ``button`` in each message box that shows up while the block runs; yields their texts.

    The restore asks (a modal ``question``), then informs. The timer stops when the block ends:
    a poll left running after the test closed the next test's message box (seen in test_error_report).
    """
    answered: list[str] = []

    def answer() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible() and w.text() not in answered:
                answered.append(w.text())
                w.button(button).click() if w.button(button) else w.accept()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(answer)
    timer.start()
    try:
        yield answered
    finally:
        timer.stop()


def test_daily_backup_then_restore_from_the_menu(qtbot, controller, demo_db) -> None:
    window = sign_in(qtbot, controller, "admin", "admin")
    qtbot.waitUntil(lambda: hasattr(window, "backup_check_task") and not window.backup_check_task.running,
                    timeout=20_000)
    made = backups.list_backups(demo_db)
    assert [b.made.date() for b in made] == [date.today()] and made[0].daily
    actions = [a.text() for a in window.menu("tools").actions()]
    assert "&Pulihkan dari Cadangan…" in actions and "Buat &Cadangan Sekarang" in actions
    with demo_db.session(user="admin", role="ADMIN") as s:
        emp = s.scalars(select(Employee).order_by(Employee.nip)).first()
        emp_id, emp.jabatan = emp.id, "diubah sesudah cadangan"

    dialog = backup_actions.open_restore_dialog(window)
    assert dialog.chosen().path == made[0].path
    with _answering_boxes(QMessageBox.StandardButton.Yes) as answered, \
            qtbot.waitSignal(controller.signed_out, timeout=20_000):
        dialog.restore_button.click()
    wait_for_tasks(10_000)
    assert len(answered) == 2 and answered[0].endswith("Lanjutkan?")  # asked first,
    assert answered[1].startswith("Data dipulihkan dari cadangan")  # then told
    with demo_db.reader() as s:
        assert s.get(Employee, emp_id).jabatan != "diubah sesudah cadangan"
    assert any(b.tag == "sebelum-pulihkan" for b in backups.list_backups(demo_db))
