"""一人多档 at the district (issue 14 item 10): two sub-districts each file the same person — one who moved and
whose old file stayed open, or a worker filed in one office who is a household member of a file in another —
and the district's import of both batches keeps the second aside as one ``cross_office`` conflict, shown as
the two files side by side and settled like the other conflicts: keep one (the other 注销 through the
workflow's step, carried home by the return batch) or both (not asked again). Through real signed batches."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import select

from db import members
from db.aid import cases, workflow
from db.auth import APPROVER, Actor
from db.errors import PermissionDenied
from db.models import AidCase, AidCaseStep, AuditEntry, SyncBatch, SyncConflict
from db.sync import settle
from tests.sync_peers import Peer
from tests.unit.db.sync.test_merge import person
from tests.unit.db.sync.test_settle import back_home

FILE = {"category": "相对困难", "main_cause": "患重特大疾病", "household_income_fen": "36000", "household_size": 3,
        "health": "重特大疾病", "bank_account": "6222020200112233445"}


def file_for(peer: Peer, who: dict[str, Any], household: tuple[dict[str, Any], ...] = ()) -> AidCase:
    member = members.register(peer.store, peer.clerk, who)
    return cases.create_case(peer.store, peer.clerk, {"member_uuid": member.uuid, **FILE}, household)


def moved(sub: Peer, other: Peer) -> tuple[AidCase, AidCase]:
    """王秀兰 filed at 东四 (sub), then transferred out to 东华门 (other) and filed there again: 东四's file
    was never closed. Each office alone holds one open file for her."""
    mine = file_for(sub, person(1))
    with sub.store.transaction() as session:
        member_uuid = session.get(AidCase, mine.uuid).member_uuid
    members.transfer_out(sub.store, sub.clerk, member_uuid, dt.date.today(), "东华门街道工会")
    twin = file_for(other, person(1))
    return mine, twin


def spouse(sub: Peer, other: Peer) -> tuple[AidCase, AidCase]:
    """东华门 (other) files 王秀芳 (a member there); 东四 (sub) files her husband and lists her as his spouse."""
    hers = file_for(other, person(2))
    his = file_for(sub, person(3, name="张建国"), ({"name": "王秀芳", "relation": "配偶",
                                                   "id_number": person(2)["id_number"]},))
    return his, hers


def import_both(sub: Peer, other: Peer, district: Peer) -> None:
    district.import_(other.send(district, 1, other.rows())[0], sub.send(district, 1, sub.rows())[0])


def conflicts(peer: Peer, kind: str | None = None) -> list[SyncConflict]:
    with peer.store.transaction() as session:
        query = select(SyncConflict).order_by(SyncConflict.table_name)
        return list(session.scalars(query if kind is None else query.where(SyncConflict.kind == kind)))


def the_conflict(district: Peer) -> SyncConflict:
    (found,) = conflicts(district, "cross_office")
    return found


def file_at(peer: Peer, uuid: str) -> dict[str, Any]:
    with peer.store.transaction() as session:
        case = session.get(AidCase, uuid)
        assert case is not None, "the file is not stored here"
        steps = [s.step for s in session.scalars(select(AidCaseStep).where(AidCaseStep.case_uuid == uuid)
                                                 .order_by(AidCaseStep.at))]
        return {"status": case.status, "rev": case.rev, "reason": case.closed_reason, "steps": steps}


def test_a_person_filed_in_two_sub_districts_is_one_conflict_with_both_files_side_by_side(
        sub: Peer, other: Peer, district: Peer) -> None:
    mine, twin = moved(sub, other)
    import_both(sub, other, district)
    conflict = the_conflict(district)
    assert (conflict.table_name, conflict.row_uuid) == ("aid_cases", mine.uuid)
    # the file's own steps wait for it (kept aside as missing their file), not as further 一人多档 conflicts
    assert {c.kind for c in conflicts(district)} == {"cross_office", "missing_parent"}
    with district.store.transaction() as session:
        assert session.get(AidCase, mine.uuid) is None
    (summary,) = [s for s in _open(district) if s.kind == "cross_office"]
    assert (summary.kind_label, summary.title, summary.sender_name) == ("一人多档", mine.case_no, "东四街道工会")
    detail = settle.conflict_detail(district.store, district.admin, conflict.uuid)
    assert detail.choices == ("keep_local", "keep_incoming", "keep_both")
    assert "一人多档：东四街道工会报来的王秀兰（110101" in detail.explanation
    assert "在东华门街道工会也有未关闭的困难职工档案" in detail.explanation and "另一方注销" in detail.explanation
    shown = {row.label: row for row in detail.fields}
    assert (shown["档案编号"].local, shown["档案编号"].incoming) == (twin.case_no, mine.case_no)
    assert not any(row.pickable for row in detail.fields)  # two files, not two versions of one
    # a district clerk sees both files masked
    masked = {row.label: row for row in settle.conflict_detail(district.store, district.clerk, conflict.uuid).fields}
    assert (masked["健康状况"].local, masked["银行卡号"].incoming) == ("***", "*" * 15 + "3445")
    # the admin's full view above was audited once, naming the fields shown in full; the clerk's was not
    with district.store.transaction() as session:
        views = session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).all()
    assert [(v.actor, v.table_name) for v in views] == [(district.admin.username, "aid_cases")]
    assert {"health", "bank_account"} <= set(json.loads(views[0].changes)["fields"])


def _open(peer: Peer) -> list[settle.ConflictSummary]:
    with peer.store.transaction() as session:
        return settle.open_conflicts(session)


def test_keep_local_writes_the_incoming_file_closed_and_the_return_batch_closes_it_at_home(
        sub: Peer, other: Peer, district: Peer) -> None:
    mine, twin = moved(sub, other)
    import_both(sub, other, district)
    message = settle.settle(district.store, district.admin, the_conflict(district).uuid, "keep_local")
    assert message == "已以东华门街道工会的记录为准，东四街道工会的记录已注销。"
    closed = file_at(district, mine.uuid)
    assert (closed["status"], closed["rev"], closed["steps"]) == ("cancelled", 2, ["applied", "cancelled"])
    assert closed["reason"] == "一人多档，同步冲突处理保留东华门街道工会的记录"
    assert file_at(district, twin.uuid)["status"] == "applied"
    assert [c.status for c in conflicts(district)] == ["settled"] * len(conflicts(district))
    back_home(district, sub)
    home = file_at(sub, mine.uuid)
    assert (home["status"], home["rev"], home["steps"]) == ("cancelled", 2, ["applied", "cancelled"])


def test_keep_incoming_closes_the_other_offices_file(sub: Peer, other: Peer, district: Peer) -> None:
    mine, twin = moved(sub, other)
    import_both(sub, other, district)
    message = settle.settle(district.store, district.admin, the_conflict(district).uuid, "keep_incoming")
    assert message == "已以东四街道工会的记录为准，东华门街道工会的记录已注销。"
    assert file_at(district, mine.uuid)["status"] == "applied"
    assert (file_at(district, twin.uuid)["status"], file_at(district, twin.uuid)["rev"]) == ("cancelled", 2)
    back_home(district, other)
    assert file_at(other, twin.uuid)["status"] == "cancelled"


def test_keep_both_keeps_both_files_open_and_is_not_asked_again(sub: Peer, other: Peer, district: Peer) -> None:
    mine, twin = moved(sub, other)
    import_both(sub, other, district)
    settle.settle(district.store, district.admin, the_conflict(district).uuid, "keep_both")
    assert {file_at(district, u)["status"] for u in (mine.uuid, twin.uuid)} == {"applied"}
    cases.update_case(sub.store, sub.clerk, mine.uuid, {"remarks": "迁居后仍在本街道就医"})
    district.import_(sub.send(district, 2, sub.rows(), prev=_batch_hash(district, sub.code))[0])
    assert len(conflicts(district, "cross_office")) == 1 and file_at(district, mine.uuid)["rev"] == 2


def _batch_hash(peer: Peer, sender: str) -> str:
    with peer.store.transaction() as session:
        found = session.scalars(select(SyncBatch).where(SyncBatch.sender_code == sender, SyncBatch.seq == 1)).one()
        return str(found.sha256)


def test_a_household_member_with_a_file_in_another_office_is_the_conflict_of_the_two_files(
        sub: Peer, other: Peer, district: Peer) -> None:
    his, hers = spouse(sub, other)
    import_both(sub, other, district)
    conflict = the_conflict(district)
    assert conflict.table_name == "aid_household_members" and json.loads(conflict.incoming_data)["name"] == "王秀芳"
    assert {c.kind for c in conflicts(district)} == {"cross_office"}  # his file itself went in
    detail = settle.conflict_detail(district.store, district.admin, conflict.uuid)
    shown = {row.label: row for row in detail.fields}
    assert (shown["档案编号"].local, shown["档案编号"].incoming) == (hers.case_no, his.case_no)
    assert "王秀芳（110101" in detail.explanation
    settle.settle(district.store, district.admin, conflict.uuid, "keep_local")
    assert file_at(district, his.uuid)["status"] == "cancelled" and file_at(district, hers.uuid)["status"] == "applied"
    assert len(cases.case_details(district.store, his.uuid)["household"]) == 1  # the row is kept, its file closed


def test_settling_needs_records_write_and_a_refusal_writes_nothing(sub: Peer, other: Peer, district: Peer) -> None:
    moved(sub, other)
    import_both(sub, other, district)
    approver = Actor("approver", "审核人", frozenset({APPROVER}), district.code)
    before = district.rows()
    with pytest.raises(PermissionDenied):
        settle.settle(district.store, approver, the_conflict(district).uuid, "keep_local")
    assert district.rows() == before and the_conflict(district).status == "open"


def test_two_files_in_one_office_or_closed_files_are_no_conflict(sub: Peer, other: Peer, district: Peer) -> None:
    mine, twin = moved(sub, other)
    workflow.take_step(other.store, other.clerk, twin.uuid, "注销", "申请撤回")
    import_both(sub, other, district)
    assert conflicts(district, "cross_office") == []
    assert file_at(district, mine.uuid)["status"] == "applied"
