"""Tampilan Unit: the unit's predikat distribution against the kurva distribusi of its
organisational predikat (each broken rule in words), and the progress of its employees.

``UnitView(db, user, unit_id, year, period, parent=None)``. Loading runs in a worker
(a 20,000-employee office must not freeze the window).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kinerja_desktop.domain.penilaian import Predikat, PredikatOrganisasi
from kinerja_desktop.domain.periods import period as period_of
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.form_queries import unit_name, unit_progress
from kinerja_desktop.services.query_service import EmployeeRow, UnitDistribution
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.distribution_chart import DistributionChart, describe_rule, rules_for
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.form_support.messages import NoticeBar
from kinerja_desktop.ui.form_support.period_combo import PeriodCombo
from kinerja_desktop.ui.form_support.roles import ObjectRole
from kinerja_desktop.ui.unit_progress_model import (
    COL_EVAL,
    COL_JABATAN,
    COL_NAME,
    COL_NIP,
    COL_PLAN,
    COL_UNIT,
    FILTER_ALL,
    FILTER_NO_APPROVED_PLAN,
    FILTER_NOT_EVALUATED,
    ProgressFilterProxy,
    ProgressTable,
    UnitProgressModel,
    prepare_progress,
    sort_table,
)
from kinerja_desktop.ui.workers import Task, TaskContext, run_task


def _load(ctx: TaskContext, db: Database, user: CurrentUser, unit_id: str, year: int, period: str,  # noqa: PLR0917
          org: str | None, recursive: bool, sort: tuple[int, Qt.SortOrder] | None,
          ) -> tuple[UnitDistribution, ProgressTable, str | None]:
    """Worker: query, then prepare the table (keys, flags, order) so the GUI thread only swaps lists;
    also the unit's IKM sentence (Survei Kepuasan Masyarakat), None when it has no survey."""
    from kinerja_desktop.services.skm_link import ikm_near

    dist, rows = unit_progress(db, user, unit_id, year, period, org_predikat=org, recursive=recursive)
    ctx.check_cancelled()
    table = prepare_progress(rows)
    if sort is not None:
        table = sort_table(table, *sort)
    ikm = ikm_near(db, unit_id, year, period)
    return dist, table, ikm.long_text() if ikm else None


def broken_predikat(dist: UnitDistribution) -> set[Predikat]:
    """The predikat named by the broken rules (their bars are drawn red)."""
    found: set[Predikat] = set()
    for violation in dist.violations:
        _kind, _, codes = violation.rule.partition(":")
        found.update(Predikat(code) for code in codes.split("+") if code)
    return found


class UnitView(QWidget):
    """Signals: loaded() — data for the current choices is shown; employee_open_requested(str)."""

    loaded = Signal()
    employee_open_requested = Signal(str)

    def __init__(self, db: Database, user: CurrentUser, unit_id: str, year: int, period: str,  # noqa: PLR0917
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user, self.unit_id, self.year = db, user, unit_id, year
        self.unit_name = unit_name(db, unit_id) or self.tr("Unit")
        self.setWindowTitle(self.unit_name)
        self.distribution: UnitDistribution | None = None
        self.task: Task | None = None
        self._generation = 0

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        title = QLabel(f"<span style='font-size:13pt; font-weight:bold'>{self.unit_name}</span> · "
                       + self.tr("Tahun {0}").format(year), self)
        top.addWidget(title)
        top.addStretch(1)
        self.status = QLabel("", self)
        self.status.setObjectName("loadStatus")
        self.status.setStyleSheet("color: #5f6368;")
        top.addWidget(self.status)
        layout.addLayout(top)
        # The choices go on a row of their own: with the title beside them the page was wider
        # than a 1366-pixel screen with the navigation panel open.
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Periode:"), self))
        self.period = PeriodCombo(db, year, period, self)
        self.period.period_chosen.connect(lambda _c: self.reload())
        top.addWidget(self.period)
        top.addSpacing(10)
        top.addWidget(QLabel(self.tr("Predikat organisasi:"), self))
        self.org = QComboBox(self)
        self.org.setObjectName("orgPredikat")
        self.org.setToolTip(self.tr("Predikat kinerja organisasi unit (ditetapkan pimpinan satu tingkat di atasnya). "
                                    "Pilih predikat lain untuk melihat aturan kurvanya."))
        self.org.addItem(self.tr("sesuai penetapan"), None)
        for org in PredikatOrganisasi:
            self.org.addItem(tr_label(org.label), org.value)
        self.org.activated.connect(lambda _i: self.reload())
        top.addWidget(self.org)
        self.recursive = QCheckBox(self.tr("termasuk unit di bawahnya"), self)
        self.recursive.setChecked(True)
        self.recursive.toggled.connect(lambda _on: self.reload())
        top.addWidget(self.recursive)
        top.addStretch(1)
        layout.addLayout(top)
        self.notice = NoticeBar(self)
        layout.addWidget(self.notice)

        self.chart = DistributionChart(self)
        self.rule_text = QLabel(self)
        self.rule_text.setObjectName("curveRules")
        self.rule_text.setWordWrap(True)
        self.rule_text.setTextFormat(Qt.TextFormat.RichText)
        self.violations = QLabel(self)
        self.violations.setObjectName("curveViolations")
        self.violations.setWordWrap(True)
        self.violations.setTextFormat(Qt.TextFormat.RichText)
        upper = QWidget(self)
        upper_layout = QHBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.chart, 3)
        rules_box = QFrame(upper)
        rules_box.setObjectName("rulesBox")
        rules_box.setStyleSheet("QFrame#rulesBox { border: 1px solid #dadce0; border-radius: 4px; }")
        rules_layout = QVBoxLayout(rules_box)
        rules_layout.addWidget(self.rule_text)
        rules_layout.addWidget(self.violations)
        self.ikm = QLabel(self)
        self.ikm.setObjectName("unitIkm")
        self.ikm.setWordWrap(True)
        self.ikm.setTextFormat(Qt.TextFormat.RichText)
        self.ikm.hide()
        rules_layout.addWidget(self.ikm)
        rules_layout.addStretch(1)
        upper_layout.addWidget(rules_box, 2)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("<b>Kemajuan pegawai</b>"), right))
        self.summary = QLabel("", right)
        self.summary.setObjectName("progressSummary")
        head.addWidget(self.summary, 1)
        right_layout.addLayout(head)
        filters = QHBoxLayout()
        self.search = QLineEdit(right)
        self.search.setObjectName("progressSearch")
        self.search.setPlaceholderText(self.tr("Cari nama, NIP atau jabatan…"))
        self.search.setClearButtonEnabled(True)
        self.filter = QComboBox(right)
        self.filter.setObjectName("progressFilter")
        self.filter.addItem(self.tr("Semua pegawai"), FILTER_ALL)
        self.filter.addItem(self.tr("Belum punya SKP disetujui"), FILTER_NO_APPROVED_PLAN)
        self.filter.addItem(self.tr("Belum dievaluasi"), FILTER_NOT_EVALUATED)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.filter)
        right_layout.addLayout(filters)
        self.model = UnitProgressModel(self)
        self.proxy = ProgressFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(right)
        self.table.setObjectName("progressTable")
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # sorts the (empty) model by name: later loads arrive sorted
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((COL_NAME, 230), (COL_NIP, 170), (COL_JABATAN, 260), (COL_UNIT, 260), (COL_PLAN, 130),
                              (COL_EVAL, 120)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_row)
        right_layout.addWidget(self.table, 1)
        self.search.textChanged.connect(self.proxy.set_search)
        self.filter.activated.connect(lambda i: self.proxy.set_mode(self.filter.itemData(i)))

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(right)
        splitter.setSizes([330, 370])
        layout.addWidget(splitter, 1)
        self.status.setText(self.tr("Memuat…"))
        # Start loading once the page has painted: the worker and the first paint would share the GIL.
        QTimer.singleShot(40, self.reload)

    # ------------------------------------------------------------------ loading

    @Slot()
    def reload(self) -> None:
        """Fetch the distribution and the progress rows for the current choices (in a worker)."""
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Memuat…"))
        if self.task is not None and self.task.running:
            self.task.cancel()  # its result would be dropped anyway
        sort = self.model.sort_state
        task = run_task(_load, self.db, self.user, self.unit_id, self.year, self.period.code(),
                        self.org.currentData(), self.recursive.isChecked(), sort, title=self.tr("Memuat tampilan unit"))
        task.succeeded.connect(lambda result: self._loaded(generation, result, sort))
        task.failed.connect(lambda message: self._failed(generation, message))
        self.task = task

    def _loaded(self, generation: int, result: Any, sort: tuple[int, Qt.SortOrder] | None) -> None:
        if not isValid(self) or generation != self._generation:
            return  # closed meanwhile, or a newer request is under way
        dist, table, ikm = result
        self.distribution = dist
        self.model.set_table(table, sorted_by=sort)
        self._show(dist, table)
        self.ikm.setText("<b>" + self.tr("Survei Kepuasan Masyarakat") + "</b><br>" + html.escape(ikm) if ikm else "")
        self.ikm.setVisible(bool(ikm))
        self.status.setText("")
        self.loaded.emit()

    def _failed(self, generation: int, message: str) -> None:
        if isValid(self) and generation == self._generation:
            self.status.setText("")
            self.notice.show_notice(message, "error")

    def _show(self, dist: UnitDistribution, table: ProgressTable) -> None:
        label = self.period.currentText().split(" (")[0]
        org = dist.org_predikat
        self.chart.set_data(dist.counts, org, broken_predikat(dist),
                            self.tr("Pola distribusi predikat · {0} ({1} dari {2} pegawai berpredikat)").format(
                                label, dist.evaluated, dist.total_employees))
        if org is None:
            self.rule_text.setText(self.tr("<b>Kurva distribusi:</b> predikat kinerja organisasi unit ini belum "
                                           "ditetapkan untuk periode ini. Pilih predikat organisasi di atas untuk "
                                           "melihat aturannya."))
            self.violations.setText("")
        else:
            org_label = tr_label(PredikatOrganisasi(org).label)
            rules = "".join(f"<li>{describe_rule(rule)}</li>" for rule in rules_for(org))
            source = "" if self.org.currentData() else self.tr(" (sesuai penetapan)")
            self.rule_text.setText(self.tr("<b>Kurva distribusi untuk unit berpredikat {0}</b>{1}:").format(
                                       org_label, source)
                                   + f"<ul style='margin-top:2px; margin-bottom:0'>{rules}</ul>")
            if dist.evaluated == 0:
                self.violations.setText("<span style='color:#5f6368'>"
                                        + self.tr("Belum ada pegawai berpredikat pada periode ini.") + "</span>")
            elif dist.violations:
                items = "".join(f"<li>{v.message}</li>" for v in dist.violations)
                self.violations.setText("<b style='color:#c5221f'>"
                                        + self.tr("Aturan yang dilanggar ({0}):").format(len(dist.violations))
                                        + "</b><ul style='margin-top:2px; margin-bottom:0; color:#8c1d18'>"
                                        + f"{items}</ul>")
            else:
                self.violations.setText(
                    "<b style='color:#137333'>" + self.tr("✓ Sebaran predikat sesuai kurva distribusi.") + "</b>"
                )
        total = len(table.rows)
        approved, done = table.approved_count, table.evaluated_count
        self.summary.setText(
            self.tr("SKP disetujui: <b>{0}</b> dari {1} · Sudah dievaluasi: <b>{2}</b> dari {3}").format(
                approved, total, done, total
            )
        )

    @Slot()
    def _open_row(self) -> None:
        row = self.table.currentIndex().data(ObjectRole)
        if isinstance(row, EmployeeRow):
            self.employee_open_requested.emit(row.id)

    def set_period(self, code: str) -> None:
        self.period.choose(period_of(code).code)
