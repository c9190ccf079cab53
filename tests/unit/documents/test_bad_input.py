"""Bad or missing input gives a clear message and never a crash; a batch prints the rest."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from kinerja_desktop.documents.page_setup import PageSetup, parse_paper
from kinerja_desktop.documents.render import render, render_combined
from kinerja_desktop.domain.errors import ValidationError
from tests.unit.documents import samples as s
from tests.unit.documents.pdf_checks import flat, page_texts, reader


def _with_logo(path: Path | str | None) -> s.Instansi:
    return replace(s.INSTANSI, logo_path=str(path) if path is not None else None)


def _images(pdf: bytes) -> int:
    count = 0
    for page in reader(pdf).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        count += sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")
    return count


def test_logo_is_drawn_in_the_kop(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 150), (200, 30, 30)).save(logo)
    doc = render(s.skp(s.plan(), instansi=_with_logo(logo)))
    assert doc.warnings == ()
    assert _images(doc.pdf) >= 1


def test_missing_logo_prints_without_it_and_says_so(tmp_path: Path) -> None:
    doc = render(s.skp(s.plan(), instansi=_with_logo(tmp_path / "tidak-ada.png")))
    assert doc.page_count == 3
    assert _images(doc.pdf) == 0
    assert len(doc.warnings) == 1 and "Logo instansi tidak ditemukan" in doc.warnings[0]


def test_logo_that_is_not_an_image_prints_without_it(tmp_path: Path) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("bukan gambar")
    doc = render(s.skp(None, instansi=_with_logo(fake)))
    assert "bukan gambar yang dapat dibaca" in doc.warnings[0]
    assert doc.page_count == 3


def test_missing_penilai_is_marked_not_crashed() -> None:
    doc = render(s.skp(s.plan(), penilai=None))
    text = flat(page_texts(doc.pdf)[0])
    assert text.count(flat("(belum diisi)")) >= 5  # the five identity rows of the penilai
    penilai = doc.signature_box("penilai")
    assert penilai is not None and penilai.signer_name == ""


def test_employee_without_plan_marks_sections() -> None:
    skp = render(s.skp(None))
    assert flat("(Rencana hasil kerja belum diisi)") in flat(page_texts(skp.pdf)[0])
    assert "Berorientasi Pelayanan" in "".join(page_texts(skp.pdf))  # perilaku still printed
    ev = render(
        replace(
            s.evaluasi(),
            plan=None,
            realisasi={},
            umpan_balik_rhk={},
            rating_hasil=None,
            rating_perilaku=None,
            predikat=None,
            capaian_organisasi=None,
            distribusi=None,
        )
    )
    text = flat("\n".join(page_texts(ev.pdf)))
    assert flat("(Rencana hasil kerja belum diisi)") in text
    assert text.count(flat("(belum diisi)")) >= 4  # capaian, pola distribusi, two ratings, predikat


@pytest.mark.parametrize("text", ["B5", "letter", "", "A3"])
def test_unknown_paper_size_has_a_clear_message(text: str) -> None:
    with pytest.raises(ValidationError, match="Ukuran kertas .* tidak dikenal; gunakan A4 atau F4"):
        parse_paper(text)
    with pytest.raises(ValidationError):
        PageSetup(paper=text)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["a4", "F4", "folio", " Folio "])
def test_paper_aliases(text: str) -> None:
    assert parse_paper(text).value in ("A4", "F4")


def test_a_failing_sheet_is_listed_and_the_rest_still_printed() -> None:
    broken = replace(s.evaluasi(), period=None)  # type: ignore[arg-type]
    combined = render_combined([s.dokumen(), broken, s.skp(s.plan())])
    assert [d.doc_id for d in combined.documents] == [s.dokumen().doc_id, s.skp().doc_id]
    assert [f.doc_id for f in combined.failures] == [broken.doc_id]
    assert combined.failures[0].message
    assert len(reader(combined.pdf).pages) == combined.page_count == 1 + 1 + 3


def test_render_raises_a_named_error_for_a_broken_sheet() -> None:
    from kinerja_desktop.documents.render import RenderError

    broken = replace(s.evaluasi(), period=None)  # type: ignore[arg-type]
    with pytest.raises(RenderError, match=broken.doc_id):
        render(broken)
