"""Cheaper PDF streams for reportlab: faster page compression and font subsets made once.

Measured on an Evaluasi sheet (2-3 pages, two embedded DejaVu subsets), about 17 ms to render:

* reportlab compresses every stream with ``zlib.compress`` at its default level 6 (2.2 ms a
  sheet) and has no setting for the level. Level 1 does the page streams in half the time for
  7 % more bytes.
* every string written into the file (whole page streams included) goes through reportlab's
  ``extpdfdoc`` codec, a Python charmap (0.9 ms a sheet). For ASCII it is the identity except
  U+0018-U+001F, which it refuses; :func:`pdfdoc_encode` takes C's ASCII encoder for those
  strings and leaves everything else to the codec, so the bytes (and errors) are the same.
* every document subsets and compresses its fonts again (1.5 ms a sheet), though nearly all
  sheets use the same characters (ASCII plus the same few from the fixed labels). A subset is a
  pure function of its character list, so it is made once per process and its compressed
  stream (at level 9: it is made once) is kept with it.

:func:`install` puts :class:`FastFlate` in place of reportlab's Flate filter object and
:func:`pdfdoc_encode` in place of ``pdfdoc.pdfdocEnc`` (reportlab looks both up by name each time
a stream is written) and memoises ``makeSubset`` on the given fonts only. Output stays
deterministic: the same input still gives the same bytes.

:class:`TaggedTTFont` names each embedded subset ``<tag>+<font name>`` with a tag made from the
font and its glyph set, as ISO 32000 (9.6.4) asks: reportlab numbers the subsets of each font
from ``AAAAAA``, so the regular and bold subsets of a sheet, and the subsets of sheets joined
into one file, all shared that tag. Equal subsets get equal tags, different ones differ.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import TTFont, makeToUnicodeCMap

__all__ = ["FastFlate", "TaggedTTFont", "install", "pdfdoc_encode", "subset_tag"]

PAGE_LEVEL = 1
FONT_LEVEL = 9
MEMO_LIMIT = 64  # distinct font subsets kept per process (each a few tens of KB)


class FastFlate(pdfdoc.PDFStreamFilterZCompress):  # type: ignore[misc]
    """Flate: level 1 for page content, memoised level 9 for the font subsets it was told of."""

    def __init__(self) -> None:
        self.fonts: dict[bytes, bytes | None] = {}

    def remember_font(self, data: bytes) -> None:
        if len(self.fonts) >= MEMO_LIMIT:
            self.fonts.clear()
        self.fonts.setdefault(data, None)

    def encode(self, text: str | bytes) -> bytes:
        data = text.encode("utf8") if isinstance(text, str) else text
        if data in self.fonts:
            packed = self.fonts[data]
            if packed is None:
                packed = self.fonts[data] = zlib.compress(data, FONT_LEVEL)
            return packed
        return zlib.compress(data, PAGE_LEVEL)


_NOT_PDFDOC = re.compile(rb"[\x18-\x1f]")


def pdfdoc_encode(x: Any) -> Any:
    """``pdfdoc.pdfdocEnc`` with an ASCII fast path (same result)."""
    if isinstance(x, str):
        if x.isascii():
            data = x.encode("ascii")
            if _NOT_PDFDOC.search(data) is None:
                return data
        return x.encode("extpdfdoc")
    return x


def _memoise_subsets(font: Any, flate: FastFlate) -> None:
    face = font.face
    if getattr(face, "_kinerja_memo", None) is not None:
        return
    make = face.makeSubset
    memo: dict[tuple[int, ...], bytes] = {}

    def make_subset(subset: list[int]) -> bytes:
        key = tuple(subset)
        data = memo.get(key)
        if data is None:
            if len(memo) >= MEMO_LIMIT:
                memo.clear()
            data = memo[key] = make(subset)
        flate.remember_font(data)
        return data

    face.makeSubset = make_subset
    face._kinerja_memo = memo


def install(*fonts: Any) -> FastFlate:
    """Use :class:`FastFlate` and :func:`pdfdoc_encode` for every reportlab PDF; memoise the
    subsets of ``fonts``."""
    pdfdoc.pdfdocEnc = pdfdoc_encode
    flate = pdfdoc.PDFZCompress
    if not isinstance(flate, FastFlate):
        flate = pdfdoc.PDFZCompress = FastFlate()
    for font in fonts:
        _memoise_subsets(font, flate)
    return flate


def subset_tag(font_name: bytes, subset: Sequence[int]) -> bytes:
    """Six upper-case letters from a hash of the font's name and the code points of its subset."""
    digest = hashlib.sha256(font_name + b"\0" + ",".join(map(str, subset)).encode("ascii")).digest()
    number = int.from_bytes(digest[:8], "big")
    letters = []
    for _ in range(6):
        number, rest = divmod(number, 26)
        letters.append(65 + rest)
    return bytes(letters)


class TaggedTTFont(TTFont):  # type: ignore[misc]
    """A reportlab TrueType font whose subsets carry :func:`subset_tag` tags.

    ``addObjects`` is reportlab 4.2-5.x's own, but for the ``BaseFont`` name (tested directly in
    tests/unit/documents/test_small_defects.py)."""

    def addObjects(self, doc: Any) -> None:  # noqa: N802 - reportlab's name
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        face_name = self.face.name + self.face.subfontNameX
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_font_name = (subset_tag(face_name, subset) + b"+" + face_name).decode("pdfdoc")

            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_font_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = pdfdoc.PDFArray(list(map(self.face.getCharWidth, subset)))

            cmap_stream = pdfdoc.PDFStream()
            cmap_stream.content = makeToUnicodeCMap(base_font_name, subset)
            if doc.compression:
                cmap_stream.filters = [pdfdoc.PDFZCompress]
            pdf_font.ToUnicode = doc.Reference(cmap_stream, "toUnicodeCMap:" + base_font_name)
            pdf_font.FontDescriptor = self.face.addSubsetObjects(doc, base_font_name, subset)

            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]
