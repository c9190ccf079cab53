"""Signatures that stay verifiable after their certificates expire (PAdES B-LT / B-LTA).

Offline signatures are PAdES B-B (or B-T when a timestamp server answered at signing). An office
certificate lives three years; after that a plain check says "kedaluwarsa". When a timestamp
server is reachable (on demand, or when a PC syncs), :func:`extend_long_term` adds, in
incremental updates that leave every signature intact:

1. validation data in the document security store (DSS): every signer's certificate chain and
   whatever revocation data the validation context has (an office CA publishes none; a BSrE
   certificate's OCSP/CRL when ``allow_fetching`` is on) -> **B-LT** for B-T signatures;
2. a document timestamp over the whole file (and its TSA's chain in the DSS) -> **B-LTA**.

The document timestamp proves the signatures existed at its time. :func:`past_validation`
(used by ``verify``) re-checks a signature whose certificate has since expired at that moment,
with the certificates stored in the DSS: if it was valid then, it is still valid evidence now.
Only files whose signatures verify today are extended, so an invalid signature is never dressed up.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.validation import add_validation_info, validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext

from kinerja_desktop.domain.errors import KinerjaError

__all__ = [
    "LongTermProblem",
    "LongTermResult",
    "PastValidity",
    "extend_long_term",
    "has_long_term_data",
    "past_validation",
]

_KEY_USAGE = KeyUsageConstraints(key_usage={"non_repudiation", "digital_signature"}, match_all_key_usages=False)
_TS_RESERVE = 2 * 12288  # hex room for the document timestamp token (TSA chain included)


class LongTermProblem(KinerjaError):
    """The file could not be made long-term verifiable; the message says why, in Indonesian."""


@dataclass
class LongTermResult:
    pdf: bytes
    level: str  # "B-LTA" (every signature timestamped) or "B-B+LTA" (some only proven by the document timestamp)
    timestamp: dt.datetime
    signatures: int
    notes: list[str] = field(default_factory=list)


def _asn1(cert: x509.Certificate | asn1_x509.Certificate) -> asn1_x509.Certificate:
    if isinstance(cert, asn1_x509.Certificate):
        return cert
    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


def _context(roots: Sequence[asn1_x509.Certificate], *, allow_fetching: bool, moment: dt.datetime | None = None,
             other_certs: Iterable[asn1_x509.Certificate] = ()) -> ValidationContext:
    return ValidationContext(
        trust_roots=list(roots), other_certs=list(other_certs), allow_fetching=allow_fetching,
        revocation_mode="soft-fail", moment=moment,
    )


def _signatures(reader: PdfFileReader) -> list[EmbeddedPdfSignature]:
    return list(reader.embedded_regular_signatures)


def extend_long_term(
    pdf: bytes,
    timestamper: TimeStamper,
    trust_roots: Iterable[x509.Certificate | asn1_x509.Certificate],
    *,
    allow_fetching: bool = False,
) -> LongTermResult:
    """Add validation data (DSS) for every signature and a document timestamp (see the module text)."""
    from kinerja_desktop.documents.verification import verify_pdf

    roots = [_asn1(c) for c in trust_roots]
    report = verify_pdf(pdf, roots)
    if not report.ok:
        reasons = "; ".join(report.summary_lines()[:3])
        raise LongTermProblem(
            f"Hanya dokumen yang tanda tangannya sah hari ini yang dapat diberi validasi jangka panjang: {reasons}",
            code="ltv.not_valid",
        )
    data = pdf
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    sigs = _signatures(reader)
    for index in range(len(sigs)):
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        emb = _signatures(reader)[index]
        out = add_validation_info(emb, _context(roots, allow_fetching=allow_fetching), add_vri_entry=False)
        data = out.getvalue()
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    try:
        stamped = signers.PdfTimeStamper(timestamper).timestamp_pdf(
            writer, "sha256", validation_context=_context(roots, allow_fetching=allow_fetching),
            bytes_reserved=_TS_RESERVE,
        )
    except (TimestampRequestError, OSError) as exc:
        raise LongTermProblem(
            f"Server cap waktu tidak dapat dihubungi ({exc}); dokumen tidak diubah.", code="ltv.tsa_unreachable"
        ) from None
    result = stamped.getvalue()
    final = PdfFileReader(io.BytesIO(result), strict=False)
    doc_ts = final.embedded_timestamp_signatures[-1]
    moment = doc_ts.self_reported_timestamp or dt.datetime.now(dt.UTC)
    timestamped = all(s.level.startswith("B-T") for s in report.signatures if s.role != "cap_waktu")
    notes = []
    if not timestamped:
        notes.append(
            "Sebagian tanda tangan dibuat tanpa cap waktu (PAdES B-B): cap waktu dokumen ini membuktikan tanda "
            "tangan itu sudah ada pada waktunya, sehingga tetap dapat diperiksa setelah sertifikatnya kedaluwarsa."
        )
    return LongTermResult(
        pdf=result, level="B-LTA" if timestamped else "B-B+LTA", timestamp=moment, signatures=len(sigs),
        notes=notes,
    )


@dataclass(frozen=True)
class PastValidity:
    """A signature shown valid at ``at`` by the document timestamp made then."""

    at: dt.datetime
    tsa: str | None


def _dss_certs(reader: PdfFileReader) -> list[asn1_x509.Certificate]:
    """The certificates stored in the document security store (none when there is no DSS)."""
    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except Exception:  # no DSS, or one pyHanko cannot read: nothing to add
        return []
    return [asn1_x509.Certificate.load(ref.get_object().data) for ref in dss.certs.values()]


def has_long_term_data(emb: EmbeddedPdfSignature) -> bool:
    """A document timestamp after this signature and a DSS: the file was extended for the long term."""
    reader = emb.reader
    try:
        reader.root["/DSS"]
    except KeyError:
        return False
    return any(ts.signed_revision > emb.signed_revision for ts in reader.embedded_timestamp_signatures)


def past_validation(
    emb: EmbeddedPdfSignature, roots: Sequence[asn1_x509.Certificate], now: dt.datetime
) -> PastValidity | None:
    """Whether a document timestamp made after ``emb`` (valid and trusted ``now``) shows that ``emb``
    was a valid, trusted signature at the timestamp's time; None when no such proof is in the file."""
    reader = emb.reader
    extra = _dss_certs(reader)
    for ts in reader.embedded_timestamp_signatures:
        if ts.signed_revision <= emb.signed_revision:
            continue
        try:
            ts_status = validate_pdf_timestamp(ts, validation_context=_context(roots, allow_fetching=False,
                                                                               moment=now, other_certs=extra))
        except Exception:  # a broken timestamp proves nothing
            continue
        if not (ts_status.intact and ts_status.valid and ts_status.trusted):
            continue
        at = ts_status.timestamp
        try:
            status = validate_pdf_signature(
                emb, signer_validation_context=_context(roots, allow_fetching=False, moment=at, other_certs=extra),
                key_usage_settings=_KEY_USAGE,
            )
        except Exception:
            return None
        if status.intact and status.valid and status.trusted:
            return PastValidity(at=at, tsa=ts_status.signing_cert.subject.native.get("common_name"))
        return None
    return None
