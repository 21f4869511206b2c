"""Tests of the blank Excel templates (desktop.documents.excel.template): what an office clerk filling one in
sees — the headers the importer expects, a notes row it skips, drop-down lists, date checks, text columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineWorkbook

from db import reference
from db.errors import UnionDeskError
from db.registry import registries, registry
from desktop.documents.excel import template
from desktop.documents.excel.layout import column_width
from desktop.documents.excel.template import write_template


def _written(tmp_path: Path, name: str) -> Worksheet:
    path = tmp_path / f"{name}.xlsx"
    write_template(name, path)
    assert list(tmp_path.iterdir()) == [path]
    return load_workbook(path).worksheets[0]


def _validation(ws: Worksheet, label: str) -> DataValidation:
    letter = next(c.column_letter for c in ws[1] if c.value == label)
    found = [dv for dv in ws.data_validations.dataValidation if f"{letter}3" in dv.sqref]
    assert len(found) == 1, label
    return found[0]


@pytest.mark.parametrize("name", list(registries()))
def test_headers_are_the_importable_columns_without_system_or_readonly(tmp_path: Path, name: str) -> None:
    ws = _written(tmp_path, name)
    table = registry(name)
    labels = [c.value for c in ws[1]]
    assert labels == [f.label for f in table.hooks().template_columns(table.writable)]
    assert "系统编号" not in labels
    assert ws.freeze_panes == "A3"
    for cell, field in zip(ws[1], table.hooks().template_columns(table.writable), strict=True):
        assert ws.column_dimensions[cell.column_letter].width == column_width(field)
        assert cell.font.bold


def test_readonly_columns_are_left_out(tmp_path: Path) -> None:
    entries = [c.value for c in _written_again(tmp_path, "entries")[1]]
    assert "总成绩" not in entries and "理论成绩" in entries
    cases = [c.value for c in _written_again(tmp_path, "aid-cases")[1]]
    assert "家庭月人均收入（元）" not in cases and "姓名" not in cases and "身份证号" in cases


@pytest.mark.parametrize("name", list(registries()))
def test_the_notes_row_is_one_the_importer_skips(tmp_path: Path, name: str) -> None:
    path = tmp_path / "t.xlsx"
    write_template(name, path)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    notes = [cell for cell in rows[1] if cell != ""]
    assert len(notes) == len(registry(name).hooks().template_columns(registry(name).writable))
    assert all(isinstance(n, str) and n.startswith("说明：") for n in notes)


def test_notes_say_what_a_clerk_must_type(tmp_path: Path) -> None:
    ws = _written(tmp_path, "members")
    notes = {h.value: n.value for h, n in zip(ws[1], ws[2], strict=True)}
    assert notes["身份证号"] == "说明：必填；18位，末位可为X"
    assert notes["入会日期"] == "说明：必填；格式 2024-03-05"
    assert notes["性别"] == "说明：选填；可选 " + "、".join(reference.values("gender"))
    assert notes["备注"] == "说明：选填；不超过2000个字"
    assert notes["民族"] == "说明：选填；不超过20个字"


def test_drop_down_lists_on_choice_coded_and_yes_no_columns(tmp_path: Path) -> None:
    ws = _written(tmp_path, "members")
    gender = _validation(ws, "性别")
    assert gender.type == "list" and gender.formula1 == '"' + ",".join(reference.values("gender")) + '"'
    assert gender.showErrorMessage and gender.allow_blank
    status = _validation(ws, "状态")
    assert status.formula1 == '"' + ",".join(reference.labels("member_status").values()) + '"'
    assert _validation(ws, "是否农民工").formula1 == '"是,否"'
    letter = next(c.column_letter for c in ws[1] if c.value == "性别")
    assert str(gender.sqref) == f"{letter}3:{letter}{template.LAST_DATA_ROW}"


def test_date_and_number_checks(tmp_path: Path) -> None:
    ws = _written(tmp_path, "members")
    joined = _validation(ws, "入会日期")
    assert joined.type == "date" and joined.operator == "between"
    letter = next(c.column_letter for c in ws[1] if c.value == "入会日期")
    assert str(joined.sqref) == f"{letter}3:{letter}{template.LAST_DATA_ROW}"
    assert ws.column_dimensions[letter].number_format == "yyyy-mm-dd"
    judges = _validation(_written_again(tmp_path, "contests"), "裁判人数")
    assert (judges.type, judges.formula1, judges.formula2) == ("whole", "1", "50")


def test_the_station_template_offers_status_host_type_and_stars_as_drop_downs(tmp_path: Path) -> None:
    ws = _written(tmp_path, "stations")
    assert _validation(ws, "状态").formula1 == '"筹建,运行,暂停,撤销"'
    assert _validation(ws, "建设单位类型").formula1 == '"企业,社区,工会,商户,机关"'
    stars = _validation(ws, "星级")  # 评星 is 1–5 ★, picked from a list
    assert (stars.type, stars.formula1, stars.error) == ("list", '"1,2,3,4,5"', "请从下拉列表中选择")
    letter = next(c.column_letter for c in ws[1] if c.value == "星级")
    assert str(stars.sqref) == f"{letter}3:{letter}{template.LAST_DATA_ROW}"
    assert ws[f"{letter}2"].value == "说明：选填；可选 1、2、3、4、5；范围 1～5"


def _written_again(tmp_path: Path, name: str) -> Worksheet:
    folder = tmp_path / name
    folder.mkdir()
    return _written(folder, name)


def test_id_and_phone_columns_are_text_so_excel_keeps_the_digits(tmp_path: Path) -> None:
    ws = _written(tmp_path, "members")
    formats = {c.value: ws.column_dimensions[c.column_letter].number_format for c in ws[1]}
    assert formats["身份证号"] == formats["手机号码"] == formats["统一社会信用代码"] == "@"
    assert formats["会员编号"] == "@"
    assert formats["备注"] == "General"  # Excel shows long text-formatted cells as ####


def test_long_lists_go_on_a_hidden_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(template, "_INLINE_LIST_LIMIT", 5)
    path = tmp_path / "members.xlsx"
    write_template("members", path)
    book = load_workbook(path)
    assert book.sheetnames[0] == "会员名册"
    lists = book[template.LISTS_SHEET]
    assert lists.sheet_state == "hidden"
    ws = book.worksheets[0]
    education = _validation(ws, "学历")
    source = education.formula1
    assert source.startswith("选项!$") or source.startswith("'选项'!$")
    column = source.split("!$")[1].split("$")[0]
    values = [c.value for c in lists[column] if c.value is not None]
    assert values == ["学历", *reference.values("education")]
    assert source.endswith(f"${len(values)}")


def test_a_template_is_written_atomically_and_errors_are_clear(tmp_path: Path) -> None:
    path = tmp_path / "members.xlsx"
    path.write_bytes(b"old")
    write_template("members", path)
    assert list(tmp_path.iterdir()) == [path] and path.read_bytes()[:2] == b"PK"
    with pytest.raises(UnionDeskError, match="无法写入文件.*不存在"):
        write_template("members", tmp_path / "no-such-folder" / "m.xlsx")
