"""Kalender Kerja (admins): the worked weekdays, the progres harian window and the holidays, with an
import of holidays from CSV/XLSX (columns tanggal, keterangan). Everything goes through
:mod:`kinerja_desktop.services.calendar_service`; the values are instansi settings and sync.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.working_days import DAY_NAMES
from kinerja_desktop.services import calendar_service as cs

__all__ = ["CalendarDialog"]


class CalendarDialog(QDialog):
    def __init__(self, db: Any, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.setWindowTitle(self.tr("Kalender Kerja Instansi"))
        self.resize(560, 560)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        days = QHBoxLayout()
        self.day_boxes = []
        for n, name in enumerate(DAY_NAMES, start=1):
            box = QCheckBox(name[:3], self)
            box.setProperty("weekday", n)
            self.day_boxes.append(box)
            days.addWidget(box)
        form.addRow(self.tr("Hari kerja"), days)
        self.window_spin = QSpinBox(self)
        self.window_spin.setRange(0, cs.MAX_WINDOW)
        self.window_spin.setSuffix(self.tr(" hari kerja"))
        self.window_spin.setToolTip(self.tr("Progres yang ditulis lebih lambat dari ini setelah harinya ditandai "
                                            "terlambat (tidak ditolak)."))
        form.addRow(self.tr("Batas pengisian progres harian"), self.window_spin)
        outer.addLayout(form)
        outer.addWidget(QLabel(self.tr("Hari libur nasional dan cuti bersama:"), self))
        self.holidays = QListWidget(self)
        outer.addWidget(self.holidays, 1)
        add = QHBoxLayout()
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setDate(QDate.currentDate())
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("Keterangan, mis. Hari Raya Natal"))
        self.name_edit.returnPressed.connect(self.add_holiday)
        self.add_button = QPushButton(self.tr("Tambah"), self)
        self.add_button.clicked.connect(self.add_holiday)
        self.remove_button = QPushButton(self.tr("Hapus"), self)
        self.remove_button.clicked.connect(self.remove_holiday)
        self.import_button = QPushButton(self.tr("Impor CSV/XLSX…"), self)
        self.import_button.clicked.connect(self.choose_import)
        for w in (self.date_edit, self.name_edit, self.add_button, self.remove_button, self.import_button):
            add.addWidget(w, 1 if w is self.name_edit else 0)
        outer.addLayout(add)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.load()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter adds a holiday from the name field and never saves or closes the dialog by itself."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def load(self) -> None:
        cal = cs.calendar_of(self.db)
        for box in self.day_boxes:
            box.setChecked(box.property("weekday") in cal.weekdays)
        self.window_spin.setValue(cs.late_window(self.db))
        self.holidays.clear()
        for day, name in sorted(cal.holidays.items()):
            item = QListWidgetItem(f"{day:%d-%m-%Y} {DAY_NAMES[day.weekday()]:<7} {name}")
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            self.holidays.addItem(item)

    def _run(self, work: Any, done: str) -> bool:
        try:
            result = work()
        except KinerjaError as exc:
            self.message.setText(str(exc))
            self.message.setStyleSheet("color: #a00;")
            return False
        self.message.setStyleSheet("")
        self.message.setText(done if not hasattr(result, "summary") else result.summary() + "".join(
            f"\n{p}" for p in result.problems[:5]))
        self.load()
        return True

    @Slot()
    def save(self) -> None:
        days = [box.property("weekday") for box in self.day_boxes if box.isChecked()]
        window = self.window_spin.value()  # read before the first save reloads the form

        def both() -> None:
            cs.set_work_weekdays(self.db, self.user, days)
            cs.set_late_window(self.db, self.user, window)

        self._run(both, self.tr("Disimpan."))

    @Slot()
    def add_holiday(self) -> None:
        q = self.date_edit.date()
        day = date(q.year(), q.month(), q.day())
        if self._run(lambda: cs.set_holiday(self.db, self.user, day, self.name_edit.text()),
                     self.tr("Hari libur {0:%d-%m-%Y} disimpan.").replace("{0:%d-%m-%Y}", f"{day:%d-%m-%Y}")):
            self.name_edit.clear()

    @Slot()
    def remove_holiday(self) -> None:
        item = self.holidays.currentItem()
        if item is None:
            return
        day = date.fromisoformat(item.data(Qt.ItemDataRole.UserRole))
        self._run(lambda: cs.set_holiday(self.db, self.user, day, None), self.tr("Hari libur dihapus."))

    @Slot()
    def choose_import(self) -> None:
        from kinerja_desktop.ui.file_dialogs import open_file_name

        path = open_file_name(self, self.tr("Impor hari libur"), "CSV/XLSX (*.csv *.xlsx)")
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> bool:
        return self._run(lambda: cs.import_holidays(self.db, self.user, path), "")
