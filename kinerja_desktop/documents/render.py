"""Turn sheets into PDF: one sheet -> :class:`RenderedDocument`; many sheets -> one combined PDF.

A file carries its real CreationDate/ModDate. The document's identity does not depend on the
bytes: its QR and ``/KinerjaDataSHA256`` hold the SHA-256 of the sheet's data (hashing.py). A
caller that needs byte-identical output for the same sheet passes ``reproducible=True``
(reportlab's ``invariant`` mode: fixed dates and file id).
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from kinerja_desktop.documents import (
    blank_layout,
    daily_recap_layout,
    dokumen_evaluasi_layout,
    evaluasi_layout,
    matriks_layout,
    penetapan_layout,
    skm_form_layout,
    skm_layout,
    skp_layout,
    tindak_lanjut_layout,
    tpp_layout,
)
from kinerja_desktop.documents.hashing import data_sha256, payload_for
from kinerja_desktop.documents.keep_tail import keep_signatures_with_rows
from kinerja_desktop.documents.layout_common import load_logo
from kinerja_desktop.documents.layout_context import DocMeta, LayoutContext
from kinerja_desktop.documents.page_canvas import DocStart, DocState, SheetCanvas
from kinerja_desktop.documents.library_internals import install_pdf_streams
from kinerja_desktop.documents.page_setup import FONT, PageSetup, register_fonts
from kinerja_desktop.documents.rendered import (
    INFO_DATA_SHA256,
    INFO_DOC_ID,
    INFO_SIGNATURE_FIELDS,
    INFO_STATUS,
    STATUS_BLANK,
    STATUS_DRAFT,
    STATUS_FINAL,
    RenderedDocument,
    SignatureBox,
    signature_fields_json,
)
from kinerja_desktop.documents.sheet_data import (
    BlankForm,
    DokumenEvaluasiSheet,
    EvaluasiSheet,
    PenetapanSheet,
    Sheet,
    SkpSheet,
)
from kinerja_desktop.domain.errors import KinerjaError

__all__ = ["CombinedPdf", "DocumentFailure", "PlacedDocument", "RenderError", "render", "render_combined"]

log = logging.getLogger(__name__)

LAYOUTS: dict[type, ModuleType] = {
    SkpSheet: skp_layout,
    EvaluasiSheet: evaluasi_layout,
    DokumenEvaluasiSheet: dokumen_evaluasi_layout,
    PenetapanSheet: penetapan_layout,
    BlankForm: blank_layout,
    skm_layout.SkmReportSheet: skm_layout,
    skm_form_layout.SkmFormSheet: skm_form_layout,
    tpp_layout.TppSheet: tpp_layout,
    daily_recap_layout.DailyRecapSheet: daily_recap_layout,
    tindak_lanjut_layout.AwardListSheet: tindak_lanjut_layout,
    tindak_lanjut_layout.UsulanPenghargaanSheet: tindak_lanjut_layout,
    tindak_lanjut_layout.JpRecapSheet: tindak_lanjut_layout,
}
LAYOUTS[matriks_layout.MatriksSheet] = matriks_layout  # matriks peran hasil (issue 17)
CREATOR = "Kinerja Desktop"
INFO_DOCUMENTS = "/KinerjaDocuments"


class RenderError(KinerjaError):
    """A sheet could not be laid out; the message names the document."""


@dataclass(frozen=True, slots=True)
class PlacedDocument:
    """One document inside a combined PDF (pages 0-based in the combined file)."""

    doc_id: str
    kind: str
    data_sha256: str
    title: str
    first_page: int
    page_count: int
    signature_fields: list[SignatureBox]


@dataclass(frozen=True, slots=True)
class DocumentFailure:
    doc_id: str
    message: str


@dataclass
class CombinedPdf:
    pdf: bytes
    documents: list[PlacedDocument] = field(default_factory=list)
    failures: list[DocumentFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    page_count: int = 0


def _layout(sheet: Sheet) -> ModuleType:
    try:
        return LAYOUTS[type(sheet)]
    except KeyError:
        raise RenderError(f"Jenis lembar '{type(sheet).__name__}' tidak dapat dicetak") from None


@dataclass
class _Prepared:
    sheet: Sheet
    state: DocState
    meta: DocMeta
    story: list[Flowable]


def _prepare(sheet: Sheet, ctx_for: Callable[[Sheet], LayoutContext]) -> _Prepared:
    layout = _layout(sheet)
    sha = data_sha256(sheet)
    meta: DocMeta = layout.meta(sheet)
    doc_id: str = sheet.doc_id  # type: ignore[attr-defined]
    state = DocState(doc_id, sheet.KIND, meta.header, payload_for(doc_id, sha), sha,
                     draft=bool(getattr(sheet, "draft", False)))
    story = keep_signatures_with_rows(layout.story(sheet, ctx_for(sheet)))  # no signature alone on a page
    return _Prepared(sheet, state, meta, [DocStart(state), *story])


def _build(
    parts: Sequence[_Prepared],
    setup: PageSetup,
    duplex: bool,
    info: dict[str, Any],
    pad_even: bool = False,
    reproducible: bool = False,
) -> tuple[bytes, SheetCanvas]:
    # The measured speed-ups of reportlab's streams, installed here on purpose (library_internals)
    install_pdf_streams(*register_fonts())
    buf = io.BytesIO()
    x, y, w, h = setup.frame
    doc = BaseDocTemplate(
        buf,
        pagesize=setup.page_size,
        title=info["title"],
        author=info["author"],
        subject=info["subject"],
        keywords=info["keywords"],
        creator=CREATOR,
        invariant=1 if reproducible else 0,  # 0: the real creation date (and a file id of its own)
        pageCompression=1,
        initialFontName=FONT,  # otherwise reportlab references Helvetica (not embedded) on every page
        initialFontSize=8,
    )
    frame = Frame(x, y, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame])])
    story: list[Flowable] = []
    for i, part in enumerate(parts):
        if i:
            story.append(PageBreak())
        story += part.story
    made: list[SheetCanvas] = []

    def maker(*args: Any, **kwargs: Any) -> SheetCanvas:
        canv = SheetCanvas(*args, setup=setup, duplex=duplex, pad_even=pad_even, extras=info.get("extras"), **kwargs)
        made.append(canv)
        return canv

    doc.build(story, canvasmaker=maker)
    return buf.getvalue(), made[-1]


class _Contexts:
    """One LayoutContext per logo path; logo problems become warnings, not failures."""

    def __init__(self, setup: PageSetup) -> None:
        self.setup = setup
        self.cache: dict[str | None, LayoutContext] = {}
        self.warnings: list[str] = []

    def __call__(self, sheet: Sheet) -> LayoutContext:
        path = sheet.instansi.logo_path  # type: ignore[attr-defined]
        ctx = self.cache.get(path)
        if ctx is None:
            logo, warning = load_logo(path)
            if warning:
                self.warnings.append(warning)
            ctx = self.cache[path] = LayoutContext(self.setup, logo)
        return ctx


def render(sheet: Sheet, setup: PageSetup | None = None, *, reproducible: bool = False) -> RenderedDocument:
    """Render one sheet. Raises :class:`RenderError` (Indonesian message) when it cannot be laid out.

    ``reproducible``: the same sheet gives the same bytes (dates fixed at 2000-01-01)."""
    setup = setup or PageSetup()
    contexts = _Contexts(setup)
    try:
        part = _prepare(sheet, contexts)
        info = _single_info(part)
        pdf, canv = _build([part], setup, False, info, reproducible=reproducible)
    except KinerjaError:
        raise
    except Exception as exc:
        log.exception("rendering %s failed", getattr(sheet, "doc_id", "?"))
        raise RenderError(f"Dokumen {getattr(sheet, 'doc_id', '?')} gagal dibuat: {exc}") from exc
    state = part.state
    return RenderedDocument(
        pdf=pdf,
        doc_id=state.doc_id,
        kind=state.kind,
        data_sha256=state.data_sha256,
        signature_fields=list(state.signatures),
        page_count=state.page_count,
        title=part.meta.title,
        warnings=tuple(contexts.warnings),
        draft=state.draft,
    )


def _single_info(part: _Prepared) -> dict[str, Any]:
    state = part.state

    def extras(_canv: SheetCanvas) -> dict[str, str]:
        # Signature boxes are known only after layout, so this runs when the canvas saves.
        return {
            INFO_DOC_ID: state.doc_id,
            INFO_DATA_SHA256: state.data_sha256,
            INFO_SIGNATURE_FIELDS: signature_fields_json(state.signatures),
            INFO_STATUS: STATUS_BLANK if state.kind == "blank" else STATUS_DRAFT if state.draft else STATUS_FINAL,
        }

    return {
        "title": part.meta.title,
        "author": part.sheet.instansi.nama,  # type: ignore[attr-defined]
        "subject": part.meta.subject,
        "keywords": part.meta.keywords,
        "extras": extras,
    }


def render_combined(
    sheets: Sequence[Sheet],
    setup: PageSetup | None = None,
    *,
    duplex: bool = True,
    pad_even: bool = False,
    reproducible: bool = False,
) -> CombinedPdf:
    """All sheets in one PDF; each document starts on an odd page when ``duplex``; ``pad_even`` adds
    a blank last page when needed so that PDFs joined one after another keep that property.

    A sheet that fails is left out and listed in ``failures``; the others are still printed.
    """
    setup = setup or PageSetup()
    contexts = _Contexts(setup)
    parts: list[_Prepared] = []
    failures: list[DocumentFailure] = []
    for sheet in sheets:
        try:
            parts.append(_prepare(sheet, contexts))
        except Exception as exc:  # noqa: BLE001 - one bad sheet must not stop the batch
            failures.append(DocumentFailure(getattr(sheet, "doc_id", "?"), _message(exc)))
    if not parts:
        return CombinedPdf(b"", [], failures, contexts.warnings)
    try:
        pdf, canv = _build(parts, setup, duplex, _combined_info(parts), pad_even, reproducible)
    except Exception:  # noqa: BLE001 - find the culprit(s) and build the rest
        good: list[_Prepared] = []
        for sheet in [p.sheet for p in parts]:
            try:
                trial = _prepare(sheet, contexts)
                _build([trial], setup, False, _combined_info([trial]))
                good.append(_prepare(sheet, contexts))
            except Exception as exc:  # noqa: BLE001
                failures.append(DocumentFailure(getattr(sheet, "doc_id", "?"), _message(exc)))
        parts = good
        if not parts:
            return CombinedPdf(b"", [], failures, contexts.warnings)
        pdf, canv = _build(parts, setup, duplex, _combined_info(parts), pad_even, reproducible)
    placed = _placements(parts, duplex)
    return CombinedPdf(pdf, placed, failures, _unique(contexts.warnings), canv.output_pages)


def _placements(parts: Sequence[_Prepared], duplex: bool) -> list[PlacedDocument]:
    placed: list[PlacedDocument] = []
    page = 0
    for part in parts:
        if duplex and page % 2 == 1:
            page += 1
        s = part.state
        placed.append(
            PlacedDocument(s.doc_id, s.kind, s.data_sha256, part.meta.title, page, s.page_count, list(s.signatures))
        )
        page += s.page_count
    return placed


def _combined_info(parts: Sequence[_Prepared]) -> dict[str, Any]:
    first = parts[0]
    nips = []
    for p in parts:
        nip = getattr(getattr(p.sheet, "pegawai", None), "nip", "")
        if nip:
            nips.append(f"NIP {nip}")
    shown = nips[:50] + ([f"dan {len(nips) - 50} lainnya"] if len(nips) > 50 else [])
    kinds = sorted({p.state.kind for p in parts})
    title = first.meta.title if len(parts) == 1 else f"Cetak massal: {len(parts)} dokumen ({', '.join(kinds)})"
    return {
        "title": title,
        "author": first.sheet.instansi.nama,  # type: ignore[attr-defined]
        "subject": first.meta.subject,
        "keywords": ", ".join([first.meta.keywords.split(",")[0], *shown]),
        "extras": lambda _canv: {INFO_DOCUMENTS: json.dumps([p.state.doc_id for p in parts], separators=(",", ":"))},
    }


def _message(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, KinerjaError) else f"{type(exc).__name__}: {exc}"


def _unique(items: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(items))
