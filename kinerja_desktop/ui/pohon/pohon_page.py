"""Pohon Kinerja page: a leader's RHK with the subordinates' RHK that intervene in it, level by level.

Reached from the navigation ("Pohon Kinerja") and from an RHK of an SKP (context menu "Lihat pohon
kinerja"). Keys: arrows move and Right/Left expand/collapse (a level is read when first expanded),
Enter opens the owner's SKP, Ctrl+F searches (the main window's "Cari" calls :meth:`PohonPage.focus_search`;
Enter in the search field, or F3, goes to the next hit), Escape goes back to the tree.

Signals:
    employee_open_requested(str employee_id): open this employee's SKP (the main window does it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.services import pohon_service
from kinerja_desktop.ui.pohon.pohon_model import COL_INDICATORS, COL_OWNER, COL_RHK, COL_STATUS, PohonModel
from kinerja_desktop.ui.workers import TaskContext, run_task


def _search_task(_ctx: TaskContext, db: Any, user: Any, year: int, text: str) -> list[tuple[str, ...]]:
    return pohon_service.search(db, user, year, text)


class PohonPage(QWidget):
    """The pohon kinerja of ``year`` from ``rhk_id`` (or the user's own RHK; an admin's: the office's top)."""

    employee_open_requested = Signal(str)

    def __init__(self, db: Any, user: Any, year: int, rhk_id: str | None = None,  # noqa: PLR0917
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user, self.year = db, user, year
        self.setObjectName("pohonPage")
        self.setWindowTitle(self.tr("Pohon Kinerja"))
        self._hits: list[tuple[str, ...]] = []
        self._hit = -1
        self._searched = ""
        self._search_task: Any = None
        roots = pohon_service.roots(db, user, year, rhk_id=rhk_id)  # raises PermissionDenied

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        title = QLabel(self.tr("Pohon Kinerja {0}").format(year), self)
        title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        layout.addWidget(title)
        hint = QLabel(self.tr("RHK pimpinan dan RHK bawahan yang mengintervensinya. Kanan/Kiri membuka dan menutup "
                              "cabang · Enter membuka SKP pemilik · Ctrl+F mencari"), self)
        hint.setStyleSheet("color: #5f6368;")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        bar = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("pohonSearch")
        self.search_edit.setPlaceholderText(self.tr("Cari RHK, indikator, nama atau NIP lalu tekan Enter"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.returnPressed.connect(self.find_next)
        self.search_edit.textEdited.connect(self._search_edited)
        bar.addWidget(self.search_edit, 1)
        self.search_label = QLabel("", self)
        self.search_label.setObjectName("pohonSearchResult")
        bar.addWidget(self.search_label)
        self.open_button = QPushButton(self.tr("Buka SKP"), self)
        self.open_button.setToolTip(self.tr("Buka SKP pemilik RHK yang dipilih (Enter)"))
        self.open_button.clicked.connect(self.open_current)
        bar.addWidget(self.open_button)
        self.collapse_button = QPushButton(self.tr("Tutup Semua"), self)
        bar.addWidget(self.collapse_button)
        layout.addLayout(bar)

        self.empty_label = QLabel(
            self.tr("Belum ada RHK pada SKP tahun {0} yang dapat Anda lihat.").format(year), self)
        self.empty_label.setObjectName("pohonEmpty")
        self.empty_label.setStyleSheet("color: #5f6368; padding: 12px;")
        layout.addWidget(self.empty_label)

        self.model = PohonModel(lambda ids: pohon_service.children(db, user, year, ids), self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("pohonTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.activated.connect(self._activated)
        self.collapse_button.clicked.connect(self.tree.collapseAll)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_RHK, QHeaderView.ResizeMode.Stretch)  # the text that tells RHK apart
        for column, width in ((COL_OWNER, 190), (COL_STATUS, 95), (COL_INDICATORS, 300)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        layout.addWidget(self.tree, 1)

        again = QShortcut(QKeySequence.StandardKey.FindNext, self)
        again.activated.connect(self.find_next)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_edit)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)
        back.activated.connect(self.tree.setFocus)

        self.model.set_roots(roots)
        self.empty_label.setVisible(not roots)
        if roots:
            first = self.model.index(0, 0)
            self.tree.setCurrentIndex(first)
            if len(roots) == 1:
                self.tree.expand(first)
        self.setFocusProxy(self.tree)

    # ------------------------------------------------------------------ opening

    def current_node(self) -> pohon_service.PohonNode | None:
        return self.model.node(self.tree.currentIndex())

    @Slot()
    def open_current(self) -> None:
        self._activated(self.tree.currentIndex())

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        node = self.model.node(index)
        if node is not None:
            self.employee_open_requested.emit(node.owner_id)

    @Slot(QPoint)
    def _menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        node = self.model.node(index)
        if node is None:
            return
        self.tree.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.tr("Buka SKP {0}").format(node.owner_name), lambda: self._activated(index))
        expand = menu.addAction(self.tr("Buka Cabang Ini"), lambda: self.tree.expandRecursively(index, 2))
        expand.setEnabled(node.children > 0)
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ search

    @Slot()
    def focus_search(self) -> None:
        """Ctrl+F (the main window's Cari) on this page: its own search field."""
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    @Slot(str)
    def _search_edited(self, _text: str) -> None:
        self.search_label.clear()

    @Slot()
    def find_next(self) -> None:
        """Enter in the search field: search (in a worker) for new text, else go to the next hit."""
        text = " ".join(self.search_edit.text().split())
        if not text:
            return
        if text != self._searched:
            if self._search_task is not None and self._search_task.running:
                self._search_task.cancel()
            self._searched = text
            self.search_label.setText(self.tr("Mencari…"))
            task = run_task(_search_task, self.db, self.user, self.year, text, title=self.tr("Mencari RHK"))
            task.succeeded.connect(lambda hits, searched=text: self._found(searched, hits))
            task.failed.connect(self.search_label.setText)
            self._search_task = task
            return
        self._show_hit(self._hit + 1)

    def _found(self, searched: str, hits: list[tuple[str, ...]]) -> None:
        if searched != self._searched:
            return
        roots = {self.model.node(self.model.index(r, 0)).rhk_id for r in range(self.model.rowCount())}  # type: ignore[union-attr]
        self._hits = [h for h in hits if roots.intersection(h)]  # only what lies in this tree
        self._hit = -1
        if not self._hits:
            self.search_label.setText(self.tr("Tidak ditemukan"))
            return
        self._show_hit(0)

    def _show_hit(self, number: int) -> None:
        if not self._hits:
            return
        self._hit = number % len(self._hits)
        index = self.model.reveal(self._hits[self._hit])
        if index.isValid():
            up = index.parent()
            while up.isValid():
                self.tree.expand(up)
                up = up.parent()
            self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            self.tree.setCurrentIndex(index)
        self.search_label.setText(self.tr("{0} dari {1}").format(self._hit + 1, len(self._hits)))
