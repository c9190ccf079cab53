"""Periksa tanda tangan: the verdict on a signed PDF in plain words, one row per signature.

Also checks a printed sheet's QR text against the database when a database is given.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.documents.signing import ROLE_LABELS
from kinerja_desktop.documents.verification import SignatureCheck, VerificationReport, verify_pdf
from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.screen_fit import resize_to_fit
from kinerja_desktop.ui.workers import error_message

OK_STYLE = "QLabel { background: #e6f4ea; color: #137333; border: 1px solid #a8dab5; padding: 8px; }"
BAD_STYLE = "QLabel { background: #fce8e6; color: #a50e0e; border: 1px solid #f4b4ae; padding: 8px; }"
ObjectRole = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()


def _role_label(sig: SignatureCheck) -> str:
    if sig.role == "cap_waktu":
        return QCoreApplication.translate("verify_dialog", "Cap waktu dokumen")
    return tr_label(ROLE_LABELS.get(sig.role or "", sig.field_name))


class SignatureTableModel(QAbstractTableModel):
    """One row per signature of a :class:`VerificationReport`."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("SignatureTableModel", "Peran"),
        QT_TRANSLATE_NOOP("SignatureTableModel", "Penanda tangan"),
        "NIP",
        QT_TRANSLATE_NOOP("SignatureTableModel", "Waktu"),
        QT_TRANSLATE_NOOP("SignatureTableModel", "Jenis"),
        QT_TRANSLATE_NOOP("SignatureTableModel", "Hasil"),
    )
    ROLE, NAME, NIP, TIME, LEVEL, VERDICT = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SignatureCheck] = []
        self._when: Callable[[Any], str] = lambda moment: str(moment or "-")

    def set_report(self, report: VerificationReport | None) -> None:
        self.beginResetModel()
        self._rows = list(report.signatures) if report else []
        if report is not None:
            self._when = report.format_time
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SignatureTableModel", self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        sig = self._rows[index.row()]
        col = index.column()
        if role == ObjectRole:
            return sig
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.ROLE: _role_label(sig),
                self.NAME: sig.signer_name or "?",
                self.NIP: sig.signer_nip or "-",
                self.TIME: self._when(sig.signed_at) if sig.signed_at else "-",
                self.LEVEL: self.tr("PAdES {0}").format(sig.level),
                self.VERDICT: self.tr("Sah") if sig.ok else self.tr("Tidak sah: ") + " ".join(sig.messages()),
            }[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.VERDICT:
            return "\n".join(sig.messages()) or self.tr(
                "Utuh, sertifikat dipercaya, tidak diubah setelah ditandatangani."
            )
        if role == Qt.ItemDataRole.ForegroundRole and col == self.VERDICT:
            return QColor("#137333") if sig.ok else QColor("#a50e0e")
        return None


class VerifyDialog(QDialog):
    """Open a PDF (or take its bytes) and say whether it is intact and who signed it when."""

    def __init__(
        self,
        trust_roots: Callable[[], list[Any]],
        parent: QWidget | None = None,
        *,
        qr_check: Callable[[str], Any] | None = None,
        timezone: str = "WIB",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Periksa Tanda Tangan Dokumen"))
        resize_to_fit(self, 820, 420)
        self._trust_roots, self._qr_check, self._timezone = trust_roots, qr_check, timezone
        self.report: VerificationReport | None = None

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path_label = QLabel(self.tr("Belum ada berkas dipilih."), self)
        self.open_button = QPushButton(self.tr("Pilih PDF…"), self)
        self.open_button.clicked.connect(self._choose_file)
        row.addWidget(self.path_label, 1)
        row.addWidget(self.open_button)
        layout.addLayout(row)

        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.hide()
        layout.addWidget(self.verdict)

        self.model = SignatureTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        if qr_check is not None:
            qr_row = QHBoxLayout()
            self.qr_edit = QLineEdit(self)
            self.qr_edit.setPlaceholderText(self.tr("Tempel isi kode QR lembar cetak (KINERJA:…)"))
            self.qr_button = QPushButton(self.tr("Periksa QR"), self)
            self.qr_button.clicked.connect(self._check_qr)
            self.qr_edit.returnPressed.connect(self._check_qr)
            qr_row.addWidget(self.qr_edit, 1)
            qr_row.addWidget(self.qr_button)
            layout.addLayout(qr_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _show_verdict(self, ok: bool, text: str) -> None:
        self.verdict.setStyleSheet(OK_STYLE if ok else BAD_STYLE)
        self.verdict.setText(text)
        self.verdict.show()

    @Slot()
    def _choose_file(self) -> None:
        name = file_dialogs.open_file_name(self, self.tr("Pilih PDF bertanda tangan"), self.tr("Dokumen PDF (*.pdf)"))
        if name:
            self.verify_file(Path(name))

    def verify_file(self, path: Path) -> VerificationReport | None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            self._show_verdict(False, self.tr("Berkas tidak dapat dibaca: {0}").format(exc.strerror or exc))
            return None
        self.path_label.setText(str(path))
        return self.verify_bytes(data)

    def verify_bytes(self, data: bytes, label: str | None = None) -> VerificationReport:
        """Verify in the GUI thread: a few milliseconds per signature."""
        if label:
            self.path_label.setText(label)
        report = verify_pdf(data, self._trust_roots(), timezone=self._timezone)
        self.report = report
        self.model.set_report(report)
        lines = report.summary_lines()
        details = [line for line in lines[1:] if not line[:1].isdigit() and not line.startswith("   -")]
        self._show_verdict(report.ok, "\n".join([lines[0], *details]))
        return report

    @Slot()
    def _check_qr(self) -> None:
        assert self._qr_check is not None
        text = self.qr_edit.text().strip()
        if not text:
            return
        try:
            result = self._qr_check(text)
        except Exception as exc:  # a KinerjaError carries its Indonesian message; others are said plainly
            self._show_verdict(False, error_message(exc))
            return
        self._show_verdict(bool(result.ok), str(result.message))
