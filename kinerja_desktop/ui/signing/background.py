"""How the signing dialogs run slow calls (key generation, PKCS#12 decryption, signing).

A :data:`Runner` is ``runner(fn, on_done, on_error)``: call ``fn()`` off the GUI thread, then
``on_done(result)`` or ``on_error(message)`` in the GUI thread. The default starts a
:class:`~kinerja_desktop.ui.workers.Task`; :func:`task_manager_runner` routes the work through
a main window's task manager so it shows in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kinerja_desktop.ui.workers import Task, TaskManager

Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[str], None]], None]
TITLE = QT_TRANSLATE_NOOP("background", "Tanda tangan elektronik")


def _connect(task: Task, on_done: Callable[[Any], None], on_error: Callable[[str], None]) -> Task:
    task.succeeded.connect(on_done)
    task.failed.connect(on_error)
    return task


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[str], None]) -> None:
    """Default :data:`Runner`: a worker task of its own."""
    _connect(
        Task(lambda _ctx: fn(), title=QCoreApplication.translate("background", TITLE), cancellable=False),
        on_done,
        on_error,
    ).start()


def task_manager_runner(manager: TaskManager) -> Runner:
    """A :data:`Runner` whose work shows in the main window's status bar."""

    def run(fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[str], None]) -> None:
        task = manager.start(
            lambda _ctx: fn(), title=QCoreApplication.translate("background", TITLE), cancellable=False
        )
        _connect(task, on_done, on_error)

    return run
