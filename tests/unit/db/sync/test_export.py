"""Batch export (design §5): which rows travel to whom, the chain of batches, sealing, the outbox, the record."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db import members
from db.auth import Actor
from db.demo import fill_demo
from db.errors import PermissionDenied, UnionDeskError, ValidationError
from db.models import REGISTRY_MODELS, AuditEntry, Member, Office, SyncBatch
from db.models.system import Counter
from db.offices import initialize
from db.store import Store
from db.sync import export as export_module
from db.sync import keys
from db.sync.batchfile import BatchRejected, OpenedBatch, open_batch, read_manifest
from db.sync.export import STAGE, ExportResult, export_batch, outbox_dir
from db.validation import make_id_number

OWN, DISTRICT = "110101006", "110101"
SIBLING = "110101007"
TABLES = [model.__tablename__ for model in REGISTRY_MODELS]
LI_ID = make_id_number("110101", dt.date(1990, 3, 7), 123)
ZHANG = {"name": "张三", "id_number": "11010519491231002X", "joined_on": "2020-05-01", "phone": "13800138000"}


def trust_peer(store: Store, admin: Actor, code: str, name: str, folder: Path) -> keys.OfficeKeys:
    """Make ``code``'s keys (in the shared data folder) and have ``store`` trust its public half."""
    peer = keys.load_or_create(code)
    path = folder / f"{code}.pub.json"
    keys.export_public(peer, name, path)
    keys.trust(store, admin, path, code)
    return peer


@pytest.fixture
def district_keys(store: Store, admin: Actor, tmp_path: Path) -> keys.OfficeKeys:
    return trust_peer(store, admin, DISTRICT, "东城区总工会", tmp_path)


@pytest.fixture
def demo(store: Store, district_keys: keys.OfficeKeys) -> Store:
    fill_demo(store, members=40)
    return store


def opened(result: ExportResult, recipient: keys.OfficeKeys, sender: str = OWN) -> OpenedBatch:
    sending = keys.load_or_create(sender).signing.public_key()
    return open_batch(result.path, my_office=recipient.office_code,
                      sender_key=lambda code: sending if code == sender else None,
                      receiving_key=recipient.receiving)


def uuids(batch: OpenedBatch, table: str) -> list[str]:
    return [row["uuid"] for row in batch.rows(table)]


def stored_uuids(store: Store, model: Any, office: str = OWN) -> list[str]:
    with store.transaction() as session:
        return list(session.scalars(select(model.uuid).where(model.office_code == office).order_by(model.uuid)))


def stored_counts(store: Store, office: str = OWN) -> dict[str, int]:
    with store.transaction() as session:
        return {model.__tablename__: int(session.scalar(
            select(func.count()).select_from(model).where(model.office_code == office)) or 0)
            for model in REGISTRY_MODELS}


def out_batches(store: Store) -> list[SyncBatch]:
    with store.transaction() as session:
        return list(session.scalars(select(SyncBatch).where(SyncBatch.direction == "out").order_by(SyncBatch.seq)))


def audit(store: Store, action: str) -> list[dict[str, Any]]:
    with store.transaction() as session:
        return [json.loads(text) for text in session.scalars(
            select(AuditEntry.changes).where(AuditEntry.action == action).order_by(AuditEntry.id))]


def first_member(store: Store) -> Member:
    with store.transaction() as session:
        member = session.scalars(select(Member).where(Member.office_code == OWN).order_by(Member.uuid)).first()
        assert member is not None
        return member


# --- which rows ------------------------------------------------------------------------------------------------

def test_first_delta_holds_every_own_row_of_every_table(demo: Store, clerk: Actor,
                                                        district_keys: keys.OfficeKeys) -> None:
    result = export_batch(demo, clerk)
    assert (result.seq, result.kind, result.recipient, result.sealed) == (1, "delta", DISTRICT, True)
    assert result.counts == stored_counts(demo) and result.rows > 40
    batch = opened(result, district_keys)
    assert sorted(batch.manifest.tables) == sorted(TABLES)
    for model in REGISTRY_MODELS:
        assert uuids(batch, model.__tablename__) == stored_uuids(demo, model)


def test_rows_carry_every_column_as_json(store: Store, clerk: Actor, district_keys: keys.OfficeKeys) -> None:
    member = members.register(store, clerk, ZHANG)
    [row] = opened(export_batch(store, clerk), district_keys).rows("members")
    assert set(row) == {c.key for c in Member.__table__.columns}
    assert row["uuid"] == member.uuid and row["office_code"] == OWN and row["rev"] == 1
    assert row["birth_date"] == "1949-12-31" and row["joined_on"] == "2020-05-01"
    assert row["updated_at"] == member.updated_at.isoformat()
    assert row["deleted"] is False and row["sync_seq"] == member.sync_seq


def test_second_delta_holds_only_what_changed_and_full_holds_all(demo: Store, clerk: Actor,
                                                                 district_keys: keys.OfficeKeys) -> None:
    export_batch(demo, clerk)
    member = first_member(demo)
    members.update(demo, clerk, member.uuid, {"phone": "13900001111"})
    second = export_batch(demo, clerk)
    assert second.counts == {table: int(table == "members") for table in TABLES}
    [row] = opened(second, district_keys).rows("members")
    assert (row["uuid"], row["phone"], row["rev"]) == (member.uuid, "13900001111", member.rev + 1)
    nothing = export_batch(demo, clerk)  # an empty delta still keeps the chain going
    assert nothing.rows == 0 and nothing.seq == 3
    full = export_batch(demo, clerk, full=True)
    assert (full.kind, full.seq, full.counts) == ("full", 4, stored_counts(demo))
    assert opened(full, district_keys).manifest.kind == "full"


def test_tombstones_travel(store: Store, clerk: Actor, district_keys: keys.OfficeKeys) -> None:
    member = members.register(store, clerk, ZHANG)
    export_batch(store, clerk)
    members.soft_delete(store, clerk, member.uuid)
    [row] = opened(export_batch(store, clerk), district_keys).rows("members")
    assert (row["uuid"], row["deleted"]) == (member.uuid, True)
    [again] = opened(export_batch(store, clerk, full=True), district_keys).rows("members")
    assert again["deleted"] is True


def test_a_sub_district_never_sends_rows_of_another_office(store: Store, clerk: Actor,
                                                           district_keys: keys.OfficeKeys) -> None:
    with store.transaction() as session:
        session.add(Office(code=SIBLING, name="朝阳门街道工会", level="subdistrict", parent_code=DISTRICT))
    sibling_clerk = Actor("other", "别处录入员", clerk.roles, SIBLING)
    members.register(store, sibling_clerk, ZHANG)
    own = members.register(store, clerk, {**ZHANG, "id_number": LI_ID})
    for full in (False, True):
        result = export_batch(store, clerk, full=full)
        assert uuids(opened(result, district_keys), "members") == [own.uuid]


def test_a_return_batch_holds_only_the_recipients_rows(tmp_path: Path, admin: Actor) -> None:
    district = Store.open(tmp_path / "district.sqlite", create=True)
    try:
        initialize(district, DISTRICT, "东城区总工会", "district")
        fill_demo(district, members=120)
        with district.transaction() as session:
            owners = set(session.scalars(select(Member.office_code).distinct()))
        assert OWN in owners and len(owners) > 1  # the demo spreads the district's rows over its sub-districts
        actor = Actor("admin", "管理员", admin.roles, DISTRICT)
        sub_keys = trust_peer(district, actor, OWN, "东四街道工会", tmp_path)
        with pytest.raises(ValidationError, match="没有上级单位"):
            export_batch(district, actor)
        result = export_batch(district, actor, to=OWN)
        assert result.counts == stored_counts(district, OWN) and result.counts["members"] > 0
        batch = opened(result, sub_keys, sender=DISTRICT)
        assert batch.manifest.sender.level == "district"
        for model in REGISTRY_MODELS:
            assert {row["office_code"] for row in batch.rows(model.__tablename__)} <= {OWN}
    finally:
        district.close()


def test_upto_is_the_write_counter_at_the_start(store: Store, clerk: Actor, district_keys: keys.OfficeKeys,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    members.register(store, clerk, ZHANG)
    with store.transaction() as session:
        counter = session.scalar(select(Counter.value).where(Counter.name == "sync_seq"))
    written_meanwhile: list[str] = []
    real_write = export_module.write_batch

    def write_while_someone_saves(*args: Any, **kwargs: Any) -> Any:
        if not written_meanwhile:  # another clerk saves while the batch is being written
            written_meanwhile.append(members.register(store, clerk, {**ZHANG, "id_number": LI_ID}).uuid)
        return real_write(*args, **kwargs)

    # a context, not monkeypatch.undo(): that would also undo this test's UNIONDESK_HOME (tests/conftest.py),
    # and the next export would write keys and a batch into the real data folder of whoever runs the tests
    with monkeypatch.context() as patch:
        patch.setattr(export_module, "write_batch", write_while_someone_saves)
        first = export_batch(store, clerk)
    assert first.counts["members"] == 1
    assert out_batches(store)[0].upto_sync_seq == counter
    assert uuids(opened(export_batch(store, clerk), district_keys), "members") == written_meanwhile


# --- the chain and the record ----------------------------------------------------------------------------------

def test_batches_form_a_chain_and_are_recorded(demo: Store, clerk: Actor) -> None:
    results = [export_batch(demo, clerk), export_batch(demo, clerk, full=True), export_batch(demo, clerk)]
    assert [r.seq for r in results] == [1, 2, 3]
    manifests = [read_manifest(r.path) for r in results]
    assert [m.prev_sha256 for m in manifests] == [None, results[0].sha256, results[1].sha256]
    assert [m.batch_id for m in manifests] == [r.batch_id for r in results]
    recorded = out_batches(demo)
    assert [(b.uuid, b.seq, b.kind, b.sha256, b.prev_sha256, b.status, b.file_name) for b in recorded] == [
        (r.batch_id, r.seq, r.kind, r.sha256, m.prev_sha256, "written", r.path.name)
        for r, m in zip(results, manifests, strict=True)]
    assert all((b.sender_code, b.recipient_code, b.processed_at) == (OWN, DISTRICT, None) for b in recorded)
    assert json.loads(recorded[0].counts) == results[0].counts
    assert recorded[0].upto_sync_seq == recorded[2].upto_sync_seq > 0
    assert audit(demo, "export_batch") == [
        {"to": DISTRICT, "seq": r.seq, "kind": r.kind, "rows": r.rows, "sealed": True} for r in results]


def test_progress_is_reported_up_to_the_total(demo: Store, clerk: Actor) -> None:
    calls: list[tuple[str, int, int]] = []
    result = export_batch(demo, clerk, progress=lambda *call: calls.append(call))
    assert calls[0] == (STAGE, 0, result.rows) and calls[-1] == (STAGE, result.rows, result.rows)
    assert [done for _, done, _ in calls] == sorted(done for _, done, _ in calls)


def test_a_failed_record_leaves_no_file(demo: Store, clerk: Actor, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: Any) -> None:
        raise UnionDeskError("磁盘已满")

    monkeypatch.setattr(export_module, "_record", fail)
    with pytest.raises(UnionDeskError, match="磁盘已满"):
        export_batch(demo, clerk, tmp_path / "usb")
    assert list((tmp_path / "usb").iterdir()) == [] and list(outbox_dir(DISTRICT).iterdir()) == []
    assert out_batches(demo) == []


# --- sealing ---------------------------------------------------------------------------------------------------

def test_an_untrusted_recipient_is_refused_unless_unsealed_is_chosen(store: Store, clerk: Actor,
                                                                    admin: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    with pytest.raises(ValidationError, match="尚未信任单位 110101 的公钥"):
        export_batch(store, clerk)
    assert out_batches(store) == [] and not outbox_dir(DISTRICT).exists()
    result = export_batch(store, admin, unsealed=True, reason="  区总工会的电脑坏了，\n公钥还没重新发来 ")
    assert not result.sealed and not read_manifest(result.path).sealed
    batch = opened(result, keys.load_or_create(DISTRICT))
    assert uuids(batch, "members") == [member.uuid]
    assert audit(store, "export_batch") == [{"to": DISTRICT, "seq": 1, "kind": "delta", "rows": 2, "sealed": False,
                                             "reason": "区总工会的电脑坏了， 公钥还没重新发来"}]


def test_an_unsealed_batch_is_for_an_admin_only(store: Store, clerk: Actor) -> None:
    members.register(store, clerk, ZHANG)
    with pytest.raises(PermissionDenied, match="不加密导出同步批次"):
        export_batch(store, clerk, unsealed=True, reason="急用")
    assert out_batches(store) == [] and not outbox_dir(DISTRICT).exists()


@pytest.mark.parametrize(("reason", "message"), [(None, "必须写明理由"), ("   ", "必须写明理由"),
                                                 ("很" * 201, "不能超过200个字")])
def test_an_unsealed_batch_needs_a_reason(store: Store, admin: Actor, reason: str | None, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as refused:
        export_batch(store, admin, unsealed=True, reason=reason)
    assert refused.value.field == "不加密导出的理由"
    assert out_batches(store) == [] and audit(store, "export_batch") == []


def test_a_sealed_batch_records_no_unsealing_reason(demo: Store, admin: Actor) -> None:
    result = export_batch(demo, admin, unsealed=True, reason="以防万一")  # the key is trusted: sealed anyway
    assert result.sealed
    assert "reason" not in audit(demo, "export_batch")[0]


def test_a_sealed_batch_opens_only_with_the_recipients_key(demo: Store, clerk: Actor,
                                                           district_keys: keys.OfficeKeys) -> None:
    result = export_batch(demo, clerk)
    manifest = read_manifest(result.path)
    assert manifest.sealed and all(info.file.endswith(".sealed") for info in manifest.tables.values())
    assert manifest.tables["members"].rows == result.counts["members"]  # readable without the key
    assert uuids(opened(result, district_keys), "members") == stored_uuids(demo, Member)
    with pytest.raises(BatchRejected, match="另一把密钥"):
        opened(result, keys.OfficeKeys(DISTRICT, district_keys.signing, keys.load_or_create("999").receiving))


# --- where the file goes ---------------------------------------------------------------------------------------

def test_the_batch_is_kept_in_the_outbox(demo: Store, clerk: Actor, uniondesk_home: Path, tmp_path: Path) -> None:
    kept = export_batch(demo, clerk)
    assert kept.path.parent == uniondesk_home / "outbox" / DISTRICT == outbox_dir(DISTRICT)
    assert kept.path.name.startswith(f"{OWN}-1-") and kept.path.suffix == ".ubatch"
    usb = tmp_path / "usb"
    copied = export_batch(demo, clerk, usb)
    assert copied.path.parent == usb
    in_outbox = outbox_dir(DISTRICT) / copied.path.name
    assert in_outbox.read_bytes() == copied.path.read_bytes()
    assert sorted(p.name for p in outbox_dir(DISTRICT).iterdir()) == sorted([kept.path.name, copied.path.name])
    assert [p.name for p in usb.iterdir()] == [copied.path.name]  # no temporary file left behind


def test_a_file_of_the_same_name_is_never_overwritten(demo: Store, clerk: Actor, tmp_path: Path) -> None:
    first = export_batch(demo, clerk, tmp_path)
    with demo.transaction() as session:  # as if the chain had been reset: the same number again
        session.execute(SyncBatch.__table__.delete())
    with pytest.raises(ValidationError, match="已有文件"):
        export_batch(demo, clerk, tmp_path)
    assert first.path.exists()


# --- who and to whom -------------------------------------------------------------------------------------------

def test_only_a_records_writer_may_export(demo: Store, approver: Actor) -> None:
    with pytest.raises(PermissionDenied):
        export_batch(demo, approver)


@pytest.mark.parametrize(("to", "message"), [(OWN, "是本单位"), ("../x", "字母或数字")])
def test_bad_recipients_are_refused(demo: Store, clerk: Actor, to: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        export_batch(demo, clerk, to=to)


def test_chains_to_different_recipients_are_separate(demo: Store, clerk: Actor, admin: Actor,
                                                     tmp_path: Path) -> None:
    trust_peer(demo, admin, SIBLING, "朝阳门街道工会", tmp_path)
    to_district = export_batch(demo, clerk)
    to_sibling = export_batch(demo, clerk, to=SIBLING)
    assert (to_district.seq, to_sibling.seq) == (1, 1)
    assert to_sibling.counts == to_district.counts  # a sub-district's own rows, whoever receives them
    assert to_sibling.path.parent == outbox_dir(SIBLING)
