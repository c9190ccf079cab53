"""Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017): the nine unsur, the answers, the index.

Pure rules, no I/O:

* the nine unsur in the order of the regulation's questionnaire (U1..U9) with the standard
  question and its four answers (1 = worst .. 4 = best);
* the respondent profile codes of the questionnaire (age, sex, education, occupation);
* NRR per unsur (sum of the answers / respondents who answered it), the IKM
  (sum of NRR x weight, x 25, so 25..100) and the mutu pelayanan A..D;
* the required sample size for a population from the Krejcie-Morgan table of the annex.

On the weight: the regulation defines the weight as "jumlah bobot / jumlah unsur = 1/9"
and prints it rounded (0,11 in the formula text, 0,111 on the processing sheet of the annex).
The index is computed with the exact 1/9: only that keeps the range 25..100 the regulation
states (4 x 0,111 x 9 x 25 = 99,9). :func:`ikm` takes ``weight`` for anyone who must reproduce
a report computed with the rounded weight.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

from kinerja_desktop.domain.periods import ALL_PERIODS

__all__ = [
    "ANSWER_VALUES",
    "CONVERSION",
    "EDUCATION",
    "KREJCIE_MORGAN",
    "OCCUPATION",
    "SEX",
    "STORED_CODES",
    "UNSUR",
    "UNSUR_CODES",
    "WEIGHT",
    "AGE_BANDS",
    "Mutu",
    "SkmResult",
    "Unsur",
    "UnsurResult",
    "age_band",
    "compute",
    "ikm",
    "krejcie_morgan_formula",
    "mutu_for",
    "mutu_for_nrr",
    "nrr",
    "round2",
    "sample_size",
]

#: Weight of each unsur: 1 / number of unsur (the regulation's "nilai penimbang").
WEIGHT = Fraction(1, 9)
#: The rounded weight printed on the annex's processing sheet (0,111).
WEIGHT_PRINTED = Fraction(111, 1000)
#: Conversion of the weighted mean (1..4) to the index (25..100).
CONVERSION = 25
ANSWER_VALUES = (1, 2, 3, 4)


@dataclass(frozen=True, slots=True)
class Unsur:
    """One unsur pelayanan with the questionnaire's standard question and answers (1..4)."""

    code: str
    name: str
    question: str
    answers: tuple[str, str, str, str]


UNSUR: tuple[Unsur, ...] = (
    Unsur("U1", "Persyaratan",
          "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
          ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    Unsur("U2", "Sistem, Mekanisme, dan Prosedur",
          "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
          ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah")),
    Unsur("U3", "Waktu Penyelesaian",
          "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
          ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat")),
    Unsur("U4", "Biaya/Tarif",
          "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
          ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")),
    Unsur("U5", "Produk Spesifikasi Jenis Pelayanan",
          "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
          "pelayanan dengan hasil yang diberikan?",
          ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    Unsur("U6", "Kompetensi Pelaksana",
          "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
          ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten")),
    Unsur("U7", "Perilaku Pelaksana",
          "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
          ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah")),
    Unsur("U8", "Sarana dan Prasarana",
          "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
          ("Buruk", "Cukup", "Baik", "Sangat baik")),
    Unsur("U9", "Penanganan Pengaduan, Saran, dan Masukan",
          "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
          ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik")),
)
UNSUR_CODES: tuple[str, ...] = tuple(u.code for u in UNSUR)
_UNSUR_BY_CODE = {u.code: u for u in UNSUR}

# --------------------------------------------------------------------------- respondent profile

#: Age bands (the questionnaire asks the age in years; results are reported per band).
AGE_BANDS: tuple[tuple[str, str], ...] = (
    ("<25", "Di bawah 25 tahun"), ("25-34", "25-34 tahun"), ("35-44", "35-44 tahun"),
    ("45-54", "45-54 tahun"), ("55+", "55 tahun ke atas"),
)
SEX: tuple[tuple[str, str], ...] = (("L", "Laki-laki"), ("P", "Perempuan"))
EDUCATION: tuple[tuple[str, str], ...] = (
    ("SD", "SD ke bawah"), ("SMP", "SMP"), ("SMA", "SMA/sederajat"), ("DIPLOMA", "D1/D2/D3/D4"),
    ("S1", "S1"), ("S2", "S2 ke atas"),
)
OCCUPATION: tuple[tuple[str, str], ...] = (
    ("PNS", "PNS"), ("TNI", "TNI"), ("POLRI", "Polri"), ("SWASTA", "Pegawai swasta"),
    ("WIRAUSAHA", "Wirausaha"), ("PELAJAR", "Pelajar/Mahasiswa"), ("LAINNYA", "Lainnya"),
)


#: Survey states: open (collecting responses) or closed (results final).
SURVEY_STATUS = ("OPEN", "CLOSED")
#: Where a response came from.
RESPONSE_SOURCES = ("KIOSK", "IMPORT", "PAPER")

#: The closed code sets of the stored survey columns (checked again on values from other PCs).
STORED_CODES: dict[tuple[str, str], frozenset[object]] = {
    ("skm_survey", "status"): frozenset(SURVEY_STATUS),
    ("skm_survey", "period"): frozenset(p.code for p in ALL_PERIODS),
    ("skm_response", "usia"): frozenset(code for code, _ in AGE_BANDS),
    ("skm_response", "jenis_kelamin"): frozenset(code for code, _ in SEX),
    ("skm_response", "pendidikan"): frozenset(code for code, _ in EDUCATION),
    ("skm_response", "pekerjaan"): frozenset(code for code, _ in OCCUPATION),
    ("skm_response", "source"): frozenset(RESPONSE_SOURCES),
    **{("skm_response", code.lower()): frozenset(ANSWER_VALUES) for code in UNSUR_CODES},
}


def age_band(years: int) -> str:
    """The band code of an age in years (``37`` -> ``'35-44'``)."""
    if years < 25:
        return "<25"
    if years >= 55:
        return "55+"
    low = 25 + (years - 25) // 10 * 10
    return f"{low}-{low + 9}"


# --------------------------------------------------------------------------- mutu


class Mutu(StrEnum):
    """Mutu pelayanan and kinerja unit pelayanan (the annex's conversion table)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"

    @property
    def label(self) -> str:
        return _MUTU_LABEL[self]

    @property
    def bounds(self) -> tuple[Decimal, Decimal]:
        """The IKM interval (inclusive, two decimals) of this mutu."""
        return _MUTU_BOUNDS[self]


_MUTU_LABEL = {Mutu.A: "Sangat Baik", Mutu.B: "Baik", Mutu.C: "Kurang Baik", Mutu.D: "Tidak Baik"}
_MUTU_BOUNDS = {
    Mutu.A: (Decimal("88.31"), Decimal("100.00")),
    Mutu.B: (Decimal("76.61"), Decimal("88.30")),
    Mutu.C: (Decimal("65.00"), Decimal("76.60")),
    Mutu.D: (Decimal("25.00"), Decimal("64.99")),
}
#: The same table on the 1..4 scale (nilai interval): lower bounds of A, B, C.
_NRR_BOUNDS = ((Decimal("3.5324"), Mutu.A), (Decimal("3.0644"), Mutu.B), (Decimal("2.60"), Mutu.C))


def round2(value: Fraction | float | Decimal) -> Decimal:
    """Half-up to two decimals, as the index is published (``88.305`` -> ``88.31``)."""
    if isinstance(value, Fraction):
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    else:
        exact = Decimal(str(value))
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def mutu_for(index: Fraction | float | Decimal) -> Mutu:
    """Mutu of an IKM (25..100), by its value rounded to two decimals as published."""
    value = round2(index)
    if not Decimal(25) <= value <= Decimal(100):
        raise ValueError(f"IKM {value} di luar rentang 25-100")
    for mutu in (Mutu.A, Mutu.B, Mutu.C):
        if value >= mutu.bounds[0]:
            return mutu
    return Mutu.D


def mutu_for_nrr(value: Fraction | float | Decimal) -> Mutu:
    """Mutu of one unsur from its NRR (1..4) by the annex's nilai interval."""
    exact = Decimal(str(float(value))) if not isinstance(value, Decimal) else value
    for low, mutu in _NRR_BOUNDS:
        if exact >= low:
            return mutu
    return Mutu.D


# --------------------------------------------------------------------------- computation


@dataclass(frozen=True, slots=True)
class UnsurResult:
    unsur: Unsur
    respondents: int
    total: int
    nrr: Fraction

    @property
    def weighted(self) -> Fraction:
        return self.nrr * WEIGHT

    @property
    def mutu(self) -> Mutu:
        return mutu_for_nrr(self.nrr)

    @property
    def index(self) -> Decimal:
        """The unsur's own value on the 25..100 scale (NRR x 25)."""
        return round2(self.nrr * CONVERSION)


@dataclass(frozen=True, slots=True)
class SkmResult:
    """The result of a survey: respondents, NRR per unsur, IKM (exact and published) and mutu."""

    respondents: int
    unsur: tuple[UnsurResult, ...]
    exact: Fraction | None

    @property
    def ikm(self) -> Decimal | None:
        return round2(self.exact) if self.exact is not None else None

    @property
    def mutu(self) -> Mutu | None:
        return mutu_for(self.exact) if self.exact is not None else None

    def weakest(self) -> UnsurResult | None:
        """The unsur with the lowest NRR (the first in questionnaire order on a tie)."""
        answered = [u for u in self.unsur if u.respondents]
        return min(answered, key=lambda u: u.nrr) if answered else None


def nrr(answers: Iterable[int]) -> Fraction:
    """Nilai rata-rata of one unsur: the sum of its answers / how many answered it."""
    values = list(answers)
    if not values:
        raise ValueError("tidak ada jawaban")
    for v in values:
        if v not in ANSWER_VALUES:
            raise ValueError(f"jawaban {v!r} bukan 1-4")
    return Fraction(sum(values), len(values))


def ikm(nrr_per_unsur: Mapping[str, Fraction] | Sequence[Fraction], *, weight: Fraction = WEIGHT) -> Fraction:
    """IKM = sum over the nine unsur of (NRR x weight), x 25."""
    values = list(nrr_per_unsur.values()) if isinstance(nrr_per_unsur, Mapping) else list(nrr_per_unsur)
    if len(values) != len(UNSUR):
        raise ValueError(f"IKM memerlukan NRR {len(UNSUR)} unsur, bukan {len(values)}")
    return sum((v * weight for v in values), Fraction(0)) * CONVERSION


def compute(responses: Iterable[Mapping[str, int | None]]) -> SkmResult:
    """NRR per unsur and the IKM of a set of responses (dicts ``{'U1': 4, ..., 'U9': 3}``).

    An unanswered unsur (None) counts for neither its sum nor its respondents ("total unsur
    yang terisi"); the IKM needs every unsur answered at least once.
    """
    totals = dict.fromkeys(UNSUR_CODES, 0)
    counts = dict.fromkeys(UNSUR_CODES, 0)
    n = 0
    for response in responses:
        n += 1
        for code in UNSUR_CODES:
            value = response.get(code)
            if value is None:
                continue
            if value not in ANSWER_VALUES:
                raise ValueError(f"{code}: jawaban {value!r} bukan 1-4")
            totals[code] += int(value)
            counts[code] += 1
    results = tuple(
        UnsurResult(u, counts[u.code], totals[u.code],
                    Fraction(totals[u.code], counts[u.code]) if counts[u.code] else Fraction(0))
        for u in UNSUR
    )
    exact = ikm([r.nrr for r in results]) if all(r.respondents for r in results) else None
    return SkmResult(n, results, exact)


def unsur(code: str) -> Unsur:
    return _UNSUR_BY_CODE[code]


# --------------------------------------------------------------------------- sample size

#: Krejcie & Morgan (1970), "Determining sample size for research activities", Table 1, as the
#: annex of PermenPAN-RB 14/2017 reproduces it: (population N, sample S).
KREJCIE_MORGAN: tuple[tuple[int, int], ...] = (
    (10, 10), (15, 14), (20, 19), (25, 24), (30, 28), (35, 32), (40, 36), (45, 40), (50, 44), (55, 48),
    (60, 52), (65, 56), (70, 59), (75, 63), (80, 66), (85, 70), (90, 73), (95, 76), (100, 80), (110, 86),
    (120, 92), (130, 97), (140, 103), (150, 108), (160, 113), (170, 118), (180, 123), (190, 127), (200, 132),
    (210, 136), (220, 140), (230, 144), (240, 148), (250, 152), (260, 155), (270, 159), (280, 162), (290, 165),
    (300, 169), (320, 175), (340, 181), (360, 186), (380, 191), (400, 196), (420, 201), (440, 205), (460, 210),
    (480, 214), (500, 217), (550, 226), (600, 234), (650, 242), (700, 248), (750, 254), (800, 260), (850, 265),
    (900, 269), (950, 274), (1000, 278), (1100, 285), (1200, 291), (1300, 297), (1400, 302), (1500, 306),
    (1600, 310), (1700, 313), (1800, 317), (1900, 320), (2000, 322), (2200, 327), (2400, 331), (2600, 335),
    (2800, 338), (3000, 341), (3500, 346), (4000, 351), (4500, 354), (5000, 357), (6000, 361), (7000, 364),
    (8000, 367), (9000, 368), (10000, 370), (15000, 375), (20000, 377), (30000, 379), (40000, 380),
    (50000, 381), (75000, 382), (1000000, 384),
)
_KM_N = [n for n, _ in KREJCIE_MORGAN]


def krejcie_morgan_formula(population: int) -> float:
    """The formula behind the table: s = X^2 N P(1-P) / (d^2 (N-1) + X^2 P(1-P)), X^2 = 3.841, P = .5, d = .05."""
    chi2, p, d = 3.841, 0.5, 0.05
    return chi2 * population * p * (1 - p) / (d * d * (population - 1) + chi2 * p * (1 - p))


def sample_size(population: int) -> int:
    """Required respondents for a population, read from the table.

    A population between two rows takes the larger row (never fewer respondents than the
    table asks); below 10 everyone is surveyed; above a million the table's 384.
    """
    if population <= 0:
        raise ValueError("populasi harus lebih dari 0")
    if population < _KM_N[0]:
        return population
    i = bisect.bisect_left(_KM_N, population)
    return KREJCIE_MORGAN[min(i, len(KREJCIE_MORGAN) - 1)][1]
