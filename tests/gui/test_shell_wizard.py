"""First run on an empty database: a new office or the demo office, driven through the wizard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from kinerja_desktop.services import auth_service, query_service, settings_service
from kinerja_desktop.services.demo_service import has_employees
from kinerja_desktop.ui.first_run_wizard import PAGE_ADMIN, PAGE_DEMO, PAGE_DONE, PAGE_INSTANSI, PAGE_ROSTER
from tests.gui.shell_helpers import (
    IGNORE_SIZE_HINTS,
    close_controller,
    make_controller,
    screenshot,
    sign_in,
    themed_app,  # noqa: F401 - fixture
)

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("themed_app")]

ROSTER = """kode_unit;nama_unit;kode_unit_induk;nip;nama;golongan;jabatan;jenis_jabatan;nip_penilai
DINKES;Dinas Kesehatan;;196608011988031001;dr. Rina Kusuma, M.Kes.;IV/b;Kepala Dinas Kesehatan;JPT_PRATAMA;
DINKES;Dinas Kesehatan;;199105252020121002;Budi Santoso;III/a;Pengolah Data;PELAKSANA;196608011988031001
DINKES;Dinas Kesehatan;;198712092011012003;Siti Aminah, S.Kep.;III/b;Perawat Ahli Pertama;FUNGSIONAL;196608011988031001
"""


@pytest.fixture
def wizard_controller(qtbot, empty_db):
    controller = make_controller(qtbot, empty_db)
    with qtbot.waitSignal(controller.wizard_shown, timeout=15_000) as shown:
        pass
    wizard = shown.args[0]
    yield controller, wizard
    close_controller(controller)


def next_page(qtbot, wizard: QWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def test_new_office_admin_instansi_and_roster(qtbot, wizard_controller, empty_db, tmp_path: Path) -> None:
    """Admin account, instansi and a roster file: each stored when Lanjut is pressed; then sign in."""
    controller, wizard = wizard_controller
    assert not controller.sign_in.isVisible()
    screenshot(wizard, "20_wizard_welcome")
    next_page(qtbot, wizard)
    assert wizard.currentId() == PAGE_ADMIN
    admin = wizard.admin_page
    admin.username_edit.clear()
    qtbot.keyClicks(admin.username_edit, "kepegawaian")
    qtbot.keyClicks(admin.password_edit, "ab")
    qtbot.keyClicks(admin.confirm_edit, "abc")
    next_page(qtbot, wizard)
    assert admin.errors.message("Ulangi kata sandi") == "Kedua kata sandi tidak sama."
    assert wizard.currentId() == PAGE_ADMIN
    admin.confirm_edit.clear()
    qtbot.keyClicks(admin.confirm_edit, "ab")
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: bool(admin.errors.message("Kata sandi")), timeout=10_000)
    assert admin.errors.message("Kata sandi") == "Kata sandi paling sedikit 10 karakter."  # the service's words
    assert admin.username_edit.text() == "kepegawaian"  # nothing typed is lost
    screenshot(wizard, "21_wizard_admin_error")
    for edit in (admin.password_edit, admin.confirm_edit):
        edit.clear()
        qtbot.keyClicks(edit, "rahasia-kantor")
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_INSTANSI, timeout=10_000)
    assert auth_service.has_accounts(empty_db)

    instansi = wizard.instansi_page
    next_page(qtbot, wizard)
    assert instansi.errors.message("Nama instansi") == "Nama instansi wajib diisi."
    qtbot.keyClicks(instansi.name_edit, "PEMERINTAH KABUPATEN SLEMAN")
    qtbot.keyClicks(instansi.city_edit, "Sleman")
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"not really an image")
    instansi.set_logo_file(str(logo))
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: bool(instansi.errors.message("Logo")), timeout=10_000)
    assert instansi.errors.message("Logo") == "Logo harus gambar PNG atau JPEG."
    instansi.logo_path = None
    screenshot(wizard, "22_wizard_instansi")
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_ROSTER, timeout=10_000)
    settings = settings_service.get_settings(empty_db)
    assert settings["instansi.name"] == "PEMERINTAH KABUPATEN SLEMAN" and settings["instansi.city"] == "Sleman"

    roster_file = tmp_path / "pegawai.csv"
    roster_file.write_text(ROSTER, encoding="utf-8")
    panel = wizard.roster_page.panel
    qtbot.keyClicks(panel.path_edit, str(roster_file))
    with qtbot.waitSignal(panel.imported, timeout=15_000):
        qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    assert "3 pegawai baru" in panel.summary_label.text()
    screenshot(wizard, "23_wizard_roster")
    next_page(qtbot, wizard)
    assert wizard.currentId() == PAGE_DONE
    assert "kepegawaian" in wizard.done_page.text.text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(controller.sign_in.isVisible, timeout=5000)
    assert controller.sign_in.username_edit.text() == "kepegawaian"

    window = sign_in(qtbot, controller, "kepegawaian", "rahasia-kantor")
    assert window.list_page.model.rowCount() == 3
    assert window.windowTitle() == "Kinerja Desktop — PEMERINTAH KABUPATEN SLEMAN"


def test_roster_problems_are_listed_and_nothing_is_stored(qtbot, wizard_controller, empty_db, tmp_path) -> None:
    controller, wizard = wizard_controller
    next_page(qtbot, wizard)
    admin = wizard.admin_page
    for edit in (admin.password_edit, admin.confirm_edit):
        qtbot.keyClicks(edit, "rahasia-kantor")
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_INSTANSI, timeout=10_000)
    qtbot.keyClicks(wizard.instansi_page.name_edit, "PEMERINTAH KOTA CONTOH")
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_ROSTER, timeout=10_000)
    bad = tmp_path / "rusak.csv"
    bad.write_text(ROSTER.replace("199105252020121002", "19910525"), encoding="utf-8")
    panel = wizard.roster_page.panel
    panel.path_edit.setText(str(bad))
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.problems.toPlainText() != "", timeout=15_000)
    assert panel.problems.toPlainText().startswith("Baris 3, kolom nip: NIP harus 18 digit")
    assert panel.summary_label.text().startswith("Tidak ada yang diimpor")
    assert not has_employees(empty_db)


def test_demo_office_from_the_wizard(qtbot, wizard_controller, empty_db) -> None:
    """Buka kantor demo: built in a worker with progress, then admin/admin signs in."""
    controller, wizard = wizard_controller
    wizard.welcome_page.demo_radio.click()
    next_page(qtbot, wizard)
    assert wizard.currentId() == PAGE_DEMO
    demo = wizard.demo_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # nothing built yet
    demo.employees_spin.setValue(12)
    qtbot.mouseClick(demo.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: demo.summary is not None, timeout=30_000)
    assert "12 pegawai" in demo.status_label.text()
    screenshot(wizard, "24_wizard_demo_built")
    next_page(qtbot, wizard)
    assert wizard.currentId() == PAGE_DONE
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    window = sign_in(qtbot, controller, "admin", "admin")
    assert window.list_page.model.rowCount() == 12


def test_cancelling_the_demo_leaves_the_database_empty(qtbot, wizard_controller, empty_db) -> None:
    controller, wizard = wizard_controller
    wizard.welcome_page.demo_radio.click()
    next_page(qtbot, wizard)
    demo = wizard.demo_page
    demo.employees_spin.setValue(3000)
    qtbot.mouseClick(demo.build_button, Qt.MouseButton.LeftButton)
    assert demo.cancel_button.isVisible()
    qtbot.mouseClick(demo.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not demo.busy(), timeout=60_000)
    assert demo.summary is None
    assert demo.status_label.text() == "Dibatalkan; database tetap kosong."
    assert not has_employees(empty_db)
    assert query_service.unit_tree(empty_db) == []
