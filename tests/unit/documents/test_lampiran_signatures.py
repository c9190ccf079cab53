"""The Lampiran SKP page is signed like the SKP: each signature's stamp appears in its Lampiran block too,
made in the revision the signature covers, and later signatures leave earlier ones valid."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from kinerja_desktop.documents.signing import read_signature_fields, sign_pdf, signature_state
from kinerja_desktop.documents.verification import verify_pdf
from tests.helpers.signing_pki import pki, real_sheet, sample_identities


def _copy_widgets(pdf: bytes) -> dict[str, object]:
    """Name -> widget dictionary of every stamp-copy block in the file."""
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    found = {}
    for ref in reader.root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if str(field.get("/T", "")).startswith("salinan_ttd_"):
            found[str(field["/T"])] = field
    return found


def _ink(pdf: bytes, page: int, box: tuple[float, float, float, float], tmp: Path) -> int:
    """Dark pixels inside ``box`` (PDF points) of ``page`` rendered at 72 dpi."""
    src = tmp / "sheet.pdf"
    src.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", str(page + 1), "-l", str(page + 1), "-singlefile",
                    str(src), str(tmp / "page")], check=True)
    with Image.open(tmp / "page.png") as img:
        gray = img.convert("L")
        x1, y1, x2, y2 = box
        crop = gray.crop((int(x1) + 2, int(gray.height - y2) + 2, int(x2) - 2, int(gray.height - y1) - 2))
        return sum(crop.histogram()[:128])


def test_the_lampiran_blocks_are_copies_not_signature_fields() -> None:
    doc = real_sheet("skp")
    copies = [b for b in doc.signature_fields if b.copy]
    assert {b.role for b in copies} == {"pegawai", "penilai"}
    assert {b.page for b in copies} == {doc.page_count - 1}  # the Lampiran page
    assert doc.signature_box("pegawai").page < doc.page_count - 1  # signing targets the SKP's own block
    reader = PdfFileReader(io.BytesIO(doc.pdf), strict=False)
    assert sum(p.copy for p in read_signature_fields(reader)) == 2


def test_each_signature_fills_its_lampiran_block_and_both_signatures_stay_valid(tmp_path: Path) -> None:
    """GIVEN an approved SKP WHEN the pegawai and then the penilai sign it THEN after each signature that
    signer's Lampiran block carries the stamp, the other stays empty until its owner signs, and both
    signatures validate (the later copy is form filling for pyHanko, accepted by verify)."""
    doc = real_sheet("skp")
    pegawai, penilai = sample_identities()
    first = sign_pdf(doc.pdf, pegawai, "pegawai")
    widgets = _copy_widgets(first.pdf)
    assert len(widgets) == 2
    filled = {name for name, w in widgets.items() if "/AP" in w}
    assert filled == {f"salinan_ttd_pegawai_p{doc.page_count}"}
    second = sign_pdf(first.pdf, penilai, "penilai")
    assert all("/AP" in w for w in _copy_widgets(second.pdf).values())
    assert signature_state(second.pdf) == {"pegawai": True, "penilai": True}

    report = verify_pdf(second.pdf, pki().roots())
    assert report.ok, report.summary_lines()
    reader = PdfFileReader(io.BytesIO(second.pdf), strict=False)
    vc = ValidationContext(trust_roots=[_asn1(c) for c in pki().roots()], allow_fetching=False)
    first_status = validate_pdf_signature(reader.embedded_signatures[0], signer_validation_context=vc)
    assert first_status.bottom_line
    assert first_status.modification_level <= ModificationLevel.FORM_FILLING

    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) not installed")
    for box in (b for b in doc.signature_fields if b.copy):
        assert _ink(doc.pdf, box.page, box.box, tmp_path) == 0  # blank before signing
        assert _ink(second.pdf, box.page, box.box, tmp_path) > 200  # the stamp (QR and text) after


def _asn1(cert):  # type: ignore[no-untyped-def]
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding

    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))
