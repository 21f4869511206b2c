"""Rosters other people made, through the whole import: file → header and columns → verdicts → database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from db import members
from db.auth import Actor
from db.errors import ValidationError
from db.models import Member
from db.store import Store
from db.validation import make_id_number
from desktop.documents.excel import importer


def _id(day: int, seq: int) -> str:
    return make_id_number("110101", dt.date(1980, 1, day), seq)


def _to_15(number: str) -> str:
    """The 1985 form of an 18-digit number born in the 1900s: no century, no check character."""
    return number[:6] + number[8:17]


def _messy_roster(path: Path, existing_id: str) -> dict[str, int]:
    """A roster as a base union sends it: merged title rows, a blank row, 序号 and an extra column, headers
    in another order with synonyms; full-width digits, spaces in ID numbers, an old 15-digit number."""
    book = Workbook()
    sheet = book.active
    sheet.append(["东四街道工会会员花名册（2026年）"])
    sheet.merge_cells("A1:H1")
    sheet.append(["填报单位：东四街道联合工会", None, None, None, "填报日期：2026-11-20"])
    sheet.merge_cells("A2:D2")
    sheet.append([])
    sheet.append(["序号", "姓  名", "公民身份号码", "联系电话", "工作单位名称", "入会时间", "鞋码", "备注"])
    full_width = _id(2, 12).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    spaced = _id(3, 14)
    rows = {
        "full_width": ["1", "张一", full_width, "13800000001", "顺丰速运", "2020-01-05", "42", None],
        "spaced": ["2", "李二", f"{spaced[:6]} {spaced[6:14]} {spaced[14:]}", "13800000002", "美团", "2020/3/4",
                   None, None],
        "fifteen": ["3", "王三", _to_15(_id(4, 16)), "13800000003", "京东", "2021年5月6日", None, None],
        "bad_digit": ["4", "赵四", _id(5, 18)[:-1] + ("1" if _id(5, 18)[-1] == "0" else "0"), None, None,
                      "2021-01-01", None, None],
        "no_name": ["5", None, _id(6, 20), None, None, "2021-01-01", None, None],
        "update": ["6", "钱六", existing_id, "13900000006", "闪送", "2019-09-09", None, "换了手机"],
        "bad_date": ["7", "孙七", _id(7, 22), None, None, "2021-02-30", None, None],
        "duplicate": ["8", "张一", _id(2, 12), None, None, "2020-01-05", None, None],
    }
    for values in rows.values():
        sheet.append(values)
    book.save(path)
    return {name: 5 + index for index, name in enumerate(rows)}  # sheet row numbers


@pytest.fixture
def existing(store: Store, clerk: Actor) -> Member:
    return members.register(store, clerk, {"name": "钱六", "id_number": _id(9, 30), "joined_on": "2019-09-09",
                                           "phone": "13900000006", "employer": "闪送"})


def test_a_messy_roster_gets_the_right_verdicts(store: Store, clerk: Actor, existing: Member,
                                                tmp_path: Path) -> None:
    path = tmp_path / "花名册.xlsx"
    row_of = _messy_roster(path, existing.id_number)
    source = importer.read_source(store, "members", path)
    assert source.header_row == 4
    assert {source.headers[i]: attr for i, attr in source.mapping.items()} == {
        "姓  名": "name", "公民身份号码": "id_number", "联系电话": "phone", "工作单位名称": "employer",
        "入会时间": "joined_on", "备注": "remarks"}
    plan = importer.plan(store, clerk, source)
    verdict = {row.row_no: row for row in plan.rows}
    for name in ("full_width", "spaced", "fifteen"):
        assert verdict[row_of[name]].verdict == "new", (name, verdict[row_of[name]].messages)
    assert verdict[row_of["update"]].verdict == "update"
    assert verdict[row_of["update"]].changes == {"备注": ("", "换了手机")}
    assert verdict[row_of["bad_digit"]].messages[0].startswith(f"C{row_of['bad_digit']} 身份证号：")
    assert verdict[row_of["no_name"]].messages == (f"B{row_of['no_name']} 姓名：必须填写",)
    assert verdict[row_of["bad_date"]].messages[0].startswith(f"F{row_of['bad_date']} 入会日期：日期不存在")
    assert "与第5行重复" in verdict[row_of["duplicate"]].messages[0]
    assert plan.counts == {"new": 3, "update": 1, "unchanged": 0, "error": 4}

    assert importer.apply(store, clerk, plan) == {"new": 3, "update": 1}
    with store.transaction() as session:
        saved = {m.name: m for m in session.scalars(select(Member))}
    assert saved["张一"].id_number == _id(2, 12)
    assert saved["李二"].id_number == _id(3, 14) and saved["李二"].joined_on == dt.date(2020, 3, 4)
    assert saved["王三"].id_number == _id(4, 16)  # widened to 18 characters
    assert saved["钱六"].remarks == "换了手机"
    assert "赵四" not in saved and "孙七" not in saved
    report = importer.report_lines(importer.plan(store, clerk, importer.read_source(store, "members", path)))
    assert report[-1] == "合计：新增 0 行，更新 0 行，无变化 4 行，错误 4 行"


def test_a_missing_required_column_is_named_before_any_row(store: Store, clerk: Actor, tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["姓名", "手机号码"])
    book.active.append(["张三", "13800000000"])
    path = tmp_path / "缺列.xlsx"
    book.save(path)
    source = importer.read_source(store, "members", path)
    assert importer.missing_columns(source) == ["身份证号", "入会日期"]
    with pytest.raises(ValidationError, match="身份证号、入会日期"):
        importer.plan(store, clerk, source)


def test_a_saved_mapping_is_used_next_time(store: Store, clerk: Actor, tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["名", "证", "入"])
    book.active.append(["张三", _id(1, 10), "2020-01-01"])
    path = tmp_path / "自定义.xlsx"
    book.save(path)
    source = importer.read_source(store, "members", path)
    assert not source.saved_mapping and importer.missing_columns(source)
    importer.save_mapping(store, clerk, source, {0: "name", 1: "id_number", 2: "joined_on"})
    again = importer.read_source(store, "members", path)
    assert again.saved_mapping and again.mapping == {0: "name", 1: "id_number", 2: "joined_on"}
    assert importer.plan(store, clerk, again).counts["new"] == 1
    assert importer.plan(store, clerk, again).counts["new"] == 1  # a second plan reads the released sheet again
