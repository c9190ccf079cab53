"""The pohon kinerja as a Qt tree model, loaded one level at a time (``services.pohon_service``).

A node's children are read when the view first asks for them (``canFetchMore``/``fetchMore``,
i.e. when the node is expanded), so a 20,000-employee office is never read whole. Nodes live in
one flat list; an index's internal id is the node's position in it (no Python object has to
outlive Qt's pointer, as in ``unit_tree_model``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from kinerja_desktop.services.plan_service import STATUS_LABELS
from kinerja_desktop.services.pohon_service import PohonNode
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.form_support.roles import ObjectRole

COL_RHK, COL_OWNER, COL_STATUS, COL_INDICATORS = range(4)
_HEADERS = (
    QT_TRANSLATE_NOOP("PohonModel", "Rencana Hasil Kerja"),
    QT_TRANSLATE_NOOP("PohonModel", "Pemilik"),
    QT_TRANSLATE_NOOP("PohonModel", "Status SKP"),
    QT_TRANSLATE_NOOP("PohonModel", "Indikator Kinerja Individu"),
)
# Reads the RHK that intervene in each of the given RHK ids (one level).
ChildLoader = Callable[[Sequence[str]], dict[str, list[PohonNode]]]
_ROOT = QModelIndex()


class PohonModel(QAbstractItemModel):
    """RHK (column 0, the tree), owner, SKP status and indicators; ``ObjectRole`` gives the PohonNode."""

    def __init__(self, load_children: ChildLoader, parent: Any = None) -> None:
        super().__init__(parent)
        self._load_children = load_children
        self._nodes: list[PohonNode] = []
        self._parent: list[int] = []  # position of the parent node, -1 for roots
        self._children: dict[int, list[int]] = {-1: []}  # present once a node's level was read
        self._row: list[int] = []
        self._by_id: dict[str, int] = {}
        self._status_brush = {"SUBMITTED": QBrush(QColor("#1a56a8")), "RETURNED": QBrush(QColor("#b45309")),
                              "APPROVED": QBrush(QColor("#1e7a34")), "DRAFT": QBrush(QColor("#5f6368"))}

    # ------------------------------------------------------------------ loading

    def set_roots(self, nodes: Sequence[PohonNode]) -> None:
        self.beginResetModel()
        self._nodes, self._parent, self._row, self._by_id = [], [], [], {}
        self._children = {-1: []}
        self._append(-1, nodes)
        self.endResetModel()

    def _append(self, parent: int, nodes: Sequence[PohonNode]) -> None:
        siblings = self._children.setdefault(parent, [])
        for node in nodes:
            if node.rhk_id in self._by_id:  # a cycle in bad data: show each RHK once
                continue
            pos = len(self._nodes)
            self._nodes.append(node)
            self._parent.append(parent)
            self._row.append(len(siblings))
            siblings.append(pos)
            self._by_id[node.rhk_id] = pos

    def _pos(self, index: QModelIndex | QPersistentModelIndex) -> int:
        return int(index.internalId()) if index.isValid() else -1

    def node(self, index: QModelIndex | QPersistentModelIndex) -> PohonNode | None:
        return self._nodes[self._pos(index)] if index.isValid() else None

    def index_of(self, rhk_id: str, column: int = 0) -> QModelIndex:
        """The index of a loaded RHK (invalid when its level has not been read)."""
        pos = self._by_id.get(rhk_id)
        return _ROOT if pos is None else self.createIndex(self._row[pos], column, pos)

    def reveal(self, path: Sequence[str]) -> QModelIndex:
        """Read the levels along ``path`` (RHK ids from a root down) and return the last one's index;
        invalid when the path does not start at a root of this tree or leaves what is readable."""
        index = _ROOT
        for rhk_id in path:
            if rhk_id not in self._by_id:
                if not index.isValid():
                    continue  # above this tree's roots (the tree starts lower down)
                return _ROOT
            index = self.index_of(rhk_id)
            if self.canFetchMore(index):
                self.fetchMore(index)
        return index

    # ------------------------------------------------------------------ structure

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:
        if column < 0 or column >= len(_HEADERS):
            return QModelIndex()
        siblings = self._children.get(self._pos(parent), [])
        if not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self._parent[self._pos(index)]
        return QModelIndex() if up < 0 else self.createIndex(self._row[up], 0, up)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self._pos(parent), []))

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return len(_HEADERS)

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        if not parent.isValid():
            return bool(self._children[-1])
        if parent.column() != 0:
            return False
        pos = self._pos(parent)
        return bool(self._children[pos]) if pos in self._children else self._nodes[pos].children > 0

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not parent.isValid() or parent.column() != 0:
            return False
        pos = self._pos(parent)
        return pos not in self._children and self._nodes[pos].children > 0

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        pos = self._pos(parent)
        rhk_id = self._nodes[pos].rhk_id
        nodes = [n for n in self._load_children([rhk_id]).get(rhk_id, []) if n.rhk_id not in self._by_id]
        if not nodes:
            self._children[pos] = []
            return
        self.beginInsertRows(self.index(self._row[pos], 0, self.parent(parent)), 0, len(nodes) - 1)
        self._children[pos] = []
        self._append(pos, nodes)
        self.endInsertRows()

    # ------------------------------------------------------------------ data

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._nodes[self._pos(index)]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_RHK:
                kind = "" if node.kind == "UTAMA" else self.tr("[Tambahan] ")
                return kind + node.text
            if column == COL_OWNER:
                return node.owner_name
            if column == COL_STATUS:
                return tr_label(STATUS_LABELS.get(node.plan_status, node.plan_status))
            return "; ".join(node.indicators)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
            return self._status_brush.get(node.plan_status)
        if role == ObjectRole:
            return node
        return None

    def _tooltip(self, node: PohonNode) -> str:
        lines = [node.text, f"{node.owner_name} · NIP {node.owner_nip}" if node.owner_nip else node.owner_name]
        if node.owner_jabatan:
            lines.append(node.owner_jabatan)
        lines.extend(self.tr("IKI: {0}").format(text) for text in node.indicators)
        if node.children:
            lines.append(self.tr("{0} RHK bawahan mengintervensi RHK ini").format(node.children))
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(_HEADERS):
            return QCoreApplication.translate("PohonModel", _HEADERS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
