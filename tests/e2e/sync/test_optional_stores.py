"""The optional stores: SFTP (rclone's and OpenSSH's servers on 127.0.0.1) and S3-compatible storage (moto).

Skipped, with the reason, when the optional extras (paramiko / boto3, moto) or the servers are not
installed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.services import realisation_service
from kinerja_desktop.store.models import Attachment, Indicator, Realisation, Rhk
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.engine import SyncEngine, SyncOptions
from kinerja_desktop.sync.remote import RemoteAuthError, RemoteTLSError, RemoteUnavailable, open_remote
from tests.e2e.sync.ssh_servers import start_rclone, start_sshd
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import FAST, Office


def _roundtrip(office: Office, people: People, url: str, secret: str | None, *, files: int = 1,
               options: SyncOptions = FAST) -> None:
    """Found the store from the office's folder store contents, then staff -> reader through it.

    With ``files`` > 1, that many evidence files (one to three chunks each) go up in parallel.
    """
    staff, reader = office.dbs["staff"], office.dbs["reader"]
    with staff.reader() as s:
        ind = s.execute(select(Indicator.id).join(Rhk, Rhk.id == Indicator.rhk_id)
                        .where(Rhk.plan_id == people.staff_plan_id)).scalars().first()
    realisation_service.set_realisation(staff, people.staff, ind, "TW4", value="8 kegiatan")
    sent: dict[str, bytes] = {}
    for n in range(files):
        evidence = office.root / f"bukti-{n}.pdf"
        evidence.write_bytes(os.urandom(P.CHUNK_SIZE * (n % 3) + 999 + n))
        sent[evidence.name] = evidence.read_bytes()
        realisation_service.add_evidence(staff, people.staff, ind, "TW4", evidence)
    for db in (staff, reader):
        remote = open_remote(url, secret=secret)
        try:
            report = SyncEngine(db, remote, options).run()
        finally:
            remote.close()
        assert not report.quarantined and not report.refused
    assert report.applied >= 2 + files and report.files_fetched == files
    with reader.reader() as s:
        real = s.execute(select(Realisation).where(Realisation.indicator_id == ind,
                                                   Realisation.period == "TW4")).scalar_one()
        got = {a.filename: reader.blobs.read_bytes(a.sha256)
               for a in s.scalars(select(Attachment).where(Attachment.filename.like("bukti-%")))}
    assert real.value_text == "8 kegiatan"
    assert got == sent


PARALLEL = SyncOptions(retry_base=0.01, retry_max=0.05, workers=4)


@pytest.fixture
def own_ssh_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder whose ~/.ssh holds keys no test server knows, and no ssh agent."""
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    for kind in ("rsa", "ecdsa", "ed25519"):
        subprocess.run(["ssh-keygen", "-q", "-t", kind, "-N", "", "-f", str(home / ".ssh" / f"id_{kind}")],
                       check=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    return home


def test_sftp_rclone_password_many_files_in_parallel(office: Office, people: People, tmp_path: Path,
                                                     own_ssh_keys: Path) -> None:
    """rclone's SFTP server, password login on a PC that has its own ssh keys; six files, four workers."""
    pytest.importorskip("paramiko")
    import paramiko

    root = tmp_path / "sftp-root"
    shutil.copytree(office.store, root / "kinerja")
    server = start_rclone(root, tmp_path / "rclone")
    try:
        _roundtrip(office, people, server.url(), server.password, files=6, options=PARALLEL)
        assert len(list((root / "kinerja" / "chunks").rglob("*"))) > 6
        assert not list(root.rglob(".*.part"))  # no temporary upload left behind
    finally:
        server.stop()
    # another server answers on the same address: its key differs from the pinned one
    other = tmp_path / "other_key"
    paramiko.RSAKey.generate(2048).write_private_key_file(str(other))
    server = start_rclone(root, tmp_path / "rclone2", host_key=other, port=server.port)
    try:
        with pytest.raises(RemoteTLSError):
            open_remote(server.url(), secret="rahasia-sftp")
    finally:
        server.stop()


def test_sftp_openssh_key_login_many_files_in_parallel(office: Office, people: People, tmp_path: Path) -> None:
    """OpenSSH's sshd (its own config and host key), key login named in the URL; six files, four workers."""
    pytest.importorskip("paramiko")
    root = tmp_path / "sftp-root"
    shutil.copytree(office.store, root / "kinerja")
    server = start_sshd(root, tmp_path / "sshd")
    try:
        _roundtrip(office, people, server.url(), None, files=6, options=PARALLEL)
        assert not list(root.rglob(".*.part"))
    finally:
        server.stop()


def test_sftp_errors_are_one_sentence_and_never_hang(tmp_path: Path, own_ssh_keys: Path) -> None:
    """Wrong password, keys-only server, server down, a server that never answers: a clear error, quickly."""
    pytest.importorskip("paramiko")
    (tmp_path / "root" / "kinerja").mkdir(parents=True)
    rclone = start_rclone(tmp_path / "root", tmp_path / "rclone")
    try:
        sshd = start_sshd(tmp_path / "root", tmp_path / "sshd")
    except BaseException:  # sshd missing (a skip) or not starting: rclone must not outlive the test
        rclone.stop()
        raise
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)  # accepts connections and never says a word
    try:
        with pytest.raises(RemoteAuthError) as wrong:
            open_remote(rclone.url(), secret="salah-sandi")
        assert wrong.value.code == "sync.auth" and "kata sandi" in str(wrong.value)
        with pytest.raises(RemoteAuthError) as keys_only:
            open_remote(f"sftp://{sshd.user}@127.0.0.1:{sshd.port}/tmp", secret="sandi")
        assert keys_only.value.code == "sync.auth_method" and "?key=" in str(keys_only.value)
        started = time.monotonic()
        with pytest.raises(RemoteUnavailable) as mute:
            open_remote(f"sftp://kantor@127.0.0.1:{silent.getsockname()[1]}/kinerja", secret="x", timeout=2)
        assert time.monotonic() - started < 20
        assert "tidak dapat dihubungi" in str(mute.value)
    finally:
        silent.close()
        rclone.stop()
        sshd.stop()
    with pytest.raises(RemoteUnavailable) as down:
        open_remote(rclone.url(), secret="rahasia-sftp")
    assert "tidak menjawab" in str(down.value)


def test_s3_store(office: Office, people: People, moto_s3: str) -> None:
    import boto3

    s3 = boto3.client("s3", endpoint_url=moto_s3, region_name="us-east-1", aws_access_key_id="kunci",
                      aws_secret_access_key="rahasia-s3")
    for path in office.store.rglob("*"):
        if path.is_file():
            s3.put_object(Bucket="kinerja", Key="kantor/" + path.relative_to(office.store).as_posix(),
                          Body=path.read_bytes())
    s3.close()
    _roundtrip(office, people, f"s3://kunci@kinerja/kantor?endpoint={moto_s3}&region=us-east-1", "rahasia-s3")
