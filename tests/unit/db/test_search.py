"""Reading what a clerk types into the search box, the pinyin kept for it, and the SQL of each term:
its scanning and seeking forms always select the same rows."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from db import members
from db.auth import Actor
from db.members import search
from db.models import Member
from db.pinyin import name_initials, name_pinyin
from db.store import Store
from db.validation import make_id_number, parse_id_number


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


@pytest.mark.parametrize(("typed", "terms"), [
    ("", []),
    ("   ", []),
    ("110101 19800101 001x", [(search.ID_NUMBER, "11010119800101001X")]),
    ("１１０１０１１９８００１０１００１Ｘ", [(search.ID_NUMBER, "11010119800101001X")]),
    ("+86 138-0013-8000", [(search.PHONE, "13800138000")]),
    ("13800138000", [(search.PHONE, "13800138000")]),
    ("12000138000", [(search.DIGITS, "12000138000")]),  # not a mobile number (12…)
    ("1234", [(search.DIGITS, "1234")]),
    ("123x", [(search.ID_TAIL, "123X")]),
    ("12345X", [(search.ID_TAIL, "12345X")]),
    ("1006000001", [(search.DIGITS, "1006000001")]),
    ("ZS", [(search.PINYIN, "zs")]),
    ("ｚｈａｎｇ", [(search.PINYIN, "zhang")]),
    ("张三", [(search.TEXT, "张三")]),
    ("A座", [(search.TEXT, "A座")]),
    ("张 顺丰", [(search.TEXT, "张"), (search.TEXT, "顺丰")]),
    ("张\u3000顺丰", [(search.TEXT, "张"), (search.TEXT, "顺丰")]),  # a full-width space
    ("zs 1234", [(search.PINYIN, "zs"), (search.DIGITS, "1234")]),
])
def test_search_text_is_read_into_terms(typed: str, terms: list[tuple[str, str]]) -> None:
    assert [(t.kind, t.value) for t in search.parse(typed)] == terms


def test_an_old_15_digit_id_number_is_searched_widened() -> None:
    (term,) = search.parse("110101800101001")
    assert (term.kind, term.value) == (search.ID_NUMBER, parse_id_number("110101800101001").number)
    assert term.value.startswith("11010119800101001")


NAMES = ["张三", "周顺", "赵四", "张珊珊", "王小明", "欧阳娜娜", "小明", "李四"]
TYPED = ["zs", "zhang", "oy", "张", "小明", "娜娜", "阳娜", "顺丰", "北京", "王小明", "协和医院", "有限公司",
         "1234", "0011", "001X", "100600", "1006000003", "006000003", "00600", "13800138000", "1380013",
         "11010119800101"]


def test_scan_seek_and_probe_of_each_term_select_the_same_rows(store: Store, clerk: Actor) -> None:
    for i, name in enumerate(NAMES):
        members.register(store, clerk, {
            "name": name, "id_number": make_id_number("110101", dt.date(1980, 1, 1 + i), 10 + i),
            "joined_on": "2020-01-01", "phone": f"1380013800{i}",
            "employer": ["顺丰速运有限公司", "北京协和医院", None][i % 3]})
    with store.transaction() as session:
        for typed in TYPED + [name[1:] for name in NAMES]:
            for term in search.parse(typed):
                cond = search.condition(session, term)
                scanned = set(session.scalars(select(Member.uuid).where(cond.scan)))
                if cond.seek is None:
                    assert cond.probe is None
                    continue
                sought = set(session.scalars(select(Member.uuid).where(cond.seek)))
                assert sought == scanned, typed
                assert cond.probe is not None
                assert session.scalar(select(func.count()).select_from(cond.probe.subquery())) == len(sought)


def test_distinct_values_by_a_loose_index_scan(store: Store, clerk: Actor) -> None:
    for i, employer in enumerate(["乙公司", None, "甲公司", "乙公司"]):
        members.register(store, clerk, {"name": "张三", "employer": employer, "joined_on": "2020-01-01",
                                        "id_number": make_id_number("110101", dt.date(1980, 1, 1 + i), 10)})
    with store.transaction() as session:
        assert search.distinct_values(session, "employer") == sorted(["乙公司", "甲公司"])
        assert search.distinct_values(session, "employer", containing="甲") == ["甲公司"]
        assert search.distinct_values(session, "base_union") == []
        with pytest.raises(ValueError, match="no loose scan"):
            search.distinct_values(session, "name; DROP TABLE members")
