"""A contest's results: the provisional ranking as the scores arrive (the score grid's 名次) and publishing
(公布成绩), which ranks by the contest's rule (:mod:`db.contests.ranking`) and freezes the results with their
certificate numbers (:func:`db.contests.cases.mark_published_in`) in one transaction.

Publishing is refused while a result would not be final: an entrant without a complete score, award quotas or
titles for more places than there are entrants, or a tie within the first three places that no draw (抽签)
has parted yet — each named, so that the clerk knows what to enter."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.auth import Actor, require
from db.contests.cases import WRITE, avoided_judges, get_contest, judge_units, mark_published_in
from db.contests.fields import CONTESTS, ENTRY_TABLE
from db.contests.ranking import EntrantScores, Results, ScoringRule, check_rule, rank_contest
from db.errors import ValidationError
from db.models import Contest, ContestEntry, JudgeScore
from db.store import Store

_SHOWN = 5  # entrants named in a refusal before "等N人"


def results_in(session: Session, contest: Contest) -> tuple[Results, dict[str, str]]:
    """The contest's results by its rule from the scores stored now, and each entrant's 参赛证号 by uuid.
    Two queries (entrants, their judges' scores) and the judges' employers for 回避."""
    rule = ScoringRule.of(contest)
    entries = session.execute(select(
        ContestEntry.uuid, ContestEntry.entry_no, ContestEntry.theory_score, ContestEntry.completion_seconds,
        ContestEntry.team, ContestEntry.employer, ContestEntry.draw_no).where(
        ContestEntry.contest_uuid == contest.uuid, ContestEntry.deleted.is_(False))).all()
    judged: dict[str, dict[int, int]] = {}
    for entry_uuid, number, score in session.execute(select(
            JudgeScore.entry_uuid, JudgeScore.judge_no, JudgeScore.score).join(
            ContestEntry, ContestEntry.uuid == JudgeScore.entry_uuid).where(
            ContestEntry.contest_uuid == contest.uuid, ContestEntry.deleted.is_(False),
            JudgeScore.deleted.is_(False))):
        judged.setdefault(entry_uuid, {})[number] = score
    judges = judge_units(session, contest.uuid)
    entrants = [EntrantScores(
        uuid, theory, tuple(judged.get(uuid, {}).get(n) for n in range(1, rule.judge_count + 1)), seconds,
        team or employer, draw, tuple(avoided_judges(judges, employer, team)))
        for uuid, _, theory, seconds, team, employer, draw in entries]
    return rank_contest(rule, entrants), {row.uuid: row.entry_no for row in entries}


def provisional(store: Store, contest_uuid: str) -> Results:
    """The results the scores give now (places not final until published)."""
    with store.transaction() as session:
        return results_in(session, get_contest(session, contest_uuid))[0]


def publish(store: Store, actor: Actor, contest_uuid: str) -> Results:
    """公布成绩: rank by the contest's rule, give the awards, titles and certificate numbers, freeze the scores.
    Refused (nothing written) while an entrant lacks a complete score, while quotas or titles exceed the
    entrants, or while a tie within the first three places awaits a draw."""
    require(actor, WRITE)
    with store.transaction(actor, action="publish") as session:
        contest = get_contest(session, contest_uuid)
        results, numbers = results_in(session, contest)
        missing = sorted(numbers[p.key] for p in results.placed if p.rank is None)
        if missing:
            raise ValidationError(ENTRY_TABLE.field("total_score").label,
                                  f"还有{len(missing)}名选手成绩未录全（参赛证号 {_named(missing)}），不能公布成绩")
        check_rule(ScoringRule.of(contest), len(results.placed))
        if results.needs_draw:
            tied = "；".join(_named(sorted(numbers[key] for key in group)) for group in results.needs_draw)
            raise ValidationError(ENTRY_TABLE.field("draw_no").label,
                                  f"前三名中有同分并列（参赛证号 {tied}）：请先录入抽签顺序")
        if not results.placed:
            raise ValidationError(CONTESTS.label, f"竞赛“{contest.name}”还没有参赛选手")
        mark_published_in(session, actor, contest, {p.key: (p.rank, p.award, p.title) for p in results.placed})
    return results


def _named(numbers: list[str]) -> str:
    shown = "、".join(numbers[:_SHOWN])
    return shown if len(numbers) <= _SHOWN else f"{shown}等{len(numbers)}人"
