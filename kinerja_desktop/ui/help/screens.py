"""Screenshots of the real application for the printed guide, taken offscreen on a demo office.

:func:`take_screenshots` builds a fresh demo office (the same generator as ``kinerja demo``, fixed
seed, so no real person's data ever reaches a handout), opens the real widgets on it as a penilai
and as a new staff member would see them, and grabs each to a PNG named after its key in the
Panduan sources (``![...](layar:KEY)``). Needs a QApplication (``kinerja panduan cetak`` makes an
offscreen one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from kinerja_desktop.services import auth_service, roster_service
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.demo_service import build_demo
from kinerja_desktop.store.db import Database, open_database
from kinerja_desktop.store.models import Employee, Evaluation, Plan, Supervision, Unit
from kinerja_desktop.ui.workers import run_task, wait_for_tasks

SCREEN_KEYS = ("daftar-pegawai", "skp", "realisasi", "evaluasi", "unit", "wizard")
WINDOW_SIZE = (1366, 768)
#: The demo office's "today": three quarters appraised, the fourth under way.
DEMO_MONTH_DAY = (11, 22)
DEMO_PERIOD = "TW3"
NEW_STAFF_NIP = "199804152023032001"
NEW_STAFF_PASSWORD = "Panduan-Contoh-2026"


@dataclass
class DemoActors:
    """Who the screenshots are taken as: a penilai with an evaluated subordinate, and a new staff member."""

    db: Database
    year: int
    admin: CurrentUser
    penilai: CurrentUser
    staff_id: str
    unit_id: str
    newcomer: CurrentUser


def settle(ms: int = 150) -> None:
    """Let queued work (layouts, workers' results) finish before a grab."""
    wait_for_tasks(15_000)
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    wait_for_tasks(15_000)
    QApplication.processEvents()


def run_and_wait(fn: Callable[..., Any], *args: Any) -> Any:
    """Run a worker task and return its result (spinning the event loop meanwhile)."""
    task = run_task(fn, *args, title="panduan", cancellable=False)
    loop = QEventLoop()
    task.finished.connect(loop.quit)
    if task.running:
        loop.exec()
    if task.error is not None:
        raise task.error
    return task.result


def demo_office(folder: Path, year: int | None = None) -> DemoActors:
    """A 60-employee demo office in ``folder`` and the people the screenshots show."""
    year = year or date.today().year
    db = open_database(folder / "panduan-demo.sqlite")
    build_demo(db, employees=60, seed=7, year=year, today=date(year, *DEMO_MONTH_DAY))
    with db.reader() as s:
        candidates = s.execute(
            select(Plan.employee_id, Supervision.supervisor_id)
            .join(Supervision, Supervision.employee_id == Plan.employee_id)
            .join(Employee, Employee.id == Plan.employee_id)
            .join(Evaluation, Evaluation.plan_id == Plan.id)
            .where(Plan.year == year, Plan.status == "APPROVED", Evaluation.period == DEMO_PERIOD,
                   Employee.jenis_jabatan.in_(("PELAKSANA", "FUNGSIONAL")))
            .order_by(Employee.nip)
        ).all()
        approved = set(s.scalars(select(Plan.employee_id).where(Plan.year == year, Plan.status == "APPROVED")))
        # A penilai whose own SKP is approved: the new staff member then has RHK pimpinan to choose from.
        staff_id, penilai_id = next(((e, p) for e, p in candidates if p in approved), candidates[0])
        penilai_nip = s.get(Employee, penilai_id).nip
        unit_id = s.get(Employee, staff_id).unit_id
        unit_code = s.get(Unit, unit_id).code
    admin = auth_service.user_by_username(db, "admin")
    newcomer_id = roster_service.save_employee(db, admin, roster_service.EmployeeInput(
        nip=NEW_STAFF_NIP, name="Nadia Putri Lestari", unit_code=unit_code, jabatan="Pengolah Data",
        jenis_jabatan="PELAKSANA", golongan="II/c"))
    roster_service.set_supervisor(db, admin, newcomer_id, penilai_id, year)
    auth_service.create_account(db, admin, NEW_STAFF_NIP, NEW_STAFF_PASSWORD, employee_id=newcomer_id)
    return DemoActors(db, year, admin, auth_service.user_by_username(db, penilai_nip), staff_id, unit_id,
                      auth_service.authenticate(db, NEW_STAFF_NIP, NEW_STAFF_PASSWORD))


def _grab(widget: QWidget, path: Path) -> Path:
    settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"gambar layar tidak dapat disimpan: {path}")
    return path


def take_screenshots(actors: DemoActors, out_dir: Path) -> dict[str, Path]:
    """Every key of :data:`SCREEN_KEYS` as a PNG in ``out_dir`` (the widgets are closed afterwards)."""
    from kinerja_desktop.ui.employee_page import TAB_EVALUASI, TAB_REALISASI, TAB_SKP
    from kinerja_desktop.ui.main_window import MainWindow
    from kinerja_desktop.ui.models.employee_table_model import status_labels
    from kinerja_desktop.ui.session_tasks import load_session_task
    from kinerja_desktop.ui.unit_view import UnitView

    out_dir.mkdir(parents=True, exist_ok=True)
    shots: dict[str, Path] = {}
    session = run_and_wait(load_session_task, actors.db, actors.penilai, status_labels(), actors.year, DEMO_PERIOD)
    window = MainWindow(actors.db, session)
    window.resize(*WINDOW_SIZE)
    window.show()
    try:
        window.install_integrations()
        settle(300)
        shots["daftar-pegawai"] = _grab(window, out_dir / "daftar-pegawai.png")
        page = window.open_employee(actors.staff_id)
        for key, tab in (("skp", TAB_SKP), ("realisasi", TAB_REALISASI), ("evaluasi", TAB_EVALUASI)):
            page.show_tab(tab)
            shots[key] = _grab(window, out_dir / f"{key}.png")
    finally:
        window.tasks.cancel_all()
        wait_for_tasks(15_000)
        window.hide()
        window.deleteLater()

    unit = UnitView(actors.db, actors.admin, actors.unit_id, actors.year, DEMO_PERIOD)
    unit.resize(WINDOW_SIZE[0], 700)
    unit.show()
    try:
        shots["unit"] = _grab(unit, out_dir / "unit.png")
    finally:
        unit.hide()
        unit.deleteLater()
    shots["wizard"] = _wizard_shot(actors, out_dir / "wizard.png")
    QApplication.processEvents()
    return shots


def _wizard_shot(actors: DemoActors, path: Path) -> Path:
    """The guided first SKP at its indicator step, filled as a new staff member would."""
    from kinerja_desktop.ui.wizards.first_skp_wizard import PAGE_INDICATOR, PAGE_PARENT, PAGE_RHK, FirstSkpWizard

    newcomer = actors.newcomer
    wizard = FirstSkpWizard(actors.db, newcomer, newcomer.employee_id, actors.year)
    wizard.resize(960, 600)
    wizard.show()
    try:
        wizard.next()
        options = wizard.page(PAGE_PARENT).options
        for row in range(min(2, options.count())):
            options.item(row).setCheckState(Qt.CheckState.Checked)
        wizard.next()
        texts = ("Terselesaikannya verifikasi berkas permohonan layanan secara tepat waktu dan akurat",
                 "Tersusunnya rekapitulasi data pengaduan masyarakat setiap bulan")
        for edit, text in zip(wizard.page(PAGE_RHK).edits, texts, strict=False):
            edit.setText(text)
        wizard.next()
        if wizard.currentId() == PAGE_INDICATOR:
            targets = ("1.200 berkas", "95 %", "1 hari kerja")
            for row, target in zip(wizard.page(PAGE_INDICATOR).rows[0], targets, strict=False):
                row.target.setText(target)
        return _grab(wizard, path)
    finally:
        wizard.hide()  # nothing to ask: every step is already saved
        wizard.deleteLater()


def screenshots_for_guide(folder: Path, language: str = "id") -> dict[str, Path]:
    """What ``kinerja panduan cetak`` needs from the GUI: the screenshots in ``language``, taken offscreen.

    Makes the QApplication when there is none (set ``QT_QPA_PLATFORM=offscreen`` first), with the
    app's font and style; the demo office lives in ``folder`` and its database is closed afterwards.
    Qt's notes about what an offscreen window cannot do are kept off the terminal.
    """
    from PySide6.QtCore import qInstallMessageHandler

    from kinerja_desktop.ui import i18n, theme

    app = QApplication.instance() or QApplication(["kinerja"])
    assert isinstance(app, QApplication)
    theme.apply(app)
    previous = i18n.current_language()
    i18n.install_translator(language)
    quiet = qInstallMessageHandler(_offscreen_notes)
    try:
        actors = demo_office(folder)
        try:
            return take_screenshots(actors, folder / "layar")
        finally:
            actors.db.dispose()
    finally:
        qInstallMessageHandler(quiet)
        i18n.install_translator(previous)


def _offscreen_notes(_kind: object, _context: object, message: str) -> None:
    """Drop Qt's notes about what an offscreen window cannot do (resize hints, raise); print the rest."""
    if "This plugin does not support" not in message:
        import sys

        print(message, file=sys.stderr)
