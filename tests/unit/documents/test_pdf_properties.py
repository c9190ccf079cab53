"""PDF-level properties: embedded fonts, paper, metadata, QR payload, signature boxes, determinism."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from reportlab.lib.units import mm

from kinerja_desktop.documents.hashing import (
    canonical_json,
    data_sha256,
    make_doc_id,
    parse_doc_id,
    parse_qr_payload,
    payload_for,
)
from kinerja_desktop.documents.page_setup import PageSetup, Paper
from kinerja_desktop.documents.qr import qr_runs
from kinerja_desktop.documents.render import render, render_combined
from kinerja_desktop.documents.rendered import parse_signature_fields
from kinerja_desktop.documents.sheet_data import BlankKind
from kinerja_desktop.domain.errors import ValidationError
from tests.unit.documents import samples as s
from tests.unit.documents.pdf_checks import fonts_not_embedded, page_texts, reader

ALL_SHEETS = {
    "skp": lambda: s.skp(s.plan()),
    "evaluasi": s.evaluasi,
    "dokumen": s.dokumen,
    "penetapan": s.penetapan,
    "blank-skp": lambda: s.blank(BlankKind.SKP),
    "blank-evaluasi": lambda: s.blank(BlankKind.EVALUASI, named=True),
    "blank-dokumen": lambda: s.blank(BlankKind.DOKUMEN_EVALUASI),
}


@pytest.fixture(scope="module")
def rendered() -> dict[str, object]:
    return {name: render(make()) for name, make in ALL_SHEETS.items()}


@pytest.mark.parametrize("name", list(ALL_SHEETS))
def test_every_font_is_embedded(rendered: dict, name: str) -> None:
    assert fonts_not_embedded(rendered[name].pdf) == []


@pytest.mark.parametrize(
    ("name", "pages"),
    [("skp", 3), ("evaluasi", 3), ("dokumen", 1), ("penetapan", 2), ("blank-skp", 3), ("blank-dokumen", 1)],
)
def test_page_counts(rendered: dict, name: str, pages: int) -> None:
    doc = rendered[name]
    assert doc.page_count == pages == len(reader(doc.pdf).pages)
    texts = page_texts(doc.pdf)
    for i, text in enumerate(texts, start=1):
        assert f"Halaman {i} dari {pages}" in text


@pytest.mark.parametrize(("paper", "size_mm"), [(Paper.A4, (210, 297)), (Paper.F4, (215, 330))])
def test_paper_sizes(paper: Paper, size_mm: tuple[int, int]) -> None:
    doc = render(s.evaluasi(), PageSetup(paper=paper))
    for page in reader(doc.pdf).pages:
        box = page.mediabox
        assert (round(float(box.width) / mm), round(float(box.height) / mm)) == size_mm


def test_f4_needs_no_more_pages_than_a4() -> None:
    sheet = s.evaluasi(s.plan(n_utama=8))
    assert render(sheet, PageSetup(paper=Paper.F4)).page_count <= render(sheet, PageSetup(paper=Paper.A4)).page_count


def test_margins_are_configurable() -> None:
    wide = render(s.skp(s.plan()), PageSetup(margin_left_mm=30, margin_right_mm=30))
    assert all(b.box[0] >= 30 * mm for b in wide.signature_fields)
    with pytest.raises(ValidationError):
        PageSetup(margin_left_mm=2)


def test_metadata(rendered: dict) -> None:
    doc = rendered["evaluasi"]
    meta = reader(doc.pdf).metadata
    assert meta.title.startswith("Evaluasi Kinerja Pegawai Triwulan I 2024")
    assert meta.author == s.INSTANSI.nama
    assert "TRIWULAN I" in meta.subject
    assert s.PEGAWAI.nip in meta["/Keywords"] and "TW1" in meta["/Keywords"]
    assert meta["/KinerjaDocId"] == doc.doc_id
    assert meta["/KinerjaDataSHA256"] == doc.data_sha256


def test_signature_fields_are_in_the_info_dictionary_and_on_the_page(rendered: dict) -> None:
    for name in ("skp", "evaluasi", "dokumen", "penetapan"):
        doc = rendered[name]
        stored = parse_signature_fields(reader(doc.pdf).metadata["/KinerjaSignatureFields"])
        assert stored == doc.signature_fields
        assert len({b.field_name for b in stored}) == len(stored)
        for box in stored:
            page = reader(doc.pdf).pages[box.page]
            x1, y1, x2, y2 = box.box
            assert 0 < x1 < x2 <= float(page.mediabox.width) and 0 < y1 < y2 <= float(page.mediabox.height)
            assert y2 - y1 >= 15 * mm
    skp = rendered["skp"]
    assert {b.role: b.signer_name for b in skp.signature_fields} == {
        "pegawai": s.PEGAWAI.nama,
        "penilai": s.PENILAI.nama,
    }
    assert json.loads(reader(skp.pdf).metadata["/KinerjaSignatureFields"])[0]["field"] == "ttd_pegawai"


def test_output_is_deterministic_and_hash_follows_the_data() -> None:
    a, b = render(s.evaluasi(), reproducible=True), render(s.evaluasi(), reproducible=True)
    assert a.pdf == b.pdf
    changed = render(s.evaluasi(feedback="Lain."))
    assert changed.data_sha256 != a.data_sha256
    assert a.data_sha256 == data_sha256(s.evaluasi())


def test_hash_ignores_logo_path_and_doc_id() -> None:
    from dataclasses import replace

    sheet = s.evaluasi()
    other = replace(sheet, doc_id="EVK-1-X-Y", instansi=replace(sheet.instansi, logo_path="/elsewhere/logo.png"))
    assert canonical_json(sheet) == canonical_json(other)


def test_qr_payload_round_trip_and_drawn_modules(rendered: dict) -> None:
    doc = rendered["skp"]
    payload = payload_for(doc.doc_id, doc.data_sha256)
    assert payload == f"KINERJA:{doc.doc_id}:{doc.data_sha256.upper()}"
    parsed = parse_qr_payload(payload.lower())
    assert (parsed.doc_id, parsed.data_sha256) == (doc.doc_id, doc.data_sha256)
    # the QR form XObject draws exactly one rectangle per horizontal run of dark modules
    runs = len(qr_runs(payload)[1])
    page = reader(doc.pdf).pages[0]
    forms = [x.get_object() for x in page["/Resources"]["/XObject"].values()]
    qr_form = next(f for f in forms if f.get("/Subtype") == "/Form")
    stream = qr_form.get_data().decode("latin-1")
    assert stream.count(" re") == runs


def test_qr_payload_rejects_foreign_codes() -> None:
    with pytest.raises(ValidationError, match="bukan kode dokumen"):
        parse_qr_payload("https://example.org")
    with pytest.raises(ValidationError):
        parse_qr_payload("KINERJA:SKP-2024-TAHUNAN-1:abc")


def test_doc_id_round_trip() -> None:
    doc_id = make_doc_id("evaluasi", 2024, "TW1", "198703122010012005")
    assert doc_id == "EVK-2024-TW1-198703122010012005"
    ref = parse_doc_id(doc_id)
    assert (ref.kind, ref.year, ref.period, ref.subject) == ("evaluasi", 2024, "TW1", "198703122010012005")
    assert parse_doc_id(make_doc_id("penetapan", 2024, "TAHUNAN", "dinas.bid-1+")).subject == "DINAS.BID-1+"


def test_combined_pdf_starts_each_document_on_an_odd_page() -> None:
    sheets = [s.skp(s.plan()), s.dokumen(), s.skp(s.plan())]  # 3 + 1 + 3 pages
    combined = render_combined(sheets, duplex=True)
    assert [d.first_page for d in combined.documents] == [0, 4, 6]
    pdf_pages = reader(combined.pdf).pages
    assert combined.page_count == len(pdf_pages) == 9
    assert (pdf_pages[3].extract_text() or "").strip() == ""  # blank back side
    assert "Halaman 1 dari 1" in pdf_pages[4].extract_text()
    assert "Halaman 3 dari 3" in pdf_pages[8].extract_text()
    assert not combined.failures
    simplex = render_combined(sheets, duplex=False)
    assert [d.first_page for d in simplex.documents] == [0, 3, 4] and simplex.page_count == 7


def test_page_streams_are_compressed(rendered: dict) -> None:
    assert b"/FlateDecode" in rendered["skp"].pdf


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed")
@pytest.mark.parametrize("paper", [Paper.A4, Paper.F4])
def test_printed_qr_scans_back_to_the_document(tmp_path, paper: Paper) -> None:  # type: ignore[no-untyped-def]
    """What a phone would do with a printed page: render it, find the QR, read it."""
    import zxingcpp
    from PIL import Image

    doc = render(s.evaluasi(), PageSetup(paper=paper))
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(doc.pdf)
    for page in range(1, doc.page_count + 1):
        subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                        str(tmp_path / "page")], check=True)
        found = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
        assert [b.text for b in found] == [payload_for(doc.doc_id, doc.data_sha256)]
        parsed = parse_qr_payload(found[0].text)
        assert (parsed.doc_id, parsed.data_sha256) == (doc.doc_id, doc.data_sha256)
