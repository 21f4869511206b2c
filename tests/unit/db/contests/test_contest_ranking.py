"""A contest's results by its scoring rule (db.contests.ranking), from worked examples.

Scores are integer hundredths of a point: 8000 is 80.00 points.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.contests.ranking import (
    EntrantScores,
    Placed,
    Results,
    ScoringRule,
    check_rule,
    rank_contest,
)
from db.contests.rules import check_contest
from db.errors import ValidationError
from db.models import Contest


def rule(**changes: object) -> ScoringRule:
    """One judge, 30/70, pass mark 60, the default chain, quotas 1/2/3 by count, no titles."""
    values: dict[str, object] = {"theory_weight": 30, "practical_weight": 70, "pass_mark": 60, "judge_count": 1,
                                 "drop_extremes": False, "tie_breaks": ("practical", "theory"),
                                 "quota_mode": "count", "quotas": (1, 2, 3, 0), "titles": ()}
    values.update(changes)
    return ScoringRule(**values)  # type: ignore[arg-type]


def one(key: str, theory: int | None, *judges: int | None, **more: object) -> EntrantScores:
    return EntrantScores(key, theory, tuple(judges), **more)  # type: ignore[arg-type]


def by_key(results: Results) -> dict[str, Placed]:
    return {p.key: p for p in results.placed}


def leaders(count: int) -> list[EntrantScores]:
    """``count`` entrants far ahead of the examples (100, 99, … points), so that the examples' ties fall
    beyond the first three places, where they stay equal."""
    return [one(f"top{i}", 10_000 - 100 * i, 10_000 - 100 * i) for i in range(count)]


# --- totals -------------------------------------------------------------------------------------------


def test_weights_20_80() -> None:
    placed = by_key(rank_contest(rule(theory_weight=20, practical_weight=80), [
        one("a", 6000, 9000), one("b", 9000, 8000), one("c", 8001, 8000)]))
    assert placed["a"].total == 8400  # 0.2 × 60 + 0.8 × 90
    assert placed["b"].total == 8200  # 0.2 × 90 + 0.8 × 80
    assert placed["c"].total == 8000  # 8000.2 rounds down
    assert [p.key for p in rank_contest(rule(theory_weight=20, practical_weight=80),
                                        [one("c", 8001, 8000), one("a", 6000, 9000)]).placed] == ["a", "c"]


def test_weights_30_70() -> None:
    placed = by_key(rank_contest(rule(), [one("a", 8000, 9000), one("b", 6000, 8001), one("c", 8003, 8000)]))
    assert placed["a"].total == 8700  # 0.3 × 80 + 0.7 × 90
    assert placed["b"].total == 7401  # 1800 + 5600.7, rounded half up
    assert placed["c"].total == 8001  # 2400.9 + 5600 = 8000.9
    assert (placed["a"].rank, placed["c"].rank, placed["b"].rank) == (1, 2, 3)


def test_five_judges_with_the_highest_and_the_lowest_dropped() -> None:
    five = rule(judge_count=5, drop_extremes=True)
    placed = by_key(rank_contest(five, [one("a", 8000, 9500, 8000, 8500, 7000, 9000),
                                        one("b", 8000, 9000, 9000, 8000, 8000, 8600)]))
    assert placed["a"].practical == 8500  # 8000, 8500, 9000 kept
    assert placed["a"].total == 8350  # 2400 + 5950
    assert placed["b"].practical == 8533  # one of each equal extreme dropped: (8000 + 8600 + 9000) / 3
    assert placed["b"].total == 8373  # 2400 + 5973.1
    kept_all = by_key(rank_contest(rule(judge_count=5), [one("a", 8000, 9500, 8000, 8500, 7000, 9000)]))
    assert kept_all["a"].practical == 8400


def test_an_entrant_with_a_score_missing_is_not_ranked_and_comes_last() -> None:
    five = rule(judge_count=5, drop_extremes=True)
    results = rank_contest(five, [one("waiting", 8000, 9000, 9000, None, 9000, 9000),
                                  one("short", 8000, 9000, 9000),  # two of five judges so far
                                  one("no theory", None, 9000, 9000, 9000, 9000, 9000),
                                  one("done", 5000, 6000, 6000, 6000, 6000, 6000)])
    assert results.placed == (
        Placed("done", 6000, 5700, 1, None, None),  # ranked, but below the pass mark: no award
        Placed("no theory", 9000, None, None, None, None),  # practical shown as it is known
        Placed("short", None, None, None, None, None),
        Placed("waiting", None, None, None, None, None),
    )


def test_without_a_theory_weight_the_theory_score_is_not_needed() -> None:
    placed = by_key(rank_contest(rule(theory_weight=0, practical_weight=100), [one("a", None, 8800)]))
    assert (placed["a"].total, placed["a"].rank) == (8800, 1)


def test_judges_beyond_the_contests_count_do_not_count() -> None:
    placed = by_key(rank_contest(rule(judge_count=2), [one("a", 8000, 8000, 9000, 0)]))
    assert placed["a"].practical == 8500


# --- ties ---------------------------------------------------------------------------------------------


def test_a_tie_goes_to_the_higher_practical_then_the_higher_theory_then_equal_rank() -> None:
    weights = {"theory_weight": 20, "practical_weight": 80}
    examples = [
        one("theory high", 10_000, 8500),  # 2000 + 6800 = 8800, practical 85
        one("practical high", 8000, 9000),  # 1600 + 7200 = 8800, practical 90
        one("practical and theory high", 8002, 9000),  # 1600.4 + 7200 = 8800, practical 90, theory 80.02
        one("twin", 8000, 9000),  # as "practical high": shares its rank
        one("behind", 9000, 8000),  # 8200
    ]
    results = rank_contest(rule(**weights), [*leaders(3), *examples])
    assert [(p.key, p.total, p.rank) for p in results.placed[3:]] == [
        ("practical and theory high", 8800, 4),
        ("practical high", 8800, 5), ("twin", 8800, 5),  # equal, listed by key
        ("theory high", 8800, 7),  # the rank after an equal rank is skipped
        ("behind", 8200, 8),
    ]
    assert results.needs_draw == ()


def test_a_chain_of_nothing_gives_equal_ranks_at_once() -> None:
    results = rank_contest(rule(theory_weight=20, practical_weight=80, tie_breaks=()),
                           [*leaders(3), one("a", 10_000, 8500), one("b", 8000, 9000)])
    assert [p.rank for p in results.placed[3:]] == [4, 4]


def test_completion_time_in_the_chain() -> None:
    examples = [one("slow", 8000, 9000, seconds=1500), one("fast", 8000, 9000, seconds=1200),
                one("untimed", 8000, 9000), one("practical high", 10_000, 8143, seconds=900)]
    # 2400 + 6300 = 8700 for the first three; 3000 + 5700.1 = 8700 for the last
    time_first = by_key(rank_contest(rule(tie_breaks=("time", "practical")), [*leaders(3), *examples]))
    assert {k: time_first[k].rank for k in ("practical high", "fast", "slow", "untimed")} == {
        "practical high": 4, "fast": 5, "slow": 6, "untimed": 7}  # no time recorded: after every timed one
    time_after = by_key(rank_contest(rule(tie_breaks=("practical", "time")), [*leaders(3), *examples]))
    assert {k: time_after[k].rank for k in ("fast", "slow", "untimed", "practical high")} == {
        "fast": 4, "slow": 5, "untimed": 6, "practical high": 7}
    no_time = by_key(rank_contest(rule(tie_breaks=("practical",)), [*leaders(3), *examples]))
    assert {k: no_time[k].rank for k in ("fast", "slow", "untimed")} == {"fast": 4, "slow": 4, "untimed": 4}


# --- the first three places ---------------------------------------------------------------------------


def test_the_chain_parts_a_tie_for_first_place() -> None:
    results = rank_contest(rule(theory_weight=20, practical_weight=80),
                           [one("theory high", 10_000, 8500), one("practical high", 8000, 9000)])
    assert [(p.key, p.rank, p.award) for p in results.placed] == [
        ("practical high", 1, "一等奖"), ("theory high", 2, "二等奖")]
    assert results.needs_draw == ()


def test_a_recorded_draw_parts_a_tie_the_chain_leaves_in_the_first_three() -> None:
    results = rank_contest(rule(), [one("first", 9000, 9000), one("a", 8000, 8000, draw=2),
                                    one("b", 8000, 8000, draw=1), one("after", 7000, 7000)])
    assert [(p.key, p.rank, p.award) for p in results.placed] == [
        ("first", 1, "一等奖"), ("b", 2, "二等奖"), ("a", 3, "二等奖"), ("after", 4, "三等奖")]
    assert results.needs_draw == ()


def test_the_draw_decides_only_the_places_up_to_third_the_rest_share_fourth() -> None:
    tied = [one(key, 8000, 8000, draw=draw) for key, draw in (("a", 7), ("b", 3), ("c", 5), ("d", 9))]
    results = rank_contest(rule(), [one("leader", 9000, 9000), one("second", 8500, 8500), *tied,
                                    one("after", 7000, 7000)])
    assert [(p.key, p.rank) for p in results.placed] == [
        ("leader", 1), ("second", 2), ("b", 3), ("c", 4), ("a", 4), ("d", 4), ("after", 7)]


def test_a_tie_in_the_first_three_without_a_draw_is_reported_and_stays_provisional() -> None:
    results = rank_contest(rule(), [one("b", 8000, 8000, draw=1), one("a", 8000, 8000),
                                    one("c", 7000, 7000), one("d", 7000, 7000), one("e", 6000, 6000)])
    assert results.needs_draw == (("a", "b"), ("c", "d"))  # a has no draw, so a and b must both draw
    assert [(p.key, p.rank, p.award) for p in results.placed] == [
        ("a", 1, "一等奖"), ("b", 1, "一等奖"),  # tied at a quota's boundary: both take the higher award
        ("c", 3, "二等奖"), ("d", 3, "二等奖"), ("e", 5, "三等奖")]


def test_equal_draw_numbers_do_not_part_a_tie() -> None:
    results = rank_contest(rule(), [one("a", 8000, 8000, draw=1), one("b", 8000, 8000, draw=1)])
    assert results.needs_draw == (("a", "b"),)
    assert [p.rank for p in results.placed] == [1, 1]


def test_a_draw_does_nothing_beyond_the_first_three() -> None:
    results = rank_contest(rule(), [*leaders(3), one("a", 8000, 8000, draw=2), one("b", 8000, 8000, draw=1)])
    assert [(p.key, p.rank) for p in results.placed[3:]] == [("a", 4), ("b", 4)]


# --- awards and titles --------------------------------------------------------------------------------


def test_awards_by_count_and_never_below_the_pass_mark() -> None:
    entrants = [one(f"e{i}", 9000 - 500 * i, 9000 - 500 * i) for i in range(8)]  # 90, 85, … 55 points
    results = rank_contest(rule(quotas=(1, 2, 3, 2)), entrants)
    assert [(p.total, p.award) for p in results.placed] == [
        (9000, "一等奖"), (8500, "二等奖"), (8000, "二等奖"), (7500, "三等奖"), (7000, "三等奖"),
        (6500, "三等奖"), (6000, "优胜奖"), (5500, None)]  # the eighth is within 优胜奖 but below 60


def test_awards_by_share_round_half_up_of_share_times_ranked_entrants() -> None:
    shares = rule(quota_mode="share", quotas=(10, 20, 30, 0), pass_mark=0)
    assert shares.award_counts(25) == (3, 5, 8, 0)  # 2.5 → 3, 5, 7.5 → 8
    assert shares.award_counts(24) == (2, 5, 7, 0)  # 2.4 → 2, 4.8 → 5, 7.2 → 7
    assert shares.award_counts(4) == (0, 1, 1, 0)  # 0.4 → 0, 0.8 → 1, 1.2 → 1
    entrants = [one(f"e{i:02}", 9900 - 100 * i, 9900 - 100 * i) for i in range(25)]
    entrants.append(one("unscored", 9000, None))  # not ranked: not counted in the shares
    awards = [p.award for p in rank_contest(shares, entrants).placed]
    assert awards == ["一等奖"] * 3 + ["二等奖"] * 5 + ["三等奖"] * 8 + [None] * 10


def test_titles_to_the_top_places_that_passed() -> None:
    titled = rule(titles=(("技术能手", 3), ("技术状元", 1)), pass_mark=85)
    entrants = [one("a", 9500, 9500), one("b", 9000, 9000), one("c", 8000, 8000), one("d", 7000, 7000)]
    assert [(p.key, p.title) for p in rank_contest(titled, entrants).placed] == [
        ("a", "技术状元"), ("b", "技术能手"), ("c", None),  # third place, but below the pass mark
        ("d", None)]


# --- teams --------------------------------------------------------------------------------------------


def test_team_ranking_sums_each_teams_best_three() -> None:
    entrants = [
        one("a1", 9000, 9000, team="甲养老院"), one("a2", 8000, 8000, team="甲养老院"),
        one("a3", 7000, 7000, team="甲养老院"), one("a4", 6000, 6000, team="甲养老院"),  # fourth: not counted
        one("b1", 9500, 9500, team="乙家政"), one("b2", 9500, 9500, team="乙家政"),  # only two: 19000
        one("c1", 8000, 8000, team="丙护理站"), one("c2", 8000, 8000, team="丙护理站"),
        one("c3", 8000, 8000, team="丙护理站"),
        one("d1", 6000, 8000, team="丁公司"), one("d2", 8000, 8000, team="丁公司"),
        one("d3", None, 8000, team="丁公司"),  # not scored: not counted
        one("solo", 9900, 9900),  # no team
    ]
    teams = rank_contest(rule(), entrants).teams
    assert teams == (("丙护理站", 24_000, 1), ("甲养老院", 24_000, 1), ("乙家政", 19_000, 3),
                     ("丁公司", 15_400, 4))


# --- the rule -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("changes", "count", "field", "reason"), [
    ({"theory_weight": 20, "practical_weight": 70}, None, "实操权重（%）", "理论权重与实操权重之和应为100（现为90）"),
    ({"theory_weight": 40, "practical_weight": 60}, None, "理论权重（%）", "应在0到30之间（现为40）"),
    ({"quotas": (6, 0, 0, 0)}, 5, "一等奖名额", "超过参赛人数 5"),
    ({"quotas": (2, 2, 2, 0)}, 5, "三等奖名额", "与前面奖项合计6名，超过参赛人数 5"),
    ({"quota_mode": "share", "quotas": (30, 30, 30, 20)}, None, "优胜奖名额", "各奖项比例合计110%，超过100%"),
    ({"quotas": (1, -1, 0, 0)}, None, "二等奖名额", "不能小于0（现为-1）"),
    ({"tie_breaks": ("practical", "practical")}, None, "同分排序",
     "应为实操成绩、理论成绩、用时中不重复的几项（现为practical,practical）"),
    ({"quota_mode": "half"}, None, "名额方式", "应为人数或比例（现为half）"),
    ({"titles": (("技术能手", 8),), "quotas": (1, 1, 1, 0)}, 5, "技术能手名额", "超过参赛人数 5"),
    ({"judge_count": 0}, None, "裁判人数", "至少1人（现为0）"),
])
def test_check_rule_names_the_field(changes: dict[str, object], count: int | None, field: str,
                                    reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_rule(rule(**changes), count)
    assert (caught.value.field, caught.value.reason) == (field, reason)


def test_check_rule_accepts_quotas_up_to_the_entrants_and_shares_up_to_100() -> None:
    check_rule(rule(quotas=(1, 2, 2, 0)), 5)
    check_rule(rule(quota_mode="share", quotas=(10, 20, 30, 40)), 3)


def test_rank_contest_refuses_a_broken_rule_but_not_quotas_beyond_the_entrants_scored_so_far() -> None:
    with pytest.raises(ValidationError):
        rank_contest(rule(theory_weight=35, practical_weight=65), [])
    assert [p.award for p in rank_contest(rule(quotas=(5, 5, 5, 5)), [one("a", 8000, 8000)]).placed] == ["一等奖"]


def test_the_rule_of_a_contest_row() -> None:
    contest = Contest(name="爱家·敬老杯", trade="养老护理员", level="区级", starts_on=dt.date(2026, 10, 12),
                      ends_on=dt.date(2026, 10, 13), theory_weight=20, practical_weight=80, pass_mark=60,
                      judge_count=5, drop_extremes=True, tie_breaks="time,practical,theory", quota_mode="share",
                      quota_first=10, quota_second=20, quota_third=30, quota_merit=0, champion_top=1,
                      expert_top=10)
    assert ScoringRule.of(contest) == ScoringRule(20, 80, 60, 5, True, ("time", "practical", "theory"), "share",
                                                  (10, 20, 30, 0), (("技术状元", 1), ("技术能手", 10)))
    assert ScoringRule.of({"tie_breaks": "equal", "champion_top": 0}).tie_breaks == ()


def test_an_unsaved_contests_rule_is_the_models_defaults() -> None:
    defaults = {c.key: c.default.arg for c in Contest.__table__.columns
                if c.default is not None and c.default.is_scalar}
    assert ScoringRule.of(Contest()) == ScoringRule.of(defaults)
    assert ScoringRule.of(Contest()).tie_breaks == ("practical", "theory")  # DOMAIN.md's default chain


def test_two_entrants_with_one_key_are_refused() -> None:
    with pytest.raises(ValueError):
        rank_contest(rule(), [one("a", 8000, 8000), one("a", 7000, 7000)])


# --- order independence -------------------------------------------------------------------------------

entrant_lists = st.lists(
    st.builds(lambda theory, judges, seconds, team, draw: (theory, judges, seconds, team, draw),
              st.one_of(st.none(), st.integers(5000, 5004)),
              st.lists(st.one_of(st.integers(5000, 5003), st.none()), min_size=3, max_size=3).map(tuple)
              | st.tuples(st.integers(5000, 5003), st.integers(5000, 5003), st.integers(5000, 5003)),
              st.one_of(st.none(), st.integers(100, 103)), st.sampled_from([None, "甲", "乙", "丙"]),
              st.one_of(st.none(), st.integers(1, 6))),
    max_size=25)
rules = st.builds(
    lambda chain, quotas, share, drop, titles: rule(judge_count=3, drop_extremes=drop, tie_breaks=chain,
                                                    quotas=quotas, quota_mode="share" if share else "count",
                                                    titles=titles, pass_mark=50),
    st.permutations(["practical", "theory", "time"]).flatmap(lambda p: st.integers(0, 3).map(lambda n: tuple(p[:n]))),
    st.tuples(st.integers(0, 25), st.integers(0, 25), st.integers(0, 25), st.integers(0, 25)),
    st.booleans(), st.booleans(),
    st.sampled_from([(), (("技术状元", 1),), (("技术状元", 1), ("技术能手", 4))]))


@settings(max_examples=300, deadline=None)
@given(rules, entrant_lists, st.randoms(use_true_random=False))
def test_the_results_do_not_depend_on_the_input_order(rule_: ScoringRule, rows: list[tuple[object, ...]],
                                                      rng: random.Random) -> None:
    entrants = [EntrantScores(f"k{i:02}", *row) for i, row in enumerate(rows)]  # type: ignore[arg-type]
    shuffled = list(entrants)
    rng.shuffle(shuffled)
    results = rank_contest(rule_, entrants)
    assert rank_contest(rule_, shuffled) == results
    assert rank_contest(rule_, entrants[::-1]) == results
    # the first three places are never tied unless the tie is reported for a draw
    waiting = {key for group in results.needs_draw for key in group}
    top = [p for p in results.placed if p.rank is not None and p.rank <= 3 and p.key not in waiting]
    assert len({p.rank for p in top}) == len(top)


def test_a_contest_row_with_shares_over_100_percent_is_refused() -> None:
    row = {"quota_mode": "share", "quota_first": 40, "quota_second": 40, "quota_third": 30, "quota_merit": 0}
    with pytest.raises(ValidationError, match="三等奖名额：各奖项比例合计110%，超过100%"):
        check_contest(row)
    check_contest({**row, "quota_mode": "count"})  # 40, 40 and 30 people: no share rule
    with pytest.raises(ValidationError, match="理论权重（%）：应在0到30之间"):
        check_contest({"theory_weight": 40, "practical_weight": 60})
