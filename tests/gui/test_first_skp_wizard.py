"""The guided first SKP, driven like a new staff member: offered at sign-in, step by step to Ajukan."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWizard
from sqlalchemy import select

from kinerja_desktop.services import auth_service, roster_service
from kinerja_desktop.store.models import Employee, Indicator, LampiranItem, Plan, Rhk, Supervision, Unit
from kinerja_desktop.ui import preferences
from kinerja_desktop.ui.wizards.first_skp_draft import example_indicators, result_object
from kinerja_desktop.ui.wizards.first_skp_wizard import (
    PAGE_INDICATOR,
    PAGE_LAMPIRAN,
    PAGE_PARENT,
    PAGE_REVIEW,
    PAGE_RHK,
    FirstSkpWizard,
)
from kinerja_desktop.ui.workers import wait_for_tasks
from tests.gui.shell_helpers import screenshot, sign_in, themed_app  # noqa: F401 - fixture
from tests.helpers.fixtures import DEMO_YEAR

pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"),
              pytest.mark.usefixtures("themed_app")]
NEW_NIP = "199804152023032001"  # born 1998-04-15, CPNS 2023-03, female, 001
PASSWORD = "Rahasia-Baru-2026"
RHK_1 = "Terselesaikannya verifikasi berkas permohonan layanan secara tepat waktu dan akurat"
RHK_2 = "Tersusunnya rekapitulasi data pengaduan masyarakat setiap bulan"


def _new_staff(db, admin) -> tuple[str, str, list[str]]:
    """A new pelaksana under a pengawas whose SKP is approved: (employee id, penilai id, penilai's RHK ids)."""
    with db.reader() as s:
        penilai_id, sup_plan = s.execute(
            select(Employee.id, Plan.id).join(Plan, Plan.employee_id == Employee.id)
            .where(Employee.jenis_jabatan == "PENGAWAS", Plan.year == DEMO_YEAR, Plan.status == "APPROVED",
                   Plan.is_current.is_(True))
            .order_by(Employee.nip)
        ).first()
        unit_code = s.execute(select(Unit.code).join(Employee, Employee.unit_id == Unit.id)
                              .where(Employee.id == penilai_id)).scalar()
        rhk_ids = list(s.scalars(select(Rhk.id).where(Rhk.plan_id == sup_plan, Rhk.deleted.is_(False))))
    emp_id = roster_service.save_employee(db, admin, roster_service.EmployeeInput(
        nip=NEW_NIP, name="Nadia Putri Lestari", unit_code=unit_code, jabatan="Pengolah Data",
        jenis_jabatan="PELAKSANA", golongan="II/c"))
    roster_service.set_supervisor(db, admin, emp_id, penilai_id, DEMO_YEAR)
    auth_service.create_account(db, admin, NEW_NIP, PASSWORD, employee_id=emp_id)
    return emp_id, penilai_id, rhk_ids


def _next(qtbot, wizard: QWizard, expected_page: int) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), wizard.currentPage().title()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == expected_page, wizard.currentPage().notice.label.text()


def _type(qtbot, edit, text: str) -> None:
    edit.selectAll()
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_new_staff_member_writes_and_submits_a_first_skp_with_the_guide(qtbot, controller, demo_db, people) -> None:
    """Sign-in offers the wizard; its steps write one plan through plan_service; Ajukan submits it."""
    emp_id, penilai_id, penilai_rhk = _new_staff(demo_db, people.admin)
    preferences.put("view/year", DEMO_YEAR)
    window = sign_in(qtbot, controller, NEW_NIP, PASSWORD)
    qtbot.waitUntil(lambda: getattr(window, "help_integration", None) is not None
                    and window.help_integration.wizard is not None, timeout=20_000)
    wizard: FirstSkpWizard = window.help_integration.wizard
    assert wizard.isVisible() and wizard.year == DEMO_YEAR
    screenshot(wizard, "wizard_1_pendekatan", (900, 640))
    wizard.help_requested.activated.emit()  # F1 in the wizard: its own Panduan
    assert window.help_integration.viewer.topic == "skp-pertama"
    window.help_integration.viewer.hide()

    # The lock screen hides the wizard too; the password brings it back as it was.
    window.lock()
    assert not wizard.isVisible()
    qtbot.keyClicks(window.lock_page.password_edit, PASSWORD)
    with qtbot.waitSignal(window.locked_changed, timeout=10_000):
        qtbot.keyClick(window.lock_page.password_edit, Qt.Key.Key_Return)
    assert wizard.isVisible() and wizard.currentId() == 0

    # "Nanti Saja" writes nothing; the pegawai's own empty SKP page offers the guide again.
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert window.help_integration.wizard is None
    window.open_my_skp()
    own_page = window.page(("employee", emp_id))
    again = own_page.no_plan_panel.findChild(QPushButton, "guidedPlan")
    assert again is not None
    qtbot.waitUntil(again.isVisible, timeout=2_000)
    screenshot(window, "wizard_0_belum_ada_skp")
    qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
    wizard = window.help_integration.wizard
    assert wizard is not None and wizard.isVisible() and wizard.currentId() == 0

    # Step 1: the pendekatan; leaving it creates the draft plan.
    assert wizard.page(0).kuantitatif.isChecked()
    _next(qtbot, wizard, PAGE_PARENT)
    with demo_db.reader() as s:
        plan = s.execute(select(Plan).where(Plan.employee_id == emp_id, Plan.year == DEMO_YEAR)).scalar_one()
        assert (plan.status, plan.pendekatan, plan.penilai_id) == ("DRAFT", "KUANTITATIF", penilai_id)

    # Step 2: the penilai's approved RHK to intervene in; nothing ticked yet -> cannot go on.
    parents = wizard.page(PAGE_PARENT).options
    assert parents.count() == len(penilai_rhk) >= 2
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    for row in (0, 1):  # a click on the line's text ticks it, as a first-timer would click
        rect = parents.visualItemRect(parents.item(row))
        qtbot.mouseClick(parents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [parents.item(r).checkState() for r in range(3)] == [Qt.CheckState.Checked] * 2 + [Qt.CheckState.Unchecked]
    chosen = [parents.item(r).data(Qt.ItemDataRole.UserRole) for r in (0, 1)]
    screenshot(wizard, "wizard_2_rhk_pimpinan", (900, 640))
    _next(qtbot, wizard, PAGE_RHK)

    # Step 3: an activity is flagged; then results are written.
    rhk_page = wizard.page(PAGE_RHK)
    assert len(rhk_page.edits) == 2
    _type(qtbot, rhk_page.edits[0], "Menyusun laporan bulanan")
    assert rhk_page.hints[0].isVisible() and "kegiatan" in rhk_page.hints[0].text()
    _type(qtbot, rhk_page.edits[0], RHK_1)
    assert not rhk_page.hints[0].isVisible()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # RHK 2 still empty
    _type(qtbot, rhk_page.edits[1], "Tersusunnya rekap")
    _type(qtbot, rhk_page.edits[1], RHK_2)
    screenshot(wizard, "wizard_3_rhk", (900, 640))
    _next(qtbot, wizard, PAGE_INDICATOR)

    # Step 4: example IKI per aspek adapted from the RHK; targets typed; a wrong target is refused in words.
    rows = wizard.page(PAGE_INDICATOR).rows
    assert [r.aspek for r in rows[0]] == ["KUANTITAS", "KUALITAS", "WAKTU", "BIAYA"]
    assert rows[0][0].text.text() == "Jumlah verifikasi berkas permohonan layanan yang diselesaikan"
    assert [r.check.isChecked() for r in rows[0]] == [True, True, True, False]
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # targets still empty
    _type(qtbot, rows[0][0].target, "banyak sekali")
    _type(qtbot, rows[0][1].target, "95 %")
    _type(qtbot, rows[0][2].target, "1 hari kerja")
    _type(qtbot, rows[1][0].target, "12 laporan")
    _type(qtbot, rows[1][1].target, "100 %")
    rows[1][2].check.setChecked(False)  # no time aspect for RHK 2
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    notice = wizard.page(PAGE_INDICATOR).notice
    assert wizard.currentId() == PAGE_INDICATOR and notice.isVisible()
    assert "bukan angka" in notice.label.text()
    _type(qtbot, rows[0][0].target, "1.200 berkas")
    screenshot(wizard, "wizard_4_indikator", (900, 640))
    _next(qtbot, wizard, PAGE_LAMPIRAN)

    # Back to step 3 and forward again: the rows are updated, never duplicated.
    wizard.back()
    wizard.back()
    assert wizard.currentId() == PAGE_RHK
    _type(qtbot, rhk_page.edits[1], RHK_2 + " dan triwulan")
    _next(qtbot, wizard, PAGE_INDICATOR)
    _next(qtbot, wizard, PAGE_LAMPIRAN)

    # Step 5: lampiran suggestions, one more item typed.
    lampiran = wizard.page(PAGE_LAMPIRAN).edits["DUKUNGAN_SUMBER_DAYA"]
    lampiran.moveCursor(lampiran.textCursor().MoveOperation.End)
    qtbot.keyClick(lampiran, Qt.Key.Key_Return)
    qtbot.keyClicks(lampiran, "Akses aplikasi pengaduan")
    _next(qtbot, wizard, PAGE_REVIEW)
    summary = wizard.page(PAGE_REVIEW).summary.toPlainText()
    assert RHK_1 in summary and "1200 berkas" in summary and "Akses aplikasi pengaduan" in summary
    screenshot(wizard, "wizard_6_ajukan", (900, 640))

    # Step 6: Ajukan.
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.text() == "Ajukan"
    with qtbot.waitSignal(wizard.plan_submitted, timeout=5_000):
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    wait_for_tasks(10_000)
    QApplication.processEvents()

    with demo_db.reader() as s:
        plans = list(s.scalars(select(Plan).where(Plan.employee_id == emp_id, Plan.year == DEMO_YEAR)))
        assert len(plans) == 1 and plans[0].status == "SUBMITTED" and plans[0].submitted_at is not None
        rhks = list(s.scalars(select(Rhk).where(Rhk.plan_id == plans[0].id, Rhk.deleted.is_(False))
                              .order_by(Rhk.position)))
        assert [r.text for r in rhks] == [RHK_1, RHK_2 + " dan triwulan"]
        assert [r.kind for r in rhks] == ["UTAMA", "UTAMA"]
        assert [r.parent_rhk_id for r in rhks] == chosen and set(chosen) <= set(penilai_rhk)
        assert s.scalar(select(Rhk.id).where(Rhk.plan_id == plans[0].id, Rhk.deleted.is_(True))) is None
        inds = {(i.rhk_id, i.aspek): i for i in s.scalars(select(Indicator).where(
            Indicator.rhk_id.in_([r.id for r in rhks]), Indicator.deleted.is_(False)))}
        assert set(inds) == {(rhks[0].id, "KUANTITAS"), (rhks[0].id, "KUALITAS"), (rhks[0].id, "WAKTU"),
                             (rhks[1].id, "KUANTITAS"), (rhks[1].id, "KUALITAS")}
        first = inds[(rhks[0].id, "KUANTITAS")]
        assert (first.target_value, first.target_unit) == (1200.0, "berkas")
        assert inds[(rhks[0].id, "WAKTU")].target_unit == "hari kerja"
        lamp = {(item.kind, item.text) for item in s.scalars(select(LampiranItem).where(
            LampiranItem.plan_id == plans[0].id, LampiranItem.deleted.is_(False)))}
        assert ("DUKUNGAN_SUMBER_DAYA", "Akses aplikasi pengaduan") in lamp
        assert {kind for kind, _ in lamp} == {"DUKUNGAN_SUMBER_DAYA", "SKEMA_PERTANGGUNGJAWABAN", "KONSEKUENSI"}
        assert s.scalar(select(Supervision.supervisor_id).where(Supervision.employee_id == emp_id)) == penilai_id

    # The window shows the submitted SKP; the penilai can now approve it through the same services.
    page = window.page(("employee", emp_id))
    assert page is not None and window.current_page() is page and page.plan_editor is not None
    assert window.help_integration.wizard is None
    screenshot(window, "wizard_7_skp_diajukan")


def test_saving_a_draft_and_continuing_it_later(qtbot, demo_db, people) -> None:
    """Simpan Draf keeps what was typed; the wizard opened again continues that draft without duplicates."""
    emp_id, _penilai, _rhk = _new_staff(demo_db, people.admin)
    user = auth_service.authenticate(demo_db, NEW_NIP, PASSWORD)
    wizard = FirstSkpWizard(demo_db, user, emp_id, DEMO_YEAR)
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard, PAGE_PARENT)
    wizard.page(PAGE_PARENT).options.item(0).setCheckState(Qt.CheckState.Checked)
    _next(qtbot, wizard, PAGE_RHK)
    _type(qtbot, wizard.page(PAGE_RHK).edits[0], RHK_1)
    with qtbot.waitSignal(wizard.plan_saved):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.CustomButton1), Qt.MouseButton.LeftButton)

    again = FirstSkpWizard(demo_db, user, emp_id, DEMO_YEAR)
    qtbot.addWidget(again)
    again.show()
    _next(qtbot, again, PAGE_PARENT)
    assert again.page(PAGE_PARENT).chosen()  # the RHK pimpinan chosen before is ticked
    _next(qtbot, again, PAGE_RHK)
    assert again.page(PAGE_RHK).edits[0].text() == RHK_1
    _next(qtbot, again, PAGE_INDICATOR)
    with demo_db.reader() as s:
        plan_id = s.scalar(select(Plan.id).where(Plan.employee_id == emp_id, Plan.year == DEMO_YEAR))
        assert s.scalar(select(Plan.status).where(Plan.id == plan_id)) == "DRAFT"
        assert len(list(s.scalars(select(Rhk.id).where(Rhk.plan_id == plan_id, Rhk.deleted.is_(False))))) == 1


def test_without_an_approved_skp_of_the_penilai_one_rhk_is_written_and_submitted(qtbot, demo_db, people) -> None:
    """No RHK pimpinan to choose yet: the step says why, one RHK without intervensi is written, Ajukan works."""
    emp_id, penilai_id, _rhk = _new_staff(demo_db, people.admin)
    with demo_db.session(user="test") as s:  # the penilai's SKP goes back to draft (e.g. returned for changes)
        s.execute(select(Plan).where(Plan.employee_id == penilai_id, Plan.year == DEMO_YEAR)).scalar_one().status = (
            "DRAFT")
    user = auth_service.authenticate(demo_db, NEW_NIP, PASSWORD)
    wizard = FirstSkpWizard(demo_db, user, emp_id, DEMO_YEAR)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.page(0).kualitatif.setChecked(True)
    _next(qtbot, wizard, PAGE_PARENT)
    parent_page = wizard.page(PAGE_PARENT)
    assert not parent_page.options.isVisible() and parent_page.empty.isVisible()
    assert "belum disetujui" in parent_page.empty.text()
    _next(qtbot, wizard, PAGE_RHK)
    _type(qtbot, wizard.page(PAGE_RHK).edits[0], RHK_2)
    _next(qtbot, wizard, PAGE_INDICATOR)
    rows = wizard.page(PAGE_INDICATOR).rows[0]
    assert rows[0].target.placeholderText().startswith("misalnya: seluruh")  # kualitatif: narrative targets
    for row in rows[:3]:
        _type(qtbot, row.target, "Selesai dan diterima pimpinan tanpa revisi")
    _next(qtbot, wizard, PAGE_LAMPIRAN)
    _next(qtbot, wizard, PAGE_REVIEW)
    with qtbot.waitSignal(wizard.plan_submitted):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    with demo_db.reader() as s:
        plan = s.execute(select(Plan).where(Plan.employee_id == emp_id, Plan.year == DEMO_YEAR)).scalar_one()
        assert (plan.status, plan.pendekatan) == ("SUBMITTED", "KUALITATIF")
        (rhk,) = s.scalars(select(Rhk).where(Rhk.plan_id == plan.id, Rhk.deleted.is_(False)))
        assert rhk.parent_rhk_id is None and rhk.text == RHK_2
        targets = {i.target_text for i in s.scalars(select(Indicator).where(Indicator.rhk_id == rhk.id))}
        assert targets == {"Selesai dan diterima pimpinan tanpa revisi"}


def test_example_indicators_follow_the_rhk_and_the_pendekatan() -> None:
    """The examples name what the RHK delivers; kualitatif examples carry no numeric hint."""
    assert result_object("Tersusunnya laporan keuangan bulanan secara tepat waktu.") == "laporan keuangan bulanan"
    assert result_object("Meningkatnya kualitas layanan") == "kualitas layanan"
    kuant = example_indicators("Tersusunnya laporan keuangan", "KUANTITATIF")
    assert [e.aspek for e in kuant] == ["KUANTITAS", "KUALITAS", "WAKTU", "BIAYA"]
    assert kuant[0].text == "Jumlah laporan keuangan yang diselesaikan" and kuant[3].included is False
    kual = example_indicators("Tersusunnya laporan keuangan", "KUALITATIF")
    assert kual[1].text == "Laporan keuangan diterima pimpinan tanpa revisi"
    assert not any(e.target_hint.split(': ', 1)[1][0].isdigit() for e in kual)  # narratives, not numbers


JPT_NIP = "197602102000031002"  # born 1976-02-10, CPNS 2000-03, male, 002
JPT_RHK = "Meningkatnya kepuasan masyarakat terhadap pelayanan perizinan terpadu"
JPT_RHK_2 = "Terwujudnya pengelolaan anggaran dinas yang efektif dan akuntabel"


def test_a_new_kepala_dinas_writes_a_jpt_skp_with_perspektif(qtbot, demo_db, people, tmp_path) -> None:
    """JPT form: step 2 is the perspektif (not RHK pimpinan); each RHK carries its perspektif, the indicators
    have no aspek, Ajukan works, and the printed SKP shows the PERSPEKTIF column filled."""
    from kinerja_desktop.ui.wizards.first_skp_wizard import PAGE_PERSPEKTIF

    with demo_db.reader() as s:
        sekda_id, unit_code = s.execute(select(Employee.id, Unit.code).join(Unit, Unit.id == Employee.unit_id)
                                        .where(Employee.jenis_jabatan == "JPT_MADYA")).first()
    emp_id = roster_service.save_employee(demo_db, people.admin, roster_service.EmployeeInput(
        nip=JPT_NIP, name="Dr. Hendra Wijaya, M.Si.", unit_code=unit_code, jabatan="Kepala Dinas Perizinan",
        jenis_jabatan="JPT_PRATAMA", golongan="IV/c"))
    roster_service.set_supervisor(demo_db, people.admin, emp_id, sekda_id, DEMO_YEAR)
    auth_service.create_account(demo_db, people.admin, JPT_NIP, PASSWORD, employee_id=emp_id)
    user = auth_service.authenticate(demo_db, JPT_NIP, PASSWORD)
    wizard = FirstSkpWizard(demo_db, user, emp_id, DEMO_YEAR)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.jpt
    _next(qtbot, wizard, PAGE_PERSPEKTIF)
    page = wizard.page(PAGE_PERSPEKTIF)
    assert page.title().startswith("Langkah 2 dari 6")
    assert page.chosen() == ["PENERIMA_LAYANAN", "PROSES_BISNIS", "PENGUATAN_INTERNAL", "ANGGARAN"]
    for value in ("PROSES_BISNIS", "PENGUATAN_INTERNAL"):
        page.checks[value].setChecked(False)
    screenshot(wizard, "wizard_jpt_2_perspektif", (900, 640))
    _next(qtbot, wizard, PAGE_RHK)
    rhk_page = wizard.page(PAGE_RHK)
    assert len(rhk_page.edits) == 2 and rhk_page.example_jpt.isVisible() and not rhk_page.example.isVisible()
    assert "kepuasan masyarakat" in rhk_page.edits[0].placeholderText()
    _type(qtbot, rhk_page.edits[0], JPT_RHK)
    _type(qtbot, rhk_page.edits[1], JPT_RHK_2)
    assert not rhk_page.hints[0].isVisible()  # "Meningkatnya ..." is a result, not an activity
    screenshot(wizard, "wizard_jpt_3_rhk", (900, 640))
    _next(qtbot, wizard, PAGE_INDICATOR)
    rows = wizard.page(PAGE_INDICATOR).rows
    assert [r.check.text() for r in rows[0]] == ["IKI 1", "IKI 2"]
    assert rows[0][0].text.text().startswith("Indeks kepuasan masyarakat")
    assert rows[1][0].text.text().startswith("Persentase realisasi anggaran")
    assert [r.check.isChecked() for r in rows[0]] == [True, False]
    _type(qtbot, rows[0][0].target, "85 indeks")
    rows[0][1].check.setChecked(True)
    _type(qtbot, rows[0][1].target, "100 %")
    _type(qtbot, rows[1][0].target, "95 %")
    screenshot(wizard, "wizard_jpt_4_indikator", (900, 640))
    _next(qtbot, wizard, PAGE_LAMPIRAN)
    _next(qtbot, wizard, PAGE_REVIEW)
    summary = wizard.page(PAGE_REVIEW).summary.toPlainText()
    assert "Perspektif: Penerima Layanan" in summary and "Perspektif: Anggaran" in summary
    screenshot(wizard, "wizard_jpt_6_ajukan", (900, 640))
    # Back to step 2: a perspektif added keeps the RHK written for the others.
    for _ in range(4):
        wizard.back()
    assert wizard.currentId() == PAGE_PERSPEKTIF
    page.checks["PROSES_BISNIS"].setChecked(True)
    _next(qtbot, wizard, PAGE_RHK)
    assert [e.text() for e in rhk_page.edits] == [JPT_RHK, "", JPT_RHK_2]
    _type(qtbot, rhk_page.edits[1], "Terwujudnya proses perizinan yang cepat dan sesuai standar pelayanan")
    _next(qtbot, wizard, PAGE_INDICATOR)
    _type(qtbot, wizard.page(PAGE_INDICATOR).rows[1][0].target, "90 %")
    _next(qtbot, wizard, PAGE_LAMPIRAN)
    _next(qtbot, wizard, PAGE_REVIEW)
    with qtbot.waitSignal(wizard.plan_submitted, timeout=5_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    with demo_db.reader() as s:
        plan = s.execute(select(Plan).where(Plan.employee_id == emp_id, Plan.year == DEMO_YEAR)).scalar_one()
        assert (plan.status, plan.variant) == ("SUBMITTED", "JPT")
        rhks = list(s.scalars(select(Rhk).where(Rhk.plan_id == plan.id, Rhk.deleted.is_(False))
                              .order_by(Rhk.position)))
        assert [r.perspektif for r in rhks] == ["PENERIMA_LAYANAN", "PROSES_BISNIS", "ANGGARAN"]
        inds = list(s.scalars(select(Indicator).where(Indicator.rhk_id.in_([r.id for r in rhks]),
                                                      Indicator.deleted.is_(False))))
        assert len(inds) == 4 and {i.aspek for i in inds} == {None}
    from kinerja_desktop.documents.loader import SheetLoader
    from kinerja_desktop.documents.render import render
    from tests.unit.documents.pdf_checks import flat, page_texts

    (sheet,) = SheetLoader(demo_db).load("skp", [emp_id], DEMO_YEAR)
    text = flat("\n".join(page_texts(render(sheet).pdf)))
    assert flat("PERSPEKTIF") in text and flat("Penerima Layanan") in text and flat("Proses Bisnis") in text
