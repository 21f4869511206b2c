"""Quick lookups in index order: by ID number however typed, by pinyin initials prefix."""

from __future__ import annotations

import datetime as dt

from db import lookup, members
from db.auth import Actor
from db.store import Store
from db.validation import make_id_number


def register(store: Store, clerk: Actor, names: list[str]) -> list[str]:
    return [members.register(store, clerk, {"name": name, "joined_on": "2020-01-01",
                                            "id_number": make_id_number("110101", dt.date(1980, 1, 1 + i), 10 + i)}
                             ).uuid for i, name in enumerate(names)]


def test_initials_prefix_in_initials_order_without_deleted(store: Store, clerk: Actor) -> None:
    uuids = register(store, clerk, ["张珊珊", "张三", "李四", "周顺", "朱莎"])
    members.soft_delete(store, clerk, uuids[4])
    with store.transaction() as session:
        found = lookup.by_initials_prefix(session, "ZS")
        assert [r.name for r in found] == ["张三", "周顺", "张珊珊"]
        assert [r.name for r in lookup.by_initials_prefix(session, "zs", limit=1)] == ["张三"]


def test_id_number_however_typed(store: Store, clerk: Actor) -> None:
    uuid = register(store, clerk, ["张三"])[0]
    with store.transaction() as session:
        number = members.get(session, uuid).id_number
        typed = f" {number[:6]} {number[6:14]}　{number[14:]} ".lower()
        assert [r.uuid for r in lookup.by_id_number(session, typed)] == [uuid]
        assert lookup.by_id_number(session, make_id_number("110101", dt.date(1999, 9, 9), 1)) == []
