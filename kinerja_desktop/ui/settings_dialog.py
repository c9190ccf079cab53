"""Settings: this PC's preferences (language, idle lock) and the office's data (admins).

Preferences are stored at once in QSettings; instansi data goes through ``settings_service``
in a worker, and a refusal is shown at the field it is about, with everything typed kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui import file_dialogs, i18n, preferences
from kinerja_desktop.ui.field_errors import FieldErrors
from kinerja_desktop.ui.workers import TaskContext, TaskManager

INSTANSI_KEYS = ("instansi.name", "instansi.address", "instansi.city")


@dataclass
class InstansiValues:
    values: dict[str, Any]
    may_manage: bool


def _load_task(ctx: TaskContext, db: Any, user: Any) -> InstansiValues:
    from kinerja_desktop.domain.permissions import Action, may
    from kinerja_desktop.services.settings_service import get_settings

    return InstansiValues(get_settings(db), may(user.actor, Action.MANAGE_SETTINGS))


def _save_task(ctx: TaskContext, db: Any, user: Any, changes: dict[str, Any], logo_path: str | None) -> None:
    from kinerja_desktop.services.settings_service import set_logo, set_setting

    for key, value in changes.items():
        set_setting(db, user, key, value)
    if logo_path:
        set_logo(db, user, logo_path)


class SettingsDialog(QDialog):
    """Signals:
        language_changed(str language): the language was changed and saved ('id' or 'en').
        idle_minutes_changed(int minutes)
    """

    language_changed = Signal(str)
    idle_minutes_changed = Signal(int)

    def __init__(self, db: Any, user: Any, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pengaturan"))
        self.setMinimumWidth(560)
        self._db, self._user, self._tasks = db, user, tasks
        self._loaded: dict[str, Any] = {}
        self._logo_path: str | None = None

        tabs = QTabWidget(self)
        general = QWidget(tabs)
        general_form = QFormLayout(general)
        self.language_combo = QComboBox(general)
        self.language_combo.setObjectName("languageCombo")
        for code, name in preferences.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(preferences.get("ui/language")))
        general_form.addRow(self.tr("&Bahasa antarmuka"), self.language_combo)
        self.idle_spin = QSpinBox(general)
        self.idle_spin.setObjectName("idleSpin")
        self.idle_spin.setRange(0, preferences.IDLE_MINUTES_MAX)
        self.idle_spin.setSuffix(self.tr(" menit"))
        self.idle_spin.setSpecialValueText(self.tr("Tidak pernah"))
        self.idle_spin.setValue(preferences.get("security/idle_lock_minutes"))
        general_form.addRow(self.tr("&Kunci layar setelah tidak aktif"), self.idle_spin)
        note = QLabel(self.tr("Pengaturan ini berlaku untuk PC ini saja."), general)
        note.setObjectName("mutedLabel")
        general_form.addRow("", note)
        tabs.addTab(general, self.tr("Umum"))

        office = QWidget(tabs)
        office_form = QFormLayout(office)
        self.office_errors = FieldErrors(office_form)
        self.name_edit = QLineEdit(office)
        self.name_edit.setObjectName("instansiNameEdit")
        self.name_edit.setMaxLength(500)
        self.office_errors.add_row(self.tr("&Nama instansi"), self.name_edit, "Nama instansi")
        self.address_edit = QLineEdit(office)
        self.address_edit.setMaxLength(500)
        self.office_errors.add_row(self.tr("&Alamat"), self.address_edit, "Alamat")
        self.city_edit = QLineEdit(office)
        self.city_edit.setMaxLength(500)
        self.office_errors.add_row(self.tr("&Kota"), self.city_edit, "Kota")
        logo_row = QWidget(office)
        logo_layout = QHBoxLayout(logo_row)
        logo_layout.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel(logo_row)
        self.logo_preview.setFixedSize(96, 64)
        self.logo_preview.setWordWrap(True)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setObjectName("mutedLabel")
        self.logo_button = QPushButton(self.tr("Pilih &Logo…"), logo_row)
        logo_layout.addWidget(self.logo_preview)
        logo_layout.addWidget(self.logo_button)
        logo_layout.addStretch(1)
        self.office_errors.add_row(self.tr("Logo"), logo_row, "Logo")
        self.evidence_spin = QSpinBox(office)
        self.evidence_spin.setObjectName("evidenceSpin")
        self.evidence_spin.setRange(1, 100)
        self.evidence_spin.setSuffix(" MB")
        self.office_errors.add_row(self.tr("Batas ukuran &bukti dukung"), self.evidence_spin,
                                   "Batas ukuran bukti dukung (MB)", "evidence.max_mb")
        self.office_note = QLabel(office)
        self.office_note.setObjectName("mutedLabel")
        self.office_note.setWordWrap(True)
        office_form.addRow("", self.office_note)
        self.office_tab = office
        tabs.addTab(office, self.tr("Instansi"))
        self.tabs = tabs

        self.general_error = QLabel(self)
        self.general_error.setObjectName("errorLabel")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.logo_button.clicked.connect(self._choose_logo)

        self._set_office_editable(False, self.tr("Memuat data instansi…"))
        task = tasks.start(_load_task, db, user, title=self.tr("Memuat pengaturan"), cancellable=False)
        task.succeeded.connect(self._loaded_values)
        task.failed.connect(self._show_general_error)

    def _set_office_editable(self, editable: bool, note: str = "") -> None:
        for widget in (self.name_edit, self.address_edit, self.city_edit):
            widget.setReadOnly(not editable)
        self.logo_button.setEnabled(editable)
        self.evidence_spin.setEnabled(editable)
        self.office_note.setText(note)
        self.office_note.setVisible(bool(note))

    @Slot(object)
    def _loaded_values(self, result: InstansiValues) -> None:
        values = result.values
        self._loaded = values
        self.name_edit.setText(str(values.get("instansi.name") or ""))
        self.address_edit.setText(str(values.get("instansi.address") or ""))
        self.city_edit.setText(str(values.get("instansi.city") or ""))
        self.evidence_spin.setValue(int(values.get("evidence.max_mb") or 20))
        self.logo_preview.setText(self.tr("ada logo") if values.get("instansi.logo_sha256") else self.tr("belum ada"))
        if result.may_manage:
            self._set_office_editable(True)
        else:
            self._set_office_editable(False, self.tr("Hanya admin kepegawaian yang dapat mengubah data instansi."))

    @Slot()
    def _choose_logo(self) -> None:
        path = file_dialogs.open_file_name(self, self.tr("Pilih logo instansi"), self.tr("Gambar (*.png *.jpg *.jpeg)"))
        if path:
            self.set_logo_file(path)

    def set_logo_file(self, path: str) -> None:
        self._logo_path = path
        pixmap = QPixmap(path)
        if pixmap.isNull():
            self.logo_preview.setText(self.tr("bukan gambar"))
        else:
            self.logo_preview.setPixmap(pixmap.scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))

    def _office_changes(self) -> dict[str, Any]:
        current = {"instansi.name": self.name_edit.text(), "instansi.address": self.address_edit.text(),
                   "instansi.city": self.city_edit.text(), "evidence.max_mb": self.evidence_spin.value()}
        if not self._loaded or self.name_edit.isReadOnly():
            return {}
        return {k: v for k, v in current.items() if v != self._loaded.get(k)}

    @Slot()
    def save(self) -> None:
        self.office_errors.clear()
        self.general_error.hide()
        language = self.language_combo.currentData()
        old_language = preferences.get("ui/language")
        preferences.put("ui/language", language)
        minutes = self.idle_spin.value()
        if minutes != preferences.get("security/idle_lock_minutes"):
            preferences.put("security/idle_lock_minutes", minutes)
            self.idle_minutes_changed.emit(minutes)
        changes = self._office_changes()
        if not changes and not self._logo_path:
            self._finish(language, old_language)
            return
        self.buttons.setEnabled(False)
        task = self._tasks.start(_save_task, self._db, self._user, changes, self._logo_path,
                                 title=self.tr("Menyimpan pengaturan"), cancellable=False)
        task.succeeded.connect(lambda _r: self._finish(language, old_language))
        task.failed.connect(lambda message: self._save_failed(message, task.error))

    def reject(self) -> None:
        if self.buttons.isEnabled():  # not while saving: the answer is on its way
            super().reject()

    def _finish(self, language: str, old_language: str) -> None:
        self.accept()
        if language != old_language:
            i18n.install_translator(language)
            self.language_changed.emit(language)

    def _save_failed(self, message: str, error: BaseException | None) -> None:
        self.buttons.setEnabled(True)
        self.tabs.setCurrentWidget(self.office_tab)
        if not self.office_errors.show(message, getattr(error, "field", None)):
            self._show_general_error(message)

    @Slot(str)
    def _show_general_error(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()
