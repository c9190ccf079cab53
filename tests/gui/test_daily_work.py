"""Progres Harian in the GUI: a staff PC lands on today's entry, a line is typed and saved with the keyboard
alone, yesterday is one key away; the penilai's week with umpan balik; the monthly recap printed and
exported; rencana aksi planned, realised, copied and counted into the indicator."""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kinerja_desktop.services import action_plan_service as ap
from kinerja_desktop.services import daily_log_service as dl
from kinerja_desktop.services import realisation_service, settings_service
from kinerja_desktop.store.models import Employee
from kinerja_desktop.ui.harian.action_plan_page import ActionPlanPage
from kinerja_desktop.ui.harian.daily_log_page import DailyLogPage
from kinerja_desktop.ui.harian.entry_table_model import EntryTableModel
from kinerja_desktop.ui.harian.month_recap_page import MonthRecapPage
from kinerja_desktop.ui.harian.team_week_page import TeamWeekPage
from kinerja_desktop.ui.main_window import INTEGRATIONS
from tests.gui.form_helpers import QT_LOG_IGNORE, screenshot, show
from tests.gui.shell_helpers import sign_in

pytestmark = QT_LOG_IGNORE
FRIDAY = date(2026, 11, 20)


def test_a_staff_pc_opens_on_today_and_a_line_is_saved_with_the_keyboard(qtbot, controller, demo_db, people):
    started = time.perf_counter()
    window = sign_in(qtbot, controller, people.staff.username, people.staff.username)
    qtbot.waitUntil(lambda: len(window.integrations) == len(INTEGRATIONS), timeout=20_000)
    page = window.current_page()
    assert isinstance(page, DailyLogPage) and page.day == date.today()
    qtbot.waitUntil(page.text_edit.hasFocus, timeout=5_000)
    qtbot.keyClicks(QApplication.focusWidget(), "Menyusun laporan pelayanan")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    elapsed = time.perf_counter() - started
    assert [e.text for e in dl.entries(demo_db, people.staff, None, date.today())] == ["Menyusun laporan pelayanan"]
    assert elapsed < 10, f"sign-in to a saved entry took {elapsed:.1f} s"
    assert page.model.rowCount() == 1 and page.text_edit.text() == "" and page.text_edit.hasFocus()
    screenshot(window, "harian_01_staff_today")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.day == date.today() - timedelta(days=1)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert page.day == date.today()
    window.tabs.setCurrentIndex(0)  # back to the list
    assert window.current_page() is not page
    qtbot.keySequence(window, "Ctrl+H")  # the menu's shortcut brings the same page forward
    assert window.current_page() is page and page.text_edit.hasFocus()


def test_typing_a_day_with_link_and_hours_then_moving_between_days(qtbot, qtmodeltester, demo_db, people):
    page = DailyLogPage(demo_db, people.staff, today=FRIDAY)
    show(qtbot, page)
    assert page.day == FRIDAY and page.text_edit.hasFocus()
    before = page.model.rowCount()  # the demo office logged this day already
    qtbot.keyClicks(page.text_edit, "Memverifikasi 7 berkas")
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Tab)
    assert page.link_combo.hasFocus()
    qtbot.keyClick(page.link_combo, Qt.Key.Key_Down)  # the first rencana aksi of November
    qtbot.keyClick(page.link_combo, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.hours_edit, "1,5")
    qtbot.keyClick(page.hours_edit, Qt.Key.Key_Return)
    assert page.model.rowCount() == before + 1
    saved = page.model.entry(before)
    assert (saved.text, saved.hours, saved.late) == ("Memverifikasi 7 berkas", 1.5, False)
    assert saved.rencana_aksi_id and saved.link_text
    assert page.link_combo.currentData() == f"ra:{saved.rencana_aksi_id}"  # kept for the next line
    assert page.message.text() == "Tersimpan."
    qtmodeltester.check(page.model)
    screenshot(page, "harian_02_day_with_link")
    from tests.gui.form_helpers import edit_cell

    for column, text in ((EntryTableModel.TEXT, "Memverifikasi 8 berkas"), (EntryTableModel.HOURS, "2")):
        index = page.model.index(before, column)
        edit_cell(qtbot, page.table, index, text)  # F2, type, Enter: the delegate commits on the next loop pass
        qtbot.waitUntil(lambda index=index: page.table.indexWidget(index) is None, timeout=2_000)
    [again] = [e for e in dl.entries(demo_db, people.staff, None, FRIDAY) if e.id == saved.id]
    assert (again.text, again.hours) == ("Memverifikasi 8 berkas", 2.0) and page.message.text() == "Perubahan disimpan."
    index = page.model.index(before, EntryTableModel.HOURS)
    edit_cell(qtbot, page.table, index, "99")
    qtbot.waitUntil(lambda: "paling banyak 24" in page.message.text(), timeout=2_000)
    page.text_edit.setFocus()
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.day == date(2026, 11, 19)
    for _ in range(4):  # Thursday back to Sunday the 15th: far past the window of one working day
        qtbot.keyClick(page.text_edit, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.day == date(2026, 11, 15) and "Bukan hari kerja" in page.day_note.text()
    page.go(date(2026, 11, 2))
    assert "terlambat" in page.day_note.text()
    qtbot.keyClicks(page.text_edit, "Susulan")
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Return)
    assert page.message.text() == "Tersimpan (terlambat)." and page.model.entry(0).late
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.day == date(2026, 11, 3)
    settings_service.set_setting(demo_db, people.admin, "rencana_aksi.periode", "TRIWULAN")
    quarter = ap.add_action(demo_db, people.staff, saved.rhk_id, "TW4", "Rencana triwulan")
    page.go(date(2026, 11, 19))
    links = [page.link_combo.itemData(i) for i in range(page.link_combo.count())]
    assert f"ra:{quarter}" in links  # a quarterly instansi links the quarter's actions
    page.go(date(2026, 12, 25))  # never after today
    assert page.day == FRIDAY and not page.next_button.isEnabled()
    page.go(date(2026, 11, 2))
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.waitUntil(page.table.hasFocus, timeout=2_000)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.rowCount() == 0
    assert "2" in page.month_label.text()  # 2 November is listed as not logged again


def test_penilai_week_shows_gaps_and_takes_umpan_balik(qtbot, qtmodeltester, demo_db, people):
    page = TeamWeekPage(demo_db, people.penilai, day=FRIDAY, today=FRIDAY)
    show(qtbot, page)
    week = dl.team_week(demo_db, people.penilai, FRIDAY, today=FRIDAY)
    assert page.week_model.rowCount() == len(week.members) > 0
    assert "pegawai" in page.summary.text()
    qtmodeltester.check(page.week_model)
    row = next(i for i, m in enumerate(week.members) if week.entries.get(m.employee_id))
    page.week_table.selectRow(row)
    assert page.entry_model.rowCount() == len(week.entries[week.members[row].employee_id])
    page.entry_table.selectRow(0)
    page.feedback_edit.clear()
    qtbot.keyClicks(page.feedback_edit, "Sertakan fotonya")
    qtbot.keyClick(page.feedback_edit, Qt.Key.Key_Return)
    assert page.message.text() == "Umpan balik disimpan."
    entry = page.entry_model.entry(0)
    assert entry.umpan_balik == "Sertakan fotonya"
    screenshot(page, "harian_03_penilai_week")
    qtbot.keyClick(page.feedback_edit, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.week.days[0] == date(2026, 11, 9)


def test_month_recap_per_unit_prints_and_exports(qtbot, qtmodeltester, demo_db, people, tmp_path: Path):
    page = MonthRecapPage(demo_db, people.admin, year=2026, month=11, today=FRIDAY)
    show(qtbot, page)
    assert page.model.rowCount() == 0 and "Pilih unit kerja" in page.summary.text()  # nothing heavy at opening
    with demo_db.reader() as s:
        unit_id = s.scalar(select(Employee.unit_id).where(Employee.id == people.staff.employee_id))
    page.scope_combo.setCurrentIndex(page.scope_combo.findData(unit_id))
    assert page.model.rowCount() >= 2 and "pegawai" in page.summary.text()
    qtmodeltester.check(page.model)
    screenshot(page, "harian_04_rekap_unit")
    pdf = page.write_pdf(tmp_path / "rekap.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    task = page.write_xlsx(tmp_path / "rekap.xlsx")
    with qtbot.waitSignal(task.finished, timeout=20_000):
        assert page.progress.isVisible() and page.cancel_button.isVisible()
    assert task.state == "succeeded" and not page.progress.isVisible()
    rows = list(load_workbook(task.result)["Rekap"].iter_rows(values_only=True))
    assert len(rows) == page.model.rowCount() + 1 and rows[1][5] == 21
    assert "Disimpan" in page.message.text()


def test_a_whole_instansi_export_shows_progress_and_batal_leaves_no_file(qtbot, demo_db, people, tmp_path: Path):
    """200,000 rows are written in a worker: the bar moves, Batal stops it, and no (partial) file is left.

    (So many that a quiet machine cannot finish before Batal is clicked: 20,000 raced on one.)"""
    from dataclasses import replace

    page = MonthRecapPage(demo_db, people.admin, year=2026, month=11, today=FRIDAY)
    show(qtbot, page)
    with demo_db.reader() as s:
        unit_id = s.scalar(select(Employee.unit_id).where(Employee.id == people.staff.employee_id))
    page.scope_combo.setCurrentIndex(page.scope_combo.findData(unit_id))
    one = page.recap.people[0]
    page.recap = replace(page.recap, people=[replace(one, nama=f"{one.nama} {n}") for n in range(200_000)])
    folder = tmp_path / "ekspor"
    folder.mkdir()
    task = page.write_xlsx(folder / "instansi.xlsx")
    with qtbot.waitSignal(task.progressed, timeout=20_000):
        pass
    assert 0 < page.progress.value() < 200_000 and page.progress.maximum() == 200_000
    screenshot(page, "harian_05_ekspor_berjalan")
    with qtbot.waitSignal(task.finished, timeout=20_000):
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert task.state == "cancelled" and "dibatalkan" in page.message.text()
    assert list(folder.iterdir()) == []  # neither the file nor its temporary part
    assert page.export_button.isEnabled() and not page.cancel_button.isVisible()


def test_rencana_aksi_page_plans_realises_copies_and_counts(qtbot, qtmodeltester, demo_db, people, tmp_path: Path):
    page = ActionPlanPage(demo_db, people.staff, 2026)
    show(qtbot, page)
    page.period_combo.setCurrentIndex(page.period_combo.findData("B12"))
    assert page.model.rowCount() == 0
    page.indicator_combo.setCurrentIndex(1)
    qtbot.keyClicks(page.text_edit, "Menyusun laporan akhir tahun")
    qtbot.keyClicks(page.target_edit, "2")
    qtbot.keyClick(page.text_edit, Qt.Key.Key_Return)
    assert page.model.rowCount() == 1 and page.message.text() == "Rencana aksi ditambahkan."
    page.table.selectRow(0)
    qtbot.keyClicks(page.realisation_edit, "3")
    qtbot.keyClick(page.realisation_edit, Qt.Key.Key_Return)
    action = page.model.action(0)
    assert action.realisation_value == 3
    evidence = tmp_path / "notulen.pdf"
    evidence.write_bytes(b"%PDF-1.4 notulen")
    page.table.selectRow(0)
    assert page.attach(str(evidence)) and page.model.action(0).filename == "notulen.pdf"
    qtmodeltester.check(page.model)
    page.table.selectRow(0)
    page.compute_button.click()
    assert "Realisasi indikator Triwulan IV" in page.message.text()
    real = realisation_service.realisations_for(demo_db, people.staff, page.plan_id, "TW4")[action.indicator_id]
    assert real.value_number is not None and real.value_number >= 3
    page.period_combo.setCurrentIndex(page.period_combo.findData("B11"))
    november = page.model.rowCount()
    page.copy_button.click()
    assert page.message.text() == f"{november} rencana aksi disalin ke Desember."
    page.period_combo.setCurrentIndex(page.period_combo.findData("B12"))
    assert page.model.rowCount() == november + 1
    screenshot(page, "harian_05_rencana_aksi")


def test_the_penilais_feedback_table_shows_the_rencana_aksi_behind_a_realisation(qtbot, qtmodeltester, demo_db,
                                                                                 people):
    from kinerja_desktop.services import plan_service
    from kinerja_desktop.ui.evaluation.feedback_models import RhkFeedbackModel

    plan = plan_service.get_plan(demo_db, people.penilai, people.staff_plan_id)
    realisations = realisation_service.realisations_for(demo_db, people.penilai, people.staff_plan_id, "TW4")
    model = RhkFeedbackModel(lambda *_args: None)
    model.set_data(plan, realisations, {}, editable=True)
    qtmodeltester.check(model)
    texts = [model.index(row, 3).data() for row in range(model.rowCount())]
    # the demo office planned October and November for each RHK: they show under the realisation
    assert any("Rencana aksi: " in text and "terealisasi" in text for text in texts)


def test_the_admin_sets_the_calendar_and_imports_holidays(qtbot, demo_db, people, tmp_path: Path):
    from kinerja_desktop.services.calendar_service import calendar_of, late_window
    from kinerja_desktop.ui.harian.calendar_dialog import CalendarDialog

    dialog = CalendarDialog(demo_db, people.admin)
    show(qtbot, dialog)
    assert [b.isChecked() for b in dialog.day_boxes] == [True] * 5 + [False] * 2
    dialog.day_boxes[5].setChecked(True)  # Saturday
    dialog.window_spin.setValue(3)
    dialog.save()
    assert calendar_of(demo_db).weekdays == frozenset({1, 2, 3, 4, 5, 6}) and late_window(demo_db) == 3
    csv = tmp_path / "libur.csv"
    csv.write_text("tanggal;keterangan\n2026-12-25;Hari Raya Natal\n2026-12-26;Cuti bersama\n", encoding="utf-8")
    assert dialog.import_file(str(csv))
    assert dialog.holidays.count() == 2 and "2 hari libur ditambahkan" in dialog.message.text()
    dialog.date_edit.setDate(dialog.date_edit.date().fromString("2026-12-31", "yyyy-MM-dd"))
    qtbot.keyClicks(dialog.name_edit, "Cuti bersama akhir tahun")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.holidays.count() == 3 and dialog.message.text() == "Hari libur 31-12-2026 disimpan."
    dialog.resize(560, 560)
    screenshot(dialog, "harian_06_kalender")
    dialog.holidays.setCurrentRow(0)
    dialog.remove_holiday()
    assert sorted(calendar_of(demo_db).holidays) == [date(2026, 12, 26), date(2026, 12, 31)]
    staff = CalendarDialog(demo_db, people.staff)
    qtbot.addWidget(staff)
    staff.save()
    assert "Hanya admin" in staff.message.text()


def test_the_realisation_page_counts_an_indicator_from_its_rencana_aksi_and_undoes_it(qtbot, demo_db, people):
    from kinerja_desktop.ui.realisation.realisation_model import COL_VALUE
    from kinerja_desktop.ui.realisation.realisation_page import RealisationPage

    page = RealisationPage(demo_db, people.staff, people.staff_plan_id, 2026, "TW4")
    show(qtbot, page)
    assert page.compute_button.isVisible()
    views = realisation_service.realisations_for(demo_db, people.staff, people.staff_plan_id, "TW4")
    row = next(r for r in range(page.model.rowCount()) if views[page.model.row(r).indicator.id].actions)
    indicator = page.model.row(row).indicator.id
    assert "Rencana aksi" in page.model.index(row, COL_VALUE).data(Qt.ItemDataRole.ToolTipRole)
    page.table.setCurrentIndex(page.model.index(row, COL_VALUE))
    page.compute_button.click()
    computed = realisation_service.realisations_for(demo_db, people.staff, people.staff_plan_id, "TW4")[indicator]
    assert computed.value_number is not None and "rencana aksi" in computed.note  # the demo realised October
    page.undo_action.trigger()
    undone = realisation_service.realisations_for(demo_db, people.staff, people.staff_plan_id, "TW4")[indicator]
    assert undone.value_text == views[indicator].value_text
