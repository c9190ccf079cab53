"""Sync benchmark: a 1,000-employee office's year pushed to WebDAV, against plain copying.

Run: .venv/bin/python -m pytest tests/bench/bench_sync.py -s

1. The office (demo, 1,000 employees, year 2026, all changes) plus a signed SKP and a signed
   annual evaluation PDF per employee (incompressible stand-ins of realistic size) is pushed
   to WsgiDAV on 127.0.0.1 (Basic auth; in a process of its own, as a real server is) by the sync
   engine. Baseline in the same run: the very
   same objects the push wrote (every bundle, partition bundle, chunk, chunk list, roster and
   identity file: same paths, same sizes, read back from the server's folder) copied as plain
   files to the same server with webdav4's ordinary ``put``. Target: sync within 1.5x of the
   baseline.
2. The same push through a throttled link that is cut three times; every run resumes where the
   last one stopped. Target: bytes sent at most 1.1x the payload.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import shutil
import socket
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kinerja_desktop.services.demo_service import DEMO_ADMIN
from kinerja_desktop.services.trust_service import unlock_root
from kinerja_desktop.store.changelog import bulk_insert
from kinerja_desktop.store.db import open_database
from kinerja_desktop.store.models import Document, Evaluation, Plan
from kinerja_desktop.store.signing import ROOT_AUTHOR
from kinerja_desktop.sync.engine import SyncEngine, SyncOptions
from kinerja_desktop.sync.remote import RemoteUnavailable, open_remote
from tests.bench.demo_cache import demo_database
from tests.e2e.sync.dav_server import DavServer, free_port
from tests.e2e.sync.fault_proxy import FaultProxy

pytestmark = [pytest.mark.filterwarnings("ignore::ResourceWarning"),
              pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")]

EMPLOYEES = 1000


def _office(tmp: Path) -> tuple[Path, int]:
    """A copy of the cached demo office with two signed PDFs per employee; returns (path, pdf bytes)."""
    src, _built = demo_database(EMPLOYEES)
    path = tmp / "office.sqlite"
    shutil.copy2(src, path)
    shutil.copytree(src.with_name(src.stem + ".files"), tmp / "office.files")
    db = open_database(path)
    # the PDFs are added by the instansi (root key, as the demo itself is), so sync sends them
    db.keys.add(unlock_root(db, DEMO_ADMIN[1]))
    rng = random.Random(6)
    total = 0
    with db.session(user=ROOT_AUTHOR, role="ADMIN") as s:
        plans = list(s.execute(select(Plan.id, Plan.employee_id, Plan.year).where(Plan.is_current.is_(True))))
        evals = dict(s.execute(select(Evaluation.plan_id, Evaluation.id).where(Evaluation.period == "TW3")).all())
        rows = []
        for plan_id, employee_id, year in plans:
            for kind in ("skp", "evaluasi"):
                data = os.urandom(rng.randint(40_000, 160_000))
                sha = db.blobs.put_bytes(data)
                total += len(data)
                rows.append({"kind": kind, "employee_id": employee_id, "plan_id": plan_id, "year": year,
                             "evaluation_id": evals.get(plan_id) if kind == "evaluasi" else None,
                             "period": "TW3" if kind == "evaluasi" else None, "sha256": sha, "status": "SIGNED",
                             "signers": [{"role": "pegawai"}, {"role": "penilai"}]})
        bulk_insert(s, Document, rows, user=ROOT_AUTHOR, role="ADMIN")
    db.dispose()
    return path, total


def _payload_files(db_path: Path, out: Path) -> int:
    """An estimate, before pushing, of what a push sends: the bundles and every referenced file."""
    db = open_database(db_path)
    try:
        out.mkdir()
        (out / "bundles").mkdir()
        (out / "files").mkdir()
        for b in (db.data_dir / "sync" / "outbox").iterdir():
            shutil.copy2(b, out / "bundles" / b.name)
        shas = set()
        with db.reader() as s:
            from kinerja_desktop.store.models import Attachment

            shas |= set(s.scalars(select(Document.sha256)))
            shas |= set(s.scalars(select(Attachment.sha256)))
        for sha in shas:
            if db.blobs.exists(sha):
                shutil.copy2(db.blobs.path(sha), out / "files" / sha)
    finally:
        db.dispose()
    return sum(f.stat().st_size for f in out.rglob("*") if f.is_file())


def _store_objects(store: Path) -> list[Path]:
    """Every object a push wrote to the store (the server's folder): the baseline copies exactly these."""
    return sorted(f for f in store.rglob("*") if f.is_file() and not f.name.startswith("."))


def _plain_copy(dav: DavServer | _ServerProcess, store: Path, workers: int = 1,
                target: str = "plain") -> tuple[float, int, int]:
    """Copy the objects the push wrote (same paths, same bytes) with webdav4's client: one PUT per
    file, each folder made once. Returns (seconds, files, bytes).

    (webdav4's fsspec ``put(recursive=True)`` asks the server about the target folder before every
    file, which with thousands of files in one folder is far slower than this; the lean loop is
    the fair baseline.)
    """
    from webdav4.client import Client

    files = _store_objects(store)
    folders = sorted({f.parent.relative_to(store) for f in files} - {Path(".")}, key=lambda p: len(p.parts))
    from concurrent.futures import ThreadPoolExecutor

    client = Client(f"http://127.0.0.1:{dav.port}", auth=(dav.user, dav.password))
    started = time.perf_counter()
    client.mkdir(target)
    made: set[Path] = set()
    for folder in folders:
        for depth in range(1, len(folder.parts) + 1):
            sub = Path(*folder.parts[:depth])
            if sub not in made:
                client.mkdir(f"{target}/{sub.as_posix()}")
                made.add(sub)
    if workers == 1:
        for f in files:
            client.upload_file(f, f"{target}/{f.relative_to(store).as_posix()}", overwrite=True)
    else:  # as many PUTs at once as the push runs (its SyncOptions.workers)
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(lambda f: client.upload_file(f, f"{target}/{f.relative_to(store).as_posix()}",
                                                       overwrite=True), files))
    elapsed = time.perf_counter() - started
    client.http.close()
    return elapsed, len(files), sum(f.stat().st_size for f in files)


def _serve(root: str, port: int, log: str, stop: Any) -> None:
    """In a process of its own: the WebDAV server until ``stop`` is set, then its requests to ``log``."""
    dav = DavServer(Path(root), port=port).start()
    stop.wait()
    dav.stop()
    Path(log).write_text(json.dumps(dav.requests))


class _ServerProcess:
    """The bench's WebDAV server in a process of its own, as a real server is: the client's threads
    and the server's do not share one interpreter's lock (in one process, four PUTs at once were
    slower than one at a time). Its requests are read when it stops."""

    def __init__(self, root: Path) -> None:
        self.root, self.user, self.password = root, DavServer.user, DavServer.password
        self.port = free_port()
        self.url = f"webdav://{self.user}@127.0.0.1:{self.port}/kinerja"
        self.requests: list[tuple[str, str, int, int]] = []

    def __enter__(self) -> _ServerProcess:
        ctx = multiprocessing.get_context("spawn")
        self._stop, self._log = ctx.Event(), self.root.with_suffix(f".{self.port}.log")
        self._proc = ctx.Process(target=_serve, args=(str(self.root), self.port, str(self._log), self._stop))
        self._proc.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.05)
        raise RuntimeError("the WebDAV server did not start")

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._proc.join(30)
        if self._log.exists():
            self.requests = [tuple(r) for r in json.loads(self._log.read_text())]


def test_bench_sync_push_vs_plain_copy(tmp_path: Path) -> None:
    office, pdf_bytes = _office(tmp_path)
    root = tmp_path / "dav"
    with _ServerProcess(root) as dav:
        db = open_database(office)
        remote = open_remote(dav.url, secret=dav.password)
        started = time.perf_counter()
        report = SyncEngine(db, remote, SyncOptions(pull=False)).run()
        t_sync = time.perf_counter() - started
        remote.close()
        db.dispose()
    push_requests = Counter(method for method, *_rest in dav.requests)
    store = root / "kinerja"
    print(f"\nsync push done in {t_sync:.2f} s; copying the same objects with webdav4 ...", flush=True)
    with _ServerProcess(root) as dav:
        t_plain, n_files, payload = _plain_copy(dav, store)
    plain_requests = Counter(method for method, *_rest in dav.requests)
    workers = SyncOptions().workers
    with _ServerProcess(root) as dav:
        t_parallel, _n, _b = _plain_copy(dav, store, workers=workers, target="plain-parallel")
    ratio = t_sync / t_plain
    print(f"\n{EMPLOYEES} employees: {report.entries_pushed:,} changes in {report.bundles_pushed} bundles and "
          f"{report.part_bundles_pushed} partition bundles, {report.chunks_uploaded:,} chunks; PDFs "
          f"{pdf_bytes / 1e6:.0f} MB; the push wrote {n_files:,} objects, {payload / 1e6:.0f} MB")
    print(f"sync push (packing + upload): {t_sync:.2f} s; plain webdav4 put of the same {n_files:,} objects: "
          f"{t_plain:.2f} s; ratio {ratio:.2f} (target <= 1.5)")
    print(f"for reference, the same copy with {workers} PUTs at once (as the push does): {t_parallel:.2f} s; "
          f"push / that: {t_sync / t_parallel:.2f}")
    print(f"requests: push {dict(push_requests)}; plain copy {dict(plain_requests)}")
    assert report.files_missing == 0
    # the push asks the store about nothing per object (a first push: the folders it writes into are new)
    assert sum(push_requests.values()) <= sum(plain_requests.values()) + 50, (push_requests, plain_requests)
    assert ratio <= 1.5


def test_bench_sync_push_cut_three_times(tmp_path: Path) -> None:
    office, _pdf = _office(tmp_path)
    dav = DavServer(tmp_path / "dav").start()
    proxy = FaultProxy(dav.port, rate=60_000_000, seed=11).start()
    try:
        db = open_database(office)
        # pack first (no network), so the payload is known before the link is cut
        payload_dir = tmp_path / "plain"
        remote = open_remote(f"webdav://{dav.user}@127.0.0.1:{proxy.port}/kinerja", secret=dav.password)
        SyncEngine(db, remote, SyncOptions(pull=False)).pack()
        remote.close()
        db.dispose()
        payload = _payload_files(office, payload_dir)
        proxy.arm_cuts(3, payload // 10, payload // 4)  # all three land within the transfer
        runs, started = 0, time.perf_counter()
        db = open_database(office)
        while True:
            runs += 1
            remote = open_remote(f"webdav://{dav.user}@127.0.0.1:{proxy.port}/kinerja", secret=dav.password,
                                 timeout=10)
            try:
                SyncEngine(db, remote, SyncOptions(pull=False, retry_base=0.05, retry_tries=3)).run()
                break
            except RemoteUnavailable:
                assert runs < 20
            finally:
                remote.close()
        elapsed = time.perf_counter() - started
        db.dispose()
    finally:
        proxy.stop()
        dav.stop()
    ratio = proxy.up_bytes / payload
    print(f"\ncut {proxy.cuts_done} times, {runs} runs, {elapsed:.1f} s; sent {proxy.up_bytes / 1e6:.1f} MB for "
          f"{payload / 1e6:.1f} MB payload: {ratio:.3f}x (target <= 1.1)")
    assert proxy.cuts_done == 3
    assert ratio <= 1.1
