"""The central office's replica ingesting a whole instansi from scratch (issue "scoped replication").

Run on demand (not part of the suite)::

    KINERJA_BENCH_EMPLOYEES=20000 .venv/bin/python -m pytest -q -s tests/bench/bench_ingest.py

The demo office (default 2,000 employees) founds a folder store once (cached beside the demo
database, see ``demo_cache.founded_store``). Then, each in a fresh process so that its peak memory
is its own:

* baseline: the merge with one flush per change (``batched_inserts=False``), stopped after
  ``KINERJA_BENCH_BASELINE_CHANGES`` changes (default 60,000) — its rate is what the whole office
  would have taken;
* the merge as shipped, on a new SQLite file, the whole office (a large pull: a second process checks
  signatures ahead, see sync/ahead.py; its peak memory is reported beside the main process's);
* the same into a new PostgreSQL database (a throwaway cluster on 127.0.0.1; skipped without the
  PostgreSQL 15 binaries).

Each prints wall and CPU seconds, changes per second, the ratio to the baseline's rate and the
process's peak resident memory. Targets (issue 12): at most 5 minutes and 500 MB for the
20,000-employee office.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.bench.demo_cache import founded_store

EMPLOYEES = int(os.environ.get("KINERJA_BENCH_EMPLOYEES", "2000"))
BASELINE_CHANGES = int(os.environ.get("KINERJA_BENCH_BASELINE_CHANGES", "60000"))

_RUN = textwrap.dedent("""
    import json, resource, sys, threading, time
    from kinerja_desktop.central.replica import ingest, open_central
    from kinerja_desktop.services.trust_service import pin_root
    from kinerja_desktop.sync.engine import SyncOptions
    url, store, root, batched, stop_after = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1", int(sys.argv[5])
    db = open_central(url)
    pin_root(db, root)
    applied = [0]
    def progress(p):
        if p.phase == "menerapkan":
            applied[0] = p.items_done
            if stop_after and p.items_done >= stop_after:
                raise KeyboardInterrupt
    worker_peak = [0]
    def watch_workers():  # the signature worker's own peak (VmHWM starts anew at exec; getrusage's
        import glob       # figure for children counts the pages it shared with this process at fork)
        while True:
            for path in glob.glob("/proc/self/task/*/children"):
                for pid in open(path).read().split():
                    try:
                        status = open(f"/proc/{pid}/status").read()
                    except OSError:
                        continue
                    for line in status.splitlines():
                        if line.startswith("VmHWM:"):
                            worker_peak[0] = max(worker_peak[0], int(line.split()[1]))
            time.sleep(2)  # VmHWM keeps the peak; more often cost the ingest 3% of its time
    threading.Thread(target=watch_workers, daemon=True).start()
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        # the baseline is the merge as it was: one flush per change, nothing of a large pull's own
        options = SyncOptions(workers=4, batched_inserts=batched, large_pull=50_000 if batched else None)
        report = ingest(db, store, options=options, progress=progress)
        applied[0], refused, waiting = report.applied, report.refused, len(report.waiting)
    except KeyboardInterrupt:
        refused, waiting = 0, 0
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_rss = worker_peak[0] / 1024  # the signature worker
    with db.engine.connect() as conn:
        if db.is_sqlite:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
            size = pages * conn.exec_driver_sql("PRAGMA page_size").scalar()
        else:
            size = conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar()
    print(json.dumps({"applied": applied[0], "refused": refused, "waiting": waiting, "wall": wall, "cpu": cpu,
                      "rss_mb": rss, "worker_rss_mb": worker_rss, "db_mb": size / 1e6}))
""")


def _ingest(url: str, store: Path, root: str, *, batched: bool, stop_after: int = 0) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _RUN, url, str(store), root, "1" if batched else "0",
                          str(stop_after)], check=True, capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2])
    return json.loads(out.stdout.strip().splitlines()[-1])


def _line(name: str, r: dict[str, float], base_rate: float | None) -> str:
    rate = r["applied"] / r["wall"]
    ratio = f", {rate / base_rate:.1f}x the baseline's rate" if base_rate else ""
    return (f"{name}: {r['applied']:.0f} changes in {r['wall']:.1f} s wall ({r['cpu']:.1f} s CPU), "
            f"{rate:.0f} changes/s{ratio}, peak memory {r['rss_mb']:.0f} MB (+ {r['worker_rss_mb']:.0f} MB of the "
            f"signature worker), database {r['db_mb']:.0f} MB"
            + (f", refused {r['refused']:.0f}, waiting {r['waiting']:.0f}" if r.get("refused") or r.get("waiting")
               else ""))


def test_bench_central_ingest(tmp_path: Path) -> None:
    store, root, changes = founded_store(EMPLOYEES)
    print(f"\noffice: {EMPLOYEES} employees, {changes} changes on the store; load average "
          f"{os.getloadavg()[0]:.1f}")
    base = _ingest(f"sqlite:///{tmp_path / 'baseline.sqlite'}", store, root, batched=False,
                   stop_after=BASELINE_CHANGES)
    base_rate = base["applied"] / base["wall"]
    print(_line("baseline, one flush per change (stopped early)", base, None)
          + f"; the whole office at this rate: {changes / base_rate / 60:.1f} min")
    lite = _ingest(f"sqlite:///{tmp_path / 'central.sqlite'}", store, root, batched=True)
    print(_line("SQLite, as shipped", lite, base_rate))
    assert lite["applied"] >= changes * 0.99 and not lite["waiting"]
    try:
        from tests.helpers.postgres import throwaway_postgres

        with throwaway_postgres() as server:
            pg = _ingest(f"{server}/postgres", store, root, batched=True)
        print(_line("PostgreSQL, as shipped", pg, base_rate))
        assert pg["applied"] == lite["applied"]
    except pytest.skip.Exception as exc:
        print(f"PostgreSQL: skipped ({exc})")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
