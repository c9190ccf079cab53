"""The installed PySide6 keeps Python's reference counts whole.

PySide6 6.12.0 on CPython 3.11 took a reference from ``None`` on every void Qt call and from
``True`` on every signal emit, until the interpreter aborted ("Fatal Python error:
none_dealloc") at exit or in the middle of a long session. pyproject pins PySide6 below 6.12;
this test fails if a version with that bug is ever installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    fired = Signal(int)


def test_void_calls_and_emits_do_not_leak_singleton_references(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    emitter = _Emitter()
    before_none, before_true = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(20_000):
        label.update()
        label.setText("x")
        emitter.fired.emit(1)
    assert sys.getrefcount(None) - before_none > -100
    assert sys.getrefcount(True) - before_true > -100
