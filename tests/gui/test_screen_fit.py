"""Every page fits an office PC's 1366x768 screen: no page-level horizontal scrollbar, every
workflow button visible without scrolling (issue 14, item 2). A screenshot of each is saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from kinerja_desktop.ui.employee_page import TAB_EVALUASI, TAB_REALISASI, TAB_SKP
from kinerja_desktop.ui.models.unit_tree_model import IdRole
from kinerja_desktop.ui.page_tabs import PageFrame
from kinerja_desktop.ui.screen_fit import first_run_maximised, fitted_size
from tests.gui.shell_helpers import (  # noqa: F401 - themed_app is a fixture
    IGNORE_SIZE_HINTS,
    SCREEN_SIZE,
    SCREENS,
    screenshot,
    sign_in,
    themed_app,
)

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("themed_app")]
#: A 1366x768 screen less a 40-pixel taskbar: the smallest office PC the app is made for.
OFFICE_SCREEN = QSize(1366, 728)


def frame_of(page: QWidget) -> PageFrame:
    frame = page.parentWidget()
    while frame is not None and not isinstance(frame, PageFrame):
        frame = frame.parentWidget()
    assert frame is not None
    return frame


def visible_rect(widget: QWidget, within: QWidget) -> QRect:
    """The part of ``widget`` that ``within`` shows (clipped by every scroll area on the way)."""
    rect = QRect(widget.mapTo(within, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not within:
        if isinstance(parent, QScrollArea):
            vp = parent.viewport()
            rect = rect.intersected(QRect(vp.mapTo(within, QPoint(0, 0)), vp.size()))
        parent = parent.parentWidget()
    return rect.intersected(within.rect())


def assert_fits(window, page: QWidget, name: str, buttons: list[QAbstractButton]) -> None:
    QApplication.processEvents()
    frame = frame_of(page)
    hbar = frame.horizontalScrollBar()
    screenshot(window, name)
    assert hbar.maximum() == 0, f"{name}: page {page.minimumSizeHint().width()} px wide in {frame.viewport().width()}"
    # The page's own tables scroll; the page itself does not (no scroll area inside a scrolling page).
    assert frame.verticalScrollBar().maximum() == 0, f"{name}: the page scrolls vertically"
    for b in buttons:
        if b.isHidden():
            continue
        shown = visible_rect(b, window)
        assert shown.size() == b.size(), f"{name}: {b.text()!r} is cut or off screen ({shown} of {b.size()})"


def test_staff_pages_fit(qtbot, controller, people) -> None:
    """A pegawai with a draft SKP: SKP, Realisasi and Evaluasi at 1366x768 with the navigation open."""
    drafter = people.drafter
    window = sign_in(qtbot, controller, drafter.username, drafter.username)
    window.resize(*SCREEN_SIZE)
    assert window.navigation.isVisible()
    page = window.open_employee(drafter.employee_id)
    qtbot.waitUntil(lambda: page.plan_editor is not None)
    wf = page.plan_editor.workflow
    assert_fits(window, page, "fit_staff_skp", [wf.submit, wf.approve, wf.return_, wf.revise])
    page.show_tab(TAB_REALISASI)
    qtbot.waitUntil(lambda: page.realisation_page is not None or page.tabs.currentIndex() == TAB_REALISASI)
    assert_fits(window, page, "fit_staff_realisasi", [])


def test_realisation_and_evaluation_fit(qtbot, controller, people) -> None:
    """Realisasi of an approved SKP (the pegawai) and Evaluasi with Finalkan (the penilai) fit the screen."""
    staff = people.staff
    window = sign_in(qtbot, controller, staff.username, staff.username)
    window.resize(*SCREEN_SIZE)
    page = window.open_employee(staff.employee_id)
    page.show_tab(TAB_REALISASI)
    qtbot.waitUntil(lambda: page.realisation_page is not None)
    rp = page.realisation_page
    assert_fits(window, page, "fit_staff_realisasi_disetujui", rp.findChildren(QAbstractButton))


def test_penilai_evaluation_fits(qtbot, controller, people) -> None:
    penilai = people.penilai
    window = sign_in(qtbot, controller, penilai.username, penilai.username)
    window.resize(*SCREEN_SIZE)
    window.period_combo.setCurrentIndex(window.period_combo.findData("TW4"))  # a period still open
    page = window.open_employee(people.staff.employee_id)
    page.show_tab(TAB_EVALUASI)
    qtbot.waitUntil(lambda: page.evaluation_page is not None)
    ep = page.evaluation_page
    assert not ep.rating.finalise.isHidden()
    assert_fits(window, page, "fit_penilai_evaluasi", [ep.rating.finalise, ep.rating.reopen, ep.rating.mark_read])
    page.show_tab(TAB_SKP)
    wf = page.plan_editor.workflow
    assert_fits(window, page, "fit_penilai_skp", [wf.submit, wf.approve, wf.return_, wf.revise])


def test_admin_list_unit_and_instansi_fit(qtbot, controller, people) -> None:
    """The list, a unit's view and the instansi overview fit; unit names in the tree are not cut to the same text."""
    window = sign_in(qtbot, controller, "admin", "admin")
    window.resize(*SCREEN_SIZE)
    QApplication.processEvents()
    table = window.list_page.table
    assert table.horizontalScrollBar().maximum() == 0, "the employee list needs a horizontal scrollbar"
    screenshot(window, "fit_admin_daftar")
    tree = window.navigation.unit_tree
    tree.expandAll()
    QApplication.processEvents()
    shown: dict[str, str] = {}  # text as drawn -> unit id
    metrics = tree.fontMetrics()
    index = tree.model().index(0, 0)
    while index.isValid():
        rect = tree.visualRect(index)
        width = tree.viewport().width() - rect.left() - 8
        text = metrics.elidedText(index.data(), tree.textElideMode(), width)
        unit = index.data(IdRole)
        assert shown.setdefault(text, unit) == unit, f"two units both read {text!r} in the tree"
        index = tree.indexBelow(index)
    assert len(shown) > 5
    unit_id = next(iter(shown.values()))
    page = window.open_unit(unit_id)
    assert_fits(window, page, "fit_admin_unit", [])
    page = window.open_instansi()
    assert_fits(window, page, "fit_admin_instansi", [])


def dialog_fits(qtbot, dialog: QWidget, name: str) -> None:
    """A dialog's smallest and its opening size fit an office screen (1366x768 less a 40-pixel taskbar)."""
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    limit = fitted_size(QSize(10_000, 10_000), OFFICE_SCREEN)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= limit.width() and hint.height() <= limit.height(), f"{name}: needs {hint}"
    assert dialog.width() <= limit.width() and dialog.height() <= limit.height(), f"{name}: opens at {dialog.size()}"
    screenshot_of(dialog, name)
    dialog.close()


def screenshot_of(widget: QWidget, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(SCREENS / f"{name}.png"))


def test_dialogs_fit_an_office_screen(qtbot, demo_db, people, tmp_path) -> None:
    """Settings, password, roster import, restore, certificates, verify and print options open within the screen."""
    from kinerja_desktop.documents.certs import default_pki
    from kinerja_desktop.ui.backup_actions import RestoreDialog
    from kinerja_desktop.ui.password_dialog import PasswordDialog
    from kinerja_desktop.ui.roster_import_panel import RosterImportDialog
    from kinerja_desktop.ui.settings_dialog import SettingsDialog
    from kinerja_desktop.ui.signing.certificates_dialog import CertificatesDialog
    from kinerja_desktop.ui.signing.verify_dialog import VerifyDialog
    from kinerja_desktop.ui.workers import TaskManager

    admin = people.admin
    dialog_fits(qtbot, SettingsDialog(demo_db, admin, TaskManager()), "fit_dialog_pengaturan")
    dialog_fits(qtbot, PasswordDialog(demo_db, admin), "fit_dialog_kata_sandi")
    dialog_fits(qtbot, RosterImportDialog(demo_db, admin), "fit_dialog_impor")
    dialog_fits(qtbot, RestoreDialog([]), "fit_dialog_pulihkan")
    dialog_fits(qtbot, CertificatesDialog(default_pki(), is_admin=True, instansi="Kota Contoh"),
                "fit_dialog_sertifikat")
    dialog_fits(qtbot, VerifyDialog(lambda: []), "fit_dialog_periksa")


def test_first_run_window_is_maximised_on_an_office_screen() -> None:
    """1366x768 plus a title bar does not fit a 1366x768 screen: the first window opens maximised there."""
    assert first_run_maximised(OFFICE_SCREEN)
    assert first_run_maximised(QSize(1366, 768))
    assert not first_run_maximised(QSize(1920, 1040))
    assert fitted_size(QSize(900, 1000), OFFICE_SCREEN) == QSize(900, 688)  # the print preview on that screen


def test_units_sharing_a_name_show_their_code() -> None:
    """Three "Seksi Pelayanan" in three kecamatan read apart in the tree; a unique name stays as it is."""
    from types import SimpleNamespace

    from kinerja_desktop.ui.models.unit_tree_model import UnitTreeModel

    def unit(code: str, name: str, children=()):
        return SimpleNamespace(id=code, code=code, name=name, children=list(children))

    model = UnitTreeModel()
    model.set_units([unit("1", "Kecamatan A", [unit("1.1", "Seksi Pelayanan")]),
                     unit("2", "Kecamatan B", [unit("2.1", "Seksi Pelayanan")])])
    texts = {model.index(0, 0, model.index(r, 0)).data() for r in range(2)}
    assert texts == {"Seksi Pelayanan (1.1)", "Seksi Pelayanan (2.1)"}
    assert model.index(0, 0).data() == "Kecamatan A"


#: 1366x768 at 125 % scaling (Windows' default on many office laptops): the logical screen Qt lays out.
SCALED_125 = (1093, 614)


def test_pages_fit_at_125_percent_scaling(qtbot, controller, people) -> None:
    """With 125 % scaling the same screen is 1093x614 logical pixels: no page-level horizontal
    scrollbar with the navigation open, and Ajukan and Finalkan still on screen."""
    drafter = people.drafter
    window = sign_in(qtbot, controller, drafter.username, drafter.username)
    window.resize(*SCALED_125)
    page = window.open_employee(drafter.employee_id)
    qtbot.waitUntil(lambda: page.plan_editor is not None)
    wf = page.plan_editor.workflow
    window.resize(*SCALED_125)
    QApplication.processEvents()
    frame = frame_of(page)
    screenshot(window, "fit_125_staff_skp", size=SCALED_125)
    assert frame.horizontalScrollBar().maximum() == 0, f"{page.minimumSizeHint().width()} in {frame.viewport().width()}"
    assert frame.verticalScrollBar().maximum() == 0, f"{page.minimumSizeHint().height()} in {frame.viewport().height()}"
    shown = visible_rect(wf.submit, window)
    assert shown.size() == wf.submit.size()
    assert page.plan_editor.tree.viewport().height() > 150  # the grid keeps room to work in


def test_finalkan_is_on_screen_at_125_percent(qtbot, controller, people) -> None:
    penilai = people.penilai
    window = sign_in(qtbot, controller, penilai.username, penilai.username)
    window.resize(*SCALED_125)
    window.period_combo.setCurrentIndex(window.period_combo.findData("TW4"))
    page = window.open_employee(people.staff.employee_id)
    page.show_tab(TAB_EVALUASI)
    qtbot.waitUntil(lambda: page.evaluation_page is not None)
    window.resize(*SCALED_125)
    QApplication.processEvents()
    screenshot(window, "fit_125_penilai_evaluasi", size=SCALED_125)
    frame = frame_of(page)
    assert frame.horizontalScrollBar().maximum() == 0 and frame.verticalScrollBar().maximum() == 0
    finalise = page.evaluation_page.rating.finalise
    assert not finalise.isHidden() and visible_rect(finalise, window).size() == finalise.size()
    page.show_tab(TAB_REALISASI)
    qtbot.waitUntil(lambda: page.realisation_page is not None)
    QApplication.processEvents()
    screenshot(window, "fit_125_penilai_realisasi", size=SCALED_125)
    assert frame.horizontalScrollBar().maximum() == 0
