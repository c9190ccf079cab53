"""Backups in the app: today's checked copy after sign-in; Alat > Pulihkan dari Cadangan brings it back."""

from __future__ import annotations

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


def _answer_boxes(button: QMessageBox.StandardButton, rounds: int = 200) -> None:
    """Press ``button`` in every message box that shows up in the next 10 s (the restore asks, then informs)."""
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            w.button(button).click() if w.button(button) else w.accept()
    if rounds:
        QTimer.singleShot(50, lambda: _answer_boxes(button, rounds - 1))


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
    _answer_boxes(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(controller.signed_out, timeout=20_000):
        dialog.restore_button.click()
    wait_for_tasks(10_000)
    with demo_db.reader() as s:
        assert s.get(Employee, emp_id).jabatan != "diubah sesudah cadangan"
    assert any(b.tag == "sebelum-pulihkan" for b in backups.list_backups(demo_db))
