"""The survey kiosk: one question per screen, saved at the end, a clean screen for the next citizen, no way out."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kinerja_desktop.domain import skm
from kinerja_desktop.services import skm_service as svc
from kinerja_desktop.ui.skm.kiosk_window import KioskWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _kiosk(qtbot, db, admin, services=("KTP", "KK")) -> KioskWindow:
    code = "D001.1"
    # the kiosk takes answers today: this year's survey (a past year's refuses them, as it should)
    sid = svc.open_survey(db, admin, code, date.today().year, services=list(services))
    window = KioskWindow(db, admin, svc.results_of(db, sid).survey, lambda p: p == "admin")
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    return window


def _answers(window: KioskWindow) -> list[QPushButton]:
    return [b for b in window._choices.findChildren(QPushButton) if b.isVisible()]


def test_a_citizen_answers_by_touch_and_the_response_is_saved_once_complete(qtbot, demo_db, people):
    window = _kiosk(qtbot, demo_db, people.admin)
    qtbot.mouseClick(window._start_button, Qt.MouseButton.LeftButton)
    assert [b.text() for b in _answers(window)] == ["KTP", "KK"]
    qtbot.mouseClick(_answers(window)[1], Qt.MouseButton.LeftButton)  # layanan KK
    for _ in range(4):  # age, sex, education, occupation skipped
        qtbot.mouseClick(window._skip, Qt.MouseButton.LeftButton)
    for n in range(9):
        buttons = _answers(window)
        assert len(buttons) == 4 and not window._skip.isVisible()
        if n < 8:
            qtbot.mouseClick(buttons[3], Qt.MouseButton.LeftButton)
        else:
            with qtbot.waitSignal(window.response_saved):
                qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    res = svc.results(demo_db, people.admin, "D001.1", date.today().year)
    assert res.result.respondents == 1 and [u.total for u in res.result.unsur] == [4] * 8 + [2]
    assert set(res.by_service) == {"KK"} and res.profile["usia"] == {"-": 1}
    assert window._stack.currentWidget() is window._thanks and window._answers == {}


def test_an_abandoned_questionnaire_is_forgotten_and_never_shown_to_the_next_citizen(qtbot, demo_db, people):
    window = _kiosk(qtbot, demo_db, people.admin, services=())
    window.start()
    for value in ("35-44", "P", "SMA", "PNS", 4, 4):
        window.choose(value)
    window.reset()
    assert window._answers == {} and window._stack.currentWidget() is window._welcome
    window.start()
    assert window._step_text.text() == "Berapa usia Anda?"
    assert svc.results(demo_db, people.admin, "D001.1", date.today().year).result.respondents == 0
    assert skm.UNSUR_CODES[0] not in window._answers


def test_the_kiosk_cannot_be_closed_or_left_by_keyboard_without_the_admin_password(qtbot, demo_db, people):
    window = _kiosk(qtbot, demo_db, people.admin)
    window.close()
    assert window.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()
    window._unlocked = True  # what a correct password in the exit dialog does
    window.close()
    assert not window.isVisible()
