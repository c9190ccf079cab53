"""Matriks Peran Hasil page: the unit head's RHK against staff and tim kerja; double-click a cell to fill it.

Signals:
    data_changed(): a cell or a team changed (the main window refreshes its list).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services import role_matrix_service as rm
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.plan_service import STATUS_LABELS
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.matriks.matrix_model import FIXED, RHK, MatrixTableModel
from kinerja_desktop.ui.matriks.matriks_dialogs import CellDialog, TeamDialog


class MatriksPage(QWidget):
    """One unit head's matrix for one year."""

    data_changed = Signal()

    def __init__(self, db: Database, user: CurrentUser, year: int, head_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user, self.year = db, user, year
        self.head_id = head_id or user.employee_id
        self.setWindowTitle(self.tr("Matriks Peran Hasil {0}").format(year))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        bar = QHBoxLayout()
        self.team_button = QPushButton(self.tr("Tim Kerja Baru…"), self)
        self.team_button.clicked.connect(lambda: self.edit_team(None))
        self.teams_label = QLabel(self)
        self.teams_label.setTextFormat(Qt.TextFormat.RichText)
        self.teams_label.linkActivated.connect(self.edit_team)
        self.print_button = QPushButton(self.tr("Cetak PDF…"), self)
        self.print_button.clicked.connect(self.print_pdf)
        reload_button = QPushButton(self.tr("Muat Ulang"), self)
        reload_button.clicked.connect(self.refresh)
        bar.addWidget(self.team_button)
        bar.addWidget(self.teams_label, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(reload_button)
        layout.addLayout(bar)
        self.hint = QLabel(self.tr("Klik dua kali sel (RHK × pegawai) untuk mengisi peran dan RHK usulan; pegawai "
                                   "melihatnya sebagai usulan di SKP-nya. Warna: kuning menunggu, hijau diterima, "
                                   "abu-abu ditolak."), self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")
        layout.addWidget(self.hint)
        self.model = MatrixTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        self.view.doubleClicked.connect(self.edit_cell)
        layout.addWidget(self.view, 1)
        self.refresh()

    @property
    def mine(self) -> bool:
        return bool(self.user.employee_id) and self.user.employee_id == self.head_id

    @Slot()
    def refresh(self) -> None:
        try:
            m = rm.matrix(self.db, self.user, self.year, self.head_id)
        except KinerjaError as exc:
            self.title.setText(str(exc))
            self.model.set_matrix(None)
            return
        self.model.set_matrix(m)
        status = (self.tr(" — SKP pimpinan: {0}").format(STATUS_LABELS.get(m.plan_status, m.plan_status))
                  if m.plan_status else self.tr(" — SKP pimpinan belum ada"))
        self.title.setText(self.tr("{0} · {1} · {2}{3} · {4} isian").format(
            m.head_name, m.unit or "-", m.year, status, m.filled))
        links = ", ".join(f'<a href="{t.id}">{t.name}</a>' for t in m.teams)
        self.teams_label.setText(self.tr("Tim kerja: {0}").format(links) if links else self.tr("Belum ada tim kerja."))
        self.team_button.setEnabled(self.mine)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.setColumnWidth(0, 44)
        self.view.setColumnWidth(RHK, 300)
        for col in range(FIXED, self.model.columnCount()):
            self.view.setColumnWidth(col, 160)
        self.view.resizeRowsToContents()

    def _error(self, exc: KinerjaError) -> None:
        QMessageBox.warning(self, self.tr("Matriks Peran Hasil"), str(exc))

    @Slot(QModelIndex)
    def edit_cell(self, index: QModelIndex) -> None:
        m = self.model.matrix
        person = self.model.person_at(index.column())
        if m is None or person is None or not self.mine:
            return
        row = m.rows[index.row()]
        cell = self.model.cell(index)
        dialog = CellDialog(f"{row.number} {row.text}", person.name, [(t.id, t.name) for t in m.teams], cell, self)
        self._dialog = dialog
        while dialog.exec():
            try:
                if dialog.cleared and cell is not None:
                    rm.remove_cell(self.db, self.user, cell.id)
                else:
                    rm.set_cell(self.db, self.user, row.rhk_id, person.employee_id, **dialog.values())
            except KinerjaError as exc:
                dialog.error.setText(str(exc))
                dialog.cleared = False
                continue
            break
        self._dialog = None
        self.refresh()
        self.view.scrollTo(self.model.index(index.row(), index.column()))
        self.view.setCurrentIndex(self.model.index(index.row(), index.column()))
        self.data_changed.emit()

    def _find_nip(self, nip: str) -> tuple[str, str] | None:
        from sqlalchemy import select

        from kinerja_desktop.store.models import Employee

        clean = "".join(nip.split())
        if not clean:
            return None
        with self.db.reader() as s:
            row = s.execute(select(Employee.id, Employee.name).where(Employee.nip == clean,
                                                                     Employee.deleted.is_(False))).first()
        return (row[0], row[1]) if row else None

    @Slot(str)
    def edit_team(self, team_id: str | None) -> None:
        m = self.model.matrix
        if m is None or not self.mine:
            return
        team = next((t for t in m.teams if t.id == team_id), None)
        names = self._member_names(team)
        dialog = TeamDialog(self._find_nip, team, names, self)
        self._dialog = dialog
        while dialog.exec():
            name, description, members = dialog.values()
            try:
                rm.save_team(self.db, self.user, self.year, name, members, description=description,
                             team_id=team.id if team else None)
            except KinerjaError as exc:
                dialog.error.setText(str(exc))
                continue
            break
        self._dialog = None
        self.refresh()

    def _member_names(self, team: Any) -> dict[str, str]:
        if team is None:
            return {}
        from sqlalchemy import select

        from kinerja_desktop.store.models import Employee

        ids = [m["employee_id"] for m in team.members]
        with self.db.reader() as s:
            return dict(s.execute(select(Employee.id, Employee.name).where(Employee.id.in_(ids))).all())  # type: ignore[arg-type]

    @Slot()
    def print_pdf(self, path: str | None = None) -> Path | None:
        from kinerja_desktop.documents.print_service import PrintJob, print_documents

        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Simpan Matriks Peran Hasil"),
                                                        f"Matriks_Peran_Hasil_{self.year}.pdf", "PDF (*.pdf)")
        if not path:
            return None
        ids = (self.head_id,) if self.head_id else ()
        try:
            result = print_documents(self.db, self.user, PrintJob(kind="matriks", year=self.year, out=Path(path),
                                                                  employee_ids=ids))
        except KinerjaError as exc:
            self._error(exc)
            return None
        if result.failures:
            QMessageBox.warning(self, self.tr("Cetak"), "\n".join(f.message for f in result.failures))
            return None
        return result.files[0]
