"""The scoring, ranking and award rules of skill contests (db.contests), as DOMAIN.md states them.

Scores are integer hundredths of a point: 8000 is 80.00 points.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.contests.rules import assign_awards, practical_score, total_score

scores = st.integers(0, 10_000)


def half_up(value: Fraction) -> int:
    """A non-negative exact value rounded half up: the oracle of the roundings below."""
    return int(value + Fraction(1, 2))


# --- practical score -----------------------------------------------------------------------------------


def test_practical_drops_the_highest_and_the_lowest_judge() -> None:
    assert practical_score([9500, 8000, 8500, 7000, 9000], drop_extremes=True) == 8500


def test_practical_drops_only_one_of_equal_extremes() -> None:
    assert practical_score([9000, 9000, 8000, 8000, 8600], drop_extremes=True) == 8533  # (8000+8600+9000)/3


def test_practical_keeps_every_judge_unless_the_contest_drops_extremes() -> None:
    assert practical_score([9500, 8000, 8500, 7000, 9000], drop_extremes=False) == 8400


def test_practical_with_two_judges_keeps_both_even_when_dropping() -> None:
    assert practical_score([7000, 9000], drop_extremes=True) == 8000


@pytest.mark.parametrize(("judged", "drop", "expected"), [
    ([8000, 8001], False, 8001),  # 8000.5 rounds up, not to the even 8000
    ([8002, 8003], False, 8003),  # 8002.5 rounds up, not to the even 8002
    ([7000, 8000, 8001, 9000], True, 8001),  # kept 8000 and 8001: 8000.5
    ([8000, 8000, 8001], False, 8000),  # 8000.33 rounds down
    ([8000, 8001, 8001], False, 8001),  # 8000.67 rounds up
])
def test_practical_rounds_half_up(judged: list[int], drop: bool, expected: int) -> None:
    assert practical_score(judged, drop_extremes=drop) == expected


def test_practical_needs_a_judge() -> None:
    with pytest.raises(ValueError):
        practical_score([], drop_extremes=True)


@given(st.lists(scores, min_size=3, max_size=9), st.booleans())
def test_practical_is_the_rounded_mean_of_the_kept_scores(judged: list[int], drop: bool) -> None:
    kept = sorted(judged)[1:-1] if drop else judged
    assert practical_score(judged, drop_extremes=drop) == half_up(Fraction(sum(kept), len(kept)))


# --- total score ---------------------------------------------------------------------------------------


def test_total_is_the_weighted_sum() -> None:
    assert total_score(8000, 9000, 30, 70) == 8700
    assert total_score(6000, 9000, 20, 80) == 8400


@pytest.mark.parametrize(("theory", "practical", "weights", "expected"), [
    (8000, 8001, (50, 50), 8001),  # 8000.5 rounds up
    (8002, 8003, (50, 50), 8003),  # 8002.5 rounds up, not to the even 8002
    (8001, 8000, (30, 70), 8000),  # 8000.3 rounds down
    (8000, 8001, (30, 70), 8001),  # 8000.7 rounds up
])
def test_total_rounds_half_up(theory: int, practical: int, weights: tuple[int, int], expected: int) -> None:
    assert total_score(theory, practical, *weights) == expected


@given(scores, scores, st.integers(0, 100))
def test_total_is_the_rounded_weighted_sum(theory: int, practical: int, theory_weight: int) -> None:
    exact = Fraction(theory * theory_weight + practical * (100 - theory_weight), 100)
    assert total_score(theory, practical, theory_weight, 100 - theory_weight) == half_up(exact)


# --- awards --------------------------------------------------------------------------------------------


def test_awards_follow_the_quotas_in_rank_order() -> None:
    ranks = [1, 2, 3, 4, 5, 6, 7, 8]
    awards = assign_awards(ranks, [9000] * 8, (1, 2, 2, 2), pass_mark=60)
    assert awards == ["一等奖", "二等奖", "二等奖", "三等奖", "三等奖", "优胜奖", "优胜奖", None]


def test_entrants_tied_at_a_quota_boundary_share_the_higher_award() -> None:
    assert assign_awards([1, 2, 2, 4], [9000] * 4, (2, 1, 1, 0), pass_mark=60) == ["一等奖"] * 3 + ["三等奖"]


def test_no_award_below_the_pass_mark_but_the_rank_still_counts() -> None:
    awards = assign_awards([1, 2, 3], [9000, 5999, 6000], (1, 1, 1, 0), pass_mark=60)
    assert awards == ["一等奖", None, "三等奖"]
