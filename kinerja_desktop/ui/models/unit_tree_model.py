"""The unit tree (Pemerintah Kabupaten > Dinas > Bidang > Seksi) over ``query_service.unit_tree``.

Nodes are kept in one flat list; an index's internal id is the node's position in it,
so no Python object has to outlive Qt's pointer (safer than ``internalPointer``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

ObjectRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
IdRole = Qt.ItemDataRole.UserRole + 3
#: Number of employees in the unit and all units below it (when counts were given).
CountRole = Qt.ItemDataRole.UserRole + 4

_ROOT = QModelIndex()


class UnitIndex:
    """The flattened tree: built once (in a worker for 2,500 units), then read by the model."""

    def __init__(self, roots: Sequence[Any] = (), counts: dict[str, int] | None = None) -> None:
        self.roots = list(roots)
        self.nodes: list[Any] = []  # UnitNode, in depth-first order
        self.parent: list[int] = []  # position of the parent node, -1 for roots
        self.row: list[int] = []  # row of the node under its parent
        self.children: dict[int, list[int]] = {-1: []}
        self.by_id: dict[str, int] = {}
        stack: list[tuple[Any, int]] = [(n, -1) for n in reversed(self.roots)]
        while stack:
            node, parent = stack.pop()
            pos = len(self.nodes)
            siblings = self.children[parent]
            self.nodes.append(node)
            self.parent.append(parent)
            self.row.append(len(siblings))
            siblings.append(pos)
            self.children[pos] = []
            self.by_id[node.id] = pos
            stack.extend((child, pos) for child in reversed(node.children))
        seen: set[str] = set()
        #: Names more than one unit has ("Seksi Pelayanan" in every kecamatan): shown with their code.
        self.shared_names: set[str] = set()
        for node in self.nodes:
            (self.shared_names if node.name in seen else seen).add(node.name)
        self.counts: dict[str, int] = {}
        if counts is not None:
            self.set_counts(counts)

    def set_counts(self, direct: dict[str, int]) -> None:
        """Employees per unit including every unit below it."""
        totals: dict[str, int] = {}
        nodes, children = self.nodes, self.children
        for pos in range(len(nodes) - 1, -1, -1):  # children come after their parent
            total = direct.get(nodes[pos].id, 0)
            for child in children[pos]:
                total += totals[nodes[child].id]
            totals[nodes[pos].id] = total
        self.counts = totals

    def with_counts(self, direct: dict[str, int]) -> UnitIndex:
        """A copy sharing the structure, with other counts (for a reloaded list)."""
        other = UnitIndex.__new__(UnitIndex)
        other.__dict__.update(self.__dict__)
        other.set_counts(direct)
        return other


class UnitTreeModel(QAbstractItemModel):
    """Units as a tree; column 0 is the unit name. ``ObjectRole`` gives the ``UnitNode``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._adopt(UnitIndex())

    def set_units(self, roots: Sequence[Any], counts: dict[str, int] | None = None) -> None:
        """Load a forest of ``UnitNode`` (``id, code, name, children``); ``counts``: employees per unit id."""
        self.set_index(UnitIndex(roots, counts))

    def set_index(self, index: UnitIndex) -> None:
        """Load a prepared :class:`UnitIndex` (cheap: the work was done when it was built)."""
        self.beginResetModel()
        self._adopt(index)
        self.endResetModel()

    def _adopt(self, index: UnitIndex) -> None:
        self._index = index
        self._nodes, self._parent, self._row = index.nodes, index.parent, index.row
        self._children, self._by_id, self._counts = index.children, index.by_id, index.counts

    def set_counts(self, index: UnitIndex) -> None:
        """New employee counts for the same units (tooltips only: no reset needed)."""
        self._index, self._counts = index, index.counts

    def unit_index(self) -> UnitIndex:
        return self._index

    # ------------------------------------------------------------------ helpers

    def node(self, index: QModelIndex | QPersistentModelIndex) -> Any:
        return self._nodes[index.internalId()] if index.isValid() else None

    def index_of(self, unit_id: str) -> QModelIndex:
        pos = self._by_id.get(unit_id)
        return self.createIndex(self._row[pos], 0, pos) if pos is not None else QModelIndex()

    def descendant_ids(self, unit_id: str) -> list[str]:
        """The unit and every unit below it (from the loaded tree; no query)."""
        start = self._by_id.get(unit_id)
        if start is None:
            return []
        out, stack = [], [start]
        while stack:
            pos = stack.pop()
            out.append(self._nodes[pos].id)
            stack.extend(self._children[pos])
        return out

    def unit_count(self) -> int:
        return len(self._nodes)

    # ------------------------------------------------------------------ Qt API

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        parent_pos = parent.internalId() if parent.isValid() else -1
        children = self._children.get(parent_pos, [])
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: Any = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        parent_pos = self._parent[index.internalId()]
        if parent_pos < 0:
            return QModelIndex()
        return self.createIndex(self._row[parent_pos], 0, parent_pos)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else -1, []))

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 1

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return self.rowCount(parent) > 0

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{node.name} ({node.code})" if node.name in self._index.shared_names else node.name
        if role == Qt.ItemDataRole.ToolTipRole:
            count = self._counts.get(node.id)
            text = QCoreApplication.translate("UnitTreeModel", "{0} (kode {1})").format(node.name, node.code)
            if count is not None:
                text += "\n" + QCoreApplication.translate("UnitTreeModel", "{0} pegawai").format(f"{count:,}"
                                                                                                 .replace(",", "."))
            return text
        if role == ObjectRole:
            return node
        if role in (IdRole,):
            return node.id
        if role == SortRole:
            return node.code
        if role == CountRole:
            return self._counts.get(node.id)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and section == 0:
            return QCoreApplication.translate("UnitTreeModel", "Unit Kerja")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
