"""The yearly review (年度复核): which files are due, a round per office and year with a seeded home-visit
sample of at least 30% that anyone can draw again, and each file's outcome — 继续在档, 调整类别 (applied to the
file) or 解困脱困 (closed through the workflow's own step). Each as the role that may and the roles that may not;
every refusal writes nothing."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from db.aid import review, workflow
from db.auth import Actor
from db.errors import PermissionDenied, ValidationError
from db.models import AidCase, AidCaseStep, AidReview, AidReviewRound
from db.store import Store
from tests.conftest import open_initialized
from tests.unit.db.aid.conftest import START, Today, add_member, open_case, snapshot

YEAR = START.year


def filed_files(store: Store, clerk: Actor, admin: Actor, reviews: list[dt.date | None]) -> list[str]:
    """Files 在档 whose next review is each of ``reviews`` (put there directly: the workflow has its tests)."""
    uuids = []
    for n, next_review in enumerate(reviews, start=1):
        case = open_case(store, clerk, add_member(store, clerk, n))
        with store.transaction(admin) as session:
            session.execute(update(AidCase).where(AidCase.uuid == case.uuid).values(
                status="filed", next_review_on=next_review))
        uuids.append(case.uuid)
    return uuids


def written(store: Store) -> tuple[Any, ...]:
    """The aid snapshot with the review tables and every file's category and next review."""
    with store.transaction() as session:
        extra = (session.scalar(select(func.count()).select_from(AidReviewRound)),
                 tuple(session.execute(select(AidReview.uuid, AidReview.outcome, AidReview.rev)
                                       .order_by(AidReview.uuid)).all()),
                 tuple(session.execute(select(AidCase.uuid, AidCase.category, AidCase.next_review_on)
                                       .order_by(AidCase.uuid)).all()))
    return snapshot(store), extra


def refused(store: Store, error: type[Exception], words: str, call: Any, *args: Any, **kwargs: Any) -> None:
    before = written(store)
    with pytest.raises(error) as caught:
        call(*args, **kwargs)
    assert words in str(caught.value), str(caught.value)
    assert written(store) == before, "a refusal wrote something"


# --- the draw --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", range(1, 51))
def test_the_sample_is_at_least_30_percent_of_every_size_and_drawn_from_the_due_files(size: int) -> None:
    files = [f"case-{n:03d}" for n in range(size)]
    for seed in (0, 1, 7, 2**31 - 1):
        drawn = review.draw_sample(seed, files)
        assert len(drawn) == math.ceil(size * 3 / 10) == review.sample_size(size)
        assert len(drawn) / size >= 0.3 and len(set(drawn)) == len(drawn) and set(drawn) <= set(files)


def test_the_draw_is_reproducible_and_the_seed_decides_it() -> None:
    files = [f"case-{n:03d}" for n in range(40)]
    drawn = review.draw_sample(20250303, files)
    assert review.draw_sample(20250303, list(reversed(files))) == drawn  # the order files are read in is no matter
    assert len({tuple(review.draw_sample(seed, files)) for seed in range(20)}) > 1
    assert review.sample_size(0) == 0 and review.draw_sample(5, []) == []


# --- due files and the round -------------------------------------------------------------------------------

def test_files_due_this_year_are_those_in_the_year_overdue_or_without_a_date(
        store: Store, clerk: Actor, admin: Actor, today: Today) -> None:
    due_now, overdue, missing, later = filed_files(store, clerk, admin, [
        dt.date(YEAR, 11, 30), dt.date(YEAR - 1, 6, 1), None, dt.date(YEAR + 1, 1, 1)])
    open_case(store, clerk, add_member(store, clerk, 9))  # 申请: not yet a file to review
    assert {f.case_uuid for f in review.due_files(store, clerk, YEAR)} == {due_now, overdue, missing}
    assert later not in {f.case_uuid for f in review.due_files(store, clerk, YEAR)}


def test_a_clerk_starts_the_round_with_a_recorded_seed_and_anyone_can_draw_it_again(
        store: Store, clerk: Actor, admin: Actor, today: Today) -> None:
    files = filed_files(store, clerk, admin, [None] * 7)
    made = review.start_review_round(store, clerk, YEAR, seed=424242)
    assert (made.year, made.seed, made.due_count, made.sample_count) == (YEAR, 424242, 7, 3)
    assert sorted(made.sample) == sorted(review.draw_sample(424242, files))
    assert len(made.reviews) == 7 and {r.case_uuid for r in made.reviews} == set(files)
    assert review.review_round(store, clerk, YEAR) == made
    with store.transaction() as session:
        stored = session.scalars(select(AidReviewRound)).one()
        assert (stored.seed, stored.started_by, stored.started_on) == (424242, "clerk", START)


def test_the_same_seed_and_the_same_due_files_give_the_same_sample_in_another_database(
        tmp_path: Path, clerk: Actor, admin: Actor, today: Today) -> None:
    samples = []
    for name in ("a", "b"):
        other = open_initialized(f"sqlite:///{tmp_path / name}.sqlite")
        try:
            filed_files(other, clerk, admin, [None] * 10)
            # the uuids differ between databases: draw with the recorded seed over the files due there
            made = review.start_review_round(other, clerk, YEAR, seed=99)
            assert sorted(made.sample) == sorted(review.draw_sample(99, [f.case_uuid for f in review.due_files(
                other, clerk, YEAR)]))
            samples.append(len(made.sample))
        finally:
            other.close()
    assert samples == [3, 3]


def test_without_a_seed_one_is_chosen_and_recorded(store: Store, clerk: Actor, admin: Actor, today: Today) -> None:
    files = filed_files(store, clerk, admin, [None] * 4)
    made = review.start_review_round(store, clerk, YEAR)
    assert 0 <= made.seed < 2**31 and sorted(made.sample) == sorted(review.draw_sample(made.seed, files))
    assert made.sample_count == 2


def test_one_round_per_office_and_year(store: Store, clerk: Actor, clerk2: Actor, admin: Actor,
                                       today: Today) -> None:
    filed_files(store, clerk, admin, [None] * 2)
    review.start_review_round(store, clerk, YEAR, seed=1)
    refused(store, ValidationError, f"{YEAR}年的年度复核已于{START.isoformat()}由clerk发起（抽样种子1）",
            review.start_review_round, store, clerk2, YEAR, seed=2)


@pytest.mark.parametrize(("year", "seed", "words"), [
    (YEAR + 1, 1, "应为2000年至今年"), (1999, 1, "应为2000年至今年"),
    (YEAR, -1, "抽样种子"), (YEAR, 2**31, "抽样种子")])
def test_a_future_year_or_a_bad_seed_is_refused(store: Store, clerk: Actor, admin: Actor, today: Today,
                                                year: int, seed: int, words: str) -> None:
    filed_files(store, clerk, admin, [None])
    refused(store, ValidationError, words, review.start_review_round, store, clerk, year, seed=seed)


def test_a_year_without_files_due_has_no_round(store: Store, clerk: Actor, today: Today) -> None:
    refused(store, ValidationError, "没有需要复核的在档困难职工档案", review.start_review_round, store, clerk, YEAR)


def test_only_a_clerk_starts_a_round_or_records_a_review(store: Store, clerk: Actor, admin: Actor,
                                                         approver: Actor, today: Today) -> None:
    filed_files(store, clerk, admin, [None])
    for actor, words in ((approver, "权限"), (None, "请先登录")):
        refused(store, PermissionDenied, words, review.start_review_round, store, actor, YEAR, seed=1)
    made = review.start_review_round(store, clerk, YEAR, seed=1)
    for actor, words in ((approver, "权限"), (None, "请先登录")):
        refused(store, PermissionDenied, words, review.record_review, store, actor, made.reviews[0].review_uuid,
                "继续在档", "家庭情况未变")


# --- outcomes ------------------------------------------------------------------------------------------------

@pytest.fixture
def one_round(store: Store, clerk: Actor, admin: Actor, today: Today) -> review.ReviewRound:
    filed_files(store, clerk, admin, [dt.date(YEAR, 3, 1)])
    return review.start_review_round(store, clerk, YEAR, seed=5)


def file_of(store: Store, made: review.ReviewRound) -> AidCase:
    with store.transaction() as session:
        found: AidCase = session.get(AidCase, made.reviews[0].case_uuid)
        session.expunge(found)
        return found


def test_continued_moves_the_next_review_a_year_on(store: Store, clerk: Actor, one_round: review.ReviewRound,
                                                   today: Today) -> None:
    today.move(10)
    done = review.record_review(store, clerk, one_round.reviews[0].review_uuid, "继续在档", "家庭情况未变")
    assert (done.outcome, done.reviewed_on, done.reviewed_by) == ("continued", today.day, "clerk")
    assert file_of(store, one_round).next_review_on == dt.date(YEAR + 1, 3, 13)
    refused(store, ValidationError, "已于", review.record_review, store, clerk, done.uuid, "继续在档", "再复核一次")


def test_a_new_category_is_applied_to_the_file(store: Store, clerk: Actor, one_round: review.ReviewRound,
                                               today: Today) -> None:
    uuid = one_round.reviews[0].review_uuid
    refused(store, ValidationError, "必须选择新的困难类别", review.record_review, store, clerk, uuid, "调整类别",
            "收入下降")
    refused(store, ValidationError, "相同", review.record_review, store, clerk, uuid, "调整类别", "收入下降",
            new_category="相对困难")
    refused(store, ValidationError, "不在可选范围", review.record_review, store, clerk, uuid, "调整类别", "收入下降",
            new_category="特别困难")
    refused(store, ValidationError, "只有复核结果为调整类别", review.record_review, store, clerk, uuid, "继续在档",
            "未变", new_category="深度困难")
    done = review.record_review(store, clerk, uuid, "调整类别", "收入下降", new_category="深度困难")
    assert (done.category_before, done.category_after) == ("相对困难", "深度困难")
    case = file_of(store, one_round)
    assert (case.category, case.next_review_on) == ("深度困难", dt.date(YEAR + 1, 3, 3))


def test_relieved_closes_the_file_through_the_workflow(store: Store, clerk: Actor, one_round: review.ReviewRound,
                                                       today: Today) -> None:
    uuid = one_round.reviews[0].review_uuid
    refused(store, ValidationError, "最多60个字", review.record_review, store, clerk, uuid, "解困脱困", "脱" * 61)
    review.record_review(store, clerk, uuid, "relieved", "已就业，家庭人均收入高于标准")
    case = file_of(store, one_round)
    assert (case.status, case.closed_on, case.closed_reason, case.next_review_on) == (
        "relieved", START, "已就业，家庭人均收入高于标准", None)
    with store.transaction() as session:
        steps = list(session.scalars(select(AidCaseStep.step).where(AidCaseStep.case_uuid == case.uuid)))
    assert steps[-1] == "relieved"
    assert workflow.anonymise_from(store, case.uuid) == dt.date(YEAR + 10, 3, 3)


def test_a_review_needs_an_outcome_a_note_a_day_in_the_round_and_a_file_still_filed(
        store: Store, clerk: Actor, one_round: review.ReviewRound, today: Today) -> None:
    uuid = one_round.reviews[0].review_uuid
    refused(store, ValidationError, "必须填写", review.record_review, store, clerk, uuid, "", "意见")
    refused(store, ValidationError, "不在可选范围", review.record_review, store, clerk, uuid, "暂缓", "意见")
    refused(store, ValidationError, "请填写复核意见", review.record_review, store, clerk, uuid, "继续在档", " ")
    refused(store, ValidationError, "不能早于本轮复核的发起日期", review.record_review, store, clerk, uuid, "继续在档",
            "未变", on=START - dt.timedelta(days=1))
    refused(store, ValidationError, "不能晚于今天", review.record_review, store, clerk, uuid, "继续在档", "未变",
            on=START + dt.timedelta(days=1))
    workflow.take_step(store, clerk, one_round.reviews[0].case_uuid, "注销", "迁出本辖区")
    refused(store, ValidationError, "只有在档的档案才能复核", review.record_review, store, clerk, uuid, "继续在档",
            "未变")
