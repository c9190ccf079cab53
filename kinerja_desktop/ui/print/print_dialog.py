"""The "Cetak" dialog: which sheet, for whom, which period and paper, and where the PDF goes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.documents.page_setup import Paper
from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.print.print_job import KIND_LABELS, PrintRequest

__all__ = ["PrintOptionsDialog", "PrintTargets"]

PERIOD_LABELS = {
    "TW1": QT_TRANSLATE_NOOP("print_dialog", "Triwulan I"),
    "TW2": QT_TRANSLATE_NOOP("print_dialog", "Triwulan II"),
    "TW3": QT_TRANSLATE_NOOP("print_dialog", "Triwulan III"),
    "TW4": QT_TRANSLATE_NOOP("print_dialog", "Triwulan IV-Akhir"),
    "S1": QT_TRANSLATE_NOOP("print_dialog", "Semester I"),
    "S2": QT_TRANSLATE_NOOP("print_dialog", "Semester II"),
    "TAHUNAN": QT_TRANSLATE_NOOP("print_dialog", "Tahunan"),
}


class PrintTargets:
    """Who can be printed from where the user is: an employee, a selection, a unit."""

    def __init__(
        self,
        employee: tuple[str, str] | None = None,
        selection: list[str] | None = None,
        unit: tuple[str, str] | None = None,
    ) -> None:
        self.employee = employee  # (id, label)
        self.selection = selection or []
        self.unit = unit  # (id, label)


class PrintOptionsDialog(QDialog):
    """Builds a :class:`PrintRequest`; :meth:`request` is valid after ``exec()`` returned Accepted."""

    def __init__(
        self,
        targets: PrintTargets,
        year: int,
        period: str,
        periods: list[str],
        parent: QWidget | None = None,
        *,
        kind: str = "evaluasi",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cetak Dokumen"))
        self.targets = targets
        self.kind = QComboBox(self)
        for key, label in KIND_LABELS.items():
            self.kind.addItem(QCoreApplication.translate("print_job", label), key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.blank_form = QComboBox(self)
        for key, label in (
            ("skp", "SKP"),
            ("evaluasi", self.tr("Evaluasi Kinerja")),
            ("dokumen-evaluasi", self.tr("Dokumen Evaluasi")),
        ):
            self.blank_form.addItem(self.tr(label), key)
        self.scope_group = QButtonGroup(self)
        self.scope_employee = QRadioButton(self)
        self.scope_selection = QRadioButton(self)
        self.scope_unit = QRadioButton(self)
        scope_box = QVBoxLayout()
        for i, (button, value) in enumerate(
            (
                (self.scope_employee, targets.employee),
                (self.scope_selection, targets.selection),
                (self.scope_unit, targets.unit),
            )
        ):
            self.scope_group.addButton(button, i)
            scope_box.addWidget(button)
            button.setEnabled(bool(value))
        self.scope_employee.setText(
            self.tr("Pegawai ini: %1").replace("%1", targets.employee[1])
            if targets.employee
            else self.tr("Pegawai ini (tidak ada yang dipilih)")
        )
        self.scope_selection.setText(self.tr("Pegawai terpilih (%1)").replace("%1", str(len(targets.selection))))
        self.scope_unit.setText(
            self.tr("Unit: %1").replace("%1", targets.unit[1])
            if targets.unit
            else self.tr("Unit (buka tampilan unit terlebih dahulu)")
        )
        self.recursive = QCheckBox(self.tr("Sertakan sub-unit"), self)
        scope_box.addWidget(self.recursive)
        first = next((b for b in (self.scope_employee, self.scope_selection, self.scope_unit) if b.isEnabled()), None)
        if first is not None:
            first.setChecked(True)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.period = QComboBox(self)
        for code in periods:
            self.period.addItem(QCoreApplication.translate("print_dialog", PERIOD_LABELS.get(code, code)), code)
        self.period.setCurrentIndex(max(0, self.period.findData(period)))
        self.paper = QComboBox(self)
        for paper in Paper:
            self.paper.addItem(paper.label, paper.value)
        self.duplex = QCheckBox(self.tr("Setiap dokumen mulai di halaman ganjil (cetak bolak-balik)"), self)
        self.duplex.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_preview = QRadioButton(self.tr("Pratinjau lalu cetak"), self)
        self.mode_file = QRadioButton(self.tr("Simpan sebagai satu PDF…"), self)
        self.mode_folder = QRadioButton(self.tr("Simpan satu PDF per pegawai ke folder…"), self)
        mode_box = QVBoxLayout()
        for i, button in enumerate((self.mode_preview, self.mode_file, self.mode_folder)):
            self.mode_group.addButton(button, i)
            mode_box.addWidget(button)
        self.mode_preview.setChecked(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Jenis dokumen"), self.kind)
        form.addRow(self.tr("Blanko untuk"), self.blank_form)
        form.addRow(self.tr("Cakupan"), scope_box)
        row = QHBoxLayout()
        row.addWidget(self.year)
        row.addWidget(self.period)
        form.addRow(self.tr("Tahun dan periode"), row)
        form.addRow(self.tr("Kertas"), self.paper)
        form.addRow("", self.duplex)
        form.addRow(self.tr("Hasil"), mode_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Cetak"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self._request: PrintRequest | None = None
        self._choose_path = self._ask_path

    @Slot()
    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.blank_form.setEnabled(kind == "blank")
        self.period.setEnabled(kind not in ("skp",))
        unit_only = kind == "penetapan"
        self.scope_employee.setEnabled(bool(self.targets.employee) and not unit_only)
        self.scope_selection.setEnabled(bool(self.targets.selection) and not unit_only)
        if unit_only and self.targets.unit:
            self.scope_unit.setChecked(True)
        if kind == "penetapan" and not self.targets.unit:
            self.note.setText(
                self.tr("Penetapan predikat kinerja dicetak per unit: buka tampilan unit terlebih dahulu.")
            )
        elif kind == "blank":
            self.note.setText(self.tr("Tanpa pegawai terpilih, blanko dicetak kosong sama sekali."))
        else:
            self.note.setText("")

    def _ask_path(self, folder: bool) -> Path | None:
        if folder:
            name = file_dialogs.existing_directory(self, self.tr("Folder tujuan"))
        else:
            name = file_dialogs.save_file_name(self, self.tr("Simpan PDF"), "cetak.pdf", "PDF (*.pdf)")
        return Path(name) if name else None

    def build_request(self, out: Path | None = None) -> PrintRequest:
        kind = self.kind.currentData()
        checked = self.scope_group.checkedButton()
        employee_ids: tuple[str, ...] = ()
        unit_id = None
        if checked is self.scope_employee and self.targets.employee:
            employee_ids = (self.targets.employee[0],)
        elif checked is self.scope_selection:
            employee_ids = tuple(self.targets.selection)
        elif checked is self.scope_unit and self.targets.unit:
            unit_id = self.targets.unit[0]
        if kind == "blank" and checked is None:
            employee_ids = ()
        mode = ("preview", "file", "folder")[self.mode_group.checkedId()]
        return PrintRequest(
            kind=kind,
            year=self.year.value(),
            period=self.period.currentData() if kind != "skp" else "TAHUNAN",
            employee_ids=employee_ids,
            unit_id=unit_id,
            recursive=self.recursive.isChecked(),
            paper=Paper(self.paper.currentData()),
            duplex=self.duplex.isChecked(),
            mode=mode,
            out=out,
            blank_form=self.blank_form.currentData(),
        )

    @Slot()
    def _accept(self) -> None:
        mode = self.mode_group.checkedId()
        out = None
        if mode in (1, 2):
            out = self._choose_path(mode == 2)
            if out is None:
                return
        self._request = self.build_request(out)
        self.accept()

    def request(self) -> PrintRequest | None:
        return self._request
