"""The penilai's weekly digest: who of the team logged what, who has gaps, and umpan balik on an entry.

The grid shows each member's days (entries, late, not logged, days off); choosing a member lists the
week's entries below, where the penilai types a short umpan balik on the selected entry (Enter saves).
Alt+Left / Alt+Right go a week back / forward.

Signals: ``data_changed()`` after an umpan balik is saved.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.periods import MONTH_NAMES
from kinerja_desktop.services import daily_log_service as dl
from kinerja_desktop.ui.harian.entry_table_model import EntryTableModel, WeekTableModel

__all__ = ["TeamWeekPage"]


class TeamWeekPage(QWidget):
    """Signals: ``data_changed()``."""

    data_changed = Signal()

    def __init__(self, db: Any, user: Any, *, day: date | None = None, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self._today = today
        self.day = day or self.today()
        self.week: dl.TeamWeek | None = None
        self.setWindowTitle(self.tr("Progres Tim (Mingguan)"))
        self._build()
        self.load()

    def today(self) -> date:
        return self._today or date.today()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        nav = QHBoxLayout()
        self.prev_button = QToolButton(self)
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Minggu sebelumnya (Alt+Left)"))
        self.prev_button.clicked.connect(lambda: self.go(self.day - timedelta(days=7)))
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.next_button = QToolButton(self)
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Minggu berikutnya (Alt+Right)"))
        self.next_button.clicked.connect(lambda: self.go(self.day + timedelta(days=7)))
        nav.addWidget(self.prev_button)
        nav.addWidget(self.title)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        outer.addLayout(nav)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.week_model = WeekTableModel(self)
        self.week_table = QTableView(split)
        self.week_table.setModel(self.week_model)
        self.week_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.week_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.week_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.week_table.verticalHeader().setVisible(False)
        self.week_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_member())
        lower = QWidget(split)
        box = QVBoxLayout(lower)
        box.setContentsMargins(0, 0, 0, 0)
        self.member_label = QLabel(lower)
        box.addWidget(self.member_label)
        self.entry_model = EntryTableModel(self, show_day=True)
        self.entry_table = QTableView(lower)
        self.entry_table.setModel(self.entry_model)
        self.entry_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entry_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.entry_table.horizontalHeader()
        header.setSectionResizeMode(EntryTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EntryTableModel.FEEDBACK, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EntryTableModel.LINK, QHeaderView.ResizeMode.Stretch)
        self.entry_table.verticalHeader().setVisible(False)
        self.entry_table.selectionModel().currentRowChanged.connect(lambda *_: self._entry_chosen())
        box.addWidget(self.entry_table, 1)
        row = QHBoxLayout()
        self.feedback_edit = QLineEdit(lower)
        self.feedback_edit.setPlaceholderText(self.tr("Umpan balik singkat untuk progres yang dipilih (Enter)"))
        self.feedback_edit.setAccessibleName(self.tr("Umpan balik"))
        self.feedback_edit.returnPressed.connect(self.save_feedback)
        self.feedback_button = QPushButton(self.tr("Simpan umpan balik"), lower)
        self.feedback_button.clicked.connect(self.save_feedback)
        row.addWidget(self.feedback_edit, 1)
        row.addWidget(self.feedback_button)
        box.addLayout(row)
        self.message = QLabel(lower)
        box.addWidget(self.message)
        split.addWidget(self.week_table)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        outer.addWidget(split, 1)
        for keys, step in (("Alt+Left", -7), ("Alt+Right", 7)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.go(self.day + timedelta(days=step)))

    def go(self, day: date) -> None:
        self.day = min(day, self.today())
        self.load()

    def load(self) -> None:
        selected = self._member_id()
        try:
            self.week = dl.team_week(self.db, self.user, self.day, today=self.today())
        except KinerjaError as exc:
            self.week = None
            self.week_model.set_members([])
            self.summary.setText(str(exc))
            return
        monday, sunday = self.week.days[0], self.week.days[-1]
        self.title.setText(self.tr("Minggu {0} {1} – {2} {3} {4}").format(
            monday.day, MONTH_NAMES[monday.month - 1][:3], sunday.day, MONTH_NAMES[sunday.month - 1][:3], sunday.year))
        self.next_button.setEnabled(sunday < self.today())
        self.week_model.set_members(self.week.members)
        gaps = self.week.gaps()
        names = [m.nama for m in self.week.members if m.employee_id in gaps]
        self.summary.setText(
            self.tr("{0} pegawai; {1} sudah mengisi semua hari kerja minggu ini.").format(
                len(self.week.members), len(self.week.members) - len(names))
            + (" " + self.tr("Ada yang belum diisi: {0}.").format(", ".join(names).rstrip(".")) if names else ""))
        for col in range(1, 9):
            self.week_table.resizeColumnToContents(col)
        row = next((i for i, m in enumerate(self.week.members) if m.employee_id == selected), 0)
        if self.week.members:
            self.week_table.selectRow(row)
        self._show_member()

    def _member_id(self) -> str | None:
        index = self.week_table.currentIndex()
        member = self.week_model.member(index.row()) if index.isValid() else None
        return member.employee_id if member else None

    def _show_member(self) -> None:
        member_id = self._member_id()
        member = next((m for m in self.week.members if m.employee_id == member_id), None) if self.week else None
        if member is None:
            self.entry_model.set_rows([])
            self.member_label.setText("")
            return
        entries = self.week.entries.get(member.employee_id, []) if self.week else []
        self.member_label.setText(self.tr("{0}: {1} progres minggu ini").format(member.nama, len(entries)))
        self.entry_model.set_rows(entries)
        self.entry_table.resizeColumnToContents(EntryTableModel.DAY)

    def _entry_chosen(self) -> None:
        index = self.entry_table.currentIndex()
        entry = self.entry_model.entry(index.row()) if index.isValid() else None
        self.feedback_edit.setText(entry.umpan_balik if entry else "")

    @Slot()
    def save_feedback(self) -> None:
        index = self.entry_table.currentIndex()
        entry = self.entry_model.entry(index.row()) if index.isValid() else None
        if entry is None:
            self.message.setText(self.tr("Pilih dulu progres yang akan diberi umpan balik."))
            return
        try:
            dl.set_feedback(self.db, self.user, entry.id, self.feedback_edit.text())
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("Umpan balik disimpan."))
        row = index.row()
        self.load()
        if 0 <= row < self.entry_model.rowCount():
            self.entry_table.selectRow(row)
        self.data_changed.emit()
