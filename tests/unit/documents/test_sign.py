"""Signing sheets: fields, incremental updates, the visible stamp, timestamps, batches."""

from __future__ import annotations

import io
import re
import socket

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from kinerja_desktop.documents.signing import (
    BatchItem,
    SigningProblem,
    SignOptions,
    sign_batch,
    sign_pdf,
    signature_state,
)
from kinerja_desktop.documents.verification import verify_pdf
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.resources import resource_path
from tests.helpers.signing_pki import PEGAWAI, pki, real_sheet, sample_identities, sheet_pdf
from tests.helpers.tsa_standin import TsaStandIn


def test_first_signature_creates_every_field_and_later_signer_fills_theirs() -> None:
    first = sign_pdf(sheet_pdf(), pki().pegawai, "pegawai")
    assert signature_state(first.pdf) == {"pegawai": True, "penilai": False}
    second = sign_pdf(first.pdf, pki().penilai, "penilai")
    assert second.pdf.startswith(first.pdf)  # an incremental update: the first signature's bytes are untouched
    assert signature_state(second.pdf) == {"pegawai": True, "penilai": True}
    assert second.level == "B-B" and second.notes == []


def test_a_signed_field_cannot_be_signed_again() -> None:
    first = sign_pdf(sheet_pdf(), pki().pegawai, "pegawai")
    with pytest.raises(SigningProblem, match="sudah ditandatangani"):
        sign_pdf(first.pdf, pki().pegawai, "pegawai")


def test_certificate_of_another_person_is_refused_unless_allowed() -> None:
    with pytest.raises(SigningProblem, match="NIP 196608011988031001"):
        sign_pdf(sheet_pdf(), pki().penilai, "pegawai")
    loose = sign_pdf(sheet_pdf(), pki().penilai, "pegawai", options=SignOptions(require_nip_match=False))
    assert verify_pdf(loose.pdf, pki().roots()).ok


def test_pdf_without_kinerja_fields_and_unknown_roles_are_refused() -> None:
    with pytest.raises(SigningProblem, match="KinerjaSignatureFields"):
        sign_pdf(sheet_pdf(with_fields=False), pki().pegawai, "pegawai")
    with pytest.raises(SigningProblem, match="Atasan Pejabat Penilai Kinerja"):
        sign_pdf(sheet_pdf(), pki().pegawai, "atasan")
    with pytest.raises(ValidationError):
        sign_pdf(sheet_pdf(), pki().pegawai, "direktur")
    with pytest.raises(SigningProblem, match="bukan PDF"):
        sign_pdf(b"%PDF-1.4 rusak", pki().pegawai, "pegawai")


def _stamp_appearance(pdf: bytes, field: str):
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    for ref in reader.root["/AcroForm"]["/Fields"]:
        obj = ref.get_object()
        if obj["/T"] == field:
            return obj["/AP"]["/N"]
    raise AssertionError(field)


def _pdf_literal(raw: bytes) -> str:
    """Decode a PDF literal string body (escapes, UTF-16 with BOM)."""
    def unescape(m: re.Match[bytes]) -> bytes:
        code = m.group(1)
        return bytes([int(code, 8)]) if code[:1].isdigit() else code

    data = re.sub(rb"\\([0-7]{1,3}|.)", unescape, raw)
    return data[2:].decode("utf-16-be") if data.startswith(b"\xfe\xff") else data.decode("latin-1")


def test_visible_stamp_embeds_the_font_with_1000_unit_widths_and_shows_name_nip_time() -> None:
    result = sign_pdf(sheet_pdf(), pki().pegawai, "pegawai", options=SignOptions(timezone="WITA"))
    appearance = _stamp_appearance(result.pdf, "ttd_pegawai")
    lines = [_pdf_literal(m) for m in re.findall(rb"/ActualText \((.*?)\)\n", appearance.data)]
    assert lines[:3] == ["Ditandatangani secara elektronik oleh", PEGAWAI[0], f"NIP {PEGAWAI[1]}"]
    assert lines[3].endswith(" WITA")
    font = appearance["/Resources"]["/Font"]["/F1"]
    descendant = font["/DescendantFonts"][0]
    assert "DejaVuSans-Stamp" in str(font["/BaseFont"]) and "/FontFile2" in descendant["/FontDescriptor"]
    widths = [v for item in descendant["/W"] if isinstance(item, list) for v in item]
    assert widths and max(widths) < 1100 and min(widths) > 200  # 1000 units/em, not DejaVu's 2048
    assert result.signed_at.tzname() == "WITA"
    assert result.qr_payload.startswith("KINERJA-TTD|doc-uji-1|pegawai|199105252023211031|")


def test_unknown_timezone_is_a_clear_error() -> None:
    with pytest.raises(ValidationError, match="WIB, WITA atau WIT"):
        sign_pdf(sheet_pdf(), pki().pegawai, "pegawai", options=SignOptions(timezone="Europe/Paris"))


def test_timestamp_server_gives_pades_b_t() -> None:
    with TsaStandIn() as tsa:
        result = sign_pdf(sheet_pdf(), pki().pegawai, "pegawai", options=SignOptions(timestamp_url=tsa.url))
        assert tsa.requests == 1
    assert result.level == "B-T" and result.notes == []
    report = verify_pdf(result.pdf, [*pki().roots(), tsa.root])
    assert report.ok, report.summary_lines()
    assert report.signatures[0].level == "B-T" and report.signatures[0].timestamp is not None


def test_unreachable_timestamp_server_falls_back_to_b_b_with_a_note() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/tsa"
    result = sign_pdf(sheet_pdf(), pki().pegawai, "pegawai", options=SignOptions(timestamp_url=url))
    assert result.level == "B-B"
    assert result.notes and "B-B" in result.notes[0]
    assert verify_pdf(result.pdf, pki().roots()).ok


def test_batch_signs_each_item_reports_progress_and_keeps_going_after_an_error() -> None:
    items = [BatchItem(f"lembar-{i}", sheet_pdf(f"doc-{i}")) for i in range(3)]
    items.insert(1, BatchItem("rusak", b"bukan pdf"))
    seen: list[tuple[int, int | None, str]] = []
    outcomes = list(sign_batch(items, pki().pegawai, "pegawai", total=len(items), progress=lambda *a: seen.append(a)))
    assert [o.key for o in outcomes] == ["lembar-0", "rusak", "lembar-1", "lembar-2"]
    assert outcomes[1].result is None and "PDF" in (outcomes[1].error or "")
    assert all(o.result is not None for o in outcomes if o.key != "rusak")
    assert seen[-1] == (4, 4, "lembar-2")


def test_batch_can_be_cancelled() -> None:
    items = [BatchItem(f"lembar-{i}", sheet_pdf(f"doc-{i}")) for i in range(3)]
    outcomes = list(sign_batch(items, pki().pegawai, "pegawai", cancelled=lambda: True))
    assert outcomes == []


@pytest.mark.parametrize("kind", ["evaluasi", "skp", "dokumen-evaluasi"])
def test_real_sheets_are_signed_in_their_boxes_by_both_signers_and_verify(kind: str) -> None:
    sheet = real_sheet(kind)
    pegawai, penilai = sample_identities()
    first = sign_pdf(sheet.pdf, pegawai, "pegawai")
    second = sign_pdf(first.pdf, penilai, "penilai")
    report = verify_pdf(second.pdf, pki().roots())
    assert report.ok, report.summary_lines()
    assert [s.role for s in report.signatures] == ["pegawai", "penilai"]
    # the stamp QR repeats the sheet's own QR (document id and data hash)
    assert second.qr_payload == f"KINERJA:{sheet.doc_id}:{sheet.data_sha256.upper()}"
    reader = PdfFileReader(io.BytesIO(second.pdf), strict=False)
    for box in sheet.signature_fields:
        widget = next(
            ref.get_object() for ref in reader.root["/AcroForm"]["/Fields"] if ref.get_object()["/T"] == box.field_name
        )
        rect = [float(v) for v in widget["/Rect"]]
        assert rect == pytest.approx([round(v) for v in box.box], abs=1)
        page = reader.root["/Pages"]["/Kids"][box.page].get_object()
        assert any(a.get_object() is widget or a.get_object() == widget for a in page["/Annots"])


def test_stamp_font_program_is_a_valid_truetype_subset_with_only_the_used_outlines() -> None:
    from fontTools.ttLib import TTFont

    result = sign_pdf(sheet_pdf(), pki().pegawai, "pegawai")
    font = _stamp_appearance(result.pdf, "ttd_pegawai")["/Resources"]["/Font"]["/F1"]
    program = font["/DescendantFonts"][0]["/FontDescriptor"]["/FontFile2"].data
    tt = TTFont(io.BytesIO(program))
    glyf, cmap = tt["glyf"], tt.getBestCmap()
    assert glyf[cmap[ord("S")]].numberOfContours > 0  # used by the name
    assert glyf[cmap[ord("Q")]].numberOfContours == 0  # not on the stamp: outline left out
    full = resource_path("fonts", "DejaVuSans-stamp.ttf").stat().st_size
    assert len(tt.getGlyphOrder()) > 900 and len(program) < full // 2  # glyph ids kept, outlines cut
