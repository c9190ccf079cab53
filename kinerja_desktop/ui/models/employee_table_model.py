"""The employee list: one row per employee with the status of their SKP and evaluation.

Built for 20,000 rows: :func:`prepare_table` turns the service's ``EmployeeRow`` list into
display strings, search keys and status ranks once (in a worker thread), so ``data()`` is a
list lookup and never creates per-row objects. Sorting and filtering live in
:class:`~kinerja_desktop.ui.models.employee_filter_proxy.EmployeeFilterProxy`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

ObjectRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
#: The employee id of a row (what a view opens on Enter).
IdRole = Qt.ItemDataRole.UserRole + 3

COL_NAME, COL_NIP, COL_JABATAN, COL_UNIT, COL_PLAN, COL_EVAL, COL_PREDIKAT = range(7)
COLUMN_COUNT = 7

PLAN_ORDER = (None, "DRAFT", "RETURNED", "SUBMITTED", "APPROVED")
EVAL_ORDER = (None, "BELUM", "DRAFT", "FINAL", "SIGNED")
PREDIKAT_ORDER = (None, "SANGAT_KURANG", "KURANG", "BUTUH_PERBAIKAN", "BAIK", "SANGAT_BAIK")


def headers() -> list[str]:
    tr = QCoreApplication
    return [tr.translate("EmployeeTableModel", "Nama"), tr.translate("EmployeeTableModel", "NIP"),
            tr.translate("EmployeeTableModel", "Jabatan"), tr.translate("EmployeeTableModel", "Unit Kerja"),
            tr.translate("EmployeeTableModel", "Status SKP"), tr.translate("EmployeeTableModel", "Status Evaluasi"),
            tr.translate("EmployeeTableModel", "Predikat")]


def status_labels() -> dict[str, dict[str | None, str]]:
    """Screen labels of the status codes (regulation terms), translated once per language."""
    tr = QCoreApplication
    belum = tr.translate("EmployeeTableModel", "Belum")
    return {
        "plan": {None: tr.translate("EmployeeTableModel", "Belum ada"),
                 "DRAFT": tr.translate("EmployeeTableModel", "Draf"),
                 "SUBMITTED": tr.translate("EmployeeTableModel", "Diajukan"),
                 "RETURNED": tr.translate("EmployeeTableModel", "Dikembalikan"),
                 "APPROVED": tr.translate("EmployeeTableModel", "Disetujui")},
        "eval": {None: belum, "BELUM": belum, "DRAFT": tr.translate("EmployeeTableModel", "Draf"),
                 "FINAL": tr.translate("EmployeeTableModel", "Final"),
                 "SIGNED": tr.translate("EmployeeTableModel", "Ditandatangani")},
        "predikat": {None: "", "SANGAT_BAIK": tr.translate("EmployeeTableModel", "Sangat Baik"),
                     "BAIK": tr.translate("EmployeeTableModel", "Baik"),
                     "BUTUH_PERBAIKAN": tr.translate("EmployeeTableModel", "Butuh Perbaikan"),
                     "KURANG": tr.translate("EmployeeTableModel", "Kurang/Misconduct"),
                     "SANGAT_KURANG": tr.translate("EmployeeTableModel", "Sangat Kurang")},
    }


@dataclass
class EmployeeTable:
    """Everything the model and proxy need, computed once off the GUI thread."""

    rows: list[Any] = field(default_factory=list)  # query_service.EmployeeRow
    display: list[tuple[str, ...]] = field(default_factory=list)
    search_keys: list[str] = field(default_factory=list)
    plan_codes: list[str | None] = field(default_factory=list)
    eval_codes: list[str | None] = field(default_factory=list)
    name_keys: list[str] = field(default_factory=list)  # sort keys of the Nama column
    unit_ids: list[str | None] = field(default_factory=list)


def search_key(name: str, nip: str | None, jabatan: str) -> str:
    """What a search matches against: name, NIP (without spaces) and jabatan, case-folded."""
    return f"{name}\t{(nip or '').replace(' ', '')}\t{jabatan}".casefold()


def prepare_table(rows: Sequence[Any], labels: dict[str, dict[str | None, str]]) -> EmployeeTable:
    """Precompute display strings, search and sort keys (pure Python: safe in a worker thread).

    Rows come back ordered by name case-insensitively, so the view's default sort (by name)
    finds them already in order and costs next to nothing on the GUI thread.
    """
    plan_l, eval_l, pred_l = labels["plan"], labels["eval"], labels["predikat"]
    name_keys_of = [r.name.casefold() for r in rows]
    order = sorted(range(len(rows)), key=name_keys_of.__getitem__)
    rows = [rows[i] for i in order]
    name_keys = [name_keys_of[i] for i in order]
    display: list[tuple[str, ...]] = []
    keys: list[str] = []
    plan_codes: list[str | None] = []
    eval_codes: list[str | None] = []
    for r in rows:
        ev = r.eval_status
        display.append((
            r.name, r.nip or "", r.jabatan or "", r.unit_name or "",
            plan_l.get(r.plan_status, r.plan_status or ""), eval_l.get(ev, ev or ""),
            pred_l.get(r.predikat, r.predikat or ""),
        ))
        keys.append(search_key(r.name, r.nip, r.jabatan or ""))
        plan_codes.append(r.plan_status)
        eval_codes.append(ev)
    return EmployeeTable(rows, display, keys, plan_codes, eval_codes, name_keys, [r.unit_id for r in rows])


class EmployeeTableModel(QAbstractTableModel):
    """Employees with SKP status, evaluation status and predikat (read-only).

    Roles: ``ObjectRole`` returns the ``EmployeeRow``; ``IdRole`` the employee id; ``SortRole``
    a comparable key. Column constants are ``COL_*`` in this module.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table = EmployeeTable()
        self._headers = headers()
        self._sort_cache: dict[int, list[Any]] = {}
        self._plan_brush = {"SUBMITTED": QBrush(QColor("#1a56a8")), "RETURNED": QBrush(QColor("#b45309")),
                            None: QBrush(QColor("#8a8f98"))}
        self._eval_brush = {"SIGNED": QBrush(QColor("#1e7a34")), "FINAL": QBrush(QColor("#1e7a34")),
                            None: QBrush(QColor("#8a8f98")), "BELUM": QBrush(QColor("#8a8f98"))}

    # ------------------------------------------------------------------ loading

    def set_table(self, table: EmployeeTable) -> None:
        """Replace every row (a prepared table from :func:`prepare_table`)."""
        self.beginResetModel()
        self._table = table
        self._sort_cache.clear()
        self.endResetModel()

    def append_table(self, more: EmployeeTable) -> None:
        """Add prepared rows after the current ones (the rest of a list shown by its first screen)."""
        if not more.rows:
            return
        t, first = self._table, len(self._table.display)
        self.beginInsertRows(QModelIndex(), first, first + len(more.rows) - 1)
        self._table = EmployeeTable(t.rows + more.rows, t.display + more.display, t.search_keys + more.search_keys,
                                    t.plan_codes + more.plan_codes, t.eval_codes + more.eval_codes,
                                    t.name_keys + more.name_keys, self.unit_ids() + more.unit_ids)
        self._sort_cache.clear()
        self.endInsertRows()

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Convenience for small lists: prepare in the GUI thread and load."""
        self.set_table(prepare_table(rows, status_labels()))

    def table(self) -> EmployeeTable:
        return self._table

    def search_keys(self) -> list[str]:
        return self._table.search_keys

    def unit_ids(self) -> list[str | None]:
        t = self._table
        if len(t.unit_ids) != len(t.rows):
            t.unit_ids = [r.unit_id for r in t.rows]
        return t.unit_ids

    def row_object(self, row: int) -> Any:
        return self._table.rows[row]

    def row_of(self, employee_id: str) -> int:
        """Source row of an employee id, or -1."""
        for i, r in enumerate(self._table.rows):
            if r.id == employee_id:
                return i
        return -1

    def sort_keys(self, column: int) -> list[Any]:
        """Per-row sort keys of a column (cached until the next load)."""
        keys = self._sort_cache.get(column)
        if keys is None:
            t = self._table
            if column == COL_PLAN:
                rank = {code: i for i, code in enumerate(PLAN_ORDER)}
                keys = [rank.get(c, 0) for c in t.plan_codes]
            elif column == COL_EVAL:
                rank = {code: i for i, code in enumerate(EVAL_ORDER)}
                keys = [rank.get(c, 0) for c in t.eval_codes]
            elif column == COL_PREDIKAT:
                rank = {code: i for i, code in enumerate(PREDIKAT_ORDER)}
                keys = [rank.get(r.predikat, 0) for r in t.rows]
            elif column == COL_NAME and len(t.name_keys) == len(t.rows):
                keys = t.name_keys
            elif column == COL_NIP:
                keys = [d[COL_NIP] for d in t.display]
            else:
                keys = [d[column].casefold() for d in t.display]
            self._sort_cache[column] = keys
        return keys

    # ------------------------------------------------------------------ Qt API

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.display)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._table.display[row][col]
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_PLAN:
                return self._plan_brush.get(self._table.plan_codes[row])
            if col == COL_EVAL:
                return self._eval_brush.get(self._table.eval_codes[row])
            return None
        if role == ObjectRole:
            return self._table.rows[row]
        if role == IdRole:
            return self._table.rows[row].id
        if role == SortRole:
            return self.sort_keys(col)[row]
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_NAME, COL_JABATAN, COL_UNIT):
            return self._table.display[row][col]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < COLUMN_COUNT:
                return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
