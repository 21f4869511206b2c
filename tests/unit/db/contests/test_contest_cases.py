"""Skill-contest use cases as a clerk meets them: a contest and its judges, entrants numbered in order and
entered once, scores typed cell by cell and refused outside 0–100 or with three decimals, 回避 flagged,
appeals recorded, results published (certificate numbers) and frozen, and an admin's reopening audited."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import func, select

from db import members
from db.auth import Actor
from db.contests import cases, results
from db.errors import NotFound, PermissionDenied, ValidationError
from db.models import AuditEntry, Contest, ContestAppeal, ContestEntry, ContestJudge, JudgeScore
from db.store import Store
from db.validation import make_id_number

CONTEST = {"name": "爱家·敬老杯养老护理员职业技能大赛", "trade": "养老护理员", "level": "街道级",
           "starts_on": "2026-05-10", "ends_on": "2026-05-11", "theory_weight": 30, "practical_weight": 70,
           "judge_count": 3, "drop_extremes": "否"}
ZHANG = {"name": "张三", "id_number": "11010519491231002X", "joined_on": "2020-05-01",
         "employer": "东四社区养老驿站"}


def person(n: int, gender_digit: int = 1) -> str:
    """A valid ID number (sequence ``n``; odd last-but-one digit: 男)."""
    return make_id_number("110101", dt.date(1980, 1, 1) + dt.timedelta(days=n), n * 10 + gender_digit)


def refused(field: str, call: Any, *args: Any, **kwargs: Any) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    assert caught.value.field == field, (caught.value.field, caught.value.message)
    return caught.value


def count(store: Store, model: type, *where: Any) -> int:
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def audits(store: Store, action: str) -> list[dict[str, Any]]:
    with store.transaction() as session:
        return [json.loads(text) for text in session.scalars(
            select(AuditEntry.changes).where(AuditEntry.action == action).order_by(AuditEntry.id))]


@pytest.fixture
def contest(store: Store, clerk: Actor) -> Contest:
    return cases.create_contest(store, clerk, CONTEST)


def enter(store: Store, clerk: Actor, contest: Contest, n: int, employer: str = "甲养老院") -> ContestEntry:
    return cases.add_entrant(store, clerk, contest.uuid, {"name": f"选手{n}", "id_number": person(n),
                                                          "employer": employer})


# --- the contest ------------------------------------------------------------------------------------------

def test_a_contest_is_saved_with_its_rule_and_bad_weights_are_refused(store: Store, clerk: Actor,
                                                                        contest: Contest) -> None:
    assert (contest.theory_weight, contest.practical_weight, contest.judge_count, contest.status) == (
        30, 70, 3, "preparing")
    assert contest.published_at is None
    refused("实操权重（%）", cases.create_contest, store, clerk,
            {**CONTEST, "name": "另一赛", "theory_weight": 20, "practical_weight": 70})
    refused("理论权重（%）", cases.create_contest, store, clerk, {**CONTEST, "name": "另一赛", "theory_weight": 40,
                                                              "practical_weight": 60})
    refused("竞赛名称", cases.create_contest, store, clerk, CONTEST)  # the same name and start date
    refused("实操权重（%）", cases.update_contest, store, clerk, contest.uuid, {"theory_weight": 20})
    refused("及格分", cases.update_contest, store, clerk, contest.uuid, {"pass_mark": ""})
    refused("竞赛名称", cases.update_contest, store, clerk, contest.uuid, {"name": " "})
    assert cases.update_contest(store, clerk, contest.uuid, {"venue": "东四街道养老院", "organizer": ""}).venue
    updated = cases.update_contest(store, clerk, contest.uuid, {"theory_weight": 20, "practical_weight": 80})
    assert (updated.theory_weight, updated.practical_weight) == (20, 80)
    assert count(store, Contest) == 1


# --- entrants ---------------------------------------------------------------------------------------------

def test_entry_numbers_are_given_in_order_and_not_again_after_a_removal(store: Store, clerk: Actor,
                                                                         contest: Contest) -> None:
    numbers = [enter(store, clerk, contest, n).entry_no for n in range(1, 4)]
    assert numbers == ["0001", "0002", "0003"]
    cases.remove_entrant(store, clerk, cases.score_sheet(store, contest.uuid)[2].uuid)
    assert enter(store, clerk, contest, 9).entry_no == "0004"
    assert [row.entry_no for row in cases.score_sheet(store, contest.uuid)] == ["0001", "0002", "0004"]
    other = cases.create_contest(store, clerk, {**CONTEST, "name": "家政服务员大赛"})
    assert enter(store, clerk, other, 1).entry_no == "0001"  # numbers run within each contest


def test_a_member_enters_with_the_members_facts(store: Store, clerk: Actor, contest: Contest) -> None:
    member = members.register(store, clerk, ZHANG)
    entry = cases.add_entrant(store, clerk, contest.uuid, {"member_uuid": member.uuid,
                                                          "eligibility_notes": "持四级证书"})
    assert (entry.name, entry.id_number, entry.gender, entry.employer, entry.team, entry.member_uuid) == (
        "张三", "11010519491231002X", "女", "东四社区养老驿站", "东四社区养老驿站", member.uuid)
    assert entry.eligibility_notes == "持四级证书"


def test_a_non_member_gets_the_gender_of_the_id_number_and_a_bad_number_is_refused(
        store: Store, clerk: Actor, contest: Contest) -> None:
    entry = cases.add_entrant(store, clerk, contest.uuid, {"name": "李四", "id_number": person(5, 2),
                                                          "team": "东城区代表队"})
    assert (entry.gender, entry.member_uuid, entry.team, entry.employer) == ("女", None, "东城区代表队", None)
    bad = person(6)[:-1] + ("0" if person(6)[-1] != "0" else "1")
    assert "校验位" in refused("身份证号", cases.add_entrant, store, clerk, contest.uuid,
                               {"name": "王五", "id_number": bad}).reason
    refused("身份证号", cases.add_entrant, store, clerk, contest.uuid, {"name": "王五", "id_number": "12345"})
    refused("身份证号", cases.add_entrant, store, clerk, contest.uuid, {"name": "王五"})
    refused("姓名", cases.add_entrant, store, clerk, contest.uuid, {"id_number": person(7)})
    refused("性别", cases.add_entrant, store, clerk, contest.uuid,
            {"name": "王五", "id_number": person(7), "gender": "女"})
    assert count(store, ContestEntry) == 1


def test_a_second_entry_of_the_same_person_is_refused_naming_the_first_number(
        store: Store, clerk: Actor, contest: Contest) -> None:
    member = members.register(store, clerk, ZHANG)
    first = cases.add_entrant(store, clerk, contest.uuid, {"member_uuid": member.uuid})
    error = refused("身份证号", cases.add_entrant, store, clerk, contest.uuid, {"member_uuid": member.uuid})
    assert first.entry_no in error.reason
    # the same person typed in as a non-member is still the member
    error = refused("身份证号", cases.add_entrant, store, clerk, contest.uuid,
                    {"name": "张三", "id_number": ZHANG["id_number"]})
    assert "0001" in error.reason
    other = enter(store, clerk, contest, 3)
    assert "0002" in refused("身份证号", cases.add_entrant, store, clerk, contest.uuid,
                             {"name": "另一人", "id_number": person(3)}).reason
    assert count(store, ContestEntry) == 2
    # withdrawn, the person may enter again (under a new number)
    cases.remove_entrant(store, clerk, other.uuid)
    assert enter(store, clerk, contest, 3).entry_no == "0003"


def test_avoidance_flags_judges_of_the_entrants_own_employer(store: Store, clerk: Actor,
                                                             contest: Contest) -> None:
    a = enter(store, clerk, contest, 1, "甲养老院")
    b = enter(store, clerk, contest, 2, "乙护理中心")
    cases.set_judges(store, clerk, contest.uuid, [{"name": "赵评", "employer": "乙护理中心"},
                                                   {"name": "钱评", "employer": "丙大学"},
                                                   {"name": "孙评", "employer": "甲 养老院"}])
    assert cases.avoidance(store, contest.uuid) == {a.uuid: [3], b.uuid: [1]}
    rows = {row.uuid: row for row in cases.score_sheet(store, contest.uuid)}
    assert rows[a.uuid].avoided == (3,) and rows[b.uuid].avoided == (1,)
    # judges can be renamed and fewer: the one left out is gone from the flags
    cases.set_judges(store, clerk, contest.uuid, [{"name": "赵评", "employer": "乙护理中心"}])
    assert cases.avoidance(store, contest.uuid) == {b.uuid: [1]}
    assert count(store, ContestJudge, ContestJudge.deleted.is_(False)) == 1
    refused("裁判人数", cases.set_judges, store, clerk, contest.uuid, [{"name": f"评{i}"} for i in range(4)])
    assert "第2号评委" in refused("评委姓名", cases.set_judges, store, clerk, contest.uuid,
                                 [{"name": "赵评"}, {"name": ""}]).reason


# --- scores -----------------------------------------------------------------------------------------------

def test_scores_are_kept_cell_by_cell_with_practical_and_total(store: Store, clerk: Actor,
                                                               contest: Contest) -> None:
    entry = enter(store, clerk, contest, 1)
    assert cases.set_judge_score(store, clerk, entry.uuid, 1, "90") is None  # not every judge yet
    cases.set_judge_score(store, clerk, entry.uuid, 2, 85.5)
    assert cases.set_judge_score(store, clerk, entry.uuid, 3, "80.25") == 8525  # (9000+8550+8025)/3
    cases.set_theory_score(store, clerk, entry.uuid, "70")
    row = cases.score_sheet(store, contest.uuid)[0]
    assert (row.theory, row.judges, row.practical, row.total) == (7000, {1: 9000, 2: 8550, 3: 8025}, 8525, 8068)
    cases.set_judge_score(store, clerk, entry.uuid, 3, "")  # a cell cleared
    row = cases.score_sheet(store, contest.uuid)[0]
    assert (row.judges, row.practical, row.total) == ({1: 9000, 2: 8550}, None, None)
    assert count(store, JudgeScore, JudgeScore.deleted.is_(False)) == 2


def test_an_avoiding_judge_need_not_score(store: Store, clerk: Actor, contest: Contest) -> None:
    entry = enter(store, clerk, contest, 1, "甲养老院")
    cases.set_judges(store, clerk, contest.uuid, [{"name": "赵评", "employer": "甲养老院"}, {"name": "钱评"},
                                                   {"name": "孙评"}])
    cases.set_judge_score(store, clerk, entry.uuid, 2, 80)
    assert cases.set_judge_score(store, clerk, entry.uuid, 3, 90) == 8500


@pytest.mark.parametrize(("value", "why"), [("100.01", "不能大于"), ("-1", "不能小于"), ("85.555", "最多两位小数"),
                                            ("八十", "")])
def test_a_score_outside_0_to_100_or_with_three_decimals_is_refused(store: Store, clerk: Actor, contest: Contest,
                                                                    value: str, why: str) -> None:
    entry = enter(store, clerk, contest, 1)
    assert why in refused("理论成绩", cases.set_theory_score, store, clerk, entry.uuid, value).reason
    assert why in refused("第2号评委评分", cases.set_judge_score, store, clerk, entry.uuid, 2, value).reason
    assert count(store, JudgeScore) == 0
    assert cases.score_sheet(store, contest.uuid)[0].theory is None


def test_a_judge_number_beyond_the_judge_count_is_refused(store: Store, clerk: Actor, contest: Contest) -> None:
    entry = enter(store, clerk, contest, 1)
    assert "1到3" in refused("评委序号", cases.set_judge_score, store, clerk, entry.uuid, 4, "80").reason
    refused("评委序号", cases.set_judge_score, store, clerk, entry.uuid, 0, "80")
    cases.set_judge_score(store, clerk, entry.uuid, 3, "80")
    assert "第3号" in refused("裁判人数", cases.update_contest, store, clerk, contest.uuid,
                              {"judge_count": 2}).reason


# --- publishing, appeals, reopening -----------------------------------------------------------------------

def scored(store: Store, clerk: Actor, contest: Contest, n: int) -> list[ContestEntry]:
    entries = [enter(store, clerk, contest, i) for i in range(1, n + 1)]
    for i, entry in enumerate(entries):
        cases.set_theory_score(store, clerk, entry.uuid, 90 - i)
        for judge in (1, 2, 3):
            cases.set_judge_score(store, clerk, entry.uuid, judge, 90 - i)
    return entries


def test_publishing_gives_unique_certificate_numbers_and_freezes_scores(store: Store, clerk: Actor,
                                                                        contest: Contest) -> None:
    a, b, c = scored(store, clerk, contest, 3)
    published = results.mark_published(store, clerk, contest.uuid, {
        a.uuid: (1, "一等奖", "技术状元"), b.uuid: (2, "二等奖", None), c.uuid: (3, None, None)})
    assert published.published_by == "clerk" and published.status == "finished"
    with store.transaction() as session:
        got = {e.uuid: (e.rank, e.award, e.title, e.certificate_no) for e in session.scalars(select(ContestEntry))}
    assert got == {a.uuid: (1, "一等奖", "技术状元", "110101006-2026-0001"),
                   b.uuid: (2, "二等奖", None, "110101006-2026-0002"), c.uuid: (3, None, None, None)}
    message = refused("理论成绩", cases.set_theory_score, store, clerk, a.uuid, "60").reason
    assert message == "成绩已发布，不能修改；如需更正请由管理员重新开放"
    refused("第1号评委评分", cases.set_judge_score, store, clerk, a.uuid, 1, "60")
    refused("参赛选手", cases.add_entrant, store, clerk, contest.uuid, {"name": "迟到", "id_number": person(9)})
    refused("参赛选手", cases.remove_entrant, store, clerk, c.uuid)
    refused("理论权重（%）", cases.update_contest, store, clerk, contest.uuid,
            {"theory_weight": 20, "practical_weight": 80})
    assert cases.update_contest(store, clerk, contest.uuid, {"venue": "区职工服务中心"}).venue == "区职工服务中心"
    refused("技能竞赛", results.mark_published, store, clerk, contest.uuid, {})
    cases.update_entrant(store, clerk, a.uuid, {"second_reward_note": "单位奖励2000元"})  # not a result
    # another contest of the same year goes on with the office's series
    other = cases.create_contest(store, clerk, {**CONTEST, "name": "家政服务员大赛"})
    d = enter(store, clerk, other, 1)
    results.mark_published(store, clerk, other.uuid, {d.uuid: (1, "一等奖", None)})
    with store.transaction() as session:
        assert session.get(ContestEntry, d.uuid).certificate_no == "110101006-2026-0003"  # type: ignore[union-attr]


def test_publishing_refuses_unknown_entrants_and_awards(store: Store, clerk: Actor, contest: Contest) -> None:
    (a,) = scored(store, clerk, contest, 1)
    refused("参赛选手", results.mark_published, store, clerk, contest.uuid, {"no-such": (1, "一等奖", None)})
    refused("奖项", results.mark_published, store, clerk, contest.uuid, {a.uuid: (1, "特等奖", None)})
    with store.transaction() as session:
        assert session.get(Contest, contest.uuid).published_at is None  # type: ignore[union-attr]


def test_reopening_is_for_admins_with_a_reason_and_corrections_are_audited(
        store: Store, clerk: Actor, admin: Actor, contest: Contest) -> None:
    a, b = scored(store, clerk, contest, 2)
    results.mark_published(store, clerk, contest.uuid, {a.uuid: (1, "一等奖", None), b.uuid: (2, "二等奖", None)})
    with pytest.raises(PermissionDenied):
        results.reopen(store, clerk, contest.uuid, "申诉成立")
    refused("重新开放原因", results.reopen, store, admin, contest.uuid, "  ")
    reopened = results.reopen(store, admin, contest.uuid, "申诉成立：第2号评委误录")
    assert reopened.published_at is None and reopened.reopen_reason == "申诉成立：第2号评委误录"
    (reopening,) = audits(store, "reopen")
    assert reopening["reason"] == "申诉成立：第2号评委误录" and reopening["published_by"] == ["clerk", None]
    refused("技能竞赛", results.reopen, store, admin, contest.uuid, "再次")
    cases.set_judge_score(store, clerk, b.uuid, 2, "95")
    cases.set_theory_score(store, clerk, b.uuid, "88.5")
    changes = audits(store, "set_score")
    corrected = [c for c in changes if "reason" in c]
    assert {"score": [8900, 9500], "reason": "申诉成立：第2号评委误录"} in [
        {k: c[k] for k in ("score", "reason") if k in c} for c in corrected]
    assert any(c.get("theory_score") == [8900, 8850] and c["reason"] == "申诉成立：第2号评委误录"
               for c in corrected)
    # the derived practical and total scores carry it too; scores typed before publishing carry none
    assert any(c.get("practical_score") == [8900, 9100] for c in corrected)
    assert len(corrected) == 3 and len(changes) > 3
    # published again: frozen again, certificate numbers kept
    results.mark_published(store, clerk, contest.uuid, {b.uuid: (1, "一等奖", None), a.uuid: (2, "二等奖", None)})
    with store.transaction() as session:
        numbers = {e.uuid: e.certificate_no for e in session.scalars(select(ContestEntry))}
    assert numbers == {a.uuid: "110101006-2026-0001", b.uuid: "110101006-2026-0002"}
    refused("第2号评委评分", cases.set_judge_score, store, clerk, b.uuid, 2, "96")


def test_a_withdrawn_award_loses_its_number_and_it_is_not_given_again(
        store: Store, clerk: Actor, admin: Actor, contest: Contest) -> None:
    a, b = scored(store, clerk, contest, 2)
    results.mark_published(store, clerk, contest.uuid, {a.uuid: (1, "一等奖", None), b.uuid: (2, "二等奖", None)})
    results.reopen(store, admin, contest.uuid, "资格复核不合格")
    results.mark_published(store, clerk, contest.uuid, {a.uuid: (1, "一等奖", None), b.uuid: (2, None, None)})
    results.reopen(store, admin, contest.uuid, "复核后恢复")
    results.mark_published(store, clerk, contest.uuid, {a.uuid: (1, "一等奖", None), b.uuid: (2, "二等奖", None)})
    with store.transaction() as session:
        assert session.get(ContestEntry, b.uuid).certificate_no == "110101006-2026-0003"  # type: ignore[union-attr]


def test_appeals_are_recorded_and_decided_once(store: Store, clerk: Actor, contest: Contest) -> None:
    (a,) = scored(store, clerk, contest, 1)
    appeal = cases.record_appeal(store, clerk, a.uuid, {"filed_on": "2026-05-12", "filed_by": "选手1",
                                                        "content": "实操第2号评委评分有误"})
    refused("申诉内容", cases.record_appeal, store, clerk, a.uuid, {"filed_on": "2026-05-12", "filed_by": "选手1"})
    refused("申诉日期", cases.record_appeal, store, clerk, a.uuid,
            {"filed_on": (dt.date.today() + dt.timedelta(days=1)).isoformat(), "filed_by": "甲", "content": "乙"})
    refused("处理日期", cases.decide_appeal, store, clerk, appeal.uuid, "维持原成绩", "2026-05-11")
    refused("处理结果", cases.decide_appeal, store, clerk, appeal.uuid, "", "2026-05-13")
    cases.decide_appeal(store, clerk, appeal.uuid, "经复核，维持原成绩", "2026-05-13")
    assert "维持原成绩" in refused("处理结果", cases.decide_appeal, store, clerk, appeal.uuid, "改判",
                                   "2026-05-14").reason
    (listed,) = cases.appeals(store, contest.uuid)
    assert (listed["entry_no"], listed["outcome"], listed["decided_on"]) == (
        "0001", "经复核，维持原成绩", dt.date(2026, 5, 13))
    assert count(store, ContestAppeal) == 1


def test_writing_needs_the_right_and_a_live_record(store: Store, approver: Actor, clerk: Actor,
                                                   contest: Contest) -> None:
    with pytest.raises(PermissionDenied):
        cases.create_contest(store, approver, {**CONTEST, "name": "无权"})
    entry = enter(store, clerk, contest, 1)
    with pytest.raises(PermissionDenied):
        cases.set_theory_score(store, approver, entry.uuid, "80")
    cases.remove_entrant(store, clerk, entry.uuid)
    with pytest.raises(NotFound):
        cases.set_theory_score(store, clerk, entry.uuid, "80")
