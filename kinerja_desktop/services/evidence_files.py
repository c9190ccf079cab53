"""Evidence file names and types that are safe to show and to hand to the system viewer.

An evidence file arrives from a clerk's PC or, through sync, from any other PC: its name is
whatever that PC said. ``a\u202egpj.exe`` shows as ``aexe.jpg`` (a right-to-left override) and
``laporan.pdf.exe`` is a program; the system "open" handler picks the program by the name's
extension, so opening such a file runs it on Windows. Here:

* :func:`clean_filename` removes bidi and other control/format characters, path separators
  and what Windows refuses in a name; names are shown and stored that way.
* :func:`detect_type` says what a file *is* from its first bytes (and, for office documents,
  its zip directory), allow-listed: PDF, common images, Word/Excel/PowerPoint and
  OpenDocument files without macros. Anything else is not opened directly; the GUI offers to
  save it with a warning.
* :func:`viewer_name` is the name the copy handed to the viewer gets: its extension is the
  detected type's, so the handler is chosen by the content, never by what the name claims.

Pure standard library; the core imports no Qt.
"""

from __future__ import annotations

import os
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["EvidenceType", "clean_filename", "detect_type", "viewer_name"]

#: Unicode categories removed from names: controls, format characters (bidi overrides and
#: isolates, zero-width marks), surrogates, private use, unassigned, line/paragraph separators.
_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_WINDOWS_FORBIDDEN = str.maketrans({c: "_" for c in '<>:"/\\|?*'})
_WINDOWS_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                               *(f"LPT{i}" for i in range(1, 10))})
MAX_NAME = 255
FALLBACK_NAME = "bukti"


@dataclass(frozen=True)
class EvidenceType:
    """An allow-listed content type: Indonesian label, MIME type, extensions (first one preferred)."""

    label: str
    mime: str
    extensions: tuple[str, ...]


PDF = EvidenceType("PDF", "application/pdf", (".pdf",))
PNG = EvidenceType("gambar PNG", "image/png", (".png",))
JPEG = EvidenceType("gambar JPEG", "image/jpeg", (".jpg", ".jpeg"))
GIF = EvidenceType("gambar GIF", "image/gif", (".gif",))
BMP = EvidenceType("gambar BMP", "image/bmp", (".bmp",))
TIFF = EvidenceType("gambar TIFF", "image/tiff", (".tif", ".tiff"))
WEBP = EvidenceType("gambar WebP", "image/webp", (".webp",))
DOCX = EvidenceType("dokumen Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    (".docx",))
XLSX = EvidenceType("lembar kerja Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    (".xlsx",))
PPTX = EvidenceType("presentasi PowerPoint",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation", (".pptx",))
ODT = EvidenceType("dokumen OpenDocument", "application/vnd.oasis.opendocument.text", (".odt",))
ODS = EvidenceType("lembar kerja OpenDocument", "application/vnd.oasis.opendocument.spreadsheet", (".ods",))
ODP = EvidenceType("presentasi OpenDocument", "application/vnd.oasis.opendocument.presentation", (".odp",))
DOC = EvidenceType("dokumen Word 97-2003", "application/msword", (".doc",))
XLS = EvidenceType("lembar kerja Excel 97-2003", "application/vnd.ms-excel", (".xls",))
PPT = EvidenceType("presentasi PowerPoint 97-2003", "application/vnd.ms-powerpoint", (".ppt",))

_OOXML_PARTS = (("word/document.xml", DOCX), ("xl/workbook.xml", XLSX), ("ppt/presentation.xml", PPTX))
_ODF = {t.mime: t for t in (ODT, ODS, ODP)}
_OLE = {t.extensions[0]: t for t in (DOC, XLS, PPT)}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def clean_filename(name: str) -> str:
    """A file name without bidi/control characters, folders or characters Windows refuses.

    ``'a\\u202egpj.exe'`` -> ``'agpj.exe'``; ``'../../x.pdf'`` -> ``'x.pdf'``; empty -> ``'bukti'``.
    """
    text = unicodedata.normalize("NFC", name or "")
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _DROP_CATEGORIES)
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = " ".join(text.translate(_WINDOWS_FORBIDDEN).split()).strip(" .")
    if text.split(".", 1)[0].upper() in _WINDOWS_RESERVED:
        text = "_" + text
    if len(text) > MAX_NAME:
        stem, ext = os.path.splitext(text)
        text = stem[: MAX_NAME - len(ext[:20])] + ext[:20]
    return text or FALLBACK_NAME


def _zip_type(path: Path) -> EvidenceType | None:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            lowered = {n.lower() for n in names}
            if "mimetype" in names:
                info = z.getinfo("mimetype")
                if info.file_size > 100:
                    return None
                kind = _ODF.get(z.read("mimetype").decode("ascii", "replace").strip())
                macros = any(n.startswith(("basic/", "scripts/")) for n in lowered)
                return None if kind is None or macros else kind
            if "[content_types].xml" not in lowered or any(n.endswith("vbaproject.bin") for n in lowered):
                return None
            return next((kind for part, kind in _OOXML_PARTS if part in lowered), None)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, NotImplementedError, RuntimeError, EOFError):
        return None


def detect_type(path: Path, name: str | None = None) -> EvidenceType | None:
    """The allow-listed type of a file by its content, or None when it is none of them.

    ``name`` (the file's name as stored) is needed only for legacy Office files, whose container
    format is shared with installers: they count as Word/Excel/PowerPoint 97-2003 only when the
    name also says so, and are then opened under that extension.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return None
    if b"%PDF-" in head:
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head.startswith(b"BM") and len(head) > 14:
        return BMP
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(path)
    if head.startswith(_OLE_MAGIC) and name:
        return _OLE.get(os.path.splitext(clean_filename(name))[1].lower())
    return None


def viewer_name(filename: str, kind: EvidenceType) -> str:
    """The name for the copy handed to the system viewer: the clean name, ending in the detected type's extension.

    ``'laporan.pdf.exe'`` holding a PDF -> ``'laporan.pdf'``; ``'foto'`` holding a PNG -> ``'foto.png'``.
    """
    clean = clean_filename(filename)
    stem, ext = os.path.splitext(clean)
    if ext.lower() in kind.extensions:
        return clean
    base = stem if ext and stem else clean
    if os.path.splitext(base)[1].lower() in kind.extensions:
        return base
    return base + kind.extensions[0]
