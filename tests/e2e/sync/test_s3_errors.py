"""S3 store errors against moto's real S3 server on 127.0.0.1: each is one Indonesian sentence with what
to do, never a traceback; transient ones (server down) are retried with back-off, the others are not.

Wrong credentials are checked with moto's own access control switched on (``/moto-api/reset-auth``):
an IAM user with a key pair that may use S3, then a wrong secret and an unknown key id.
Skipped only when boto3 or moto is not installed.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from kinerja_desktop.sync.engine import SyncEngine, SyncOptions
from kinerja_desktop.sync.remote import RemoteAuthError, RemoteNotMounted, RemoteUnavailable, open_remote
from tests.e2e.sync.dav_server import free_port
from tests.unit.sync.sync_office import Office

pytest.importorskip("boto3")
moto_server = pytest.importorskip("moto.server")

BACKOFF = SyncOptions(retry_base=0.2, retry_max=1.0, retry_tries=8, first_contact_tries=8, workers=2)


@dataclass
class S3:
    endpoint: str
    key_id: str
    secret: str

    def url(self, bucket: str = "kinerja", key_id: str | None = None) -> str:
        return f"s3://{key_id or self.key_id}@{bucket}/kantor?endpoint={self.endpoint}&region=us-east-1"


def _start(port: int) -> Any:
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    return server


def _moto_api(endpoint: str, call: str, body: str = "") -> None:
    import urllib.request

    req = urllib.request.Request(f"{endpoint}/moto-api/{call}", data=body.encode(), method="POST",
                                 headers={"Content-Type": "text/plain"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        assert resp.status == 200


@pytest.fixture
def s3(office: Office) -> Iterator[S3]:
    """moto with the office's store in bucket ``kinerja`` and access control on (an IAM user may use S3)."""
    import boto3

    port = free_port()
    server = _start(port)
    endpoint = f"http://127.0.0.1:{port}"
    _moto_api(endpoint, "reset")  # moto keeps its accounts per process: start from none
    admin = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="root",
                 aws_secret_access_key="root")
    iam = boto3.client("iam", **admin)
    iam.create_user(UserName="kinerja")
    iam.put_user_policy(UserName="kinerja", PolicyName="s3", PolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
    key = iam.create_access_key(UserName="kinerja")["AccessKey"]
    bucket = boto3.client("s3", **admin)
    bucket.create_bucket(Bucket="kinerja")
    for path in office.store.rglob("*"):
        if path.is_file():
            bucket.put_object(Bucket="kinerja", Key="kantor/" + path.relative_to(office.store).as_posix(),
                              Body=path.read_bytes())
    _moto_api(endpoint, "reset-auth", "0")  # from now on every request is checked against moto's IAM
    try:
        yield S3(endpoint, key["AccessKeyId"], key["SecretAccessKey"])
    finally:
        _moto_api(endpoint, "reset-auth", "inf")  # moto's switch is process-wide: off again for other tests
        _moto_api(endpoint, "reset")
        server.stop()


def _sync(office: Office, url: str, secret: str, options: SyncOptions = BACKOFF) -> tuple[SyncEngine, Any]:
    remote = open_remote(url, secret=secret, timeout=5)
    engine = SyncEngine(office.dbs["reader"], remote, options)
    try:
        return engine, engine.run()
    finally:
        remote.close()


def test_s3_right_key_pair_syncs(office: Office, s3: S3) -> None:
    _engine, report = _sync(office, s3.url(), s3.secret)
    assert not report.quarantined and report.store_id


@pytest.mark.parametrize("wrong", ["secret", "key_id"])
def test_s3_wrong_credentials_one_sentence_no_retry(office: Office, s3: S3, wrong: str) -> None:
    url = s3.url(key_id="AKIAIOSFODNN7EXAMPLE") if wrong == "key_id" else s3.url()
    secret = "bukan-kunci-rahasianya" if wrong == "secret" else s3.secret
    remote = open_remote(url, secret=secret, timeout=5)
    engine = SyncEngine(office.dbs["reader"], remote, BACKOFF)
    started = time.monotonic()
    with pytest.raises(RemoteAuthError) as caught:
        engine.run()
    remote.close()
    assert caught.value.code == "sync.auth"
    assert str(caught.value) == (f"Penyimpanan {remote.display} menolak kunci akses atau kunci rahasia S3. "
                                 "Periksa keduanya lalu coba lagi.")
    assert engine.report.retries == 0 and time.monotonic() - started < 5  # not worth retrying


def test_s3_missing_bucket_one_sentence_no_retry(office: Office, s3: S3) -> None:
    remote = open_remote(s3.url(bucket="tidak-ada"), secret=s3.secret, timeout=5)
    engine = SyncEngine(office.dbs["reader"], remote, BACKOFF)
    with pytest.raises(RemoteNotMounted) as caught:
        engine.run()
    remote.close()
    assert caught.value.code == "sync.not_mounted" and engine.report.retries == 0
    assert "Bucket penyimpanan" in str(caught.value) and "tidak ada" in str(caught.value)


def test_s3_server_down_is_retried_with_back_off_until_it_answers(office: Office) -> None:
    """The server is down when sync starts and comes up a few seconds later: the back-off waits for it."""
    import boto3

    # moto keeps buckets per process: filled through a first server, served later by the one sync waits for
    filler_port = free_port()
    filler = _start(filler_port)
    try:
        _moto_api(f"http://127.0.0.1:{filler_port}", "reset")
        s3 = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{filler_port}", region_name="us-east-1",
                          aws_access_key_id="kunci", aws_secret_access_key="rahasia")
        s3.create_bucket(Bucket="kinerja")
        for path in office.store.rglob("*"):
            if path.is_file():
                s3.put_object(Bucket="kinerja", Key="kantor/" + path.relative_to(office.store).as_posix(),
                              Body=path.read_bytes())
    finally:
        filler.stop()
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    started: list[Any] = []

    def come_up() -> None:
        started.append(_start(port))

    timer = threading.Timer(1.5, come_up)
    timer.start()
    try:
        url = f"s3://kunci@kinerja/kantor?endpoint={endpoint}&region=us-east-1"
        engine, report = _sync(office, url, "rahasia")
        assert report.retries >= 1 and report.store_id
    finally:
        timer.join()
        for server in started:
            server.stop()


def test_s3_server_down_one_sentence_and_the_cli_shows_no_traceback(office: Office,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from kinerja_desktop.cli import main

    port = free_port()  # nobody listens there
    url = f"s3://kunci@kinerja/kantor?endpoint=http://127.0.0.1:{port}&region=us-east-1"
    remote = open_remote(url, secret="rahasia", timeout=2)
    engine = SyncEngine(office.dbs["reader"], remote, SyncOptions(retry_base=0.05, retry_max=0.1,
                                                                  first_contact_tries=3))
    with pytest.raises(RemoteUnavailable) as caught:
        engine.run()
    assert caught.value.code == "sync.unavailable" and engine.report.retries == 2  # three tries, backing off
    assert str(caught.value).startswith(f"Penyimpanan {remote.display} tidak dapat dihubungi")
    remote.close()
    with_secret = url.replace("kunci@", "kunci:rahasia@")
    code = main(["--db", str(office.dbs["reader"].path), "sync", "--remote", with_secret])
    err = capsys.readouterr().err
    assert code == 1 and "tidak dapat dihubungi" in err and "Traceback" not in err
