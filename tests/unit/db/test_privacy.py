"""A masked value seen in full (design §7): only by a role allowed it, only a field that is masked, one audit
entry per view naming the record and the fields; nothing else written."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from db import members, privacy
from db.auth import Actor
from db.errors import NotFound, PermissionDenied, ValidationError
from db.members.fields import MEMBERS
from db.models import AuditEntry
from db.stations import cases as stations
from db.stations.fields import STATIONS
from db.store import Store

ZHANG = {"name": "张三", "id_number": "11010519491231002X", "joined_on": "2020-05-01", "phone": "13800138000",
         "employment_form": "快递员", "employer": "顺丰速运"}


def reveal_entries(store: Store) -> list[tuple[str, str | None, dict[str, object]]]:
    with store.transaction() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal").order_by(AuditEntry.id))
        return [(row.actor, row.row_uuid, json.loads(row.changes)) for row in rows]


def test_a_member_s_masked_values_are_given_to_an_allowed_role_and_audited(store: Store, clerk: Actor,
                                                                           admin: Actor, approver: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    assert sorted(privacy.masked_attrs(MEMBERS)) == ["birth_date", "id_number", "phone"]
    assert privacy.reveal(store, admin, MEMBERS, member.uuid, ["身份证号"]) == {"id_number": ZHANG["id_number"]}
    shown = privacy.reveal(store, approver, MEMBERS, member.uuid, ["phone", "birth_date"])
    assert shown["phone"] == "13800138000" and str(shown["birth_date"]) == "1949-12-31"
    assert reveal_entries(store) == [
        ("admin", member.uuid, {"fields": ["id_number"], "labels": ["身份证号"]}),
        ("approver", member.uuid, {"fields": ["phone", "birth_date"], "labels": ["手机号码", "出生日期"]})]


def test_a_reveal_is_refused_naming_why_and_writes_nothing(store: Store, clerk: Actor, admin: Actor) -> None:
    member = members.register(store, clerk, ZHANG)
    with store.transaction() as session:
        before = session.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(PermissionDenied):
        privacy.reveal(store, clerk, MEMBERS, member.uuid, ["id_number"])
    with pytest.raises(ValidationError) as caught:
        privacy.reveal(store, admin, MEMBERS, member.uuid, ["employer"])
    assert caught.value.field == "敏感字段" and "不是会员的隐藏字段" in caught.value.message
    members.soft_delete(store, clerk, member.uuid)
    with pytest.raises(NotFound):
        privacy.reveal(store, admin, MEMBERS, member.uuid, ["id_number"])
    with store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == before + 1  # the deletion only


def test_a_station_s_phone_is_revealed_alike(store: Store, clerk: Actor, admin: Actor) -> None:
    station = stations.create_station(store, clerk, {"code": "NX-006-001", "name": "东四快递小哥驿站",
                                                     "phone": "13900139000", "built_on": "2020-01-10"})
    assert privacy.reveal(store, admin, STATIONS, station.uuid, ["phone"]) == {"phone": "13900139000"}
    assert [e[1] for e in reveal_entries(store)] == [station.uuid]
