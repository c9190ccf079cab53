"""Ringkasan Instansi: units loaded in a worker, charts of predikat and progress, lagging units and broken
curves in words, sortable/filterable table, drill-down to a unit and XLSX export."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCharts import QBarSeries

from kinerja_desktop.central.overview import instansi_overview
from kinerja_desktop.domain.penilaian import PREDIKAT_ORDER_CHART
from kinerja_desktop.ui.form_support.roles import ObjectRole
from kinerja_desktop.ui.instansi_model import COL_NAME
from kinerja_desktop.ui.instansi_view import InstansiView
from tests.gui.form_helpers import QT_LOG_IGNORE, screenshot, show

pytestmark = QT_LOG_IGNORE
YEAR = 2026


def open_view(qtbot, db, user, period="TW2"):
    view = InstansiView(db, user, YEAR, period)
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        show(qtbot, view)
    return view


def test_overview_shows_the_services_figures(qtbot, qtmodeltester, demo_db, people, tmp_path: Path):
    view = open_view(qtbot, demo_db, people.admin)
    expected = instansi_overview(demo_db, people.admin, YEAR, "TW2")
    assert view.model.rowCount() == len(expected.units)
    assert f"{expected.total.employees} pegawai ASN" in view.summary.text()
    assert "Unit paling tertinggal" in view.notes.text()
    bars = next(s for s in view.predikat_chart.chart().series() if isinstance(s, QBarSeries)).barSets()[0]
    assert [int(bars.at(i)) for i in range(bars.count())] == [expected.total.predikat.get(p.value, 0)
                                                              for p in PREDIKAT_ORDER_CHART]
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    # the first row after loading is the most lagging unit
    first = view.proxy.index(0, 0).data(ObjectRole)
    assert first.completion == min(u.completion for u in expected.units)
    view.filter_edit.setText(expected.units[-1].name)
    assert 1 <= view.proxy.rowCount() < view.model.rowCount()
    view.export_to(str(tmp_path / "o.xlsx"))
    assert load_workbook(tmp_path / "o.xlsx")["Unit"].max_row == len(expected.units) + 2
    screenshot(view, "instansi_view")


def test_double_click_asks_to_open_the_unit(qtbot, demo_db, people):
    view = open_view(qtbot, demo_db, people.admin)
    index = view.proxy.index(0, COL_NAME)
    unit = index.data(ObjectRole)
    with qtbot.waitSignal(view.unit_open_requested, timeout=2_000) as blocker:
        view.table.doubleClicked.emit(index)
    assert blocker.args == [unit.unit_id]


def test_non_admin_sees_the_refusal(qtbot, demo_db, people):
    view = InstansiView(demo_db, people.staff, YEAR, "TW2")
    show(qtbot, view)
    qtbot.waitUntil(lambda: "admin" in view.summary.text(), timeout=10_000)
    assert view.model.rowCount() == 0
