"""A fast font engine for signature stamps.

pyHanko's GlyphAccumulator parses the font and runs fontTools' subsetter for every
signature (~17 ms of a ~30 ms signature). Here the stamp font is parsed once per process
and the glyphs a stamp uses are cut out of the raw ``glyf`` table directly (glyph ids kept,
as pyHanko's own TrueType subsets do), which takes well under a millisecond. Should the
font ever not be a plain ``glyf`` TrueType, the engine falls back to pyHanko's subsetter.
"""

from __future__ import annotations

import io
import struct
import threading
from dataclasses import dataclass
from typing import Any

import uharfbuzz as hb
from fontTools import ttLib
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.api import FontEngine
from pyhanko.pdf_utils.font.opentype import CIDFontType2, GlyphAccumulator, _check_ot_tag, _read_ps_name
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.writer import BasePdfFileWriter

__all__ = ["StampGlyphAccumulator", "subset_truetype"]

# Tables a PDF viewer needs from an embedded TrueType program (ISO 32000-1, 9.9).
_KEEP = (b"OS/2", b"cmap", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"name",
         b"post", b"prep")
_ARGS_ARE_WORDS, _HAS_SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO = 0x0001, 0x0008, 0x0020, 0x0040, 0x0080


def _tables(data: bytes) -> dict[bytes, bytes]:
    (num,) = struct.unpack_from(">H", data, 4)
    out = {}
    for i in range(num):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        out[tag] = data[offset : offset + length]
    return out


def _checksum(table: bytes) -> int:
    padded = table + b"\0" * (-len(table) % 4)
    total: int = sum(struct.unpack(f">{len(padded) // 4}I", padded))
    return total & 0xFFFFFFFF


@dataclass(frozen=True)
class _Glyf:
    tables: dict[bytes, bytes]
    offsets: tuple[int, ...]  # from loca, numGlyphs + 1 entries

    @classmethod
    def parse(cls, data: bytes) -> _Glyf:
        tables = _tables(data)
        (num_glyphs,) = struct.unpack_from(">H", tables[b"maxp"], 4)
        (loc_format,) = struct.unpack_from(">h", tables[b"head"], 50)
        loca = tables[b"loca"]
        if loc_format == 0:
            offsets = tuple(2 * v for v in struct.unpack_from(f">{num_glyphs + 1}H", loca))
        else:
            offsets = struct.unpack_from(f">{num_glyphs + 1}I", loca)
        return cls(tables, offsets)

    def glyph(self, gid: int) -> bytes:
        return self.tables[b"glyf"][self.offsets[gid] : self.offsets[gid + 1]]

    def components(self, gid: int) -> list[int]:
        data = self.glyph(gid)
        if len(data) < 10 or struct.unpack_from(">h", data, 0)[0] >= 0:
            return []
        found, pos = [], 10
        while True:
            flags, comp = struct.unpack_from(">HH", data, pos)
            found.append(comp)
            pos += 4 + (4 if flags & _ARGS_ARE_WORDS else 2)
            pos += 2 if flags & _HAS_SCALE else 4 if flags & _XY_SCALE else 8 if flags & _TWO_BY_TWO else 0
            if not flags & _MORE:
                return found


def subset_truetype(font: _Glyf, gids: set[int]) -> bytes:
    """A TrueType program keeping every glyph id but only the outlines of ``gids`` (and their parts)."""
    wanted, todo = {0}, [*gids]
    while todo:
        gid = todo.pop()
        if gid not in wanted and 0 <= gid < len(font.offsets) - 1:
            wanted.add(gid)
            todo.extend(font.components(gid))
    glyf, loca = io.BytesIO(), [0]
    for gid in range(len(font.offsets) - 1):
        if gid in wanted:
            data = font.glyph(gid)
            glyf.write(data + b"\0" * (-len(data) % 4))
        loca.append(glyf.tell())
    tables = {tag: body for tag, body in font.tables.items() if tag in _KEEP}
    tables[b"glyf"] = glyf.getvalue()
    tables[b"loca"] = struct.pack(f">{len(loca)}I", *loca)
    head = bytearray(tables[b"head"])
    head[8:12] = b"\0\0\0\0"  # checkSumAdjustment, set below
    head[50:52] = struct.pack(">h", 1)  # long loca offsets
    tables[b"head"] = bytes(head)
    tags = sorted(tables)
    count = len(tags)
    entry_selector = count.bit_length() - 1
    search_range = 16 * (1 << entry_selector)
    header = struct.pack(">IHHHH", 0x00010000, count, search_range, entry_selector, count * 16 - search_range)
    offset = 12 + 16 * count
    directory, body = io.BytesIO(), io.BytesIO()
    for tag in tags:
        table = tables[tag]
        directory.write(struct.pack(">4sIII", tag, _checksum(table), offset, len(table)))
        padded = table + b"\0" * (-len(table) % 4)
        body.write(padded)
        offset += len(padded)
    result = bytearray(header + directory.getvalue() + body.getvalue())
    head_at = struct.unpack_from(">I", result, 12 + 16 * tags.index(b"head") + 8)[0]
    adjustment = (0xB1B0AFBA - _checksum(bytes(result))) & 0xFFFFFFFF
    result[head_at + 8 : head_at + 12] = struct.pack(">I", adjustment)
    return bytes(result)


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
        self.glyf = _Glyf.parse(data) if b"glyf" in _tables(data) else None


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
