"""Folder heads (sync.heads): an up-to-date scoped PC learns "nothing new" from a few small requests.

Over a real WebDAV server (WsgiDAV) through the byte-counting TCP proxy: the idle pull reads the
heads of its scope's folders (304 answers) and lists none of them; a partition another PC wrote
into is listed and its change applied; a forged head applies nothing, a head put back hides a
bundle only until the periodic full listing; a push cut before its heads writes them next run;
an old store gets its heads through the migration (dry run first).
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.services import evaluation_service
from kinerja_desktop.services.people_here import remember_person
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Employee, Evaluation
from kinerja_desktop.sync import heads as H
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.engine import SyncEngine, SyncOptions, SyncReport
from kinerja_desktop.sync.remote import ETAG_SETTLED_SECONDS, FolderRemote, RemoteUnavailable, open_remote
from tests.e2e.sync.dav_server import DavServer
from tests.e2e.sync.fault_proxy import FaultProxy
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import FAST, Office

#: The issue's target for the whole idle pull of a staff PC (both directions, on the wire).
IDLE_BYTES = 20_000


class CountingRemote(FolderRemote):
    """A folder store that records which folders were listed and which files written (real I/O)."""

    def __init__(self, root: Path, *, fail_heads: bool = False) -> None:
        super().__init__(root)
        self.listed: list[str] = []
        self.written: list[str] = []
        self.fail_heads = fail_heads
        self._lock = threading.Lock()

    def list(self, path: str) -> dict[str, int | None]:
        with self._lock:
            self.listed.append(path)
        return super().list(path)

    def write(self, path: str, data: bytes) -> None:
        if self.fail_heads and path.endswith("/" + H.HEAD_NAME):
            raise RemoteUnavailable("koneksi terputus (uji)")
        with self._lock:
            self.written.append(path)
        super().write(path, data)


def _nip(db: Database, employee_id: str) -> str:
    with db.reader() as s:
        return str(s.get(Employee, employee_id).nip)


def _staff_pc(office: Office, people: People) -> Database:
    db = office.add_device("staff-pc", fresh=True)
    remember_person(db, _nip(office.dbs["reader"], people.staff.employee_id))
    return db


def _run(db: Database, remote, options: SyncOptions = FAST) -> SyncReport:  # type: ignore[no-untyped-def]
    try:
        return SyncEngine(db, remote, options).run()
    finally:
        remote.close()


def _rate(office: Office, people: People, period: str, hasil: str, url: str | None = None,
          secret: str | None = None) -> None:
    """The penilai (a full replica) rates the staff member's period and syncs: a bundle in e-<staff>."""
    pen = office.dbs["penilai"]
    evaluation_service.set_ratings(pen, people.penilai, people.staff_plan_id, period, hasil=hasil, perilaku="SESUAI")
    _run(pen, open_remote(url or str(office.store), secret=secret))


def _rating(db: Database, plan_id: str, period: str) -> str | None:
    with db.reader() as s:
        return s.execute(select(Evaluation.rating_hasil).where(Evaluation.plan_id == plan_id,
                                                               Evaluation.period == period)).scalar()


@pytest.fixture
def proxy(dav: DavServer) -> Iterator[FaultProxy]:
    p = FaultProxy(dav.port).start()
    yield p
    p.stop()


def test_an_idle_pull_over_webdav_reads_heads_only_and_a_changed_partition_is_still_pulled(
        office: Office, people: People, dav: DavServer, proxy: FaultProxy) -> None:
    url = dav.url.replace(f":{dav.port}/", f":{proxy.port}/")
    staff = _staff_pc(office, people)
    first = _run(staff, open_remote(url, secret=dav.password))
    assert not first.waiting and not first.quarantined and first.scope["full"] is False
    time.sleep(ETAG_SETTLED_SECONDS)  # what that sync wrote answers with a validator now
    _run(staff, open_remote(url, secret=dav.password))  # heads seen; validators learnt

    n0, down0, up0 = len(dav.requests), proxy.down_bytes, proxy.up_bytes
    idle = _run(staff, open_remote(url, secret=dav.password))
    time.sleep(0.2)  # the proxy counts what it forwarded
    reqs = dav.requests[n0:]
    wire = proxy.down_bytes - down0 + proxy.up_bytes - up0
    heads = [r for r in reqs if r[1].endswith("/" + H.HEAD_NAME)]
    listings = [r for r in reqs if r[0] == "PROPFIND" and ("/parts/" in r[1] or "/roster/" in r[1])]
    assert idle.applied == 0 and idle.bytes_down < 1000
    statuses = Counter(r[2] for r in heads)  # 404: a partition nobody wrote into yet (no folder, no head)
    assert set(statuses) <= {304, 404} and statuses[304] > statuses[404], statuses
    assert not listings, listings
    assert wire < IDLE_BYTES, (wire, Counter(m for m, *_ in reqs))
    assert len(reqs) <= len(heads) + 3, Counter(m for m, *_ in reqs)  # + the identity and this PC's own folder

    # the penilai rates the staff member: that partition's head changes, it alone is listed, the rating arrives
    _rate(office, people, "TW4", "DI_ATAS", dav.url, dav.password)
    n0 = len(dav.requests)
    news = _run(staff, open_remote(url, secret=dav.password))
    listed = {r[1] for r in dav.requests[n0:] if r[0] == "PROPFIND" and "/parts/" in r[1]}
    assert listed == {f"/kinerja/parts/e-{people.staff.employee_id}"}, listed
    assert news.applied >= 1 and not news.quarantined
    assert _rating(staff, people.staff_plan_id, "TW4") == "DI_ATAS"


def test_a_forged_head_applies_nothing_and_a_put_back_head_hides_a_bundle_only_until_the_full_listing(
        office: Office, people: People) -> None:
    staff = _staff_pc(office, people)
    _run(staff, CountingRemote(office.store))
    quiet = CountingRemote(office.store)
    _run(staff, quiet)
    assert not [p for p in quiet.listed if p.startswith((P.PARTS_DIR + "/", P.ROSTER_CARDS_DIR + "/"))]

    # a forged head (anything at all, here naming a bundle that does not exist): one listing, nothing applied
    own = P.part_dir(f"s-{people.staff.employee_id}")
    Path(office.store, H.head_path(own)).write_text(json.dumps({"kinerja_head": 1, "folder": own, "by": "x" * 36,
                                                                "last": 10 ** 9, "nonce": "palsu"}))
    forged = CountingRemote(office.store)
    report = _run(staff, forged)
    assert own in forged.listed and report.applied == 0 and not report.quarantined and not report.waiting
    again = CountingRemote(office.store)
    _run(staff, again)
    assert own not in again.listed  # the forged head is now just the head last seen

    # a head put back (by anyone with write access to the store) after the penilai wrote: the new
    # bundle is not seen...
    evals = P.part_dir(f"e-{people.staff.employee_id}")
    old_head = Path(office.store, H.head_path(evals)).read_bytes()
    _rate(office, people, "TW4", "DI_BAWAH")
    assert Path(office.store, H.head_path(evals)).read_bytes() != old_head  # the writer rewrote the head
    Path(office.store, H.head_path(evals)).write_bytes(old_head)
    blind = CountingRemote(office.store)
    _run(staff, blind)
    assert evals not in blind.listed and _rating(staff, people.staff_plan_id, "TW4") != "DI_BAWAH"
    # ... until the periodic full listing (a day after the last one) lists every folder of the scope
    book_key = next(k for k in _meta_keys(staff) if k.startswith("sync.heads.") and "owed" not in k
                    and "kept" not in k)
    book = staff.meta(book_key)
    staff.set_meta(book_key, {**book, "full_at": time.time() - SyncOptions().full_listing_every - 60})
    full = CountingRemote(office.store)
    report = _run(staff, full)
    assert evals in full.listed and own in full.listed
    assert _rating(staff, people.staff_plan_id, "TW4") == "DI_BAWAH" and not report.quarantined
    after = CountingRemote(office.store)
    _run(staff, after)
    assert not [p for p in after.listed if p.startswith(P.PARTS_DIR + "/")]


def _meta_keys(db: Database) -> list[str]:
    from kinerja_desktop.store.models import LocalMeta

    with db.reader() as s:
        return list(s.scalars(select(LocalMeta.key)))


def test_a_push_cut_before_its_heads_writes_them_on_the_next_run(office: Office, people: People) -> None:
    staff = _staff_pc(office, people)
    _run(staff, CountingRemote(office.store))
    _run(staff, CountingRemote(office.store))
    evals = P.part_dir(f"e-{people.staff.employee_id}")
    pen = office.dbs["penilai"]
    evaluation_service.set_ratings(pen, people.penilai, people.staff_plan_id, "TW4", hasil="DI_ATAS",
                                   perilaku="SESUAI")
    cut = CountingRemote(office.store, fail_heads=True)
    with pytest.raises(RemoteUnavailable):
        SyncEngine(pen, cut, SyncOptions(retry_base=0.01, retry_max=0.02, retry_tries=2, workers=2)).run()
    assert any(p.startswith(evals + "/") and p.endswith(".jsonl.gz") for p in cut.written)  # the bundle went out
    assert not any(p.endswith(H.HEAD_NAME) for p in cut.written)
    stale = CountingRemote(office.store)
    _run(staff, stale)
    assert evals not in stale.listed  # its head was not rewritten: not seen yet
    fixed = CountingRemote(office.store)
    _run(pen, fixed)  # the penilai's next run writes the head it owed
    assert H.head_path(evals) in fixed.written
    _run(staff, CountingRemote(office.store))
    assert _rating(staff, people.staff_plan_id, "TW4") == "DI_ATAS"


def test_an_old_store_gets_its_heads_from_the_migration_with_a_dry_run_first(office: Office,
                                                                            people: People) -> None:
    from kinerja_desktop.sync.migrate_store import migrate_store

    store = Path(office.store)
    for head in store.rglob(H.HEAD_NAME):  # a store partitioned before heads existed
        head.unlink()
    marker = json.loads((store / P.PARTS_MARKER).read_text())
    marker.pop("heads")
    (store / P.PARTS_MARKER).write_text(json.dumps(marker))
    staff = _staff_pc(office, people)
    _run(staff, CountingRemote(store))
    before = CountingRemote(store)
    _run(staff, before)
    assert [p for p in before.listed if p.startswith(P.PARTS_DIR + "/")]  # no heads: every partition listed

    central = office.dbs["reader"]
    dry = migrate_store(central, open_remote(str(store)), people.admin, dry_run=True)
    assert dry.heads_enabled and dry.heads_written > 0 and "akan ditulis" in dry.summary()
    assert not list(store.rglob(H.HEAD_NAME)) and "heads" not in json.loads((store / P.PARTS_MARKER).read_text())
    real = migrate_store(central, open_remote(str(store)), people.admin, dry_run=False)
    assert real.heads_written == dry.heads_written == len(list(store.rglob(H.HEAD_NAME)))
    assert json.loads((store / P.PARTS_MARKER).read_text()) == {**marker, "heads": H.HEADS_FORMAT}
    assert not migrate_store(central, open_remote(str(store)), people.admin, dry_run=True).heads_enabled

    _run(staff, CountingRemote(store))  # the first pull with heads lists once and remembers them
    quiet = CountingRemote(store)
    _run(staff, quiet)
    assert not [p for p in quiet.listed if p.startswith((P.PARTS_DIR + "/", P.ROSTER_CARDS_DIR + "/"))]


def test_a_head_is_read_conditionally_on_webdav_and_s3_and_a_fresh_validator_is_not_kept(tmp_path: Path,
                                                                                          moto_s3: str) -> None:
    """WebDAV: WsgiDAV's ETag is inode-mtime(s)-size, so one written within the last seconds may not change
    with the next write of the same size: such a validator is not kept (the content is compared)."""
    dav = DavServer(tmp_path / "dav").start()
    remote = open_remote(dav.url, secret=dav.password)
    try:
        path = H.head_path("parts/g")
        remote.write(path, H.head_bytes("parts/g", "a" * 36, 1))
        etag, data = remote.read_if_changed(path, None)
        assert etag is None and data is not None  # too fresh to be trusted
        time.sleep(ETAG_SETTLED_SECONDS + 0.5)
        etag, data = remote.read_if_changed(path, None)
        assert etag and data
        assert remote.read_if_changed(path, etag) == (etag, None)  # a 304
        newer = H.head_bytes("parts/g", "a" * 36, 2)
        assert len(newer) == len(data)  # same size: only the time tells the ETags apart
        remote.write(path, newer)
        assert remote.read_if_changed(path, etag)[1] == newer
        with pytest.raises(FileNotFoundError):
            remote.read_if_changed(H.head_path("parts/r-x"), None)
    finally:
        remote.close()
        dav.stop()

    s3 = open_remote(f"s3://kunci@kinerja/kantor?endpoint={moto_s3}&region=us-east-1", secret="rahasia-s3")
    s3.write(path, b"satu")
    etag, data = s3.read_if_changed(path, None)
    assert etag and data == b"satu"
    assert s3.read_if_changed(path, etag) == (etag, None)
    s3.write(path, b"dua!")
    assert s3.read_if_changed(path, etag)[1] == b"dua!"
    with pytest.raises(FileNotFoundError):
        s3.read_if_changed("parts/r-x/head.json", None)
