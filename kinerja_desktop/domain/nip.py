"""NIP (PNS) and NI PPPK parsing, plus identifiers for a pejabat penilai.

Layout of the 18 digits (positions are 1-based, as written on forms):

* PNS: 1-8 birth date ``YYYYMMDD``; 9-14 TMT CPNS ``YYYYMM``; 15 sex (1 pria, 2 wanita);
  16-18 sequence 001-999.
* PPPK: 1-8 birth date; 9-12 year of appointment; 13-14 a code that is *not* a month
  (seen: 21, and 24 for PPPK paruh waktu); 15 sex; 16-18 sequence.

Digits 13-14 decide the kind: 01-12 means PNS rules, 13-99 PPPK rules, 00 is an error.
No BKN text stating the PPPK code was found; open-source validators (e.g. an Elixir ``Nip.Pppk``
module) read digit 13 as ``2`` (PPPK) and digit 14 as the contract count 1-9, so a code outside
:data:`PPPK_CODES` (21-29) is accepted with a warning: it is more often a PNS NIP whose TMT month
was mistyped than a real NI PPPK.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal

from kinerja_desktop.domain.errors import NipError, ValidationError

__all__ = [
    "IdentifierInfo",
    "IdentifierKind",
    "NipError",
    "NipInfo",
    "format_nip",
    "is_valid_nip",
    "normalize_nip",
    "parse_nip",
    "parse_penilai_identifier",
    "unusual_pppk_code",
]

NIP_LENGTH = 18
NIP_LAMA_LENGTH = 9
ADULT_AGE = 18
MIN_BIRTH_YEAR = 1900
FIELD = "NIP"
#: Digits 13-14 of an NI PPPK as open-source validators read them: "2" + the contract count (1-9).
PPPK_CODES = range(21, 30)

_WHITESPACE = re.compile(r"\s+")
_NRP = re.compile(r"[0-9A-Za-z/.\-]{5,20}")


@dataclass(frozen=True, slots=True)
class NipInfo:
    """The parts of a valid NIP / NI PPPK.

    Attributes:
        nip: the 18 digits without spaces.
        kind: ``"PNS"`` or ``"PPPK"``.
        birth_date: digits 1-8.
        tmt_year: digits 9-12 (TMT CPNS year, or the PPPK appointment year).
        tmt_month: digits 13-14 for PNS; ``None`` for PPPK.
        pppk_code: digits 13-14 for PPPK (e.g. ``"21"``); ``None`` for PNS.
        sex: ``"L"`` (digit 1) or ``"P"`` (digit 2).
        sequence: digits 16-18 as a number (1-999).
        warnings: Indonesian notes about unusual but accepted values.
    """

    nip: str
    kind: Literal["PNS", "PPPK"]
    birth_date: date
    tmt_year: int
    tmt_month: int | None
    pppk_code: str | None
    sex: Literal["L", "P"]
    sequence: int
    warnings: tuple[str, ...] = ()

    @property
    def formatted(self) -> str:
        """The usual written form, e.g. ``"19660801 198803 1 001"``."""
        return format_nip(self.nip)


def normalize_nip(text: str) -> str:
    """Remove all whitespace (the written form ``"19660801 198803 1 001"`` has spaces)."""
    return _WHITESPACE.sub("", text)


def format_nip(nip: str) -> str:
    """Group 18 digits as ``"YYYYMMDD YYYYMM S NNN"``; anything else is returned normalised."""
    digits = normalize_nip(nip)
    if len(digits) != NIP_LENGTH:
        return digits
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def _fail(message: str, code: str) -> NipError:
    return NipError(message, code=code, field=FIELD)


def _describe_chars(compact: str) -> str:
    bad = [(pos, ch) for pos, ch in enumerate(compact, start=1) if not ch.isascii() or not ch.isdigit()]
    shown = ", ".join(f"'{ch}' pada posisi ke-{pos}" for pos, ch in bad[:3])
    more = f" dan {len(bad) - 3} karakter lain" if len(bad) > 3 else ""
    return f"NIP hanya boleh berisi angka; ditemukan {shown}{more}"


def _parse_birth_date(digits: str, today: date) -> date:
    text = f"{digits[0:4]}-{digits[4:6]}-{digits[6:8]}"
    try:
        born = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise _fail(f"Tanggal lahir {text} pada digit 1-8 bukan tanggal yang sah", "nip.birth_date") from None
    if born.year < MIN_BIRTH_YEAR:
        raise _fail(
            f"Tanggal lahir {text} pada digit 1-8 tidak masuk akal (sebelum tahun {MIN_BIRTH_YEAR})",
            "nip.birth_date",
        )
    if born > today:
        raise _fail(f"Tanggal lahir {text} pada digit 1-8 berada di masa depan", "nip.birth_future")
    return born


def _age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def parse_nip(text: str, *, today: date | None = None) -> NipInfo:
    """Parse and check an NIP (PNS) or NI PPPK.

    Args:
        text: the number as typed; whitespace anywhere is ignored.
        today: reference date for "future" checks (defaults to ``date.today()``).

    Raises:
        NipError: with a precise Indonesian reason naming the digit positions.
    """
    today = today or date.today()
    compact = normalize_nip(text)
    if not compact:
        raise _fail("NIP kosong", "nip.empty")
    if not (compact.isascii() and compact.isdigit()):
        raise _fail(_describe_chars(compact), "nip.chars")
    if len(compact) != NIP_LENGTH:
        raise _fail(f"NIP harus {NIP_LENGTH} digit angka (tertulis {len(compact)} digit)", "nip.length")

    born = _parse_birth_date(compact, today)
    year = int(compact[8:12])
    code = compact[12:14]
    code_num = int(code)
    warnings: list[str] = []

    if code_num == 0:
        raise _fail(
            "Digit 13-14 harus bulan TMT CPNS (01-12) untuk PNS atau kode PPPK (di atas 12), tertulis 00",
            "nip.code",
        )
    if code_num <= 12:
        kind: Literal["PNS", "PPPK"] = "PNS"
        tmt_month: int | None = code_num
        pppk_code: str | None = None
        tmt_text = f"{year:04d}-{code_num:02d}"
        if (year, code_num) <= (born.year, born.month):
            raise _fail(
                f"TMT CPNS {tmt_text} pada digit 9-14 tidak boleh sebelum tanggal lahir {born.isoformat()}",
                "nip.tmt_before_birth",
            )
        tmt_date = date(year, code_num, 1)
        if _age_on(born, tmt_date) < ADULT_AGE:
            warnings.append(
                f"Pada TMT CPNS {tmt_text} pegawai belum berusia {ADULT_AGE} tahun "
                f"(lahir {born.isoformat()}); periksa kembali NIP."
            )
        if tmt_date > today:
            warnings.append(f"TMT CPNS {tmt_text} pada digit 9-14 berada di masa depan; periksa kembali NIP.")
    else:
        kind = "PPPK"
        tmt_month = None
        pppk_code = code
        if code_num not in PPPK_CODES:
            warnings.append(unusual_pppk_code(code))
        if year <= born.year:
            raise _fail(
                f"Tahun pengangkatan PPPK {year:04d} pada digit 9-12 tidak boleh sebelum atau sama dengan "
                f"tahun lahir {born.year}",
                "nip.tmt_before_birth",
            )
        if year - born.year < ADULT_AGE:
            warnings.append(
                f"Pada tahun pengangkatan {year:04d} pegawai belum berusia {ADULT_AGE} tahun "
                f"(lahir {born.isoformat()}); periksa kembali NI PPPK."
            )
        if year > today.year:
            warnings.append(f"Tahun pengangkatan PPPK {year:04d} pada digit 9-12 berada di masa depan.")

    sex_digit = compact[14]
    if sex_digit not in ("1", "2"):
        raise _fail(f"Digit ke-15 (jenis kelamin) harus 1 atau 2, tertulis {sex_digit}", "nip.sex")
    sequence = int(compact[15:18])
    if sequence == 0:
        raise _fail("Nomor urut (digit 16-18) tidak boleh 000", "nip.sequence")

    return NipInfo(
        nip=compact,
        kind=kind,
        birth_date=born,
        tmt_year=year,
        tmt_month=tmt_month,
        pppk_code=pppk_code,
        sex="L" if sex_digit == "1" else "P",
        sequence=sequence,
        warnings=tuple(warnings),
    )


def unusual_pppk_code(code: str) -> str:
    """The warning for NI PPPK digits 13-14 outside 21-29."""
    return (f"Digit 13-14 tertulis {code}: bukan bulan TMT CPNS (01-12) dan di luar kode NI PPPK yang dikenal "
            f"({PPPK_CODES.start}-{PPPK_CODES.stop - 1}: angka 2 lalu perjanjian kerja ke berapa). Bila ini NIP PNS, "
            "bulan TMT CPNS kemungkinan salah ketik; periksa kembali nomornya.")


def is_valid_nip(text: str, *, today: date | None = None) -> bool:
    """True when :func:`parse_nip` accepts the text."""
    try:
        parse_nip(text, today=today)
    except NipError:
        return False
    return True


class IdentifierKind(StrEnum):
    """What a pejabat penilai's identifier is."""

    NONE = "NONE"  # blank: e.g. a pejabat negara without NIP ("NIP (opsional)")
    NIP = "NIP"
    NIP_PPPK = "NIP_PPPK"
    NIP_LAMA = "NIP_LAMA"  # legacy 9-digit NIP
    NRP = "NRP"  # TNI/Polri

    @property
    def label(self) -> str:
        """Indonesian label for forms."""
        return _IDENTIFIER_LABELS[self]


_IDENTIFIER_LABELS = {
    IdentifierKind.NONE: "Tanpa NIP",
    IdentifierKind.NIP: "NIP",
    IdentifierKind.NIP_PPPK: "NI PPPK",
    IdentifierKind.NIP_LAMA: "NIP lama",
    IdentifierKind.NRP: "NRP",
}


@dataclass(frozen=True, slots=True)
class IdentifierInfo:
    """A parsed penilai identifier; ``value`` is normalised (no spaces), ``nip`` set for NIP kinds."""

    kind: IdentifierKind
    value: str
    nip: NipInfo | None = None


def parse_penilai_identifier(text: str | None, *, today: date | None = None) -> IdentifierInfo:
    """Parse the identifier of a pejabat penilai (or atasan).

    Blank gives ``NONE``; 18 digits must be a valid NIP / NI PPPK (a typo in an 18-digit
    number is reported rather than silently taken as an NRP); 9 digits is a legacy NIP;
    otherwise 5-20 characters of digits, letters, ``/``, ``-`` or ``.`` is an NRP.

    Raises:
        NipError: 18 digits that are not a valid NIP.
        ValidationError: anything else that fits none of the forms.
    """
    compact = normalize_nip(text or "")
    if not compact:
        return IdentifierInfo(IdentifierKind.NONE, "")
    if compact.isascii() and compact.isdigit():
        if len(compact) == NIP_LENGTH:
            info = parse_nip(compact, today=today)
            kind = IdentifierKind.NIP if info.kind == "PNS" else IdentifierKind.NIP_PPPK
            return IdentifierInfo(kind, compact, info)
        if len(compact) == NIP_LAMA_LENGTH:
            return IdentifierInfo(IdentifierKind.NIP_LAMA, compact)
    if compact.isascii() and _NRP.fullmatch(compact):
        return IdentifierInfo(IdentifierKind.NRP, compact)
    raise ValidationError(
        "Identitas pejabat penilai harus kosong, NIP 18 digit, NIP lama 9 digit, atau NRP "
        f"(5-20 karakter huruf, angka, '/', '-', '.'); tertulis '{(text or '').strip()}'",
        code="identifier.invalid",
        field=FIELD,
    )
