"""Messages shown at the field that refused an input, and the page-level notice bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget
from shiboken6 import isValid

ERROR_STYLE = (
    "QFrame#fieldMessage { background: #fff4f2; border: 1px solid #d93025; border-radius: 4px; }"
    "QLabel { color: #8c1d18; }"
)


class FieldMessage(QFrame):
    """A small balloon under a field (or a table cell) explaining why the input was refused.

    It hides itself when the user clicks it, when the field is edited successfully
    (call :meth:`clear`), or after a generous timeout.
    """

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("fieldMessage")
        self.setStyleSheet(ERROR_STYLE)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 5, 4, 5)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Tutup pesan"))
        close.clicked.connect(self.clear)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.field: QWidget | None = None
        self._watcher = _HideWatcher(self)
        self.hide()

    def show_at(self, field: QWidget, message: str, rect: QRect | None = None) -> None:
        """Show ``message`` just below ``rect`` of ``field`` (the whole field when None)."""
        if self.field is not None and self.field is not field and isValid(self.field):
            self.field.removeEventFilter(self._watcher)
        self.field = field
        field.installEventFilter(self._watcher)  # the balloon goes when its field is hidden (tab switch)
        self.label.setText(message)
        host = self.parentWidget()
        area = rect if rect is not None else field.rect()
        anchor = field.mapTo(host, QPoint(area.left(), area.bottom() + 2))
        width = max(260, min(460, host.width() - 16))
        self.setFixedWidth(width)
        layout = self.layout()
        layout.activate()
        height = layout.heightForWidth(width) if layout.hasHeightForWidth() else self.sizeHint().height()
        self.setFixedHeight(max(height, 30))
        x = max(4, min(anchor.x(), host.width() - width - 4))
        y = anchor.y()
        if y + self.height() > host.height() - 4:  # no room below: show above the field
            top = field.mapTo(host, QPoint(area.left(), area.top()))
            y = max(4, top.y() - self.height() - 2)
        self.move(x, y)
        self.raise_()
        self.show()
        self._timer.start(15000)

    @Slot()
    def clear(self) -> None:
        if not isValid(self):
            return
        self._timer.stop()
        if self.field is not None and isValid(self.field):
            self.field.removeEventFilter(self._watcher)
        self.field = None
        self.hide()

    def message(self) -> str:
        return self.label.text() if self.isVisible() else ""


class NoticeBar(QFrame):
    """A one-line coloured notice above a form (read-only state, returned plan, errors)."""

    KINDS = {
        "info": ("#eef4fb", "#2b5797", "#1d3c66"),
        "warning": ("#fff8e1", "#c58a00", "#5d4200"),
        "error": ("#fff4f2", "#d93025", "#8c1d18"),
        "success": ("#edf7ee", "#2e7d32", "#1b4d1e"),
        "readonly": ("#f1f3f4", "#9aa0a6", "#3c4043"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.kind = ""
        self._styled = ""
        self.hide()

    def show_notice(self, text: str, kind: str = "info") -> None:
        self.label.setText(text)
        self.show()
        if kind == self._styled:
            self.kind = kind
            return
        bg, border, fg = self.KINDS[kind]
        self.kind = self._styled = kind
        self.setStyleSheet(
            f"QFrame#noticeBar {{ background: {bg}; border: 1px solid {border}; border-radius: 4px; }}"
            f"QLabel {{ color: {fg}; }}"
        )

    def clear(self) -> None:
        self.kind = ""
        self.label.clear()
        self.hide()

    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""


class _HideWatcher(QObject):
    """Hides the balloon (its parent) when the field it points at is hidden.

    Only Qt's state is used here: a window torn down by Python's cycle collector may have had the
    attributes of its Python objects (this one's, the balloon's) cleared before its fields get their
    last Hide event. The balloon's own timer and its next ``show_at`` or ``clear`` tidy up the rest.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide:
            _clear_visible(self.parent())
        return False


class _FollowFilter(QObject):
    """Hides a balloon (its parent) when its host resizes (positions would be stale)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            _clear_visible(self.parent())
        return False


def _clear_visible(balloon: QObject | None) -> None:
    if isinstance(balloon, FieldMessage) and isValid(balloon) and balloon.isVisible():
        balloon.hide()  # not clear(): see _HideWatcher


def balloon_for(widget: QWidget) -> FieldMessage:
    """The one FieldMessage of the window ``widget`` is in (created on first use)."""
    host = widget.window()
    existing = host.findChild(FieldMessage, "fieldMessage", Qt.FindChildOption.FindDirectChildrenOnly)
    if existing is not None:
        return existing
    balloon = FieldMessage(host)
    host.installEventFilter(_FollowFilter(balloon))
    return balloon
