"""Usulan RHK: the draft RHK offered to a pegawai's SKP (from the matriks peran hasil or an import).

Accept as is, edit the text first, or decline; the plan editor reloads afterwards.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services import role_matrix_service as rm
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database

Index = QModelIndex | QPersistentModelIndex
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Dari", "RHK Pimpinan", "RHK Usulan", "Indikator dan Target", "Status")


class DraftTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.drafts: list[rm.DraftRhk] = []

    def set_drafts(self, drafts: list[rm.DraftRhk]) -> None:
        self.beginResetModel()
        self.drafts = drafts
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.drafts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self.drafts[index.row()]
        if role == OBJECT_ROLE:
            return d
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        col = index.column()
        if col == 0:
            return d.offered_by + (f"\n({d.peran})" if d.peran else "")
        if col == 1:
            return d.parent_text or "-"
        if col == 2:
            return d.text
        if col == 3:
            return "\n".join(f"• {i.get('text')} — {i.get('target')}" for i in d.indicators) or "-"
        return d.status_label

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags


class DraftsDialog(QDialog):
    """The draft RHK for one SKP; ``changed`` is True when something was accepted or declined."""

    def __init__(self, db: Database, user: CurrentUser, plan_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user, self.plan_id = db, user, plan_id
        self.changed = False
        self.setWindowTitle(self.tr("Usulan RHK untuk SKP Anda"))
        layout = QVBoxLayout(self)
        info = QLabel(self.tr("RHK di bawah ini diusulkan pimpinan Anda (matriks peran hasil) atau diimpor admin. "
                              "Terima untuk menambahkannya ke SKP dengan RHK pimpinan yang diintervensi sudah terisi; "
                              "Anda tetap dapat mengubahnya di SKP."), self)
        info.setWordWrap(True)
        layout.addWidget(info)
        self.model = DraftTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Terima"), self)
        self.edit_button = QPushButton(self.tr("Ubah lalu Terima…"), self)
        self.decline_button = QPushButton(self.tr("Tolak"), self)
        close = QPushButton(self.tr("Tutup"), self)
        self.accept_button.clicked.connect(lambda: self.take(edit=False))
        self.edit_button.clicked.connect(lambda: self.take(edit=True))
        self.decline_button.clicked.connect(self.decline)
        close.clicked.connect(self.accept)
        for b in (self.accept_button, self.edit_button, self.decline_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(1000, 460)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_drafts(rm.drafts_for_plan(self.db, self.user, self.plan_id))
        self.view.resizeRowsToContents()
        if self.model.rowCount():
            self.view.selectRow(0)

    def current(self) -> rm.DraftRhk | None:
        index = self.view.currentIndex()
        return self.model.data(index, OBJECT_ROLE) if index.isValid() else None

    @Slot()
    def take(self, edit: bool = False, text: str | None = None) -> bool:
        draft = self.current()
        if draft is None:
            return False
        if edit and text is None:
            text, ok = QInputDialog.getMultiLineText(self, self.tr("Ubah RHK"), self.tr("Rencana Hasil Kerja"),
                                                     draft.text)
            if not ok:
                return False
        try:
            rm.accept_draft(self.db, self.user, self.plan_id, draft.id, text=text if edit else None)
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return False
        self.changed = True
        self.message.setText(self.tr("Diterima ke SKP: {0}").format(text if edit else draft.text))
        self.refresh()
        return True

    @Slot()
    def decline(self) -> bool:
        draft = self.current()
        if draft is None:
            return False
        try:
            rm.decline_draft(self.db, self.user, self.plan_id, draft.id)
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return False
        self.changed = True
        self.refresh()
        return True
