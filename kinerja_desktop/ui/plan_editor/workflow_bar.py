"""The bar above an SKP: status, version, pendekatan, undo/redo and the workflow buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.kepegawaian import Pendekatan
from kinerja_desktop.services.plan_service import STATUS_LABELS, PlanView
from kinerja_desktop.services.readiness_service import Readiness
from kinerja_desktop.ui.form_support.confirm_step import gaps_html
from kinerja_desktop.ui.form_support.labels import tr_label

STATUS_COLOURS = {
    "DRAFT": ("#f1f3f4", "#3c4043"),
    "SUBMITTED": ("#e8f0fe", "#174ea6"),
    "RETURNED": ("#fef7e0", "#8d5a00"),
    "APPROVED": ("#e6f4ea", "#137333"),
    "FROZEN": ("#ede7f6", "#4527a0"),
}


def status_text(plan: PlanView) -> tuple[str, str]:
    """(label, colour key) of a plan's state."""
    if plan.frozen:
        return QCoreApplication.translate("workflow_bar", "Ditandatangani"), "FROZEN"
    return tr_label(STATUS_LABELS.get(plan.status, plan.status)), plan.status


class StatusChip(QLabel):
    """A coloured status label (Draf, Diajukan, Disetujui, …)."""

    def set_status(self, text: str, key: str) -> None:
        self.setText(text)
        if self.property("statusKey") == key:
            return
        self.setProperty("statusKey", key)
        bg, fg = STATUS_COLOURS.get(key, STATUS_COLOURS["DRAFT"])
        self.setStyleSheet(
            f"QLabel {{ background: {bg}; color: {fg}; border: 1px solid {fg}; border-radius: 9px;"
            " padding: 2px 10px; font-weight: bold; }"
        )


class ReturnNoteDialog(QDialog):
    """Kembalikan: the penilai writes what must change (required).

    Signals:
        note_given(str): the note, when the penilai confirms.
    """

    note_given = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kembalikan SKP"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tulis catatan untuk pegawai: apa yang perlu diperbaiki dalam SKP ini."), self))
        self.incomplete = QLabel("", self)
        self.incomplete.setObjectName("incompleteList")
        self.incomplete.setWordWrap(True)
        self.incomplete.setTextFormat(Qt.TextFormat.RichText)
        self.incomplete.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.incomplete)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("Misalnya: target kuantitas RHK nomor 2 belum terukur…"))
        self.note.setTabChangesFocus(True)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Kembalikan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.ok.setEnabled(False)
        self.note.textChanged.connect(self._update_ok)
        self.resize(480, 220)

    def _update_ok(self) -> None:
        self.ok.setEnabled(bool(self.note.toPlainText().strip()))

    def ask(self, readiness: Readiness | None = None) -> None:
        """Open (window-modal, without blocking) with an empty note; ``readiness`` lists what the SKP lacks."""
        self.incomplete.setText(gaps_html(readiness, self) if readiness is not None else "")
        self.incomplete.setVisible(readiness is not None)
        self.note.clear()
        self.open()
        self.note.setFocus()

    def accept(self) -> None:
        super().accept()
        self.note_given.emit(self.text())

    def text(self) -> str:
        return self.note.toPlainText()


class WorkflowBar(QWidget):
    """Signals: pendekatan_chosen(str), version_chosen(str), submit, approve, return_, revise."""

    pendekatan_chosen = Signal(str)
    version_chosen = Signal(str)
    submit_clicked = Signal()
    approve_clicked = Signal()
    return_clicked = Signal()
    revise_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = StatusChip(self)
        self.status.setObjectName("planStatus")
        self.version = QComboBox(self)
        self.version.setObjectName("planVersion")
        self.version.setToolTip(self.tr("Versi SKP (versi lama hanya dapat dibaca)"))
        self.version.activated.connect(lambda i: self.version_chosen.emit(self.version.itemData(i)))
        self.pendekatan = QComboBox(self)
        self.pendekatan.setObjectName("pendekatan")
        for p in Pendekatan:
            self.pendekatan.addItem(self.tr("Pendekatan {0}").format(tr_label(p.label).lower()), p.value)
        self.pendekatan.activated.connect(lambda i: self.pendekatan_chosen.emit(self.pendekatan.itemData(i)))
        self.undo = QToolButton(self)
        self.undo.setText(self.tr("↶ Batalkan"))
        self.redo = QToolButton(self)
        self.redo.setText(self.tr("↷ Ulangi"))
        self.saved = QLabel("", self)
        self.saved.setObjectName("savedHint")
        self.saved.setStyleSheet("color: #5f6368;")
        self.submit = QPushButton(self.tr("Ajukan"), self)
        self.submit.setToolTip(self.tr("Ajukan SKP kepada pejabat penilai kinerja"))
        self.approve = QPushButton(self.tr("Setujui"), self)
        self.return_ = QPushButton(self.tr("Kembalikan…"), self)
        self.revise = QPushButton(self.tr("Revisi"), self)
        self.revise.setToolTip(self.tr("Buat versi baru SKP untuk diubah; versi ini tetap tersimpan"))
        self.submit.clicked.connect(self.submit_clicked)
        self.approve.clicked.connect(self.approve_clicked)
        self.return_.clicked.connect(self.return_clicked)
        self.revise.clicked.connect(self.revise_clicked)
        for w in (self.status, self.version, self.pendekatan):
            layout.addWidget(w)
        layout.addSpacing(12)
        layout.addWidget(self.undo)
        layout.addWidget(self.redo)
        layout.addWidget(self.saved)
        layout.addStretch(1)
        for b in (self.submit, self.approve, self.return_, self.revise):
            layout.addWidget(b)
        self.approve.setStyleSheet("QPushButton { font-weight: bold; }")
        self.submit.setStyleSheet("QPushButton { font-weight: bold; }")

    def set_versions(self, versions: list[tuple[str, int, str]], current: str) -> None:
        self.version.clear()
        for plan_id, number, status in versions:
            status_label = tr_label(STATUS_LABELS.get(status, status))
            self.version.addItem(self.tr("Versi {0} · {1}").format(number, status_label), plan_id)
        self.version.setCurrentIndex(max(0, self.version.findData(current)))
        self.version.setVisible(len(versions) > 1)

    def set_state(
        self,
        plan: PlanView,
        *,
        editable: bool,
        undoable: bool,
        can_submit: bool,
        can_approve: bool,
        can_return: bool,
        can_revise: bool,
    ) -> None:
        self.status.set_status(*status_text(plan))
        self.pendekatan.setCurrentIndex(max(0, self.pendekatan.findData(plan.pendekatan)))
        self.pendekatan.setEnabled(editable)
        for button, visible in (
            (self.submit, can_submit),
            (self.approve, can_approve),
            (self.return_, can_return),
            (self.revise, can_revise),
        ):
            button.setVisible(visible)
        self.undo.setVisible(undoable)
        self.redo.setVisible(undoable)
        self.saved.setVisible(undoable)
