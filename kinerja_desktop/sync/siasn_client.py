"""Sending SIASN records (``skp22``, ``kinerjaperiodik``) with the instansi's own credentials.

The instansi's tokens for BKN's API gateway (``Authorization: Bearer``) and its SSO (``Auth:
bearer``) live in the system keyring (service ``kinerja-desktop-siasn``, one entry per server
address), never in the database, the queue or logs. Records wait in a queue kept as one JSON
file in the data folder, written after every record, so a run that is cut (network, power)
continues where it stopped and never sends a record twice. Transient failures (no connection,
HTTP 429 and 5xx) are retried with a growing pause; a refusal (other 4xx) marks that record
failed with the server's reason and the run goes on.

A record's signed evaluation documents are uploaded first (``POST /upload-dok``, multipart ``file`` and
``id_ref_dokumen``, as in the public clients) and their answers go into the record's ``path``; what was
uploaded is kept in the queue, so a cut run does not upload a document twice. The reference ids are
instansi settings (``services.siasn_export.dokumen_refs``, ``koefisien_ids``): when SIASN refuses one,
the error names the setting to change.

**The real endpoint needs the instansi's credentials and was not reached while building this**;
the tests run it against a stand-in server on 127.0.0.1 that checks the fields.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import ssl
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.errors import KinerjaError, PermissionDenied, ValidationError
from kinerja_desktop.services.common import CurrentUser
from kinerja_desktop.services.siasn_export import PERIODIK, SKP22, SiasnRecord

__all__ = [
    "KEYRING_SERVICE",
    "SiasnClient",
    "SiasnCredentials",
    "SiasnError",
    "SiasnQueue",
    "SiasnUnavailable",
    "load_credentials",
    "send_queue",
    "store_credentials",
]

KEYRING_SERVICE = "kinerja-desktop-siasn"
API_PREFIX = "/apisiasn/1.0"
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
PENDING, DONE, FAILED = "menunggu", "terkirim", "gagal"


class SiasnError(KinerjaError):
    """SIASN refused a request (message in Indonesian)."""


class SiasnUnavailable(SiasnError):
    """SIASN could not be reached after the retries: the queue keeps the rest."""


@dataclass(frozen=True)
class SiasnCredentials:
    """The instansi's gateway token and SSO token; never printed."""

    token: str = field(repr=False)
    sso_token: str = field(default="", repr=False)


def _require_admin(user: CurrentUser) -> None:
    if not user.is_admin:
        raise PermissionDenied("Hanya admin kepegawaian yang dapat mengirim data ke SIASN.", code="permission.siasn")


def store_credentials(user: CurrentUser, url: str, credentials: SiasnCredentials) -> None:
    """Keep the instansi's SIASN tokens in the system keyring under the server address."""
    import keyring
    from keyring.errors import KeyringError

    _require_admin(user)
    try:
        keyring.set_password(KEYRING_SERVICE, url.rstrip("/"), json.dumps(asdict(credentials)))
    except KeyringError as exc:
        raise ValidationError("Kredensial SIASN tidak dapat disimpan di keyring sistem; pasang atau buka kunci "
                              "keyring terlebih dulu.") from exc


def load_credentials(url: str) -> SiasnCredentials | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        raw = keyring.get_password(KEYRING_SERVICE, url.rstrip("/"))
    except KeyringError:
        return None
    if not raw:
        return None
    data = json.loads(raw)
    return SiasnCredentials(token=str(data.get("token", "")), sso_token=str(data.get("sso_token", "")))


class SiasnClient:
    """HTTP client for SIASN's web service. TLS always verified; plain HTTP only to loopback."""

    def __init__(self, base_url: str, credentials: SiasnCredentials, *, timeout: float = 30.0, retries: int = 3,
                 backoff: float = 1.0, sleep: Callable[[float], None] = time.sleep,
                 ssl_context: ssl.SSLContext | None = None) -> None:
        parts = urllib.parse.urlsplit(base_url)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ValidationError(f"Alamat SIASN tidak sah: {base_url}", field="url")
        if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
            raise ValidationError("Alamat SIASN harus memakai HTTPS.", field="url")
        self.base_url = base_url.rstrip("/")
        self._credentials = credentials
        self.timeout, self.retries, self.backoff, self._sleep = timeout, max(retries, 1), backoff, sleep
        self.ssl_context = ssl_context or ssl.create_default_context()

    def __repr__(self) -> str:
        return f"SiasnClient({self.base_url!r})"

    def _request(self, method: str, path: str, body: dict[str, Any] | None = None, *,
                 raw_body: tuple[str, bytes] | None = None, what: str = "data") -> dict[str, Any]:
        headers = {"Accept": "application/json", "Authorization": f"Bearer {self._credentials.token}"}
        if self._credentials.sso_token:
            headers["Auth"] = f"bearer {self._credentials.sso_token}"
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        elif raw_body is not None:
            headers["Content-Type"], data = raw_body
        context = self.ssl_context if self.base_url.startswith("https") else None
        last = ""
        for attempt in range(self.retries):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            request = urllib.request.Request(self.base_url + API_PREFIX + path, data=data, headers=headers,
                                             method=method)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout, context=context) as resp:
                    raw = resp.read()
            except urllib.error.HTTPError as exc:
                raw = exc.read()
                if exc.code == 429 or exc.code >= 500:
                    last = f"HTTP {exc.code}"
                    continue
                raise SiasnError(_refusal(exc.code, raw, what), code=f"siasn.http_{exc.code}") from None
            except (urllib.error.URLError, OSError) as exc:
                last = str(getattr(exc, "reason", exc))
                continue
            try:
                answer = json.loads(raw or b"{}")
            except ValueError:
                raise SiasnError("Jawaban SIASN bukan JSON yang sah.", code="siasn.bad_answer") from None
            if not isinstance(answer, dict):
                raise SiasnError("Jawaban SIASN tidak dikenal.", code="siasn.bad_answer")
            if answer.get("success") is False:
                raise SiasnError(f"SIASN menolak {what}: {answer.get('message') or 'tanpa keterangan'}.",
                                 code="siasn.refused")
            return answer
        raise SiasnUnavailable(f"SIASN tidak dapat dihubungi setelah {self.retries} kali mencoba ({last}). "
                               "Data tetap dalam antrean.", code="siasn.unreachable")

    def pns_id(self, nip: str) -> str:
        """SIASN's person id for an NIP (``GET /pns/data-utama/{nip}``)."""
        answer = self._request("GET", f"/pns/data-utama/{urllib.parse.quote(nip)}")
        data = answer.get("data")
        pid = data.get("id") if isinstance(data, dict) else None
        if not pid:
            raise SiasnError(f"NIP {nip} tidak ditemukan di SIASN.", code="siasn.unknown_nip")
        return str(pid)

    def upload(self, ref_id: str, filename: str, pdf: bytes) -> dict[str, Any]:
        """Upload one PDF under SIASN's document reference ``ref_id``; SIASN's answer (``dok_uri`` ...) is
        what a record's ``path`` holds."""
        boundary = uuid.uuid4().hex
        safe_name = "".join(c if c.isalnum() or c in "-_." else "_" for c in filename) or "dokumen.pdf"
        body = b"".join([
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"id_ref_dokumen\"\r\n\r\n{ref_id}\r\n".encode(),
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{safe_name}\"\r\n"
            "Content-Type: application/pdf\r\n\r\n".encode(), pdf, f"\r\n--{boundary}--\r\n".encode()])
        answer = self._request("POST", "/upload-dok", raw_body=(f"multipart/form-data; boundary={boundary}", body),
                               what=f"dokumen (id_ref_dokumen {ref_id})")
        data = answer.get("data")
        if not isinstance(data, dict) or not str(data.get("dok_uri") or "").strip():
            raise SiasnError(f"SIASN menerima dokumen (id_ref_dokumen {ref_id}) tetapi tidak mengembalikan alamatnya "
                             "(dok_uri); data ini belum dikirim.", code="siasn.upload_answer")
        return {str(k): v for k, v in data.items()}

    def save(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        """``POST /skp22/save`` or ``POST /kinerjaperiodik/save``."""
        if kind not in (SKP22, PERIODIK):
            raise ValueError(kind)
        return self._request("POST", f"/{kind}/save", payload, what=f"data {kind}")


# --------------------------------------------------------------------------- queue


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class QueueItem:
    key: str
    kind: str
    nip: str
    payload: dict[str, Any]
    status: str = PENDING
    attempts: int = 0
    last_error: str | None = None
    siasn_id: str | None = None
    updated_at: str = ""
    dokumen: list[str] = field(default_factory=list)  # ids of the signed documents to upload with it
    uploaded: dict[str, dict[str, Any]] = field(default_factory=dict)  # document id -> SIASN's path entry


class SiasnQueue:
    """The send queue as one JSON file, rewritten atomically after every change."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def all(self) -> list[QueueItem]:
        if not self.path.is_file():
            return []
        return [QueueItem(**item) for item in json.loads(self.path.read_text(encoding="utf-8"))]

    def _save(self, items: list[QueueItem]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".siasn-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump([asdict(i) for i in items], handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)

    def pending(self) -> list[QueueItem]:
        return [i for i in self.all() if i.status == PENDING]

    def enqueue(self, user: CurrentUser, records: Iterable[SiasnRecord]) -> int:
        """Queue records; one already sent with the same fields, or already waiting, is not queued again.

        A record sent before whose fields changed is queued again and keeps SIASN's id, so the next
        send updates that record in SIASN rather than adding a second one.
        """
        _require_admin(user)
        items = self.all()
        index = {i.key: n for n, i in enumerate(items)}
        added = 0
        for record in records:
            n = index.get(record.key)
            if n is not None:
                old = items[n]
                if old.payload == record.payload and old.dokumen == record.dokumen and old.status in (PENDING, DONE):
                    continue
                items[n] = replace(old, payload=record.payload, dokumen=list(record.dokumen), status=PENDING,
                                   last_error=None, updated_at=_now())
            else:
                index[record.key] = len(items)
                items.append(QueueItem(key=record.key, kind=record.kind, nip=record.nip, payload=record.payload,
                                       dokumen=list(record.dokumen), updated_at=_now()))
            added += 1
        self._save(items)
        return added

    def update(self, key: str, **changes: Any) -> QueueItem:
        items = self.all()
        for n, item in enumerate(items):
            if item.key == key:
                items[n] = replace(item, updated_at=_now(), **changes)
                self._save(items)
                return items[n]
        raise KeyError(key)

    def retry_failed(self) -> int:
        items = self.all()
        failed = [n for n, i in enumerate(items) if i.status == FAILED]
        for n in failed:
            items[n] = replace(items[n], status=PENDING, last_error=None, updated_at=_now())
        self._save(items)
        return len(failed)


@dataclass
class SendRun:
    sent: list[QueueItem] = field(default_factory=list)
    failed: list[QueueItem] = field(default_factory=list)
    offline: str | None = None
    left: int = 0


def send_queue(user: CurrentUser, queue: SiasnQueue, client: SiasnClient, *, limit: int | None = None,
               progress: Callable[[int, int, QueueItem], None] | None = None,
               documents: Callable[[str], bytes] | None = None, dokumen_ref: dict[str, str] | None = None,
               ) -> SendRun:
    """Send what waits in the queue, in order; offline: stop and keep the rest for the next run.

    With ``documents`` (a reader of a stored document's bytes by id) and ``dokumen_ref`` (the
    ``id_ref_dokumen`` per kind), each record's signed documents are uploaded first and named in its
    ``path``; without them records go without documents.
    """
    _require_admin(user)
    run = SendRun()
    items = queue.pending()
    if limit is not None:
        items = items[:limit]
    person_ids: dict[str, str] = {}
    for n, item in enumerate(items, start=1):
        try:
            if item.nip not in person_ids:
                person_ids[item.nip] = client.pns_id(item.nip)
            id_field = "pnsDinilaiOrang" if item.kind == SKP22 else "pnsDinilaiId"
            payload = {**item.payload, id_field: person_ids[item.nip]}
            if item.siasn_id:  # sent before and changed since: update SIASN's record instead of adding one
                payload["id"] = item.siasn_id
            if item.dokumen and documents is not None and dokumen_ref is not None:
                uploaded = _upload_documents(queue, client, item, documents, dokumen_ref[item.kind])
                payload["path"] = [uploaded[d] for d in item.dokumen]
            answer = client.save(item.kind, payload)
        except SiasnUnavailable as exc:
            queue.update(item.key, attempts=item.attempts + 1, last_error=str(exc))
            run.offline = str(exc)
            break
        except SiasnError as exc:
            run.failed.append(queue.update(item.key, status=FAILED, attempts=item.attempts + 1, last_error=str(exc)))
        else:
            run.sent.append(queue.update(item.key, status=DONE, attempts=item.attempts + 1, last_error=None,
                                         siasn_id=_answer_id(answer) or item.siasn_id))
        if progress is not None:
            progress(n, len(items), item)
    run.left = len(queue.pending())
    return run


def _upload_documents(queue: SiasnQueue, client: SiasnClient, item: QueueItem, documents: Callable[[str], bytes],
                      ref_id: str) -> dict[str, dict[str, Any]]:
    """Upload the item's documents not uploaded yet, keeping each answer in the queue as it comes."""
    uploaded = dict(item.uploaded)
    for n, doc_id in enumerate(item.dokumen, start=1):
        if doc_id in uploaded:
            continue
        try:
            pdf = documents(doc_id)
        except KinerjaError as exc:
            raise SiasnError(f"Dokumen evaluasi {doc_id[:8]} tidak dapat dibaca: {exc}",
                             code="siasn.document") from None
        if not pdf.startswith(b"%PDF-"):
            raise SiasnError(f"Dokumen evaluasi {doc_id[:8]} bukan PDF; tidak diunggah.", code="siasn.document")
        period = item.key.rsplit(":", 1)[-1]
        uploaded[doc_id] = client.upload(ref_id, f"{item.kind}-{item.nip}-{period}-{n}.pdf", pdf)
        queue.update(item.key, uploaded=dict(uploaded))
    return uploaded


def _answer_id(answer: dict[str, Any]) -> str | None:
    for holder in (answer.get("mapData"), answer.get("data")):
        if isinstance(holder, dict):
            for value in holder.values():
                if isinstance(value, str) and value:
                    return value
    return None


def _refusal(status: int, raw: bytes, what: str = "data") -> str:
    detail = ""
    try:
        answer = json.loads(raw)
        if isinstance(answer, dict):
            detail = str(answer.get("message") or answer.get("error") or "")
    except ValueError:
        detail = raw[:200].decode("utf-8", "replace").strip()
    if status in (401, 403):
        return (f"SIASN menolak kredensial instansi (HTTP {status}). "
                "Periksa token yang disimpan: kinerja siasn kredensial.")
    hint = ""
    if what.startswith("dokumen"):
        hint = (" Kode referensi dokumen diatur di pengaturan siasn.dokumen_skp22 dan siasn.dokumen_periodik "
                "(bawaan 890); tanyakan kode yang benar ke BKN bila ditolak.")
    elif "koefisien" in detail.lower():
        hint = (" koefisienId diatur per jenjang di pengaturan siasn.koefisien_id (bawaan AHLI_PERTAMA=12 ... "
                "PENYELIA=82); tanyakan kode yang benar ke BKN bila ditolak.")
    return f"SIASN menolak {what} (HTTP {status}){': ' + detail if detail else ''}.{hint}"
