"""Table models of the instansi overview: one row per unit (:class:`UnitOverview`), and a unit's people."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from kinerja_desktop.central.overview import PersonOverview, UnitOverview
from kinerja_desktop.ui.form_support.roles import ObjectRole, SortRole
from kinerja_desktop.ui.models.employee_table_model import status_labels

COL_CODE, COL_NAME, COL_EMPLOYEES, COL_APPROVED, COL_REALISED, COL_FINAL, COL_DONE, COL_SIGNED, COL_CURVE, \
    COL_SYNC = range(10)
_Index = QModelIndex | QPersistentModelIndex


class _Rows(QAbstractTableModel):
    """Rows under titled columns: what both tables of the overview share."""

    _rows: list[Any]
    _titles: list[str]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None


class InstansiUnitModel(_Rows):
    """Units with their counts; ``ObjectRole`` gives the :class:`UnitOverview`, ``SortRole`` a sortable value."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[UnitOverview] = []
        self._values: list[tuple[Any, ...]] = []
        self._position: dict[str, int] = {}
        self._titles = [self.tr("Kode"), self.tr("Unit"), self.tr("Pegawai"), self.tr("SKP\ndisetujui"),
                        self.tr("Realisasi"), self.tr("Evaluasi\nfinal"), self.tr("%\nselesai"),
                        self.tr("Ditanda-\ntangani"), self.tr("Kurva"), self.tr("Sinkron\nterakhir")]

    def set_rows(self, rows: list[UnitOverview]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._values = [self._row_values(u) for u in self._rows]  # once: sorting 2,500 units asks ~60,000 times
        self._position = {u.unit_id: n for n, u in enumerate(self._rows)}
        self.endResetModel()

    def row_of(self, unit_id: str) -> int:
        """The row of the unit with ``unit_id`` (-1 when not shown); a dictionary, not a walk over 2,500 rows."""
        return self._position.get(unit_id, -1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the precomputed values (the proxy forwards its sort() here, as in the unit view:
        sorting 2,500 units through data() calls took half a second)."""
        if not 0 <= column < len(self._titles) or not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [id(self._rows[i.row()]) if i.isValid() else None for i in old]
        perm = sorted(range(len(self._rows)), key=lambda n: self._values[n][column],
                      reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [self._rows[n] for n in perm]
        self._values = [self._values[n] for n in perm]
        self._position = {u.unit_id: n for n, u in enumerate(self._rows)}
        position = {id(u): n for n, u in enumerate(self._rows)}
        self.changePersistentIndexList(old, [self.index(position[k], i.column()) if k is not None else QModelIndex()
                                             for i, k in zip(old, old_ids, strict=True)])
        self.layoutChanged.emit()

    @staticmethod
    def _row_values(u: UnitOverview) -> tuple[Any, ...]:
        return (u.code, u.name, u.employees, u.skp.get("APPROVED", 0), u.realised, u.finalised,
                round(100 * u.completion), u.signed, len(u.violations),
                u.last_sync.isoformat(sep=" ", timespec="minutes") if u.last_sync else "")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if role == SortRole:
            return self._values[index.row()][col]
        u = self._rows[index.row()]
        if role == ObjectRole:
            return u
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_DONE:
                return f"{self._values[index.row()][col]}%" if u.employees else "-"
            if col == COL_CURVE:
                return self.tr("dilanggar") if u.violations else ("-" if not u.org_predikat else self.tr("sesuai"))
            if col == COL_SYNC and not u.last_sync:
                return self.tr("belum pernah")
            return self._values[index.row()][col]
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_CURVE and u.violations:
            return "\n".join(u.violations)
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (COL_CODE, COL_NAME):
            return Qt.AlignmentFlag.AlignCenter
        return None


class InstansiProxy(QSortFilterProxyModel):
    """Filters units by any text; sorting is forwarded to :class:`InstansiUnitModel`."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, InstansiUnitModel):
            model.sort(column, order)


P_NAME, P_EVAL, P_SKP, P_REALISED, P_NIP = range(5)


class InstansiPeopleModel(_Rows):
    """A unit's people in the overview (:class:`PersonOverview`); ``ObjectRole`` gives the person.

    Narrow enough for the side of the unit table at 1366x768: the evaluation column holds its status and,
    once final, the predikat ("Final · Baik")."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonOverview] = []
        self._labels = status_labels()
        self._titles = [self.tr("Nama"), self.tr("Evaluasi"), self.tr("SKP"), self.tr("Reali-\nsasi"), self.tr("NIP")]

    def set_rows(self, rows: list[PersonOverview]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self._rows[index.row()]
        if role == ObjectRole:
            return p
        col = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and col == P_NAME:
            return f"{p.name}\nNIP {p.nip}" if p.nip else p.name
        if role == Qt.ItemDataRole.DisplayRole:
            if col == P_NAME:
                return p.name
            if col == P_NIP:
                return p.nip
            if col == P_SKP:
                return self._labels["plan"].get(p.skp, p.skp or "")
            if col == P_EVAL:
                status = self._labels["eval"].get(p.evaluation, p.evaluation or "")
                return f"{status} · {self._labels['predikat'].get(p.predikat, p.predikat)}" if p.predikat else status
            return self.tr("ya") if p.realised else self.tr("belum")
        return None
