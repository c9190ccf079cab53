"""The first-run wizard's "Komputer ini untuk saya" page: set this PC up for one person of an office.

The person gives their NIP (or user name), the office's shared store and the enrolment file the
central office handed out (it holds the instansi's root key). On Lanjut the page runs
:func:`kinerja_desktop.sync.join.join_office` in a worker, with progress and cancel: the root key is
pinned, the person recorded, and the first sync brings their scope, their account included, so
they sign in afterwards with the password they already have.
"""

from __future__ import annotations

import html
import threading
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.field_errors import FieldErrors
from kinerja_desktop.ui.workers import Cancelled, Task, TaskContext, run_task

FIELD_WIDTH = 380
# Service field names (``ValidationError.field``) and the row that shows them.
NIP_FIELDS = ("NIP", "Nama pengguna")
STORE_FIELDS = ("Lokasi", "Lokasi penyimpanan")
SECRET_FIELDS = ("Kata sandi", "Kata sandi penyimpanan")
ROOT_FIELDS = ("Berkas pendaftaran", "Kunci akar")
# Store errors without a field name, by class name, and where they belong.
_STORE_ERRORS = {"RemoteUnavailable": "Lokasi", "RemoteNotMounted": "Lokasi", "RemoteTLSError": "Lokasi",
                 "RemoteError": "Lokasi", "RemoteFull": "Lokasi", "StoreIdentityChanged": "Lokasi",
                 "RemoteAuthError": "Kata sandi", "TrustError": "Berkas pendaftaran"}


def join_task(ctx: TaskContext, db: Any, who: str, url: str, secret: str, enrolment: str,
              cancel: threading.Event) -> Any:
    """The worker: read the root key, keep the store's password in the keyring, join; returns the SyncReport."""
    from kinerja_desktop.sync.engine import SyncCancelled
    from kinerja_desktop.sync.join import join_office, read_enrolment
    from kinerja_desktop.sync.remote import parse_remote, store_secret
    from kinerja_desktop.ui.sync.controller import progress_label

    root = read_enrolment(enrolment)
    spec, _ = parse_remote(url)  # a mistyped location is said before anything is stored
    if secret:
        store_secret(spec, secret)  # later syncs from the main window find it there

    def on_progress(p: Any) -> None:
        if ctx.cancelled:
            cancel.set()
        total = p.bytes_total or p.items_total
        done = p.bytes_done if p.bytes_total else p.items_done
        ctx.progress(min(done, total) if total else 0, total, progress_label(p))

    try:
        return join_office(db, who, url, root, secret=secret or None, progress=on_progress, cancel=cancel)
    except SyncCancelled as exc:
        raise Cancelled from exc


def root_fingerprint(path: str) -> str:
    """The fingerprint of the root key in an enrolment file (raises ValidationError when unreadable)."""
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.store.signing import fingerprint, load_public
    from kinerja_desktop.sync.join import read_enrolment

    public = read_enrolment(path)
    try:
        load_public(public)
        return fingerprint(public)
    except ValueError as exc:
        raise ValidationError("Kunci akar instansi tidak sah.", field="Berkas pendaftaran") from exc


class JoinPage(QWizardPage):
    """Komputer ini untuk saya: join an office that already uses Kinerja Desktop.

    ``report`` holds the first sync's SyncReport once the PC was set up; ``who`` whom for.
    """

    def __init__(self, db: Any, next_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._next_id = db, next_id
        self._task: Task | None = None
        self._cancel = threading.Event()
        self.report: Any = None
        self.who = ""
        self.setTitle(self.tr("Komputer ini untuk saya"))
        self.setSubTitle(self.tr("Bergabung dengan kantor yang sudah memakai Kinerja Desktop. Komputer ini hanya "
                                 "mengambil data Anda dan yang boleh Anda lihat dari penyimpanan bersama kantor."))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.errors = FieldErrors(form)

        self.who_edit = self._edit("joinNipEdit", self.tr("mis. 199001012015031002"))
        self.errors.add_row(self.tr("&NIP atau nama pengguna"), self.who_edit, *NIP_FIELDS)

        self.location_edit = self._edit("joinLocationEdit",
                                        self.tr("folder, webdavs://server/…, sftp://server/… atau s3://…"))
        self.folder_button = QPushButton(self.tr("Pilih &folder…"), self)
        self.errors.add_row(self.tr("L&okasi penyimpanan"), self._row(self.location_edit, self.folder_button),
                            *STORE_FIELDS)

        self.secret_edit = self._edit("joinSecretEdit", self.tr("bila penyimpanan memakai kata sandi"))
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(self.tr("Kata s&andi penyimpanan"), self.secret_edit, *SECRET_FIELDS)

        self.enrolment_edit = self._edit("joinEnrolmentEdit", self.tr("berkas .json dari kantor pusat"))
        self.enrolment_button = QPushButton(self.tr("Berkas &pendaftaran…"), self)
        self.errors.add_row(self.tr("Kunci akar instansi"), self._row(self.enrolment_edit, self.enrolment_button),
                            *ROOT_FIELDS)
        self.fingerprint_label = QLabel(self)
        self.fingerprint_label.setObjectName("mutedLabel")
        self.fingerprint_label.setTextFormat(Qt.TextFormat.RichText)
        form.addRow("", self.fingerprint_label)

        note = QLabel(self.tr("Berkas pendaftaran dan lokasi penyimpanan diberikan admin kantor pusat. Setelah "
                              "selesai, masuk dengan NIP dan kata sandi Anda yang biasa."), self)
        note.setObjectName("mutedLabel")
        note.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.stop_button = QPushButton(self.tr("&Hentikan"), self)
        self.stop_button.setObjectName("joinStopButton")
        self.stop_button.hide()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("joinStatusLabel")
        self.status_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.progress, 1)
        busy_row.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addSpacing(8)
        layout.addLayout(busy_row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

        self.folder_button.clicked.connect(self._choose_folder)
        self.enrolment_button.clicked.connect(self._choose_enrolment)
        self.stop_button.clicked.connect(self.stop)
        self.enrolment_edit.editingFinished.connect(lambda: self.set_enrolment_file(self.enrolment_edit.text()))
        for edit in (self.who_edit, self.location_edit, self.secret_edit, self.enrolment_edit):
            edit.textEdited.connect(self.errors.clear)

    def _edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumWidth(FIELD_WIDTH)
        return edit

    def _row(self, edit: QLineEdit, button: QPushButton) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        edit.setParent(row)
        button.setParent(row)
        layout.addWidget(edit)
        layout.addWidget(button)
        return row

    # ------------------------------------------------------------------ choosing files

    @Slot()
    def _choose_folder(self) -> None:
        path = file_dialogs.existing_directory(self, self.tr("Pilih folder penyimpanan bersama kantor"))
        if path:
            self.location_edit.setText(path)
            self.errors.clear()

    @Slot()
    def _choose_enrolment(self) -> None:
        path = file_dialogs.open_file_name(self, self.tr("Pilih berkas pendaftaran dari kantor pusat"),
                                           self.tr("Berkas pendaftaran (*.json);;Semua berkas (*)"))
        if path:
            self.set_enrolment_file(path)

    def set_enrolment_file(self, path: str) -> None:
        """Take ``path`` as the enrolment file and show its root key's fingerprint to compare by eye."""
        from kinerja_desktop.domain.errors import ValidationError

        self.enrolment_edit.setText(path)
        self.fingerprint_label.clear()
        if not path.strip():
            return
        try:
            shown = root_fingerprint(path)
        except ValidationError as exc:
            self.errors.show(str(exc), exc.field)
            return
        self.errors.clear()
        self.fingerprint_label.setText(self.tr("Sidik jari kunci akar: <b>{0}</b><br>Cocokkan dengan sidik jari "
                                               "yang diumumkan kantor pusat.").format(shown))

    # ------------------------------------------------------------------ joining

    def busy(self) -> bool:
        return self._task is not None and self._task.running

    def validatePage(self) -> bool:
        if self.report is not None:
            return True
        if self.busy():
            return False
        self.errors.clear()
        self.error_label.hide()
        missing = [(edit, message, field) for edit, message, field in (
            (self.who_edit, self.tr("NIP atau nama pengguna wajib diisi."), "NIP"),
            (self.location_edit, self.tr("Lokasi penyimpanan wajib diisi: pilih folder atau ketik alamat "
                                         "server."), "Lokasi"),
            (self.enrolment_edit, self.tr("Pilih berkas pendaftaran dari kantor pusat."), "Berkas pendaftaran"),
        ) if not edit.text().strip()]
        for _edit, message, field in reversed(missing):  # the first empty field ends up focused
            self.errors.show(message, field)
        if missing:
            return False
        self._start()
        return False

    def _start(self) -> None:
        self._cancel = threading.Event()
        self.who = self.who_edit.text().strip()
        task = run_task(join_task, self._db, self.who, self.location_edit.text().strip(), self.secret_edit.text(),
                        self.enrolment_edit.text().strip(), self._cancel,
                        title=self.tr("Bergabung dengan kantor"), owner=self)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._joined)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._stopped)
        self._task = task
        self._set_busy(True)
        self.status_label.setText(self.tr("Menghubungi penyimpanan…"))

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.who_edit, self.location_edit, self.secret_edit, self.enrolment_edit,
                       self.folder_button, self.enrolment_button):
            widget.setEnabled(not busy)
        self.progress.setRange(0, 0)
        self.progress.setVisible(busy)
        self.stop_button.setVisible(busy)
        self.stop_button.setEnabled(busy)
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.NextButton).setEnabled(not busy)
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(not busy)

    @Slot()
    def stop(self) -> None:
        """Hentikan: the sync stops at its next step; what was fetched stays for the next try."""
        if self._task is not None and self._task.running:
            self._cancel.set()
            self._task.cancel()
            self.stop_button.setEnabled(False)
            self.status_label.setText(self.tr("Menghentikan…"))

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        if label:
            self.status_label.setText(label + "…")

    @Slot(object)
    def _joined(self, report: Any) -> None:
        self.report = report
        self._set_busy(False)
        for edit in (self.who_edit, self.location_edit, self.secret_edit, self.enrolment_edit):
            edit.setReadOnly(True)
        self.status_label.setText(self.tr("Selesai: {0} catatan tersimpan di komputer ini.").format(
            report.scope.get("records", 0)))
        self.wizard().next()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.status_label.clear()
        error = self._task.error if self._task is not None else None
        field = getattr(error, "field", None) or _STORE_ERRORS.get(type(error).__name__)
        if not self.errors.show(message, field):
            self.error_label.setText(message)
            self.error_label.show()

    @Slot()
    def _stopped(self) -> None:
        self._set_busy(False)
        self.status_label.setText(self.tr("Dihentikan. Yang sudah diambil tetap tersimpan; tekan Lanjut untuk "
                                          "meneruskan."))

    def done_text(self) -> str:
        """What the last page says after joining."""
        return self.tr("Komputer ini siap untuk <b>{0}</b>: {1} catatan diambil dari penyimpanan kantor. Masuk "
                       "dengan NIP atau nama pengguna dan kata sandi Anda yang biasa.").format(
            html.escape(self.who), (self.report.scope.get("records", 0) if self.report is not None else 0))

    def nextId(self) -> int:
        return self._next_id
