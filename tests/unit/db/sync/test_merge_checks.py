"""A batch signed by a trusted office is still checked value by value against the declarations: each hostile
value is refused with the table, row and field named, and the district's database is unchanged."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from db import members
from db.sync.batchfile import BatchRejected
from db.validation import make_id_number
from tests.sync_peers import Peer
from tests.unit.db.sync.test_merge import digest, person


def _event_row(peer: Peer) -> dict[str, Any]:
    return peer.rows()["member_events"][0]


HOSTILE_MEMBERS = [
    ({"status": "zombie"}, "状态：“zombie”不在可选范围内"),
    ({"status": "=cmd|'/Ccalc'!A0"}, "状态："),
    ({"id_number": "abc<script>"}, "身份证号"),
    ({"id_number": make_id_number("110101", dt.date(1990, 1, 1), 5)[:17] + "0"}, "身份证号：校验位错误"),
    ({"uuid": "../../x"}, "系统编号：不是有效的系统编号：../../x"),
    ({"rev": -5}, "版本：版本号超出范围：-5"),
    ({"rev": 2**63}, "版本"),
    ({"gender": "未知"}, "性别"),
    ({"phone": "12345"}, "手机号码"),
    ({"education": "博士后"}, "学历：“博士后”不在可选范围内"),
    ({"employment_form": "=1+1"}, "就业形态"),
    ({"name": "  "}, "姓名"),
    ({"name": "王" * 51}, "字段 name 的值无效"),  # longer than its column: the type check says so first
    ({"joined_on": "1066-10-14"}, "入会日期：年份不合理"),
    ({"employer_credit_code": "91110000000000000X"}, "统一社会信用代码"),
]


@pytest.mark.parametrize(("change", "message"), HOSTILE_MEMBERS, ids=[m for _, m in HOSTILE_MEMBERS])
def test_a_hostile_member_value_from_a_trusted_office_is_refused(sub: Peer, district: Peer, change: dict[str, Any],
                                                                 message: str) -> None:
    members.register(sub.store, sub.clerk, person(1))
    members.register(sub.store, sub.clerk, person(2))
    rows = sub.rows()
    rows["members"][1] = rows["members"][1] | change
    path, _ = sub.send(district, 1, rows)
    before = digest(district.store)
    with pytest.raises(BatchRejected) as refused:
        district.import_(path)
    assert message in str(refused.value)
    assert "第 2 行" in str(refused.value)
    assert digest(district.store) == before


@pytest.mark.parametrize(("change", "message"), [
    ({"kind": "teleport"}, "变动类别：“teleport”不在可选范围内"),
    ({"to_status": "zombie"}, "新状态"),
    ({"member_uuid": "C:\\Windows\\x"}, "关联记录 member_uuid：不是有效的系统编号"),
])
def test_a_child_row_is_checked_too(sub: Peer, district: Peer, change: dict[str, Any], message: str) -> None:
    members.register(sub.store, sub.clerk, person(1))
    rows = sub.rows()
    rows["member_events"][0] = _event_row(sub) | change
    path, _ = sub.send(district, 1, rows)
    before = digest(district.store)
    with pytest.raises(BatchRejected, match=message):
        district.import_(path)
    assert digest(district.store) == before


def test_the_same_rows_without_the_hostile_value_import(sub: Peer, district: Peer) -> None:
    members.register(sub.store, sub.clerk, person(1))
    members.register(sub.store, sub.clerk, person(2, id_type="护照", id_number="E12345678", gender="女"))
    path, _ = sub.send(district, 1, sub.rows())
    assert district.import_(path)[0].counts["inserted"] == 4  # two members and their joining events
