"""SKP Plt./Plh.: the acting SKP the signed-in person rates (as penilai of the acting position) or holds.

A Plt./Plh. SKP is never the current SKP, so neither the employee list nor the inbox leads to it: this
dialog lists them (:func:`penugasan_service.acting_plans`) and opens one in an employee page bound to
that SKP, where the acting position's penilai approves it and writes its evaluation, and the Plt./Plh.
fills realisations and signs it (the sheets print the acting title, "Plt. <jabatan>").

Signals:
    open_requested(str employee_id, str plan_id): open that SKP's page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services import penugasan_service
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.plan_service import STATUS_LABELS
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.form_support.roles import ObjectRole, SortRole
from kinerja_desktop.ui.tindak_lanjut.table_models import RowTableModel


def acting_plan_model(parent: Any = None) -> RowTableModel[penugasan_service.ActingPlanView]:
    return RowTableModel(
        [
            (QCoreApplication.translate("ActingPlansDialog", "Nama"), lambda a: a.nama, lambda a: a.nama, None),
            ("NIP", lambda a: a.nip or "-", lambda a: a.nip, None),
            (QCoreApplication.translate("ActingPlansDialog", "Jabatan yang dilaksanakan"), lambda a: a.jabatan,
             lambda a: a.jabatan, None),
            (QCoreApplication.translate("ActingPlansDialog", "Masa"),
             lambda a: f"{a.tmt:%d-%m-%Y} s.d. " + (f"{a.end_date:%d-%m-%Y}" if a.end_date else "-"),
             lambda a: a.tmt.isoformat(), None),
            (QCoreApplication.translate("ActingPlansDialog", "Pejabat penilai"), lambda a: a.penilai or "-",
             lambda a: a.penilai, None),
            (QCoreApplication.translate("ActingPlansDialog", "Status SKP"),
             lambda a: tr_label(STATUS_LABELS.get(a.status, a.status)), lambda a: a.status, None),
        ],
        parent,
    )


class ActingPlansDialog(QDialog):
    """The Plt./Plh. SKP of a year for the signed-in person (see the module docstring)."""

    open_requested = Signal(str, str)

    def __init__(self, db: Database, user: CurrentUser, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user, self.year = db, user, year
        self.setObjectName("actingPlansDialog")
        self.setWindowTitle(self.tr("SKP Plt./Plh. Tahun {0}").format(year))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("SKP pegawai yang melaksanakan tugas sebagai Plt./Plh.: dinilai pejabat penilai "
                               "jabatan yang dilaksanakan, di samping SKP definitifnya. Buka untuk menyetujui, "
                               "mengisi realisasi, mengevaluasi atau menandatanganinya."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = acting_plan_model(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setObjectName("actingPlanTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        layout.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Buka SKP"), self)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_selected)
        close = QPushButton(self.tr("Tutup"), self)
        close.clicked.connect(self.accept)
        row.addStretch(1)
        row.addWidget(self.open_button)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(980, 420)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        try:
            rows = penugasan_service.acting_plans(self.db, self.user, self.year)
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if rows:
            self.table.selectRow(0)
        self.open_button.setEnabled(bool(rows))
        self.message.setText("" if rows else self.tr("Tidak ada SKP Plt./Plh. yang Anda nilai atau laksanakan pada "
                                                     "tahun {0}.").format(self.year))

    @Slot()
    def open_selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        chosen = self.proxy.data(rows[0], ObjectRole) if rows else None
        if chosen is None:
            self.message.setText(self.tr("Pilih SKP-nya dahulu."))
            return None
        self.open_requested.emit(chosen.employee_id, chosen.plan_id)
        return chosen.plan_id
