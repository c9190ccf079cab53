"""GUI benchmarks on the 20,000-employee demo office, with a bare PySide6 window as the baseline.

Run: .venv/bin/python -m pytest tests/bench/bench_gui.py -s

The bare window is ``gui_startup_probe.py bare``; the application runs are this module run as
a child (``python -m tests.bench.bench_gui app T0 DB``), which marks both the first screen
and the full list.

Each start-up is a fresh process (``gui_startup_probe.py``) timed from just before its launch,
so interpreter and PySide6 start-up count. Bare window and application runs alternate, and
medians are compared, so a busy machine slows both alike. Targets (issue 3, item 7):

* launch -> first paint of the sign-in window: at most 1.5x the bare window;
* launch -> main window with the 20,000-employee list on screen: at most 4x (the sign-in is
  typed by the probe the moment signing in is possible, ``AppController.sign_in_ready``; the
  user who signed in last is the one signing in again, as on an office PC). "On screen" means the list's FIRST SCREEN of
  rows painted (``session_tasks.FIRST_SCREEN_ROWS`` rows by name, loaded lazily); the time
  until all 20,000 rows are in the model (appended by a worker) is reported separately;
* filtering the list: under 50 ms per keystroke (median); opening an employee: under 150 ms.

``KINERJA_BENCH_RUNS`` (default 7) sets the number of start-ups; ``KINERJA_BENCH_DEMO_BUILD=1``
also times ``kinerja demo --employees 20000`` from scratch (about two minutes).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EMPLOYEES = 20_000


def _demo(tmp: Path) -> tuple[Path, float | None]:
    try:
        from tests.bench.demo_cache import demo_database
    except ImportError:  # the shared cache helper is missing: build one here
        from datetime import date

        from kinerja_desktop.services.demo_service import build_demo
        from kinerja_desktop.store.db import open_database

        path = tmp / "demo20k.sqlite"
        started = time.perf_counter()
        db = open_database(path)
        build_demo(db, employees=EMPLOYEES, seed=1, year=2026, today=date(2026, 11, 22))
        db.dispose()
        return path, time.perf_counter() - started
    return demo_database(EMPLOYEES)


def _probe(mode: str, env: dict[str, str], *extra: str) -> dict[str, float]:
    launched = time.time()
    module = "tests.bench.gui_startup_probe" if mode == "bare" else "tests.bench.bench_gui"
    out = subprocess.run([sys.executable, "-m", module, mode, repr(launched), *extra],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=True)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, out.stdout + out.stderr
    return json.loads(lines[-1])


def _time_cli_demo(tmp: Path) -> float:
    target = tmp / "cli-demo.sqlite"
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "kinerja"), "--db", str(target), "demo", "--employees",
                    str(EMPLOYEES), "--seed", "1"], cwd=REPO, check=True, capture_output=True, timeout=1800)
    return time.perf_counter() - started


def test_bench_gui(tmp_path: Path) -> None:
    source, built = _demo(tmp_path)
    work = tmp_path / "gui.sqlite"
    shutil.copy2(source, work)  # sign-in upgrades the demo's cheap password hash: keep the cache pristine
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KINERJA_DATA_DIR=str(tmp_path / "pc"))
    env.pop("KINERJA_DB", None)
    runs = int(os.environ.get("KINERJA_BENCH_RUNS", "7"))

    _probe("app", env, str(work))  # warm the page cache; admin becomes "the last user" of this PC
    bare, paint, filled, full, ready, opened = [], [], [], [], [], []
    first_rows = set()
    for _ in range(runs):
        bare.append(_probe("bare", env)["first_paint"])
        app = _probe("app", env, str(work))
        assert 0 < app["first_rows"] < EMPLOYEES and app["rows"] == EMPLOYEES
        first_rows.add(app["first_rows"])
        paint.append(app["first_paint"])
        filled.append(app["main_window_filled"])
        full.append(app["list_full"])
        ready.append(app["sign_in_ready"])
        opened.append(app["database_ready"])
    inter = _probe("app", env, str(work), "--interactive")

    b, p, f, u, r, o = (statistics.median(x) for x in (bare, paint, filled, full, ready, opened))
    after_ready = statistics.median(x - y for x, y in zip(filled, ready, strict=True))
    shown = "/".join(str(n) for n in sorted(first_rows))
    lines = [
        "",
        f"demo {EMPLOYEES:,}: " + ("from the cache" if built is None else f"built in {built:.1f} s"),
        f"start-ups: {runs} of each, medians (seconds since launch)",
        f"  bare QApplication + QMainWindow shown: {b:.3f}",
        f"  sign-in window first paint:            {p:.3f}  = {p / b:.2f}x bare   (target <= 1.5x)",
        f"  sign-in possible (typed at once):      {r:.3f}",
        f"  database open (SQLAlchemy loaded):     {o:.3f}",
        f"  main window, list's first screen ({shown} of {EMPLOYEES:,} rows) painted: {f:.3f}  = {f / b:.2f}x bare"
        "   (target <= 4x)",
        f"    of that, sign-in typed -> first screen painted (password check, window, paint): {after_ready:.3f}",
        f"  all {EMPLOYEES:,} rows in the list model (worker appended the rest): {u:.3f}  = {u / b:.2f}x bare",
        f"filter, {inter['keystrokes']} keystrokes: median {inter['filter_ms_median']:.1f} ms, "
        f"p90 {inter['filter_ms_p90']:.1f} ms, max {inter['filter_ms_max']:.1f} ms   (target median < 50 ms)",
        f"GUI thread on the full list: sort by a column <= {inter['sort_ms_max']:.0f} ms, choose a unit "
        f"{inter['unit_filter_ms']:.0f} ms, show a reloaded list {inter['reload_gui_ms']:.0f} ms",
        f"open an employee ({inter['employee_page']}): median {inter['open_ms_median']:.0f} ms "
        f"of {inter['open_ms']}   (target < 150 ms)",
    ]
    if os.environ.get("KINERJA_BENCH_DEMO_BUILD"):
        lines.append(f"kinerja demo --employees {EMPLOYEES}: {_time_cli_demo(tmp_path):.1f} s")
    print("\n".join(lines))
    assert inter["filter_ms_median"] < 50


def _child_app(db: str, interactive: bool) -> int:
    """One application start-up (child process): marks the first screen painted and the full list loaded."""
    from PySide6.QtCore import QTimer

    from kinerja_desktop.ui import app as kapp
    from tests.bench.gui_startup_probe import MARKS, interact, mark

    extra: dict[str, object] = {}

    def hook(controller: kapp.AppController) -> None:
        controller.first_painted.connect(lambda: mark("first_paint"))

        def ready() -> None:
            if "sign_in_ready" in MARKS:
                return  # typed once (the start-up reads and the open database both announce it)
            mark("sign_in_ready")
            controller.sign_in.username_edit.setText("admin")
            controller.sign_in.password_edit.setText("admin")
            controller.sign_in.submit()

        controller.sign_in_ready.connect(ready)
        controller.database_ready.connect(lambda _opened: mark("database_ready"))

        def full(window: object) -> None:
            if "list_full" in MARKS or not window.list_complete():
                return
            mark("list_full")
            extra["rows"] = window.list_page.model.rowCount()
            if interactive:
                QTimer.singleShot(0, lambda: interact(window, extra))
            QTimer.singleShot(0, controller.quit)

        def shown(window: object) -> None:
            mark("main_window_filled")  # the list's first screen is painted
            extra["first_rows"] = window.list_page.model.rowCount()
            window.list_loaded.connect(lambda: full(window))
            full(window)  # the rest may have arrived before the first paint

        controller.main_window_shown.connect(shown)

    code = kapp.main(db, on_controller=hook)
    print(json.dumps({**MARKS, **extra}))
    return code


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(_child_app(sys.argv[3], "--interactive" in sys.argv))
