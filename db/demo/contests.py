"""Demo skill contests: six contests with entrants, judges (one from an entrant's employer: 回避) and per-judge
scores; the finished ones published with ranks, awards, titles and certificate numbers and a decided appeal
each; the last one in progress today, its scores partly entered.

Practical scores, totals, ranks, awards and titles are those of the contest's rule
(:func:`db.contests.ranking.rank_contest`, as publishing computes them); only the scores and the draws (抽签)
that part a tie within the first three places are demo-made.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, NamedTuple

from db.contests.cases import avoided_judges
from db.contests.ranking import EntrantScores, Results, ScoringRule, rank_contest
from db.contests.rules import AWARDS
from db.demo.context import REGIONS, DemoContext
from db.demo.people import People
from db.demo.work_pools import CONTESTS, EMPLOYERS, ContestPlan
from db.ids import uuid_batch
from db.models import Contest, ContestAppeal, ContestEntry, ContestJudge, JudgeScore, RegistryRow

JUDGES = 5
JUDGE_NAMES = ("王建国", "李秀英", "张志强", "刘桂兰", "陈卫东", "杨丽华", "赵德明", "孙玉梅")
_OUTSIDER_FIRST, _OUTSIDER_LAST = dt.date(1970, 1, 1).toordinal(), dt.date(2000, 12, 31).toordinal()


def fill_contests(ctx: DemoContext, p: People) -> None:
    """The demo contests, finished ones scored, ranked and awarded with certificates."""
    active = p.active()
    by_trade: dict[str, list[int]] = {}
    for i in active:
        by_trade.setdefault(p.job[i].occupation, []).append(i)
    out: dict[type[RegistryRow], list[dict[str, Any]]] = {
        Contest: [], ContestJudge: [], ContestEntry: [], JudgeScore: [], ContestAppeal: []}
    plans = CONTESTS
    ctx.report("生成技能竞赛", 0, len(plans))
    for serial, (plan, uuid) in enumerate(zip(plans, uuid_batch(len(plans)), strict=True), start=1):
        contest = _contest(ctx, plan, uuid, current=serial == len(plans))
        entrants = _entrants(ctx, p, plan, by_trade.get(plan.trade, []), active)
        # judges and appeals draw from their own generator, so the rest of the demo stays as it was
        side = random.Random(f"{plan.name}{plan.year}")
        judges = _judges(side, contest, [e.employer for e in entrants])
        prefix = f"{contest['starts_on'].year}{serial:02d}"
        entries, scores = _score_entries(ctx, contest, entrants, judges, prefix)
        if contest["status"] == "finished":
            _rank_and_award(ctx, contest, entries, scores, f"DCJS{plan.year}-{ctx.own.suffix}{serial:02d}")
        out[ContestJudge] += judges
        _publish(ctx, contest)
        if contest["status"] == "finished":
            out[ContestAppeal].append(_appeal(ctx, side, contest, entries))
        out[Contest].append(contest)
        out[ContestEntry] += entries
        out[JudgeScore] += scores
        ctx.report("生成技能竞赛", serial, len(plans))
    for model, rows in out.items():
        ctx.insert(model, rows)


def _contest(ctx: DemoContext, plan: ContestPlan, uuid: str, *, current: bool) -> dict[str, Any]:
    """The contest of ``plan``, its days drawn in the planned month and its status as of today; the
    ``current`` one runs today (yesterday to tomorrow), whatever its plan says."""
    starts = dt.date(plan.year, plan.month, ctx.rng.randint(10, 20))
    ends = starts + dt.timedelta(days=ctx.rng.randint(0, 2))
    if current:
        starts, ends = ctx.today - dt.timedelta(days=1), ctx.today + dt.timedelta(days=1)
    status = "finished" if ends < ctx.today else "running" if starts <= ctx.today else "registration"
    first, second, third, merit = plan.quotas
    return {"uuid": uuid, "office_code": ctx.own.code, "name": plan.name, "trade": plan.trade,
            "level": "区级" if ctx.is_district else "街道级", "organizer": plan.organizer, "host": plan.host,
            "starts_on": starts, "ends_on": ends, "venue": plan.venue, "status": status,
            "theory_weight": plan.theory_weight, "practical_weight": 100 - plan.theory_weight,
            "pass_mark": 60,
            "judge_count": JUDGES, "drop_extremes": True, "quota_first": first, "quota_second": second,
            "quota_third": third, "quota_merit": merit, "quota_mode": "count",
            "tie_breaks": "practical,theory", "champion_top": 1, "expert_top": first}


class Entrant(NamedTuple):
    """Who takes part: a member (by index) or a non-member with name and ID number."""

    member_uuid: str | None
    name: str
    male: bool
    id_number: str
    employer: str


def _entrants(ctx: DemoContext, p: People, plan: ContestPlan, trade: list[int],
              active: list[int]) -> list[Entrant]:
    """Members of the contest's trade first, then other members, plus a few non-members."""
    rng = ctx.rng
    outsiders = rng.randint(2, 5)
    want = min(plan.entrants - outsiders, len(active))
    picked = rng.sample(trade, min(len(trade), want))
    chosen = set(picked)
    picked += [i for i in rng.sample(active, want) if i not in chosen][: want - len(picked)]
    entrants = [Entrant(p.uuid[i], p.name[i], p.male[i], p.id_number[i], p.job[i].employer) for i in picked]
    for _ in range(outsiders):
        male = rng.random() < 0.5
        birth = dt.date.fromordinal(ctx.day_between(_OUTSIDER_FIRST, _OUTSIDER_LAST))
        number = ctx.id_number(REGIONS.one(rng), birth, male)
        entrants.append(Entrant(None, ctx.person_name(male), male, number, rng.choice(EMPLOYERS).name))
    return entrants


def _score_entries(ctx: DemoContext, contest: dict[str, Any], entrants: list[Entrant], judges: list[dict[str, Any]],
                   number_prefix: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Entries with theory and per-judge practical scores (hundredths); a judge who avoids (回避) an entrant
    does not score them, and a contest in progress has the judges' scores of its first half of entrants only.
    Practical scores and totals are the rule's, once complete."""
    rng = ctx.rng
    rule = ScoringRule.of(contest)
    units = [(j["judge_no"], j["employer"]) for j in judges]
    entries, scores = [], []
    for k, (entrant, uuid) in enumerate(zip(entrants, uuid_batch(len(entrants)), strict=True), start=1):
        skill = rng.gauss(78, 8)
        judged = [_clamp_score(int(rng.gauss(skill, 2.5) * 10) * 10) for _ in range(JUDGES)]
        theory = _clamp_score(int(rng.gauss(skill, 6) * 2) * 50)
        avoided = tuple(avoided_judges(units, entrant.employer, entrant.employer))
        partly = contest["status"] != "finished" and k > len(entrants) // 2
        given = {} if partly else {n: s for n, s in enumerate(judged, start=1) if n not in avoided}
        [placed] = rank_contest(rule, [EntrantScores(
            uuid, theory, tuple(given.get(n) for n in range(1, JUDGES + 1)), avoided=avoided)]).placed
        entries.append({
            "uuid": uuid, "office_code": contest["office_code"], "contest_uuid": contest["uuid"],
            "member_uuid": entrant.member_uuid, "name": entrant.name, "id_number": entrant.id_number,
            "gender": "男" if entrant.male else "女", "employer": entrant.employer,
            "entry_no": f"{number_prefix}{k:03d}", "team": entrant.employer,
            "eligibility_notes": "本单位推荐" if entrant.member_uuid else "非会员，经主办单位审核同意参赛",
            "theory_score": theory, "practical_score": placed.practical, "total_score": placed.total,
            "draw_no": None,
        })
        scores += [{"office_code": contest["office_code"], "entry_uuid": uuid, "judge_no": n, "score": s}
                   for n, s in given.items()]
    return entries, scores


def _clamp_score(hundredths: int) -> int:
    """Keep a drawn score between 30 and 100 points."""
    return min(10_000, max(3_000, hundredths))


def _rank_and_award(ctx: DemoContext, contest: dict[str, Any], entries: list[dict[str, Any]],
                    scores: list[dict[str, Any]], certificate_prefix: str) -> None:
    """Rank, award and title by the contest's rule (a tie within the first three parted by a recorded draw),
    then number the certificates in rank order; half of the 一等奖 winners get a second reward."""
    rule = ScoringRule.of(contest)
    judged: dict[str, dict[int, int]] = {e["uuid"]: {} for e in entries}
    for score in scores:
        judged[score["entry_uuid"]][score["judge_no"]] = score["score"]
    by_uuid = {e["uuid"]: e for e in entries}

    def ranked() -> Results:  # a judge who did not score an entrant avoided them (回避)
        return rank_contest(rule, [EntrantScores(
            e["uuid"], e["theory_score"], tuple(judged[e["uuid"]].get(n) for n in range(1, JUDGES + 1)),
            team=e["team"], draw=e["draw_no"],
            avoided=tuple(n for n in range(1, JUDGES + 1) if n not in judged[e["uuid"]])) for e in entries])

    results = ranked()
    if results.needs_draw:
        for tied in results.needs_draw:
            for draw, key in enumerate(ctx.rng.sample(list(tied), len(tied)), start=1):
                by_uuid[key]["draw_no"] = draw
        results = ranked()
    for placed in results.placed:
        entry = by_uuid[placed.key]
        entry["rank"], entry["award"], entry["title"] = placed.rank, placed.award, placed.title
    winners = sorted((e for e in entries if e["award"]), key=lambda e: (e["rank"], e["entry_no"]))
    for k, entry in enumerate(winners, start=1):
        entry["certificate_no"] = f"{certificate_prefix}-{k:04d}"
        if entry["award"] == AWARDS[0] and ctx.rng.random() < 0.5:
            bonus = ctx.rng.choice((2000, 3000, 5000))
            entry["second_reward_note"] = f"{entry['employer']}给予二次奖励：奖金{bonus}元"


def _judges(rng: random.Random, contest: dict[str, Any], employers: list[str]) -> list[dict[str, Any]]:
    """The contest's judges: outside experts, the last one from an entrant's employer (flagged 回避)."""
    names = rng.sample(JUDGE_NAMES, JUDGES)
    units = [rng.choice(EMPLOYERS).name for _ in range(JUDGES)]
    units[-1] = rng.choice(employers)
    return [{"office_code": contest["office_code"], "contest_uuid": contest["uuid"], "judge_no": number,
             "name": name, "employer": employer}
            for number, (name, employer) in enumerate(zip(names, units, strict=True), start=1)]


def _publish(ctx: DemoContext, contest: dict[str, Any]) -> None:
    """A finished contest's results were published on its last day (every row has the keys: one insert)."""
    finished = contest["status"] == "finished"
    contest["published_at"] = dt.datetime.combine(contest["ends_on"], dt.time(17, 0)) if finished else None
    contest["published_by"] = ctx.actor.username if finished else None


def _appeal(ctx: DemoContext, rng: random.Random, contest: dict[str, Any],
            entries: list[dict[str, Any]]) -> dict[str, Any]:
    """One appeal against a published result, decided a few days later."""
    entry = rng.choice(entries)
    filed = contest["ends_on"] + dt.timedelta(days=1)
    return {"office_code": contest["office_code"], "entry_uuid": entry["uuid"], "filed_on": filed,
            "filed_by": entry["name"], "content": "对实操成绩有异议，申请复核评分",
            "outcome": "经复核，评分无误，维持原成绩",
            "decided_on": min(ctx.today, filed + dt.timedelta(days=rng.randint(2, 6)))}
