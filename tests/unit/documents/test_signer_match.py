"""Verify says who signed against who the sheet names; a Plt./Plh. signature shows as such, and an
office certificate can no longer sign the box of a penilai without NIP (the Bupati) unnoticed."""

from __future__ import annotations

import io

import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

from kinerja_desktop.documents.signer_match import match_signer, name_key
from kinerja_desktop.documents.signing import SigningProblem, SignOptions, sign_pdf
from kinerja_desktop.documents.verification import verify_pdf
from tests.helpers.signing_pki import PEGAWAI, identity_for, pki, sheet_pdf

BUPATI = ("H. Ahmad Syarif, S.H., M.Si.", "")
PLT = SignOptions(require_nip_match=False)


def test_names_compare_without_titles_case_or_accents() -> None:
    assert name_key("Dr. Ir. Bambang Suryadi, M.Si.") == name_key("BAMBANG SURYADI") == "bambang suryadi"
    assert name_key("Siti Nurhaliza Ŝ. Pratiwi") == name_key("siti nurhaliza pratiwi")
    assert match_signer("H. Ahmad Syarif, S.H.", "", "Ahmad Syarif", "196608011988031001").status == "sesuai"
    assert match_signer("H. Ahmad Syarif, S.H.", "", "Ahmad Syarifuddin", None).status == "lain"
    assert match_signer("X", "19660801 198803 1 001", "Y", "196608011988031001").by == "nip"
    assert match_signer("", "", "Y", "1").status == "tidak_ada"


def test_a_box_without_nip_is_signed_only_by_the_named_officer_or_as_plt() -> None:
    """GIVEN a sheet whose penilai (the Bupati) has no NIP WHEN a staff certificate signs that box THEN
    it is refused; with --allow-other-signer it is signed and verify says Plt./Plh., not plain sah."""
    sheet = sheet_pdf("DEK-BUPATI", True, PEGAWAI, BUPATI)
    with pytest.raises(SigningProblem, match="tanpa NIP") as refused:
        sign_pdf(sheet, pki().pegawai, "penilai")
    assert "--allow-other-signer" in str(refused.value)
    acting = sign_pdf(sheet, pki().pegawai, "penilai", options=PLT)
    assert any("Plt./Plh." in n for n in acting.notes)
    report = verify_pdf(acting.pdf, pki().roots())
    (sig,) = report.signatures
    assert report.ok and sig.acting and sig.signer_match == "lain" and sig.sheet_name == BUPATI[0]
    text = "\n".join(report.summary_lines())
    assert "sah sebagai Plt./Plh." in text and "Lembar menyebut H. Ahmad Syarif, S.H., M.Si. (tanpa NIP)" in text
    own = sign_pdf(sheet, identity_for("AHMAD SYARIF", "196001011985031001"), "penilai")
    (sig,) = verify_pdf(own.pdf, pki().roots()).signatures
    assert sig.ok and not sig.acting and (sig.signer_match, sig.matched_by) == ("sesuai", "nama")


def test_verify_names_the_printed_officer_and_flags_an_undeclared_other_signer() -> None:
    """A signature matched by NIP says so; one made in another officer's box without declaring Plt./Plh.
    (e.g. by another tool) is not sah."""
    signed = sign_pdf(sheet_pdf("EVK-NIP"), pki().pegawai, "pegawai")
    report = verify_pdf(signed.pdf, pki().roots())
    assert report.ok and report.signatures[0].matched_by == "nip"
    assert "sesuai dengan pemilik sertifikat (menurut NIP)" in "\n".join(report.summary_lines())
    writer = IncrementalPdfFileWriter(io.BytesIO(sheet_pdf("EVK-LAIN")), strict=False)
    out = signers.sign_pdf(
        writer, signers.PdfSignatureMetadata(field_name="ttd_penilai", reason="Setuju"),
        signer=pki().pegawai.signer, new_field_spec=fields.SigFieldSpec("ttd_penilai", box=(330, 100, 530, 170)),
    )
    report = verify_pdf(out.getvalue(), pki().roots())
    (sig,) = report.signatures
    assert not report.ok and "signer_mismatch" in sig.problems and not sig.acting
    assert "TIDAK sah" in "\n".join(report.summary_lines())
