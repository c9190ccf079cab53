"""Form benchmarks on the 20,000-employee demo office: opening an employee's SKP, and how long
the GUI thread is blocked while the unit view of the whole office loads.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/bench/bench_forms.py -s
Targets (issue 3): opening an SKP under 150 ms; the GUI thread never blocked more than ~50 ms.
The baseline, measured in the same run, is plain sqlite3 reading the same plan's rows.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import select  # noqa: E402

from kinerja_desktop.services import plan_service  # noqa: E402
from kinerja_desktop.services.auth_service import user_by_username  # noqa: E402
from kinerja_desktop.services.query_service import unit_tree  # noqa: E402
from kinerja_desktop.store.db import open_database  # noqa: E402
from kinerja_desktop.store.models import Employee, Plan, Supervision  # noqa: E402
from kinerja_desktop.ui.employee_page import TAB_EVALUASI, TAB_REALISASI, EmployeePage  # noqa: E402
from kinerja_desktop.ui.unit_view import UnitView  # noqa: E402
from tests.bench.demo_cache import demo_database  # noqa: E402

YEAR = 2026


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


def _raw_plan_read(path: Path, plan_id: str) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute("SELECT * FROM plan WHERE id = ?", (plan_id,)).fetchall()
        rhk = [r[0] for r in con.execute("SELECT id FROM rhk WHERE plan_id = ? AND deleted = 0", (plan_id,))]
        marks = ",".join("?" * len(rhk))
        con.execute(f"SELECT * FROM indicator WHERE rhk_id IN ({marks}) AND deleted = 0", rhk).fetchall()  # noqa: S608
        con.execute("SELECT * FROM lampiran_item WHERE plan_id = ?", (plan_id,)).fetchall()
    finally:
        con.close()


class StallMeter:
    """Longest gap between ticks of a 5 ms timer: how long the GUI thread was blocked."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.longest = 0.0
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        gap = self.clock.nsecsElapsed() / 1e6
        self.clock.restart()
        self.longest = max(self.longest, gap)

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def test_bench_forms() -> None:
    app = QApplication.instance() or QApplication([])
    path, _built = demo_database(20000)
    db = open_database(path)
    with db.reader() as s:
        emp_id, nip, plan_id = s.execute(
            select(Employee.id, Employee.nip, Plan.id).join(Plan, Plan.employee_id == Employee.id)
            .where(Plan.status == "APPROVED", Plan.year == YEAR, Employee.jenis_jabatan == "PELAKSANA").limit(1)
        ).one()
        penilai_id = s.execute(select(Supervision.supervisor_id).where(Supervision.employee_id == emp_id)).scalar()
        penilai_nip = s.get(Employee, penilai_id).nip
    staff = user_by_username(db, nip)
    penilai = user_by_username(db, penilai_nip)
    admin = user_by_username(db, "admin")
    plan = plan_service.get_plan(db, staff, plan_id)

    raw = []
    for _ in range(9):
        t = time.perf_counter()
        _raw_plan_read(path, plan_id)
        raw.append((time.perf_counter() - t) * 1000)

    def open_page(user):  # noqa: ANN001, ANN202
        t = time.perf_counter()
        page = EmployeePage(db, user, emp_id, YEAR, "TW1")
        page.resize(1366, 768)
        page.show()
        app.processEvents()  # first paint
        elapsed = (time.perf_counter() - t) * 1000
        return page, elapsed

    first_page, cold = open_page(staff)
    first_page.close()
    warm = []
    for user in (staff, penilai) * 4:
        page, ms = open_page(user)
        warm.append(ms)
        page.close()
        page.deleteLater()
        app.processEvents()

    page, _ = open_page(staff)
    tabs = {}
    for tab in (TAB_REALISASI, TAB_EVALUASI):
        t = time.perf_counter()
        page.show_tab(tab)
        app.processEvents()
        tabs[tab] = (time.perf_counter() - t) * 1000
    page.close()

    root = unit_tree(db)[0]
    meter = StallMeter()
    t = time.perf_counter()
    view = UnitView(db, admin, root.id, YEAR, "TW1")
    view.resize(1366, 768)
    view.show()
    app.processEvents()
    opened = (time.perf_counter() - t) * 1000
    meter.start()  # from the first paint until the 20,000 rows are shown
    while view.distribution is None:
        app.processEvents()
    app.processEvents()
    loaded = (time.perf_counter() - t) * 1000
    stall = meter.stop()
    rows = view.model.rowCount()
    meter.start()
    view.table.sortByColumn(5, view.table.horizontalHeader().sortIndicatorOrder())
    app.processEvents()
    sort_stall = meter.stop()
    meter.start()
    view.search.setText("budi")
    app.processEvents()
    search_stall = meter.stop()

    baseline = _median(raw)
    print(f"\nSKP of {len(plan.rhk)} RHK / {sum(len(r.indicators) for r in plan.rhk)} indicators, 20,000-employee "
          f"office:\n  raw sqlite3 read of the plan rows (baseline) {baseline:.1f} ms\n"
          f"  open EmployeePage (SKP tab, first paint): cold {cold:.0f} ms, warm median {_median(warm):.0f} ms "
          f"(max {max(warm):.0f} ms) = {_median(warm) / baseline:.0f}x baseline; target < 150 ms\n"
          f"  first view of Realisasi {tabs[TAB_REALISASI]:.0f} ms, Evaluasi {tabs[TAB_EVALUASI]:.0f} ms\n"
          f"  unit view of the whole office ({rows} employees): first paint {opened:.0f} ms, data shown after "
          f"{loaded:.0f} ms; longest GUI stall while loading {stall:.0f} ms; sort by Evaluasi {sort_stall:.0f} ms; "
          f"search {search_stall:.0f} ms (target ~50 ms)")
    if _median(warm) >= 150:  # a shared 2-core machine under load doubles these; the figure is what counts
        print("  WARNING: opening an SKP is above the 150 ms target in this run")
    view.close()
    db.dispose()
