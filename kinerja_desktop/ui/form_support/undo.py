"""Undoable service calls: every edit of a form is one QUndoCommand whose redo() and undo()
call the services.

The first execution happens *before* the command is pushed, so a refused edit (validation,
permission) never lands on the stack; the stack's automatic first redo() is skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from kinerja_desktop.domain.errors import KinerjaError


def detached(exc: KinerjaError) -> KinerjaError:
    """The error without its traceback: kept frames would hold widgets alive in a reference cycle,
    and a cycle collected at an arbitrary moment may free a Qt object while Qt still uses it."""
    exc.__traceback__ = None
    exc.__context__ = None
    return exc


class ServiceCommand(QUndoCommand):
    """One edit: ``do`` and ``undo`` are service calls; ``after`` refreshes the views.

    Consecutive edits with the same ``merge_key`` (a text saved in several bursts while it is
    typed) become one step: :class:`FormController` extends the last command instead of pushing
    a new one (Qt's own mergeWith would delete Python-made commands behind PySide's back).
    """

    def __init__(
        self, text: str, do: Callable[[], Any], undo: Callable[[], Any], *,
        after: Callable[[], None], report: Callable[[KinerjaError], None], merge_key: object = None,
    ) -> None:
        super().__init__(text)
        self.do_call, self.undo_call, self._after, self._report = do, undo, after, report
        self.merge_key = merge_key
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._apply(self.do_call)

    def undo(self) -> None:
        self._apply(self.undo_call)

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
        self._commands: list[ServiceCommand] = []

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
        stack = self.undo_stack
        last = self._commands[-1] if self._commands else None
        if (merge_key is not None and last is not None and last.merge_key == merge_key
                and stack.index() == stack.count() and stack.command(stack.count() - 1) is last):
            last.do_call = do  # the same edit continued: undo still goes back to before it began
        else:
            command = ServiceCommand(text, do, undo, after=self._after, report=self.error_raised.emit,
                                     merge_key=merge_key)
            self._commands.append(command)  # Python keeps its commands (and their closures) alive
            stack.push(command)
        self._after()
        return None

    def attempt(self, call: Callable[[], Any]) -> KinerjaError | None:
        """A service call that is not undoable (workflow steps): refresh on success."""
        try:
            call()
        except KinerjaError as exc:
            return detached(exc)
        self.clear_history()
        self._after()
        return None

    def clear_history(self) -> None:
        """Forget every undo step (after a workflow step that makes them meaningless)."""
        self.undo_stack.clear()
        self._commands.clear()

    def _after(self) -> None:
        self.reload()
        self.changed.emit()

    def reload(self) -> None:
        """Fetch the data again (subclasses)."""


class _StepAction(QAction):
    """An undo or redo action whose tooltip names the step it would undo or redo."""

    def __init__(self, text: str, verb: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self._verb = verb
        self.setToolTip(verb)

    @Slot(str)
    def set_step(self, step: str) -> None:
        self.setToolTip(f"{self._verb}: {step}" if step else self._verb)


def undo_redo_actions(widget: QWidget, stack: QUndoStack) -> tuple[QAction, QAction]:
    """Batalkan / Ulangi actions for a form, active while focus is inside it (Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z).

    The labels stay short; the tooltip names the step ("Batalkan: Ubah Target"). Text fields keep
    their own Ctrl+Z while they have focus.
    """
    undo = _StepAction(QCoreApplication.translate("undo", "↶ Batalkan"), QCoreApplication.translate("undo", "Batalkan"),
                       widget)
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo = _StepAction(
        QCoreApplication.translate("undo", "↷ Ulangi"), QCoreApplication.translate("undo", "Ulangi"), widget
    )
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    if QKeySequence("Ctrl+Y") not in keys:
        keys.append(QKeySequence("Ctrl+Y"))
    redo.setShortcuts(keys)
    undo.triggered.connect(stack.undo)
    redo.triggered.connect(stack.redo)
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.undoTextChanged.connect(undo.set_step)
    stack.redoTextChanged.connect(redo.set_step)
    for action in (undo, redo):
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        widget.addAction(action)
    return undo, redo
