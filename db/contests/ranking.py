"""A contest's results from its scoring rule and its entrants' scores: pure, exact and fast (no database).

The rule (DOMAIN.md "Skill contests", issue 13), in integer hundredths of a point, every division rounding
half up (:mod:`db.contests.rules`):

- practical = the mean of the judges' scores, the highest and the lowest left out when the contest says so
  and there are more than two judges. Only judges 1..``judge_count`` count, and the practical score exists
  once each of them has scored (a partial mean would move the provisional rank for nothing);
- total = the weighted sum of theory and practical; an entrant without a total (a score still missing; the
  theory score is not needed when theory weighs 0) is not ranked and comes last, rank None;
- ranking by total; a tie goes down the contest's chain (higher practical, higher theory, shorter completion
  time — an entrant without a recorded time after those with one), then the entrants share the rank and the
  ranks after them are skipped (1, 1, 3);
- the first three places are never tied: entrants still tied at a rank of 3 or better are ordered by their
  recorded draw (抽签, the smaller number first) for the places up to 3, and those beyond place 3 share rank
  4. Without a distinct draw for each of them they keep the shared rank (provisional) and are listed in
  ``needs_draw``;
- awards by quota: counts, or percent shares of the ranked entrants, each rounded half up (share × ranked /
  100, never below 0; 10% of 25 is 2.5 → 3). The first quota's ranks get 一等奖, the next ones 二等奖, …, so
  entrants sharing a rank at a boundary share the higher award; nobody below the pass mark gets one;
- titles (技术状元, 技术能手) to the ranked entrants at or above the pass mark whose rank is within the title's
  top N; one title each, the one with the smallest N (技术状元 top 1 and 技术能手 top 10: the first is 技术状元,
  the 2nd to 10th are 技术能手);
- team ranking = the sum of each team's best three totals. A team with fewer than three ranked entrants is
  ranked on the sum of those it has (the missing ones count 0), so it is not left out but stands behind a
  full team of equal strength; teams with equal sums share the rank.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from db.contests.rules import (
    AWARDS,
    QUOTA_FIELDS,
    assign_awards,
    check_shares,
    check_weights,
    practical_of,
    total_score,
)
from db.errors import ValidationError

TIE_BREAKS = ("practical", "theory", "time")
QUOTA_MODES = ("count", "share")
TITLES = ("技术状元", "技术能手")  # the contest_title value list, in the order of the contest's columns
TITLE_FIELDS = ("champion_top", "expert_top")
TOP_PLACES = 3  # the places never left tied
_NO_TIME = 1 << 62  # an entrant without a recorded completion time: after every recorded one

# What a contest row holds before its first save (the model's defaults), so a form's rule can be checked.
_DEFAULTS: Mapping[str, Any] = {
    "theory_weight": 30, "practical_weight": 70, "pass_mark": 60, "judge_count": 1, "drop_extremes": False,
    "tie_breaks": "practical,theory", "quota_mode": "count", "quota_first": 1, "quota_second": 2,
    "quota_third": 3, "quota_merit": 0, "champion_top": 0, "expert_top": 0,
}


@dataclass(frozen=True)
class ScoringRule:
    """How a contest scores, ranks and awards. Weights and quota shares in percent, pass mark in points."""

    theory_weight: int
    practical_weight: int
    pass_mark: int
    judge_count: int
    drop_extremes: bool
    tie_breaks: tuple[str, ...] = ("practical", "theory")  # ordered subset of TIE_BREAKS
    quota_mode: str = "count"  # "count" | "share"
    quotas: tuple[int, int, int, int] = (1, 2, 3, 0)  # 一等/二等/三等/优胜: counts, or percent of the entrants
    titles: tuple[tuple[str, int], ...] = ()  # (title, top N)

    @classmethod
    def of(cls, contest: Any) -> ScoringRule:
        """The rule of a contest row (or of a mapping of its fields: a form's or a sheet row's values)."""
        def get(name: str) -> Any:
            value = contest.get(name) if isinstance(contest, Mapping) else getattr(contest, name, None)
            return _DEFAULTS[name] if value is None else value

        chain = get("tie_breaks")
        q1, q2, q3, q4 = (int(get(name)) for name in QUOTA_FIELDS)
        return cls(
            theory_weight=int(get("theory_weight")), practical_weight=int(get("practical_weight")),
            pass_mark=int(get("pass_mark")), judge_count=int(get("judge_count")),
            drop_extremes=bool(get("drop_extremes")),
            tie_breaks=() if chain == "equal" else tuple(chain.split(",")),
            quota_mode=str(get("quota_mode")), quotas=(q1, q2, q3, q4),
            titles=tuple((title, int(get(name))) for title, name in zip(TITLES, TITLE_FIELDS, strict=True)
                         if get(name)),
        )

    @property
    def tie_break_code(self) -> str:
        """The chain as the contest stores it (a code of the tie_break_chain value list)."""
        return ",".join(self.tie_breaks) or "equal"

    def award_counts(self, ranked: int) -> tuple[int, int, int, int]:
        """How many of each award go to ``ranked`` entrants: the counts, or the shares rounded half up."""
        if self.quota_mode == "count":
            return self.quotas
        a, b, c, d = (max(0, (2 * share * ranked + 100) // 200) for share in self.quotas)
        return a, b, c, d


@dataclass(frozen=True)
class EntrantScores:
    """One entrant's scores in hundredths: ``judges[i]`` is judge i+1's (None: not yet scored)."""

    key: str
    theory: int | None
    judges: tuple[int | None, ...]
    seconds: int | None = None  # completion time
    team: str | None = None
    draw: int | None = None  # recorded draw order (抽签): only parts a tie within the first three places
    avoided: tuple[int, ...] = ()  # judges who avoid (回避) the entrant: their scores do not count


@dataclass(frozen=True)
class Placed:
    """One entrant's result; rank None: not ranked (a score is missing)."""

    key: str
    practical: int | None
    total: int | None
    rank: int | None
    award: str | None
    title: str | None


@dataclass(frozen=True)
class Results:
    placed: tuple[Placed, ...]  # in rank order (unscored entrants last, rank None)
    teams: tuple[tuple[str, int, int], ...]  # (team, sum of its best three totals, team rank), in rank order
    needs_draw: tuple[tuple[str, ...], ...]  # keys still tied within the first three places, no draw recorded


def check_rule(rule: ScoringRule, entrant_count: int | None = None) -> None:
    """Refuse a rule that cannot rank (ValidationError naming the contest's field): weights not adding up to
    100 or theory over 30%, an unknown or repeated tie-break, shares over 100%, and — given the number of
    entrants — award quotas (counts) or titles for more places than there are entrants."""
    check_weights(rule.theory_weight, rule.practical_weight)
    if not 0 <= rule.pass_mark <= 100:
        raise ValidationError("及格分", f"应在0到100之间（现为{rule.pass_mark}）")
    if rule.judge_count < 1:
        raise ValidationError("裁判人数", f"至少1人（现为{rule.judge_count}）")
    if any(step not in TIE_BREAKS for step in rule.tie_breaks) or len(set(rule.tie_breaks)) < len(rule.tie_breaks):
        raise ValidationError("同分排序", f"应为实操成绩、理论成绩、用时中不重复的几项（现为{rule.tie_break_code}）")
    if rule.quota_mode not in QUOTA_MODES:
        raise ValidationError("名额方式", f"应为人数或比例（现为{rule.quota_mode}）")
    for award, quota in zip(AWARDS, rule.quotas, strict=True):
        if quota < 0:
            raise ValidationError(f"{award}名额", f"不能小于0（现为{quota}）")
    if rule.quota_mode == "share":
        check_shares(rule.quotas)
    _check_places(rule, entrant_count)


def _check_places(rule: ScoringRule, entrant_count: int | None) -> None:
    """Award counts and titles for no more places than there are entrants."""
    if rule.quota_mode == "count" and entrant_count is not None:
        running = 0
        for award, quota in zip(AWARDS, rule.quotas, strict=True):
            running += quota
            if quota > entrant_count:
                raise ValidationError(f"{award}名额", f"超过参赛人数 {entrant_count}")
            if running > entrant_count:
                raise ValidationError(f"{award}名额", f"与前面奖项合计{running}名，超过参赛人数 {entrant_count}")
    for title, top in rule.titles:
        if top < 0:
            raise ValidationError(f"{title}名额", f"不能小于0（现为{top}）")
        if entrant_count is not None and top > entrant_count:
            raise ValidationError(f"{title}名额", f"超过参赛人数 {entrant_count}")


@dataclass(slots=True)
class _Scored:
    entrant: EntrantScores
    practical: int
    total: int
    order: tuple[int, ...]  # the sort key: lower is better; equal keys share a rank
    rank: int = 0


def rank_contest(rule: ScoringRule, entrants: Sequence[EntrantScores]) -> Results:
    """The contest's results by ``rule`` (see the module's docstring). The same entrants in any order give
    the same results: entrants sharing a rank are listed by key. Raises ValidationError for a rule
    :func:`check_rule` refuses (quotas beyond the entrants aside: as scores arrive, places are only
    provisional) and ValueError for two entrants with one key."""
    check_rule(rule)
    if len({e.key for e in entrants}) < len(entrants):
        raise ValueError("two entrants with one key")
    scored, unscored = _score(rule, entrants)
    scored.sort(key=lambda s: (s.order, s.entrant.key))
    needs_draw = _rank(scored)
    ranks = [s.rank for s in scored]
    totals = [s.total for s in scored]
    awards = assign_awards(ranks, totals, rule.award_counts(len(scored)), rule.pass_mark)
    titles = sorted(rule.titles, key=lambda title: title[1])
    passed = rule.pass_mark * 100
    placed = [Placed(s.entrant.key, s.practical, s.total, s.rank, award,
                     next((t for t, top in titles if s.rank <= top), None) if s.total >= passed else None)
              for s, award in zip(scored, awards, strict=True)]
    placed += [Placed(e.key, practical, None, None, None, None)
               for e, practical in sorted(unscored, key=lambda u: u[0].key)]
    return Results(tuple(placed), _teams(scored), needs_draw)


def _score(rule: ScoringRule, entrants: Sequence[EntrantScores]
           ) -> tuple[list[_Scored], list[tuple[EntrantScores, int | None]]]:
    """The entrants with a total (and their sort keys), and those without one (with their practical)."""
    count, drop = rule.judge_count, rule.drop_extremes
    tw, pw = rule.theory_weight, rule.practical_weight
    chain = rule.tie_breaks
    scored: list[_Scored] = []
    unscored: list[tuple[EntrantScores, int | None]] = []
    for e in entrants:
        judged = {number: score for number, score in enumerate(e.judges, start=1) if score is not None}
        practical = practical_of(judged, count, e.avoided, drop_extremes=drop)
        theory = e.theory if e.theory is not None or tw else 0
        if practical is None or theory is None:
            unscored.append((e, practical))
            continue
        total = total_score(theory, practical, tw, pw)
        order = [-total]
        for step in chain:
            if step == "practical":
                order.append(-practical)
            elif step == "theory":
                order.append(-1 if e.theory is None else -e.theory)
            else:
                order.append(_NO_TIME if e.seconds is None else e.seconds)
        scored.append(_Scored(e, practical, total, tuple(order)))
    return scored, unscored


def _rank(scored: list[_Scored]) -> tuple[tuple[str, ...], ...]:
    """Rank the sorted entrants in place (equal keys share a rank, 1, 1, 3); part ties within the first
    three places by draw, reorder those in ``scored``; the ties no draw could part."""
    needs_draw: list[tuple[str, ...]] = []
    position = 0
    for _, group_iter in groupby(scored, key=lambda s: s.order):
        group = list(group_iter)
        first = position + 1
        for s in group:
            s.rank = first
        if len(group) > 1 and first <= TOP_PLACES:
            draws = [s.entrant.draw for s in group]
            if None in draws or len(set(draws)) < len(draws):
                needs_draw.append(tuple(s.entrant.key for s in group))
            else:
                group.sort(key=lambda s: s.entrant.draw or 0)
                for offset, s in enumerate(group):
                    s.rank = min(first + offset, TOP_PLACES + 1)  # beyond place 3 the rest share rank 4
                scored[position:position + len(group)] = group
        position += len(group)
    return tuple(needs_draw)


def _teams(scored: list[_Scored]) -> tuple[tuple[str, int, int], ...]:
    """Each team's best three totals summed, ranked (equal sums share a rank; listed by name then)."""
    best: dict[str, list[int]] = {}
    for s in scored:  # in rank order, so a team's first three are its best
        team = (s.entrant.team or "").strip()
        if team:
            totals = best.setdefault(team, [])
            if len(totals) < 3:
                totals.append(s.total)
    sums = sorted(((team, sum(totals)) for team, totals in best.items()), key=lambda t: (-t[1], t[0]))
    ranked: list[tuple[str, int, int]] = []
    for position, (team, points) in enumerate(sums):
        tied = ranked and ranked[-1][1] == points
        ranked.append((team, points, ranked[-1][2] if tied else position + 1))
    return tuple(ranked)
