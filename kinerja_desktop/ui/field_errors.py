"""Messages at the field in the shell's forms (sign-in, wizard, settings).

A service's ``ValidationError`` names its field (``exc.field``: "Nama pengguna", "Logo", ...).
:class:`FieldErrors` maps those names to widgets and shows the message in a red line right
under the field, marks the field, and focuses it. Nothing typed is cleared.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from kinerja_desktop.ui.sign_in_window import set_invalid


class FieldErrors:
    """Error lines under the fields of a QFormLayout."""

    def __init__(self, form: QFormLayout) -> None:
        self._form = form
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._rows: dict[int, int] = {}  # id(error label) -> its row in the form

    def add_row(self, label: str, widget: QWidget, *names: str) -> QLabel:
        """Add ``widget`` with its error line; ``names`` are the service field names it answers to."""
        self._form.addRow(label, widget)
        error = QLabel(widget.parentWidget())
        error.setObjectName("errorLabel")
        error.setWordWrap(True)
        self._form.addRow("", error)
        self._rows[id(error)] = self._form.rowCount() - 1
        self._form.setRowVisible(self._rows[id(error)], False)  # no gap while there is nothing to say
        for name in names or (label.replace("&", ""),):
            self._fields[name.casefold()] = (widget, error)
        return error

    def show(self, message: str, field: str | None) -> bool:
        """Show ``message`` at ``field``; False when no such field exists (caller shows it elsewhere)."""
        entry = self._fields.get((field or "").casefold())
        if entry is None:
            return False
        widget, label = entry
        label.setText(message)
        self._form.setRowVisible(self._rows[id(label)], True)
        set_invalid(widget, True)
        widget.setFocus()
        return True

    def clear(self) -> None:
        for widget, label in self._fields.values():
            self._form.setRowVisible(self._rows[id(label)], False)
            set_invalid(widget, False)

    def message(self, field: str) -> str:
        entry = self._fields.get(field.casefold())
        return entry[1].text() if entry and not entry[1].isHidden() else ""
