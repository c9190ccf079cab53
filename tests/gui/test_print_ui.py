"""Printing in the GUI: the Cetak dialog, the background batch, the QtPdf preview and printing it."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget
from sqlalchemy import select

from kinerja_desktop.documents.page_setup import Paper
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Unit
from kinerja_desktop.ui.print.install import install_printing
from kinerja_desktop.ui.print.preview_window import PdfPreviewWindow, print_pdf
from kinerja_desktop.ui.print.print_dialog import PrintOptionsDialog, PrintTargets
from kinerja_desktop.ui.print.print_job import PrintRequest
from kinerja_desktop.ui.workers import TaskManager
from tests.gui.form_helpers import QT_LOG_IGNORE
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.unit.documents.pdf_checks import page_texts, reader

pytestmark = QT_LOG_IGNORE


class FakeWindow(QMainWindow):
    """The main window's public hooks that printing uses."""

    def __init__(self, db: Database, user, selected=None, page: QWidget | None = None) -> None:
        super().__init__()
        self.db, self.user, self.menus, self._selected = db, user, {}, selected
        self.tasks = TaskManager(self)
        self.tabs = QTabWidget(self)
        self.setCentralWidget(self.tabs)
        self._page = page

    def add_menu_action(self, menu, action, *, toolbar=False):
        self.menus.setdefault(menu, []).append(action.text())
        return action

    def current_page(self):
        return self._page or self.tabs.currentWidget()

    def selected_employee(self):
        return self._selected

    def year(self) -> int:
        return DEMO_YEAR

    def period(self) -> str:
        return "TW1"


def _employee(db: Database, employee_id: str) -> SimpleNamespace:
    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        return SimpleNamespace(id=emp.id, name=emp.name, nip=emp.nip, unit_id=emp.unit_id)


def test_cetak_preview_and_print(qtbot, demo_db: Database, people: People, tmp_path: Path) -> None:
    staff = _employee(demo_db, people.staff.employee_id)
    window = FakeWindow(demo_db, people.penilai, selected=staff)
    qtbot.addWidget(window)
    printing = install_printing(window)
    assert install_printing(window) is printing
    assert window.menus["documents"] == ["&Cetak…", "Cetak &Blanko…"]

    dialog = printing.open_dialog()
    qtbot.addWidget(dialog)
    assert dialog.scope_employee.isEnabled() and dialog.scope_employee.isChecked()
    assert not dialog.scope_unit.isEnabled()
    dialog.paper.setCurrentIndex(dialog.paper.findData("F4"))
    request = dialog.build_request()
    assert request == PrintRequest("evaluasi", DEMO_YEAR, "TW1", (staff.id,), paper=Paper.F4)

    task = printing.start(request)
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert task.error is None, task.error
    preview = printing.previews[-1]
    qtbot.addWidget(preview)
    assert isinstance(preview, PdfPreviewWindow) and preview.page_count() >= 2
    assert "Halaman 1 dari" in preview.page_label.text()

    # printing goes through QPrinter: here to a PDF file instead of a physical printer
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert print_pdf(preview.document, printer) == preview.page_count()
    assert len(reader(out.read_bytes()).pages) == preview.page_count()


def test_unit_penetapan_to_a_file_and_a_unit_batch_to_a_folder(
    qtbot, demo_db: Database, people: People, tmp_path: Path
) -> None:
    with demo_db.reader() as s:
        unit = s.scalars(select(Unit).where(Unit.level == 1, Unit.code != "SETDA")).first()
    page = QWidget()
    page.unit_id = unit.id  # what a unit view offers
    page.setWindowTitle(unit.name)
    window = FakeWindow(demo_db, people.admin, page=page)
    qtbot.addWidget(window)
    qtbot.addWidget(page)
    printing = install_printing(window)
    dialog = PrintOptionsDialog(
        printing.targets(), DEMO_YEAR, "TW1", ["TW1", "TW2", "TAHUNAN"], window, kind="penetapan"
    )
    qtbot.addWidget(dialog)
    assert dialog.scope_unit.isChecked() and not dialog.scope_employee.isEnabled()
    dialog.recursive.setChecked(True)
    dialog.mode_file.setChecked(True)
    request = dialog.build_request(tmp_path / "penetapan.pdf")
    task = printing.start(request)
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert task.error is None, task.error
    assert "PENETAPAN PREDIKAT KINERJA PEGAWAI" in page_texts((tmp_path / "penetapan.pdf").read_bytes())[0]

    folder = tmp_path / "skp"
    request = PrintRequest("skp", DEMO_YEAR, unit_id=unit.id, recursive=False, mode="folder", out=folder, workers=0)
    task = printing.start(request)
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert task.error is None, task.error
    assert task.result.documents == len(list(folder.glob("*_SKP_TAHUNAN.pdf"))) >= 1


def test_blank_form_without_anyone_selected(qtbot, demo_db: Database, people: People) -> None:
    window = FakeWindow(demo_db, people.staff)
    qtbot.addWidget(window)
    printing = install_printing(window)
    dialog = PrintOptionsDialog(PrintTargets(), DEMO_YEAR, "TW1", ["TW1", "TAHUNAN"], window, kind="blank")
    qtbot.addWidget(dialog)
    dialog.blank_form.setCurrentIndex(dialog.blank_form.findData("dokumen-evaluasi"))
    task = printing.start(dialog.build_request())
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert task.error is None and task.result.pages == 1
    qtbot.addWidget(printing.previews[-1])
