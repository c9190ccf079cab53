"""Matriks Peran Hasil page (unit head) and the Usulan RHK dialog in the staff's plan editor."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from kinerja_desktop.services import plan_service as ps
from kinerja_desktop.services import role_matrix_service as rm
from kinerja_desktop.ui.employee_page import EmployeePage
from kinerja_desktop.ui.matriks.drafts_dialog import DraftsDialog
from kinerja_desktop.ui.matriks.matriks_dialogs import CellDialog, TeamDialog, text_to_indicators
from kinerja_desktop.ui.matriks.matriks_page import MatriksPage
from kinerja_desktop.ui.matriks.matrix_model import OBJECT_ROLE
from tests.gui.form_helpers import QT_LOG_IGNORE, screenshot, show

pytestmark = QT_LOG_IGNORE
YEAR = 2027


def _head_plan(db, people) -> tuple[str, list[str]]:
    plan = ps.create_plan(db, people.penilai, people.penilai.employee_id, YEAR)
    rhks = [ps.add_rhk(db, people.penilai, plan, text=t) for t in (
        "Terwujudnya layanan perizinan yang tepat waktu", "Tersusunnya laporan kinerja seksi")]
    return plan, rhks


def _when_dialog(qtbot, kind, act) -> None:
    """Run ``act(dialog)`` on the next modal dialog of ``kind`` once it is shown."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def test_matrix_model_is_well_behaved_and_the_head_fills_a_cell(qtbot, qtmodeltester, demo_db, people) -> None:
    _plan, rhks = _head_plan(demo_db, people)
    page = MatriksPage(demo_db, people.penilai, YEAR)
    show(qtbot, page)
    qtmodeltester.check(page.model)
    column = page.model.column_of(people.staff.employee_id)
    index = page.model.index(0, column)

    def fill(dialog: CellDialog) -> None:
        dialog.peran.setText("Pelaksana verifikasi")
        dialog.text.setPlainText("Terverifikasinya berkas permohonan izin")
        dialog.indicators.setPlainText("Kuantitas | Berkas diverifikasi | 240 berkas\nWaktu | Lama verifikasi | 2 hari")
        dialog.accept()

    _when_dialog(qtbot, CellDialog, fill)
    page.edit_cell(index)
    cell = page.model.data(page.model.index(0, column), OBJECT_ROLE)
    assert cell is not None and cell.text == "Terverifikasinya berkas permohonan izin"
    assert [i["target"] for i in cell.indicators] == ["240 berkas", "2 hari"]
    assert "1 isian" in page.title.text()
    screenshot(page, "matriks_peran_hasil")


def test_a_bad_cell_keeps_the_dialog_open_with_the_reason(qtbot, demo_db, people) -> None:
    _head_plan(demo_db, people)
    page = MatriksPage(demo_db, people.penilai, YEAR)
    show(qtbot, page)
    seen: list[str] = []

    def bad_then_cancel(dialog: CellDialog) -> None:
        dialog.text.setPlainText("")  # RHK usulan is required
        QTimer.singleShot(50, lambda: (seen.append(dialog.error.text()), dialog.reject()))
        dialog.accept()

    _when_dialog(qtbot, CellDialog, bad_then_cancel)
    page.edit_cell(page.model.index(0, page.model.column_of(people.staff.employee_id)))
    qtbot.waitUntil(lambda: bool(seen))
    assert "wajib diisi" in seen[0]
    assert page.model.matrix.filled == 0


def test_a_team_brings_in_someone_from_another_unit(qtbot, demo_db, people) -> None:
    _head_plan(demo_db, people)
    page = MatriksPage(demo_db, people.penilai, YEAR)
    show(qtbot, page)
    before = page.model.columnCount()
    from kinerja_desktop.store.models import Employee
    with demo_db.reader() as s:
        nip = s.get(Employee, people.other_penilai.employee_id).nip

    def make(dialog: TeamDialog) -> None:
        dialog.name.setText("Tim Percepatan Perizinan")
        dialog.nip.setText(nip)
        dialog.role.setText("Narasumber")
        dialog._add()
        dialog.accept()

    _when_dialog(qtbot, TeamDialog, make)
    page.edit_team(None)
    assert page.model.columnCount() == before + 1
    assert "Tim Percepatan Perizinan" in page.teams_label.text()
    screenshot(page, "matriks_peran_hasil_tim")


def test_staff_accepts_a_draft_from_the_plan_editor(qtbot, demo_db, people) -> None:
    _plan, rhks = _head_plan(demo_db, people)
    cell = rm.set_cell(demo_db, people.penilai, rhks[0], people.staff.employee_id, peran="Pelaksana",
                       text="Terverifikasinya berkas permohonan izin",
                       indicators=text_to_indicators("Kuantitas | Berkas diverifikasi | 240 berkas"))
    plan = ps.create_plan(demo_db, people.staff, people.staff.employee_id, YEAR)
    page = EmployeePage(demo_db, people.staff, people.staff.employee_id, YEAR, "TW1")
    show(qtbot, page)
    editor = page.plan_editor
    assert editor.tool_buttons["drafts"].isVisible()

    def take(dialog: DraftsDialog) -> None:
        screenshot(dialog, "usulan_rhk_dialog")
        assert dialog.model.rowCount() == 1 and dialog.model.drafts[0].id == cell
        assert dialog.take()
        assert dialog.model.drafts[0].status == "ACCEPTED"
        dialog.accept()

    _when_dialog(qtbot, DraftsDialog, take)
    with qtbot.waitSignal(editor.plan_changed, timeout=5000):
        editor.tool_buttons["drafts"].click()
    view = ps.get_plan(demo_db, people.staff, plan)
    assert [(r.text, r.parent_rhk_id) for r in view.rhk] == [("Terverifikasinya berkas permohonan izin", rhks[0])]
    assert editor.model.rowCount() > 0
    screenshot(page, "skp_after_usulan")
    assert editor.tool_buttons["drafts"].text() == "Usulan RHK…"


def test_the_drafts_dialog_model_is_well_behaved(qtbot, qtmodeltester, demo_db, people) -> None:
    _plan, rhks = _head_plan(demo_db, people)
    rm.set_cell(demo_db, people.penilai, rhks[1], people.staff.employee_id, text="Tersusunnya bahan laporan")
    plan = ps.create_plan(demo_db, people.staff, people.staff.employee_id, YEAR)
    dialog = DraftsDialog(demo_db, people.staff, plan)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.decline() and dialog.model.drafts[0].status == "DECLINED"
    assert isinstance(dialog, QDialog)


def test_the_year_dialog_shows_two_skp_records_an_sk_and_opens_its_skp(qtbot, demo_db, people) -> None:
    from sqlalchemy import select

    from kinerja_desktop.store.models_peran import Penugasan
    from kinerja_desktop.ui.matriks.penugasan_dialog import RecordDialog, YearDialog

    with demo_db.reader() as s:
        moved = s.scalars(select(Penugasan.employee_id).where(Penugasan.kind == "MUTASI")).one()
    dialog = YearDialog(demo_db, people.admin, moved, 2026, "Pegawai yang dimutasi")
    show(qtbot, dialog)
    assert dialog.segments.rowCount() == 2 and dialog.segments.item(0, 3).text() == "TW3 (Final)"
    assert "menunggu evaluasi penutup" in dialog.result.text() and not dialog.apply_button.isEnabled()
    screenshot(dialog, "penugasan_setahun")

    staff = YearDialog(demo_db, people.staff, people.staff.employee_id, 2026, "Staf")
    show(qtbot, staff)
    assert not staff.record_button.isVisible() and staff.open_button.isVisible()

    def fill(form: RecordDialog) -> None:
        form.kind.setCurrentIndex(form.kind.findData("PLH"))
        form.tmt.setDate(form.tmt.date().addDays(30))
        form.has_end.setChecked(True)
        form.jabatan.setText("Kepala Seksi Pelayanan")
        from kinerja_desktop.store.models import Employee
        with demo_db.reader() as s:
            form.penilai.setText(s.get(Employee, people.atasan.employee_id).nip)
        form.accept()

    admin_view = YearDialog(demo_db, people.admin, people.staff.employee_id, 2026, "Staf")
    show(qtbot, admin_view)
    _when_dialog(qtbot, RecordDialog, fill)
    assert admin_view.record() is not None
    assert admin_view.moves.rowCount() == 1
    staff.refresh()
    staff.moves_view.selectRow(0)
    plan_id = staff.open_selected()
    assert plan_id and staff.moves.item(0, 6).text() == "dibuka"
    screenshot(staff, "penugasan_setahun_staf")
