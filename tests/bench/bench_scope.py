"""Scoped replication on a large demo office: what a staff member's or a penilai's new PC downloads.

Run on demand (not part of the suite)::

    KINERJA_BENCH_EMPLOYEES=20000 .venv/bin/python -m pytest -q -s tests/bench/bench_scope.py

The office (default 2,000 employees; the issue's figures are for 20,000) founds a folder store
(the central office's push, with its partitions). Then, in the same run:

* baseline: a new PC with nobody signed in (a full replica) pulls the whole office;
* a staff member's new PC (``kinerja --user NIP sync``): bytes and seconds, on the folder store;
* the penilai with the most subordinates: bytes and seconds;
* the staff PC's first sync over WebDAV through the fault proxy at 64 kbit/s (8,000 B/s) with the
  link cut every 240,000 bytes (what 64 kbit/s carries in 30 s), then its pull with nothing new;
* a pull with nothing new on the folder store.

Each figure is printed with its ratio to the full replica measured in the same run.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.central.roster import publish_roster
from kinerja_desktop.services.demo_service import DEMO_ADMIN
from kinerja_desktop.services.people_here import remember_person
from kinerja_desktop.services.trust_service import pin_root, pinned_root, unlock_root
from kinerja_desktop.store.db import open_database
from kinerja_desktop.store.models import Employee, Supervision
from kinerja_desktop.sync.engine import SyncEngine, SyncOptions
from kinerja_desktop.sync.remote import RemoteUnavailable, open_remote
from tests.bench.demo_cache import demo_database
from tests.helpers.fixtures import copy_database

pytestmark = [pytest.mark.filterwarnings("ignore::ResourceWarning"),
              pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")]

EMPLOYEES = int(os.environ.get("KINERJA_BENCH_EMPLOYEES", "2000"))
FULL_BASELINE = os.environ.get("KINERJA_BENCH_FULL", "1" if EMPLOYEES <= 5000 else "0") == "1"
FAST = SyncOptions(retry_base=0.05, retry_max=0.5, workers=4)
POOR = SyncOptions(retry_base=0.2, retry_max=2.0, retry_tries=8, workers=2)


def _new_pc(path: Path, root: str, who: str | None):  # type: ignore[no-untyped-def]
    db = open_database(path)
    pin_root(db, root)
    if who:
        remember_person(db, who)
    return db


def _sync(db, url: str, options: SyncOptions = FAST, secret: str | None = None):  # type: ignore[no-untyped-def]
    remote = open_remote(url, secret=secret)
    try:
        started = time.perf_counter()
        report = SyncEngine(db, remote, options).run()
        return report, time.perf_counter() - started
    finally:
        remote.close()


def test_bench_scoped_first_sync(tmp_path: Path) -> None:
    src, built = demo_database(EMPLOYEES)
    central_path = tmp_path / "central.sqlite"
    copy_database(src, central_path)
    store = tmp_path / "store"
    store.mkdir()
    central = open_database(central_path)
    started = time.perf_counter()
    publish_roster(central, open_remote(str(store)), unlock_root(central, DEMO_ADMIN[1]))
    founding, _ = _sync(central, str(store))
    founded = time.perf_counter() - started
    root = pinned_root(central) or ""
    with central.reader() as s:
        counts = dict(s.execute(select(Supervision.supervisor_id, func.count()).group_by(Supervision.supervisor_id))
                      .all())
        penilai_id = max((k for k in counts if k), key=lambda k: counts[k])
        # a staff member: nobody reports to them, they report to someone
        staff_id = s.execute(select(Supervision.employee_id).where(
            Supervision.supervisor_id.is_not(None),
            Supervision.employee_id.not_in(select(Supervision.supervisor_id).where(
                Supervision.supervisor_id.is_not(None)))).order_by(Supervision.employee_id).limit(1)).scalar()
        staff_nip = s.get(Employee, staff_id).nip
        penilai_nip = s.get(Employee, penilai_id).nip
    central.dispose()
    store_bytes = sum(f.stat().st_size for f in store.rglob("*") if f.is_file())
    print(f"\noffice: {EMPLOYEES} employees (built {built or 0:.0f} s), founding push {founded:.0f} s, "
          f"{founding.entries_pushed} changes, {founding.part_bundles_pushed} partition bundles, "
          f"store {store_bytes / 1e6:.1f} MB")

    if FULL_BASELINE:
        full = _new_pc(tmp_path / "full.sqlite", root, None)
        full_report, full_s = _sync(full, str(store))
        print(f"baseline full replica: {full_report.bytes_down / 1e6:.1f} MB down, {full_s:.1f} s, "
              f"{full_report.scope.get('records')} records")
        full.dispose()
        full_bytes = full_report.bytes_down
    else:  # what a full replica downloads: the devices' full streams and the roster (no pull, it takes long)
        full_bytes = sum(f.stat().st_size for f in store.rglob("*") if f.is_file()
                         and f.relative_to(store).parts[0] not in ("parts", "chunks", "files"))
        full_s = float("nan")
        print(f"baseline full replica: {full_bytes / 1e6:.1f} MB to download (not pulled; KINERJA_BENCH_FULL=1 does)")

    staff = _new_pc(tmp_path / "staff.sqlite", root, staff_nip)
    staff_report, staff_s = _sync(staff, str(store))
    assert not staff_report.waiting and not staff_report.quarantined
    print(f"staff PC: {staff_report.bytes_down / 1e3:.0f} KB down ({staff_report.bytes_down / full_bytes:.4f}"
          f" of the full replica), {staff_s:.2f} s ({staff_s / full_s:.4f} of its time), {staff_report.scope}")
    idle, idle_s = _sync(staff, str(store))
    print(f"staff PC, pull with nothing new (folder): {idle_s:.2f} s, {idle.bytes_down} B down")
    staff.dispose()

    pen = _new_pc(tmp_path / "penilai.sqlite", root, penilai_nip)
    pen_report, pen_s = _sync(pen, str(store))
    print(f"penilai PC ({counts[penilai_id]} subordinates): {pen_report.bytes_down / 1e3:.0f} KB down "
          f"({pen_report.bytes_down / full_bytes:.4f}), {pen_s:.2f} s, {pen_report.scope}")
    pen.dispose()

    # the staff PC's first sync over a 64 kbit/s WebDAV link cut every 30 s
    from tests.e2e.sync.dav_server import DavServer
    from tests.e2e.sync.fault_proxy import FaultProxy

    dav = DavServer(tmp_path / "dav").start()
    shutil.copytree(store, tmp_path / "dav" / "kinerja", dirs_exist_ok=True)
    proxy = FaultProxy(dav.port, rate=8000, seed=5).start()
    proxy.arm_cuts(1000, 240_000, 240_001, downstream=True)
    url = dav.url.replace(f":{dav.port}/", f":{proxy.port}/")
    poor = _new_pc(tmp_path / "poor.sqlite", root, staff_nip)
    started = time.perf_counter()
    runs = 0
    while True:
        runs += 1
        try:
            report, _ = _sync(poor, url, POOR, secret=dav.password)
            break
        except RemoteUnavailable:
            if runs > 40:
                raise
    poor_s = time.perf_counter() - started
    print(f"staff PC over 64 kbit/s WebDAV, cut every 240 KB: {poor_s:.0f} s in {runs} runs, "
          f"{report.bytes_down / 1e3:.0f} KB down, {proxy.cuts_done} cuts")
    proxy.stop()
    idle, idle_s = _sync(poor, dav.url, FAST, secret=dav.password)
    print(f"staff PC, pull with nothing new (WebDAV, direct): {idle_s:.2f} s")
    poor.dispose()
    dav.stop()
    assert staff_report.bytes_down < full_bytes
