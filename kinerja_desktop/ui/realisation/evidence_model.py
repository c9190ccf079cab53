"""Evidence files (bukti dukung) of one realisation: name, size and type."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from kinerja_desktop.services.realisation_service import AttachmentView
from kinerja_desktop.ui.form_support.formatting import file_size, file_type
from kinerja_desktop.ui.form_support.roles import KindRole, ObjectRole, SortRole

_ROOT = QModelIndex()

COL_NAME, COL_SIZE, COL_TYPE = range(3)
HEADERS = (
    QT_TRANSLATE_NOOP("evidence_model", "Nama berkas"),
    QT_TRANSLATE_NOOP("evidence_model", "Ukuran"),
    QT_TRANSLATE_NOOP("evidence_model", "Jenis"),
)


class EvidenceTableModel(QAbstractTableModel):
    """The attachments of one indicator's realisation in a period."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[AttachmentView] = []

    def set_items(self, items: list[AttachmentView]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> AttachmentView:
        return self._items[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("evidence_model", HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.filename, file_size(item.size), file_type(item.mime, item.filename))[column]
        if role == SortRole:
            return (item.filename.lower(), item.size, item.mime)[column]
        if role == ObjectRole:
            return item
        if role == KindRole:
            return "attachment"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0}\n{1} · {2}\nSHA-256 {3}…").format(
                item.filename, file_size(item.size), item.mime, item.sha256[:16]
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SIZE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
