"""The rules of skill contests (职工技能竞赛), pure functions (DOMAIN.md, "Skill contests"):

- practical score = the mean of the judges' scores, after dropping the highest and the lowest one when the
  contest says so;
- total = the weighted sum of the theory and practical scores (weights in percent, adding up to 100);
- ranking by total, ties broken by the contest's chain, its draw for the first three places, shares,
  titles and teams: :mod:`db.contests.ranking`;
- awards by rank within the contest's quotas, and only to entries at or above the pass mark.

Scores are integer hundredths of a point (87.35 points is 8735) and every division rounds half up in
integer arithmetic, so the same scores give the same totals and ranks on every machine.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from itertools import accumulate
from typing import Any

from db.errors import ValidationError

AWARDS = ("一等奖", "二等奖", "三等奖", "优胜奖")


def practical_score(judged: Sequence[int], *, drop_extremes: bool) -> int:
    """The mean of the judges' scores (hundredths), rounded half up.

    With ``drop_extremes`` one highest and one lowest score are left out first; with two judges or fewer
    nothing would remain, so all scores count.
    """
    if not judged:
        raise ValueError("a practical score needs at least one judge's score")
    kept = sorted(judged)[1:-1] if drop_extremes and len(judged) > 2 else list(judged)
    return (2 * sum(kept) + len(kept)) // (2 * len(kept))


def practical_of(scores: Mapping[int, int], judge_count: int, avoided: Collection[int] = (), *,
                 drop_extremes: bool) -> int | None:
    """An entrant's practical score from the judges' scores by judge number: once every judge 1…judge_count
    who does not avoid the entrant (回避: the entrant's own employer) has scored, their mean
    (:func:`practical_score`); an avoiding judge's score, if one was typed, does not count. None while a
    counted judge's score is missing (or when every judge avoids the entrant)."""
    counted = [number for number in range(1, judge_count + 1) if number not in avoided]
    if not counted or any(number not in scores for number in counted):
        return None
    return practical_score([scores[number] for number in counted], drop_extremes=drop_extremes)


def total_score(theory: int, practical: int, theory_weight: int, practical_weight: int) -> int:
    """The weighted sum of theory and practical (hundredths; weights in percent), rounded half up."""
    return (2 * (theory * theory_weight + practical * practical_weight) + 100) // 200


def assign_awards(ranks: Sequence[int], totals: Sequence[int], quotas: tuple[int, int, int, int],
                  pass_mark: int) -> list[str | None]:
    """The award of each entry (None: no award), from its rank and total.

    ``quotas`` are the numbers of 一等奖, 二等奖, 三等奖 and 优胜奖: the first ``quotas[0]`` ranks get 一等奖, the
    next ``quotas[1]`` 二等奖, and so on, so entrants sharing a rank at a boundary share the higher award.
    An entry below ``pass_mark`` (whole points, as the contest states it) gets no award, but keeps its rank.
    """
    limits = list(accumulate(quotas))
    passed = pass_mark * 100
    awards: list[str | None] = []
    for rank, total in zip(ranks, totals, strict=True):
        award = next((a for a, limit in zip(AWARDS, limits, strict=True) if rank <= limit), None)
        awards.append(award if total >= passed else None)
    return awards


# --- rules between the fields of a contest and of an entry ------------------------------------------------

def check_contest(values: Mapping[str, Any]) -> None:
    """A contest ends on or after its start, and its theory and practical weights add up to 100 (theory at
    most 30%, DOMAIN.md)."""
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if starts and ends and ends < starts:
        raise ValidationError("结束日期", "不能早于开始日期")
    theory, practical = values.get("theory_weight"), values.get("practical_weight")
    if theory is not None and practical is not None:
        check_weights(theory, practical)
    quotas = [values.get(name) for name in QUOTA_FIELDS]
    if values.get("quota_mode") == "share":
        check_shares([quota or 0 for quota in quotas])


QUOTA_FIELDS = ("quota_first", "quota_second", "quota_third", "quota_merit")  # in the order of AWARDS


def check_weights(theory: int, practical: int) -> None:
    """Theory weighs at most 30% and the two weights add up to 100 (DOMAIN.md)."""
    if not 0 <= theory <= 30:
        raise ValidationError("理论权重（%）", f"应在0到30之间（现为{theory}）")
    if practical < 0 or theory + practical != 100:
        raise ValidationError("实操权重（%）", f"理论权重与实操权重之和应为100（现为{theory + practical}）")


def check_shares(quotas: Sequence[int]) -> None:
    """Award quotas given as percent of the entrants add up to at most 100%."""
    running = 0
    for award, share in zip(AWARDS, quotas, strict=True):
        running += share
        if running > 100:
            raise ValidationError(f"{award}名额", f"各奖项比例合计{running}%，超过100%")


def check_entry(values: Mapping[str, Any]) -> None:
    """An entrant's gender agrees with a resident ID number's."""
    number, gender = values.get("id_number"), values.get("gender")
    if isinstance(number, str) and len(number) == 18 and number[16].isdigit() and gender:
        expected = "男" if int(number[16]) % 2 else "女"
        if gender != expected:
            raise ValidationError("性别", f"与身份证号不符（身份证号为{expected}性）")
