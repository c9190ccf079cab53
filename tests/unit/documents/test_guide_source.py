"""The Panduan sources: the small Markdown subset both the viewer and the printed guide read."""

from __future__ import annotations

import re

import pytest

from kinerja_desktop.documents.guide_source import TOPICS, inline_markup, load_topic, parse, to_html
from kinerja_desktop.domain.errors import NotFound
from kinerja_desktop.domain.penilaian import Predikat, Rating, predikat_for

SAMPLE = """# Judul

Paragraf pertama
berlanjut di baris kedua.

## Bagian

1. Langkah satu
   yang panjang
2. Langkah dua

- butir **tebal** dan *miring*

| A | B |
|---|---|
| 1 | x < y |

> [buruk] **Kurang tepat:** contoh
> lanjutan.

![Halaman SKP](layar:skp)
"""


def test_blocks_of_a_source_file() -> None:
    title, blocks = parse(SAMPLE)
    assert title == "Judul"
    assert [b.kind for b in blocks] == ["p", "h2", "ol", "ul", "table", "note", "image"]
    assert blocks[0].text == "Paragraf pertama berlanjut di baris kedua."
    assert blocks[2].items == ("Langkah satu yang panjang", "Langkah dua")
    assert blocks[4].rows == (("A", "B"), ("1", "x < y"))
    assert (blocks[5].tone, blocks[5].text) == ("buruk", "**Kurang tepat:** contoh lanjutan.")
    assert (blocks[6].key, blocks[6].text) == ("skp", "Halaman SKP")


def test_inline_markup_escapes_text_and_links_topics() -> None:
    assert inline_markup("a < b **c** `d&e` [SKP](skp)") == (
        'a &lt; b <b>c</b> <code>d&amp;e</code> <a href="panduan:skp">SKP</a>')
    assert inline_markup("[Unit](unit)", link="<b>{text}</b>") == "<b>Unit</b>"


def test_every_topic_parses_in_both_languages_and_links_only_to_topics() -> None:
    for key in TOPICS:
        for language in ("id", "en"):
            topic = load_topic(key, language)
            html = to_html(topic)
            assert html.startswith(f"<h1>{topic.title}") and "layar:" not in html
            for target in re.findall(r'href="panduan:([a-z-]+)"', html):
                assert target in TOPICS, (key, language, target)


def test_the_kuadran_in_the_panduan_is_the_domain_matrix() -> None:
    """The table the Panduan shows gives the same predikat as domain.penilaian for all nine cells."""
    table = next(b for b in load_topic("evaluasi", "id").blocks if b.kind == "table" and "Perilaku" in b.rows[0][0])
    labels = {Rating.DI_ATAS: "Di Atas Ekspektasi", Rating.SESUAI: "Sesuai Ekspektasi",
              Rating.DI_BAWAH: "Di Bawah Ekspektasi"}
    columns = [next(r for r, label in labels.items() if label == head) for head in table.rows[0][1:]]
    for row in table.rows[1:]:
        hasil = next(r for r, label in labels.items() if label == row[0])
        for perilaku, cell in zip(columns, row[1:], strict=True):
            assert Predikat(predikat_for(hasil, perilaku)).label == cell, (hasil, perilaku)


def test_unknown_topic_is_a_clear_error() -> None:
    with pytest.raises(NotFound, match="Panduan 'tidak-ada' tidak ada"):
        load_topic("tidak-ada")
