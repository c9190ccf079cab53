"""Tampilan Unit: the predikat chart in the regulation's order against the kurva distribusi, each
broken rule in words, and the progress table with search and filters."""

from __future__ import annotations

from PySide6.QtCharts import QBarSeries
from PySide6.QtCore import Qt

from kinerja_desktop.domain.penilaian import PREDIKAT_ORDER_CHART, Predikat
from kinerja_desktop.services.query_service import employee_rows, unit_distribution, unit_tree
from kinerja_desktop.ui.form_support.roles import ObjectRole
from kinerja_desktop.ui.unit_progress_model import COL_EVAL, COL_PLAN, ProgressFilterProxy, UnitProgressModel
from kinerja_desktop.ui.unit_view import UnitView
from tests.gui.form_helpers import QT_LOG_IGNORE, screenshot, show

pytestmark = QT_LOG_IGNORE
YEAR = 2026


def dinas(db):
    return unit_tree(db)[0].children[0]


def open_unit(qtbot, db, user, unit_id, period="TW1"):
    view = UnitView(db, user, unit_id, YEAR, period)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        show(qtbot, view)
    return view


def test_chart_follows_the_regulation_order_and_counts(qtbot, qtmodeltester, demo_db, people):
    """Bars Sangat Kurang .. Sangat Baik hold the service's counts; the progress models are sound."""
    unit = dinas(demo_db)
    view = open_unit(qtbot, demo_db, people.admin, unit.id)
    expected = unit_distribution(demo_db, people.admin, unit.id, YEAR, "TW1")
    assert view.chart.categories == [p.label for p in PREDIKAT_ORDER_CHART]
    assert PREDIKAT_ORDER_CHART[0] is Predikat.SANGAT_KURANG and PREDIKAT_ORDER_CHART[-1] is Predikat.SANGAT_BAIK
    assert view.chart.counts == [expected.counts[p] for p in PREDIKAT_ORDER_CHART]
    bars = next(s for s in view.chart.chart().series() if isinstance(s, QBarSeries)).barSets()[0]
    assert [int(bars.at(i)) for i in range(bars.count())] == view.chart.counts
    assert view.model.rowCount() == expected.total_employees
    assert f"dari {expected.total_employees}" in view.summary.text()
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    screenshot(view, "unit_view")


def test_broken_curve_rules_are_listed_in_words(qtbot, demo_db, people):
    """Choosing another organisational predikat lists every broken rule, as the service words it."""
    unit = dinas(demo_db)
    view = open_unit(qtbot, demo_db, people.admin, unit.id)
    expected = unit_distribution(demo_db, people.admin, unit.id, YEAR, "TW1", org_predikat="SANGAT_KURANG")
    assert expected.violations
    view.org.setFocus()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        while view.org.currentData() != "SANGAT_KURANG":
            qtbot.keyClick(view.org, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: view.distribution is not None and view.distribution.org_predikat == "SANGAT_KURANG")
    text = view.violations.text()
    assert f"Aturan yang dilanggar ({len(expected.violations)})" in text
    for violation in expected.violations:
        assert violation.message in text
    assert "Kurva distribusi untuk unit berpredikat Sangat Kurang" in view.rule_text.text()
    assert "paling sedikit 60%" in view.rule_text.text()
    assert view.chart.broken, "bars of the broken rules are marked"
    screenshot(view, "unit_view_kurva_dilanggar")


def test_progress_table_search_and_filters(qtbot, demo_db, people):
    """'Belum dievaluasi' and 'Belum punya SKP disetujui' filter the table; typing searches it."""
    unit = dinas(demo_db)
    view = open_unit(qtbot, demo_db, people.admin, unit.id)
    rows = [view.model.row_object(n) for n in range(view.model.rowCount())]
    not_evaluated = [r for r in rows if r.eval_status not in ("FINAL", "SIGNED")]
    no_plan = [r for r in rows if r.plan_status != "APPROVED"]
    assert not_evaluated and no_plan

    view.filter.setFocus()
    qtbot.keyClick(view.filter, Qt.Key.Key_Down)
    assert view.proxy.rowCount() == len(no_plan)
    assert all("Disetujui" not in view.proxy.index(n, COL_PLAN).data() for n in range(view.proxy.rowCount()))
    qtbot.keyClick(view.filter, Qt.Key.Key_Down)
    assert view.proxy.rowCount() == len(not_evaluated)
    assert all(not view.proxy.index(n, COL_EVAL).data().startswith("✓") for n in range(view.proxy.rowCount()))
    qtbot.keyClick(view.filter, Qt.Key.Key_Home)
    assert view.proxy.rowCount() == len(rows)

    target = rows[3]
    qtbot.keyClicks(view.search, target.nip)
    assert view.proxy.rowCount() == 1
    assert view.proxy.index(0, 0).data(ObjectRole).id == target.id
    opened: list[str] = []
    view.employee_open_requested.connect(opened.append)
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    view.table.doubleClicked.emit(view.proxy.index(0, 0))
    assert opened == [target.id]


def test_penilai_sees_only_the_people_they_may_see(qtbot, demo_db, people):
    """A penilai's unit view counts only the employees the services let them see."""
    unit = dinas(demo_db)
    view = open_unit(qtbot, demo_db, people.penilai, unit.id)
    visible = employee_rows(demo_db, people.penilai, YEAR, "TW1")
    assert 0 < view.model.rowCount() <= len(visible)
    assert view.model.rowCount() < len(employee_rows(demo_db, people.admin, YEAR, "TW1"))


def test_progress_model_sorts_by_status(qtbot, qtmodeltester):
    """Sorting by the SKP column puts the employees without an approved plan first."""
    from kinerja_desktop.services.query_service import EmployeeRow

    model = UnitProgressModel()
    model.set_rows([
        EmployeeRow("1", "1", "Ani", "Analis", None, "U", "p1", "APPROVED", "FINAL", "BAIK"),
        EmployeeRow("2", "2", "Budi", "Analis", None, "U", None, None, None, None),
        EmployeeRow("3", "3", "Cici", "Analis", None, "U", "p3", "DRAFT", None, None),
    ])
    proxy = ProgressFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(model)
    proxy.sort(COL_PLAN, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(n, 0).data() for n in range(3)] == ["Budi", "Cici", "Ani"]


def test_closing_while_loading_is_harmless(qtbot, demo_db, people):
    """A unit view closed before its worker finishes drops the result quietly."""
    from kinerja_desktop.ui.workers import wait_for_tasks

    view = UnitView(demo_db, people.admin, dinas(demo_db).id, YEAR, "TW1")
    view.reload()
    task = view.task
    view.deleteLater()
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert wait_for_tasks(5000)
