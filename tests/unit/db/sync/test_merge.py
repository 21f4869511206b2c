"""Importing batches: what lands in the district's database, what is held, refused or kept aside."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from db import members, offices
from db.members.listing import MemberFilter, MemberSort, page
from db.models import REGISTRY_MODELS, AuditEntry, Member, MemberEvent, SyncBatch, SyncConflict
from db.store import Store
from db.sync import merge_rows
from db.sync.batchfile import BatchRejected
from db.sync.merge import DUPLICATE, HELD, IMPORTED
from db.sync.merge_rows import table_of
from db.sync.merge_values import TableSpec
from db.validation import make_id_number
from db.writes import jsonable
from tests.conftest import OFFICE_CODE, OFFICE_NAME
from tests.sync_peers import (
    DISTRICT,
    DISTRICT_NAME,
    OTHER,
    OTHER_NAME,
    Peer,
    make_peer,
)


def person(n: int, **fields: Any) -> dict[str, Any]:
    return {"name": f"王秀{'英兰芳'[n % 3]}", "id_number": make_id_number("110101", dt.date(1980, 1, 1 + n), n),
            "joined_on": "2020-05-01", "employer": "顺丰速运有限公司北京分公司", **fields}


def digest(store: Store) -> dict[str, str]:
    """Per registry table, a hash of its sorted rows of every column but the local sync_seq."""
    found = {}
    with store.engine.connect() as conn:
        for model in REGISTRY_MODELS:
            table = table_of(model)
            columns = [c for c in table.columns if c.key != "sync_seq"]
            rows = sorted(json.dumps([str(v) for v in row]) for row in conn.execute(select(*columns)))
            found[table.name] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return found


def count(store: Store, model: type, *where: Any) -> int:
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def member_row(peer: Peer, uuid: str) -> dict[str, Any]:
    return next(r for r in peer.rows()["members"] if r["uuid"] == uuid)


# ------------------------------------------------------------------------------------------------ the basics

def test_a_first_batch_inserts_every_row_as_sent(sub: Peer, district: Peer) -> None:
    zhang = members.register(sub.store, sub.clerk, person(1))
    members.add_honour(sub.store, sub.clerk, zhang.uuid, "劳动模范", 2023)
    members.register(sub.store, sub.clerk, person(2))
    path, sha = sub.send(district, 1, sub.rows())
    results = district.import_(path)
    assert [(r.status, r.sender, r.seq) for r in results] == [(IMPORTED, OFFICE_CODE, 1)]
    assert results[0].counts == {"inserted": 5, "updated": 0, "skipped": 0, "conflicts": 0}
    assert results[0].message == "东四街道工会 第1批：新增 5，更新 0，跳过 0，冲突 0"
    assert digest(district.store) == digest(sub.store)
    with district.store.transaction() as session:
        batch = session.scalars(select(SyncBatch)).one()
        stored = session.get(Member, zhang.uuid)
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "import_batch")).one()
    assert (batch.direction, batch.status, batch.sha256, batch.seq) == ("in", IMPORTED, sha, 1)
    assert batch.processed_at is not None and json.loads(batch.counts)["inserted"] == 5
    assert stored is not None and (stored.rev, stored.updated_by, stored.office_code) == (1, "clerk", OFFICE_CODE)
    assert stored.sync_seq == batch.upto_sync_seq  # a fresh local value, recorded with the batch
    assert json.loads(audit.changes) == {"sender": OFFICE_CODE, "seq": 1, "counts": results[0].counts}


def test_the_same_batch_again_is_a_duplicate_and_changes_nothing(sub: Peer, district: Peer) -> None:
    members.register(sub.store, sub.clerk, person(1))
    path, _ = sub.send(district, 1, sub.rows())
    district.import_(path)
    before, audits = digest(district.store), count(district.store, AuditEntry)
    again = district.import_(path, path)
    assert [r.status for r in again] == [DUPLICATE, DUPLICATE]
    assert again[0].message == "东四街道工会 第1批：已导入过，未作改动"
    assert digest(district.store) == before
    assert count(district.store, AuditEntry) == audits


def test_a_higher_rev_replaces_and_a_lower_one_is_skipped(sub: Peer, district: Peer) -> None:
    zhang = members.register(sub.store, sub.clerk, person(1))
    first, sha1 = sub.send(district, 1, sub.rows())
    members.update(sub.store, sub.clerk, zhang.uuid, {"name": "张秀兰", "employer": "京东物流"})
    second, sha2 = sub.send(district, 2, {"members": sub.rows()["members"]}, prev=sha1)
    third, _ = sub.send(district, 3, {"members": [{**member_row(sub, zhang.uuid), "rev": 1, "name": "旧名"}]},
                        prev=sha2)
    results = district.import_(first, second, third)
    assert [r.counts["updated"] for r in results] == [0, 1, 0]
    assert results[2].counts["skipped"] == 1
    assert member_row(district, zhang.uuid) == member_row(sub, zhang.uuid) | {
        "sync_seq": member_row(district, zhang.uuid)["sync_seq"]}


def test_tombstones_travel(sub: Peer, district: Peer) -> None:
    zhang = members.register(sub.store, sub.clerk, person(1))
    first, sha = sub.send(district, 1, sub.rows())
    members.soft_delete(sub.store, sub.clerk, zhang.uuid)
    second, _ = sub.send(district, 2, {"members": sub.rows()["members"]}, prev=sha)
    district.import_(first, second)
    assert member_row(district, zhang.uuid)["deleted"] is True


# ------------------------------------------------------------------------------------------------ sequence

def _three_batches(sub: Peer, district: Peer) -> list[Path]:
    paths, prev = [], None
    for n in range(3):
        members.register(sub.store, sub.clerk, person(n))
        path, prev = sub.send(district, n + 1, sub.rows(), prev=prev)
        paths.append(path)
    return paths


def test_a_gap_holds_the_batch_until_the_missing_one_arrives(sub: Peer, district: Peer) -> None:
    one, two, three = _three_batches(sub, district)
    district.import_(one)
    held = district.import_(three)
    assert [(r.status, r.message) for r in held] == [(HELD, "东四街道工会 第3批：暂缓导入：缺少东四街道工会第2批")]
    assert count(district.store, Member) == 1
    assert count(district.store, SyncBatch, SyncBatch.status == HELD) == 1
    assert district.import_(three)[0].status == HELD  # still missing: nothing new recorded
    assert count(district.store, SyncBatch) == 2
    later = district.import_(two)  # the held third follows by itself
    assert [(r.seq, r.status) for r in later] == [(2, IMPORTED), (3, IMPORTED)]
    assert digest(district.store) == digest(sub.store)
    assert count(district.store, SyncBatch, SyncBatch.status == HELD) == 0


def test_a_person_may_accept_a_gap_and_the_late_batch_still_lands(sub: Peer, district: Peer) -> None:
    one, two, three = _three_batches(sub, district)
    assert district.import_(three, accept_gap=True)[0].status == IMPORTED
    assert [r.status for r in district.import_(one, two)] == [IMPORTED, IMPORTED]
    assert digest(district.store) == digest(sub.store)


def test_any_order_and_any_repetition_give_the_same_tables(sub: Peer, district: Peer, tmp_path: Path) -> None:
    paths = _three_batches(sub, district)
    zhang = sub.rows()["members"][0]["uuid"]
    members.update(sub.store, sub.clerk, zhang, {"phone": "13911112222"})
    members.leave(sub.store, sub.clerk, zhang, "2024-01-01")
    fourth, _ = sub.send(district, 4, sub.rows(), prev=_sha(paths[2]))
    paths.append(fourth)
    district.import_(*paths)
    expected = digest(district.store)
    assert expected == digest(sub.store)
    rng = random.Random(7)
    for n in range(2):
        folder = tmp_path / f"twin{n}"
        folder.mkdir()
        twin = Peer(Store.open(folder / "district.sqlite", create=True), DISTRICT, DISTRICT_NAME, "district",
                    district.data)  # the same keys: the batches are sealed for the district
        offices.initialize(twin.store, DISTRICT, DISTRICT_NAME, "district")
        twin.trust(sub)
        for _ in range(3):
            twin.import_(*rng.sample(paths, len(paths)))
            assert digest(twin.store) == expected
        twin.store.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_another_file_under_an_imported_seq_or_a_broken_chain_is_refused(sub: Peer, district: Peer) -> None:
    one, _two, _three = _three_batches(sub, district)
    district.import_(one)
    before = digest(district.store)
    forged, _ = sub.send(district, 1, sub.rows())
    with pytest.raises(BatchRejected, match="第1批已导入过另一个文件"):
        district.import_(forged)
    unchained, _ = sub.send(district, 2, sub.rows(), prev="ab" * 32)
    with pytest.raises(BatchRejected, match="接不上"):
        district.import_(unchained)
    assert digest(district.store) == before
    assert district.import_(unchained, accept_gap=True)[0].status == IMPORTED


# ------------------------------------------------------------------------------------------------ refusals

def test_a_tampered_batch_is_refused_and_nothing_changes(sub: Peer, district: Peer) -> None:
    members.register(sub.store, sub.clerk, person(1))
    path, _ = sub.send(district, 1, sub.rows())
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x01
    path.write_bytes(bytes(data))
    before, audits = digest(district.store), count(district.store, AuditEntry)
    with pytest.raises(BatchRejected) as refused:
        district.import_(path)
    assert refused.value.path == path  # which file of several it was
    assert digest(district.store) == before
    assert count(district.store, AuditEntry) == audits
    assert count(district.store, SyncBatch) == 0


def test_a_batch_of_an_untrusted_office_is_refused(sub: Peer, district: Peer, tmp_path: Path) -> None:
    stranger = make_peer(tmp_path, "110101099", "某街道工会", "subdistrict")
    path, _ = stranger.send(district, 1, {"members": []})
    with pytest.raises(BatchRejected, match="未被信任"):
        district.import_(path)
    stranger.store.close()


def test_an_unknown_table_is_refused_with_nothing_written(sub: Peer, district: Peer) -> None:
    members.register(sub.store, sub.clerk, person(1))
    path, _ = sub.send(district, 1, sub.rows() | {"secret_notes": [{"uuid": "x"}]})
    with pytest.raises(BatchRejected, match="不认识的数据表 secret_notes"):
        district.import_(path)
    assert count(district.store, Member) == 0
    assert count(district.store, SyncBatch) == 0


@pytest.mark.parametrize(("change", "reason"), [
    (lambda row: row | {"shoe_size": 42}, "不认识的字段 shoe_size"),
    (lambda row: {k: v for k, v in row.items() if k != "phone"}, "缺少字段 phone"),
    (lambda row: row | {"joined_on": "去年"}, "字段 joined_on 的值无效"),
    (lambda row: row | {"rev": "2"}, "字段 rev 的值无效"),
    (lambda row: row | {"is_migrant_worker": 1}, "字段 is_migrant_worker 的值无效"),
    (lambda row: row | {"name": None}, "字段 name 的值无效"),
])
def test_a_bad_row_rejects_the_whole_batch(sub: Peer, district: Peer, change: Any, reason: str) -> None:
    for n in range(3):
        members.register(sub.store, sub.clerk, person(n))
    rows = sub.rows()
    rows["members"][2] = change(rows["members"][2])
    path, _ = sub.send(district, 1, rows)
    with pytest.raises(BatchRejected, match=reason):
        district.import_(path)
    assert count(district.store, Member) == 0  # the two good rows before it were rolled back
    assert count(district.store, SyncBatch) == 0


# ------------------------------------------------------------------------------------------------ conflicts

def test_an_edit_of_a_row_the_sender_does_not_own_is_kept_aside(sub: Peer, district: Peer) -> None:
    own = members.register(district.store, district.clerk, person(7))
    members.register(sub.store, sub.clerk, person(1))
    rows = sub.rows()
    theirs = member_row(district, own.uuid) | {"rev": 5, "name": "改名"}
    number = person(8)["id_number"]
    foreign = rows["members"][0] | {"uuid": "0190a1b2-c3d4-7e5f-8a9b-000000000001", "office_code": OTHER,
                                    "id_number": number, "gender": "男" if int(number[16]) % 2 else "女",
                                    "member_no": "X1"}
    path, _ = sub.send(district, 1, {"members": [*rows["members"], theirs, foreign]})
    result = district.import_(path)[0]
    assert result.counts == {"inserted": 1, "updated": 0, "skipped": 0, "conflicts": 2}
    assert member_row(district, own.uuid)["name"] == person(7)["name"]
    assert count(district.store, Member, Member.uuid == foreign["uuid"]) == 0
    with district.store.transaction() as session:
        conflicts = {c.row_uuid: c for c in session.scalars(select(SyncConflict))}
    assert {c.kind for c in conflicts.values()} == {"foreign_edit"}
    assert json.loads(conflicts[own.uuid].incoming_data)["name"] == "改名"
    assert json.loads(conflicts[own.uuid].local_data)[0]["name"] == person(7)["name"]
    assert json.loads(conflicts[foreign["uuid"]].local_data) is None


def test_the_same_person_active_in_two_sub_districts_is_kept_aside(sub: Peer, other: Peer,
                                                                   district: Peer) -> None:
    mine = members.register(sub.store, sub.clerk, person(1))
    twin = members.register(other.store, other.clerk, person(1, name="王秀英"))
    members.register(other.store, other.clerk, person(2))
    first, _ = sub.send(district, 1, sub.rows())
    second, _ = other.send(district, 1, other.rows())
    results = district.import_(second, first)  # sorted: 110101001 before 110101006
    assert [r.sender for r in results] == [OTHER, OFFICE_CODE]
    assert results[1].counts == {"inserted": 0, "updated": 0, "skipped": 0, "conflicts": 2}
    with district.store.transaction() as session:
        kinds = sorted((c.table_name, c.kind) for c in session.scalars(select(SyncConflict)))
        same = session.scalars(select(SyncConflict).where(SyncConflict.kind == "same_person")).one()
    assert kinds == [("member_events", "missing_parent"), ("members", "same_person")]
    assert same.row_uuid == mine.uuid and json.loads(same.local_data)[0]["uuid"] == twin.uuid
    assert count(district.store, Member) == 2
    assert count(district.store, MemberEvent, MemberEvent.member_uuid == mine.uuid) == 0


def test_a_person_who_left_one_sub_district_may_join_another(sub: Peer, other: Peer, district: Peer) -> None:
    gone = members.register(other.store, other.clerk, person(1))
    members.transfer_out(other.store, other.clerk, gone.uuid, "2024-01-01", OFFICE_NAME)
    members.register(sub.store, sub.clerk, person(1), transferred_from=OTHER_NAME)
    results = district.import_(other.send(district, 1, other.rows())[0], sub.send(district, 1, sub.rows())[0])
    assert [r.counts["conflicts"] for r in results] == [0, 0]
    assert count(district.store, Member) == 2


def test_a_return_batch_of_the_district_may_change_rows_of_the_recipient(sub: Peer, district: Peer) -> None:
    zhang = members.register(sub.store, sub.clerk, person(1))
    district.import_(sub.send(district, 1, sub.rows())[0])
    with district.store.engine.begin() as conn:  # the district settles something on the sub-district's row
        conn.execute(update(table_of(Member)).where(Member.uuid == zhang.uuid)
                     .values(rev=2, remarks="区总工会已核实", updated_by="district-admin"))
    back, _ = district.send(sub, 1, {"members": district.rows()["members"]})
    result = sub.import_(back)[0]
    assert result.counts["updated"] == 1
    assert member_row(sub, zhang.uuid)["remarks"] == "区总工会已核实"


# ------------------------------------------------------------------------------------------------ search, speed

def test_imported_members_are_found_by_the_substring_search(sub: Peer, district: Peer) -> None:
    zhang = members.register(sub.store, sub.clerk, person(1, employer="北京顺丰速运有限公司"))
    first, sha = sub.send(district, 1, sub.rows())
    district.import_(first)
    members.update(sub.store, sub.clerk, zhang.uuid, {"employer": "京东物流东城站"})
    district.import_(sub.send(district, 2, {"members": sub.rows()["members"]}, prev=sha)[0])
    with district.store.transaction() as session:
        found = page(session, MemberFilter(text="京东物流"), MemberSort())
        gone = page(session, MemberFilter(text="顺丰速运"), MemberSort())
        session.connection().exec_driver_sql("INSERT INTO members_fts(members_fts) VALUES ('integrity-check')")
    assert [row.uuid for row in found.rows] == [zhang.uuid]
    assert gone.rows == []


def test_the_import_is_durable_and_leaves_the_connection_as_it_was(sub: Peer, district: Peer) -> None:
    members.register(sub.store, sub.clerk, person(1))
    district.import_(sub.send(district, 1, sub.rows())[0])
    with district.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL again after the FULL import


# ------------------------------------------------------------------------------------------------ rev rule, repeats

@pytest.fixture
def here(store: Store, tmp_path: Path) -> Peer:
    """东四街道工会 on each backend (the ``store`` fixture), which the district's return batches reach."""
    data = tmp_path / "data-here"
    data.mkdir()
    return Peer(store, OFFICE_CODE, OFFICE_NAME, "subdistrict", data)


def test_an_equal_rev_is_skipped_if_equal_and_kept_aside_as_same_rev_if_not(here: Peer, tmp_path: Path) -> None:
    district = make_peer(tmp_path, DISTRICT, DISTRICT_NAME, "district")
    here.trust(district)
    zhang, li, wang = (members.register(here.store, here.clerk, person(n)) for n in (1, 2, 3))
    members.update(here.store, here.clerk, wang.uuid, {"phone": "13911112222"})
    replayed = member_row(here, zhang.uuid) | {"sync_seq": 987654}  # only the sender's local counter differs
    edited = member_row(here, li.uuid) | {"remarks": "区总工会已核实", "updated_by": "district-admin"}
    stale = member_row(here, wang.uuid) | {"rev": 1, "name": "旧名"}
    before = digest(here.store)
    path, _ = district.send(here, 1, {"members": [replayed, edited, stale]})
    result = here.import_(path)[0]
    district.store.close()
    assert result.counts == {"inserted": 0, "updated": 0, "skipped": 2, "conflicts": 1}
    assert digest(here.store) == before
    with here.store.transaction() as session:
        conflict = session.scalars(select(SyncConflict)).one()
    assert (conflict.kind, conflict.row_uuid, conflict.status) == ("same_rev", li.uuid, "open")
    local = json.loads(conflict.local_data)
    assert [(row["uuid"], row["rev"], row["remarks"]) for row in local] == [(li.uuid, 1, None)]
    assert json.loads(conflict.incoming_data)["remarks"] == "区总工会已核实"


def test_a_conflict_still_open_is_not_recorded_twice(sub: Peer, district: Peer) -> None:
    own = members.register(district.store, district.clerk, person(7))
    theirs = member_row(district, own.uuid) | {"rev": 5, "name": "改名"}
    first, sha1 = sub.send(district, 1, {"members": [theirs]})
    second, sha2 = sub.send(district, 2, {"members": [theirs]}, prev=sha1)
    results = district.import_(first, second)
    assert [r.counts["conflicts"] for r in results] == [1, 1]  # kept aside each time …
    assert count(district.store, SyncConflict) == 1  # … but asked about once
    other_edit = theirs | {"rev": 6, "name": "又改名"}
    third, sha3 = sub.send(district, 3, {"members": [theirs, other_edit]}, prev=sha2)
    with pytest.raises(BatchRejected, match="出现了两次"):
        district.import_(third)
    third, sha3 = sub.send(district, 3, {"members": [other_edit]}, prev=sha2)
    district.import_(third)  # another incoming version: another question
    with district.store.engine.begin() as conn:
        conn.execute(update(SyncConflict).values(status="settled"))
    district.import_(sub.send(district, 4, {"members": [theirs]}, prev=sha3)[0])  # settled: asked anew
    assert count(district.store, SyncConflict) == 3
    assert count(district.store, SyncConflict, SyncConflict.status == "open") == 1


@pytest.mark.parametrize(("choice", "asked_again"), [("keep_both", False), ("keep_local", True)])
def test_a_pair_settled_as_keep_both_is_not_asked_about_again(sub: Peer, other: Peer, district: Peer,
                                                              choice: str, asked_again: bool) -> None:
    mine = members.register(sub.store, sub.clerk, person(1))
    twin = members.register(other.store, other.clerk, person(1, name="王秀英"))
    theirs, other_sha = other.send(district, 1, {"members": other.rows()["members"]})
    ours, sub_sha = sub.send(district, 1, {"members": sub.rows()["members"]})
    assert [r.counts["conflicts"] for r in district.import_(theirs, ours)] == [0, 1]
    with district.store.engine.begin() as conn:  # what db.sync.settle records for the person's choice
        conn.execute(update(SyncConflict).values(status="settled", settled_by="admin",
                                                 resolution=json.dumps({"choice": choice, "picks": []})))
    members.update(sub.store, sub.clerk, mine.uuid, {"phone": "13911112222"})
    members.update(other.store, other.clerk, twin.uuid, {"phone": "13922223333"})
    ours = sub.send(district, 2, {"members": sub.rows()["members"]}, prev=sub_sha)[0]
    assert district.import_(ours)[0].counts["conflicts"] == int(asked_again)  # the incoming one is paired …
    theirs = other.send(district, 2, {"members": other.rows()["members"]}, prev=other_sha)[0]
    assert district.import_(theirs)[0].counts == {  # … and so is the holder, when it comes again
        "inserted": 0, "updated": 1, "skipped": 0, "conflicts": 0}
    open_ = count(district.store, SyncConflict, SyncConflict.kind == "same_person", SyncConflict.status == "open")
    assert open_ == int(asked_again)
    assert count(district.store, Member, Member.status == "active") == (1 if asked_again else 2)


# ------------------------------------------------------------------------------------------------ deferred indexes

def _indexes(store: Store) -> list[tuple[str, str]]:
    with store.engine.connect() as conn:
        return [(name, sql) for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")]


def test_indexes_built_after_a_large_first_batch_are_the_same_indexes(sub: Peer, district: Peer,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("db.sync.merge_rows.DEFERRED_INDEX_ROWS", 2)  # the test's batch counts as large
    deferred: list[str] = []
    real = merge_rows.deferred_indexes

    def spy(conn: Any, table: str) -> Any:
        deferred.append(table)
        return real(conn, table)

    monkeypatch.setattr(merge_rows, "deferred_indexes", spy)
    before = _indexes(district.store)
    for n in range(3):
        members.register(sub.store, sub.clerk, person(n, name=f"欧阳{'明华娜'[n]}"))
    assert district.import_(sub.send(district, 1, sub.rows())[0])[0].counts["inserted"] == 6
    assert deferred == ["members", "member_events"]
    assert _indexes(district.store) == before
    assert district.store.check() == []
    with district.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"  # every index holds every row
        used = " ".join(str(row) for row in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT uuid FROM members WHERE phone = '13911112222'"))
    assert "ix_members_phone_uuid" in used


def test_a_batch_rejected_while_indexes_are_deferred_leaves_them_as_they_were(sub: Peer, district: Peer,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("db.sync.merge_rows.DEFERRED_INDEX_ROWS", 2)
    before = _indexes(district.store)
    for n in range(3):
        members.register(sub.store, sub.clerk, person(n))
    rows = sub.rows()
    rows["members"][2] |= {"joined_on": "去年"}
    with pytest.raises(BatchRejected, match="joined_on"):
        district.import_(sub.send(district, 1, rows)[0])
    assert _indexes(district.store) == before
    assert count(district.store, Member) == 0


def test_rows_convert_alike_whatever_the_order_of_their_keys(sub: Peer) -> None:
    for n in range(3):
        members.register(sub.store, sub.clerk, person(n))
    batch = [json.loads(json.dumps(row, default=jsonable, sort_keys=True)) for row in sub.rows()["members"]]
    spec = TableSpec(table_of(Member), sub.store.engine.dialect, [table_of(m).name for m in REGISTRY_MODELS])
    expected, _ = spec.convert(batch, 1, 7)
    shuffled = [batch[0], dict(reversed(batch[1].items())), batch[2]]
    assert spec.convert(shuffled, 1, 7)[0] == expected
    at = spec.keys.index("updated_at")
    east = batch[1] | {"updated_at": "2024-05-01T08:30:00+08:00", "birth_date": None}
    converted = spec.convert([batch[0], east], 1, 7)[0][1]
    assert (converted[at], converted[spec.keys.index("birth_date")]) == ("2024-05-01 00:30:00.000000", None)
