"""Pengaturan Sinkronisasi: where the shared store is, the account, how often to sync.

The password goes to the system keyring, never into the database; certificates of HTTPS
servers are always verified.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui.workers import run_task


def compose_url(location: str, username: str) -> str:
    """Put the user name into a server URL (a folder path stays as it is)."""
    text = location.strip()
    if "://" not in text or not username.strip():
        return text
    parts = urlsplit(text)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    netloc = f"{quote(username.strip(), safe='')}@{host}{port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def _test(ctx: Any, url: str, secret: str | None) -> str:
    from kinerja_desktop.sync import protocol as P
    from kinerja_desktop.sync.remote import open_remote

    remote = open_remote(url, secret=secret, timeout=15)
    try:
        raw = None
        try:
            raw = remote.read(P.IDENTITY_PATH)
        except FileNotFoundError:
            pass
        devices = remote.list_dirs(P.DEVICES_DIR)
    finally:
        remote.close()
    if raw is None:
        return QCoreApplication.translate("settings_dialog", "Tersambung. Penyimpanan masih kosong; komputer ini "
                                                             "akan menyiapkannya pada sinkronisasi pertama.")
    return QCoreApplication.translate(
        "settings_dialog", "Tersambung. Penyimpanan berisi kiriman dari {0} komputer."
    ).format(len(devices))


class SyncSettingsDialog(QDialog):
    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kinerja_desktop.sync.remote import parse_remote
        from kinerja_desktop.sync.replica import INTERVAL_KEY, configured_remote, get_meta

        self.db = db
        self.setWindowTitle(self.tr("Pengaturan Sinkronisasi"))
        self.location = QLineEdit(self)
        self.location.setPlaceholderText(self.tr("D:\\Kinerja  atau  https://server.kantor.go.id/webdav/kinerja"))
        self.username = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("(tersimpan di keyring sistem)"))
        self.interval = QSpinBox(self)
        self.interval.setRange(1, 24 * 60)
        self.interval.setSuffix(self.tr(" menit"))
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        browse = QPushButton(self.tr("Pilih &folder…"), self)
        browse.clicked.connect(self.browse)
        self.test_button = QPushButton(self.tr("&Uji koneksi"), self)
        self.test_button.clicked.connect(self.test_connection)
        row = QHBoxLayout()
        row.addWidget(self.location, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Lokasi penyimpanan:"), row)
        form.addRow(self.tr("Nama pengguna:"), self.username)
        form.addRow(self.tr("Kata sandi:"), self.password)
        form.addRow(self.tr("Sinkron otomatis tiap:"), self.interval)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "Folder dapat berupa flashdisk atau drive jaringan. Untuk server, gunakan alamat "
                "WebDAV (Nextcloud, ownCloud, dsb.), sftp:// atau s3://. Sertifikat HTTPS selalu "
                "diperiksa."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result_label, 1)
        layout.addLayout(test_row)
        layout.addWidget(buttons)
        self.task: Any = None
        current = configured_remote(db)
        if current:
            spec, _ = parse_remote(current)
            self.username.setText(spec.user)
            self.location.setText(current.replace(f"{quote(spec.user, safe='')}@", "") if spec.user else current)
        self.interval.setValue(int(get_meta(db, INTERVAL_KEY, 10) or 10))

    def url(self) -> str:
        return compose_url(self.location.text(), self.username.text())

    @Slot()
    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Pilih folder penyimpanan bersama"))
        if folder:
            self.location.setText(folder)

    @Slot()
    def test_connection(self) -> Any:
        self.result_label.setText(self.tr("Menghubungi…"))
        self.test_button.setEnabled(False)
        self.task = run_task(_test, self.url(), self.password.text() or None, title=self.tr("Uji koneksi"), owner=self)
        self.task.succeeded.connect(self.result_label.setText)
        self.task.failed.connect(self.result_label.setText)
        self.task.finished.connect(lambda: self.test_button.setEnabled(True))
        return self.task

    @Slot()
    def save(self) -> None:
        from kinerja_desktop.domain.errors import KinerjaError
        from kinerja_desktop.sync.remote import parse_remote, store_secret
        from kinerja_desktop.sync.replica import INTERVAL_KEY, save_remote, set_meta

        try:
            url = self.url()
            if not url:
                set_meta(self.db, "sync.remote", None)
            else:
                spec, _ = parse_remote(url)
                if self.password.text():
                    store_secret(spec, self.password.text())
                save_remote(self.db, url)
            set_meta(self.db, INTERVAL_KEY, int(self.interval.value()))
        except KinerjaError as exc:
            self.result_label.setText(str(exc))
            return
        self.accept()
