"""Status-bar area for background work: what runs, how far it is, and a cancel button."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from kinerja_desktop.ui.workers import Task, TaskManager


class TaskPanel(QWidget):
    """Shows the most recent running task of a :class:`TaskManager`; hidden when idle."""

    def __init__(self, manager: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._manager = manager
        self._shown: Task | None = None
        self.label = QLabel(self)
        self.label.setObjectName("taskLabel")
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(160)
        self.bar.setMaximumHeight(16)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("taskCancelButton")
        self.cancel_button.setText(self.tr("Batal"))
        self.cancel_button.setToolTip(self.tr("Batalkan pekerjaan latar belakang"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self._cancel)
        manager.task_started.connect(self._follow)
        manager.task_finished.connect(self._finished)
        self.hide()

    @Slot(object)
    def _follow(self, task: Task) -> None:
        if self._shown is not None:
            self._shown.progressed.disconnect(self._progress)
        self._shown = task
        task.progressed.connect(self._progress)
        self.cancel_button.setEnabled(task.cancellable)
        self.cancel_button.setVisible(task.cancellable)
        self._progress(task.done, task.total, task.label)
        self.show()

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, label: str) -> None:
        task = self._shown
        if task is None:
            return
        others = len(self._manager.running()) - 1
        text = task.title + (f": {label}" if label and label != task.title else "")
        if others > 0:
            text += self.tr(" (+{0} lainnya)").format(others)
        self.label.setText(text)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)  # busy indicator

    @Slot(object)
    def _finished(self, task: Task) -> None:
        if task is not self._shown:
            return
        task.progressed.disconnect(self._progress)
        self._shown = None
        running = self._manager.running()
        if running:
            self._follow(running[-1])
        else:
            self.hide()

    @Slot()
    def _cancel(self) -> None:
        if self._shown is not None:
            self._shown.cancel()
            self.label.setText(self.tr("Membatalkan {0}…").format(self._shown.title))
            self.cancel_button.setEnabled(False)
