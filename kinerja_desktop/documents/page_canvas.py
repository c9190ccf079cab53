"""The canvas that finishes every page: running header, "Halaman x dari y", document id, QR.

Pages are kept until :meth:`SheetCanvas.save`, when the page count of each document is known
(one PDF may hold many documents in a batch; numbering restarts for each). In duplex mode a
blank page is inserted wherever a document would otherwise start on an even page.

Flowables placed in the story talk to the canvas: :class:`DocStart` opens a document,
:class:`SignatureMark` records where a signature box was drawn (``canv.absolutePosition``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from kinerja_desktop.documents.library_internals import draw_line
from kinerja_desktop.documents.page_setup import FONT, FONT_BOLD, PageSetup
from kinerja_desktop.documents.qr import draw_qr
from kinerja_desktop.documents.rendered import SignatureBox

__all__ = ["DocStart", "DocState", "SheetCanvas", "SignatureMark"]

QR_SIZE = 17 * mm
DRAFT_WORD = "KONSEP"
DRAFT_NOTE = "KONSEP — belum disetujui/difinalkan; bukan dokumen resmi dan tidak dapat ditandatangani"
DRAFT_RED = colors.HexColor("#c62828")


@dataclass
class DocState:
    """One document inside the PDF being built; filled in while the story is drawn."""

    doc_id: str
    kind: str
    header: str  # running header of continuation pages
    payload: str  # QR text
    data_sha256: str
    draft: bool = False  # the record is not approved/final: every page is marked KONSEP
    first_page: int = -1  # index among the pages of this canvas (before blank pages are inserted)
    page_count: int = 0
    signatures: list[SignatureBox] = field(default_factory=list)


class DocStart(Flowable):
    """Zero-size marker: the pages from here on belong to ``state``. Put it first in a document's story."""

    def __init__(self, state: DocState) -> None:
        super().__init__()
        self.state = state
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        if isinstance(canv, SheetCanvas):
            canv.begin_document(self.state)


class SignatureMark(Flowable):
    """An empty box of the given size whose page position is recorded as a :class:`SignatureBox`."""

    def __init__(
        self, role: str, width: float, height: float, signer_name: str = "", signer_nip: str = "", *, copy: bool = False
    ) -> None:
        super().__init__()
        self.role = role
        self.copy = copy
        self.width = width
        self.height = height
        self.signer_name = signer_name
        self.signer_nip = signer_nip

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        x0, y0 = canv.absolutePosition(0, 0)
        x1, y1 = canv.absolutePosition(self.width, self.height)
        if isinstance(canv, SheetCanvas):
            canv.record_signature(self.role, (x0, y0, x1, y1), self.signer_name, self.signer_nip, copy=self.copy)


class _Info(pdfdoc.PDFInfo):
    """Document information dictionary with our custom keys."""

    extras: dict[str, str] = {}  # noqa: RUF012

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        d = {
            "Title": pdfdoc.PDFString(self.title),
            "Author": pdfdoc.PDFString(self.author),
            "Producer": pdfdoc.PDFString(self.producer),
            "Creator": pdfdoc.PDFString(self.creator),
            "Subject": pdfdoc.PDFString(self.subject),
            "Keywords": pdfdoc.PDFString(self.keywords),
            "Trapped": pdfdoc.PDFName(self.trapped),
        }
        d["ModDate"] = d["CreationDate"] = pdfdoc.PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter)
        for key, value in self.extras.items():
            d[key.lstrip("/")] = pdfdoc.PDFString(value)
        return pdfdoc.PDFDictionary(d).format(document)


class SheetCanvas(Canvas):
    """Defers pages to number them per document and stamp header, footer and QR."""

    def __init__(
        self,
        *args: object,
        setup: PageSetup,
        duplex: bool = False,
        pad_even: bool = False,
        extras: Callable[[SheetCanvas], dict[str, str]] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._setup = setup
        self._duplex = duplex
        self._pad_even = pad_even
        self._extras = extras
        self._pages: list[tuple[dict[str, object], DocState | None]] = []
        self._state: DocState | None = None
        self.documents: list[DocState] = []
        self.output_pages = 0

    # -- called by flowables --------------------------------------------------------------
    def begin_document(self, state: DocState) -> None:
        state.first_page = len(self._pages)
        self._state = state
        self.documents.append(state)

    def record_signature(
        self, role: str, box: tuple[float, float, float, float], name: str, nip: str, *, copy: bool = False
    ) -> None:
        state = self._state
        if state is None:
            return
        page = len(self._pages) - state.first_page
        rounded = tuple(round(v, 2) for v in box)
        state.signatures.append(SignatureBox(role, page, rounded, name, nip, copy=copy))  # type: ignore[arg-type]

    # -- page handling ----------------------------------------------------------------------
    def showPage(self) -> None:
        self._pages.append((dict(self.__dict__), self._state))
        self._startPage()

    def save(self) -> None:
        totals = Counter(id(state) for _, state in self._pages)
        seen: Counter[int] = Counter()
        forms: dict[int, tuple[str, DocState]] = {}
        out = 0
        for page_dict, state in self._pages:
            self.__dict__.update(page_dict)
            index = seen[id(state)]
            seen[id(state)] += 1
            if self._duplex and index == 0 and out % 2 == 1:
                self._code = []
                Canvas.showPage(self)  # blank back side
                out += 1
                self.__dict__.update(page_dict)
            if state is not None:
                state.page_count = totals[id(state)]
                if id(state) not in forms:
                    forms[id(state)] = (f"kqr{len(forms)}", state)
                self._finish_page(state, index, forms[id(state)][0])
            Canvas.showPage(self)
            out += 1
        if self._pad_even and out % 2 == 1:
            self._code = []
            Canvas.showPage(self)  # keep the next joined file starting on an odd page
            out += 1
        for name, state in forms.values():
            self.beginForm(name, 0, 0, QR_SIZE, QR_SIZE)
            draw_qr(self, state.payload, 0, 0, QR_SIZE)
            self.endForm()
        self.output_pages = out
        info = _Info()
        info.__dict__.update(self._doc.info.__dict__)
        info.extras = self._extras(self) if self._extras else {}
        self._doc.info = info
        Canvas.save(self)

    def _finish_page(self, state: DocState, index: int, form: str) -> None:
        setup = self._setup
        width, height = setup.page_size
        left = setup.margin_left_mm * mm
        right = width - setup.margin_right_mm * mm
        bottom = setup.margin_bottom_mm * mm
        self.saveState()
        self.setFillColor(colors.black)
        if index > 0:
            top = height - setup.margin_top_mm * mm - 3.5 * mm
            self.setFont(FONT, 6.5)
            text = _fit(state.header, FONT, 6.5, right - left)
            draw_line(self, left, top, text)
            self.setStrokeColor(colors.HexColor("#9a9a9a"))
            self.setLineWidth(0.4)
            self.line(left, top - 1.6 * mm, right, top - 1.6 * mm)
        # footer: rule, text block on the left, QR on the right
        self.setStrokeColor(colors.HexColor("#9a9a9a"))
        self.setLineWidth(0.4)
        self.line(left, bottom + QR_SIZE + 1.2 * mm, right, bottom + QR_SIZE + 1.2 * mm)
        self.setFont(FONT_BOLD, 7.5)
        draw_line(self, left, bottom + QR_SIZE - 3 * mm, f"Halaman {index + 1} dari {state.page_count}")
        self.setFont(FONT, 6.5)
        draw_line(self, left, bottom + QR_SIZE - 6.5 * mm, f"Nomor dokumen: {state.doc_id}")
        self.setFont(FONT, 5.5)
        draw_line(self, left, bottom + QR_SIZE - 9.5 * mm, f"SHA-256 data: {state.data_sha256}")
        self.setFillColor(colors.HexColor("#4d4d4d"))
        draw_line(self, 
            left,
            bottom + QR_SIZE - 12.5 * mm,
            "Keaslian cetakan dapat diperiksa dengan memindai kode QR dan mencocokkannya dengan basis data Kinerja.",
        )
        self.saveState()
        self.translate(right - QR_SIZE, bottom)
        self.doForm(form)
        self.restoreState()
        self.restoreState()
        if state.draft:
            self._draft_mark(left, right, bottom)

    def _draft_mark(self, left: float, right: float, bottom: float) -> None:
        """KONSEP: a line in the top margin and a large see-through word across the page.

        The word is outlined in a light red at low opacity, so every line under it stays legible.
        """
        width, height = self._setup.page_size
        self.saveState()
        self.setFillColor(DRAFT_RED)
        self.setFont(FONT_BOLD, 7)
        top = height - self._setup.margin_top_mm * mm / 2 - 1.2 * mm
        self.drawRightString(right, top, DRAFT_NOTE)
        self.translate(width / 2, (height + bottom) / 2)
        self.rotate(35)
        self.setStrokeColor(DRAFT_RED)
        self.setStrokeAlpha(0.30)
        self.setFillAlpha(0.07)
        self.setLineWidth(1.6)
        size = min(width, height) * 0.22
        text = self.beginText()
        text.setTextRenderMode(2)  # fill and stroke
        text.setFont(FONT_BOLD, size)
        text.setTextOrigin(-stringWidth(DRAFT_WORD, FONT_BOLD, size) / 2, -size * 0.35)
        text.textOut(DRAFT_WORD)
        self.drawText(text)
        self.restoreState()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so it fits ``width`` (only used for one-line headers)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"
