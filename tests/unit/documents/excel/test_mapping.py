"""Finding the header row of a clerk's roster and mapping its columns."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from db.auth import Actor
from db.registry import registries
from db.store import Store
from desktop.documents.excel import mapping
from desktop.documents.excel.reader import open_table

MEMBERS = registries()["members"]
HEADERS = ["序号", "姓 名", "公民身份号码", "联系电话", "工作单位名称", "入会时间", "备注"]


def messy_roster(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["东四街道工会会员花名册"])
    sheet.merge_cells("A1:G1")
    sheet.append(["填报单位：东四街道工会", None, None, None, "填报日期：2024年3月"])
    sheet.append([])
    sheet.append(["入会时间", "序号", "备注", "公民身份号码", "姓 名", "联系电话", "工作单位名称"])
    sheet.append(["2020-01-01", 1, None, "11010119900307123X", "张三", "13800138000", "某公司"])
    workbook.save(path)
    return path


def test_a_messy_roster_finds_its_header_and_columns(tmp_path: Path) -> None:
    rows = open_table(messy_roster(tmp_path / "a.xlsx")).head(40)
    index = mapping.find_header_row(rows, MEMBERS)
    assert index == 3
    assert mapping.guess_mapping(MEMBERS, rows[index]) == {
        0: "joined_on", 2: "remarks", 3: "id_number", 4: "name", 5: "phone", 6: "employer"}
    assert mapping.unmapped_required(MEMBERS, mapping.guess_mapping(MEMBERS, rows[index])) == []


def test_header_normalisation_and_synonyms() -> None:
    headers = ["*姓\u3000名", "身份证号码\n（必填）", "出生年月", "ＩＤ", "用工形式", "所属工会", "编号", "职业/工种"]
    assert mapping.guess_mapping(MEMBERS, headers) == {
        0: "name", 1: "id_number", 2: "birth_date", 4: "employment_form", 5: "base_union", 6: "member_no",
        7: "occupation"}
    stations = mapping.guess_mapping(registries()["stations"], ["编号", "面积", "驿站名称"])
    assert stations == {0: "code", 1: "area_sqm", 2: "name"}


def test_exact_label_beats_a_synonym() -> None:
    assert mapping.guess_mapping(MEMBERS, ["联系电话", "手机号码"]) == {1: "phone"}


def test_required_missing_and_letters() -> None:
    assert mapping.unmapped_required(MEMBERS, {0: "name"}) == ["身份证号", "入会日期"]
    assert [mapping.column_letter(i) for i in (0, 25, 26, 701, 702, 16_383)] == ["A", "Z", "AA", "ZZ", "AAA", "XFD"]


def test_notes_row() -> None:
    assert mapping.is_notes_row([None, "（必填）", "说明：18位"])
    assert not mapping.is_notes_row(["张三", "（必填）"])
    assert not mapping.is_notes_row([None, None])


def test_a_saved_mapping_comes_back(store: Store, clerk: Actor) -> None:
    assert mapping.load_mapping(store, "members", HEADERS) is None
    mapping.save_mapping(store, clerk, "members", HEADERS, {1: "name", 2: "id_number", 6: "gone_field"})
    assert mapping.load_mapping(store, "members", HEADERS) == {1: "name", 2: "id_number"}
    assert mapping.load_mapping(store, "members", [" 序号", *HEADERS[1:]]) is not None  # same once normalised
    assert mapping.load_mapping(store, "stations", HEADERS) is None
    assert mapping.mapping_signature(HEADERS) == mapping.mapping_signature([*HEADERS, None])
