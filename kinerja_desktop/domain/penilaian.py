"""Appraisal rules of PermenPAN-RB 6/2022 and SE MenPAN-RB 3/2023.

* ratings of hasil kerja and perilaku kerja -> predikat kinerja pegawai (the kuadran);
* predikat kinerja organisasi and the distribution curve (kept as data, see
  :data:`DEFAULT_CURVE_RULES`; the app warns, it does not forbid);
* angka kredit from predikat (Perban BKN 3/2023).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from kinerja_desktop.domain.errors import ValidationError

__all__ = [
    "ANGKA_KREDIT_PERCENT",
    "DEFAULT_CURVE_RULES",
    "KUADRAN",
    "PREDIKAT_ORDER_CHART",
    "CurveRule",
    "CurveViolation",
    "Predikat",
    "PredikatOrganisasi",
    "Rating",
    "angka_kredit",
    "check_distribution",
    "explain_predikat",
    "parse_curve_rules",
    "predikat_for",
]


class Rating(StrEnum):
    """Rating of hasil kerja or perilaku kerja."""

    DI_ATAS = "DI_ATAS"
    SESUAI = "SESUAI"
    DI_BAWAH = "DI_BAWAH"

    @property
    def label(self) -> str:
        """``'Di Atas Ekspektasi'`` etc."""
        return _RATING_LABELS[self]

    @property
    def print_label(self) -> str:
        return self.label.upper()


_RATING_LABELS = {
    Rating.DI_ATAS: "Di Atas Ekspektasi",
    Rating.SESUAI: "Sesuai Ekspektasi",
    Rating.DI_BAWAH: "Di Bawah Ekspektasi",
}


class Predikat(StrEnum):
    """Predikat kinerja pegawai. KURANG is 'Kurang/Misconduct' on screen, 'KURANG' in print."""

    SANGAT_BAIK = "SANGAT_BAIK"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"

    @property
    def label(self) -> str:
        """Screen label (SE 3/2023 wording)."""
        return _PREDIKAT_LABELS[self]

    @property
    def print_label(self) -> str:
        """Label printed on the Dokumen Evaluasi."""
        return self.value.replace("_", " ")


_PREDIKAT_LABELS = {
    Predikat.SANGAT_BAIK: "Sangat Baik",
    Predikat.BAIK: "Baik",
    Predikat.BUTUH_PERBAIKAN: "Butuh Perbaikan",
    Predikat.KURANG: "Kurang/Misconduct",
    Predikat.SANGAT_KURANG: "Sangat Kurang",
}

PREDIKAT_ORDER_CHART: tuple[Predikat, ...] = (
    Predikat.SANGAT_KURANG,
    Predikat.KURANG,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.BAIK,
    Predikat.SANGAT_BAIK,
)
"""X axis of the POLA DISTRIBUSI chart, left to right."""


class PredikatOrganisasi(StrEnum):
    """Predikat kinerja organisasi (set by the leader one level up). Only units can be Istimewa."""

    ISTIMEWA = "ISTIMEWA"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()

    @property
    def print_label(self) -> str:
        return self.value.replace("_", " ")


KUADRAN: Mapping[tuple[Rating, Rating], Predikat] = MappingProxyType(
    {
        (Rating.DI_ATAS, Rating.DI_ATAS): Predikat.SANGAT_BAIK,
        (Rating.DI_ATAS, Rating.SESUAI): Predikat.BAIK,
        (Rating.DI_ATAS, Rating.DI_BAWAH): Predikat.KURANG,
        (Rating.SESUAI, Rating.DI_ATAS): Predikat.BAIK,
        (Rating.SESUAI, Rating.SESUAI): Predikat.BAIK,
        (Rating.SESUAI, Rating.DI_BAWAH): Predikat.KURANG,
        (Rating.DI_BAWAH, Rating.DI_ATAS): Predikat.BUTUH_PERBAIKAN,
        (Rating.DI_BAWAH, Rating.SESUAI): Predikat.BUTUH_PERBAIKAN,
        (Rating.DI_BAWAH, Rating.DI_BAWAH): Predikat.SANGAT_KURANG,
    }
)
"""(rating hasil kerja, rating perilaku kerja) -> predikat. Not symmetric (SE 3/2023)."""


def predikat_for(hasil: Rating | str, perilaku: Rating | str) -> Predikat:
    """Predikat kinerja pegawai from the two ratings (hasil kerja first)."""
    return KUADRAN[(Rating(hasil), Rating(perilaku))]


def explain_predikat(hasil: Rating | str, perilaku: Rating | str) -> str:
    """One Indonesian sentence explaining the kuadran cell, for the evaluation form."""
    h, p = Rating(hasil), Rating(perilaku)
    predikat = predikat_for(h, p)
    sentence = (
        f"Rating hasil kerja {h.label} dan rating perilaku kerja {p.label} menghasilkan predikat {predikat.label}"
    )
    if p is Rating.DI_BAWAH and h is not Rating.DI_BAWAH:
        sentence += ", karena perilaku kerja di bawah ekspektasi tidak dapat ditutup oleh hasil kerja"
    elif h is Rating.DI_BAWAH and p is not Rating.DI_BAWAH:
        sentence += ", karena hasil kerja masih di bawah ekspektasi walaupun perilaku kerja baik"
    return sentence + "."


# --- distribution curve -----------------------------------------------------------------

DEFAULT_CURVE_RULES: Mapping[str, Any] = {
    "_note": "share of employees in a unit by predikat; bounds are inclusive fractions; "
    "'at_least_one' means a count >= 1 over the listed predikat together",
    "ISTIMEWA": {"max": {"SANGAT_BAIK": 0.7}},
    "BAIK": {"max": {"BAIK": 0.7}, "at_least_one": ["BUTUH_PERBAIKAN", "KURANG"]},
    "BUTUH_PERBAIKAN": {"min": {"BUTUH_PERBAIKAN": 0.6}, "max": {"SANGAT_BAIK": 0.1}},
    "KURANG": {"min": {"KURANG": 0.6, "BUTUH_PERBAIKAN": 0.1}, "max": {"SANGAT_BAIK": 0.1}},
    "SANGAT_KURANG": {
        "min": {"SANGAT_KURANG": 0.6},
        "min_combined": {"KURANG+BUTUH_PERBAIKAN": 0.1},
        "max": {"SANGAT_BAIK": 0.0},
    },
}
"""SE MenPAN-RB 3/2023 curve, identical to ``kurva_distribusi`` in facts.json (wording from
secondary sources, hence data: pass other rules to :func:`check_distribution`)."""

_RULE_KINDS = ("max", "min", "min_combined", "at_least_one")


@dataclass(frozen=True, slots=True)
class CurveRule:
    """One bound: the share of ``predikat`` (together) must be <= / >= ``bound``, or count >= 1."""

    kind: str  # "max" | "min" | "min_combined" | "at_least_one"
    predikat: tuple[Predikat, ...]
    bound: Fraction

    @property
    def rule_id(self) -> str:
        return f"{self.kind}:{'+'.join(self.predikat)}"


@dataclass(frozen=True, slots=True)
class CurveViolation:
    """A broken distribution rule.

    Attributes:
        rule: id such as ``'max:BAIK'`` or ``'at_least_one:BUTUH_PERBAIKAN+KURANG'``.
        message: Indonesian explanation with counts and percentages.
        count: employees with the listed predikat.
        total: employees in the unit.
    """

    rule: str
    message: str
    count: int = 0
    total: int = 0


def _predikat_list(codes: Sequence[str] | str) -> tuple[Predikat, ...]:
    parts = codes.split("+") if isinstance(codes, str) else list(codes)
    try:
        return tuple(Predikat(part.strip()) for part in parts)
    except ValueError:
        raise ValidationError(
            f"Aturan kurva distribusi memuat predikat yang tidak dikenal: {codes!r}", code="curve.predikat"
        ) from None


def _bound(value: object) -> Fraction:
    try:
        bound = Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        bound = Fraction(-1)
    if isinstance(value, bool) or not 0 <= bound <= 1:
        raise ValidationError(
            f"Batas kurva distribusi harus pecahan 0 sampai 1, tertulis {value!r}", code="curve.bound"
        )
    return bound


def parse_curve_rules(rules: Mapping[str, Any], org: PredikatOrganisasi | str) -> tuple[CurveRule, ...]:
    """The rules for one predikat organisasi from a facts.json-style mapping (keys starting '_' ignored)."""
    spec = rules.get(str(PredikatOrganisasi(org)))
    if not spec:
        return ()
    parsed: list[CurveRule] = []
    for kind, body in spec.items():
        if kind.startswith("_"):
            continue
        if kind not in _RULE_KINDS:
            raise ValidationError(f"Jenis aturan kurva distribusi tidak dikenal: {kind!r}", code="curve.kind")
        if kind == "at_least_one":
            parsed.append(CurveRule(kind, _predikat_list(body), Fraction(0)))
            continue
        if not isinstance(body, Mapping):
            raise ValidationError(
                f"Aturan kurva distribusi '{kind}' harus berisi predikat dan batas", code="curve.kind"
            )
        for codes, bound in body.items():
            predikat = _predikat_list(codes)
            # "A+B" under "min" means the same as under "min_combined"; "max" may combine too.
            combined = "min_combined" if kind == "min" and len(predikat) > 1 else kind
            parsed.append(CurveRule(combined, predikat, _bound(bound)))
    return tuple(parsed)


def _percent(value: Fraction) -> str:
    """80% / 66,7% (Indonesian decimal comma, at most one decimal)."""
    rounded = Decimal(value.numerator * 100) / Decimal(value.denominator)
    text = f"{rounded.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def _names(predikat: Sequence[Predikat], joiner: str) -> str:
    labels = [p.label for p in predikat]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + f" {joiner} " + labels[-1]


def check_distribution(
    org: PredikatOrganisasi | str,
    counts: Mapping[Predikat, int] | Mapping[str, int],
    rules: Mapping[str, Any] | None = None,
) -> list[CurveViolation]:
    """Every rule of the curve that the unit's predikat counts break (empty list when fine).

    Args:
        org: the unit's predikat organisasi.
        counts: number of employees per predikat (missing keys count 0).
        rules: facts.json-style rules; defaults to :data:`DEFAULT_CURVE_RULES`.

    A unit without employees breaks nothing. Bounds are inclusive.
    """
    org_enum = PredikatOrganisasi(org)
    table: dict[Predikat, int] = {}
    for p in Predikat:
        value = int(counts.get(p, 0))
        if value < 0:
            raise ValidationError(f"Jumlah pegawai berpredikat {p.label} tidak boleh negatif", code="curve.count")
        table[p] = value
    total = sum(table.values())
    if total == 0:
        return []
    unit = f"unit berpredikat {org_enum.label}"
    violations: list[CurveViolation] = []
    for rule in parse_curve_rules(DEFAULT_CURVE_RULES if rules is None else rules, org_enum):
        count = sum(table[p] for p in rule.predikat)
        share = Fraction(count, total)
        actual = f"{count} dari {total} pegawai ({_percent(share)})"
        message: str | None = None
        if rule.kind == "at_least_one":
            if count < 1:
                message = (
                    f"Harus ada paling sedikit satu pegawai berpredikat {_names(rule.predikat, 'atau')} "
                    f"untuk {unit}; saat ini tidak ada."
                )
        elif rule.kind == "max":
            if share > rule.bound:
                names = _names(rule.predikat, "dan")
                if rule.bound == 0:
                    message = f"Tidak boleh ada pegawai berpredikat {names} untuk {unit}; saat ini {actual}."
                else:
                    message = (
                        f"Predikat {names} terlalu banyak: {actual}, paling banyak {_percent(rule.bound)} untuk {unit}."
                    )
        elif share < rule.bound:
            if len(rule.predikat) == 1:
                subject = f"Predikat {rule.predikat[0].label}"
            else:
                subject = f"Predikat {_names(rule.predikat, 'dan')} bersama-sama"
            message = f"{subject} terlalu sedikit: {actual}, paling sedikit {_percent(rule.bound)} untuk {unit}."
        if message is not None:
            violations.append(CurveViolation(rule.rule_id, message, count, total))
    return violations


# --- angka kredit -----------------------------------------------------------------------

ANGKA_KREDIT_PERCENT: Mapping[Predikat, int] = MappingProxyType(
    {
        Predikat.SANGAT_BAIK: 150,
        Predikat.BAIK: 100,
        Predikat.BUTUH_PERBAIKAN: 75,
        Predikat.KURANG: 50,
        Predikat.SANGAT_KURANG: 25,
    }
)
"""Percentage of the annual coefficient earned per predikat (Perban BKN 3/2023)."""

_CENT = Decimal("0.01")
MONTHS_PER_YEAR = 12


def angka_kredit(
    koefisien: Decimal | int | float | str,
    predikat: Predikat | str,
    months: int = MONTHS_PER_YEAR,
    *,
    percent: Mapping[Predikat, int] | None = None,
) -> Decimal:
    """AK = percent(predikat)/100 x koefisien x months/12, rounded half-up to 2 places.

    >>> angka_kredit(12.5, Predikat.SANGAT_BAIK)
    Decimal('18.75')
    >>> angka_kredit(12.5, Predikat.BAIK, months=2)
    Decimal('2.08')
    """
    if isinstance(months, bool) or not 0 <= months <= MONTHS_PER_YEAR:
        raise ValidationError(
            f"Jumlah bulan harus 0 sampai {MONTHS_PER_YEAR}, tertulis {months}", code="ak.months", field="bulan"
        )
    koef = Decimal(str(koefisien)) if isinstance(koefisien, float) else Decimal(koefisien)
    if koef < 0:
        raise ValidationError("Koefisien angka kredit tidak boleh negatif", code="ak.koefisien", field="koefisien")
    pct = (percent or ANGKA_KREDIT_PERCENT)[Predikat(predikat)]
    exact = koef * Decimal(pct) * Decimal(months) / Decimal(100 * MONTHS_PER_YEAR)
    return exact.quantize(_CENT, rounding=ROUND_HALF_UP)
