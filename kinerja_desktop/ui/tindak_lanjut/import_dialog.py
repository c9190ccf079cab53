"""Impor standar kompetensi jabatan or assessment-centre results from a spreadsheet (admins).

"Periksa" reads the file and lists every bad row (sheet row and column) without storing; "Impor"
stores it when every row is good, or only the good rows with "lewati baris yang salah".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.services import competency_import
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.workers import error_message


class CompetencyImportDialog(QDialog):
    """The file, what it holds, check, import; the result and every bad row below."""

    def __init__(self, db: Database, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.result: competency_import.CompetencyImportResult | None = None
        self.setWindowTitle(self.tr("Impor Kompetensi"))
        self.setMinimumSize(620, 420)
        layout = QVBoxLayout(self)
        self.standards = QRadioButton(self.tr("Standar kompetensi jabatan (jabatan, jenis, kode, nama, level)"), self)
        self.results = QRadioButton(self.tr("Hasil assessment center / uji kompetensi (nip, kode, level, tanggal)"),
                                    self)
        self.standards.setChecked(True)
        layout.addWidget(self.standards)
        layout.addWidget(self.results)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("berkas .xlsx atau .csv"))
        choose = QPushButton(self.tr("Pilih…"), self)
        choose.clicked.connect(self._choose)
        template = QPushButton(self.tr("Simpan Templat…"), self)
        template.clicked.connect(self._template)
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        row.addWidget(template)
        layout.addLayout(row)
        self.skip_bad = QCheckBox(self.tr("Lewati baris yang salah (impor yang benar saja)"), self)
        layout.addWidget(self.skip_bad)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("importSummary")
        layout.addWidget(self.summary)
        self.problems = QListWidget(self)
        self.problems.setObjectName("importProblems")
        layout.addWidget(self.problems, 1)
        buttons = QDialogButtonBox(self)
        self.check_button = buttons.addButton(self.tr("Periksa"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = buttons.addButton(self.tr("Impor"), QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def _choose(self) -> None:
        path = file_dialogs.open_file_name(self, self.tr("Pilih berkas"), self.tr("Spreadsheet (*.xlsx *.csv)"))
        if path:
            self.path.setText(path)

    def _template(self) -> None:
        name = "templat_hasil_kompetensi.xlsx" if self.results.isChecked() else "templat_standar_kompetensi.xlsx"
        path = file_dialogs.save_file_name(self, self.tr("Simpan templat"), name, self.tr("Excel (*.xlsx)"))
        if path:
            competency_import.write_template(path, assessments=self.results.isChecked())
            self.summary.setText(self.tr("Templat disimpan ke {0}.").format(path))

    def run(self, *, dry_run: bool) -> Any:
        """Check or import the chosen file; shows the summary and every bad row."""
        run = competency_import.import_assessments if self.results.isChecked() else competency_import.import_standards
        self.problems.clear()
        try:
            self.result = run(self.db, self.user, self.path.text().strip(), skip_bad=self.skip_bad.isChecked(),
                              dry_run=dry_run)
        except Exception as exc:
            self.result = None
            self.summary.setText(error_message(exc))
            self.summary.setStyleSheet("color: #c5221f;")
            return None
        res = self.result
        text = res.summary()
        if dry_run and not res.problems:
            text = self.tr("{0} baris dibaca, semuanya benar. Tekan Impor untuk menyimpan.").format(res.rows)
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #c5221f;" if res.problems and not res.stored else "color: #1e7b34;")
        for problem in res.problems:
            self.problems.addItem(problem.describe())
        return res
