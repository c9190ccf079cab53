"""Sending SIASN records to a stand-in SIASN server on 127.0.0.1 that checks every field.

The real endpoint needs the instansi's credentials and is not reached by these tests.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from kinerja_desktop.services.siasn_export import collect_siasn
from kinerja_desktop.store.db import Database
from kinerja_desktop.sync.siasn_client import (
    DONE,
    FAILED,
    SiasnClient,
    SiasnCredentials,
    SiasnQueue,
    load_credentials,
    send_queue,
    store_credentials,
)
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.unit.services.test_siasn_export import sign_some

TOKEN, SSO = "gateway-token-123", "sso-token-456"
SKP22_FIELDS = {"hasilKinerjaNilai", "id", "kuadranKinerjaNilai", "path", "penilaiGolongan", "penilaiJabatan",
                "penilaiNama", "penilaiNipNrp", "penilaiUnorNama", "perilakuKerjaNilai", "pnsDinilaiOrang",
                "statusPenilai", "tahun"}
PERIODIK_FIELDS = {"bulanMulaiPenilaian", "bulanSelesaiPenilaian", "hasilKinerjaNilai", "id", "koefisienId",
                   "kuadranKinerjaNilai", "path", "penilaiGolongan", "penilaiJabatanNama", "penilaiNama",
                   "penilaiNipNrp", "penilaiUnorNama", "perilakuKerjaNilai", "periodikId", "pnsDinilaiId",
                   "statusPenilai", "tahun", "tahunMulaiPenilaian", "tahunSelesaiPenilaian"}


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


#: The "koefisien" reference of SIASN as shipped by black-coffee04/ws-siasn-php (src/Data/Referensi).
KOEFISIEN_IDS = {"12", "22", "32", "42", "52", "62", "72", "82"}


class StandIn:
    """A stand-in for SIASN: checks auth headers and the exact field set and value ranges of each save, and
    takes document uploads (multipart ``file`` + ``id_ref_dokumen``) whose answers a save's ``path`` must name."""

    def __init__(self) -> None:
        self.saved: list[tuple[str, dict]] = []
        self.uploads: list[tuple[str, str, bytes]] = []  # (id_ref_dokumen, filename, bytes)
        self.accepted_refs = {"890"}
        self.issued: dict[str, dict] = {}  # dok_uri -> the answer given
        self.fail_next = 0          # answer 503 to the next N requests
        self.cut_after: int | None = None  # stop answering (close) after N saves
        self.refuse_nip: str | None = None
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _answer(self, code: int, body: dict) -> None:
                raw = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def _guard(self) -> bool:
                if outer.fail_next > 0:
                    outer.fail_next -= 1
                    self._answer(503, {"message": "sibuk"})
                    return False
                if (self.headers.get("Authorization") != f"Bearer {TOKEN}"
                        or self.headers.get("Auth") != f"bearer {SSO}"):
                    self._answer(401, {"message": "invalid token"})
                    return False
                return True

            def do_GET(self) -> None:
                if not self._guard():
                    return
                prefix = "/apisiasn/1.0/pns/data-utama/"
                if not self.path.startswith(prefix):
                    self._answer(404, {"message": "not found"})
                    return
                nip = self.path[len(prefix):]
                self._answer(200, {"data": {"id": f"PNS-{nip}", "nipBaru": nip}})

            def do_POST(self) -> None:
                if not self._guard():
                    return
                raw = self.rfile.read(int(self.headers["Content-Length"]))
                if self.path == "/apisiasn/1.0/upload-dok":
                    code, answer = outer.upload(self.headers.get("Content-Type", ""), raw)
                    self._answer(code, answer)
                    return
                body = json.loads(raw)
                kind = self.path.removeprefix("/apisiasn/1.0/").removesuffix("/save")
                problems = outer.check(kind, body)
                if problems:
                    self._answer(400, {"success": False, "message": "; ".join(problems)})
                    return
                if outer.cut_after is not None and len(outer.saved) >= outer.cut_after:
                    self._answer(503, {"message": "down"})
                    return
                outer.saved.append((kind, body))
                self._answer(200, {"success": True, "mapData": {"rwId": f"rw-{len(outer.saved)}"}})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def upload(self, content_type: str, raw: bytes) -> tuple[int, dict]:
        from email.parser import BytesParser
        from email.policy import HTTP

        if not content_type.startswith("multipart/form-data"):
            return 400, {"success": False, "message": "bukan multipart"}
        message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw)
        parts = {part.get_param("name", header="content-disposition"): part for part in message.iter_parts()}
        if set(parts) != {"file", "id_ref_dokumen"}:
            return 400, {"success": False, "message": f"bagian {sorted(parts)}"}
        ref = parts["id_ref_dokumen"].get_content().strip()
        pdf = parts["file"].get_payload(decode=True)
        if ref not in self.accepted_refs:
            return 400, {"success": False, "message": f"id_ref_dokumen {ref} tidak dikenal"}
        if not pdf.startswith(b"%PDF-"):
            return 400, {"success": False, "message": "file harus PDF"}
        self.uploads.append((ref, parts["file"].get_filename(), pdf))
        uri = f"peremajaan/usulan/{len(self.uploads)}.pdf"
        data = {"dok_id": ref, "dok_nama": "Dokumen Evaluasi Kinerja", "dok_uri": uri, "object": uri, "slug": ref}
        self.issued[uri] = data
        return 200, {"success": True, "data": data}

    def check(self, kind: str, body: dict) -> list[str]:
        expected = {"skp22": SKP22_FIELDS, "kinerjaperiodik": PERIODIK_FIELDS}.get(kind)
        if expected is None:
            return [f"unknown endpoint {kind}"]
        out = []
        if set(body) != expected:
            out.append(f"fields {sorted(set(body) ^ expected)}")
        for f in ("hasilKinerjaNilai", "perilakuKerjaNilai"):
            if body.get(f) not in (1, 2, 3):
                out.append(f"{f} {body.get(f)}")
        if body.get("kuadranKinerjaNilai") not in (1, 2, 3, 4, 5):
            out.append("kuadranKinerjaNilai")
        if body.get("statusPenilai") not in ("ASN", "NON ASN") or len(str(body.get("penilaiNipNrp"))) != 18:
            out.append("penilai")
        person = body.get("pnsDinilaiOrang") or body.get("pnsDinilaiId") or ""
        if not str(person).startswith("PNS-"):
            out.append("pnsDinilai")
        if kind == "kinerjaperiodik" and body.get("periodikId") not in ("1", "2"):
            out.append("periodikId")
        if kind == "kinerjaperiodik" and body.get("koefisienId") not in ("", *KOEFISIEN_IDS):
            out.append(f"koefisienId {body.get('koefisienId')!r} tidak dikenal")
        if not isinstance(body.get("path"), list) or any(entry != self.issued.get(entry.get("dok_uri"))
                                                          for entry in body["path"]):
            out.append("path")
        if self.refuse_nip and person == f"PNS-{self.refuse_nip}":
            out.append("data ditolak")
        return out

    def __enter__(self) -> StandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    r = MemoryKeyring()
    keyring.set_keyring(r)
    yield r
    keyring.set_keyring(previous)


@pytest.fixture
def standin() -> Iterator[StandIn]:
    with StandIn() as server:
        yield server


def test_stand_in_accepts_every_record_sent_with_keyring_credentials(
        demo_db: Database, people: People, standin: StandIn, ring: MemoryKeyring, tmp_path: Path) -> None:
    sign_some(demo_db, 4, "TW1")
    sign_some(demo_db, 2, "TW2")
    store_credentials(people.admin, standin.url, SiasnCredentials(TOKEN, SSO))
    assert TOKEN not in json.dumps(list(ring.items)) and load_credentials(standin.url) == SiasnCredentials(TOKEN, SSO)
    batch = collect_siasn(demo_db, people.admin, DEMO_YEAR)
    queue = SiasnQueue(tmp_path / "siasn-antrean.json")
    assert queue.enqueue(people.admin, batch.records) == 6
    assert queue.enqueue(people.admin, batch.records) == 0  # queuing twice changes nothing
    standin.fail_next = 2  # two 503s: retried
    client = SiasnClient(standin.url, load_credentials(standin.url), backoff=0.01)
    run = send_queue(people.admin, queue, client)
    assert len(run.sent) == 6 and not run.failed and run.offline is None
    assert len(standin.saved) == 6 and all(kind == "kinerjaperiodik" for kind, _b in standin.saved)
    assert all(i.status == DONE and i.siasn_id for i in queue.all())
    assert TOKEN not in queue.path.read_text(encoding="utf-8")
    assert queue.enqueue(people.admin, batch.records) == 0  # already sent


def test_annual_skp22_and_a_changed_record_updates_siasn_instead_of_adding(
        demo_db: Database, people: People, standin: StandIn, tmp_path: Path) -> None:
    from sqlalchemy import select

    from kinerja_desktop.store.models import Employee, Evaluation, Plan

    nip = sign_some(demo_db, 1, "TW1")[0]
    with demo_db.session(user="admin", role="ADMIN") as s:
        plan = s.execute(select(Plan).join(Employee, Employee.id == Plan.employee_id)
                         .where(Employee.nip == nip, Plan.is_current.is_(True))).scalar_one()
        s.add(Evaluation(plan_id=plan.id, period="TAHUNAN", status="SIGNED", rating_hasil="DI_ATAS",
                         rating_perilaku="SESUAI", predikat="BAIK"))
    queue = SiasnQueue(tmp_path / "q.json")
    client = SiasnClient(standin.url, SiasnCredentials(TOKEN, SSO), backoff=0.01)
    queue.enqueue(people.admin, collect_siasn(demo_db, people.admin, DEMO_YEAR, periods=["TAHUNAN"]).records)
    assert len(send_queue(people.admin, queue, client).sent) == 1
    kind, body = standin.saved[0]
    assert kind == "skp22" and body["id"] is None and body["pnsDinilaiOrang"] == f"PNS-{nip}"
    assert (body["hasilKinerjaNilai"], body["perilakuKerjaNilai"], body["kuadranKinerjaNilai"]) == (1, 2, 2)
    # the rating changes after sending: queued again and sent with SIASN's id
    with demo_db.session(user="admin", role="ADMIN") as s:
        ev = s.execute(select(Evaluation).where(Evaluation.plan_id == plan.id, Evaluation.period == "TAHUNAN")
                       ).scalar_one()
        ev.rating_perilaku, ev.predikat = "DI_ATAS", "SANGAT_BAIK"
    again = collect_siasn(demo_db, people.admin, DEMO_YEAR, periods=["TAHUNAN"]).records
    assert queue.enqueue(people.admin, again) == 1
    assert len(send_queue(people.admin, queue, client).sent) == 1
    kind, body = standin.saved[1]
    assert body["id"] == "rw-1" and body["kuadranKinerjaNilai"] == 1


def test_a_cut_run_continues_where_it_stopped_without_sending_twice(
        demo_db: Database, people: People, standin: StandIn, tmp_path: Path) -> None:
    sign_some(demo_db, 5, "TW1")
    batch = collect_siasn(demo_db, people.admin, DEMO_YEAR)
    queue = SiasnQueue(tmp_path / "q.json")
    queue.enqueue(people.admin, batch.records)
    standin.cut_after = 2
    client = SiasnClient(standin.url, SiasnCredentials(TOKEN, SSO), retries=2, backoff=0.01)
    run = send_queue(people.admin, queue, client)
    assert len(run.sent) == 2 and run.offline and run.left == 3
    # a new process: the queue is read back from its file
    standin.cut_after = None
    run = send_queue(people.admin, SiasnQueue(tmp_path / "q.json"), client)
    assert len(run.sent) == 3 and run.left == 0
    keys = [json.dumps(b, sort_keys=True) for _k, b in standin.saved]
    assert len(keys) == 5 == len(set(keys))


def test_a_refused_record_is_failed_with_the_reason_and_the_rest_go_on(
        demo_db: Database, people: People, standin: StandIn, tmp_path: Path) -> None:
    nips = sign_some(demo_db, 3, "TW1")
    standin.refuse_nip = nips[1]
    queue = SiasnQueue(tmp_path / "q.json")
    queue.enqueue(people.admin, collect_siasn(demo_db, people.admin, DEMO_YEAR).records)
    run = send_queue(people.admin, queue, SiasnClient(standin.url, SiasnCredentials(TOKEN, SSO), backoff=0.01))
    assert len(run.sent) == 2 and len(run.failed) == 1
    failed = next(i for i in queue.all() if i.status == FAILED)
    assert failed.nip == nips[1] and "data ditolak" in (failed.last_error or "")
    # wrong credentials: refused, not retried forever
    bad = SiasnClient(standin.url, SiasnCredentials("wrong", SSO), backoff=0.01)
    queue.retry_failed()
    run = send_queue(people.admin, queue, bad)
    assert run.failed and "kredensial" in (run.failed[0].last_error or "")


def test_only_admins_queue_or_send(demo_db: Database, people: People, standin: StandIn, tmp_path: Path) -> None:
    from kinerja_desktop.domain.errors import PermissionDenied

    queue = SiasnQueue(tmp_path / "q.json")
    with pytest.raises(PermissionDenied):
        queue.enqueue(people.staff, [])
    with pytest.raises(PermissionDenied):
        send_queue(people.staff, queue, SiasnClient(standin.url, SiasnCredentials(TOKEN, SSO)))


def test_plain_http_only_to_loopback() -> None:
    from kinerja_desktop.domain.errors import ValidationError

    with pytest.raises(ValidationError):
        SiasnClient("http://apimws.bkn.go.id", SiasnCredentials(TOKEN))


def test_cli_send_with_keyring_credentials_then_nothing_left(
        demo_db: Database, people: People, standin: StandIn, ring: MemoryKeyring, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from kinerja_desktop.cli import main

    sign_some(demo_db, 3, "TW3")
    with_document = _sign_with_documents(demo_db, 1, "TW3")  # its signed PDF goes up with it
    monkeypatch.setenv("KINERJA_PASSWORD", "admin")
    monkeypatch.setenv("KINERJA_SIASN_TOKEN", TOKEN)
    monkeypatch.setenv("KINERJA_SIASN_SSO_TOKEN", SSO)
    base = ["--db", str(demo_db.path), "--user", "admin", "siasn"]
    assert main([*base, "kredensial", "--url", standin.url]) == 0
    queue = str(tmp_path / "q.json")
    args = [*base, "send", "--url", standin.url, "--year", "2026", "--period", "TW3", "--antrean", queue]
    assert main(args) == 0
    assert "Terkirim: 4. Gagal: 0. Masih menunggu: 0." in capsys.readouterr().out
    assert main(args) == 0
    assert "Masuk antrean: 0. Terkirim: 0." in capsys.readouterr().out
    assert len(standin.saved) == 4
    assert [pdf for _ref, _name, pdf in standin.uploads] == [with_document[0][1]]
    assert sum(1 for _k, body in standin.saved if body["path"]) == 1


def _sign_with_documents(db: Database, count: int, period: str) -> list[tuple[str, bytes]]:
    """Sign ``count`` evaluations of ``period`` and store a signed PDF (in the blob store) for each:
    [(nip, pdf bytes)]."""
    from sqlalchemy import select

    from kinerja_desktop.store.models import Document, Employee, Evaluation, Plan

    out = []
    for nip in sign_some(db, count, period):
        pdf = (b"%PDF-1.7\n% dokumen evaluasi " + nip.encode() + b"\n%%EOF\n")
        sha = db.blobs.put_bytes(pdf)
        with db.session(user="admin", role="ADMIN") as s:
            ev, emp_id = s.execute(select(Evaluation, Employee.id).join(Plan, Plan.id == Evaluation.plan_id)
                                   .join(Employee, Employee.id == Plan.employee_id)
                                   .where(Employee.nip == nip, Evaluation.period == period,
                                          Evaluation.status == "SIGNED")).first()
            s.add(Document(kind="evaluasi", employee_id=emp_id, plan_id=ev.plan_id, evaluation_id=ev.id,
                           year=DEMO_YEAR, period=period, sha256=sha, status="SIGNED"))
        out.append((nip, pdf))
    return out


def test_signed_documents_are_uploaded_first_and_named_in_the_path(
        demo_db: Database, people: People, standin: StandIn, tmp_path: Path) -> None:
    from kinerja_desktop.documents.signed_documents import document_pdf
    from kinerja_desktop.services.siasn_export import dokumen_refs

    signed = dict(_sign_with_documents(demo_db, 2, "TW2"))
    queue = SiasnQueue(tmp_path / "q.json")
    records = [r for r in collect_siasn(demo_db, people.admin, DEMO_YEAR, periods=["TW2"]).records if r.dokumen]
    assert {r.nip for r in records} == set(signed)
    queue.enqueue(people.admin, records)
    client = SiasnClient(standin.url, SiasnCredentials(TOKEN, SSO), backoff=0.01)

    def read(doc_id: str) -> bytes:
        return document_pdf(demo_db, people.admin, doc_id)

    standin.cut_after = 1  # the second save fails after its document was uploaded
    run = send_queue(people.admin, queue, client, documents=read, dokumen_ref=dokumen_refs(demo_db))
    assert len(run.sent) == 1 and run.offline
    assert len(standin.uploads) == 2  # both documents went up
    standin.cut_after = None
    run = send_queue(people.admin, queue, client, documents=read, dokumen_ref=dokumen_refs(demo_db))
    assert len(run.sent) == 1 and run.left == 0
    assert len(standin.uploads) == 2  # the resumed run did not upload the second document again
    assert sorted(pdf for _ref, _name, pdf in standin.uploads) == sorted(signed.values())
    assert all(ref == "890" for ref, _n, _p in standin.uploads)
    for _kind, body in standin.saved:
        assert len(body["path"]) == 1 and body["path"][0]["dok_uri"] in standin.issued


def test_a_refused_document_reference_fails_the_record_and_names_the_setting(
        demo_db: Database, people: People, standin: StandIn, tmp_path: Path) -> None:
    """The real server's document reference ids could not be confirmed: when SIASN refuses one, the record
    fails with SIASN's reason and the setting to change; after changing it the record goes."""
    from kinerja_desktop.documents.signed_documents import document_pdf
    from kinerja_desktop.services.settings_service import set_setting
    from kinerja_desktop.services.siasn_export import dokumen_refs

    _sign_with_documents(demo_db, 1, "TW1")
    standin.accepted_refs = {"1179"}  # a server that files evaluation documents under another reference
    queue = SiasnQueue(tmp_path / "q.json")
    queue.enqueue(people.admin, [r for r in collect_siasn(demo_db, people.admin, DEMO_YEAR).records if r.dokumen])
    client = SiasnClient(standin.url, SiasnCredentials(TOKEN, SSO), backoff=0.01)

    def read(doc_id: str) -> bytes:
        return document_pdf(demo_db, people.admin, doc_id)

    run = send_queue(people.admin, queue, client, documents=read, dokumen_ref=dokumen_refs(demo_db))
    assert len(run.failed) == 1 and not standin.saved
    reason = run.failed[0].last_error or ""
    assert "id_ref_dokumen 890 tidak dikenal" in reason and "siasn.dokumen_periodik" in reason
    set_setting(demo_db, people.admin, "siasn.dokumen_periodik", "1179")
    queue.retry_failed()
    run = send_queue(people.admin, queue, client, documents=read, dokumen_ref=dokumen_refs(demo_db))
    assert len(run.sent) == 1 and standin.uploads[0][0] == "1179" and standin.saved[0][1]["path"]


def test_koefisien_id_comes_from_the_jenjang_setting_and_a_refusal_names_it(
        demo_db: Database, people: People, standin: StandIn, tmp_path: Path) -> None:
    from sqlalchemy import select

    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.services.settings_service import set_setting
    from kinerja_desktop.store.models import Employee

    sign_some(demo_db, 40, "TW1")
    records = collect_siasn(demo_db, people.admin, DEMO_YEAR, periods=["TW1"]).records
    with demo_db.reader() as s:
        kind = {nip: (jab, jenjang) for nip, jab, jenjang in s.execute(
            select(Employee.nip, Employee.jenis_jabatan, Employee.jenjang))}
    fungsional = [r for r in records if kind[r.nip][0] == "FUNGSIONAL"]
    assert fungsional and all(r.payload["koefisienId"] == {"AHLI_PERTAMA": "12", "AHLI_MUDA": "22", "MAHIR": "72",
                                                           "TERAMPIL": "62"}[kind[r.nip][1]] for r in fungsional)
    assert all(r.payload["koefisienId"] == "" for r in records if kind[r.nip][0] != "FUNGSIONAL")
    # a wrong id in the setting: SIASN refuses, the reason names the setting
    set_setting(demo_db, people.admin, "siasn.koefisien_id", ["AHLI_PERTAMA=19", "AHLI_MUDA=29", "MAHIR=79",
                                                             "TERAMPIL=69"])
    queue = SiasnQueue(tmp_path / "q.json")
    queue.enqueue(people.admin, collect_siasn(demo_db, people.admin, DEMO_YEAR, periods=["TW1"]).records)
    run = send_queue(people.admin, queue, SiasnClient(standin.url, SiasnCredentials(TOKEN, SSO), backoff=0.01))
    assert run.failed and all("siasn.koefisien_id" in (i.last_error or "") for i in run.failed)
    assert len(run.failed) == len(fungsional) and len(run.sent) == len(records) - len(fungsional)
    set_setting(demo_db, people.admin, "siasn.koefisien_id", ["PERTAMA=12"])
    with pytest.raises(ValidationError, match="siasn.koefisien_id"):
        collect_siasn(demo_db, people.admin, DEMO_YEAR)
