"""A year with changes: the SKP segments of one person and how the annual evaluation combines them.

What the rules say (issue 17 item 4; sources named in ``docs/peran-hasil.md``):

* PermenPAN-RB 6/2022: the SKP is agreed with the pejabat penilai kinerja (Pasal 14: signed by the
  pegawai and set by the penilai) and "changes on mutation or a new supervisor" (REFERENCE.md,
  "The cycle"). The regulation does not give a formula for combining two SKP of one year.
* BKN's published answer for PNS with two positions in one year (Kanreg XII BKN): two SKP, the
  first evaluated from January to the end of the old position, the second from the TMT of the
  new one to December; the annual score is the average of both (that answer predates 6/2022 and
  averaged numbers).
* Perban BKN 3/2023: angka kredit for part of a year is the predikat's percentage x coefficient
  x months/12, so each segment earns its own share.
* e-Kinerja (BKN) offers a separate "SKP PLT / PLH" beside the definitive SKP for a temporary
  second position.

Because 6/2022 itself leaves the combination open, the rule is an instansi setting
(``penugasan.aturan_tahunan``):

* ``PROPORSIONAL`` (default): each rating is the average of the segments' ratings weighted by
  their days (Di Atas = 3, Sesuai = 2, Di Bawah = 1); 2.5 or more is Di Atas, 1.5 or more is
  Sesuai, below is Di Bawah; the predikat follows from the kuadran.
* ``TERAKHIR``: the penilai of the last assignment sets the annual ratings; the earlier segments'
  evaluations are shown to them as consideration only.

Plt./Plh. SKP are never part of this combination: they are second SKP beside the definitive one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.penilaian import Predikat, Rating, angka_kredit, predikat_for

__all__ = [
    "AnnualCombination",
    "AturanTahunan",
    "PenugasanKind",
    "Segment",
    "STORED_CODES",
    "combine_segments",
    "months_of",
    "segments_of_year",
]


class PenugasanKind(StrEnum):
    MUTASI = "MUTASI"
    PROMOSI = "PROMOSI"
    GANTI_PENILAI = "GANTI_PENILAI"
    PLT = "PLT"
    PLH = "PLH"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def acting(self) -> bool:
        """A temporary second position (a second SKP beside the definitive one)."""
        return self in (PenugasanKind.PLT, PenugasanKind.PLH)

    @property
    def prefix(self) -> str:
        """What an acting officer's jabatan is printed with (``'Plt.'``)."""
        return {PenugasanKind.PLT: "Plt.", PenugasanKind.PLH: "Plh."}.get(self, "")


_KIND_LABELS = {
    PenugasanKind.MUTASI: "Mutasi",
    PenugasanKind.PROMOSI: "Promosi",
    PenugasanKind.GANTI_PENILAI: "Pergantian pejabat penilai",
    PenugasanKind.PLT: "Pelaksana Tugas (Plt.)",
    PenugasanKind.PLH: "Pelaksana Harian (Plh.)",
}


class AturanTahunan(StrEnum):
    PROPORSIONAL = "PROPORSIONAL"
    TERAKHIR = "TERAKHIR"

    @property
    def label(self) -> str:
        return {
            AturanTahunan.PROPORSIONAL: "Rata-rata tertimbang hari pada tiap SKP",
            AturanTahunan.TERAKHIR: "Ditetapkan pejabat penilai jabatan terakhir",
        }[self]


#: Codes stored in synced fields (for sync.validate).
STORED_CODES: dict[tuple[str, str], frozenset[Any]] = {
    ("penugasan", "kind"): frozenset(k.value for k in PenugasanKind),
    ("peran_hasil", "kind"): frozenset({"UTAMA", "TAMBAHAN"}),
    ("rhk_impor", "kind"): frozenset({"UTAMA", "TAMBAHAN"}),
    ("usulan_tanggapan", "status"): frozenset({"ACCEPTED", "DECLINED"}),
    ("usulan_tanggapan", "source"): frozenset({"MATRIKS", "IMPOR"}),
}

_SCORE = {Rating.DI_ATAS: 3, Rating.SESUAI: 2, Rating.DI_BAWAH: 1}


@dataclass(frozen=True)
class Segment:
    """One SKP of the year with the dates it covers and its closing evaluation's ratings."""

    start: date
    end: date
    hasil: Rating | None = None
    perilaku: Rating | None = None
    label: str = ""
    plan_id: str = ""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def rated(self) -> bool:
        return self.hasil is not None and self.perilaku is not None

    @property
    def predikat(self) -> Predikat | None:
        return predikat_for(self.hasil, self.perilaku) if self.hasil and self.perilaku else None


def segments_of_year(year: int, starts: Sequence[date]) -> list[tuple[date, date]]:
    """Date ranges of consecutive SKP that start on ``starts`` (the first SKP starts 1 January).

    >>> segments_of_year(2026, [date(2026, 7, 1)])
    [(datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)), (datetime.date(2026, 7, 1), datetime.date(2026, 12, 31))]
    """
    first, last = date(year, 1, 1), date(year, 12, 31)
    points = sorted({d for d in starts if first < d <= last})
    bounds = [first, *points]
    return [(b, (bounds[i + 1] - timedelta(days=1)) if i + 1 < len(bounds) else last) for i, b in enumerate(bounds)]


def months_of(start: date, end: date) -> int:
    """Calendar months a segment holds: a month belongs to the SKP that covers its 15th day.

    Contiguous segments of one year therefore always add up to 12 (for angka kredit x months/12).
    """
    count = 0
    for month in range(1, 13):
        mid = date(start.year, month, 15)
        if start <= mid <= end:
            count += 1
    return count


def _rating_of(score: Fraction) -> Rating:
    if score >= Fraction(5, 2):
        return Rating.DI_ATAS
    if score >= Fraction(3, 2):
        return Rating.SESUAI
    return Rating.DI_BAWAH


@dataclass(frozen=True)
class AnnualCombination:
    """The annual ratings from the segments, with the numbers that produced them."""

    rule: AturanTahunan
    segments: tuple[Segment, ...]
    hasil: Rating | None
    perilaku: Rating | None
    score_hasil: Fraction | None
    score_perilaku: Fraction | None
    missing: tuple[Segment, ...]

    @property
    def predikat(self) -> Predikat | None:
        return predikat_for(self.hasil, self.perilaku) if self.hasil and self.perilaku else None

    @property
    def complete(self) -> bool:
        return not self.missing and self.hasil is not None

    def angka_kredit(self, koefisien: Decimal | int | float | str) -> Decimal:
        """Sum over segments of percent(predikat) x koefisien x months/12 (Perban BKN 3/2023)."""
        total = Decimal("0")
        for seg in self.segments:
            if seg.predikat is not None:
                total += angka_kredit(koefisien, seg.predikat, months_of(seg.start, seg.end))
        return total

    def explain(self) -> str:
        """One Indonesian paragraph: which SKP counted how much and what came out."""
        parts = [
            f"{s.label or 'SKP'} {s.start:%d-%m-%Y} s.d. {s.end:%d-%m-%Y} ({s.days} hari): "
            + (f"hasil kerja {s.hasil.label}, perilaku kerja {s.perilaku.label}" if s.rated and s.hasil
               and s.perilaku else "belum dievaluasi")
            for s in self.segments
        ]
        if self.rule is AturanTahunan.TERAKHIR:
            tail = "Aturan instansi: rating tahunan ditetapkan pejabat penilai jabatan terakhir."
        elif self.score_hasil is None or self.score_perilaku is None:
            tail = "Rating tahunan belum dapat dihitung: ada SKP yang belum dievaluasi."
        else:
            tail = (f"Rata-rata tertimbang hari: hasil kerja {float(self.score_hasil):.3f}, perilaku kerja "
                    f"{float(self.score_perilaku):.3f} (Di Atas = 3, Sesuai = 2, Di Bawah = 1; 2,5 ke atas Di Atas, "
                    "1,5 ke atas Sesuai).")
        return "; ".join(parts) + ". " + tail


def combine_segments(segments: Sequence[Segment], rule: AturanTahunan | str = AturanTahunan.PROPORSIONAL
                     ) -> AnnualCombination:
    """Combine the evaluations of consecutive SKP of one year into annual ratings."""
    try:
        rule = AturanTahunan(rule)
    except ValueError as exc:
        raise ValidationError(f"Aturan evaluasi tahunan tidak dikenal: {rule}.", field="Aturan") from exc
    segs = tuple(sorted(segments, key=lambda s: s.start))
    if not segs:
        raise ValidationError("Tidak ada SKP pada tahun ini.", field="SKP")
    for a, b in zip(segs, segs[1:], strict=False):
        if b.start <= a.end:
            raise ValidationError(
                f"Masa SKP tumpang tindih: {a.start:%d-%m-%Y} s.d. {a.end:%d-%m-%Y} dan mulai {b.start:%d-%m-%Y}.",
                field="TMT")
    missing = tuple(s for s in segs if not s.rated)
    if rule is AturanTahunan.TERAKHIR:
        last = segs[-1]
        return AnnualCombination(rule, segs, last.hasil, last.perilaku, None, None,
                                 tuple(s for s in missing if s is last))
    if missing:
        return AnnualCombination(rule, segs, None, None, None, None, missing)
    total = sum(s.days for s in segs)
    score_h = Fraction(sum(_SCORE[s.hasil] * s.days for s in segs if s.hasil), total)
    score_p = Fraction(sum(_SCORE[s.perilaku] * s.days for s in segs if s.perilaku), total)
    return AnnualCombination(rule, segs, _rating_of(score_h), _rating_of(score_p), score_h, score_p, ())
