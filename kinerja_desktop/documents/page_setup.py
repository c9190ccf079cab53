"""Paper sizes, margins, embedded fonts and paragraph styles shared by every sheet.

All sizes are in PDF points (1/72 inch) unless a name says ``_mm``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.resources import resource_path

__all__ = [
    "FONT",
    "FONT_BOLD",
    "PageSetup",
    "Paper",
    "Styles",
    "parse_paper",
    "register_fonts",
    "styles",
]

FONT = "KinerjaSans"
FONT_BOLD = "KinerjaSans-Bold"


class Paper(StrEnum):
    """Supported paper, always portrait."""

    A4 = "A4"
    F4 = "F4"  # Folio as used in Indonesian offices: 215 x 330 mm

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) in points."""
        return {"A4": (210 * mm, 297 * mm), "F4": (215 * mm, 330 * mm)}[self.value]

    @property
    def label(self) -> str:
        return {"A4": "A4 (210 × 297 mm)", "F4": "F4/Folio (215 × 330 mm)"}[self.value]


_PAPER_ALIASES = {"A4": Paper.A4, "F4": Paper.F4, "FOLIO": Paper.F4, "F4/FOLIO": Paper.F4}


def parse_paper(text: str | Paper) -> Paper:
    """``'a4'`` -> A4, ``'f4'``/``'folio'`` -> F4; anything else raises a clear ValidationError."""
    if isinstance(text, Paper):
        return text
    key = " ".join(str(text).split()).upper()
    try:
        return _PAPER_ALIASES[key]
    except KeyError:
        raise ValidationError(
            f"Ukuran kertas '{text}' tidak dikenal; gunakan A4 atau F4 (Folio, 215 × 330 mm).",
            code="paper.unknown",
            field="kertas",
        ) from None


@dataclass(frozen=True, slots=True)
class PageSetup:
    """Paper and margins (millimetres). The footer (page number, id, QR) sits inside the bottom margin area."""

    paper: Paper = Paper.A4
    margin_top_mm: float = 12.0
    margin_bottom_mm: float = 10.0
    margin_left_mm: float = 15.0
    margin_right_mm: float = 12.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "paper", parse_paper(self.paper))
        for name in ("margin_top_mm", "margin_bottom_mm", "margin_left_mm", "margin_right_mm"):
            value = getattr(self, name)
            if not 5.0 <= float(value) <= 50.0:
                raise ValidationError(
                    f"Margin {value} mm di luar batas; gunakan 5 sampai 50 mm.", code="paper.margin", field=name
                )

    @property
    def page_size(self) -> tuple[float, float]:
        return self.paper.size

    @property
    def footer_height(self) -> float:
        """Space reserved above the bottom margin for the footer (QR, page x of y, doc id)."""
        return 19 * mm

    @property
    def header_height(self) -> float:
        """Space reserved below the top margin for the running header of continuation pages."""
        return 6 * mm

    @property
    def frame(self) -> tuple[float, float, float, float]:
        """(x, y, width, height) of the body frame."""
        width, height = self.page_size
        x = self.margin_left_mm * mm
        y = self.margin_bottom_mm * mm + self.footer_height
        w = width - x - self.margin_right_mm * mm
        h = height - self.margin_top_mm * mm - self.header_height - y
        return x, y, w, h


@cache
def register_fonts() -> tuple[Any, Any]:
    """Register DejaVu Sans (regular and bold) once per process; the fonts are embedded (subset).
    Returns the two fonts (the renderer hands them to ``library_internals.install_pdf_streams``)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    from kinerja_desktop.documents.library_internals import TaggedTTFont as TTFont

    regular = TTFont(FONT, str(resource_path("fonts", "DejaVuSans.ttf")))
    bold = TTFont(FONT_BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(bold)
    # DejaVu ships no oblique here: <i> falls back to the upright face.
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)
    return regular, bold


@dataclass(frozen=True, slots=True)
class Styles:
    """Paragraph styles for the sheets."""

    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_center: ParagraphStyle
    cell_bold_center: ParagraphStyle
    cell_bold_right: ParagraphStyle
    cell_item: ParagraphStyle
    head: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    section: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    small_bold: ParagraphStyle
    missing: ParagraphStyle
    missing_center: ParagraphStyle
    kop_name: ParagraphStyle
    kop_line: ParagraphStyle


@cache
def styles() -> Styles:
    """The shared styles (fonts registered on first use)."""
    register_fonts()
    base = ParagraphStyle(
        "kinerja-cell",
        fontName=FONT,
        fontSize=7.5,
        leading=9.2,
        alignment=TA_LEFT,
        spaceBefore=0,
        spaceAfter=0,
        splitLongWords=1,
        allowWidows=1,
        allowOrphans=1,
    )
    bold = ParagraphStyle("kinerja-cell-bold", parent=base, fontName=FONT_BOLD)
    return Styles(
        cell=base,
        cell_bold=bold,
        cell_center=ParagraphStyle("kinerja-cell-center", parent=base, alignment=TA_CENTER),
        cell_bold_center=ParagraphStyle("kinerja-cell-bold-center", parent=bold, alignment=TA_CENTER),
        cell_bold_right=ParagraphStyle("kinerja-cell-bold-right", parent=bold, alignment=TA_RIGHT),
        cell_item=ParagraphStyle("kinerja-cell-item", parent=base, leftIndent=8, firstLineIndent=-8),
        head=ParagraphStyle("kinerja-head", parent=bold, fontSize=7, leading=8.5, alignment=TA_CENTER),
        title=ParagraphStyle("kinerja-title", parent=bold, fontSize=11, leading=14, alignment=TA_CENTER),
        subtitle=ParagraphStyle("kinerja-subtitle", parent=bold, fontSize=8.5, leading=11, alignment=TA_CENTER),
        section=ParagraphStyle("kinerja-section", parent=bold, fontSize=8, leading=10),
        body=ParagraphStyle("kinerja-body", parent=base, fontSize=8.5, leading=11),
        small=ParagraphStyle("kinerja-small", parent=base, fontSize=6.5, leading=8),
        small_bold=ParagraphStyle("kinerja-small-bold", parent=bold, fontSize=6.5, leading=8),
        missing=ParagraphStyle("kinerja-missing", parent=base, textColor="#505050"),
        missing_center=ParagraphStyle("kinerja-missing-center", parent=base, textColor="#505050", alignment=TA_CENTER),
        kop_name=ParagraphStyle("kinerja-kop-name", parent=bold, fontSize=12.5, leading=15, alignment=TA_CENTER),
        kop_line=ParagraphStyle("kinerja-kop-line", parent=base, fontSize=8, leading=10, alignment=TA_CENTER),
    )
