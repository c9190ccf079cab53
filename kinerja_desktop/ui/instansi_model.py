"""Table model of the instansi overview: one row per unit (:class:`UnitOverview`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kinerja_desktop.central.overview import UnitOverview
from kinerja_desktop.ui.form_support.roles import ObjectRole, SortRole

COL_CODE, COL_NAME, COL_EMPLOYEES, COL_APPROVED, COL_REALISED, COL_FINAL, COL_DONE, COL_SIGNED, COL_CURVE, \
    COL_SYNC = range(10)
_Index = QModelIndex | QPersistentModelIndex


class InstansiUnitModel(QAbstractTableModel):
    """Units with their counts; ``ObjectRole`` gives the :class:`UnitOverview`, ``SortRole`` a sortable value."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[UnitOverview] = []
        self._titles = [self.tr("Kode"), self.tr("Unit"), self.tr("Pegawai"), self.tr("SKP disetujui"),
                        self.tr("Realisasi"), self.tr("Evaluasi final"), self.tr("% selesai"),
                        self.tr("Ditandatangani"), self.tr("Kurva"), self.tr("Sinkron terakhir")]

    def set_rows(self, rows: list[UnitOverview]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def _value(self, u: UnitOverview, col: int) -> Any:
        return {
            COL_CODE: u.code, COL_NAME: u.name, COL_EMPLOYEES: u.employees, COL_APPROVED: u.skp.get("APPROVED", 0),
            COL_REALISED: u.realised, COL_FINAL: u.finalised, COL_DONE: round(100 * u.completion),
            COL_SIGNED: u.signed, COL_CURVE: len(u.violations),
            COL_SYNC: u.last_sync.isoformat(sep=" ", timespec="minutes") if u.last_sync else "",
        }[col]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        u = self._rows[index.row()]
        col = index.column()
        if role == ObjectRole:
            return u
        if role == SortRole:
            return self._value(u, col)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_DONE:
                return f"{self._value(u, col)}%" if u.employees else "-"
            if col == COL_CURVE:
                return self.tr("dilanggar") if u.violations else ("-" if not u.org_predikat else self.tr("sesuai"))
            if col == COL_SYNC and not u.last_sync:
                return self.tr("belum pernah")
            return self._value(u, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_CURVE and u.violations:
            return "\n".join(u.violations)
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (COL_CODE, COL_NAME):
            return Qt.AlignmentFlag.AlignCenter
        return None
