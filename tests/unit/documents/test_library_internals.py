"""The faster Flate filter and the per-process font subset memo keep PDFs correct and equal."""

from __future__ import annotations

import io
import zlib

from pypdf import PdfReader

from kinerja_desktop.documents.batch import MAX_CHUNK, _chunks
from kinerja_desktop.documents.pdf_streams import FastFlate
from kinerja_desktop.documents.render import render
from tests.unit.documents import samples as s
from tests.unit.documents.pdf_checks import fonts_not_embedded, page_texts, reader


def _font_files(pdf: bytes) -> list[bytes]:
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font["/FontDescriptor"].get_object() if "/FontDescriptor" in font else None
            if descriptor is not None and "/FontFile2" in descriptor:
                out.append(descriptor["/FontFile2"].get_object().get_data())
    return out


def test_a_second_document_reuses_the_font_subsets_and_reads_the_same() -> None:
    first = render(s.evaluasi(feedback="Pertama."))
    second = render(s.evaluasi(feedback="Kedua, dengan huruf lain: é ü — ≥"))
    for doc, word in ((first, "Pertama."), (second, "Kedua")):
        assert not fonts_not_embedded(doc.pdf)
        assert word in "".join(page_texts(doc.pdf))
        assert len(reader(doc.pdf).pages) == doc.page_count
    fonts_a, fonts_b = _font_files(first.pdf), _font_files(second.pdf)
    assert fonts_a and fonts_b
    # The same characters give the same subset; new characters give a different, complete one.
    assert fonts_a[0] == _font_files(render(s.evaluasi(feedback="Pertama.")).pdf)[0]
    assert "éü—≥" in "".join("".join(page_texts(second.pdf)).split())


def test_fast_flate_round_trips_and_memoises_only_fonts() -> None:
    flate = FastFlate()
    page = b"BT /F1 8 Tf (Halaman 1 dari 2) Tj ET\n" * 200
    assert zlib.decompress(flate.encode(page)) == page
    assert zlib.decompress(flate.encode(page.decode())) == page
    assert not flate.fonts
    font = bytes(range(256)) * 64
    flate.remember_font(font)
    packed = flate.encode(font)
    assert zlib.decompress(packed) == font
    assert flate.encode(font) is packed


def test_chunks_cover_every_person_once_and_shrink_for_two_workers() -> None:
    for n in (0, 1, 5, 19, 21, 200, 1000, 1001):
        for workers in (0, 1, 2, 4):
            bounds = _chunks(n, workers)
            covered = [i for a, b in bounds for i in range(a, b)]
            assert covered == list(range(n))
            assert all(0 < b - a <= MAX_CHUNK for a, b in bounds)
    sizes = [b - a for a, b in _chunks(1000, 2)]
    assert sizes[0] == MAX_CHUNK and sizes[-1] == 1
    assert sizes == sorted(sizes, reverse=True)
    assert len(_chunks(12, 0)) > 1  # small jobs in one process still stream


def test_pdfdoc_fast_path_gives_the_codec_bytes_and_errors() -> None:
    import pytest
    from reportlab.pdfbase import pdfdoc as _  # noqa: F401 - registers the extpdfdoc codec

    from kinerja_desktop.documents.pdf_streams import pdfdoc_encode

    for text in ["BT (Halaman 1 dari 2) Tj ET\n", "", "tab\there\r\n", "café — €", "\x7f", b"raw"]:
        expected = text.encode("extpdfdoc") if isinstance(text, str) else text
        assert pdfdoc_encode(text) == expected
    for control in range(0x18, 0x20):
        with pytest.raises(UnicodeEncodeError):
            pdfdoc_encode(f"a{chr(control)}b")
