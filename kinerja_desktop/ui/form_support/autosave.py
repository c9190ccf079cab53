"""Text fields that save themselves: a short pause in typing, or leaving the field, commits."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from kinerja_desktop.ui.form_support.roles import set_invalid_look, set_read_only_look


class AutosaveTextEdit(QPlainTextEdit):
    """A multi-line field that emits ``committed(text)`` shortly after the user stops typing.

    Signals:
        committed(str): the text to save (only when it differs from the stored value).
    """

    committed = Signal(str)
    #: Pause after the last keystroke before saving (ms). Short, so a killed app loses almost nothing.
    DEBOUNCE_MS = 700

    def __init__(
        self, parent: QWidget | None = None, *, placeholder: str = "", lines: int = 3, grow: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self._stored = ""
        self._lines = lines
        self._grow = grow
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._on_text_changed)
        self._silent = False
        self._apply_height()

    def _apply_height(self) -> None:
        metrics = self.fontMetrics()
        self.setMinimumHeight(metrics.lineSpacing() * self._lines + 14)
        if not self._grow:  # a fixed-height field; scrolling inside for longer texts
            self.setMaximumHeight(metrics.lineSpacing() * (self._lines + 1) + 14)

    # ------------------------------------------------------------------ state

    def stored_text(self) -> str:
        return self._stored

    def is_dirty(self) -> bool:
        return self.toPlainText().strip() != self._stored

    def set_stored_text(self, text: str) -> None:
        """The value now in the database; the field shows it unless the user is mid-edit of it."""
        text = text or ""
        self._stored = text
        if self._timer.isActive():
            return  # the user is typing; their text wins and will be saved
        if self.toPlainText().strip() != text:
            self._silent = True
            try:
                self.setPlainText(text)
            finally:
                self._silent = False

    def set_editable(self, editable: bool) -> None:
        """Editable, or visibly read-only (grey background)."""
        self.setReadOnly(not editable)
        set_read_only_look(self, not editable)

    def mark_invalid(self, invalid: bool) -> None:
        """A red border while the last save of this field was refused."""
        set_invalid_look(self, invalid and not self.isReadOnly())

    # ------------------------------------------------------------------ saving

    @Slot()
    def _on_text_changed(self) -> None:
        if self._silent or self.isReadOnly():
            return
        self._timer.start(self.DEBOUNCE_MS)

    @Slot()
    def flush(self) -> None:
        """Commit now if there is anything unsaved."""
        self._timer.stop()
        if not self.isReadOnly() and self.is_dirty():
            self.committed.emit(self.toPlainText())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)
