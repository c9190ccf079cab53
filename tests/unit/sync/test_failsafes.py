"""Fail-safes: store identity, mass deletion, backups, copied databases, resumable transfers, cancel."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.services import plan_service, realisation_service
from kinerja_desktop.store.models import Attachment, Indicator, Rhk
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.engine import (
    DeviceClash,
    MassDeletionPending,
    StoreIdentityChanged,
    SyncCancelled,
    SyncEngine,
    SyncOptions,
)
from kinerja_desktop.sync.remote import FolderRemote, RemoteUnavailable, open_remote
from kinerja_desktop.sync.replica import this_device
from tests.helpers.fixtures import People, copy_database, unlock_demo_keys
from tests.unit.sync.sync_office import FAST, Office, diff, snapshot


def _indicator(db, plan_id: str) -> str:
    with db.reader() as s:
        return s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                         .where(Rhk.plan_id == plan_id, Indicator.deleted.is_(False))).scalars().first()


class FlakyRemote(FolderRemote):
    """A folder store whose link goes down for good after ``fail_after`` writes."""

    def __init__(self, root: Path, fail_after: int) -> None:
        super().__init__(root)
        self.fail_after = fail_after
        self.writes: list[str] = []
        self._lock = threading.Lock()

    def write(self, path: str, data: bytes) -> None:
        with self._lock:
            if len(self.writes) >= self.fail_after:
                raise RemoteUnavailable("koneksi terputus (uji)")
            self.writes.append(path)
        super().write(path, data)


def test_emptied_store_is_refused_until_confirmed_then_refilled(office: Office, people: People) -> None:
    staff = office.dbs["staff"]
    realisation_service.set_realisation(staff, people.staff, _indicator(staff, people.staff_plan_id), "TW4",
                                        value="7 kegiatan")
    office.sync("staff")
    before = snapshot(staff)
    moved = office.root / "moved-away"
    shutil.move(str(office.store), moved)
    office.store.mkdir()
    with pytest.raises(StoreIdentityChanged) as err:
        office.sync("staff")
    assert "kosong" in str(err.value)
    assert not list(office.store.iterdir())  # nothing written to a store that is not confirmed
    assert not diff(before, snapshot(staff))  # and nothing deleted here because the store lacks it
    report = office.sync("staff", SyncOptions(confirm_store=True, retry_base=0.01))
    assert report.bundles_pushed == 1 and report.entries_pushed >= 2
    assert not diff(before, snapshot(staff))


def test_swapped_store_is_refused(office: Office, tmp_path: Path) -> None:
    office.sync("staff")
    other = tmp_path / "other-store"
    other.mkdir()
    SyncEngine(office.dbs["reader"], open_remote(str(other)), FAST).run()  # founds another store
    shutil.rmtree(office.store)
    shutil.copytree(other, office.store)
    with pytest.raises(StoreIdentityChanged) as err:
        office.sync("staff")
    assert "berbeda" in str(err.value)


def test_mass_deletion_waits_for_confirmation_on_both_sides(office: Office, people: People) -> None:
    drafter, staff = people.drafter, office.dbs["staff"]
    with staff.reader() as s:
        rhk_ids = list(s.scalars(select(Rhk.id).where(Rhk.plan_id == people.drafter_plan_id,
                                                      Rhk.deleted.is_(False))))
    assert len(rhk_ids) >= 2
    for rid in rhk_ids:
        plan_service.remove_rhk(staff, drafter, rid)
    strict = SyncOptions(mass_delete_threshold=1, retry_base=0.01)
    with pytest.raises(MassDeletionPending):
        office.sync("staff", strict)
    assert not (office.store / P.bundles_dir(this_device(staff))).exists()
    office.sync("staff", SyncOptions(mass_delete_threshold=1, allow_mass_delete=True, retry_base=0.01))
    held = office.sync("reader", strict)
    assert held.held and held.applied == 0
    with office.dbs["reader"].reader() as s:
        assert all(not s.get(Rhk, r).deleted for r in rhk_ids)
    done = office.sync("reader", SyncOptions(mass_delete_threshold=1, allow_mass_delete=True, retry_base=0.01))
    assert not done.held
    with office.dbs["reader"].reader() as s:
        assert all(s.get(Rhk, r).deleted for r in rhk_ids)


def test_large_pull_backs_up_the_database_first(office: Office, people: People) -> None:
    staff = office.dbs["staff"]
    realisation_service.set_realisation(staff, people.staff, _indicator(staff, people.staff_plan_id), "TW4",
                                        value="1 laporan")
    office.sync("staff")
    report = office.sync("reader", SyncOptions(backup_threshold=1, retry_base=0.01))
    assert report.backup and Path(report.backup).is_file()
    assert report.applied == 2


def test_a_copied_database_is_stopped_before_it_writes_as_the_original(office: Office, people: People) -> None:
    staff = office.dbs["staff"]
    realisation_service.set_realisation(staff, people.staff, _indicator(staff, people.staff_plan_id), "TW4",
                                        value="2 laporan")
    office.sync("staff")
    staff.dispose()
    with staff.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    staff.dispose()
    clone_path = office.root / "clone.sqlite"
    copy_database(Path(staff.path), clone_path)
    from kinerja_desktop.store.sync_models import SyncOutbox, SyncStore
    from tests.unit.sync.sync_office import open_replica

    clone = open_replica(clone_path)
    office.dbs["clone"] = clone
    with clone.session() as s:  # as if copied before its first sync
        s.query(SyncOutbox).delete()
        s.query(SyncStore).delete()
    realisation_service.set_realisation(clone, people.staff, _indicator(clone, people.staff_plan_id), "TW4",
                                        value="3 laporan")
    with pytest.raises(DeviceClash):
        office.sync("clone")
    from kinerja_desktop.sync.replica import fork_replica

    shared = SyncEngine(clone, open_remote(str(office.store)), FAST).shared_prefix()
    unlock_demo_keys(clone)  # the person signed in on the copy: the re-issued change is signed again
    fork_replica(clone, shared_upto=shared)
    report = office.sync("clone")
    assert report.bundles_pushed == 1 and report.entries_pushed == 1
    office.sync("reader")
    from kinerja_desktop.store.models import Realisation

    with office.dbs["reader"].reader() as s:
        values = set(s.scalars(select(Realisation.value_text).where(Realisation.period == "TW4")))
    assert "3 laporan" in values


def test_evidence_files_travel_in_chunks_and_an_interrupted_push_resumes(office: Office, people: People,
                                                                        tmp_path: Path) -> None:
    staff = office.dbs["staff"]
    ind = _indicator(staff, people.staff_plan_id)
    files = []
    for n in range(3):
        f = tmp_path / f"bukti-{n}.pdf"
        f.write_bytes(os.urandom(P.CHUNK_SIZE * 2 + 1000 * (n + 1)))  # three chunks each
        files.append(f)
        realisation_service.add_evidence(staff, people.staff, ind, "TW4", f)
    flaky = FlakyRemote(office.store, fail_after=6)
    with pytest.raises(RemoteUnavailable):
        SyncEngine(staff, flaky, SyncOptions(retry_base=0.001, retry_max=0.002, retry_tries=3, workers=1,
                                             piece_size=P.CHUNK_SIZE)).run()
    sent_first = [p for p in flaky.writes if p.startswith(P.CHUNKS_DIR)]
    assert 0 < len(sent_first) < 9
    report = office.sync("staff", SyncOptions(retry_base=0.01, retry_max=0.05, workers=2, piece_size=P.CHUNK_SIZE))
    assert report.chunks_uploaded + len(sent_first) == 9  # finished chunks are not sent again
    assert report.chunks_skipped >= len(sent_first)
    assert report.bundles_pushed == 1
    pulled = office.sync("reader")
    assert pulled.files_fetched == 3 and pulled.files_missing == 0
    reader = office.dbs["reader"]
    with reader.reader() as s:
        atts = list(s.scalars(select(Attachment).where(Attachment.filename.like("bukti-%"))))
    assert len(atts) == 3
    for att in atts:
        src = tmp_path / att.filename
        assert reader.blobs.read_bytes(att.sha256) == src.read_bytes()


def test_cancel_stops_cleanly_and_the_next_run_finishes(office: Office, people: People) -> None:
    staff = office.dbs["staff"]
    realisation_service.set_realisation(staff, people.staff, _indicator(staff, people.staff_plan_id), "TW4",
                                        value="4 laporan")
    office.sync("staff")
    cancel = threading.Event()
    seen: list[str] = []

    def on_progress(p) -> None:
        seen.append(p.phase)
        cancel.set()

    with pytest.raises(SyncCancelled):
        SyncEngine(office.dbs["reader"], open_remote(str(office.store)), FAST, progress=on_progress,
                   cancel=cancel).run()
    assert seen
    assert office.sync("reader").applied == 2


def test_a_new_empty_device_gets_everything_from_the_store(office: Office) -> None:
    fresh = office.add_device("fresh", fresh=True)
    report = office.sync("fresh")
    assert report.applied > 2000 and not report.refused and not report.waiting
    assert report.files_missing == 0
    with fresh.reader() as s:
        assert s.execute(select(func.count()).select_from(Attachment)).scalar() > 0
    reader = snapshot(office.dbs["reader"])
    mine = snapshot(fresh)
    assert not diff(reader, mine)


def test_an_unreachable_store_is_said_in_seconds_and_an_unchanged_roster_is_not_read_again(office: Office) -> None:
    import time

    from kinerja_desktop.sync.remote import RemoteUnavailable
    from tests.e2e.sync.dav_server import free_port

    db = office.dbs["reader"]
    progress: list[str] = []
    engine = SyncEngine(db, open_remote(f"webdav://127.0.0.1:{free_port()}/kinerja"),
                        SyncOptions(), progress=lambda p: progress.append(p.message))  # default back-off
    started = time.monotonic()
    with pytest.raises(RemoteUnavailable):
        engine.run()
    assert time.monotonic() - started < 10
    assert any("mencoba lagi" in m for m in progress)  # the person sees it is retrying

    office.sync("reader")  # takes the store's roster
    reads: list[str] = []
    remote = open_remote(str(office.store))
    original = remote.read

    def counting(path: str) -> bytes:
        reads.append(path)
        return original(path)

    remote.read = counting  # type: ignore[method-assign]
    SyncEngine(db, remote, FAST).run()
    assert not [p for p in reads if p.startswith("roster/")]
