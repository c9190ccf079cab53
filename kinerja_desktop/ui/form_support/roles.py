"""Item data roles shared by the form models (see STYLE.md: object role = UserRole + 1)."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
