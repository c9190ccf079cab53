"""Tugas: the list of what waits for the signed-in person (services.task_inbox_service); Enter or a
double click opens the page that deals with an item.

``InboxPage(parent=None)``; the main window fills it with :meth:`InboxPage.set_items` (loaded off
the GUI thread) and opens what :attr:`InboxPage.item_activated` names.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from kinerja_desktop.services.task_inbox_service import InboxItem
from kinerja_desktop.ui.form_support.roles import ObjectRole

COL_TASK, COL_WHO, COL_DETAIL = range(3)


class InboxModel(QAbstractTableModel):
    """One row per :class:`InboxItem`; ``ObjectRole`` gives the item."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[InboxItem] = []

    def set_items(self, items: list[InboxItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> InboxItem:
        return self._items[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (item.title, item.who or "—", item.detail)[index.column()]
        if role == ObjectRole:
            return item
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("Tugas"), self.tr("Pegawai"), self.tr("Keterangan"))[section]
        return None


class InboxPage(QWidget):
    """Signals: item_activated(object) — an :class:`InboxItem` to open."""

    item_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tugas"))
        self.setObjectName("inboxPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.summary = QLabel(self.tr("Memuat tugas…"), self)
        self.summary.setObjectName("inboxSummary")
        self.summary.setStyleSheet("font-size: 12pt; font-weight: bold;")
        layout.addWidget(self.summary)
        hint = QLabel(self.tr("Tekan Enter atau klik dua kali untuk membuka halaman yang menyelesaikan tugas itu."),
                      self)
        hint.setStyleSheet("color: #5f6368;")
        layout.addWidget(hint)
        self.model = InboxModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("inboxTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TASK, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_WHO, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)

    def set_items(self, items: list[InboxItem]) -> None:
        self.model.set_items(items)
        self.summary.setText(self.tr("{0} tugas menunggu Anda").format(len(items)) if items
                             else self.tr("Tidak ada tugas yang menunggu Anda."))
        if items and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def open_current(self) -> None:
        self._activated(self.table.currentIndex())

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.item_activated.emit(self.model.item(index.row()))
