"""The idle lock's watcher: locks after the idle time, never while someone types, and listens to
Qt's events only until it has seen one input (issue 14, section 6: no Python call per event)."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from kinerja_desktop.ui.idle_watcher import IdleWatcher


def test_input_keeps_the_lock_away_and_the_filter_rests_until_the_next_check(qtbot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    watcher = IdleWatcher(0.004)  # 0.24 s; checked every 0.06 s
    fired: list[float] = []
    watcher.idle.connect(lambda: fired.append(time.monotonic()))
    assert watcher._listening
    qtbot.keyClick(edit, Qt.Key.Key_A)
    assert not watcher._listening  # one input seen: no filter until the next check
    qtbot.waitUntil(lambda: watcher._listening, timeout=2000)

    typing_until = time.monotonic() + 0.8  # someone types for 0.8 s, a key every 0.05 s
    last_key = 0.0
    while time.monotonic() < typing_until:
        last_key = time.monotonic()  # just before the key: the watcher's own time of it is not earlier
        qtbot.keyClick(edit, Qt.Key.Key_B)
        qtbot.wait(50)
    assert not fired
    qtbot.waitUntil(lambda: bool(fired), timeout=5000)
    assert fired[0] - last_key >= 0.24  # never earlier than the idle time after the last key
    watcher.set_minutes(0)
    assert not watcher._listening
    watcher.stop()
    QApplication.processEvents()
