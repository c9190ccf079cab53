"""A tab whose widgets are built the first time it is shown (issue 14, section 6: opening a page builds
only what is on screen)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.ui.workers import error_message


class LazyTab(QWidget):
    """A tab whose content is built by ``build(parent)`` the first time it is shown (``ensure_built``).
    A :class:`KinerjaError` while building is said in the tab instead."""

    def __init__(self, build: Callable[[QWidget], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build: Callable[[QWidget], QWidget] | None = build
        self.content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget | None:
        build, self._build = self._build, None
        if build is not None:
            try:
                self.content = build(self)
            except KinerjaError as exc:
                notice = QLabel(error_message(exc), self)
                notice.setWordWrap(True)
                notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.layout().addWidget(notice)
            else:
                self.layout().addWidget(self.content)
        return self.content
