"""Ringkasan Instansi: the whole instansi at a glance for the central office's admin.

Per unit (sortable, filterable table) and for the instansi: SKP, realisations, evaluations,
predikat (chart), progress over the year's periods (chart), units that break their curve and the
most lagging ones in words, each unit's last sync. The year loads once in a worker (with a progress
bar); a period change and a unit's people (selecting a unit) are then derived in memory, without a
query. A double click on a unit asks the main window to open it (``unit_open_requested(unit_id)``),
on a person to open the employee (``person_open_requested(employee_id)``); the table exports to XLSX.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QItemSelection, QMargins, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.central.overview import InstansiOverview, InstansiYear, UnitOverview, load_instansi, write_xlsx
from kinerja_desktop.domain.penilaian import PREDIKAT_ORDER_CHART
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.store.db import Database
from kinerja_desktop.ui.distribution_chart import two_line_labels
from kinerja_desktop.ui.form_support.labels import tr_label
from kinerja_desktop.ui.form_support.period_combo import PeriodCombo
from kinerja_desktop.ui.form_support.roles import ObjectRole
from kinerja_desktop.ui.instansi_model import (
    COL_DONE,
    COL_NAME,
    P_NAME,
    InstansiPeopleModel,
    InstansiProxy,
    InstansiUnitModel,
)
from kinerja_desktop.ui.workers import Task, TaskContext, run_task

#: A unit whose PCs sent nothing for this many days is named as silent (the CLI's --sepi default).
SILENT_DAYS = 14


def _load(ctx: TaskContext, db: Database, user: CurrentUser, year: int, periods: list[str]) -> InstansiYear:
    def report(stage: str, done: int, total: int) -> None:
        ctx.check_cancelled()
        ctx.progress(done, total, stage)

    data = load_instansi(db, user, year, progress=report)
    for code in periods:  # every period the combo offers, here: a period change then only shows (bench_overview)
        ctx.check_cancelled()
        data.overview(code)
    return data


class InstansiView(QWidget):
    """Signals: loaded() after each view is shown (a load or a period change); unit_open_requested(str) with
    a unit id; person_open_requested(str) with an employee id."""

    loaded = Signal()
    unit_open_requested = Signal(str)
    person_open_requested = Signal(str)

    def __init__(self, db: Database, user: CurrentUser, year: int, period: str = "TAHUNAN",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.data: InstansiYear | None = None
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
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.year_timer = QTimer(self)  # typing a year reloads once, when the typing stops
        self.year_timer.setSingleShot(True)
        self.year_timer.setInterval(500)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
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
        # Column widths are measured once, on the first rows (_show): kept ResizeToContents on 2,500 units
        # cost 80 ms of CPU at the next layout after every period change.
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self.table.verticalHeader().hide()
        self.unit_title = QLabel(self.tr("Pilih unit untuk melihat pegawainya."), self)
        self.unit_title.setWordWrap(True)
        self.unit_title.setTextFormat(Qt.TextFormat.PlainText)
        self.people_model = InstansiPeopleModel(self)
        self.people = QTableView(self)
        self.people.setObjectName("instansiPeople")
        self.people.setModel(self.people_model)
        self.people.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people.verticalHeader().hide()
        people_header = self.people.horizontalHeader()  # name, evaluation, SKP, realisation readable; NIP last
        people_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        people_header.setSectionResizeMode(P_NAME, QHeaderView.ResizeMode.Interactive)
        people_header.resizeSection(P_NAME, 190)
        self.predikat_chart = QChartView(self)
        self.progress_chart = QChartView(self)
        for view in (self.predikat_chart, self.progress_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(180)
            view.setMinimumWidth(260)

        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("Tahun"), self), self.year_spin, QLabel(self.tr("Periode"), self),
                       self.period_combo, self.refresh_button, self.filter_edit, self.export_button):
            bar.addWidget(widget)
        charts = QHBoxLayout()  # the two charts and the notes in words side by side: the tables keep the height
        charts.addWidget(self.predikat_chart, 5)  # five two-line labels: "Kurang/ Misconduct" whole
        charts.addWidget(self.progress_chart, 4)
        charts.addWidget(self.notes, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addLayout(charts)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.unit_title)
        detail_layout.addWidget(self.people, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)

        self.refresh_button.clicked.connect(self.reload)
        self.period_combo.period_chosen.connect(self.show_period)
        self.year_spin.valueChanged.connect(self.year_timer.start)
        self.year_timer.timeout.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._unit_selected)
        self.people.doubleClicked.connect(self._open_person)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.doubleClicked.connect(self._open_unit)
        self.export_button.clicked.connect(self._export)
        self.reload()

    @Slot()
    def reload(self) -> None:
        """Read the chosen year again, in a worker (the views stay as they are until it arrives)."""
        self.year_timer.stop()
        if self._task is not None and self._task.running:
            self._task.cancel()
        self.summary.setText(self.tr("Memuat…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        current = self.period_combo.currentData() or "TAHUNAN"
        periods = [current, *(self.period_combo.itemData(i) for i in range(self.period_combo.count()))]
        task = run_task(_load, self.db, self.user, self.year_spin.value(), list(dict.fromkeys(periods)),
                        title=self.tr("Memuat ringkasan instansi"), owner=self)
        self._task = task
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._loaded)
        task.failed.connect(self._failed)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(f"{tr_label(label)} (%p%)")

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.summary.setText(message)

    @Slot(object)
    def _loaded(self, data: InstansiYear) -> None:
        self.progress.hide()
        self.data = data
        self.show_period(self.period_combo.currentData() or "TAHUNAN")

    @Slot(str)
    def show_period(self, code: str) -> None:
        """Show ``code`` of the loaded year, derived in memory; another year than the loaded one is read first."""
        if self.data is None or self.data.year != self.year_spin.value():
            self.reload()
            return
        self._show(self.data.overview(code))

    def _show(self, ov: InstansiOverview) -> None:
        selected = self._selected_unit()
        first = self.overview is None
        self.overview = ov
        t = ov.total
        pct = f"{100 * t.completion:.0f}%"
        self.summary.setText(self.tr(
            "{n} pegawai ASN di {units} unit. SKP disetujui {approved}; realisasi dilaporkan {realised}; "
            "evaluasi final {final} ({pct}), ditandatangani {signed}.").format(
                n=t.employees, units=len(ov.units), approved=t.skp.get("APPROVED", 0), realised=t.realised,
                final=t.finalised, pct=pct, signed=t.signed))
        lines = [self.tr("Unit paling tertinggal: {names}").format(names=", ".join(
            f"{u.name} ({u.code}, {100 * u.completion:.0f}%)" for u in ov.lagging(3)) or "-")]
        broken = ov.broken_curves()
        lines.append(self.tr("Unit yang melanggar kurva distribusi: {n}").format(n=len(broken)))
        if broken:  # the rules broken, in words: the Kurva column's tooltip and the selected unit's line
            lines[-1] += " (" + ", ".join(u.code for u in broken[:6]) + (", …" if len(broken) > 6 else "") + ")"
        if any(u.last_sync for u in ov.units):
            silent = ov.silent(datetime.now(UTC).replace(tzinfo=None) - timedelta(days=SILENT_DAYS))
            lines.append(self.tr("Unit yang PC-nya tidak mengirim data {days} hari terakhir: {n} ({names})").format(
                days=SILENT_DAYS, n=len(silent),
                names=", ".join(u.code for u in silent[:8]) + (", …" if len(silent) > 8 else "")))
        else:
            lines.append(self.tr("Belum ada data sinkronisasi dari PC unit mana pun di basis data ini."))
        self.notes.setText("\n".join(lines))
        self.model.set_rows(ov.units)
        header = self.table.horizontalHeader()
        if first:  # the most lagging units first; later views keep the person's own sorting
            self.table.sortByColumn(COL_DONE, Qt.SortOrder.AscendingOrder)
            self.table.resizeColumnsToContents()  # figures as wide as they need, the unit's name readable
            header.resizeSection(COL_NAME, 230)
        else:
            self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._draw_charts(ov)
        self._select_unit(selected.unit_id if selected is not None else None)
        self.loaded.emit()

    def _selected_unit(self) -> UnitOverview | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ObjectRole) if rows else None

    def _select_unit(self, unit_id: str | None) -> None:
        """Select the unit with ``unit_id`` again after the rows changed (a period change keeps the drill-down)."""
        row = self.model.row_of(unit_id) if unit_id is not None else -1
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        if index.isValid():  # (a unit the filter hides is let go)
            self.table.selectRow(index.row())
            self.table.scrollTo(index)
            return
        self._show_unit(None)

    @Slot(QItemSelection, QItemSelection)
    def _unit_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_unit(self._selected_unit())

    def _show_unit(self, unit: UnitOverview | None) -> None:
        """The unit's figures in words and its own people for the period (from memory)."""
        if unit is None or self.data is None or self.overview is None:
            self.unit_title.setText(self.tr("Pilih unit untuk melihat pegawainya."))
            self.people_model.set_rows([])
            return
        subs = len(self.data.sub_units(unit.unit_id))
        text = self.tr("{name} ({code}): {n} pegawai ASN, {subs} sub-unit. SKP disetujui {approved}; realisasi "
                       "{realised}; evaluasi final {final} ({pct}), ditandatangani {signed}.").format(
            name=unit.name, code=unit.code, n=unit.employees, subs=subs, approved=unit.skp.get("APPROVED", 0),
            realised=unit.realised, final=unit.finalised, pct=f"{100 * unit.completion:.0f}%", signed=unit.signed)
        if unit.violations:
            text += "\n" + self.tr("Kurva dilanggar: {what}").format(what="; ".join(unit.violations))
        self.unit_title.setText(text)
        self.people_model.set_rows(self.data.people(unit.unit_id, self.overview.period))

    @Slot(QModelIndex)
    def _open_person(self, index: QModelIndex) -> None:
        person: Any = index.data(ObjectRole)
        if person is not None:
            self.person_open_requested.emit(person.employee_id)

    def _draw_charts(self, ov: InstansiOverview) -> None:
        t = ov.total
        chart = QChart()
        chart.setTitle(self.tr("Predikat kinerja pegawai"))
        series = QBarSeries()
        bars = QBarSet(self.tr("Pegawai"))
        bars.append([t.predikat.get(p.value, 0) for p in PREDIKAT_ORDER_CHART])
        series.append(bars)
        chart.addSeries(series)
        self._axes(chart, series, two_line_labels([tr_label(p.label) for p in PREDIKAT_ORDER_CHART], 6),
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
        chart.setMargins(QMargins(2, 2, 2, 2))  # narrow charts beside the notes: the labels need the room
        chart.layout().setContentsMargins(0, 0, 0, 0)
        x = QBarCategoryAxis()
        x.append(categories)
        font = x.labelsFont()
        font.setPointSizeF(max(7.0, font.pointSizeF() - 2))
        x.setLabelsFont(font)
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
