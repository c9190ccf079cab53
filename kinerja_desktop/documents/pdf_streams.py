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
"""

from __future__ import annotations

import re
import zlib
from typing import Any

from reportlab.pdfbase import pdfdoc

__all__ = ["FastFlate", "install", "pdfdoc_encode"]

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
