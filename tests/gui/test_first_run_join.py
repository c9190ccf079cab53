"""First run, third path: "Komputer ini untuk saya" sets a new PC up for one person of an existing office."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import select

from kinerja_desktop.services.auth_service import authenticate
from kinerja_desktop.services.people_here import people_here
from kinerja_desktop.services.trust_service import pinned_root
from kinerja_desktop.store.db import Database, open_database
from kinerja_desktop.store.models import Employee, Plan, Supervision
from kinerja_desktop.ui.first_run_wizard import PAGE_DONE, PAGE_JOIN, PAGE_WELCOME
from tests.gui.shell_helpers import (
    IGNORE_SIZE_HINTS,
    close_controller,
    make_controller,
    screenshot,
    sign_in,
    themed_app,  # noqa: F401 - fixture
)
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import _pushed_master  # noqa: F401 - fixture

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("themed_app")]


@pytest.fixture
def office_store(tmp_path: Path, _pushed_master: tuple[Path, Path]) -> tuple[Path, Path]:  # noqa: F811
    """A copy of the demo office's folder store and the enrolment file its central office hands out."""
    master, store_src = _pushed_master
    store = tmp_path / "store"
    shutil.copytree(store_src, store)
    db = open_database(master)
    try:
        root = pinned_root(db)
    finally:
        db.dispose()
    enrolment = tmp_path / "pendaftaran.json"
    enrolment.write_text(json.dumps({"root": root}), encoding="utf-8")
    return store, enrolment


@pytest.fixture
def wizard_controller(qtbot, empty_db):
    controller = make_controller(qtbot, empty_db)
    with qtbot.waitSignal(controller.wizard_shown, timeout=15_000) as shown:
        pass
    wizard = shown.args[0]
    yield controller, wizard
    close_controller(controller)


def _nip(db: Database, employee_id: str) -> str:
    with db.reader() as s:
        return str(s.get(Employee, employee_id).nip)


def _up_line(db: Database, employee_id: str) -> set[str]:
    """The person's penilai, atasan penilai and so on up the roster."""
    out: set[str] = set()
    with db.reader() as s:
        boss = s.execute(select(Supervision.supervisor_id).where(Supervision.employee_id == employee_id)).scalar()
        while boss and boss not in out:
            out.add(boss)
            boss = s.execute(select(Supervision.supervisor_id).where(Supervision.employee_id == boss)).scalar()
    return out


def _open_join_page(qtbot, wizard: QWizard):
    assert wizard.currentId() == PAGE_WELCOME
    screenshot(wizard, "first_run_join_welcome")
    wizard.welcome_page.join_radio.click()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PAGE_JOIN
    return wizard.join_page


def _fill(qtbot, page, who: str, store: Path, enrolment: Path) -> None:
    qtbot.keyClicks(page.who_edit, who)
    qtbot.keyClicks(page.location_edit, str(store))
    page.set_enrolment_file(str(enrolment))  # what "Berkas pendaftaran…" does with the chosen file


def test_a_staff_member_joins_the_office_and_signs_in_with_their_password(
        qtbot, wizard_controller, empty_db: Database, demo_db: Database, people: People,
        office_store: tuple[Path, Path]) -> None:
    """The wizard pins the root key, takes the person's scope from the store, and the person signs in."""
    controller, wizard = wizard_controller
    store, enrolment = office_store
    staff_id = people.staff.employee_id
    nip = _nip(demo_db, staff_id)
    page = _open_join_page(qtbot, wizard)

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert page.errors.message("NIP") == "NIP atau nama pengguna wajib diisi."
    assert page.errors.message("Berkas pendaftaran") == "Pilih berkas pendaftaran dari kantor pusat."
    assert wizard.currentId() == PAGE_JOIN and not page.busy()

    _fill(qtbot, page, nip, store, enrolment)
    assert page.fingerprint_label.text().startswith("Sidik jari kunci akar: <b>")
    screenshot(wizard, "first_run_join")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert page.busy() and page.stop_button.isVisible()
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_DONE, timeout=120_000)
    assert nip in wizard.done_page.text.text()
    screenshot(wizard, "first_run_join_done")
    assert page.report.scope["employees"] == 1 and people_here(empty_db) == [nip]

    with empty_db.reader() as s:
        plan_owners = set(s.scalars(select(Plan.employee_id)))
    up_line = _up_line(demo_db, staff_id)
    with demo_db.reader() as s:
        other_unit_plans = set(s.scalars(select(Plan.employee_id).join(Employee, Employee.id == Plan.employee_id)
                                         .where(Employee.unit_id != s.get(Employee, staff_id).unit_id)))
    assert staff_id in plan_owners
    assert plan_owners <= {staff_id} | up_line  # the person's plan and the plans their RHK hang from, no other
    assert other_unit_plans and not (plan_owners & (other_unit_plans - up_line))
    assert authenticate(empty_db, nip, nip).employee_id == staff_id

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(controller.sign_in.isVisible, timeout=5000)
    assert controller.sign_in.username_edit.text() == nip
    window = sign_in(qtbot, controller, nip, nip)
    assert window is not None


def test_a_nip_not_on_the_roster_is_said_at_the_field_and_the_wizard_stays(
        qtbot, wizard_controller, empty_db: Database, office_store: tuple[Path, Path]) -> None:
    """A mistyped NIP: the roster's answer under the NIP field, nothing typed lost, the page still open."""
    _controller, wizard = wizard_controller
    store, enrolment = office_store
    page = _open_join_page(qtbot, wizard)
    _fill(qtbot, page, "199001012020011999", store, enrolment)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.errors.message("NIP")), timeout=120_000)
    assert page.errors.message("NIP").startswith("“199001012020011999” tidak ada di daftar pegawai")
    assert wizard.currentId() == PAGE_JOIN and page.report is None
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.location_edit.text() == str(store)  # nothing typed is lost
    assert people_here(empty_db) == []
    screenshot(wizard, "first_run_join_unknown_nip")


def test_a_folder_that_holds_no_store_is_said_at_the_location_and_none_is_made(
        qtbot, wizard_controller, empty_db: Database, office_store: tuple[Path, Path], tmp_path: Path) -> None:
    """An empty or missing folder: the message under Lokasi penyimpanan; a person's PC never founds a store."""
    _controller, wizard = wizard_controller
    _store, enrolment = office_store
    empty = tmp_path / "kosong"
    empty.mkdir()
    page = _open_join_page(qtbot, wizard)
    _fill(qtbot, page, "199001012020011999", empty, enrolment)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.errors.message("Lokasi")), timeout=60_000)
    assert "belum berisi penyimpanan kantor" in page.errors.message("Lokasi")
    assert list(empty.iterdir()) == []  # nothing written into the mistyped folder
    assert people_here(empty_db) == [] and wizard.currentId() == PAGE_JOIN

    page.location_edit.setText(str(tmp_path / "tidak-ada"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy(), timeout=60_000)
    assert "tidak-ada belum berisi penyimpanan kantor" in page.errors.message("Lokasi")
    assert people_here(empty_db) == [] and page.report is None


def test_the_join_path_in_english(qtbot, empty_db: Database) -> None:
    """The third choice and the join page read in English through kinerja_en.qm."""
    from kinerja_desktop.ui import i18n
    from kinerja_desktop.ui.first_run_wizard import FirstRunWizard

    assert i18n.install_translator("en")
    try:
        wizard = FirstRunWizard(empty_db)
        qtbot.addWidget(wizard)
        assert wizard.welcome_page.join_radio.text() == (
            "This computer is for &me: join an office that already uses Kinerja Desktop")
        assert wizard.join_page.title() == "This computer is for me"
        assert wizard.join_page.enrolment_button.text() == "&Enrolment file…"
    finally:
        i18n.install_translator("id")


def test_hentikan_stops_the_first_sync_and_lanjut_resumes_it(
        qtbot, wizard_controller, empty_db: Database, demo_db: Database, people: People,
        office_store: tuple[Path, Path]) -> None:
    """Hentikan: the page stays with its fields, nobody is named yet; Lanjut again finishes the setup."""
    _controller, wizard = wizard_controller
    store, enrolment = office_store
    nip = _nip(demo_db, people.staff.employee_id)
    page = _open_join_page(qtbot, wizard)
    _fill(qtbot, page, nip, store, enrolment)
    with empty_db.engine.connect() as conn:  # another writer holds the database: the worker waits at its first write
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        assert page.busy() and not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        screenshot(wizard, "first_run_join_busy")
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
        assert page.status_label.text() == "Menghentikan…"
        conn.exec_driver_sql("ROLLBACK")
    qtbot.waitUntil(lambda: not page.busy(), timeout=60_000)
    assert page.status_label.text().startswith("Dihentikan.")
    assert wizard.currentId() == PAGE_JOIN and page.report is None and people_here(empty_db) == []
    assert page.who_edit.text() == nip and wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_DONE, timeout=120_000)
    assert people_here(empty_db) == [nip] and wizard.username == nip
