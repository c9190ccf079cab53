"""Kuadran, distribution curve and angka kredit (facts embedded so they run without facts.json)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.penilaian import (
    DEFAULT_CURVE_RULES,
    PREDIKAT_ORDER_CHART,
    CurveViolation,
    Predikat,
    PredikatOrganisasi,
    Rating,
    angka_kredit,
    check_distribution,
    explain_predikat,
    predikat_for,
)

A, S, B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH
SB, BA, BP, KU, SK = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)

# (hasil kerja, perilaku kerja) -> predikat, as in SE 3/2023 (not symmetric).
KUADRAN = [
    (A, A, SB),
    (A, S, BA),
    (A, B, KU),
    (S, A, BA),
    (S, S, BA),
    (S, B, KU),
    (B, A, BP),
    (B, S, BP),
    (B, B, SK),
]


@pytest.mark.parametrize(("hasil", "perilaku", "expected"), KUADRAN)
def test_kuadran_cell(hasil: Rating, perilaku: Rating, expected: Predikat) -> None:
    assert predikat_for(hasil, perilaku) is expected
    assert predikat_for(hasil.value, perilaku.value) is expected
    sentence = explain_predikat(hasil, perilaku)
    assert sentence.startswith(f"Rating hasil kerja {hasil.label} dan rating perilaku kerja {perilaku.label}")
    assert f"predikat {expected.label}" in sentence
    assert sentence.endswith(".")


def test_kuadran_is_not_symmetric() -> None:
    assert predikat_for(A, B) is KU
    assert predikat_for(B, A) is BP


def test_labels() -> None:
    assert KU.label == "Kurang/Misconduct"
    assert KU.print_label == "KURANG"
    assert BP.print_label == "BUTUH PERBAIKAN"
    assert A.label == "Di Atas Ekspektasi"
    assert A.print_label == "DI ATAS EKSPEKTASI"
    assert PredikatOrganisasi.ISTIMEWA.label == "Istimewa"
    assert PredikatOrganisasi.BUTUH_PERBAIKAN.label == "Butuh Perbaikan"
    assert PredikatOrganisasi.SANGAT_KURANG.print_label == "SANGAT KURANG"
    assert [p.label for p in PREDIKAT_ORDER_CHART] == [
        "Sangat Kurang",
        "Kurang/Misconduct",
        "Butuh Perbaikan",
        "Baik",
        "Sangat Baik",
    ]
    assert all(p.value == p.name for p in (*Predikat, *Rating, *PredikatOrganisasi))


# --- distribution curve -----------------------------------------------------------------


def counts(sb: int = 0, ba: int = 0, bp: int = 0, ku: int = 0, sk: int = 0) -> dict[Predikat, int]:
    return {SB: sb, BA: ba, BP: bp, KU: ku, SK: sk}


# Each rule at its inclusive boundary (satisfied) and one employee past it (broken), 10 employees.
BOUNDARIES = [
    ("ISTIMEWA", counts(sb=7, ba=3), set()),
    ("ISTIMEWA", counts(sb=8, ba=2), {"max:SANGAT_BAIK"}),
    ("BAIK", counts(sb=2, ba=7, bp=1), set()),
    ("BAIK", counts(sb=1, ba=8, bp=1), {"max:BAIK"}),
    ("BAIK", counts(sb=3, ba=6, ku=1), set()),
    ("BAIK", counts(sb=4, ba=6), {"at_least_one:BUTUH_PERBAIKAN+KURANG"}),
    ("BUTUH_PERBAIKAN", counts(sb=1, ba=3, bp=6), set()),
    ("BUTUH_PERBAIKAN", counts(sb=1, ba=4, bp=5), {"min:BUTUH_PERBAIKAN"}),
    ("BUTUH_PERBAIKAN", counts(sb=2, ba=2, bp=6), {"max:SANGAT_BAIK"}),
    ("KURANG", counts(sb=1, ba=2, bp=1, ku=6), set()),
    ("KURANG", counts(sb=1, ba=3, bp=1, ku=5), {"min:KURANG"}),
    ("KURANG", counts(sb=1, ba=3, ku=6), {"min:BUTUH_PERBAIKAN"}),
    ("KURANG", counts(sb=2, ba=1, bp=1, ku=6), {"max:SANGAT_BAIK"}),
    ("SANGAT_KURANG", counts(ba=3, ku=1, sk=6), set()),
    ("SANGAT_KURANG", counts(ba=3, bp=1, sk=6), set()),
    ("SANGAT_KURANG", counts(ba=4, bp=1, sk=5), {"min:SANGAT_KURANG"}),
    ("SANGAT_KURANG", counts(ba=4, sk=6), {"min_combined:KURANG+BUTUH_PERBAIKAN"}),
    ("SANGAT_KURANG", counts(sb=1, ba=2, ku=1, sk=6), {"max:SANGAT_BAIK"}),
]


@pytest.mark.parametrize(("org", "table", "broken"), BOUNDARIES)
def test_distribution_rule_boundaries(org: str, table: dict[Predikat, int], broken: set[str]) -> None:
    assert sum(table.values()) == 10
    violations = check_distribution(org, table)
    assert {v.rule for v in violations} == broken
    assert all(v.total == 10 and v.message.endswith(".") for v in violations)


def test_every_broken_rule_is_returned() -> None:
    violations = check_distribution(PredikatOrganisasi.SANGAT_KURANG, counts(sb=5, ba=5))
    assert [v.rule for v in violations] == [
        "min:SANGAT_KURANG",
        "min_combined:KURANG+BUTUH_PERBAIKAN",
        "max:SANGAT_BAIK",
    ]
    assert [v.count for v in violations] == [0, 0, 5]


def test_messages_name_counts_and_percentages() -> None:
    by_rule = {v.rule: v.message for v in check_distribution("BAIK", counts(sb=2, ba=8))}
    assert by_rule["max:BAIK"] == (
        "Predikat Baik terlalu banyak: 8 dari 10 pegawai (80%), paling banyak 70% untuk unit berpredikat Baik."
    )
    assert by_rule["at_least_one:BUTUH_PERBAIKAN+KURANG"].startswith(
        "Harus ada paling sedikit satu pegawai berpredikat Butuh Perbaikan atau Kurang/Misconduct"
    )
    (message,) = [v.message for v in check_distribution("BUTUH_PERBAIKAN", counts(ba=2, bp=1))]
    assert message == (
        "Predikat Butuh Perbaikan terlalu sedikit: 1 dari 3 pegawai (33,3%), paling sedikit 60% "
        "untuk unit berpredikat Butuh Perbaikan."
    )
    combined = check_distribution("SANGAT_KURANG", counts(ba=1, sk=9))
    assert combined[0].message.startswith("Predikat Kurang/Misconduct dan Butuh Perbaikan bersama-sama terlalu sedikit")
    (none_allowed,) = check_distribution("SANGAT_KURANG", counts(sb=1, bp=1, sk=7))
    assert none_allowed.message == (
        "Tidak boleh ada pegawai berpredikat Sangat Baik untuk unit berpredikat Sangat Kurang; "
        "saat ini 1 dari 9 pegawai (11,1%)."
    )


def test_zero_employees_break_nothing() -> None:
    for org in PredikatOrganisasi:
        assert check_distribution(org, {}) == []


def test_string_keys_and_missing_predikat_count_as_zero() -> None:
    assert check_distribution("ISTIMEWA", {"SANGAT_BAIK": 8, "BAIK": 2})[0].rule == "max:SANGAT_BAIK"


def test_custom_rules_replace_the_default() -> None:
    rules = {"ISTIMEWA": {"max": {"SANGAT_BAIK": 0.5}, "min": {"BAIK+BUTUH_PERBAIKAN": 0.2}}}
    assert check_distribution("ISTIMEWA", counts(sb=6, ba=4), rules) == [
        CurveViolation(
            "max:SANGAT_BAIK",
            "Predikat Sangat Baik terlalu banyak: 6 dari 10 pegawai (60%), paling banyak 50% "
            "untuk unit berpredikat Istimewa.",
            6,
            10,
        )
    ]
    assert check_distribution("BAIK", counts(ba=10), rules) == []  # no rules for BAIK there
    assert [v.rule for v in check_distribution("ISTIMEWA", counts(sb=5, ku=5), rules)] == [
        "min_combined:BAIK+BUTUH_PERBAIKAN"
    ]


@pytest.mark.parametrize(
    "rules",
    [
        {"BAIK": {"maks": {"BAIK": 0.7}}},
        {"BAIK": {"max": {"LUAR_BIASA": 0.7}}},
        {"BAIK": {"at_least_one": ["X"]}},
        {"BAIK": {"max": {"BAIK": 70}}},
        {"BAIK": {"max": {"BAIK": "tujuh puluh"}}},
        {"BAIK": {"max": {"BAIK": True}}},
        {"BAIK": {"max": ["BAIK"]}},
    ],
)
def test_malformed_rules_are_rejected(rules: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        check_distribution("BAIK", counts(ba=1), rules)


def test_negative_counts_are_rejected() -> None:
    with pytest.raises(ValidationError, match="negatif"):
        check_distribution("BAIK", {BA: -1})


def test_default_rules_have_one_entry_per_predikat_organisasi() -> None:
    assert {k for k in DEFAULT_CURVE_RULES if not k.startswith("_")} == {p.value for p in PredikatOrganisasi}


# --- angka kredit -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("koefisien", "predikat", "months", "expected"),
    [
        (12.5, SB, 12, "18.75"),  # Perban BKN 3/2023 example
        (12.5, BA, 2, "2.08"),  # example: Baik for 2 months
        (12.5, BA, 12, "12.50"),
        (12.5, BP, 12, "9.38"),  # 9.375 rounds half up
        (12.5, KU, 12, "6.25"),
        (12.5, SK, 12, "3.13"),  # 3.125 rounds half up
        ("0.125", BA, 12, "0.13"),  # half-up, not banker's rounding
        (Decimal("25"), SB, 6, "18.75"),
        (50, "SANGAT_KURANG", 1, "1.04"),
        (12.5, SB, 0, "0.00"),
    ],
)
def test_angka_kredit(koefisien: Decimal | float | str, predikat: Predikat, months: int, expected: str) -> None:
    result = angka_kredit(koefisien, predikat, months)
    assert result == Decimal(expected)
    assert str(result) == expected


@pytest.mark.parametrize("months", [-1, 13])
def test_angka_kredit_rejects_months_outside_a_year(months: int) -> None:
    with pytest.raises(ValidationError, match="bulan"):
        angka_kredit(12.5, BA, months)


def test_angka_kredit_rejects_negative_coefficient_and_accepts_custom_percent() -> None:
    with pytest.raises(ValidationError):
        angka_kredit(-1, BA)
    assert angka_kredit(10, BA, percent={BA: 90}) == Decimal("9.00")
