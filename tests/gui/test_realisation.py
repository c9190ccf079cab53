"""Realisasi tab driven as a user would: typing realisations, dates and notes; evidence by dialog
and by drag-and-drop; open and remove; bad input refused at the field with nothing lost."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from kinerja_desktop.services import realisation_service as rs
from kinerja_desktop.services.settings_service import set_setting
from kinerja_desktop.ui import file_dialogs
from kinerja_desktop.ui.employee_page import TAB_REALISASI, EmployeePage
from kinerja_desktop.ui.form_support.messages import balloon_for
from kinerja_desktop.ui.realisation.evidence_model import COL_NAME, COL_SIZE, COL_TYPE
from kinerja_desktop.ui.realisation.realisation_model import COL_DATE, COL_NOTE, COL_VALUE
from tests.gui.form_helpers import QT_LOG_IGNORE, edit_cell, screenshot, show

pytestmark = QT_LOG_IGNORE
YEAR = 2026
OPEN_PERIOD = "TW4"  # not evaluated yet in the demo office (TW1-TW3 are final)


def open_realisation(qtbot, db, people, period=OPEN_PERIOD):
    page = EmployeePage(db, people.staff, people.staff.employee_id, YEAR, period)
    show(qtbot, page)
    page.show_tab(TAB_REALISASI)
    return page, page.realisation_page


def stored(db, people, period=OPEN_PERIOD):
    return rs.realisations_for(db, people.staff, people.staff_plan_id, period)


def drop_files(target, paths, at: QPointF | None = None) -> bool:
    """Drag local files over ``target`` and drop them; True when the drop was accepted.

    The handlers are called directly: Qt's own drag manager is not involved when no real drag
    runs (sending synthetic drag events through QApplication corrupts its state offscreen).
    """
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = at if at is not None else QPointF(target.rect().center())
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(where.toPoint(), *args)
    enter.ignore()
    target.dragEnterEvent(enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(where.toPoint(), *args)
    move.ignore()
    target.dragMoveEvent(move)
    drop = QDropEvent(where, *args)
    drop.ignore()
    target.dropEvent(drop)
    accepted = drop.isAccepted()
    del drop, move, enter
    return accepted


def type_date(qtbot, table, index, text):
    """Open the date cell with F2 and type the date as a person would (15-09-2026, 15/9/2026, …), then Enter."""
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.indexWidget(index)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_models_pass_qtmodeltester(qtbot, qtmodeltester, demo_db, people):
    """The realisation table and the evidence list are well-behaved Qt models (with data, read-only period)."""
    _page, real = open_realisation(qtbot, demo_db, people, "TW1")
    qtmodeltester.check(real.model)
    qtmodeltester.check(real.evidence.model)  # with files: see test_evidence_by_dialog_open_and_remove


def test_typing_realisation_date_and_note(qtbot, demo_db, people):
    """Realisasi, Tanggal and Catatan typed in the table are saved at once; a date outside the period is refused."""
    page, real = open_realisation(qtbot, demo_db, people)
    model, table = real.model, real.table
    ind = model.row(0).indicator
    edit_cell(qtbot, table, model.index(0, COL_VALUE), "7 laporan")
    edit_cell(qtbot, table, model.index(0, COL_NOTE), "Laporan Oktober dan November sudah selesai")
    type_date(qtbot, table, model.index(0, COL_DATE), "20-11-2026")
    qtbot.waitUntil(lambda: stored(demo_db, people)[ind.id].reported_on is not None)
    saved = stored(demo_db, people)[ind.id]
    assert (saved.value_text, saved.note, saved.reported_on) == (
        "7 laporan", "Laporan Oktober dan November sudah selesai", date(2026, 11, 20))
    assert saved.value_number == 7
    screenshot(page, "realisasi")

    type_date(qtbot, table, model.index(0, COL_DATE), "15/3/2026")
    balloon = balloon_for(real)
    qtbot.waitUntil(balloon.isVisible)
    assert "di luar periode" in balloon.message()
    assert model.index(0, COL_DATE).data() == "15-03-2026", "the refused date stays visible in the cell"
    assert stored(demo_db, people)[ind.id].reported_on == date(2026, 11, 20)
    screenshot(page, "realisasi_tanggal_di_luar_periode")

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_db, people)[ind.id].note == ""
    real.redo_action.trigger()
    assert stored(demo_db, people)[ind.id].note.startswith("Laporan Oktober")


def test_evidence_by_dialog_open_and_remove(qtbot, qtmodeltester, demo_db, people, tmp_path, monkeypatch):  # noqa: PLR0917
    """Tambah berkas… attaches the chosen file (size and type shown); Buka opens a copy; Hapus removes; undo."""
    _page, real = open_realisation(qtbot, demo_db, people)
    real.table.setCurrentIndex(real.model.index(1, COL_VALUE))
    ind = real.model.row(1).indicator
    evidence = tmp_path / "Laporan kegiatan Oktober.pdf"
    evidence.write_bytes(b"%PDF-1.4\n" + b"x" * 3000)
    monkeypatch.setattr(file_dialogs, "open_file_names", lambda *a, **k: [str(evidence)])
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile())))

    real.evidence.add_button.click()
    files = stored(demo_db, people)[ind.id].attachments
    assert [(f.filename, f.size, f.mime) for f in files] == [("Laporan kegiatan Oktober.pdf", 3009, "application/pdf")]
    panel = real.evidence
    assert [panel.model.index(0, c).data() for c in (COL_NAME, COL_SIZE, COL_TYPE)] == [
        "Laporan kegiatan Oktober.pdf", "2,9 KB", "PDF"]
    assert real.model.index(1, 7).data() == "1 berkas"
    qtmodeltester.check(panel.model)

    panel.view.setCurrentIndex(panel.model.index(0, COL_NAME))
    panel.open_button.click()
    assert len(opened) == 1 and Path(opened[0]).name == "Laporan kegiatan Oktober.pdf"
    assert Path(opened[0]).read_bytes() == evidence.read_bytes()

    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert stored(demo_db, people)[ind.id].attachments == []
    real.undo_action.trigger()
    assert len(stored(demo_db, people)[ind.id].attachments) == 1


def test_evidence_by_drag_and_drop(qtbot, demo_db, people, tmp_path):
    """Files dropped on the evidence panel, or on a table row, become evidence of that indicator."""
    page, real = open_realisation(qtbot, demo_db, people)
    photo = tmp_path / "foto_rapat.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"\0" * 2048)
    sheet = tmp_path / "rekap.xlsx"
    sheet.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    real.table.setCurrentIndex(real.model.index(0, COL_VALUE))
    first = real.model.row(0).indicator

    assert drop_files(real.evidence, [photo])
    assert [a.filename for a in stored(demo_db, people)[first.id].attachments] == ["foto_rapat.jpg"]

    last = real.model.rowCount() - 1
    rect = real.table.visualRect(real.model.index(last, COL_NOTE))
    assert drop_files(real.table, [sheet], QPointF(rect.center()))
    target = real.model.row(last).indicator
    assert [a.filename for a in stored(demo_db, people)[target.id].attachments] == ["rekap.xlsx"]
    assert real.table.currentIndex().row() == last
    assert real.evidence.model.index(0, COL_TYPE).data() == "Lembar kerja Excel"
    screenshot(page, "realisasi_bukti_dukung")


def test_evidence_too_large_or_unreadable_is_refused(qtbot, demo_db, people, tmp_path, monkeypatch):
    """A file over the configured limit, or one that cannot be read, gets a clear message; nothing is attached."""
    set_setting(demo_db, people.admin, "evidence.max_mb", 0.01)  # about 10 KB
    _page, real = open_realisation(qtbot, demo_db, people)
    real.table.setCurrentIndex(real.model.index(0, COL_VALUE))
    ind = real.model.row(0).indicator
    assert "10,2 KB" in real.evidence.drop_hint.text()
    big = tmp_path / "scan_besar.pdf"
    big.write_bytes(b"%PDF" + b"0" * 20_000)
    drop_files(real.evidence, [big])
    balloon = balloon_for(real.window())
    assert balloon.isVisible() and "terlalu besar" in balloon.message()
    assert stored(demo_db, people)[ind.id].attachments == []

    if os.geteuid() == 0:
        unreadable = Path("/proc/self/mem")  # root reads any mode-000 file; this one refuses every read
        if not unreadable.is_file():
            pytest.skip("no unreadable file available")
    else:
        unreadable = tmp_path / "rahasia.pdf"
        unreadable.write_bytes(b"%PDF")
        unreadable.chmod(0)
    monkeypatch.setattr(file_dialogs, "open_file_names", lambda *a, **k: [str(unreadable)])
    real.evidence.add_button.click()
    assert "tidak dapat dibaca" in balloon.message()
    assert stored(demo_db, people)[ind.id].attachments == []


def test_finalised_period_is_read_only(qtbot, demo_db, people):
    """A period whose evaluation is final shows its realisation read-only; choosing TW4 makes it editable."""
    _page, real = open_realisation(qtbot, demo_db, people, "TW1")
    assert "sudah difinalkan" in real.notice.text()
    assert not real.model.flags(real.model.index(0, COL_VALUE)) & Qt.ItemFlag.ItemIsEditable
    assert real.evidence.add_button.isHidden()
    real.period.setFocus()
    while real.period.code() != OPEN_PERIOD:
        qtbot.keyClick(real.period, Qt.Key.Key_Down)
    assert real.model.flags(real.model.index(0, COL_VALUE)) & Qt.ItemFlag.ItemIsEditable
    assert real.notice.text() == ""
    assert not real.table.rect().contains(QPoint(-1, -1))


def test_evidence_with_a_deceptive_name_is_opened_by_its_content_or_saved_with_a_warning(  # noqa: PLR0917
        qtbot, demo_db, people, tmp_path, monkeypatch):
    """GIVEN evidence named with a right-to-left override or a double extension WHEN opened THEN the name shows
    without control characters, a real PDF opens as .pdf, and a program is never opened: the user is warned and
    may save it."""
    _page, real = open_realisation(qtbot, demo_db, people)
    real.table.setCurrentIndex(real.model.index(0, COL_VALUE))
    ind = real.model.row(0).indicator
    pdf = tmp_path / "laporan.pdf.exe"
    pdf.write_bytes(b"%PDF-1.7\n" + b"x" * 500)
    program = tmp_path / "foto\u202egpj.exe"
    program.write_bytes(b"MZ\x90\x00" + b"\0" * 500)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile())))
    warnings: list[str] = []

    def warn(_parent, _title, text, buttons, default):
        warnings.append(text)
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warn))
    save_to = tmp_path / "simpan" / "disimpan.bin"
    save_to.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: str(save_to))
    panel = real.evidence
    assert panel.add_files([pdf, program])
    names = [panel.model.index(r, COL_NAME).data() for r in range(panel.model.rowCount())]
    assert names == ["laporan.pdf.exe", "fotogpj.exe"]  # no U+202E: what is shown is what the name is
    assert [a.filename for a in stored(demo_db, people)[ind.id].attachments] == names  # and what is stored

    panel.view.setCurrentIndex(panel.model.index(0, COL_NAME))
    panel.open_button.click()
    assert [Path(p).name for p in opened] == ["laporan.pdf"]  # opened by its content, as a PDF

    with qtbot.waitSignal(panel.saved) as saved:
        panel.view.setCurrentIndex(panel.model.index(1, COL_NAME))
        panel.open_button.click()
    assert len(opened) == 1  # the program was not handed to the system
    assert warnings and "“fotogpj.exe” bukan PDF, gambar, atau dokumen kantor" in warnings[0]
    assert saved.args == [str(save_to)] and save_to.read_bytes() == program.read_bytes()


def test_dates_are_typed_naturally_and_nonsense_is_refused_at_the_cell(qtbot, demo_db, people):
    """15-09-2026, 15/9/2026, 15.09.26, 15 Sep 2026, 15092026 and 15-09 (the SKP's year) all mean the
    same day; an empty cell starts empty (not today); text that is no date is refused at the cell."""
    _page, real = open_realisation(qtbot, demo_db, people)
    model, table = real.model, real.table
    ind = model.row(0).indicator
    index = model.index(0, COL_DATE)
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert table.indexWidget(index).text() == ""  # no date given yet: nothing pre-filled
    qtbot.keyClick(table.indexWidget(index), Qt.Key.Key_Escape)
    for typed, day in (("21-11-2026", 21), ("22/11/2026", 22), ("23.11.26", 23), ("24 Nov 2026", 24),
                       ("25 November 2026", 25), ("26-11", 26), ("27112026", 27)):
        type_date(qtbot, table, index, typed)
        qtbot.waitUntil(lambda d=day: stored(demo_db, people)[ind.id].reported_on == date(2026, 11, d))
    balloon = balloon_for(real)
    for typed, words in (("kemarin", "tidak dikenali sebagai tanggal"), ("31-02-2026", "tidak ada di kalender")):
        type_date(qtbot, table, index, typed)
        qtbot.waitUntil(lambda w=words: balloon.isVisible() and w in balloon.message())
        assert model.index(0, COL_DATE).data() == typed  # kept in the cell, to be corrected
        assert stored(demo_db, people)[ind.id].reported_on == date(2026, 11, 27)



def test_a_number_is_shown_with_the_target_unit(qtbot, demo_db, people):
    """35,2 against a target of "47 kegiatan" reads "35,2 kegiatan"; the editor still holds what was typed."""
    _page, real = open_realisation(qtbot, demo_db, people)
    model, table = real.model, real.table
    ind = model.row(0).indicator
    assert ind.target_unit
    edit_cell(qtbot, table, model.index(0, COL_VALUE), "12")
    qtbot.waitUntil(lambda: stored(demo_db, people)[ind.id].value_text == "12")
    assert model.index(0, COL_VALUE).data() == f"12 {ind.target_unit}"
    assert model.index(0, COL_VALUE).data(Qt.ItemDataRole.EditRole) == "12"
