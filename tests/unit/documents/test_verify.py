"""Sign then verify with real pyHanko validation, and every tamper case with the right reason."""

from __future__ import annotations

import io
import json
import re

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from kinerja_desktop.documents.signing import SignOptions, UrllibTimeStamper, sign_pdf
from kinerja_desktop.documents.verification import verify_pdf
from tests.helpers.signing_pki import pki, real_sheet, sample_identities

# A real Evaluasi Kinerja sheet rendered by the documents layer, signed by its two signers.
ANY_SIGNER = SignOptions(require_nip_match=False)


@pytest.fixture(scope="module")
def signed_once() -> bytes:
    return sign_pdf(real_sheet().pdf, sample_identities()[0], "pegawai").pdf


@pytest.fixture(scope="module")
def signed_twice(signed_once: bytes) -> bytes:
    return sign_pdf(signed_once, sample_identities()[1], "penilai").pdf


def _codes(report) -> set[str]:
    return set(report.problems) | {c for s in report.signatures for c in s.problems}


def test_single_signature_is_intact_trusted_and_untouched(signed_once: bytes) -> None:
    report = verify_pdf(signed_once, pki().roots())
    assert report.ok, report.summary_lines()
    (sig,) = report.signatures
    assert (sig.intact, sig.valid, sig.trusted) == (True, True, True)
    assert sig.role == "pegawai" and sig.signer_nip == "198703122010012005"
    assert sig.coverage == "ENTIRE_FILE" and sig.level == "B-B"
    assert report.summary_lines()[0].startswith("Dokumen utuh, ditandatangani oleh Siti Rahmawati, S.Kom.")


def test_two_signers_both_valid_and_json_lists_them(signed_twice: bytes) -> None:
    report = verify_pdf(signed_twice, pki().roots())
    assert report.ok, report.summary_lines()
    assert [s.role for s in report.signatures] == ["pegawai", "penilai"]
    assert all(s.trusted and s.intact for s in report.signatures)
    data = json.loads(report.to_json())
    assert data["ok"] is True and len(data["signatures"]) == 2
    assert data["signatures"][1]["signer_name"] == "Drs. Bambang Sutrisno, M.Si."


def test_without_trust_roots_the_signature_is_untrusted(signed_once: bytes) -> None:
    report = verify_pdf(signed_once, [])
    assert not report.ok and _codes(report) == {"untrusted"}


def test_one_byte_changed_inside_signed_range_is_reported(signed_twice: bytes) -> None:
    data = bytearray(signed_twice)
    pos = data.index(b"stream") + 20  # inside the first page's content stream, covered by both signatures
    data[pos] ^= 0x01
    report = verify_pdf(bytes(data), pki().roots())
    assert not report.ok
    assert all("bytes_changed" in s.problems for s in report.signatures)
    assert report.summary_lines()[0] == "Dokumen telah diubah setelah ditandatangani."


def _incremental(signed: bytes, change) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_incremental_update_altering_a_page_is_reported(signed_twice: bytes) -> None:
    def add_text(writer: IncrementalPdfFileWriter) -> None:
        stream = generic.StreamObject(stream_data=b"BT /F1 30 Tf 100 500 Td (PALSU) Tj ET")
        writer.add_stream_to_page(0, writer.add_object(stream))

    report = verify_pdf(_incremental(signed_twice, add_text), pki().roots())
    assert not report.ok and report.changed_after_signing
    assert "modified_after_signing" in report.signatures[-1].problems


def test_update_touching_only_document_info_is_reported(signed_twice: bytes) -> None:
    def retitle(writer: IncrementalPdfFileWriter) -> None:
        info_ref = writer.trailer.raw_get("/Info")
        info_ref.get_object()[generic.NameObject("/Title")] = generic.TextStringObject("Diubah")
        writer.mark_update(info_ref)

    report = verify_pdf(_incremental(signed_twice, retitle), pki().roots())
    assert not report.ok
    assert report.signatures[-1].problems == ["updated_after_signing"]
    assert report.signatures[0].ok  # the earlier one is still fine by itself


def test_bytes_appended_after_end_of_file_are_reported(signed_twice: bytes) -> None:
    report = verify_pdf(signed_twice + b"\n%sisipan setelah EOF\n", pki().roots())
    assert not report.ok and "trailing_bytes" in report.problems


def test_file_cut_short_is_reported(signed_twice: bytes) -> None:
    report = verify_pdf(signed_twice[:-150], pki().roots())
    assert not report.ok and "truncated" in report.problems


def test_corrupted_signer_certificate_is_invalid_not_a_crash(signed_once: bytes) -> None:
    cert_der = sample_identities()[0].certificate.public_bytes(Encoding.DER)
    hexed = cert_der.hex().encode()
    match = re.search(re.escape(hexed), signed_once, re.IGNORECASE)
    assert match is not None
    # break the DER of the tbsCertificate (its version tag) inside /Contents, outside the signed bytes
    pos = match.start() + 8
    broken = signed_once[:pos] + b"ff" + signed_once[pos + 2 :]
    report = verify_pdf(broken, pki().roots())
    assert not report.ok
    assert report.signatures[0].problems == ["certificate_corrupt"]


def test_certificate_from_untrusted_ca_is_reported() -> None:
    signed = sign_pdf(real_sheet().pdf, pki().rogue, "pegawai", options=ANY_SIGNER).pdf
    report = verify_pdf(signed, pki().roots())
    assert not report.ok and report.signatures[0].problems == ["untrusted"]
    assert report.signatures[0].intact


def test_expired_certificate_is_reported() -> None:
    signed = sign_pdf(real_sheet().pdf, pki().expired, "pegawai", options=ANY_SIGNER).pdf
    report = verify_pdf(signed, pki().roots())
    assert not report.ok and report.signatures[0].problems == ["expired"]


def test_unsigned_and_non_pdf_inputs() -> None:
    assert verify_pdf(real_sheet().pdf, pki().roots()).problems == ["no_signatures"]
    assert not verify_pdf(b"bukan pdf", pki().roots()).ok


def test_validation_data_and_a_document_timestamp_added_later_are_not_a_change(signed_twice: bytes) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import signers
    from pyhanko.sign.validation.dss import DocumentSecurityStore

    from tests.helpers.tsa_standin import TsaStandIn

    embedded = PdfFileReader(io.BytesIO(signed_twice)).embedded_signatures[-1]
    buf = io.BytesIO(signed_twice)
    DocumentSecurityStore.add_dss(buf, None, certs=[embedded.signer_cert], force_write=True)  # PAdES B-LT data
    with_dss = buf.getvalue()
    report = verify_pdf(with_dss, pki().roots())
    assert report.ok, report.summary_lines()
    assert "LTV" in report.signatures[-1].notes[0]
    with TsaStandIn() as tsa:
        stamper = signers.PdfTimeStamper(timestamper=UrllibTimeStamper(tsa.url))
        stamped = stamper.timestamp_pdf(IncrementalPdfFileWriter(io.BytesIO(with_dss)), "sha256").getvalue()
    report = verify_pdf(stamped, [*pki().roots(), tsa.root])
    assert report.ok, report.summary_lines()
    assert [s.role for s in report.signatures] == ["pegawai", "penilai", "cap_waktu"]
    assert report.summary_lines()[0].startswith("Dokumen utuh, ditandatangani oleh Siti Rahmawati")
    untrusted = verify_pdf(stamped, pki().roots())
    assert not untrusted.ok and untrusted.signatures[-1].problems == ["timestamp_invalid"]
