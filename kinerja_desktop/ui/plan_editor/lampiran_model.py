"""One numbered Lampiran SKP list (Dukungan Sumber Daya, Skema Pertanggungjawaban or Konsekuensi)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services.plan_service import LampiranView
from kinerja_desktop.ui.form_support.roles import TOP_LEFT, KindRole, ObjectRole, RawValueRole

_ROOT = QModelIndex()

#: (item id, text, edit session) -> refusal or None
UpdateFn = Callable[[str, str, object], KinerjaError | None]


class LampiranListModel(QAbstractListModel):
    """The items of one lampiran kind, numbered as printed.

    Signals:
        edit_refused(QModelIndex, str): an edit was refused (e.g. an emptied item).
    """

    edit_refused = Signal(QModelIndex, str)

    def __init__(self, kind: str, update: UpdateFn, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._update = update
        self._items: list[LampiranView] = []
        self._editable = False
        self._pending: dict[str, tuple[str, str]] = {}
        self._session: object = None

    def set_items(self, items: list[LampiranView], editable: bool) -> None:
        items = [i for i in items if i.kind == self.kind]
        self._editable = editable
        if [i.id for i in items] == [i.id for i in self._items]:
            self._items = items
            if items:
                self.dataChanged.emit(self.index(0), self.index(len(items) - 1))
            return
        self.beginResetModel()
        self._items = items
        self._pending = {k: v for k, v in self._pending.items() if any(i.id == k for i in items)}
        self.endResetModel()

    def begin_edit_session(self, token: object) -> None:
        self._session = token

    def item(self, row: int) -> LampiranView:
        return self._items[row]

    def row_of(self, item_id: str) -> int:
        return next((n for n, i in enumerate(self._items) if i.id == item_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        pending = self._pending.get(item.id)
        text = pending[0] if pending else item.text
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {text}"
        if role in (Qt.ItemDataRole.EditRole, RawValueRole):
            return text
        if role == ObjectRole:
            return item
        if role == KindRole:
            return "lampiran"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return TOP_LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return pending[1] if pending else (item.text if len(item.text) > 40 else None)
        if role == Qt.ItemDataRole.BackgroundRole and pending:
            return QBrush(QColor("#fde7e4"))
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsEditable if self._editable else flags

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self._editable:
            return False
        item = self._items[index.row()]
        persistent = QPersistentModelIndex(index)
        error = self._update(item.id, str(value), self._session)
        if error is not None:
            self._pending[item.id] = (str(value), str(error))
            if persistent.isValid():
                where = QModelIndex(persistent)
                self.dataChanged.emit(where, where)
                self.edit_refused.emit(where, str(error))
            return False
        self._pending.pop(item.id, None)
        return True
