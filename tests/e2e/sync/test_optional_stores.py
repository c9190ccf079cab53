"""The optional stores: SFTP (rclone's server on 127.0.0.1) and S3-compatible storage (moto's server).

Skipped when the optional extras (paramiko / boto3, moto) or rclone are not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.services import realisation_service
from kinerja_desktop.store.models import Indicator, Realisation, Rhk
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.engine import SyncEngine
from kinerja_desktop.sync.remote import open_remote
from tests.e2e.sync.dav_server import free_port
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import FAST, Office


def _roundtrip(office: Office, people: People, url: str, secret: str) -> None:
    """Found the store from the office's folder store contents, then staff -> reader through it."""
    staff, reader = office.dbs["staff"], office.dbs["reader"]
    with staff.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                        .where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
    realisation_service.set_realisation(staff, people.staff, ind, "TW4", value="8 kegiatan")
    evidence = office.root / "bukti.pdf"
    evidence.write_bytes(os.urandom(P.CHUNK_SIZE + 999))
    realisation_service.add_evidence(staff, people.staff, ind, "TW4", evidence)
    for db in (staff, reader):
        remote = open_remote(url, secret=secret)
        try:
            report = SyncEngine(db, remote, FAST).run()
        finally:
            remote.close()
        assert not report.quarantined and not report.refused
    assert report.applied >= 3 and report.files_fetched == 1
    with reader.reader() as s:
        real = s.execute(select(Realisation).where(Realisation.indicator_id == ind,
                                                   Realisation.period == "TW4")).scalar_one()
    assert real.value_text == "8 kegiatan"


def test_sftp_store(office: Office, people: People, tmp_path: Path) -> None:
    pytest.importorskip("paramiko")
    rclone = shutil.which("rclone")
    if rclone is None:
        pytest.skip("rclone is not installed (it serves SFTP on 127.0.0.1 for this test)")
    import paramiko

    root = tmp_path / "sftp-root"
    shutil.copytree(office.store, root / "kinerja")
    key = tmp_path / "host_key"
    paramiko.RSAKey.generate(2048).write_private_key_file(str(key))
    config = tmp_path / "rclone.conf"
    config.write_text("")
    (tmp_path / "none").write_text("")  # no key logins: password only
    port = free_port()
    env = {**os.environ, "RCLONE_CONFIG": str(config)}

    def serve(host_key: Path) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(
            [rclone, "serve", "sftp", str(root), "--addr", f"127.0.0.1:{port}", "--user", "kantor", "--pass",
             "rahasia-sftp", "--key", str(host_key), "--authorized-keys", str(tmp_path / "none")],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return proc
            except OSError:
                if time.monotonic() > deadline:
                    proc.terminate()
                    pytest.fail("rclone serve sftp did not start")
                time.sleep(0.1)

    import socket

    url = f"sftp://kantor@127.0.0.1:{port}/kinerja"
    proc = serve(key)
    try:
        _roundtrip(office, people, url, "rahasia-sftp")
        assert (root / "kinerja" / "chunks").is_dir()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    # another server answers on the same address: its key differs from the pinned one
    other = tmp_path / "other_key"
    paramiko.RSAKey.generate(2048).write_private_key_file(str(other))
    proc = serve(other)
    try:
        from kinerja_desktop.sync.remote import RemoteTLSError

        with pytest.raises(RemoteTLSError):
            open_remote(url, secret="rahasia-sftp")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_s3_store(office: Office, people: People) -> None:
    pytest.importorskip("boto3")
    moto_server = pytest.importorskip("moto.server")
    import boto3

    port = free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        endpoint = f"http://127.0.0.1:{port}"
        s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="kunci",
                          aws_secret_access_key="rahasia-s3")
        s3.create_bucket(Bucket="kinerja")
        for path in office.store.rglob("*"):
            if path.is_file():
                s3.put_object(Bucket="kinerja", Key="kantor/" + path.relative_to(office.store).as_posix(),
                              Body=path.read_bytes())
        s3.close()
        _roundtrip(office, people, f"s3://kunci@kinerja/kantor?endpoint={endpoint}&region=us-east-1", "rahasia-s3")
    finally:
        server.stop()
