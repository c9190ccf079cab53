"""Python's cycle collector, run in the GUI thread only, once work runs in other threads.

CPython runs its cycle collector in whichever thread happens to allocate past the threshold.
Widgets, models and timers that end up in a reference cycle (a slot closure holding its widget,
a model and its proxy holding each other) are freed by that collector, so with worker threads
busy building SQL or merging changes, a window closed a moment ago could have its C++ objects
destroyed in a worker thread while the GUI thread uses their parents: the test suite met exactly
that as a segmentation fault. Qt objects must die in their own thread, so once the first worker
starts (:func:`kinerja_desktop.ui.workers.thread_pool`) the automatic collector is switched off
and a timer in the GUI thread collects the generations that are due, by the same thresholds
(including the larger one a large pull sets, see ``sync.engine._fewer_collections``). A process
with no worker threads (the command line) keeps Python's own collector.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

#: How often the GUI thread looks whether a generation is due (the look itself costs microseconds).
CHECK_INTERVAL_MS = 200

_installed: list[GuiThreadCollector] = []


class _LongLived:
    """CPython's guard against quadratic full collections, which ``gc`` does not expose: the oldest
    generation is collected only when the objects promoted into it since its last collection are
    at least a quarter of those that survived that collection (a full collection of the 20,000-person
    office's main window walks about 160,000 objects, 80-170 ms of a frozen window)."""

    total = 0  # objects in the oldest generation after its last collection
    pending = 0  # objects promoted into it since


def collect_due() -> int:
    """Collect the generations Python's own collector would collect now; the number of objects freed.

    As CPython decides: the young generation when more new objects than its threshold are tracked, an
    older one when the younger was collected more times than that generation's threshold, and the oldest
    only when :class:`_LongLived` allows it.
    """
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return 0
    generation = 0
    while generation < 2 and counts[generation + 1] > thresholds[generation + 1]:
        generation += 1
    if generation == 2 and _LongLived.pending < _LongLived.total // 4:
        generation = 1
    if generation == 2:
        freed = gc.collect(2)
        _LongLived.total, _LongLived.pending = len(gc.get_objects(2)), 0
        return freed
    young = len(gc.get_objects(0)) + (len(gc.get_objects(1)) if generation == 1 else 0)
    freed = gc.collect(generation)
    if generation == 1:
        _LongLived.pending += max(0, young - freed)  # the survivors moved to the oldest generation
    return freed


class GuiThreadCollector(QObject):
    """Owns the timer; :func:`install` makes the one instance."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(collect_due)
        self._timer.start()
        gc.disable()
        self.destroyed.connect(_enable_again)  # the application ended: back to Python's own collector


def _enable_again() -> None:
    _installed.clear()
    gc.enable()


def install() -> GuiThreadCollector | None:
    """Move cycle collection to the GUI thread (idempotent). Call it from the GUI thread; without a
    Qt application, or from another thread, nothing changes and None is returned."""
    app = QCoreApplication.instance()
    if app is None or not QThread.currentThread().isMainThread():
        return None
    if not _installed:
        _installed.append(GuiThreadCollector(app))
    return _installed[0]


def uninstall() -> None:
    """Give collection back to Python (all threads), after one collection here (tests use it)."""
    while _installed:
        collector = _installed.pop()
        collector._timer.stop()
        collector.setParent(None)
        collector.deleteLater()
    gc.enable()
    gc.collect()


def installed() -> bool:
    return bool(_installed)
