"""Qt objects freed by the cycle collector are freed in the GUI thread, even while workers allocate."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QObject

from kinerja_desktop.ui import collector
from kinerja_desktop.ui.workers import TaskContext, run_task


class _Witness:
    """Sits in a reference cycle with a QObject and notes the thread that freed the cycle."""

    freed_in: list[int] = []

    def __init__(self) -> None:
        self.qobject = QObject()
        self.qobject.witness = self  # the cycle: only the cycle collector frees it

    def __del__(self) -> None:
        _Witness.freed_in.append(threading.get_ident())


def _busy(ctx: TaskContext) -> list[list[int]]:
    """What a worker does to the collector: allocate many container objects (as building SQL does),
    and return some of them (as a query's rows), so that a collection is due afterwards too."""
    for _ in range(20):
        batch = [[i] for i in range(20_000)]
    return batch


@pytest.fixture
def witnesses():
    _Witness.freed_in.clear()
    yield _Witness.freed_in
    _Witness.freed_in.clear()


def test_a_cycle_holding_a_qobject_is_freed_in_the_gui_thread_while_a_worker_allocates(qtbot, witnesses) -> None:
    warm = run_task(_busy)  # the first task moves the collector to this thread
    qtbot.waitSignal(warm.finished, timeout=10_000).wait()
    gc.collect()
    for _ in range(5):
        _Witness()
    assert gc.get_count()[0] > 0 and not witnesses
    task = run_task(_busy)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert len(task.result) == 20_000
    qtbot.waitUntil(lambda: len(witnesses) == 5, timeout=5_000)  # the GUI thread's timer collected them
    assert set(witnesses) == {threading.main_thread().ident}
    assert not gc.isenabled()  # no other thread collects


def test_collect_due_follows_the_thresholds(qtbot, witnesses) -> None:
    collector.install()
    before = gc.get_threshold()
    try:
        gc.collect()
        witnesses.clear()
        gc.set_threshold(1_000_000, *before[1:])  # as a large pull raises it
        _Witness()
        assert collector.collect_due() == 0 and not witnesses
        gc.set_threshold(1, *before[1:])
        assert collector.collect_due() > 0 and len(witnesses) == 1
    finally:
        gc.set_threshold(*before)


def test_outside_the_gui_thread_nothing_is_installed(qtbot) -> None:
    collector.install()
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(collector.install()))
    worker.start()
    worker.join()
    assert result == [None]
    assert collector.installed()


def _make_every_generation_due() -> list[list[int]]:
    """With thresholds of 1: two passes over the middle generation, two over the young, new objects."""
    for generation in (1, 1, 0, 0):
        gc.collect(generation)
    return [[] for _ in range(10)]


def test_the_oldest_generation_waits_for_a_quarter_more_long_lived_objects(qtbot) -> None:
    """As CPython does: no full collection (every object walked) until enough survivors were added."""
    collector.install()
    before = gc.get_threshold()
    saved = (collector._LongLived.total, collector._LongLived.pending)

    def full_collections() -> int:
        return gc.get_stats()[2]["collections"]

    try:
        gc.set_threshold(1, 1, 1)  # every generation due on every look
        young = _make_every_generation_due()
        collector._LongLived.total, collector._LongLived.pending = 1_000_000, 1_000
        full = full_collections()
        collector.collect_due()
        assert full_collections() == full  # the middle generation was collected instead
        assert collector._LongLived.pending > 1_000  # and its survivors counted
        collector._LongLived.pending = 250_000
        young += _make_every_generation_due()
        collector.collect_due()
        assert full_collections() == full + 1
        assert collector._LongLived.pending == 0 and collector._LongLived.total == len(gc.get_objects(2))
    finally:
        gc.set_threshold(*before)
        collector._LongLived.total, collector._LongLived.pending = saved
