"""Sertifikat: a person's own PKCS#12, the office CA (admin) and the trusted CAs.

Passphrases are typed into password fields, used for one operation in a worker thread and
cleared from the fields at once; they are never stored. Key generation runs off the GUI thread.

Signals:
    identity_imported(str): fingerprint of an imported personal certificate.
    ca_created(): the office CA was made.
    certificate_issued(str): path of the issued .p12.
    failed(str): an operation failed; the message (Indonesian) is also shown in the dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.documents.certs import CertInfo, PkiPaths
from kinerja_desktop.documents.tte import CERTIFIED_NOTICE
from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.screen_fit import resize_to_fit
from kinerja_desktop.ui.signing.background import Runner, run_in_background
from kinerja_desktop.ui.workers import error_message


def _password_field(parent: QWidget, placeholder: str = "") -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


def _table(parent: QWidget, headers: list[str]) -> tuple[QTableView, QStandardItemModel]:
    model = QStandardItemModel(0, len(headers), parent)
    model.setHorizontalHeaderLabels(headers)
    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # The first column (a person's or a CA's name) takes the room left, so names are not cut to "De…".
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.verticalHeader().hide()
    return view, model


class CertificatesDialog(QDialog):
    identity_imported = Signal(str)
    ca_created = Signal()
    certificate_issued = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        pki: PkiPaths,
        parent: QWidget | None = None,
        *,
        is_admin: bool = False,
        instansi: str = "",
        employee_name: Any = None,
        runner: Runner = run_in_background,
    ) -> None:
        """``employee_name(nip) -> str | None`` fills the name when the admin types a NIP."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sertifikat Tanda Tangan Elektronik"))
        resize_to_fit(self, 760, 520)
        self.pki, self._runner, self._employee_name = pki, runner, employee_name
        self.busy = False
        layout = QVBoxLayout(self)
        notice = QLabel(CERTIFIED_NOTICE, self)
        notice.setWordWrap(True)
        notice.setStyleSheet("color: #5f6368;")
        layout.addWidget(notice)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.tabs.addTab(self._build_personal(), self.tr("Sertifikat saya"))
        if is_admin:
            self.tabs.addTab(self._build_ca(instansi), self.tr("CA kantor"))
        self.tabs.addTab(self._build_trust(), self.tr("CA tepercaya"))
        self.refresh()

    # ------------------------------------------------------------------ building

    def _build_personal(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        file_row = QHBoxLayout()
        self.p12_path = QLineEdit(page)
        self.p12_path.setPlaceholderText(self.tr("Berkas .p12 / .pfx, misalnya dari CA nasional"))
        browse = QPushButton(self.tr("Pilih…"), page)
        browse.clicked.connect(self._browse_p12)
        file_row.addWidget(self.p12_path, 1)
        file_row.addWidget(browse)
        form.addRow(self.tr("Berkas sertifikat"), file_row)
        self.p12_passphrase = _password_field(page)
        form.addRow(self.tr("Kata sandi berkas"), self.p12_passphrase)
        layout.addLayout(form)
        self.import_button = QPushButton(self.tr("Impor dan periksa"), page)
        self.import_button.clicked.connect(self._import_identity)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.identity_info = QLabel(page)
        self.identity_info.setWordWrap(True)
        self.identity_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.identity_info)
        self.identities_view, self.identities_model = _table(
            page, [self.tr("Nama"), "NIP", self.tr("Penerbit"), self.tr("Berlaku s.d.")]
        )
        layout.addWidget(self.identities_view, 1)
        return page

    def _build_ca(self, instansi: str) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.ca_info = QLabel(page)
        self.ca_info.setWordWrap(True)
        layout.addWidget(self.ca_info)

        make = QGroupBox(self.tr("Buat CA kantor"), page)
        form = QFormLayout(make)
        self.ca_instansi = QLineEdit(instansi, make)
        self.ca_key = QComboBox(make)
        self.ca_key.addItem("RSA 3072 bit", "rsa3072")
        self.ca_key.addItem("ECDSA P-256", "ec-p256")
        self.ca_passphrase = _password_field(make, self.tr("minimal 8 karakter"))
        self.ca_passphrase2 = _password_field(make, "ulangi")
        self.ca_button = QPushButton(self.tr("Buat CA"), make)
        self.ca_button.clicked.connect(self._create_ca)
        form.addRow(self.tr("Nama instansi"), self.ca_instansi)
        form.addRow(self.tr("Jenis kunci"), self.ca_key)
        form.addRow(self.tr("Kata sandi kunci CA"), self.ca_passphrase)
        form.addRow(self.tr("Ulangi kata sandi"), self.ca_passphrase2)
        form.addRow(self.ca_button)
        layout.addWidget(make)

        issue = QGroupBox(self.tr("Terbitkan sertifikat pegawai (.p12)"), page)
        form = QFormLayout(issue)
        self.issue_nip = QLineEdit(issue)
        self.issue_nip.editingFinished.connect(self._fill_name)
        self.issue_name = QLineEdit(issue)
        self.issue_key = QComboBox(issue)
        self.issue_key.addItem("RSA 2048 bit", "rsa2048")
        self.issue_key.addItem("ECDSA P-256", "ec-p256")
        self.issue_days = QSpinBox(issue)
        self.issue_days.setRange(30, 3650)
        self.issue_days.setValue(3 * 365)
        self.issue_days.setSuffix(self.tr(" hari"))
        out_row = QHBoxLayout()
        self.issue_out = QLineEdit(issue)
        out_browse = QPushButton(self.tr("Simpan sebagai…"), issue)
        out_browse.clicked.connect(self._browse_out)
        out_row.addWidget(self.issue_out, 1)
        out_row.addWidget(out_browse)
        self.issue_ca_passphrase = _password_field(issue, self.tr("kata sandi kunci CA"))
        self.issue_passphrase = _password_field(issue, self.tr("kata sandi baru berkas .p12"))
        self.issue_passphrase2 = _password_field(issue, "ulangi")
        self.issue_button = QPushButton(self.tr("Terbitkan"), issue)
        self.issue_button.clicked.connect(self._issue)
        form.addRow("NIP", self.issue_nip)
        form.addRow(self.tr("Nama"), self.issue_name)
        form.addRow(self.tr("Jenis kunci"), self.issue_key)
        form.addRow(self.tr("Masa berlaku"), self.issue_days)
        form.addRow(self.tr("Berkas keluaran"), out_row)
        form.addRow(self.tr("Kata sandi CA"), self.issue_ca_passphrase)
        form.addRow(self.tr("Kata sandi .p12"), self.issue_passphrase)
        form.addRow(self.tr("Ulangi"), self.issue_passphrase2)
        form.addRow(self.issue_button)
        layout.addWidget(issue)
        layout.addStretch(1)
        return page

    def _build_trust(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.trust_view, self.trust_model = _table(page, ["CA", self.tr("Berlaku s.d."), self.tr("Sidik jari SHA-256")])
        layout.addWidget(self.trust_view, 1)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Impor CA…"), page)
        add.clicked.connect(self._import_roots)
        export = QPushButton(self.tr("Ekspor PEM…"), page)
        export.clicked.connect(self._export_roots)
        self.remove_root_button = QPushButton(self.tr("Hapus"), page)
        self.remove_root_button.clicked.connect(self._remove_root)
        row.addWidget(add)
        row.addWidget(export)
        row.addWidget(self.remove_root_button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    # ------------------------------------------------------------------ state

    def refresh(self) -> None:
        self.identities_model.removeRows(0, self.identities_model.rowCount())
        for entry in self.pki.identities.entries():
            self.identities_model.appendRow(
                [
                    QStandardItem(str(entry.get("common_name", ""))),
                    QStandardItem(str(entry.get("nip") or "-")),
                    QStandardItem(str(entry.get("issuer_cn", ""))),
                    QStandardItem(str(entry.get("not_after", ""))[:10]),
                ]
            )
        self.trust_model.removeRows(0, self.trust_model.rowCount())
        for info in self.pki.trust.describe():
            items = [
                QStandardItem(info.common_name),
                QStandardItem(f"{info.not_after:%d-%m-%Y}"),
                QStandardItem(info.fingerprint),
            ]
            items[0].setData(info.fingerprint, Qt.ItemDataRole.UserRole + 1)
            self.trust_model.appendRow(items)
        if hasattr(self, "ca_info"):
            if self.pki.ca.exists():
                from kinerja_desktop.documents.certs import describe_certificate

                info = describe_certificate(self.pki.ca.certificate())
                self.ca_info.setText(
                    self.tr(
                        "CA kantor: <b>{0}</b>, berlaku s.d. {1:%d-%m-%Y}. Kuncinya tersimpan terenkripsi di {2}."
                    ).format(info.common_name, info.not_after, self.pki.ca.directory)
                )
                self.ca_button.setText(self.tr("Ganti CA"))
            else:
                self.ca_info.setText(self.tr("CA kantor belum dibuat."))

    def _say(self, text: str, ok: bool = True) -> None:
        self.status.setStyleSheet("color: #137333;" if ok else "color: #a50e0e;")
        self.status.setText(text)

    def _fail(self, message: str) -> None:
        self.busy = False
        self._set_enabled(True)
        self._say(message, ok=False)
        self.failed.emit(message)

    def _set_enabled(self, enabled: bool) -> None:
        for name in ("import_button", "ca_button", "issue_button"):
            button = getattr(self, name, None)
            if button is not None:
                button.setEnabled(enabled)

    def _start(self, fn: Any, on_done: Any) -> None:
        self.busy = True
        self._set_enabled(False)
        self._say(self.tr("Sedang diproses…"))

        def done(result: Any) -> None:
            self.busy = False
            self._set_enabled(True)
            on_done(result)

        self._runner(fn, done, self._fail)

    # ------------------------------------------------------------------ personal

    @Slot()
    def _browse_p12(self) -> None:
        name = file_dialogs.open_file_name(self, self.tr("Pilih sertifikat"), "PKCS#12 (*.p12 *.pfx)")
        if name:
            self.p12_path.setText(name)

    @Slot()
    def _import_identity(self) -> None:
        path, secret = self.p12_path.text().strip(), self.p12_passphrase.text()
        self.p12_passphrase.clear()
        if not path:
            self._fail(self.tr("Pilih berkas sertifikat (.p12) terlebih dahulu."))
            return
        pki = self.pki
        self._start(lambda: pki.identities.import_p12(Path(path), secret, trust=pki.trust), self._imported)

    def _imported(self, info: CertInfo) -> None:
        self.identity_info.setText("<br>".join(line.replace("<", "&lt;") for line in info.lines()))
        self._say(
            self.tr("Sertifikat diimpor.") + (self.tr(" Perhatikan peringatannya.") if info.warnings else ""),
            ok=not info.warnings,
        )
        self.refresh()
        self.identity_imported.emit(info.fingerprint)

    # ------------------------------------------------------------------ office CA

    @Slot()
    def _fill_name(self) -> None:
        if self._employee_name is not None and not self.issue_name.text().strip():
            name = self._employee_name(self.issue_nip.text().strip())
            if name:
                self.issue_name.setText(name)

    @Slot()
    def _browse_out(self) -> None:
        name = file_dialogs.save_file_name(self, self.tr("Simpan sertifikat"), "", "PKCS#12 (*.p12)")
        if name:
            self.issue_out.setText(name)

    @Slot()
    def _create_ca(self) -> None:
        first, second = self.ca_passphrase.text(), self.ca_passphrase2.text()
        self.ca_passphrase.clear()
        self.ca_passphrase2.clear()
        if first != second:
            self._fail(self.tr("Kedua kata sandi CA tidak sama."))
            return
        instansi, key_type, pki = self.ca_instansi.text(), self.ca_key.currentData(), self.pki
        replace = pki.ca.exists()
        self._start(
            lambda: pki.ca.init(instansi, first, key_type=key_type, trust_store=pki.trust, overwrite=replace),
            self._ca_done,
        )

    def _ca_done(self, info: CertInfo) -> None:
        self._say(self.tr("CA kantor dibuat: {0}. CA ini langsung dipercaya.").format(info.common_name))
        self.refresh()
        self.ca_created.emit()

    @Slot()
    def _issue(self) -> None:
        ca_secret, secret, again = (
            self.issue_ca_passphrase.text(),
            self.issue_passphrase.text(),
            self.issue_passphrase2.text(),
        )
        for field in (self.issue_ca_passphrase, self.issue_passphrase, self.issue_passphrase2):
            field.clear()
        nip, name, out = self.issue_nip.text().strip(), self.issue_name.text().strip(), self.issue_out.text().strip()
        if secret != again:
            self._fail(self.tr("Kedua kata sandi berkas .p12 tidak sama."))
            return
        if not out:
            self._fail(self.tr("Pilih tempat menyimpan berkas .p12."))
            return
        pki, key_type, days = self.pki, self.issue_key.currentData(), self.issue_days.value()

        def work() -> str:
            data = pki.ca.issue(
                ca_secret, name=name, nip=nip, p12_passphrase=secret, key_type=key_type, valid_days=days
            )
            target = Path(out)
            target.write_bytes(data)
            target.chmod(0o600)
            return str(target)

        self._start(work, self._issued)

    def _issued(self, path: str) -> None:
        self._say(
            self.tr("Sertifikat disimpan di {0}. Serahkan berkas dan kata sandinya secara terpisah.").format(path)
        )
        self.certificate_issued.emit(path)

    # ------------------------------------------------------------------ trusted CAs

    @Slot()
    def _import_roots(self) -> None:
        name = file_dialogs.open_file_name(
            self, self.tr("Impor sertifikat CA"), self.tr("Sertifikat (*.pem *.crt *.cer *.der)")
        )
        if name:
            self.import_roots(Path(name))

    def import_roots(self, path: Path) -> None:
        try:
            added = self.pki.trust.import_file(path)
        except Exception as exc:  # a KinerjaError's own sentence; anything else in plain words, logged
            self._fail(error_message(exc))
            return
        self._say(self.tr("Dipercaya: ") + ", ".join(a.common_name for a in added))
        self.refresh()

    @Slot()
    def _export_roots(self) -> None:
        name = file_dialogs.save_file_name(self, self.tr("Ekspor CA tepercaya"), "ca-tepercaya.pem", "PEM (*.pem)")
        if name:
            Path(name).write_bytes(self.pki.trust.export_pem())
            self._say(self.tr("CA tepercaya diekspor ke {0}.").format(name))

    @Slot()
    def _remove_root(self) -> None:
        rows = self.trust_view.selectionModel().selectedRows()
        if not rows:
            self._fail(self.tr("Pilih CA yang akan dihapus."))
            return
        fingerprint = self.trust_model.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole + 1)
        self.pki.trust.remove(fingerprint)
        self._say(self.tr("CA dihapus dari daftar tepercaya."))
        self.refresh()
