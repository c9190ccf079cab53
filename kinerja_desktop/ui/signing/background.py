"""Run one slow call (key generation, signing) off the GUI thread and get the answer back in it.

A small stand-alone helper so the signing dialogs work on their own; the main window's task
manager (``ui/workers.py``) can be passed in instead through the dialogs' ``runner`` argument.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

#: ``runner(fn, on_done, on_error)``: call ``fn()`` somewhere, then ``on_done(result)`` or ``on_error(message)``
#: in the GUI thread.
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[str], None]], None]


class _Bridge(QObject):
    """Lives in the GUI thread; the worker emits, the slots run queued in the GUI thread."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[str], None]) -> None:
        super().__init__()
        self._on_done, self._on_error = on_done, on_error
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_done(self, result: Any) -> None:
        _alive.discard(self)
        self._on_done(result)

    @Slot(str)
    def _deliver_error(self, message: str) -> None:
        _alive.discard(self)
        self._on_error(message)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], bridge: _Bridge) -> None:
        super().__init__()
        self._fn, self._bridge = fn, bridge

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # every failure reaches the GUI as a message
            if any(cls.__name__ == "KinerjaError" for cls in type(exc).__mro__):
                self._bridge.failed.emit(str(exc))
            else:
                self._bridge.failed.emit(f"Terjadi kesalahan tak terduga: {exc or type(exc).__name__}")
        else:
            self._bridge.done.emit(result)


_alive: set[_Bridge] = set()


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[str], None]) -> None:
    """Default :data:`Runner`: the global thread pool; callbacks run in the GUI thread."""
    bridge = _Bridge(on_done, on_error)
    _alive.add(bridge)
    QThreadPool.globalInstance().start(_Job(fn, bridge))


def wait_for_background(timeout_ms: int = 30_000) -> bool:
    """For tests and shutdown: block until the pool is idle."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
