"""Plain data for the printed sheets: a snapshot of everything a sheet shows.

The loader (:mod:`kinerja_desktop.documents.loader`) builds these from the database; tests and
the blank-form printer build them by hand. The layouts read nothing else, so the same data
always gives the same PDF, and :func:`kinerja_desktop.documents.hashing.data_sha256` of a
sheet identifies its content (printed in the QR code).

Fields marked ``metadata={"hash": False}`` (the logo path, the document id) are presentation or
identity, not content, and are left out of the hash.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from kinerja_desktop.domain.kepegawaian import (
    AsnKind,
    Aspek,
    JenisRhk,
    LampiranKind,
    Pendekatan,
    Perspektif,
    SkpVariant,
)
from kinerja_desktop.domain.penilaian import Predikat, PredikatOrganisasi, Rating
from kinerja_desktop.domain.periods import Period, range_label

__all__ = [
    "BlankForm",
    "BlankKind",
    "DokumenEvaluasiSheet",
    "EvaluasiSheet",
    "Indicator",
    "Instansi",
    "PenetapanRow",
    "PenetapanSheet",
    "Person",
    "PerilakuItem",
    "Plan",
    "Rhk",
    "Sheet",
    "SkpSheet",
]

NO_HASH = {"hash": False}
#: Hashed when set: the days an SKP covers when it is not the whole year (services.plan_spans).
SPAN = {"hash": "unless_none"}


@dataclass(frozen=True, slots=True)
class Instansi:
    """The instansi as printed in the kop (letterhead), from settings."""

    nama: str
    alamat: str = ""
    kota: str = ""
    induk: str = ""  # line above the name, e.g. "PEMERINTAH KABUPATEN CONTOH"
    kontak: str = ""  # telephone / e-mail / website line
    logo_path: str | None = field(default=None, metadata=NO_HASH)


@dataclass(frozen=True, slots=True)
class Person:
    """Identity of a pegawai, penilai, atasan penilai or pimpinan as printed (snapshot)."""

    nama: str
    nip: str = ""
    pangkat: str = ""  # printed PANGKAT/GOL RUANG, e.g. "Penata Muda, III/a" or "IX" (PPPK)
    jabatan: str = ""
    unit: str = ""
    asn_kind: AsnKind = AsnKind.PNS


@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator row of an RHK."""

    id: str
    iki: str
    target: str = ""
    aspek: Aspek | None = None


@dataclass(frozen=True, slots=True)
class Rhk:
    """A Rencana Hasil Kerja with its indicator rows."""

    id: str
    jenis: JenisRhk
    text: str
    indicators: tuple[Indicator, ...] = ()
    intervensi: str = ""  # the supervisor's RHK this one supports (JA/JF)
    perspektif: Perspektif | None = None  # JPT


@dataclass(frozen=True, slots=True)
class PerilakuItem:
    """One BerAKHLAK value as printed: name, panduan perilaku and the ekspektasi khusus pimpinan."""

    code: str
    nama: str
    panduan: tuple[str, ...]
    ekspektasi: str = ""


@dataclass(frozen=True, slots=True)
class Plan:
    """The SKP content."""

    variant: SkpVariant
    pendekatan: Pendekatan
    rhk: tuple[Rhk, ...] = ()
    perilaku: tuple[PerilakuItem, ...] = ()
    lampiran: Mapping[LampiranKind, tuple[str, ...]] = field(default_factory=dict)
    status: str = ""

    def rhk_of(self, jenis: JenisRhk) -> tuple[Rhk, ...]:
        return tuple(r for r in self.rhk if r.jenis is jenis)


class Sheet:
    """Marker base: every sheet has ``doc_id``, ``instansi`` and a ``KIND``."""

    KIND = ""
    __slots__ = ()


@dataclass(frozen=True, slots=True)
class SkpSheet(Sheet):
    """SASARAN KINERJA PEGAWAI (with its LAMPIRAN page)."""

    KIND = "skp"
    doc_id: str = field(metadata=NO_HASH)
    instansi: Instansi
    year: int
    pegawai: Person
    penilai: Person | None
    plan: Plan | None  # None: no plan yet -> sections marked "belum diisi"
    tempat: str = ""
    tanggal: date | None = None
    variant: SkpVariant = SkpVariant.JA_JF  # used when there is no plan yet (from the jenis jabatan)
    draft: bool = False  # not approved yet: every page is marked KONSEP and it cannot be signed
    span: tuple[date, date] | None = field(default=None, metadata=SPAN)  # None: the whole year

    @property
    def range_text(self) -> str:
        """The days the SKP covers: the whole year, or from/to a mid-year change."""
        return range_label(*(self.span or (date(self.year, 1, 1), date(self.year, 12, 31))))


@dataclass(frozen=True, slots=True)
class EvaluasiSheet(Sheet):
    """EVALUASI KINERJA PEGAWAI for one period (triwulan or tahunan)."""

    KIND = "evaluasi"
    doc_id: str = field(metadata=NO_HASH)
    instansi: Instansi
    year: int
    period: Period
    pegawai: Person
    penilai: Person | None
    plan: Plan | None
    capaian_organisasi: PredikatOrganisasi | None = None
    distribusi: Mapping[Predikat, int] | None = None  # unit's predikat counts for the POLA DISTRIBUSI chart
    realisasi: Mapping[str, str] = field(default_factory=dict)  # indicator id -> realisasi text
    umpan_balik_rhk: Mapping[str, str] = field(default_factory=dict)  # rhk id -> umpan balik
    umpan_balik_perilaku: Mapping[str, str] = field(default_factory=dict)  # value code -> umpan balik
    rating_hasil: Rating | None = None
    rating_perilaku: Rating | None = None
    predikat: Predikat | None = None
    tempat: str = ""
    tanggal: date | None = None
    variant: SkpVariant = SkpVariant.JA_JF  # used when there is no plan yet
    draft: bool = False  # the evaluation is not final yet: marked KONSEP, cannot be signed
    span: tuple[date, date] | None = field(default=None, metadata=SPAN)  # the period's days this SKP covers

    @property
    def range_text(self) -> str:
        return range_label(*(self.span or (self.period.start(self.year), self.period.end(self.year))))


@dataclass(frozen=True, slots=True)
class DokumenEvaluasiSheet(Sheet):
    """DOKUMEN EVALUASI KINERJA PEGAWAI: the one-page cover."""

    KIND = "dokumen-evaluasi"
    doc_id: str = field(metadata=NO_HASH)
    instansi: Instansi
    year: int
    period: Period
    pegawai: Person
    penilai: Person | None
    atasan: Person | None
    capaian_organisasi: PredikatOrganisasi | None = None
    predikat: Predikat | None = None
    catatan: str = ""
    tempat: str = ""
    tanggal: date | None = None
    draft: bool = False  # the evaluation is not final yet: marked KONSEP, cannot be signed
    span: tuple[date, date] | None = field(default=None, metadata=SPAN)  # the period's days this SKP covers

    @property
    def range_text(self) -> str:
        return range_label(*(self.span or (self.period.start(self.year), self.period.end(self.year))))


@dataclass(frozen=True, slots=True)
class PenetapanRow:
    """One employee in the Penetapan Predikat Kinerja roster."""

    nama: str
    nip: str = ""
    jabatan: str = ""
    rating_hasil: Rating | None = None
    rating_perilaku: Rating | None = None
    predikat: Predikat | None = None
    unit: str = ""


@dataclass(frozen=True, slots=True)
class PenetapanSheet(Sheet):
    """PENETAPAN PREDIKAT KINERJA of a unit (optionally with its sub-units)."""

    KIND = "penetapan"
    doc_id: str = field(metadata=NO_HASH)
    instansi: Instansi
    year: int
    period: Period
    unit_nama: str
    unit_code: str = ""
    predikat_organisasi: PredikatOrganisasi | None = None
    rows: tuple[PenetapanRow, ...] = ()
    pimpinan: Person | None = None
    pimpinan_id: str = field(default="", metadata=NO_HASH)  # employee id of the pimpinan (who signs)
    include_sub_units: bool = False
    tempat: str = ""
    tanggal: date | None = None
    draft: bool = False  # someone's evaluation of the period is not final yet: KONSEP, cannot be signed


class BlankKind(StrEnum):
    """Which sheet a blank form imitates."""

    SKP = "SKP"
    EVALUASI = "EVALUASI"
    DOKUMEN_EVALUASI = "DOKUMEN_EVALUASI"

    @property
    def label(self) -> str:
        return {
            "SKP": "Sasaran Kinerja Pegawai",
            "EVALUASI": "Evaluasi Kinerja Pegawai",
            "DOKUMEN_EVALUASI": "Dokumen Evaluasi Kinerja Pegawai",
        }[self.value]


@dataclass(frozen=True, slots=True)
class BlankForm(Sheet):
    """A form for filling by hand: fully blank, or with the identity of a named employee."""

    KIND = "blank"
    doc_id: str = field(metadata=NO_HASH)
    instansi: Instansi
    form: BlankKind
    variant: SkpVariant = SkpVariant.JA_JF
    pendekatan: Pendekatan = Pendekatan.KUANTITATIF
    year: int | None = None
    period: Period | None = None
    pegawai: Person | None = None
    penilai: Person | None = None
    atasan: Person | None = None
    rhk_utama: int = 3  # RHK blocks to leave for handwriting in section A
    rhk_tambahan: int = 1
    indicators_per_rhk: int = 2
    perilaku: tuple[PerilakuItem, ...] = ()  # printed panduan (from the BerAKHLAK catalogue)
