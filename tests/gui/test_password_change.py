"""Ganti Kata Sandi: from the menu, and forced at sign-in when the password is too weak."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kinerja_desktop.services import auth_service
from tests.gui.shell_helpers import (
    IGNORE_SIZE_HINTS,
    close_controller,
    make_controller,
    screenshot,
    sign_in,
    themed_app,  # noqa: F401 - fixture
)

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("themed_app")]


@pytest.fixture
def controller(qtbot, demo_db):
    demo_db.set_meta(auth_service.DEMO_OFFICE_KEY, None)  # these accounts in a real office
    c = make_controller(qtbot, demo_db)
    yield c
    close_controller(c)


def _dialog(qtbot, window):
    qtbot.waitUntil(lambda: getattr(window, "password_dialog", None) is not None
                    and window.password_dialog.isVisible(), timeout=15_000)
    return window.password_dialog


def test_a_weak_password_must_be_changed_before_anything_else(qtbot, controller, demo_db, people) -> None:
    nip = people.staff.username
    window = sign_in(qtbot, controller, nip, nip)
    dialog = _dialog(qtbot, window)
    assert dialog.forced and "harus diganti" in dialog.intro.text()
    hint = dialog.sizeHint()
    screenshot(dialog, "40_password_forced", (max(hint.width(), 480), hint.height()))
    qtbot.keyClicks(dialog.old_edit, nip)
    qtbot.keyClicks(dialog.new_edit, "pendek")
    qtbot.keyClicks(dialog.confirm_edit, "pendek")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.errors.message("Kata sandi")), timeout=10_000)
    assert "paling sedikit 10" in dialog.errors.message("Kata sandi")
    for edit in (dialog.new_edit, dialog.confirm_edit):
        edit.clear()
        qtbot.keyClicks(edit, "laporan-bulanan-88")
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    user = auth_service.authenticate(demo_db, nip, "laporan-bulanan-88")
    assert not user.must_change_password


def test_refusing_to_change_it_signs_out(qtbot, controller, people) -> None:
    nip = people.staff.username
    window = sign_in(qtbot, controller, nip, nip)
    dialog = _dialog(qtbot, window)
    with qtbot.waitSignal(controller.signed_out, timeout=15_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert controller.main_window is None and controller.sign_in.isVisible()
