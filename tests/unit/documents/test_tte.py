"""The TTE queue and the BSrE esign-client v2 client, against a stand-in server on 127.0.0.1."""

from __future__ import annotations

import base64
import socket
from pathlib import Path

import pytest

from kinerja_desktop.documents.signing import sign_pdf
from kinerja_desktop.documents.tte import (
    CERTIFIED_NOTICE,
    BsreClient,
    FileTteQueue,
    SignatureProperties,
    TteCredentials,
    TteError,
    TteUnavailable,
    process_queue,
)
from kinerja_desktop.documents.verification import verify_pdf
from kinerja_desktop.domain.errors import ValidationError
from tests.helpers.signing_pki import pki, sheet_pdf
from tests.helpers.tte_standin import CLIENT_PASSWORD, CLIENT_USER, NIK, PASSPHRASE, TOTP, TteStandIn


def _client(url: str) -> BsreClient:
    return BsreClient(url, username=CLIENT_USER, password=CLIENT_PASSWORD, timeout=10)


def test_client_sends_the_v2_shape_and_the_certified_signature_keeps_earlier_ones() -> None:
    local = sign_pdf(sheet_pdf(), pki().pegawai, "pegawai").pdf
    props = [SignatureProperties(reason="Persetujuan", location="Jakarta")]
    with TteStandIn() as server:
        result = _client(server.url).sign_pdf(local, TteCredentials(NIK, passphrase=PASSPHRASE), props)
        (payload,) = server.requests
        bsre_roots = server.trust.certificates()
    assert payload["nik"] == NIK and payload["passphrase"] == PASSPHRASE and "totp" not in payload
    assert payload["signatureProperties"] == [{"tampilan": "INVISIBLE", "reason": "Persetujuan", "location": "Jakarta"}]
    assert base64.b64decode(payload["file"][0]) == local
    assert result.keeps_earlier_signatures and result.pdf.startswith(local)
    report = verify_pdf(result.pdf, [*pki().roots(), *bsre_roots])
    assert report.ok, report.summary_lines()
    assert len(report.signatures) == 2


def test_visible_properties_use_server_names_and_totp_is_sent_instead_of_passphrase() -> None:
    props = SignatureProperties.visible(0, (330, 100, 530, 170), b"\x89PNG...", reason="Setuju")
    assert props.to_json() == {
        "tampilan": "VISIBLE",
        "page": 1,
        "originX": 330,
        "originY": 100,
        "width": 200,
        "height": 70,
        "reason": "Setuju",
        "imageBase64": base64.b64encode(b"\x89PNG...").decode(),
    }
    with TteStandIn() as server:
        _client(server.url).sign_pdf(sheet_pdf(), TteCredentials(NIK, totp=TOTP), [SignatureProperties()])
        assert server.requests[0]["totp"] == TOTP and "passphrase" not in server.requests[0]


def test_wrong_passphrase_bad_client_credentials_and_offline_server_have_clear_messages() -> None:
    with TteStandIn() as server:
        with pytest.raises(TteError, match="Passphrase anda salah"):
            _client(server.url).sign_pdf(sheet_pdf(), TteCredentials(NIK, passphrase="salah"), [])
        with pytest.raises(TteError, match="HTTP 401"):
            BsreClient(server.url, username="x", password="y").sign_pdf(
                sheet_pdf(), TteCredentials(NIK, passphrase=PASSPHRASE), []
            )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(TteUnavailable, match="tidak dapat dihubungi"):
        _client(f"http://127.0.0.1:{port}").sign_pdf(sheet_pdf(), TteCredentials(NIK, passphrase=PASSPHRASE), [])


def test_credentials_and_urls_are_checked_and_secrets_never_shown() -> None:
    with pytest.raises(ValidationError, match="16 digit"):
        TteCredentials("123", passphrase="x")
    with pytest.raises(ValidationError, match="salah satu"):
        TteCredentials(NIK)
    assert PASSPHRASE not in repr(TteCredentials(NIK, passphrase=PASSPHRASE))
    with pytest.raises(ValidationError, match="HTTPS"):
        BsreClient("http://esign.contoh.go.id")
    assert "BSrE" in CERTIFIED_NOTICE and "tidak tersertifikasi" in CERTIFIED_NOTICE


def test_queue_marks_documents_and_works_through_them_when_online(tmp_path: Path) -> None:
    queue = FileTteQueue(tmp_path / "tte-queue.json")
    docs = {f"sha-{i}": sign_pdf(sheet_pdf(f"doc-{i}"), pki().pegawai, "pegawai").pdf for i in range(3)}
    for key in docs:
        queue.enqueue(key, "penilai", NIK)
    queue.enqueue("sha-0", "penilai", NIK)  # marking twice keeps one job
    assert len(queue.pending()) == 3
    assert PASSPHRASE not in (tmp_path / "tte-queue.json").read_text()
    stored: dict[str, bytes] = {}

    def store(job, pdf: bytes) -> str:
        stored[job.document_key] = pdf
        return f"signed-{job.document_key}"

    asked = []

    def credentials(job):
        asked.append(job.document_key)
        if job.document_key == "sha-1":
            return TteCredentials(NIK, passphrase="salah")
        return TteCredentials(NIK, passphrase=PASSPHRASE)

    with TteStandIn() as server:
        run = process_queue(
            queue,
            _client(server.url),
            load_pdf=lambda j: docs[j.document_key],
            store_pdf=store,
            credentials_for=credentials,
        )
    assert [j.document_key for j in run.done] == ["sha-0", "sha-2"]
    assert [j.document_key for j in run.failed] == ["sha-1"] and "Passphrase anda salah" in run.failed[0].last_error
    assert queue.pending() == [] and set(stored) == {"sha-0", "sha-2"}
    assert {j.status for j in queue.all()} == {"selesai", "gagal"}
    queue.retry(run.failed[0].id)
    assert [j.document_key for j in queue.pending()] == ["sha-1"]


def test_offline_run_keeps_jobs_pending_and_a_rewritten_file_is_refused(tmp_path: Path) -> None:
    queue = FileTteQueue(tmp_path / "q.json")
    queue.enqueue("a", "penilai", NIK)
    queue.enqueue("b", "penilai", NIK)
    creds = lambda job: TteCredentials(NIK, passphrase=PASSPHRASE)  # noqa: E731
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    run = process_queue(
        queue,
        _client(f"http://127.0.0.1:{port}"),
        load_pdf=lambda j: sheet_pdf(),
        store_pdf=lambda j, p: "x",
        credentials_for=creds,
    )
    assert run.offline and len(queue.pending()) == 2 and queue.pending()[0].attempts == 1
    signed = sign_pdf(sheet_pdf(), pki().pegawai, "pegawai").pdf
    with TteStandIn(rewrite=True) as server:
        run = process_queue(
            queue, _client(server.url), load_pdf=lambda j: signed, store_pdf=lambda j, p: "x", credentials_for=creds
        )
    assert len(run.failed) == 2 and "ditulis ulang" in run.failed[0].last_error
