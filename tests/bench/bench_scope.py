"""Scoped replication on a large demo office: what a staff member's or a penilai's new PC downloads.

Run on demand (not part of the suite)::

    KINERJA_BENCH_EMPLOYEES=20000 .venv/bin/python -m pytest -q -s tests/bench/bench_scope.py

The office (default 2,000 employees; the issue's figures are for 20,000) founds a folder store
(the central office's push, with its partitions; cached beside the demo database, see
``demo_cache.founded_store``, and copied for each run). Then, in the same run:

* baseline: a new PC with nobody signed in (a full replica) pulls the whole office;
* a staff member's new PC (``kinerja --user NIP sync``): bytes and seconds, on the folder store;
* the penilai with the most subordinates, and a PC of penilai with 30 subordinates between them: bytes and seconds;
* the staff PC's first sync over WebDAV through the fault proxy at 64 kbit/s (8,000 B/s) each way,
  300 ms round trip (150 ms added in each direction), the link cut every 30 s of wall-clock time
  and also after every 240,000 bytes downloaded (what 64 kbit/s carries in 30 s); targets: under
  2 minutes, at most 500 KB;
* that staff member's daily sync over the same link: they record one realisation with a 200 KB
  evidence file through the services, then sync; target: under 60 s;
* its pull with nothing new (WebDAV, direct);
* a pull with nothing new on the folder store.

Each figure is printed with its ratio to the full replica measured in the same run.

``test_bench_idle_pull`` (issue 19's listing target: an up-to-date PC learns that nothing is new with
under 20 KB) measures the staff PC's pull with nothing new, with folder heads (sync.heads) and, in the
same run, with the full listing every PC still makes once a day (``full_listing_every=0``): on the
folder store (seconds) and over WebDAV through the byte-counting proxy at full speed (bytes on the
wire both ways, requests). A founded store cached before heads existed gets them first through the
migration (``migrate_store``, as ``kinerja sync migrasi-penyimpanan`` does), timed.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.periods import ALL_PERIODS
from kinerja_desktop.services import realisation_service
from kinerja_desktop.services.auth_service import authenticate
from kinerja_desktop.services.people_here import remember_person
from kinerja_desktop.services.trust_service import pin_root
from kinerja_desktop.store.db import open_database
from kinerja_desktop.store.models import Employee, Indicator, Plan, Rhk, Supervision
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.engine import SyncEngine, SyncOptions
from kinerja_desktop.sync.remote import RemoteUnavailable, open_remote
from tests.bench.demo_cache import demo_database, founded_store
from tests.helpers.fixtures import copy_database

pytestmark = [pytest.mark.filterwarnings("ignore::ResourceWarning"),
              pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")]

EMPLOYEES = int(os.environ.get("KINERJA_BENCH_EMPLOYEES", "2000"))
FULL_BASELINE = os.environ.get("KINERJA_BENCH_FULL", "1" if EMPLOYEES <= 5000 else "0") == "1"
FAST = SyncOptions(retry_base=0.05, retry_max=0.5, workers=4)
POOR = SyncOptions(retry_base=0.2, retry_max=2.0, retry_tries=8, workers=2)
#: The poor link: 64 kbit/s each way, 150 ms added in each direction (a 300 ms round trip).
RATE, ONE_WAY = 8000, 0.15
EVIDENCE_BYTES = 200 * 1024


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
    started = time.perf_counter()
    founded_at, root, pushed = founded_store(EMPLOYEES)  # the central office's founding push (cached)
    shutil.copytree(founded_at, store)
    founded = time.perf_counter() - started
    central = open_database(central_path)
    with central.reader() as s:
        counts = dict(s.execute(select(Supervision.supervisor_id, func.count()).group_by(Supervision.supervisor_id))
                      .all())
        penilai_id = max((k for k in counts if k), key=lambda k: counts[k])
        penilai_nip = s.get(Employee, penilai_id).nip
        # the penilai with 30 subordinates: the demo has none (3, 4, 10 or 146), so a PC where
        # penilai sign in until they have 30 between them (a scope widens with each person)
        thirty: list[str] = []
        for k in sorted((k for k in counts if k and counts[k] <= 30), key=lambda k: (-counts[k], k)):
            if sum(counts[x] for x in thirty) + counts[k] <= 30:
                thirty.append(k)
        thirty_nips = [s.get(Employee, k).nip for k in thirty]
    central.dispose()
    staff_nip = _staff_nip(central_path)
    store_bytes = sum(f.stat().st_size for f in store.rglob("*") if f.is_file())
    print(f"\noffice: {EMPLOYEES} employees (built {built or 0:.0f} s), founding push (cached beside the demo, "
          f"see demo_cache.founded_store) and copy {founded:.0f} s, {pushed} changes, store {store_bytes / 1e6:.1f} MB")

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
    shared = _new_pc(tmp_path / "penilai-30.sqlite", root, thirty_nips[0])
    for nip in thirty_nips[1:]:
        remember_person(shared, nip)
    shared_report, shared_s = _sync(shared, str(store))
    print(f"PC of {len(thirty)} penilai with {sum(counts[k] for k in thirty)} subordinates between them: "
          f"{shared_report.bytes_down / 1e3:.0f} KB down, {shared_s:.2f} s, {shared_report.scope}, target < 5 MB")
    shared.dispose()

    # the staff PC's first sync over a 64 kbit/s WebDAV link with 300 ms round trips, cut every 30 s
    from tests.e2e.sync.dav_server import DavServer
    from tests.e2e.sync.fault_proxy import FaultProxy

    dav = DavServer(tmp_path / "dav").start()
    shutil.copytree(store, tmp_path / "dav" / "kinerja", dirs_exist_ok=True)
    proxy = FaultProxy(dav.port, rate=RATE, latency=ONE_WAY, seed=5).start()
    proxy.arm_cuts(1000, 240_000, 240_001, downstream=True)
    proxy.arm_timed_cuts(30)
    url = dav.url.replace(f":{dav.port}/", f":{proxy.port}/")
    poor = _new_pc(tmp_path / "poor.sqlite", root, staff_nip)
    report, poor_s, runs, wire = _sync_until_done(poor, url, dav, proxy)
    print(f"staff PC first sync over 64 kbit/s WebDAV, 300 ms RTT, cut every 30 s and 240 KB: {poor_s:.0f} s in {runs} "
          f"runs, {report.bytes_down / 1e3:.0f} KB payload down, {wire}, target < 120 s / 500 KB")
    first_ok = poor_s < 120 and report.bytes_down <= 500_000

    # the daily sync: one realisation and a 200 KB evidence file, recorded through the services
    user = authenticate(poor, staff_nip, staff_nip)
    evidence = tmp_path / "foto-kegiatan.jpg"
    evidence.write_bytes(random.Random(7).randbytes(EVIDENCE_BYTES))  # a photo does not compress
    indicator, period = _record_day(poor, user, evidence)
    daily, daily_s, runs, wire = _sync_until_done(poor, url, dav, proxy)
    print(f"staff PC daily sync (1 realisation, {EVIDENCE_BYTES // 1024} KB evidence) over the same link: "
          f"{daily_s:.0f} s in {runs} runs, {daily.bytes_up / 1e3:.0f} KB payload up, "
          f"{daily.bytes_down / 1e3:.0f} KB down, {daily.chunks_uploaded} pieces, {wire}, target < 60 s")
    assert daily.entries_pushed >= 2 and daily.part_bundles_pushed >= 1
    sha = hashlib.sha256(evidence.read_bytes()).hexdigest()  # the evidence is complete on the store
    assert (tmp_path / "dav" / "kinerja" / P.manifest_path(sha)).is_file()
    proxy.stop()
    idle, idle_s = _sync(poor, dav.url, FAST, secret=dav.password)
    print(f"staff PC, pull with nothing new (WebDAV, direct): {idle_s:.2f} s")
    poor.dispose()
    dav.stop()
    assert staff_report.bytes_down < full_bytes
    print(f"targets: first sync {'met' if first_ok else 'NOT met'}, daily sync {'met' if daily_s < 60 else 'NOT met'}"
          f" (indicator {indicator[:8]}, period {period})")


def _with_heads(store: Path, central_path: Path) -> str:
    """Give a store founded before folder heads its heads (the migration's step for such a store)."""
    import json

    from kinerja_desktop.services.demo_service import DEMO_ADMIN
    from kinerja_desktop.sync import heads as H
    from kinerja_desktop.sync.migrate_store import migrate_store

    if H.keeps_heads((store / P.PARTS_MARKER).read_bytes()):
        return "store founded with heads"
    central = open_database(central_path)
    try:
        admin = authenticate(central, DEMO_ADMIN[0], DEMO_ADMIN[1])
        started = time.perf_counter()
        report = migrate_store(central, open_remote(str(store)), admin, dry_run=False)
        assert json.loads((store / P.PARTS_MARKER).read_text()).get("heads") == H.HEADS_FORMAT
        return f"heads added by the migration: {report.heads_written} heads in {time.perf_counter() - started:.0f} s"
    finally:
        central.dispose()


def test_bench_idle_pull(tmp_path: Path) -> None:
    from tests.e2e.sync.dav_server import DavServer
    from tests.e2e.sync.fault_proxy import FaultProxy

    src, _built = demo_database(EMPLOYEES)
    central_path = tmp_path / "central.sqlite"
    copy_database(src, central_path)
    founded_at, root, _pushed = founded_store(EMPLOYEES)
    dav_root = tmp_path / "dav"
    store = dav_root / "kinerja"
    started = time.perf_counter()
    shutil.copytree(founded_at, store)
    copied = time.perf_counter() - started
    how = _with_heads(store, central_path)
    staff_nip = _staff_nip(central_path)
    print(f"\noffice: {EMPLOYEES} employees, store copied in {copied:.0f} s; {how}")

    staff = _new_pc(tmp_path / "staff.sqlite", root, staff_nip)
    first, first_s = _sync(staff, str(store))
    assert not first.waiting and not first.quarantined
    print(f"staff PC first sync (folder): {first.bytes_down / 1e3:.0f} KB, {first_s:.2f} s, {first.scope}")
    listing = SyncOptions(retry_base=0.05, retry_max=0.5, workers=4, full_listing_every=0)
    folder = {}
    for label, options in (("full listing", listing), ("heads", FAST)):
        times = []
        for _ in range(3):
            report, seconds = _sync(staff, str(store), options)
            assert report.applied == 0
            times.append(seconds)
        folder[label] = min(times)
    print(f"idle pull, folder store: heads {folder['heads']:.3f} s, full listing {folder['full listing']:.3f} s "
          f"(ratio {folder['heads'] / folder['full listing']:.2f}; best of 3 each)")

    dav = DavServer(dav_root).start()
    proxy = FaultProxy(dav.port).start()
    url = dav.url.replace(f":{dav.port}/", f":{proxy.port}/")
    try:
        _sync(staff, url, FAST, secret=dav.password)  # this URL's first contact (the listing probe)
        time.sleep(2.5)  # what it wrote answers with a validator (remote.ETAG_SETTLED_SECONDS)
        _sync(staff, url, FAST, secret=dav.password)  # the validators of this server
        wire = {}
        for label, options in (("full listing", listing), ("heads", FAST)):
            n0, down0, up0 = len(dav.requests), proxy.down_bytes, proxy.up_bytes
            report, seconds = _sync(staff, url, options, secret=dav.password)
            time.sleep(0.3)
            methods = Counter(m for m, *_ in dav.requests[n0:])
            wire[label] = (proxy.down_bytes - down0, proxy.up_bytes - up0, sum(methods.values()))
            print(f"idle pull over WebDAV, {label}: {wire[label][0] + wire[label][1]} B on the wire "
                  f"({wire[label][0]} down, {wire[label][1]} up), {wire[label][2]} requests "
                  f"{dict(sorted(methods.items()))}, {seconds:.2f} s, payload {report.bytes_down} B")
        total = sum(wire["heads"][:2])
        print(f"idle pull over WebDAV: heads {total} B / full listing {sum(wire['full listing'][:2])} B "
              f"(ratio {total / sum(wire['full listing'][:2]):.2f}); target < 20,000 B: "
              f"{'met' if total < 20_000 else 'NOT met'}")
    finally:
        proxy.stop()
        dav.stop()
        staff.dispose()


def _staff_nip(central_path: Path) -> str:
    """A staff member: nobody reports to them, they report to someone, their SKP of this year is approved
    (the daily sync records a realisation in it)."""
    central = open_database(central_path)
    try:
        with central.reader() as s:
            staff_id = s.execute(select(Supervision.employee_id).where(
                Supervision.supervisor_id.is_not(None),
                Supervision.employee_id.not_in(select(Supervision.supervisor_id).where(
                    Supervision.supervisor_id.is_not(None))),
                Supervision.employee_id.in_(select(Plan.employee_id).where(
                    Plan.status == "APPROVED", Plan.is_current.is_(True), Plan.deleted.is_(False),
                    Plan.year == date.today().year)))
                .order_by(Supervision.employee_id).limit(1)).scalar()
            return str(s.get(Employee, staff_id).nip)
    finally:
        central.dispose()


def _sync_until_done(db, url: str, dav, proxy):  # type: ignore[no-untyped-def]
    """Sync over the poor link until a run completes (a cut run is started again, as the app does)."""
    started = time.perf_counter()
    down0, up0, cuts0, requests0 = proxy.down_bytes, proxy.up_bytes, proxy.cuts_done, len(dav.requests)
    runs = 0
    while True:
        runs += 1
        try:
            report, _ = _sync(db, url, POOR, secret=dav.password)
            break
        except RemoteUnavailable:
            if runs > 40:
                raise
    seconds = time.perf_counter() - started
    methods = Counter(m for m, *_ in dav.requests[requests0:])
    wire = (f"on the wire {(proxy.down_bytes - down0) / 1e3:.0f} KB down / {(proxy.up_bytes - up0) / 1e3:.0f} KB up,"
            f" {proxy.cuts_done - cuts0} cuts, requests {dict(sorted(methods.items()))}")
    return report, seconds, runs, wire


def _record_day(db, user, evidence: Path) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """One realisation with an evidence file in the person's approved SKP, in the first period still open."""
    with db.reader() as s:
        indicators = list(s.scalars(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                                    .join(Plan, Plan.id == Rhk.plan_id)
                                    .where(Plan.employee_id == user.employee_id, Plan.status == "APPROVED",
                                           Plan.is_current.is_(True), Plan.year == date.today().year)
                                    .order_by(Indicator.id)))
    for period in reversed(ALL_PERIODS):
        for ind in indicators[:1]:
            try:
                realisation_service.set_realisation(db, user, ind, period.code, value="3 laporan",
                                                    note="dicatat di puskesmas")
                realisation_service.add_evidence(db, user, ind, period.code, evidence)
            except KinerjaError:
                continue
            return ind, period.code
    raise AssertionError("no open period to record a realisation in")
