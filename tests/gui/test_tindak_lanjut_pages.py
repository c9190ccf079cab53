"""Tindak lanjut in the main window: Penghargaan, Rekap 20 JP, and the employee page's Kompetensi & Pengembangan tab."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from kinerja_desktop.services import development_service as ds
from kinerja_desktop.services import recognition_service as rs
from kinerja_desktop.ui.tindak_lanjut.jp_recap_page import JpRecapPage
from kinerja_desktop.ui.tindak_lanjut.recognition_page import RecognitionPage
from tests.gui.shell_helpers import (
    IGNORE_SIZE_HINTS,
    screenshot,
    sign_in,
    themed_app,  # noqa: F401 - fixture
)
from tests.helpers.fixtures import DEMO_YEAR, People

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("themed_app")]


def _installed(qtbot, window) -> None:
    qtbot.waitUntil(lambda: getattr(window, "tindak_lanjut", None) is not None, timeout=15_000)


def test_admin_records_an_award_from_the_candidates_and_prints_the_list(qtbot, qtmodeltester, controller,
                                                                        people: People, tmp_path: Path) -> None:
    window = sign_in(qtbot, controller, "admin", "admin")
    _installed(qtbot, window)
    with qtbot.waitSignal(window.tindak_lanjut.recognition_action.triggered):
        window.tindak_lanjut.recognition_action.trigger()
    page = window.page(("penghargaan",))
    assert isinstance(page, RecognitionPage) and window.current_page() is page
    page.period_combo.choose("TW3")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=15_000)
    qtmodeltester.check(page.model)
    assert "calon" in page.count_label.text()
    screenshot(window, "tindak_lanjut_penghargaan")
    page.table.selectRow(0)
    cand = page.selected()
    dialog = page.open_award_dialog()
    dialog.decree.setText("800.1.5/321/BKPSDM/2026")
    with qtbot.waitSignal(page.data_changed):
        dialog.save()
    assert not dialog.isVisible()
    assert any(a.decree_no == "800.1.5/321/BKPSDM/2026" for a in rs.awards_of(window.db, people.admin,
                                                                               cand.employee_id))
    out = page.print_list(str(tmp_path / "daftar.pdf"))
    assert out and Path(out).read_bytes().startswith(b"%PDF")
    letter = page.print_letter(str(tmp_path / "usulan.pdf"))  # the admin drafts it for the selected candidate
    assert letter and Path(letter).read_bytes().startswith(b"%PDF") and "disimpan" in page.notice.text()


def test_the_jp_recap_filters_who_is_below_and_exports(qtbot, qtmodeltester, controller, tmp_path: Path) -> None:
    window = sign_in(qtbot, controller, "admin", "admin")
    _installed(qtbot, window)
    window.tindak_lanjut.recap_action.trigger()
    page = window.page(("rekap-jp",))
    assert isinstance(page, JpRecapPage)
    qtbot.waitUntil(lambda: page.recap is not None and page.year_spin.value() == window.year(), timeout=15_000)
    if page.year_spin.value() != DEMO_YEAR:
        with qtbot.waitSignal(page.loaded, timeout=15_000):
            page.year_spin.setValue(DEMO_YEAR)
    everyone = page.model.rowCount()
    qtmodeltester.check(page.model)
    page.below_only.setChecked(True)
    assert 0 < page.model.rowCount() < everyone
    assert "di bawah hak 20 JP" in page.summary.text()
    screenshot(window, "tindak_lanjut_rekap_jp")
    assert Path(page.export_xlsx(str(tmp_path / "jp.xlsx"))).stat().st_size > 0
    assert Path(page.print_pdf(str(tmp_path / "jp.pdf"), paper="F4")).read_bytes().startswith(b"%PDF")


def _competency_tab(qtbot, window, employee_id: str):
    _installed(qtbot, window)
    page = window.open_employee(employee_id)
    qtbot.waitUntil(lambda: getattr(page, "competency_holder", None) is not None, timeout=15_000)
    assert page.competency_tab is None  # built when first shown
    return page, page.show_lazy_tab(page.competency_holder)


def test_the_penilai_assesses_plans_and_marks_on_the_employee_page(qtbot, controller, people: People) -> None:
    window = sign_in(qtbot, controller, people.penilai.username, people.penilai.username)
    page, tab = _competency_tab(qtbot, window, people.staff.employee_id)
    assert tab.assess_button.isVisibleTo(tab) and tab.add_button.isVisibleTo(tab)
    assert not tab.done_button.isVisibleTo(tab)
    dialog = tab.open_assess_dialog()
    dialog.code.setCurrentIndex(dialog.code.findData("M3"))
    dialog.level.setValue(1)
    assert dialog.describe.text()  # the catalogue's level description is shown
    with qtbot.waitSignal(tab.data_changed):
        dialog.save()
    gap = next(g for g in tab.profile.gaps if g.code == "M3")
    assert gap.assessed == 1
    dialog = tab.open_item_dialog()
    dialog.topic.setText("")
    dialog.save()
    assert dialog.isVisible() and "Topik wajib diisi" in dialog.error.text()  # refused: the form stays open
    dialog.topic.setText("Pelatihan public speaking")
    dialog.jp.setValue(24)
    dialog.start.setDate(QDate(2026, 12, 1))
    dialog.end.setDate(QDate(2026, 12, 4))
    with qtbot.waitSignal(tab.data_changed):
        dialog.save()
    assert not dialog.error.isVisibleTo(dialog), dialog.error.text()
    assert any(i.topic == "Pelatihan public speaking" and i.jp == 24 for i in tab.item_views)
    tab.set_period("TW4")
    dialog = tab.open_mark_dialog()
    dialog.mark.setCurrentIndex(dialog.mark.findData("INOVASI"))
    dialog.reason.setText("Antrean daring")
    with qtbot.waitSignal(tab.data_changed):
        dialog.save()
    assert list(rs.marks_of(window.db, people.penilai, people.staff_plan_id, "TW4").values()) == [
        ("INOVASI", "Antrean daring")]
    screenshot(window, "tindak_lanjut_kompetensi_penilai")


def test_the_pegawai_reports_completion_with_the_certificate(qtbot, controller, people: People,
                                                             tmp_path: Path) -> None:
    window = sign_in(qtbot, controller, people.staff.username, people.staff.username)
    item_id = ds.add_item(window.db, people.penilai, people.staff.employee_id, DEMO_YEAR, form="E_LEARNING",
                          topic="Naskah dinas", jp=8, start_on=date(2026, 3, 2), end_on=date(2026, 3, 6))
    page, tab = _competency_tab(qtbot, window, people.staff.employee_id)
    assert not tab.add_button.isVisibleTo(tab) and not tab.assess_button.isVisibleTo(tab)
    assert tab.done_button.isVisibleTo(tab)
    row = next(r for r in range(tab.items.rowCount()) if tab.items.row_object(r).id == item_id)
    tab.table.selectRow(row)
    cert = tmp_path / "sertifikat.pdf"
    cert.write_bytes(b"%PDF-1.4 sertifikat")
    dialog = tab.open_done_dialog()
    dialog.day.setDate(QDate(2026, 3, 6))
    dialog.certificate.setText(str(cert))
    with qtbot.waitSignal(tab.data_changed):
        dialog.save()
    done = next(i for i in tab.item_views if i.id == item_id)
    assert done.state == "SELESAI" and done.certificate_name == "sertifikat.pdf"
    assert "JP pengembangan kompetensi selesai" in tab.summary.text()
    screenshot(window, "tindak_lanjut_kompetensi_pegawai")


def test_the_next_evaluation_shows_whether_the_development_plan_was_done(qtbot, controller, demo_db,
                                                                        people: People) -> None:
    from kinerja_desktop.services import evaluation_service as es
    from kinerja_desktop.store.models import Evaluation

    db = demo_db
    with db.reader() as s:
        tw3 = s.query(Evaluation).filter_by(plan_id=people.staff_plan_id, period="TW3").one().id
    done = ds.add_item(db, people.penilai, people.staff.employee_id, DEMO_YEAR, form="COACHING",
                       topic="Coaching komunikasi", jp=8, start_on=date(2026, 10, 1), end_on=date(2026, 10, 9),
                       evaluation_id=tw3, source="OTOMATIS")
    ds.add_item(db, people.penilai, people.staff.employee_id, DEMO_YEAR, form="MENTORING", topic="Mentoring laporan",
                jp=8, start_on=date(2026, 10, 1), end_on=date(2026, 10, 20), evaluation_id=tw3, source="OTOMATIS")
    ds.report_done(db, people.staff, done, date(2026, 10, 9))
    es.set_ratings(db, people.penilai, people.staff_plan_id, "TW4", hasil="SESUAI")
    window = sign_in(qtbot, controller, people.penilai.username, people.penilai.username)
    page = window.open_employee(people.staff.employee_id)
    page.set_period("TW4")
    page.show_tab(2)  # Evaluasi
    evaluation = page.evaluation_page
    qtbot.waitUntil(lambda: evaluation is not None and evaluation.development.text() != "", timeout=15_000)
    text = evaluation.development.text()
    assert "Tindak lanjut evaluasi sebelumnya: 1 dari 2" in text and "1 terlambat" in text
    assert "Coaching komunikasi (selesai)" in text and "Mentoring laporan (terlambat)" in text
    assert evaluation.tabs.isTabVisible(evaluation.tabs.indexOf(evaluation.development))
    evaluation.tabs.setCurrentWidget(evaluation.development)
    screenshot(window, "tindak_lanjut_evaluasi_berikutnya")


def test_the_gap_chart_shows_large_gaps_of_an_assessed_official(qtbot, controller, demo_db, people: People) -> None:
    from kinerja_desktop.services import competency_service as cs
    from kinerja_desktop.store.models import Employee

    with demo_db.reader() as s:
        ids = [e.id for e in s.query(Employee).filter(Employee.asn_kind == "PNS")]
    worst = max(ids, key=lambda i: (len(cs.profile(demo_db, people.admin, i).large_gaps()), i))
    window = sign_in(qtbot, controller, "admin", "admin")
    page, tab = _competency_tab(qtbot, window, worst)
    assert tab.profile.large_gaps() and tab.chart.minimumHeight() >= 30 + 22 * len(tab.profile.gaps)
    assert not tab.assess_button.isVisibleTo(tab)  # the admin imports assessment results; the penilai judges
    assert "Sumber penilaian" in tab.sources.text()
    screenshot(window, "tindak_lanjut_kompetensi_kesenjangan")


def test_admin_imports_standards_with_row_errors_listed(qtbot, controller, tmp_path: Path) -> None:
    from openpyxl import Workbook

    window = sign_in(qtbot, controller, "admin", "admin")
    _installed(qtbot, window)
    assert window.tindak_lanjut.import_action.isVisible()
    dialog = window.tindak_lanjut.open_import()
    wb = Workbook()
    for row in (["Jabatan", "Jenis", "Kode", "Nama", "Level"], ["Pengolah Data", "TEKNIS", "T3", "Basis Data", 9],
                ["Pengolah Data", "MANAJERIAL", "M3", "", 2]):
        wb.active.append(row)
    wb.save(tmp_path / "standar.xlsx")
    dialog.path.setText(str(tmp_path / "standar.xlsx"))
    res = dialog.run(dry_run=False)
    assert not res.stored and dialog.problems.count() == 1
    assert dialog.problems.item(0).text().startswith("Baris 2, kolom level")
    dialog.skip_bad.setChecked(True)
    res = dialog.run(dry_run=False)
    assert res.stored and res.created == 1 and "1 baru" in dialog.summary.text()
    screenshot(dialog, "tindak_lanjut_impor_kompetensi", size=(640, 440))


def test_staff_do_not_get_the_import(qtbot, controller, people: People) -> None:
    window = sign_in(qtbot, controller, people.staff.username, people.staff.username)
    _installed(qtbot, window)
    assert not window.tindak_lanjut.import_action.isVisible()


def test_admin_records_organised_training_already_done(qtbot, controller, people: People) -> None:
    window = sign_in(qtbot, controller, "admin", "admin")
    page, tab = _competency_tab(qtbot, window, people.staff.employee_id)
    assert tab.record_button.isVisibleTo(tab) and not tab.add_button.isVisibleTo(tab)
    before = sum(i.jp for i in tab.item_views if i.state == "SELESAI")
    dialog = tab.open_record_dialog()
    dialog.topic.setText("Pelatihan Pelayanan Prima angkatan II")
    dialog.jp.setValue(16)
    dialog.start.setDate(QDate(2026, 6, 8))
    dialog.end.setDate(QDate(2026, 6, 10))
    dialog.organiser.setText("BKPSDM Kabupaten Contoh")
    dialog.done_box.setChecked(True)
    with qtbot.waitSignal(tab.data_changed):
        dialog.save()
    item = next(i for i in tab.item_views if i.topic == "Pelatihan Pelayanan Prima angkatan II")
    assert (item.state, item.source, item.completed_on) == ("SELESAI", "ADMIN", date(2026, 6, 10))
    assert sum(i.jp for i in tab.item_views if i.state == "SELESAI") == before + 16


def test_the_penilai_accepts_an_edited_proposal_that_links_to_the_evaluation(qtbot, controller, demo_db,
                                                                            people: People) -> None:
    from kinerja_desktop.services import evaluation_service as es

    es.set_ratings(demo_db, people.penilai, people.staff_plan_id, "TW4", hasil="DI_BAWAH", perilaku="SESUAI")
    es.set_details(demo_db, people.penilai, people.staff_plan_id, "TW4",
                   catatan="Perlu berlatih berbicara di depan umum")
    es.finalise(demo_db, people.penilai, people.staff_plan_id, "TW4")
    window = sign_in(qtbot, controller, people.penilai.username, people.penilai.username)
    page, tab = _competency_tab(qtbot, window, people.staff.employee_id)
    row = next(i for i, p in enumerate(tab.proposals) if p.evaluation_id)
    assert tab.proposal_list.isVisibleTo(tab) and "Butuh Perbaikan" in tab.proposal_list.item(row).text()
    tab.proposal_list.setCurrentRow(row)
    dialog = tab.accept_selected_proposal()
    assert dialog.form_combo.currentData() == "COACHING" and "berbicara di depan umum" in dialog.reason.toPlainText()
    dialog.form_combo.setCurrentIndex(dialog.form_combo.findData("PELATIHAN"))  # the penilai edits before accepting
    dialog.topic.setText("Pelatihan public speaking")
    dialog.start.setDate(QDate(2027, 1, 11))
    dialog.end.setDate(QDate(2027, 1, 13))
    with qtbot.waitSignal(tab.data_changed):
        dialog.save()
    item = next(i for i in tab.item_views if i.topic == "Pelatihan public speaking")
    assert (item.form, item.source, item.evaluation_label) == ("PELATIHAN", "OTOMATIS", "Evaluasi Triwulan IV 2026")
    assert not any(p.evaluation_id for p in tab.proposals)  # accepted: no longer proposed


def test_the_pengelola_signs_the_jp_recap_from_its_page(qtbot, controller, demo_db, people: People,
                                                        tmp_path: Path) -> None:
    """An employee who is admin (the pengelola kepegawaian) presses Tanda Tangani Rekap… on the Rekap 20 JP
    page: the one sign dialog opens for the pengelola role and stores a signed recap."""
    from kinerja_desktop.documents.certs import default_pki
    from kinerja_desktop.documents.signed_documents import list_documents
    from kinerja_desktop.services.auth_service import set_account_flags
    from kinerja_desktop.store.models import Employee
    from kinerja_desktop.ui.signing.sign_dialog import SignDialog
    from tests.helpers.signing_pki import CA_PASS, P12_PASS, pki, trust_test_ca

    trust_test_ca()
    nip = people.other_penilai.username
    set_account_flags(demo_db, people.admin, nip, is_admin=True)
    with demo_db.reader() as s:
        name = s.get(Employee, people.other_penilai.employee_id).name
    p12 = tmp_path / "pengelola.p12"
    p12.write_bytes(pki().ca.issue(CA_PASS, name=name, nip=nip, p12_passphrase=P12_PASS, key_type="ec-p256"))
    default_pki().identities.import_p12(p12, P12_PASS)
    window = sign_in(qtbot, controller, nip, nip)
    _installed(qtbot, window)
    window.tindak_lanjut.recap_action.trigger()
    page = window.page(("rekap-jp",))
    qtbot.waitUntil(lambda: page.recap is not None, timeout=15_000)
    assert page.sign_button.isVisible()
    page.sign_button.click()
    (dialog,) = window.findChildren(SignDialog)
    assert dialog.role == "pengelola" and nip in dialog.certificate.currentText()
    screenshot(dialog, "tindak_lanjut_sign_rekap_jp", size=(600, 420))
    dialog.passphrase.setText(P12_PASS)
    with qtbot.waitSignal(dialog.signed, timeout=30_000) as signed:
        dialog.sign_button.click()
    assert signed.args[0].kind == "rekap-jp" and signed.args[0].status == "SIGNED"
    assert "Pengelola" in dialog.status.text() or name in dialog.status.text()
    user = window.user
    assert [d.kind for d in list_documents(demo_db, user, user.employee_id)] == ["rekap-jp"]
    dialog.close()
