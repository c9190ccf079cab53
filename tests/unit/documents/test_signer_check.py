"""The certificate is checked before anything is signed, stored or frozen, in every route."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.documents.batch_signing import sign_subordinates
from kinerja_desktop.documents.signed_documents import render_record, resolve_target, sign_record
from kinerja_desktop.documents.signer_check import CertificateRefused, check_signer_certificate
from kinerja_desktop.store.db import Database
from kinerja_desktop.store.models import Document, Employee, Evaluation
from tests.helpers.fixtures import DEMO_YEAR, People
from tests.helpers.signing_pki import CA_PASS, P12_PASS, identity_for, pki, trust_test_ca


def _who(db: Database, employee_id: str) -> tuple[str, str]:
    with db.reader() as s:
        emp = s.get(Employee, employee_id)
        return emp.name, emp.nip


def _nothing_stored_or_frozen(db: Database, evaluation_id: str | None = None) -> None:
    with db.reader() as s:
        assert s.scalars(select(Document)).first() is None
        if evaluation_id:
            assert not s.get(Evaluation, evaluation_id).frozen


def _expired(name: str, nip: str):  # type: ignore[no-untyped-def]
    from kinerja_desktop.documents.signing import SigningIdentity

    past = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
    p12 = pki().ca.issue(CA_PASS, name=name, nip=nip, p12_passphrase=P12_PASS, key_type="ec-p256",
                         not_before=past, valid_days=30)
    return SigningIdentity.from_pkcs12(p12, P12_PASS), p12


def _rogue(name: str, nip: str):  # type: ignore[no-untyped-def]
    from kinerja_desktop.documents.certs import OfficeCA
    from kinerja_desktop.documents.signing import SigningIdentity

    ca = OfficeCA(pki().root / "rogue-ca")
    p12 = ca.issue(CA_PASS, name=name, nip=nip, p12_passphrase=P12_PASS, key_type="ec-p256")
    return SigningIdentity.from_pkcs12(p12, P12_PASS), p12


def test_database_mode_refuses_expired_and_untrusted_certificates_before_storing_or_freezing(
    demo_db: Database, people: People
) -> None:
    """GIVEN a final evaluation WHEN the pegawai signs with an expired, then an untrusted certificate
    THEN both are refused with a sentence and no document is stored PARTIAL, nothing is frozen."""
    trust_test_ca()
    staff = _who(demo_db, people.staff.employee_id)
    target = resolve_target(demo_db, "evaluasi", nip=staff[1], year=DEMO_YEAR, period="TW1")

    def render():  # type: ignore[no-untyped-def]
        return render_record(demo_db, people.staff, target)

    expired, _ = _expired(*staff)
    with pytest.raises(CertificateRefused, match="sudah kedaluwarsa sejak"):
        sign_record(demo_db, people.staff, expired, target, render=render)
    _nothing_stored_or_frozen(demo_db, target.evaluation_id)
    rogue, _ = _rogue(*staff)
    with pytest.raises(CertificateRefused, match="tidak diterbitkan oleh CA yang dipercaya"):
        sign_record(demo_db, people.staff, rogue, target, render=render)
    _nothing_stored_or_frozen(demo_db, target.evaluation_id)
    view, _ = sign_record(demo_db, people.staff, identity_for(*staff), target, render=render)
    assert view.status == "PARTIAL"


def test_a_penilai_batch_with_an_expired_certificate_signs_nothing(demo_db: Database, people: People) -> None:
    trust_test_ca()
    expired, _ = _expired(*_who(demo_db, people.penilai.employee_id))
    with pytest.raises(CertificateRefused, match="kedaluwarsa"):
        list(sign_subordinates(demo_db, people.penilai, expired, kind="evaluasi", year=DEMO_YEAR, period="TW1"))
    _nothing_stored_or_frozen(demo_db)


def test_file_mode_refuses_expired_and_untrusted_certificates(
    demo_db: Database, people: People, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``kinerja sign FILE`` says why and writes no signed file."""
    trust_test_ca()
    staff = _who(demo_db, people.staff.employee_id)
    target = resolve_target(demo_db, "evaluasi", nip=staff[1], year=DEMO_YEAR, period="TW1")
    sheet = tmp_path / "evk.pdf"
    sheet.write_bytes(render_record(demo_db, people.staff, target)[0])
    monkeypatch.setenv("KINERJA_P12_PASSPHRASE", P12_PASS)
    for make, words in ((_expired, "sudah kedaluwarsa"), (_rogue, "tidak diterbitkan oleh CA yang dipercaya")):
        _identity, p12 = make(*staff)
        path = tmp_path / "p.p12"
        path.write_bytes(p12)
        code = main(["sign", str(sheet), "--p12", str(path), "--role", "pegawai"])
        err = capsys.readouterr().err
        assert code == 1 and words in err, err
        assert not (tmp_path / "evk-ttd.pdf").exists()
    path.write_bytes(pki().ca.issue(CA_PASS, name=staff[0], nip=staff[1], p12_passphrase=P12_PASS,
                                    key_type="ec-p256"))  # trusted and valid: the same command signs
    assert main(["sign", str(sheet), "--p12", str(path), "--role", "pegawai"]) == 0, capsys.readouterr().err


def _ca() -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA Uji Penggunaan Kunci")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _leaf(ca: tuple[ec.EllipticCurvePrivateKey, x509.Certificate], *, may_sign: bool) -> x509.Certificate:
    ca_key, ca_cert = ca
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Pegawai Uji")]))
        .issuer_name(ca_cert.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=10))
        .add_extension(x509.KeyUsage(digital_signature=may_sign, content_commitment=False,
                                     key_encipherment=not may_sign, data_encipherment=False, key_agreement=False,
                                     key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False),
                       critical=True)
        .sign(ca_key, hashes.SHA256())
    )


def test_key_usage_without_digital_signature_is_refused_and_a_signing_certificate_passes() -> None:
    ca = _ca()
    with pytest.raises(CertificateRefused, match="tidak diizinkan untuk tanda tangan dokumen"):
        check_signer_certificate(_leaf(ca, may_sign=False), roots=[ca[1]])
    check_signer_certificate(_leaf(ca, may_sign=True), roots=[ca[1]])
    with pytest.raises(CertificateRefused, match="tidak diterbitkan oleh CA yang dipercaya"):
        check_signer_certificate(_leaf(ca, may_sign=True), roots=[])
