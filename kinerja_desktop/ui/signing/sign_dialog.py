"""Tanda tangani: sign a record's sheet with a PKCS#12 (PAdES), store it and freeze the record.

The passphrase is read from its field, cleared at once and used only inside the worker.
Optionally the document is also queued for a certified signature (TTE) through the
instansi's BSrE server, sent later when online.

Signals:
    signed(object): the updated :class:`~kinerja_desktop.documents.signed_documents.DocumentView`.
    failed(str): signing failed; the message is also shown in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.documents.certs import PkiPaths
from kinerja_desktop.documents.signed_documents import KIND_LABELS, DocumentTarget, role_of, sign_record
from kinerja_desktop.documents.signing import ROLE_LABELS, SigningIdentity, SignOptions
from kinerja_desktop.documents.tte import CERTIFIED_NOTICE, FileTteQueue
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.readiness_service import Readiness, before_signing
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.form_support.confirm_step import gaps_html
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.screen_fit import resize_to_fit
from kinerja_desktop.ui.signing.background import Runner, run_in_background

OTHER_FILE = "__file__"


class SignDialog(QDialog):
    signed = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        db: Database,
        user: CurrentUser,
        target: DocumentTarget,
        pki: PkiPaths,
        *,
        render: Callable[[], tuple[bytes, str]],
        user_nip: str | None = None,
        options: SignOptions | None = None,
        runner: Runner = run_in_background,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.target, self.pki = db, user, target, pki
        self._render, self._options, self._runner = render, options or SignOptions(), runner
        self.role = role_of(db, user, target)  # raises PermissionDenied for anyone else
        self.busy = False
        label = tr_label(KIND_LABELS.get(target.kind, target.kind))
        period = self.tr(" periode {0}").format(target.period) if target.period and target.kind != "skp" else ""
        self.setWindowTitle(self.tr("Tanda Tangani {0}").format(label))
        resize_to_fit(self, 600, 420)

        layout = QVBoxLayout(self)
        head = QLabel(self.tr("<b>{0} {1}{2}</b><br>Anda menandatangani sebagai <b>{3}</b>.").format(
                                  label, target.year, period, tr_label(ROLE_LABELS[self.role])), self)
        layout.addWidget(head)
        self.readiness = _readiness(db, user, target, self.role)
        self.incomplete = QLabel(gaps_html(self.readiness, self) if self.readiness is not None else "", self)
        self.incomplete.setObjectName("incompleteList")
        self.incomplete.setWordWrap(True)
        self.incomplete.setTextFormat(Qt.TextFormat.RichText)
        self.incomplete.setVisible(self.readiness is not None)
        layout.addWidget(self.incomplete)
        form = QFormLayout()
        self.certificate = QComboBox(self)
        for entry in pki.identities.entries():
            until = str(entry.get("not_after"))[:10]
            text = self.tr("{0} (NIP {1}), s.d. {2}").format(entry.get('common_name'), entry.get('nip') or '-', until)
            self.certificate.addItem(text, entry["path"])
            if user_nip and entry.get("nip") == user_nip:
                self.certificate.setCurrentIndex(self.certificate.count() - 1)
        self.certificate.addItem(self.tr("Berkas .p12 lain…"), OTHER_FILE)
        self.certificate.activated.connect(self._certificate_chosen)
        self.p12_file = QLineEdit(self)
        self.p12_file.setPlaceholderText(self.tr("Berkas .p12 / .pfx"))
        self.p12_file.setVisible(self.certificate.currentData() == OTHER_FILE)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.returnPressed.connect(self._sign)
        form.addRow(self.tr("Sertifikat"), self.certificate)
        form.addRow("", self.p12_file)
        form.addRow(self.tr("Kata sandi sertifikat"), self.passphrase)
        self.queue_tte = QCheckBox(
            self.tr("Antrekan juga untuk TTE tersertifikasi (server BSrE instansi) saat daring"), self
        )
        self.nik = QLineEdit(self)
        self.nik.setPlaceholderText(self.tr("NIK (16 digit) untuk server TTE"))
        self.nik.setVisible(False)
        self.queue_tte.toggled.connect(self.nik.setVisible)
        form.addRow(self.queue_tte)
        form.addRow("", self.nik)
        layout.addLayout(form)
        notice = QLabel(CERTIFIED_NOTICE, self)
        notice.setWordWrap(True)
        notice.setStyleSheet("color: #5f6368;")
        layout.addWidget(notice)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        self.sign_button = QPushButton(self.tr("Tanda tangani"), self)
        self.sign_button.setDefault(True)
        buttons.addButton(self.sign_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.sign_button.clicked.connect(self._sign)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @Slot(int)
    def _certificate_chosen(self, index: int) -> None:
        other = self.certificate.itemData(index) == OTHER_FILE
        self.p12_file.setVisible(other)
        if other and not self.p12_file.text():
            name = file_dialogs.open_file_name(self, self.tr("Pilih sertifikat"), "PKCS#12 (*.p12 *.pfx)")
            self.p12_file.setText(name)

    def _say(self, text: str, ok: bool = True) -> None:
        self.status.setStyleSheet("color: #137333;" if ok else "color: #a50e0e;")
        self.status.setText(text)

    def _fail(self, message: str) -> None:
        self.busy = False
        self.sign_button.setEnabled(True)
        self._say(message, ok=False)
        self.failed.emit(message)

    @Slot()
    def _sign(self) -> None:
        if self.busy:
            return
        source = self.certificate.currentData()
        path = self.p12_file.text().strip() if source == OTHER_FILE else str(source)
        secret = self.passphrase.text()
        self.passphrase.clear()
        if not path:
            self._fail(self.tr("Pilih sertifikat terlebih dahulu."))
            return
        nik = self.nik.text().strip() if self.queue_tte.isChecked() else None
        if nik is not None and not (nik.isdigit() and len(nik) == 16):
            self._fail(self.tr("NIK harus 16 digit angka."))
            return
        db, user, target, render, options, role = (
            self.db,
            self.user,
            self.target,
            self._render,
            self._options,
            self.role,
        )
        queue = FileTteQueue(self.pki.root / "tte-queue.json")

        def work() -> Any:
            identity = SigningIdentity.from_pkcs12(Path(path), secret)
            view, result = sign_record(db, user, identity, target, render=render, role=role, options=options)
            if nik is not None:
                queue.enqueue(view.id, role, nik)
            return view, result

        self.busy = True
        self.sign_button.setEnabled(False)
        self._say(self.tr("Sedang menandatangani…"))
        self._runner(work, self._done, self._fail)

    def _done(self, outcome: Any) -> None:
        view, result = outcome
        self.busy = False
        notes = "".join(f" {n}" for n in result.notes)
        queued = self.tr(" Dokumen masuk antrean TTE tersertifikasi.") if self.queue_tte.isChecked() else ""
        self._say(
            self.tr(
                "Ditandatangani oleh {0} pada {1:%d-%m-%Y %H:%M} {2} (PAdES {3}). Status dokumen: {4}.{5}{6}"
            ).format(
                result.signer_name,
                result.signed_at,
                result.signed_at.tzname(),
                result.level,
                tr_label(view.status_label),
                notes,
                queued,
            )
        )
        self.signed.emit(view)


def _readiness(db: Database, user: CurrentUser, target: DocumentTarget, role: str) -> Readiness | None:
    """What the record to be signed still lacks (None for a unit's penetapan, or when it cannot be read)."""
    if not target.plan_id:
        return None
    try:
        return before_signing(db, user, target.kind, target.plan_id, target.period, role=role)
    except KinerjaError:
        return None
