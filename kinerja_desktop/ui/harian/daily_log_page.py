"""The Progres Harian page: today's entries of the signed-in pegawai, typed and saved with the keyboard.

Opens on today with the cursor in the entry line: type what was done, Enter saves (Tab reaches the
rencana aksi / RHK choice and the hours first when wanted). Alt+Left / Alt+Right go to the previous /
next day, Alt+Home back to today; F2 edits the selected entry's text or hours in place, Delete removes
it. Below, the month so far: days logged, late and not logged, each missing day a link to it.

Signals: ``data_changed()`` after every write.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.periods import MONTH_NAMES
from kinerja_desktop.domain.working_days import DAY_NAMES
from kinerja_desktop.services import daily_log_service as dl
from kinerja_desktop.ui.harian.entry_table_model import EntryTableModel

__all__ = ["DailyLogPage", "day_title"]

#: Shortcuts of the page (also listed in its tooltip texts).
PREVIOUS_DAY, NEXT_DAY, TODAY = "Alt+Left", "Alt+Right", "Alt+Home"


def day_title(day: date) -> str:
    return f"{DAY_NAMES[day.weekday()]}, {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


class DailyLogPage(QWidget):
    """Signals: ``data_changed()``."""

    data_changed = Signal()

    def __init__(self, db: Any, user: Any, *, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self._today = today
        self.day = self.today()
        self.setWindowTitle(self.tr("Progres Harian"))
        self._build()
        self.load()

    def today(self) -> date:
        return self._today or date.today()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        nav = QHBoxLayout()
        self.prev_button = QToolButton(self)
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Hari sebelumnya ({0})").format(PREVIOUS_DAY))
        self.prev_button.clicked.connect(lambda: self.go(self.day - timedelta(days=1)))
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.next_button = QToolButton(self)
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Hari berikutnya ({0})").format(NEXT_DAY))
        self.next_button.clicked.connect(lambda: self.go(self.day + timedelta(days=1)))
        self.today_button = QPushButton(self.tr("Hari ini"), self)
        self.today_button.setToolTip(TODAY)
        self.today_button.clicked.connect(lambda: self.go(self.today()))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setAccessibleName(self.tr("Pilih tanggal"))
        self.date_edit.dateChanged.connect(self._date_picked)
        for w in (self.prev_button, self.title, self.next_button):
            nav.addWidget(w)
        nav.addStretch(1)
        nav.addWidget(self.today_button)
        nav.addWidget(self.date_edit)
        outer.addLayout(nav)
        self.day_note = QLabel(self)
        self.day_note.setWordWrap(True)
        outer.addWidget(self.day_note)

        row = QHBoxLayout()
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("Apa yang Anda kerjakan? Tekan Enter untuk menyimpan"))
        self.text_edit.setAccessibleName(self.tr("Uraian kegiatan"))
        self.text_edit.setMaxLength(dl.MAX_ENTRY)
        self.text_edit.returnPressed.connect(self.save)
        self.link_combo = QComboBox(self)
        self.link_combo.setAccessibleName(self.tr("Rencana aksi atau RHK"))
        self.link_combo.setMinimumContentsLength(24)
        self.link_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.hours_edit = QLineEdit(self)
        self.hours_edit.setPlaceholderText(self.tr("jam"))
        self.hours_edit.setAccessibleName(self.tr("Jam kerja"))
        self.hours_edit.setFixedWidth(56)
        self.hours_edit.returnPressed.connect(self.save)
        self.save_button = QPushButton(self.tr("Simpan"), self)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.text_edit, 3)
        row.addWidget(self.link_combo, 2)
        row.addWidget(self.hours_edit)
        row.addWidget(self.save_button)
        outer.addLayout(row)
        self.message = QLabel(self)
        outer.addWidget(self.message)

        self.model = EntryTableModel(self, commit=self._commit_edit)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setColumnHidden(EntryTableModel.DAY, True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(EntryTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EntryTableModel.FEEDBACK, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EntryTableModel.LINK, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        outer.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.evidence_button = QPushButton(self.tr("Lampirkan bukti…"), self)
        self.evidence_button.clicked.connect(self.attach_evidence)
        self.delete_button = QPushButton(self.tr("Hapus"), self)
        self.delete_button.setToolTip(self.tr("Hapus progres yang dipilih (Delete)"))
        self.delete_button.clicked.connect(self.delete_selected)
        buttons.addWidget(self.evidence_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.month_label = QLabel(self)
        self.month_label.setWordWrap(True)
        self.month_label.setTextFormat(Qt.TextFormat.RichText)
        self.month_label.linkActivated.connect(lambda href: self.go(date.fromisoformat(href)))
        outer.addWidget(self.month_label)

        for keys, slot in ((PREVIOUS_DAY, lambda: self.go(self.day - timedelta(days=1))),
                           (NEXT_DAY, lambda: self.go(self.day + timedelta(days=1))),
                           (TODAY, lambda: self.go(self.today()))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)

    # ------------------------------------------------------------------ data

    def go(self, day: date) -> None:
        """Show ``day`` (never a day after today)."""
        self.day = min(day, self.today())
        self.message.clear()  # "Tersimpan." belonged to the day left
        self.load()
        self.text_edit.setFocus()

    @Slot(QDate)
    def _date_picked(self, qdate: QDate) -> None:
        picked = date(qdate.year(), qdate.month(), qdate.day())
        if picked != self.day:
            self.go(picked)

    def load(self) -> None:
        day = self.day
        self.title.setText(day_title(day) + (self.tr(" (hari ini)") if day == self.today() else ""))
        self.date_edit.blockSignals(True)
        self.date_edit.setMaximumDate(QDate(self.today().year, self.today().month, self.today().day))
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)
        self.next_button.setEnabled(day < self.today())
        try:
            rows = dl.entries(self.db, self.user, None, day)
            month = dl.person_month(self.db, self.user, None, day.year, day.month, today=self.today())
        except KinerjaError as exc:
            self.model.set_rows([])
            self.day_note.setText(str(exc))
            return
        self.model.set_rows(rows)
        self.table.resizeColumnToContents(EntryTableModel.STATUS)
        status = month.days[day.day - 1]
        note = self.tr("Hari kerja.") if status.working else self.tr("Bukan hari kerja ({0}); progres tetap boleh "
                                                                     "diisi.").format(status.reason)
        if self._would_be_late(day):
            note += " " + self.tr("Batas pengisian hari ini sudah lewat: progres baru ditandai terlambat.")
        self.day_note.setText(note)
        self._fill_links(day)
        self._show_month(month)

    def _would_be_late(self, day: date) -> bool:
        from kinerja_desktop.services.calendar_service import calendar_of, late_window

        return calendar_of(self.db).is_late(day, self.today(), late_window(self.db))

    def _fill_links(self, day: date) -> None:
        from kinerja_desktop.services.action_plan_service import action_periods, list_actions
        from kinerja_desktop.services.plan_service import current_plan_id, get_plan

        current = self.link_combo.currentData()
        self.link_combo.clear()
        self.link_combo.addItem(self.tr("(tanpa tautan)"), None)
        plan_id = current_plan_id(self.db, self.user.employee_id, day.year) if self.user.employee_id else None
        if plan_id:
            try:
                quarterly = action_periods(self.db)[0] == "TW1"  # the instansi plans per quarter
                period = f"TW{(day.month - 1) // 3 + 1}" if quarterly else f"B{day.month:02d}"
                for a in list_actions(self.db, self.user, plan_id, period):
                    self.link_combo.addItem(self.tr("Rencana aksi: {0}").format(a.text), f"ra:{a.id}")
                for r in get_plan(self.db, self.user, plan_id).rhk:
                    self.link_combo.addItem(self.tr("RHK: {0}").format(r.text), f"rhk:{r.id}")
            except KinerjaError:
                pass
        found = self.link_combo.findData(current)
        self.link_combo.setCurrentIndex(max(found, 0))

    def _show_month(self, month: dl.PersonMonth) -> None:
        gaps = [d.day for d in month.days if d.missing]
        links = ", ".join(f'<a href="{d.isoformat()}">{d.day}</a>' for d in gaps)
        text = self.tr("{0} {1}: {2} dari {3} hari kerja sudah diisi, {4} terlambat, {5} belum diisi.").format(
            MONTH_NAMES[month.month - 1], month.year, month.logged,
            sum(1 for d in month.days if d.working and d.day <= self.today()), month.late, month.missing)
        if gaps:
            text += " " + self.tr("Belum diisi: {0}").format(links)
        self.month_label.setText(text)

    # ------------------------------------------------------------------ actions

    @Slot()
    def save(self) -> None:
        text = self.text_edit.text()
        kind, _sep, link = str(self.link_combo.currentData() or "").partition(":")
        try:
            dl.add_entry(self.db, self.user, self.day, text, hours=self.hours_edit.text() or None,
                         rhk_id=link if kind == "rhk" else None, rencana_aksi_id=link if kind == "ra" else None,
                         today=self.today())
        except KinerjaError as exc:
            self.message.setText(str(exc))
            self.message.setStyleSheet("color: #a00;")
            return
        late = self._would_be_late(self.day)
        self.message.setText(self.tr("Tersimpan (terlambat).") if late else self.tr("Tersimpan."))
        self.message.setStyleSheet("color: #b35c00;" if late else "color: #1b5e20;")
        self.text_edit.clear()
        self.hours_edit.clear()
        self.load()
        self.text_edit.setFocus()
        self.data_changed.emit()

    def _commit_edit(self, entry: dl.EntryView, column: int, text: str) -> str | None:
        """An edit typed in the table (F2 or double-click on the text or the hours): saved at once."""
        try:
            if column == EntryTableModel.TEXT:
                dl.update_entry(self.db, self.user, entry.id, text=text)
            else:
                dl.update_entry(self.db, self.user, entry.id, hours=text or None)
        except KinerjaError as exc:
            self.message.setText(str(exc))
            self.message.setStyleSheet("color: #a00;")
            return str(exc)
        self.message.setText(self.tr("Perubahan disimpan."))
        self.message.setStyleSheet("color: #1b5e20;")
        self.data_changed.emit()
        return None

    def selected_entry(self) -> dl.EntryView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    @Slot()
    def delete_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        try:
            dl.delete_entry(self.db, self.user, entry.id)
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("Progres dihapus."))
        self.load()
        self.data_changed.emit()

    @Slot()
    def attach_evidence(self) -> None:
        from kinerja_desktop.ui.file_dialogs import open_file_name

        entry = self.selected_entry()
        if entry is None:
            self.message.setText(self.tr("Pilih dulu progres yang akan diberi bukti."))
            return
        path = open_file_name(self, self.tr("Pilih berkas bukti"))
        if not path:
            return
        try:
            dl.attach_evidence(self.db, self.user, entry.id, path)
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return
        self.load()
        self.data_changed.emit()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.text_edit.setFocus()
