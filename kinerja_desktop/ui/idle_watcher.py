"""Notices when nobody has touched keyboard or mouse for a while (idle lock)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress, QEvent.Type.ShortcutOverride, QEvent.Type.HoverMove,
})


class IdleWatcher(QObject):
    """Emits :attr:`idle` once after ``minutes`` without user input (0 = never).

    An application-wide event filter in Python costs a call into Python for every Qt event (thousands
    when a page is built, each waiting for the GIL while a worker runs). So the filter listens only
    until it sees one input event, and is put back at the next check: input since then counts as
    input at that check. The screen thus locks between ``minutes`` and ``minutes`` plus one check
    interval (at most 5 s) after the last input, never earlier.

    Signals:
        idle(): the idle time passed; call :meth:`reset` (or give input) to arm it again.
    """

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last = time.monotonic()
        self._fired = False
        self._timeout = 0.0
        self._listening = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: float) -> None:
        self._timeout = max(0.0, float(minutes)) * 60
        self.reset()
        if self._timeout:
            # Check often enough to lock within a few seconds of the deadline, rarely enough to cost nothing.
            self._timer.start(int(min(5.0, max(0.05, self._timeout / 4)) * 1000))
            self._listen(True)
        else:
            self._timer.stop()
            self._listen(False)

    def reset(self) -> None:
        self._last = time.monotonic()
        self._fired = False

    def stop(self) -> None:
        self._timer.stop()
        self._listen(False)

    def _listen(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self._listening:
            return
        self._listening = on
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.reset()
            self._listen(False)  # until the next check: no Python call per event meanwhile
        return False

    def _check(self) -> None:
        if not self._listening:  # input was seen since the last check; from now on, listen again
            self.reset()
            self._listen(True)
            return
        if self._timeout and not self._fired and time.monotonic() - self._last >= self._timeout:
            self._fired = True
            self.idle.emit()
