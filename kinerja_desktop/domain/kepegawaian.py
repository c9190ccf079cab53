"""Staffing vocabulary: kinds of ASN, jabatan, SKP variants, pangkat/golongan, jenjang fungsional.

Enums are ``StrEnum`` whose value equals the member name (the stored code); ``.label`` gives
the Indonesian wording for screens and print.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from kinerja_desktop.domain.errors import ValidationError

__all__ = [
    "GOLONGAN_PPPK",
    "KOEFISIEN_DEFAULT",
    "PANGKAT_PNS",
    "AsnKind",
    "Aspek",
    "JenisJabatan",
    "JenisRhk",
    "JenjangFungsional",
    "LampiranKind",
    "Pangkat",
    "Pendekatan",
    "Perspektif",
    "SkpVariant",
    "koefisien_for",
    "pangkat_by_golongan",
    "pangkat_label",
    "parse_golongan",
    "skp_variant_for",
]


class AsnKind(StrEnum):
    """Employment status."""

    PNS = "PNS"
    PPPK = "PPPK"
    LAINNYA = "LAINNYA"  # non-ASN (honorer, pejabat negara, TNI/Polri on secondment)

    @property
    def label(self) -> str:
        return {"PNS": "PNS", "PPPK": "PPPK", "LAINNYA": "Non-ASN"}[self.value]


class JenisJabatan(StrEnum):
    """Kind of position; decides the SKP form (JPT vs JA/JF)."""

    JPT_UTAMA = "JPT_UTAMA"
    JPT_MADYA = "JPT_MADYA"
    JPT_PRATAMA = "JPT_PRATAMA"
    ADMINISTRATOR = "ADMINISTRATOR"
    PENGAWAS = "PENGAWAS"
    FUNGSIONAL = "FUNGSIONAL"
    PELAKSANA = "PELAKSANA"

    @property
    def label(self) -> str:
        return _JABATAN_LABELS[self]

    @property
    def is_jpt(self) -> bool:
        return self in (JenisJabatan.JPT_UTAMA, JenisJabatan.JPT_MADYA, JenisJabatan.JPT_PRATAMA)


_JABATAN_LABELS = {
    JenisJabatan.JPT_UTAMA: "Jabatan Pimpinan Tinggi Utama",
    JenisJabatan.JPT_MADYA: "Jabatan Pimpinan Tinggi Madya",
    JenisJabatan.JPT_PRATAMA: "Jabatan Pimpinan Tinggi Pratama",
    JenisJabatan.ADMINISTRATOR: "Jabatan Administrator",
    JenisJabatan.PENGAWAS: "Jabatan Pengawas",
    JenisJabatan.FUNGSIONAL: "Jabatan Fungsional",
    JenisJabatan.PELAKSANA: "Jabatan Pelaksana",
}


class SkpVariant(StrEnum):
    """The two SKP layouts of PermenPAN-RB 6/2022."""

    JPT = "JPT"
    JA_JF = "JA_JF"

    @property
    def label(self) -> str:
        return {
            "JPT": "Bagi Pejabat Pimpinan Tinggi dan Pimpinan Unit Kerja Mandiri",
            "JA_JF": "Bagi Pejabat Administrasi dan Pejabat Fungsional",
        }[self.value]


def skp_variant_for(jenis: JenisJabatan | str) -> SkpVariant:
    """JPT positions use the JPT form (perspektif); all others the JA/JF form (aspek)."""
    return SkpVariant.JPT if JenisJabatan(jenis).is_jpt else SkpVariant.JA_JF


class Pendekatan(StrEnum):
    """One approach per SKP."""

    KUANTITATIF = "KUANTITATIF"
    KUALITATIF = "KUALITATIF"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Aspek(StrEnum):
    """Aspect of an indicator row (JA/JF form)."""

    KUANTITAS = "KUANTITAS"
    KUALITAS = "KUALITAS"
    WAKTU = "WAKTU"
    BIAYA = "BIAYA"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Perspektif(StrEnum):
    """Perspective of an indicator row (JPT form)."""

    PENERIMA_LAYANAN = "PENERIMA_LAYANAN"
    PROSES_BISNIS = "PROSES_BISNIS"
    PENGUATAN_INTERNAL = "PENGUATAN_INTERNAL"
    ANGGARAN = "ANGGARAN"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()


class JenisRhk(StrEnum):
    """Kinerja utama (section A) or tambahan (section B)."""

    UTAMA = "UTAMA"
    TAMBAHAN = "TAMBAHAN"

    @property
    def label(self) -> str:
        return f"Kinerja {self.value.capitalize()}"


class LampiranKind(StrEnum):
    """The three numbered lists of the Lampiran SKP."""

    DUKUNGAN_SUMBER_DAYA = "DUKUNGAN_SUMBER_DAYA"
    SKEMA_PERTANGGUNGJAWABAN = "SKEMA_PERTANGGUNGJAWABAN"
    KONSEKUENSI = "KONSEKUENSI"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()


# --- pangkat / golongan ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pangkat:
    """A PNS rank: ``golongan`` like ``'III/a'`` and ``name`` like ``'Penata Muda'``."""

    golongan: str
    name: str

    @property
    def label(self) -> str:
        """``'Penata Muda, III/a'`` as printed in PANGKAT/GOL RUANG."""
        return f"{self.name}, {self.golongan}"


PANGKAT_PNS: tuple[Pangkat, ...] = (
    Pangkat("I/a", "Juru Muda"),
    Pangkat("I/b", "Juru Muda Tingkat I"),
    Pangkat("I/c", "Juru"),
    Pangkat("I/d", "Juru Tingkat I"),
    Pangkat("II/a", "Pengatur Muda"),
    Pangkat("II/b", "Pengatur Muda Tingkat I"),
    Pangkat("II/c", "Pengatur"),
    Pangkat("II/d", "Pengatur Tingkat I"),
    Pangkat("III/a", "Penata Muda"),
    Pangkat("III/b", "Penata Muda Tingkat I"),
    Pangkat("III/c", "Penata"),
    Pangkat("III/d", "Penata Tingkat I"),
    Pangkat("IV/a", "Pembina"),
    Pangkat("IV/b", "Pembina Tingkat I"),
    Pangkat("IV/c", "Pembina Utama Muda"),
    Pangkat("IV/d", "Pembina Utama Madya"),
    Pangkat("IV/e", "Pembina Utama"),
)

GOLONGAN_PPPK: tuple[str, ...] = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip

_PNS_BY_GOLONGAN: Mapping[str, Pangkat] = MappingProxyType({p.golongan: p for p in PANGKAT_PNS})
_ROMAN_TO_INT = {roman: i for i, roman in enumerate(GOLONGAN_PPPK, start=1)}


def _norm_name(text: str) -> str:
    text = text.casefold().replace(".", " ")
    text = re.sub(r"\btk\b", "tingkat", text)
    text = re.sub(r"\btingkat\s*(1|i)\b", "tingkat i", text)
    return " ".join(text.split())


_PNS_BY_NAME: Mapping[str, Pangkat] = MappingProxyType({_norm_name(p.name): p for p in PANGKAT_PNS})
_PNS_GOLONGAN_RE = re.compile(r"(iv|iii|ii|i|[1-4])\s*[/\-\s]?\s*([a-e])")


def pangkat_by_golongan(golongan: str) -> Pangkat:
    """The PNS :class:`Pangkat` for a (tolerantly written) golongan such as ``'3a'``."""
    return _PNS_BY_GOLONGAN[parse_golongan(golongan, AsnKind.PNS)]


def pangkat_label(golongan: str | None, kind: AsnKind | str | None = None) -> str:
    """``'Penata Muda, III/a'`` for PNS; the golongan alone (``'IX'``) for PPPK; ``''`` for blank/None.

    Without ``kind`` the text is tried as PNS first, then as PPPK.

    Raises:
        ValidationError: an unknown golongan, or any golongan for a non-ASN.
    """
    if golongan is None or not golongan.strip():
        return ""
    if kind is None:
        try:
            return _PNS_BY_GOLONGAN[parse_golongan(golongan, AsnKind.PNS)].label
        except ValidationError:
            return parse_golongan(golongan, AsnKind.PPPK)
    canonical = parse_golongan(golongan, kind)
    if AsnKind(kind) is AsnKind.PNS:
        return _PNS_BY_GOLONGAN[canonical].label
    return canonical


def _parse_pns(text: str) -> str | None:
    folded = _norm_name(text)
    by_golongan: str | None = None
    match = re.search(r"(?<![a-z])" + _PNS_GOLONGAN_RE.pattern + r"(?![a-z])", folded)
    if match:
        ruang, letter = match.groups()
        number = int(ruang) if ruang.isdigit() else _ROMAN_TO_INT[ruang.upper()]
        candidate = f"{GOLONGAN_PPPK[number - 1]}/{letter}"
        if candidate in _PNS_BY_GOLONGAN:
            by_golongan = candidate
    # The name may stand alone or next to the golongan ("Penata Muda, III/a", "Penata Muda (III/a)").
    name_part = folded[: match.start()] if match else folded
    name_part = " ".join(re.sub(r"[,()/\-]", " ", name_part).split())
    by_name = _PNS_BY_NAME[name_part].golongan if name_part in _PNS_BY_NAME else None
    if by_golongan and by_name and by_golongan != by_name:
        return None
    if match and by_golongan is None:
        return None
    if match and name_part and by_name is None:
        return None
    return by_golongan or by_name


def _parse_pppk(text: str) -> str | None:
    folded = " ".join(text.casefold().replace("golongan", " ").replace("gol.", " ").split())
    if folded.isdigit() and 1 <= int(folded) <= len(GOLONGAN_PPPK):
        return GOLONGAN_PPPK[int(folded) - 1]
    upper = folded.upper()
    return upper if upper in _ROMAN_TO_INT else None


def parse_golongan(text: str, kind: AsnKind | str) -> str:
    """Canonical golongan from tolerant input.

    PNS accepts ``'III/a'``, ``'iii/A'``, ``'III a'``, ``'3a'``, ``'3/a'``, ``'Penata Muda'`` and
    ``'Penata Muda, III/a'`` and returns ``'III/a'``. PPPK accepts ``'IX'``, ``'ix'``, ``'9'``,
    ``'Golongan IX'`` and returns ``'IX'``.

    Raises:
        ValidationError: blank, unknown, inconsistent, or the kind has no golongan.
    """
    asn = AsnKind(kind)
    stripped = text.strip()
    if not stripped:
        raise ValidationError("Pangkat/golongan kosong", code="golongan.empty", field="golongan")
    if asn is AsnKind.PNS:
        result = _parse_pns(stripped)
        if result is None:
            raise ValidationError(
                f"Pangkat/golongan PNS '{stripped}' tidak dikenal; gunakan I/a sampai IV/e "
                "(misalnya III/a) atau nama pangkat (misalnya Penata Muda)",
                code="golongan.pns",
                field="golongan",
            )
        return result
    if asn is AsnKind.PPPK:
        result = _parse_pppk(stripped)
        if result is None:
            raise ValidationError(
                f"Golongan PPPK '{stripped}' tidak dikenal; gunakan I sampai XVII",
                code="golongan.pppk",
                field="golongan",
            )
        return result
    raise ValidationError(
        "Pegawai non-ASN tidak memiliki pangkat/golongan; kosongkan kolom ini",
        code="golongan.non_asn",
        field="golongan",
    )


# --- jenjang fungsional / angka kredit coefficients ------------------------------------


class JenjangFungsional(StrEnum):
    """Level of a jabatan fungsional (keahlian and keterampilan)."""

    AHLI_PERTAMA = "AHLI_PERTAMA"
    AHLI_MUDA = "AHLI_MUDA"
    AHLI_MADYA = "AHLI_MADYA"
    AHLI_UTAMA = "AHLI_UTAMA"
    PEMULA = "PEMULA"
    TERAMPIL = "TERAMPIL"
    MAHIR = "MAHIR"
    PENYELIA = "PENYELIA"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()

    @property
    def is_keahlian(self) -> bool:
        return self.value.startswith("AHLI_")


KOEFISIEN_DEFAULT: Mapping[JenjangFungsional, Decimal] = MappingProxyType(
    {
        JenjangFungsional.AHLI_PERTAMA: Decimal("12.5"),
        JenjangFungsional.AHLI_MUDA: Decimal("25"),
        JenjangFungsional.AHLI_MADYA: Decimal("37.5"),
        JenjangFungsional.AHLI_UTAMA: Decimal("50"),
        JenjangFungsional.PEMULA: Decimal("3.75"),
        JenjangFungsional.TERAMPIL: Decimal("5"),
        JenjangFungsional.MAHIR: Decimal("12.5"),
        JenjangFungsional.PENYELIA: Decimal("25"),
    }
)
"""Annual angka kredit coefficient per jenjang (Perban BKN 3/2023).

Only Ahli Pertama = 12.5 is confirmed in REFERENCE.md; the other values are the commonly
published ones but UNCONFIRMED. They are defaults: pass a table from settings to
:func:`koefisien_for` to override.
"""


def koefisien_for(
    jenjang: JenjangFungsional | str,
    table: Mapping[JenjangFungsional, Decimal] | Mapping[str, Decimal] | None = None,
) -> Decimal:
    """Annual coefficient of a jenjang from ``table`` (default :data:`KOEFISIEN_DEFAULT`)."""
    key = JenjangFungsional(jenjang)
    source: Mapping[str, Decimal] = table if table is not None else KOEFISIEN_DEFAULT  # type: ignore[assignment]
    try:
        return Decimal(source[key])
    except KeyError:
        raise ValidationError(
            f"Koefisien angka kredit untuk jenjang {key.label} belum diatur",
            code="koefisien.missing",
            field="jenjang",
        ) from None
