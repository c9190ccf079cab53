"""Evaluation periods: labels, dates, parsing, configuration."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import (
    ALL_PERIODS,
    DEFAULT_PERIOD_CODES,
    DEFAULT_PERIODS,
    Period,
    PeriodCode,
    PeriodKind,
    parse_period,
    period,
    periods_containing,
    periods_in,
)


@pytest.mark.parametrize(
    ("code", "label", "print_label", "start", "end"),
    [
        ("TAHUNAN", "Tahunan", "TAHUNAN", date(2024, 1, 1), date(2024, 12, 31)),
        ("TW1", "Triwulan I", "TRIWULAN I", date(2024, 1, 1), date(2024, 3, 31)),
        ("TW2", "Triwulan II", "TRIWULAN II", date(2024, 4, 1), date(2024, 6, 30)),
        ("TW3", "Triwulan III", "TRIWULAN III", date(2024, 7, 1), date(2024, 9, 30)),
        ("TW4", "Triwulan IV", "TRIWULAN IV-AKHIR", date(2024, 10, 1), date(2024, 12, 31)),
        ("S1", "Semester I", "SEMESTER I", date(2024, 1, 1), date(2024, 6, 30)),
        ("S2", "Semester II", "SEMESTER II", date(2024, 7, 1), date(2024, 12, 31)),
        ("B01", "Januari", "JANUARI", date(2024, 1, 1), date(2024, 1, 31)),
        ("B02", "Februari", "FEBRUARI", date(2024, 2, 1), date(2024, 2, 29)),
        ("B12", "Desember", "DESEMBER", date(2024, 12, 1), date(2024, 12, 31)),
    ],
)
def test_period_labels_and_dates(code: str, label: str, print_label: str, start: date, end: date) -> None:
    p = period(code)
    assert (p.code, p.label, p.print_label, str(p)) == (code, label, print_label, code)
    assert (p.start(2024), p.end(2024)) == (start, end)


def test_february_in_a_common_year() -> None:
    assert period("B02").end(2023) == date(2023, 2, 28)


def test_every_code_has_a_period() -> None:
    assert [p.code for p in ALL_PERIODS] == [
        *(f"TW{i}" for i in range(1, 5)),
        "S1",
        "S2",
        *(f"B{m:02d}" for m in range(1, 13)),
        "TAHUNAN",
    ]
    assert {c.value for c in PeriodCode} == {p.code for p in ALL_PERIODS}


def test_defaults() -> None:
    assert DEFAULT_PERIOD_CODES == ("TW1", "TW2", "TW3", "TW4", "TAHUNAN")
    assert [p.code for p in DEFAULT_PERIODS] == list(DEFAULT_PERIOD_CODES)


def test_period_accepts_lowercase_names_and_period_objects() -> None:
    assert period("tw3") is period("TW3")
    assert period(period("S1")) is period("S1")
    assert period("Triwulan I") is period("TW1")
    with pytest.raises(ValidationError, match="tidak dikenal"):
        period("TW5")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("tahunan", "TAHUNAN"),
        ("TAHUNAN", "TAHUNAN"),
        ("tw1", "TW1"),
        ("Tw 2", "TW2"),
        ("triwulan i", "TW1"),
        ("Triwulan III", "TW3"),
        ("triwulan 4", "TW4"),
        ("TRIWULAN IV-AKHIR", "TW4"),
        ("triwulan iv akhir", "TW4"),
        ("s2", "S2"),
        ("Semester I", "S1"),
        ("semester 2", "S2"),
        ("Januari", "B01"),
        ("mei", "B05"),
        ("AGUSTUS", "B08"),
        ("b3", "B03"),
        ("B11", "B11"),
        ("  Desember ", "B12"),
    ],
)
def test_parse_period(text: str, code: str) -> None:
    assert parse_period(text).code == code


@pytest.mark.parametrize("text", ["", "triwulan v", "semester iii", "b13", "b0", "kuartal 1"])
def test_parse_period_rejects(text: str) -> None:
    with pytest.raises(ValidationError, match="Periode"):
        parse_period(text)


def test_periods_in_orders_and_deduplicates() -> None:
    codes = [p.code for p in periods_in(["tahunan", "TW2", "Triwulan II", "tw1", "S2", "TW4", "B12"])]
    assert codes == ["TW1", "TW2", "B12", "TW4", "S2", "TAHUNAN"]
    assert [p.code for p in periods_in("S1, S2; tahunan")] == ["S1", "S2", "TAHUNAN"]
    assert periods_in(None) == DEFAULT_PERIODS
    assert periods_in("") == DEFAULT_PERIODS
    assert periods_in([period("TW1")]) == (period("TW1"),)


def test_contains() -> None:
    tw2 = period("TW2")
    assert tw2.contains(date(2024, 4, 1)) and tw2.contains(date(2024, 6, 30))
    assert not tw2.contains(date(2024, 3, 31)) and not tw2.contains(date(2024, 7, 1))
    assert tw2.contains(date(2024, 5, 5), year=2024)
    assert not tw2.contains(date(2024, 5, 5), year=2025)
    assert [p.code for p in periods_containing(date(2024, 5, 5), DEFAULT_PERIODS)] == ["TW2", "TAHUNAN"]


def test_months_final_and_range_label() -> None:
    assert [period(c).months for c in ("TAHUNAN", "S1", "TW3", "B07")] == [12, 6, 3, 1]
    assert [p.code for p in ALL_PERIODS if p.is_final] == ["TW4", "S2", "B12", "TAHUNAN"]
    assert period("TAHUNAN").range_label(2024) == "1 JANUARI SD 31 DESEMBER TAHUN 2024"
    assert period("TW1").kind is PeriodKind.TRIWULAN
    assert isinstance(DEFAULT_PERIODS[0], Period)
