"""The instansi's TPP table: percents per predikat, validation, and the printed sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.penilaian import Predikat
from kinerja_desktop.domain.tpp import DEFAULT_RULE, parse_rule, percent_text


def test_tpp_percent_is_the_performance_share_times_the_predikat_percent() -> None:
    rule = parse_rule({"porsi_kinerja": "70", "persen": {"BUTUH_PERBAIKAN": "75"}})
    assert rule.tpp_percent(Predikat.BUTUH_PERBAIKAN) == Decimal("52.5")
    assert rule.tpp_percent("SANGAT_BAIK") == Decimal(70)
    assert rule.tpp_percent(None) == Decimal(0)
    assert rule.persen[Predikat.KURANG] == DEFAULT_RULE.persen[Predikat.KURANG]  # missing keys keep the default


def test_rule_round_trips_through_its_stored_form() -> None:
    rule = parse_rule({"porsi_kinerja": "60,5", "tanpa_evaluasi": "10%", "dasar": "Perbup 1/2025"})
    assert parse_rule(rule.to_json()) == rule
    assert parse_rule(None) is DEFAULT_RULE and parse_rule({}) is DEFAULT_RULE


@pytest.mark.parametrize("data", [{"porsi_kinerja": 120}, {"persen": {"BAIK": -1}}, {"persen": {"HEBAT": 10}},
                                  {"porsi_kinerja": "enam puluh"}, "bukan json"])
def test_bad_tables_are_refused_in_indonesian(data: object) -> None:
    with pytest.raises(ValidationError):
        parse_rule(data)  # type: ignore[arg-type]


def test_printed_lines_name_every_predikat_with_both_percents() -> None:
    lines = parse_rule({"porsi_kinerja": 70, "persen": {"BUTUH_PERBAIKAN": 75}}).lines()
    assert "Butuh Perbaikan: dibayar 75% dari porsi kinerja = 52,5% dari TPP." in lines
    assert lines[0].startswith("Porsi kinerja: 70% dari TPP")
    assert percent_text(Decimal("33.333")) == "33,33%"
