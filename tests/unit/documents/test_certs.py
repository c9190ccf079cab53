"""Office CA, personal PKCS#12 files, inspection warnings and the trust store."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.x509.oid import NameOID

from kinerja_desktop.documents.certs import (
    CertificateError,
    OfficeCA,
    TrustStore,
    fingerprint,
    inspect_pkcs12,
    load_pkcs12,
)
from tests.helpers.signing_pki import CA_PASS, P12_PASS, pki


@pytest.fixture
def office(tmp_path: Path) -> tuple[OfficeCA, TrustStore]:
    trust = TrustStore(tmp_path / "trust")
    ca = OfficeCA(tmp_path / "ca")
    ca.init("Dinas Pendidikan Provinsi Contoh", CA_PASS, key_type="ec-p256", trust_store=trust)
    return ca, trust


def test_init_ca_is_named_after_the_instansi_and_its_key_is_encrypted_at_rest(office) -> None:
    ca, trust = office
    cert = ca.certificate()
    common_name = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert common_name == "Dinas Pendidikan Provinsi Contoh CA Kinerja"
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    key_pem = ca.key_path.read_bytes()
    assert key_pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert stat.S_IMODE(ca.key_path.stat().st_mode) == 0o600
    assert [c.fingerprint for c in trust.describe()] == [fingerprint(cert)]
    for path in ca.directory.iterdir():  # the passphrase is never written anywhere
        assert CA_PASS.encode() not in path.read_bytes()
    with pytest.raises(CertificateError, match="sudah ada"):
        ca.init("Lain", CA_PASS, key_type="ec-p256")


def test_issue_makes_a_p12_with_name_nip_and_the_ca_chain(office) -> None:
    ca, trust = office
    p12 = ca.issue(
        CA_PASS, name="Ani  Rahmawati", nip="19870212 201001 2 003", p12_passphrase=P12_PASS, key_type="rsa2048"
    )
    bundle = load_pkcs12(p12, P12_PASS)
    assert bundle.name == "Ani Rahmawati" and bundle.nip == "198702122010012003"
    assert bundle.certificate.issuer == ca.certificate().subject
    assert [c.subject for c in bundle.chain] == [ca.certificate().subject]
    usage = bundle.certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.content_commitment and usage.digital_signature
    info = inspect_pkcs12(p12, P12_PASS, trust=trust)
    assert info.trusted is True and info.warnings == () and info.key_type == "RSA-2048"
    log = ca.issued()
    assert log[0]["nip"] == "198702122010012003" and "key" not in " ".join(log[0])
    assert "PRIVATE" not in (ca.directory / OfficeCA.LOG_FILE).read_text()


def test_wrong_passphrases_corrupt_and_missing_files_get_clear_messages(office, tmp_path: Path) -> None:
    ca, _ = office
    with pytest.raises(CertificateError, match="Kata sandi CA salah"):
        ca.issue("salah-sekali", name="X", nip="1", p12_passphrase=P12_PASS)
    with pytest.raises(CertificateError, match="minimal 8"):
        ca.issue(CA_PASS, name="X", nip="1", p12_passphrase="pendek")
    with pytest.raises(CertificateError, match="Kata sandi sertifikat salah"):
        load_pkcs12(pki().pegawai_p12, "bukan-kata-sandinya")
    with pytest.raises(CertificateError, match="bukan PKCS#12"):
        load_pkcs12(b"\x30\x03\x02\x01\x05 sampah", P12_PASS)
    truncated = pki().pegawai_p12[: len(pki().pegawai_p12) // 2]
    with pytest.raises(CertificateError, match="bukan PKCS#12"):
        load_pkcs12(truncated, P12_PASS)
    with pytest.raises(CertificateError, match="tidak ditemukan"):
        load_pkcs12(tmp_path / "tidak-ada.p12", P12_PASS)
    with pytest.raises(CertificateError, match="belum dibuat"):
        OfficeCA(tmp_path / "kosong").issue(CA_PASS, name="X", nip="1", p12_passphrase=P12_PASS)


def test_inspect_warns_about_expiry_and_an_untrusted_issuer(office) -> None:
    ca, trust = office
    soon = ca.issue(CA_PASS, name="Budi", nip="1", p12_passphrase=P12_PASS, key_type="ec-p256", valid_days=10)
    assert any("akan kedaluwarsa" in w for w in inspect_pkcs12(soon, P12_PASS, trust=trust).warnings)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=11)
    assert any("sudah kedaluwarsa" in w for w in inspect_pkcs12(soon, P12_PASS, trust=trust, now=later).warnings)
    foreign = inspect_pkcs12(pki().rogue_p12, P12_PASS, trust=trust)
    assert foreign.trusted is False and any("tidak ada dalam daftar CA" in w for w in foreign.warnings)
    assert "Penerbit" in "\n".join(foreign.lines())


def test_trust_store_imports_exports_and_removes_roots(office, tmp_path: Path) -> None:
    ca, trust = office
    exported = trust.export_pem()
    other = TrustStore(tmp_path / "lain")
    added = other.import_file(exported)
    assert [a.fingerprint for a in added] == [i.fingerprint for i in trust.describe()]
    (tmp_path / "akar.pem").write_bytes(pki().trust.export_pem())
    other.import_file(tmp_path / "akar.pem")
    assert len(other.certificates()) == 2
    person = load_pkcs12(pki().pegawai_p12, P12_PASS).certificate
    with pytest.raises(CertificateError, match="Hanya sertifikat CA"):
        other.add(person)
    with pytest.raises(CertificateError, match="bukan sertifikat"):
        other.import_file(b"bukan sertifikat")
    assert other.remove(added[0].fingerprint[:16])
    assert len(other.certificates()) == 1
