"""The workflow of a hardship file as the office lives it: a clerk files, another checks at home, the 公示 runs
its days, an approver who neither filed nor checked approves; an objection blocks until settled; closing keeps
its reason and starts the retention period. Every illegal step, and every step by the wrong person, is refused
naming the rule and writes nothing; the tab's tooltips say the same."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy import event, update

from db.aid import cases, workflow
from db.aid import settings as aid_settings
from db.aid.rules import STATUSES, TRANSITIONS
from db.auth import APPROVER, CLERK, Actor
from db.errors import PermissionDenied, ValidationError
from db.models import AidCase
from db.store import Store
from tests.conftest import OFFICE_CODE
from tests.unit.db.aid.conftest import START, Today, add_member, open_case, refused, signed_papers, walk

ILLEGAL = [(a, b) for a, b in itertools.product(STATUSES, STATUSES) if (a, b) not in TRANSITIONS]


@pytest.fixture
def case(store: Store, clerk: Actor, today: Today) -> AidCase:
    return open_case(store, clerk, add_member(store, clerk, 1))


def to_status(store: Store, admin: Actor, case_uuid: str, status: str) -> None:
    """Put a file in ``status`` directly (the table of illegal steps starts from every status)."""
    with store.transaction(admin) as session:
        session.execute(update(AidCase).where(AidCase.uuid == case_uuid).values(
            status=status, publicized_on=START if status == "publicized" else None))


def everyone(clerk: Actor, clerk2: Actor, approver: Actor, admin: Actor) -> list[Actor]:
    return [clerk, clerk2, approver, admin, Actor("both", "两个角色", frozenset({CLERK, APPROVER}), OFFICE_CODE)]


@pytest.mark.parametrize(("status", "step"), ILLEGAL, ids=[f"{a}->{b}" for a, b in ILLEGAL])
def test_every_illegal_step_is_refused_and_writes_nothing(store: Store, clerk: Actor, clerk2: Actor,
                                                          approver: Actor, admin: Actor, case: AidCase,
                                                          status: str, step: str) -> None:
    signed_papers(store, clerk, case.uuid)
    to_status(store, admin, case.uuid, status)
    for actor in everyone(clerk, clerk2, approver, admin):
        refused(store, ValidationError, "当前为", workflow.take_step, store, actor, case.uuid, step, "意见",
                field="档案状态")
        assert step not in [c.step for c in workflow.available_steps(store, actor, case.uuid)]


def test_the_whole_way_from_application_to_the_archive(store: Store, clerk: Actor, clerk2: Actor,
                                                      approver: Actor, case: AidCase, today: Today) -> None:
    signed_papers(store, clerk, case.uuid)
    workflow.take_step(store, clerk2, case.uuid, "入户核查", "入户核查，家庭情况属实")
    workflow.take_step(store, approver, case.uuid, "审核", "审核通过，同意公示")  # a 审核人 may review
    today.move(1)
    workflow.take_step(store, clerk, case.uuid, "公示", "在社区公示7天")
    today.move(7)
    filed = workflow.take_step(store, approver, case.uuid, "审批", "同意建档")
    assert (filed.status, filed.publicized_on, filed.next_review_on) == (
        "filed", START + dt.timedelta(days=1), START + dt.timedelta(days=8) + dt.timedelta(days=365))
    steps = cases.case_details(store, case.uuid)["steps"]
    assert [(s["step"], s["actor"], s["on_date"]) for s in steps] == [
        ("applied", "clerk", START), ("verified", "clerk2", START), ("reviewed", "approver", START),
        ("publicized", "clerk", START + dt.timedelta(days=1)), ("filed", "approver", START + dt.timedelta(days=8))]
    assert steps[-1]["note"] == "同意建档"


def test_only_an_approver_approves(store: Store, clerk: Actor, clerk2: Actor, approver: Actor, admin: Actor,
                                   case: AidCase, today: Today) -> None:
    walk(store, case.uuid, "publicized", clerk=clerk, checker=clerk2, approver=approver, today=today)
    today.move(7)
    for actor in (clerk2, admin):  # neither filed nor checked, but may not approve
        refused(store, PermissionDenied, "“审批帮扶档案和帮扶记录”的权限，不能审批", workflow.take_step,
                store, actor, case.uuid, "filed", "同意")
        refused(store, PermissionDenied, "不能审核", workflow.take_step,
                store, actor, case.uuid, "reviewed", "不同意")
    assert workflow.take_step(store, approver, case.uuid, "filed", "同意").status == "filed"


@pytest.mark.parametrize("step", ["verified", "publicized", "relieved", "cancelled"])
def test_an_approver_does_not_take_a_clerks_step(store: Store, clerk: Actor, clerk2: Actor, approver: Actor,
                                                 case: AidCase, today: Today, step: str) -> None:
    before = {"verified": "applied", "publicized": "reviewed", "relieved": "filed", "cancelled": "filed"}[step]
    walk(store, case.uuid, before, clerk=clerk, checker=clerk2, approver=approver, today=today)
    refused(store, PermissionDenied, "录入和修改台账", workflow.take_step, store, approver, case.uuid, step, "意见")


def test_who_filed_or_checked_a_file_cannot_approve_it(store: Store, clerk: Actor, approver: Actor,
                                                       case: AidCase, today: Today) -> None:
    both = Actor("both", "两个角色", frozenset({CLERK, APPROVER}), OFFICE_CODE)
    # filed by one who may also approve
    own = open_case(store, both, add_member(store, clerk, 2))
    walk(store, own.uuid, "publicized", clerk=both, checker=clerk, approver=approver, today=today)
    # checked at home by one who may also approve
    walk(store, case.uuid, "publicized", clerk=clerk, checker=both, approver=approver, today=today)
    today.move(7)
    refused(store, PermissionDenied, "建档人不能审批", workflow.take_step, store, both, own.uuid, "审批", "同意")
    refused(store, PermissionDenied, "入户核查人不能审批", workflow.take_step, store, both, case.uuid, "审批", "同意")
    assert [c.case_no for c in workflow.approval_queue(store, both)] == []
    assert [c.case_no for c in workflow.approval_queue(store, approver)] == [case.case_no, own.case_no]
    assert workflow.take_step(store, approver, own.uuid, "审批", "同意").status == "filed"


@pytest.mark.parametrize("days", [7, 10])
def test_approval_waits_for_the_publicity_period(store: Store, clerk: Actor, clerk2: Actor, approver: Actor,
                                                 admin: Actor, case: AidCase, today: Today, days: int) -> None:
    if days != 7:
        aid_settings.save(store, admin, publicity_days=days)
    walk(store, case.uuid, "publicized", clerk=clerk, checker=clerk2, approver=approver, today=today)
    first = START + dt.timedelta(days=days)
    today.move(days - 1)  # day N-1 after its start: still in 公示
    error = refused(store, ValidationError, f"{first.isoformat()}起才能审批", workflow.take_step, store, approver,
                    case.uuid, "审批", "同意", field="审批")
    assert f"公示{days}天" in str(error)
    assert workflow.approval_queue(store, approver) == []
    [approve] = [c for c in workflow.available_steps(store, approver, case.uuid) if c.step == "filed"]
    assert not approve.allowed and f"{first.isoformat()}起才能审批" in approve.why_not
    today.move(1)  # day N: the period has passed
    [queued] = workflow.approval_queue(store, approver)
    assert (queued.case_no, queued.member_name, queued.approvable_from) == (case.case_no, "职工1", first)
    assert workflow.take_step(store, approver, case.uuid, "审批", "同意").status == "filed"


def test_an_approval_is_not_dated_back_into_the_publicity(store: Store, clerk: Actor, clerk2: Actor,
                                                          approver: Actor, case: AidCase, today: Today) -> None:
    walk(store, case.uuid, "publicized", clerk=clerk, checker=clerk2, approver=approver, today=today)
    today.move(20)
    refused(store, ValidationError, "才能审批", workflow.take_step, store, approver, case.uuid, "审批", "同意",
            on=START + dt.timedelta(days=6))
    refused(store, ValidationError, "不能晚于今天", workflow.take_step, store, approver, case.uuid, "审批", "同意",
            on=today.day + dt.timedelta(days=1), field="办理日期")
    refused(store, ValidationError, "请填写审批意见", workflow.take_step, store, approver, case.uuid, "审批", " ",
            field="意见")
    assert workflow.take_step(store, approver, case.uuid, "审批", "同意", on=START + dt.timedelta(days=7)).status \
        == "filed"


def test_a_step_is_not_dated_before_the_one_before(store: Store, clerk: Actor, clerk2: Actor, approver: Actor,
                                                   case: AidCase, today: Today) -> None:
    signed_papers(store, clerk, case.uuid)
    today.move(5)
    workflow.take_step(store, clerk2, case.uuid, "入户核查", "属实")
    refused(store, ValidationError, "不能早于上一环节（入户核查", workflow.take_step, store, clerk, case.uuid,
            "审核", "同意", on=START + dt.timedelta(days=4), field="办理日期")


def test_the_home_visit_waits_for_the_signed_papers(store: Store, clerk: Actor, clerk2: Actor,
                                                   case: AidCase, today: Today) -> None:
    refused(store, ValidationError, "请先登记已收到申请书、家庭经济状况核对授权委托书", workflow.take_step, store,
            clerk2, case.uuid, "入户核查", "属实", field="入户核查")
    cases.receive_document(store, clerk, case.uuid, "申请书", START)
    [visit] = [c for c in workflow.available_steps(store, clerk2, case.uuid) if c.step == "verified"]
    assert not visit.allowed
    assert visit.why_not == "入户核查：请先登记已收到家庭经济状况核对授权委托书（入户核查时由申请人签字）"
    cases.receive_document(store, clerk, case.uuid, "家庭经济状况核对授权委托书", START)
    assert workflow.take_step(store, clerk2, case.uuid, "入户核查", "属实").status == "verified"


def test_an_objection_blocks_approval_until_dismissed(store: Store, clerk: Actor, clerk2: Actor,
                                                      approver: Actor, case: AidCase, today: Today) -> None:
    walk(store, case.uuid, "publicized", clerk=clerk, checker=clerk2, approver=approver, today=today)
    today.move(2)
    objection = workflow.record_objection(store, clerk, case.uuid, "邻居反映其家中另有商铺出租收入")
    today.move(5)
    refused(store, ValidationError, "有1条异议尚未处理", workflow.take_step, store, approver, case.uuid, "审批",
            "同意", field="审批")
    assert workflow.approval_queue(store, approver) == []
    refused(store, ValidationError, "请填写处理意见", workflow.resolve_objection, store, clerk, objection.uuid,
            "dismissed", "")
    refused(store, PermissionDenied, "录入和修改台账", workflow.resolve_objection, store,
            Actor("nobody", "无角色", frozenset(), OFFICE_CODE), objection.uuid, "dismissed", "经核实无商铺")
    settled = workflow.resolve_objection(store, approver, objection.uuid, "异议不成立", "经核实商铺已于去年转让")
    assert (settled.outcome, settled.decided_by, settled.decided_on) == ("dismissed", "approver", today.day)
    refused(store, ValidationError, "该异议已于", workflow.resolve_objection, store, clerk, objection.uuid,
            "upheld", "再议")
    # the 公示 runs on from its first day: approval as soon as its 7 days have passed
    assert workflow.take_step(store, approver, case.uuid, "审批", "同意").status == "filed"


def test_an_upheld_objection_sends_the_file_back_to_review_and_a_new_publicity(
        store: Store, clerk: Actor, clerk2: Actor, approver: Actor, case: AidCase, today: Today) -> None:
    walk(store, case.uuid, "publicized", clerk=clerk, checker=clerk2, approver=approver, today=today)
    today.move(3)
    objection = workflow.record_objection(store, clerk, case.uuid, "家庭人口填报有误")
    workflow.resolve_objection(store, clerk, objection.uuid, "upheld", "核实后家庭人口为2人")
    details = cases.case_details(store, case.uuid)
    assert (details["case"]["status"], details["case"]["publicized_on"]) == ("reviewed", None)
    assert details["steps"][-1]["note"] == "公示异议成立，退回审核：核实后家庭人口为2人"
    refused(store, ValidationError, "不在公示中", workflow.record_objection, store, clerk, case.uuid, "又一条")
    workflow.take_step(store, clerk, case.uuid, "公示", "更正后重新公示")
    today.move(6)
    refused(store, ValidationError, "才能审批", workflow.take_step, store, approver, case.uuid, "审批", "同意")
    today.move(1)
    assert workflow.take_step(store, approver, case.uuid, "审批", "同意").status == "filed"


def test_an_objection_only_during_publicity_and_not_dated_before_it(store: Store, clerk: Actor, clerk2: Actor,
                                                                    approver: Actor, case: AidCase,
                                                                    today: Today) -> None:
    refused(store, ValidationError, "不在公示中", workflow.record_objection, store, clerk, case.uuid, "异议",
            field="公示异议")
    walk(store, case.uuid, "publicized", clerk=clerk, checker=clerk2, approver=approver, today=today)
    refused(store, ValidationError, "不能早于公示开始日期", workflow.record_objection, store, clerk, case.uuid,
            "异议", on=START - dt.timedelta(days=1))
    refused(store, PermissionDenied, "录入和修改台账", workflow.record_objection, store, approver, case.uuid, "异议")
    refused(store, ValidationError, "必须填写", workflow.record_objection, store, clerk, case.uuid, "  ")


def test_an_approver_may_send_a_file_back_instead(store: Store, clerk: Actor, clerk2: Actor, approver: Actor,
                                                  case: AidCase, today: Today) -> None:
    walk(store, case.uuid, "publicized", clerk=clerk, checker=clerk2, approver=approver, today=today)
    labels = {c.step: c.label for c in workflow.available_steps(store, approver, case.uuid)}
    assert labels == {"filed": "审批", "reviewed": "退回审核", "cancelled": "注销"}
    back = workflow.take_step(store, approver, case.uuid, "reviewed", "收入证明不全，请补充")
    assert (back.status, back.publicized_on) == ("reviewed", None)


def test_closing_keeps_its_reason_and_starts_the_retention_period(store: Store, clerk: Actor, clerk2: Actor,
                                                                  approver: Actor, admin: Actor, case: AidCase,
                                                                  today: Today) -> None:
    walk(store, case.uuid, "filed", clerk=clerk, checker=clerk2, approver=approver, today=today)
    assert workflow.anonymise_from(store, case.uuid) is None  # still open
    today.move(400)
    refused(store, ValidationError, "请填写撤档原因", workflow.take_step, store, clerk, case.uuid, "解困脱困", "")
    refused(store, ValidationError, "最多60个字", workflow.take_step, store, clerk, case.uuid, "注销", "迁" * 61,
            field="撤档原因")
    closed = workflow.take_step(store, clerk, case.uuid, "解困脱困", "再就业，家庭人均收入已高于困难标准")
    assert (closed.status, closed.closed_on, closed.closed_reason, closed.next_review_on) == (
        "relieved", today.day, "再就业，家庭人均收入已高于困难标准", None)
    ten_years = today.day.replace(year=today.day.year + 10)
    assert workflow.anonymise_from(store, case.uuid) == ten_years
    assert cases.case_details(store, case.uuid)["case"]["may_anonymise_from"] == ten_years
    aid_settings.save(store, admin, retention_years=15)
    assert workflow.anonymise_from(store, case.uuid) == today.day.replace(year=today.day.year + 15)
    assert workflow.available_steps(store, clerk, case.uuid) == []


def test_available_steps_say_who_may_and_why_not(store: Store, clerk: Actor, clerk2: Actor, approver: Actor,
                                                 case: AidCase, today: Today) -> None:
    signed_papers(store, clerk, case.uuid)
    for_approver = {c.step: c for c in workflow.available_steps(store, approver, case.uuid)}
    assert set(for_approver) == {"verified", "cancelled"}
    assert not for_approver["verified"].allowed
    assert for_approver["verified"].why_not == "用户“审核人”没有“录入和修改台账”的权限，不能入户核查"
    assert all(c.allowed and c.why_not == "" for c in workflow.available_steps(store, clerk, case.uuid))
    walk(store, case.uuid, "publicized", clerk=clerk, checker=clerk2, approver=approver, today=today)
    today.move(7)
    by_checker = {c.step: c for c in workflow.available_steps(store, clerk2, case.uuid)}
    assert by_checker["filed"].why_not.startswith("用户“录入员乙”没有“审批帮扶档案和帮扶记录”的权限")
    assert by_checker["cancelled"].allowed
    assert {c.step: c.allowed for c in workflow.available_steps(store, approver, case.uuid)} == {
        "filed": True, "reviewed": True, "cancelled": False}


def test_the_queue_is_the_approvers_own_office_and_empty_for_a_clerk(store: Store, clerk: Actor, clerk2: Actor,
                                                                     approver: Actor, case: AidCase,
                                                                     today: Today) -> None:
    walk(store, case.uuid, "publicized", clerk=clerk, checker=clerk2, approver=approver, today=today)
    today.move(7)
    assert workflow.approval_queue(store, clerk) == []
    elsewhere = Actor("approver2", "外单位审核人", frozenset({APPROVER}), "110101007")
    assert workflow.approval_queue(store, elsewhere) == []
    assert [q.case_uuid for q in workflow.approval_queue(store, approver)] == [case.uuid]


def _queue_queries(store: Store, actor: Actor) -> tuple[list[str], int]:
    """The queue's files and how many statements reading it ran."""
    ran: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        ran.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        queue = [q.case_no for q in workflow.approval_queue(store, actor)]
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    return queue, len(ran)


def test_a_long_queue_is_read_in_a_fixed_number_of_queries_and_says_what_each_refusal_says(
        store: Store, clerk: Actor, clerk2: Actor, approver: Actor, today: Today) -> None:
    both = Actor("both", "两个角色", frozenset({CLERK, APPROVER}), OFFICE_CODE)
    files = [open_case(store, clerk, add_member(store, clerk, n)) for n in range(1, 13)]
    for n, case in enumerate(files):
        # every third checked at home by ``both``, who may also approve; the others by the second clerk
        walk(store, case.uuid, "publicized", clerk=clerk, checker=both if n % 3 == 0 else clerk2,
             approver=approver, today=today)
    today.move(7)
    for case in files[1:12:4]:  # an open objection on three of them; one more raised and dismissed
        workflow.record_objection(store, clerk, case.uuid, "邻居反映有营业收入")
    settled = workflow.record_objection(store, clerk, files[2].uuid, "反映有车辆")
    workflow.resolve_objection(store, approver, settled.uuid, "dismissed", "车辆已报废")
    with store.transaction() as session:  # the rule's one home, file by file
        settings = aid_settings.read_in(session)
        expected = {actor.username: [c.case_no for c in sorted(
            (session.get(AidCase, f.uuid) for f in files), key=lambda c: (c.publicized_on, c.case_no))
            if c is not None and workflow.refusal(session, actor, c, "filed", today.day, settings) is None]
            for actor in (approver, both)}
    assert expected["approver"] and expected["both"] and expected["both"] != expected["approver"]
    queue, queries = _queue_queries(store, approver)
    assert queue == expected["approver"] and len(queue) == 9
    queue, _ = _queue_queries(store, both)
    assert queue == expected["both"] and len(queue) == 6
    # twelve files cost what one does
    for case in files[1:]:
        workflow.take_step(store, clerk, case.uuid, "注销", "迁出本街道")
    single, fewer = _queue_queries(store, approver)
    assert single == [files[0].case_no] and fewer == queries
