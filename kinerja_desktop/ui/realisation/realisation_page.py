"""Realisasi: per period, each indicator with its target, the realisation, a date, a note
and the evidence files (bukti dukung)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.form_support.columns import ProportionalColumns
from kinerja_desktop.ui.form_support.delegates import DateDelegate, WrapTextDelegate
from kinerja_desktop.ui.form_support.elided_label import ElidedLabel
from kinerja_desktop.ui.form_support.messages import NoticeBar, balloon_for
from kinerja_desktop.ui.form_support.period_combo import PeriodCombo
from kinerja_desktop.ui.form_support.roles import set_read_only_look
from kinerja_desktop.ui.form_support.undo import undo_redo_actions
from kinerja_desktop.ui.realisation.evidence_panel import EvidencePanel, local_paths
from kinerja_desktop.ui.realisation.realisation_controller import RealisationController
from kinerja_desktop.ui.realisation.realisation_model import (
    COL_DATE,
    COL_EVIDENCE,
    COL_IKI,
    COL_NO,
    COL_NOTE,
    COL_RHK,
    COL_TARGET,
    COL_VALUE,
    RealisationTableModel,
)

#: Column shares of the table's width.
SHARES = {COL_NO: 3.5, COL_RHK: 18, COL_IKI: 22, COL_TARGET: 8.5, COL_VALUE: 13, COL_DATE: 8, COL_NOTE: 18,
          COL_EVIDENCE: 9}


class RealisationTableView(QTableView):
    """The realisation table; files dropped on a row become evidence of that indicator.

    Signals:
        files_dropped(int, list): row, paths.
    """

    files_dropped = Signal(int, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accept_files = False
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.accept_files and local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        if self.accept_files and local_paths(event) and self.indexAt(event.position().toPoint()).isValid():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        paths = local_paths(event)
        if self.accept_files and paths and index.isValid():
            event.acceptProposedAction()
            self.files_dropped.emit(index.row(), paths)
        else:
            event.ignore()


class RealisationPage(QWidget):
    """Realisation of one plan; the period is chosen at the top."""

    def __init__(self, db: Database, user: CurrentUser, plan_id: str, year: int, period: str,  # noqa: PLR0917
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = year
        self.controller = RealisationController(db, user, plan_id, period_of(period).code, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Periode:"), self))
        self.period = PeriodCombo(db, year, period, self)
        self.period.period_chosen.connect(self.controller.set_period)
        top.addWidget(self.period)
        self.undo_action, self.redo_action = undo_redo_actions(self, self.controller.undo_stack)
        top.addSpacing(12)
        for action in (self.undo_action, self.redo_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            top.addWidget(button)
        self.compute_button = QToolButton(self)
        self.compute_button.setText(self.tr("Hitung dari rencana aksi"))
        self.compute_button.setToolTip(self.tr("Isi realisasi indikator terpilih dengan jumlah realisasi rencana "
                                               "aksinya dalam periode ini"))
        self.compute_button.clicked.connect(self.compute_from_actions)
        top.addWidget(self.compute_button)
        self.saved = QLabel("", self)
        self.saved.setStyleSheet("color: #5f6368;")
        top.addWidget(self.saved)
        top.addStretch(1)
        self.hint = ElidedLabel(self.tr("Ketik pada kolom Realisasi, Tanggal atau Catatan · seret berkas ke baris "
                                        "untuk menambah bukti"), self)
        self.hint.setStyleSheet("color: #5f6368;")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.hint, 1)
        layout.addLayout(top)
        self.notice = NoticeBar(self)
        layout.addWidget(self.notice)

        self.model = RealisationTableModel(self._commit, self)
        self.model.edit_refused.connect(self._cell_refused)
        self.model.modelReset.connect(self._apply_spans)
        self.table = RealisationTableView(self)
        self.table.setObjectName("realisationTable")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        text = WrapTextDelegate(self.table)
        self.table.setItemDelegate(text)
        self.table.setItemDelegateForColumn(COL_DATE, DateDelegate(self.table, lambda: self.controller.plan.year))
        self._columns = ProportionalColumns(self.table, [SHARES[c] for c in sorted(SHARES)], minimum=44)
        self.table.files_dropped.connect(self._files_dropped)

        self.evidence = EvidencePanel(self, add=self._add_evidence, remove=self.controller.remove_evidence,
                                      locate=self.controller.evidence_path)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.evidence)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([460, 190])
        layout.addWidget(splitter, 1)

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_evidence())
        self.controller.changed.connect(self._on_changed)
        self.controller.error_raised.connect(lambda e: self.notice.show_notice(str(e), "error"))
        self.refresh()

    # ------------------------------------------------------------------ refreshing

    def refresh(self) -> None:
        c = self.controller
        self.model.set_data(c.plan, c.realisations, c.period, c.editable)
        self.table.accept_files = c.editable
        set_read_only_look(self.table, not c.editable)
        self.hint.setVisible(c.editable)
        self.compute_button.setVisible(c.editable)
        self._show_notice()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, COL_VALUE))
        self._show_evidence()

    def _show_notice(self) -> None:
        c = self.controller
        label = self.period.currentText()
        if c.plan.status != "APPROVED":
            self.notice.show_notice(self.tr("Realisasi dapat diisi setelah SKP disetujui pejabat penilai kinerja."),
                                    "readonly")
        elif c.evaluation_status in ("FINAL", "SIGNED"):
            self.notice.show_notice(self.tr("Evaluasi {0} sudah difinalkan; realisasinya hanya dapat dibaca.").format(
                                                label),
                                    "readonly")
        elif not c.may_edit:
            self.notice.show_notice(self.tr("Realisasi diisi oleh pegawai yang bersangkutan; Anda hanya dapat "
                                            "membaca."),
                                    "readonly")
        else:
            self.notice.clear()

    @Slot()
    def _apply_spans(self) -> None:
        self.table.clearSpans()
        for row, count in self.model.spans():
            self.table.setSpan(row, COL_RHK, count, 1)
            self.table.setSpan(row, COL_NO, count, 1)

    @Slot()
    def _on_changed(self) -> None:
        self.refresh()
        self.saved.setText(self.tr("Tersimpan {0:%H.%M.%S}").format(datetime.now()))

    def _show_evidence(self) -> None:
        index = self.table.currentIndex()
        c = self.controller
        if not index.isValid():
            self.evidence.set_target(None, [], editable=False)
            return
        row = self.model.row(index.row())
        self.evidence.set_target(row.indicator.text or self.tr("(indikator tanpa uraian)"), row.realisation.attachments,
                                 editable=c.editable, limit_bytes=c.max_bytes)

    # ------------------------------------------------------------------ edits

    @Slot()
    def compute_from_actions(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        error = self.controller.compute_from_actions(self.model.row(index.row()).indicator.id)
        if error is not None:
            self.notice.show_notice(str(error), "error")

    def _commit(self, indicator_id: str, field: str, value: object, session: object) -> KinerjaError | None:
        balloon_for(self).clear()
        return self.controller.set_field(indicator_id, field, value, session)

    @Slot(QModelIndex, str)
    def _cell_refused(self, index: QModelIndex, message: str) -> None:
        self.table.scrollTo(index)
        balloon_for(self).show_at(self.table.viewport(), message, self.table.visualRect(index))

    def _add_evidence(self, path: Path) -> KinerjaError | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.controller.add_evidence(self.model.row(index.row()).indicator.id, path)

    @Slot(int, list)
    def _files_dropped(self, row: int, paths: list[Path]) -> None:
        self.table.setCurrentIndex(self.model.index(row, COL_EVIDENCE))
        self.evidence.add_files(paths)

    def flush_edits(self) -> None:
        """Save the cell being typed in (Ctrl+S, or before the page is left)."""
        index = self.table.currentIndex()
        editor = self.table.indexWidget(index) if index.isValid() else None
        if editor is not None:
            delegate = self.table.itemDelegateForIndex(index)
            delegate.commitData.emit(editor)
            delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def set_period(self, code: str) -> None:
        self.period.choose(code)

    def reload_plan(self) -> None:
        """The plan changed elsewhere (another tab): fetch it again."""
        self.controller.reload_plan()
        self.refresh()
