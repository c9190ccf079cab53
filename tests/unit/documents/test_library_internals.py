"""library_internals: each piece pinned to its library versions, installed only on purpose, and
equal in output to the plain library way (Flate, subset memo, draw_line, stamp font)."""

from __future__ import annotations

import io
import zlib

from pypdf import PdfReader

from kinerja_desktop.documents.batch import MAX_CHUNK, _chunks
from kinerja_desktop.documents.library_internals import FastFlate
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


# --------------------------------------------------------------------------- pinned, explicit, equal


def test_installed_libraries_are_the_versions_the_internals_were_written_for() -> None:
    """Fails loudly on an upgrade: re-run tests/bench/bench_internals.py, re-check each piece of
    library_internals against the new release (private names, copied methods), then add the version."""
    from importlib.metadata import version

    from kinerja_desktop.documents.library_internals import PYHANKO_OK, REPORTLAB_OK, TESTED_VERSIONS

    for dist, tested in TESTED_VERSIONS.items():
        assert version(dist) in tested, (
            f"{dist} {version(dist)} is installed, but library_internals was written and measured against "
            f"{', '.join(tested)}: check its private-API use against this release before adding it."
        )
    assert REPORTLAB_OK and PYHANKO_OK


def test_nothing_is_patched_until_the_renderer_installs_it_on_purpose() -> None:
    import subprocess
    import sys

    script = (
        "from reportlab.pdfbase import pdfdoc\n"
        "flate, enc = pdfdoc.PDFZCompress, pdfdoc.pdfdocEnc\n"
        "from kinerja_desktop.documents import render, signing, verification\n"
        "from kinerja_desktop.documents.page_setup import register_fonts, styles\n"
        "fonts = register_fonts(); styles()\n"
        "assert pdfdoc.PDFZCompress is flate and pdfdoc.pdfdocEnc is enc, 'patched on import'\n"
        "assert 'makeSubset' not in vars(fonts[0].face), 'subsets memoised on import'\n"
        "from kinerja_desktop.documents.library_internals import FastFlate\n"
        "from tests.unit.documents import samples\n"
        "render.render(samples.dokumen())\n"
        "assert isinstance(pdfdoc.PDFZCompress, FastFlate) and pdfdoc.pdfdocEnc is enc\n"
        "assert 'makeSubset' in vars(fonts[0].face)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]


def test_draw_line_writes_what_draw_string_writes() -> None:
    from reportlab.pdfgen.canvas import Canvas

    from kinerja_desktop.documents.library_internals import draw_line
    from kinerja_desktop.documents.page_setup import FONT, register_fonts

    register_fonts()
    texts = ["Halaman 1 dari 3", "Nomor dokumen: EVK-2026-TW3-199308292018032100", "é ü — ≥ (kurung) \\ garis"]
    outputs = []
    for fast in (True, False):
        buf = io.BytesIO()
        canv = Canvas(buf, invariant=True)
        canv.setFont(FONT, 7.5)
        for i, text in enumerate(texts):
            if fast:
                draw_line(canv, 40, 700 - 12 * i, text)
                draw_line(canv, 300, 500 - 12 * i, text, align="CENTER")
                draw_line(canv, 500, 300 - 12 * i, text, align="RIGHT")
            else:
                canv.drawString(40, 700 - 12 * i, text)
                canv.drawCentredString(300, 500 - 12 * i, text)
                canv.drawRightString(500, 300 - 12 * i, text)
        canv.showPage()
        canv.save()
        outputs.append(buf.getvalue())
    fast_text, plain_text = (page_texts(pdf)[0] for pdf in outputs)
    assert fast_text == plain_text and all(t.split()[0] in fast_text for t in texts)
    # the same glyphs at the same places: text positions agree to a hundredth of a point
    assert _text_positions(outputs[0]) == _text_positions(outputs[1])


def _text_positions(pdf: bytes) -> list[tuple[float, float, str]]:
    found: list[tuple[float, float, str]] = []

    def visit(text, _cm, tm, _font, _size):  # type: ignore[no-untyped-def]
        if text.strip():
            found.append((round(tm[4], 2), round(tm[5], 2), text))

    reader(pdf).pages[0].extract_text(visitor_text=visit)
    return sorted(found)


def test_the_stamp_engine_is_the_fast_one_on_the_tested_pyhanko() -> None:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    from kinerja_desktop.documents.library_internals import StampGlyphAccumulator, stamp_font_engine
    from kinerja_desktop.documents.signature_stamp import STAMP_FONT
    from kinerja_desktop.resources import resource_path
    from tests.helpers.signing_pki import sheet_pdf

    writer = IncrementalPdfFileWriter(io.BytesIO(sheet_pdf()))
    engine = stamp_font_engine(writer, resource_path(*STAMP_FONT).read_bytes(), 7, ot_script_tag="latn")
    assert isinstance(engine, StampGlyphAccumulator) and engine._fast
