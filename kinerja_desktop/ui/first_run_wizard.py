"""First run on an empty database: a new office (admin account, instansi, roster) or the demo office.

Each step is stored when the user presses Lanjut (through the services, in a worker), so an
error appears at the field it concerns and nothing typed is lost. The wizard ends with the
user name to sign in with (:attr:`FirstRunWizard.username`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.field_errors import FieldErrors
from kinerja_desktop.ui.join_page import JoinPage
from kinerja_desktop.ui.roster_import_panel import RosterImportPanel
from kinerja_desktop.ui.screen_fit import resize_to_fit
from kinerja_desktop.ui.workers import Task, TaskContext, run_task

PAGE_WELCOME, PAGE_ADMIN, PAGE_INSTANSI, PAGE_ROSTER, PAGE_DEMO, PAGE_DONE = range(6)
PAGE_JOIN = 6
DEMO_DEFAULT_EMPLOYEES = 300


def _create_admin_task(ctx: TaskContext, db: Any, username: str, password: str) -> Any:
    from kinerja_desktop.services.auth_service import create_first_admin

    return create_first_admin(db, username, password)


def _instansi_task(ctx: TaskContext, db: Any, user: Any, values: dict[str, str], logo: str | None) -> None:
    from kinerja_desktop.services.settings_service import set_logo, set_setting

    for key, value in values.items():
        set_setting(db, user, key, value)
    if logo:
        set_logo(db, user, logo)


def _demo_task(ctx: TaskContext, db: Any, employees: int, year: int) -> Any:
    from kinerja_desktop.services.demo_service import build_demo

    def report(stage: str, done: int, total: int) -> None:
        ctx.check_cancelled()  # raising here rolls the whole demo back
        ctx.progress(done, total, stage)

    return build_demo(db, employees=employees, year=year, progress=report)


FIELD_WIDTH = 380


def _form() -> QFormLayout:
    """A form whose fields keep a sensible width instead of spanning a maximised window."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    return form


def _sized(edit: QWidget, width: int = FIELD_WIDTH) -> QWidget:
    edit.setMinimumWidth(width)
    return edit


class _StoringPage(QWizardPage):
    """A page whose Lanjut stores something in a worker first; the wizard moves on when it succeeded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stored = False
        self._task: Task | None = None
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

    def validatePage(self) -> bool:
        if self.stored:
            return True
        if self._task is not None and self._task.running:
            return False
        self.error_label.hide()
        task = self.start_storing()
        if task is None:
            return self.stored
        self._task = task
        self.wizard().button(QWizard.WizardButton.NextButton).setEnabled(False)
        task.succeeded.connect(self._stored)
        task.failed.connect(self._refused)
        return False

    def start_storing(self) -> Task | None:  # pragma: no cover - overridden
        raise NotImplementedError

    def on_stored(self, result: Any) -> None:
        """Called with the task's result before the wizard moves on."""

    def show_refusal(self, message: str, error: BaseException | None) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    @Slot(object)
    def _stored(self, result: Any) -> None:
        self.stored = True
        self.on_stored(result)
        self.wizard().button(QWizard.WizardButton.NextButton).setEnabled(True)
        self.wizard().next()

    @Slot(str)
    def _refused(self, message: str) -> None:
        self.wizard().button(QWizard.WizardButton.NextButton).setEnabled(True)
        self.show_refusal(message, self._task.error if self._task else None)


class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Selamat datang di Kinerja Desktop"))
        self.setSubTitle(self.tr("Database ini masih kosong. Pilih cara memulai."))
        self.new_radio = QRadioButton(self.tr("Siapkan &kantor baru: akun admin, data instansi, daftar pegawai"), self)
        self.new_radio.setObjectName("newOfficeRadio")
        self.demo_radio = QRadioButton(self.tr("Buka kantor &demo: data contoh yang lengkap untuk latihan"), self)
        self.demo_radio.setObjectName("demoOfficeRadio")
        self.join_radio = QRadioButton(self.tr("Komputer ini untuk &saya: bergabung dengan kantor yang sudah memakai "
                                               "Kinerja Desktop"), self)
        self.join_radio.setObjectName("joinOfficeRadio")
        self.new_radio.setChecked(True)
        note = QLabel(self.tr("Kantor demo berisi pegawai, SKP, realisasi dan evaluasi rekaan. Jangan dipakai untuk "
                              "data sungguhan; buat database baru untuk kantor Anda."), self)
        note.setObjectName("mutedLabel")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.new_radio)
        layout.addWidget(self.demo_radio)
        layout.addWidget(self.join_radio)
        layout.addSpacing(12)
        layout.addWidget(note)
        layout.addStretch(1)

    def nextId(self) -> int:
        if self.join_radio.isChecked():
            return PAGE_JOIN
        return PAGE_DEMO if self.demo_radio.isChecked() else PAGE_ADMIN


class AdminPage(_StoringPage):
    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.user: Any = None
        self.setTitle(self.tr("Akun admin kepegawaian"))
        self.setSubTitle(self.tr("Akun ini mengelola daftar pegawai, akun pengguna dan pengaturan instansi."))
        form = _form()
        self.errors = FieldErrors(form)
        self.username_edit = QLineEdit(self)
        _sized(self.username_edit)
        self.username_edit.setObjectName("adminUsernameEdit")
        self.username_edit.setText("admin")
        self.errors.add_row(self.tr("&Nama pengguna"), self.username_edit, "Nama pengguna")
        self.password_edit = QLineEdit(self)
        _sized(self.password_edit)
        self.password_edit.setObjectName("adminPasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(self.tr("&Kata sandi"), self.password_edit, "Kata sandi")
        self.confirm_edit = QLineEdit(self)
        _sized(self.confirm_edit)
        self.confirm_edit.setObjectName("adminConfirmEdit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(self.tr("&Ulangi kata sandi"), self.confirm_edit, "Ulangi kata sandi")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        for edit in (self.username_edit, self.password_edit, self.confirm_edit):
            edit.textEdited.connect(self.errors.clear)

    def start_storing(self) -> Task | None:
        self.errors.clear()
        if self.password_edit.text() != self.confirm_edit.text():
            self.errors.show(self.tr("Kedua kata sandi tidak sama."), "Ulangi kata sandi")
            return None
        return run_task(_create_admin_task, self._db, self.username_edit.text(), self.password_edit.text(),
                        title=self.tr("Membuat akun admin"), cancellable=False, owner=self)

    def on_stored(self, result: Any) -> None:
        self.user = result
        for edit in (self.username_edit, self.password_edit, self.confirm_edit):
            edit.setReadOnly(True)

    def show_refusal(self, message: str, error: BaseException | None) -> None:
        if not self.errors.show(message, getattr(error, "field", None)):
            super().show_refusal(message, error)

    def nextId(self) -> int:
        return PAGE_INSTANSI


class InstansiPage(_StoringPage):
    def __init__(self, db: Any, admin_page: AdminPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._admin = db, admin_page
        self.logo_path: str | None = None
        self.setTitle(self.tr("Data instansi"))
        self.setSubTitle(self.tr("Tampil di kepala setiap lembar SKP dan evaluasi yang dicetak."))
        form = _form()
        self.errors = FieldErrors(form)
        self.name_edit = QLineEdit(self)
        _sized(self.name_edit)
        self.name_edit.setObjectName("wizardInstansiName")
        self.name_edit.setPlaceholderText(self.tr("mis. PEMERINTAH KABUPATEN SLEMAN"))
        self.errors.add_row(self.tr("&Nama instansi"), self.name_edit, "Nama instansi")
        self.address_edit = QLineEdit(self)
        _sized(self.address_edit)
        self.errors.add_row(self.tr("&Alamat"), self.address_edit, "Alamat")
        self.city_edit = QLineEdit(self)
        _sized(self.city_edit)
        self.city_edit.setObjectName("wizardCity")
        self.city_edit.setPlaceholderText(self.tr("kota tempat penandatanganan, mis. Sleman"))
        self.errors.add_row(self.tr("&Kota"), self.city_edit, "Kota")
        logo_row = QWidget(self)
        logo_layout = QHBoxLayout(logo_row)
        logo_layout.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel(self.tr("belum ada"), logo_row)
        self.logo_preview.setFixedSize(96, 64)
        self.logo_preview.setWordWrap(True)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_button = QPushButton(self.tr("Pilih &Logo…"), logo_row)
        logo_layout.addWidget(self.logo_preview)
        logo_layout.addWidget(self.logo_button)
        logo_layout.addStretch(1)
        self.errors.add_row(self.tr("Logo (PNG/JPEG)"), logo_row, "Logo")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.logo_button.clicked.connect(self._choose_logo)
        for edit in (self.name_edit, self.address_edit, self.city_edit):
            edit.textEdited.connect(self.errors.clear)

    @Slot()
    def _choose_logo(self) -> None:
        path = file_dialogs.open_file_name(self, self.tr("Pilih logo instansi"), self.tr("Gambar (*.png *.jpg *.jpeg)"))
        if path:
            self.set_logo_file(path)

    def set_logo_file(self, path: str) -> None:
        self.logo_path = path
        self.stored = False
        pixmap = QPixmap(path)
        if pixmap.isNull():
            self.logo_preview.setText(self.tr("bukan gambar"))
        else:
            self.logo_preview.setPixmap(pixmap.scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))

    def start_storing(self) -> Task | None:
        self.errors.clear()
        if not self.name_edit.text().strip():
            self.errors.show(self.tr("Nama instansi wajib diisi."), "Nama instansi")
            return None
        values = {"instansi.name": self.name_edit.text(), "instansi.address": self.address_edit.text(),
                  "instansi.city": self.city_edit.text()}
        return run_task(_instansi_task, self._db, self._admin.user, values, self.logo_path,
                        title=self.tr("Menyimpan data instansi"), cancellable=False, owner=self)

    def show_refusal(self, message: str, error: BaseException | None) -> None:
        if not self.errors.show(message, getattr(error, "field", None)):
            super().show_refusal(message, error)

    def nextId(self) -> int:
        return PAGE_ROSTER


class RosterPage(QWizardPage):
    def __init__(self, db: Any, admin_page: AdminPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._admin = admin_page
        self.setTitle(self.tr("Daftar pegawai"))
        self.setSubTitle(self.tr("Impor unit kerja, pegawai dan pejabat penilai dari berkas Excel atau CSV. "
                                 "Boleh dilewati dan dilakukan nanti dari menu Berkas."))
        self.panel = RosterImportPanel(db, None, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.panel.busy_changed.connect(lambda _busy: self.completeChanged.emit())

    def initializePage(self) -> None:
        self.panel.set_user(self._admin.user)

    def isComplete(self) -> bool:
        return not self.panel.busy()

    def nextId(self) -> int:
        return PAGE_DONE


class DemoPage(QWizardPage):
    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._task: Task | None = None
        self.summary: Any = None
        self.setTitle(self.tr("Kantor demo"))
        self.setSubTitle(self.tr("Membuat instansi contoh dengan unit kerja, pegawai, SKP, realisasi dan evaluasi."))
        self.employees_spin = QSpinBox(self)
        self.employees_spin.setObjectName("demoEmployeesSpin")
        self.employees_spin.setRange(5, 20000)
        self.employees_spin.setSingleStep(50)
        self.employees_spin.setValue(DEMO_DEFAULT_EMPLOYEES)
        self.employees_spin.setSuffix(self.tr(" pegawai"))
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2019, 2100)
        self.year_spin.setValue(date.today().year)
        self.build_button = QPushButton(self.tr("&Buat Kantor Demo"), self)
        self.build_button.setObjectName("primaryButton")
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.hide()
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        form = _form()
        form.addRow(self.tr("&Jumlah pegawai"), _sized(self.employees_spin, 160))
        form.addRow(self.tr("&Tahun penilaian"), _sized(self.year_spin, 160))
        buttons = QHBoxLayout()
        buttons.addWidget(self.build_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.build_button.clicked.connect(self.build)
        self.cancel_button.clicked.connect(self._cancel)

    @Slot()
    def build(self) -> None:
        if self.summary is not None or (self._task is not None and self._task.running):
            return
        self._set_busy(True)
        self.status_label.setText(self.tr("Membuat kantor demo…"))
        task = run_task(_demo_task, self._db, self.employees_spin.value(), self.year_spin.value(),
                        title=self.tr("Membuat kantor demo"), owner=self)
        task.progressed.connect(self._progress)
        task.succeeded.connect(self._built)
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self._failed(self.tr("Dibatalkan; database tetap kosong.")))
        self._task = task

    def _set_busy(self, busy: bool) -> None:
        self.build_button.setEnabled(not busy)
        self.employees_spin.setEnabled(not busy)
        self.year_spin.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.completeChanged.emit()

    @Slot()
    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Membatalkan…"))

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        self.status_label.setText(label + "…")

    @Slot(object)
    def _built(self, summary: Any) -> None:
        self.summary = summary
        self._set_busy(False)
        self.build_button.setEnabled(False)
        self.status_label.setText(self.tr(
            "Kantor demo tahun {0} siap: {1} pegawai di {2} unit kerja, {3} SKP, {4} evaluasi.").format(
            summary.year, summary.employees, summary.units, summary.plans, summary.evaluations))

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.status_label.setText(message)

    def busy(self) -> bool:
        return self._task is not None and self._task.running

    def isComplete(self) -> bool:
        return self.summary is not None

    def nextId(self) -> int:
        return PAGE_DONE


class DonePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Siap dipakai"))
        self.text = QLabel(self)
        self.text.setObjectName("doneText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        if wizard.join_page.report is not None:
            self.text.setText(wizard.join_page.done_text())
        elif wizard.demo_page.summary is not None:
            self.text.setText(self.tr(
                "Kantor demo siap. Masuk sebagai <b>admin</b> dengan kata sandi <b>admin</b>, atau sebagai pegawai "
                "dengan NIP sebagai nama pengguna dan kata sandi."))
        else:
            self.text.setText(self.tr(
                "Kantor siap. Masuk sebagai <b>{0}</b> dengan kata sandi yang baru Anda buat. Akun pegawai dibuat "
                "dari menu Berkas setelah daftar pegawai diimpor.").format(wizard.admin_page.username_edit.text()))

    def nextId(self) -> int:
        return -1  # the last page, though the join page's id is higher


class FirstRunWizard(QWizard):
    """Penyiapan awal. ``username`` is set when the office is ready to sign in to."""

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Penyiapan Awal — Kinerja Desktop"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        resize_to_fit(self, 760, 560)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Kembali"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Lanjut >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Selesai"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.welcome_page = WelcomePage(self)
        self.admin_page = AdminPage(db, self)
        self.instansi_page = InstansiPage(db, self.admin_page, self)
        self.roster_page = RosterPage(db, self.admin_page, self)
        self.demo_page = DemoPage(db, self)
        self.done_page = DonePage(self)
        self.join_page = JoinPage(db, PAGE_DONE, self)
        for page_id, page in ((PAGE_WELCOME, self.welcome_page), (PAGE_ADMIN, self.admin_page),
                              (PAGE_INSTANSI, self.instansi_page), (PAGE_ROSTER, self.roster_page),
                              (PAGE_DEMO, self.demo_page), (PAGE_DONE, self.done_page), (PAGE_JOIN, self.join_page)):
            self.setPage(page_id, page)
        self.setStartId(PAGE_WELCOME)

    @property
    def username(self) -> str | None:
        """Who signs in next: the new admin, 'admin' for the demo, the person who joined, or None."""
        if self.join_page.report is not None:
            return self.join_page.who
        if self.demo_page.summary is not None:
            return "admin"
        if self.admin_page.user is not None:
            return self.admin_page.user.username
        return None

    def reject(self) -> None:
        if self.demo_page.busy() or self.roster_page.panel.busy() or self.join_page.busy():
            return  # let the running work finish or be cancelled first
        super().reject()
