"""Verify the signatures of a PDF: who signed, when, intact, trusted, changed afterwards.

pyHanko's ``bottom_line`` lets an update that only touches ``/Info`` and junk after
``%%EOF`` through (FIELD-NOTES), so the last signature must also cover the entire
file; a cut file is caught by a ``/ByteRange`` reaching past its end; a corrupted
signer certificate makes pyHanko raise, which is reported as an invalid signature.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields as sig_fields
from pyhanko.sign.ades.report import AdESIndeterminate
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from kinerja_desktop.documents.long_term import has_long_term_data, past_validation
from kinerja_desktop.documents.signature_stamp import format_stamp_time, resolve_timezone
from kinerja_desktop.documents.signer_match import PLT_MARK, match_signer
from kinerja_desktop.documents.signing import FIELD_INFO_KEY, FIELD_PREFIX, ROLE_LABELS

__all__ = ["SignatureCheck", "VerificationReport", "verify_pdf"]

# Reason codes (stable, for JSON and tests) and their Indonesian wording.
REASONS = {
    "not_pdf": "Berkas bukan PDF yang dapat dibaca.",
    "no_signatures": "Dokumen tidak memiliki tanda tangan elektronik.",
    "truncated": "Berkas terpotong atau tidak lengkap.",
    "resaved": (
        "Berkas telah disimpan ulang oleh program lain setelah ditandatangani: susunan isinya berubah sehingga "
        "tanda tangan tidak lagi cocok. Gunakan berkas asli yang ditandatangani."
    ),
    "trailing_bytes": "Ada data tambahan setelah akhir berkas yang ditandatangani.",
    "updated_after_signing": (
        "Dokumen telah diubah setelah ditandatangani (ada pembaruan setelah tanda tangan terakhir)."
    ),
    "modified_after_signing": "Dokumen telah diubah setelah ditandatangani (perubahan isi yang tidak diizinkan).",
    "bytes_changed": "Isi dokumen tidak cocok dengan tanda tangan: ada bagian yang diubah.",
    "signature_invalid": "Tanda tangan tidak sah secara kriptografis.",
    "certificate_corrupt": "Sertifikat penanda tangan rusak atau tidak dapat dibaca.",
    "signature_unreadable": "Data tanda tangan rusak atau tidak dapat dibaca.",
    "untrusted": "Sertifikat tidak diterbitkan oleh CA yang dipercaya.",
    "expired": "Sertifikat penanda tangan sudah kedaluwarsa.",
    "not_yet_valid": "Sertifikat penanda tangan belum berlaku.",
    "revoked": "Sertifikat penanda tangan telah dicabut.",
    "key_usage": "Sertifikat tidak diizinkan untuk tanda tangan dokumen.",
    "certificate_problem": "Rantai sertifikat tidak dapat divalidasi.",
    "timestamp_invalid": "Cap waktu (timestamp) tidak sah atau tidak dipercaya.",
    "signer_mismatch": (
        "Penanda tangan bukan pejabat yang tercantum pada lembar di kolom ini, dan tanda tangannya tidak "
        "menyatakan Plt./Plh."
    ),
}
_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")
# pyHanko logs every failed path validation with a traceback; the report says it plainly.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())
logging.getLogger("pyhanko.sign.validation.generic_cms").setLevel(logging.CRITICAL)
_KEY_USAGE = KeyUsageConstraints(key_usage={"non_repudiation", "digital_signature"}, match_all_key_usages=False)


@dataclass
class SignatureCheck:
    """One signature's verdict; ``problems`` holds reason codes (see ``REASONS``)."""

    field_name: str
    role: str | None = None
    signer_name: str | None = None
    signer_nip: str | None = None
    signer_subject: str | None = None
    issuer: str | None = None
    signed_at: dt.datetime | None = None
    timestamp: dt.datetime | None = None
    level: str = "B-B"
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    coverage: str | None = None
    modification: str | None = None
    changed_after: bool = False
    sheet_name: str | None = None  # the officer the sheet prints in this box
    sheet_nip: str | None = None
    signer_match: str | None = None  # sesuai | lain | tidak_ada (see signer_match.py)
    matched_by: str | None = None  # nip | nama
    acting: bool = False  # signed as Plt./Plh. for the printed officer
    long_term_at: dt.datetime | None = None  # valid at this document timestamp, though its certificate expired since
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def messages(self) -> list[str]:
        return [REASONS[c] for c in self.problems]

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        for key in ("signed_at", "timestamp", "long_term_at"):
            value = getattr(self, key)
            data[key] = value.isoformat() if value else None
        data["ok"] = self.ok
        data["messages"] = self.messages()
        return data


@dataclass
class VerificationReport:
    """All signatures of a file plus file-level problems. ``ok`` only if everything holds."""

    sha256: str
    size: int
    signatures: list[SignatureCheck] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    timezone: str = "WIB"

    @property
    def ok(self) -> bool:
        return bool(self.signatures) and not self.problems and all(s.ok for s in self.signatures)

    @property
    def changed_after_signing(self) -> bool:
        codes = set(self.problems) | {c for s in self.signatures for c in s.problems}
        changes = {"updated_after_signing", "modified_after_signing", "trailing_bytes", "bytes_changed", "resaved"}
        return bool(codes & changes)

    def format_time(self, moment: dt.datetime | None) -> str:
        return format_stamp_time(moment, resolve_timezone(self.timezone)) if moment else "waktu tidak diketahui"

    def summary_lines(self) -> list[str]:
        """Plain Indonesian sentences for people (CLI and GUI)."""
        lines: list[str] = []
        signers = [s for s in self.signatures if s.role != "cap_waktu"]
        if self.ok and signers:
            last = signers[-1]
            names = ", ".join(f"{s.signer_name} (NIP {s.signer_nip or '-'}){' sebagai Plt./Plh.' if s.acting else ''}"
                              for s in signers)
            when = self.format_time(last.signed_at)
            lines.append(f"Dokumen utuh, ditandatangani oleh {names}; terakhir pada {when}.")
        elif self.changed_after_signing:
            lines.append("Dokumen telah diubah setelah ditandatangani.")
        elif self.signatures:
            lines.append("Tanda tangan dokumen TIDAK sah.")
        lines.extend(REASONS[c] for c in self.problems)
        for idx, sig in enumerate(self.signatures, start=1):
            role = ROLE_LABELS.get(sig.role or "", "Cap waktu dokumen" if sig.role == "cap_waktu" else sig.field_name)
            verdict = ("sah sebagai Plt./Plh." if sig.acting else "sah") if sig.ok else "TIDAK sah"
            if sig.ok and sig.long_term_at is not None:
                verdict += " (dibuktikan cap waktu dokumen)"
            lines.append(
                f"{idx}. {role}: {sig.signer_name or '?'} (NIP {sig.signer_nip or '-'}), "
                f"{self.format_time(sig.signed_at)} [{sig.level}] — {verdict}"
            )
            lines.extend(f"   - {line}" for line in _officer_lines(sig))
            lines.extend(f"   - {m}" for m in sig.messages())
            lines.extend(f"   - {n}" for n in sig.notes)
        return lines

    def to_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "sha256": self.sha256,
            "size": self.size,
            "changed_after_signing": self.changed_after_signing,
            "problems": self.problems,
            "messages": [REASONS[c] for c in self.problems],
            "summary": self.summary_lines(),
            "signatures": [s.to_dict() for s in self.signatures],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _officer_lines(sig: SignatureCheck) -> list[str]:
    """Who signed against who the sheet names in that box."""
    if sig.signer_match is None or sig.role == "cap_waktu":
        return []
    if sig.signer_match == "tidak_ada":
        return ["Lembar tidak mencantumkan nama pejabat di kolom ini."]
    printed = f"{sig.sheet_name} (NIP {sig.sheet_nip})" if sig.sheet_nip else f"{sig.sheet_name} (tanpa NIP)"
    by = "NIP" if sig.matched_by == "nip" else "nama"
    if sig.signer_match == "sesuai":
        return [f"Lembar menyebut {printed}: sesuai dengan pemilik sertifikat (menurut {by})."]
    if sig.acting:
        return [f"Lembar menyebut {printed}; ditandatangani oleh {sig.signer_name} sebagai Plt./Plh."]
    return [f"Lembar menyebut {printed}; yang menandatangani orang lain ({sig.signer_name})."]


def _placement_at(emb: EmbeddedPdfSignature, role: str | None) -> tuple[str, str] | None:
    """(name, NIP) printed in ``role``'s box, from the document info as it was when this signature was made."""
    try:
        raw = _info_of(emb.reader.get_historical_resolver(emb.signed_revision)).get(FIELD_INFO_KEY)
        items = json.loads(raw) if raw else []
    except (ValueError, TypeError, KeyError, PdfError):
        return None
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.get("role") == role:
            return str(item.get("signer_name") or ""), str(item.get("signer_nip") or "")
    return None


def _match_officer(emb: EmbeddedPdfSignature, check: SignatureCheck) -> None:
    placed = _placement_at(emb, check.role)
    if placed is None:
        return
    check.sheet_name, check.sheet_nip = placed
    found = match_signer(placed[0], placed[1], check.signer_name, check.signer_nip)
    check.signer_match, check.matched_by = found.status, found.by or None
    if found.other:
        try:
            reason = str(emb.sig_object.get("/Reason") or "")
        except (KeyError, PdfError):
            reason = ""
        check.acting = PLT_MARK in reason
        if not check.acting:
            check.problems.append("signer_mismatch")


def _to_asn1(cert: x509.Certificate | asn1_x509.Certificate) -> asn1_x509.Certificate:
    if isinstance(cert, asn1_x509.Certificate):
        return cert
    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


def _file_level_problems(data: bytes) -> list[str]:
    problems: list[str] = []
    tail = data.rstrip(b"\r\n\t \x00")
    for match in _BYTE_RANGE.finditer(data):
        len1, start2, len2 = int(match.group(2)), int(match.group(3)), int(match.group(4))
        if start2 + len2 > len(data) or not _hole_in_place(data, len1, start2):
            # A cut file still has the signature's hole where its /ByteRange says; a file rewritten
            # by another program (a viewer's "Save as", pypdf) has its objects elsewhere.
            cut = _hole_in_place(data, len1, start2) or not tail.endswith(b"%%EOF")
            return ["truncated" if cut else "resaved"]
    if not tail.endswith(b"%%EOF"):
        eof = data.rfind(b"%%EOF")
        junk = data[eof + 5 :] if eof >= 0 else data
        problems.append("truncated" if (eof < 0 or b" obj" in junk or b"xref" in junk) else "trailing_bytes")
    return problems


def _hole_in_place(data: bytes, len1: int, start2: int) -> bool:
    """Whether the signature's /Contents hex string sits between the two signed byte ranges."""
    return data[len1:len1 + 1] == b"<" and 0 < start2 <= len(data) and data[start2 - 1:start2] == b">"


def _collect(reader: PdfFileReader) -> tuple[list[EmbeddedPdfSignature], list[SignatureCheck]]:
    """Embedded signatures; those pyHanko cannot even parse become failed checks."""
    good: list[EmbeddedPdfSignature] = []
    broken: list[SignatureCheck] = []
    for name, value, ref in sig_fields.enumerate_sig_fields(reader, filled_status=True):
        try:
            good.append(EmbeddedPdfSignature(reader, ref, name))
        except Exception:  # any parse failure of the CMS means an unreadable signature
            check = SignatureCheck(field_name=name, role=_role(name))
            check.problems.append("signature_unreadable")
            broken.append(check)
        del value
    good.sort(key=lambda s: int(s.byte_range[2]) + int(s.byte_range[3]))
    return good, broken


def _role(field_name: str) -> str | None:
    return field_name[len(FIELD_PREFIX) :] if field_name.startswith(FIELD_PREFIX) else None


def _signer_details(check: SignatureCheck, cert: asn1_x509.Certificate) -> None:
    subject = cert.subject.native
    check.signer_name = subject.get("common_name")
    check.signer_nip = subject.get("serial_number")
    check.signer_subject = cert.subject.human_friendly
    check.issuer = cert.issuer.human_friendly


_TRUST_CODES = {
    AdESIndeterminate.OUT_OF_BOUNDS_NO_POE: "expired",
    AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED: "expired",
    AdESIndeterminate.NOT_YET_VALID: "not_yet_valid",
    AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND: "untrusted",
    AdESIndeterminate.REVOKED_NO_POE: "revoked",
    AdESIndeterminate.REVOKED_CA_NO_POE: "revoked",
    AdESIndeterminate.CHAIN_CONSTRAINTS_FAILURE: "key_usage",
}


def _trust_code(status: PdfSignatureStatus) -> str:
    if status.revoked:
        return "revoked"
    indic = status.trust_problem_indic
    if indic is None and status.validation_path is None:
        return "untrusted"
    code = _TRUST_CODES.get(indic) if isinstance(indic, AdESIndeterminate) else None
    return code or "certificate_problem"


def _expired_at(cert: asn1_x509.Certificate, moment: dt.datetime) -> str | None:
    validity = cert["tbs_certificate"]["validity"]
    if moment > validity["not_after"].native:
        return "expired"
    if moment < validity["not_before"].native:
        return "not_yet_valid"
    return None


# Entries a PDF tool rewrites on every incremental save (pyHanko, iText): not content.
_TOOL_INFO_KEYS = frozenset({"/ModDate", "/Producer"})


def _info_of(resolver: Any) -> dict[str, str]:
    """The document info as text, resolved inside ``resolver``'s revision."""
    try:
        ref = resolver.trailer_view.raw_get("/Info")
    except KeyError:
        return {}
    info = resolver.get_object(ref.reference) if hasattr(ref, "reference") else ref
    if not hasattr(info, "items"):
        return {}
    return {str(k): str(info.raw_get(k)) for k in info.keys() if str(k) not in _TOOL_INFO_KEYS}


def _info_changed(reader: PdfFileReader, revision: int) -> bool:
    """Whether the document info (title, author, the sheet's ids) differs from the signed revision."""
    return _info_of(reader.get_historical_resolver(revision)) != _info_of(reader)


def _later_update_problem(emb: EmbeddedPdfSignature, check: SignatureCheck, level: Any, revisions: int) -> None:
    """The last signature does not cover the whole file: what came after it?"""
    if emb.signed_revision >= revisions - 1:
        check.problems.append("trailing_bytes")
        check.changed_after = True
    elif level == ModificationLevel.LTA_UPDATES and not _info_changed(emb.reader, emb.signed_revision):
        # Only validation data (DSS) or document timestamps were added, as a PAdES B-LT/B-LTA
        # process (e.g. the instansi's signing server) does: not a change of the document.
        check.notes.append("Data validasi jangka panjang (LTV) atau cap waktu dokumen ditambahkan setelahnya.")
    else:
        check.problems.append("updated_after_signing")
        check.changed_after = True


def _check_timestamp(emb: EmbeddedPdfSignature, vc: ValidationContext) -> SignatureCheck:
    check = SignatureCheck(field_name=emb.field_name, role="cap_waktu", level="DocTimeStamp")
    try:
        status = validate_pdf_timestamp(emb, validation_context=vc)
    except Exception:
        check.problems.append("timestamp_invalid")
        return check
    check.signer_name = status.signing_cert.subject.native.get("common_name")
    check.signed_at = check.timestamp = status.timestamp
    check.intact, check.valid, check.trusted = status.intact, status.valid, status.trusted
    check.coverage = status.coverage.name if status.coverage else None
    if not (status.intact and status.valid and status.trusted):
        check.problems.append("timestamp_invalid")
    return check


def _long_term(emb: EmbeddedPdfSignature, check: SignatureCheck, roots: list[asn1_x509.Certificate],
               moment: dt.datetime) -> None:
    """An expired (or otherwise no longer valid) certificate: does a later document timestamp prove the
    signature was valid when it was made (PAdES B-LTA, see long_term.py)?"""
    if not has_long_term_data(emb):
        if "expired" in check.problems:
            check.notes.append(
                "Tanda tangan ini tidak diberi validasi jangka panjang (cap waktu dokumen, PAdES B-LTA), sehingga "
                "setelah sertifikat kedaluwarsa tidak dapat lagi dibuktikan bahwa tanda tangan dibuat ketika "
                "sertifikat masih berlaku."
            )
        return
    check.level = "B-LTA" if check.level == "B-T" else "B-B+LTA"
    if not {"expired", "certificate_problem"} & set(check.problems):
        return
    proof = past_validation(emb, roots, moment)
    if proof is None:
        return
    check.problems = [c for c in check.problems if c not in ("expired", "certificate_problem")]
    check.trusted = True
    check.long_term_at = proof.at
    when = format_stamp_time(proof.at, resolve_timezone("WIB"))
    check.notes.append(
        f"Sertifikat penanda tangan kini sudah kedaluwarsa, tetapi cap waktu dokumen {when} (oleh {proof.tsa or '?'}) "
        "membuktikan tanda tangan ini sudah ada dan sah ketika sertifikat masih berlaku (validasi jangka panjang)."
    )


def _check_one(
    emb: EmbeddedPdfSignature, vc: ValidationContext, is_last: bool, revisions: int, moment: dt.datetime,
    roots: list[asn1_x509.Certificate] | None = None,
) -> SignatureCheck:
    if emb.sig_object_type == "/DocTimeStamp":
        return _check_timestamp(emb, vc)
    check = SignatureCheck(field_name=emb.field_name, role=_role(emb.field_name))
    try:
        cert = emb.signer_cert
        _signer_details(check, cert)
    except Exception:
        check.problems.append("certificate_corrupt")
        return check
    _match_officer(emb, check)
    try:
        status = validate_pdf_signature(emb, signer_validation_context=vc, key_usage_settings=_KEY_USAGE)
    except SignatureValidationError:
        check.problems.append("certificate_corrupt")
        return check
    except Exception:  # malformed CMS content pyHanko trips over
        check.problems.append("signature_unreadable")
        return check
    check.intact, check.valid, check.trusted = status.intact, status.valid, status.trusted
    check.signed_at = status.signer_reported_dt
    ts = status.timestamp_validity
    if ts is not None:
        check.level = "B-T"
        check.timestamp = ts.timestamp
        if not (ts.intact and ts.valid and ts.trusted):
            check.problems.append("timestamp_invalid")
    check.coverage = status.coverage.name if status.coverage else None
    level = status.modification_level
    check.modification = level.name if level is not None else None
    if not status.intact:
        check.problems.append("bytes_changed")
    elif not status.valid:
        check.problems.append("signature_invalid")
    elif not status.trusted:
        code = _trust_code(status)
        if code == "certificate_problem":
            code = _expired_at(cert, moment) or code
        check.problems.append(code)
    if status.intact and status.valid:
        illegal = (level is not None and level > ModificationLevel.FORM_FILLING) or status.docmdp_ok is False
        if illegal:
            check.problems.append("modified_after_signing")
            check.changed_after = True
        elif is_last and status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
            _later_update_problem(emb, check, level, revisions)
        _long_term(emb, check, roots or [], moment)
    return check


def verify_pdf(
    data: bytes,
    trust_roots: Iterable[x509.Certificate | asn1_x509.Certificate] = (),
    *,
    now: dt.datetime | None = None,
    timezone: str = "WIB",
) -> VerificationReport:
    """Verify every signature of ``data`` against ``trust_roots`` (no network access)."""
    report = VerificationReport(sha256=hashlib.sha256(data).hexdigest(), size=len(data), timezone=timezone)
    report.problems.extend(_file_level_problems(data))
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded, broken = _collect(reader)
        revisions = reader.xrefs.total_revisions
    except (PdfError, ValueError, KeyError, IndexError, TypeError):
        if "truncated" not in report.problems:
            report.problems.append("not_pdf")
        return report
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    roots = [_to_asn1(c) for c in trust_roots]
    vc = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail", moment=moment)
    for idx, emb in enumerate(embedded):
        report.signatures.append(_check_one(emb, vc, idx == len(embedded) - 1, revisions, moment, roots))
    report.signatures.extend(broken)
    if not report.signatures and "no_signatures" not in report.problems:
        report.problems.append("no_signatures")
    if "trailing_bytes" in report.problems:
        for sig in report.signatures:  # the same finding, said once at file level
            if "trailing_bytes" in sig.problems:
                sig.problems.remove("trailing_bytes")
    return report
