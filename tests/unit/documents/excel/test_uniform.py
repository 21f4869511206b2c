"""统一填写: one value for a required field no column fills, given to every row and checked on every row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from db.auth import Actor
from db.errors import ValidationError
from db.models import Member
from db.registry import registries
from db.store import Store
from db.validation import make_id_number
from desktop.documents.excel import importer, mapping, uniform

MEMBERS = registries()["members"]


def _roster(path: Path, births: list[dt.date], *, joined: bool = False) -> Path:
    """A 集中入会 list: 姓名, 性别, 身份证号码, 手机号码, 工作单位 (and 入会日期 when ``joined``), one blank row."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号码", "手机号码", "工作单位", *(["入会日期"] if joined else [])])
    for i, birth in enumerate(births):
        sheet.append([f"职工{i}", make_id_number("110105", birth, 31 + 2 * i), f"1370000000{i}", "顺丰速运",
                      *([dt.date(2025, 1, 1)] if joined else [])])
    sheet.append([])
    book.save(path)
    return path


def test_assignments_name_a_field_as_a_header_would() -> None:
    assert uniform.from_assignments(MEMBERS, ["入会日期=2026-12-01"]) == {"joined_on": "2026-12-01"}
    assert uniform.from_assignments(MEMBERS, [" 入会时间 = 2026/12/01 ", "基层工会=东四联合工会"]) == {
        "joined_on": "2026/12/01", "base_union": "东四联合工会"}
    assert uniform.from_assignments(MEMBERS, []) == {}


@pytest.mark.parametrize(("given", "message"), [
    (["入会日期=2026-13-01"], "入会日期：日期不存在：2026-13-01"),
    (["入会日期=2099-01-01"], "入会日期：不能晚于今天：2099-01-01"),
    (["入会日期="], "入会日期：统一填写的值不能为空"),
    (["性别=男女"], "性别：“男女”不在可选范围内"),
    (["入会日期"], "--set：应写成“字段=值”"),
    (["=2026-12-01"], "--set：应写成“字段=值”"),
    (["鞋码=42"], "--set：没有名为“鞋码”的字段，可以统一填写的有：性别、民族"),
    (["身份证号=110105199001020031"], "身份证号：每一行各不相同，不能统一填写"),
    (["手机=13700000000"], "手机号码：每一行各不相同，不能统一填写"),
    (["系统编号=x"], "系统编号：每一行各不相同，不能统一填写"),
    (["入会日期=2026-12-01", "入会时间=2026-11-01"], "入会日期：统一填写了两次"),
])
def test_a_bad_assignment_is_one_message_naming_the_field(given: list[str], message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        uniform.from_assignments(MEMBERS, given)
    assert raised.value.message.startswith(message)


def test_which_fields_may_take_one_value() -> None:
    stations = registries()["stations"]
    assert not uniform.may_fill(stations, stations.field("code"))  # the key that tells stations apart
    assert not uniform.may_fill(stations, stations.field("name"))  # each station has its own name
    for attr in ("name", "member_no", "card_no"):  # each member has their own
        assert not uniform.may_fill(MEMBERS, MEMBERS.field(attr))
    payments = registries()["aid-payments"]  # told apart by file, kind, date and amount: one date for all is fine
    assert uniform.may_fill(payments, payments.field("paid_on"))
    assert uniform.choices(MEMBERS.field("status")) == ["在会", "转出", "退会", "去世"]
    assert uniform.choices(MEMBERS.field("is_migrant_worker")) == ["是", "否"]
    assert uniform.choices(MEMBERS.field("joined_on")) is None


def test_the_mapping_check_counts_a_value_as_a_column_and_refuses_both() -> None:
    columns = {0: "name", 1: "id_number"}
    assert mapping.check_mapping(MEMBERS, columns).missing == ("入会日期",)
    assert not mapping.check_mapping(MEMBERS, columns, {"joined_on"})
    both = mapping.check_mapping(MEMBERS, {**columns, 2: "joined_on"}, {"joined_on"})
    assert both.both == ("入会日期",)
    assert both.messages() == ["以下字段文件中已有对应的列，不能再统一填写：入会日期"]
    assert mapping.check_mapping(MEMBERS, {**columns, 2: "name"}).twice == ("姓名",)


def test_every_export_column_is_a_mapping_target_of_its_own_registry() -> None:
    for registry in registries().values():
        headers = [f.label for f in registry.fields]
        guessed = mapping.guess_mapping(registry, headers)
        assert sorted(guessed.values()) == sorted(f.attr for f in mapping.targets(registry)), registry.name
        assert guessed[len(headers) - 1] == "uuid"


def test_a_value_for_every_row_is_imported_on_every_row(store: Store, clerk: Actor, tmp_path: Path) -> None:
    source = importer.read_source(store, "members", _roster(tmp_path / "r.xlsx", [dt.date(1990, 1, 2)] * 2))
    with pytest.raises(ValidationError, match="以下必填项没有对应的列：入会日期"):
        importer.plan(store, clerk, source)
    plan = importer.plan(store, clerk, source, given={"joined_on": "2026-12-01"})
    assert plan.counts == {"new": 2, "update": 0, "unchanged": 0, "error": 0}  # the blank row stays blank
    assert plan.columns["joined_on"] == ""
    assert importer.apply(store, clerk, plan) == {"new": 2, "update": 0}
    with store.transaction() as session:
        assert set(session.scalars(select(Member.joined_on))) == {dt.date(2026, 12, 1)}


def test_a_value_for_every_row_is_checked_row_by_row(store: Store, clerk: Actor, tmp_path: Path) -> None:
    path = _roster(tmp_path / "r.xlsx", [dt.date(1990, 1, 2), dt.date(2021, 5, 6), dt.date(1985, 7, 8)])
    plan = importer.plan(store, clerk, importer.read_source(store, "members", path), given={"joined_on": "2020-01-01"})
    assert [(row.row_no, row.verdict, row.messages) for row in plan.rows] == [
        (2, "new", ()), (3, "error", ("第3行 入会日期：入会日期应晚于出生日期",)), (4, "new", ())]


def test_a_value_for_a_field_the_file_has_is_refused(store: Store, clerk: Actor, tmp_path: Path) -> None:
    source = importer.read_source(store, "members", _roster(tmp_path / "r.xlsx", [dt.date(1990, 1, 2)], joined=True))
    with pytest.raises(ValidationError) as raised:
        importer.plan(store, clerk, source, given={"joined_on": dt.date(2026, 12, 1)})
    assert raised.value.message == "列对应：以下字段文件中已有对应的列，不能再统一填写：入会日期"
    with pytest.raises(ValidationError, match="入会日期：不能晚于今天"):
        importer.plan(store, clerk, source, given={"joined_on": dt.date(2099, 1, 1)})
