"""Member use cases as a clerk meets them: rows saved, fields rejected, history kept, rights checked."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from db import members
from db.auth import Actor
from db.errors import NotFound, PermissionDenied, ValidationError
from db.models import AuditEntry, Member, MemberEvent
from db.store import Store
from db.validation import make_id_number

ZHANG = {"name": "张三", "id_number": "11010519491231002X", "joined_on": "2020-05-01",
         "phone": "138 0013 8000", "employment_form": "快递员", "employer": "顺丰速运有限公司北京分公司"}
LI_ID = make_id_number("110101", dt.date(1990, 3, 7), 123)


def count(store: Store, model: type) -> int:
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_register_saves_member_with_derived_fields_and_join_event(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    with store.transaction() as session:
        saved = members.get(session, member.uuid)
        assert (saved.name, saved.gender, saved.birth_date) == ("张三", "女", dt.date(1949, 12, 31))
        assert saved.phone == "13800138000"
        assert (saved.name_pinyin, saved.name_initials) == ("zhangsan", "zs")
        assert saved.office_code == "110101006" and saved.status == "active"
        assert saved.member_no == "006000001"
        assert (saved.rev, saved.updated_by) == (1, "clerk")
        assert [e.kind for e in members.history(session, member.uuid)] == ["join"]


def test_member_numbers_count_up(store: Store, clerk: Actor) -> None:
    first = members.register(store, clerk, ZHANG)
    second = members.register(store, clerk, {"name": "李四", "id_number": LI_ID,
                                             "joined_on": "2021-01-01"})
    assert (first.member_no, second.member_no) == ("006000001", "006000002")


def test_member_numbers_go_on_from_the_office_sequence_and_keep_its_width(store: Store, clerk: Actor) -> None:
    def register(member_no: str | None, serial: int) -> str:
        fields = {"name": "王五", "id_number": make_id_number("110101", dt.date(1980, 1, 1), serial),
                  "joined_on": "2021-01-01", "member_no": member_no}
        return members.register(store, clerk, fields).member_no

    register("006000009", 1)
    register("006-补录", 2)  # typed by hand: not part of the sequence
    register("1006000500", 3)  # another office's form: not ours
    assert register(None, 4) == "006000010"
    register("0061000000", 5)  # a longer counter is a higher one, whatever the text order says
    assert register(None, 6) == "0061000001"


def test_a_new_member_after_the_demo_continues_its_numbers(store: Store, clerk: Actor) -> None:
    from db.demo import fill_demo

    fill_demo(store, members=30, seed=1)
    with store.transaction() as session:
        demo_numbers = list(session.scalars(select(Member.member_no).order_by(Member.member_no)))
    assert demo_numbers[0] == "006000001" and len(demo_numbers) == 30
    new = members.register(store, clerk, {"name": "李四", "id_number": LI_ID, "joined_on": "2021-01-01"})
    assert new.member_no == "006000031"


@pytest.mark.parametrize(("field", "value", "label", "reason"), [
    ("id_number", "110105194912310021", "身份证号", "校验位错误"),
    ("id_number", "11010519490230002X", "身份证号", "出生日期不存在"),
    ("phone", "12345", "手机号码", ""),
    ("joined_on", "2020-13-01", "入会日期", ""),
    ("employment_form", "宇航员", "就业形态", "不在可选范围内"),
    ("employer_credit_code", "91350100M000100Y44", "统一社会信用代码", "校验位"),
    ("name", "  ", "姓名", "必须填写"),
])
def test_bad_fields_are_rejected_naming_the_field(store: Store, clerk: Actor, field: str, value: str,
                                                   label: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        members.register(store, clerk, {**ZHANG, field: value})
    assert caught.value.field == label
    assert reason in caught.value.reason
    assert count(store, Member) == 0 and count(store, MemberEvent) == 0


def test_gender_typed_against_the_id_number_is_rejected(store: Store, clerk: Actor) -> None:
    with pytest.raises(ValidationError, match="与身份证号不符"):
        members.register(store, clerk, {**ZHANG, "gender": "男"})


def test_joined_before_birth_is_rejected(store: Store, clerk: Actor) -> None:
    with pytest.raises(ValidationError, match="入会日期应晚于出生日期"):
        members.register(store, clerk, {**ZHANG, "joined_on": "1940-01-01"})


def test_duplicate_id_number_points_to_the_existing_member(store: Store, clerk: Actor) -> None:
    existing = members.register(store, clerk, ZHANG)
    with pytest.raises(members.DuplicateMember) as caught:
        members.register(store, clerk, {**ZHANG, "name": "张叁", "id_number": "11010519491231002x"})
    assert caught.value.existing_uuid == existing.uuid
    assert "张三" in caught.value.message and existing.member_no in caught.value.message
    assert count(store, Member) == 1


def test_update_changes_fields_bumps_rev_and_audits_old_and_new(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    updated = members.update(store, clerk, member.uuid, {"name": "曾小贤", "phone": "13912345678"})
    assert (updated.rev, updated.name_initials) == (2, "zxx")
    with store.transaction() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.row_uuid == member.uuid)
                                .order_by(AuditEntry.id.desc())).first()
        assert entry is not None and entry.action == "update" and entry.actor == "clerk"
        changes = json.loads(entry.changes)
        assert changes["name"] == ["张三", "曾小贤"]
        assert changes["phone"] == ["13800138000", "13912345678"]


def test_update_refuses_a_stale_revision(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    members.update(store, clerk, member.uuid, {"remarks": "第一次"})
    with pytest.raises(ValidationError, match="已被他人修改"):
        members.update(store, clerk, member.uuid, {"remarks": "第二次"}, expected_rev=1)


def test_update_to_another_members_id_number_is_a_duplicate(store: Store, clerk: Actor) -> None:
    members.register(store, clerk, ZHANG)
    other = members.register(store, clerk, {"name": "李四", "id_number": LI_ID,
                                            "joined_on": "2021-01-01"})
    with pytest.raises(members.DuplicateMember):
        members.update(store, clerk, other.uuid, {"id_number": "11010519491231002X"})


def test_transfer_out_and_back_in_keeps_the_history(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    members.transfer_out(store, clerk, member.uuid, "2024-03-01", "朝阳区建外街道工会", "换工作")
    with pytest.raises(ValidationError, match="不能转出"):
        members.transfer_out(store, clerk, member.uuid, "2024-03-02", "别处")
    back = members.transfer_in(store, clerk, member.uuid, "2024-06-01", "朝阳区建外街道工会")
    assert back.status == "active" and back.rev == 3
    with store.transaction() as session:
        steps = [(e.kind, e.from_status, e.to_status) for e in members.history(session, member.uuid)]
    assert steps == [("join", None, "active"), ("transfer_out", "active", "transferred_out"),
                     ("transfer_in", "transferred_out", "active")]


def test_leave_restore_and_death(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    assert members.leave(store, clerk, member.uuid, "2024-01-01", "本人申请").status == "left"
    assert members.restore(store, clerk, member.uuid, "2024-01-02", "误操作").status == "active"
    assert members.record_death(store, clerk, member.uuid, "2024-02-01").status == "deceased"
    with pytest.raises(ValidationError):
        members.restore(store, clerk, member.uuid, "2024-02-02")


def test_status_dates_must_follow_joining_and_not_be_in_the_future(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    with pytest.raises(ValidationError, match="不能早于入会日期"):
        members.leave(store, clerk, member.uuid, "2019-01-01")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        members.leave(store, clerk, member.uuid, tomorrow)


def test_honours_are_recorded_and_checked(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    members.add_honour(store, clerk, member.uuid, "劳动模范", 2020, level="市级", issuer="北京市人民政府")
    with pytest.raises(ValidationError, match="荣誉类别"):
        members.add_honour(store, clerk, member.uuid, "好人好事", 2020)
    with store.transaction() as session:
        assert [(h.kind, h.level, h.year) for h in members.honours(session, member.uuid)] == [
            ("劳动模范", "市级", 2020)]


def test_soft_delete_keeps_a_tombstone_and_frees_the_id_number(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    members.soft_delete(store, clerk, member.uuid)
    with store.transaction() as session:
        row = session.get(Member, member.uuid)
        assert row is not None and row.deleted and row.rev == 2
        with pytest.raises(NotFound):
            members.get(session, member.uuid)
    assert count(store, Member) == 1
    again = members.register(store, clerk, {**ZHANG, "member_no": "1006000009"})
    assert again.uuid != member.uuid


def test_every_write_bumps_the_sync_counter(store: Store, clerk: Actor) -> None:
    first = members.register(store, clerk, ZHANG)
    second = members.update(store, clerk, first.uuid, {"remarks": "x"})
    assert second.sync_seq > first.sync_seq


def test_approver_cannot_enter_records_and_nobody_can_write_anonymously(
        store: Store, approver: Actor) -> None:
    with pytest.raises(PermissionDenied, match="录入和修改台账"):
        members.register(store, approver, ZHANG)
    with pytest.raises(PermissionDenied):
        members.register(store, None, ZHANG)  # type: ignore[arg-type]
    assert count(store, Member) == 0


def test_emptied_field_with_a_usual_value_goes_back_to_it(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, {**ZHANG, "ethnicity": "回族"})
    updated = members.update(store, clerk, member.uuid, {"ethnicity": "", "employment_form": None})
    assert (updated.ethnicity, updated.employment_form) == ("汉族", "标准就业")
