"""The main window's tabs: the employee list first, then opened pages under a key.

Pages sit in a scroll area, so a page wider than the screen scrolls instead of pushing the
window past a 1366-pixel laptop screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QTabBar, QTabWidget, QWidget


class PageFrame(QScrollArea):
    """Holds one opened page: the page fills the frame, and scrolls only below its minimum size.

    Qt's own resizable scroll area gives a page with wrapping text (a notice, a long title) its
    *preferred* height for the width, so such a page scrolled as a whole although its tables could
    have shrunk; then page and table both scroll. Here only the page's minimum counts.
    """

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(page)
        self._refit = QTimer(self)  # a child: it dies with the frame, unlike a free single shot
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit)
        page.installEventFilter(self)

    def _fit(self) -> None:
        viewport = self.viewport().size()
        least = self.page.minimumSizeHint().expandedTo(self.page.minimumSize())
        self.page.resize(max(viewport.width(), least.width()), max(viewport.height(), least.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched is self.page:
            self._refit.start()  # the page's minimum may have changed (a tab shown, a notice)
        return False


def page_in(widget: QWidget | None) -> QWidget | None:
    """The page shown by a tab's widget (the list page is not framed)."""
    return widget.page if isinstance(widget, PageFrame) else widget


class PageTabs(QTabWidget):
    """Signals:
        list_shown(): the list tab became the current tab.
    """

    list_shown = Signal()

    def __init__(self, list_page: QWidget, list_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_page = list_page
        self._pages: dict[Any, QWidget] = {}
        self.setObjectName("pageTabs")
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.addTab(list_page, list_title)
        self.tabBar().setTabButton(0, QTabBar.ButtonPosition.RightSide, None)
        self.tabCloseRequested.connect(self.close_tab)
        self.currentChanged.connect(self._changed)

    def add_page(self, key: Any, widget: QWidget, title: str, tooltip: str = "") -> QWidget:
        """Show ``widget`` in a closable tab, or bring forward the page already open under ``key``."""
        existing = self._pages.get(key)
        if existing is not None:
            if widget is not existing:  # asked again with the page already shown: keep it, of course
                widget.deleteLater()
            return self.show_page(existing)
        self._pages[key] = widget
        index = self.addTab(PageFrame(widget, self), title)
        self.setTabToolTip(index, tooltip or title)
        self.setCurrentIndex(index)
        return widget

    def page(self, key: Any) -> QWidget | None:
        return self._pages.get(key)

    def pages(self) -> list[QWidget]:
        return list(self._pages.values())

    def show_page(self, page: QWidget) -> QWidget:
        frame = page.parentWidget()
        while frame is not None and not isinstance(frame, PageFrame):
            frame = frame.parentWidget()
        self.setCurrentWidget(frame if frame is not None else page)
        return page

    def current_page(self) -> QWidget | None:
        return page_in(self.currentWidget())

    @Slot(int)
    def close_tab(self, index: int) -> None:
        frame = self.widget(index)
        page = page_in(frame)
        if page is None or page is self.list_page:
            return
        for key, value in list(self._pages.items()):
            if value is page:
                del self._pages[key]
        self.removeTab(index)
        page.close()
        frame.deleteLater()

    @Slot()
    def close_current(self) -> None:
        self.close_tab(self.currentIndex())

    def cycle(self, step: int) -> None:
        if self.count():
            self.setCurrentIndex((self.currentIndex() + step) % self.count())

    @Slot(int)
    def _changed(self, index: int) -> None:
        if page_in(self.widget(index)) is self.list_page:
            self.list_shown.emit()
