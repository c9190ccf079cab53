"""Progress of a unit's employees for a period: approved SKP, evaluation, predikat."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from kinerja_desktop.domain.penilaian import Predikat
from kinerja_desktop.services.evaluation_service import STATUS_LABELS as EVAL_LABELS
from kinerja_desktop.services.plan_service import STATUS_LABELS as PLAN_LABELS
from kinerja_desktop.services.query_service import EmployeeRow
from kinerja_desktop.ui.form_support.roles import KindRole, ObjectRole, SortRole

_ROOT = QModelIndex()

COL_NAME, COL_NIP, COL_JABATAN, COL_UNIT, COL_PLAN, COL_EVAL, COL_PREDIKAT = range(7)
HEADERS = ("Nama", "NIP", "Jabatan", "Unit Kerja", "SKP", "Evaluasi", "Predikat")

_PREDIKAT_RANK = {p.value: n for n, p in enumerate(Predikat)}

#: Filter keys of :class:`ProgressFilterProxy`.
FILTER_ALL, FILTER_NO_APPROVED_PLAN, FILTER_NOT_EVALUATED = "all", "no_plan", "not_evaluated"


def plan_done(row: EmployeeRow) -> bool:
    return row.plan_status == "APPROVED"


def evaluated(row: EmployeeRow) -> bool:
    return row.eval_status in ("FINAL", "SIGNED")


class UnitProgressModel(QAbstractTableModel):
    """One row per employee (EmployeeRow from query_service)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EmployeeRow] = []
        self.search_keys: list[str] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[EmployeeRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.search_keys = [" ".join((r.name, r.nip or "", r.jabatan, r.unit_name)).casefold() for r in self._rows]
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves with Python keys (a proxy comparing through data() takes
        seconds for 20,000 rows); the proxy forwards its sort() here."""
        if not 0 <= column < len(HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_rows = [self._rows[i.row()] if i.isValid() else None for i in old]
        self._sort_rows(column, order)
        position = {id(r): n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old, [self.index(position[id(r)], i.column()) if r is not None else QModelIndex()
                  for i, r in zip(old, old_rows, strict=True)])
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._sort = (column, order)
        keyed = sorted(zip((self._sort_key(r, column) for r in self._rows), range(len(self._rows)), self._rows,
                           self.search_keys, strict=True),
                       key=lambda t: t[0], reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [t[2] for t in keyed]
        self.search_keys = [t[3] for t in keyed]

    def row_object(self, row: int) -> EmployeeRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def _display(self, r: EmployeeRow, column: int) -> str:
        if column == COL_NAME:
            return r.name
        if column == COL_NIP:
            return r.nip
        if column == COL_JABATAN:
            return r.jabatan
        if column == COL_UNIT:
            return r.unit_name
        if column == COL_PLAN:
            if r.plan_status is None:
                return "Belum ada"
            return ("✓ " if plan_done(r) else "") + PLAN_LABELS.get(r.plan_status, r.plan_status)
        if column == COL_EVAL:
            status = r.eval_status or "BELUM"
            return ("✓ " if evaluated(r) else "") + EVAL_LABELS.get(status, status)
        return Predikat(r.predikat).label if r.predikat else "—"

    def _sort_key(self, r: EmployeeRow, column: int) -> Any:
        if column == COL_PLAN:  # none, in progress, approved
            return 2 if plan_done(r) else (1 if r.plan_status else 0)
        if column == COL_EVAL:
            return 2 if evaluated(r) else (1 if r.eval_status else 0)
        if column == COL_PREDIKAT:
            return _PREDIKAT_RANK.get(r.predikat or "", len(_PREDIKAT_RANK))
        return self._display(r, column).casefold()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == SortRole:
            return self._sort_key(r, column)
        if role == ObjectRole:
            return r
        if role == KindRole:
            return "employee"
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_PLAN and not plan_done(r):
                return QBrush(QColor("#a4480d"))
            if column == COL_EVAL and not evaluated(r):
                return QBrush(QColor("#a4480d"))
            if column in (COL_PLAN, COL_EVAL):
                return QBrush(QColor("#137333"))
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class ProgressFilterProxy(QSortFilterProxyModel):
    """Search by name, NIP, jabatan or unit, and show everyone / no approved SKP / not yet evaluated.

    Sorting is forwarded to the source model (see :meth:`UnitProgressModel.sort`), so the
    proxy only filters, with precomputed search keys.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tokens: tuple[str, ...] = ()
        self._mode = FILTER_ALL
        self.setDynamicSortFilter(False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, UnitProgressModel):
            model.sort(column, order)
        else:  # pragma: no cover - only used over UnitProgressModel
            super().sort(column, order)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._tokens = tuple(text.casefold().split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_mode(self, mode: str) -> None:
        self.beginFilterChange()
        self._mode = mode
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, UnitProgressModel):
            return True
        if self._mode != FILTER_ALL:
            r = model.row_object(source_row)
            if self._mode == FILTER_NO_APPROVED_PLAN and plan_done(r):
                return False
            if self._mode == FILTER_NOT_EVALUATED and evaluated(r):
                return False
        if self._tokens:
            key = model.search_keys[source_row]
            return all(token in key for token in self._tokens)
        return True
