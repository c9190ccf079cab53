"""Penghargaan: the candidates of a period (per unit, the instansi for admins), awards, the list and the letter."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.documents import tindak_lanjut_print
from kinerja_desktop.services import recognition_service
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.query_service import unit_tree
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.form_support.messages import NoticeBar
from kinerja_desktop.ui.form_support.period_combo import PeriodCombo
from kinerja_desktop.ui.form_support.roles import ObjectRole, SortRole
from kinerja_desktop.ui.tindak_lanjut.dialogs import AwardDialog
from kinerja_desktop.ui.tindak_lanjut.table_models import candidate_model
from kinerja_desktop.ui.workers import Task, TaskContext, error_message, run_task


def _walk(nodes: list[Any], depth: int = 0) -> list[tuple[Any, int]]:
    out: list[tuple[Any, int]] = []
    for node in nodes:
        out.append((node, depth))
        out += _walk(node.children, depth + 1)
    return out


def _load(ctx: TaskContext, db: Database, user: CurrentUser, year: int, period: str,
          unit: str | None) -> tuple[str, list[Any]]:
    del ctx
    return recognition_service.candidates(db, user, year, period, unit_code=unit)


class RecognitionPage(QWidget):
    """Signals: loaded() after each load; data_changed() after an award was recorded;
    employee_open_requested(str) on a double click."""

    loaded = Signal()
    data_changed = Signal()
    employee_open_requested = Signal(str)
    sign_requested = Signal()  # the pengelola kepegawaian signs the list shown (year, period, unit)
    pengelola_kind = "penghargaan"

    def __init__(self, db: Database, user: CurrentUser, year: int, period: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.setObjectName("recognitionPage")
        self.setWindowTitle(self.tr("Penghargaan"))
        self.dialog: Any = None
        self._task: Task | None = None
        self.scope = ""
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Tahun"), self))
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(year)
        bar.addWidget(self.year_spin)
        bar.addWidget(QLabel(self.tr("Periode"), self))
        self.period_combo = PeriodCombo(db, year, period, self)
        bar.addWidget(self.period_combo)
        bar.addWidget(QLabel(self.tr("Unit"), self))
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("unitCombo")
        self.unit_combo.addItem(self.tr("Seluruh instansi") if user.is_admin else self.tr("Semua yang saya nilai"),
                                None)
        for node, depth in _walk(unit_tree(db)):
            self.unit_combo.addItem(f"{'   ' * depth}{node.name} ({node.code})", node.code)
        self.unit_combo.setMaximumWidth(380)
        bar.addWidget(self.unit_combo, 1)
        layout.addLayout(bar)
        explain = QLabel(self.tr("Calon penghargaan dari evaluasi yang sudah final: predikat Sangat Baik, dan hasil "
                                 "kerja yang ditandai pejabat penilai sebagai inovasi atau capaian luar biasa."), self)
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #5f6368;")
        layout.addWidget(explain)
        self.notice = NoticeBar(self)
        layout.addWidget(self.notice)
        self.model = candidate_model(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setObjectName("candidateTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        head.setStretchLastSection(False)
        for column, width in ((0, 185), (1, 168), (2, 210), (3, 92), (5, 200)):
            head.resizeSection(column, width)
        head.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_employee)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.count_label = QLabel(self)
        buttons.addWidget(self.count_label, 1)
        self.award_button = QPushButton(self.tr("Catat Penghargaan…"), self)
        self.award_button.setVisible(user.is_admin)
        self.award_button.clicked.connect(self.open_award_dialog)
        self.letter_button = QPushButton(self.tr("Cetak Usulan…"), self)
        self.letter_button.clicked.connect(self.print_letter)
        self.list_button = QPushButton(self.tr("Cetak Daftar…"), self)
        self.list_button.clicked.connect(self.print_list)
        self.sign_button = QPushButton(self.tr("Tanda Tangani Daftar…"), self)
        self.sign_button.setObjectName("signListButton")
        self.sign_button.setToolTip(self.tr("Pengelola kepegawaian menandatangani daftar ini secara elektronik"))
        self.sign_button.setVisible(user.is_admin)
        self.sign_button.clicked.connect(self.sign_requested)
        for b in (self.award_button, self.letter_button, self.list_button, self.sign_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.year_spin.valueChanged.connect(lambda _v: self.reload())
        self.period_combo.period_chosen.connect(lambda _c: self.reload())
        self.unit_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.reload()

    @property
    def year(self) -> int:
        return self.year_spin.value()

    def period(self) -> str:
        return self.period_combo.code()

    def unit_code(self) -> str | None:
        return self.unit_combo.currentData()

    @Slot()
    def reload(self) -> None:
        self._task = run_task(_load, self.db, self.user, self.year, self.period(), self.unit_code(),
                              title=self.tr("Memuat calon penghargaan"), owner=self)
        self._task.succeeded.connect(self._loaded)
        self._task.failed.connect(lambda message: self.notice.show_notice(message, "error"))

    def _loaded(self, result: tuple[str, list[Any]]) -> None:
        self.scope, rows = result
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()
        given = sum(1 for c in rows if c.awards)
        self.count_label.setText(self.tr("{0}: {1} calon, {2} sudah menerima penghargaan").format(
            self.scope, len(rows), given))
        self.loaded.emit()

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.data(rows[0], ObjectRole) if rows else None

    def _open_employee(self, index: Any) -> None:
        cand = self.proxy.data(index, ObjectRole)
        if cand is not None:
            self.employee_open_requested.emit(cand.employee_id)

    @Slot()
    def open_award_dialog(self) -> AwardDialog | None:
        cand = self.selected()
        if cand is None:
            self.notice.show_notice(self.tr("Pilih calon di tabel terlebih dahulu."), "info")
            return None
        dialog = AwardDialog(cand.nama, self)
        dialog.saver = lambda v: recognition_service.record_award(self.db, self.user, cand.employee_id, self.year,
                                                                  period=self.period(), **v)
        dialog.accepted.connect(self._award_saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _award_saved(self) -> None:
        self.notice.show_notice(self.tr("Penghargaan tercatat."), "success")
        self.data_changed.emit()
        self.reload()

    def _save_pdf(self, suggested: str, write: Any, path: str | None) -> str | None:
        path = path or file_dialogs.save_file_name(self, self.tr("Simpan PDF"), suggested, self.tr("PDF (*.pdf)"))
        if not path:
            return None
        try:
            doc = write(path)
        except Exception as exc:
            self.notice.show_notice(error_message(exc), "error")
            return None
        self.notice.show_notice(self.tr("{0} disimpan ke {1}.").format(doc.title, path), "success")
        return path

    @Slot()
    def print_list(self, path: str | None = None) -> str | None:
        return self._save_pdf(f"Penghargaan_{self.year}_{self.period()}.pdf", lambda p: tindak_lanjut_print.
                              print_award_list(self.db, self.user, self.year, self.period(), p,
                                               unit_code=self.unit_code(), today=date.today()), path)

    @Slot()
    def print_letter(self, path: str | None = None) -> str | None:
        cand = self.selected()
        if cand is None:
            self.notice.show_notice(self.tr("Pilih calon di tabel terlebih dahulu."), "info")
            return None
        return self._save_pdf(f"Usulan_Penghargaan_{cand.nip or cand.employee_id[:8]}.pdf", lambda p:
                              tindak_lanjut_print.print_letter(self.db, self.user, cand.employee_id, self.year,
                                                               self.period(), p), path)
