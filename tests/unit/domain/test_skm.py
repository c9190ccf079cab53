"""Survei Kepuasan Masyarakat rules (PermenPAN-RB 14/2017): NRR, IKM, mutu, sample size."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from kinerja_desktop.domain import skm
from kinerja_desktop.domain.skm import Mutu


def _responses(splits: dict[str, list[tuple[int, int]]], n: int) -> list[dict[str, int]]:
    """n responses whose answers per unsur follow ``splits`` ({'U1': [(count, value), ...]})."""
    rows: list[dict[str, int]] = [{} for _ in range(n)]
    for code, parts in splits.items():
        values = [v for count, v in parts for _ in range(count)]
        assert len(values) == n
        for row, value in zip(rows, values, strict=True):
            row[code] = value
    return rows


#: A published worked example (a Kanwil Kemenag service, 29 respondents, per-unsur totals
#: 105, 101, 100, 116, 102, 105, 106, 105, 115), reproduced from its answer counts.
WORKED = {
    "U1": [(18, 4), (11, 3)], "U2": [(14, 4), (15, 3)], "U3": [(15, 4), (12, 3), (2, 2)],
    "U4": [(29, 4)], "U5": [(15, 4), (14, 3)], "U6": [(18, 4), (11, 3)], "U7": [(19, 4), (10, 3)],
    "U8": [(18, 4), (11, 3)], "U9": [(28, 4), (1, 3)],
}


def test_worked_example_gives_the_published_nrr_and_an_ikm_of_91_48_with_the_weight_1_9() -> None:
    result = skm.compute(_responses(WORKED, 29))
    assert result.respondents == 29
    assert [u.total for u in result.unsur] == [105, 101, 100, 116, 102, 105, 106, 105, 115]
    assert [round(float(u.nrr), 4) for u in result.unsur] == [
        3.6207, 3.4828, 3.4483, 4.0, 3.5172, 3.6207, 3.6552, 3.6207, 3.9655]
    # sum of NRR x 1/9 x 25 = 955 / 261 x 25 = 91.475... -> 91.48
    assert result.exact == Fraction(955 * 25, 261)
    assert result.ikm == Decimal("91.48")
    assert result.mutu is Mutu.A
    assert result.weakest() is not None and result.weakest().unsur.code == "U3"


def test_the_rounded_weights_give_the_other_published_figures() -> None:
    """The same data with 0,11 (the formula text) gives the 90.56 that report printed; 0,111 gives 91.38."""
    nrr = [u.nrr for u in skm.compute(_responses(WORKED, 29)).unsur]
    assert skm.round2(sum(round(float(v) * 0.11, 4) for v in nrr) * 25) == Decimal("90.56")
    assert skm.round2(skm.ikm(nrr, weight=skm.WEIGHT_PRINTED)) == Decimal("91.38")


def test_all_answers_four_give_exactly_100_and_all_ones_exactly_25() -> None:
    best = skm.compute([dict.fromkeys(skm.UNSUR_CODES, 4)] * 3)
    worst = skm.compute([dict.fromkeys(skm.UNSUR_CODES, 1)])
    assert (best.ikm, best.mutu) == (Decimal("100.00"), Mutu.A)
    assert (worst.ikm, worst.mutu) == (Decimal("25.00"), Mutu.D)
    # the printed 0,111 could never reach 100
    assert skm.round2(skm.ikm([Fraction(4)] * 9, weight=skm.WEIGHT_PRINTED)) == Decimal("99.90")


@pytest.mark.parametrize(
    ("value", "mutu"),
    [("100", Mutu.A), ("88.31", Mutu.A), ("88.305", Mutu.A), ("88.30", Mutu.B), ("76.61", Mutu.B),
     ("76.60", Mutu.C), ("65.00", Mutu.C), ("64.99", Mutu.D), ("64.994", Mutu.D), ("25", Mutu.D)],
)
def test_mutu_bounds_of_the_annex_on_the_published_two_decimals(value: str, mutu: Mutu) -> None:
    assert skm.mutu_for(Decimal(value)) is mutu


def test_mutu_labels_and_an_index_outside_25_100_is_refused() -> None:
    assert [m.label for m in Mutu] == ["Sangat Baik", "Baik", "Kurang Baik", "Tidak Baik"]
    with pytest.raises(ValueError):
        skm.mutu_for(Decimal("24.99"))


def test_nrr_of_one_unsur_uses_the_nilai_interval() -> None:
    assert skm.mutu_for_nrr(Decimal("3.5324")) is Mutu.A
    assert skm.mutu_for_nrr(Decimal("3.532")) is Mutu.B
    assert skm.mutu_for_nrr(Decimal("3.0644")) is Mutu.B
    assert skm.mutu_for_nrr(Decimal("2.60")) is Mutu.C
    assert skm.mutu_for_nrr(Decimal("2.5996")) is Mutu.D


def test_an_unanswered_unsur_counts_for_neither_sum_nor_respondents_and_leaves_no_ikm() -> None:
    rows = [dict.fromkeys(skm.UNSUR_CODES, 3), {**dict.fromkeys(skm.UNSUR_CODES, 4), "U4": None}]
    result = skm.compute(rows)
    assert result.unsur[3].respondents == 1 and result.unsur[3].nrr == 3
    assert result.exact is not None
    assert skm.compute([{"U1": 4}]).exact is None
    with pytest.raises(ValueError):
        skm.compute([{"U1": 5}])


def test_nine_unsur_in_questionnaire_order_with_four_answers_each() -> None:
    assert skm.UNSUR_CODES == tuple(f"U{i}" for i in range(1, 10))
    assert [u.name for u in skm.UNSUR][:3] == ["Persyaratan", "Sistem, Mekanisme, dan Prosedur", "Waktu Penyelesaian"]
    assert all(len(u.answers) == 4 and u.question.endswith("?") for u in skm.UNSUR)


def test_the_sample_table_is_krejcie_morgan_and_agrees_with_its_formula() -> None:
    for population, sample in skm.KREJCIE_MORGAN:
        assert abs(sample - skm.krejcie_morgan_formula(population)) <= 1, population
    assert [skm.sample_size(n) for n in (5, 10, 100, 105, 1000, 1001, 2000, 100_000, 5_000_000)] == [
        5, 10, 80, 86, 278, 285, 322, 384, 384]


def test_age_bands() -> None:
    assert [skm.age_band(y) for y in (17, 24, 25, 34, 35, 54, 55, 90)] == [
        "<25", "<25", "25-34", "25-34", "35-44", "45-54", "55+", "55+"]
