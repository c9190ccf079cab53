"""The Panduan sources: short Markdown files per page and language, read by the in-app viewer and the printed guide.

Files live in ``kinerja_desktop/data/panduan/<language>/<topic>.md`` (``id`` is the source, ``en`` the
translation; a topic missing in a language falls back to Indonesian). They use a small, fixed subset
of Markdown, parsed here without any dependency so both readers see exactly the same blocks:

- ``# Title`` (first line, once), ``## Section``, ``### Sub-section``;
- paragraphs (consecutive lines), ``- `` bullets, ``1. `` numbered items (continuation lines indented);
- pipe tables with a ``|---|`` line under the header;
- ``> [baik] ...``, ``> [buruk] ...``, ``> [catatan] ...``: a coloured example or note box;
- ``![caption](layar:KEY)``: a screenshot of the real app, taken by ``kinerja panduan cetak``
  (the viewer leaves it out);
- inline ``**bold**``, ``*italic*``, `` `code` ``, ``[text](topic)`` (a link to another topic).

No Qt and no reportlab here: :func:`to_html` gives the viewer's HTML, :mod:`documents.guide` the PDF.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from kinerja_desktop.domain.errors import NotFound
from kinerja_desktop.resources import resource_path

__all__ = ["LANGUAGES", "TOPICS", "Block", "Topic", "inline_markup", "load_topic", "parse", "to_html"]

#: Every topic, in reading order (the viewer's index and the printed guide follow it).
TOPICS = ("mulai", "daftar-pegawai", "skp", "skp-pertama", "matriks", "realisasi", "harian", "evaluasi",
          "tindak-lanjut", "dokumen", "unit", "instansi", "sinkronisasi")
LANGUAGES = ("id", "en")
TONES = ("baik", "buruk", "catatan")
#: Link scheme of a topic link in the viewer's HTML.
LINK_SCHEME = "panduan:"

_HEADING = re.compile(r"^(#{1,3})\s+(.*)$")
_BULLET = re.compile(r"^[-*]\s+(.*)$")
_NUMBERED = re.compile(r"^\d+[.)]\s+(.*)$")
_IMAGE = re.compile(r"^!\[([^\]]*)\]\(layar:([a-z0-9-]+)\)\s*$")
_NOTE = re.compile(r"^\[(baik|buruk|catatan)\]\s*(.*)$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")


@dataclass(frozen=True)
class Block:
    """One block of a topic.

    ``kind``: ``h2``, ``h3``, ``p``, ``ul``, ``ol``, ``table``, ``note`` or ``image``. Text keeps its inline
    Markdown (see :func:`inline_markup`). ``items`` are list items; ``rows`` a table (first row the
    header); ``tone`` a note's tone; ``key`` an image's screenshot key.
    """

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    tone: str = ""
    key: str = ""


@dataclass(frozen=True)
class Topic:
    key: str
    language: str
    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def images(self) -> list[str]:
        return [b.key for b in self.blocks if b.kind == "image"]


def topic_path(key: str, language: str = "id") -> Path:
    return resource_path("panduan", language, f"{key}.md")


def load_topic(key: str, language: str = "id") -> Topic:
    """The topic ``key`` in ``language`` (Indonesian when that language has no file for it)."""
    if key not in TOPICS:
        raise NotFound(f"Panduan '{key}' tidak ada. Pilihan: {', '.join(TOPICS)}.")
    path = topic_path(key, language if language in LANGUAGES else "id")
    if not path.is_file():
        language, path = "id", topic_path(key, "id")
    title, blocks = parse(path.read_text(encoding="utf-8"))
    return Topic(key, language, title or key, tuple(blocks))


def _cells(line: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in line.strip().strip("|").split("|"))


def parse(text: str) -> tuple[str, list[Block]]:
    """(title, blocks) of one source file."""
    lines = text.replace("\r\n", "\n").split("\n")
    title = ""
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        heading = _HEADING.match(stripped)
        if heading:
            level = len(heading.group(1))
            if level == 1 and not title:
                title = heading.group(2).strip()
            else:
                blocks.append(Block(f"h{max(level, 2)}", heading.group(2).strip()))
            i += 1
            continue
        image = _IMAGE.match(stripped)
        if image:
            blocks.append(Block("image", image.group(1).strip(), key=image.group(2)))
            i += 1
            continue
        if stripped.startswith(">"):
            quoted = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quoted.append(lines[i].strip()[1:].strip())
                i += 1
            body = " ".join(q for q in quoted if q)
            note = _NOTE.match(body)
            tone, body = (note.group(1), note.group(2)) if note else ("catatan", body)
            blocks.append(Block("note", body, tone=tone))
            continue
        if stripped.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not _TABLE_RULE.match(lines[i].strip()):
                    rows.append(_cells(lines[i]))
                i += 1
            blocks.append(Block("table", rows=tuple(rows)))
            continue
        for kind, pattern in (("ul", _BULLET), ("ol", _NUMBERED)):
            if pattern.match(stripped):
                items: list[str] = []
                while i < len(lines) and lines[i].strip():
                    current = lines[i].strip()
                    started = pattern.match(current)
                    if started:
                        items.append(started.group(1).strip())
                    elif items and lines[i].startswith((" ", "\t")):
                        items[-1] += " " + current
                    else:
                        break
                    i += 1
                blocks.append(Block(kind, items=tuple(items)))
                break
        else:
            para = []
            while i < len(lines) and lines[i].strip() and not _starts_block(lines[i].strip()):
                para.append(lines[i].strip())
                i += 1
            blocks.append(Block("p", " ".join(para)))
    return title, blocks


def _starts_block(line: str) -> bool:
    return bool(_HEADING.match(line) or _IMAGE.match(line) or line.startswith((">", "|"))
                or _BULLET.match(line) or _NUMBERED.match(line))


_INLINE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|`(.+?)`|\[([^\]]+)\]\(([a-z0-9-]+)\)")


def inline_markup(text: str, *, code: tuple[str, str] = ("<code>", "</code>"),
                  link: str = '<a href="' + LINK_SCHEME + '{key}">{text}</a>') -> str:
    """Inline Markdown as the small HTML both Qt and reportlab's Paragraph understand (text escaped)."""
    out: list[str] = []
    pos = 0
    for m in _INLINE.finditer(text):
        out.append(html.escape(text[pos:m.start()], quote=False))
        bold, italic, mono, link_text, key = m.groups()
        if bold is not None:
            out.append(f"<b>{inline_markup(bold, code=code, link=link)}</b>")
        elif italic is not None:
            out.append(f"<i>{inline_markup(italic, code=code, link=link)}</i>")
        elif mono is not None:
            out.append(code[0] + html.escape(mono, quote=False) + code[1])
        else:
            out.append(link.format(key=key, text=html.escape(link_text, quote=False)))
        pos = m.end()
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


#: Colours of the note boxes: (bar, background).
TONE_COLOURS = {"baik": ("#137333", "#e6f4ea"), "buruk": ("#c5221f", "#fce8e6"), "catatan": ("#1a73e8", "#e8f0fe")}


def to_html(topic: Topic) -> str:
    """The topic as HTML for a QTextBrowser (screenshots are left out: they belong to the printed guide)."""
    parts = [f"<h1>{html.escape(topic.title)}</h1>"]
    for block in topic.blocks:
        if block.kind in ("h2", "h3"):
            parts.append(f"<{block.kind}>{inline_markup(block.text)}</{block.kind}>")
        elif block.kind == "p":
            parts.append(f"<p>{inline_markup(block.text)}</p>")
        elif block.kind in ("ul", "ol"):
            items = "".join(f"<li>{inline_markup(item)}</li>" for item in block.items)
            parts.append(f"<{block.kind}>{items}</{block.kind}>")
        elif block.kind == "table":
            head, *body = block.rows or ((),)
            cells = "".join(f"<th align='left' bgcolor='#eef1f5'>{inline_markup(c)}</th>" for c in head)
            rows = "".join("<tr>" + "".join(f"<td>{inline_markup(c)}</td>" for c in row) + "</tr>" for row in body)
            parts.append(f"<table border='1' cellspacing='0' cellpadding='5' width='100%' "
                         f"style='border-color:#c8ccd2; border-collapse:collapse'><tr>{cells}</tr>{rows}</table>")
        elif block.kind == "note":
            bar, background = TONE_COLOURS.get(block.tone, TONE_COLOURS["catatan"])
            parts.append("<table width='100%' cellspacing='0' cellpadding='8' style='margin:6px 0'>"
                         f"<tr><td width='4' bgcolor='{bar}'></td><td bgcolor='{background}'>"
                         f"{inline_markup(block.text)}</td></tr></table>")
    return "\n".join(parts)
