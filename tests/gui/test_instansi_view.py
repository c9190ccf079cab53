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
    assert "Belum ada data sinkronisasi dari PC unit mana pun" in view.notes.text()  # the demo office: no PC yet
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


def test_a_period_change_and_a_unit_drill_down_read_nothing_new(qtbot, demo_db, people, monkeypatch):
    """After the first load (in a worker, with progress) the period and unit views come from memory: no task
    is started and no query runs, and the figures are those of a fresh load."""
    from sqlalchemy import event

    from kinerja_desktop.ui import instansi_view
    from kinerja_desktop.ui.instansi_model import P_NAME

    progressed: list[str] = []
    view = InstansiView(demo_db, people.admin, YEAR, "TW2")
    view._task.progressed.connect(lambda _d, _t, label: progressed.append(label))
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        show(qtbot, view)
    assert progressed and view.progress.isHidden()
    started = []
    monkeypatch.setattr(instansi_view, "run_task", lambda *a, **k: started.append(a))
    queries = []
    listener = lambda *a: queries.append(a[2])  # noqa: E731
    event.listen(demo_db.engine, "before_cursor_execute", listener)
    try:
        unit = view.proxy.index(0, 0).data(ObjectRole)
        view.table.selectRow(0)
        assert view.people_model.rowCount() == unit.employees
        assert unit.name in view.unit_title.text()
        with qtbot.waitSignal(view.loaded, timeout=1_000):
            view.period_combo.choose("TW1")
        assert view.overview.period == "TW1"
        # the drill-down stays on the same unit, now with its TW1 figures
        assert view._selected_unit().unit_id == unit.unit_id
        assert view.people_model.rowCount() == unit.employees
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", listener)
    assert not started and not queries
    fresh = instansi_overview(demo_db, people.admin, YEAR, "TW1")
    assert [u.to_dict() for u in view.overview.units] == [u.to_dict() for u in fresh.units]  # both by code
    assert f"{fresh.total.employees} pegawai ASN" in view.summary.text()
    person = view.people_model.index(0, P_NAME)
    with qtbot.waitSignal(view.person_open_requested, timeout=2_000) as blocker:
        view.people.doubleClicked.emit(person)
    assert blocker.args == [person.data(ObjectRole).employee_id]
    screenshot(view, "instansi_view_drill")


def test_another_year_is_read_in_the_worker_once_typing_stops(qtbot, demo_db, people):
    view = open_view(qtbot, demo_db, people.admin)
    assert view.data.year == YEAR
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        view.year_spin.setValue(YEAR - 1)
        view.year_spin.setValue(YEAR + 1)  # typed on: only the last year is read
    assert view.data.year == YEAR + 1 and view.overview.year == YEAR + 1
    assert view.overview.total.finalised == 0 and view.model.rowCount() == len(view.overview.units)


def test_long_predikat_labels_go_on_two_lines_instead_of_being_elided() -> None:
    from kinerja_desktop.ui.distribution_chart import two_line_labels

    assert two_line_labels(["Sangat Kurang", "Kurang/Misconduct", "Baik", "Butuh Perbaikan"], 6) == [
        "Sangat<br>Kurang", "Kurang/<br>Misconduct", "Baik", "Butuh<br>Perbaikan"]
    assert two_line_labels(["Needs improvement", "Very good"], 15) == ["Needs<br>improvement", "Very good"]
