"""Lampiran SKP: three numbered lists side by side, each with its own add field."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.kepegawaian import LampiranKind
from kinerja_desktop.services.plan_service import LampiranView
from kinerja_desktop.ui.form_support.delegates import WrapTextDelegate
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.form_support.messages import balloon_for
from kinerja_desktop.ui.form_support.roles import set_read_only_look
from kinerja_desktop.ui.plan_editor.lampiran_model import LampiranListModel, UpdateFn

HINTS = {
    LampiranKind.DUKUNGAN_SUMBER_DAYA: QT_TRANSLATE_NOOP("lampiran_panel", "Mis. anggaran, sarana, aplikasi, "
                                                                           "pelatihan yang diperlukan"),
    LampiranKind.SKEMA_PERTANGGUNGJAWABAN: QT_TRANSLATE_NOOP("lampiran_panel", "Mis. laporan bulanan kepada pimpinan"),
    LampiranKind.KONSEKUENSI: QT_TRANSLATE_NOOP("lampiran_panel", "Mis. akibat bila target tidak tercapai"),
}


class LampiranColumn(QWidget):
    """One list with its title, the items, an add field and a remove button.

    Signals:
        add_requested(str, str): lampiran kind, text.
        remove_requested(str): item id.
    """

    add_requested = Signal(str, str)
    remove_requested = Signal(str)

    def __init__(self, kind: LampiranKind, number: int, update: UpdateFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("<b>{0}. {1}</b>").format(number, tr_label(kind.label)), self)
        self.model = LampiranListModel(kind.value, update, self)
        self.view = QListView(self)
        self.view.setObjectName(f"lampiran_{kind.value}")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setItemDelegate(WrapTextDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(1)
        self.input = QLineEdit(self)
        self.input.setObjectName(f"lampiran_input_{kind.value}")
        self.input.setPlaceholderText(QCoreApplication.translate("lampiran_panel", HINTS[kind]))
        self.input.returnPressed.connect(self._add)
        self.add_button = QPushButton(self.tr("Tambah"), self)
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(self.tr("Hapus butir"), self)
        self.remove_button.clicked.connect(self._remove)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._remove)
        self.remove_button.setText(self.tr("Hapus"))
        self.remove_button.setToolTip(self.tr("Hapus butir terpilih (Delete); Ctrl+Z membatalkan"))
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.model.edit_refused.connect(self._refused)

    @Slot()
    def _add(self) -> None:
        text = self.input.text()
        if not text.strip():
            balloon_for(self).show_at(self.input, self.tr("Tulis isi butir {0} terlebih dahulu.").format(
                                                              tr_label(self.kind.label)))
            return
        self.add_requested.emit(self.kind.value, text)

    @Slot()
    def _remove(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.remove_requested.emit(self.model.item(index.row()).id)

    @Slot(QModelIndex, str)
    def _refused(self, index: QModelIndex, message: str) -> None:
        balloon_for(self).show_at(self.view.viewport(), message, self.view.visualRect(index))

    def set_items(self, items: list[LampiranView], editable: bool) -> None:
        self.model.set_items(items, editable)
        for w in (self.input, self.add_button, self.remove_button):
            w.setVisible(editable)
        set_read_only_look(self.view, not editable)


class LampiranPanel(QWidget):
    """The three lists of the Lampiran SKP."""

    def __init__(self, update: UpdateFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        self.columns: dict[str, LampiranColumn] = {}
        for n, kind in enumerate(LampiranKind):
            column = LampiranColumn(kind, n + 1, update, self)
            grid.addWidget(column, 0, n)
            self.columns[kind.value] = column

    def set_items(self, items: list[LampiranView], editable: bool) -> None:
        for column in self.columns.values():
            column.set_items(items, editable)
