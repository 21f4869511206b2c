"""The station list a clerk searches and filters (db.listing over the stations registry): found by code, name,
address, host, manager and the pinyin initials of the name, whichever way it was written; filtered by status,
host type, stars (未评星 too), 六有 complete or not and 需关注 — the last by the one rule
(rules.attention_reasons) on the day the clerk looks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from db import listing
from db.auth import Actor
from db.demo import fill_demo
from db.listing import ListFilter
from db.models import Station
from db.pinyin import place_initials
from db.registry import registries
from db.stations import attention, cases, inspections, logs
from db.stations.fields import STATIONS
from db.stations.tabular import NEEDS_ATTENTION, SIX_COMPLETE, SIX_INCOMPLETE, UNRATED
from db.store import Store
from db.tabular.apply import apply_plan
from db.tabular.plan import plan_import

SIX = dict.fromkeys(("has_sign", "has_fixed_place", "has_facilities", "has_rules", "has_staff", "on_map"), True)
BASE = {"built_on": "2020-01-10", **SIX}


@pytest.fixture
def stations(store: Store, clerk: Actor) -> dict[str, str]:
    """Four stations, by a short name: uuid."""
    made = {
        "chaoyang": cases.create_station(store, clerk, {
            **BASE, "code": "NX-006-001", "name": "朝阳门快递驿站", "address": "朝阳门南小街8号", "host_type": "企业",
            "host_name": "顺丰速运", "manager": "王芳", "stars": 4}),
        "jiefang": cases.create_station(store, clerk, {
            **BASE, "code": "NX-006-002", "name": "解放路环卫驿站", "address": "东四北大街100号", "host_type": "社区",
            "manager": "李强", "stars": 2, "on_map": False}),
        "planned": cases.create_station(store, clerk, {
            "code": "NX-006-003", "name": "银行驿站", "status": "planning", "host_type": "商户"}),
        "union": cases.create_station(store, clerk, {
            **BASE, "code": "GH-006-004", "name": "东四工会驿站", "host_type": "工会", "host_name": "东四街道总工会"}),
    }
    return {key: station.uuid for key, station in made.items()}


def found(store: Store, **given: Any) -> set[str]:
    flt = ListFilter(**given)
    with store.transaction() as session:
        rows = listing.page(session, STATIONS, flt, listing.ListSort(), limit=1000).rows
        assert listing.count(session, STATIONS, flt) == len(rows)
    return {row["uuid"] for row in rows}


def names(stations: dict[str, str], uuids: set[str]) -> set[str]:
    return {key for key, uuid in stations.items() if uuid in uuids}


# --- search ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "expected"), [
    ("cym", {"chaoyang"}),  # 朝阳门 as a Beijinger reads it
    ("zym", {"chaoyang"}),  # and as the phrase dictionary does
    ("CYMKD", {"chaoyang"}),
    ("ｃｙｍ", {"chaoyang"}),  # full width, as some input methods type it
    ("jfl", {"jiefang"}),  # 解放路: a place, not the surname Xiè
    ("xfl", set()),
    ("yz", set()),  # initials match from the start of the name, not inside it
    ("yhyz", {"planned"}),
    ("NX-006-002", {"jiefang"}),
    ("006", {"chaoyang", "jiefang", "planned", "union"}),
    ("东四北大街", {"jiefang"}),
    ("顺丰", {"chaoyang"}),
    ("王芳", {"chaoyang"}),
    ("驿站 东四", {"jiefang", "union"}),  # every word must be found
    ("", {"chaoyang", "jiefang", "planned", "union"}),
])
def test_search_finds_code_name_address_host_manager_and_initials(store: Store, stations: dict[str, str],
                                                                   typed: str, expected: set[str]) -> None:
    assert names(stations, found(store, text=typed)) == expected


def test_the_initials_follow_the_name_on_every_write_path(store: Store, clerk: Actor,
                                                          stations: dict[str, str]) -> None:
    cases.update_station(store, clerk, stations["jiefang"], {"name": "重庆路驿站"})
    assert names(stations, found(store, text="cql")) == {"jiefang"}
    assert names(stations, found(store, text="jfl")) == set()
    # an import: new stations go in by a Core insert, changed ones through the ORM
    rows = [(2, {"code": "NX-006-009", "name": "长安街驿站"}), (3, {"code": "NX-006-001", "name": "和平里驿站"})]
    plan = plan_import(store, clerk, "stations", rows, {"code": "A", "name": "B"})
    assert plan.counts["error"] == 0, [r.messages for r in plan.rows]
    assert apply_plan(store, clerk, plan) == {"new": 1, "update": 1}
    with store.transaction() as session:
        stored = dict(session.execute(select(Station.code, Station.name_initials)).all())
    assert stored["NX-006-009"] == place_initials("长安街驿站") and stored["NX-006-009"].startswith("caj")
    assert stored["NX-006-001"] == "hplyz"


def test_demo_stations_have_their_initials(store: Store) -> None:
    fill_demo(store, 40, seed=5)
    with store.transaction() as session:
        rows = session.execute(select(Station.name, Station.name_initials)).all()
    assert rows and all(initials == place_initials(name) and initials for name, initials in rows)


# --- filters ---------------------------------------------------------------------------------------------

def test_filters_by_status_host_type_and_stars(store: Store, stations: dict[str, str]) -> None:
    assert names(stations, found(store, equals=(("status", "planning"),))) == {"planned"}
    assert names(stations, found(store, equals=(("host_type", "社区"),))) == {"jiefang"}
    assert names(stations, found(store, equals=(("stars", 4),))) == {"chaoyang"}
    assert names(stations, found(store, flags=(UNRATED,))) == {"planned", "union"}
    assert names(stations, found(store, text="驿站", equals=(("status", "running"),), flags=(UNRATED,))) == {"union"}


def test_six_complete_or_not(store: Store, stations: dict[str, str]) -> None:
    assert names(stations, found(store, flags=(SIX_COMPLETE,))) == {"chaoyang", "union"}
    assert names(stations, found(store, flags=(SIX_INCOMPLETE,))) == {"jiefang", "planned"}


def test_an_unknown_filter_is_a_programming_error(store: Store) -> None:
    with pytest.raises(ValueError, match="no list filter"):
        found(store, flags=("shiny",))


def test_needs_attention_on_the_day_the_clerk_looks(store: Store, clerk: Actor, stations: dict[str, str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("chaoyang", "jiefang", "union"):
        inspections.record_inspection(store, clerk, stations[key], {"inspected_on": "2023-03-10", "inspector": "督查组",
                                                                    **SIX})
        logs.save_month_log(store, clerk, stations[key], "2023-03", {"visits_courier": 3})
    inspections.record_inspection(store, clerk, stations["jiefang"], {
        "inspected_on": "2023-03-20", "inspector": "督查组", **SIX, "follow_up": "补地图标注",
        "follow_up_due_on": "2023-04-10"})
    logs.save_month_log(store, clerk, stations["chaoyang"], "2023-04", {"visits_courier": 3})

    def on(day: dt.date) -> set[str]:
        monkeypatch.setattr(cases, "_today", lambda: day)
        shown = found(store, flags=(NEEDS_ATTENTION,))
        assert shown == set(attention.attention(store)), day  # the filter and the marks are one rule
        return names(stations, shown)

    assert on(dt.date(2023, 4, 5)) == set()
    # 20 April: the follow-up is late; May: April's log is missing but for 朝阳门
    assert on(dt.date(2023, 4, 20)) == {"jiefang"}
    assert on(dt.date(2023, 5, 2)) == {"jiefang", "union"}
    assert names(stations, found(store, text="东四", flags=(NEEDS_ATTENTION,))) == {"jiefang", "union"}
    # a year on, every station in service is due an inspection; the one in planning never
    assert on(dt.date(2024, 3, 11)) == {"chaoyang", "jiefang", "union"}


def test_attention_of_some_stations_is_theirs_of_all(store: Store, clerk: Actor, stations: dict[str, str]) -> None:
    day = dt.date(2023, 5, 2)
    every = attention.attention(store, on=day)
    assert set(every) == {stations["chaoyang"], stations["jiefang"], stations["union"]}
    some = [stations["jiefang"], stations["planned"]]
    assert attention.attention(store, on=day, stations=some) == {stations["jiefang"]: every[stations["jiefang"]]}
    assert attention.attention(store, on=day, stations=[]) == {}


def test_the_registry_declares_the_initials_as_no_field(store: Store) -> None:
    # a search column, not a field: never in the form, the sheet or a conflict's field-by-field choice
    assert "name_initials" not in {f.attr for f in registries()["stations"].fields}


def test_remembered_marks_give_way_to_any_write(store: Store, clerk: Actor, stations: dict[str, str]) -> None:
    day = dt.date(2023, 5, 2)
    before = attention.attention(store, on=day)
    assert "2023年4月台账未录入" in before[stations["union"]]
    union = stations["union"]
    assert attention.attention(store, on=day, stations=[union]) == {union: before[union]}
    logs.save_month_log(store, clerk, stations["union"], "2023-04", {"visits_courier": 1})
    after = attention.attention(store, on=day)
    assert "2023年4月台账未录入" not in after.get(stations["union"], [])
    assert attention.attention(store, on=day, stations=[stations["union"]]) == {
        k: v for k, v in after.items() if k == stations["union"]}
    assert attention.attention(store, on=dt.date(2023, 4, 5)) != after  # another day, not the remembered one
