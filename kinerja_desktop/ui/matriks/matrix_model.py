"""Table model of a matriks peran hasil: one row per RHK of the unit head, one column per person."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kinerja_desktop.services.role_matrix_service import STATUS_LABELS, Cell, Matrix

NUMBER, RHK = 0, 1
FIXED = 2
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_STATUS_BRUSH = {"ACCEPTED": QColor("#e6f4ea"), "DECLINED": QColor("#f1f3f4"), "PENDING": QColor("#fef7e0")}

Index = QModelIndex | QPersistentModelIndex


class MatrixTableModel(QAbstractTableModel):
    """Rows: the head's RHK (A.1, A.2, B.1 ...). Columns: No, RHK, then the people (subordinates first,
    then tim kerja members from other units). ``OBJECT_ROLE`` gives the :class:`Cell` (or None)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix: Matrix | None = None

    def set_matrix(self, matrix: Matrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() or self.matrix is None:
            return 0
        return len(self.matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() or self.matrix is None:
            return 0
        return FIXED + len(self.matrix.people)

    def person_at(self, column: int) -> Any:
        if self.matrix is None or column < FIXED or column - FIXED >= len(self.matrix.people):
            return None
        return self.matrix.people[column - FIXED]

    def cell(self, index: Index) -> Cell | None:
        person = self.person_at(index.column())
        if person is None or self.matrix is None or not 0 <= index.row() < len(self.matrix.rows):
            return None
        return self.matrix.rows[index.row()].cells.get(person.employee_id)

    def column_of(self, employee_id: str) -> int:
        assert self.matrix is not None
        return FIXED + next(i for i, p in enumerate(self.matrix.people) if p.employee_id == employee_id)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.matrix is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == NUMBER:
                return self.tr("No")
            if section == RHK:
                return self.tr("RHK Pimpinan")
            person = self.person_at(section)
            return person.name.split(",")[0] if person else None
        if role == Qt.ItemDataRole.ToolTipRole:
            person = self.person_at(section)
            if person:
                return f"{person.name}\nNIP {person.nip or '-'}\n{person.jabatan}\n{person.unit}\n{person.via}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.matrix is None:
            return None
        row = self.matrix.rows[index.row()]
        col = index.column()
        if col == NUMBER:
            return row.number if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE) else None
        if col == RHK:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
                return row.text
            return None
        cell = self.cell(index)
        if role == OBJECT_ROLE:
            return cell
        if cell is None:
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{cell.peran or '✓'}\n{cell.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            inds = "\n".join(f"• {i.get('text')} — {i.get('target')}" for i in cell.indicators)
            tim = f"\nTim kerja: {cell.tim_kerja}" if cell.tim_kerja else ""
            return f"{cell.peran}\n{cell.text}\n{inds}{tim}\nStatus: {STATUS_LABELS[cell.status]}".strip()
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_STATUS_BRUSH[cell.status])
        if role == SORT_ROLE:
            return cell.text
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
