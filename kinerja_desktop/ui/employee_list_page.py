"""The employee list: search-as-you-type over name, NIP and jabatan, status columns, open on Enter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui.models.employee_filter_proxy import EmployeeFilterProxy
from kinerja_desktop.ui.models.employee_table_model import (
    COL_EVAL,
    COL_JABATAN,
    COL_NAME,
    COL_NIP,
    COL_PLAN,
    COL_PREDIKAT,
    COL_UNIT,
    EmployeeTable,
    EmployeeTableModel,
    IdRole,
    ObjectRole,
)

#: Pause after the last keystroke before filtering (fast typists do not pay for every letter).
SEARCH_DEBOUNCE_MS = 120
COLUMN_WIDTHS = {COL_NAME: 215, COL_NIP: 168, COL_JABATAN: 190, COL_UNIT: 182, COL_PLAN: 92, COL_EVAL: 112,
                 COL_PREDIKAT: 120}


def format_count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class EmployeeListPage(QWidget):
    """Search field, counts and the employee table.

    Signals:
        employee_activated(str employee_id): Enter or double-click on a row.
        current_employee_changed(object row): the selected EmployeeRow (or None).
    """

    employee_activated = Signal(str)
    current_employee_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EmployeeTableModel(self)
        self.proxy = EmployeeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._scope_title = ""

        self.title_label = QLabel(self)
        self.title_label.setObjectName("scopeTitle")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("mutedLabel")
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(self.tr("Cari nama, NIP atau jabatan… (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(320)
        self.search_edit.setAccessibleName(self.tr("Cari pegawai"))

        self.table = QTableView(self)
        self.table.setObjectName("employeeTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Daftar pegawai"))
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for col, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(col, width)
        header.setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("mutedLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty_label)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.search_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addLayout(self._stack, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(self._debounce.start)
        self.search_edit.installEventFilter(self)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.proxy.filter_applied.connect(self._update_counts)
        self.proxy.modelReset.connect(self._update_counts)
        self._loading = False
        self._partial = False
        self._update_counts()

    # ------------------------------------------------------------------ loading

    def set_scope_title(self, title: str) -> None:
        self._scope_title = title
        self.title_label.setText(title)

    def set_loading(self, loading: bool) -> None:
        self._loading = loading
        self._update_counts()

    def set_table(self, table: EmployeeTable, *, partial: bool = False) -> None:
        """Show a freshly loaded list, keeping the search text, sort and current employee.

        ``partial``: only the first screen of the list; :meth:`append_rest` brings the others.
        """
        current = self.current_employee_id()
        self._loading = False
        self._partial = partial
        self.model.set_table(table)
        if current:
            self.select_employee(current)
        self._update_counts()

    def append_rest(self, rest: EmployeeTable) -> None:
        """Add the rest of a partial list, keeping search, sort, current employee and scroll position."""
        current = self.current_employee_id()
        selected = [i.data(IdRole) for i in self.table.selectionModel().selectedRows()]
        top = self.table.indexAt(QPoint(1, 1))
        top_id = top.data(IdRole) if top.isValid() else None
        self._partial = False
        self.model.append_table(rest)  # the proxy re-applies the search and sort typed meanwhile
        if current:
            self.select_employee(current, scroll=False)
        selection = self.table.selectionModel()
        for employee_id in selected:  # Ctrl/Shift-click selections (for Cetak) survive too
            row = self.model.row_of(employee_id) if employee_id != current else -1
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
            if index.isValid():
                selection.select(index, QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
        if top_id:
            row = self.model.row_of(top_id)
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
            if index.isValid():
                self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        self._update_counts()

    def is_partial(self) -> bool:
        """Whether only the first screen of the list is loaded yet."""
        return self._partial

    def set_unit_filter(self, unit_ids: list[str] | None, title: str) -> None:
        self.proxy.set_unit_filter(unit_ids)
        self.set_scope_title(title)

    # ------------------------------------------------------------------ search

    @Slot()
    def apply_search(self) -> None:
        """Filter now (the debounce timer calls this; tests and benchmarks may call it directly)."""
        self._debounce.stop()
        current = self.current_employee_id()
        self.proxy.set_filter_text(self.search_edit.text())
        if current:
            self.select_employee(current, scroll=True)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                self.apply_search()
                self._focus_table()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.apply_search()
                if self.proxy.rowCount() == 1:
                    self._activated(self.proxy.index(0, 0))
                else:
                    self._focus_table()
                return True
            if key == Qt.Key.Key_Escape and self.search_edit.text():
                self.search_edit.clear()
                self.apply_search()
                return True
        return super().eventFilter(watched, event)

    def _focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    # ------------------------------------------------------------------ selection

    def current_employee(self) -> Any:
        index = self.table.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def current_employee_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def select_employee(self, employee_id: str, *, scroll: bool = True) -> bool:
        row = self.model.row_of(employee_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        if scroll:
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            employee_id = index.data(IdRole)
            if employee_id:
                self.employee_activated.emit(employee_id)

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_employee_changed.emit(current.data(ObjectRole) if current.isValid() else None)

    def _update_counts(self, *args: Any) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if self._loading:
            text = self.tr("memuat…")
        elif shown == total:
            text = self.tr("{0} pegawai").format(format_count(total))
        else:
            text = self.tr("{0} dari {1} pegawai").format(format_count(shown), format_count(total))
        if self._partial and not self._loading:  # the first screen; the rest is on its way
            text += " · " + self.tr("memuat…")
        self.count_label.setText(text)
        if shown or self._loading or self._partial:
            self._stack.setCurrentWidget(self.table)
            return
        if self.proxy.filter_text().strip():
            self.empty_label.setText(self.tr("Tidak ada pegawai yang cocok dengan “{0}”.\n"
                                             "Periksa ejaan, atau cari dengan NIP atau jabatan.")
                                     .format(self.proxy.filter_text().strip()))
        else:
            self.empty_label.setText(self.tr("Tidak ada pegawai untuk ditampilkan di sini."))
        self._stack.setCurrentWidget(self.empty_label)
