"""Everything that reaches into reportlab's or pyHanko's internals, in one module.

Each piece was measured against the plain library way in one run (``tests/bench/bench_internals.py``,
CPU time, median of rounds, ratio against the baseline in the same process) and is kept because it
earns its keep. Each relies on private details of the library versions in :data:`TESTED_VERSIONS`:
``tests/unit/documents/test_library_internals.py`` fails loudly when an installed version differs,
and at run time any other version gets the plain library way (nothing is patched, a warning is
logged). Nothing here happens on import: :func:`install_pdf_streams` is called explicitly by the
renderer (``render._build`` and the batch workers' warm-up).

Measured 2026-12-06 on the layout samples (Evaluasi, SKP, Dokumen Evaluasi, Penetapan), 2 cores:

* :func:`draw_line` -- one-line strings as raw text operators through the canvas's private
  ``_code``: a sheet renders in 8.0 ms CPU instead of 8.8 ms with ``drawString`` (-9 %).
* :func:`install_pdf_streams` -- level-1 Flate for page streams (:class:`FastFlate`; reportlab
  has no setting) and font subsets made and compressed once per process: 8.0 ms instead of 10.7 ms
  (x1.35 with the ASCII fast path below; Flate alone x1.19-1.21, the memo x1.03-1.09).
  Removed after this measurement: an ASCII fast path replacing ``pdfdoc.pdfdocEnc`` process-wide,
  which saved 3-5 % (x1.03-1.05), too little for a patched reportlab function.
* :class:`StampGlyphAccumulator` -- pyHanko's ``GlyphAccumulator`` with the stamp font parsed
  once and subsets cut from the raw ``glyf`` table (``truetype_subset``) instead of fontTools'
  subsetter per signature: 7.4 ms CPU a signature instead of 19.8 ms (-63 %).
* :class:`TaggedTTFont` is no speed trick but a fix: reportlab tags every subset ``AAAAAA+``;
  ISO 32000 (9.6.4) wants distinct tags. It copies reportlab's ``addObjects`` but for the name.
"""

from __future__ import annotations

import hashlib
import io
import logging
import threading
import zlib
from collections.abc import Sequence
from importlib.metadata import version
from typing import Any

import uharfbuzz as hb
from fontTools import ttLib
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.api import FontEngine
from pyhanko.pdf_utils.font.opentype import CIDFontType2, GlyphAccumulator, _check_ot_tag, _read_ps_name
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import TTFont, makeToUnicodeCMap
from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.documents.truetype_subset import Glyf, subset_truetype, table_directory

__all__ = [
    "REPORTLAB_OK",
    "PYHANKO_OK",
    "TESTED_VERSIONS",
    "FastFlate",
    "StampGlyphAccumulator",
    "TaggedTTFont",
    "draw_line",
    "install_pdf_streams",
    "stamp_font_engine",
    "subset_tag",
]

log = logging.getLogger(__name__)

#: The versions whose internals this module was written and measured against.
TESTED_VERSIONS: dict[str, tuple[str, ...]] = {"reportlab": ("5.1.0",), "pyHanko": ("0.38.0",)}
REPORTLAB_OK = version("reportlab") in TESTED_VERSIONS["reportlab"]
PYHANKO_OK = version("pyHanko") in TESTED_VERSIONS["pyHanko"]


# --------------------------------------------------------------------------- reportlab: one-line text


def draw_line(canv: Canvas, x: float, y: float, text: str, *, width: float | None = None, align: str = "LEFT") -> None:
    """Draw ``text`` in the canvas's current font and size, its baseline at ``y``.

    ``align``: LEFT (x is the left end), CENTER (x is the middle) or RIGHT (x is the right end).
    ``width`` is the text's width when the caller knows it already (CENTER and RIGHT need it).
    """
    font = getFont(canv._fontname)
    if not REPORTLAB_OK or not getattr(font, "_dynamicFont", False):
        {"CENTER": canv.drawCentredString, "RIGHT": canv.drawRightString}.get(align, canv.drawString)(x, y, text)
        return
    if align != "LEFT":
        if width is None:
            width = font.stringWidth(text, canv._fontsize)
        x -= width / 2 if align == "CENTER" else width
    doc = canv._doc
    escape = canv._escape
    font_ops = f"{fp_str(canv._fontsize)} Tf {fp_str(canv._leading)} TL"
    ops = [f"BT 1 0 0 1 {fp_str(x)} {fp_str(y)} Tm"]
    current = -1
    for subset, chunk in font.splitString(text, doc):
        if subset != current:
            ops.append(f"{font.getSubsetInternalName(subset, doc)} {font_ops}")
            current = subset
        ops.append(f"({escape(chunk)}) Tj")
    ops.append("T* ET")  # the line end, as reportlab writes it: text extractors see a line per call
    canv._code.append(" ".join(ops))


# --------------------------------------------------------------------------- reportlab: PDF streams

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


_INSTALLED: list[bool] = []


def install_pdf_streams(*fonts: Any) -> FastFlate | None:
    """Use :class:`FastFlate` for every reportlab PDF of this process and
    memoise the subsets of ``fonts``; with an untested reportlab, change nothing (returns None)."""
    if not REPORTLAB_OK:
        if not _INSTALLED:
            log.warning("reportlab %s is not among the tested versions %s: plain reportlab streams are used",
                        version("reportlab"), TESTED_VERSIONS["reportlab"])
            _INSTALLED.append(False)
        return None
    flate = pdfdoc.PDFZCompress
    if not isinstance(flate, FastFlate):
        flate = pdfdoc.PDFZCompress = FastFlate()
    for font in fonts:
        _memoise_subsets(font, flate)
    return flate


# --------------------------------------------------------------------------- reportlab: subset tags


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
        if not REPORTLAB_OK:  # reportlab's own: every subset tagged AAAAAA+ again, but nothing breaks
            TTFont.addObjects(self, doc)
            return
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


# --------------------------------------------------------------------------- pyHanko: stamp font engine


class _Prototype:
    """Everything about the stamp font that does not change between signatures."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.tt = ttLib.TTFont(io.BytesIO(data))
        for tag in self.tt.keys():  # load every table now: later reads must not race between threads
            self.tt[tag]  # noqa: B018
        self.glyph_set = self.tt.getGlyphSet(preferCFF=True)
        self.reverse_cmap = self.tt["cmap"].buildReversed()
        self.hb_font = hb.Font(hb.Face(data))
        self.ps_name = _read_ps_name(self.tt)
        self.units_per_em = self.tt["head"].unitsPerEm
        self.widths = {gid: self.glyph_set[name].width for gid, name in enumerate(self.tt.getGlyphOrder())}
        self.glyf = Glyf.parse(data) if b"glyf" in table_directory(data) else None


_PROTOTYPES: dict[bytes, _Prototype] = {}
_LOCK = threading.Lock()


def _prototype(data: bytes) -> _Prototype:
    with _LOCK:
        proto = _PROTOTYPES.get(data)
        if proto is None:
            proto = _PROTOTYPES[data] = _Prototype(data)
        return proto


class _RawSubsetCIDFont(CIDFontType2):
    def __init__(self, proto: _Prototype, subset_prefix: str, engine: StampGlyphAccumulator) -> None:
        super().__init__(proto.tt, proto.ps_name, subset_prefix)
        self._proto = proto
        self._engine = engine

    def set_font_file(self, writer: BasePdfFileWriter) -> Any:
        assert self._proto.glyf is not None
        program = subset_truetype(self._proto.glyf, set(self._engine.used_glyphs()))
        stream = generic.StreamObject(stream_data=program)
        stream.compress()
        ref = writer.add_object(stream)
        self._font_descriptor[pdf_name("/FontFile2")] = ref
        return ref


class StampGlyphAccumulator(GlyphAccumulator):
    """GlyphAccumulator over a font parsed once per process; subsets without fontTools."""

    def __init__(
        self,
        writer: BasePdfFileWriter,
        font_data: bytes,
        font_size: int,
        *,
        ot_script_tag: str | None = None,
        bcp47_lang_code: str | None = None,
        obj_stream: Any = None,
    ) -> None:
        proto = _prototype(font_data)
        if proto.glyf is None:  # not plain TrueType: let pyHanko do everything
            super().__init__(writer, io.BytesIO(font_data), font_size, ot_script_tag=ot_script_tag,
                             bcp47_lang_code=bcp47_lang_code, obj_stream=obj_stream)
            self._fast = False
            return
        FontEngine.__init__(self, writer, proto.ps_name, embedded_subset=True, obj_stream=obj_stream,
                            font_size=font_size)
        self._fast = True
        self._proto = proto
        self._font_ref = writer.allocate_placeholder()
        self.hb_font = proto.hb_font
        self.tt = proto.tt
        self.cff_charset = None
        self.use_raw_gids = True
        self.cidfont_obj = _RawSubsetCIDFont(proto, self.subset_prefix, self)
        self.features = None
        self.units_per_em = proto.units_per_em
        self._glyphs: dict[int, tuple[int, int]] = {}
        self._glyph_set = proto.glyph_set
        self._cid_to_unicode: dict[int, str] = {}
        self._GlyphAccumulator__reverse_cmap = proto.reverse_cmap
        self.ot_language_tag = None
        self.ot_script_tag = _check_ot_tag(ot_script_tag)
        self.writing_direction = None
        self.bcp47_lang_code = bcp47_lang_code
        self._subset_created = self._write_prepared = False

    def used_glyphs(self) -> list[int]:
        return list(self._glyphs)

    def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
        if not self._fast:
            return super()._get_cid_and_width(glyph_id)
        found = self._glyphs.get(glyph_id)
        if found is None:
            found = self._glyphs[glyph_id] = (glyph_id, self._proto.widths[glyph_id])
        return found

    def _extract_subset(self, options: Any = None) -> None:
        if not self._fast:
            super()._extract_subset(options)
        # fast path: the subset is cut from the raw font when the font file is written


def stamp_font_engine(
    writer: BasePdfFileWriter, font_data: bytes, font_size: int, *, ot_script_tag: str | None = None,
    bcp47_lang_code: str | None = None, obj_stream: Any = None,
) -> GlyphAccumulator:
    """The stamp's font engine: :class:`StampGlyphAccumulator`, or pyHanko's own with an untested pyHanko."""
    cls = StampGlyphAccumulator if PYHANKO_OK else GlyphAccumulator
    data: Any = font_data if PYHANKO_OK else io.BytesIO(font_data)
    return cls(writer, data, font_size, ot_script_tag=ot_script_tag, bcp47_lang_code=bcp47_lang_code,
               obj_stream=obj_stream)
