"""Stored values checked a column at a time (db/field_checks.py): the fast whole-column paths agree with the
value-by-value checks, and name the first bad value wherever it hides."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.field_checks import column_problem, rev_column_problem, uuid_column_problem
from db.fields import Field
from db.validation import make_id_number

UUIDS = [str(uuid.UUID(int=i)) for i in range(1, 2001)]


@pytest.mark.parametrize(("bad", "where"), [("../../x", 0), ("A" * 36, 999), (None, 1999), (f"{UUIDS[5]}\n", 5)])
def test_a_bad_uuid_is_found_wherever_it_is(bad: object, where: int) -> None:
    assert uuid_column_problem(UUIDS, nullable=False) is None
    values = list(UUIDS)
    values[where] = bad
    found = uuid_column_problem(values, nullable=False)
    assert found is not None and found[0] == where
    if bad is None:
        assert uuid_column_problem(values, nullable=True) is None


@pytest.mark.parametrize(("field", "good", "bad"), [
    (Field("phone", "手机号码", "mobile"), "13800138000", "1380013800"),
    (Field("phone", "手机号码", "mobile"), "13800138000", "13800138000\n13800138000"),
    (Field("id_number", "身份证号", "id_number", any_document=True), "E12345678", "e12345678"),
    (Field("id_number", "身份证号", "id_number"), make_id_number("110101", dt.date(1990, 1, 1), 7),
     make_id_number("110101", dt.date(1990, 1, 1), 7)[:17] + "0"),
    (Field("name", "姓名", limit=5), "王芳", " 王芳"),
    (Field("name", "姓名", limit=5), "王芳", "王芳芳芳芳芳"),
    (Field("name", "姓名", limit=5), "王芳", ""),
    (Field("status", "状态", "coded", choices="member_status"), "active", "zombie"),
    (Field("education", "学历", "choice", choices="education"), "本科", "博士后"),
    (Field("stars", "星级", "int", low=0, high=5), 3, 6),
    (Field("stars", "星级", "int", low=0, high=5), 3, True),
    (Field("amount", "金额（元）", "money", low=0, high=10), 1000, 1001),
    (Field("on", "日期", "date"), "2024-03-05", "1066-10-14"),
    (Field("flag", "是否", "bool"), True, 1),
])
def test_the_column_path_and_the_value_path_agree(field: Field, good: object, bad: object) -> None:
    values = [good] * 3000
    assert column_problem(field, values) is None
    values[1234] = bad
    found = column_problem(field, values)
    assert found is not None and found[0] == 1234 and found[1]


def test_revisions_from_one_up() -> None:
    assert rev_column_problem([1, 2, 3]) is None
    assert rev_column_problem([1, 0, 3]) == (1, "版本号超出范围：0")
    assert rev_column_problem([1, 2**63]) is not None
    assert rev_column_problem([1, "2"]) is not None
