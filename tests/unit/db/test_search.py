"""Finding members the way a clerk types: pinyin initials, ID number; and the pinyin kept for it."""

from __future__ import annotations

import datetime as dt

import pytest

from db import members, search
from db.auth import Actor
from db.pinyin import name_initials, name_pinyin
from db.store import Store
from db.validation import make_id_number


@pytest.mark.parametrize(("name", "pinyin", "initials"), [
    ("张三", "zhangsan", "zs"),
    ("单田芳", "shantianfang", "stf"),  # 单 as a surname is Shàn
    ("曾小贤", "zengxiaoxian", "zxx"),
    ("解晓东", "xiexiaodong", "xxd"),
    ("欧阳娜娜", "ouyangnana", "oynn"),
    ("尉迟恭", "yuchigong", "ycg"),
    ("重阳", "chongyang", "cy"),
])
def test_pinyin_of_names_reads_surnames_right(name: str, pinyin: str, initials: str) -> None:
    assert (name_pinyin(name), name_initials(name)) == (pinyin, initials)


def _register(store: Store, clerk: Actor, names: list[str]) -> list[str]:
    uuids = []
    for i, name in enumerate(names):
        number = make_id_number("110101", dt.date(1980, 1, 1 + i), 10 + i)
        uuids.append(members.register(store, clerk, {"name": name, "id_number": number,
                                                     "joined_on": "2020-01-01"}).uuid)
    return uuids


def test_initials_prefix_finds_matches_in_order_and_pages(store: Store, clerk: Actor) -> None:
    _register(store, clerk, ["张三", "周顺", "赵四", "张珊珊", "李四", "朱莎"])
    with store.transaction() as session:
        found = search.by_initials_prefix(session, "ZS")
        # same initials in the order they were entered (UUIDv7), then the longer initials
        assert [row.name for row in found] == ["张三", "周顺", "赵四", "朱莎", "张珊珊"]
        first = search.by_initials_prefix(session, "zs", limit=2)
        rest = search.by_initials_prefix(session, "zs", limit=10,
                                         after=(first[-1].name_initials, first[-1].uuid))
        assert [r.uuid for r in first] + [r.uuid for r in rest] == [r.uuid for r in found]
        assert search.by_initials_prefix(session, "q") == []


def test_id_number_lookup_normalises_what_was_typed(store: Store, clerk: Actor) -> None:
    uuid = _register(store, clerk, ["张三"])[0]
    with store.transaction() as session:
        number = members.get(session, uuid).id_number
        spaced = f"{number[:6]} {number[6:14]} {number[14:]}".lower()
        assert [row.uuid for row in search.by_id_number(session, spaced)] == [uuid]


def test_deleted_members_are_not_found(store: Store, clerk: Actor) -> None:
    uuid = _register(store, clerk, ["张三"])[0]
    members.soft_delete(store, clerk, uuid)
    with store.transaction() as session:
        assert search.by_initials_prefix(session, "zs") == []
