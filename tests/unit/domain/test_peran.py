"""A year with changes: segment dates, months for angka kredit, and the annual combination (real numbers)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.penilaian import Predikat, Rating
from kinerja_desktop.domain.peran import AturanTahunan, Segment, combine_segments, months_of, segments_of_year

A, S, B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH


def test_a_mutation_on_1_july_splits_2026_into_181_and_184_days() -> None:
    (a_start, a_end), (b_start, b_end) = segments_of_year(2026, [date(2026, 7, 1)])
    assert (a_start, a_end, b_start, b_end) == (date(2026, 1, 1), date(2026, 6, 30), date(2026, 7, 1),
                                                date(2026, 12, 31))
    assert Segment(a_start, a_end).days == 181 and Segment(b_start, b_end).days == 184


def test_months_follow_the_15th_so_segments_always_add_up_to_twelve() -> None:
    assert months_of(date(2026, 1, 1), date(2026, 6, 30)) == 6
    assert months_of(date(2026, 1, 1), date(2026, 3, 16)) == 3  # 15 March is in the first SKP
    assert months_of(date(2026, 3, 17), date(2026, 12, 31)) == 9
    for tmt in (date(2026, 2, 14), date(2026, 2, 15), date(2026, 2, 16), date(2026, 11, 30)):
        parts = segments_of_year(2026, [tmt])
        assert sum(months_of(a, b) for a, b in parts) == 12


def test_proportional_weighs_days_so_the_tmt_date_can_tip_the_rating() -> None:
    # GIVEN Sesuai in the old position and Di Atas in the new one, perilaku Di Atas in both
    # WHEN the mutation is on 1 July: (181 x 2 + 184 x 3) / 365 = 914/365 = 2.504 -> Di Atas
    early = [Segment(date(2026, 1, 1), date(2026, 6, 30), S, A), Segment(date(2026, 7, 1), date(2026, 12, 31), A, A)]
    result = combine_segments(early)
    assert result.score_hasil == Fraction(914, 365)
    assert result.hasil is A and result.perilaku is A and result.predikat is Predikat.SANGAT_BAIK
    # WHEN it is on 3 July instead: (183 x 2 + 182 x 3) / 365 = 912/365 = 2.499 -> Sesuai, predikat Baik
    late = [Segment(date(2026, 1, 1), date(2026, 7, 2), S, A), Segment(date(2026, 7, 3), date(2026, 12, 31), A, A)]
    result = combine_segments(late)
    assert result.score_hasil == Fraction(912, 365)
    assert result.hasil is S and result.predikat is Predikat.BAIK
    assert "2.499" in result.explain()


def test_a_poor_short_segment_counts_by_its_share_only() -> None:
    # Di Bawah for Jan-Mar (90 days), Sesuai for Apr-Dec (275 days): (90 + 550) / 365 = 1.753 -> Sesuai
    segs = [Segment(date(2026, 1, 1), date(2026, 3, 31), B, S), Segment(date(2026, 4, 1), date(2026, 12, 31), S, S)]
    result = combine_segments(segs)
    assert result.score_hasil == Fraction(640, 365)
    assert (result.hasil, result.predikat) == (S, Predikat.BAIK)


def test_the_last_penilai_rule_takes_the_last_segment_and_keeps_the_first_as_consideration() -> None:
    segs = [Segment(date(2026, 1, 1), date(2026, 9, 30), B, B), Segment(date(2026, 10, 1), date(2026, 12, 31), A, S)]
    result = combine_segments(segs, AturanTahunan.TERAKHIR)
    assert (result.hasil, result.perilaku, result.predikat) == (A, S, Predikat.BAIK)
    assert "jabatan terakhir" in result.explain() and "Di Bawah Ekspektasi" in result.explain()


def test_an_unevaluated_segment_leaves_the_proportional_result_open() -> None:
    segs = [Segment(date(2026, 1, 1), date(2026, 6, 30)), Segment(date(2026, 7, 1), date(2026, 12, 31), A, A)]
    result = combine_segments(segs)
    assert result.hasil is None and not result.complete and len(result.missing) == 1
    assert "belum dievaluasi" in result.explain()


def test_angka_kredit_is_earned_per_segment_by_months() -> None:
    # Ahli Pertama (12.5): Baik for 6 months = 6.25, Sangat Baik for 6 months = 9.375 -> 9.38; total 15.63
    segs = [Segment(date(2026, 1, 1), date(2026, 6, 30), S, S), Segment(date(2026, 7, 1), date(2026, 12, 31), A, A)]
    assert combine_segments(segs).angka_kredit(12.5) == Decimal("15.63")


def test_overlapping_segments_and_unknown_rules_are_refused_in_indonesian() -> None:
    segs = [Segment(date(2026, 1, 1), date(2026, 7, 10), S, S), Segment(date(2026, 7, 1), date(2026, 12, 31), A, A)]
    with pytest.raises(ValidationError, match="tumpang tindih"):
        combine_segments(segs)
    with pytest.raises(ValidationError, match="tidak dikenal"):
        combine_segments(segs[:1], "RATA2")
