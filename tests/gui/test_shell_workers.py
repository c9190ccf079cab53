"""Background tasks: results, service errors, cancel, progress, and the status-bar panel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QWidget

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.ui.task_panel import TaskPanel
from kinerja_desktop.ui.workers import Cancelled, TaskContext, TaskManager, run_task, wait_for_tasks

# The offscreen platform warns when a shown window's size hints change; it means nothing here.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_result_arrives_in_the_gui_thread(qtbot) -> None:
    """The function runs in a worker; succeeded and finished are delivered in the GUI thread."""
    seen: dict[str, object] = {}

    def work(ctx: TaskContext, a: int, b: int) -> int:
        seen["worker"] = threading.current_thread() is threading.main_thread()
        return a + b

    task = run_task(work, 2, 3, title="jumlah")
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.succeeded.connect(lambda r: seen.update(result=r, gui=QThread.currentThread().isMainThread()))
    assert seen == {"worker": False, "result": 5, "gui": True}
    assert task.state == "succeeded" and task.result == 5


def test_service_error_message_is_passed_as_is(qtbot) -> None:
    def work(ctx: TaskContext) -> None:
        raise ValidationError("Nama instansi wajib diisi.", field="Nama instansi")

    task = run_task(work)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert blocker.args == ["Nama instansi wajib diisi."]
    assert isinstance(task.error, ValidationError) and task.error.field == "Nama instansi"


def test_unexpected_error_gets_a_sentence(qtbot, caplog: pytest.LogCaptureFixture) -> None:
    def work(ctx: TaskContext) -> None:
        raise OSError("disk penuh")

    task = run_task(work)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    # A sentence with what to do; the exception's own text goes to the log and "Salin rincian" only.
    assert blocker.args[0].startswith("Terjadi kesalahan yang tidak terduga.") and "disk penuh" not in blocker.args[0]
    assert "disk penuh" in caplog.text


def test_cancel_stops_at_the_next_check(qtbot) -> None:
    """cancel() sets a flag; the task ends as cancelled at its next check_cancelled()."""
    started = threading.Event()
    release = threading.Event()

    def work(ctx: TaskContext) -> str:
        started.set()
        release.wait(5)
        ctx.check_cancelled()
        return "selesai"

    task = run_task(work)
    assert started.wait(5)
    task.cancel()
    release.set()
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        pass
    assert task.state == "cancelled" and task.result is None


def test_progress_is_throttled_but_the_last_step_arrives(qtbot) -> None:
    def work(ctx: TaskContext) -> None:
        for i in range(1, 2001):
            ctx.progress(i, 2000, "Menghitung")

    task = run_task(work)
    steps: list[tuple[int, int, str]] = []
    task.progressed.connect(lambda d, t, label: steps.append((d, t, label)))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert steps[-1] == (2000, 2000, "Menghitung")
    assert len(steps) < 100


def test_task_panel_shows_progress_and_cancels(qtbot) -> None:
    """The status-bar panel appears while a task runs; its Batal button cancels it."""
    manager = TaskManager()
    host = QWidget()
    qtbot.addWidget(host)
    panel = TaskPanel(manager, host)
    host.show()
    assert panel.isHidden()
    gate = threading.Event()

    def work(ctx: TaskContext) -> None:
        ctx.progress(1, 4, "Langkah satu")
        gate.wait(5)
        ctx.check_cancelled()

    task = manager.start(work, title="Impor daftar pegawai")
    assert panel.isVisible()
    qtbot.waitUntil(lambda: panel.bar.value() == 1, timeout=5000)
    assert panel.label.text() == "Impor daftar pegawai: Langkah satu"
    assert panel.bar.maximum() == 4
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert task.state == "cancelled"
    assert panel.isHidden()
    assert wait_for_tasks(5000)


def test_cancelled_is_an_exception_tasks_may_raise(qtbot) -> None:
    def work(ctx: TaskContext) -> None:
        raise Cancelled

    task = run_task(work)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        pass


def test_a_result_for_a_deleted_window_is_dropped(qtbot) -> None:
    """The window that started a task closes before it ends: nothing is delivered, nothing crashes."""
    owner = QWidget()
    manager = TaskManager(owner)
    gate = threading.Event()
    delivered: list[object] = []

    def work(ctx: TaskContext) -> str:
        gate.wait(5)
        return "terlambat"

    task = manager.start(work, title="lambat")
    task.succeeded.connect(delivered.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(manager), timeout=5000)
    gate.set()
    assert wait_for_tasks(5000)
    qtbot.waitUntil(lambda: task.state == "succeeded", timeout=5000)
    assert delivered == []
