"""The member list: each kind of search finds its members and no others, filters combine, keyset pages
cover every row exactly once in order (NULLs included, both directions, each way of finding rows), counts
agree, deleted members stay hidden and an edited row shows the edit."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy.orm import Session

from db import members
from db.auth import Actor
from db.members import listing as member_list
from db.members import search
from db.members.listing import NEW_FORMS, SORT_COLUMNS, MemberFilter, MemberRow, MemberSort
from db.store import Store
from db.validation import make_id_number

SF = "顺丰速运有限公司北京分公司"
PUMC = "北京协和医院"
MEITUAN = "北京三快在线科技有限公司"

# name, employer, phone, base union, employment form; ID numbers are made from the position in the list
PEOPLE: list[tuple[str, str | None, str | None, str | None, str]] = [
    ("张三", SF, "13800138000", "顺丰东城片区工会", "快递员"),
    ("周顺", PUMC, "13900000001", "北京协和医院工会", "标准就业"),
    ("赵四", SF, None, "顺丰东城片区工会", "快递员"),
    ("张珊珊", MEITUAN, "13700000002", None, "外卖送餐员"),
    ("王小明", None, "13600000003", None, "标准就业"),
    ("欧阳娜娜", PUMC, None, "北京协和医院工会", "标准就业"),
    ("李四", "北京王府井百货", "15000000004", "东四街道联合工会", "其他"),
    ("朱莎", MEITUAN, "15100000005", None, "外卖送餐员"),
    ("章三", SF, "15200000006", "顺丰东城片区工会", "快递员"),  # same pinyin as 张三
    ("小明", "明明超市", None, "东四街道联合工会", "标准就业"),
    ("刘明华", "北京饭店", "15300000007", "东四街道联合工会", "标准就业"),
    ("张伟", SF, "15400000008", "顺丰东城片区工会", "快递员"),
]


@dataclass
class Registry:
    """The members of a test database, by name, and the whole rows as the list would show them."""

    store: Store
    uuids: dict[str, str]

    def rows(self) -> list[MemberRow]:
        """Every visible member (read without the code under test's filters)."""
        with self.store.transaction() as session:
            found = [member_list.row(session, uuid) for uuid in self.uuids.values()]
        return [r for r in found if r is not None]

    def names(self, flt: MemberFilter, sort: MemberSort | None = None, limit: int = 200) -> list[str]:
        with self.store.transaction() as session:
            return [r.name for r in member_list.page(session, flt, sort or MemberSort(), limit=limit).rows]


@pytest.fixture
def registry(store: Store, clerk: Actor) -> Registry:
    uuids = {}
    for i, (name, employer, phone, union, form) in enumerate(PEOPLE):
        number = make_id_number("110101", dt.date(1970 + i, 1 + i % 12, 1 + i), 100 + i)
        member = members.register(store, clerk, {
            "name": name, "id_number": number, "joined_on": f"20{10 + i % 7}-03-0{1 + i % 5}",
            "employer": employer, "phone": phone, "base_union": union, "employment_form": form})
        uuids[name] = member.uuid
    foreigner = members.register(store, clerk, {  # no birth date, phone, employer or union: NULLs to sort
        "name": "安娜", "id_type": "护照", "id_number": "E12345678", "gender": "女", "joined_on": "2022-06-01"})
    uuids["安娜"] = foreigner.uuid
    members.leave(store, clerk, uuids["李四"], "2023-01-01")
    members.transfer_out(store, clerk, uuids["周顺"], "2023-02-01", "西城区总工会")
    members.record_death(store, clerk, uuids["朱莎"], "2023-03-01")
    gone = members.register(store, clerk, {"name": "张删", "id_number": make_id_number(
        "110101", dt.date(1999, 9, 9), 999), "joined_on": "2020-01-01", "employer": SF})
    members.soft_delete(store, clerk, gone.uuid)
    return Registry(store, uuids)


def id_number(registry: Registry, name: str) -> str:
    return next(r.id_number for r in registry.rows() if r.name == name)


def member_no(registry: Registry, name: str) -> str:
    return next(r.member_no for r in registry.rows() if r.name == name)


# --- how the plan finds rows (SQLite); PostgreSQL always plans by itself ------------------------------


@pytest.fixture(params=["auto", "walk", "walk-short-window"])
def plan_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, db_url: str) -> str:
    """auto: a few matches drive through their index; walk: every query walks the sort index; with a short
    window, the walk gives up after two rows and the rest of each page is driven."""
    if request.param != "auto" and "://" in db_url:
        pytest.skip("PostgreSQL plans by itself: one way only")
    if request.param != "auto":
        monkeypatch.setattr(member_list, "SELECTIVE", 0)
    if request.param == "walk-short-window":
        monkeypatch.setattr(member_list, "WINDOW", 2)
    return str(request.param)


# --- each kind of search ------------------------------------------------------------------------------


def test_empty_search_lists_every_visible_member(registry: Registry, plan_mode: str) -> None:
    assert sorted(registry.names(MemberFilter())) == sorted(registry.uuids)


def finds(registry: Registry, expected: dict[str, set[str]]) -> None:
    found = {typed: set(registry.names(MemberFilter(text=typed))) for typed in expected}
    assert found == expected


def test_pinyin_initials_and_full_pinyin(registry: Registry, plan_mode: str) -> None:
    finds(registry, {
        "zs": {"张三", "章三", "周顺", "张珊珊", "朱莎", "赵四"},
        "ZSS": {"张珊珊"},
        "zhangs": {"张三", "章三", "张珊珊"},
        "Zhang": {"张三", "章三", "张珊珊", "张伟"},
        "oy": {"欧阳娜娜"},
        "q": set(),
    })


def test_name_fragments(registry: Registry, plan_mode: str) -> None:
    finds(registry, {
        "张三": {"张三"},  # a whole 2-character name
        "张珊": {"张珊珊"},  # a 2-character prefix
        "小明": {"王小明", "小明"},  # the given name of a 3-character name, and a name
        "珊珊": {"张珊珊"},
        "娜娜": {"欧阳娜娜"},  # the end of a 4-character name
        "阳娜": {"欧阳娜娜"},
        "明华": {"刘明华"},
        "明": {"王小明", "小明", "刘明华"},  # one character: anywhere in the name (or employer: 明明超市)
        "王小明": {"王小明"},  # 3+ characters: the trigram index
        "欧阳娜娜": {"欧阳娜娜"},
        "三": {"张三", "章三", "张珊珊", "朱莎"},  # and the employer: 北京三快在线科技有限公司
    })


def test_employer_fragments(registry: Registry, plan_mode: str) -> None:
    sf = {"张三", "赵四", "章三", "张伟"}
    finds(registry, {
        "顺丰": sf,  # 2 characters: the employer list
        "顺丰速运": sf,  # 3+: the trigram index
        "协和": {"周顺", "欧阳娜娜"},
        "北京分公司": sf,
        "王府井": {"李四"},
        "有限公司": sf | {"张珊珊", "朱莎"},
        "超市": {"小明"},
        "饭店": {"刘明华"},
    })


def test_id_number_whole_and_its_last_4_or_6_characters(registry: Registry, plan_mode: str) -> None:
    """As a user who sees ID numbers in full (sensitive.full)."""
    number = id_number(registry, "王小明")
    spaced = f" {number[:6]} {number[6:14]} {number[14:]} ".lower()
    assert registry.names(MemberFilter(text=spaced, full_ids=True)) == ["王小明"]
    for tail in (number[-4:], number[-6:], number[-4:].lower()):
        found = set(registry.names(MemberFilter(text=tail, full_ids=True)))
        expected = {r.name for r in registry.rows() if r.id_number.endswith(tail.upper())}
        assert "王小明" in found and found == expected
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    assert registry.names(MemberFilter(text=wrong, full_ids=True)) == []


def test_masked_id_numbers_are_found_whole_or_by_what_the_mask_shows(registry: Registry, plan_mode: str) -> None:
    """A user who sees ID numbers masked (110101********1234) finds the whole number or its last 4
    characters, never the last 6 or the first 7+: they would confirm hidden birth-date digits."""
    number = id_number(registry, "王小明")
    assert registry.names(MemberFilter(text=number)) == ["王小明"]
    assert "王小明" in registry.names(MemberFilter(text=number[-4:]))
    for part in (number[-6:], number[:7], number[:14], number[:17]):
        assert "王小明" not in registry.names(MemberFilter(text=part)), part


def test_an_id_tail_is_not_found_in_other_document_numbers(registry: Registry) -> None:
    # "5678" ends the passport number E12345678, but only 18-character ID numbers have searchable tails
    assert "安娜" not in registry.names(MemberFilter(text="5678"))


def test_phone_finds_its_holder_only(registry: Registry, plan_mode: str) -> None:
    assert registry.names(MemberFilter(text="138 0013 8000")) == ["张三"]
    assert registry.names(MemberFilter(text="+86 150-0000-0004")) == ["李四"]
    assert registry.names(MemberFilter(text="13800138001")) == []
    # the beginning of a phone number (7-10 digits) finds the numbers starting with it, for a user who sees
    # phone numbers in full; a masked list shows only the first 3 digits, so its search goes no further
    assert set(registry.names(MemberFilter(text="1500000", full_ids=True))) == {"李四"}
    assert registry.names(MemberFilter(text="1500000")) == []


def test_member_number_whole_or_its_beginning(registry: Registry, plan_mode: str) -> None:
    number = member_no(registry, "赵四")
    assert registry.names(MemberFilter(text=number)) == ["赵四"]
    everyone = set(registry.names(MemberFilter(text=number[:6])))
    assert everyone == {r.name for r in registry.rows() if r.member_no.startswith(number[:6])}
    assert len(everyone) == len(registry.uuids)


def test_several_words_must_all_match(registry: Registry, plan_mode: str) -> None:
    assert set(registry.names(MemberFilter(text="张 顺丰"))) == {"张三", "张伟"}
    assert set(registry.names(MemberFilter(text="zs 顺丰速运"))) == {"张三", "章三", "赵四"}
    assert registry.names(MemberFilter(text="zs 协和")) == ["周顺"]


def test_text_with_like_wildcards_is_taken_literally(registry: Registry) -> None:
    assert registry.names(MemberFilter(text="%")) == []
    assert registry.names(MemberFilter(text="_明")) == []
    assert registry.names(MemberFilter(text='"顺丰"速')) == []


# --- filters ------------------------------------------------------------------------------------------


def test_filters_and_their_combination(registry: Registry, plan_mode: str) -> None:
    def names(**kwargs: Any) -> set[str]:
        return set(registry.names(MemberFilter(**kwargs)))

    assert names(status="left") == {"李四"}
    assert names(status="transferred_out") == {"周顺"}
    assert names(status="deceased") == {"朱莎"}
    assert names(status="active") == set(registry.uuids) - {"李四", "周顺", "朱莎"}
    assert names(employment_form="快递员") == {"张三", "赵四", "章三", "张伟"}
    assert names(employment_form=NEW_FORMS) == {"张三", "赵四", "章三", "张伟", "张珊珊", "朱莎", "李四"}
    assert names(base_union="北京协和医院工会") == {"周顺", "欧阳娜娜"}
    assert names(office_code="110101006") == set(registry.uuids)
    assert names(office_code="110101001") == set()
    assert names(status="active", employment_form="外卖送餐员") == {"张珊珊"}
    assert names(text="zs", status="active", employment_form=NEW_FORMS) == {"张三", "章三", "张珊珊", "赵四"}
    assert names(text="顺丰", base_union="顺丰东城片区工会", status="active") == {"张三", "赵四", "章三", "张伟"}
    assert names(text="协和", status="active") == {"欧阳娜娜"}


def test_base_unions_for_the_filter(registry: Registry) -> None:
    unions = ["东四街道联合工会", "北京协和医院工会", "顺丰东城片区工会"]
    with registry.store.transaction() as session:
        assert member_list.base_unions(session) == sorted(unions)
        assert member_list.base_unions(session, "110101006") == sorted(unions)
        assert member_list.base_unions(session, "110101001") == []


# --- paging -------------------------------------------------------------------------------------------


def expected_order(rows: list[MemberRow], sort: MemberSort) -> list[str]:
    """The list's order, computed here: NULLs first ascending (last descending), ties by uuid."""
    def key(r: MemberRow) -> tuple[Any, ...]:
        value = r.name_pinyin if sort.column == "name" else getattr(r, sort.column)
        return (value is not None, value if value is not None else 0, r.uuid)

    ordered = sorted(rows, key=key)
    return [r.uuid for r in (reversed(ordered) if sort.descending else ordered)]


def all_pages(session: Session, flt: MemberFilter, sort: MemberSort, limit: int,
              backwards: bool = False) -> Iterator[list[MemberRow]]:
    cursor = None
    for _ in range(100):
        result = member_list.page(session, flt, sort, cursor, limit, backwards=backwards)
        assert len(result.rows) == limit or result.next_cursor is None
        yield result.rows
        if result.next_cursor is None:
            return
        cursor = result.next_cursor
    raise AssertionError("paging did not end")


SORTS = [MemberSort(column, descending) for column in SORT_COLUMNS for descending in (False, True)]


def test_paging_returns_every_row_once_in_sort_order(registry: Registry, plan_mode: str) -> None:
    rows = registry.rows()
    with registry.store.transaction() as session:
        for sort in SORTS:
            expected = expected_order(rows, sort)
            for limit in (1, 3, 200):
                pages = list(all_pages(session, MemberFilter(), sort, limit))
                assert [r.uuid for p in pages for r in p] == expected, (sort, limit)
            back = [r.uuid for p in all_pages(session, MemberFilter(), sort, 4, backwards=True) for r in p]
            assert back == list(reversed(expected)), sort


SEARCH_SORTS = [MemberSort("name"), MemberSort("phone", True), MemberSort("employer"), MemberSort("member_no"),
                MemberSort("birth_date", True), MemberSort("base_union"), MemberSort("status", True)]
SEARCHES = [MemberFilter(text="zs"), MemberFilter(text="顺丰"), MemberFilter(status="active"),
            MemberFilter(text="明", status="active"), MemberFilter(employment_form=NEW_FORMS, text="有限公司"),
            MemberFilter(office_code="110101006", text="三")]


def test_paging_a_search_returns_its_matches_once_in_order(registry: Registry, plan_mode: str) -> None:
    with registry.store.transaction() as session:
        for sort in SEARCH_SORTS:
            for flt in SEARCHES:
                everything = member_list.page(session, flt, sort, limit=1000).rows
                assert len(everything) >= 2
                assert [r.uuid for r in everything] == expected_order(list(everything), sort), (flt, sort)
                paged = [r.uuid for p in all_pages(session, flt, sort, 2) for r in p]
                assert paged == [r.uuid for r in everything], (flt, sort)
                assert member_list.count(session, flt) == len(everything), flt


def test_page_continues_from_the_cursor_of_any_row(registry: Registry, plan_mode: str) -> None:
    sort = MemberSort("phone")
    expected = expected_order(registry.rows(), sort)
    with registry.store.transaction() as session:
        rows = member_list.page(session, MemberFilter(), sort, limit=1000).rows
        for i, r in enumerate(rows):
            after = member_list.page(session, MemberFilter(), sort, member_list.cursor_of(r, sort), limit=3)
            assert [x.uuid for x in after.rows] == expected[i + 1:i + 4]


def test_page_at_an_offset_matches_the_pages(registry: Registry, plan_mode: str, clerk: Actor) -> None:
    members.soft_delete(registry.store, clerk, registry.uuids["赵四"])  # deleted rows among the kept ones
    members.soft_delete(registry.store, clerk, registry.uuids["安娜"])  # and among the NULLs
    with registry.store.transaction() as session:
        for sort in (MemberSort("employer"), MemberSort("phone", True), MemberSort("name"), MemberSort("phone")):
            for flt in (MemberFilter(), MemberFilter(text="zs"), MemberFilter(status="active")):
                whole = [r.uuid for r in member_list.page(session, flt, sort, limit=1000).rows]
                for offset in range(len(whole) + 2):
                    got = member_list.page_at(session, flt, sort, offset, limit=3)
                    assert [r.uuid for r in got] == whole[offset:offset + 3], (sort, flt, offset)


def test_unknown_sort_column_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot sort"):
        MemberSort("password_hash")


# --- counts, edits, deletion --------------------------------------------------------------------------


COUNTED = [
    MemberFilter(), MemberFilter(text="zs"), MemberFilter(text="顺丰"), MemberFilter(text="顺丰速运"),
    MemberFilter(text="明"), MemberFilter(status="active"), MemberFilter(employment_form=NEW_FORMS),
    MemberFilter(text="张", status="active", employment_form="快递员"), MemberFilter(text="nobody"),
]


def test_count_matches_the_rows(registry: Registry, plan_mode: str) -> None:
    with registry.store.transaction() as session:
        for flt in COUNTED:
            rows = member_list.page(session, flt, MemberSort(), limit=1000).rows
            assert member_list.count(session, flt) == len(rows), flt
            assert member_list.count(session, flt, cap=2) == min(2, len(rows)), flt


def test_deleted_members_never_appear(registry: Registry, plan_mode: str) -> None:
    assert "张删" not in registry.names(MemberFilter())
    assert registry.names(MemberFilter(text="张删")) == []
    assert registry.names(MemberFilter(text="zs")).count("张删") == 0
    with registry.store.transaction() as session:
        assert member_list.count(session, MemberFilter()) == len(registry.uuids)
        assert member_list.count(session, MemberFilter(text="顺丰")) == 4


def test_an_edited_member_row_shows_the_edit_and_search_follows(registry: Registry, clerk: Actor) -> None:
    uuid = registry.uuids["王小明"]
    members.update(registry.store, clerk, uuid, {"name": "王晓明", "employer": "北京天坛医院"})
    with registry.store.transaction() as session:
        edited = member_list.row(session, uuid)
        assert edited is not None and (edited.name, edited.employer) == ("王晓明", "北京天坛医院")
        assert member_list.row(session, uuid, MemberFilter(text="天坛医院")) == edited
        assert member_list.row(session, uuid, MemberFilter(text="王小明")) is None
    assert registry.names(MemberFilter(text="王小明")) == []  # the trigram index forgot the old name…
    assert registry.names(MemberFilter(text="王晓明")) == ["王晓明"]  # …and learnt the new one
    assert registry.names(MemberFilter(text="天坛医院")) == ["王晓明"]
    assert registry.names(MemberFilter(text="wxm")) == ["王晓明"]
    members.soft_delete(registry.store, clerk, uuid)
    with registry.store.transaction() as session:
        assert member_list.row(session, uuid) is None
        assert member_list.count(session, MemberFilter(text="天坛医院")) == 0


def test_rows_carry_the_list_columns(registry: Registry) -> None:
    with registry.store.transaction() as session:
        (zhang,) = member_list.page(session, MemberFilter(text="138 0013 8000"), MemberSort()).rows
    assert (zhang.name, zhang.phone, zhang.employer, zhang.employment_form) == ("张三", "13800138000", SF, "快递员")
    assert (zhang.status, zhang.base_union, zhang.office_code, zhang.gender) == (
        "active", "顺丰东城片区工会", "110101006", "男" if int(zhang.id_number[16]) % 2 else "女")
    assert isinstance(zhang.joined_on, dt.date) and isinstance(zhang.updated_at, dt.datetime)


# --- the trigram index on bulk paths (SQLite) ---------------------------------------------------------


_serial = itertools.count(1)


def bulk_add(store: Store, clerk: Actor, rows: list[dict[str, Any]],
             around: Callable[[Any], Any] | None = None) -> None:
    from db.bulk import bulk_insert
    from db.models import Member
    from db.pinyin import pinyin_columns

    full = []
    for fields in rows:
        i = next(_serial)
        pinyin, initials = pinyin_columns(fields["name"])
        full.append({"gender": "男", "id_number": make_id_number("110102", dt.date(1985, 1, 1 + i), 500 + i),
                     "member_no": f"9{i:09d}", "joined_on": dt.date(2021, 1, 1), "name_pinyin": pinyin,
                     "name_initials": initials, **fields})
    with store.engine.begin() as conn:
        if around is None:
            bulk_insert(conn, Member, full, clerk)
        else:
            with around(conn):
                bulk_insert(conn, Member, full, clerk)


def test_bulk_inserted_members_are_found_with_the_index_deferred(sqlite_store: Store, clerk: Actor) -> None:
    bulk_add(sqlite_store, clerk, [{"name": "孙悟空", "employer": "花果山水帘洞"}])
    bulk_add(sqlite_store, clerk, [{"name": "猪八戒", "employer": "高老庄"}, {"name": "沙和尚", "employer": "流沙河"}],
             around=search.deferred_search_index)
    with sqlite_store.transaction() as session:
        for text, name in (("孙悟空", "孙悟空"), ("水帘洞", "孙悟空"), ("猪八戒", "猪八戒"), ("流沙河", "沙和尚")):
            assert [r.name for r in member_list.page(session, MemberFilter(text=text), MemberSort()).rows] == [name]
    with sqlite_store.engine.connect() as conn:  # the insert trigger is back
        triggers = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert search.FTS_INSERT_TRIGGER in triggers
    bulk_add(sqlite_store, clerk, [{"name": "唐三藏", "employer": "大唐"}])
    with sqlite_store.transaction() as session:
        assert member_list.count(session, MemberFilter(text="唐三藏")) == 1


def test_a_failed_bulk_insert_keeps_the_insert_trigger(sqlite_store: Store, clerk: Actor) -> None:
    with pytest.raises(ValueError):
        bulk_add(sqlite_store, clerk, [{"name": "白骨精", "no_such_column": 1}], around=search.deferred_search_index)
    with sqlite_store.engine.connect() as conn:
        triggers = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert search.FTS_INSERT_TRIGGER in triggers
