"""Panduan: F1 on every page of the main window opens that page's guide; the viewer in both languages."""

from __future__ import annotations

import importlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kinerja_desktop.documents.guide_source import TOPICS, load_topic
from kinerja_desktop.ui import i18n
from kinerja_desktop.ui.employee_page import EmployeePage
from kinerja_desktop.ui.help.panduan_viewer import PanduanViewer
from kinerja_desktop.ui.help.topics import (
    EMPLOYEE_TABS,
    EXTRA_TAB_TOPICS,
    FALLBACK,
    PAGE_TOPICS,
    TITLES,
    topic_for_page,
)
from kinerja_desktop.ui.models.employee_table_model import IdRole
from kinerja_desktop.ui.workers import wait_for_tasks
from tests.gui.shell_helpers import screenshot, sign_in, themed_app  # noqa: F401 - fixture

# The offscreen platform warns at a window's resize hints and raise(); harmless here.
pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)"),
              pytest.mark.usefixtures("themed_app")]
HELP = "kinerja_desktop.ui.help.install"


@pytest.fixture
def admin_window(qtbot, controller):
    window = sign_in(qtbot, controller, "admin", "admin")
    qtbot.waitUntil(lambda: HELP in window.integrations and len(window.integrations) >= 4, timeout=20_000)
    return window


def press_f1(qtbot, window) -> str:
    """F1 as a user presses it on the main window; returns the topic the Panduan shows."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    qtbot.keyClick(window.current_page() or window, Qt.Key.Key_F1)
    viewer = window.help_integration.viewer
    assert viewer is not None and viewer.isVisible()
    heading = load_topic(viewer.topic, "id").title
    assert heading in viewer.browser.toPlainText()  # the topic's own text is on screen
    viewer.hide()
    return viewer.topic


def test_f1_on_every_page_of_the_main_window_opens_its_panduan(qtbot, admin_window, people) -> None:
    """The list, each tab of an employee, the unit view, Ringkasan Instansi and the sync pages: each its own topic."""
    window = admin_window
    seen: dict[str, str] = {}
    seen["list"] = press_f1(qtbot, window)
    assert seen["list"] == "daftar-pegawai"

    page = window.open_employee(people.staff.employee_id)
    assert isinstance(page, EmployeePage)
    wait_for_tasks(10_000)
    for index in range(page.tabs.count()):  # SKP, Realisasi, Evaluasi, Dokumen, and the tabs added by signing
        page.show_tab(index)
        QApplication.processEvents()
        topic = press_f1(qtbot, window)
        expected = (EMPLOYEE_TABS[index] if index < len(EMPLOYEE_TABS)
                    else EXTRA_TAB_TOPICS[type(page.tabs.widget(index).content).__name__])  # signing, tindak lanjut
        assert topic == expected, page.tabs.tabText(index)
        seen[f"tab {page.tabs.tabText(index)}"] = topic

    window.open_unit(window.navigation.unit_model.index(0, 0).data(IdRole))
    wait_for_tasks(10_000)
    seen["unit"] = press_f1(qtbot, window)
    window.open_instansi()
    wait_for_tasks(10_000)
    seen["instansi"] = press_f1(qtbot, window)
    sync = getattr(window, "sync_integration", None) or next(
        (child for child in window.children() if type(child).__name__ == "SyncIntegration"), None)
    if sync is not None:
        sync.open_status()
        seen["sync status"] = press_f1(qtbot, window)
        sync.open_conflicts()
        seen["konflik"] = press_f1(qtbot, window)

    # Every page opened in a tab has a topic other than the general one, and the topic exists.
    for frame_index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(frame_index)
        topic = topic_for_page(window.current_page())
        assert topic in TOPICS and topic != FALLBACK, type(window.current_page()).__name__
    assert seen["unit"] == "unit" and seen["instansi"] == "instansi"
    assert sync is None or seen["sync status"] == seen["konflik"] == "sinkronisasi"
    window.help_integration.show_panduan("evaluasi")
    screenshot(window.help_integration.viewer, "panduan_evaluasi", (1100, 720))


def test_f1_on_the_penilai_pages_of_other_parts(qtbot, controller, people) -> None:
    """Pages other parts add (matriks peran hasil, daily work, follow-up), where present, each open their topic."""
    window = sign_in(qtbot, controller, people.penilai.username, people.penilai.username)
    qtbot.waitUntil(lambda: HELP in window.integrations, timeout=20_000)
    wait_for_tasks(10_000)
    openers = []
    for module, names in (("kinerja_desktop.ui.matriks.install", ("open_matriks",)),
                          ("kinerja_desktop.ui.harian.install", ("open_daily_log", "open_action_plan",
                                                                 "open_team_week", "open_month_recap"))):
        try:
            found = importlib.import_module(module)
        except ModuleNotFoundError:
            continue  # that part is not in this build
        openers += [getattr(found, name) for name in names if hasattr(found, name)]
    follow_up = getattr(window, "tindak_lanjut", None)
    if follow_up is not None:
        openers += [lambda _w: follow_up.open_recognition(), lambda _w: follow_up.open_recap()]
    checked = []
    for opener in openers:
        page = opener(window)
        wait_for_tasks(10_000)
        window.tabs.show_page(page)
        QApplication.processEvents()
        topic = press_f1(qtbot, window)
        assert topic == PAGE_TOPICS[type(page).__name__], type(page).__name__
        checked.append(topic)
    assert not openers or set(checked) >= {"matriks"}


def test_every_topic_has_a_title_and_both_languages() -> None:
    """Each topic is in the index, in Indonesian and in English, with a title and some text."""
    assert set(TITLES) == set(TOPICS)
    for key in TOPICS:
        for language in ("id", "en"):
            topic = load_topic(key, language)
            assert topic.language == language and topic.title and len(topic.blocks) >= 3, (key, language)


def test_viewer_links_history_and_english(qtbot) -> None:
    """A link to another topic opens it; Kembali returns; in English the chrome and the content are English."""
    viewer = PanduanViewer()
    qtbot.addWidget(viewer)
    viewer.show_topic("instansi")
    assert "Kurva distribusi" in viewer.browser.toPlainText() or "kurva" in viewer.browser.toPlainText()
    with qtbot.waitSignal(viewer.topic_shown) as shown:
        viewer.browser.anchorClicked.emit(_link("unit"))
    assert shown.args == ["unit"] and viewer.index.currentItem().text() == "Tampilan Unit dan Kurva"
    viewer.go_back()
    assert viewer.topic == "instansi"

    assert i18n.install_translator("en")
    try:
        english = PanduanViewer()
        qtbot.addWidget(english)
        english.show_topic("evaluasi")
        assert english.windowTitle() == "Kinerja Desktop Guide"
        assert english.index.item(TOPICS.index("evaluasi")).text() == "Appraisal: Ratings and Quadrant"
        assert "Above Expectations" in english.browser.toPlainText()
        screenshot(english, "panduan_english", (1100, 720))
    finally:
        i18n.install_translator("id")


def _link(key: str):
    from PySide6.QtCore import QUrl

    return QUrl(f"panduan:{key}")
