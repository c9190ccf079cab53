"""Visible signature stamps: embedded DejaVu font, name, NIP, date and a QR.

pyHanko writes glyph widths in font units, so the stamp font must have 1000 units per
em: ``kinerja_desktop/data/fonts/DejaVuSans-stamp.ttf`` is DejaVu Sans rescaled and cut to Latin
once (see ``kinerja_desktop/data/fonts/README.md``). The font bytes are read once per process.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import lru_cache

from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.pdf_utils.writer import init_xobject_dictionary
from pyhanko.stamp import QRPosition, QRStampStyle
from pyhanko.stamp.qr import QRStamp

from kinerja_desktop.documents.library_internals import stamp_font_engine
from kinerja_desktop.documents.qr import qr_runs
from kinerja_desktop.resources import resource_path

__all__ = [
    "STAMP_FONT",
    "TIMEZONES",
    "StampFont",
    "format_stamp_time",
    "resolve_timezone",
    "stamp_png",
    "stamp_style",
]

STAMP_FONT = ("fonts", "DejaVuSans-stamp.ttf")
STAMP_FONT_SIZE = 7

# Indonesia has no daylight saving: fixed offsets are exact and need no tz database.
TIMEZONES: dict[str, dt.timezone] = {
    "WIB": dt.timezone(dt.timedelta(hours=7), "WIB"),
    "WITA": dt.timezone(dt.timedelta(hours=8), "WITA"),
    "WIT": dt.timezone(dt.timedelta(hours=9), "WIT"),
}
_IANA = {
    "asia/jakarta": "WIB",
    "asia/pontianak": "WIB",
    "asia/makassar": "WITA",
    "asia/ujung_pandang": "WITA",
    "asia/jayapura": "WIT",
}

# fontTools.subset warns about every dropped table on every signature.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)


def resolve_timezone(name: str | None) -> dt.timezone:
    """``WIB``/``WITA``/``WIT`` or an Indonesian IANA name (``Asia/Makassar``); default WIB."""
    if not name:
        return TIMEZONES["WIB"]
    key = name.strip()
    label = key.upper() if key.upper() in TIMEZONES else _IANA.get(key.lower())
    if label is None:
        from kinerja_desktop.domain.errors import ValidationError

        raise ValidationError(
            f"Zona waktu tidak dikenal: {name} (pilih WIB, WITA atau WIT).", field="zona_waktu"
        )
    return TIMEZONES[label]


def format_stamp_time(moment: dt.datetime, tz: dt.timezone) -> str:
    """E.g. ``05-01-2026 14:03 WIB``."""
    local = moment.astimezone(tz)
    return f"{local:%d-%m-%Y %H:%M} {tz.tzname(None)}"


@lru_cache(maxsize=4)
def _font_bytes(*parts: str) -> bytes:
    return resource_path(*parts).read_bytes()


@dataclass(frozen=True)
class StampFont(FontEngineFactory):
    """Font engines over the stamp font parsed once per process (no file handle left open)."""

    font_parts: tuple[str, ...] = STAMP_FONT
    font_size: int = STAMP_FONT_SIZE

    def create_font_engine(self, writer, obj_stream=None):  # type: ignore[no-untyped-def]
        if obj_stream is None and writer.stream_xrefs:
            obj_stream = writer.prepare_object_stream()
        return stamp_font_engine(
            writer,
            _font_bytes(*self.font_parts),
            self.font_size,
            ot_script_tag="latn",
            bcp47_lang_code="id",
            obj_stream=obj_stream,
        )


STAMP_TEXT = "Ditandatangani secara elektronik oleh\n%(nama)s\nNIP %(nip)s\n%(waktu)s"
QR_BORDER, QR_BOX = 4, 10  # quiet zone (modules) and module size (units), as pyHanko's own QR


class _FastQRStamp(QRStamp):
    """QR drawn as one path of row runs (pyHanko draws one rectangle per module)."""

    def _qr_xobject(self):  # type: ignore[no-untyped-def]
        n, runs = qr_runs(self.url)
        size = n + 2 * QR_BORDER
        ops = [b"q 0 0 0 rg %d 0 0 %d 0 0 cm" % (QR_BOX, QR_BOX)]
        ops.extend(b"%d %d %d 1 re" % (QR_BORDER + col, QR_BORDER + n - 1 - row, length) for row, col, length in runs)
        ops.append(b"f Q")
        xobj = init_xobject_dictionary(b"\n".join(ops), size * QR_BOX, size * QR_BOX)
        xobj.compress()
        writer = self.writer
        assert writer is not None
        return writer.add_object(xobj), size * QR_BOX


@dataclass(frozen=True)
class _FastQRStampStyle(QRStampStyle):
    def create_stamp(self, writer, box, text_params):  # type: ignore[no-untyped-def]
        try:
            url = text_params.pop("url")
        except KeyError:
            raise layout.LayoutError("Using a QR stamp style requires a 'url' text parameter.") from None
        return _FastQRStamp(writer, style=self, url=url, text_params=text_params, box=box)


@lru_cache(maxsize=2)
def stamp_style(font_size: int = STAMP_FONT_SIZE) -> QRStampStyle:
    """The stamp: QR on the left; 4 lines of text; thin grey border."""
    return _FastQRStampStyle(
        stamp_text=STAMP_TEXT,
        text_box_style=TextBoxStyle(
            font=StampFont(font_size=font_size), font_size=font_size, leading=font_size + 2
        ),
        border_width=1,
        border_color=(0.45, 0.45, 0.45),
        qr_position=QRPosition.LEFT_OF_TEXT,
        innsep=2,
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(2),
            inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT,
        ),
    )


def stamp_png(text_params: dict[str, str], width: float, height: float, *, dpi: int = 200) -> bytes:
    """The stamp as a PNG of ``width`` x ``height`` points, for a signing server that draws an image.

    The instansi's BSrE server places a visible certified signature as an image; this is the same
    stamp (QR of ``url`` on the left, ``STAMP_TEXT`` beside it, thin grey border) drawn with Pillow.
    """
    import io

    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    w, h = max(1, round(width * scale)), max(1, round(height * scale))
    img = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, w - 1, h - 1), outline=(115, 115, 115), width=max(1, round(scale)))
    pad = round(4 * scale)
    n, runs = qr_runs(text_params["url"])
    side = h - 2 * pad
    module = side / (n + 2 * QR_BORDER)
    left = pad + QR_BORDER * module
    top = pad + QR_BORDER * module
    for row, col, length in runs:
        draw.rectangle(
            (left + col * module, top + row * module, left + (col + length) * module - 1, top + (row + 1) * module - 1),
            fill="black",
        )
    lines = (STAMP_TEXT % {k: v for k, v in text_params.items() if k != "url"}).split("\n")
    size = STAMP_FONT_SIZE * scale
    font = ImageFont.truetype(str(resource_path("fonts", "DejaVuSans.ttf")), round(size))
    leading = (STAMP_FONT_SIZE + 2) * scale
    x = pad + side + pad
    y = (h - leading * len(lines)) / 2
    for line in lines:
        draw.text((x, y), line, fill="black", font=font)
        y += leading
    out = io.BytesIO()
    img.save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()
