"""Helpers for inspecting rendered PDFs in tests (pypdf)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def flat(text: str) -> str:
    """Whitespace removed: robust against line breaks chosen by the layout."""
    return re.sub(r"\s+", "", text)


def assert_in_order(text: str, needles: list[str]) -> None:
    """Each needle occurs in ``text`` (whitespace ignored) after the previous one."""
    hay = flat(text)
    pos = 0
    for needle in needles:
        found = hay.find(flat(needle), pos)
        assert found >= 0, f"{needle!r} not found after position {pos} (previous: {hay[max(0, pos - 60) : pos]!r})"
        pos = found + len(flat(needle))


def fonts_not_embedded(pdf: bytes) -> list[str]:
    """Names of fonts used on any page (or in its form XObjects) that lack an embedded font file."""
    bad: list[str] = []

    def check_resources(res: object) -> None:
        if res is None:
            return
        res = res.get_object()  # type: ignore[attr-defined]
        fonts = res.get("/Font")
        if fonts is not None:
            for name, ref in fonts.get_object().items():
                font = ref.get_object()
                descriptors = []
                if "/FontDescriptor" in font:
                    descriptors.append(font["/FontDescriptor"].get_object())
                for ref_child in font.get("/DescendantFonts", []):
                    child = ref_child.get_object()
                    if "/FontDescriptor" in child:
                        descriptors.append(child["/FontDescriptor"].get_object())
                if not descriptors or not any(
                    k in d for d in descriptors for k in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    bad.append(f"{name}:{font.get('/BaseFont')}")
        xobjects = res.get("/XObject")
        if xobjects is not None:
            for ref in xobjects.get_object().values():
                xo = ref.get_object()
                if xo.get("/Subtype") == "/Form":
                    check_resources(xo.get("/Resources"))

    for page in reader(pdf).pages:
        check_resources(page.get("/Resources"))
    return bad


@dataclass
class Fragment:
    page: int
    x: float
    y: float
    text: str
    font_size: float


def fragments(pdf: bytes) -> list[Fragment]:
    """Every text run with its position (points from the page's lower left)."""
    out: list[Fragment] = []
    for index, page in enumerate(reader(pdf).pages):

        def visit(
            text: str, cm: list[float], tm: list[float], font: object, size: float, *, index: int = index
        ) -> None:  # noqa: PLR0917 - pypdf's visitor signature
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            out.append(Fragment(index, x, y, text, size * scale))

        page.extract_text(visitor_text=visit)
    return out
