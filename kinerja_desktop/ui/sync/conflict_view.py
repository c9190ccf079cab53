"""The Konflik view: fields that hold two values, and a person choosing one.

Left, every open conflict (data, employee, field, how many values); right, the values side by
side with their authors, and the choice. Only the owner of a field may choose (the pegawai for
plan and realisation, the pejabat penilai for ratings and feedback); others see why not. Values
that arrived for a signed record can only be acknowledged: the signed value stays.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui.workers import run_task


def _text(value: Any) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("conflict_view", "(kosong)")
    if value is True:
        return QCoreApplication.translate("conflict_view", "Ya")
    if value is False:
        return QCoreApplication.translate("conflict_view", "Tidak")
    return str(value)


class ConflictModel(QAbstractTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("ConflictModel", "Data"),
        QT_TRANSLATE_NOOP("ConflictModel", "Pegawai"),
        QT_TRANSLATE_NOOP("ConflictModel", "Nilai yang tampil"),
        QT_TRANSLATE_NOOP("ConflictModel", "Nilai lain"),
        QT_TRANSLATE_NOOP("ConflictModel", "Jenis"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[Any] = []

    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return item
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        col = index.column()
        if col == 0:
            return item.label
        if col == 1:
            return item.employee or "-"
        if col == 2:
            return _text(item.current.value)
        if col == 3:
            return " | ".join(_text(o.value) for o in item.others)
        return self.tr("Sudah ditandatangani") if item.kind == "frozen" else self.tr("Diubah bersamaan")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ConflictModel", self.COLUMNS[section])
        return None


def _load(ctx: Any, db: Any) -> list[Any]:
    from kinerja_desktop.sync.conflicts import list_conflicts

    return list_conflicts(db)


class ConflictPage(QWidget):
    """A tab listing conflicts; ``data_changed`` after a choice (the main window refreshes its list)."""

    data_changed = Signal()

    def __init__(self, db: Any, user_getter: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncConflictPage")
        self.db = db
        self._user = user_getter
        self.model = ConflictModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.summary = QLabel(self)
        self.detail_title = QLabel(self)
        self.detail_title.setWordWrap(True)
        self.values = QListWidget(self)
        self.values.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Pakai nilai yang dipilih"), self)
        self.ack_button = QPushButton(self.tr("&Tandai sudah diperiksa"), self)
        self.refresh_button = QPushButton(self.tr("&Muat ulang"), self)
        self.choose_button.clicked.connect(self.choose_selected)
        self.ack_button.clicked.connect(self.acknowledge)
        self.refresh_button.clicked.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.values.currentRowChanged.connect(lambda _row: self._update_buttons())

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.addWidget(self.detail_title)
        rl.addWidget(QLabel(self.tr("Pilih nilai yang benar:"), right))
        rl.addWidget(self.values, 1)
        rl.addWidget(self.hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.ack_button)
        rl.addLayout(buttons)
        split = QSplitter(self)
        left = QWidget(self)
        ll = QVBoxLayout(left)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        ll.addLayout(top)
        ll.addWidget(self.table, 1)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.task: Any = None
        self._update_buttons()
        self.reload()

    # ------------------------------------------------------------------ data

    @Slot()
    def reload(self) -> Any:
        self.summary.setText(self.tr("Memuat konflik…"))
        self.task = run_task(_load, self.db, title=self.tr("Memuat konflik"), owner=self)
        self.task.succeeded.connect(self._loaded)
        self.task.failed.connect(self.summary.setText)
        return self.task

    @Slot(object)
    def _loaded(self, items: list[Any]) -> None:
        self.model.set_items(items)
        if items:
            self.summary.setText(self.tr("{0} data memiliki lebih dari satu nilai.").format(len(items)))
            self.table.selectRow(0)
        else:
            self.summary.setText(self.tr("Tidak ada konflik. Semua data sama di setiap komputer yang sudah sinkron."))
            self._show_current(QModelIndex(), QModelIndex())

    def current_item(self) -> Any:
        index = self.table.currentIndex()
        return self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    @Slot(QModelIndex, QModelIndex)
    def _show_current(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.current_item()
        self.values.clear()
        if item is None:
            self.detail_title.setText("")
            self._update_buttons()
            return
        self.detail_title.setText(self.tr("<b>{0}</b><br>{1}").format(item.label, item.employee or ""))
        entries = [(None, item.current, self.tr("tampil sekarang"))] + [(o.conflict_id, o, "") for o in item.others]
        for cid, value, note in entries:
            who = value.author or self.tr("tidak diketahui")
            text = self.tr("{0}\n— oleh {1}").format(_text(value.value), who) + (f" ({note})" if note else "")
            li = QListWidgetItem(text, self.values)
            li.setData(Qt.ItemDataRole.UserRole, cid)
        self.values.setCurrentRow(0)
        if item.kind == "frozen":
            self.hint.setText(
                self.tr(
                    "Data ini sudah ditandatangani; nilai yang ditandatangani tetap berlaku. Nilai "
                    "lain dicatat untuk diperiksa (ubah melalui Revisi bila perlu)."
                )
            )
        else:
            self.hint.setText(
                self.tr(
                    "Dua perubahan dibuat bersamaan di komputer berbeda. Pilih yang benar; pilihan "
                    "Anda dikirim ke semua komputer pada sinkronisasi berikutnya."
                )
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.current_item()
        self.choose_button.setEnabled(item is not None and item.kind != "frozen" and self.values.currentRow() >= 0)
        self.ack_button.setEnabled(item is not None and item.kind == "frozen")

    # ------------------------------------------------------------------ choices

    @Slot()
    def choose_selected(self) -> Any:
        from kinerja_desktop.sync.conflicts import resolve

        item = self.current_item()
        row = self.values.currentItem()
        if item is None or row is None:
            return None
        choice = row.data(Qt.ItemDataRole.UserRole)
        user = self._user()
        task = run_task(
            lambda _ctx: resolve(self.db, user, item.table, item.row_id, item.field, choice),
            title=self.tr("Menyimpan pilihan"),
            owner=self,
        )
        task.succeeded.connect(lambda _r: (self.data_changed.emit(), self.reload()))
        task.failed.connect(self.hint.setText)
        self.task = task
        return task

    @Slot()
    def acknowledge(self) -> Any:
        from kinerja_desktop.sync.conflicts import dismiss

        item = self.current_item()
        if item is None:
            return None
        user = self._user()
        task = run_task(lambda _ctx: dismiss(self.db, user, item.ids), title=self.tr("Menandai konflik"), owner=self)
        task.succeeded.connect(lambda _r: self.reload())
        task.failed.connect(self.hint.setText)
        self.task = task
        return task
