"""A store whose listing leaves out nested folders is found out before it fakes a successful sync.

The broken store is a real WebDAV server (WsgiDAV's filesystem provider over a real folder) whose
listings, two levels down, show files but not sub-folders: ``devices/`` shows no device, so a pull
finds nothing and, unchecked, says "Sinkronisasi selesai ... diterima 0 perubahan".
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.services import realisation_service
from kinerja_desktop.store.models import Indicator, Rhk
from kinerja_desktop.sync import probe
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.engine import SyncEngine, SyncOptions
from kinerja_desktop.sync.probe import StoreListingBroken
from kinerja_desktop.sync.remote import open_remote
from tests.e2e.sync.dav_server import DavServer
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import Office

FAST = SyncOptions(retry_base=0.01, retry_max=0.05, retry_tries=3, workers=2)


@pytest.fixture
def broken_dav(tmp_path: Path, office: Office) -> Iterator[DavServer]:
    root = tmp_path / "broken-root"
    root.mkdir()
    shutil.copytree(office.store, root / "kinerja")
    server = DavServer(root, hide_nested_folders=True).start()
    yield server
    server.stop()


def _sync(db, dav: DavServer) -> object:
    remote = open_remote(dav.url, secret=dav.password)
    try:
        return SyncEngine(db, remote, FAST).run()
    finally:
        remote.close()


def test_a_store_that_hides_nested_folders_is_refused_with_a_sentence(
        office: Office, broken_dav: DavServer, people: People, capsys: pytest.CaptureFixture[str]) -> None:
    staff, reader = office.dbs["staff"], office.dbs["reader"]
    with staff.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                        .where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
    realisation_service.set_realisation(staff, people.staff, ind, "TW4", value="9 kegiatan")
    with pytest.raises(StoreListingBroken) as caught:
        _sync(staff, broken_dav)
    message = str(caught.value)
    assert "tidak menampilkan isi folder bertingkat" in message and "Sinkronisasi dihentikan" in message
    assert broken_dav.url.split("@")[1] in message
    assert not broken_dav.puts("/kinerja/devices/")  # nothing of the staff's was sent to that store

    # the CLI says the same sentence, exit code 1, no traceback
    from kinerja_desktop.cli import main

    code = main(["--db", str(reader.path), "sync", "--remote",
                 broken_dav.url.replace(f"{broken_dav.user}@", f"{broken_dav.user}:{broken_dav.password}@")])
    err = capsys.readouterr().err
    assert code == 1 and "tidak menampilkan isi folder bertingkat" in err and "Traceback" not in err
    assert "Sinkronisasi selesai" not in err


def test_without_the_check_that_store_would_fake_a_successful_sync(
        office: Office, broken_dav: DavServer, people: People) -> None:
    """What the check prevents, on the same server: the staff's change is on the store, the reader
    'finishes' receiving nothing."""
    staff, reader = office.dbs["staff"], office.dbs["reader"]
    with staff.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                        .where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
    realisation_service.set_realisation(staff, people.staff, ind, "TW4", value="9 kegiatan")
    store_id = json.loads((office.store / P.IDENTITY_PATH).read_text())["store_id"]
    for db in (staff, reader):  # as if checked before (the check is what stops this)
        db.set_meta(probe.checked_key(store_id, broken_dav.url), True)
    pushed = _sync(staff, broken_dav)
    assert pushed.bundles_pushed >= 1 and broken_dav.puts("/kinerja/devices/")
    pulled = _sync(reader, broken_dav)
    assert pulled.applied == 0 and "Sinkronisasi selesai" in pulled.summary()


def test_a_sound_store_is_checked_once_per_pc(office: Office, dav: DavServer) -> None:
    reader = office.dbs["reader"]
    _sync(reader, dav)
    probes = dav.puts("/kinerja/probe/")
    assert len(probes) == 1 and all(p.endswith("/list/probe.json") for p in probes)
    _sync(reader, dav)
    assert dav.puts("/kinerja/probe/") == probes  # not again


def test_the_app_stops_and_asks_instead_of_retrying(office: Office, broken_dav: DavServer) -> None:
    """In the app the broken store is not "offline, trying again": automatic runs stop and a person is told."""
    from types import SimpleNamespace

    from kinerja_desktop.ui.sync.controller import run_sync

    ctx = SimpleNamespace(cancelled=False, progress=lambda *a: None)
    url = broken_dav.url.replace(f"{broken_dav.user}@", f"{broken_dav.user}:{broken_dav.password}@")
    result = run_sync(ctx, office.dbs["reader"], url, FAST)
    assert result[:2] == ("attention", "listing") and "tidak menampilkan isi folder bertingkat" in result[2]
