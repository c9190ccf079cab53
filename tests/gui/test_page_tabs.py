"""PageTabs: opening a page that is already open brings it forward and never deletes it."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel

from kinerja_desktop.ui.page_tabs import PageTabs


def test_the_same_page_added_again_is_kept_and_a_duplicate_is_dropped(qtbot) -> None:
    tabs = PageTabs(QLabel("daftar"), "Daftar Pegawai")
    qtbot.addWidget(tabs)
    page = QLabel("progres")
    tabs.add_page(("progres-harian",), page, "Progres Harian")
    tabs.setCurrentIndex(0)
    assert tabs.add_page(("progres-harian",), page, "Progres Harian") is page  # e.g. the menu chosen twice
    duplicate = QLabel("lagi")
    assert tabs.add_page(("progres-harian",), duplicate, "Progres Harian") is page
    with qtbot.waitSignal(duplicate.destroyed, timeout=2_000):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert tabs.current_page() is page and page.text() == "progres" and tabs.count() == 2
