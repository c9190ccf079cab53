"""Peak memory of the 20,000-employee office's first push and first full pull (issue 19, item 9).

Run on demand (not part of the suite)::

    KINERJA_BENCH_EMPLOYEES=20000 .venv/bin/python -m pytest -q -s tests/bench/bench_sync_memory.py

Each phase runs in its own process, which prints its peak resident memory (``ru_maxrss``) at the end:

* push: a copy of the demo office publishes its roster and founds a folder store (the central
  office's founding push, with its partitions);
* pull: a new PC (a full replica: nobody signed in) pinned to the office's root pulls everything.

KINERJA_BENCH_PHASES=push runs the push only. The issue measured 3.7 GB (push) and 2.7 GB (pull).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

EMPLOYEES = int(os.environ.get("KINERJA_BENCH_EMPLOYEES", "2000"))
PHASES = os.environ.get("KINERJA_BENCH_PHASES", "push,pull").split(",")


def _push(work: Path) -> dict[str, object]:
    from kinerja_desktop.central.roster import publish_roster
    from kinerja_desktop.services.demo_service import DEMO_ADMIN
    from kinerja_desktop.services.trust_service import pinned_root, unlock_root
    from kinerja_desktop.store.db import open_database
    from kinerja_desktop.sync.engine import SyncEngine, SyncOptions
    from kinerja_desktop.sync.remote import open_remote
    from tests.bench.demo_cache import demo_database
    from tests.helpers.fixtures import copy_database

    src, _built = demo_database(EMPLOYEES)
    if not src.exists():
        raise SystemExit(f"{src} missing")
    copy_database(src, work / "central.sqlite")
    (work / "store").mkdir()
    central = open_database(work / "central.sqlite")
    started = time.perf_counter()
    publish_roster(central, open_remote(str(work / "store")), unlock_root(central, DEMO_ADMIN[1]))
    remote = open_remote(str(work / "store"))
    report = SyncEngine(central, remote, SyncOptions(pull=False)).run()
    (work / "root.txt").write_text(pinned_root(central) or "")
    central.dispose()
    return {"seconds": round(time.perf_counter() - started, 1), "changes": report.entries_pushed,
            "bundles": report.bundles_pushed, "part_bundles": report.part_bundles_pushed}


def _pull(work: Path) -> dict[str, object]:
    from kinerja_desktop.services.trust_service import pin_root
    from kinerja_desktop.store.db import open_database
    from kinerja_desktop.sync.engine import SyncEngine, SyncOptions
    from kinerja_desktop.sync.remote import open_remote

    db = open_database(work / "full.sqlite")
    pin_root(db, (work / "root.txt").read_text())
    started = time.perf_counter()
    report = SyncEngine(db, open_remote(str(work / "store")), SyncOptions(push=False)).run()
    db.dispose()
    return {"seconds": round(time.perf_counter() - started, 1), "applied": report.applied,
            "bundles": report.bundles_pulled, "bytes_down": report.bytes_down}


def _phase(name: str, work: Path) -> dict[str, object]:
    out = {"push": _push, "pull": _pull}[name](work)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def test_bench_sync_memory(tmp_path: Path) -> None:
    results = {}
    for phase in PHASES:
        proc = subprocess.run([sys.executable, "-m", "tests.bench.bench_sync_memory", phase, str(tmp_path)],
                              check=False, capture_output=True, text=True, cwd=Path(__file__).parents[2])
        assert proc.returncode == 0, proc.stderr[-3000:]
        results[phase] = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"\n{EMPLOYEES} employees, {phase}: {results[phase]}", flush=True)


if __name__ == "__main__":
    print(json.dumps(_phase(sys.argv[1], Path(sys.argv[2]))))
