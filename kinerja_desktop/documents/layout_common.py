"""Pieces every sheet shares: text cells, the kop, the identity block, signature blocks."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Spacer, Table

from kinerja_desktop.documents.flow_table import LINE, PAD_X, PAD_Y, P, plain
from kinerja_desktop.documents.keep_tail import SignatureRow
from kinerja_desktop.documents.lean_table import LeanTable
from kinerja_desktop.documents.page_canvas import SignatureMark
from kinerja_desktop.documents.page_setup import FONT, styles
from kinerja_desktop.documents.sheet_data import Instansi, Person
from kinerja_desktop.domain.kepegawaian import AsnKind
from kinerja_desktop.domain.periods import MONTH_NAMES, Period, PeriodKind

__all__ = [
    "BELUM_DIISI",
    "Signer",
    "format_tanggal",
    "identity_table",
    "kop",
    "load_logo",
    "missing",
    "para",
    "signature_row",
    "title_block",
]

BELUM_DIISI = "belum diisi"
SIGN_BOX_H = 18 * mm


def para(text: str | None, style: ParagraphStyle | None = None) -> Flowable:
    """A wrapping paragraph for user text (taken literally; newlines kept)."""
    st = style or styles().cell
    text = text or ""
    if "\n" not in text and "\r" not in text:
        return plain(text, st)
    body = escape(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>")
    return P(body, st)


def missing(what: str = BELUM_DIISI) -> Flowable:
    """The grey "(belum diisi)" marker for a section with no data yet."""
    return plain(f"({what})", styles().missing)


def text_or_missing(text: str | None, style: ParagraphStyle | None = None) -> Flowable:
    return para(text, style) if (text or "").strip() else missing()


def format_tanggal(day: date | None) -> str:
    """``'31 Desember 2024'``; blank dotted space when unknown."""
    if day is None:
        return "...................."
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


# --------------------------------------------------------------------------- logo and kop


@lru_cache(maxsize=16)
def _read_logo(path: str, mtime: float) -> ImageReader:
    reader = ImageReader(path)
    reader.getSize()  # forces decoding: raises for files that are not images
    return reader


def load_logo(path: str | None) -> tuple[ImageReader | None, str | None]:
    """The logo image, or None and an Indonesian warning explaining why it is left out."""
    if not path:
        return None, None
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        return None, f"Logo instansi tidak ditemukan ({path}); dokumen dicetak tanpa logo."
    try:
        return _read_logo(path, mtime), None
    except Exception:  # noqa: BLE001 - PIL raises many kinds for a bad file
        return None, f"Berkas logo instansi bukan gambar yang dapat dibaca ({path}); dokumen dicetak tanpa logo."


def kop(instansi: Instansi, width: float, logo: ImageReader | None) -> list[Flowable]:
    """The letterhead: logo on the left, instansi lines centred, a double rule below."""
    st = styles()
    lines: list[Flowable] = []
    if instansi.induk:
        lines.append(para(instansi.induk.upper(), st.kop_line))
    lines.append(para(instansi.nama.upper(), st.kop_name))
    address = ", ".join(x for x in (instansi.alamat, instansi.kota) if x)
    if address:
        lines.append(para(address, st.kop_line))
    if instansi.kontak:
        lines.append(para(instansi.kontak, st.kop_line))
    logo_w = 18 * mm
    cells: list[object]
    if logo is not None:
        iw, ih = logo.getSize()
        scale = min(logo_w / iw, logo_w / ih)
        cells = [_Logo(logo, iw * scale, ih * scale), lines, []]
    else:
        cells = [[], lines, []]
    table = LeanTable.from_commands(
        [cells],
        [logo_w + 2 * mm, width - 2 * (logo_w + 2 * mm), logo_w + 2 * mm],
        [
            _FONT,
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ],
        0,
    )
    # the letterhead's double rule: thick, then thin
    return [table, _ThinRule(width, 1.6, 2.6), _ThinRule(width), Spacer(1, 3 * mm)]


class _Logo(Flowable):
    """The instansi logo from an already decoded ImageReader (shared by every sheet of a batch)."""

    def __init__(self, image: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self.image = image
        self.width = width
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.image, 0, 0, self.width, self.height, mask="auto")


class _ThinRule(Flowable):
    """A horizontal rule ``thickness`` points thick at the bottom of ``height`` points."""

    def __init__(self, width: float, thickness: float = 0.5, height: float = 1.8) -> None:
        super().__init__()
        self.width = width
        self.thickness = thickness
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, self.thickness / 2, self.width, self.thickness / 2)


# --------------------------------------------------------------------------- titles and identity


def title_block(title: str, subtitles: Sequence[str]) -> list[Flowable]:
    st = styles()
    items: list[Flowable] = [para(title, st.title)]
    items += [para(s, st.subtitle) for s in subtitles if s]
    items.append(Spacer(1, 2.5 * mm))
    return items


_FONT = ("FONT", (0, 0), (-1, -1), FONT, 7.5, 9.2)
_GRID_COMMANDS = (
    ("GRID", (0, 0), (-1, -1), LINE, colors.black),
    ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
    ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
    ("TOPPADDING", (0, 0), (-1, -1), PAD_Y),
    ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
)


IDENTITY_LABELS = ("NAMA", "NIP", "PANGKAT/GOL RUANG", "JABATAN", "UNIT KERJA")


def person_values(person: Person | None, *, blank_nip_pangkat: bool = False) -> list[P]:
    """The five identity values; all "(belum diisi)" when the person is unknown."""
    if person is None:
        return [missing() for _ in IDENTITY_LABELS]
    nip = "" if blank_nip_pangkat else person.nip
    pangkat = "" if blank_nip_pangkat else person.pangkat
    return [para(v) for v in (person.nama, nip, pangkat, person.jabatan, person.unit)]


def identity_header(instansi_nama: str, periode_text: str, width: float) -> Table:
    """Top line: "(NAMA INSTANSI)" left, "PERIODE PENILAIAN: ..." right."""
    st = styles()
    return LeanTable.from_commands(
        [[para(instansi_nama.upper(), st.cell_bold), para(periode_text, st.cell_bold_right)]],
        [width * 0.42, width * 0.58],
        [
            _FONT,
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ],
        0,
    )


def evaluation_period_label(period: Period) -> str:
    """The period as the annex's evaluation sheets print it: ``TRIWULAN IV-AKHIR``, and ``AKHIR`` for the
    annual evaluation (never ``TAHUNAN``)."""
    return "AKHIR" if period.kind is PeriodKind.TAHUNAN else period.print_label


JPT_PENILAI_LABELS = ("NAMA", "NIP", "PANGKAT/GOL RUANG", "JABATAN", "INSTANSI")


def identity_table(
    pegawai: Person | None,
    penilai: Person | None,
    width: float,
    *,
    values: tuple[list[Flowable], list[Flowable]] | None = None,
    jpt_instansi: str | None = None,
) -> Table:
    """``NO | PEGAWAI YANG DINILAI | NO | PEJABAT PENILAI KINERJA`` with rows 1 NAMA .. 5 UNIT KERJA.

    ``jpt_instansi`` (JPT sheets): the penilai's 5th row is INSTANSI with that name, and a penilai
    without NIP (a pejabat negara) shows ``NIP (*opsional)``, as in the annex's JPT copies."""
    st = styles()
    left, right = values if values is not None else (person_values(pegawai), person_values(penilai))
    right_labels = list(IDENTITY_LABELS)
    if jpt_instansi is not None:
        right_labels = list(JPT_PENILAI_LABELS)
        if values is None:
            right = [*right[:4], para(jpt_instansi.upper())]
        if penilai is not None and not penilai.nip:
            right_labels[1] = "NIP (*opsional)"
    no_w = 7 * mm
    label_w = 33 * mm
    value_w = width / 2 - no_w - label_w
    rows: list[list[object]] = [
        [
            plain("NO", st.head),
            plain("PEGAWAI YANG DINILAI", st.head),
            [],
            plain("NO", st.head),
            plain("PEJABAT PENILAI KINERJA", st.head),
            [],
        ]
    ]
    for i, label in enumerate(IDENTITY_LABELS):
        rows.append(
            [
                plain(str(i + 1), st.cell_center),
                plain(label, st.cell),
                left[i],
                plain(str(i + 1), st.cell_center),
                plain(right_labels[i], st.cell),
                right[i],
            ]
        )
    commands = [
        _FONT,
        *_GRID_COMMANDS,
        ("SPAN", (1, 0), (2, 0)),
        ("SPAN", (4, 0), (5, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
    ]
    return LeanTable.from_commands(rows, [no_w, label_w, value_w, no_w, label_w, value_w], commands, 1)


# --------------------------------------------------------------------------- signatures


@dataclass(frozen=True, slots=True)
class Signer:
    """One signature block: the caption lines above the box, the signer, the box role."""

    role: str
    caption: tuple[str, ...]
    person: Person | None
    show_nip: bool = True
    record: bool = True  # False: same look, but no signature field (e.g. a blank form's Lampiran page)
    copy: bool = False  # a second block of the same signer: shows a copy of the role's stamp once signed
    blank: bool = False  # blank form: dotted lines for name and NIP instead of "(belum diisi)"


def _signature_cell(signer: Signer, width: float) -> list[Flowable]:
    st = styles()
    items: list[Flowable] = [
        para(line, st.cell_center) if line else plain("", st.cell_center) for line in signer.caption
    ]
    person = signer.person
    name = person.nama if person else ""
    nip = person.nip if person else ""
    items.append(
        SignatureMark(signer.role, width, SIGN_BOX_H, name, nip, copy=signer.copy)
        if signer.record
        else Spacer(width, SIGN_BOX_H)
    )
    if person is None:
        items.append(plain("(............................................)", st.cell_center))
        if signer.blank:
            if signer.show_nip:
                items.append(plain("NIP ............................................", st.cell_center))
        else:
            items.append(P(f"({escape(BELUM_DIISI)})", st.missing_center))
    else:
        items.append(plain(person.nama, st.cell_bold_center, underline=True))
        if signer.show_nip:
            label = "NI PPPK" if person.asn_kind is AsnKind.PPPK else "NIP"
            items.append(para(f"{label} {person.nip}" if person.nip else f"{label} -", st.cell_center))
    return items


def signature_row(signers: Sequence[Signer | None], width: float, keep_with: Sequence[Flowable] = ()) -> Flowable:
    """Signature blocks side by side (None leaves a column empty), kept on one page together with
    ``keep_with`` (flowables that must not be separated from the signatures)."""
    n = len(signers)
    col = width / n
    box_w = min(col - 8 * mm, 70 * mm)
    cells = [_signature_cell(s, box_w) if s else [] for s in signers]
    table = LeanTable.from_commands(
        [cells],
        [col] * n,
        [
            _FONT,
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
        0,
    )
    return SignatureRow([*keep_with, Spacer(1, 4 * mm), table])


def periode_caption(tempat: str, tanggal: date | None) -> str:
    """``'Kota Contoh, 31 Desember 2024'`` (dotted blanks for what is unknown)."""
    place = tempat.strip() or "...................."
    return f"{place}, {format_tanggal(tanggal)}"
