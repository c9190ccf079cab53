"""Progress of a unit's employees for a period: approved SKP, evaluation, predikat.

Built for 20,000 rows: :func:`prepare_progress` (plain Python, run in the worker that loads
the rows) computes search keys, status flags and per-column sort keys, so the GUI thread only
swaps lists. Sorting permutes rows by precomputed keys; filtering is a list comprehension in
:class:`ProgressFilterProxy` (a QSortFilterProxyModel asks ``data()`` once per comparison and
``filterAcceptsRow`` once per row: seconds for an office).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from kinerja_desktop.domain.penilaian import Predikat
from kinerja_desktop.services.evaluation_service import STATUS_LABELS as EVAL_LABELS
from kinerja_desktop.services.plan_service import STATUS_LABELS as PLAN_LABELS
from kinerja_desktop.services.query_service import EmployeeRow
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.form_support.roles import KindRole, ObjectRole, SortRole
from kinerja_desktop.ui.models.row_list_proxy import RowListProxy

_ROOT = QModelIndex()

COL_NAME, COL_NIP, COL_JABATAN, COL_UNIT, COL_PLAN, COL_EVAL, COL_PREDIKAT = range(7)
HEADERS = (QT_TRANSLATE_NOOP("UnitProgressModel", "Nama"), "NIP", QT_TRANSLATE_NOOP("UnitProgressModel", "Jabatan"),
           QT_TRANSLATE_NOOP("UnitProgressModel", "Unit Kerja"), "SKP",
           QT_TRANSLATE_NOOP("UnitProgressModel", "Evaluasi"), QT_TRANSLATE_NOOP("UnitProgressModel", "Predikat"))

#: Filter keys of :class:`ProgressFilterProxy`.
FILTER_ALL, FILTER_NO_APPROVED_PLAN, FILTER_NOT_EVALUATED = "all", "no_plan", "not_evaluated"

_PREDIKAT_RANK = {p.value: n for n, p in enumerate(Predikat)}
_GOOD, _TODO = QBrush(QColor("#137333")), QBrush(QColor("#a4480d"))


def plan_done(row: EmployeeRow) -> bool:
    return row.plan_status == "APPROVED"


def evaluated(row: EmployeeRow) -> bool:
    return row.eval_status in ("FINAL", "SIGNED")


def plan_text(r: EmployeeRow) -> str:
    if r.plan_status is None:
        return QCoreApplication.translate("UnitProgressModel", "Belum ada")
    return ("✓ " if plan_done(r) else "") + tr_label(PLAN_LABELS.get(r.plan_status, r.plan_status))


def eval_text(r: EmployeeRow) -> str:
    status = r.eval_status or "BELUM"
    return ("✓ " if evaluated(r) else "") + tr_label(EVAL_LABELS.get(status, status))


def predikat_text(r: EmployeeRow) -> str:
    return tr_label(Predikat(r.predikat).label) if r.predikat else "—"


@dataclass
class ProgressTable:
    """Rows with everything the GUI needs precomputed (see :func:`prepare_progress`)."""

    rows: list[EmployeeRow] = field(default_factory=list)
    search_keys: list[str] = field(default_factory=list)
    plan_done: list[bool] = field(default_factory=list)
    evaluated: list[bool] = field(default_factory=list)
    sort_keys: dict[int, list[Any]] = field(default_factory=dict)

    @property
    def approved_count(self) -> int:
        return sum(self.plan_done)

    @property
    def evaluated_count(self) -> int:
        return sum(self.evaluated)


def prepare_progress(rows: list[EmployeeRow]) -> ProgressTable:
    """Precompute keys and flags (safe to run off the GUI thread: no Qt objects)."""
    done = [plan_done(r) for r in rows]
    final = [evaluated(r) for r in rows]
    keys: dict[int, list[Any]] = {
        COL_NAME: [r.name.casefold() for r in rows],
        COL_NIP: [r.nip or "" for r in rows],
        COL_JABATAN: [r.jabatan.casefold() for r in rows],
        COL_UNIT: [r.unit_name.casefold() for r in rows],
        COL_PLAN: [2 if d else (1 if r.plan_status else 0) for r, d in zip(rows, done, strict=True)],
        COL_EVAL: [2 if f else (1 if r.eval_status else 0) for r, f in zip(rows, final, strict=True)],
        COL_PREDIKAT: [_PREDIKAT_RANK.get(r.predikat or "", len(_PREDIKAT_RANK)) for r in rows],
    }
    search = [" ".join((r.name, r.nip or "", r.jabatan, r.unit_name)).casefold() for r in rows]
    return ProgressTable(list(rows), search, done, final, keys)


def sort_table(table: ProgressTable, column: int, order: Qt.SortOrder) -> ProgressTable:
    """``table`` with its rows (and every per-row list) in the order of one column's keys."""
    keys = table.sort_keys.get(column, [])
    perm = sorted(range(len(keys)), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
    return ProgressTable(
        [table.rows[i] for i in perm], [table.search_keys[i] for i in perm], [table.plan_done[i] for i in perm],
        [table.evaluated[i] for i in perm], {c: [k[i] for i in perm] for c, k in table.sort_keys.items()},
    )


class UnitProgressModel(QAbstractTableModel):
    """One row per employee (EmployeeRow from query_service)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = ProgressTable()
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[EmployeeRow]) -> None:
        self.set_table(prepare_progress(rows))

    @property
    def sort_state(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and order rows are kept in (None: as loaded)."""
        return self._sort

    def set_table(self, table: ProgressTable, *, sorted_by: tuple[int, Qt.SortOrder] | None = None) -> None:
        """Show ``table``; it is sorted here unless ``sorted_by`` says it already is (sorted in a worker)."""
        self.beginResetModel()
        if self._sort is not None and sorted_by != self._sort:
            table = sort_table(table, *self._sort)
        self.table = table
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by precomputed keys (the proxy forwards its sort() here)."""
        if not 0 <= column < len(HEADERS):
            return
        self._sort = (column, order)
        if not self.table.rows:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_rows = [id(self.table.rows[i.row()]) if i.isValid() else None for i in old]
        self.table = sort_table(self.table, column, order)
        if old:
            position = {id(r): n for n, r in enumerate(self.table.rows)}
            self.changePersistentIndexList(
                old, [self.index(position[r], i.column()) if r is not None else QModelIndex()
                      for i, r in zip(old, old_rows, strict=True)])
        self.layoutChanged.emit()

    # ------------------------------------------------------------------ model

    def row_object(self, row: int) -> EmployeeRow:
        return self.table.rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("UnitProgressModel", HEADERS[section])
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
            return plan_text(r)
        if column == COL_EVAL:
            return eval_text(r)
        return predikat_text(r)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.table.rows):
            return None
        row, column = index.row(), index.column()
        r = self.table.rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == SortRole:
            return self.table.sort_keys[column][row]
        if role == ObjectRole:
            return r
        if role == KindRole:
            return "employee"
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_PLAN:
                return _GOOD if self.table.plan_done[row] else _TODO
            if column == COL_EVAL:
                return _GOOD if self.table.evaluated[row] else _TODO
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class ProgressFilterProxy(RowListProxy):
    """Search by name, NIP, jabatan or unit, and show everyone / no approved SKP / not yet evaluated.

    Keeps the visible source rows as a list; sorting is forwarded to the source model.

    Signals:
        filter_applied(int shown, int total)
    """

    filter_applied = Signal(int, int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tokens: tuple[str, ...] = ()
        self._mode = FILTER_ALL

    def setSourceModel(self, model: UnitProgressModel) -> None:  # type: ignore[override]
        self.beginResetModel()
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self._begin_reset)
        model.modelReset.connect(self._finish_reset)
        model.layoutAboutToBeChanged.connect(self._begin_reset)
        model.layoutChanged.connect(self._finish_reset)
        model.dataChanged.connect(self._source_data_changed)
        self._order = self._compute()
        self._pos = None
        self.endResetModel()

    def _begin_reset(self, *_args: Any) -> None:
        self.beginResetModel()

    def _finish_reset(self, *_args: Any) -> None:
        self._order = self._compute()
        self._pos = None
        self.endResetModel()
        self.filter_applied.emit(len(self._order), self._total())

    def _total(self) -> int:
        model = self.sourceModel()
        return model.rowCount() if model is not None else 0

    def _source_data_changed(self, *_args: Any) -> None:
        if self._order:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._order) - 1, self.columnCount() - 1))

    # ------------------------------------------------------------------ filtering and sorting

    def set_search(self, text: str) -> None:
        tokens = tuple(text.casefold().split())
        if tokens != self._tokens:
            self._tokens = tokens
            self._refilter()

    def set_mode(self, mode: str) -> None:
        if mode != self._mode:
            self._mode = mode
            self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        self._finish_reset()

    def _compute(self) -> list[int]:
        model = self.sourceModel()
        if not isinstance(model, UnitProgressModel):
            return []
        t = model.table
        rows = range(len(t.rows))
        if self._mode == FILTER_NO_APPROVED_PLAN:
            rows = [r for r in rows if not t.plan_done[r]]
        elif self._mode == FILTER_NOT_EVALUATED:
            rows = [r for r in rows if not t.evaluated[r]]
        for token in self._tokens:
            keys = t.search_keys
            rows = [r for r in rows if token in keys[r]]
        return list(rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, UnitProgressModel):
            model.sort(column, order)
