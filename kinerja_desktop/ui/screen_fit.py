"""Windows that fit the screen they open on: an office PC's 1366x768 (less its taskbar) is the
smallest screen the app is made for, and no window may start taller or wider than what is there."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room for a window's title bar and borders, which Qt's geometry leaves out.
FRAME_ALLOWANCE = QSize(16, 40)
#: The first-run size of the main window (and the screen the forms are designed for).
DESIGN_SIZE = QSize(1366, 768)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable part (without the taskbar) of the screen ``widget`` is on, or of the primary screen."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fitted_size(preferred: QSize, available: QSize) -> QSize:
    """``preferred`` shrunk (never grown) so the window with its frame fits ``available``."""
    return QSize(min(preferred.width(), available.width() - FRAME_ALLOWANCE.width()),
                 min(preferred.height(), available.height() - FRAME_ALLOWANCE.height()))


def resize_to_fit(widget: QWidget, width: int, height: int) -> QSize:
    """Resize a top-level ``widget`` to ``width`` x ``height``, or less where its screen is smaller."""
    size = fitted_size(QSize(width, height), available_geometry(widget).size())
    size = size.expandedTo(widget.minimumSize())
    widget.resize(size)
    return size


def first_run_maximised(available: QSize) -> bool:
    """Whether a first-run main window of 1366x768 plus its frame would not fit ``available``."""
    return (available.width() < DESIGN_SIZE.width() + FRAME_ALLOWANCE.width()
            or available.height() < DESIGN_SIZE.height() + FRAME_ALLOWANCE.height())
