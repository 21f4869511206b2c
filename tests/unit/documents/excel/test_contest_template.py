"""The blank template of the contests registry (下载模板): beside 技能竞赛 its 竞赛评委, 参赛选手, 评委评分 and
成绩申诉 sheets with their headers, a notes row and a hint, so that a clerk can fill a whole contest in Excel
and import it in one go: filled with openpyxl, the template comes back as the contest, its judges, entrants,
judges' scores (the practical score and total computed by the rule) and an appeal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from db.auth import Actor
from db.contests import cases, results, sheets
from db.contests.rules import total_score
from db.models import Contest
from db.store import Store
from db.validation import make_id_number
from desktop.documents.excel import importer
from desktop.documents.excel.template import NOTE_PREFIX, write_template

CONTEST, JUDGES, ENTRANTS, SCORES, APPEALS = "技能竞赛", "竞赛评委", "参赛选手", "评委评分", "成绩申诉"
NAME, DAY = "街道家政服务员技能竞赛", dt.date(2026, 9, 1)


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "竞赛模板.xlsx"
    write_template("contests", path)
    return path


def _headers(ws: Worksheet) -> list[str]:
    return [str(cell.value) for cell in ws[1]]


def test_the_template_has_a_sheet_for_each_table_of_a_contest(template: Path) -> None:
    wb = load_workbook(template)
    assert [n for n in wb.sheetnames if wb[n].sheet_state == "visible"] == [CONTEST, JUDGES, ENTRANTS, SCORES,
                                                                           APPEALS]
    assert _headers(wb[JUDGES]) == ["竞赛名称", "竞赛开始日期", "评委序号", "评委姓名", "评委工作单位"]
    assert _headers(wb[SCORES]) == ["竞赛名称", "竞赛开始日期", "参赛证号", "姓名", "评委序号", "评分"]
    assert _headers(wb[APPEALS]) == ["竞赛名称", "竞赛开始日期", "参赛证号", "姓名", "申诉日期", "申诉人",
                                     "申诉内容", "处理结果", "处理日期"]
    entrants = _headers(wb[ENTRANTS])
    assert entrants[:4] == ["竞赛名称", "竞赛开始日期", "参赛证号", "姓名"] and "理论成绩" in entrants
    for unread in ("实操成绩", "总成绩", "名次", "奖项", "称号", "证书编号", "系统编号"):  # publishing and the
        assert unread not in entrants  # judges' scores give them
    for title in (JUDGES, ENTRANTS, SCORES, APPEALS):
        ws = wb[title]
        notes = [cell.value for cell in ws[2]]
        assert all(isinstance(n, str) and n.startswith(NOTE_PREFIX) for n in notes), title
        assert ws["A1"].comment is not None and ws["A1"].comment.text == sheets.TEMPLATE_HINTS[title]
        assert ws.freeze_panes == "A3"
    assert "必填" in wb[SCORES]["F2"].value and "最多两位小数" in wb[SCORES]["F2"].value
    validations = {str(v.sqref): v for v in wb[SCORES].data_validations.dataValidation}
    assert validations["F3:F20000"].formula2 == "100"  # Excel refuses a score over 100 as it is typed


def _fill(ws: Worksheet, rows: list[dict[str, Any]]) -> None:
    letters = {cell.value: cell.column_letter for cell in ws[1]}
    for offset, row in enumerate(rows):
        for label, value in row.items():
            ws[f"{letters[label]}{3 + offset}"] = value


def test_a_filled_template_imports_a_whole_contest(sqlite_store: Store, admin: Actor, template: Path,
                                                   tmp_path: Path) -> None:
    wb = load_workbook(template)
    ref = {"竞赛名称": NAME, "竞赛开始日期": DAY}
    _fill(wb[CONTEST], [{"竞赛名称": NAME, "工种": "家政服务员", "级别": "街道级", "开始日期": DAY,
                         "结束日期": DAY, "理论权重（%）": 30, "实操权重（%）": 70, "裁判人数": 3,
                         "去掉最高最低分": "是", "一等奖名额": 1, "二等奖名额": 1, "三等奖名额": 1}])
    _fill(wb[JUDGES], [{**ref, "评委序号": n, "评委姓名": f"评委{n}", "评委工作单位": unit}
                       for n, unit in ((1, "甲家政"), (2, "乙物业"), (3, None))])
    people = [(f"000{n}", f"选手{n}", make_id_number("110101", dt.date(1990, 1, n), n), f"单位{n}")
              for n in (1, 2, 3)]
    _fill(wb[ENTRANTS], [{**ref, "参赛证号": no, "姓名": name, "身份证号": id_number, "工作单位": unit,
                          "理论成绩": 80 + i} for i, (no, name, id_number, unit) in enumerate(people)])
    _fill(wb[SCORES], [{**ref, "参赛证号": no, "姓名": name, "评委序号": judge, "评分": 70 + 5 * i + judge}
                       for i, (no, name, _id, _unit) in enumerate(people) for judge in (1, 2, 3)])
    _fill(wb[APPEALS], [{**ref, "参赛证号": "0001", "姓名": "选手1", "申诉日期": DAY, "申诉人": "选手1",
                         "申诉内容": "第2项计时有误", "处理结果": "复核无误，维持原成绩", "处理日期": DAY}])
    filled = tmp_path / "填好的.xlsx"
    wb.save(filled)
    plan = importer.plan(sqlite_store, admin, importer.read_source(sqlite_store, "contests", filled))
    assert plan.errors == 0, importer.report_lines(plan)
    assert plan.counts["new"] == 1
    assert {s.title: s.counts["new"] for s in plan.sheets} == {JUDGES: 3, ENTRANTS: 3, SCORES: 9, APPEALS: 1}
    importer.apply(sqlite_store, admin, plan)
    with sqlite_store.transaction() as session:
        uuid = session.scalars(select(Contest.uuid).where(Contest.name == NAME)).one()
    rows = cases.score_sheet(sqlite_store, uuid)
    assert [(r.entry_no, r.name, r.theory, r.judges) for r in rows] == [
        (no, name, (80 + i) * 100, {j: (70 + 5 * i + j) * 100 for j in (1, 2, 3)})
        for i, (no, name, _id, _unit) in enumerate(people)]
    for i, row in enumerate(rows):  # three judges, the highest and lowest dropped: judge 2's score
        assert row.practical == (72 + 5 * i) * 100
        assert row.total == total_score((80 + i) * 100, (72 + 5 * i) * 100, 30, 70)
    assert [a["outcome"] for a in cases.appeals(sqlite_store, uuid)] == ["复核无误，维持原成绩"]
    assert [r.rank for r in results.publish(sqlite_store, admin, uuid).placed] == [1, 2, 3]


def test_the_entries_template_leaves_out_what_publishing_and_the_judges_give(tmp_path: Path) -> None:
    path = tmp_path / "参赛选手模板.xlsx"
    write_template("entries", path)
    headers = _headers(load_workbook(path).active)  # type: ignore[arg-type]
    assert headers[:4] == ["竞赛名称", "竞赛开始日期", "参赛证号", "姓名"] and "理论成绩" in headers
    assert not {"实操成绩", "总成绩", "名次", "奖项", "称号", "证书编号"} & set(headers)
