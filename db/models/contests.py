"""Skill contests (职工技能竞赛): contests, entrants and judges' scores.

Scores are kept in hundredths of a point (8550 = 85.50) so that weighted totals and ties are exact.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, RegistryRow, parent_column

CONTEST_STATUSES = ("preparing", "registration", "running", "finished")


class Contest(RegistryRow, Base):
    """A contest with its scoring rule and award quotas."""

    __tablename__ = "contests"

    name: Mapped[str] = mapped_column(String(120))
    trade: Mapped[str] = mapped_column(String(40))  # 工种
    level: Mapped[str] = mapped_column(String(10))  # 区级 / 街道级
    organizer: Mapped[str | None] = mapped_column(String(200))
    host: Mapped[str | None] = mapped_column(String(200))
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date]
    venue: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(12), default="preparing")
    theory_weight: Mapped[int] = mapped_column(Integer, default=30)  # percent
    practical_weight: Mapped[int] = mapped_column(Integer, default=70)
    pass_mark: Mapped[int] = mapped_column(Integer, default=60)
    judge_count: Mapped[int] = mapped_column(Integer, default=1)
    drop_extremes: Mapped[bool] = mapped_column(default=False)
    quota_first: Mapped[int] = mapped_column(Integer, default=1)
    quota_second: Mapped[int] = mapped_column(Integer, default=2)
    quota_third: Mapped[int] = mapped_column(Integer, default=3)
    quota_merit: Mapped[int] = mapped_column(Integer, default=0)
    # added by migration 0005, which appends them after the system columns: sort_order keeps create_all alike
    # how ties on the total are broken before an equal rank: a code of the tie_break_chain value list
    tie_breaks: Mapped[str] = mapped_column(String(24), default="practical,theory", sort_order=1)
    quota_mode: Mapped[str] = mapped_column(String(8), default="count", sort_order=1)  # counts or percent shares
    champion_top: Mapped[int] = mapped_column(Integer, default=0, sort_order=1)  # 技术状元 to the top N (0: none)
    expert_top: Mapped[int] = mapped_column(Integer, default=0, sort_order=1)  # 技术能手 to the top N (0: none)
    # Published results freeze the scores (db.contests.results.mark_published); an admin may reopen them with
    # a reason, kept here as the latest reopening (each one is in the audit trail too).
    # (sort_order: after the registry columns, where migration 0005 added them)
    published_at: Mapped[dt.datetime | None] = mapped_column(sort_order=1)
    published_by: Mapped[str | None] = mapped_column(String(64), sort_order=1)
    reopened_at: Mapped[dt.datetime | None] = mapped_column(sort_order=1)
    reopened_by: Mapped[str | None] = mapped_column(String(64), sort_order=1)
    reopen_reason: Mapped[str | None] = mapped_column(Text, sort_order=1)


class ContestJudge(RegistryRow, Base):
    """A judge (裁判) of a contest by number (1 … judge_count); the employer tells whom the judge avoids (回避)."""

    __tablename__ = "contest_judges"
    __table_args__ = (UniqueConstraint("contest_uuid", "judge_no"),)

    contest_uuid: Mapped[str] = parent_column("contests.uuid")
    judge_no: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(50))
    employer: Mapped[str | None]


class ContestEntry(RegistryRow, Base):
    """An entrant (参赛选手): a member, or a non-member entered by name and ID number."""

    __tablename__ = "contest_entries"
    __table_args__ = (UniqueConstraint("contest_uuid", "entry_no"),)

    contest_uuid: Mapped[str] = parent_column("contests.uuid")
    member_uuid: Mapped[str | None] = parent_column("members.uuid", nullable=True)
    name: Mapped[str] = mapped_column(String(50))
    id_number: Mapped[str | None] = mapped_column(String(32), index=True)
    gender: Mapped[str | None] = mapped_column(String(2))
    employer: Mapped[str | None]
    entry_no: Mapped[str] = mapped_column(String(30))  # 参赛证号
    team: Mapped[str | None]
    eligibility_notes: Mapped[str | None] = mapped_column(Text)
    theory_score: Mapped[int | None] = mapped_column(Integer)  # hundredths
    practical_score: Mapped[int | None] = mapped_column(Integer)  # hundredths
    total_score: Mapped[int | None] = mapped_column(Integer)  # hundredths, weighted
    rank: Mapped[int | None] = mapped_column(Integer)
    award: Mapped[str | None] = mapped_column(String(10))  # 一等奖 / 二等奖 / 三等奖 / 优胜奖
    title: Mapped[str | None] = mapped_column(String(20))  # 技术状元, 技术能手
    certificate_no: Mapped[str | None] = mapped_column(String(40), unique=True)
    second_reward_note: Mapped[str | None] = mapped_column(Text)
    # added by migration 0005 (sort_order: see Contest)
    completion_seconds: Mapped[int | None] = mapped_column(Integer, sort_order=1)  # 用时, if the chain has it
    draw_no: Mapped[int | None] = mapped_column(Integer, sort_order=1)  # 抽签顺序: parts a tie in the first three


class JudgeScore(RegistryRow, Base):
    """One judge's practical score of one entrant."""

    __tablename__ = "judge_scores"
    __table_args__ = (UniqueConstraint("entry_uuid", "judge_no"),)

    entry_uuid: Mapped[str] = parent_column("contest_entries.uuid")
    judge_no: Mapped[int] = mapped_column(Integer)
    score: Mapped[int] = mapped_column(Integer)  # hundredths


class ContestAppeal(RegistryRow, Base):
    """An appeal (申诉) against an entrant's result and how it was decided."""

    __tablename__ = "contest_appeals"

    entry_uuid: Mapped[str] = parent_column("contest_entries.uuid")
    filed_on: Mapped[dt.date]
    filed_by: Mapped[str] = mapped_column(String(50))  # 申诉人: the entrant, the team leader…
    content: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[dt.date | None]
