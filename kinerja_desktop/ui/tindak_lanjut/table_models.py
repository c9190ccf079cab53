"""One table model per follow-up entity: candidates, JP recap lines, development items, competency gaps."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from kinerja_desktop.domain.penilaian import Predikat
from kinerja_desktop.ui.form_support.roles import ObjectRole, SortRole

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex


def _day(value: date | None) -> str:
    return f"{value.day:02d}-{value.month:02d}-{value.year}" if value else "-"


def _jp(value: float) -> str:
    return f"{value:g}".replace(".", ",")


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Rows of one DTO type; columns are (header, display, sort value, colour or None)."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[T], str], Callable[[T], Any], Callable[[T], str | None] | None]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_object(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        obj = self._rows[index.row()]
        header, show, sort, colour = self._columns[index.column()]
        del header
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return show(obj)
        if role == SortRole:
            return sort(obj)
        if role == ObjectRole:
            return obj
        if role == Qt.ItemDataRole.ForegroundRole and colour is not None:
            value = colour(obj)
            return QColor(value) if value else None
        return None


def candidate_model(parent: QObject | None = None) -> RowTableModel[Any]:
    return RowTableModel(
        [
            (QCoreApplication.translate("TindakLanjut", "Nama"), lambda c: c.nama, lambda c: c.nama, None),
            ("NIP", lambda c: c.nip or "-", lambda c: c.nip, None),
            (
                QCoreApplication.translate("TindakLanjut", "Unit"),
                lambda c: f"{c.unit_name} ({c.unit_code})",
                lambda c: c.unit_code,
                None,
            ),
            (
                QCoreApplication.translate("TindakLanjut", "Predikat"),
                lambda c: Predikat(c.predikat).label if c.predikat else "-",
                lambda c: c.predikat or "",
                lambda c: "#1e7b34" if c.predikat == "SANGAT_BAIK" else None,
            ),
            (QCoreApplication.translate("TindakLanjut", "Dasar"), lambda c: c.basis, lambda c: len(c.marks), None),
            (
                QCoreApplication.translate("TindakLanjut", "Penghargaan"),
                lambda c: (
                    "; ".join(f"{a.kind_label} ({_day(a.given_on)})" for a in c.awards)
                    or QCoreApplication.translate("TindakLanjut", "belum diberikan")
                ),
                lambda c: len(c.awards),
                lambda c: None if c.awards else "#80868b",
            ),
        ],
        parent,
    )


def jp_model(parent: QObject | None = None) -> RowTableModel[Any]:
    return RowTableModel(
        [
            (
                QCoreApplication.translate("TindakLanjut", "Unit"),
                lambda x: f"{x.unit_name} ({x.unit_code})",
                lambda x: x.unit_code,
                None,
            ),
            (QCoreApplication.translate("TindakLanjut", "Nama"), lambda x: x.nama, lambda x: x.nama, None),
            ("NIP", lambda x: x.nip or "-", lambda x: x.nip, None),
            (
                QCoreApplication.translate("TindakLanjut", "JP selesai"),
                lambda x: _jp(x.jp_done),
                lambda x: x.jp_done,
                lambda x: "#c5221f" if x.below else "#1e7b34",
            ),
            (
                QCoreApplication.translate("TindakLanjut", "JP direncanakan"),
                lambda x: _jp(x.jp_planned),
                lambda x: x.jp_planned,
                None,
            ),
            (
                QCoreApplication.translate("TindakLanjut", "Kekurangan"),
                lambda x: (
                    QCoreApplication.translate("TindakLanjut", "{0} JP").format(_jp(x.shortfall)) if x.below else "-"
                ),
                lambda x: x.shortfall,
                lambda x: "#c5221f" if x.below else None,
            ),
            (
                QCoreApplication.translate("TindakLanjut", "Terlambat"),
                lambda x: str(x.items_late) if x.items_late else "-",
                lambda x: x.items_late,
                lambda x: "#c5221f" if x.items_late else None,
            ),
        ],
        parent,
    )


_STATE_COLOUR = {"SELESAI": "#1e7b34", "TERLAMBAT": "#c5221f", "BATAL": "#80868b", "USULAN": "#b06000"}


def item_model(parent: QObject | None = None) -> RowTableModel[Any]:
    return RowTableModel(
        [
            (QCoreApplication.translate("TindakLanjut", "Bentuk"), lambda i: i.form_label, lambda i: i.form, None),
            (QCoreApplication.translate("TindakLanjut", "Topik"), lambda i: i.topic, lambda i: i.topic, None),
            (
                QCoreApplication.translate("TindakLanjut", "Kompetensi"),
                lambda i: i.competency_code or "-",
                lambda i: i.competency_code or "",
                None,
            ),
            ("JP", lambda i: _jp(i.jp), lambda i: i.jp, None),
            (
                QCoreApplication.translate("TindakLanjut", "Jadwal"),
                lambda i: f"{_day(i.start_on)} s.d. {_day(i.end_on)}",
                lambda i: i.start_on or date.min,
                None,
            ),
            (
                QCoreApplication.translate("TindakLanjut", "Status"),
                lambda i: i.state_label + (f" {_day(i.completed_on)}" if i.completed_on else ""),
                lambda i: i.state,
                lambda i: _STATE_COLOUR.get(i.state),
            ),
            (
                QCoreApplication.translate("TindakLanjut", "Sertifikat"),
                lambda i: i.certificate_name or "-",
                lambda i: i.certificate_name,
                None,
            ),
            (
                QCoreApplication.translate("TindakLanjut", "Asal"),
                lambda i: i.evaluation_label or i.reason.split("\n")[0][:60] or "-",
                lambda i: i.evaluation_label,
                None,
            ),
        ],
        parent,
    )


def gap_model(parent: QObject | None = None) -> RowTableModel[Any]:
    return RowTableModel(
        [
            (QCoreApplication.translate("TindakLanjut", "Kode"), lambda g: g.code, lambda g: g.code, None),
            (QCoreApplication.translate("TindakLanjut", "Kompetensi"), lambda g: g.name, lambda g: g.name, None),
            (
                QCoreApplication.translate("TindakLanjut", "Standar"),
                lambda g: str(g.required),
                lambda g: g.required,
                None,
            ),
            (
                QCoreApplication.translate("TindakLanjut", "Tingkat"),
                lambda g: (
                    str(g.assessed)
                    if g.assessed is not None
                    else QCoreApplication.translate("TindakLanjut", "belum dinilai")
                ),
                lambda g: g.assessed or 0,
                lambda g: None if g.assessed is not None else "#80868b",
            ),
            (
                QCoreApplication.translate("TindakLanjut", "Kesenjangan"),
                lambda g: str(g.gap) if g.gap is not None else "-",
                lambda g: g.gap or 0,
                lambda g: "#c5221f" if g.large else ("#b06000" if g.gap else None),
            ),
        ],
        parent,
    )
