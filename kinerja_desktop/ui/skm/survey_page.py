"""Survei Kepuasan Masyarakat for admins: the surveys, a form to open or change one, the import of
typed-in responses (every bad row named by row and column) and the kiosk.

``SurveyPage(db, user, year)``; ``SurveyFormDialog`` opens or changes a survey through
``skm_service.open_survey``; the import runs ``skm_import.import_responses`` in a worker.
"""

# ruff: noqa: PLR0917  (task functions take their arguments positionally, through run_task)

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain import skm
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.periods import ALL_PERIODS
from kinerja_desktop.services import skm_service
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.form_support.roles import ObjectRole, SortRole
from kinerja_desktop.ui.skm.survey_model import COL_NAME, SurveyTableModel
from kinerja_desktop.ui.workers import Task, TaskContext, run_task

#: The periods a survey is usually run for (the regulation: at least once a year).
SURVEY_PERIODS = ("TAHUNAN", "S1", "S2", "TW1", "TW2", "TW3", "TW4")


def _import_task(ctx: TaskContext, db: Any, user: Any, path: str, unit: str, year: int, period: str,
                 skip_bad: bool, dry_run: bool) -> Any:
    from kinerja_desktop.services.skm_import import import_responses

    ctx.progress(0, 0, "Membaca berkas")
    return import_responses(db, user, path, unit, year, period, skip_bad=skip_bad, dry_run=dry_run)


def _template_task(_ctx: TaskContext, path: str) -> Any:
    from kinerja_desktop.services.skm_import import write_template

    return write_template(path)


def _list_task(_ctx: TaskContext, db: Any, user: Any, year: int | None) -> Any:
    return skm_service.list_surveys(db, user, year)


class SurveyFormDialog(QDialog):
    """Open a survey (unit, year, period) or change its services and population.

    The required sample follows the population at once (the annex's Krejcie-Morgan table).
    """

    def __init__(self, db: Database, user: CurrentUser, year: int, survey: skm_service.SurveyView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.survey_id: str | None = survey.id if survey else None
        self.setWindowTitle(self.tr("Ubah Survei") if survey else self.tr("Survei Baru"))
        self.setObjectName("surveyForm")
        form = QFormLayout()
        self.unit = QComboBox(self)
        self.unit.setObjectName("surveyUnit")
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        from kinerja_desktop.services.query_service import unit_tree

        def walk(nodes: Any) -> None:  # in tree order; the code shows the level, typing finds a unit by code
            for node in nodes:
                self.unit.addItem(f"{node.code} — {node.name}", node.code)
                walk(node.children)

        walk(unit_tree(db))
        self.year = QSpinBox(self)
        self.year.setObjectName("surveyYear")
        self.year.setRange(2000, 2200)
        self.year.setValue(year)
        self.period = QComboBox(self)
        self.period.setObjectName("surveyPeriod")
        for code in SURVEY_PERIODS:
            self.period.addItem(next(p.label for p in ALL_PERIODS if p.code == code), code)
        self.services = QPlainTextEdit(self)
        self.services.setObjectName("surveyServices")
        self.services.setPlaceholderText(self.tr("Satu jenis layanan per baris, misalnya:\nKartu Keluarga\nAkta "
                                                 "Kelahiran"))
        self.services.setFixedHeight(90)
        self.population = QSpinBox(self)
        self.population.setObjectName("surveyPopulation")
        self.population.setRange(0, 100_000_000)
        self.population.setSpecialValueText(self.tr("tidak diketahui"))
        self.population.setGroupSeparatorShown(True)
        self.sample = QLabel(self)
        self.sample.setObjectName("surveySample")
        self.population.valueChanged.connect(self._show_sample)
        form.addRow(self.tr("Unit pelayanan"), self.unit)
        form.addRow(self.tr("Tahun"), self.year)
        form.addRow(self.tr("Periode"), self.period)
        form.addRow(self.tr("Jenis layanan"), self.services)
        form.addRow(self.tr("Populasi pengguna layanan"), self.population)
        form.addRow("", self.sample)
        self.error = QLabel(self)
        self.error.setObjectName("surveyFormError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c5221f;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if survey is not None:
            self.unit.setCurrentIndex(max(0, self.unit.findData(survey.unit_code)))
            self.year.setValue(survey.year)
            self.period.setCurrentIndex(max(0, self.period.findData(survey.period.code)))
            for widget in (self.unit, self.year, self.period):
                widget.setEnabled(False)  # unit, year and period name the survey; only its details change
            self.services.setPlainText("\n".join(survey.services))
            self.population.setValue(survey.population or 0)
        self._show_sample(self.population.value())
        self.resize(520, self.sizeHint().height())

    @Slot(int)
    def _show_sample(self, population: int) -> None:
        if population <= 0:
            self.sample.setText(self.tr("Isi populasi untuk melihat jumlah sampel minimal."))
        else:
            self.sample.setText(self.tr("Sampel minimal: <b>{0}</b> responden (tabel Krejcie-Morgan, lampiran "
                                        "PermenPAN-RB 14/2017)").format(skm.sample_size(population)))

    def unit_code(self) -> str:
        data = self.unit.currentData()
        if data and self.unit.currentText() == self.unit.itemText(self.unit.currentIndex()):
            return str(data)
        return self.unit.currentText().split("—")[0].strip()  # typed by hand

    @Slot()
    def save(self) -> None:
        services = [line.strip() for line in self.services.toPlainText().splitlines() if line.strip()]
        try:
            self.survey_id = skm_service.open_survey(
                self.db, self.user, self.unit_code(), self.year.value(), self.period.currentData(),
                services=services, population=self.population.value() or None)
        except KinerjaError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


class SurveyPage(QWidget):
    """The surveys of a year with their results; open, change, close, import, kiosk.

    Signals:
        kiosk_requested(str survey_id)
        surveys_changed()
    """

    kiosk_requested = Signal(str)
    surveys_changed = Signal()

    def __init__(self, db: Database, user: CurrentUser, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.setObjectName("surveyPage")
        self.setWindowTitle(self.tr("Survei Kepuasan Masyarakat"))
        self._task: Task | None = None
        self._list_task: Task | None = None
        self._select_after: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("<span style='font-size:13pt; font-weight:bold'>Survei Kepuasan Masyarakat"
                                     "</span>"), self))
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Tahun:"), self))
        self.year = QSpinBox(self)
        self.year.setObjectName("surveyYearFilter")
        self.year.setRange(2000, 2200)
        self.year.setValue(year)
        self.year.setSpecialValueText(self.tr("semua"))
        self.year.valueChanged.connect(lambda _v: self.reload())
        top.addWidget(self.year)
        top.addStretch(1)
        self.new_button = QPushButton(self.tr("Survei baru…"), self)
        self.new_button.setObjectName("newSurvey")
        self.edit_button = QPushButton(self.tr("Ubah…"), self)
        self.close_button = QPushButton(self.tr("Tutup survei"), self)
        self.close_button.setObjectName("closeSurvey")
        self.kiosk_button = QPushButton(self.tr("Buka kios…"), self)
        self.kiosk_button.setObjectName("openKiosk")
        self.kiosk_button.setToolTip(self.tr("Kuesioner layar penuh untuk warga; keluar memerlukan kata sandi admin"))
        for b in (self.new_button, self.edit_button, self.close_button, self.kiosk_button):
            top.addWidget(b)
        layout.addLayout(top)

        self.model = SurveyTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setObjectName("surveyTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_selected())
        self.table.doubleClicked.connect(lambda _i: self.edit_survey())

        lower = QWidget(self)
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.detail = QLabel(lower)
        self.detail.setObjectName("surveyDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        lower_layout.addWidget(self.detail, 1)
        box = QVBoxLayout()
        box.addWidget(QLabel(self.tr("<b>Impor tanggapan dari CSV/XLSX</b> (kolom U1 … U9 berisi 1-4; tanggal, "
                                     "usia, jenis_kelamin, pendidikan, pekerjaan, layanan boleh ada)"), lower))
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Impor tanggapan…"), lower)
        self.import_button.setObjectName("importResponses")
        self.check_button = QPushButton(self.tr("Periksa berkas saja…"), lower)
        self.check_button.setObjectName("checkResponses")
        self.template_button = QPushButton(self.tr("Simpan templat…"), lower)
        self.skip_bad = QCheckBox(self.tr("lewati baris bermasalah"), lower)
        self.skip_bad.setObjectName("skipBadRows")
        for w in (self.import_button, self.check_button, self.template_button, self.skip_bad):
            row.addWidget(w)
        row.addStretch(1)
        box.addLayout(row)
        self.import_summary = QLabel(lower)
        self.import_summary.setObjectName("importSummary")
        self.import_summary.setWordWrap(True)
        box.addWidget(self.import_summary)
        self.problems = QPlainTextEdit(lower)
        self.problems.setObjectName("importProblems")
        self.problems.setReadOnly(True)
        self.problems.setPlaceholderText(self.tr("Baris yang salah akan tercantum di sini dengan nomor baris dan "
                                                 "kolomnya."))
        box.addWidget(self.problems, 1)
        lower_layout.addLayout(box, 1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([300, 300])
        layout.addWidget(splitter, 1)

        self.new_button.clicked.connect(self.new_survey)
        self.edit_button.clicked.connect(self.edit_survey)
        self.close_button.clicked.connect(self.toggle_closed)
        self.kiosk_button.clicked.connect(self._request_kiosk)
        self.import_button.clicked.connect(lambda: self.choose_and_import(dry_run=False))
        self.check_button.clicked.connect(lambda: self.choose_and_import(dry_run=True))
        self.template_button.clicked.connect(self._save_template)
        self._show_selected()
        self.reload()

    # ------------------------------------------------------------------ list

    def reload(self, select: str | None = None) -> Task:
        """Read the surveys (in a worker) and keep or make ``select`` the current one."""
        self._select_after = select or (self.current().survey.id if self.current() else None)
        year = self.year.value() if self.year.value() > self.year.minimum() else None
        task = run_task(_list_task, self.db, self.user, year, title=self.tr("Memuat survei"), owner=self)
        task.succeeded.connect(self._listed)
        task.failed.connect(lambda m: self.detail.setText(m))
        self._list_task = task
        return task

    @Slot(object)
    def _listed(self, rows: Any) -> None:
        self.model.set_rows(rows)
        if self.proxy.sortColumn() < 0:
            self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        target = self.model.row_of(self._select_after) if self._select_after else -1
        if target < 0 and self.model.rowCount():
            target = 0
        if target >= 0:
            index = self.proxy.mapFromSource(self.model.index(target, 0))
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
        self._show_selected()

    def current(self) -> skm_service.SurveyRow | None:
        index = self.table.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def _show_selected(self) -> None:
        row = self.current()
        for w in (self.edit_button, self.close_button, self.kiosk_button, self.import_button, self.check_button):
            w.setEnabled(row is not None)
        if row is None:
            self.detail.setText(self.tr("Belum ada survei untuk tahun ini. Pilih <b>Survei baru…</b> untuk membuka "
                                        "survei sebuah unit pelayanan."))
            return
        sv = row.survey
        self.close_button.setText(self.tr("Tutup survei") if sv.status == "OPEN" else self.tr("Buka kembali"))
        self.kiosk_button.setEnabled(sv.status == "OPEN")
        try:
            res = skm_service.results_of(self.db, sv.id)
        except KinerjaError as exc:
            self.detail.setText(str(exc))
            return
        lines = [f"<b>{sv.unit_code} {sv.unit_name}</b> · {sv.period.label} {sv.year}",
                 self.tr("Jenis layanan: {0}").format(", ".join(sv.services) or "—")]
        need = sv.required_sample
        lines.append(self.tr("Responden: {0}").format(res.result.respondents)
                     + (self.tr(" dari sampel minimal {0}").format(need) if need else "")
                     + (self.tr(" (dibatalkan: {0})").format(res.voided) if res.voided else ""))
        if res.ikm is not None and res.mutu is not None:
            lines.append(self.tr("IKM <b>{0}</b> · mutu {1} ({2})").format(
                f"{res.ikm:.2f}".replace(".", ","), res.mutu.value, res.mutu.label))
            lines.append(self.tr("Unsur terlemah: {0}").format(res.weakest_text()))
            change = res.change()
            if change is not None:
                lines.append(self.tr("Dibanding survei sebelumnya: {0}").format(
                    f"{change:+.2f}".replace(".", ",")))
            nrr = " · ".join(f"{u.unsur.code} {float(u.nrr):.2f}".replace(".", ",") for u in res.result.unsur)
            lines.append(self.tr("NRR per unsur: {0}").format(nrr))
        else:
            lines.append(self.tr("Belum ada IKM: setiap unsur perlu dijawab paling sedikit satu responden."))
        self.detail.setText("<br>".join(lines))

    # ------------------------------------------------------------------ survey

    @Slot()
    def new_survey(self) -> SurveyFormDialog:
        dialog = SurveyFormDialog(self.db, self.user, self.year.value(), None, self)
        dialog.accepted.connect(lambda: self._saved(dialog.survey_id))
        dialog.open()
        return dialog

    @Slot()
    def edit_survey(self) -> SurveyFormDialog | None:
        row = self.current()
        if row is None:
            return None
        dialog = SurveyFormDialog(self.db, self.user, row.survey.year, row.survey, self)
        dialog.accepted.connect(lambda: self._saved(dialog.survey_id))
        dialog.open()
        return dialog

    def _saved(self, survey_id: str | None) -> None:
        self.surveys_changed.emit()
        self.reload(select=survey_id)

    @Slot()
    def toggle_closed(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            skm_service.close_survey(self.db, self.user, row.survey.id, closed=row.survey.status == "OPEN")
        except KinerjaError as exc:
            self.detail.setText(str(exc))
            return
        self._saved(row.survey.id)

    @Slot()
    def _request_kiosk(self) -> None:
        row = self.current()
        if row is not None:
            self.kiosk_requested.emit(row.survey.id)

    # ------------------------------------------------------------------ import

    @Slot()
    def choose_and_import(self, dry_run: bool = False) -> None:
        path = file_dialogs.open_file_name(self, self.tr("Pilih berkas tanggapan survei"),
                                           self.tr("Tanggapan survei (*.xlsx *.csv)"))
        if path:
            self.import_file(path, dry_run=dry_run)

    def import_file(self, path: str, *, dry_run: bool = False) -> Task | None:
        """Import (or with ``dry_run`` only check) a file into the selected survey, in a worker."""
        row = self.current()
        if row is None:
            return None
        sv = row.survey
        self.problems.clear()
        self.import_summary.setText(self.tr("Memeriksa…") if dry_run else self.tr("Mengimpor…"))
        for w in (self.import_button, self.check_button):
            w.setEnabled(False)
        task = run_task(_import_task, self.db, self.user, path, sv.unit_code, sv.year, sv.period.code,
                        self.skip_bad.isChecked(), dry_run, title=self.tr("Impor tanggapan survei"), owner=self)
        task.succeeded.connect(lambda result: self._imported(sv.id, result))
        task.failed.connect(self._import_failed)
        self._task = task
        return task

    def _imported(self, survey_id: str, result: Any) -> None:
        for w in (self.import_button, self.check_button):
            w.setEnabled(True)
        self.import_summary.setText(result.summary())
        lines = [p.describe() for p in result.problems]
        if result.duplicates:
            lines += ["", self.tr("Sudah pernah diimpor (dilewati):")] + [p.describe() for p in result.duplicates]
        if result.warnings:
            lines += ["", self.tr("Peringatan:")] + [w.describe() for w in result.warnings]
        self.problems.setPlainText("\n".join(lines).strip())
        if result.imported and not result.dry_run:
            self._saved(survey_id)

    @Slot(str)
    def _import_failed(self, message: str) -> None:
        for w in (self.import_button, self.check_button):
            w.setEnabled(True)
        self.import_summary.setText(message)

    @Slot()
    def _save_template(self) -> None:
        path = file_dialogs.save_file_name(self, self.tr("Simpan templat tanggapan"), "tanggapan_survei.xlsx",
                                           self.tr("Tanggapan survei (*.xlsx *.csv)"))
        if not path:
            return
        task = run_task(_template_task, path, title=self.tr("Menyimpan templat"), cancellable=False, owner=self)
        task.succeeded.connect(lambda p: self.import_summary.setText(self.tr("Templat disimpan di {0}.").format(p)))
        task.failed.connect(self.import_summary.setText)
