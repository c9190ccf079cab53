"""The Hasil Kerja table of an SKP as a tree: group (Utama, Tambahan) > RHK > indicator rows.

Columns follow REFERENCE.md: JA/JF ``NO | RHK PIMPINAN YANG DIINTERVENSI | RENCANA HASIL KERJA
| ASPEK | INDIKATOR KINERJA INDIVIDU | TARGET``; JPT ``NO | RENCANA HASIL KERJA | INDIKATOR
KINERJA INDIVIDU | TARGET | PERSPEKTIF``. Edits and moves go through a commit callback (the
plan controller); a refused edit stays visible in the cell with its message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.kepegawaian import Aspek, JenisRhk, Perspektif, SkpVariant
from kinerja_desktop.services.plan_service import IndicatorView, PlanView, RhkView
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.form_support.roles import TOP_CENTRE, TOP_LEFT, KindRole, ObjectRole, RawValueRole

_ROOT = QModelIndex()

MIME_TYPE = "application/x-kinerja-skp-row"

# Column keys.
NO, INTERVENSI, RHK, ASPEK, IKI, TARGET, PERSPEKTIF = "no", "intervensi", "rhk", "aspek", "iki", "target", "perspektif"
HEADERS = {
    NO: QT_TRANSLATE_NOOP("rhk_tree_model", "No"),
    INTERVENSI: QT_TRANSLATE_NOOP("rhk_tree_model", "RHK Pimpinan yang Diintervensi"),
    RHK: QT_TRANSLATE_NOOP("rhk_tree_model", "Rencana Hasil Kerja"),
    ASPEK: QT_TRANSLATE_NOOP("rhk_tree_model", "Aspek"),
    IKI: QT_TRANSLATE_NOOP("rhk_tree_model", "Indikator Kinerja Individu"),
    TARGET: QT_TRANSLATE_NOOP("rhk_tree_model", "Target"),
    PERSPEKTIF: QT_TRANSLATE_NOOP("rhk_tree_model", "Perspektif"),
}
COLUMNS_JA_JF = (NO, INTERVENSI, RHK, ASPEK, IKI, TARGET)
COLUMNS_JPT = (NO, RHK, IKI, TARGET, PERSPEKTIF)
GROUPS = (
    (JenisRhk.UTAMA.value, QT_TRANSLATE_NOOP("rhk_tree_model", "A. KINERJA UTAMA")),
    (JenisRhk.TAMBAHAN.value, QT_TRANSLATE_NOOP("rhk_tree_model", "B. KINERJA TAMBAHAN")),
)
# Which service field each editable column writes, per row kind.
RHK_COLUMN_FIELD = {INTERVENSI: "parent_rhk_id", RHK: "text", PERSPEKTIF: "perspektif"}
INDICATOR_COLUMN_FIELD = {ASPEK: "aspek", IKI: "text", TARGET: "target"}
PLACEHOLDERS = {
    (INTERVENSI, "rhk"): QT_TRANSLATE_NOOP("rhk_tree_model", "(pilih RHK pimpinan)"),
    (RHK, "rhk"): QT_TRANSLATE_NOOP("rhk_tree_model", "(tulis Rencana Hasil Kerja)"),
    (IKI, "indicator"): QT_TRANSLATE_NOOP("rhk_tree_model", "(tulis indikator)"),
    (TARGET, "indicator"): QT_TRANSLATE_NOOP("rhk_tree_model", "(isi target)"),
    (PERSPEKTIF, "rhk"): QT_TRANSLATE_NOOP("rhk_tree_model", "(pilih perspektif)"),
}

#: (kind, row id, field, value, edit session) -> refusal or None
CommitFn = Callable[[str, str, str, Any, object], KinerjaError | None]
#: (kind, row id, target group kind or rhk id, position) -> refusal or None
MoveFn = Callable[[str, str, str, int], KinerjaError | None]

_GROUP_BG = QBrush(QColor("#e8eef6"))
_ERROR_BG = QBrush(QColor("#fde7e4"))
#: The roles ``RhkTreeModel.data`` answers below the alignment; any other is None at once.
_ANSWERED_ROLES = frozenset(int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, RawValueRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole,
))

_ERROR_FG = QBrush(QColor("#a50e0e"))
_PLACEHOLDER_FG = QBrush(QColor("#80868b"))


@dataclass
class _Node:
    kind: str  # "group" | "rhk" | "indicator"
    key: str  # group kind or row id
    parent: int  # internal id of the parent, 0 for top level
    row: int
    obj: Any = None


class RhkTreeModel(QAbstractItemModel):
    """RHK and their indicators of one plan, grouped into Kinerja Utama and Kinerja Tambahan.

    Signals:
        edit_refused(QModelIndex, str): an edit was refused; the message belongs at that cell.
    """

    edit_refused = Signal(QModelIndex, str)

    def __init__(self, commit: CommitFn, move: MoveFn, parent: Any = None) -> None:
        super().__init__(parent)
        self._commit, self._move = commit, move
        self._plan: PlanView | None = None
        self._columns: tuple[str, ...] = COLUMNS_JA_JF
        self._nodes: dict[int, _Node] = {}
        self._children: dict[int, list[int]] = {0: []}
        self._ids: dict[str, int] = {}
        self._pending: dict[tuple[str, str], tuple[Any, str]] = {}
        self._editable = False
        self._session: object = None

    # ------------------------------------------------------------------ loading

    def set_plan(self, plan: PlanView, editable: bool) -> None:
        """Show ``plan``; a plan with the same rows in the same order is updated in place."""
        columns = COLUMNS_JPT if plan.variant == SkpVariant.JPT else COLUMNS_JA_JF
        same_shape = (
            self._plan is not None and columns == self._columns and self._shape(plan) == self._shape(self._plan)
        )
        self._editable = editable
        if same_shape:
            self._plan = plan
            self._build(plan)
            last = self.columnCount() - 1
            for node_id, node in self._nodes.items():
                if node.kind != "group":
                    self.dataChanged.emit(self._index_of(node_id, 0), self._index_of(node_id, last))
            return
        self.beginResetModel()
        self._plan, self._columns = plan, columns
        self._build(plan)
        self.endResetModel()

    @staticmethod
    def _shape(plan: PlanView) -> list[tuple[str, str, tuple[str, ...]]]:
        return [(r.kind, r.id, tuple(i.id for i in r.indicators)) for r in plan.rhk]

    def _id_for(self, key: str) -> int:
        if key not in self._ids:
            self._ids[key] = len(self._ids) + 10
        return self._ids[key]

    def _build(self, plan: PlanView) -> None:
        nodes: dict[int, _Node] = {}
        children: dict[int, list[int]] = {0: []}
        for g_row, (kind, _label) in enumerate(GROUPS):
            gid = g_row + 1
            nodes[gid] = _Node("group", kind, 0, g_row)
            children[0].append(gid)
            children[gid] = []
            for r_row, rhk in enumerate(plan.rhk_of(kind)):
                rid = self._id_for(rhk.id)
                nodes[rid] = _Node("rhk", rhk.id, gid, r_row, rhk)
                children[gid].append(rid)
                children[rid] = []
                for i_row, ind in enumerate(rhk.indicators):
                    iid = self._id_for(ind.id)
                    nodes[iid] = _Node("indicator", ind.id, rid, i_row, ind)
                    children[rid].append(iid)
                    children[iid] = []
        self._nodes, self._children = nodes, children
        live = {n.key for n in nodes.values()}
        self._pending = {k: v for k, v in self._pending.items() if k[0] in live}

    @property
    def plan(self) -> PlanView | None:
        return self._plan

    @property
    def columns(self) -> tuple[str, ...]:
        return self._columns

    def column_of(self, key: str) -> int:
        return self._columns.index(key) if key in self._columns else -1

    def begin_edit_session(self, token: object) -> None:
        """Called by the delegates when a cell editor opens: its saves merge into one undo step."""
        self._session = token

    # ------------------------------------------------------------------ structure

    def _index_of(self, node_id: int, column: int = 0) -> QModelIndex:
        node = self._nodes[node_id]
        return self.createIndex(node.row, column, node_id)

    def index_for(self, row_id: str, column: int = 0) -> QModelIndex:
        """The index of an RHK or indicator by its id (invalid when not shown)."""
        node_id = self._ids.get(row_id)
        if node_id is None or node_id not in self._nodes:
            return QModelIndex()
        return self._index_of(node_id, column)

    def group_index(self, kind: str) -> QModelIndex:
        row = next(i for i, (k, _) in enumerate(GROUPS) if k == kind)
        return self.createIndex(row, 0, row + 1)

    def node(self, index: QModelIndex) -> _Node | None:
        if not index.isValid():
            return None
        return self._nodes.get(index.internalId())

    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex = _ROOT,
    ) -> QModelIndex:
        if column < 0 or column >= len(self._columns) or row < 0:
            return QModelIndex()
        parent_id = parent.internalId() if parent.isValid() else 0
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        kids = self._children.get(parent_id, [])
        if row >= len(kids):
            return QModelIndex()
        return self.createIndex(row, column, kids[row])

    def parent(self, index: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self._nodes.get(index.internalId())
        if node is None or node.parent == 0:
            return QModelIndex()
        return self._index_of(node.parent, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else 0, []))

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("rhk_tree_model", HEADERS[self._columns[section]])
            if role == Qt.ItemDataRole.ToolTipRole and self._columns[section] == TARGET and self._plan:
                return (
                    self.tr("Pendekatan kuantitatif: angka lalu satuan, misalnya “12 laporan”.")
                    if self._plan.pendekatan == "KUANTITATIF"
                    else self.tr("Pendekatan kualitatif: uraian target.")
                )
        return None

    # ------------------------------------------------------------------ data

    def _field(self, node: _Node, column_key: str) -> str | None:
        if node.kind == "rhk":
            return RHK_COLUMN_FIELD.get(column_key)
        if node.kind == "indicator":
            if column_key == ASPEK and self._plan and self._plan.variant == SkpVariant.JPT:
                return None
            return INDICATOR_COLUMN_FIELD.get(column_key)
        return None

    def _value(self, node: _Node, key: str) -> tuple[str, Any]:
        """(display text, raw value) of a cell."""
        if node.kind == "group":
            return (
                (QCoreApplication.translate("rhk_tree_model", dict(GROUPS)[node.key]), None)
                if key == NO
                else ("", None)
            )
        if node.kind == "rhk":
            rhk: RhkView = node.obj
            if key == NO:
                return str(node.row + 1), None
            if key == INTERVENSI:
                return rhk.parent_text, rhk.parent_rhk_id
            if key == RHK:
                return rhk.text, rhk.text
            if key == PERSPEKTIF:
                return (tr_label(Perspektif(rhk.perspektif).label) if rhk.perspektif else ""), rhk.perspektif
            return "", None
        ind: IndicatorView = node.obj
        if key == ASPEK:
            return (tr_label(Aspek(ind.aspek).label) if ind.aspek else ""), ind.aspek
        if key == IKI:
            return ind.text, ind.text
        if key == TARGET:
            return ind.target_display, ind.target_display
        return "", None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)  # type: ignore[arg-type]
        if node is None:
            return None
        key = self._columns[index.column()]
        if role == KindRole:
            return node.kind
        if role == ObjectRole:
            return node.obj
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return TOP_CENTRE if key == NO and node.kind != "group" else TOP_LEFT
        if role not in _ANSWERED_ROLES:  # a view asks for ~9 roles a cell (decoration, check state, ...)
            return None
        field = self._field(node, key)
        pending = self._pending.get((node.key, field)) if field else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if pending is not None:
                return _ERROR_BG
            return _GROUP_BG if node.kind == "group" else None
        text, raw = self._value(node, key)
        if role == Qt.ItemDataRole.DisplayRole:
            if pending is not None and isinstance(pending[0], str):
                return pending[0]
            if not text and self._editable and (key, node.kind) in PLACEHOLDERS:
                return QCoreApplication.translate("rhk_tree_model", PLACEHOLDERS[(key, node.kind)])
            return text
        if role == Qt.ItemDataRole.EditRole:
            if pending is not None and isinstance(pending[0], str):
                return pending[0]
            return text
        if role == RawValueRole:
            return raw
        if role == Qt.ItemDataRole.ToolTipRole:
            if pending is not None:
                return pending[1]
            return text if len(text) > 40 else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if pending is not None:
                return _ERROR_FG
            if not text and self._editable and (key, node.kind) in PLACEHOLDERS:
                return _PLACEHOLDER_FG
            return None
        if role == Qt.ItemDataRole.FontRole:
            if node.kind == "group":
                font = QFont()
                font.setBold(True)
                return font
            if not text and self._editable and (key, node.kind) in PLACEHOLDERS:
                font = QFont()
                font.setItalic(True)
                return font
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        node = self.node(index)  # type: ignore[arg-type]
        if node is None:
            return Qt.ItemFlag.ItemIsDropEnabled if self._editable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._editable:
            return flags
        if node.kind == "group":
            return flags | Qt.ItemFlag.ItemIsDropEnabled
        flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if self._field(node, self._columns[index.column()]):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        node = self.node(index)  # type: ignore[arg-type]
        if node is None or role != Qt.ItemDataRole.EditRole or not self._editable:
            return False
        field = self._field(node, self._columns[index.column()])
        if field is None:
            return False
        persistent = QPersistentModelIndex(index)
        error = self._commit(node.kind, node.key, field, value, self._session)
        if error is not None:
            self._pending[(node.key, field)] = (value, str(error))
            if persistent.isValid():
                where = QModelIndex(persistent)
                self.dataChanged.emit(where, where)
                self.edit_refused.emit(where, str(error))
            return False
        self._pending.pop((node.key, field), None)
        return True

    def pending_error(self, row_id: str, field: str) -> str | None:
        pending = self._pending.get((row_id, field))
        return pending[1] if pending else None

    def clear_pending(self) -> None:
        self._pending.clear()

    # ------------------------------------------------------------------ drag and drop

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        for index in indexes:
            node = self.node(index)
            if node is not None and node.kind in ("rhk", "indicator"):
                mime.setData(MIME_TYPE, QByteArray(f"{node.kind}:{node.key}".encode()))
                break
        return mime

    def _payload(self, data: QMimeData) -> tuple[str, str] | None:
        if not data.hasFormat(MIME_TYPE):
            return None
        kind, _, key = bytes(data.data(MIME_TYPE).data()).decode().partition(":")
        node_id = self._ids.get(key)
        if node_id is None or node_id not in self._nodes or self._nodes[node_id].kind != kind:
            return None
        return kind, key

    def _drop_target(
        self, data: QMimeData, row: int, parent: QModelIndex | QPersistentModelIndex
    ) -> tuple[str, str, str, int] | None:
        """(kind, id, target, position) of a drop, or None when it makes no sense."""
        payload = self._payload(data)
        target = self.node(parent)  # type: ignore[arg-type]
        if payload is None or target is None or not self._editable:
            return None
        kind, key = payload
        moving = self._nodes[self._ids[key]]
        if kind == "rhk":
            if target.kind == "group":
                group, position = target.key, (row if row >= 0 else len(self._children[self._ids_of_group(target.key)]))
            elif target.kind == "rhk" and row < 0:  # dropped onto an RHK: take its place
                group, position = target.obj.kind, target.row
            else:
                return None
            if moving.obj.kind == group and row >= 0 and position > moving.row:
                position -= 1  # the moved row leaves its old place first
            return kind, key, group, position
        # indicator: only within its own RHK
        if target.kind == "rhk" and target.key == moving.obj.rhk_id:
            position = row if row >= 0 else len(self._children[self._ids[target.key]]) - 1
            if row >= 0 and position > moving.row:
                position -= 1
            return kind, key, target.key, position
        if target.kind == "indicator" and row < 0 and target.obj.rhk_id == moving.obj.rhk_id:
            return kind, key, target.obj.rhk_id, target.row
        return None

    def _ids_of_group(self, kind: str) -> int:
        return next(i + 1 for i, (k, _) in enumerate(GROUPS) if k == kind)

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        return action == Qt.DropAction.MoveAction and self._drop_target(data, row, parent) is not None

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """Move the dragged RHK or indicator through the services.

        Returns False on purpose: the move is already done (and the model refreshed), so the
        view must not remove the dragged rows itself.
        """
        if action != Qt.DropAction.MoveAction:
            return False
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        kind, key, where, position = target
        error = self._move(kind, key, where, position)
        if error is not None:
            index = self.index_for(key)
            if index.isValid():
                self.edit_refused.emit(index, str(error))
        return False
