"""Fonts, palette and the few style rules shared by the shell's windows."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from kinerja_desktop.resources import resource_path

PRIMARY = "#1f4e79"
PRIMARY_DARK = "#163a5a"
MUTED = "#5f6b7a"
ERROR = "#b3261e"
BACKGROUND = "#eef2f7"

FONT_FAMILY = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")

STYLE_SHEET = f"""
QLabel#errorLabel {{ color: {ERROR}; }}
QLabel#mutedLabel {{ color: {MUTED}; }}
QLabel#titleLabel {{ color: {PRIMARY_DARK}; }}
QFrame#card {{ background: white; border: 1px solid #d5dce6; border-radius: 8px; }}
QPushButton#primaryButton {{
    background: {PRIMARY}; color: white; border: 1px solid {PRIMARY_DARK}; border-radius: 4px;
    padding: 6px 18px; font-weight: bold;
}}
QPushButton#primaryButton:hover {{ background: {PRIMARY_DARK}; }}
QPushButton#primaryButton:disabled {{ background: #9fb3c8; border-color: #9fb3c8; }}
QLineEdit[invalid="true"] {{ border: 2px solid {ERROR}; border-radius: 3px; padding: 1px; }}
QLabel#scopeTitle {{ color: {PRIMARY_DARK}; font-weight: bold; }}
QLabel#syncLabel, QLabel#databaseLabel, QLabel#userLabel {{ padding: 0 6px; }}
"""

_loaded_fonts: list[int] = []


def load_fonts() -> str:
    """Register the bundled DejaVu Sans (labels draw as boxes on a PC without fonts); returns the family."""
    if not _loaded_fonts:
        for name in FONT_FILES:
            _loaded_fonts.append(QFontDatabase.addApplicationFont(str(resource_path("fonts", name))))
    return FONT_FAMILY


def apply(app: QApplication) -> None:
    """Fusion style, the bundled font, a light palette and the shared style rules."""
    family = load_fonts()
    if app.style().name().lower() != "fusion":  # a new style re-polishes every widget: only when needed
        app.setStyle("Fusion")
    font = QFont(family)
    font.setPointSizeF(9.5)
    app.setFont(font)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(PRIMARY))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.Link, QColor(PRIMARY))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)


def fill_background(widget: QWidget, color: str = BACKGROUND) -> None:
    """Paint a window's background in a flat colour (palette-based: no Qt enums needed)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(color))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def title_font(size: float = 16, bold: bool = True) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font
