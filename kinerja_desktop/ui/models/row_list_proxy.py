"""A flat proxy that shows a list of source rows in a chosen order.

QSortFilterProxyModel sorts and filters through Python callbacks per row pair, which took
seconds on 20,000 employees. Subclasses compute ``self._order`` (the visible source rows, in
display order) with plain Python over prepared data and reset the model; this base class maps
indexes both ways and forwards data and headers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QPersistentModelIndex, Qt

_ROOT = QModelIndex()


class RowListProxy(QAbstractProxyModel):
    """Flat proxy over ``self._order``; call :meth:`_order_changed` after replacing the list."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._order: list[int] = []
        self._pos: dict[int, int] | None = None

    def _order_changed(self) -> None:
        """Forget the reverse mapping (rebuilt lazily on the next mapFromSource)."""
        self._pos = None

    def _proxy_row(self, source_row: int) -> int:
        if self._pos is None:
            self._pos = {r: n for n, r in enumerate(self._order)}
        return self._pos.get(source_row, -1)

    def source_row(self, proxy_row: int) -> int:
        return self._order[proxy_row]

    def mapToSource(self, proxy_index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        src = self.sourceModel()
        if src is None or not proxy_index.isValid() or proxy_index.row() >= len(self._order):
            return QModelIndex()
        return src.index(self._order[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = self._proxy_row(source_index.row())
        return self.createIndex(row, source_index.column()) if row >= 0 else QModelIndex()

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:
        if parent.isValid() or not 0 <= row < len(self._order) or not 0 <= column < self.columnCount():
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: Any = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        return QModelIndex()

    def sibling(self, row: int, column: int, index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        return self.index(row, column)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        src = self.sourceModel()
        return 0 if parent.isValid() or src is None else src.columnCount()

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and bool(self._order)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._order):
            return None
        src = self.sourceModel()
        return src.data(src.index(self._order[index.row()], index.column()), role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        src = self.sourceModel()
        if src is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return src.headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._order):
            return str(section + 1)
        return None
