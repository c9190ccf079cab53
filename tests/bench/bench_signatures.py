"""What signed changes cost a sync: a 1,000-employee office's year pushed and pulled.

Run: .venv/bin/python -m pytest tests/bench/bench_signatures.py -s

The cached demo office (1,000 employees, every change of its year, signed as it was committed)
is pushed to a folder store, then pulled by a new PC that pinned the root key. In the same run
the work that signatures add is measured on the very same changes: signing every group again
(``changelog.sign_runs``: digest and Ed25519 signature) and verifying every pulled bundle
(``trust.check_bundle``). "Without signatures" is the sync's time less that work.
Target: with signatures at most 1.3x the time without them.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.services.trust_service import current_roster, pin_root, pinned_root
from kinerja_desktop.store.changelog import sign_runs
from kinerja_desktop.store.db import open_database
from kinerja_desktop.store.models import ChangeLog
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync import trust
from kinerja_desktop.sync.engine import SyncEngine, SyncOptions
from kinerja_desktop.sync.remote import open_remote
from tests.bench.demo_cache import demo_database

EMPLOYEES = 1000


@pytest.mark.slow
def test_signatures_cost_little_of_a_sync(tmp_path: Path) -> None:
    from kinerja_desktop.central.roster import publish_roster
    from kinerja_desktop.services.demo_service import DEMO_ADMIN
    from kinerja_desktop.services.trust_service import unlock_root

    src, _built = demo_database(EMPLOYEES)
    path = tmp_path / "office.sqlite"
    shutil.copy2(src, path)
    shutil.copytree(src.with_name(src.stem + ".files"), tmp_path / "office.files")
    store = tmp_path / "store"
    store.mkdir()
    office = open_database(path)
    root = unlock_root(office, DEMO_ADMIN[1])
    publish_roster(office, open_remote(str(store)), root)
    opts = SyncOptions(retry_base=0.01, workers=2)

    started = time.perf_counter()
    pushed = SyncEngine(office, open_remote(str(store)), opts).run()
    push_s = time.perf_counter() - started
    fresh = open_database(tmp_path / "fresh.sqlite")
    pin_root(fresh, pinned_root(office) or "")
    started = time.perf_counter()
    pulled = SyncEngine(fresh, open_remote(str(store)), opts).run()
    pull_s = time.perf_counter() - started
    assert pulled.applied > 50_000 and not pulled.refused and not pulled.quarantined

    # the signatures' share, on the same changes
    with office.reader() as s:
        rows = list(s.scalars(select(ChangeLog).order_by(ChangeLog.seq)))
    office.keys.add(root)
    for r in rows:
        r.user = root.author
    started = time.perf_counter()
    sign_runs(office.keys, rows)
    sign_s = time.perf_counter() - started
    roster = current_roster(fresh)
    remote = open_remote(str(store))
    verify_s = 0.0
    for device in remote.list_dirs(P.DEVICES_DIR):
        for name in remote.list(P.bundles_dir(device)):
            last, sha = P.parse_bundle_name(name) or (0, "")
            _h, entries = P.decode_bundle(remote.read(f"{P.bundles_dir(device)}/{name}"), expected_sha=sha,
                                          device=device, last_seq=last)
            started = time.perf_counter()
            verdicts = trust.check_bundle(entries, roster)
            verify_s += time.perf_counter() - started
            assert all(v.kind == trust.OK for v in verdicts)
    total = push_s + pull_s
    without = total - sign_s - verify_s
    ratio = total / without
    print(f"\n{pushed.entries_pushed} changes: push {push_s:.1f} s, pull {pull_s:.1f} s; "
          f"signing {sign_s:.2f} s, verifying {verify_s:.2f} s; "
          f"with signatures {total:.1f} s vs without {without:.1f} s = {ratio:.3f}x (target <= 1.3x)")
    assert ratio <= 1.3
    office.dispose()
    fresh.dispose()
