"""The certified (TTE) route makes the same sheet as offline signing: the signer's stamp in their own
block and its copy in their Lampiran block, both covered by the certified signature."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from kinerja_desktop.documents.signing import sign_pdf
from kinerja_desktop.documents.tte import BsreClient, FileTteQueue, TteCredentials, process_queue, sheet_for_server
from kinerja_desktop.documents.verification import verify_pdf
from tests.helpers.signing_pki import pki, real_sheet, sample_identities
from tests.helpers.tte_standin import CLIENT_PASSWORD, CLIENT_USER, NIK, PASSPHRASE, TteStandIn
from tests.unit.documents import samples
from tests.unit.documents.test_lampiran_signatures import _asn1, _copy_widgets, _ink


def _send(pdf: bytes, role: str, tmp_path: Path) -> tuple[bytes, list, dict]:
    """Queue ``pdf`` for ``role``'s certified signature and work the queue against the stand-in server."""
    queue = FileTteQueue(tmp_path / "q.json")
    queue.enqueue("doc", role, NIK)
    person = samples.PENILAI if role == "penilai" else samples.PEGAWAI
    stored: dict[str, bytes] = {}
    with TteStandIn() as server:
        run = process_queue(
            queue, BsreClient(server.url, username=CLIENT_USER, password=CLIENT_PASSWORD, timeout=20),
            load_pdf=lambda job: pdf,
            store_pdf=lambda job, out: stored.setdefault(job.document_key, out) and "ok",
            credentials_for=lambda job: TteCredentials(NIK, passphrase=PASSPHRASE),
            prepare=lambda job, sheet: sheet_for_server(sheet, job.role, name=person.nama, nip=person.nip),
        )
        roots = server.trust.certificates()
        (request,) = server.requests
    assert len(run.done) == 1, [j.last_error for j in run.failed]
    return stored["doc"], roots, request


def test_a_certified_penilai_signature_fills_the_penilai_block_and_its_lampiran_copy(tmp_path: Path) -> None:
    """GIVEN an SKP the pegawai signed offline WHEN the penilai signs it through the TTE server THEN the
    penilai's Lampiran block carries the stamp in a revision the certified signature covers, the server
    drew the stamp in the penilai's own block, and both signatures (and the pegawai's) stay valid."""
    doc = real_sheet("skp")
    pegawai, _ = sample_identities()
    local = sign_pdf(doc.pdf, pegawai, "pegawai").pdf
    certified, bsre_roots, request = _send(local, "penilai", tmp_path)

    (props,) = request["signatureProperties"]
    main = doc.signature_box("penilai")
    assert props["tampilan"] == "VISIBLE" and props["page"] == main.page + 1
    assert (props["originX"], props["originY"]) == (min(main.box[0], main.box[2]), min(main.box[1], main.box[3]))
    assert certified.startswith(local)
    assert all("/AP" in w for w in _copy_widgets(certified).values())

    report = verify_pdf(certified, [*pki().roots(), *bsre_roots])
    assert report.ok and len(report.signatures) == 2, report.summary_lines()
    reader = PdfFileReader(io.BytesIO(certified), strict=False)
    vc = ValidationContext(trust_roots=[_asn1(c) for c in [*pki().roots(), *bsre_roots]], allow_fetching=False)
    first, second = (validate_pdf_signature(s, signer_validation_context=vc) for s in reader.embedded_signatures)
    assert first.bottom_line and first.modification_level <= ModificationLevel.FORM_FILLING
    assert second.bottom_line and second.coverage.name == "ENTIRE_FILE"  # covers the copy's revision

    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) not installed")
    (copy,) = [b for b in doc.signature_fields if b.copy and b.role == "penilai"]
    assert _ink(local, copy.page, copy.box, tmp_path) == 0
    assert _ink(certified, copy.page, copy.box, tmp_path) > 200
    assert _ink(local, main.page, main.box, tmp_path) == 0
    assert _ink(certified, main.page, main.box, tmp_path) > 200


def test_a_role_signed_offline_first_keeps_its_stamp_and_gets_an_invisible_certified_signature(
    tmp_path: Path,
) -> None:
    """GIVEN the pegawai signed offline (stamp and copy drawn) WHEN the pegawai's TTE follows THEN the sheet
    is sent as stored and the certified signature is invisible (no second stamp over the first)."""
    pegawai, _ = sample_identities()
    local = sign_pdf(real_sheet("skp").pdf, pegawai, "pegawai").pdf
    certified, bsre_roots, request = _send(local, "pegawai", tmp_path)
    assert request["signatureProperties"][0]["tampilan"] == "INVISIBLE"
    assert certified.startswith(local) and verify_pdf(certified, [*pki().roots(), *bsre_roots]).ok
