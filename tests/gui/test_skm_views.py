"""Survei Kepuasan Masyarakat in the app: the IKM beside capaian kinerja organisasi and in the unit view,
the survey page (open a survey, import with row-level errors, results), and the admin's menu entries."""

from __future__ import annotations

from fractions import Fraction

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog

from kinerja_desktop.domain import skm
from kinerja_desktop.services import skm_service as svc
from kinerja_desktop.services.query_service import unit_tree
from kinerja_desktop.services.skm_link import ikm_near
from kinerja_desktop.ui.employee_page import TAB_EVALUASI, EmployeePage
from kinerja_desktop.ui.skm.kiosk_window import KioskWindow
from kinerja_desktop.ui.skm.survey_page import SurveyPage
from kinerja_desktop.ui.unit_view import UnitView
from tests.gui.form_helpers import QT_LOG_IGNORE, screenshot, show
from tests.gui.shell_helpers import sign_in
from tests.gui.shell_helpers import themed_app  # noqa: F401 - fixture

pytestmark = [QT_LOG_IGNORE, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]
YEAR = 2026


def dinas(db):
    return unit_tree(db)[0].children[0]  # D001


def test_the_penilai_sees_the_units_ikm_beside_capaian_kinerja_organisasi(qtbot, demo_db, people):
    page = EmployeePage(demo_db, people.penilai, people.staff.employee_id, YEAR, "TW3")
    show(qtbot, page)
    page.show_tab(TAB_EVALUASI)
    label = page.evaluation_page.rating.ikm
    expected = ikm_near(demo_db, dinas(demo_db).id, YEAR, "TW3")
    assert expected is not None and expected.period == "S1"  # the survey that ended within TW3
    assert label.isVisible()
    text = label.text()
    assert f"{expected.ikm:.2f}".replace(".", ",") in text and "unsur terlemah" in text
    assert expected.weakest.split(" (")[0] in text
    page.resize(1366, 768)
    screenshot(page, "skm_ikm_evaluation_page")


def test_the_unit_view_names_its_ikm_and_weakest_unsur(qtbot, demo_db, people):
    unit = dinas(demo_db)
    view = UnitView(demo_db, people.admin, unit.id, YEAR, "TW3")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        show(qtbot, view)
    expected = ikm_near(demo_db, unit.id, YEAR, "TW3")
    assert view.ikm.isVisible()
    assert "Survei Kepuasan Masyarakat" in view.ikm.text()
    assert f"{expected.ikm:.2f}".replace(".", ",") in view.ikm.text()
    view.resize(1366, 768)
    screenshot(view, "skm_ikm_unit_view")


def test_a_unit_without_any_survey_shows_no_ikm(qtbot, demo_db, people):
    root = unit_tree(demo_db)[0]  # the pemerintah kabupaten itself runs no survey
    view = UnitView(demo_db, people.admin, root.id, YEAR, "TW3")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        show(qtbot, view)
    assert not view.ikm.isVisible()


def _page(qtbot, db, admin) -> SurveyPage:
    page = SurveyPage(db, admin, YEAR)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    show(qtbot, page)
    return page


def test_admin_opens_a_survey_imports_responses_and_reads_the_ikm(qtbot, demo_db, people, tmp_path):
    page = _page(qtbot, demo_db, people.admin)
    assert page.model.rowCount() == len(svc.list_surveys(demo_db, people.admin, YEAR))
    # a new survey through the form: the required sample follows the population
    dialog = page.new_survey()
    dialog.unit.setCurrentIndex(dialog.unit.findData("D001.1"))
    dialog.period.setCurrentIndex(dialog.period.findData("TAHUNAN"))
    dialog.services.setPlainText("Legalisir Ijazah\nSurat Keterangan Pindah Sekolah")
    dialog.population.setValue(500)
    assert "217" in dialog.sample.text()
    dialog.resize(560, dialog.height())
    screenshot(dialog, "skm_survey_form")
    dialog.save()
    qtbot.waitUntil(lambda: page.current() is not None and page.current().survey.unit_code == "D001.1",
                    timeout=10_000)
    sv = page.current().survey
    assert sv.services == ("Legalisir Ijazah", "Surat Keterangan Pindah Sekolah") and sv.required_sample == 217
    # a file with two bad rows: nothing is stored, every bad row named with its column
    answers = [[4, 3, 3, 4, 3, 4, 4, 3, 2], [3, 3, 2, 4, 3, 3, 4, 3, 3], [4, 4, 3, 4, 4, 4, 4, 4, 3],
               [2, 3, 2, 4, 3, 3, 3, 2, 2]] * 50
    rows = [";".join(map(str, a)) for a in answers]
    rows[1] = "3;3;2;5;3;3;4;3;3"  # U4 out of range, file row 3
    rows[7] = "4;4;x;4;4;4;4;4;3"  # U3 not a number, file row 9
    bad = tmp_path / "tanggapan.csv"
    bad.write_text(";".join(skm.UNSUR_CODES) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    task = page.import_file(str(bad))
    qtbot.waitUntil(lambda: not task.running and page.import_summary.text().startswith("Tidak ada"), timeout=10_000)
    problems = page.problems.toPlainText()
    assert "Baris 3" in problems and "U4" in problems and "Baris 9" in problems and "U3" in problems
    assert svc.results_of(demo_db, sv.id).result.respondents == 0
    page.resize(1366, 768)
    screenshot(page, "skm_survey_page_import_errors")
    # the corrected file: 200 responses, and the IKM is the regulation's formula computed by hand
    rows[1], rows[7] = (";".join(map(str, answers[i])) for i in (1, 7))
    good = tmp_path / "tanggapan_benar.csv"
    good.write_text(";".join(skm.UNSUR_CODES) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    task = page.import_file(str(good))
    qtbot.waitUntil(lambda: not task.running and "200 tanggapan diimpor" in page.import_summary.text(),
                    timeout=10_000)
    qtbot.waitUntil(lambda: page.current() is not None and page.current().respondents == 200, timeout=10_000)
    by_hand = sum(Fraction(sum(a[i] for a in answers), 200) for i in range(9)) / 9 * 25
    assert page.current().ikm == skm.round2(by_hand)
    assert f"{skm.round2(by_hand):.2f}".replace(".", ",") in page.detail.text()
    assert "Unsur terlemah" in page.detail.text()
    screenshot(page, "skm_survey_page")


def test_admin_menu_opens_the_survey_page_and_the_kiosk(qtbot, controller, themed_app):  # noqa: F811
    window = sign_in(qtbot, controller, "admin", "admin")
    qtbot.waitUntil(lambda: window.findChild(type(window.act_instansi), "actionSurveys") is not None,
                    timeout=15_000)
    window.findChild(type(window.act_instansi), "actionSurveys").trigger()
    assert isinstance(window.current_page(), SurveyPage)
    window.findChild(type(window.act_instansi), "actionKiosk").trigger()
    chooser = window.findChild(QInputDialog, "kioskChooser")  # several surveys are collecting
    assert chooser is not None and chooser.comboBoxItems()
    chooser.setTextValue(chooser.comboBoxItems()[0])
    chooser.accept()
    qtbot.waitUntil(lambda: isinstance(getattr(window, "kiosk", None), KioskWindow), timeout=5_000)
    kiosk = window.kiosk
    assert kiosk.isFullScreen() and kiosk._survey.status == "OPEN"
    kiosk.close()  # refused without the admin's password
    QApplication.processEvents()
    assert kiosk.isVisible()
    assert kiosk._verify("admin") and not kiosk._verify("salah")  # the admin's own password leaves the kiosk
    kiosk._unlocked = True  # what _ask_exit does after the password dialog
    kiosk.exit_requested.emit()
    qtbot.waitUntil(lambda: not kiosk.isVisible(), timeout=5_000)


def test_staff_have_no_survey_menu(qtbot, controller, people, themed_app):  # noqa: F811
    window = sign_in(qtbot, controller, people.staff.username, people.staff.username)
    qtbot.waitUntil(lambda: bool(window.integrations), timeout=15_000)
    assert window.findChild(type(window.act_instansi), "actionSurveys") is None


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)])
def test_kiosk_screens_fit_a_front_office_screen(qtbot, demo_db, people, size):
    """Every kind of kiosk screen at the two screen sizes a front office has: nothing cut off, big targets."""
    sid = svc.open_survey(demo_db, people.admin, "D001.1", YEAR, services=["Legalisir Ijazah", "Mutasi Siswa"])
    kiosk = KioskWindow(demo_db, people.admin, svc.results_of(demo_db, sid).survey, lambda p: p == "admin")
    qtbot.addWidget(kiosk)
    kiosk.resize(*size)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    tag = f"{size[0]}x{size[1]}"
    screenshot(kiosk, f"skm_kiosk_{tag}_1_sambutan")
    kiosk.start()
    screenshot(kiosk, f"skm_kiosk_{tag}_2_layanan")
    for value in ("Legalisir Ijazah", "35-44", "P", "SMA"):
        kiosk.choose(value)
    screenshot(kiosk, f"skm_kiosk_{tag}_3_pekerjaan")  # the longest list of choices (7)
    kiosk.choose("WIRAUSAHA")
    for _ in range(4):
        kiosk.choose(4)
    screenshot(kiosk, f"skm_kiosk_{tag}_4_unsur")  # U5, the longest question
    answers = [b for b in kiosk._choices.findChildren(type(kiosk._exit)) if b.isVisible()]
    assert len(answers) == 4
    for button in answers:  # every answer fully inside the window, and a big touch target
        top_left = button.mapTo(kiosk, button.rect().topLeft())
        assert kiosk.rect().contains(top_left) and kiosk.rect().contains(
            button.mapTo(kiosk, button.rect().bottomRight())), button.text()
        assert button.height() >= 48, button.height()
    for _ in range(5):
        kiosk.choose(3)
    screenshot(kiosk, f"skm_kiosk_{tag}_5_terima_kasih")
    assert svc.results_of(demo_db, sid).result.respondents == 1
