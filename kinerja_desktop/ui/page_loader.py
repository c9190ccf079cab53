"""Find the pages the main window opens (employee, unit), with a placeholder while one is missing.

``EmployeePage(db, user, employee_id, year, period, parent=None)`` lives in
``ui/employee_page.py`` and ``UnitView(db, user, unit_id, year, period, parent=None)`` in
``ui/unit_view.py`` (the forms' side). Only a missing module is tolerated; an error inside
one propagates, so it is never hidden behind the placeholder.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def page_class(module: str, name: str) -> type[Any] | None:
    """``module.name``, or None when the module does not exist (yet)."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        raise
    return getattr(mod, name, None)


def employee_page_class() -> type[Any] | None:
    return page_class("kinerja_desktop.ui.employee_page", "EmployeePage")


def unit_view_class() -> type[Any] | None:
    return page_class("kinerja_desktop.ui.unit_view", "UnitView")


class PlaceholderPage(QWidget):
    """Stands in for a page whose module is not installed in this build."""

    def __init__(self, title: str, detail: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title, self)
        heading.setObjectName("titleLabel")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(detail, self)
        text.setObjectName("mutedLabel")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addStretch(2)
