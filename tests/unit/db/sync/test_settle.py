"""Settling conflicts: what each choice writes in the district, and what the return batch does at home."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from sqlalchemy import select, update

from db import members
from db.auth import Actor
from db.errors import PermissionDenied, ValidationError
from db.models import AuditEntry, Member, MemberEvent, SyncConflict
from db.sync import settle
from db.sync.merge_rows import table_of
from tests.conftest import OFFICE_CODE
from tests.sync_peers import OTHER, Peer
from tests.unit.db.sync.test_merge import count, member_row, person


def conflicts(peer: Peer, status: str | None = None) -> list[SyncConflict]:
    with peer.store.transaction() as session:
        query = select(SyncConflict).order_by(SyncConflict.table_name)
        return list(session.scalars(query if status is None else query.where(SyncConflict.status == status)))


def same_person(sub: Peer, other: Peer, district: Peer) -> tuple[Any, Any, str]:
    """王秀英 active in both sub-districts; the district holds other's and keeps sub's aside."""
    mine = members.register(sub.store, sub.clerk, person(1, phone="13800138000"))
    twin = members.register(other.store, other.clerk, person(1, name="王秀英", phone="13900139000"))
    district.import_(other.send(district, 1, other.rows())[0], sub.send(district, 1, sub.rows())[0])
    (open_,) = [c for c in conflicts(district) if c.kind == "same_person"]
    return mine, twin, open_.uuid


def back_home(district: Peer, to: Peer, seq: int = 1) -> None:
    """The district's return batch: every row it holds of ``to``'s office (what export-batch sends it)."""
    rows = {name: [r for r in table if r["office_code"] == to.code] for name, table in district.rows().items()}
    to.import_(district.send(to, seq, rows)[0])


def test_keep_local_transfers_the_incoming_member_out_and_the_return_batch_tells_its_office(
        sub: Peer, other: Peer, district: Peer) -> None:
    mine, twin, uuid = same_person(sub, other, district)
    detail = settle.conflict_detail(district.store, district.admin, uuid)
    assert detail.choices == ("keep_local", "keep_incoming", "keep_both", "merge")
    assert "东华门街道工会也有在会记录" in detail.explanation
    message = settle.settle(district.store, district.admin, uuid, "keep_local")
    assert "东四街道工会的“王秀兰”记为转出" in message
    moved = member_row(district, mine.uuid)
    assert (moved["status"], moved["rev"], moved["office_code"]) == ("transferred_out", 2, OFFICE_CODE)
    assert member_row(district, twin.uuid)["status"] == "active"
    # the join event kept aside with the member went in with it; the transfer is in the history
    with district.store.transaction() as session:
        kinds = sorted(e.kind for e in session.scalars(select(MemberEvent).where(MemberEvent.member_uuid == mine.uuid)))
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "settle_conflict",
                                                         AuditEntry.table_name == "sync_conflicts")).one()
    assert kinds == ["join", "transfer_out"]
    assert json.loads(audit.changes)["choice"] == "keep_local"
    assert [c.status for c in conflicts(district)] == ["settled", "settled"]
    back_home(district, sub)
    home = member_row(sub, mine.uuid)
    assert (home["status"], home["rev"]) == ("transferred_out", 2)
    assert count(sub.store, MemberEvent, MemberEvent.member_uuid == mine.uuid) == 2


def test_keep_incoming_transfers_the_stored_member_out(sub: Peer, other: Peer, district: Peer) -> None:
    mine, twin, uuid = same_person(sub, other, district)
    settle.settle(district.store, district.admin, uuid, "keep_incoming")
    assert member_row(district, mine.uuid)["status"] == "active"
    gone = member_row(district, twin.uuid)
    assert (gone["status"], gone["rev"]) == ("transferred_out", 2)
    back_home(district, other)
    assert member_row(other, twin.uuid)["status"] == "transferred_out"


def test_merge_takes_the_picked_fields_into_the_kept_member(sub: Peer, other: Peer, district: Peer) -> None:
    mine, twin, uuid = same_person(sub, other, district)
    detail = settle.conflict_detail(district.store, district.admin, uuid)
    phone = next(f for f in detail.fields if f.key == "phone")
    assert (phone.local, phone.incoming, phone.differs, phone.pickable) == ("13900139000", "13800138000", True, True)
    assert not next(f for f in detail.fields if f.key == "member_no").pickable
    assert not {"name_pinyin", "name_initials"} & {f.key for f in detail.fields}  # derived: never shown
    assert next(f for f in detail.fields if f.key == "office_code").local == "东华门街道工会（110101001）"
    assert detail.local_owner == "东华门街道工会"
    settle.settle(district.store, district.admin, uuid, "merge", {"phone": "incoming", "name": "incoming"})
    kept = member_row(district, twin.uuid)
    assert (kept["phone"], kept["name"], kept["rev"], kept["status"]) == ("13800138000", "王秀兰", 2, "active")
    assert (kept["name_pinyin"], kept["name_initials"]) == ("wangxiulan", "wxl")  # search follows the name
    assert member_row(district, mine.uuid)["status"] == "transferred_out"
    with pytest.raises(ValidationError):
        settle.settle(district.store, district.admin, uuid, "keep_local")  # settled already


def test_a_merge_may_not_take_the_bookkeeping_columns(sub: Peer, other: Peer, district: Peer) -> None:
    _, twin, uuid = same_person(sub, other, district)
    for picks in ({"office_code": "incoming"}, {"rev": "incoming"}, {"status": "incoming"}, {"nope": "incoming"},
                  {"name_pinyin": "incoming"}, {"phone": "theirs"}):
        with pytest.raises(ValidationError):
            settle.settle(district.store, district.admin, uuid, "merge", picks)
    assert member_row(district, twin.uuid)["rev"] == 1
    assert [c.status for c in conflicts(district)] == ["open", "open"]


def test_keep_both_leaves_both_active(sub: Peer, other: Peer, district: Peer) -> None:
    mine, twin, uuid = same_person(sub, other, district)
    settle.settle(district.store, district.admin, uuid, "keep_both")
    assert {member_row(district, u)["status"] for u in (mine.uuid, twin.uuid)} == {"active"}
    with district.store.transaction() as session:
        assert json.loads(session.get(SyncConflict, uuid).resolution)["choice"] == "keep_both"


def test_a_clerk_sees_masked_numbers_and_a_reader_may_not_settle(sub: Peer, other: Peer, district: Peer) -> None:
    _, _, uuid = same_person(sub, other, district)
    detail = settle.conflict_detail(district.store, district.clerk, uuid)
    id_row = next(f for f in detail.fields if f.key == "id_number")
    assert "*" in id_row.local and "*" in id_row.incoming
    # the birth date would give the masked digits back: its year only, on both sides
    birth = next(f for f in detail.fields if f.key == "birth_date")
    assert re.fullmatch(r"\d{4}-\*\*-\*\*", birth.local) and birth.incoming == birth.local
    shown = settle.conflict_detail(district.store, district.admin, uuid)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", next(f for f in shown.fields if f.key == "birth_date").local)
    assert detail.local_title.startswith("本单位现有：属于东华门街道工会，第1版")
    reader = Actor("reader", "只读", frozenset(), district.code)
    with pytest.raises(PermissionDenied):
        settle.settle(district.store, reader, uuid, "keep_local")
    with pytest.raises(ValidationError, match="不能选择"):
        settle.settle(district.store, district.admin, uuid, "retry")


def test_open_conflicts_lists_what_waits(sub: Peer, other: Peer, district: Peer) -> None:
    mine, _, _ = same_person(sub, other, district)
    with district.store.transaction() as session:
        listed = settle.open_conflicts(session)
        only_other = settle.open_conflicts(session, sender=OTHER)
    assert [(c.table, c.kind_label) for c in listed] == [("member_events", "缺少所属的上级记录"),
                                                         ("members", "同一人在两个单位在会")]
    assert listed[1].title == "王秀兰" and listed[1].row_uuid == mine.uuid
    assert (listed[1].sender_name, listed[1].batch_seq) == ("东四街道工会", 1)
    assert only_other == []


def test_a_child_row_waits_for_its_parent_and_may_be_given_up(sub: Peer, other: Peer, district: Peer) -> None:
    same_person(sub, other, district)
    (child,) = [c for c in conflicts(district) if c.kind == "missing_parent"]
    detail = settle.conflict_detail(district.store, district.admin, child.uuid)
    assert detail.choices == ("retry", "discard") and "会员记录尚未收到" in detail.explanation
    with pytest.raises(ValidationError, match="仍未收到"):
        settle.settle(district.store, district.admin, child.uuid, "retry")
    settle.settle(district.store, district.admin, child.uuid, "discard")
    assert [c.status for c in conflicts(district)] == ["settled", "open"]


def test_a_foreign_edit_kept_local_wins_the_next_round(sub: Peer, district: Peer) -> None:
    own = members.register(district.store, district.clerk, person(7))
    theirs = member_row(district, own.uuid) | {"rev": 5, "name": "改名"}
    district.import_(sub.send(district, 1, {"members": [theirs]})[0])
    (conflict,) = conflicts(district)
    detail = settle.conflict_detail(district.store, district.admin, conflict.uuid)
    assert detail.choices == ("keep_local", "keep_incoming", "merge")
    name = next(f for f in detail.fields if f.key == "name")
    assert (name.local, name.incoming, name.differs) == (person(7)["name"], "改名", True)
    settle.settle(district.store, district.admin, conflict.uuid, "keep_local")
    kept = member_row(district, own.uuid)
    assert (kept["name"], kept["rev"], kept["updated_by"]) == (person(7)["name"], 6, "admin")


def test_a_foreign_edit_taken_is_written_above_both_versions(sub: Peer, district: Peer) -> None:
    own = members.register(district.store, district.clerk, person(7))
    theirs = member_row(district, own.uuid) | {"rev": 5, "name": "改名"}
    district.import_(sub.send(district, 1, {"members": [theirs]})[0])
    (conflict,) = conflicts(district)
    settle.settle(district.store, district.admin, conflict.uuid, "keep_incoming")
    taken = member_row(district, own.uuid)
    assert (taken["name"], taken["rev"]) == ("改名", 6)
    with district.store.transaction() as session:  # the trigram index follows the ORM write
        hits = session.execute(select(Member.uuid).where(Member.name == "改名")).scalars().all()
    assert hits == [own.uuid]


def test_both_sides_editing_one_version_is_settled_field_by_field(sub: Peer, district: Peer) -> None:
    zhang = members.register(sub.store, sub.clerk, person(1))
    first, sha = sub.send(district, 1, sub.rows())
    district.import_(first)
    with district.store.engine.begin() as conn:  # the district corrects the phone of version 1 …
        conn.execute(update(table_of(Member)).where(Member.uuid == zhang.uuid)
                     .values(rev=2, phone="13700137000", updated_by="district-admin"))
    members.update(sub.store, sub.clerk, zhang.uuid, {"employer": "京东物流东城站"})  # … the office its employer
    district.import_(sub.send(district, 2, {"members": sub.rows()["members"]}, prev=sha)[0])
    found = [c for c in conflicts(district, "open") if c.kind == "same_rev"]
    assert len(found) == 1
    settle.settle(district.store, district.admin, found[0].uuid, "merge", {"employer": "incoming"})
    merged = member_row(district, zhang.uuid)
    assert (merged["phone"], merged["employer"], merged["rev"]) == ("13700137000", "京东物流东城站", 3)
    back_home(district, sub)
    home = member_row(sub, zhang.uuid)
    assert (home["phone"], home["employer"], home["rev"]) == ("13700137000", "京东物流东城站", 3)
