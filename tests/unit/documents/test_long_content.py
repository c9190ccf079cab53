"""Long texts wrap and flow across pages: nothing is cut off, nothing spills out of its cell."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from kinerja_desktop.documents.page_setup import FONT, PageSetup, Paper
from kinerja_desktop.documents.render import render
from kinerja_desktop.documents.sections import column_layout
from kinerja_desktop.documents.sheet_data import Indicator, Rhk
from kinerja_desktop.domain.kepegawaian import Aspek, JenisRhk, Pendekatan, SkpVariant
from tests.unit.documents import samples as s
from tests.unit.documents.pdf_checks import flat, fragments, page_texts

HEADER = flat("UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG")


def _forty_indicator_plan() -> s.Plan:
    long_iki = "Persentase dokumen kepegawaian yang diverifikasi lengkap dan benar " * 4
    indicators = tuple(
        Indicator(id=f"I{j:02d}", iki=f"IKI-{j:02d} {long_iki}", target=f"{j} dokumen", aspek=list(Aspek)[j % 4])
        for j in range(40)
    )
    big = Rhk(
        id="BIG",
        jenis=JenisRhk.UTAMA,
        text="RHK-PANJANG " + s.FEEDBACK_2000,
        indicators=indicators,
        intervensi="Intervensi " + s.LONG * 3,
    )
    return replace(s.plan(n_utama=2), rhk=(big, *s.plan(n_utama=2).rhk))


def _column_bounds(setup: PageSetup, key: str, *, evaluation: bool = True) -> tuple[float, float]:
    x = setup.margin_left_mm * mm
    layout = column_layout(SkpVariant.JA_JF, Pendekatan.KUANTITATIF, evaluation=evaluation, width=setup.frame[2])
    for col, width in layout:
        if col == key:
            return x, x + width
        x += width
    raise AssertionError(key)


def _column_fragments(pdf: bytes, bounds: tuple[float, float]) -> list:
    x0, x1 = bounds
    found = [f for f in fragments(pdf) if x0 - 0.5 <= f.x < x1 - 1]
    return sorted(found, key=lambda f: (f.page, -f.y, f.x))


@pytest.mark.parametrize("paper", [Paper.A4, Paper.F4])
def test_2000_char_feedback_and_40_indicators_are_complete_and_inside_their_cells(paper: Paper) -> None:
    plan = _forty_indicator_plan()
    sheet = s.evaluasi(plan, feedback=s.FEEDBACK_2000)
    sheet = replace(sheet, umpan_balik_perilaku={"AKUNTABEL": s.FEEDBACK_2000})
    setup = PageSetup(paper=paper)
    doc = render(sheet, setup)
    assert doc.page_count > 3
    text = flat("\n".join(page_texts(doc.pdf)))
    # every indicator, in order
    positions = [text.find(f"IKI-{j:02d}") for j in range(40)]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    # the umpan balik column read top to bottom, page by page, holds the whole 2,000 characters
    x0, x1 = _column_bounds(setup, "umpan_balik")
    frags = fragments(doc.pdf)
    in_column = _column_fragments(doc.pdf, (x0, x1))
    column_text = _without_column_numbers(flat("".join(f.text for f in in_column)).replace(HEADER, ""))
    assert flat(s.FEEDBACK_2000) in column_text
    assert column_text.count(flat(s.FEEDBACK_2000)) == len(plan.rhk)
    # nothing runs past the right edge of its column
    for f in in_column:
        assert f.x + stringWidth(f.text.rstrip(), FONT, f.font_size) <= x1 + 0.5, f
    # and nothing at all runs past the right margin
    right = setup.page_size[0] - setup.margin_right_mm * mm
    for f in frags:
        assert f.x + stringWidth(f.text.rstrip(), FONT, f.font_size) <= right + 0.5, f


def _without_column_numbers(text: str) -> str:
    """The repeated header's column-number cell ("(8)") sits in the column on every page."""
    return re.sub(r"\(\d\)", "", text)


def test_long_rhk_text_flows_down_its_column_without_loss() -> None:
    setup = PageSetup()
    doc = render(s.skp(_forty_indicator_plan()), setup)
    column = _column_fragments(doc.pdf, _column_bounds(setup, "rhk", evaluation=False))
    text = flat("".join(f.text for f in column)).replace(flat("HASIL KERJA RENCANA HASIL KERJA"), "")
    assert flat("RHK-PANJANG " + s.FEEDBACK_2000) in _without_column_numbers(text)


def test_long_catatan_on_dokumen_evaluasi_continues_on_a_second_page() -> None:
    doc = render(s.dokumen(catatan=s.FEEDBACK_2000 * 3))
    assert doc.page_count == 2
    assert flat(s.FEEDBACK_2000)[-300:] in flat("".join(page_texts(doc.pdf)))


def test_long_words_markup_characters_and_newlines_are_kept() -> None:
    url = "https://contohkab.go.id/" + "x" * 300
    feedback = f"Baris pertama\nBaris kedua & <tanda> khusus\n{url}"
    setup = PageSetup()
    doc = render(s.evaluasi(feedback=feedback), setup)
    x0, x1 = _column_bounds(setup, "umpan_balik")
    column = _column_fragments(doc.pdf, (x0, x1))
    text = flat("".join(f.text for f in column)).replace(HEADER, "")
    assert flat(feedback) in text
    for f in column:
        assert f.x + stringWidth(f.text.rstrip(), FONT, f.font_size) <= x1 + 0.5, f
