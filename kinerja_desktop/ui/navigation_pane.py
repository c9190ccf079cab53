"""Left-hand navigation: the user's lists (SKP Saya, Bawahan Saya, Semua Pegawai) and the unit tree.

Which entries exist follows what the services reported at sign-in (admin, has subordinates,
linked to an employee); the pane decides nothing about permissions itself.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui.models.unit_tree_model import IdRole, UnitIndex, UnitTreeModel
from kinerja_desktop.ui.session_tasks import SCOPE_ALL, SCOPE_SELF, SCOPE_SUBORDINATES

MY_SKP = "my_skp"
TASKS = "tasks"
POHON = "pohon"
_KeyRole = Qt.ItemDataRole.UserRole + 1


class NavigationPane(QWidget):
    """Signals:
        scope_selected(str scope): one of session_tasks.SCOPE_* was chosen.
        unit_selected(object unit_id, str title): a unit (or None = every unit) was chosen.
        my_skp_requested(): "SKP Saya" was chosen.
        unit_view_requested(str unit_id): "Buka Tampilan Unit" on a unit.
    """

    scope_selected = Signal(str)
    unit_selected = Signal(object, str)
    my_skp_requested = Signal()
    tasks_requested = Signal()
    pohon_requested = Signal()
    unit_view_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections = QListWidget(self)
        self.sections.setObjectName("navigationList")
        self.sections.setAccessibleName(self.tr("Navigasi"))
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setFrameShape(QFrame.Shape.NoFrame)
        self.sections.setStyleSheet("QListWidget#navigationList { background: transparent; }"
                                    "QListWidget#navigationList::item { padding: 3px 4px; }")
        self.setMinimumWidth(180)
        self.units_label = QLabel(self.tr("Unit Kerja"), self)
        self.units_label.setObjectName("scopeTitle")
        self.unit_model = UnitTreeModel(self)
        # Finding one of 2,500 units: a proxy keeps matching units and the path down to them.
        self.unit_proxy = QSortFilterProxyModel(self)
        self.unit_proxy.setSourceModel(self.unit_model)
        self.unit_proxy.setRecursiveFilteringEnabled(True)
        self.unit_proxy.setAutoAcceptChildRows(True)
        self.unit_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.unit_filter_edit = QLineEdit(self)
        self.unit_filter_edit.setObjectName("unitFilterEdit")
        self.unit_filter_edit.setPlaceholderText(self.tr("Cari unit kerja…"))
        self.unit_filter_edit.setClearButtonEnabled(True)
        self.unit_tree = QTreeView(self)
        self.unit_tree.setObjectName("unitTree")
        self.unit_tree.setModel(self.unit_proxy)
        self.unit_tree.setHeaderHidden(True)
        self.unit_tree.setUniformRowHeights(True)
        # Long names that differ only at the end ("Seksi Pembinaan Teknis I/II") stay apart when cut.
        self.unit_tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.unit_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unit_tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.unit_tree.setAccessibleName(self.tr("Pohon unit kerja"))

        self.unit_view_action = QAction(self.tr("Buka &Tampilan Unit"), self)
        self.unit_view_action.triggered.connect(self._request_unit_view)

        tree_box = QWidget(self)
        tree_layout = QVBoxLayout(tree_box)
        tree_layout.setContentsMargins(0, 4, 0, 0)
        tree_layout.addWidget(self.units_label)
        tree_layout.addWidget(self.unit_filter_edit)
        tree_layout.addWidget(self.unit_tree, 1)
        self._tree_box = tree_box

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.sections)
        layout.addWidget(tree_box, 1)
        self._layout = layout

        self.sections.currentItemChanged.connect(self._section_changed)
        self.sections.itemActivated.connect(self._section_activated)
        self.sections.itemClicked.connect(self._section_activated)
        self.unit_tree.selectionModel().currentChanged.connect(self._unit_changed)
        self.unit_tree.activated.connect(self._unit_activated)
        self.unit_tree.customContextMenuRequested.connect(self._unit_menu)
        self.unit_filter_edit.textChanged.connect(self._filter_units)
        self._quiet = False

    # ------------------------------------------------------------------ setup

    def configure(self, *, is_admin: bool, is_penilai: bool, has_employee: bool, units: UnitIndex | None,
                  scope: str) -> None:
        """Build the entries for this user (from what the services reported)."""
        self._quiet = True
        self.sections.clear()
        self._add(TASKS, self.tr("Tugas"), self.tr("Yang menunggu Anda: persetujuan, evaluasi, tanda tangan"))
        if has_employee:
            self._add(MY_SKP, self.tr("SKP Saya"), self.tr("Rencana, realisasi dan evaluasi kinerja Anda sendiri"))
        if has_employee or is_admin:
            self._add(POHON, self.tr("Pohon Kinerja"),
                      self.tr("RHK pimpinan dan RHK bawahan yang mengintervensinya, tingkat demi tingkat"))
        if is_penilai:
            self._add(SCOPE_SUBORDINATES, self.tr("Bawahan Saya"),
                      self.tr("Pegawai yang Anda nilai sebagai pejabat penilai kinerja"))
            if not is_admin:
                self._add(SCOPE_ALL, self.tr("Semua Bawahan"),
                          self.tr("Bawahan langsung dan bawahan dari bawahan Anda"))
        if is_admin:
            self._add(SCOPE_ALL, self.tr("Semua Pegawai"), self.tr("Seluruh pegawai instansi"))
        if not is_admin and not is_penilai:
            self._add(SCOPE_SELF, self.tr("Status Saya"), self.tr("Status SKP dan evaluasi Anda"))
        if units is not None:
            self.sections.setFixedHeight(max(1, self.sections.count()) * (self.sections.sizeHintForRow(0) + 2) + 6)
        else:
            self.sections.setMinimumHeight(0)
            self.sections.setMaximumHeight(16777215)
        self._tree_box.setVisible(units is not None)
        self._layout.setStretch(0, 0 if units is not None else 1)
        if units is not None:
            self.unit_model.set_index(units)
            self.unit_tree.expandToDepth(0)
        self.select_scope(scope)
        self._quiet = False

    def _add(self, key: str, text: str, tip: str) -> None:
        item = QListWidgetItem(text, self.sections)
        item.setData(_KeyRole, key)
        item.setToolTip(tip)

    def set_task_count(self, count: int) -> None:
        """Show how many tasks wait ("Tugas (3)")."""
        for row in range(self.sections.count()):
            item = self.sections.item(row)
            if item.data(_KeyRole) == TASKS:
                item.setText(self.tr("Tugas ({0})").format(count) if count else self.tr("Tugas"))
                font = item.font()
                font.setBold(bool(count))
                item.setFont(font)

    def update_counts(self, units: UnitIndex) -> None:
        """New employee counts for the same tree (the tooltips)."""
        self.unit_model.set_counts(units)

    def select_scope(self, scope: str) -> None:
        for row in range(self.sections.count()):
            item = self.sections.item(row)
            if item.data(_KeyRole) == scope:
                was = self._quiet
                self._quiet = True
                self.sections.setCurrentItem(item)
                self._quiet = was
                return

    def select_unit(self, unit_id: str) -> None:
        index = self.unit_proxy.mapFromSource(self.unit_model.index_of(unit_id))
        if index.isValid():
            self.unit_tree.setCurrentIndex(index)
            self.unit_tree.scrollTo(index)

    def current_unit_id(self) -> str | None:
        index = self.unit_tree.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def keys(self) -> list[str]:
        return [self.sections.item(r).data(_KeyRole) for r in range(self.sections.count())]

    # ------------------------------------------------------------------ behaviour

    @Slot(QListWidgetItem, QListWidgetItem)
    def _section_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None or self._quiet:
            return
        key = current.data(_KeyRole)
        if key == MY_SKP:
            self.my_skp_requested.emit()
            return
        if key == TASKS:
            self.tasks_requested.emit()
            return
        if key == POHON:
            self.pohon_requested.emit()
            return
        if key == SCOPE_ALL and self.unit_model.unit_count():
            self.unit_tree.clearSelection()
            self.unit_tree.setCurrentIndex(QModelIndex())
            self.unit_selected.emit(None, current.text())
        self.scope_selected.emit(key)

    @Slot(QListWidgetItem)
    def _section_activated(self, item: QListWidgetItem) -> None:
        if item.data(_KeyRole) == MY_SKP:
            self.my_skp_requested.emit()
        elif item.data(_KeyRole) == TASKS:
            self.tasks_requested.emit()
        elif item.data(_KeyRole) == POHON:
            self.pohon_requested.emit()

    @Slot(QModelIndex, QModelIndex)
    def _unit_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        # The tree and the list are one choice: un-choose the list so "Semua Pegawai" can be chosen again.
        was = self._quiet
        self._quiet = True
        self.sections.setCurrentRow(-1)
        self._quiet = was
        self.scope_selected.emit(SCOPE_ALL)
        self.unit_selected.emit(current.data(IdRole), current.data(Qt.ItemDataRole.DisplayRole))

    @Slot(str)
    def _filter_units(self, text: str) -> None:
        self.unit_proxy.setFilterFixedString(text.strip())
        if len(text.strip()) >= 2:
            self.unit_tree.expandAll()  # show where the matches are
        elif not text.strip():
            self.unit_tree.collapseAll()
            self.unit_tree.expandToDepth(0)

    @Slot(QModelIndex)
    def _unit_activated(self, index: QModelIndex) -> None:
        if index.isValid() and index.model().hasChildren(index):
            self.unit_tree.setExpanded(index, not self.unit_tree.isExpanded(index))

    @Slot(QPoint)
    def _unit_menu(self, pos: QPoint) -> None:
        if not self.unit_tree.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        menu.addAction(self.unit_view_action)
        menu.exec(self.unit_tree.viewport().mapToGlobal(pos))

    @Slot()
    def _request_unit_view(self) -> None:
        unit_id = self.current_unit_id()
        if unit_id:
            self.unit_view_requested.emit(unit_id)
