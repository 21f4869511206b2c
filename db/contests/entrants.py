"""What the entrants page of the contest tab (参赛选手) reads, and the one write it adds to
:mod:`db.contests.cases`: an entrant's row as the page lists it (with the 回避 judges), the contest's judges
(评委) as their dialog edits them, and an entrant brought back after a removal taken back (撤销).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from db.auth import Actor, require
from db.contests.cases import (
    WRITE,
    avoided_judges,
    check_once,
    correcting,
    get_contest,
    not_published,
    refresh_practical,
)
from db.contests.fields import ENTRY_TABLE
from db.errors import ValidationError
from db.models import ContestEntry, ContestJudge, JudgeScore
from db.store import Store


@dataclass(frozen=True, slots=True)
class EntrantRow:
    """One live entrant of a contest as the entrants page shows it."""

    uuid: str
    entry_no: str
    name: str
    gender: str | None
    id_number: str | None
    employer: str | None
    team: str | None
    eligibility_notes: str | None
    completion_seconds: int | None
    member_uuid: str | None
    avoided: tuple[int, ...]  # the judges flagged 回避 on this entrant (same employer or team)


@dataclass(frozen=True, slots=True)
class JudgeRow:
    """One judge of a contest (评委): number, name and employer (an entrant of that employer avoids them)."""

    judge_no: int
    name: str
    employer: str | None


def entrant_rows(store: Store, contest_uuid: str) -> list[EntrantRow]:
    """The contest's live entrants by 参赛证号, each with the judges it avoids (回避). Two queries."""
    with store.transaction() as session:
        judges = [(n, e) for n, e in session.execute(select(ContestJudge.judge_no, ContestJudge.employer).where(
            ContestJudge.contest_uuid == contest_uuid, ContestJudge.deleted.is_(False)))]
        rows = session.execute(select(
            ContestEntry.uuid, ContestEntry.entry_no, ContestEntry.name, ContestEntry.gender,
            ContestEntry.id_number, ContestEntry.employer, ContestEntry.team, ContestEntry.eligibility_notes,
            ContestEntry.completion_seconds, ContestEntry.member_uuid).where(
            ContestEntry.contest_uuid == contest_uuid, ContestEntry.deleted.is_(False))
            .order_by(ContestEntry.entry_no)).all()
        judges.sort()
        return [EntrantRow(*row, tuple(avoided_judges(judges, row.employer, row.team)))  # type: ignore[call-arg]
                for row in rows]


def contest_judges(store: Store, contest_uuid: str) -> list[JudgeRow]:
    """The contest's judges in order (the live ones: those :func:`db.contests.cases.set_judges` kept)."""
    with store.transaction() as session:
        return [JudgeRow(n, name, employer) for n, name, employer in session.execute(
            select(ContestJudge.judge_no, ContestJudge.name, ContestJudge.employer).where(
                ContestJudge.contest_uuid == contest_uuid, ContestJudge.deleted.is_(False))
            .order_by(ContestJudge.judge_no))]


def judge_scores(store: Store, entry_uuid: str) -> dict[int, int]:
    """The judges' live scores of one entrant (judge_no → hundredths): what a removal takes with it."""
    with store.transaction() as session:
        return {number: score for number, score in session.execute(select(JudgeScore.judge_no, JudgeScore.score)
                .where(JudgeScore.entry_uuid == entry_uuid, JudgeScore.deleted.is_(False)))}


def restore_entrant(store: Store, actor: Actor, entry_uuid: str, scores: Mapping[int, int]) -> ContestEntry:
    """Bring back an entrant removed by mistake (the undo of :func:`db.contests.cases.remove_entrant`), with
    its 参赛证号 and the judges' ``scores`` it had (judge_no → hundredths; others stay cleared). Refused once
    the results are published, or when the same person has entered again since."""
    require(actor, WRITE)
    with store.transaction(actor, action="restore_entrant") as session:
        entry = session.get(ContestEntry, entry_uuid)
        if entry is None:
            raise ValidationError(ENTRY_TABLE.label, "找不到该参赛选手")
        contest = get_contest(session, entry.contest_uuid)
        not_published(contest, ENTRY_TABLE.label)
        if not entry.deleted:
            return entry
        check_once(session, contest.uuid, entry.member_uuid, entry.id_number, entry.name)
        correcting(session, contest)
        entry.deleted = False
        for score in session.scalars(select(JudgeScore).where(JudgeScore.entry_uuid == entry.uuid)):
            if score.judge_no in scores:
                score.score, score.deleted = scores[score.judge_no], False
        session.flush()
        refresh_practical(session, contest, entry)
    return entry
