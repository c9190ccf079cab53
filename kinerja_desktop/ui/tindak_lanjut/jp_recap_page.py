"""Rekap Pengembangan Kompetensi: JP done per person and unit against the 20 JP a year; XLSX and PDF."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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
from kinerja_desktop.documents.page_setup import PageSetup
from kinerja_desktop.documents.render import render
from kinerja_desktop.domain.tindak_lanjut import JP_PER_YEAR
from kinerja_desktop.services import development_service
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.query_service import unit_tree
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.form_support.messages import NoticeBar
from kinerja_desktop.ui.form_support.roles import ObjectRole, SortRole
from kinerja_desktop.ui.tindak_lanjut.table_models import jp_model
from kinerja_desktop.ui.workers import Task, TaskContext, error_message, run_task


def _walk(nodes: list[Any], depth: int = 0) -> list[tuple[Any, int]]:
    out: list[tuple[Any, int]] = []
    for node in nodes:
        out.append((node, depth))
        out += _walk(node.children, depth + 1)
    return out


def _load(ctx: TaskContext, db: Database, user: CurrentUser, year: int,
          unit: str | None) -> development_service.JpRecap:
    del ctx
    return development_service.jp_recap(db, user, year, unit_code=unit)


class JpRecapPage(QWidget):
    """Signals: loaded() after each load; employee_open_requested(str) on a double click."""

    loaded = Signal()
    employee_open_requested = Signal(str)
    sign_requested = Signal()  # the pengelola kepegawaian signs the recap shown (year, unit)
    pengelola_kind = "rekap-jp"

    def __init__(self, db: Database, user: CurrentUser, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.recap: development_service.JpRecap | None = None
        self._task: Task | None = None
        self.setObjectName("jpRecapPage")
        self.setWindowTitle(self.tr("Rekap 20 JP"))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Tahun"), self))
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(year)
        bar.addWidget(self.year_spin)
        bar.addWidget(QLabel(self.tr("Unit"), self))
        self.unit_combo = QComboBox(self)
        self.unit_combo.addItem(self.tr("Seluruh instansi") if user.is_admin else self.tr("Saya dan bawahan saya"),
                                None)
        for node, depth in _walk(unit_tree(db)):
            self.unit_combo.addItem(f"{'   ' * depth}{node.name} ({node.code})", node.code)
        self.unit_combo.setMaximumWidth(380)
        bar.addWidget(self.unit_combo, 1)
        self.below_only = QCheckBox(self.tr("Hanya yang di bawah {0} JP").format(JP_PER_YEAR), self)
        bar.addWidget(self.below_only)
        layout.addLayout(bar)
        self.notice = NoticeBar(self)
        layout.addWidget(self.notice)
        self.summary = QLabel(self)
        self.summary.setObjectName("jpRecapSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.units = QLabel(self)
        self.units.setWordWrap(True)
        self.units.setStyleSheet("color: #3c4043;")
        layout.addWidget(self.units)
        self.model = jp_model(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setObjectName("jpTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_employee)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.xlsx_button = QPushButton(self.tr("Ekspor XLSX…"), self)
        self.xlsx_button.clicked.connect(lambda _checked=False: self.export_xlsx())
        self.pdf_button = QPushButton(self.tr("Cetak Rekap…"), self)
        self.pdf_button.clicked.connect(lambda _checked=False: self.print_pdf())
        self.sign_button = QPushButton(self.tr("Tanda Tangani Rekap…"), self)
        self.sign_button.setObjectName("signRecapButton")
        self.sign_button.setToolTip(self.tr("Pengelola kepegawaian menandatangani rekap ini secara elektronik"))
        self.sign_button.setVisible(user.is_admin)
        self.sign_button.clicked.connect(self.sign_requested)
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.sign_button)
        layout.addLayout(buttons)
        self.year_spin.valueChanged.connect(lambda _v: self.reload())
        self.unit_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.below_only.toggled.connect(lambda _b: self._show())
        self.reload()

    @Slot()
    def reload(self) -> None:
        self._task = run_task(_load, self.db, self.user, self.year_spin.value(), self.unit_combo.currentData(),
                              title=self.tr("Memuat rekap pengembangan kompetensi"), owner=self)
        self._task.succeeded.connect(self._loaded)
        self._task.failed.connect(lambda message: self.notice.show_notice(message, "error"))

    @property
    def year(self) -> int:
        return self.year_spin.value()

    def period(self) -> str | None:
        return None

    def unit_code(self) -> str | None:
        return self.unit_combo.currentData()

    def _loaded(self, recap: development_service.JpRecap) -> None:
        self.recap = recap
        self._show()
        self.loaded.emit()

    def _show(self) -> None:
        rec = self.recap
        if rec is None:
            return
        self.model.set_rows(rec.below if self.below_only.isChecked() else rec.lines)
        self.table.resizeColumnsToContents()
        self.summary.setText(self.tr("<b>{0}</b> — {1} dari {2} PNS masih di bawah hak {3} JP pengembangan kompetensi "
                                     "tahun {4} (PP 17/2020 Pasal 203).").format(
            rec.scope, len(rec.below), len(rec.lines), JP_PER_YEAR, rec.year))
        self.units.setText(" · ".join(
            self.tr("{0}: {1}/{2} kurang, rata-rata {3} JP").format(u.code, u.below, u.people,
                                                                   f"{u.average:.1f}".replace(".", ","))
            for u in rec.units()))

    def _open_employee(self, index: Any) -> None:
        line = self.proxy.data(index, ObjectRole)
        if line is not None:
            self.employee_open_requested.emit(line.employee_id)

    def export_xlsx(self, path: str | None = None) -> str | None:
        if self.recap is None:
            return None
        path = path or file_dialogs.save_file_name(self, self.tr("Simpan XLSX"), f"Rekap_JP_{self.recap.year}.xlsx",
                                                   self.tr("Buku kerja Excel (*.xlsx)"))
        if not path:
            return None
        try:
            development_service.export_recap(self.recap, path)
        except Exception as exc:
            self.notice.show_notice(error_message(exc), "error")
            return None
        self.notice.show_notice(self.tr("Rekap disimpan ke {0}.").format(path), "success")
        return path

    def print_pdf(self, path: str | None = None, paper: str = "A4") -> str | None:
        if self.recap is None:
            return None
        path = path or file_dialogs.save_file_name(self, self.tr("Simpan PDF"), f"Rekap_JP_{self.recap.year}.pdf",
                                                   self.tr("PDF (*.pdf)"))
        if not path:
            return None
        try:
            doc = render(tindak_lanjut_print.jp_recap_sheet(self.db, self.user, self.recap), PageSetup(paper=paper))
            with open(path, "wb") as fh:
                fh.write(doc.pdf)
        except Exception as exc:
            self.notice.show_notice(error_message(exc), "error")
            return None
        self.notice.show_notice(self.tr("Rekap dicetak ke {0}.").format(path), "success")
        return path
