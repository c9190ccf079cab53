"""The lock screen shown over the main window after idle time or Ctrl+L (shared office PCs)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kinerja_desktop.ui import theme
from kinerja_desktop.ui.sign_in_window import set_invalid


class LockPage(QWidget):
    """Hides all data until the signed-in user enters their password again.

    Signals:
        unlock_requested(str password)
        switch_user_requested()
    """

    unlock_requested = Signal(str)
    switch_user_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockBackground")
        theme.fill_background(self)
        card = QFrame(self)
        card.setObjectName("card")
        card.setFixedWidth(420)
        title = QLabel(self.tr("Layar terkunci"), card)
        title.setObjectName("titleLabel")
        title.setFont(theme.title_font(16))
        self.who_label = QLabel(card)
        self.who_label.setWordWrap(True)
        hint = QLabel(self.tr("Masukkan kata sandi untuk melanjutkan, atau ganti pengguna bila PC ini dipakai "
                              "orang lain."), card)
        hint.setObjectName("mutedLabel")
        hint.setWordWrap(True)
        self.password_edit = QLineEdit(card)
        self.password_edit.setObjectName("lockPasswordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("kata sandi"))
        self.password_edit.setAccessibleName(self.tr("Kata sandi"))
        self.error_label = QLabel(card)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.unlock_button = QPushButton(self.tr("&Buka Kunci"), card)
        self.unlock_button.setObjectName("primaryButton")
        self.switch_button = QPushButton(self.tr("&Ganti Pengguna"), card)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(8)
        inner.addWidget(title)
        inner.addWidget(self.who_label)
        inner.addWidget(hint)
        inner.addSpacing(6)
        inner.addWidget(self.password_edit)
        inner.addWidget(self.error_label)
        inner.addSpacing(4)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.password_edit.returnPressed.connect(self._submit)
        self.unlock_button.clicked.connect(self._submit)
        self.switch_button.clicked.connect(self.switch_user_requested)
        self.password_edit.textEdited.connect(self._clear_error)

    def prepare(self, who: str) -> None:
        self.who_label.setText(who)
        self.password_edit.clear()
        self._clear_error()
        self.set_busy(False)
        self.password_edit.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.password_edit.setReadOnly(busy)

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error_label.setText(message)
        self.error_label.show()
        set_invalid(self.password_edit, True)
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    @Slot()
    def _submit(self) -> None:
        if not self.password_edit.text():
            self.show_error(self.tr("Isi kata sandi."))
            return
        self._clear_error()
        self.set_busy(True)
        self.unlock_requested.emit(self.password_edit.text())

    def _clear_error(self) -> None:
        self.error_label.hide()
        set_invalid(self.password_edit, False)
