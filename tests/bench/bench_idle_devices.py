"""A pull with nothing new on a store with 1,000 device folders (issue "scoped replication").

Run on demand (not part of the suite)::

    .venv/bin/python -m pytest -q -s tests/bench/bench_idle_devices.py

The demo office's store gets ``KINERJA_BENCH_DEVICES`` (default 1,000) more devices, each a PC that
recorded one realisation and pushed it (one database given a new device id before each change, so
every device folder holds a real, signed bundle). A full replica (the central office's kind, which
reads every device's stream) takes them in once; then its pull with nothing new is timed on the
folder store and through a WebDAV server on 127.0.0.1, beside a staff member's scoped PC (which
reads its folders' heads), on a WebDAV server in a process of its own, directly and through a proxy
that adds 25 ms each way; the full replica lists the device folders one at a time (the baseline) and
several at once (as shipped). Targets: under 2 s on a folder store, under 10 s on WebDAV.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from sqlalchemy import select

from kinerja_desktop.services import realisation_service
from kinerja_desktop.services.people_here import remember_person
from kinerja_desktop.store.models import Employee, Indicator, Rhk
from kinerja_desktop.sync.engine import SyncOptions
from kinerja_desktop.sync.replica import fork_replica
from tests.bench.bench_scope import _sync
from tests.bench.bench_sync import _ServerProcess
from tests.e2e.sync.fault_proxy import FaultProxy
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import FAST, Office, _pushed_master, office  # noqa: F401

DEVICES = int(os.environ.get("KINERJA_BENCH_DEVICES", "1000"))
SHIPPED = SyncOptions()


def test_bench_idle_pull_with_many_devices(office: Office, people: People, tmp_path: Path) -> None:  # noqa: F811
    pc = office.dbs["staff"]
    with pc.reader() as s:
        indicator = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                              .where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
        staff_nip = s.get(Employee, people.staff.employee_id).nip
    push_only = SyncOptions(**{**FAST.__dict__, "pull": False})
    started = time.perf_counter()
    for i in range(DEVICES):
        fork_replica(pc)  # another PC: a new device id, what came before counts as shared
        realisation_service.set_realisation(pc, people.staff, indicator, "TW4", value=f"{i + 1} kegiatan")
        report, _ = _sync(pc, str(office.store), push_only)
        assert report.bundles_pushed == 1
    made = time.perf_counter() - started
    folders = len(list((office.store / "devices").iterdir()))
    print(f"\n{DEVICES} devices pushed one change each in {made:.0f} s; the store has {folders} device folders")

    reader = office.dbs["reader"]  # a full replica: it reads every device's stream
    first, first_s = _sync(reader, str(office.store))
    assert not first.waiting and not first.quarantined and first.applied >= DEVICES
    print(f"full replica takes them in: {first.applied} changes, {first.bundles_pulled} bundles, {first_s:.1f} s")
    idle, idle_s = min((_sync(reader, str(office.store)) for _ in range(3)), key=lambda r: r[1])
    assert idle.applied == 0 and idle.bundles_pulled == 0
    print(f"full replica, pull with nothing new, folder store: {idle_s:.2f} s (target < 2 s)")

    staff = office.add_device("scoped", fresh=True)
    remember_person(staff, staff_nip)
    _sync(staff, str(office.store))
    s_idle, s_idle_s = min((_sync(staff, str(office.store)) for _ in range(3)), key=lambda r: r[1])
    assert s_idle.applied == 0
    print(f"staff PC (scoped), pull with nothing new, folder store: {s_idle_s:.2f} s")

    # WebDAV: the server in a process of its own (as a real server is), on 127.0.0.1 and 25 ms away
    # each way; the full replica's listing one request at a time (the baseline) and as shipped
    (tmp_path / "dav").mkdir()
    shutil.copytree(office.store, tmp_path / "dav" / "kinerja")
    one_at_a_time = SyncOptions(workers=1)
    with _ServerProcess(tmp_path / "dav") as dav:
        for latency, where in ((0.0, "127.0.0.1"), (0.025, "50 ms round trips")):
            proxy = FaultProxy(dav.port, latency=latency).start()
            url = dav.url.replace(f":{dav.port}/", f":{proxy.port}/")
            try:
                for db, name, options in ((reader, "full replica, one listing at a time", one_at_a_time),
                                          (reader, "full replica, as shipped", SHIPPED),
                                          (staff, "staff PC (scoped), as shipped", SHIPPED)):
                    _sync(db, url, options, secret=dav.password)  # the first pull from this address
                    w_idle, w_idle_s = _sync(db, url, options, secret=dav.password)
                    assert w_idle.applied == 0
                    print(f"{name}, pull with nothing new, WebDAV ({where}): {w_idle_s:.2f} s (target < 10 s)")
            finally:
                proxy.stop()
    assert idle_s < 2
