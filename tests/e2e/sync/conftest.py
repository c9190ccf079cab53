"""Fixtures for sync against real servers on 127.0.0.1: WsgiDAV, a fault proxy, an in-memory keyring."""

from __future__ import annotations

import gc
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from tests.e2e.sync.dav_server import DavServer
from tests.unit.sync.sync_office import Office, _pushed_master, office  # noqa: F401


class MemoryKeyring(KeyringBackend):
    """A keyring that works headless and forgets everything when the test ends."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def dav(tmp_path: Path, office: Office) -> Iterator[DavServer]:  # noqa: F811
    """A WebDAV server whose /kinerja folder is a copy of the office's founded store."""
    root = tmp_path / "dav-root"
    root.mkdir()
    shutil.copytree(office.store, root / "kinerja")
    server = DavServer(root).start()
    yield server
    server.stop()
    # a connection cut in mid-upload (the fault tests) leaves WsgiDAV's file of that upload open; collect
    # it here, where it is expected, rather than in whichever test runs next (a ResourceWarning there)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


@pytest.fixture
def moto_s3() -> Iterator[str]:
    """A moto S3 server on 127.0.0.1 with an empty bucket ``kinerja``; yields its endpoint (skips without moto)."""
    pytest.importorskip("boto3")
    moto_server = pytest.importorskip("moto.server")
    import boto3

    from tests.e2e.sync.dav_server import free_port

    port = free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        endpoint = f"http://127.0.0.1:{port}"
        s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="kunci",
                          aws_secret_access_key="rahasia-s3")
        s3.create_bucket(Bucket="kinerja")
        s3.close()
        yield endpoint
    finally:
        server.stop()
