"""Certified signatures (TTE tersertifikasi) through the instansi's signing server.

Only a PSrE certificate gives a certified electronic signature (PP 71/2019); for
government that is BSrE (BSSN), reached through the instansi's esign-client server.
Documents are marked for it in a queue while offline; when online, the queue is
worked through with the signer's NIK and passphrase (or TOTP) typed in for that run.
Credentials are never stored: the queue holds only what to sign and where.

The client speaks the esign-client API v2 shape: ``POST /api/v2/sign/pdf`` with JSON
``{"nik", "passphrase" | "totp", "signatureProperties": [...], "file": [base64]}``;
the answer carries ``{"file": [base64 of the signed PDF]}``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import os
import ssl
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Protocol

from kinerja_desktop.domain.errors import KinerjaError, ValidationError

__all__ = [
    "CERTIFIED_NOTICE",
    "BsreClient",
    "FileTteQueue",
    "RemoteSigner",
    "SignatureProperties",
    "TteCredentials",
    "TteError",
    "TteJob",
    "TteResult",
    "TteUnavailable",
    "process_queue",
    "sheet_for_server",
]

CERTIFIED_NOTICE = (
    "Hanya server penandatanganan instansi (BSrE/BSSN) yang memberi tanda tangan elektronik "
    "tersertifikasi (TTE). Tanda tangan dengan sertifikat kantor dari aplikasi ini sah sebagai "
    "persetujuan internal, tetapi tidak tersertifikasi."
)
SIGN_PATH = "/api/v2/sign/pdf"
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class TteError(KinerjaError):
    """The signing server refused or answered wrongly (message in Indonesian)."""


class TteUnavailable(TteError):
    """The signing server cannot be reached: stay offline, keep the queue."""


@dataclass(frozen=True)
class TteCredentials:
    """NIK with either a passphrase or a TOTP code; for one run only, never stored."""

    nik: str
    passphrase: str | None = field(default=None, repr=False)
    totp: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        nik = "".join(self.nik.split())
        object.__setattr__(self, "nik", nik)
        if not (nik.isdigit() and len(nik) == 16):
            raise ValidationError("NIK harus 16 digit angka.", field="nik")
        if bool(self.passphrase) == bool(self.totp):
            raise ValidationError("Isi salah satu: passphrase TTE atau kode TOTP.", field="passphrase")

    def payload(self) -> dict[str, str]:
        secret = {"passphrase": self.passphrase} if self.passphrase else {"totp": self.totp or ""}
        return {"nik": self.nik, **secret}


@dataclass(frozen=True)
class SignatureProperties:
    """One entry of ``signatureProperties``; pages are 1-based as the server expects."""

    tampilan: str = "INVISIBLE"
    page: int | None = None
    origin_x: float | None = None
    origin_y: float | None = None
    width: float | None = None
    height: float | None = None
    location: str | None = None
    reason: str | None = None
    image_base64: str | None = None

    @classmethod
    def visible(
        cls, page_index: int, box: tuple[float, float, float, float], image_png: bytes, **extra: str | None
    ) -> SignatureProperties:
        x1, y1, x2, y2 = box
        return cls(
            tampilan="VISIBLE", page=page_index + 1, origin_x=min(x1, x2), origin_y=min(y1, y2),
            width=abs(x2 - x1), height=abs(y2 - y1),
            image_base64=base64.b64encode(image_png).decode("ascii"), **extra,
        )

    def to_json(self) -> dict[str, object]:
        names = {"origin_x": "originX", "origin_y": "originY", "image_base64": "imageBase64"}
        return {names.get(k, k): v for k, v in asdict(self).items() if v is not None}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SignatureProperties:
        names = {"originX": "origin_x", "originY": "origin_y", "imageBase64": "image_base64"}
        return cls(**{names.get(k, k): v for k, v in data.items()})  # type: ignore[arg-type]


@dataclass(frozen=True)
class TteResult:
    pdf: bytes
    server_time: str | None
    keeps_earlier_signatures: bool


class RemoteSigner(Protocol):
    """Anything that turns a PDF into a certified-signed PDF."""

    def sign_pdf(
        self, pdf: bytes, credentials: TteCredentials, properties: list[SignatureProperties]
    ) -> TteResult: ...


class BsreClient:
    """Client for an instansi's BSrE esign-client server (API v2). TLS is always verified.

    ``username``/``password`` are the instansi's client credentials for the server (HTTP
    Basic), supplied by the caller from the keyring or a prompt, never from the database.
    Plain HTTP is allowed only to a loopback address (a local gateway or a test stand-in).
    """

    def __init__(
        self,
        base_url: str,
        *,
        username: str | None = None,
        password: str | None = None,
        timeout: float = 60.0,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        parsed = urllib.parse.urlsplit(base_url)
        if parsed.scheme not in ("https", "http") or not parsed.hostname:
            raise ValidationError(f"Alamat server TTE tidak sah: {base_url}", field="url")
        if parsed.scheme == "http" and parsed.hostname not in _LOOPBACK:
            raise ValidationError("Server TTE harus memakai HTTPS.", field="url")
        self.base_url = base_url.rstrip("/")
        self._auth = (username, password) if username else None
        self.timeout = timeout
        self.ssl_context = ssl_context or ssl.create_default_context()

    def __repr__(self) -> str:
        return f"BsreClient({self.base_url!r})"

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self._auth is not None:
            token = base64.b64encode(f"{self._auth[0]}:{self._auth[1] or ''}".encode()).decode("ascii")
            headers["Authorization"] = f"Basic {token}"
        return headers

    def _post(self, path: str, body: dict[str, object]) -> dict[str, object]:
        data = json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.base_url + path, data=data, headers=self._headers(), method="POST")
        context = self.ssl_context if self.base_url.startswith("https") else None
        try:
            with urllib.request.urlopen(request, timeout=self.timeout, context=context) as resp:
                raw = resp.read()
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            raise TteError(_server_message(exc.code, raw), code=f"tte.http_{exc.code}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise TteUnavailable(
                f"Server penandatanganan tidak dapat dihubungi ({reason}). Dokumen tetap dalam antrean.",
                code="tte.unreachable",
            ) from None
        try:
            answer = json.loads(raw)
        except ValueError:
            raise TteError("Jawaban server TTE bukan JSON yang sah.", code="tte.bad_answer") from None
        if not isinstance(answer, dict):
            raise TteError("Jawaban server TTE tidak dikenal.", code="tte.bad_answer")
        return answer

    def sign_pdf(
        self, pdf: bytes, credentials: TteCredentials, properties: list[SignatureProperties]
    ) -> TteResult:
        body: dict[str, object] = {
            **credentials.payload(),
            "signatureProperties": [p.to_json() for p in (properties or [SignatureProperties()])],
            "file": [base64.b64encode(pdf).decode("ascii")],
        }
        answer = self._post(SIGN_PATH, body)
        files = answer.get("file")
        if not isinstance(files, list) or not files:
            error = answer.get("error") or answer.get("message")
            raise TteError(f"Server TTE tidak mengembalikan berkas{': ' + str(error) if error else ''}.")
        try:
            signed = base64.b64decode(str(files[0]), validate=True)
        except (binascii.Error, ValueError):
            raise TteError("Berkas dari server TTE rusak (base64 tidak sah).", code="tte.bad_answer") from None
        if not signed.startswith(b"%PDF"):
            raise TteError("Berkas dari server TTE bukan PDF.", code="tte.bad_answer")
        time = answer.get("time")
        return TteResult(
            pdf=signed, server_time=str(time) if time else None, keeps_earlier_signatures=signed.startswith(pdf)
        )


def _server_message(status: int, raw: bytes) -> str:
    detail = ""
    try:
        answer = json.loads(raw)
        if isinstance(answer, dict):
            detail = str(answer.get("error") or answer.get("message") or "")
    except ValueError:
        detail = raw[:200].decode("utf-8", "replace").strip()
    if status == 401:
        return "Server TTE menolak kredensial aplikasi (HTTP 401). Periksa pengaturan server TTE."
    return f"Server TTE menolak permintaan (HTTP {status}){': ' + detail if detail else ''}."


def sheet_for_server(
    pdf: bytes, role: str, *, name: str, nip: str | None, timezone: str | None = None
) -> tuple[bytes, list[SignatureProperties]]:
    """What to send for ``role``'s certified signature: the sheet and its signature properties.

    When ``role`` has not signed here, its Lampiran copies get the stamp in a revision the server's
    signature covers and the server draws the same stamp in the role's own block (VISIBLE), so the
    certified sheet looks like one signed offline. When it has, the stamp is there already and the
    certified signature is added invisibly.
    """
    from kinerja_desktop.documents.signature_stamp import stamp_png
    from kinerja_desktop.documents.signing import ROLE_LABELS, prepare_certified

    sheet = prepare_certified(pdf, role, name=name, nip=nip, timezone=timezone)
    reason = f"Ditandatangani sebagai {ROLE_LABELS[role]} (TTE tersertifikasi)"
    if sheet is None:
        return pdf, [SignatureProperties(reason=reason)]
    x1, y1, x2, y2 = sheet.box
    image = stamp_png(sheet.stamp_params, abs(x2 - x1), abs(y2 - y1))
    return sheet.pdf, [SignatureProperties.visible(sheet.page, sheet.box, image, reason=reason)]


# --------------------------------------------------------------------------- queue

PENDING, DONE, FAILED = "menunggu", "selesai", "gagal"


@dataclass(frozen=True)
class TteJob:
    """A document waiting for (or done with) a certified signature. Holds no secrets."""

    id: str
    document_key: str
    role: str
    nik: str
    properties: tuple[SignatureProperties, ...] = ()
    status: str = PENDING
    attempts: int = 0
    last_error: str | None = None
    result_key: str | None = None
    created_at: str = ""
    updated_at: str = ""

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["properties"] = [p.to_json() for p in self.properties]
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> TteJob:
        raw_props = data.get("properties") or []
        props = tuple(SignatureProperties.from_json(p) for p in raw_props)  # type: ignore[attr-defined]
        return cls(**{**data, "properties": props})  # type: ignore[arg-type]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class FileTteQueue:
    """The queue as one JSON file in the app data dir (written atomically)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def _load(self) -> list[TteJob]:
        if not self.path.is_file():
            return []
        return [TteJob.from_json(item) for item in json.loads(self.path.read_text(encoding="utf-8"))]

    def _save(self, jobs: list[TteJob]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tte-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump([j.to_json() for j in jobs], handle, ensure_ascii=False, indent=1)
        os.replace(tmp, self.path)

    def all(self) -> list[TteJob]:
        return self._load()

    def pending(self) -> list[TteJob]:
        return [j for j in self._load() if j.status == PENDING]

    def enqueue(
        self, document_key: str, role: str, nik: str, properties: tuple[SignatureProperties, ...] = ()
    ) -> TteJob:
        """Mark a document for a certified signature; marking it twice keeps one pending job."""
        jobs = self._load()
        for job in jobs:
            if job.document_key == document_key and job.role == role and job.status == PENDING:
                return job
        stamp = _now()
        job = TteJob(
            id=str(uuid.uuid4()), document_key=document_key, role=role, nik="".join(nik.split()),
            properties=tuple(properties), created_at=stamp, updated_at=stamp,
        )
        self._save([*jobs, job])
        return job

    def _update(self, job_id: str, **changes: object) -> TteJob:
        jobs = self._load()
        for idx, job in enumerate(jobs):
            if job.id == job_id:
                jobs[idx] = replace(job, updated_at=_now(), **changes)  # type: ignore[arg-type]
                self._save(jobs)
                return jobs[idx]
        raise KeyError(job_id)

    def mark_done(self, job_id: str, result_key: str) -> TteJob:
        return self._update(job_id, status=DONE, result_key=result_key, last_error=None)

    def mark_failed(self, job_id: str, error: str, *, attempts: int) -> TteJob:
        return self._update(job_id, status=FAILED, last_error=error, attempts=attempts)

    def note_attempt(self, job_id: str, error: str, *, attempts: int) -> TteJob:
        return self._update(job_id, last_error=error, attempts=attempts)

    def retry(self, job_id: str) -> TteJob:
        return self._update(job_id, status=PENDING, last_error=None)

    def cancel(self, job_id: str) -> None:
        self._save([j for j in self._load() if j.id != job_id])


@dataclass
class QueueRun:
    done: list[TteJob] = field(default_factory=list)
    failed: list[TteJob] = field(default_factory=list)
    skipped: list[TteJob] = field(default_factory=list)
    offline: str | None = None


def process_queue(
    queue: FileTteQueue,
    signer: RemoteSigner,
    *,
    load_pdf: Callable[[TteJob], bytes],
    store_pdf: Callable[[TteJob, bytes], str],
    credentials_for: Callable[[TteJob], TteCredentials | None],
    progress: Callable[[int, int, TteJob], None] | None = None,
    prepare: Callable[[TteJob, bytes], tuple[bytes, list[SignatureProperties]]] | None = None,
) -> QueueRun:
    """Send pending jobs to the server. Offline: stop at once and keep the rest pending.

    A refused job (wrong passphrase, bad document) is marked failed with the server's reason;
    a returned file that does not keep the earlier signatures is refused too. ``prepare`` readies a
    job without its own signature properties (``sheet_for_server``).
    """
    run = QueueRun()
    jobs = queue.pending()
    for idx, job in enumerate(jobs, start=1):
        credentials = credentials_for(job)
        if credentials is None:
            run.skipped.append(job)
            continue
        try:
            pdf, properties = load_pdf(job), list(job.properties)
            if prepare is not None and not properties:
                pdf, properties = prepare(job, pdf)
            result = signer.sign_pdf(pdf, credentials, properties)
            if not result.keeps_earlier_signatures:
                raise TteError(
                    "Server TTE mengembalikan dokumen yang ditulis ulang; tanda tangan sebelumnya akan rusak.",
                    code="tte.rewritten",
                )
        except TteUnavailable as exc:
            queue.note_attempt(job.id, str(exc), attempts=job.attempts + 1)
            run.offline = str(exc)
            break
        except KinerjaError as exc:  # refused by the server, or a sheet that cannot be signed
            run.failed.append(queue.mark_failed(job.id, str(exc), attempts=job.attempts + 1))
        else:
            try:
                stored = store_pdf(job, result.pdf)
            except KinerjaError as exc:  # e.g. the stored document moved on meanwhile
                run.failed.append(queue.mark_failed(job.id, str(exc), attempts=job.attempts + 1))
            else:
                run.done.append(queue.mark_done(job.id, stored))
        if progress is not None:
            progress(idx, len(jobs), job)
    return run
