"""Column widths as shares of the view's width, so a form reads well both full-screen at
1366x768 and inside the narrower tab of the main window."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView


class ProportionalColumns(QObject):
    """Keeps ``view``'s columns at ``shares`` of the viewport width (columns not listed keep theirs).

    Shares are relative weights; ``minimum`` is the narrowest any column becomes.
    """

    def __init__(self, view: QAbstractItemView, shares: Sequence[float], *, minimum: int = 40) -> None:
        super().__init__(view)
        self._view = view
        self._shares = list(shares)
        self._minimum = minimum
        header: QHeaderView = view.horizontalHeader() if hasattr(view, "horizontalHeader") else view.header()
        header.setStretchLastSection(False)
        for column in range(len(self._shares)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.apply)
        view.viewport().installEventFilter(self)
        self.apply()

    def set_shares(self, shares: Sequence[float]) -> None:
        self._shares = list(shares)
        self.apply()

    def apply(self) -> None:
        width = self._view.viewport().width()
        total = sum(self._shares)
        if width <= 0 or total <= 0:
            return
        used = 0
        last = len(self._shares) - 1
        for column, share in enumerate(self._shares):
            size = width - used if column == last else max(self._minimum, int(width * share / total))
            self._view.setColumnWidth(column, max(self._minimum, size))
            used += size

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False
