"""The printed short guide (Panduan Ringkas) for sosialisasi sessions: A4 PDF from the Panduan sources.

The text comes from the same ``data/panduan`` files the in-app viewer shows (parsed by
:mod:`documents.guide_source`); the screenshots are PNG files of the real widgets, taken by the
caller (``kinerja panduan cetak`` takes them offscreen each time, so the guide never goes stale).
No Qt here: a missing screenshot is simply left out.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kinerja_desktop import __version__
from kinerja_desktop.documents.guide_source import TONE_COLOURS, Topic, inline_markup, load_topic
from kinerja_desktop.documents.page_setup import FONT, FONT_BOLD, Paper, register_fonts

__all__ = ["GUIDE_TOPICS", "GuideText", "render_guide"]

#: The topics of the printed guide, in order (a few pages: the pegawai's and the penilai's path).
GUIDE_TOPICS = ("mulai", "daftar-pegawai", "skp-pertama", "skp", "realisasi", "evaluasi", "unit")
BLUE = colors.HexColor("#1a3d6d")
GREY = colors.HexColor("#5f6368")
#: Tallest a screenshot may be on the page.
MAX_SHOT_HEIGHT = 105 * mm


@dataclass(frozen=True)
class GuideText:
    """The guide's own words in one language (the topics come from their files)."""

    title: str
    subtitle: str
    footer: str
    made: str
    contents: str

    @classmethod
    def for_language(cls, language: str) -> GuideText:
        if language == "en":
            return cls("Kinerja Desktop — Short Guide", "ASN performance management under PermenPAN-RB 6/2022",
                       "Kinerja Desktop short guide · page {0}", "Made on {0} by Kinerja Desktop {1} from the in-app "
                       "guides; the screenshots show the real application with demo data.", "Contents")
        return cls("Panduan Ringkas Kinerja Desktop", "Pengelolaan kinerja pegawai ASN menurut PermenPAN-RB 6/2022",
                   "Panduan ringkas Kinerja Desktop · halaman {0}", "Dibuat pada {0} oleh Kinerja Desktop {1} dari "
                   "panduan di dalam aplikasi; gambar layar menampilkan aplikasi sebenarnya dengan data contoh.",
                   "Isi")


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("guide-body", fontName=FONT, fontSize=9.5, leading=13, spaceAfter=4)
    return {
        "body": body,
        "cell": ParagraphStyle("guide-cell", parent=body, fontSize=8, leading=10, spaceAfter=0),
        "head": ParagraphStyle("guide-head", parent=body, fontName=FONT_BOLD, fontSize=8, leading=10, spaceAfter=0),
        "h1": ParagraphStyle("guide-h1", parent=body, fontName=FONT_BOLD, fontSize=16, leading=20, textColor=BLUE,
                             spaceBefore=2, spaceAfter=6),
        "h2": ParagraphStyle("guide-h2", parent=body, fontName=FONT_BOLD, fontSize=11.5, leading=15,
                             textColor=BLUE, spaceBefore=6, spaceAfter=3),
        "h3": ParagraphStyle("guide-h3", parent=body, fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=4),
        "caption": ParagraphStyle("guide-caption", parent=body, fontSize=7.5, leading=9, textColor=GREY,
                                  alignment=TA_CENTER, spaceBefore=2, spaceAfter=6),
        "title": ParagraphStyle("guide-title", parent=body, fontName=FONT_BOLD, fontSize=22, leading=27,
                                textColor=BLUE, spaceAfter=4),
        "subtitle": ParagraphStyle("guide-subtitle", parent=body, fontSize=11, leading=14, textColor=GREY,
                                   spaceAfter=10),
        "small": ParagraphStyle("guide-small", parent=body, fontSize=7.5, leading=9.5, textColor=GREY),
    }


def _inline(text: str) -> str:
    """Inline Markdown for reportlab's Paragraph (topic links print as bold words; the embedded font has no
    oblique face, so *examples* are told apart by colour)."""
    marked = inline_markup(text, code=("<font color='#37474f'>", "</font>"), link="<b>{text}</b>")
    return marked.replace("<i>", "<i><font color='#174ea6'>").replace("</i>", "</font></i>")


def _screenshot(path: Path, caption: str, width: float, st: Mapping[str, ParagraphStyle]) -> Flowable:
    reader = ImageReader(str(path))
    px_w, px_h = reader.getSize()
    w = width
    h = w * px_h / px_w
    if h > MAX_SHOT_HEIGHT:
        h = MAX_SHOT_HEIGHT
        w = h * px_w / px_h
    image = Image(str(path), width=w, height=h)
    frame = Table([[image]], colWidths=[w + 2], style=TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#9aa0a6")),
        ("LEFTPADDING", (0, 0), (-1, -1), 1), ("RIGHTPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return KeepTogether([Spacer(1, 2 * mm), frame, Paragraph(html.escape(caption), st["caption"])])


def _table(rows: Sequence[Sequence[str]], width: float, st: Mapping[str, ParagraphStyle]) -> Flowable:
    head, *body = rows
    n = max(len(r) for r in rows)
    data = [[Paragraph(_inline(c), st["head"]) for c in head]] + [
        [Paragraph(_inline(c), st["cell"]) for c in row] + [""] * (n - len(row)) for row in body]
    # Columns share the width by their longest text (a short label column stays narrow), none below 1/8.
    longest = [max(len(r[i]) if i < len(r) else 0 for r in rows) for i in range(n)]
    shares = [max(length / sum(longest), 1 / 8) for length in longest]
    widths = [width * share / sum(shares) for share in shares]
    return Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", style=TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#c8ccd2")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef1f5")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))


def _note(text: str, tone: str, width: float, st: Mapping[str, ParagraphStyle]) -> Flowable:
    bar, background = TONE_COLOURS.get(tone, TONE_COLOURS["catatan"])
    return Table([[Paragraph(_inline(text), st["cell"])]], colWidths=[width], hAlign="LEFT", style=TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(background)),
        ("LINEBEFORE", (0, 0), (0, -1), 3, colors.HexColor(bar)),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))


def topic_flowables(topic: Topic, screens: Mapping[str, Path], width: float,
                    st: Mapping[str, ParagraphStyle]) -> list[Flowable]:
    """One topic as flowables: heading, text, tables, example boxes and its screenshots."""
    out: list[Flowable] = [Paragraph(html.escape(topic.title), st["h1"])]
    for block in topic.blocks:
        if block.kind in ("h2", "h3"):
            out.append(CondPageBreak(30 * mm))
            out.append(Paragraph(_inline(block.text), st[block.kind]))
        elif block.kind == "p":
            out.append(Paragraph(_inline(block.text), st["body"]))
        elif block.kind in ("ul", "ol"):
            items = [ListItem(Paragraph(_inline(item), st["body"]), leftIndent=14) for item in block.items]
            if block.kind == "ol":
                out.append(ListFlowable(items, bulletType="1", bulletFontName=FONT, bulletFontSize=9, leftIndent=14))
            else:
                out.append(ListFlowable(items, bulletType="bullet", start="•", bulletFontName=FONT, bulletFontSize=9,
                                        leftIndent=14))
        elif block.kind == "table":
            out.append(Spacer(1, 1.5 * mm))
            out.append(_table(block.rows, width, st))
            out.append(Spacer(1, 2 * mm))
        elif block.kind == "note":
            out.append(Spacer(1, 1 * mm))
            out.append(_note(block.text, block.tone, width, st))
            out.append(Spacer(1, 2 * mm))
        elif block.kind == "image" and block.key in screens:
            out.append(_screenshot(screens[block.key], block.text, width, st))
    return out


def render_guide(out: Path, screens: Mapping[str, Path], *, language: str = "id",
                 topics: Sequence[str] = GUIDE_TOPICS, today: date | None = None) -> int:
    """Write the short guide to ``out`` (A4); returns its number of pages."""
    st = _styles()
    text = GuideText.for_language(language)
    width, height = Paper.A4.size
    margin = 16 * mm
    frame_width = width - 2 * margin
    loaded = [load_topic(key, language) for key in topics]
    story: list[Flowable] = [
        Paragraph(html.escape(text.title), st["title"]),
        Paragraph(html.escape(text.subtitle), st["subtitle"]),
        Paragraph(f"<b>{html.escape(text.contents)}</b>", st["body"]),
        ListFlowable([ListItem(Paragraph(html.escape(t.title), st["body"]), leftIndent=14) for t in loaded],
                     bulletType="1", leftIndent=14),
        Paragraph(html.escape(text.made.format((today or date.today()).strftime("%d-%m-%Y"), __version__)),
                  st["small"]),
        Spacer(1, 6 * mm),
    ]
    for n, topic in enumerate(loaded):
        if n:  # a topic starts on a new page unless most of one is left
            story.append(CondPageBreak(height * 0.55))
            story.append(Spacer(1, 8 * mm))
        story.extend(topic_flowables(topic, screens, frame_width, st))

    def footer(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(margin, 9 * mm, text.footer.format(doc.page))
        canvas.setStrokeColor(colors.HexColor("#dadce0"))
        canvas.line(margin, 12 * mm, width - margin, 12 * mm)
        canvas.restoreState()

    out.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(str(out), pagesize=(width, height), leftMargin=margin, rightMargin=margin,
                            topMargin=14 * mm, bottomMargin=18 * mm, title=text.title, author="Kinerja Desktop",
                            subject=text.subtitle)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return int(doc.page)
