"""The "Kompetensi & Pengembangan" tab of an employee page.

Shows the person's competencies against their jabatan's standard (a chart), their development
plan for the year (items, state, certificate), the automatic proposals the penilai may accept
(edited if needed), the JP done against the 20 JP a year, and the awards they received. The
buttons follow the services' permission checks: the penilai assesses, plans and marks RHK
feedback; the pegawai reports completion; everyone who may see the evaluation reads.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.domain.permissions import Action, may
from kinerja_desktop.domain.tindak_lanjut import JP_PER_YEAR
from kinerja_desktop.services import competency_service, development_service, recognition_service
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Rhk
from kinerja_desktop.ui.form_support.messages import NoticeBar
from kinerja_desktop.ui.tindak_lanjut.dialogs import AssessDialog, DoneDialog, ItemDialog, MarkDialog
from kinerja_desktop.ui.tindak_lanjut.gap_chart import GapChart
from kinerja_desktop.ui.tindak_lanjut.table_models import item_model
from kinerja_desktop.ui.workers import error_message


def _jp(value: float) -> str:
    return f"{value:g}".replace(".", ",")


class CompetencyTab(QWidget):
    """Signals: data_changed() after anything was saved."""

    data_changed = Signal()

    def __init__(self, db: Database, user: CurrentUser, header: Any, period: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("competencyTab")
        self.db, self.user, self.header = db, user, header
        self.year, self.period = header.year, period_of(period).code
        self.employee_id = header.employee_id
        subject = header.subject
        self.can_plan = may(user.actor, Action.PROPOSE_DEVELOPMENT, subject)
        self.can_report = may(user.actor, Action.REPORT_DEVELOPMENT, subject)
        self.dialog: Any = None
        self.proposals: list[development_service.Proposal] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self.notice = NoticeBar(body)
        layout.addWidget(self.notice)
        self.summary = QLabel(body)
        self.summary.setObjectName("jpSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        gaps = QGroupBox(self.tr("Kompetensi terhadap standar jabatan (PermenPAN-RB 38/2017)"), body)
        gl = QVBoxLayout(gaps)
        self.chart = GapChart(gaps)
        gl.addWidget(self.chart)
        legend = QLabel(self.tr("Batang pucat: level standar jabatan. Batang isi: level hasil penilaian — hijau "
                                "memenuhi, jingga kurang satu level, merah kesenjangan besar."), gaps)
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #5f6368;")
        gl.addWidget(legend)
        self.sources = QLabel(gaps)
        self.sources.setStyleSheet("color: #5f6368;")
        gl.addWidget(self.sources)
        self.assess_button = QPushButton(self.tr("Nilai Kompetensi…"), gaps)
        self.assess_button.setObjectName("assessButton")
        self.assess_button.setVisible(may(user.actor, Action.ASSESS_COMPETENCY, subject))
        self.assess_button.clicked.connect(self.open_assess_dialog)
        gl.addWidget(self.assess_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(gaps)

        plan = QGroupBox(self.tr("Rencana pengembangan kompetensi {0}").format(self.year), body)
        pl = QVBoxLayout(plan)
        self.items = item_model(self)
        self.table = QTableView(plan)
        self.table.setObjectName("developmentTable")
        self.table.setModel(self.items)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        head.setStretchLastSection(False)
        for column in range(self.items.columnCount()):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((6, 130), (7, 150)):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            head.resizeSection(column, width)
        self.table.setMinimumHeight(150)
        pl.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Tambah…"), plan)
        self.edit_button = QPushButton(self.tr("Ubah…"), plan)
        self.cancel_button = QPushButton(self.tr("Batalkan"), plan)
        self.done_button = QPushButton(self.tr("Laporkan Selesai…"), plan)
        for b in (self.add_button, self.edit_button, self.cancel_button):
            b.setVisible(self.can_plan)
            row.addWidget(b)
        self.done_button.setVisible(self.can_report)
        row.addWidget(self.done_button)
        self.record_button = QPushButton(self.tr("Catat Pelatihan yang Diselenggarakan…"), plan)
        self.record_button.setObjectName("recordTrainingButton")
        self.record_button.setVisible(may(user.actor, Action.RECORD_TRAINING, subject))
        self.record_button.clicked.connect(lambda _checked=False: self.open_record_dialog())
        row.addWidget(self.record_button)
        row.addStretch(1)
        pl.addLayout(row)
        self.add_button.clicked.connect(lambda _checked=False: self.open_item_dialog())
        self.edit_button.clicked.connect(self.open_edit_dialog)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.done_button.clicked.connect(self.open_done_dialog)
        self.proposal_title = QLabel(self.tr("<b>Usulan otomatis</b> — diusulkan aplikasi dari predikat evaluasi dan "
                                             "kesenjangan kompetensi; pejabat penilai memutuskan."), plan)
        self.proposal_title.setWordWrap(True)
        pl.addWidget(self.proposal_title)
        self.proposal_list = QListWidget(plan)
        self.proposal_list.setObjectName("proposalList")
        self.proposal_list.setMaximumHeight(90)
        pl.addWidget(self.proposal_list)
        self.accept_button = QPushButton(self.tr("Terima Usulan…"), plan)
        self.accept_button.setVisible(self.can_plan)
        self.accept_button.clicked.connect(self.accept_selected_proposal)
        pl.addWidget(self.accept_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(plan)

        awards = QGroupBox(self.tr("Penghargaan"), body)
        al = QVBoxLayout(awards)
        self.award_list = QListWidget(awards)
        self.award_list.setObjectName("awardList")
        self.award_list.setMaximumHeight(80)
        al.addWidget(self.award_list)
        self.mark_button = QPushButton(self.tr("Tandai Hasil Kerja (Inovasi / Capaian Luar Biasa)…"), awards)
        self.mark_button.setObjectName("markButton")
        self.mark_button.setVisible(may(user.actor, Action.EVALUATE, subject) and bool(header.plan_id))
        self.mark_button.clicked.connect(self.open_mark_dialog)
        al.addWidget(self.mark_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(awards)
        layout.addStretch(1)
        self.reload()

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        try:
            self.profile = competency_service.profile(self.db, self.user, self.employee_id, self.year)
            self.item_views = development_service.items_of(self.db, self.user, self.employee_id, self.year)
            self.proposals = development_service.proposals(self.db, self.user, self.employee_id, self.year)
            self.awards = recognition_service.awards_of(self.db, self.user, self.employee_id)
        except Exception as exc:
            self.notice.show_notice(error_message(exc), "error")
            return
        self.chart.set_gaps(self.profile.gaps)
        sources = ", ".join(sorted(set(self.profile.sources.values())))
        self.sources.setText(self.tr("Sumber penilaian: {0}").format(sources) if sources
                             else self.tr("Belum ada hasil penilaian kompetensi."))
        self.items.set_rows(self.item_views)
        self.proposal_list.clear()
        for p in self.proposals:
            item = QListWidgetItem(f"{p.topic} ({p.form.replace('_', '-').lower()}, {_jp(p.jp)} JP) — {p.reason}")
            item.setToolTip(p.reason)
            self.proposal_list.addItem(item)
        if self.proposals:
            self.proposal_list.setCurrentRow(0)
        for w in (self.proposal_title, self.proposal_list, self.accept_button):
            w.setVisible(bool(self.proposals) and (w is not self.accept_button or self.can_plan))
        self.award_list.clear()
        for a in self.awards:
            when = a.given_on.strftime("%d-%m-%Y") if a.given_on else "-"
            self.award_list.addItem(f"{a.year} · {a.kind_label} · {when}" + (f" · SK {a.decree_no}" if a.decree_no
                                                                               else ""))
        if not self.awards:
            self.award_list.addItem(self.tr("Belum ada penghargaan tercatat."))
        done = sum(i.jp for i in self.item_views if i.state == "SELESAI" and i.completed_on
                   and i.completed_on.year == self.year)
        late = sum(1 for i in self.item_views if i.state == "TERLAMBAT")
        text = self.tr("JP pengembangan kompetensi selesai tahun {0}: <b>{1}</b> dari hak {2} JP.").format(
            self.year, _jp(done), JP_PER_YEAR)
        if late:
            text += " " + self.tr("<span style='color:#c5221f'>{0} rencana terlambat.</span>").format(late)
        self.summary.setText(text)

    def selected_item(self) -> development_service.ItemView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items.row_object(rows[0].row()) if rows else None

    def _saved(self, message: str) -> None:
        self.reload()
        self.notice.show_notice(message, "success")
        self.data_changed.emit()

    def _competencies(self) -> list[tuple[str, str]]:
        return [(g.code, g.name) for g in self.profile.gaps]

    # ------------------------------------------------------------------ actions

    @Slot()
    def open_item_dialog(self, values: dict[str, Any] | None = None, proposal: Any = None) -> ItemDialog:
        dialog = ItemDialog(self._competencies(), values, self,
                            title=self.tr("Terima Usulan") if proposal is not None else "")

        def save(v: dict[str, Any]) -> None:
            development_service.add_item(
                self.db, self.user, self.employee_id, self.year, **v,
                evaluation_id=proposal.evaluation_id if proposal is not None else None,
                source="OTOMATIS" if proposal is not None else "PENILAI")

        dialog.saver = save
        dialog.accepted.connect(lambda: self._saved(self.tr("Rencana pengembangan disimpan.")))
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def open_record_dialog(self) -> ItemDialog:
        """The admin records training the instansi organised (planned, or already done)."""
        dialog = ItemDialog(self._competencies(), {"form": "PELATIHAN"}, self,
                            title=self.tr("Catat Pelatihan yang Diselenggarakan"))
        dialog.done_box.show()
        dialog.saver = lambda v: development_service.add_item(self.db, self.user, self.employee_id, self.year,
                                                              source="ADMIN", **v)
        dialog.accepted.connect(lambda: self._saved(self.tr("Pelatihan tercatat.")))
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def accept_selected_proposal(self) -> ItemDialog | None:
        row = self.proposal_list.currentRow()
        if not 0 <= row < len(self.proposals):
            return None
        p = self.proposals[row]
        start = max(date.today(), date(self.year, 1, 1))
        return self.open_item_dialog({"form": p.form, "topic": p.topic, "competency_code": p.competency_code,
                                      "jp": p.jp, "reason": p.reason, "start_on": start, "end_on": start}, p)

    @Slot()
    def open_edit_dialog(self) -> ItemDialog | None:
        item = self.selected_item()
        if item is None:
            self.notice.show_notice(self.tr("Pilih satu rencana di tabel terlebih dahulu."), "info")
            return None
        dialog = ItemDialog(self._competencies(), item.__dict__, self, title=self.tr("Ubah Rencana"))
        dialog.saver = lambda v: development_service.update_item(self.db, self.user, item.id, **v)
        dialog.accepted.connect(lambda: self._saved(self.tr("Rencana diubah.")))
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def cancel_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            self.notice.show_notice(self.tr("Pilih satu rencana di tabel terlebih dahulu."), "info")
            return
        try:
            development_service.cancel_item(self.db, self.user, item.id)
        except Exception as exc:
            self.notice.show_notice(error_message(exc), "error")
            return
        self._saved(self.tr("Rencana dibatalkan."))

    @Slot()
    def open_done_dialog(self) -> DoneDialog | None:
        item = self.selected_item()
        if item is None:
            self.notice.show_notice(self.tr("Pilih rencana yang sudah Anda selesaikan."), "info")
            return None
        dialog = DoneDialog(item.topic, self)
        dialog.saver = lambda v: development_service.report_done(self.db, self.user, item.id, v["completed_on"],
                                                                 certificate=v["certificate"], note=v["note"])
        dialog.accepted.connect(lambda: self._saved(self.tr("Penyelesaian dilaporkan.")))
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def open_assess_dialog(self) -> AssessDialog:
        descriptions = {c.code: c.levels for c in competency_service.catalogue()}
        dialog = AssessDialog(list(self.profile.gaps), descriptions, self)
        dialog.saver = lambda v: competency_service.assess(self.db, self.user, self.employee_id, v["code"],
                                                           v["level"], note=v["note"], year=self.year)
        dialog.accepted.connect(lambda: self._saved(self.tr("Tingkat kompetensi disimpan.")))
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def open_mark_dialog(self) -> MarkDialog:
        with self.db.reader() as s:
            rhks = [(r.id, r.text) for r in s.scalars(select(Rhk).where(Rhk.plan_id == self.header.plan_id,
                                                                        Rhk.deleted.is_(False))
                                                      .order_by(Rhk.kind.desc(), Rhk.position))]
        dialog = MarkDialog(rhks, period_of(self.period).label, self)
        dialog.saver = lambda v: recognition_service.mark_feedback(self.db, self.user, self.header.plan_id,
                                                                   self.period, v["rhk_id"], v["mark"], v["reason"])
        dialog.accepted.connect(lambda: self._saved(self.tr("Tanda umpan balik disimpan.")))
        self.dialog = dialog
        dialog.open()
        return dialog

    def set_period(self, code: str) -> None:
        self.period = period_of(code).code
