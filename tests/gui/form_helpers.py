"""Helpers for the form tests: the app's look, screenshots, typing into cells, finding people."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee

#: The offscreen platform warns about window size hints; harmless, so not a test failure.
QT_LOG_IGNORE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SCREENS = Path(__file__).resolve().parents[2] / "artifacts" / "screens"
SCREEN_SIZE = (1366, 768)


def apply_look(app: QApplication) -> None:
    """The application's theme when the shell provides it (fonts, Fusion, palette)."""
    try:
        from kinerja_desktop.ui import theme
    except ImportError:  # pragma: no cover - the shell's module is not there
        return
    theme.apply(app)


def show(qtbot: QtBot, widget: QWidget) -> QWidget:
    """Show a page at the size of a 1366x768 screen, as the forms are designed for."""
    apply_look(QApplication.instance())  # type: ignore[arg-type]
    qtbot.addWidget(widget)
    widget.resize(*SCREEN_SIZE)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()  # shortcuts and focus need the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window(), timeout=2000)
    return widget


def screenshot(widget: QWidget, name: str) -> Path:
    """Save a picture of ``widget`` as a test artefact (artifacts/screens/<name>.png)."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    path = SCREENS / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not save {path}"
    return path


def edit_cell(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex, text: str, *, enter: bool = True) -> QWidget:
    """Select a cell, open its editor with F2, replace the text by typing, and press Enter."""
    assert index.isValid()
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert editor is not None, "no editor opened (is the cell editable?)"
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    if enter:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    return editor


def user_of(db: Database, employee_id: str) -> CurrentUser:
    with db.reader() as s:
        nip = s.get(Employee, employee_id).nip
    return user_by_username(db, nip)


def penilai_of_plan(db: Database, user: CurrentUser, plan_id: str) -> CurrentUser:
    plan = ps.get_plan(db, user, plan_id)
    assert plan.penilai_id
    return user_of(db, plan.penilai_id)


def accept_step(qtbot: QtBot, page: QWidget, *, expect: str | None = None, shot: str | None = None) -> str:
    """Confirm the question a workflow button opened (Ajukan, Setujui, Finalkan); returns the listed gaps.

    ``expect``: text that must be in the list of what is incomplete; ``shot``: save the question as a screenshot.
    """
    from kinerja_desktop.ui.form_support.confirm_step import ConfirmStepDialog

    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(ConfirmStepDialog)), timeout=2000)
    dialog = next(d for d in page.findChildren(ConfirmStepDialog) if d.isVisible())
    listed = dialog.details.text()
    if shot is not None:
        screenshot(dialog, shot)
    if expect is not None:
        assert expect in listed, listed
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    return listed
