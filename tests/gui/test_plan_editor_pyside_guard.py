"""The PySide6 6.12 reference guard: signal emits and void calls cannot exhaust None/True/False."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from kinerja_desktop.ui import pyside_refcount_guard as guard


class _Emitter(QObject):
    ping = Signal()


def test_singletons_keep_a_large_reference_count_after_many_qt_calls(qapp):
    """After importing the ui package, many emits (each loses a True on 6.12/3.11) leave True far from zero."""
    emitter = _Emitter()
    emitter.ping.connect(lambda: None)
    for _ in range(20_000):
        emitter.ping.emit()
        emitter.setObjectName("x")  # a void call: loses a None on 6.12/3.11
    if guard.needed():
        assert guard.apply()
        for singleton in (None, True, False):
            assert sys.getrefcount(singleton) > guard.BALLAST // 2
    else:
        assert not guard.apply()
