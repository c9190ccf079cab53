"""Rekap Progres Harian per month: for the signed-in pegawai, or per unit (admins: any unit; a penilai: the
people they appraise in their unit). Printable as PDF (print_service, kind ``rekap-harian``) and
exportable as XLSX for the tunjangan kinerja calculation; the export runs off the GUI thread with a
progress bar and Batal (a whole instansi is 20,000 rows), and a cancelled export leaves no file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.periods import MONTH_NAMES
from kinerja_desktop.services import daily_log_service as dl
from kinerja_desktop.ui.harian.entry_table_model import SORT_ROLE, RecapTableModel
from kinerja_desktop.ui.workers import Cancelled, Task, TaskContext, run_task

__all__ = ["MonthRecapPage"]


class MonthRecapPage(QWidget):
    def __init__(self, db: Any, user: Any, *, year: int | None = None, month: int | None = None,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self._today = today
        now = self.today()
        self.recap: dl.MonthRecap | None = None
        self.setWindowTitle(self.tr("Rekap Progres Harian"))
        outer = QVBoxLayout(self)
        row = QHBoxLayout()
        self.scope_combo = QComboBox(self)
        self.scope_combo.setAccessibleName(self.tr("Cakupan"))
        self.month_combo = QComboBox(self)
        self.month_combo.addItems(list(MONTH_NAMES))
        self.month_combo.setCurrentIndex((month or now.month) - 1)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(year or now.year)
        self.print_button = QPushButton(self.tr("Cetak PDF…"), self)
        self.print_button.clicked.connect(self.print_pdf)
        self.export_button = QPushButton(self.tr("Ekspor XLSX…"), self)
        self.export_button.clicked.connect(self.export_xlsx)
        for w in (QLabel(self.tr("Cakupan:"), self), self.scope_combo, QLabel(self.tr("Bulan:"), self),
                  self.month_combo, self.year_spin):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.export_button)
        outer.addLayout(row)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        self.model = RecapTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(RecapTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        outer.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.message = QLabel(self)
        bottom.addWidget(self.message, 1)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.setMaximumWidth(320)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.setObjectName("cancelExport")
        self.cancel_button.hide()
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        outer.addLayout(bottom)
        self.export_task: Task | None = None
        self._fill_scopes()
        self.scope_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.month_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.year_spin.valueChanged.connect(lambda _v: self.load())
        self.load()

    def today(self) -> date:
        return self._today or date.today()

    def _fill_scopes(self) -> None:
        from sqlalchemy import select

        from kinerja_desktop.store.models import Employee, Unit

        if self.user.employee_id:
            self.scope_combo.addItem(self.tr("Saya sendiri"), None)
        else:  # an admin chooses the unit first (the whole instansi at once would be a long wait)
            self.scope_combo.addItem(self.tr("— pilih unit kerja —"), "")
        with self.db.reader() as s:
            if self.user.is_admin:
                units = s.execute(select(Unit.id, Unit.code, Unit.name).where(Unit.deleted.is_(False))
                                  .order_by(Unit.code)).all()
            else:
                unit_id = s.scalar(select(Employee.unit_id).where(Employee.id == self.user.employee_id))
                units = s.execute(select(Unit.id, Unit.code, Unit.name).where(Unit.id == unit_id)).all()
        for uid, code, name in units:
            self.scope_combo.addItem(f"{name} ({code})", uid)

    def load(self) -> None:
        unit_id = self.scope_combo.currentData()
        if unit_id == "":
            self.recap = None
            self.model.set_rows([])
            self.summary.setText(self.tr("Pilih unit kerja untuk melihat rekap progres hariannya."))
            return
        try:
            self.recap = dl.month_recap(self.db, self.user, self.year_spin.value(), self.month_combo.currentIndex() + 1,
                                        unit_id=unit_id, today=self.today())
        except KinerjaError as exc:
            self.recap = None
            self.model.set_rows([])
            self.summary.setText(str(exc))
            return
        people = self.recap.people
        self.model.set_rows(people)
        self.table.setColumnHidden(RecapTableModel.UNIT, len({p.unit for p in people}) <= 1)
        self.summary.setText(self.tr("{0}: {1} pegawai; {2} hari diisi, {3} terlambat, {4} hari kerja belum "
                                     "diisi.").format(self.recap.scope, len(people), sum(p.logged for p in people),
                                                      sum(p.late for p in people), sum(p.missing for p in people)))

    def _name(self, suffix: str) -> str:
        return f"Rekap_Progres_Harian_{self.year_spin.value()}-{self.month_combo.currentIndex() + 1:02d}{suffix}"

    @Slot()
    def print_pdf(self) -> None:
        from kinerja_desktop.ui.file_dialogs import save_file_name

        path = save_file_name(self, self.tr("Simpan rekap (PDF)"), self._name(".pdf"), "PDF (*.pdf)")
        if path:
            self.write_pdf(Path(path))

    def write_pdf(self, path: Path) -> Path | None:
        from kinerja_desktop.documents.print_service import PrintJob, print_documents

        if self.recap is None:
            return None
        job = PrintJob(kind="rekap-harian", year=self.recap.year, period=f"B{self.recap.month:02d}", out=path,
                       unit_id=self.scope_combo.currentData(),
                       employee_ids=() if self.scope_combo.currentData() else (self.recap.people[0].employee_id,),
                       here=True)
        try:
            print_documents(self.db, self.user, job)
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return None
        self.message.setText(self.tr("Disimpan: {0}").format(path))
        return path

    @Slot()
    def export_xlsx(self) -> None:
        from kinerja_desktop.ui.file_dialogs import save_file_name

        path = save_file_name(self, self.tr("Simpan rekap (XLSX)"), self._name(".xlsx"), "Excel (*.xlsx)")
        if path:
            self.write_xlsx(Path(path))

    def write_xlsx(self, path: Path) -> Task | None:
        """Write the recap shown to ``path`` in a worker: progress bar and Batal while it runs."""
        if self.recap is None or (self.export_task is not None and self.export_task.running):
            return None
        recap = self.recap
        label = self.tr("Menulis rekap XLSX")

        def work(ctx: TaskContext) -> Path:
            out = dl.write_recap_xlsx(recap, path, progress=lambda done, total: ctx.progress(done, total, label),
                                      cancelled=lambda: ctx.cancelled)
            if out is None:
                raise Cancelled
            return out

        task = run_task(work, title=label, owner=self)
        self.export_task = task
        self.progress.setRange(0, max(1, len(recap.people)))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.export_button.setEnabled(False)
        self.cancel_button.clicked.connect(task.cancel)
        task.progressed.connect(self._export_progressed)
        task.succeeded.connect(lambda out: self.message.setText(self.tr("Disimpan: {0}").format(out)))
        task.failed.connect(self.message.setText)
        task.cancelled.connect(lambda: self.message.setText(self.tr("Ekspor dibatalkan; berkas tidak ditulis.")))
        task.finished.connect(self._export_finished)
        self.message.setText(self.tr("Menulis {0} baris rekap…").format(len(recap.people)))
        return task

    @Slot(int, int, str)
    def _export_progressed(self, done: int, total: int, _label: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    @Slot()
    def _export_finished(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.export_button.setEnabled(True)
        if self.export_task is not None:
            self.cancel_button.clicked.disconnect(self.export_task.cancel)
