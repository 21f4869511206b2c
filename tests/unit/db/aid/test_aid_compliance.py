"""来件核查 (db.aid.compliance): every record that breaks a rule of the hardship section as this database's
settings see it — a clean file yields nothing; each broken rule yields exactly its finding, naming the rule,
the office, the file and the person by masked ID number. The records are made by the use cases and then put
in the state a batch can bring (a step's day, actor or absence; a cap the district keeps and the sender did
not), and through real batches at a district."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import update

from db import users
from db.aid import cases, compliance, payments, students, workflow
from db.aid import settings as aid_settings
from db.auth import APPROVER, CLERK, Actor
from db.models import AidCase, AidCaseStep, AidObjection, AidPayment, AidStudentGrant
from db.store import Store
from db.sync import settle
from tests.conftest import OFFICE_CODE, OFFICE_NAME
from tests.sync_peers import Peer
from tests.unit.db.aid.conftest import START, Today, add_member, open_case, person, walk
from tests.unit.db.aid.test_aid_payments import filed_case, pay
from tests.unit.db.sync import test_aid_one_file as one_file

FILED_ON = START + dt.timedelta(days=7)  # the day filed_case's file is approved (its 公示 began on START)


@pytest.fixture
def case(store: Store, clerk: Actor, clerk2: Actor, approver: Actor, today: Today) -> AidCase:
    """A file in 在档 by the book: filed by clerk, checked by clerk2, 公示 7 days, approved by approver."""
    return filed_case(store, clerk, clerk2, approver, today)


def rules(store: Store, **where: Any) -> list[tuple[str, str, str]]:
    return [(f.record, f.case_no, f.rule) for f in compliance.findings(store, **where)]


def change(store: Store, admin: Actor, model: Any, uuid: str, **values: Any) -> None:
    """Put a record in the state a batch may bring it in (what this office's use cases would refuse)."""
    with store.transaction(admin) as session:
        session.execute(update(model).where(model.uuid == uuid).values(**values))


def step_of(store: Store, case_uuid: str, step: str) -> str:
    with store.transaction() as session:
        found = session.query(AidCaseStep.uuid).filter_by(case_uuid=case_uuid, step=step).one()
        return str(found[0])


def test_a_file_kept_by_the_book_yields_nothing(store: Store, clerk: Actor, approver: Actor, admin: Actor,
                                                case: AidCase, today: Today) -> None:
    aid_settings.set_payment_cap(store, admin, "生活救助", per_payment_fen=100000, per_year_fen=150000)
    aid_settings.set_student_amount(store, admin, "高中", 300000)
    users.create_user(store, admin, "approver", "审核人", "secret-pass-1", frozenset({APPROVER}))
    payments.record_payment(store, clerk, case.uuid, pay("800", on=FILED_ON))
    today.move(40)
    payments.record_payment(store, approver, case.uuid, pay("1200", on=today.day),
                            override_reason="住院")  # above both caps, with a reason
    child = cases.add_household_member(
        store, clerk, case.uuid, {"name": "学生", "relation": "子女", "id_number": person(50, 2008)})
    grant = students.record_student_grant(store, clerk, case.uuid, child.uuid, {"school_level": "高中"})
    students.publicize_student_grants(store, clerk, 2025)
    students.pay_student_grant(store, clerk, grant.uuid, {"paid_on": today.move(7), "method": "转账"})
    # an emergency payment to a file still on its way, with its reason
    other = filed_case(store, clerk, Actor("clerk2", "录入员乙", frozenset({CLERK}), OFFICE_CODE), approver,
                       today, n=2, to="publicized")
    payments.record_payment(store, clerk, other.uuid, pay("300", kind="应急救助", on=today.day, reason="火灾"))
    assert compliance.findings(store) == []


def test_a_payment_above_the_per_payment_cap_without_a_reason(store: Store, clerk: Actor, admin: Actor,
                                                              case: AidCase) -> None:
    paid = payments.record_payment(store, clerk, case.uuid, pay("800", on=FILED_ON))
    aid_settings.set_payment_cap(store, admin, "生活救助", per_payment_fen=50000, per_year_fen=None)
    [found] = compliance.findings(store)
    assert (found.record, found.case_no, found.rule) == ("帮扶记录", case.case_no,
                                                         "超过生活救助单笔限额500.00元，没有超限审批理由")
    assert (found.office, found.office_code, found.record_uuid, found.case_uuid) == (
        OFFICE_NAME, OFFICE_CODE, paid.uuid, case.uuid)
    assert found.title == f"{FILED_ON.isoformat()} 生活救助 800.00元"
    number = person(1)
    assert found.person == f"职工1（{number[:6]}{'*' * 8}{number[-4:]}）" and number not in found.person


def test_a_household_s_year_above_the_yearly_cap_flags_the_payment_that_went_over(
        store: Store, clerk: Actor, admin: Actor, case: AidCase, today: Today) -> None:
    payments.record_payment(store, clerk, case.uuid, pay("300", on=FILED_ON))
    later = payments.record_payment(store, clerk, case.uuid, pay("300", on=today.move(40)))
    payments.record_payment(store, clerk, case.uuid, pay("300", kind="医疗救助", on=FILED_ON))  # another type
    aid_settings.set_payment_cap(store, admin, "生活救助", per_payment_fen=None, per_year_fen=50000)
    [found] = compliance.findings(store)
    assert (found.record_uuid, found.rule) == (
        later.uuid, "超过生活救助每人每年限额500.00元（2025年累计600.00元），没有超限审批理由")
    assert compliance.findings(store, year=2024) == []


def test_a_payment_dated_before_the_file_was_approved(store: Store, clerk: Actor, case: AidCase) -> None:
    paid = payments.record_payment(store, clerk, case.uuid, pay("300", on=START))  # in 公示 that day
    assert rules(store) == [("帮扶记录", case.case_no, f"发放日（{START.isoformat()}）档案为公示，不是在档")]
    assert compliance.findings(store)[0].record_uuid == paid.uuid


def test_a_payment_after_a_closing_dated_back_and_an_emergency_to_a_closed_file(
        store: Store, clerk: Actor, case: AidCase, today: Today) -> None:
    day = FILED_ON + dt.timedelta(days=2)
    today.move(3)
    payments.record_payment(store, clerk, case.uuid, pay("300", on=day))
    payments.record_payment(store, clerk, case.uuid, pay("300", kind="应急救助", on=day, reason="火灾"))
    workflow.take_step(store, clerk, case.uuid, "解困脱困", "已就业", on=day - dt.timedelta(days=1))
    assert rules(store) == [("帮扶记录", case.case_no, f"发放日（{day.isoformat()}）档案为解困脱困，不是在档")] * 2


def test_an_emergency_payment_without_its_reason_to_a_file_not_yet_filed(
        store: Store, clerk: Actor, admin: Actor, clerk2: Actor, approver: Actor, today: Today) -> None:
    case = filed_case(store, clerk, clerk2, approver, today, to="reviewed")
    paid = payments.record_payment(store, clerk, case.uuid, pay("300", kind="应急救助", on=START, reason="火灾"))
    assert compliance.findings(store) == []
    change(store, admin, AidPayment, paid.uuid, reason=None)
    assert rules(store) == [("帮扶记录", case.case_no, f"发放日（{START.isoformat()}）档案为审核，不是在档")]


def test_a_file_in_zaidang_without_an_approval(store: Store, admin: Actor, case: AidCase) -> None:
    change(store, admin, AidCaseStep, step_of(store, case.uuid, "filed"), deleted=True)
    [found] = compliance.findings(store)
    assert (found.record, found.rule, found.record_uuid) == ("档案", "档案为在档或解困脱困，但没有审批环节", case.uuid)
    assert found.title == case.case_no


def test_an_approval_by_the_filer(store: Store, admin: Actor, case: AidCase) -> None:
    step = step_of(store, case.uuid, "filed")
    change(store, admin, AidCaseStep, step, actor="clerk")
    assert rules(store) == [("档案", case.case_no, "建档人（clerk）审批了自己建立的档案")]
    assert compliance.findings(store)[0].record_uuid == step


def test_an_approval_by_the_home_checker(store: Store, admin: Actor, case: AidCase) -> None:
    change(store, admin, AidCaseStep, step_of(store, case.uuid, "filed"), actor="clerk2")
    assert rules(store) == [("档案", case.case_no, "入户核查人（clerk2）审批了自己核查的档案")]


def test_an_approval_before_the_publicity_ended_by_the_district_s_days(store: Store, admin: Actor,
                                                                       case: AidCase) -> None:
    assert compliance.findings(store) == []
    aid_settings.save(store, admin, publicity_days=10)  # the district's 公示 lasts longer than the sender's
    first = START + dt.timedelta(days=10)
    assert rules(store) == [("档案", case.case_no, f"公示10天未满即审批（公示自{START.isoformat()}，"
                                                  f"{FILED_ON.isoformat()}审批，{first.isoformat()}起才能审批）")]


def test_an_approval_without_a_publicity(store: Store, admin: Actor, case: AidCase) -> None:
    change(store, admin, AidCaseStep, step_of(store, case.uuid, "publicized"), deleted=True)
    assert rules(store) == [("档案", case.case_no, f"{FILED_ON.isoformat()}审批前没有公示")]


def test_an_approval_while_an_objection_was_undecided(store: Store, admin: Actor, case: AidCase) -> None:
    """The sender's use case waits for the objection; a batch may bring the approval and the objection as
    the sender had them."""
    with store.transaction(admin) as session:
        objection = AidObjection(office_code=case.office_code, case_uuid=case.uuid, recorded_by="clerk",
                                 raised_on=START + dt.timedelta(days=2), content="家中有营业店铺")
        session.add(objection)
    flagged = [("档案", case.case_no, f"{FILED_ON.isoformat()}审批时有1条公示异议尚未处理")]
    assert rules(store) == flagged
    change(store, admin, AidObjection, objection.uuid, outcome="dismissed", outcome_reason="店铺已转让",
           decided_on=FILED_ON + dt.timedelta(days=1))  # decided, but after the approval
    assert rules(store) == flagged
    change(store, admin, AidObjection, objection.uuid, decided_on=START + dt.timedelta(days=3))
    assert rules(store) == []
    change(store, admin, AidObjection, objection.uuid, outcome=None, decided_on=None,
           raised_on=FILED_ON + dt.timedelta(days=1))  # raised after the approval: not the approval's
    assert rules(store) == []


def test_an_approval_by_a_user_recorded_without_the_approver_role(store: Store, admin: Actor,
                                                                  case: AidCase) -> None:
    users.create_user(store, admin, "approver", "审核人", "secret-pass-1", frozenset({CLERK}))
    assert rules(store) == [("档案", case.case_no, "审批人（approver）没有审核人角色")]


def test_a_grant_paid_before_its_publicity_ended(store: Store, clerk: Actor, admin: Actor, case: AidCase,
                                                 today: Today) -> None:
    aid_settings.set_student_amount(store, admin, "高中", 300000)
    member = cases.add_household_member(
        store, clerk, case.uuid, {"name": "学生", "relation": "子女", "id_number": person(50, 2008)})
    grant = students.record_student_grant(store, clerk, case.uuid, member.uuid, {"school_level": "高中"})
    begun = today.day
    students.publicize_student_grants(store, clerk, 2025)
    students.pay_student_grant(store, clerk, grant.uuid, {"paid_on": today.move(7), "method": "转账"})
    assert compliance.findings(store) == []
    change(store, admin, AidStudentGrant, grant.uuid, paid_on=begun + dt.timedelta(days=3))
    [found] = compliance.findings(store)
    number = person(50, 2008)
    assert (found.record, found.case_no, found.record_uuid, found.case_uuid) == ("金秋助学", case.case_no,
                                                                                 grant.uuid, case.uuid)
    assert found.rule == (f"金秋助学公示7天未满即发放（公示自{begun.isoformat()}，"
                          f"{(begun + dt.timedelta(days=7)).isoformat()}起才能发放）")
    assert found.person == f"学生（{number[:6]}{'*' * 8}{number[-4:]}）"
    change(store, admin, AidStudentGrant, grant.uuid, publicized_on=None)
    assert [f.rule for f in compliance.findings(store)] == ["金秋助学未经公示即发放"]


def test_the_office_and_year_narrow_the_findings(store: Store, clerk: Actor, admin: Actor, case: AidCase) -> None:
    change(store, admin, AidCaseStep, step_of(store, case.uuid, "filed"), actor="clerk")
    assert len(compliance.findings(store, office_code=OFFICE_CODE, year=2025)) == 1
    assert compliance.findings(store, office_code="110101007") == []
    assert compliance.findings(store, year=2026) == []


# --- through real batches at a district --------------------------------------------------------------------

def test_records_arriving_at_a_district_are_judged_by_its_own_settings(sub: Peer, other: Peer, district: Peer,
                                                                       today: Today) -> None:
    checker = Actor("clerk2", "录入员乙", frozenset({CLERK}), sub.code)
    approver = Actor("approver", "审核人", frozenset({APPROVER}), sub.code)
    # 东四 pays 800 元 under its own caps (none); the district caps 生活救助 at 500 元 a payment
    case = open_case(sub.store, sub.clerk, add_member(sub.store, sub.clerk, 1))
    walk(sub.store, case.uuid, "filed", clerk=sub.clerk, checker=checker, approver=approver, today=today)
    paid = payments.record_payment(sub.store, sub.clerk, case.uuid, pay("800", on=FILED_ON))
    # a second file arrives 在档 without its approval step (an older program's export)
    second = open_case(sub.store, sub.clerk, add_member(sub.store, sub.clerk, 2))
    walk(sub.store, second.uuid, "filed", clerk=sub.clerk, checker=checker, approver=approver, today=today)
    rows = sub.rows()
    rows["aid_case_steps"] = [r for r in rows["aid_case_steps"]
                              if not (r["case_uuid"] == second.uuid and r["step"] == "filed")]
    aid_settings.set_payment_cap(district.store, district.admin, "生活救助", per_payment_fen=50000, per_year_fen=None)
    district.import_(sub.send(district, 1, rows)[0])
    assert compliance.findings(sub.store) == []  # at home the rules held
    found = compliance.findings(district.store)
    assert [(f.office, f.case_no, f.rule, f.record_uuid) for f in found] == [
        (sub.name, case.case_no, "超过生活救助单笔限额500.00元，没有超限审批理由", paid.uuid),
        (sub.name, second.case_no, "档案为在档或解困脱困，但没有审批环节", second.uuid)]


def test_an_unsettled_one_file_conflict_at_the_district(sub: Peer, other: Peer, district: Peer) -> None:
    mine, twin = one_file.moved(sub, other)
    one_file.import_both(sub, other, district)
    [found] = compliance.findings(district.store)
    number = one_file.person(1)["id_number"]
    assert (found.office, found.record, found.case_no, found.case_uuid) == (sub.name, "一人多档", mine.case_no,
                                                                            twin.uuid)
    assert found.rule == f"一人多档未处理：另有未关闭的档案 {twin.case_no}，请在同步冲突中处理"
    assert found.person.startswith("王秀兰（") and number not in found.person
    assert compliance.findings(district.store, office_code=other.code) == []
    settle.settle(district.store, district.admin, one_file.the_conflict(district).uuid, "keep_both")
    assert compliance.findings(district.store) == []
