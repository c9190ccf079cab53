"""Ringkasan Instansi: the whole instansi at a glance for the central office's admin.

Per unit (sortable, filterable table) and for the instansi: SKP, realisations, evaluations,
predikat (chart), progress over the year's periods (chart), units that break their curve and the
most lagging ones in words, each unit's last sync. Loading runs in a worker; a double click on a
unit asks the main window to open it (``unit_open_requested(unit_id)``); the table exports to XLSX.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.central.overview import InstansiOverview, instansi_overview, write_xlsx
from kinerja_desktop.domain.penilaian import PREDIKAT_ORDER_CHART
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.form_support.period_combo import PeriodCombo
from kinerja_desktop.ui.form_support.roles import ObjectRole
from kinerja_desktop.ui.instansi_model import COL_DONE, InstansiProxy, InstansiUnitModel
from kinerja_desktop.ui.workers import Task, TaskContext, run_task


def _load(ctx: TaskContext, db: Database, user: CurrentUser, year: int, period: str) -> InstansiOverview:
    del ctx
    return instansi_overview(db, user, year, period)


class InstansiView(QWidget):
    """Signals: loaded() after each load; unit_open_requested(str) with a unit id."""

    loaded = Signal()
    unit_open_requested = Signal(str)

    def __init__(self, db: Database, user: CurrentUser, year: int, period: str = "TAHUNAN",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.overview: InstansiOverview | None = None
        self._task: Task | None = None
        self.setObjectName("instansiView")
        self.setWindowTitle(self.tr("Ringkasan Instansi"))
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(year)
        self.period_combo = PeriodCombo(db, year, period, self)
        self.refresh_button = QPushButton(self.tr("Muat Ulang"), self)
        self.export_button = QPushButton(self.tr("Ekspor XLSX…"), self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Saring unit…"))
        self.summary = QLabel(self.tr("Memuat…"), self)
        self.summary.setWordWrap(True)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.model = InstansiUnitModel(self)
        self.proxy = InstansiProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(self)
        self.table.setObjectName("instansiTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.predikat_chart = QChartView(self)
        self.progress_chart = QChartView(self)
        for view in (self.predikat_chart, self.progress_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)

        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("Tahun"), self), self.year_spin, QLabel(self.tr("Periode"), self),
                       self.period_combo, self.refresh_button, self.filter_edit, self.export_button):
            bar.addWidget(widget)
        charts = QHBoxLayout()
        charts.addWidget(self.predikat_chart)
        charts.addWidget(self.progress_chart)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addLayout(charts)
        layout.addWidget(self.notes)
        layout.addWidget(self.table, 1)

        self.refresh_button.clicked.connect(self.reload)
        self.period_combo.period_chosen.connect(lambda _code: self.reload())
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.doubleClicked.connect(self._open_unit)
        self.export_button.clicked.connect(self._export)
        self.reload()

    @Slot()
    def reload(self) -> None:
        if self._task is not None and self._task.running:
            self._task.cancel()
        self.summary.setText(self.tr("Memuat…"))
        code = self.period_combo.currentData() or "TAHUNAN"
        self._task = run_task(_load, self.db, self.user, self.year_spin.value(), code,
                              title=self.tr("Memuat ringkasan instansi"), owner=self)
        self._task.succeeded.connect(self._show)
        self._task.failed.connect(self.summary.setText)

    @Slot(object)
    def _show(self, ov: InstansiOverview) -> None:
        self.overview = ov
        t = ov.total
        pct = f"{100 * t.completion:.0f}%"
        self.summary.setText(self.tr(
            "{n} pegawai ASN di {units} unit. SKP disetujui {approved}; realisasi dilaporkan {realised}; "
            "evaluasi final {final} ({pct}), ditandatangani {signed}.").format(
                n=t.employees, units=len(ov.units), approved=t.skp.get("APPROVED", 0), realised=t.realised,
                final=t.finalised, pct=pct, signed=t.signed))
        lines = [self.tr("Unit paling tertinggal: {names}").format(names=", ".join(
            f"{u.name} ({u.code}, {100 * u.completion:.0f}%)" for u in ov.lagging(5)) or "-")]
        broken = ov.broken_curves()
        lines.append(self.tr("Unit yang melanggar kurva distribusi: {n}").format(n=len(broken)))
        lines += [f"  • {u.name} ({u.code}): {u.violations[0]}" for u in broken[:5]]
        self.notes.setText("\n".join(lines))
        self.model.set_rows(ov.units)
        self.table.sortByColumn(COL_DONE, Qt.SortOrder.AscendingOrder)
        self._draw_charts(ov)
        self.loaded.emit()

    def _draw_charts(self, ov: InstansiOverview) -> None:
        t = ov.total
        chart = QChart()
        chart.setTitle(self.tr("Predikat kinerja pegawai"))
        series = QBarSeries()
        bars = QBarSet(self.tr("Pegawai"))
        bars.append([t.predikat.get(p.value, 0) for p in PREDIKAT_ORDER_CHART])
        series.append(bars)
        chart.addSeries(series)
        self._axes(chart, series, [tr_label(p.label) for p in PREDIKAT_ORDER_CHART],
                   max([1, *[t.predikat.get(p.value, 0) for p in PREDIKAT_ORDER_CHART]]))
        self.predikat_chart.setChart(chart)
        chart2 = QChart()
        chart2.setTitle(self.tr("Evaluasi final per periode (%)"))
        series2 = QBarSeries()
        done = QBarSet(self.tr("Final"))
        done.append([100 * t.progress.get(c, 0) / t.employees if t.employees else 0 for c in ov.periods])
        series2.append(done)
        chart2.addSeries(series2)
        self._axes(chart2, series2, list(ov.periods), 100)
        self.progress_chart.setChart(chart2)

    @staticmethod
    def _axes(chart: QChart, series: QBarSeries, categories: list[str], top: float) -> None:
        chart.legend().setVisible(False)
        x = QBarCategoryAxis()
        x.append(categories)
        y = QValueAxis()
        y.setRange(0, top)
        y.setLabelFormat("%d")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    @Slot(QModelIndex)
    def _open_unit(self, index: QModelIndex) -> None:
        unit: Any = index.data(ObjectRole)
        if unit is not None and unit.unit_id:
            self.unit_open_requested.emit(unit.unit_id)

    @Slot()
    def _export(self) -> None:
        from kinerja_desktop.ui.file_dialogs import save_file_name

        if self.overview is None:
            return
        path = save_file_name(self, self.tr("Simpan ringkasan instansi"), "ringkasan-instansi.xlsx",
                              self.tr("Buku kerja Excel (*.xlsx)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        if self.overview is not None:
            write_xlsx(self.overview, path)
