"""Item data roles shared by the form models (see STYLE.md: object role = UserRole + 1)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

#: The row object (a service DTO) behind an index.
ObjectRole = Qt.ItemDataRole.UserRole + 1
#: The raw value behind a displayed cell (an id, an enum code, a date).
RawValueRole = Qt.ItemDataRole.UserRole + 2
#: What kind of row an index is ("group", "rhk", "indicator", ...).
KindRole = Qt.ItemDataRole.UserRole + 3
#: Value used for sorting in proxies.
SortRole = Qt.ItemDataRole.UserRole + 4

#: Alignment of wrapping text cells (answer to TextAlignmentRole).
TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
TOP_CENTRE = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop


#: Background of read-only views and fields (visibly read-only).
READ_ONLY_BASE = "#f1f3f4"
_INVALID_STYLE = "QPlainTextEdit { border: 2px solid #d93025; border-radius: 3px; }"


def set_read_only_look(widget: QWidget, read_only: bool) -> None:
    """Grey the background of a view or field that cannot be edited; property ``formReadOnly`` says it.

    Done with the palette, not a style sheet: style sheets on many widgets (or on a page) made
    opening an SKP twice as slow.
    """
    if bool(widget.property("formReadOnly")) is read_only:
        return  # (a widget starts editable)
    widget.setProperty("formReadOnly", read_only)
    palette = QApplication.palette(widget)
    if read_only:
        palette.setColor(QPalette.ColorRole.Base, QColor(READ_ONLY_BASE))
        palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#e8eaed"))
    widget.setPalette(palette)


def set_invalid_look(widget: QWidget, invalid: bool) -> None:
    """A red border while the last save of a text field was refused."""
    if bool(widget.property("invalid")) is invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.setStyleSheet(_INVALID_STYLE if invalid else "")
