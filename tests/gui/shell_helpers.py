"""Helpers for the shell's GUI tests: the app controller on a real database, signing in, screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget

from kinerja_desktop.ui import i18n, theme
from kinerja_desktop.ui.app import AppController
from kinerja_desktop.ui.workers import wait_for_tasks

SCREENS = Path(__file__).resolve().parents[2] / "artifacts" / "screens"
SCREEN_SIZE = (1366, 768)
# The offscreen platform warns whenever a shown window's size hints change; harmless here.
IGNORE_SIZE_HINTS = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def themed_app(qapp: QApplication) -> Iterator[QApplication]:
    """The application with the shell's font, style and rules; restored afterwards for other tests."""
    old = (qapp.style().name(), qapp.font(), qapp.palette(), qapp.styleSheet())
    theme.apply(qapp)
    yield qapp
    i18n.install_translator("id")
    if qapp.style().name() != old[0]:
        qapp.setStyle(old[0])
    qapp.setFont(old[1])
    qapp.setPalette(old[2])
    qapp.setStyleSheet(old[3])


def make_controller(qtbot, db) -> AppController:
    controller = AppController(db=db)
    controller.start()
    return controller


def close_controller(controller: AppController) -> None:
    """End a test's app: no questions asked, every worker finished."""
    window = controller.main_window
    if window is not None:
        window.tasks.cancel_all()
        wait_for_tasks(10_000)
        window.close()
        window.deleteLater()
        controller.main_window = None
    if controller.wizard is not None:
        controller.wizard.hide()
        controller.wizard.deleteLater()
    controller.shutdown()  # no database opening later on behalf of this test
    controller.sign_in.hide()
    controller.sign_in.deleteLater()
    # Delete now: live windows would all be re-polished when the next test restores the style.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def wait_ready(qtbot, controller: AppController) -> None:
    qtbot.waitUntil(lambda: controller.opened is not None and controller.sign_in.sign_in_button.isEnabled(),
                    timeout=15_000)


def sign_in(qtbot, controller: AppController, username: str, password: str):
    """Type the credentials and press Enter, as a user would; returns the main window once it shows its list."""
    wait_ready(qtbot, controller)
    form = controller.sign_in
    form.username_edit.clear()
    qtbot.keyClicks(form.username_edit, username)
    qtbot.keyClick(form.username_edit, Qt.Key.Key_Return)  # moves to the password field
    assert form.password_edit.hasFocus() or not form.isActiveWindow()
    form.password_edit.clear()
    qtbot.keyClicks(form.password_edit, password)
    with qtbot.waitSignal(controller.main_window_shown, timeout=15_000) as blocker:
        qtbot.keyClick(form.password_edit, Qt.Key.Key_Return)
    return blocker.args[0]  # closed by close_controller (a switch of user deletes it earlier)


def screenshot(widget: QWidget, name: str, size: tuple[int, int] = SCREEN_SIZE) -> Path:
    """Save ``widget`` at 1366x768 (a test artefact, git-ignored) and return the file."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    if widget.isWindow():
        widget.resize(*size)
    QApplication.processEvents()
    path = SCREENS / f"{name}.png"
    assert widget.grab().save(str(path)), path
    return path
