"""What a contest's printed lists read (desktop/documents/pdf/contest_*.py): the results list (成绩单) with its
rule in words and the team ranking, and the entrants' sign-in sheet (签到表) — plain values, no ORM rows.

A published contest's results list shows what was published (the entrants' stored rank, award, title and
证书编号); an unpublished one's the provisional results its scores give now (:func:`db.contests.results.
results_in`), marked 暂定 on paper. The team ranking (each team's best three totals) comes from the scores
either way: publishing freezes them, so it is the published one once the contest is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.contests.cases import get_contest
from db.contests.ranking import ScoringRule
from db.contests.results import results_in
from db.contests.rules import AWARDS
from db.errors import NotFound
from db.models import Contest, ContestEntry
from db.reference import label
from db.store import Store


@dataclass(frozen=True)
class ContestHeading:
    """What a printed list says of its contest above the table."""

    uuid: str
    name: str
    trade: str
    level: str
    starts_on: dt.date
    ends_on: dt.date
    venue: str
    organizer: str
    host: str
    published_at: dt.datetime | None

    @property
    def published(self) -> bool:
        return self.published_at is not None

    @property
    def dates(self) -> str:
        """“2026年5月12日至14日”, “2026年5月12日” for one day."""
        start, end = self.starts_on, self.ends_on
        first = f"{start.year}年{start.month}月{start.day}日"
        if end == start:
            return first
        if end.year != start.year:
            return f"{first}至{end.year}年{end.month}月{end.day}日"
        return f"{first}至{end.month}月{end.day}日" if end.month != start.month else f"{first}至{end.day}日"


@dataclass(frozen=True)
class ResultLine:
    """One entrant's line of the results list (scores in hundredths; None: none yet)."""

    rank: int | None
    entry_no: str
    name: str
    employer: str
    theory: int | None
    practical: int | None
    total: int | None
    award: str | None
    title: str | None
    certificate_no: str | None


@dataclass(frozen=True)
class ResultsSheet:
    contest: ContestHeading
    rule: ScoringRule
    lines: tuple[ResultLine, ...]  # in rank order, the unranked (a score missing) last
    teams: tuple[tuple[str, int, int], ...]  # (team, sum of its best three totals, rank), best first

    @property
    def provisional(self) -> bool:
        return not self.contest.published


@dataclass(frozen=True)
class SignInLine:
    entry_no: str
    name: str
    employer: str
    id_number: str  # in full, or "": the printed form masks it as the printing role requires


def _heading(contest: Contest) -> ContestHeading:
    return ContestHeading(contest.uuid, contest.name, contest.trade, contest.level or "", contest.starts_on,
                          contest.ends_on, contest.venue or "", contest.organizer or "", contest.host or "",
                          contest.published_at)


def _entries(session: Session, contest_uuid: str) -> list[ContestEntry]:
    return list(session.scalars(select(ContestEntry).where(
        ContestEntry.contest_uuid == contest_uuid, ContestEntry.deleted.is_(False)).order_by(ContestEntry.entry_no)))


def results_sheet_in(session: Session, contest_uuid: str) -> ResultsSheet:
    """The results list of a (live) contest: NotFound when it is gone."""
    contest = get_contest(session, contest_uuid)
    entries = {entry.uuid: entry for entry in _entries(session, contest.uuid)}
    results, _numbers = results_in(session, contest)
    if contest.published_at is not None:
        lines = [ResultLine(e.rank, e.entry_no, e.name, e.employer or "", e.theory_score, e.practical_score,
                            e.total_score, e.award, e.title, e.certificate_no) for e in entries.values()]
        lines.sort(key=lambda line: (line.rank is None, line.rank or 0, line.entry_no))
    else:
        lines = []
        for placed in results.placed:
            e = entries[placed.key]
            lines.append(ResultLine(placed.rank, e.entry_no, e.name, e.employer or "", e.theory_score,
                                    placed.practical, placed.total, placed.award, placed.title, None))
    return ResultsSheet(_heading(contest), ScoringRule.of(contest), tuple(lines), results.teams)


def results_sheets(store: Store, contest_uuids: Sequence[str]) -> list[ResultsSheet]:
    """:func:`results_sheet_in` of each contest, in the order given; NotFound for none."""
    if not contest_uuids:
        raise NotFound("请先在列表中选择要打印成绩单的竞赛。")
    with store.transaction() as session:
        return [results_sheet_in(session, uuid) for uuid in contest_uuids]


def sign_in_sheets(store: Store, contest_uuids: Sequence[str]) -> list[tuple[ContestHeading, list[SignInLine]]]:
    """Each contest's entrants by 参赛证号 for the sign-in sheet, in the order given; NotFound for none."""
    if not contest_uuids:
        raise NotFound("请先在列表中选择要打印签到表的竞赛。")
    with store.transaction() as session:
        sheets = []
        for uuid in contest_uuids:
            contest = get_contest(session, uuid)
            lines = [SignInLine(e.entry_no, e.name, e.employer or "", e.id_number or "")
                     for e in _entries(session, contest.uuid)]
            sheets.append((_heading(contest), lines))
        return sheets


def unpublished(store: Store, contest_uuids: Sequence[str]) -> list[ContestHeading]:
    """The contests of ``contest_uuids`` whose results are not published (never, or reopened since): they
    have no final certificates. NotFound when a contest is gone."""
    with store.transaction() as session:
        return [heading for heading in (_heading(get_contest(session, uuid)) for uuid in contest_uuids)
                if not heading.published]


# --- the rule in words ---------------------------------------------------------------------------------


def points(hundredths: int | None) -> str:
    """A score as printed: 8550 → “85.50”; None → “”."""
    if hundredths is None:
        return ""
    return f"{hundredths // 100}.{hundredths % 100:02d}"


def rule_summary(rule: ScoringRule) -> list[str]:
    """The contest's rule as the results list prints it, one line a part (weights and pass mark, the judges,
    the tie-break chain, the award quotas, the titles)."""
    judges = f"裁判 {rule.judge_count} 人"
    if rule.drop_extremes and rule.judge_count > 2:
        judges += "，去掉一个最高分和一个最低分后取平均分"
    else:
        judges += "，取平均分" if rule.judge_count > 1 else "评分"
    chain = label("tie_break_chain", rule.tie_break_code)
    if rule.quota_mode == "share":
        quotas = "、".join(f"{award} {share}%" for award, share in zip(AWARDS, rule.quotas, strict=True) if share)
        quotas = f"{quotas}（按参赛人数计算，四舍五入）" if quotas else "不设奖项"
    else:
        quotas = "、".join(f"{award} {count} 名" for award, count in zip(AWARDS, rule.quotas, strict=True)
                           if count) or "不设奖项"
    lines = [
        f"成绩计算：总成绩 = 理论成绩 × {rule.theory_weight}% + 实操成绩 × {rule.practical_weight}%；"
        f"及格分 {rule.pass_mark} 分。实操：{judges}。",
        f"同分排序：{chain}（前三名不并列，仍同分者以抽签区分）。",
        f"奖项名额：{quotas}；未达及格分者不获奖。",
    ]
    if rule.titles:
        titles = "，".join(f"{title} 前 {top} 名" for title, top in sorted(rule.titles, key=lambda t: t[1]))
        lines.append(f"称号：{titles}（须达及格分，每人一个称号）。")
    return lines
