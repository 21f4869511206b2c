"""Hardship files as a clerk opens them: numbered in order, for a member of the office, one household one
file both ways round (a pointer to the existing file), household members by their ID numbers (age and gender
from them), the category suggested from the 低保 line, and the documents checklist. Every refusal names its
rule and writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from db.aid import cases, workflow
from db.aid import settings as aid_settings
from db.auth import Actor
from db.errors import PermissionDenied, ValidationError
from db.models import AidCase
from db.store import Store
from db.validation import mask_id_number
from tests.unit.db.aid.conftest import FILE, START, Today, add_member, open_case, person, refused, walk


def test_a_clerk_opens_a_file_numbered_in_order_with_its_first_step(store: Store, clerk: Actor,
                                                                    today: Today) -> None:
    first = open_case(store, clerk, add_member(store, clerk, 1))
    second = cases.create_case(store, clerk, {"member_id_number": person(2), **FILE}) \
        if add_member(store, clerk, 2) else None
    assert second is not None
    assert (first.case_no, second.case_no) == ("KN0062025" + "0001", "KN0062025" + "0002")
    assert (first.status, first.filed_by) == ("applied", "clerk")
    details = cases.case_details(store, first.uuid)
    assert details["case"]["member_name"] == "职工1"
    assert details["case"]["per_capita_fen"] == 3_600_000 // 36 == 100_000  # 36,000 元 a year, 3 people
    assert [(s["step"], s["actor"], s["on_date"], s["note"]) for s in details["steps"]] == [
        ("applied", "clerk", START, "提出申请")]
    given = open_case(store, clerk, add_member(store, clerk, 3), case_no="KN0062025" + "0009")
    assert given.case_no.endswith("0009")
    assert open_case(store, clerk, add_member(store, clerk, 4)).case_no.endswith("0010")  # after the highest


@pytest.mark.parametrize("who", ["approver"])
def test_only_a_clerk_or_admin_opens_or_changes_a_file(store: Store, clerk: Actor, admin: Actor, who: str,
                                                       request: pytest.FixtureRequest, today: Today) -> None:
    member = add_member(store, clerk, 1)
    actor: Actor = request.getfixturevalue(who)
    refused(store, PermissionDenied, "录入和修改台账", cases.create_case, store, actor,
            {"member_uuid": member, **FILE})
    case = open_case(store, admin, member)  # an administrator may
    refused(store, PermissionDenied, "录入和修改台账", cases.update_case, store, actor, case.uuid, {"address": "x"})
    refused(store, PermissionDenied, "录入和修改台账", cases.add_household_member, store, actor, case.uuid,
            {"name": "王芳", "relation": "配偶"})
    refused(store, PermissionDenied, "录入和修改台账", cases.receive_document, store, actor, case.uuid,
            "申请书", START)


def test_a_file_needs_a_member_of_the_office_a_category_and_a_cause(store: Store, clerk: Actor,
                                                                   today: Today) -> None:
    member = add_member(store, clerk, 1)
    refused(store, ValidationError, "不是本单位的会员", cases.create_case, store, clerk,
            {"member_id_number": person(5), **FILE}, field="身份证号")
    refused(store, ValidationError, "必须填写", cases.create_case, store, clerk,
            {"member_uuid": member, **FILE, "category": None}, field="困难类别")
    refused(store, ValidationError, "必须填写", cases.create_case, store, clerk,
            {"member_uuid": member, **FILE, "main_cause": ""}, field="主要致困原因")
    refused(store, ValidationError, "不能与主要致困原因相同", cases.create_case, store, clerk,
            {"member_uuid": member, **FILE, "minor_causes": "患重特大疾病"}, field="次要致困原因")
    refused(store, ValidationError, "最多3项", cases.create_case, store, clerk,
            {"member_uuid": member, **FILE, "minor_causes": "子女上学、下岗失业、其他、无劳动能力"},
            field="次要致困原因")
    refused(store, ValidationError, "不能晚于今天", cases.create_case, store, clerk,
            {"member_uuid": member, **FILE}, on=START + dt.timedelta(days=1), field="申请日期")
    case = open_case(store, clerk, member, minor_causes="子女上学、下岗失业、其他")
    refused(store, ValidationError, "请在流程中办理", cases.update_case, store, clerk, case.uuid,
            {"status": "filed"}, field="状态")
    refused(store, ValidationError, "已被使用", open_case, store, clerk, add_member(store, clerk, 2),
            case_no=case.case_no, field="档案编号")


def test_one_person_one_open_file(store: Store, clerk: Actor, clerk2: Actor, approver: Actor,
                                  today: Today) -> None:
    member = add_member(store, clerk, 1)
    case = open_case(store, clerk, member)
    error = refused(store, ValidationError, f"已有未撤档的困难职工档案 {case.case_no}（东四街道工会）",
                    open_case, store, clerk, member, field="身份证号")
    assert mask_id_number(person(1)) in str(error) and person(1) not in str(error)  # the number is masked
    refused(store, ValidationError, case.case_no, cases.create_case, store, clerk,
            {"member_id_number": person(1), **FILE})
    # once the file is closed the person may be filed again (a new hardship years later)
    walk(store, case.uuid, "relieved", clerk=clerk, checker=clerk2, approver=approver, today=today)
    assert open_case(store, clerk, member).status == "applied"


def test_a_household_member_of_an_open_file_cannot_have_a_file_and_the_reverse(
        store: Store, clerk: Actor, today: Today) -> None:
    wife_no = person(2)
    husband = open_case(store, clerk, add_member(store, clerk, 1))
    cases.add_household_member(store, clerk, husband.uuid, {"name": "职工2", "relation": "配偶",
                                                            "id_number": wife_no})
    wife = add_member(store, clerk, 2)
    refused(store, ValidationError, f"已是困难职工档案 {husband.case_no}（东四街道工会） 的家庭成员",
            open_case, store, clerk, wife, field="身份证号")
    # the reverse: someone with an open file is not added to another household …
    other = open_case(store, clerk, add_member(store, clerk, 3))
    refused(store, ValidationError, f"已有未撤档的困难职工档案 {husband.case_no}", cases.add_household_member,
            store, clerk, other.uuid, {"name": "职工1", "relation": "兄弟姐妹", "id_number": person(1)},
            field="身份证号")
    # … nor is someone listed in another open household, nor given in a new file's household
    refused(store, ValidationError, f"已是困难职工档案 {husband.case_no}（东四街道工会） 的家庭成员",
            cases.add_household_member, store, clerk, other.uuid,
            {"name": "职工2", "relation": "兄弟姐妹", "id_number": wife_no}, field="身份证号")
    refused(store, ValidationError, husband.case_no, cases.create_case, store, clerk,
            {"member_uuid": add_member(store, clerk, 4), **FILE},
            [{"name": "职工2", "relation": "配偶", "id_number": wife_no}])


def test_household_members_are_one_person_each_with_age_and_gender_from_the_id(
        store: Store, clerk: Actor, today: Today) -> None:
    member = add_member(store, clerk, 1)
    child_no = person(8, year=2010)  # born 2010-01-09, a girl
    case = cases.create_case(store, clerk, {"member_uuid": member, **FILE}, [
        {"name": "职工女儿", "relation": "子女", "id_number": child_no, "employer_or_school": "东四小学"}])
    [row] = cases.case_details(store, case.uuid)["household"]
    assert (row["gender"], row["birth_date"], row["age"]) == ("女", dt.date(2010, 1, 9), 15)
    refused(store, ValidationError, "已登记为本档案的家庭成员（职工女儿）", cases.add_household_member, store, clerk,
            case.uuid, {"name": "另一人", "relation": "子女", "id_number": child_no}, field="身份证号")
    refused(store, ValidationError, "是本档案的困难职工本人", cases.add_household_member, store, clerk,
            case.uuid, {"name": "职工1", "relation": "其他", "id_number": person(1)}, field="身份证号")
    refused(store, ValidationError, "校验位错误", cases.add_household_member, store, clerk, case.uuid,
            {"name": "王芳", "relation": "配偶", "id_number": person(3)[:-1] + ("0" if person(3)[-1] != "0" else "1")},
            field="身份证号")
    refused(store, ValidationError, "与身份证号不符", cases.add_household_member, store, clerk, case.uuid,
            {"name": "王芳", "relation": "配偶", "id_number": person(2), "gender": "男"}, field="性别")
    refused(store, ValidationError, "必须填写", cases.add_household_member, store, clerk, case.uuid,
            {"name": "王芳"}, field="关系")
    # a household member without an ID number (not yet issued) is kept by name
    baby = cases.add_household_member(store, clerk, case.uuid, {"name": "小宝", "relation": "子女"})
    assert baby.birth_date is None
    changed = cases.update_household_member(store, clerk, baby.uuid, {"id_number": person(9, year=2024)})
    assert (changed.gender, changed.birth_date) == ("男", dt.date(2024, 1, 10))
    cases.remove_household_member(store, clerk, changed.uuid)
    assert len(cases.case_details(store, case.uuid)["household"]) == 1


def test_a_closed_file_is_not_changed(store: Store, clerk: Actor, clerk2: Actor, approver: Actor,
                                      today: Today) -> None:
    case = cases.create_case(store, clerk, {"member_uuid": add_member(store, clerk, 1), **FILE},
                             [{"name": "王芳", "relation": "配偶", "id_number": person(2)}])
    walk(store, case.uuid, "cancelled", clerk=clerk, checker=clerk2, approver=approver, today=today)
    [row] = cases.case_details(store, case.uuid)["household"]
    refused(store, ValidationError, "已撤档", cases.update_case, store, clerk, case.uuid, {"address": "新地址"})
    refused(store, ValidationError, "已撤档", cases.add_household_member, store, clerk, case.uuid,
            {"name": "小宝", "relation": "子女"})
    refused(store, ValidationError, "已撤档", cases.remove_household_member, store, clerk, row["uuid"])
    # and its household may now be filed on their own
    assert open_case(store, clerk, add_member(store, clerk, 2)).status == "applied"


def test_the_category_is_suggested_from_the_dibao_line_of_the_year(store: Store, clerk: Actor, admin: Actor,
                                                                   today: Today) -> None:
    assert cases.suggestion(store, 3_600_000, 3) == cases.Suggestion(100_000, None, None)  # no line yet
    aid_settings.set_dibao_line(store, admin, 2024, 100_000)
    aid_settings.set_dibao_line(store, admin, 2025, 110_000)
    assert cases.suggestion(store, 3_600_000, 3).category == "深度困难"  # 1000.00 < 1100.00 (2025)
    assert cases.suggestion(store, 3_600_000, 3, year=2024).category == "相对困难"  # 1000.00 = the 2024 line
    assert cases.suggestion(store, 12 * 3 * 219_999, 3).category == "相对困难"
    assert cases.suggestion(store, 12 * 3 * 220_000, 3).category is None
    assert cases.suggestion(store, 3_600_000, 3, year=2023).dibao_line_fen is None
    assert cases.suggestion(store, 3_600_000, 3, year=2030).dibao_line_fen == 110_000  # the latest holds
    case = open_case(store, clerk, add_member(store, clerk, 1))
    assert case.category == "相对困难"  # a person chose; the suggestion does not overwrite it
    assert cases.case_details(store, case.uuid)["suggestion"].category == "深度困难"


def test_the_documents_checklist_in_three_parts(store: Store, clerk: Actor, today: Today) -> None:
    case = open_case(store, clerk, add_member(store, clerk, 1))
    listed = cases.documents(store, case.uuid)
    assert {row.part_label for row in listed} == {"原始档案", "财务档案", "日常工作档案"}
    assert [row.name for row in listed[:2]] == ["申请书", "家庭经济状况核对授权委托书"]
    assert all(row.received_on is None and row.standard for row in listed)
    cases.receive_document(store, clerk, case.uuid, "诊断证明", "2025-03-01")
    cases.receive_document(store, clerk, case.uuid, "低保证复印件", START, part="原始档案")
    again = cases.receive_document(store, clerk, case.uuid, "诊断证明", "2025-03-02")  # the date corrected
    rows = {row.name: row for row in cases.documents(store, case.uuid)}
    assert rows["诊断证明"].received_on == dt.date(2025, 3, 2) and rows["诊断证明"].part == "original"
    assert rows["低保证复印件"].part == "original" and not rows["低保证复印件"].standard
    refused(store, ValidationError, "请选择归入哪一类档案", cases.receive_document, store, clerk, case.uuid,
            "其他证明", START, field="档案类别")
    refused(store, ValidationError, "属于财务档案", cases.receive_document, store, clerk, case.uuid,
            "银行转账凭证", START, part="原始档案", field="档案类别")
    refused(store, ValidationError, "不能晚于今天", cases.receive_document, store, clerk, case.uuid,
            "申请书", dt.date.today() + dt.timedelta(days=1), field="收到日期")
    cases.remove_document(store, clerk, again.uuid)
    assert {row.name: row for row in cases.documents(store, case.uuid)}["诊断证明"].received_on is None


def test_update_changes_fields_and_rechecks_the_member(store: Store, clerk: Actor, today: Today) -> None:
    first = open_case(store, clerk, add_member(store, clerk, 1))
    second = open_case(store, clerk, add_member(store, clerk, 2))
    updated = cases.update_case(store, clerk, first.uuid, {"address": "东四北大街1号", "household_size": 4},
                                expected_rev=first.rev)
    assert (updated.address, updated.monthly_income_per_capita_fen) == ("东四北大街1号", 75_000)
    refused(store, ValidationError, "已被他人修改", cases.update_case, store, clerk, first.uuid,
            {"address": "x"}, expected_rev=first.rev)
    refused(store, ValidationError, second.case_no, cases.update_case, store, clerk, first.uuid,
            {"member_uuid": second.member_uuid}, field="身份证号")
    refused(store, ValidationError, "必须填写", cases.update_case, store, clerk, first.uuid,
            {"category": ""}, field="困难类别")
    with store.transaction() as session:
        assert session.get(AidCase, first.uuid).address == "东四北大街1号"  # type: ignore[union-attr]


def test_workflow_module_reads_the_same_today(store: Store, clerk: Actor, today: Today) -> None:
    assert workflow.today() == START
    today.move(3)
    assert cases.today() == workflow.today() == START + dt.timedelta(days=3)
