"""PAdES signing of the app's sheets with a local PKCS#12 (B-B; B-T with a timestamp server).

Each sheet carries, in its document info under ``/KinerjaSignatureFields``, the boxes
where each signer signs (see the Documents <-> signing contract). The first signature
creates every empty field at once so later signers only fill theirs; every signature
is an incremental update, so earlier signatures stay valid.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import io
import json
import logging
import os
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1, translate_pyca_cryptography_key_to_asn1
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields as sig_fields
from pyhanko.sign import signers
from pyhanko.sign.attributes import CMSAttributeProvider, SignedAttributeProviderSpec, SigningCertificateV2Provider
from pyhanko.sign.general import SigningError, as_signing_certificate_v2
from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError, set_tsp_headers
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from kinerja_desktop.documents.certs import CertificateError, Pkcs12Bundle, load_pkcs12
from kinerja_desktop.documents.signature_stamp import format_stamp_time, resolve_timezone, stamp_style
from kinerja_desktop.documents.signer_match import PLT_MARK, match_signer, plt_reason
from kinerja_desktop.documents.stamp_copies import add_copy_fields, fill_copies
from kinerja_desktop.domain.errors import KinerjaError, ValidationError

__all__ = [
    "CertifiedSheet",
    "FIELD_INFO_KEY",
    "ROLE_LABELS",
    "FieldPlacement",
    "SignOptions",
    "SignResult",
    "SigningError",
    "SigningIdentity",
    "SigningProblem",
    "field_name_for",
    "prepare_certified",
    "read_signature_fields",
    "sign_batch",
    "sign_pdf",
    "signature_state",
]

log = logging.getLogger(__name__)

FIELD_INFO_KEY = "/KinerjaSignatureFields"
DOC_ID_INFO_KEY = "/KinerjaDocId"
DATA_SHA_INFO_KEY = "/KinerjaDataSHA256"
STATUS_INFO_KEY = "/KinerjaStatus"  # FINAL | KONSEP | BLANKO (see rendered.py)
DOCUMENTS_INFO_KEY = "/KinerjaDocuments"  # a combined print: the document ids it holds
FIELD_PREFIX = "ttd_"
ROLE_LABELS = {
    "pegawai": "Pegawai yang Dinilai",
    "penilai": "Pejabat Penilai Kinerja",
    "atasan": "Atasan Pejabat Penilai Kinerja",
    "pimpinan": "Pimpinan",
    "pengelola": "Pengelola Kepegawaian",
}
QR_PREFIX = "KINERJA-TTD"


class SigningProblem(KinerjaError):
    """Signing could not be done; the message says why, in Indonesian."""


def field_name_for(role: str) -> str:
    return f"{FIELD_PREFIX}{role}"


# --------------------------------------------------------------------------- identity


class _PreparedAttribute(CMSAttributeProvider):
    """A signed attribute whose value was encoded once: asn1crypto re-encodes a freshly built
    SigningCertificateV2 very slowly (~12 ms per signature), a parsed one costs nothing."""

    def __init__(self, attribute_type: str, value_class: Any, der: bytes) -> None:
        self.attribute_type = attribute_type
        self._value_class = value_class
        self._der = der

    async def build_attr_value(self, dry_run: bool = False) -> object:
        return self._value_class.load(self._der)


class _CachedCertIdSpec(SignedAttributeProviderSpec):
    def __init__(self, inner: SignedAttributeProviderSpec, cert_id: _PreparedAttribute) -> None:
        self._inner = inner
        self._cert_id = cert_id

    def signed_attr_providers(self, data_digest: bytes, digest_algorithm: str) -> Iterator[CMSAttributeProvider]:
        for provider in self._inner.signed_attr_providers(data_digest, digest_algorithm):
            if isinstance(provider, SigningCertificateV2Provider):
                yield self._cert_id
            else:
                yield provider


class _CachedKeySigner(signers.SimpleSigner):
    """SimpleSigner that keeps the parsed private key (pyHanko re-parses it for every signature)
    and the encoded signing-certificate attribute."""

    def __init__(self, key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey, **kwargs: object) -> None:
        super().__init__(signing_key=translate_pyca_cryptography_key_to_asn1(key), **kwargs)  # type: ignore[arg-type]
        self._pyca_key = key
        der = as_signing_certificate_v2(self.signing_cert).dump()
        self._cert_id = _PreparedAttribute("signing_certificate_v2", tsp.SigningCertificateV2, der)

    def _signed_attr_provider_spec(self, *args: object, **kwargs: object) -> SignedAttributeProviderSpec:
        inner = super()._signed_attr_provider_spec(*args, **kwargs)  # type: ignore[arg-type]
        return _CachedCertIdSpec(inner, self._cert_id)

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        hash_algo = get_pyca_cryptography_hash(digest_algorithm)
        key = self._pyca_key
        if mechanism == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPrivateKey):
            return key.sign(data, PKCS1v15(), hash_algo)
        if mechanism == "ecdsa" and isinstance(key, ec.EllipticCurvePrivateKey):
            return key.sign(data, ec.ECDSA(hash_algo))
        return super().sign_raw(data, digest_algorithm)


class SigningIdentity:
    """A person's key and certificate, loaded for one operation (kept in memory only)."""

    def __init__(self, bundle: Pkcs12Bundle) -> None:
        self.certificate = bundle.certificate
        self.chain = bundle.chain
        self.name = bundle.name
        self.nip = bundle.nip
        registry = SimpleCertificateStore()
        registry.register_multiple([translate_pyca_cryptography_cert_to_asn1(c) for c in bundle.chain])
        self.signer = _CachedKeySigner(
            bundle.key,
            signing_cert=translate_pyca_cryptography_cert_to_asn1(bundle.certificate),
            cert_registry=registry,
        )
        self._cert_bytes = len(self.certificate.public_bytes(Encoding.DER)) + sum(
            len(c.public_bytes(Encoding.DER)) for c in bundle.chain
        )

    @classmethod
    def from_pkcs12(cls, source: bytes | str | os.PathLike[str], passphrase: str | bytes | None) -> SigningIdentity:
        return cls(load_pkcs12(source, passphrase))

    def check(self, roots: Sequence[x509.Certificate] | None = None, *, now: dt.datetime | None = None) -> None:
        """Refuse (:class:`~.signer_check.CertificateRefused`) a certificate that is expired, may not sign
        documents, or does not chain to ``roots`` (default: this PC's trust store)."""
        from kinerja_desktop.documents.signer_check import check_signer_certificate

        check_signer_certificate(self.certificate, self.chain, roots, name=self.name, now=now)

    def reserve_bytes(self, with_timestamp: bool) -> int:
        """Room for the CMS (hex) without a dry-run signature."""
        size = 2 * (self._cert_bytes + 4096)
        if with_timestamp:
            size += 2 * 8192
        return size + (size % 2)

    def __repr__(self) -> str:
        return f"SigningIdentity(name={self.name!r}, nip={self.nip!r})"


# --------------------------------------------------------------------------- fields


@dataclass(frozen=True)
class FieldPlacement:
    """Where a signer signs: role, 0-based page, box (x1, y1, x2, y2) in points, printed name and NIP."""

    role: str
    page: int
    box: tuple[float, float, float, float]
    signer_name: str = ""
    signer_nip: str = ""
    copy: bool = False  # a second block of this signer that shows a copy of the stamp (stamp_copies.py)

    @property
    def field_name(self) -> str:
        return f"salinan_{field_name_for(self.role)}_p{self.page + 1}" if self.copy else field_name_for(self.role)


def _info_dict(reader: PdfFileReader) -> dict[str, object]:
    try:
        info = reader.trailer_view["/Info"]
    except KeyError:
        return {}
    return dict(info.items()) if hasattr(info, "items") else {}


def read_signature_fields(reader: PdfFileReader) -> list[FieldPlacement]:
    """The signature boxes the app wrote into the document info; [] when absent."""
    raw = _info_dict(reader).get(FIELD_INFO_KEY)
    if raw is None:
        return []
    try:
        items = json.loads(str(raw))
        return [
            FieldPlacement(
                role=str(item["role"]),
                page=int(item["page"]),
                box=tuple(float(v) for v in item["box"]),  # type: ignore[arg-type]
                signer_name=str(item.get("signer_name") or ""),
                signer_nip=str(item.get("signer_nip") or ""),
                copy=bool(item.get("copy", False)),
            )
            for item in items
        ]
    except (ValueError, KeyError, TypeError):
        raise SigningProblem("Data kolom tanda tangan dalam PDF rusak.", code="sign.fields_corrupt") from None


def _open_reader(pdf: bytes) -> PdfFileReader:
    try:
        return PdfFileReader(io.BytesIO(pdf), strict=False)
    except (PdfError, ValueError, IndexError, KeyError) as exc:
        raise SigningProblem(f"Berkas bukan PDF yang dapat dibaca: {exc}", code="sign.not_pdf") from None


def signature_state(pdf: bytes) -> dict[str, bool]:
    """For each ``ttd_*`` field (or placement): whether it is signed. Cheap; no validation."""
    reader = _open_reader(pdf)
    state = {p.role: False for p in read_signature_fields(reader) if not p.copy}
    for name, value, _ref in sig_fields.enumerate_sig_fields(reader):
        if name.startswith(FIELD_PREFIX):
            state[name[len(FIELD_PREFIX) :]] = value is not None
    return state


# --------------------------------------------------------------------------- timestamps


class UrllibTimeStamper(TimeStamper):
    """RFC 3161 client over the standard library (TLS verified with the system store)."""

    def __init__(self, url: str, timeout: float = 5.0, ssl_context: ssl.SSLContext | None = None) -> None:
        super().__init__()
        self.url = url
        self.timeout = timeout
        self.ssl_context = ssl_context

    async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
        def task() -> tsp.TimeStampResp:
            request = urllib.request.Request(self.url, data=req.dump(), headers=set_tsp_headers({}), method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout, context=self.ssl_context) as resp:
                    ctype = resp.headers.get("Content-Type", "")
                    body = resp.read()
            except (OSError, urllib.error.URLError) as exc:
                raise TimestampRequestError("Error in communication with timestamp server") from exc
            if ctype.split(";")[0].strip() != "application/timestamp-reply":
                raise TimestampRequestError("Timestamp server response is malformed.")
            return tsp.TimeStampResp.load(body)

        return await asyncio.to_thread(task)


# --------------------------------------------------------------------------- signing


@dataclass(frozen=True)
class SignOptions:
    """How to sign. ``timestamp_url`` set -> try PAdES B-T, fall back to B-B with a note."""

    timezone: str = "WIB"
    timestamp_url: str | None = None
    timestamp_timeout: float = 5.0
    location: str | None = None
    reason: str | None = None
    require_nip_match: bool = True


@dataclass
class SignResult:
    pdf: bytes
    role: str
    field_name: str
    signer_name: str
    signer_nip: str | None
    signed_at: dt.datetime
    level: str  # "B-B" or "B-T"
    qr_payload: str
    notes: list[str] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


def _qr_for(reader: PdfFileReader, pdf: bytes, role: str, nip: str | None, moment: dt.datetime) -> str:
    """The sheet's own QR text (``KINERJA:<doc id>:<data SHA-256>``) when it carries one; else a signer QR."""
    info = _info_dict(reader)
    doc_id, data_sha = info.get(DOC_ID_INFO_KEY), str(info.get(DATA_SHA_INFO_KEY) or "")
    if doc_id and len(data_sha) == 64 and ":" not in str(doc_id):
        return f"KINERJA:{str(doc_id).upper()}:{data_sha.upper()}"
    ref = str(doc_id) if doc_id else hashlib.sha256(pdf).hexdigest()[:16]
    return make_qr_payload(ref, role, nip, moment)


def _refuse_unsignable(reader: PdfFileReader) -> None:
    """A KONSEP sheet (record not approved/final) or a blank form is never signed electronically."""
    status = str(_info_dict(reader).get(STATUS_INFO_KEY) or "")
    if status == "KONSEP":
        raise SigningProblem(
            "Lembar ini masih KONSEP: datanya belum disetujui atau difinalkan pejabat penilai, sehingga "
            "belum dapat ditandatangani. Setujui SKP atau finalkan evaluasinya dahulu, lalu cetak ulang.",
            code="sign.draft",
        )
    if status == "BLANKO":
        raise SigningProblem(
            "Blanko diisi dan ditandatangani dengan tangan; tanda tangan elektronik pada formulir kosong "
            "tidak menyatakan apa pun. Isi datanya di aplikasi, lalu cetak dan tanda tangani lembarnya.",
            code="sign.blank_form",
        )


def _refuse_combined(reader: PdfFileReader) -> None:
    """A combined print (several people's sheets in one file) is for paper: say how to get signable ones."""
    raw = _info_dict(reader).get(DOCUMENTS_INFO_KEY)
    if raw is None:
        return
    try:
        count = len(json.loads(str(raw)))
    except (ValueError, TypeError):
        count = 0
    raise SigningProblem(
        f"Berkas ini cetakan gabungan ({count} dokumen) untuk kertas dan tidak dapat ditandatangani: "
        "tanda tangan elektronik berlaku untuk seluruh berkas, jadi setiap lembar harus berkas sendiri. "
        "Cetak satu pegawai (kinerja print ... --nip NIP --out lembar.pdf) atau cetak dengan --split "
        "(satu berkas per pegawai), lalu tanda tangani berkas itu.",
        code="sign.combined_file",
    )


def make_qr_payload(doc_ref: str, role: str, nip: str | None, signed_at: dt.datetime) -> str:
    """``KINERJA-TTD|<doc>|<role>|<nip>|<UTC time>``: checked by ``kinerja verify --qr``."""
    stamp = signed_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%MZ")
    return "|".join([QR_PREFIX, doc_ref, role, nip or "-", stamp])


def _int_box(box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    x1, y1, x2, y2 = (round(v) for v in box)
    return x1, y1, x2, y2


def _digits(text: str | None) -> str:
    return "".join(ch for ch in (text or "") if ch.isdigit())


def sign_pdf(
    pdf: bytes,
    identity: SigningIdentity,
    role: str,
    *,
    options: SignOptions | None = None,
    now: dt.datetime | None = None,
    timestamper: TimeStamper | None = None,
) -> SignResult:
    """Sign the ``role`` field of a sheet; returns the new PDF (an incremental update of ``pdf``)."""
    options = options or SignOptions()
    if role not in ROLE_LABELS:
        raise ValidationError(f"Peran penanda tangan tidak dikenal: {role}.", field="role")
    tz = resolve_timezone(options.timezone)
    reader = _open_reader(pdf)
    placements = read_signature_fields(reader)
    if not placements:
        _refuse_combined(reader)
        raise SigningProblem(
            "PDF ini tidak memuat kolom tanda tangan Kinerja (/KinerjaSignatureFields); "
            "cetak ulang lembarnya dari aplikasi.",
            code="sign.no_fields",
        )
    _refuse_unsignable(reader)
    placement = next((p for p in placements if p.role == role and not p.copy), None)
    if placement is None:
        roles = ", ".join(ROLE_LABELS.get(p.role, p.role) for p in placements if not p.copy)
        raise SigningProblem(
            f"Lembar ini tidak punya kolom tanda tangan untuk {ROLE_LABELS[role]} (yang ada: {roles}).",
            code="sign.no_field_for_role",
        )
    match = match_signer(placement.signer_name, placement.signer_nip, identity.name, identity.nip)
    if match.other and options.require_nip_match:
        printed = f"{placement.signer_name} (NIP {placement.signer_nip})" if placement.signer_nip else (
            f"{placement.signer_name} (tanpa NIP)")
        raise SigningProblem(
            f"Sertifikat milik {identity.name} (NIP {identity.nip or '-'}), sedangkan kolom "
            f"{ROLE_LABELS[role]} untuk {printed}. Bila Anda Plt./Plh. pejabat itu, tanda tangani dengan "
            "--allow-other-signer: tanda tangannya akan tercatat dan diperiksa sebagai Plt./Plh.",
            code="sign.nip_mismatch",
        )
    reason = options.reason or f"Ditandatangani sebagai {ROLE_LABELS[role]}"
    if match.other:  # an acting officer: said in the signature itself, shown so by verification
        reason = plt_reason(ROLE_LABELS[role], placement.signer_name, placement.signer_nip)
    existing = {name: value for name, value, _ref in sig_fields.enumerate_sig_fields(reader)}
    if existing.get(placement.field_name) is not None:
        raise SigningProblem(
            f"Kolom {ROLE_LABELS[role]} sudah ditandatangani.", code="sign.already_signed"
        )

    moment = (now or dt.datetime.now(dt.UTC)).astimezone(tz)
    qr_payload = _qr_for(reader, pdf, role, identity.nip, moment)
    notes: list[str] = []
    if timestamper is None and options.timestamp_url:
        timestamper = UrllibTimeStamper(options.timestamp_url, timeout=options.timestamp_timeout)

    stamp_params = {
        "nama": identity.name,
        "nip": identity.nip or "-",
        "waktu": format_stamp_time(moment, tz),
        "url": qr_payload,
    }

    def attempt(ts: TimeStamper | None) -> bytes:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        for other in placements:
            if not other.copy and other.field_name not in existing:
                sig_fields.append_signature_field(
                    writer,
                    sig_fields.SigFieldSpec(
                        other.field_name, on_page=other.page, box=_int_box(other.box)
                    ),
                )
                existing[other.field_name] = None
        add_copy_fields(writer, placements)  # with the first signature; later ones find them made
        fill_copies(writer, placements, role, stamp_params)
        meta = signers.PdfSignatureMetadata(
            field_name=placement.field_name,
            md_algorithm="sha256",
            subfilter=sig_fields.SigSeedSubFilter.PADES,
            name=identity.name,
            reason=reason,
            location=options.location,
        )
        pdf_signer = signers.PdfSigner(meta, identity.signer, timestamper=ts, stamp_style=stamp_style())
        out = pdf_signer.sign_pdf(
            writer,
            existing_fields_only=True,
            bytes_reserved=identity.reserve_bytes(ts is not None),
            appearance_text_params=dict(stamp_params),
        )
        return bytes(out.getbuffer())

    snapshot = dict(existing)
    level = "B-B"
    try:
        if timestamper is not None:
            try:
                signed = attempt(timestamper)
                level = "B-T"
            except (TimestampRequestError, OSError) as exc:
                log.info("timestamp server unreachable: %s", exc)
                existing.clear()
                existing.update(snapshot)
                notes.append(
                    "Server cap waktu tidak dapat dihubungi; ditandatangani tanpa cap waktu (PAdES B-B)."
                )
                signed = attempt(None)
        else:
            signed = attempt(None)
    except SigningError as exc:
        raise SigningProblem(f"Penandatanganan gagal: {exc}", code="sign.failed") from None
    except CertificateError:
        raise
    if match.other:
        notes.append(f"Ditandatangani sebagai {PLT_MARK} untuk {placement.signer_name}.")
    return SignResult(
        pdf=signed,
        role=role,
        field_name=placement.field_name,
        signer_name=identity.name,
        signer_nip=identity.nip,
        signed_at=moment,
        level=level,
        qr_payload=qr_payload,
        notes=notes,
    )


@dataclass(frozen=True)
class CertifiedSheet:
    """A sheet made ready for a certified (TTE) signature of ``role`` by the instansi's server.

    ``pdf`` extends the stored file with one revision that fills ``role``'s Lampiran copy blocks;
    the server's visible signature goes into ``box`` on ``page`` with the same stamp (``stamp_params``).
    """

    pdf: bytes
    page: int
    box: tuple[float, float, float, float]
    stamp_params: dict[str, str]


def prepare_certified(
    pdf: bytes, role: str, *, name: str, nip: str | None, now: dt.datetime | None = None, timezone: str | None = None
) -> CertifiedSheet | None:
    """Ready a sheet for ``role``'s certified signature; None when ``role`` already signed it here.

    Offline signing draws the stamp in the signer's block and copies it into their Lampiran block
    in the revision the signature covers (stamp_copies.py). The server only adds its signature, so
    the copies are filled here, in the revision just before it, which that signature covers; the
    server is then asked for a visible signature in the signer's own block. When the role signed
    locally first, its block and copies already carry the stamp and nothing is added.
    """
    if role not in ROLE_LABELS:
        raise ValidationError(f"Peran penanda tangan tidak dikenal: {role}.", field="role")
    reader = _open_reader(pdf)
    placements = read_signature_fields(reader)
    placement = next((p for p in placements if p.role == role and not p.copy), None)
    if placement is None:
        _refuse_combined(reader)
        raise SigningProblem(
            f"Lembar ini tidak punya kolom tanda tangan untuk {ROLE_LABELS[role]}.", code="sign.no_field_for_role"
        )
    _refuse_unsignable(reader)
    existing = {field: value for field, value, _ref in sig_fields.enumerate_sig_fields(reader)}
    if existing.get(placement.field_name) is not None:
        return None
    tz = resolve_timezone(timezone)
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(tz)
    params = {
        "nama": name,
        "nip": nip or "-",
        "waktu": format_stamp_time(moment, tz),
        "url": _qr_for(reader, pdf, role, nip, moment),
    }
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    add_copy_fields(writer, placements)
    if fill_copies(writer, placements, role, params):
        out = io.BytesIO()
        writer.write(out)
        pdf = out.getvalue()
    return CertifiedSheet(pdf=pdf, page=placement.page, box=placement.box, stamp_params=params)


@dataclass
class BatchItem:
    key: str
    pdf: bytes


@dataclass
class BatchOutcome:
    key: str
    result: SignResult | None
    error: str | None


def sign_batch(
    items: Iterable[BatchItem],
    identity: SigningIdentity,
    role: str,
    *,
    total: int | None = None,
    options: SignOptions | None = None,
    progress: Callable[[int, int | None, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[BatchOutcome]:
    """Sign many sheets with one loaded key; yields one outcome per item (errors do not stop the batch)."""
    for done, item in enumerate(items, start=1):
        if cancelled is not None and cancelled():
            return
        try:
            outcome = BatchOutcome(item.key, sign_pdf(item.pdf, identity, role, options=options), None)
        except KinerjaError as exc:
            outcome = BatchOutcome(item.key, None, str(exc))
        if progress is not None:
            progress(done, total, item.key)
        yield outcome
