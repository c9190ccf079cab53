"""The three-device scenario on WebDAV servers nobody on the team wrote: Apache 2.4 mod_dav and rclone.

Each test starts its server on 127.0.0.1 (own configuration in a temporary folder, Basic auth) and
stops it; skipped, with the reason, when the server is not installed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kinerja_desktop.sync.engine import SyncEngine
from kinerja_desktop.sync.remote import RemoteAuthError, open_remote
from tests.e2e.sync.real_dav_servers import WebServer, start_apache, start_rclone_webdav
from tests.e2e.sync.three_devices import three_devices
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import FAST, Office


def _files(server: WebServer) -> set[str]:
    store = server.root / "kinerja"
    return {p.relative_to(store).as_posix() for p in store.rglob("*") if p.is_file()}


def _check_written(server: WebServer, before: set[str]) -> None:
    """What the PCs sent is on the server's own disk: new chunks and device files, no temporary upload."""
    written = _files(server) - before
    assert any(p.startswith("chunks/") for p in written)
    # the staff and penilai PCs each wrote into their own folder (the reader changed nothing)
    assert len({p.split("/")[1] for p in written if p.startswith("devices/")}) == 2
    assert not [p for p in written if p.endswith(".part") or p.rsplit("/", 1)[-1].startswith(".")]


def _wrong_password_refused(office: Office, server: WebServer) -> None:
    """The server's own 401 becomes the one Indonesian sentence about the password, nothing synced."""
    remote = open_remote(server.url(), secret="salah-sandi")
    try:
        with pytest.raises(RemoteAuthError) as wrong:
            SyncEngine(office.dbs["staff"], remote, FAST).run()
    finally:
        remote.close()
    assert wrong.value.code == "sync.auth" and "kata sandi" in str(wrong.value).lower()


@pytest.mark.parametrize("start", [start_apache, start_rclone_webdav], ids=["apache-mod-dav", "rclone-webdav"])
def test_three_devices_over_a_real_webdav_server(start: Callable[[Path, Path], WebServer], office: Office,
                                                 people: People, memory_keyring, tmp_path: Path) -> None:
    server = start(office.store, tmp_path / "server")
    before = _files(server)
    try:
        _wrong_password_refused(office, server)
        three_devices(office, people, server.url(), server.user, server.password, memory_keyring, tmp_path)
        _check_written(server, before)
    finally:
        server.stop()
