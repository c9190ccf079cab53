"""The question asked before a step that changes a status (Ajukan, Setujui, Finalkan, …), with
what is still incomplete (from ``services.readiness_service``) listed under it."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from kinerja_desktop.services.readiness_service import Readiness


def gaps_html(readiness: Readiness, _parent: QWidget | None = None) -> str:
    """The gaps as an HTML list (blocking ones in red), or a line saying everything is filled in."""
    if readiness.complete:
        done = QCoreApplication.translate("confirm_step", "Semua isian sudah lengkap.")
        return f"<p style='color:#137333'>{done}</p>"
    items = [f"<li style='color:#8c1d18'><b>{escape(g.text)}</b></li>" for g in readiness.blocking()]
    items += [f"<li>{escape(g.text)}</li>" for g in readiness.warnings()]
    head = QCoreApplication.translate("confirm_step", "Yang belum lengkap:")
    return f"<p>{head}</p><ul style='margin-left:-20px'>" + "".join(items) + "</ul>"


class ConfirmStepDialog(QDialog):
    """Window-modal question (opened with :meth:`open`, never blocking the event loop).

    Signals:
        confirmed(): the person chose the step's button.
    """

    confirmed = Signal()

    def __init__(self, title: str, question: str, readiness: Readiness, confirm_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmStepDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.readiness = readiness
        layout = QVBoxLayout(self)
        self.question = QLabel(question, self)
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        self.details = QLabel(gaps_html(readiness, self), self)
        self.details.setObjectName("incompleteList")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.details)
        layout.addWidget(scroll, 1)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(confirm_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.setEnabled(readiness.ready)
        # Enter must not close a step by accident when something is missing: Batal is the default then.
        (self.ok if readiness.complete else self.cancel).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, 200 if readiness.complete else 320)

    def accept(self) -> None:
        super().accept()
        self.confirmed.emit()


def ask_step(parent: QWidget, title: str, question: str, readiness: Readiness, confirm_text: str,
             then: Callable[[], None]) -> ConfirmStepDialog:
    """Open the question for ``parent``; ``then()`` runs when the person confirms. Returns the dialog
    (it deletes itself when closed)."""
    dialog = ConfirmStepDialog(title, question, readiness, confirm_text, parent)
    dialog.confirmed.connect(then)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
