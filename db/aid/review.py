"""The yearly review of hardship files (年度复核): every file 在档 is re-checked once a year, and a random
sample of at least 30% is visited at home again (DOMAIN: "Hardship aid").

- A file is **due** in a year when it is 在档 and its 下次复核日期 falls in that year, or earlier (overdue),
  or is missing.
- :func:`start_review_round` opens the office's one round of a year: a review row for every file due, and
  the home-visit sample drawn. The draw is reproducible by anyone from what the round records: each due
  file is ranked by SHA-256 of ``"<seed>:<file uuid>"`` and the ``ceil(30% × due)`` lowest are drawn —
  independent of the order the files are read in and of Python's ``random`` (:func:`draw_sample`).
- :func:`record_review` records one file's outcome: 继续在档 (the next review a year on), 调整类别 (the new
  category applied to the file, the next review a year on) or 解困脱困 (the file closed through the
  workflow's own step, :func:`db.aid.workflow.step_in`, so that rule has one home).

Starting a round and recording a review are a clerk's (``records.write``); every refusal names the rule and
writes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db import reference
from db.aid.cases import CASE_LABEL, get_case, step_day, today
from db.aid.fields import CASE_TABLE, REVIEW_ROUND_TABLE, REVIEW_TABLE
from db.aid.rules import CLOSING_REASON_LIMIT, WRITE
from db.aid.workflow import step_in, years_after
from db.auth import Actor, require
from db.errors import ValidationError
from db.models import AidCase, AidReview, AidReviewRound, Member
from db.records import live
from db.store import Store

SAMPLE_SHARE = 0.3  # at least 30% of the files due are visited at home again
SEED_LIMIT = 2**31  # a seed is stored in an Integer column
YEAR_LABEL = REVIEW_ROUND_TABLE.field("year").label
OUTCOME_LABEL = REVIEW_TABLE.field("outcome").label
NOTE_LABEL = REVIEW_TABLE.field("note").label
DAY_LABEL = REVIEW_TABLE.field("reviewed_on").label
CATEGORY_LABEL = REVIEW_TABLE.field("category_after").label
REVIEW_LABEL = REVIEW_TABLE.label
CONTINUED, RECATEGORIZED, RELIEVED = "continued", "recategorized", "relieved"


# --- the draw (pure) -----------------------------------------------------------------------------------

def sample_size(due: int) -> int:
    """How many of ``due`` files are visited at home: 30% rounded up (one file due: it is visited)."""
    return math.ceil(due * SAMPLE_SHARE - 1e-9) if due > 0 else 0


def _rank(seed: int, uuid: str) -> str:
    return hashlib.sha256(f"{seed}:{uuid}".encode()).hexdigest()


def draw_sample(seed: int, case_uuids: Sequence[str]) -> list[str]:
    """The files drawn for a home visit: the :func:`sample_size` files whose ``sha256("<seed>:<uuid>")`` is
    lowest, in that order. The same seed and files give the same draw, whatever order they are given in."""
    ranked = sorted(set(case_uuids), key=lambda uuid: (_rank(seed, uuid), uuid))
    return ranked[:sample_size(len(ranked))]


# --- reads -----------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DueFile:
    """A file due for review in a year (下次复核日期 in the year, earlier or missing)."""

    case_uuid: str
    case_no: str
    member_name: str
    category: str
    next_review_on: dt.date | None


def _due_in(session: Session, office_code: str, year: int) -> list[DueFile]:
    last_day = dt.date(year, 12, 31)
    rows = session.execute(select(AidCase, Member.name).join(Member, Member.uuid == AidCase.member_uuid).where(
        AidCase.office_code == office_code, AidCase.deleted.is_(False), AidCase.status == "filed",
        or_(AidCase.next_review_on.is_(None), AidCase.next_review_on <= last_day))
        .order_by(AidCase.case_no, AidCase.uuid)).all()
    return [DueFile(case.uuid, case.case_no, name, case.category, case.next_review_on) for case, name in rows]


def _year(year: int) -> int:
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= today().year:
        raise ValidationError(YEAR_LABEL, f"应为2000年至今年（{today().year}年）之间的年份")
    return year


def due_files(store: Store, actor: Actor, year: int) -> list[DueFile]:
    """The actor's office's files due for review in ``year``, by 档案编号 (anyone may read the list)."""
    with store.transaction() as session:
        return _due_in(session, actor.office_code, year)


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One file of a round: drawn for a home visit or not, and its outcome once recorded."""

    review_uuid: str
    case_uuid: str
    case_no: str
    member_name: str
    home_visit: bool
    outcome: str | None  # code; label by reference.label("aid_review_outcome", …)
    reviewed_on: dt.date | None
    reviewed_by: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewRound:
    """A year's round of an office: the seed, how many were due and drawn, and every file's review."""

    uuid: str
    year: int
    seed: int
    due_count: int
    sample_count: int
    started_by: str
    started_on: dt.date
    reviews: list[ReviewRow]

    @property
    def sample(self) -> list[str]:
        """The files drawn for a home visit (their uuids)."""
        return [r.case_uuid for r in self.reviews if r.home_visit]


def _round_in(session: Session, office_code: str, year: int) -> ReviewRound | None:
    found = session.scalars(select(AidReviewRound).where(
        AidReviewRound.office_code == office_code, AidReviewRound.year == year,
        AidReviewRound.deleted.is_(False))).first()
    if found is None:
        return None
    rows = session.execute(select(AidReview, AidCase.case_no, Member.name)
                           .join(AidCase, AidCase.uuid == AidReview.case_uuid)
                           .join(Member, Member.uuid == AidCase.member_uuid)
                           .where(AidReview.round_uuid == found.uuid, AidReview.deleted.is_(False))
                           .order_by(AidReview.home_visit.desc(), AidCase.case_no)).all()
    reviews = [ReviewRow(r.uuid, r.case_uuid, case_no, name, r.home_visit, r.outcome, r.reviewed_on,
                         r.reviewed_by) for r, case_no, name in rows]
    return ReviewRound(found.uuid, found.year, found.seed, found.due_count, found.sample_count, found.started_by,
                       found.started_on, reviews)


def review_round(store: Store, actor: Actor, year: int) -> ReviewRound | None:
    """The actor's office's round of ``year`` (sampled files first), or None when none was started."""
    with store.transaction() as session:
        return _round_in(session, actor.office_code, year)


@dataclass(frozen=True, slots=True)
class CaseReview:
    """One review of a file, as the file's page lists them: the round's year, the home visit, the outcome."""

    year: int
    home_visit: bool
    outcome: str | None
    category_after: str | None
    note: str | None
    reviewed_on: dt.date | None
    reviewed_by: str | None


def case_reviews(store: Store, case_uuid: str) -> list[CaseReview]:
    """The reviews of file ``case_uuid``, the latest year first (anyone may read them)."""
    with store.transaction() as session:
        rows = session.execute(select(AidReview, AidReviewRound.year)
                               .join(AidReviewRound, AidReviewRound.uuid == AidReview.round_uuid)
                               .where(AidReview.case_uuid == case_uuid, AidReview.deleted.is_(False),
                                      AidReviewRound.deleted.is_(False))
                               .order_by(AidReviewRound.year.desc())).all()
        return [CaseReview(year, r.home_visit, r.outcome, r.category_after, r.note, r.reviewed_on, r.reviewed_by)
                for r, year in rows]


# --- use cases -------------------------------------------------------------------------------------------

def start_review_round(store: Store, actor: Actor, year: int, seed: int | None = None) -> ReviewRound:
    """Open the office's review round of ``year``: a review for every file due, and the home-visit sample
    drawn with ``seed`` (a fresh random one when None; 0 ≤ seed < 2³¹) and recorded. One round per office and
    year; a year without files due has no round."""
    require(actor, WRITE)
    _year(year)
    if seed is None:
        seed = secrets.randbelow(SEED_LIMIT)
    elif isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < SEED_LIMIT:
        raise ValidationError(REVIEW_ROUND_TABLE.field("seed").label, f"应为0至{SEED_LIMIT - 1}之间的整数")
    day = today()
    with store.transaction(actor, action="start_review_round") as session:
        existing = _round_in(session, actor.office_code, year)
        if existing is not None:
            raise ValidationError(YEAR_LABEL, f"{year}年的年度复核已于{existing.started_on.isoformat()}由"
                                              f"{existing.started_by}发起（抽样种子{existing.seed}），每年只复核一轮")
        due = _due_in(session, actor.office_code, year)
        if not due:
            raise ValidationError(YEAR_LABEL, f"{year}年没有需要复核的在档困难职工档案")
        drawn = set(draw_sample(seed, [f.case_uuid for f in due]))
        round_ = AidReviewRound(office_code=actor.office_code, year=year, seed=seed, due_count=len(due),
                                sample_count=len(drawn), started_by=actor.username, started_on=day)
        session.add(round_)
        session.flush()
        for item in due:
            session.add(AidReview(round_uuid=round_.uuid, case_uuid=item.case_uuid, office_code=actor.office_code,
                                  home_visit=item.case_uuid in drawn, category_before=item.category))
        session.flush()
        made = _round_in(session, actor.office_code, year)
    assert made is not None
    return made


def record_review(store: Store, actor: Actor, review_uuid: str, outcome: str, note: str,
                  on: dt.date | str | None = None, new_category: str | None = None) -> AidReview:
    """Record a file's review on day ``on`` (today by default; not before the round began) with ``note``
    (required): ``outcome`` 继续在档 / 调整类别 (``new_category`` required and different, applied to the
    file) / 解困脱困 (the file closed by the workflow's step; the note is its 撤档原因, at most 60 characters),
    by label or code. The file's next review moves a year on (a closed file has none)."""
    require(actor, WRITE)
    code = REVIEW_TABLE.field("outcome").clean(outcome)
    if code is None:
        raise ValidationError(OUTCOME_LABEL, "必须填写（继续在档、调整类别或解困脱困）")
    text = REVIEW_TABLE.field("note").clean(note)
    if text is None:
        raise ValidationError(NOTE_LABEL, "请填写复核意见")
    if code == RELIEVED and len(text) > CLOSING_REASON_LIMIT:
        raise ValidationError(NOTE_LABEL, f"解困脱困时复核意见即撤档原因，最多{CLOSING_REASON_LIMIT}个字"
                                          f"（现为{len(text)}个）")
    given = (new_category or "").strip()
    if code == RECATEGORIZED and not given:
        raise ValidationError(CATEGORY_LABEL, "调整类别时必须选择新的困难类别")
    category = CASE_TABLE.field("category").clean(given) if code == RECATEGORIZED else None
    if code != RECATEGORIZED and given:
        raise ValidationError(CATEGORY_LABEL, "只有复核结果为调整类别时才选择新的困难类别")
    day = step_day(on, DAY_LABEL)
    with store.transaction(actor, action=f"aid_review_{code}") as session:
        review = live(session, AidReview, review_uuid, REVIEW_LABEL)
        round_ = live(session, AidReviewRound, review.round_uuid, REVIEW_ROUND_TABLE.label)
        case = get_case(session, review.case_uuid)
        if review.outcome is not None:
            done = reference.label("aid_review_outcome", review.outcome)
            raise ValidationError(OUTCOME_LABEL, f"档案 {case.case_no} 已于{review.reviewed_on}复核（{done}）")
        if case.status != "filed":
            now = reference.label("aid_status", case.status)
            raise ValidationError(CASE_LABEL, f"档案 {case.case_no} 当前为{now}，只有在档的档案才能复核")
        if day < round_.started_on:
            raise ValidationError(DAY_LABEL, f"不能早于本轮复核的发起日期 {round_.started_on.isoformat()}")
        if code == RECATEGORIZED and category == case.category:
            raise ValidationError(CATEGORY_LABEL, f"与现在的困难类别（{case.category}）相同，请选择继续在档")
        review.outcome, review.note, review.reviewed_on, review.reviewed_by = code, text, day, actor.username
        review.category_before = case.category
        if code == RELIEVED:
            step_in(session, actor, case, "relieved", day, text)  # the workflow's rule, its one home
        else:
            if category is not None:
                case.category = review.category_after = category
            case.next_review_on = years_after(day, 1)
    return review
