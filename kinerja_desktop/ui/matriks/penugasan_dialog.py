"""Penugasan dan SKP setahun: mutasi, promosi, ganti penilai and Plt./Plh. of one person for one year.

Shows the SKP of the year (with the dates each covers and its closing evaluation), the Plt./Plh.
SKP, and the combined annual result by the instansi's rule. The admin records a penugasan from
the SK, the pegawai opens its SKP, the last penilai writes the combination into the annual
evaluation — each through :mod:`kinerja_desktop.services.penugasan_service`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.penilaian import Predikat, Rating
from kinerja_desktop.domain.peran import AturanTahunan, PenugasanKind
from kinerja_desktop.services import penugasan_service as ps
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database

SEGMENT_COLUMNS = ("SKP", "Masa", "Pejabat penilai", "Evaluasi penutup", "Hasil kerja", "Perilaku kerja", "Predikat")
PENUGASAN_COLUMNS = ("Jenis", "TMT", "Selesai", "Jabatan", "Pejabat penilai", "Nomor SK", "SKP")


def _label(code: str | None, kind: type) -> str:
    return kind(code).label if code else "-"


class RecordDialog(QDialog):
    """The admin's form for one SK: kind, TMT, end, jabatan, penilai (by NIP), SK number."""

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Catat Penugasan dari SK"))
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        for k in PenugasanKind:
            self.kind.addItem(k.label, k.value)
        self.tmt = QDateEdit(QDate(year, 7, 1), self)
        self.tmt.setCalendarPopup(True)
        self.tmt.setDisplayFormat("dd-MM-yyyy")
        self.has_end = QCheckBox(self.tr("sampai"), self)
        self.end = QDateEdit(QDate(year, 12, 31), self)
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("dd-MM-yyyy")
        row = QHBoxLayout()
        row.addWidget(self.has_end)
        row.addWidget(self.end, 1)
        self.jabatan = QLineEdit(self)
        self.penilai = QLineEdit(self)
        self.penilai.setPlaceholderText(self.tr("NIP pejabat penilai pada penugasan ini"))
        self.sk = QLineEdit(self)
        form.addRow(self.tr("Jenis"), self.kind)
        form.addRow(self.tr("TMT"), self.tmt)
        form.addRow(self.tr("Selesai (Plt./Plh.)"), row)
        form.addRow(self.tr("Jabatan"), self.jabatan)
        form.addRow(self.tr("Pejabat penilai"), self.penilai)
        form.addRow(self.tr("Nomor SK"), self.sk)
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class YearDialog(QDialog):
    """One person's year: SKP segments, Plt./Plh., and the combined annual evaluation."""

    def __init__(self, db: Database, user: CurrentUser, employee_id: str, year: int, name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user, self.employee_id, self.year = db, user, employee_id, year
        self.setWindowTitle(self.tr("Penugasan dan SKP {0} — {1}").format(year, name))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>SKP tahun ini</b>"), self))
        self.segments = QStandardItemModel(0, len(SEGMENT_COLUMNS), self)
        self.segments.setHorizontalHeaderLabels([self.tr(c) for c in SEGMENT_COLUMNS])
        layout.addWidget(self._table(self.segments), 1)
        self.result = QLabel("", self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        layout.addWidget(QLabel(self.tr("<b>Penugasan (dari SK)</b>"), self))
        self.moves = QStandardItemModel(0, len(PENUGASAN_COLUMNS), self)
        self.moves.setHorizontalHeaderLabels([self.tr(c) for c in PENUGASAN_COLUMNS])
        self.moves_view = self._table(self.moves)
        layout.addWidget(self.moves_view, 1)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.record_button = QPushButton(self.tr("Catat Penugasan…"), self)
        self.open_button = QPushButton(self.tr("Buka SKP Penugasan"), self)
        self.apply_button = QPushButton(self.tr("Terapkan ke Evaluasi Tahunan"), self)
        close = QPushButton(self.tr("Tutup"), self)
        self.record_button.clicked.connect(self.record)
        self.open_button.clicked.connect(self.open_selected)
        self.apply_button.clicked.connect(self.apply)
        close.clicked.connect(self.accept)
        for b in (self.record_button, self.open_button, self.apply_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.record_button.setVisible(user.is_admin)
        self.open_button.setVisible(user.employee_id == employee_id)
        self.resize(1100, 560)
        self.refresh()

    def _table(self, model: QStandardItemModel) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return view

    @Slot()
    def refresh(self) -> None:
        try:
            view = ps.year_overview(self.db, self.user, self.employee_id, self.year)
            moves = ps.list_penugasan(self.db, self.user, self.employee_id, self.year)
        except KinerjaError as exc:
            self.result.setText(str(exc))
            return
        self.view = view
        self.segments.setRowCount(0)
        for g in view.segments:
            self.segments.appendRow([QStandardItem(x) for x in (
                g.label, f"{g.start:%d-%m-%Y} s.d. {g.end:%d-%m-%Y}", g.penilai or "-",
                f"{g.closing_period} ({g.evaluation_status.title()})", _label(g.hasil, Rating),
                _label(g.perilaku, Rating), _label(g.predikat, Predikat))])
        self.moves.setRowCount(0)
        self._move_ids: list[tuple[str, str | None]] = []
        for m in moves:
            items = [QStandardItem(x) for x in (
                m.kind_label, f"{m.tmt:%d-%m-%Y}", f"{m.end_date:%d-%m-%Y}" if m.end_date else "-", m.jabatan or "-",
                m.penilai or "-", m.nomor_sk or "-", self.tr("dibuka") if m.plan_id else self.tr("belum dibuka"))]
            self.moves.appendRow(items)
            self._move_ids.append((m.id, m.plan_id))
        combo = view.combination
        lines = [self.tr("Aturan instansi: {0}").format(AturanTahunan(view.rule).label)]
        if combo is not None:
            lines.append(combo.explain())
            if combo.predikat is not None and len(view.segments) > 1:
                lines.append(self.tr("Predikat tahunan gabungan: {0}").format(combo.predikat.label))
        lines += view.notes
        self.result.setText("\n".join(lines))
        self.apply_button.setEnabled(len(view.segments) > 1 and combo is not None and combo.complete)

    def _selected_move(self) -> tuple[str, str | None] | None:
        index = self.moves_view.currentIndex()
        return self._move_ids[index.row()] if index.isValid() else None

    @Slot()
    def open_selected(self) -> str | None:
        chosen = self._selected_move()
        if chosen is None:
            self.message.setText(self.tr("Pilih penugasannya dahulu."))
            return None
        try:
            plan_id = ps.open_plan(self.db, self.user, chosen[0])
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return None
        self.message.setText(self.tr("SKP untuk penugasan ini terbuka; susun RHK-nya di halaman SKP."))
        self.refresh()
        return plan_id

    @Slot()
    def apply(self) -> str | None:
        try:
            predikat = ps.apply_annual(self.db, self.user, self.employee_id, self.year)
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return None
        self.message.setText(self.tr("Rating gabungan ditulis ke evaluasi tahunan SKP sekarang."))
        self.refresh()
        return predikat

    @Slot()
    def record(self) -> str | None:
        dialog = RecordDialog(self.year, self)
        self.record_dialog = dialog
        result = None
        while dialog.exec():
            try:
                result = self._save(dialog)
            except KinerjaError as exc:
                dialog.error.setText(str(exc))
                continue
            break
        self.record_dialog = None
        self.refresh()
        return result

    def _save(self, dialog: RecordDialog) -> str:
        from sqlalchemy import select

        from kinerja_desktop.domain.errors import ValidationError
        from kinerja_desktop.store.models import Employee

        nip = "".join(dialog.penilai.text().split())
        penilai_id = None
        if nip:
            with self.db.reader() as s:
                penilai_id = s.scalars(select(Employee.id).where(Employee.nip == nip)).first()
            if penilai_id is None:
                raise ValidationError(self.tr("NIP penilai {0} tidak ada di daftar pegawai.").format(nip))
        q = dialog.tmt.date()
        e = dialog.end.date()
        return ps.record_penugasan(
            self.db, self.user, self.employee_id, dialog.kind.currentData(), date(q.year(), q.month(), q.day()),
            end_date=date(e.year(), e.month(), e.day()) if dialog.has_end.isChecked() else None,
            jabatan=dialog.jabatan.text(), penilai_id=penilai_id, nomor_sk=dialog.sk.text())
