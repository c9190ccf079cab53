"""Sync over a poor link: 64 kbit/s-like, cut every "30 s" (every 240 KB), through the fault proxy.

The proxy runs ten times faster than 64 kbit/s (80 KB/s) but cuts after the same number of bytes
as a 64 kbit/s link carries in 30 s, so what crosses between two cuts is the same as in the
field, in a tenth of the time. Nothing larger than a piece may need an uncut stretch of link.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.services import realisation_service
from kinerja_desktop.store.models import Attachment, Indicator, Realisation, Rhk
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.engine import SyncEngine, SyncOptions, SyncReport
from kinerja_desktop.sync.remote import RemoteUnavailable, open_remote
from tests.e2e.sync.dav_server import DavServer
from tests.e2e.sync.fault_proxy import FaultProxy
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import Office

pytestmark = [pytest.mark.filterwarnings("ignore::ResourceWarning"),
              pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")]

RATE = 80_000  # bytes/s: 64 kbit/s (8 KB/s) times ten
WINDOW = 240_000  # bytes a 64 kbit/s link carries in 30 s
POOR = SyncOptions(retry_base=0.05, retry_max=0.3, retry_tries=8, workers=2)


def until_done(db, url: str, secret: str, max_runs: int = 30) -> tuple[SyncReport, int]:
    """Run sync again and again (as the background timer does) until one run completes."""
    failures = 0
    for _ in range(max_runs):
        remote = open_remote(url, secret=secret, timeout=5)
        try:
            return SyncEngine(db, remote, POOR).run(), failures
        except RemoteUnavailable:
            failures += 1
        finally:
            remote.close()
    raise AssertionError(f"sync never completed ({failures} failed runs)")


def test_a_1_mb_evidence_file_crosses_a_link_cut_every_30_s(office: Office, dav: DavServer, people: People,
                                                             tmp_path: Path) -> None:
    staff, reader = office.dbs["staff"], office.dbs["reader"]
    with staff.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                        .where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
    realisation_service.set_realisation(staff, people.staff, ind, "TW4", value="14 kegiatan")
    evidence = tmp_path / "bukti-besar.pdf"
    evidence.write_bytes(os.urandom(1_000_000))
    realisation_service.add_evidence(staff, people.staff, ind, "TW4", evidence)

    proxy = FaultProxy(dav.port, rate=RATE, seed=3).start()
    try:
        url = f"webdav://{dav.user}@127.0.0.1:{proxy.port}/kinerja"
        proxy.arm_cuts(200, WINDOW - 10_000, WINDOW)
        report, failed_runs = until_done(staff, url, dav.password)
        up, cuts = proxy.up_bytes, proxy.cuts_done
        assert cuts >= 3  # the upload really crossed cuts
        assert report.bundles_pushed >= 2
        # the realisation went up before the file's last piece: it did not wait behind the file
        puts = [path for method, path, status, _n in dav.requests if method == "PUT" and 200 <= status < 300]
        first_bundle = next(i for i, p in enumerate(puts) if "/bundles/" in p)
        last_chunk = max(i for i, p in enumerate(puts) if "/chunks/" in p)
        assert first_bundle < last_chunk
        assert up < 1.5 * 1_000_000, up

        proxy.arm_cuts(200, WINDOW - 10_000, WINDOW, downstream=True)
        pulled, _ = until_done(reader, url, dav.password)
        down_cuts = proxy.cuts_done - cuts
    finally:
        proxy.stop()
    assert pulled.files_missing == 0 and pulled.files_fetched == 1
    assert down_cuts >= 3
    with reader.reader() as s:
        att = s.execute(select(Attachment).where(Attachment.filename == "bukti-besar.pdf")).scalar_one()
        real = s.execute(select(Realisation).where(Realisation.indicator_id == ind,
                                                   Realisation.period == "TW4")).scalar_one()
    assert reader.blobs.read_bytes(att.sha256) == evidence.read_bytes()
    assert real.value_text == "14 kegiatan"
    print(f"\n1 MB up through {cuts} cuts: {up:,} bytes, {failed_runs} failed runs; "
          f"chunks of {P.CHUNK_SIZE // 1024} KiB")


def test_a_cut_pull_keeps_and_applies_what_it_downloaded(office: Office, dav: DavServer, people: People,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Bundles are applied as they arrive and kept: after a cut, the next run fetches only the rest."""
    monkeypatch.setattr(P, "BUNDLE_MAX_BYTES", 512)  # every edit its own bundle: many small bundles
    staff, reader = office.dbs["staff"], office.dbs["reader"]
    probe = office.add_device("probe")  # in the reader's state: what a whole pull costs, to cut the reader's halfway
    for db in (reader, probe):
        direct = open_remote(dav.url, secret=dav.password)
        SyncEngine(db, direct, POOR).run()
        direct.close()
    with staff.reader() as s:
        indicators = list(s.scalars(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                                    .where(Rhk.plan_id == people.staff_plan_id, Indicator.deleted.is_(False))))
    for round_ in range(3):
        for n, ind in enumerate(indicators):
            realisation_service.set_realisation(staff, people.staff, ind, "TW4", value=f"{n + round_} kegiatan")
    direct = open_remote(dav.url, secret=dav.password)
    pushed = SyncEngine(staff, direct, POOR).run()
    direct.close()
    assert pushed.bundles_pushed >= 12
    from kinerja_desktop.store.changelog import device_id
    from kinerja_desktop.store.sync_models import SyncPeer

    with staff.reader() as s:
        staff_device = device_id(s)

    proxy = FaultProxy(dav.port, seed=5).start()
    url = f"webdav://{dav.user}@127.0.0.1:{proxy.port}/kinerja"
    once = SyncOptions(retry_base=0.01, retry_tries=1, workers=1)
    try:
        before = proxy.down_bytes
        remote = open_remote(url, secret=dav.password)
        SyncEngine(probe, remote, once).run()
        remote.close()
        whole = proxy.down_bytes - before
        gets_before = len(dav.requests)
        proxy.arm_cuts(1, whole * 85 // 100, whole * 85 // 100, downstream=True)
        remote = open_remote(url, secret=dav.password)
        with pytest.raises(RemoteUnavailable):
            SyncEngine(reader, remote, once).run()
        remote.close()
        with reader.reader() as s:
            peer = s.get(SyncPeer, staff_device)
            applied_at_cut = peer.applied_seq if peer else 0
        assert applied_at_cut > 0  # applied before the cut, not at the end
        remote = open_remote(url, secret=dav.password)
        report = SyncEngine(reader, remote, once).run()
        remote.close()
    finally:
        proxy.stop()
    assert not report.waiting and not report.quarantined
    # every bundle the reader fetched, it fetched once (the cut one at most twice)
    gets = [path for method, path, status, _n in dav.requests[gets_before:]
            if method == "GET" and "/bundles/" in path and staff_device in path and status == 200]
    assert len(gets) <= pushed.bundles_pushed + 1, len(gets)
    with reader.reader() as s:
        values = set(s.scalars(select(Realisation.value_text).where(Realisation.indicator_id.in_(indicators))))
    assert {f"{n + 2} kegiatan" for n in range(len(indicators))} <= values
    assert not list((reader.data_dir / "sync" / "inbox").rglob("*.jsonl.gz"))  # applied bundles leave the cache


# --------------------------------------------------------------------------- 5 MB each way, cut every 240 KB

#: The 5 MB tests run forty times faster than the field by default (the cuts fall after the same bytes at
#: any rate, and the pieces are fixed by the test, not measured, so the same pieces cross and fail as in the
#: field: 65 s a direction at ten times cost the suite two minutes and proved nothing more);
#: KINERJA_POOR_LINK_RATE=8000 runs them at the field's 64 kbit/s (then each direction takes about twelve
#: minutes: the figure the issue asks for).
FIELD_RATE = int(os.environ.get("KINERJA_POOR_LINK_RATE") or 4 * RATE)
#: Seconds a request may wait for an answer: the app's default at the field's rate; faster, five seconds
#: stand for more.
FIELD_TIMEOUT = 30.0 if FIELD_RATE < RATE else 5.0
FIVE_MB = 5 * 1024 * 1024


def _add_evidence(db, people: People, user, tmp_path: Path, size: int) -> tuple[str, Path]:
    with db.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                        .where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
    realisation_service.set_realisation(db, user, ind, "TW4", value="15 kegiatan")
    evidence = tmp_path / "bukti-5mb.pdf"
    evidence.write_bytes(os.urandom(size))
    realisation_service.add_evidence(db, user, ind, "TW4", evidence)
    return ind, evidence


def _received(db, evidence: Path) -> bool:
    with db.reader() as s:
        att = s.execute(select(Attachment).where(Attachment.filename == evidence.name)).scalar_one()
    return db.blobs.read_bytes(att.sha256) == evidence.read_bytes()


def _timed_until_done(db, url: str, secret: str, options: SyncOptions) -> tuple[SyncReport, int, float]:
    import time

    started, failures = time.monotonic(), 0
    for _ in range(60):
        remote = open_remote(url, secret=secret, timeout=FIELD_TIMEOUT)
        try:
            return SyncEngine(db, remote, options).run(), failures, time.monotonic() - started
        except RemoteUnavailable:
            failures += 1
        finally:
            remote.close()
    raise AssertionError(f"sync never completed ({failures} failed runs)")


def test_5_mb_up_a_link_cut_every_240_kb_starting_with_pieces_too_big_for_it(
        office: Office, dav: DavServer, people: People, tmp_path: Path) -> None:
    """A PC that measured a fast link before sends 256 KiB pieces: more than crosses between two cuts.
    Each such piece is tried twice, then the file goes in 64 KiB pieces; what was complete stays."""
    staff = office.dbs["staff"]
    _ind, evidence = _add_evidence(staff, people, people.staff, tmp_path, FIVE_MB)
    proxy = FaultProxy(dav.port, rate=FIELD_RATE, seed=11).start()
    try:
        url = f"webdav://{dav.user}@127.0.0.1:{proxy.port}/kinerja"
        proxy.arm_cuts(200, WINDOW, WINDOW)
        fast_before = SyncOptions(retry_base=0.05, retry_max=0.3, retry_tries=8, workers=2,
                                  piece_size=P.CHUNK_SIZE_MAX)
        report, failed_runs, seconds = _timed_until_done(staff, url, dav.password, fast_before)
        up, cuts = proxy.up_bytes, proxy.cuts_done
    finally:
        proxy.stop()
    assert cuts >= FIVE_MB // WINDOW
    chunk_puts = [n for method, path, status, n in dav.requests
                  if method == "PUT" and "/chunks/" in path and 200 <= status < 300]
    assert sum(chunk_puts) >= FIVE_MB and max(chunk_puts) <= P.CHUNK_SIZE_MAX
    assert up < 1.35 * FIVE_MB, up  # a cut costs at most the piece it hit
    direct = open_remote(dav.url, secret=dav.password)
    reader = office.dbs["reader"]
    SyncEngine(reader, direct, POOR).run()
    direct.close()
    assert _received(reader, evidence)
    print(f"\n5 MB up at {FIELD_RATE:,} B/s through {cuts} cuts (every {WINDOW:,} B): {seconds:.0f} s, "
          f"{up:,} bytes sent, {failed_runs} failed runs, {report.retries} retries")


def test_5_mb_down_a_link_cut_every_240_kb_resumes_with_range_requests(
        office: Office, dav: DavServer, people: People, tmp_path: Path) -> None:
    """Sent from a fast link in 256 KiB pieces; fetched over a link that carries 240 KB between cuts:
    each GET resumes from the bytes already kept (Range), nothing is fetched twice."""
    staff, reader = office.dbs["staff"], office.dbs["reader"]
    _ind, evidence = _add_evidence(staff, people, people.staff, tmp_path, FIVE_MB)
    direct = open_remote(dav.url, secret=dav.password)
    SyncEngine(staff, direct, SyncOptions(piece_size=P.CHUNK_SIZE_MAX)).run()
    direct.close()
    mark = len(dav.requests)
    proxy = FaultProxy(dav.port, rate=FIELD_RATE, seed=13).start()
    try:
        url = f"webdav://{dav.user}@127.0.0.1:{proxy.port}/kinerja"
        proxy.arm_cuts(200, WINDOW, WINDOW, downstream=True)
        report, failed_runs, seconds = _timed_until_done(reader, url, dav.password, POOR)
        down, cuts = proxy.down_bytes, proxy.cuts_done
    finally:
        proxy.stop()
    assert report.files_fetched == 1 and report.files_missing == 0
    assert _received(reader, evidence)
    assert cuts >= FIVE_MB // WINDOW
    chunk_gets = [(path, status) for method, path, status, _n in dav.requests[mark:]
                  if method == "GET" and "/chunks/" in path]
    assert any(status == 206 for _p, status in chunk_gets)  # resumed, not started again
    assert down < 1.15 * FIVE_MB, down
    assert not list((reader.data_dir / "sync" / "partial").glob("*"))  # nothing left behind
    print(f"\n5 MB down at {FIELD_RATE:,} B/s through {cuts} cuts (every {WINDOW:,} B): {seconds:.0f} s, "
          f"{down:,} bytes received, {failed_runs} failed runs, {report.retries} retries, "
          f"{sum(1 for _p, st in chunk_gets if st == 206)} range requests")
