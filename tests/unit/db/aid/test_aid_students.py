"""金秋助学 as an office runs it: a household's student of a file in 在档, the amount of the school level, one
grant a student a year, a student aided elsewhere excluded, the year's list through its 公示 before anyone is
paid; paying records a 助学救助 payment on the file. Every refusal names its rule and writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from db.aid import cases, payments, students
from db.aid import settings as aid_settings
from db.auth import Actor
from db.errors import PermissionDenied, ValidationError
from db.models import AidCase, AidHouseholdMember
from db.store import Store
from tests.unit.db.aid.conftest import Today, add_member, person
from tests.unit.db.aid.test_aid_payments import NOBODY, filed_case, refused


@pytest.fixture
def case(store: Store, clerk: Actor, clerk2: Actor, approver: Actor, admin: Actor, today: Today) -> AidCase:
    """A file in 在档, with the office's amounts for university and high school set."""
    aid_settings.set_student_amount(store, admin, "大学本科", 500000)
    aid_settings.set_student_amount(store, admin, "高中", 300000)
    return filed_case(store, clerk, clerk2, approver, today)


def member_of(store: Store, clerk: Actor, case: AidCase, n: int, relation: str = "子女") -> AidHouseholdMember:
    return cases.add_household_member(store, clerk, case.uuid, {"name": f"学生{n}", "relation": relation,
                                                                "id_number": person(n, 2006)})


@pytest.fixture
def child(store: Store, clerk: Actor, case: AidCase) -> AidHouseholdMember:
    return member_of(store, clerk, case, 50)


def test_only_an_administrator_sets_the_amounts_by_level(store: Store, clerk: Actor, approver: Actor,
                                                         admin: Actor) -> None:
    for actor in (clerk, approver):
        refused(store, PermissionDenied, "修改系统设置", aid_settings.set_student_amount, store, actor, "高中", 100)
    refused(store, ValidationError, "不在可选范围内", aid_settings.set_student_amount, store, admin, "幼儿园", 100)
    assert aid_settings.set_student_amount(store, admin, "中职", 200000).student_amounts == {"中职": 200000}
    assert aid_settings.set_student_amount(store, admin, "中职", None).student_amounts == {}


def test_a_clerk_records_a_grant_at_the_level_s_amount_others_may_not(store: Store, clerk: Actor, approver: Actor,
                                                                     case: AidCase,
                                                                     child: AidHouseholdMember) -> None:
    for actor in (approver, NOBODY):
        refused(store, PermissionDenied, "录入和修改台账", students.record_student_grant, store, actor, case.uuid,
                child.uuid, {"school_level": "大学本科"})
    grant = students.record_student_grant(store, clerk, case.uuid, child.uuid,
                                          {"school_level": "大学本科", "school": "北京大学"})
    assert (grant.amount_fen, grant.year, grant.publicized_on, grant.paid_on) == (500000, 2025, None, None)


def test_who_may_have_a_grant(store: Store, clerk: Actor, clerk2: Actor, approver: Actor, today: Today,
                              case: AidCase, child: AidHouseholdMember) -> None:
    spouse = member_of(store, clerk, case, 51, "配偶")
    refused(store, ValidationError, ("关系为配偶", "子女"), students.record_student_grant, store, clerk, case.uuid,
            spouse.uuid, {"school_level": "大学本科"}, field="金秋助学")
    other = filed_case(store, clerk, clerk2, approver, today, n=2)
    refused(store, ValidationError, "不是档案", students.record_student_grant, store, clerk, other.uuid,
            child.uuid, {"school_level": "大学本科"})
    applied = cases.create_case(store, clerk, {"member_uuid": add_member(store, clerk, 3), "category": "相对困难",
                                               "main_cause": "子女上学"})
    pupil = member_of(store, clerk, applied, 52)
    refused(store, ValidationError, "当前为申请", students.record_student_grant, store, clerk, applied.uuid,
            pupil.uuid, {"school_level": "大学本科"})
    refused(store, ValidationError, "尚未设置中职", students.record_student_grant, store, clerk, case.uuid,
            child.uuid, {"school_level": "中职"}, field="就读阶段")
    refused(store, ValidationError, "不在", students.record_student_grant, store, clerk, case.uuid,
            child.uuid, {"school_level": "幼儿园"}, field="就读阶段")
    refused(store, ValidationError, "必须填写", students.record_student_grant, store, clerk, case.uuid,
            child.uuid, {}, field="就读阶段")


def test_a_student_aided_elsewhere_is_refused(store: Store, clerk: Actor, case: AidCase,
                                              child: AidHouseholdMember) -> None:
    refused(store, ValidationError, "已获其他助学资助", students.record_student_grant, store, clerk, case.uuid,
            child.uuid, {"school_level": "大学本科", "aided_elsewhere": "是", "elsewhere_note": "希望工程"},
            field="已获其他资助")


def test_one_grant_per_student_per_year(store: Store, clerk: Actor, case: AidCase,
                                        child: AidHouseholdMember) -> None:
    first = students.record_student_grant(store, clerk, case.uuid, child.uuid, {"school_level": "高中"})
    refused(store, ValidationError, ("2025年已有金秋助学", "每名学生每年资助一次"), students.record_student_grant,
            store, clerk, case.uuid, child.uuid, {"school_level": "大学本科"})
    students.record_student_grant(store, clerk, case.uuid, child.uuid, {"school_level": "大学本科", "year": 2024})
    students.delete_student_grant(store, clerk, first.uuid)  # taken back: the year is free again
    students.record_student_grant(store, clerk, case.uuid, child.uuid, {"school_level": "大学本科"})


def test_a_grant_is_paid_only_after_the_year_s_list_has_been_publicized(store: Store, clerk: Actor,
                                                                        approver: Actor, case: AidCase,
                                                                        child: AidHouseholdMember,
                                                                        today: Today) -> None:
    grant = students.record_student_grant(store, clerk, case.uuid, child.uuid, {"school_level": "大学本科"})
    how = {"paid_on": today.day, "method": "转账", "voucher_no": "JQ-1"}
    refused(store, ValidationError, "尚未公示", students.pay_student_grant, store, clerk, grant.uuid, how)
    refused(store, PermissionDenied, "录入和修改台账", students.publicize_student_grants, store, approver, 2025)
    start = today.day
    assert [g.uuid for g in students.publicize_student_grants(store, clerk, 2025)] == [grant.uuid]
    refused(store, ValidationError, "没有待公示", students.publicize_student_grants, store, clerk, 2025)
    last = today.move(6)
    refused(store, ValidationError, (f"公示7天（{start.isoformat()}至{last.isoformat()}）", "起才能发放"),
            students.pay_student_grant, store, clerk, grant.uuid, how | {"paid_on": last})
    refused(store, PermissionDenied, "录入和修改台账", students.pay_student_grant, store, approver, grant.uuid,
            how | {"paid_on": today.move(1)})
    paid = students.pay_student_grant(store, clerk, grant.uuid, how | {"paid_on": today.day})
    assert (paid.kind, paid.amount_fen, paid.case_uuid, paid.voucher_no) == ("助学救助", 500000, case.uuid, "JQ-1")
    assert "金秋助学：学生50（大学本科）" in (paid.remarks or "")
    refused(store, ValidationError, "已于", students.pay_student_grant, store, clerk, grant.uuid,
            how | {"voucher_no": "JQ-2"})
    refused(store, ValidationError, "已于", students.update_student_grant, store, clerk, grant.uuid,
            {"school": "清华大学"})
    totals = {t.kind: t for t in payments.year_totals(store, 2025)}
    assert (totals["助学救助"].count, totals["助学救助"].fen) == (1, 500000)
    row = students.student_grants(store, 2025)[0]
    assert (row["student_name"], row["paid_on"], row["may_pay_from"]) == ("学生50", today.day,
                                                                          start + dt.timedelta(days=7))
    # its payment keeps type and amount, and goes with the grant only
    refused(store, ValidationError, "金秋助学发放", payments.update_payment, store, clerk, paid.uuid,
            {"amount_fen": "1"})
    refused(store, ValidationError, "金秋助学中撤销", payments.delete_payment, store, clerk, paid.uuid)
    students.delete_student_grant(store, clerk, grant.uuid)
    assert payments.year_totals(store, 2025)[2].count == 0


def test_a_grant_found_aided_elsewhere_is_kept_but_neither_publicized_nor_paid(store: Store, clerk: Actor,
                                                                             case: AidCase,
                                                                             child: AidHouseholdMember,
                                                                             today: Today) -> None:
    grant = students.record_student_grant(store, clerk, case.uuid, child.uuid, {"school_level": "高中"})
    students.publicize_student_grants(store, clerk, 2025)
    changed = students.update_student_grant(store, clerk, grant.uuid,
                                            {"aided_elsewhere": "是", "elsewhere_note": "希望工程"})
    assert changed.aided_elsewhere is True
    today.move(7)
    refused(store, ValidationError, "已获其他助学资助", students.pay_student_grant, store, clerk, grant.uuid,
            {"paid_on": today.day, "method": "现金"}, field="已获其他资助")


def test_a_level_changed_after_the_publicity_needs_a_new_one(store: Store, clerk: Actor, case: AidCase,
                                                            child: AidHouseholdMember, today: Today) -> None:
    grant = students.record_student_grant(store, clerk, case.uuid, child.uuid, {"school_level": "高中"})
    students.publicize_student_grants(store, clerk, 2025)
    changed = students.update_student_grant(store, clerk, grant.uuid, {"school_level": "大学本科"})
    assert (changed.amount_fen, changed.publicized_on) == (500000, None)
    today.move(7)
    refused(store, ValidationError, "尚未公示", students.pay_student_grant, store, clerk, grant.uuid,
            {"paid_on": today.day, "method": "现金"})


def test_a_voucher_number_of_a_grant_is_one_of_the_office_s(store: Store, clerk: Actor, case: AidCase,
                                                            child: AidHouseholdMember, today: Today) -> None:
    payments.record_payment(store, clerk, case.uuid, {"kind": "生活救助", "amount_fen": "100",
                                                      "paid_on": today.day, "method": "现金", "voucher_no": "V1"})
    grant = students.record_student_grant(store, clerk, case.uuid, child.uuid, {"school_level": "高中"})
    students.publicize_student_grants(store, clerk, 2025)
    today.move(7)
    refused(store, ValidationError, "凭证号 V1 已用于", students.pay_student_grant, store, clerk, grant.uuid,
            {"paid_on": today.day, "method": "现金", "voucher_no": "V1"}, field="凭证号")


def test_a_grant_taken_back_is_put_back_as_it_was_with_its_payment(store: Store, clerk: Actor, approver: Actor,
                                                                   case: AidCase, child: AidHouseholdMember,
                                                                   today: Today) -> None:
    grant = students.record_student_grant(store, clerk, case.uuid, child.uuid, {"school_level": "高中"})
    students.publicize_student_grants(store, clerk, 2025)
    today.move(7)
    paid = students.pay_student_grant(store, clerk, grant.uuid, {"paid_on": today.day, "method": "现金",
                                                                 "voucher_no": "JQ-9"})
    refused(store, ValidationError, "未被撤销", students.restore_student_grant, store, clerk, grant.uuid)
    students.delete_student_grant(store, clerk, grant.uuid)
    for actor in (approver, NOBODY):
        refused(store, PermissionDenied, "录入和修改台账", students.restore_student_grant, store, actor, grant.uuid)
    back = students.restore_student_grant(store, clerk, grant.uuid)
    assert (back.deleted, back.paid_on, back.payment_uuid) == (False, today.day, paid.uuid)
    assert students.student_grants(store, 2025)[0]["publicized_on"] is not None
    totals = {t.kind: t for t in payments.year_totals(store, 2025)}
    assert (totals["助学救助"].count, totals["助学救助"].fen) == (1, 300000)


def test_a_grant_is_not_put_back_over_what_happened_since(store: Store, clerk: Actor, case: AidCase,
                                                          child: AidHouseholdMember, today: Today) -> None:
    grant = students.record_student_grant(store, clerk, case.uuid, child.uuid, {"school_level": "高中"})
    students.publicize_student_grants(store, clerk, 2025)
    today.move(7)
    students.pay_student_grant(store, clerk, grant.uuid, {"paid_on": today.day, "method": "现金",
                                                          "voucher_no": "JQ-9"})
    students.delete_student_grant(store, clerk, grant.uuid)
    again = students.record_student_grant(store, clerk, case.uuid, child.uuid, {"school_level": "大学本科"})
    refused(store, ValidationError, "每名学生每年资助一次", students.restore_student_grant, store, clerk, grant.uuid)
    students.delete_student_grant(store, clerk, again.uuid)
    payments.record_payment(store, clerk, case.uuid, {"kind": "生活救助", "amount_fen": "100",
                                                      "paid_on": today.day, "method": "现金", "voucher_no": "JQ-9"})
    refused(store, ValidationError, "凭证号 JQ-9 已用于", students.restore_student_grant, store, clerk, grant.uuid)
