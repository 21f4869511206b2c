"""Sheets and CSV files read into plain values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from db.errors import UnionDeskError
from desktop.documents.excel.reader import open_table


def test_values_keep_their_types(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "名单"
    sheet["B3"] = "11010119900307123X"
    sheet["C3"] = dt.date(2020, 5, 6)
    sheet["D3"] = dt.datetime(2020, 5, 6, 8, 30)
    sheet["E3"] = 42
    sheet["F3"] = 2.5
    sheet["G3"] = "   "
    sheet["H3"] = True
    workbook.create_sheet("第二页")["A1"] = "x"
    path = tmp_path / "a.xlsx"
    workbook.save(path)
    table = open_table(path)
    assert (table.sheet_name, table.sheet_names, table.row_count) == ("名单", ["名单", "第二页"], 3)
    rows = table.rows
    assert rows[:2] == [[None] * 8, [None] * 8]
    assert rows[2] == [None, "11010119900307123X", dt.date(2020, 5, 6), dt.datetime(2020, 5, 6, 8, 30), 42.0,
                       2.5, None, True]
    assert isinstance(rows[2][4], float)
    assert open_table(path, "第二页").rows == [["x"]]


def test_a_missing_sheet_names_the_choices(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.save(tmp_path / "a.xlsx")
    with pytest.raises(UnionDeskError, match="工作簿中没有名为“花名册”的工作表，可选：Sheet"):
        open_table(tmp_path / "a.xlsx", "花名册")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_csv_in_either_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes("姓名,身份证号,备注\r\n张三,11010119900307123X,\r\n李四,110101199003071234,调入\r\n".encode(encoding))
    table = open_table(path)
    assert table.row_count == 3
    assert table.rows == [["姓名", "身份证号", "备注"], ["张三", "11010119900307123X", None],
                          ["李四", "110101199003071234", "调入"]]
    assert table.head(1) == [["姓名", "身份证号", "备注"]]
