"""Is this certificate fit to sign with, here and now? Checked before anything is signed or frozen.

A signature made with an expired certificate, one that does not chain to this PC's trusted CAs,
or one not allowed to sign documents would be stored and would freeze the record, and
``kinerja verify`` would then call it "TIDAK sah". So every route (``kinerja sign FILE``, the
database mode, a penilai's batch, the GUI) refuses such a certificate first, with a sentence that
says what to do. The path validation is pyHanko's, as in :mod:`.verification`, with the same
trust store (``<data dir>/pki/trust``, ``kinerja certs trust add``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Coroutine, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import PathBuildingError, RevokedError
from pyhanko_certvalidator.errors import ValidationError as PathProblem

from kinerja_desktop.documents.certs import CertificateError

__all__ = ["CertificateRefused", "check_signer_certificate", "trusted_roots"]


class CertificateRefused(CertificateError):
    """The certificate may not be used to sign now; the message says why and what to do."""


def trusted_roots() -> list[x509.Certificate]:
    """This PC's trusted CAs (the same list ``kinerja verify`` uses)."""
    from kinerja_desktop.documents.certs import default_pki

    return default_pki().trust.certificates()


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


def _run(coro: Coroutine[Any, Any, Any]) -> Any:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with ThreadPoolExecutor(1) as pool:  # called from inside an event loop: validate on another thread
        return pool.submit(asyncio.run, coro).result()


def check_signer_certificate(
    certificate: x509.Certificate,
    chain: Iterable[x509.Certificate] = (),
    roots: Iterable[x509.Certificate] | None = None,
    *,
    name: str = "",
    now: dt.datetime | None = None,
) -> None:
    """Raise :class:`CertificateRefused` unless ``certificate`` is valid now, may sign documents and
    chains to one of ``roots`` (default: this PC's trust store)."""
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    who = f" {name}" if name else ""
    if moment > certificate.not_valid_after_utc:
        raise CertificateRefused(
            f"Sertifikat{who} sudah kedaluwarsa sejak {certificate.not_valid_after_utc:%d-%m-%Y}; "
            "tanda tangan dengan sertifikat ini tidak sah. Minta sertifikat baru kepada admin "
            "(kinerja certs issue) atau penerbitnya, lalu tanda tangani lagi.",
            code="sign.cert_expired",
        )
    if moment < certificate.not_valid_before_utc:
        raise CertificateRefused(
            f"Sertifikat{who} belum berlaku (mulai {certificate.not_valid_before_utc:%d-%m-%Y}); "
            "periksa tanggal dan jam komputer ini.",
            code="sign.cert_not_yet_valid",
        )
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None  # no restriction (RFC 5280)
    if usage is not None and not (usage.digital_signature or usage.content_commitment):
        raise CertificateRefused(
            f"Sertifikat{who} tidak diizinkan untuk tanda tangan dokumen (key usage tanpa digitalSignature); "
            "gunakan sertifikat tanda tangan.",
            code="sign.cert_key_usage",
        )
    trust = list(trusted_roots() if roots is None else roots)
    untrusted = CertificateRefused(
        f"Sertifikat{who} tidak diterbitkan oleh CA yang dipercaya komputer ini, sehingga tanda tangannya "
        "tidak akan sah. Gunakan sertifikat dari CA kantor, atau minta admin menambahkan CA penerbitnya "
        "(kinerja certs trust add CA.pem).",
        code="sign.cert_untrusted",
    )
    if not trust:
        raise untrusted
    context = ValidationContext(
        trust_roots=[_asn1(c) for c in trust], allow_fetching=False, revocation_mode="soft-fail", moment=moment
    )
    validator = CertificateValidator(
        _asn1(certificate), intermediate_certs=[_asn1(c) for c in chain], validation_context=context
    )
    try:
        _run(validator.async_validate_path())
    except PathBuildingError:
        raise untrusted from None
    except RevokedError:
        raise CertificateRefused(f"Sertifikat{who} telah dicabut; gunakan sertifikat lain.",
                                 code="sign.cert_revoked") from None
    except PathProblem as exc:
        raise CertificateRefused(
            f"Rantai sertifikat{who} tidak dapat divalidasi ({exc}); tanda tangannya tidak akan sah.",
            code="sign.cert_chain",
        ) from None
