"""Import a roster file (units, employees, pejabat penilai) through ``roster_import``, in a worker.

Used by the first-run wizard and by Berkas > Impor Daftar Pegawai. Every problem the service
finds is listed with its sheet, row and column; nothing is stored unless the whole file is
good or "lewati baris bermasalah" is ticked (the service's rule).
"""

# ruff: noqa: PLR0917  (task functions take their arguments positionally, through run_task)

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.workers import Task, TaskContext, run_task


def _import_task(ctx: TaskContext, db: Any, user: Any, path: str, year: int, skip_bad: bool) -> Any:
    from kinerja_desktop.services.roster_import import import_roster

    def report(stage: str, done: int, total: int) -> None:
        ctx.check_cancelled()
        ctx.progress(done, total, stage)

    return import_roster(db, user, path, year=year, skip_bad=skip_bad, progress=report)


def _template_task(ctx: TaskContext, path: str) -> Any:
    from kinerja_desktop.services.roster_import import write_template

    return write_template(path)


class RosterImportPanel(QWidget):
    """Choose a file, import it, read the outcome.

    Signals:
        imported(object result): an import stored rows (``ImportResult``).
        busy_changed(bool)
    """

    imported = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, db: Any, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._user = db, user
        self._task: Task | None = None
        self.result: Any = None
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("rosterPathEdit")
        self.path_edit.setPlaceholderText(self.tr("berkas .xlsx atau .csv"))
        self.browse_button = QPushButton(self.tr("&Pilih Berkas…"), self)
        self.template_button = QPushButton(self.tr("Simpan &Templat…"), self)
        self.template_button.setToolTip(self.tr("Simpan berkas kosong dengan judul kolom dan petunjuk pengisian"))
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2019, 2100)
        self.year_spin.setValue(date.today().year)
        self.skip_check = QCheckBox(self.tr("Impor baris yang benar dan &lewati baris bermasalah"), self)
        self.import_button = QPushButton(self.tr("&Impor"), self)
        self.import_button.setObjectName("primaryButton")
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.hide()
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.problems = QPlainTextEdit(self)
        self.problems.setObjectName("rosterProblems")
        self.problems.setReadOnly(True)
        self.problems.setPlaceholderText(self.tr("Hasil pemeriksaan berkas tampil di sini."))

        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        path_row.addWidget(self.template_button)
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Tahun pejabat penilai"), self))
        options.addWidget(self.year_spin)
        options.addSpacing(16)
        options.addWidget(self.skip_check)
        options.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.cancel_button)
        actions.addStretch(0)
        actions.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(path_row)
        layout.addLayout(options)
        layout.addLayout(actions)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.problems, 1)

        self.browse_button.clicked.connect(self._browse)
        self.template_button.clicked.connect(self._save_template)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel)

    def set_user(self, user: Any) -> None:
        self._user = user

    def busy(self) -> bool:
        return self._task is not None and self._task.running

    @Slot()
    def _browse(self) -> None:
        path = file_dialogs.open_file_name(self, self.tr("Pilih daftar pegawai"),
                                           self.tr("Daftar pegawai (*.xlsx *.csv)"))
        if path:
            self.path_edit.setText(path)

    @Slot()
    def _save_template(self) -> None:
        path = file_dialogs.save_file_name(self, self.tr("Simpan templat daftar pegawai"), "daftar_pegawai.xlsx",
                                           self.tr("Daftar pegawai (*.xlsx *.csv)"))
        if not path:
            return
        task = run_task(_template_task, path, title=self.tr("Menyimpan templat"), cancellable=False,
                        owner=self)
        task.succeeded.connect(lambda p: self.summary_label.setText(self.tr("Templat disimpan di {0}.").format(p)))
        task.failed.connect(self.summary_label.setText)

    @Slot()
    def start_import(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            self.summary_label.setText(self.tr("Pilih berkas daftar pegawai terlebih dahulu."))
            self.path_edit.setFocus()
            return
        self.problems.clear()
        self.summary_label.setText(self.tr("Mengimpor…"))
        self._set_busy(True)
        task = run_task(_import_task, self._db, self._user, path, self.year_spin.value(), self.skip_check.isChecked(),
                        title=self.tr("Impor daftar pegawai"), owner=self)
        task.progressed.connect(self._progress)
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self._failed(self.tr("Impor dibatalkan; tidak ada yang disimpan.")))
        self._task = task

    @Slot()
    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.import_button, self.browse_button, self.template_button, self.path_edit, self.skip_check):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.progress.setRange(0, 0)
        self.busy_changed.emit(busy)

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        self.progress.setFormat(label)
        self.summary_label.setText(label + "…")

    @Slot(object)
    def _done(self, result: Any) -> None:
        self._set_busy(False)
        self.result = result
        self.summary_label.setText(result.summary())
        lines = [p.describe() for p in result.problems]
        if result.warnings:
            lines += ["", self.tr("Peringatan:")] + [w.describe() for w in result.warnings]
        self.problems.setPlainText("\n".join(lines))
        if result.imported:
            self.imported.emit(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.summary_label.setText(message)


class RosterImportDialog(QDialog):
    """Berkas > Impor Daftar Pegawai (admins)."""

    def __init__(self, db: Any, user: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Impor Daftar Pegawai"))
        self.resize(760, 480)
        self.panel = RosterImportPanel(db, user, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
        self.panel.busy_changed.connect(lambda busy: buttons.setEnabled(not busy))

    def reject(self) -> None:
        if not self.panel.busy():
            super().reject()
