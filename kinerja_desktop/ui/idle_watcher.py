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

    Signals:
        idle(): the idle time passed; call :meth:`reset` (or give input) to arm it again.
    """

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last = time.monotonic()
        self._fired = False
        self._timeout = 0.0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: float) -> None:
        self._timeout = max(0.0, float(minutes)) * 60
        self.reset()
        if self._timeout:
            # Check often enough to lock within a few seconds of the deadline, rarely enough to cost nothing.
            self._timer.start(int(min(5.0, max(0.05, self._timeout / 4)) * 1000))
        else:
            self._timer.stop()

    def reset(self) -> None:
        self._last = time.monotonic()
        self._fired = False

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last = time.monotonic()
            self._fired = False
        return False

    def _check(self) -> None:
        if self._timeout and not self._fired and time.monotonic() - self._last >= self._timeout:
            self._fired = True
            self.idle.emit()
