"""Copies of a signature's stamp in the sheet's other blocks of the same signer (the Lampiran SKP).

The Lampiran page is signed like the SKP (REFERENCE.md). One PAdES signature covers the whole
file, so a second signature per person would prove nothing more and cost a second CMS. Instead
each copy block is a read-only push button (``salinan_ttd_<role>_p<page>``) created empty with
the sheet's signature fields; when ``<role>`` signs, the button gets the signer's stamp as its
appearance in the very revision that the signature covers. pyHanko's difference analysis counts
a new appearance of a non-signature field as form filling, which every approval signature
permits, so a later signer's copy leaves earlier signatures valid (and ``verify`` accepts it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from pyhanko.pdf_utils import generic, layout
from pyhanko.pdf_utils.generic import pdf_name, pdf_string
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from kinerja_desktop.documents.signature_stamp import stamp_style

__all__ = ["add_copy_fields", "fill_copies"]

_PUSHBUTTON, _READ_ONLY = 1 << 16, 1
_PRINT = 4


class CopyBox(Protocol):
    role: str
    page: int
    box: tuple[float, float, float, float]
    copy: bool

    @property
    def field_name(self) -> str: ...


def _acroform(writer: IncrementalPdfFileWriter) -> generic.DictionaryObject:
    root = writer.root
    try:
        form = root["/AcroForm"]
    except KeyError:
        form = generic.DictionaryObject({pdf_name("/Fields"): generic.ArrayObject()})
        root[pdf_name("/AcroForm")] = writer.add_object(form)
        writer.update_root()
    return form


def _fields_by_name(writer: IncrementalPdfFileWriter) -> dict[str, generic.IndirectObject]:
    try:
        fields = writer.root["/AcroForm"]["/Fields"]
    except KeyError:
        return {}
    found: dict[str, generic.IndirectObject] = {}
    for ref in fields:
        if isinstance(ref, generic.IndirectObject):
            name = ref.get_object().get("/T")
            if name is not None:
                found[str(name)] = ref
    return found


def add_copy_fields(writer: IncrementalPdfFileWriter, boxes: Iterable[CopyBox]) -> None:
    """Create the empty copy blocks that the document does not have yet (done with the first signature)."""
    wanted = [b for b in boxes if b.copy]
    if not wanted:
        return
    existing = _fields_by_name(writer)
    form = _acroform(writer)
    fields = form["/Fields"]
    for box in wanted:
        if box.field_name in existing:
            continue
        page_ref, _ = writer.find_page_for_modification(box.page)
        x1, y1, x2, y2 = (round(v) for v in box.box)
        widget = generic.DictionaryObject(
            {
                pdf_name("/Type"): pdf_name("/Annot"),
                pdf_name("/Subtype"): pdf_name("/Widget"),
                pdf_name("/FT"): pdf_name("/Btn"),
                pdf_name("/Ff"): generic.NumberObject(_PUSHBUTTON | _READ_ONLY),
                pdf_name("/T"): pdf_string(box.field_name),
                pdf_name("/TU"): pdf_string(f"Salinan tanda tangan {box.role}"),
                pdf_name("/F"): generic.NumberObject(_PRINT),
                pdf_name("/Rect"): generic.ArrayObject([generic.NumberObject(v) for v in (x1, y1, x2, y2)]),
                pdf_name("/P"): page_ref,
            }
        )
        ref = writer.add_object(widget)
        fields.append(ref)
        writer.register_annotation(page_ref, ref)
    writer.update_container(fields)


def fill_copies(
    writer: IncrementalPdfFileWriter, boxes: Sequence[CopyBox], role: str, text_params: Mapping[str, str]
) -> int:
    """Draw ``role``'s stamp into its copy blocks; returns how many were filled."""
    existing = _fields_by_name(writer)
    filled = 0
    for box in boxes:
        if not box.copy or box.role != role or box.field_name not in existing:
            continue
        ref = existing[box.field_name]
        widget = ref.get_object()
        x1, y1, x2, y2 = (round(v) for v in box.box)
        stamp = stamp_style().create_stamp(
            writer, layout.BoxConstraints(width=x2 - x1, height=y2 - y1), dict(text_params)
        )
        stamp.apply_appearance(widget)
        writer.update_container(widget)
        filled += 1
    return filled
