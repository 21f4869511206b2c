"""Taking back a saved change (撤销): field edits, status steps, deletion and honours, each audited as undo."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db import members
from db.auth import Actor
from db.errors import NotFound, PermissionDenied, ValidationError
from db.models import AuditEntry, Honour, Member, MemberEvent
from db.store import Store
from db.validation import make_id_number

ZHANG = {"name": "张三", "id_number": "11010519491231002X", "joined_on": "2020-05-01",
         "phone": "13800138000", "employer": "顺丰速运有限公司北京分公司"}
LI_ID = make_id_number("110101", dt.date(1990, 3, 7), 123)


def last_audit_action(store: Store, row_uuid: str) -> str:
    with store.transaction() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.row_uuid == row_uuid)
                                .order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        return entry.action


def stored(store: Store, uuid: str) -> Member:
    with store.transaction() as session:
        member = session.get(Member, uuid)
        assert member is not None
        return member


def test_undo_update_puts_the_old_values_back_as_a_new_revision(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    changed = members.update(store, clerk, member.uuid, {"name": "曾小贤", "phone": "13912345678"})
    undone = members.undo_update(store, clerk, member.uuid, {"name": "张三", "phone": "13800138000"},
                                 expected_rev=changed.rev)
    assert (undone.name, undone.phone, undone.name_initials, undone.rev) == ("张三", "13800138000", "zs", 3)
    assert last_audit_action(store, member.uuid) == "undo"


def test_undo_update_refuses_when_the_member_changed_since(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    changed = members.update(store, clerk, member.uuid, {"remarks": "第一次"})
    members.update(store, clerk, member.uuid, {"remarks": "别人改的"})
    with pytest.raises(ValidationError, match="又被修改过"):
        members.undo_update(store, clerk, member.uuid, {"remarks": None}, expected_rev=changed.rev)
    assert stored(store, member.uuid).remarks == "别人改的"


def test_undo_update_of_an_id_number_derives_birth_date_and_gender_again(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    members.update(store, clerk, member.uuid, {"id_number": LI_ID})
    undone = members.undo_update(store, clerk, member.uuid, {"id_number": ZHANG["id_number"]})
    assert (undone.birth_date, undone.gender) == (dt.date(1949, 12, 31), "女")


def test_undo_status_change_marks_the_step_deleted_and_restores_the_status(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    out = members.transfer_out(store, clerk, member.uuid, "2024-03-01", "朝阳区建外街道工会")
    back = members.undo_status_change(store, clerk, member.uuid, expected_rev=out.rev)
    assert back.status == "active" and back.rev == out.rev + 1
    with store.transaction() as session:
        assert [e.kind for e in members.history(session, member.uuid)] == ["join"]
        undone = session.scalars(select(MemberEvent).where(MemberEvent.kind == "transfer_out")).one()
        assert undone.deleted
    assert last_audit_action(store, member.uuid) == "undo"


def test_undo_status_change_takes_the_last_recorded_step_even_if_dated_earlier(
        store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    members.leave(store, clerk, member.uuid, "2024-06-01", "本人申请")
    members.restore(store, clerk, member.uuid, "2024-01-01", "误操作")  # dated before the leave
    assert members.undo_status_change(store, clerk, member.uuid).status == "left"
    assert members.undo_status_change(store, clerk, member.uuid).status == "active"


def test_undo_status_change_refuses_a_step_that_is_not_the_latest(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    members.transfer_out(store, clerk, member.uuid, "2024-03-01", "朝阳区建外街道工会")
    with store.transaction() as session:
        first_step = members.history(session, member.uuid)[-1].uuid
    members.transfer_in(store, clerk, member.uuid, "2024-06-01", "朝阳区建外街道工会")
    with pytest.raises(ValidationError, match="只能撤销最近一次"):
        members.undo_status_change(store, clerk, member.uuid, event_uuid=first_step)
    assert stored(store, member.uuid).status == "active"


def test_undo_status_change_refuses_joining_and_a_member_changed_since(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    with pytest.raises(ValidationError, match="没有可以撤销的状态变化"):
        members.undo_status_change(store, clerk, member.uuid)
    out = members.leave(store, clerk, member.uuid, "2024-03-01")
    members.update(store, clerk, member.uuid, {"remarks": "之后的修改"})
    with pytest.raises(ValidationError, match="又被修改过"):
        members.undo_status_change(store, clerk, member.uuid, expected_rev=out.rev)


def test_undelete_brings_the_member_back(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    members.soft_delete(store, clerk, member.uuid)
    back = members.undelete(store, clerk, member.uuid)
    assert not back.deleted and back.rev == 3
    with store.transaction() as session:
        assert members.get(session, member.uuid).name == "张三"
    assert last_audit_action(store, member.uuid) == "undo"


def test_undelete_refuses_when_the_id_number_is_now_someone_elses(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    members.soft_delete(store, clerk, member.uuid)
    again = members.register(store, clerk, {**ZHANG, "name": "张叁"})
    with pytest.raises(members.DuplicateMember) as caught:
        members.undelete(store, clerk, member.uuid)
    assert caught.value.existing_uuid == again.uuid
    assert stored(store, member.uuid).deleted


def test_undelete_of_a_member_not_deleted_or_unknown_is_refused(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    with pytest.raises(ValidationError, match="没有被删除"):
        members.undelete(store, clerk, member.uuid)
    with pytest.raises(NotFound):
        members.undelete(store, clerk, "no-such-uuid")


def test_undo_add_honour_marks_it_deleted(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    honour = members.add_honour(store, clerk, member.uuid, "工匠", 2023, level="区级", title="东城工匠")
    members.undo_add_honour(store, clerk, honour.uuid)
    with store.transaction() as session:
        assert members.honours(session, member.uuid) == []
        row = session.get(Honour, honour.uuid)
        assert row is not None and row.deleted
    assert last_audit_action(store, honour.uuid) == "undo"
    with pytest.raises(NotFound):
        members.undo_add_honour(store, clerk, honour.uuid)


def test_details_and_the_duplicate_check(store: Store, clerk: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    members.add_honour(store, clerk, member.uuid, "技术能手", 2022)
    found = members.details(store, member.uuid)
    assert found.member.name == "张三"
    assert [e.kind for e in found.events] == ["join"] and [h.kind for h in found.honours] == ["技术能手"]
    members.check_id_number_free(store, ZHANG["id_number"], except_uuid=member.uuid)
    members.check_id_number_free(store, LI_ID)
    with pytest.raises(members.DuplicateMember):
        members.check_id_number_free(store, ZHANG["id_number"])


def test_undo_needs_the_right_to_write(store: Store, clerk: Actor, approver: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    members.leave(store, clerk, member.uuid, "2024-03-01")
    members.soft_delete(store, clerk, member.uuid)
    for attempt in (lambda: members.undelete(store, approver, member.uuid),
                    lambda: members.undo_status_change(store, approver, member.uuid),
                    lambda: members.undo_update(store, approver, member.uuid, {"remarks": "x"})):
        with pytest.raises(PermissionDenied):
            attempt()
    assert stored(store, member.uuid).deleted
