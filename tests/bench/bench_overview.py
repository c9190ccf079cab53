"""Instansi overview benchmark on the 20,000-employee demo office: what a person meets in Ringkasan Instansi.

Run: .venv/bin/python -m pytest tests/bench/bench_overview.py -s      (the 20,000 demo is built once by
tests/bench/demo_cache.py; the lead builds it)

Issue 18: "every view under 300 ms after the first load; the loading runs in a worker". Measured in one run:

* baseline: a fresh read of the year for every view change (what the view did before: each period change
  started a new load of every unit's figures), per period, best of three;
* the first load (``load_instansi``), CPU and wall, with and without the covering indexes of migration 0009;
* the view itself (InstansiView, offscreen Qt at 1366x768): the first load in its worker (which also derives
  every period the combo offers), then "Muat Ulang" with the largest gap between two 20 ms timer ticks of
  the GUI thread while the worker reads (is the GUI responsive?) and the GUI thread's time to show the
  result, then every view change in the GUI thread: each period (first time and again), a unit drill-down
  (the unit's figures and people) for the largest units, a period change with a unit drilled into, and a
  person's row.

Measured while building it: the GUI thread's gaps while loading were the collector's full collections
(gc callbacks), not SQL (the sqlite3 module releases the GIL while a query runs).

CPU time is reported beside wall time, and the load average with them, because the machine is shared (two
cores, other jobs): the view changes are single-threaded, so their CPU time is what they cost.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from kinerja_desktop.central.overview import instansi_overview, load_instansi
from kinerja_desktop.services.auth_service import user_by_username
from kinerja_desktop.store.db import MIGRATIONS_DIR, open_database
from kinerja_desktop.ui.form_support.roles import ObjectRole
from kinerja_desktop.ui.instansi_view import InstansiView
from tests.bench.demo_cache import demo_database
from tests.gui.form_helpers import QT_LOG_IGNORE, show

pytestmark = QT_LOG_IGNORE
PERIODS = ("TW1", "TW2", "TW3", "TAHUNAN", "S1")
LIMIT = 0.300  # seconds, per view change
#: A smaller office for a quick try (KINERJA_BENCH_EMPLOYEES=2000); the figures in the issue are for 20,000.
EMPLOYEES = int(os.environ.get("KINERJA_BENCH_EMPLOYEES", "20000"))


def _indexes() -> tuple[tuple[str, str, list[str]], ...]:
    spec = importlib.util.spec_from_file_location("m0009", MIGRATIONS_DIR / "versions" / "0009_overview_indexes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.INDEXES


def _set_indexes(path: Path, present: bool) -> None:
    con = sqlite3.connect(path)
    for name, table, columns in _indexes():
        if present:
            con.execute(f'CREATE INDEX IF NOT EXISTS {name} ON "{table}" ({", ".join(columns)})')
        else:
            con.execute(f"DROP INDEX IF EXISTS {name}")
    con.commit()
    con.close()


def _timed(fn, *args):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn(*args)
    return time.perf_counter() - wall, time.process_time() - cpu, out


def _load(line: str) -> str:
    one, five, _fifteen = os.getloadavg()
    return f"{line}   [load {one:.1f}/{five:.1f}]"


def test_bench_overview(qtbot, tmp_path: Path) -> None:
    source, _built = demo_database(EMPLOYEES)
    path = tmp_path / "office.sqlite"
    shutil.copy(source, path)
    db = open_database(path)
    admin = user_by_username(db, "admin")
    try:
        load_instansi(db, admin, 2026)  # warm the page cache once
        print(_load(f"\nInstansi overview, {EMPLOYEES}-employee demo office"))

        # Baseline: a fresh read of the year for each view change.
        baseline = {}
        for per in PERIODS:
            runs = [_timed(instansi_overview, db, admin, 2026, per) for _ in range(3)]
            baseline[per] = (min(r[0] for r in runs), min(r[1] for r in runs), runs[-1][2])
        # The first load, once per year; with the covering indexes and (below) without.
        runs = [_timed(load_instansi, db, admin, 2026) for _ in range(3)]
        load_wall, load_cpu, data = min(r[0] for r in runs), min(r[1] for r in runs), runs[-1][2]
        print(_load(f"first load (load_instansi, in the worker): {load_wall:.3f} s wall / {load_cpu:.3f} s CPU"))
        for per in PERIODS:
            wall, cpu, ov = _timed(data.overview, per)
            assert [u.to_dict() for u in ov.units] == [u.to_dict() for u in baseline[per][2].units]
            assert ov.total.to_dict() == baseline[per][2].total.to_dict()  # the same figures, from memory
            print(_load(f"{per:8} baseline fresh read {baseline[per][0]:.3f} s wall / {baseline[per][1]:.3f} s CPU;"
                        f" derived in memory {wall:.4f} s wall / {cpu:.4f} s CPU, ratio (CPU) "
                        f"{cpu / baseline[per][1]:.3f}"))
            assert cpu < LIMIT and cpu < 0.5 * baseline[per][1]
        assert data.overview("TW3").total.employees > 0.95 * EMPLOYEES
    finally:
        db.dispose()

    # The view a person uses: the first load in its worker, then every view change in the GUI thread.
    db = open_database(path)
    admin = user_by_username(db, "admin")
    try:
        progress: list[str] = []
        started = time.perf_counter()
        view = InstansiView(db, admin, 2026, "TW3")
        view._task.progressed.connect(lambda _d, _t, label: progress.append(label))
        with qtbot.waitSignal(view.loaded, timeout=120_000):
            show(qtbot, view)
        first = time.perf_counter() - started
        print(_load(f"view: first load {first:.3f} s wall, shown (worker; progress steps {len(progress)})"))
        # "Muat Ulang" once shown: the GUI thread's largest gap between 20 ms ticks while the worker reads,
        # and the GUI thread's time to show what it read.
        shown: list[float] = []
        arrived: list[float] = []
        real_loaded = InstansiView._loaded

        def timed_loaded(self, data):  # type: ignore[no-untyped-def]
            t0, c0 = time.perf_counter(), time.process_time()
            arrived.append(clock.elapsed() / 1000)
            real_loaded(self, data)
            shown.extend([time.perf_counter() - t0, time.process_time() - c0])

        ticks: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(lambda: ticks.append(clock.elapsed() / 1000))
        InstansiView._loaded = timed_loaded  # type: ignore[method-assign]
        try:
            timer.start()
            started = time.perf_counter()
            with qtbot.waitSignal(view.loaded, timeout=120_000):
                view.refresh_button.click()
            again = time.perf_counter() - started
            timer.stop()
        finally:
            InstansiView._loaded = real_loaded  # type: ignore[method-assign]
        ticks = [t for t in ticks if t <= arrived[0]] + arrived[:1]
        reading = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
        worst_gap = max(reading) if reading else 0.0
        print(_load(f"view: Muat Ulang {again:.3f} s wall; GUI thread's largest gap between 20 ms ticks while the "
                    f"worker read {1000 * worst_gap:.0f} ms; showing the result {1000 * shown[0]:.0f} ms wall / "
                    f"{1000 * shown[1]:.0f} ms CPU (GUI thread)"))
        assert shown[1] < LIMIT
        assert progress

        def change(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
            """The change and what Qt defers to the next turn of the event loop (layout, painting)."""
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            view.repaint()
            QApplication.processEvents()
            return time.perf_counter() - wall, time.process_time() - cpu

        worst = (0.0, 0.0, "")
        offered = [view.period_combo.itemData(i) for i in range(view.period_combo.count())]  # the configured ones
        for label, fn in [(f"period {p}", lambda p=p: view.period_combo.choose(p)) for p in (*offered, "TW3")]:
            wall, cpu = change(fn)
            assert view.overview.period == label.split()[1]
            print(_load(f"view change {label:22}: {1000 * wall:6.1f} ms wall / {1000 * cpu:6.1f} ms CPU"))
            worst = max(worst, (cpu, wall, label))
        assert view.overview.period == "TW3"
        biggest = sorted(range(view.proxy.rowCount()),
                         key=lambda r: -view.proxy.index(r, 0).data(ObjectRole).employees)[:3]
        for row in biggest:
            unit = view.proxy.index(row, 0).data(ObjectRole)
            wall, cpu = change(lambda row=row: view.table.selectRow(row))
            assert view.people_model.rowCount() == unit.employees
            print(_load(f"view change unit {unit.code[:12]:12} ({unit.employees} peg.): {1000 * wall:6.1f} ms wall / "
                        f"{1000 * cpu:6.1f} ms CPU"))
            worst = max(worst, (cpu, wall, f"unit {unit.code}"))
        wall, cpu = change(lambda: view.period_combo.choose("TW1"))  # a period change with a unit drilled into
        print(_load(f"view change period TW1 with the unit's people: {1000 * wall:6.1f} ms wall / "
                    f"{1000 * cpu:6.1f} ms CPU"))
        worst = max(worst, (cpu, wall, "period TW1 + unit"))
        wall, cpu = change(lambda: view.people.selectRow(0))
        print(_load(f"view change person: {1000 * wall:6.1f} ms wall / {1000 * cpu:6.1f} ms CPU"))
        worst = max(worst, (cpu, wall, "person"))
        print(_load(f"worst view change: {worst[2]} {1000 * worst[0]:.1f} ms CPU / {1000 * worst[1]:.1f} ms wall"
                    f" (limit {1000 * LIMIT:.0f} ms)"))
        assert worst[0] < LIMIT, worst
        view.close()
    finally:
        db.dispose()

    # The first load without the covering indexes of migration 0009 (every database before it).
    _set_indexes(path, present=False)
    db = open_database(path)
    try:
        admin = user_by_username(db, "admin")
        bare = min(_timed(load_instansi, db, admin, 2026)[1] for _ in range(2))
    finally:
        db.dispose()
    print(_load(f"first load without 0009's indexes: {bare:.3f} s CPU; with them {load_cpu:.3f} s CPU, ratio "
                f"{load_cpu / bare:.2f}"))
