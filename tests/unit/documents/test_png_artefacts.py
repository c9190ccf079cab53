"""Every document type rendered to PNG at both paper sizes, kept as test artefacts for a person to look at.

Written to ``$KINERJA_ARTIFACTS`` or ``<repo>/artifacts/documents`` (git-ignored).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from kinerja_desktop.documents.page_setup import PageSetup, Paper
from kinerja_desktop.documents.render import render
from kinerja_desktop.documents.sheet_data import BlankKind
from kinerja_desktop.domain.kepegawaian import Pendekatan, SkpVariant
from tests.unit.documents import samples as s

OUT = Path(os.environ.get("KINERJA_ARTIFACTS", Path(__file__).resolve().parents[3] / "artifacts")) / "documents"

CASES = {
    "skp-ja-jf-kuantitatif": lambda: s.skp(s.plan()),
    "skp-jpt-kualitatif": lambda: s.skp(s.plan(SkpVariant.JPT, Pendekatan.KUALITATIF)),
    "skp-tanpa-rencana": lambda: s.skp(None, penilai=None),
    "evaluasi-tw1": s.evaluasi,
    "evaluasi-tahunan-jpt": lambda: s.evaluasi(s.plan(SkpVariant.JPT), code="TAHUNAN"),
    "dokumen-evaluasi": s.dokumen,
    "penetapan": lambda: s.penetapan(n=30),
    "blanko-skp": lambda: s.blank(BlankKind.SKP),
    "blanko-evaluasi-bernama": lambda: s.blank(BlankKind.EVALUASI, named=True),
    "blanko-dokumen-evaluasi": lambda: s.blank(BlankKind.DOKUMEN_EVALUASI),
}


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed")
@pytest.mark.parametrize("paper", [Paper.A4, Paper.F4])
@pytest.mark.parametrize("name", list(CASES))
def test_render_png_artefact(name: str, paper: Paper) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    doc = render(CASES[name](), PageSetup(paper=paper))
    stem = OUT / f"{name}-{paper.value}"
    for old in OUT.glob(f"{stem.name}-*.png"):
        old.unlink()
    stem.with_suffix(".pdf").write_bytes(doc.pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(stem.with_suffix(".pdf")), str(stem)], check=True)
    pngs = sorted(OUT.glob(f"{stem.name}-*.png"))
    assert len(pngs) == doc.page_count
    width, height = paper.size
    for png in pngs:
        with Image.open(png) as img:
            assert abs(img.height / img.width - height / width) < 0.01
            assert img.getextrema() != ((255, 255), (255, 255), (255, 255))  # not blank
