"""Long-term validation (PAdES B-LTA): a signature made while its certificate was valid stays provably valid
after the certificate expires, once a document timestamp and validation data were added."""

from __future__ import annotations

import datetime as dt
import io
import socket
from typing import Any

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator import ValidationContext

from kinerja_desktop.documents.long_term import LongTermProblem, extend_long_term
from kinerja_desktop.documents.signing import SigningIdentity, SignOptions, UrllibTimeStamper, sign_pdf
from kinerja_desktop.documents.verification import verify_pdf
from tests.helpers.signing_pki import CA_PASS, P12_PASS, PEGAWAI, pki, sheet_pdf
from tests.helpers.tsa_standin import TsaStandIn

Signed = dict[str, Any]
LATER = dt.timedelta(days=30)  # the signer's certificate (10 days) has expired by then; the TSA's (300) has not


def _asn1(cert):  # type: ignore[no-untyped-def]
    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


@pytest.fixture(scope="module")
def signed() -> Signed:
    """A sheet signed B-T with a certificate valid for 10 days, then extended to B-LTA (the TSA is real HTTP)."""
    now = dt.datetime.now(dt.UTC)
    short = pki().ca.issue(CA_PASS, name=PEGAWAI[0], nip=PEGAWAI[1], p12_passphrase=P12_PASS, key_type="ec-p256",
                           not_before=now - dt.timedelta(days=1), valid_days=10)
    identity = SigningIdentity.from_pkcs12(short, P12_PASS)
    with TsaStandIn() as tsa:
        b_t = sign_pdf(sheet_pdf(), identity, "pegawai", options=SignOptions(timestamp_url=tsa.url)).pdf
        b_b = sign_pdf(sheet_pdf(), identity, "pegawai").pdf
        roots = [*pki().roots(), tsa.root]
        lta = extend_long_term(b_t, UrllibTimeStamper(tsa.url), roots)
        b_b_lta = extend_long_term(b_b, UrllibTimeStamper(tsa.url), roots)
    return {"now": now, "b_t": b_t, "b_b": b_b, "lta": lta, "b_b_lta": b_b_lta, "roots": roots}


def test_extension_adds_dss_and_a_document_timestamp_pyhanko_reads(signed: Signed) -> None:
    lta = signed["lta"]
    assert lta.level == "B-LTA" and lta.pdf.startswith(signed["b_t"])  # incremental: the signature's bytes stay
    reader = PdfFileReader(io.BytesIO(lta.pdf))
    dss = DocumentSecurityStore.read_dss(reader)
    signer_cert = reader.embedded_regular_signatures[0].signer_cert
    assert signer_cert.issuer_serial in dss.certs  # validation data for the signer is in the file
    roots = [_asn1(c) for c in signed["roots"]]
    ts_status = validate_pdf_timestamp(reader.embedded_timestamp_signatures[0],
                                       validation_context=ValidationContext(trust_roots=roots))
    assert ts_status.intact and ts_status.valid and ts_status.trusted
    # pyHanko's own view of the signature: only long-term-validation updates after it
    status = validate_pdf_signature(reader.embedded_regular_signatures[0],
                                    signer_validation_context=ValidationContext(trust_roots=roots))
    assert status.bottom_line and status.modification_level == ModificationLevel.LTA_UPDATES


def test_after_expiry_pyhanko_says_expired_but_the_timestamp_proves_it_was_valid(signed: Signed) -> None:
    later = signed["now"] + LATER
    roots = [_asn1(c) for c in signed["roots"]]
    reader = PdfFileReader(io.BytesIO(signed["lta"].pdf))
    emb = reader.embedded_regular_signatures[0]
    at_now = validate_pdf_signature(emb, signer_validation_context=ValidationContext(trust_roots=roots, moment=later))
    assert at_now.intact and at_now.valid and not at_now.trusted  # the certificate has expired
    ts_time = validate_pdf_timestamp(reader.embedded_timestamp_signatures[0],
                                     validation_context=ValidationContext(trust_roots=roots, moment=later)).timestamp
    then = validate_pdf_signature(emb, signer_validation_context=ValidationContext(trust_roots=roots, moment=ts_time))
    assert then.bottom_line  # pyHanko: valid and trusted at the document timestamp's time


def test_verify_after_expiry_explains_the_difference(signed: Signed) -> None:
    later = signed["now"] + LATER
    plain = verify_pdf(signed["b_t"], signed["roots"], now=later)
    assert not plain.ok and plain.signatures[0].problems == ["expired"]
    assert any("tidak diberi validasi jangka panjang" in n for n in plain.signatures[0].notes)

    for key, level in (("lta", "B-LTA"), ("b_b_lta", "B-B+LTA")):
        report = verify_pdf(signed[key].pdf, signed["roots"], now=later)
        assert report.ok, report.summary_lines()
        sig = report.signatures[0]
        assert sig.level == level and sig.long_term_at is not None
        text = "\n".join(report.summary_lines())
        assert "dibuktikan cap waktu dokumen" in text and "kini sudah kedaluwarsa" in text
    assert signed["b_b_lta"].notes  # B-B signatures are said to rest on the document timestamp alone


def test_a_changed_byte_is_still_caught_after_extension(signed: Signed) -> None:
    pdf = bytearray(signed["lta"].pdf)
    pos = pdf.find(b"EVALUASI KINERJA") if b"EVALUASI KINERJA" in pdf else 200
    pdf[pos] ^= 0x01
    assert not verify_pdf(bytes(pdf), signed["roots"], now=signed["now"] + LATER).ok


def test_only_valid_files_are_extended_and_a_dead_tsa_changes_nothing(signed: Signed) -> None:
    rogue = sign_pdf(sheet_pdf(), pki().rogue, "pegawai").pdf
    with pytest.raises(LongTermProblem, match="sah hari ini"):
        extend_long_term(rogue, UrllibTimeStamper("http://127.0.0.1:9/tsa"), signed["roots"])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(LongTermProblem, match="cap waktu tidak dapat dihubungi"):
        extend_long_term(signed["b_t"], UrllibTimeStamper(f"http://127.0.0.1:{port}/tsa", timeout=1), signed["roots"])


def test_cli_ltv_extends_a_signed_file_and_verify_accepts_it(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """``kinerja ltv FILE.pdf --tsa URL --trust TSA.pem`` writes <name>-ltv.pdf; ``kinerja verify`` says B-LTA."""
    import json

    from kinerja_desktop.cli import main
    from tests.helpers.signing_pki import trust_test_ca

    trust_test_ca()
    with TsaStandIn() as tsa:
        sheet = tmp_path / "lembar.pdf"
        sheet.write_bytes(sign_pdf(sheet_pdf(), pki().pegawai, "pegawai",
                                   options=SignOptions(timestamp_url=tsa.url)).pdf)
        tsa_pem = tmp_path / "tsa.pem"
        tsa_pem.write_bytes(tsa.root.public_bytes(Encoding.PEM))
        code = main(["--json", "ltv", str(sheet), "--tsa", tsa.url, "--trust", str(tsa_pem)])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["level"] == "B-LTA" and (tmp_path / "lembar-ltv.pdf").exists()
    code = main(["--json", "verify", str(tmp_path / "lembar-ltv.pdf"), "--trust", str(tsa_pem)])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["signatures"][0]["level"] == "B-LTA"
    assert main(["ltv", str(sheet)]) != 0 and "--tsa" in capsys.readouterr().err
