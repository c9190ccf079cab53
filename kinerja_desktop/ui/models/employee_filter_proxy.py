"""Search-as-you-type and sorting over the employee list, fast enough for 20,000 rows.

Why not QSortFilterProxyModel: with a Python source model it asks ``data()`` once per
comparison when sorting (measured here: 5.1 s to sort 20,000 rows, 6.8 s to clear a
filter with a sort column set). This proxy keeps the view order as a Python list of source
rows and filters with the source's precomputed search keys: a keystroke costs a few
milliseconds plus the view's reset. It is still a proxy (QAbstractProxyModel), so views,
selection mapping and qtmodeltester work as usual.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal

from kinerja_desktop.ui.models.row_list_proxy import RowListProxy

_ROOT = QModelIndex()


def tokens_of(text: str) -> tuple[str, ...]:
    """Search tokens: whitespace-separated, case-folded; every token must match."""
    return tuple(text.casefold().split())


class EmployeeFilterProxy(RowListProxy):
    """Filters by search text (name, NIP, jabatan) and by unit; sorts by any column.

    The source must offer ``search_keys()``, ``unit_ids()`` and ``sort_keys(column)`` (as
    :class:`~kinerja_desktop.ui.models.employee_table_model.EmployeeTableModel` does).

    Signals:
        filter_applied(int shown, int total): after every change of the visible rows.
    """

    filter_applied = Signal(int, int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._order: list[int] = []
        self._sorted_all: list[int] | None = None
        self._pos: Any = None  # list: source row -> proxy row (faster than a dict at 20,000)
        self._text = ""
        self._tokens: tuple[str, ...] = ()
        self._units: frozenset[str] | None = None
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._connections: list[Any] = []

    # ------------------------------------------------------------------ source

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # type: ignore[override]
        self.beginResetModel()
        old = self.sourceModel()
        if old is not None:
            for signal, slot in self._connections:
                signal.disconnect(slot)
        self._connections = []
        super().setSourceModel(model)
        if model is not None:
            for signal, slot in (
                (model.modelAboutToBeReset, self.beginResetModel),
                (model.modelReset, self._source_reset),
                (model.layoutChanged, self._source_layout_changed),
                (model.rowsInserted, self._source_layout_changed),
                (model.rowsRemoved, self._source_layout_changed),
                (model.dataChanged, self._source_data_changed),
            ):
                signal.connect(slot)
                self._connections.append((signal, slot))
        self._sorted_all = None
        self._order = self._compute(None)
        self._pos = None
        self.endResetModel()

    def _source_reset(self) -> None:
        self._sorted_all = None
        self._order = self._compute(None)
        self._pos = None
        self.endResetModel()
        self.filter_applied.emit(len(self._order), self._source_rows())

    def _source_layout_changed(self, *args: Any) -> None:
        self.beginResetModel()
        self._source_reset()

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Any = ()) -> None:
        if self._order:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._order) - 1, last), roles)

    def _source_rows(self) -> int:
        src = self.sourceModel()
        return src.rowCount() if src is not None else 0

    # ------------------------------------------------------------------ filtering

    def filter_text(self) -> str:
        return self._text

    def set_filter_text(self, text: str) -> None:
        """Show only rows whose name, NIP or jabatan contain every word of ``text``."""
        tokens = tokens_of(text)
        if tokens == self._tokens:
            self._text = text
            return
        narrowing = bool(self._tokens) and text.casefold().startswith(self._text.casefold())
        self._text, self._tokens = text, tokens
        self._refilter(self._order if narrowing else None)

    def set_unit_filter(self, unit_ids: Iterable[str] | None) -> None:
        """Show only employees of these units (None: every unit)."""
        units = frozenset(unit_ids) if unit_ids is not None else None
        if units == self._units:
            return
        self._units = units
        self._refilter(None)

    def unit_filter(self) -> frozenset[str] | None:
        return self._units

    def _refilter(self, base: list[int] | None) -> None:
        self.beginResetModel()
        self._order = self._compute(base)
        self._pos = None
        self.endResetModel()
        self.filter_applied.emit(len(self._order), self._source_rows())

    def _compute(self, base: list[int] | None) -> list[int]:
        src = self.sourceModel()
        if src is None:
            return []
        if base is None:
            base = self._all_in_order()
            if self._units is not None:
                units = self._units
                unit_of = src.unit_ids()
                base = [r for r in base if unit_of[r] in units]
        if self._tokens:
            keys = src.search_keys()
            for token in self._tokens:
                base = [r for r in base if token in keys[r]]
        return list(base)

    def _all_in_order(self) -> list[int]:
        if self._sorted_all is None:
            n = self._source_rows()
            rows = list(range(n))
            if self._sort_column >= 0 and n:
                keys = self.sourceModel().sort_keys(self._sort_column)
                rows.sort(key=keys.__getitem__, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
            self._sorted_all = rows
        return self._sorted_all

    # ------------------------------------------------------------------ sorting

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        src = self.sourceModel()
        if src is None or column >= src.columnCount():
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_source = [self._order[p.row()] if 0 <= p.row() < len(self._order) else -1 for p in old_persistent]
        self._sort_column, self._sort_order = column, order
        self._sorted_all = None
        if column >= 0 and self._order:
            keys = src.sort_keys(column)
            self._order.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        self._pos = None
        if old_persistent:
            new = []
            for p, s in zip(old_persistent, old_source, strict=True):
                row = self._proxy_row(s) if s >= 0 else -1
                new.append(self.index(row, p.column()) if row >= 0 else QModelIndex())
            self.changePersistentIndexList(old_persistent, new)
        self.layoutChanged.emit()

    def sort_column(self) -> int:
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    # ------------------------------------------------------------------ mapping

    def _proxy_row(self, source_row: int) -> int:
        if self._pos is None:
            pos = [-1] * self._source_rows()
            for i, r in enumerate(self._order):
                pos[r] = i
            self._pos = pos
        return self._pos[source_row] if 0 <= source_row < len(self._pos) else -1
