"""Evaluasi Kinerja (pejabat penilai): per RHK the realisation, its evidence and the Umpan Balik
Berkelanjutan; per BerAKHLAK value the umpan balik; the two ratings and the predikat from the
kuadran; Capaian Kinerja Organisasi, Catatan/Rekomendasi, Finalkan. The employee sees it read-only
and can mark it as read."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.permissions import Action
from kinerja_desktop.services import readiness_service as rd
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.evaluation_service import STATUS_LABELS
from kinerja_desktop.services.realisation_service import evidence_path
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.evaluation.evaluation_controller import EvaluationController
from kinerja_desktop.ui.evaluation.feedback_models import PerilakuFeedbackModel, RhkFeedbackModel
from kinerja_desktop.ui.evaluation.rating_panel import RatingPanel
from kinerja_desktop.ui.form_support.columns import ProportionalColumns
from kinerja_desktop.ui.form_support.confirm_step import ConfirmStepDialog, ask_step
from kinerja_desktop.ui.form_support.delegates import WrapTextDelegate
from kinerja_desktop.ui.form_support.formatting import long_date
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.form_support.messages import NoticeBar, balloon_for
from kinerja_desktop.ui.form_support.period_combo import PeriodCombo
from kinerja_desktop.ui.form_support.roles import set_read_only_look
from kinerja_desktop.ui.form_support.undo import undo_redo_actions
from kinerja_desktop.ui.plan_editor.workflow_bar import StatusChip
from kinerja_desktop.ui.realisation.evidence_panel import EvidencePanel

EVAL_STATUS_COLOUR = {"BELUM": "DRAFT", "DRAFT": "SUBMITTED", "FINAL": "APPROVED", "SIGNED": "FROZEN"}


def _wrapping_table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                          | QAbstractItemView.EditTrigger.AnyKeyPressed)
    table.setItemDelegate(WrapTextDelegate(table))
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return table


class EvaluationPage(QWidget):
    """The evaluation of one plan; the period is chosen at the top."""

    def __init__(self, db: Database, user: CurrentUser, plan_id: str, year: int, period: str,  # noqa: PLR0917
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = EvaluationController(db, user, plan_id, period_of(period).code, self)
        self.confirmation: ConfirmStepDialog | None = None  # the open Finalkan question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Periode:"), self))
        self.period = PeriodCombo(db, year, period, self)
        self.period.period_chosen.connect(self.controller.set_period)
        top.addWidget(self.period)
        self.status = StatusChip(self)
        self.status.setObjectName("evaluationStatus")
        top.addWidget(self.status)
        self.undo_action, self.redo_action = undo_redo_actions(self, self.controller.undo_stack)
        top.addSpacing(12)
        self._undo_buttons = []
        for action in (self.undo_action, self.redo_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            top.addWidget(button)
            self._undo_buttons.append(button)
        self.saved = QLabel("", self)
        self.saved.setStyleSheet("color: #5f6368;")
        top.addWidget(self.saved)
        top.addStretch(1)
        layout.addLayout(top)
        self.notice = NoticeBar(self)
        layout.addWidget(self.notice)

        c = self.controller
        self.rhk_model = RhkFeedbackModel(c.set_rhk_feedback, self)
        self.rhk_table = _wrapping_table(self, "rhkFeedbackTable")
        self.rhk_table.setModel(self.rhk_model)
        self._rhk_columns = ProportionalColumns(self.rhk_table, (4.5, 23, 30, 15, 27.5))
        self.evidence = EvidencePanel(self, locate=self._locate)
        hasil = QSplitter(Qt.Orientation.Vertical, self)
        hasil.addWidget(self.rhk_table)
        hasil.addWidget(self.evidence)
        hasil.setSizes([420, 150])
        self.perilaku_model = PerilakuFeedbackModel(c.set_perilaku_feedback, self)
        self.perilaku_table = _wrapping_table(self, "perilakuFeedbackTable")
        self.perilaku_table.setModel(self.perilaku_model)
        self._perilaku_columns = ProportionalColumns(self.perilaku_table, (38, 26, 36))
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(hasil, self.tr("Hasil Kerja"))
        self.tabs.addTab(self.perilaku_table, self.tr("Perilaku Kerja"))
        # Tindak lanjut (issue 15): the development plan that answers earlier evaluations and this one.
        self.development = QLabel(self)
        self.development.setObjectName("developmentFollowUp")
        self.development.setWordWrap(True)
        self.development.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.development.setStyleSheet("QLabel { color: #3c4043; padding: 8px; }")
        self._development_tab = self.tabs.addTab(self.development, self.tr("Pengembangan Kompetensi"))
        self.tabs.setTabVisible(self._development_tab, False)

        self.rating = RatingPanel(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.rating)
        scroll.setMinimumWidth(380)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(scroll, 1)
        side_layout.addWidget(self.rating.actions_bar)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(self.tabs)
        body.addWidget(side)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        body.setSizes([930, 410])
        layout.addWidget(body, 1)

        for model, table in ((self.rhk_model, self.rhk_table), (self.perilaku_model, self.perilaku_table)):
            model.edit_refused.connect(lambda index, message, t=table: self._cell_refused(t, index, message))
        self.rhk_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_evidence())
        self.rating.rating_chosen.connect(self._rating_chosen)
        self.rating.kuadran.cell_clicked.connect(self._cell_clicked)
        self.rating.capaian_chosen.connect(lambda v: self._report(c.set_capaian(v), self.rating.capaian))
        self.rating.catatan_committed.connect(self._catatan)
        self.rating.finalise_clicked.connect(self.finalise)
        self.rating.reopen_clicked.connect(self.reopen)
        self.rating.mark_read_clicked.connect(self.mark_read)
        c.changed.connect(self._on_changed)
        c.error_raised.connect(lambda e: self.notice.show_notice(str(e), "error"))
        self.refresh()

    # ------------------------------------------------------------------ refreshing

    def refresh(self) -> None:
        c = self.controller
        ev = c.evaluation
        self.period.show_days_of(c.plan)
        editable = c.editable
        self.status.set_status(tr_label(STATUS_LABELS.get(ev.status, ev.status)),
                               EVAL_STATUS_COLOUR.get(ev.status, "DRAFT"))
        self.rhk_model.set_data(c.plan, c.realisations, ev.rhk_feedback, editable)
        self.perilaku_model.set_data(c.plan.expectations, ev.perilaku_feedback, editable)
        self.rating.set_evaluation(ev, editable=editable, can_reopen=c.can_reopen, can_mark_read=c.can_mark_read)
        for table in (self.rhk_table, self.perilaku_table):
            set_read_only_look(table, not editable)
        for button in self._undo_buttons:
            button.setVisible(editable)
        self.saved.setVisible(editable)
        self._show_notice()
        self._show_development()
        self._show_ikm()
        if not self.rhk_table.currentIndex().isValid() and self.rhk_model.rowCount():
            self.rhk_table.setCurrentIndex(self.rhk_model.index(0, RhkFeedbackModel.FEEDBACK_COLUMN))
        self._show_evidence()

    def _show_development(self) -> None:
        """Read once per plan and period (refresh runs on every edit)."""
        from kinerja_desktop.services.development_service import evaluation_followup

        c = self.controller
        if getattr(self, "_development_for", None) == (c.plan_id, c.period):
            return
        self._development_for = (c.plan_id, c.period)
        try:
            text = evaluation_followup(c.db, c.user, c.plan_id, c.period).text()
        except KinerjaError:
            text = ""
        self.development.setText(text.replace("\n", "\n\n"))
        self.tabs.setTabVisible(self._development_tab, bool(text))

    def _show_ikm(self) -> None:
        """The IKM of the employee's unit for the period (read once per period: refresh runs on every edit)."""
        c = self.controller
        if getattr(self, "_ikm_period", None) != c.period:
            from kinerja_desktop.services.skm_link import ikm_for_plan

            try:
                summary = ikm_for_plan(c.db, c.plan_id, c.period)
            except KinerjaError:
                summary = None
            self._ikm_period = c.period
            self.rating.set_ikm(summary.long_text() if summary else None)

    def _show_notice(self) -> None:
        c = self.controller
        ev = c.evaluation
        label = self.period.currentText()
        if c.plan_id != c.base_plan_id:  # finalised or signed before a Revisi: shown from that version
            label = self.tr("{0}, SKP versi {1}").format(label, c.plan.version)
        if c.plan.status != "APPROVED":
            self.notice.show_notice(self.tr("Evaluasi dapat dilakukan setelah SKP disetujui."), "readonly")
        elif c.editable:
            self.notice.show_notice(
                self.tr(
                    "Tulis umpan balik untuk setiap RHK dan perilaku, pilih kedua rating, "
                    "lalu Finalkan evaluasi {0}. Semua isian tersimpan otomatis."
                ).format(label),
                "info",
            )
        elif c.may(Action.MARK_READ):
            if ev.status in ("FINAL", "SIGNED"):
                when = self.tr(" pada {0}").format(long_date(ev.finalised_at)) if ev.finalised_at else ""
                self.notice.show_notice(
                    self.tr("Evaluasi Anda untuk {0} telah difinalkan{1}. Hanya dapat dibaca.").format(label, when),
                    "readonly",
                )
            elif ev.status == "DRAFT":
                self.notice.show_notice(
                    self.tr("Pejabat penilai sedang menyusun evaluasi ini; isinya dapat berubah sampai difinalkan."),
                    "readonly",
                )
            else:
                self.notice.show_notice(
                    self.tr("Evaluasi {0} belum dibuat oleh pejabat penilai.").format(label), "readonly"
                )
        elif ev.status in ("FINAL", "SIGNED"):
            self.notice.show_notice(
                self.tr("Evaluasi {0} sudah {1}; hanya dapat dibaca.").format(
                    label, tr_label(STATUS_LABELS[ev.status]).lower()
                ),
                "readonly",
            )
        else:
            self.notice.show_notice(
                self.tr(
                    "Hanya pejabat penilai kinerja pegawai ini yang dapat memberi umpan "
                    "balik dan rating; Anda hanya dapat membaca."
                ),
                "readonly",
            )

    @Slot()
    def _on_changed(self) -> None:
        self.refresh()
        self.saved.setText(self.tr("Tersimpan {0:%H.%M.%S}").format(datetime.now()))

    def _show_evidence(self) -> None:
        index = self.rhk_table.currentIndex()
        if not index.isValid():
            self.evidence.set_target(None, [], editable=False)
            return
        rhk = self.rhk_model.rhk(index.row())
        files = [
            a
            for ind in rhk.indicators
            for a in (
                self.controller.realisations.get(ind.id).attachments  # type: ignore[union-attr]
                if self.controller.realisations.get(ind.id)
                else []
            )
        ]
        self.evidence.set_target(rhk.text, files, editable=False)

    def _locate(self, attachment_id: str) -> Path:
        return evidence_path(self.controller.db, self.controller.user, attachment_id)

    # ------------------------------------------------------------------ edits

    def _cell_refused(self, table: QTableView, index: QModelIndex, message: str) -> None:
        table.scrollTo(index)
        balloon_for(self).show_at(table.viewport(), message, table.visualRect(index))

    def _report(self, error: KinerjaError | None, near: QWidget | None = None) -> bool:
        if error is None:
            balloon_for(self).clear()
            return True
        if near is not None:
            balloon_for(self).show_at(near, str(error))
        else:
            self.notice.show_notice(str(error), "error")
        return False

    @Slot(str, object)
    def _rating_chosen(self, which: str, value: object) -> None:
        combo = self.rating.hasil if which == "hasil" else self.rating.perilaku
        self._report(self.controller.set_rating(which, value), combo)  # type: ignore[arg-type]

    @Slot(str, str)
    def _cell_clicked(self, hasil: str, perilaku: str) -> None:
        self.controller.undo_stack.beginMacro(self.tr("Pilih sel kuadran"))
        try:
            if self._report(self.controller.set_rating("hasil", hasil), self.rating.kuadran):
                self._report(self.controller.set_rating("perilaku", perilaku), self.rating.kuadran)
        finally:
            self.controller.undo_stack.endMacro()

    @Slot(str)
    def _catatan(self, text: str) -> None:
        error = self.controller.set_catatan(text, ("catatan", id(self)))
        self.rating.catatan.mark_invalid(error is not None)
        self._report(error, self.rating.catatan)

    def flush_edits(self) -> None:
        self.rating.catatan.flush()
        for table in (self.rhk_table, self.perilaku_table):
            index = table.currentIndex()
            editor = table.indexWidget(index) if index.isValid() else None
            if editor is not None:
                delegate = table.itemDelegateForIndex(index)
                delegate.commitData.emit(editor)

    @Slot()
    def finalise(self) -> None:
        """Finalkan: asks first, naming indicators without realisation and values without umpan balik;
        a missing rating is refused at its field."""
        self.flush_edits()
        c = self.controller
        readiness = rd.before_finalise(c.db, c.user, c.plan_id, c.period)
        if not readiness.ready:
            self._finalise_now()
            return
        self.confirmation = ask_step(
            self, self.tr("Finalkan evaluasi"),
            self.tr("Finalkan evaluasi {0}? Setelah difinalkan, umpan balik dan rating tidak dapat diubah "
                    "kecuali dibuka kembali sebelum ditandatangani.").format(self.period.currentText()),
            readiness, self.tr("Finalkan"), self._finalise_now)

    @Slot()
    def _finalise_now(self) -> None:
        error = self.controller.finalise()
        if error is not None:
            near = self.rating.hasil if not self.controller.evaluation.rating_hasil else self.rating.perilaku
            self._report(error, near)
            return
        self.notice.show_notice(
            self.tr("Evaluasi {0} telah difinalkan. Pegawai dapat membacanya.").format(self.period.currentText()),
            "success",
        )

    @Slot()
    def reopen(self) -> None:
        self._report(self.controller.reopen())

    @Slot()
    def mark_read(self) -> None:
        if self._report(self.controller.mark_read()):
            self.notice.show_notice(self.tr("Terima kasih; evaluasi ditandai sudah dibaca."), "success")

    def set_period(self, code: str) -> None:
        self.period.choose(code)

    def reload_plan(self) -> None:
        self.controller.reload_plan()
        self.refresh()
