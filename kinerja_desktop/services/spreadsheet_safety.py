"""Spreadsheet cells and workbooks that cannot hurt anyone.

Two halves, one per direction:

* **Writing** (every XLSX/CSV the app produces goes through :func:`neutralise_cell`): a text
  cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to
  Excel and LibreOffice (``=HYPERLINK(...)``, DDE payloads such as ``=cmd|' /C calc'!A0``).
  OWASP's CSV-injection guidance: prefix such a cell with a single quote. Numbers that are real
  numbers (``int``/``float``) are left alone; an NIP or a phone number is text and is treated as
  text. :func:`restore_cell` removes exactly that one quote again, so the app re-imports its own
  exports unchanged (a value that itself starts with quotes before a trigger gets one more quote
  on the way out, so the round trip is exact for every string).
* **Reading** (every workbook the app reads goes through :func:`check_workbook_archive` and a
  :class:`CellBudget`): an XLSX is a zip of XML; a 2 MB file can unpack to gigabytes or declare
  one cell at column XFD on a million rows. The archive's member sizes and compression ratios
  are checked before any XML is parsed, and every cell slot a reader allocates is counted.
  The declared sizes are binding: Python's ``zipfile`` never returns more bytes than a member
  declares (and fails on a CRC mismatch), so a lying header cannot get past the check.

Pure standard library: the core imports no Qt.
"""

from __future__ import annotations

import re
import zipfile
from typing import Any

from kinerja_desktop.domain.errors import ValidationError

__all__ = [
    "FORMULA_TRIGGERS",
    "MAX_CELLS",
    "MAX_MEMBER_BYTES",
    "MAX_RATIO",
    "MAX_UNCOMPRESSED_BYTES",
    "MAX_WORKBOOK_BYTES",
    "CellBudget",
    "check_workbook_archive",
    "megabytes",
    "neutralise_cell",
    "neutralise_row",
    "restore_cell",
]

#: First characters that make a spreadsheet program read a text cell as a formula (OWASP).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_QUOTE = re.compile(r"'*[=+\-@\t\r]")
_QUOTED = re.compile(r"'+[=+\-@\t\r]")

#: Largest workbook file accepted (a 20,000-employee roster is about 1 MB).
MAX_WORKBOOK_BYTES = 50 * 1024 * 1024
#: Largest unpacked size of one member and of the whole archive (that roster's sheet: 15 MB).
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 128 * 1024 * 1024
#: Compression ratio above which a large member is taken for a zip bomb (real sheets: 5-30).
MAX_RATIO = 200
_RATIO_FROM_BYTES = 4 * 1024 * 1024
#: Most members an archive may have (a workbook has a dozen or two).
MAX_MEMBERS = 2000
#: Most cell slots (and rows) one file may fill: 20,000 employees x 13 columns is 260,000.
MAX_CELLS = 1_000_000


def neutralise_cell(value: Any) -> Any:
    """The value to write into a spreadsheet cell: text that a program would run as a formula is quoted.

    ``None``, numbers, booleans and dates are returned unchanged.
    """
    if isinstance(value, str) and value and _NEEDS_QUOTE.match(value):
        return "'" + value
    return value


def neutralise_row(row: Any) -> list[Any]:
    """:func:`neutralise_cell` over one row (``None`` becomes an empty cell)."""
    return ["" if v is None else neutralise_cell(v) for v in row]


def restore_cell(value: Any) -> Any:
    """Undo :func:`neutralise_cell` on a cell read back: one leading quote before a trigger is removed."""
    if isinstance(value, str) and value[:1] == "'" and _QUOTED.match(value):
        return value[1:]
    return value


def megabytes(size: int) -> str:
    """``'2,1 MB'`` (Indonesian decimal comma)."""
    return f"{size / 1048576:.1f} MB".replace(".", ",")


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def check_workbook_archive(z: zipfile.ZipFile, name: str, file_size: int) -> None:
    """Refuse a workbook archive whose unpacked size or compression ratio is out of bounds.

    Called before any member is decompressed; ``name`` is the file name used in messages.

    Raises:
        ValidationError: with an Indonesian sentence saying what was wrong.
    """
    if file_size > MAX_WORKBOOK_BYTES:
        raise ValidationError(
            f"Berkas {name} terlalu besar ({megabytes(file_size)}); paling besar {megabytes(MAX_WORKBOOK_BYTES)}. "
            "Pisahkan datanya menjadi beberapa berkas.", field="Berkas")
    infos = z.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ValidationError(
            f"Berkas {name} bukan buku kerja yang wajar: berisi {_count(len(infos))} bagian di dalamnya. "
            "Simpan ulang berkas dari Excel atau LibreOffice.", field="Berkas")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise ValidationError(
                f"Berkas {name} ditolak: bagian {info.filename} mengembang dari {megabytes(info.compress_size)} "
                f"menjadi {megabytes(info.file_size)} saat dibuka (rasio {ratio:.0f}:1), ciri berkas “bom zip”. "
                "Berkas tidak dibaca; simpan ulang data dari aplikasi asalnya.", field="Berkas")
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_UNCOMPRESSED_BYTES:
            if info.file_size > MAX_MEMBER_BYTES:
                grown = f"bagian {info.filename} mengembang menjadi {megabytes(info.file_size)}"
            else:
                grown = f"isinya mengembang menjadi lebih dari {megabytes(total)}"
            raise ValidationError(
                f"Berkas {name} ditolak: {grown} saat dibuka (batas {megabytes(MAX_MEMBER_BYTES)} per bagian, "
                f"{megabytes(MAX_UNCOMPRESSED_BYTES)} seluruhnya). Hapus baris dan kolom kosong, atau pisahkan "
                "datanya menjadi beberapa berkas.", field="Berkas")


class CellBudget:
    """Counts the cell slots a reader allocates and stops it past :data:`MAX_CELLS`.

    A row counts at least one (empty rows cost memory too); a cell at column XFD counts every
    slot up to it, since that is what a row list holds.
    """

    def __init__(self, name: str, limit: int = MAX_CELLS) -> None:
        self.name, self.limit, self.used = name, limit, 0

    def spend(self, slots: int, where: str = "") -> None:
        self.used += max(slots, 1)
        if self.used > self.limit:
            place = f" ({where})" if where else ""
            raise ValidationError(
                f"Berkas {self.name} memuat lebih dari {_count(self.limit)} sel{place}; daftar pegawai sebesar itu "
                "tidak wajar. Biasanya ada isi atau format di baris/kolom jauh di bawah atau di kanan data "
                "(Ctrl+End di Excel menunjukkan sel terakhir): hapus baris dan kolom kosong itu, atau pisahkan "
                "datanya menjadi beberapa berkas.", field="Berkas")
