"""Rencana Aksi: the signed-in pegawai's planned actions per RHK and period, their realisation and
evidence; copy a period to the next in one step; compute an indicator's realisation from them.

Signals: ``data_changed()`` after every write.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.periods import periods_in
from kinerja_desktop.services import action_plan_service as ap

__all__ = ["ActionPlanPage", "ActionTableModel"]

OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class ActionTableModel(QAbstractTableModel):
    RHK, TEXT, TARGET, REALISATION, EVIDENCE = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ap.ActionView] = []
        self._rhk: dict[str, str] = {}
        self._titles = [self.tr("RHK"), self.tr("Rencana aksi"), self.tr("Target"), self.tr("Realisasi"),
                        self.tr("Bukti")]

    def set_rows(self, rows: list[ap.ActionView], rhk_text: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows, self._rhk = list(rows), dict(rhk_text)
        self.endResetModel()

    def action(self, row: int) -> ap.ActionView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        if role == OBJECT_ROLE:
            return a
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (self._rhk.get(a.rhk_id, ""), a.text, a.target_label,
                    a.realisation_text or (self.tr("belum") if role == Qt.ItemDataRole.DisplayRole else ""),
                    a.filename or "")[index.column()]
        return None


class ActionPlanPage(QWidget):
    """Signals: ``data_changed()``."""

    data_changed = Signal()

    def __init__(self, db: Any, user: Any, year: int, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kinerja_desktop.services.plan_service import current_plan_id, get_plan

        self.db, self.user, self.year = db, user, year
        self.setWindowTitle(self.tr("Rencana Aksi {0}").format(year))
        self.plan_id = current_plan_id(db, user.employee_id, year) if user.employee_id else None
        self.plan = get_plan(db, user, self.plan_id) if self.plan_id else None
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.period_combo = QComboBox(self)
        self.period_combo.setAccessibleName(self.tr("Periode"))
        for code in ap.action_periods(db):
            self.period_combo.addItem(period_of(code).label, code)
        self.copy_button = QPushButton(self.tr("Salin ke periode berikutnya"), self)
        self.copy_button.clicked.connect(self.copy_next)
        top.addWidget(QLabel(self.tr("Periode:"), self))
        top.addWidget(self.period_combo)
        top.addStretch(1)
        top.addWidget(self.copy_button)
        outer.addLayout(top)
        self.model = ActionTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ActionTableModel.RHK, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ActionTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._chosen())
        outer.addWidget(self.table, 1)

        real = QHBoxLayout()
        self.realisation_edit = QLineEdit(self)
        self.realisation_edit.setPlaceholderText(self.tr("Realisasi rencana aksi terpilih, mis. 5 berkas (Enter)"))
        self.realisation_edit.setAccessibleName(self.tr("Realisasi"))
        self.realisation_edit.returnPressed.connect(self.save_realisation)
        self.realise_button = QPushButton(self.tr("Simpan realisasi"), self)
        self.realise_button.clicked.connect(self.save_realisation)
        self.compute_button = QPushButton(self.tr("Hitung realisasi indikator"), self)
        self.compute_button.setToolTip(self.tr("Jumlahkan realisasi rencana aksi indikator ini dalam periode "
                                               "evaluasinya dan simpan sebagai realisasi indikator"))
        self.compute_button.clicked.connect(self.compute_indicator)
        self.evidence_button = QPushButton(self.tr("Lampirkan bukti…"), self)
        self.evidence_button.clicked.connect(self.choose_evidence)
        self.delete_button = QPushButton(self.tr("Hapus"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        for w in (self.realisation_edit, self.realise_button, self.evidence_button, self.compute_button,
                  self.delete_button):
            real.addWidget(w, 1 if w is self.realisation_edit else 0)
        outer.addLayout(real)

        form = QFormLayout()
        self.rhk_combo = QComboBox(self)
        self.rhk_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rhk_combo.setMinimumContentsLength(40)
        self.indicator_combo = QComboBox(self)
        self.indicator_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.indicator_combo.setMinimumContentsLength(40)
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("Rencana aksi baru (Enter untuk menambah)"))
        self.text_edit.returnPressed.connect(self.add)
        target_row = QHBoxLayout()
        self.target_edit = QLineEdit(self)
        self.target_edit.setPlaceholderText(self.tr("target, mis. 4"))
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setPlaceholderText(self.tr("satuan"))
        self.add_button = QPushButton(self.tr("Tambah"), self)
        self.add_button.clicked.connect(self.add)
        target_row.addWidget(self.target_edit)
        target_row.addWidget(self.unit_edit)
        target_row.addWidget(self.add_button)
        form.addRow(self.tr("RHK"), self.rhk_combo)
        form.addRow(self.tr("Indikator"), self.indicator_combo)
        form.addRow(self.tr("Rencana aksi"), self.text_edit)
        form.addRow(self.tr("Target"), target_row)
        outer.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        outer.addWidget(self.message)

        self._rhk_text: dict[str, str] = {}
        self._indicators: dict[str, list[tuple[str, str, str]]] = {}
        if self.plan is not None:
            for r in self.plan.rhk:
                self._rhk_text[r.id] = r.text
                self.rhk_combo.addItem(r.text, r.id)
                self._indicators[r.id] = [(i.id, i.text, i.target_unit) for i in r.indicators]
        self.rhk_combo.currentIndexChanged.connect(lambda _i: self._fill_indicators())
        self._fill_indicators()
        self.period_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.load()

    def period(self) -> str:
        return str(self.period_combo.currentData())

    def _fill_indicators(self) -> None:
        self.indicator_combo.clear()
        self.indicator_combo.addItem(self.tr("(tidak dihitung ke indikator)"), None)
        for iid, text, unit in self._indicators.get(self.rhk_combo.currentData(), []):
            self.indicator_combo.addItem(text, (iid, unit))

    def load(self) -> None:
        if self.plan_id is None:
            self.message.setText(self.tr("Belum ada SKP tahun {0}; rencana aksi disusun per RHK SKP.")
                                 .format(self.year))
            for w in (self.add_button, self.copy_button, self.realise_button, self.compute_button):
                w.setEnabled(False)
            return
        try:
            rows = ap.list_actions(self.db, self.user, self.plan_id, self.period())
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return
        self.model.set_rows(rows, self._rhk_text)

    def _selected(self) -> ap.ActionView | None:
        index = self.table.currentIndex()
        return self.model.action(index.row()) if index.isValid() else None

    def _chosen(self) -> None:
        a = self._selected()
        self.realisation_edit.setText(a.realisation_text if a else "")

    def _done(self, text: str) -> None:
        self.message.setText(text)
        self.load()
        self.data_changed.emit()

    @Slot()
    def add(self) -> None:
        rhk = self.rhk_combo.currentData()
        ind = self.indicator_combo.currentData()
        if rhk is None:
            self.message.setText(self.tr("Pilih RHK dulu."))
            return
        try:
            ap.add_action(self.db, self.user, rhk, self.period(), self.text_edit.text(),
                          indicator_id=ind[0] if ind else None, target_value=self.target_edit.text() or None,
                          target_unit=self.unit_edit.text() or (ind[1] if ind else ""))
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return
        self.text_edit.clear()
        self.target_edit.clear()
        self._done(self.tr("Rencana aksi ditambahkan."))
        self.text_edit.setFocus()

    @Slot()
    def save_realisation(self) -> None:
        a = self._selected()
        if a is None:
            self.message.setText(self.tr("Pilih dulu rencana aksi yang akan diisi realisasinya."))
            return
        try:
            ap.set_action_realisation(self.db, self.user, a.id, self.realisation_edit.text())
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return
        self._done(self.tr("Realisasi disimpan."))

    @Slot()
    def choose_evidence(self) -> None:
        from kinerja_desktop.ui.file_dialogs import open_file_name

        if self._selected() is None:
            self.message.setText(self.tr("Pilih dulu rencana aksi yang akan diberi bukti."))
            return
        path = open_file_name(self, self.tr("Pilih berkas bukti"))
        if path:
            self.attach(path)

    def attach(self, path: str) -> bool:
        a = self._selected()
        if a is None:
            return False
        try:
            ap.attach_evidence(self.db, self.user, a.id, path)
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return False
        self._done(self.tr("Bukti dilampirkan."))
        return True

    @Slot()
    def delete_selected(self) -> None:
        a = self._selected()
        if a is None:
            return
        try:
            ap.delete_action(self.db, self.user, a.id)
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return
        self._done(self.tr("Rencana aksi dihapus."))

    @Slot()
    def copy_next(self) -> None:
        try:
            target, n = ap.copy_to_next_period(self.db, self.user, self.plan_id or "", self.period())
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return
        self._done(self.tr("{0} rencana aksi disalin ke {1}.").format(n, period_of(target).label))

    def evaluation_period_of(self, code: str) -> str:
        """The shortest configured evaluation period that contains an action's period."""
        from kinerja_desktop.services.settings_service import get_setting

        per = period_of(code)
        inside = [p for p in periods_in(get_setting(self.db, "periods"))
                  if p.first_month <= per.first_month and per.last_month <= p.last_month]
        return min(inside, key=lambda p: p.months).code if inside else "TAHUNAN"

    @Slot()
    def compute_indicator(self) -> None:
        from kinerja_desktop.services.realisation_service import realisation_from_actions

        a = self._selected()
        if a is None or not a.indicator_id:
            self.message.setText(self.tr("Pilih rencana aksi yang terhubung ke indikator."))
            return
        evaluation = self.evaluation_period_of(a.period)
        try:
            text = realisation_from_actions(self.db, self.user, a.indicator_id, evaluation)
        except KinerjaError as exc:
            self.message.setText(str(exc))
            return
        self._done(self.tr("Realisasi indikator {0}: {1}").format(period_of(evaluation).label, text))
