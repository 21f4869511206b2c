"""A contest's results: the provisional ranking as the scores arrive (the score grid's 名次) and publishing
(公布成绩), which ranks by the contest's rule (:mod:`db.contests.ranking`) and freezes the results with their
certificate numbers (:func:`mark_published_in`) in one transaction.

Publishing is refused while a result would not be final: an entrant without a complete score, award quotas or
titles for more places than there are entrants, or a tie within the first three places that no draw (抽签)
has parted yet — each named, so that the clerk knows what to enter. An admin may reopen published results
with a reason; every change until they are published again is audited old → new with it.

证书编号: ``<office code>-<year of the contest's start>-<four-digit serial>`` (e.g. 110101006-2026-0001), the
serial running over all the office's contests of that year, one more than both the office's counter and the
highest such number in the database, so that a number is never given twice, not even after an award was
withdrawn at a republishing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.auth import Actor, require
from db.contests.cases import (
    CONTEST_LABEL,
    REOPEN,
    WRITE,
    ScoreRow,
    correcting,
    get_contest,
    score_sheet_in,
)
from db.contests.fields import CONTESTS, ENTRY_TABLE
from db.contests.ranking import EntrantScores, Results, ScoringRule, check_rule, rank_contest
from db.contests.rules import AWARDS
from db.errors import ValidationError
from db.models import Contest, ContestEntry, Counter
from db.reference import values as reference_values
from db.store import Store
from db.writes import utcnow

CERTIFICATE_WIDTH = 4
_SHOWN = 5  # entrants named in a refusal before "等N人"


def results_in(session: Session, contest: Contest) -> tuple[Results, dict[str, str]]:
    """The contest's results by its rule from the scores stored now (the score grid's rows), and each
    entrant's 参赛证号 by uuid."""
    rows = score_sheet_in(session, contest.uuid)
    return _ranked(ScoringRule.of(contest), rows), {row.uuid: row.entry_no for row in rows}


def _ranked(rule: ScoringRule, rows: Sequence[ScoreRow]) -> Results:
    """The score grid's rows ranked by ``rule``."""
    entrants = [EntrantScores(row.uuid, row.theory, tuple(row.judges.get(n) for n in range(1, rule.judge_count + 1)),
                              row.seconds, row.team or row.employer, row.draw, row.avoided) for row in rows]
    return rank_contest(rule, entrants)


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


def _certificate_numbers(session: Session, office_code: str, year: int) -> Iterator[str]:
    """Fresh 证书编号 of the office and year, one after another (see the module's docstring)."""
    prefix = f"{office_code}-{year}-"
    counter_name = f"cert:{office_code}:{year}"
    counter = session.get(Counter, counter_name)
    taken = session.scalars(select(ContestEntry.certificate_no).where(
        ContestEntry.certificate_no.like(f"{prefix}%")))
    highest = max((int(n[len(prefix):]) for n in taken if n and n[len(prefix):].isdigit()), default=0)
    serial = max(highest, counter.value if counter is not None else 0)
    if counter is None:
        counter = Counter(name=counter_name, value=serial)
        session.add(counter)
    while True:
        serial += 1
        counter.value = serial
        yield f"{prefix}{serial:0{CERTIFICATE_WIDTH}d}"


def mark_published(store: Store, actor: Actor, contest_uuid: str,
                   results: Mapping[str, tuple[int | None, str | None, str | None]]) -> Contest:
    """Publish the contest's results: each live entrant's (rank, award, title) from ``results`` (an entrant
    left out has none), a 证书编号 for each awarded entrant without one, and the scores frozen (a withdrawn
    award loses its number, which is not given again). The contest is then 结束. (:func:`db.contests.results.
    publish` ranks by the contest's rule and publishes in one step.)"""
    require(actor, WRITE)
    with store.transaction(actor, action="publish") as session:
        return mark_published_in(session, actor, get_contest(session, contest_uuid), results)


def mark_published_in(session: Session, actor: Actor, contest: Contest,
                      results: Mapping[str, tuple[int | None, str | None, str | None]]) -> Contest:
    """:func:`mark_published` in the caller's transaction."""
    awards, titles = frozenset(AWARDS), frozenset(reference_values("contest_title"))
    for rank, award, title in results.values():
        if rank is not None and rank < 1:
            raise ValidationError(ENTRY_TABLE.field("rank").label, f"应为正整数：{rank}")
        if award is not None and award not in awards:
            raise ValidationError(ENTRY_TABLE.field("award").label, f"“{award}”不在可选范围内：{'、'.join(AWARDS)}")
        if title is not None and title not in titles:
            raise ValidationError(ENTRY_TABLE.field("title").label, f"“{title}”不在可选范围内：{'、'.join(titles)}")
    if contest.published_at is not None:
        raise ValidationError(CONTEST_LABEL, f"竞赛“{contest.name}”的成绩已经发布")
    correcting(session, contest)
    entries = {e.uuid: e for e in session.scalars(select(ContestEntry).where(
        ContestEntry.contest_uuid == contest.uuid, ContestEntry.deleted.is_(False))
        .order_by(ContestEntry.entry_no))}
    strangers = set(results) - set(entries)
    if strangers:
        raise ValidationError(ENTRY_TABLE.label, f"有{len(strangers)}名选手不是本竞赛的参赛选手或已被删除")
    numbers = _certificate_numbers(session, contest.office_code, contest.starts_on.year)
    # awarded entrants get their numbers by rank, then 参赛证号: the first prize holds the first number
    ordered = sorted(entries.values(), key=lambda e: (
        (results.get(e.uuid) or (None,))[0] or 10**9, e.entry_no))
    for entry in ordered:
        rank, award, title = results.get(entry.uuid, (None, None, None))
        entry.rank, entry.award, entry.title = rank, award, title
        if award is None:
            entry.certificate_no = None
        elif entry.certificate_no is None:
            entry.certificate_no = next(numbers)
    contest.published_at, contest.published_by = utcnow(), actor.username
    contest.status = "finished"
    return contest


def reopen(store: Store, actor: Actor, contest_uuid: str, reason: str) -> Contest:
    """An admin reopens published results for a correction: the reason is required and kept, and every change
    until the results are published again is audited old → new with it."""
    require(actor, REOPEN)
    text = (reason or "").strip()
    if not text:
        raise ValidationError(CONTESTS.field("reopen_reason").label, "必须填写")
    if len(text) > 500:
        raise ValidationError(CONTESTS.field("reopen_reason").label, f"不能超过500个字（现为{len(text)}个）")
    with store.transaction(actor, action="reopen") as session:
        contest = get_contest(session, contest_uuid)
        if contest.published_at is None:
            raise ValidationError(CONTEST_LABEL, f"竞赛“{contest.name}”的成绩尚未发布，无需重新开放")
        session.info["audit_reason"] = text
        contest.published_at = contest.published_by = None
        contest.reopened_at, contest.reopened_by, contest.reopen_reason = utcnow(), actor.username, text
    return contest


def _named(numbers: list[str]) -> str:
    shown = "、".join(numbers[:_SHOWN])
    return shown if len(numbers) <= _SHOWN else f"{shown}等{len(numbers)}人"


# --- the results page ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ResultRow:
    """One entrant's line of the results (scores in hundredths; rank None: not ranked, a score missing)."""

    uuid: str
    entry_no: str
    name: str
    employer: str | None
    theory: int | None
    practical: int | None
    total: int | None
    rank: int | None
    award: str | None
    title: str | None
    certificate_no: str | None  # only once published
    draw: int | None  # the recorded draw (抽签顺序)


@dataclass(frozen=True)
class Standing:
    """A contest's results as its results page shows them: published (the stored rank, award, title and
    证书编号) or provisional (ranked by the rule from the scores now), the team ranking, the ties within the
    first three places that wait for a draw (their rows), and the publishing marks."""

    rows: tuple[ResultRow, ...]  # in rank order, the unranked last
    teams: tuple[tuple[str, int, int], ...]  # (team, sum of its best three totals, team rank)
    needs_draw: tuple[tuple[ResultRow, ...], ...]
    published_at: dt.datetime | None
    published_by: str | None
    reopened_at: dt.datetime | None
    reopened_by: str | None
    reopen_reason: str | None
    name: str = ""  # the contest's

    @property
    def published(self) -> bool:
        return self.published_at is not None


def standing(store: Store, contest_uuid: str) -> Standing:
    """The contest's results for its results page (see :class:`Standing`). Once published the rows are the
    stored results in rank order (then 参赛证号); before, and after a reopening, the provisional ranking."""
    with store.transaction() as session:
        contest = get_contest(session, contest_uuid)
        sheet = score_sheet_in(session, contest.uuid)
        results = _ranked(ScoringRule.of(contest), sheet)
        by_uuid = {row.uuid: row for row in sheet}
        if contest.published_at is not None:
            stored = {uuid: (rank, award, title, number) for uuid, rank, award, title, number in session.execute(
                select(ContestEntry.uuid, ContestEntry.rank, ContestEntry.award, ContestEntry.title,
                       ContestEntry.certificate_no).where(
                    ContestEntry.contest_uuid == contest.uuid, ContestEntry.deleted.is_(False)))}
            rows = sorted((_row(by_uuid[uuid], *stored[uuid]) for uuid in by_uuid),
                          key=lambda r: (r.rank is None, r.rank or 0, r.entry_no))
        else:
            rows = [_row(by_uuid[p.key], p.rank, p.award, p.title, None, p.practical, p.total)
                    for p in results.placed]
        shown = {row.uuid: row for row in rows}
        return Standing(tuple(rows), results.teams,
                        () if contest.published_at is not None else
                        tuple(tuple(shown[key] for key in group) for group in results.needs_draw),
                        contest.published_at, contest.published_by, contest.reopened_at, contest.reopened_by,
                        contest.reopen_reason, contest.name)


def _row(sheet: ScoreRow, rank: int | None, award: str | None, title: str | None, number: str | None,
         practical: int | None = None, total: int | None = None) -> ResultRow:
    """A result line: the grid's row with the rank, award, title and number (and the ranking's practical
    and total, which leave out a 回避 judge's score; else the stored ones)."""
    return ResultRow(sheet.uuid, sheet.entry_no, sheet.name, sheet.employer, sheet.theory,
                     sheet.practical if practical is None else practical, sheet.total if total is None else total,
                     rank, award, title, number, sheet.draw)
