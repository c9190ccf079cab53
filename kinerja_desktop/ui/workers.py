"""Background work for the GUI: run a function off the GUI thread, with progress, cancel and result.

Every slow call (opening the database, loading 20,000 rows, building the demo office,
importing a roster, printing a batch, signing, syncing) goes through this module so the
GUI thread never blocks for more than a few milliseconds.

Writing a task
--------------
A task is a plain function whose first argument is a :class:`TaskContext`::

    def build(ctx: TaskContext, db, employees: int) -> DemoSummary:
        def report(stage: str, done: int, total: int) -> None:
            ctx.check_cancelled()               # raises Cancelled when the user pressed "Batal"
            ctx.progress(done, total, stage)    # thread-safe and throttled; call as often as you like
        return build_demo(db, employees=employees, progress=report)

The function runs in a worker thread: it must not touch widgets or Qt models. It may call
services (each opens its own session) and return any object. Raising :class:`Cancelled`
(directly or through ``ctx.check_cancelled()``) ends it as cancelled; a service's
``KinerjaError`` ends it as failed with the service's Indonesian message.

Starting it
-----------
Through the main window's task manager, so it shows in the status bar with a progress bar
and a cancel button::

    task = main_window.tasks.start(build, db, 200, title=self.tr("Membuat kantor demo"))
    task.succeeded.connect(self._on_built)        # (result: object)
    task.failed.connect(self._on_failed)          # (message: str) — show it as-is
    task.cancelled.connect(...)                   # ()
    task.progressed.connect(...)                  # (done: int, total: int, label: str)
    task.finished.connect(...)                    # () always, after one of the three above

or without the status bar: ``run_task(fn, *args, title=..., owner=widget)``. Every signal is
emitted in the GUI thread, so slots may update widgets. A task that ends after its owner (the
task manager's window, or ``owner``) was deleted emits nothing, so late results never reach a
dead widget. A started task keeps itself alive until it has
finished; callers need not hold a reference. ``task.cancel()`` asks it to stop (cooperatively:
the function sees it at its next ``check_cancelled()``). ``task.error`` holds the exception of a
failed task (``None`` otherwise), ``task.result`` the returned value.

Tests wait with ``qtbot.waitSignal(task.finished)`` or ``wait_for_tasks()``.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from kinerja_desktop.ui import collector

#: Minimum interval between two progress signals of one task (seconds).
PROGRESS_INTERVAL = 0.05


class Cancelled(Exception):  # noqa: N818 - reads better at the raise site than CancelledError
    """Raised inside a task when the user cancelled it."""


class TaskContext:
    """What a task function gets: progress reporting and the cancel flag (thread-safe)."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self._cancel = threading.Event()
        self._last_emit = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        """Raise :class:`Cancelled` when cancel was requested."""
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, done: int, total: int = 0, label: str = "") -> None:
        """Report progress; ``total`` 0 means "unknown" (a busy indicator). Throttled."""
        now = time.monotonic()
        if now - self._last_emit >= PROGRESS_INTERVAL or (total and done >= total):
            self._last_emit = now
            self._task._progress_from_worker.emit(int(done), int(total), str(label))


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it (see Task._runnable); avoids a double delete
        self._task, self._fn, self._args, self._kwargs = task, fn, args, kwargs

    def run(self) -> None:
        task = self._task
        try:
            result = self._fn(task.context, *self._args, **self._kwargs)
        except Cancelled:
            task._done_from_worker.emit("cancelled", None)
        except Exception as exc:  # every failure must reach the GUI as a message
            if not _is_kinerja_error(exc):
                from kinerja_desktop.services.error_log import report  # lazily: logging costs ~5 ms of start-up

                report(exc, f"background task {task.title!r}", logger=__name__)
                with contextlib.suppress(AttributeError):
                    exc._kinerja_logged = True  # type: ignore[attr-defined]
            task._done_from_worker.emit("failed", exc)
        else:
            task._done_from_worker.emit("succeeded", result)


def _is_kinerja_error(exc: BaseException) -> bool:
    # Looked up by name so this module does not import the (heavier) domain at start-up.
    return any(cls.__name__ == "KinerjaError" for cls in type(exc).__mro__)


def error_message(exc: BaseException, context: str = "") -> str:
    """The message to show for an exception: a service's own text, or a plain Indonesian sentence.

    An unexpected error (not a ``KinerjaError``) is written to the log file once, and its technical
    detail is kept for the box that shows the message ("Salin rincian"); the user never sees it as text.
    """
    if _is_kinerja_error(exc):
        return str(exc)
    from kinerja_desktop.services.error_log import plain_message, report, technical_detail
    from kinerja_desktop.ui.shell_dialogs import remember_detail

    if getattr(exc, "_kinerja_logged", False):
        detail = technical_detail(exc, context)
    else:
        detail = report(exc, context)
        with contextlib.suppress(AttributeError):  # some built-in exceptions take no attributes
            exc._kinerja_logged = True  # type: ignore[attr-defined]
    message = plain_message(exc)
    remember_detail(message, detail)
    return message


_pools: list[QThreadPool] = []
_active: set[Task] = set()


def thread_pool() -> QThreadPool:
    """The pool all tasks run in (a private one, so waiting for it waits for tasks only).

    Made in the GUI thread, it also moves Python's cycle collector there (:mod:`.collector`):
    from now on other threads run Python code, and Qt objects must not be freed in them.
    """
    collector.install()  # idempotent; does nothing outside the GUI thread
    if not _pools:
        pool = QThreadPool()
        pool.setMaxThreadCount(4)
        pool.setObjectName("kinerja-tasks")
        _pools.append(pool)
    return _pools[0]


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    """Block until every worker thread is idle (for shutdown and tests); True when all ended."""
    return _pools[0].waitForDone(timeout_ms) if _pools else True


def active_tasks() -> list[Task]:
    return list(_active)


class Task(QObject):
    """One piece of background work. All public signals are emitted in the GUI thread.

    Signals:
        progressed(int done, int total, str label): throttled progress; total 0 = unknown.
        succeeded(object result): the function returned.
        failed(str message): the function raised; the message is ready to show.
        cancelled(): the function stopped after :meth:`cancel`.
        finished(): always last, after one of the three above.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    # Cross-thread carriers: emitted in the worker, delivered queued to slots of this GUI-thread object.
    _progress_from_worker = Signal(int, int, str)
    _done_from_worker = Signal(str, object)

    def __init__(self, fn: Callable[..., Any], *args: Any, title: str = "", cancellable: bool = True,
                 owner: QObject | None = None, **kwargs: Any) -> None:
        super().__init__()
        self.title = title
        self.cancellable = cancellable
        self._owner = owner
        self.context = TaskContext(self)
        self.result: Any = None
        self.error: BaseException | None = None
        self.state = "new"  # new, running, succeeded, failed, cancelled
        self.done, self.total, self.label = 0, 0, ""
        self._runnable = _Runnable(self, fn, args, kwargs)
        self._progress_from_worker.connect(self._on_progress)
        self._done_from_worker.connect(self._on_done)

    def start(self) -> Task:
        if self.state != "new":
            raise RuntimeError("a task starts only once")
        self.state = "running"
        _active.add(self)
        thread_pool().start(self._runnable)
        return self

    @property
    def running(self) -> bool:
        return self.state == "running"

    @Slot()
    def cancel(self) -> None:
        """Ask the task to stop; it ends with ``cancelled`` at its next check (or finishes normally)."""
        if self.cancellable:
            self.context._cancel.set()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, label: str) -> None:
        if self.state != "running":
            return
        self.done, self.total, self.label = done, total, label or self.label
        self.progressed.emit(done, total, self.label)

    @Slot(str, object)
    def _on_done(self, outcome: str, value: object) -> None:
        self.state = outcome
        if self._owner is not None and not shiboken6.isValid(self._owner):
            _active.discard(self)  # the window that asked is gone: nobody is left to tell
            return
        try:
            if outcome == "succeeded":
                self.result = value
                self.succeeded.emit(value)
            elif outcome == "failed":
                assert isinstance(value, BaseException)
                self.error = value
                self.failed.emit(error_message(value, self.title))
            else:
                self.cancelled.emit()
            self.finished.emit()
        finally:
            _active.discard(self)


def run_task(fn: Callable[..., Any], *args: Any, title: str = "", cancellable: bool = True,
             owner: QObject | None = None, **kwargs: Any) -> Task:
    """Start ``fn(ctx, *args, **kwargs)`` in a worker thread and return its :class:`Task`.

    With ``owner`` (e.g. the widget that shows the result), a task that ends after its owner was
    deleted emits nothing: the result is dropped instead of reaching a dead widget.
    """
    return Task(fn, *args, title=title, cancellable=cancellable, owner=owner, **kwargs).start()


class TaskManager(QObject):
    """Starts tasks on behalf of a window and tells the status bar about them.

    Signals:
        task_started(Task): a task was started through :meth:`start`.
        task_finished(Task): that task ended (any outcome).
    """

    task_started = Signal(object)
    task_finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[Task] = []

    def start(self, fn: Callable[..., Any], *args: Any, title: str = "", cancellable: bool = True,
              **kwargs: Any) -> Task:
        """Start a task shown in the status bar (see the module docstring)."""
        task = Task(fn, *args, title=title, cancellable=cancellable, owner=self, **kwargs)
        self._tasks.append(task)
        task.finished.connect(self._task_done)
        task.start()
        self.task_started.emit(task)
        return task

    @Slot()
    def _task_done(self) -> None:
        task = self.sender()
        if isinstance(task, Task):
            self._forget(task)

    def _forget(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        self.task_finished.emit(task)

    def running(self) -> list[Task]:
        return [t for t in self._tasks if t.running]

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()
