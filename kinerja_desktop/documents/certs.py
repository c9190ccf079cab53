"""Certificates for signing: an office CA, personal PKCS#12 files and the trust store.

Offices without a national (BSrE) certificate make their own small CA, named after the
instansi, and issue each person a PKCS#12 file. Keys never enter the database: the CA
key lives in a folder given by the caller (the app data dir), encrypted under its
passphrase; a person's key lives only inside their passphrase-protected .p12 file.
Passphrases are parameters, held only for the call and never written or logged.

A certificate issued here gives an *uncertified* electronic signature (PP 71/2019):
only a PSrE such as BSrE gives a certified one (see :mod:`.tte`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from kinerja_desktop.domain.errors import ValidationError

__all__ = [
    "KEY_TYPES",
    "CertInfo",
    "CertificateError",
    "IdentityStore",
    "PkiPaths",
    "default_pki",
    "OfficeCA",
    "Pkcs12Bundle",
    "TrustStore",
    "describe_certificate",
    "fingerprint",
    "generate_key",
    "inspect_pkcs12",
    "load_certificates",
    "load_pkcs12",
    "read_passphrase_bytes",
]

KEY_TYPES = ("rsa2048", "rsa3072", "ec-p256")
MIN_PASSPHRASE = 8
EXPIRY_WARNING_DAYS = 30
# id-kp-documentSigning (RFC 9336); emailProtection for older readers.
_DOCUMENT_SIGNING = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


class CertificateError(ValidationError):
    """A certificate, key file or passphrase problem, with an Indonesian message."""


def _utcnow(now: dt.datetime | None) -> dt.datetime:
    return (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)


def read_passphrase_bytes(passphrase: str | bytes) -> bytes:
    """Normalise a passphrase to bytes (UTF-8)."""
    return passphrase if isinstance(passphrase, bytes) else passphrase.encode("utf-8")


def _check_new_passphrase(passphrase: str | bytes) -> bytes:
    data = read_passphrase_bytes(passphrase)
    if len(data) < MIN_PASSPHRASE:
        raise CertificateError(f"Kata sandi minimal {MIN_PASSPHRASE} karakter.", code="cert.passphrase_short")
    return data


def generate_key(key_type: str) -> PrivateKey:
    """A new private key: ``rsa2048``, ``rsa3072`` or ``ec-p256``."""
    if key_type == "rsa2048":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if key_type == "rsa3072":
        return rsa.generate_private_key(public_exponent=65537, key_size=3072)
    if key_type == "ec-p256":
        return ec.generate_private_key(ec.SECP256R1())
    raise CertificateError(
        f"Jenis kunci tidak dikenal: {key_type} (pilih {', '.join(KEY_TYPES)}).", code="cert.key_type"
    )


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 fingerprint of a certificate as lowercase hex."""
    return cert.fingerprint(hashes.SHA256()).hex()


def _name_attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    attrs = name.get_attributes_for_oid(oid)
    return str(attrs[0].value) if attrs else None


def _key_label(cert: x509.Certificate) -> str:
    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        return f"RSA-{key.key_size}"
    if isinstance(key, ec.EllipticCurvePublicKey):
        return f"ECDSA {key.curve.name}"
    return type(key).__name__


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def chain_reaches_root(
    cert: x509.Certificate, roots: Iterable[x509.Certificate], intermediates: Iterable[x509.Certificate] = ()
) -> bool:
    """True when ``cert`` chains (by signature) to one of ``roots``; a quick check for warnings.

    The authoritative path validation is pyHanko's, in :mod:`.verification`.
    """
    roots = list(roots)
    pool = list(intermediates)
    current = cert
    for _ in range(8):
        if any(fingerprint(current) == fingerprint(root) for root in roots):
            return True
        for root in roots:
            if current.issuer == root.subject and _issued_by(current, root):
                return True
        parent = next((c for c in pool if c.subject == current.issuer and _issued_by(current, c)), None)
        if parent is None or parent == current:
            return False
        current = parent
    return False


@dataclass(frozen=True)
class CertInfo:
    """What a person needs to know about a certificate, with Indonesian warnings."""

    common_name: str
    subject: str
    nip: str | None
    issuer: str
    issuer_cn: str
    serial: str
    not_before: dt.datetime
    not_after: dt.datetime
    fingerprint: str
    key_type: str
    is_ca: bool
    trusted: bool | None
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["not_before"] = self.not_before.isoformat()
        data["not_after"] = self.not_after.isoformat()
        data["warnings"] = list(self.warnings)
        return data

    def lines(self) -> list[str]:
        """Human-readable summary lines (Indonesian)."""
        status = {True: "dipercaya", False: "TIDAK dipercaya", None: "tidak diperiksa"}[self.trusted]
        rows = [
            f"Subjek      : {self.subject}",
            f"NIP         : {self.nip or '-'}",
            f"Penerbit    : {self.issuer} ({status})",
            f"Berlaku     : {self.not_before:%d-%m-%Y} s.d. {self.not_after:%d-%m-%Y}",
            f"Kunci       : {self.key_type}",
            f"Sidik jari  : {self.fingerprint}",
        ]
        rows.extend(f"Peringatan  : {w}" for w in self.warnings)
        return rows


def describe_certificate(
    cert: x509.Certificate,
    *,
    trust_roots: Iterable[x509.Certificate] | None = None,
    chain: Iterable[x509.Certificate] = (),
    now: dt.datetime | None = None,
) -> CertInfo:
    """Describe ``cert``; warn on expiry, not-yet-valid and (when roots are given) an untrusted issuer."""
    moment = _utcnow(now)
    warnings: list[str] = []
    not_before, not_after = cert.not_valid_before_utc, cert.not_valid_after_utc
    if moment > not_after:
        warnings.append(f"Sertifikat sudah kedaluwarsa sejak {not_after:%d-%m-%Y}.")
    elif moment < not_before:
        warnings.append(f"Sertifikat belum berlaku (mulai {not_before:%d-%m-%Y}).")
    elif not_after - moment <= dt.timedelta(days=EXPIRY_WARNING_DAYS):
        warnings.append(f"Sertifikat akan kedaluwarsa pada {not_after:%d-%m-%Y}.")
    trusted: bool | None = None
    if trust_roots is not None:
        trusted = chain_reaches_root(cert, trust_roots, chain)
        if not trusted:
            warnings.append("Penerbit sertifikat tidak ada dalam daftar CA yang dipercaya.")
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        if not (usage.content_commitment or usage.digital_signature) and not _is_ca(cert):
            warnings.append("Sertifikat tidak diizinkan untuk tanda tangan.")
    except x509.ExtensionNotFound:
        pass
    return CertInfo(
        common_name=_name_attr(cert.subject, NameOID.COMMON_NAME) or cert.subject.rfc4514_string(),
        subject=cert.subject.rfc4514_string(),
        nip=_name_attr(cert.subject, NameOID.SERIAL_NUMBER),
        issuer=cert.issuer.rfc4514_string(),
        issuer_cn=_name_attr(cert.issuer, NameOID.COMMON_NAME) or cert.issuer.rfc4514_string(),
        serial=format(cert.serial_number, "x"),
        not_before=not_before,
        not_after=not_after,
        fingerprint=fingerprint(cert),
        key_type=_key_label(cert),
        is_ca=_is_ca(cert),
        trusted=trusted,
        warnings=tuple(warnings),
    )


# --------------------------------------------------------------------------- PKCS#12


@dataclass(frozen=True)
class Pkcs12Bundle:
    """A decrypted PKCS#12: key, certificate and the extra certificates (the chain)."""

    key: PrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]

    @property
    def name(self) -> str:
        return _name_attr(self.certificate.subject, NameOID.COMMON_NAME) or self.certificate.subject.rfc4514_string()

    @property
    def nip(self) -> str | None:
        return _name_attr(self.certificate.subject, NameOID.SERIAL_NUMBER)

    def __repr__(self) -> str:  # never show key material
        return f"Pkcs12Bundle(name={self.name!r}, nip={self.nip!r})"


def _read_source(source: bytes | str | os.PathLike[str], what: str = "Berkas sertifikat") -> bytes:
    if isinstance(source, bytes):
        return source
    path = Path(source)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CertificateError(f"{what} tidak ditemukan: {path}", code="cert.missing") from None
    except IsADirectoryError:
        raise CertificateError(f"{what} adalah folder, bukan berkas: {path}", code="cert.missing") from None
    except PermissionError:
        raise CertificateError(f"{what} tidak dapat dibaca (izin ditolak): {path}", code="cert.unreadable") from None


def _looks_like_pfx(data: bytes) -> bool:
    from asn1crypto import pkcs12 as asn1_pkcs12

    try:
        pfx = asn1_pkcs12.Pfx.load(data)
        auth_safe = pfx["auth_safe"]
        return pfx["version"].native == "v3" and auth_safe["content_type"].native == "data" and bool(
            auth_safe["content"].native
        )
    except Exception:
        return False


def load_pkcs12(source: bytes | str | os.PathLike[str], passphrase: str | bytes | None) -> Pkcs12Bundle:
    """Open a PKCS#12 (.p12/.pfx). Clear errors for a missing file, a corrupt file, a wrong passphrase."""
    data = _read_source(source)
    secret = read_passphrase_bytes(passphrase) if passphrase else None
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, secret)
    except ValueError:
        if not _looks_like_pfx(data):
            raise CertificateError(
                "Berkas bukan PKCS#12 (.p12) yang sah atau rusak.", code="cert.corrupt"
            ) from None
        raise CertificateError("Kata sandi sertifikat salah.", code="cert.passphrase") from None
    except TypeError:
        raise CertificateError("Kata sandi sertifikat diperlukan.", code="cert.passphrase") from None
    if key is None or cert is None:
        raise CertificateError("Berkas PKCS#12 tidak berisi kunci privat dan sertifikat.", code="cert.incomplete")
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise CertificateError("Jenis kunci dalam berkas PKCS#12 tidak didukung (hanya RSA atau ECDSA).")
    return Pkcs12Bundle(key=key, certificate=cert, chain=tuple(extra))


def inspect_pkcs12(
    source: bytes | str | os.PathLike[str],
    passphrase: str | bytes | None,
    *,
    trust: TrustStore | Iterable[x509.Certificate] | None = None,
    now: dt.datetime | None = None,
) -> CertInfo:
    """Subject, issuer, validity and warnings of a person's PKCS#12."""
    bundle = load_pkcs12(source, passphrase)
    roots = trust.certificates() if isinstance(trust, TrustStore) else (list(trust) if trust is not None else None)
    return describe_certificate(bundle.certificate, trust_roots=roots, chain=bundle.chain, now=now)


def _p12_encryption(passphrase: bytes) -> serialization.KeySerializationEncryption:
    return (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(100_000)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase)
    )


def _atomic_write(path: Path, data: bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- trust store


def _load_pem_or_der_certs(data: bytes) -> list[x509.Certificate]:
    if b"-----BEGIN" in data:
        try:
            return x509.load_pem_x509_certificates(data)
        except ValueError:
            raise CertificateError("Berkas PEM tidak berisi sertifikat yang sah.", code="cert.corrupt") from None
    try:
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise CertificateError("Berkas bukan sertifikat (PEM/DER) yang sah.", code="cert.corrupt") from None


def load_certificates(source: bytes | str | os.PathLike[str]) -> list[x509.Certificate]:
    """Every certificate of a PEM bundle or a DER file (clear errors for missing/corrupt files)."""
    return _load_pem_or_der_certs(_read_source(source, "Berkas sertifikat CA"))


class TrustStore:
    """The roots an office trusts: one PEM file per certificate in a folder."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

    def _path(self, fp: str) -> Path:
        return self.directory / f"{fp}.pem"

    def certificates(self) -> list[x509.Certificate]:
        if not self.directory.is_dir():
            return []
        certs: list[x509.Certificate] = []
        for path in sorted(self.directory.glob("*.pem")):
            try:
                certs.extend(x509.load_pem_x509_certificates(path.read_bytes()))
            except ValueError:
                continue  # a damaged file must not hide the others
        return certs

    def describe(self, now: dt.datetime | None = None) -> list[CertInfo]:
        return [describe_certificate(c, now=now) for c in self.certificates()]

    def add(self, cert: x509.Certificate) -> CertInfo:
        """Trust ``cert`` (a root or an intermediate CA); returns its description."""
        if not _is_ca(cert):
            raise CertificateError(
                "Hanya sertifikat CA yang dapat dijadikan akar kepercayaan.", code="cert.not_ca"
            )
        _atomic_write(self._path(fingerprint(cert)), cert.public_bytes(serialization.Encoding.PEM))
        return describe_certificate(cert)

    def import_file(self, source: bytes | str | os.PathLike[str]) -> list[CertInfo]:
        """Import every certificate of a PEM bundle or a DER file."""
        certs = _load_pem_or_der_certs(_read_source(source, "Berkas sertifikat CA"))
        return [self.add(c) for c in certs]

    def remove(self, fp: str) -> bool:
        fp = fp.lower().replace(":", "")
        matches = [p for p in self.directory.glob("*.pem") if p.stem.startswith(fp)] if fp else []
        if len(matches) > 1:
            raise CertificateError("Sidik jari terlalu pendek: cocok dengan lebih dari satu sertifikat.")
        for path in matches:
            path.unlink()
        return bool(matches)

    def export_pem(self) -> bytes:
        return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in self.certificates())


# --------------------------------------------------------------------------- office CA


class OfficeCA:
    """An office certificate authority kept in ``directory`` (never in the database).

    Files: ``ca-cert.pem`` (public), ``ca-key.pem`` (PKCS#8, encrypted under the CA
    passphrase, mode 0600), ``issued.jsonl`` (serial, name, NIP, validity; no keys).
    """

    CERT_FILE = "ca-cert.pem"
    KEY_FILE = "ca-key.pem"
    LOG_FILE = "issued.jsonl"

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

    @property
    def cert_path(self) -> Path:
        return self.directory / self.CERT_FILE

    @property
    def key_path(self) -> Path:
        return self.directory / self.KEY_FILE

    def exists(self) -> bool:
        return self.cert_path.is_file() and self.key_path.is_file()

    def certificate(self) -> x509.Certificate:
        if not self.cert_path.is_file():
            raise CertificateError(
                "CA kantor belum dibuat. Jalankan 'kinerja certs init-ca' terlebih dahulu.", code="ca.missing"
            )
        return x509.load_pem_x509_certificate(self.cert_path.read_bytes())

    def init(
        self,
        instansi: str,
        passphrase: str | bytes,
        *,
        key_type: str = "rsa3072",
        valid_years: int = 10,
        now: dt.datetime | None = None,
        trust_store: TrustStore | None = None,
        overwrite: bool = False,
    ) -> CertInfo:
        """Create the CA "<instansi> CA Kinerja"; optionally trust it at once."""
        instansi = " ".join(instansi.split())
        if not instansi:
            raise CertificateError("Nama instansi wajib diisi untuk membuat CA.", field="instansi")
        if self.exists() and not overwrite:
            raise CertificateError(
                f"CA kantor sudah ada di {self.directory}. Hapus dahulu atau gunakan --timpa.", code="ca.exists"
            )
        secret = _check_new_passphrase(passphrase)
        key = generate_key(key_type)
        start = _utcnow(now) - dt.timedelta(minutes=5)
        name = x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, instansi[:64]),
                x509.NameAttribute(NameOID.COMMON_NAME, f"{instansi[:50]} CA Kinerja"),
            ]
        )
        ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(start + dt.timedelta(days=365 * valid_years))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=False, content_commitment=False, key_encipherment=False,
                    data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                    encipher_only=False, decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(ski, critical=False)
            .sign(key, hashes.SHA256())
        )
        key_pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(secret),
        )
        _atomic_write(self.key_path, key_pem, mode=0o600)
        _atomic_write(self.cert_path, cert.public_bytes(serialization.Encoding.PEM))
        (self.directory / self.LOG_FILE).unlink(missing_ok=True)
        if trust_store is not None:
            trust_store.add(cert)
        return describe_certificate(cert, now=now)

    def _load_key(self, passphrase: str | bytes) -> PrivateKey:
        if not self.key_path.is_file():
            raise CertificateError(
                "Kunci CA kantor tidak ditemukan. Jalankan 'kinerja certs init-ca' terlebih dahulu.", code="ca.missing"
            )
        try:
            key = serialization.load_pem_private_key(self.key_path.read_bytes(), read_passphrase_bytes(passphrase))
        except (ValueError, TypeError):
            raise CertificateError("Kata sandi CA salah atau berkas kunci CA rusak.", code="ca.passphrase") from None
        if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
            raise CertificateError("Jenis kunci CA tidak didukung.")
        return key

    def issue(
        self,
        ca_passphrase: str | bytes,
        *,
        name: str,
        nip: str,
        p12_passphrase: str | bytes,
        key_type: str = "rsa2048",
        valid_days: int = 3 * 365,
        email: str | None = None,
        now: dt.datetime | None = None,
        not_before: dt.datetime | None = None,
    ) -> bytes:
        """Issue a person's certificate (CN=name, serialNumber=NIP) and return the PKCS#12 bytes."""
        name = " ".join(name.split())
        nip = "".join(nip.split())
        if not name:
            raise CertificateError("Nama pemilik sertifikat wajib diisi.", field="nama")
        if not nip.isdigit():
            raise CertificateError("NIP hanya boleh berisi angka.", field="nip")
        secret = _check_new_passphrase(p12_passphrase)
        ca_cert = self.certificate()
        ca_key = self._load_key(ca_passphrase)
        key = generate_key(key_type)
        start = not_before or (_utcnow(now) - dt.timedelta(minutes=5))
        end = min(start + dt.timedelta(days=valid_days), ca_cert.not_valid_after_utc)
        organisation = _name_attr(ca_cert.subject, NameOID.ORGANIZATION_NAME) or "-"
        attrs = [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, name[:64]),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, nip),
        ]
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name(attrs))
            .issuer_name(ca_cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True, content_commitment=True, key_encipherment=False,
                    data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                    encipher_only=False, decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.ExtendedKeyUsage([_DOCUMENT_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
            )
        )
        if email:
            builder = builder.add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
        cert = builder.sign(ca_key, hashes.SHA256())
        p12 = pkcs12.serialize_key_and_certificates(
            name.encode("utf-8"), key, cert, [ca_cert], _p12_encryption(secret)
        )
        record = {
            "serial": format(cert.serial_number, "x"),
            "name": name,
            "nip": nip,
            "not_before": cert.not_valid_before_utc.isoformat(),
            "not_after": cert.not_valid_after_utc.isoformat(),
            "fingerprint": fingerprint(cert),
        }
        with (self.directory / self.LOG_FILE).open("a", encoding="utf-8") as log:
            log.write(json.dumps(record, ensure_ascii=False) + "\n")
        return p12

    def issued(self) -> list[dict[str, str]]:
        """The log of issued certificates (no keys)."""
        path = self.directory / self.LOG_FILE
        if not path.is_file():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# --------------------------------------------------------------------------- personal identities


class IdentityStore:
    """A person's own PKCS#12 files (e.g. from a national CA), kept encrypted exactly as given.

    Beside each ``<fingerprint>.p12`` a ``.json`` holds only public facts (subject, NIP,
    validity) so the list can be shown without asking for passphrases.
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

    def import_p12(
        self,
        source: bytes | str | os.PathLike[str],
        passphrase: str | bytes,
        *,
        trust: TrustStore | None = None,
        now: dt.datetime | None = None,
    ) -> CertInfo:
        data = _read_source(source)
        bundle = load_pkcs12(data, passphrase)  # proves the passphrase; the key is not kept
        roots = trust.certificates() if trust is not None else None
        info = describe_certificate(bundle.certificate, trust_roots=roots, chain=bundle.chain, now=now)
        _atomic_write(self.directory / f"{info.fingerprint}.p12", data, mode=0o600)
        _atomic_write(
            self.directory / f"{info.fingerprint}.json",
            json.dumps(info.to_dict(), ensure_ascii=False, indent=1).encode("utf-8"),
        )
        return info

    def entries(self) -> list[dict[str, object]]:
        if not self.directory.is_dir():
            return []
        rows = []
        for meta in sorted(self.directory.glob("*.json")):
            item = json.loads(meta.read_text(encoding="utf-8"))
            item["path"] = str(meta.with_suffix(".p12"))
            rows.append(item)
        return rows

    def for_nip(self, nip: str) -> Path | None:
        """The newest (latest expiry) imported PKCS#12 of a NIP, if any."""
        nip = "".join(nip.split())
        found = [e for e in self.entries() if e.get("nip") == nip]
        if not found:
            return None
        best = max(found, key=lambda e: str(e.get("not_after")))
        return Path(str(best["path"]))


@dataclass(frozen=True)
class PkiPaths:
    """Where this PC keeps its certificate material (never in the database)."""

    root: Path

    @property
    def ca(self) -> OfficeCA:
        return OfficeCA(self.root / "ca")

    @property
    def trust(self) -> TrustStore:
        return TrustStore(self.root / "trust")

    @property
    def identities(self) -> IdentityStore:
        return IdentityStore(self.root / "identities")


def default_pki(data_dir: str | os.PathLike[str] | None = None) -> PkiPaths:
    """``<app data dir>/pki`` (``KINERJA_DATA_DIR`` respected)."""
    if data_dir is None:
        from kinerja_desktop.store.db import default_data_dir

        data_dir = default_data_dir()
    return PkiPaths(Path(data_dir) / "pki")
