"""Pengaturan Sinkronisasi: where the shared store is, the account, how often to sync.

The password goes to the system keyring, never into the database; certificates of HTTPS
servers are always verified.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui import file_dialogs
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


def _store_root(ctx: Any, url: str, secret: str | None) -> str | None:
    """The root key named by the newest roster on the store that is signed by it (not yet trusted)."""
    from kinerja_desktop.services.trust_service import verify_roster
    from kinerja_desktop.sync.remote import open_remote
    from kinerja_desktop.sync.trust import read_roster_doc, roster_listing

    remote = open_remote(url, secret=secret, timeout=15)
    try:
        for _seq, digest, name in reversed(roster_listing(remote)):
            doc = read_roster_doc(remote, name, digest)
            root = str((doc or {}).get("root") or "")
            if root and verify_roster(doc or {}, root):
                return root
    finally:
        remote.close()
    return None


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
        layout.addWidget(self._root_box())
        layout.addWidget(buttons)
        self.task: Any = None
        current = configured_remote(db)
        if current:
            spec, _ = parse_remote(current)
            self.username.setText(spec.user)
            self.location.setText(current.replace(f"{quote(spec.user, safe='')}@", "") if spec.user else current)
        self.interval.setValue(int(get_meta(db, INTERVAL_KEY, 10) or 10))

    # ------------------------------------------------------------------ root of trust

    def _root_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Kunci akar instansi"), self)
        self.root_label = QLabel(box)
        self.root_label.setWordWrap(True)
        self.root_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trust_store_button = QPushButton(self.tr("Periksa && &percayai kunci di penyimpanan…"), box)
        self.trust_store_button.clicked.connect(self.trust_store_root)
        self.enrol_button = QPushButton(self.tr("Dari berkas &pendaftaran…"), box)
        self.enrol_button.clicked.connect(self.enrol_from_file)
        row = QHBoxLayout()
        row.addWidget(self.trust_store_button)
        row.addWidget(self.enrol_button)
        row.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addWidget(self.root_label)
        inner.addLayout(row)
        self._show_root()
        return box

    def _show_root(self) -> None:
        from kinerja_desktop.services.trust_service import pinned_root
        from kinerja_desktop.store.signing import fingerprint

        pinned = pinned_root(self.db)
        self.root_label.setText(
            self.tr("Dipercayai: <b>{0}</b>. Perubahan dari komputer lain diterima hanya bila ditandatangani "
                    "penulisnya menurut daftar pegawai yang ditandatangani kunci ini.").format(fingerprint(pinned))
            if pinned else
            self.tr("Belum ada. Perubahan dari komputer lain belum diterapkan sampai kunci akar dari kantor pusat "
                    "dipercayai: cocokkan sidik jarinya, atau pakai berkas pendaftaran dari kantor pusat."))

    def _pin(self, public: str) -> bool:
        from kinerja_desktop.domain.errors import KinerjaError
        from kinerja_desktop.services.trust_service import TrustError, pin_root, pinned_root
        from kinerja_desktop.store.signing import fingerprint

        current = pinned_root(self.db)
        replace = False
        if current and current != public:
            answer = QMessageBox.warning(
                self, self.tr("Ganti kunci akar"),
                self.tr("Komputer ini sudah mempercayai kunci lain ({0}). Ganti hanya bila kantor pusat memberi tahu "
                        "bahwa kunci akar memang diganti. Ganti sekarang?").format(fingerprint(current)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
            replace = True
        try:
            pin_root(self.db, public, replace=replace)
        except (TrustError, KinerjaError, ValueError) as exc:
            self.result_label.setText(str(exc) or self.tr("Kunci akar tidak sah."))
            return False
        self._show_root()
        return True

    @Slot()
    def trust_store_root(self) -> Any:
        self.trust_store_button.setEnabled(False)
        self.task = run_task(_store_root, self.url(), self.password.text() or None,
                             title=self.tr("Membaca kunci akar"), owner=self)
        self.task.succeeded.connect(self._confirm_store_root)
        self.task.failed.connect(self.result_label.setText)
        self.task.finished.connect(lambda: self.trust_store_button.setEnabled(True))
        return self.task

    @Slot(object)
    def _confirm_store_root(self, public: str | None) -> None:
        from kinerja_desktop.store.signing import fingerprint

        if not public:
            self.result_label.setText(self.tr("Penyimpanan belum memuat daftar pegawai bertanda tangan dari kantor "
                                              "pusat."))
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Cocokkan sidik jari"),
                          self.tr("Sidik jari kunci akar di penyimpanan:<br><br><b><tt>{0}</tt></b><br><br>Apakah "
                                  "sama persis dengan sidik jari yang diberikan kantor pusat (di kertas, lewat "
                                  "telepon)? Jika tidak, jangan lanjutkan.").format(fingerprint(public)),
                          QMessageBox.StandardButton.NoButton, self)
        yes = box.addButton(self.tr("&Sama persis, percayai"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Tidak sama"), QMessageBox.ButtonRole.RejectRole)
        self.confirm_box = box
        box.finished.connect(lambda _r: self._pin(public) if box.clickedButton() is yes else None)
        box.open()

    @Slot()
    def enrol_from_file(self) -> None:
        from pathlib import Path

        path = file_dialogs.open_file_name(self, self.tr("Berkas pendaftaran dari kantor pusat"),
                                           self.tr("Berkas pendaftaran (*.json)"))
        if path:
            self.enrol_with(Path(path))

    def enrol_with(self, path: Any) -> bool:
        import json

        try:
            public = str(json.loads(path.read_text(encoding="utf-8"))["root"])
        except (OSError, ValueError, KeyError, TypeError):
            self.result_label.setText(self.tr("Berkas pendaftaran tidak dapat dibaca."))
            return False
        return self._pin(public)

    def url(self) -> str:
        return compose_url(self.location.text(), self.username.text())

    @Slot()
    def browse(self) -> None:
        folder = file_dialogs.existing_directory(self, self.tr("Pilih folder penyimpanan bersama"))
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
