"""Undoable service calls: every edit of a form is one QUndoCommand whose redo() and undo()
call the services.

The first execution happens *before* the command is pushed, so a refused edit (validation,
permission) never lands on the stack; the stack's automatic first redo() is skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from kinerja_desktop.domain.errors import KinerjaError

_MERGE_ID = 4242


def detached(exc: KinerjaError) -> KinerjaError:
    """The error without its traceback: kept frames would hold widgets alive in a reference cycle,
    and a cycle collected at an arbitrary moment may free a Qt object while Qt still uses it."""
    exc.__traceback__ = None
    exc.__context__ = None
    return exc


class ServiceCommand(QUndoCommand):
    """One edit: ``do`` and ``undo`` are service calls; ``after`` refreshes the views.

    Commands with the same ``merge_key`` merge (a text typed in several autosaved bursts
    becomes one undo step); the first command's ``undo`` is kept.
    """

    def __init__(
        self, text: str, do: Callable[[], Any], undo: Callable[[], Any], *,
        after: Callable[[], None], report: Callable[[KinerjaError], None], merge_key: object = None,
    ) -> None:
        super().__init__(text)
        self._do, self._undo, self._after, self._report = do, undo, after, report
        self._merge_key = merge_key
        self._skip_redo = True

    def id(self) -> int:
        return _MERGE_ID if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ServiceCommand) or other._merge_key != self._merge_key:
            return False
        self._do = other._do
        return True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._apply(self._do)

    def undo(self) -> None:
        self._apply(self._undo)

    def _apply(self, call: Callable[[], Any]) -> None:
        try:
            call()
        except KinerjaError as exc:
            # The record moved on (submitted, signed, ...): drop this step instead of lying.
            self.setObsolete(True)
            self._report(detached(exc))
        self._after()


class FormController(QObject):
    """Runs a form's edits through services and an undo stack.

    Signals:
        changed: the data behind the form changed (after an edit, undo or redo).
        error_raised(object): a KinerjaError the form should show.
    """

    changed = Signal()
    error_raised = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)

    def run(
        self, text: str, do: Callable[[], Any], undo: Callable[[], Any], *, merge_key: object = None,
    ) -> KinerjaError | None:
        """Perform ``do`` now; on success push an undoable step and signal ``changed``.

        Returns the refusal (KinerjaError) instead of raising, so the caller can show it at the field.
        """
        try:
            do()
        except KinerjaError as exc:
            return detached(exc)
        self.undo_stack.push(
            ServiceCommand(text, do, undo, after=self._after, report=self.error_raised.emit, merge_key=merge_key)
        )
        self._after()
        return None

    def attempt(self, call: Callable[[], Any]) -> KinerjaError | None:
        """A service call that is not undoable (workflow steps): refresh on success."""
        try:
            call()
        except KinerjaError as exc:
            return detached(exc)
        self.undo_stack.clear()
        self._after()
        return None

    def _after(self) -> None:
        self.reload()
        self.changed.emit()

    def reload(self) -> None:
        """Fetch the data again (subclasses)."""


def undo_redo_actions(widget: QWidget, stack: QUndoStack) -> tuple[QAction, QAction]:
    """Batalkan / Ulangi actions for a form, active while focus is inside it (Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z).

    Text fields keep their own Ctrl+Z while they have focus.
    """
    undo = stack.createUndoAction(widget, "Batalkan")
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(widget, "Ulangi")
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    if QKeySequence("Ctrl+Y") not in keys:
        keys.append(QKeySequence("Ctrl+Y"))
    redo.setShortcuts(keys)
    for action in (undo, redo):
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        widget.addAction(action)
    return undo, redo
