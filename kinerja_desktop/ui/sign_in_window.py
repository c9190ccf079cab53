"""The sign-in window: the first thing painted, before the database (and SQLAlchemy) is loaded.

The user may type and press Enter while the database is still opening; the request is kept
and sent as soon as the database is ready. The window itself knows nothing about accounts:
it emits :attr:`SignInWindow.sign_in_requested` and shows what the controller tells it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui import theme
from kinerja_desktop.ui.screen_fit import resize_to_fit

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

# Nothing in this module touches the ``Qt`` namespace: its first use builds ~100 enums (~25 ms),
# a sixth of a bare window's start-up, and this window must paint first.


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark a field red (style rule ``[invalid="true"]``) or clear the mark."""
    if widget.property("invalid") == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class SignInWindow(QWidget):
    """Sign in with a local account.

    Signals:
        sign_in_requested(str username, str password): the user pressed Masuk (or Enter).
        first_painted(): the window was painted for the first time (start-up measurements).
        quit_requested(): the user pressed Keluar.
    """

    sign_in_requested = Signal(str, str)
    first_painted = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False
        self._ready = False
        self._pending = False
        self.setObjectName("signInBackground")
        theme.fill_background(self)
        self.setWindowTitle(self.tr("Masuk — Kinerja Desktop"))
        resize_to_fit(self, 960, 620)

        card = QFrame(self)
        card.setObjectName("card")
        card.setFixedWidth(440)
        title = QLabel(self.tr("Kinerja Desktop"), card)
        title.setObjectName("titleLabel")
        title.setFont(theme.title_font(20))
        subtitle = QLabel(self.tr("Penilaian Kinerja Pegawai ASN — PermenPAN-RB Nomor 6 Tahun 2022"), card)
        subtitle.setObjectName("mutedLabel")
        subtitle.setWordWrap(True)
        self.instansi_label = QLabel(card)
        self.instansi_label.setFont(theme.title_font(11))
        self.instansi_label.setWordWrap(True)

        self.username_edit = QLineEdit(card)
        self.username_edit.setObjectName("usernameEdit")
        self.username_edit.setPlaceholderText(self.tr("nama pengguna atau NIP"))
        self.username_edit.setMaxLength(64)
        self.password_edit = QLineEdit(card)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("kata sandi"))
        self.password_edit.setMaxLength(256)
        self.error_label = QLabel(card)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Nama pengguna"), self.username_edit)
        form.addRow(self.tr("&Kata sandi"), self.password_edit)

        self.sign_in_button = QPushButton(self.tr("&Masuk"), card)
        self.sign_in_button.setObjectName("primaryButton")
        self.sign_in_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("Keluar"), card)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)

        self.status_label = QLabel(self.tr("Membuka database…"), card)
        self.status_label.setObjectName("mutedLabel")
        self.status_label.setWordWrap(True)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 20)
        inner.setSpacing(8)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addSpacing(6)
        inner.addWidget(self.instansi_label)
        inner.addSpacing(10)
        inner.addLayout(form)
        inner.addWidget(self.error_label)
        inner.addSpacing(4)
        inner.addLayout(buttons)
        inner.addSpacing(8)
        inner.addWidget(self.status_label)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.username_edit.returnPressed.connect(self._username_entered)
        self.password_edit.returnPressed.connect(self.submit)
        self.sign_in_button.clicked.connect(self.submit)
        self.quit_button.clicked.connect(self.quit_requested)
        self.username_edit.textEdited.connect(self._clear_error)
        self.password_edit.textEdited.connect(self._clear_error)
        QShortcut(QKeySequence("Ctrl+Q"), self, activated=self.quit_requested.emit)

    # ------------------------------------------------------------------ controller API

    def set_instansi(self, name: str) -> None:
        self.instansi_label.setText(name)
        self.instansi_label.setVisible(bool(name))

    def set_username(self, username: str) -> None:
        self.username_edit.setText(username)
        (self.password_edit if username else self.username_edit).setFocus()

    def set_database_ready(self, description: str) -> None:
        """The database is open: sign-in works now (a request typed meanwhile is sent)."""
        self._ready = True
        self.status_label.setText(self.tr("Database: {0}").format(description))
        self.status_label.setToolTip(description)
        self.set_busy(False)
        if self._pending:
            self._pending = False
            self.submit()

    def wait_for_database(self) -> None:
        """Signing in needs the open database after all: the request typed is sent when it is."""
        self._ready = False
        self._pending = True
        self.set_busy(True, self.tr("Menunggu database dibuka…"))

    def set_database_failed(self, message: str) -> None:
        self._ready = False
        self._pending = False
        self.status_label.setText(self.tr("Database tidak dapat dibuka."))
        self.show_error(message, None)
        self.set_busy(False)
        self.sign_in_button.setEnabled(False)

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.sign_in_button.setEnabled(not busy)
        self.username_edit.setReadOnly(busy)
        self.password_edit.setReadOnly(busy)
        if busy and text:
            self.status_label.setText(text)

    def show_error(self, message: str, field: str | None = "password") -> None:
        """Show a message under the fields and mark the field it is about ("username", "password" or None)."""
        self.error_label.setText(message)
        self.error_label.show()
        if field is None:
            return
        target = self.username_edit if field == "username" else self.password_edit
        set_invalid(target, True)
        target.setFocus()
        target.selectAll()

    def reset(self, username: str = "") -> None:
        """Back to an empty form (after signing out or switching user)."""
        self.password_edit.clear()
        self._clear_error()
        self._pending = False
        self.set_busy(False)
        self.set_username(username)

    # ------------------------------------------------------------------ behaviour

    @Slot()
    def submit(self) -> None:
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username:
            self.show_error(self.tr("Isi nama pengguna."), "username")
            return
        if not password:
            self.show_error(self.tr("Isi kata sandi."), "password")
            return
        if not self._ready:
            self._pending = True
            self.set_busy(True, self.tr("Menunggu database dibuka…"))
            return
        self._clear_error()
        self.set_busy(True, self.tr("Memeriksa akun…"))
        self.sign_in_requested.emit(username, password)

    def _username_entered(self) -> None:
        self.password_edit.setFocus()

    def _clear_error(self) -> None:
        self.error_label.hide()
        set_invalid(self.username_edit, False)
        set_invalid(self.password_edit, False)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
