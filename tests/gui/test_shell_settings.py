"""Settings through the dialog: this PC's preferences, the office's data, bad input, English."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kinerja_desktop.resources import resource_path
from kinerja_desktop.services import settings_service
from kinerja_desktop.ui import i18n, preferences
from kinerja_desktop.ui.settings_dialog import SettingsDialog
from tests.gui.shell_helpers import (
    IGNORE_SIZE_HINTS,
    screenshot,
    sign_in,
    themed_app,  # noqa: F401 - fixture
)

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("themed_app")]
TRANSLATIONS = resource_path("translations")  # kinerja_en.ts and update_translations.py


def open_settings(qtbot, window) -> SettingsDialog:
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.name_edit.isReadOnly() or dialog.office_note.text().startswith("Hanya"),
                    timeout=10_000)
    return dialog


def test_admin_changes_instansi_and_idle_time(qtbot, controller, demo_db) -> None:
    window = sign_in(qtbot, controller, "admin", "admin")
    dialog = open_settings(qtbot, window)
    assert dialog.name_edit.text() == "PEMERINTAH KABUPATEN CONTOH"
    dialog.idle_spin.setValue(3)
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "PEMERINTAH KOTA YOGYAKARTA")
    dialog.evidence_spin.setValue(5)
    dialog.tabs.setCurrentWidget(dialog.office_tab)
    screenshot(dialog, "30_settings_instansi", (760, 520))
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    values = settings_service.get_settings(demo_db)
    assert values["instansi.name"] == "PEMERINTAH KOTA YOGYAKARTA"
    assert values["evidence.max_mb"] == 5
    assert preferences.get("security/idle_lock_minutes") == 3
    assert window.idle_watcher._timeout == 180


def test_bad_instansi_name_is_refused_at_the_field_and_kept(qtbot, controller, demo_db) -> None:
    window = sign_in(qtbot, controller, "admin", "admin")
    dialog = open_settings(qtbot, window)
    bad = "Dinas\x07Kesehatan"
    dialog.name_edit.setText(bad)
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.office_errors.message("Nama instansi")), timeout=10_000)
    assert "karakter kendali" in dialog.office_errors.message("Nama instansi")
    assert dialog.isVisible() and dialog.name_edit.text() == bad
    assert dialog.name_edit.property("invalid") is True
    screenshot(dialog, "31_settings_error", (760, 520))
    assert settings_service.get_settings(demo_db)["instansi.name"] == "PEMERINTAH KABUPATEN CONTOH"
    dialog.reject()


def test_staff_sees_instansi_read_only(qtbot, controller, people) -> None:
    window = sign_in(qtbot, controller, people.staff.username, people.staff.username)
    dialog = open_settings(qtbot, window)
    assert dialog.name_edit.isReadOnly() and not dialog.logo_button.isEnabled()
    assert dialog.office_note.text() == "Hanya admin kepegawaian yang dapat mengubah data instansi."
    dialog.reject()


def test_english_interface_after_choosing_it(qtbot, controller) -> None:
    """Choosing English rebuilds the windows from the .qm translation; Indonesian comes back the same way."""
    window = sign_in(qtbot, controller, "admin", "admin")
    dialog = open_settings(qtbot, window)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    with qtbot.waitSignal(controller.main_window_shown, timeout=15_000) as shown:
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    english = shown.args[0]
    assert english is not window
    assert [a.text() for a in english.menuBar().actions()][:3] == ["&File", "&View", "&Employee"]
    assert english.list_page.model.headerData(4, Qt.Orientation.Horizontal) == "SKP status"
    assert english.list_page.count_label.text() == "60 employees"
    assert "Personnel administrator" in english.user_label.text()
    screenshot(english, "32_main_english")
    assert preferences.get("ui/language") == "en"
    i18n.install_translator("id")
    assert QApplication.translate("MainWindow", "&Berkas") == "&Berkas"


SHELL_SOURCES = [
    "kinerja_desktop/ui/" + name for name in (
        "app.py", "employee_list_page.py", "field_errors.py", "first_run_wizard.py", "i18n.py", "idle_watcher.py",
        "lock_page.py", "main_window.py", "navigation_pane.py", "page_loader.py", "page_tabs.py", "preferences.py",
        "roster_import_panel.py", "session_tasks.py", "settings_dialog.py", "shell_dialogs.py", "sign_in_window.py",
        "task_panel.py", "theme.py", "workers.py", "models/employee_filter_proxy.py",
        "models/employee_table_model.py", "models/unit_tree_model.py",
    )
]


def test_every_shell_string_has_an_english_translation(tmp_path: Path) -> None:
    """lupdate over the shell's sources finds nothing missing from kinerja_en.ts (run update_translations.py)."""
    sys.path.insert(0, str(TRANSLATIONS))
    try:
        import update_translations as ut
    finally:
        sys.path.pop(0)
    ts = tmp_path / "check.ts"
    ts.write_bytes((TRANSLATIONS / "kinerja_en.ts").read_bytes())
    ut.update_ts(ts, SHELL_SOURCES)
    unfinished = [m.find("source").text for m in ET.parse(ts).getroot().iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    i18n.install_translator("en")
    try:
        assert QApplication.translate("SignInWindow", "&Masuk") == "&Sign In"
    finally:
        i18n.install_translator("id")
