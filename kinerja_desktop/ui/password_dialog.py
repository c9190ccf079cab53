"""Ganti Kata Sandi: one's own password (with the current one), checked by the services' policy.

Opened from Berkas > Ganti Kata Sandi, and at sign-in when the password does not meet the
policy (outside demo offices): then the only ways out are a new password or signing out. The
signing key stays the same, wrapped under the new password (``auth_service.set_password``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kinerja_desktop.ui.field_errors import FieldErrors
from kinerja_desktop.ui.workers import Task, TaskContext, run_task


def _change_task(ctx: TaskContext, db: Any, user: Any, old: str, new: str) -> None:
    from kinerja_desktop.services.auth_service import set_password

    set_password(db, user, user.username, new, old_password=old)


class PasswordDialog(QDialog):
    """Change the signed-in user's password; ``forced`` when it must change before anything else."""

    def __init__(self, db: Any, user: Any, *, forced: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.db, self.user, self.forced = db, user, forced
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Ganti Kata Sandi"))
        self.intro = intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setText(self.tr(
            "Kata sandi Anda harus diganti sebelum melanjutkan: terlalu pendek, memuat nama pengguna atau NIP, "
            "atau terlalu umum. Kata sandi juga membuka kunci tanda tangan perubahan Anda.") if forced else self.tr(
            "Kata sandi baru paling sedikit 10 karakter, tanpa nama pengguna atau NIP, dan bukan kata sandi umum."))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.old_edit, self.new_edit, self.confirm_edit = (QLineEdit(self) for _ in range(3))
        for edit in (self.old_edit, self.new_edit, self.confirm_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMinimumWidth(260)
            edit.textEdited.connect(self.errors.clear)
        self.errors.add_row(self.tr("Kata sandi &saat ini"), self.old_edit, "Kata sandi saat ini")
        self.errors.add_row(self.tr("Kata sandi &baru"), self.new_edit, "Kata sandi")
        self.errors.add_row(self.tr("&Ulangi kata sandi baru"), self.confirm_edit, "Ulangi kata sandi")
        self.message = QLabel(self)
        self.message.setObjectName("errorLabel")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(self.tr("&Ganti"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            self.tr("&Keluar dari akun") if forced else self.tr("&Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    @Slot()
    def _submit(self) -> None:
        self.errors.clear()
        self.message.hide()
        if self.new_edit.text() != self.confirm_edit.text():
            self.errors.show(self.tr("Kedua kata sandi baru tidak sama."), "Ulangi kata sandi")
            return
        self.ok_button.setEnabled(False)
        self.task = run_task(_change_task, self.db, self.user, self.old_edit.text(), self.new_edit.text(),
                             title=self.tr("Mengganti kata sandi"), cancellable=False, owner=self)
        self.task.succeeded.connect(lambda _result: self.accept())
        self.task.failed.connect(self._refused)

    @Slot(str)
    def _refused(self, message: str) -> None:
        self.ok_button.setEnabled(True)
        field = getattr(self.task.error if self.task else None, "field", None)
        if field is None and "salah" in message:  # the current password did not open the account
            field = "Kata sandi saat ini"
        if not self.errors.show(message, field):
            self.message.setText(message)
            self.message.show()
