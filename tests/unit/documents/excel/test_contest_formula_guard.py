"""No exported cell of a contest can run: a contest, its judges, entrants and appeals whose every text column
starts like a formula (=HYPERLINK(…), +1, -1, @SUM(…)) go out in the contests workbook, the 参赛选手及成绩
sheet and the score sheet (成绩表) as files that pass the safety check (desktop/documents/excel/safety.py),
with no formula in their XML and every such text quoted — and they come back as the same text."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from db import offices
from db.auth import Actor
from db.contests import cases, results
from db.contests.score_sheets import score_grid
from db.models import Contest, ContestAppeal, ContestEntry, ContestJudge
from db.store import Store
from db.validation import make_id_number
from desktop.documents.excel import importer
from desktop.documents.excel.export import FORMULA_STARTS, export_registry
from desktop.documents.excel.safety import check_file
from desktop.documents.excel.score_sheet import read_score_sheet, write_score_sheet
from tests.conftest import OFFICE_CODE, OFFICE_NAME

HOSTILE = ('=HYPERLINK("http://x.example","点此")', "+1", "-1", "@SUM(A1:A9)", "=1+1", "-2+3*cmd|' /C calc'!A0")


def _hostile() -> Iterator[str]:
    while True:
        yield from HOSTILE


@pytest.fixture
def hostile(sqlite_store: Store, admin: Actor) -> dict[str, set[str]]:
    """A published, then reopened contest whose every free text starts like a formula; returns the texts
    put in each column (by its label)."""
    store, texts = sqlite_store, _hostile()
    put: dict[str, set[str]] = {}

    def text(label: str) -> str:
        value = next(texts)
        put.setdefault(label, set()).add(value)
        return value

    contest = cases.create_contest(store, admin, {
        "name": text("竞赛名称"), "trade": text("工种"), "level": "街道级", "organizer": text("主办单位"),
        "host": text("承办单位"), "venue": text("地点"), "starts_on": "2026-04-01", "ends_on": "2026-04-01",
        "theory_weight": 20, "practical_weight": 80, "judge_count": 2, "quota_first": 1, "quota_second": 0,
        "quota_third": 0})
    cases.set_judges(store, admin, contest.uuid, [{"name": text("评委姓名"), "employer": text("评委工作单位")}
                                                  for _ in (1, 2)])
    for n in (1, 2, 3):
        entry = cases.add_entrant(store, admin, contest.uuid, {
            "name": text("姓名"), "id_number": make_id_number("110101", dt.date(1985, 3, n), n),
            "employer": text("工作单位"), "team": text("代表队"), "eligibility_notes": text("资格说明")})
        cases.update_entrant(store, admin, entry.uuid, {"second_reward_note": text("二次奖励")})
        cases.set_theory_score(store, admin, entry.uuid, 80 + n)
        for judge in (1, 2):
            cases.set_judge_score(store, admin, entry.uuid, judge, 70 + 5 * n + judge)
        appeal = cases.record_appeal(store, admin, entry.uuid, {"filed_on": "2026-04-02", "filed_by": text("申诉人"),
                                                                "content": text("申诉内容")})
        cases.decide_appeal(store, admin, appeal.uuid, text("处理结果"), "2026-04-03")
    with store.transaction(admin) as session:  # a 参赛证号 an import brought (the use cases number 0001 …)
        first = session.scalars(select(ContestEntry).where(ContestEntry.entry_no == "0001")).one()
        first.entry_no = text("参赛证号")
    results.publish(store, admin, contest.uuid)
    results.reopen(store, admin, contest.uuid, text("重新开放原因"))
    return put


def _no_formula_in_the_xml(path: Path) -> None:
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                assert not re.search(rb"<(\w+:)?f[ >/]", book.read(name)), name


def _quoted_texts(path: Path) -> dict[str, set[str]]:
    """Every text of the file that starts like a formula, by its column header; each must be quoted text."""
    found: dict[str, set[str]] = {}
    wb = load_workbook(path)
    for ws in wb.worksheets:
        headers = [cell.value for cell in ws[1]]
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
                if isinstance(cell.value, str) and cell.value[:1] in FORMULA_STARTS:
                    assert cell.data_type == "s" and cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
                    found.setdefault(str(headers[cell.column - 1]), set()).add(cell.value)
    return found


def _checked(path: Path) -> dict[str, set[str]]:
    assert check_file(path) == "xlsx"
    _no_formula_in_the_xml(path)
    return _quoted_texts(path)


def test_the_contests_workbook_quotes_every_text_column(sqlite_store: Store, admin: Actor,
                                                        hostile: dict[str, set[str]], tmp_path: Path) -> None:
    path = tmp_path / "竞赛.xlsx"
    export_registry(sqlite_store, admin, "contests", path, full_values=True)
    found = _checked(path)
    for label, texts in hostile.items():
        assert texts <= found.get(label, set()), label
    wb = load_workbook(path)
    for title in ("竞赛评委", "参赛选手", "评委评分", "成绩申诉"):  # each sheet names its contest
        assert wb[title]["A2"].value in hostile["竞赛名称"] and wb[title]["A2"].quotePrefix


def test_the_entries_sheet_and_the_score_sheet_quote_every_text_column(
        sqlite_store: Store, admin: Actor, hostile: dict[str, set[str]], tmp_path: Path) -> None:
    entries = tmp_path / "参赛选手.xlsx"
    export_registry(sqlite_store, admin, "entries", entries, full_values=True)
    found = _checked(entries)
    for label in ("竞赛名称", "参赛证号", "姓名", "工作单位", "代表队", "资格说明", "二次奖励"):
        assert hostile[label] <= found.get(label, set()), label
    with sqlite_store.transaction() as session:
        uuid = session.scalars(select(Contest.uuid)).one()
    scores = tmp_path / "成绩表.xlsx"
    grid = score_grid(sqlite_store, uuid)
    write_score_sheet(scores, grid)
    found = _checked(scores)
    assert hostile["姓名"] <= found["姓名"] and hostile["工作单位"] <= found["工作单位"]
    assert hostile["参赛证号"] <= found["参赛证号"]
    back = read_score_sheet(scores)
    assert {row[1] for row in back[1:]} == {row.name for row in grid.rows}  # the same text, read back


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Store]:
    (tmp_path / "other").mkdir()
    opened = Store.open(str(tmp_path / "other" / "uniondesk.sqlite"), create=True)
    offices.initialize(opened, OFFICE_CODE, OFFICE_NAME)
    yield opened
    opened.close()


def _texts(store: Store) -> list[Any]:
    with store.transaction() as session:
        return [sorted(tuple(row) for row in session.execute(stmt)) for stmt in (
            select(Contest.name, Contest.trade, Contest.organizer, Contest.host, Contest.venue),
            select(ContestJudge.name, ContestJudge.employer),
            select(ContestEntry.entry_no, ContestEntry.name, ContestEntry.employer, ContestEntry.team,
                   ContestEntry.eligibility_notes, ContestEntry.second_reward_note),
            select(ContestAppeal.filed_by, ContestAppeal.content, ContestAppeal.outcome))]


def test_the_quoted_texts_come_back_as_they_were(sqlite_store: Store, admin: Actor, hostile: Any,
                                                 empty: Store, tmp_path: Path) -> None:
    path = tmp_path / "竞赛.xlsx"
    export_registry(sqlite_store, admin, "contests", path, full_values=True)
    plan = importer.plan(empty, admin, importer.read_source(empty, "contests", path))
    assert plan.errors == 0, importer.report_lines(plan)
    importer.apply(empty, admin, plan)
    assert _texts(empty) == _texts(sqlite_store)
