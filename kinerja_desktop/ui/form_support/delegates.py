"""Item delegates for the forms: wrapping multi-line text that autosaves while typing,
and combo boxes over a list of (value, label) options."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kinerja_desktop.ui.form_support.date_input import DateInputError, parse_date
from kinerja_desktop.ui.form_support.roles import RawValueRole

#: Model role returning the text an editor should start from (a refused input is kept there).
EditTextRole = Qt.ItemDataRole.EditRole

_sessions = itertools.count(1)


def _begin_session(model: QAbstractItemModel) -> None:
    begin = getattr(model, "begin_edit_session", None)
    if begin is not None:
        begin(next(_sessions))


class CellTextEdit(QPlainTextEdit):
    """The editor of a wrapping text cell: Enter saves, Shift+Enter starts a new line.

    Signals:
        finished: the user pressed Enter (save and close).
        paused: the user stopped typing for a moment (save, keep editing).
    """

    finished = Signal()
    paused = Signal()
    PAUSE_MS = 900

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.paused)
        self.textChanged.connect(lambda: self._timer.start(self.PAUSE_MS))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self._timer.stop()
            self.finished.emit()
            return
        super().keyPressEvent(event)

    def set_text_quietly(self, text: str, *, select: bool = False) -> None:
        blocked = self.blockSignals(True)
        try:
            self.setPlainText(text)
            if select:
                self.selectAll()  # typing replaces, as in a spreadsheet; a click places the cursor
            else:
                self.moveCursor(self.textCursor().MoveOperation.End)
        finally:
            self.blockSignals(blocked)


class WrapTextDelegate(QStyledItemDelegate):
    """Multi-line cells: the text wraps in the view and in the editor; edits save as they are typed.

    The view must have ``setWordWrap(True)`` (that sets the WrapText feature) and the model should
    answer TextAlignmentRole with ``roles.TOP_LEFT``. Do not override ``initStyleOption`` here:
    PySide6 6.12 loses a reference to None on every call of the base implementation from Python,
    and the interpreter aborts ("none_dealloc") once enough cells were painted.
    """

    PADDING = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[tuple[str, int, str], int] = {}

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = CellTextEdit(parent)
        _begin_session(index.model())
        persistent = QPersistentModelIndex(index)

        def save_and_close() -> None:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

        editor.finished.connect(save_and_close)
        editor.paused.connect(lambda: persistent.isValid() and self.commitData.emit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        text = index.data(EditTextRole) or ""
        if isinstance(editor, CellTextEdit):
            first = not editor.property("filled")
            if first or editor.toPlainText().strip() != str(text).strip():
                editor.set_text_quietly(str(text), select=first)
                editor.setProperty("filled", True)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        if isinstance(editor, CellTextEdit):
            current = index.data(EditTextRole) or ""
            if editor.toPlainText() != current:
                model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rect = QRect(option.rect)
        rect.setHeight(max(rect.height(), 64))
        editor.setGeometry(rect)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        width = option.rect.width()
        view = option.widget
        if width <= 0 and view is not None and hasattr(view, "isFirstColumnSpanned"):
            # QTreeView asks without a width; a spanned (group) row has the whole viewport.
            spanned = index.column() == 0 and view.isFirstColumnSpanned(index.row(), index.parent())
            width = view.viewport().width() if spanned else view.columnWidth(index.column())
        elif width <= 0 and view is not None and hasattr(view, "columnWidth"):
            width = view.columnWidth(index.column())
        elif width <= 0 and view is not None:
            width = view.viewport().width()  # list views: the whole row
        if not text or width <= 0:
            return base
        key = (str(text), width, option.font.key())
        height = self._heights.get(key)
        if height is None:
            metrics = QFontMetrics(option.font)
            bounds = metrics.boundingRect(
                QRect(0, 0, max(20, width - 2 * self.PADDING), 100000),
                int(Qt.TextFlag.TextWordWrap), str(text),
            )
            height = bounds.height() + 2 * self.PADDING
            if len(self._heights) > 4000:  # layouts repeat with the same texts and widths
                self._heights.clear()
            self._heights[key] = height
        return QSize(base.width(), max(base.height(), height))


class PickCombo(QComboBox):
    """The editor of a combo cell: a choice from the pop-up saves at once; arrow keys only move
    the choice (Enter, Tab or leaving the cell saves it), so stepping through does not close it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stepping = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.stepping = event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End,
                                        Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        try:
            super().keyPressEvent(event)
        finally:
            self.stepping = False


class ComboDelegate(WrapTextDelegate):
    """A cell edited by picking one of ``options()`` -> [(value, label)]; ``None`` means empty.

    The choice is saved the moment it is picked.
    """

    def __init__(
        self, options: Callable[[QModelIndex], Sequence[tuple[Any, str]]], parent: QObject | None = None,
        *, empty_label: str | None = QT_TRANSLATE_NOOP("ComboDelegate", "(tidak ada)"),
    ) -> None:
        super().__init__(parent)
        self._options = options
        self._empty_label = empty_label

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        combo = PickCombo(parent)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        if self._empty_label is not None:
            combo.addItem(QCoreApplication.translate("ComboDelegate", self._empty_label), None)
        for value, label in self._options(index):
            combo.addItem(label, value)
            combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        combo.view().setMinimumWidth(min(720, max(320, option.rect.width() * 2)))
        combo.view().setTextElideMode(Qt.TextElideMode.ElideRight)

        def picked(_row: int) -> None:
            if combo.stepping:
                return  # saved on Enter, Tab or focus out
            self.commitData.emit(combo)
            self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

        combo.activated.connect(picked)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(RawValueRole))
            editor.setCurrentIndex(max(0, found))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            value = editor.currentData()
            if value != index.data(RawValueRole):
                model.setData(index, value, Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rect = QRect(option.rect)
        rect.setHeight(min(max(rect.height(), 28), 34))
        editor.setGeometry(rect)


class DateDelegate(QStyledItemDelegate):
    """A date cell typed as text (15-09-2026, 15/9/2026, 15092026, 15 Sep 2026, 15-09 …).

    Text that is no date is refused at the cell through the model's ``refuse(index, value, message)``
    (when it has one); whether the date suits the record (the period) is the service's to judge.
    ``default_year()`` gives the year for a date typed without one.
    """

    def __init__(self, parent: QObject | None = None, default_year: Callable[[], int | None] | None = None) -> None:
        super().__init__(parent)
        self._default_year = default_year or (lambda: None)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setPlaceholderText(self.tr("hh-bb-tttt"))
        editor.setToolTip(self.tr("Ketik tanggal, misalnya 15-09-2026, 15/9/2026 atau 15 Sep 2026"))
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            value = index.data(RawValueRole)
            if isinstance(value, date):
                editor.setText(f"{value:%d-%m-%Y}")
            elif isinstance(value, str):  # a refused text, kept so it can be corrected
                editor.setText(value)
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        if not isinstance(editor, QLineEdit):
            return
        text = editor.text().strip()
        current = index.data(RawValueRole)
        if not text and not isinstance(current, str):
            return  # nothing typed into an empty cell: nothing to save
        try:
            value = parse_date(text, default_year=self._default_year())
        except DateInputError as exc:
            refuse = getattr(model, "refuse", None)
            if callable(refuse):
                refuse(index, text, str(exc))
            return
        if value != current:
            model.setData(index, value, Qt.ItemDataRole.EditRole)
