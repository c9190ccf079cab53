"""Dokumen bertanda tangan: the employee's signed sheets with their status (for the employee page).

Signals:
    sign_requested(object): the user asked to sign the selected document (a DocumentView);
        the page opens a :class:`~kinerja_desktop.ui.signing.sign_dialog.SignDialog` for it.
    extended(str): the selected document got its long-term validation (the level, e.g. B-LTA).
"""

from __future__ import annotations

import tempfile
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
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.documents.document_export import default_filename, export_document
from kinerja_desktop.documents.long_term_documents import extend_document
from kinerja_desktop.documents.signed_documents import DocumentView, document_pdf, list_documents
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.signing.background import Runner, run_in_background

ObjectRole = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()
SortRole = Qt.ItemDataRole.UserRole + 2


class SignedDocumentsModel(QAbstractTableModel):
    """One row per document: kind, year, period, status, signers, last change."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("SignedDocumentsModel", "Dokumen"),
        QT_TRANSLATE_NOOP("SignedDocumentsModel", "Tahun"),
        QT_TRANSLATE_NOOP("SignedDocumentsModel", "Periode"),
        QT_TRANSLATE_NOOP("SignedDocumentsModel", "Status"),
        QT_TRANSLATE_NOOP("SignedDocumentsModel", "Ditandatangani oleh"),
        QT_TRANSLATE_NOOP("SignedDocumentsModel", "Diperbarui"),
    )
    KIND, YEAR, PERIOD, STATUS, SIGNERS, UPDATED = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentView] = []

    def set_documents(self, rows: list[DocumentView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def document(self, row: int) -> DocumentView:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SignedDocumentsModel", self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        doc, col = self._rows[index.row()], index.column()
        if role == ObjectRole:
            return doc
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            updated = doc.updated_at
            return {
                self.KIND: tr_label(doc.kind_label),
                self.YEAR: doc.year if role == SortRole else str(doc.year or "-"),
                self.PERIOD: doc.period or "-",
                self.STATUS: tr_label(doc.status_label),
                self.SIGNERS: doc.signed_by(),
                self.UPDATED: (updated.isoformat() if role == SortRole else f"{updated:%d-%m-%Y %H:%M}")
                if updated
                else "",
            }[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS:
            return QColor("#137333") if doc.status == "SIGNED" else QColor("#b06000")
        return None


class SignedDocumentsPanel(QWidget):
    sign_requested = Signal(object)
    extended = Signal(str)

    def __init__(
        self,
        db: Database,
        user: CurrentUser,
        employee_id: str,
        *,
        verify: Callable[[bytes, str], Any] | None = None,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``verify(pdf, label)`` shows a verification (e.g. a VerifyDialog's ``verify_bytes``); ``runner``
        runs the long-term validation off the GUI thread (ui/signing/background.py)."""
        super().__init__(parent)
        self.db, self.user, self.employee_id, self._verify = db, user, employee_id, verify
        self._runner = runner or run_in_background
        self.busy = False
        layout = QVBoxLayout(self)
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #5f6368;")
        layout.addWidget(self.hint)
        self.model = SignedDocumentsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("signedDocuments")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Buka"), self)
        self.save_button = QPushButton(self.tr("Ekspor…"), self)
        self.save_button.setToolTip(
            self.tr("Simpan PDF tersimpan apa adanya (byte demi byte), sehingga tanda tangannya tetap dapat diperiksa.")
        )
        self.verify_button = QPushButton(self.tr("Periksa tanda tangan"), self)
        self.sign_button = QPushButton(self.tr("Tanda tangani…"), self)
        self.ltv_button = QPushButton(self.tr("Perpanjang keabsahan (LTV)"), self)
        self.ltv_button.setObjectName("ltvButton")
        self.ltv_button.setToolTip(self.tr(
            "Tambahkan cap waktu dokumen dan data validasi (PAdES B-LTA) dari server cap waktu instansi, agar "
            "tanda tangan yang sah hari ini tetap dapat dibuktikan sah setelah sertifikatnya kedaluwarsa."))
        self.ltv_button.clicked.connect(self.extend_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self._export_clicked)
        self.verify_button.clicked.connect(self._verify_selected)
        self.sign_button.clicked.connect(self._sign_selected)
        for button in (self.open_button, self.save_button, self.verify_button, self.sign_button, self.ltv_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        docs = list_documents(self.db, self.user, self.employee_id)
        self.model.set_documents(docs)
        self.hint.setText(
            self.tr("Dokumen yang ditandatangani tersimpan di sini; tanda tangan lama tetap utuh setelah Revisi.")
            if docs
            else self.tr("Belum ada dokumen yang ditandatangani.")
        )
        if docs:
            self.view.selectRow(0)
        self._update_buttons()

    def selected(self) -> DocumentView | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.document(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        doc = self.selected()
        for button in (self.open_button, self.save_button, self.verify_button):
            button.setEnabled(doc is not None)
        self.sign_button.setEnabled(doc is not None and doc.status != "SIGNED")
        self.ltv_button.setEnabled(doc is not None and doc.status in ("PARTIAL", "SIGNED") and not self.busy)

    @Slot()
    def extend_selected(self) -> None:
        """Perpanjang keabsahan (LTV) of the selected stored document, off the GUI thread."""
        doc = self.selected()
        if doc is None or self.busy:
            return
        db, user = self.db, self.user
        self.busy = True
        self._update_buttons()
        self.hint.setText(self.tr("Meminta cap waktu dokumen dari server cap waktu…"))
        self._runner(lambda: extend_document(db, user, doc.id), self._extended, self._extend_failed)

    def _extended(self, level: object) -> None:
        self.busy = False
        self.refresh()
        self.hint.setText(self.tr("Keabsahan dokumen diperpanjang ({0}): tanda tangannya tetap dapat dibuktikan "
                                  "sah setelah sertifikatnya kedaluwarsa.").format(level))
        self.extended.emit(str(level))

    def _extend_failed(self, message: str) -> None:
        self.busy = False
        self._update_buttons()
        self.hint.setText(self.tr("Perpanjang keabsahan gagal: {0}").format(message))

    def _pdf(self, doc: DocumentView) -> bytes:
        return document_pdf(self.db, self.user, doc.id)

    @Slot()
    def open_selected(self) -> Path | None:
        doc = self.selected()
        if doc is None:
            return None
        folder = Path(tempfile.gettempdir()) / "kinerja-dokumen"
        folder.mkdir(exist_ok=True)
        path = folder / f"{doc.kind}-{doc.year}-{doc.period or 'TAHUNAN'}-{doc.sha256[:8]}.pdf"
        path.write_bytes(self._pdf(doc))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    @Slot()
    def _export_clicked(self) -> None:
        self.export_selected()

    def export_selected(self, path: str | None = None) -> Path | None:
        """Ekspor…: write the selected stored PDF byte for byte to ``path`` (asked for when None)."""
        doc = self.selected()
        if doc is None:
            return None
        if path is None:
            path = file_dialogs.save_file_name(
                self, self.tr("Ekspor dokumen bertanda tangan"), default_filename(doc), self.tr("Dokumen PDF (*.pdf)")
            )
        if not path:
            return None
        try:
            export_document(self.db, self.user, doc.id, path)
        except (KinerjaError, OSError) as exc:
            self.hint.setText(self.tr("Ekspor gagal: {0}").format(str(exc)))
            return None
        self.hint.setText(self.tr("Diekspor ke {0}.").format(path))
        return Path(path)

    @Slot()
    def _verify_selected(self) -> None:
        doc = self.selected()
        if doc is not None and self._verify is not None:
            self._verify(self._pdf(doc), f"{doc.kind_label} {doc.year} {doc.period or ''}".strip())

    @Slot()
    def _sign_selected(self) -> None:
        doc = self.selected()
        if doc is not None:
            self.sign_requested.emit(doc)
