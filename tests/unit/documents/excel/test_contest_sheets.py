"""A contests workbook out and back in: beside 技能竞赛 its 竞赛评委, 参赛选手, 评委评分 and 成绩申诉 sheets
come back into an empty database with the contests, matched by contest name and start date, 参赛证号 and
评委序号, every value checked as if typed; the same file again changes nothing; a refused cell anywhere
(a score of 101 or 85.555, a score on published results) writes nothing and names its sheet, row and column;
no exported text can run as a formula."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from db import offices
from db.auth import Actor
from db.contests import cases, results, sheets
from db.models import Contest, ContestAppeal, ContestEntry, ContestJudge, JudgeScore
from db.store import Store
from db.tabular.plan import ImportPlan
from db.validation import make_id_number
from desktop.documents.excel import importer
from desktop.documents.excel.export import FORMULA_STARTS, export_registry
from desktop.documents.excel.safety import check_file
from tests.conftest import OFFICE_CODE, OFFICE_NAME

RULE = {"trade": "养老护理员", "level": "街道级", "theory_weight": 20, "practical_weight": 80, "judge_count": 3,
        "drop_extremes": "否", "quota_first": 1, "quota_second": 1, "quota_third": 1, "quota_merit": 0}
JUDGES, ENTRANTS, SCORES, APPEALS = "竞赛评委", "参赛选手", "评委评分", "成绩申诉"
HOSTILE = '=HYPERLINK("http://x.example","点此")'


def _entrant(store: Store, clerk: Actor, contest: Contest, n: int, employer: str) -> ContestEntry:
    return cases.add_entrant(store, clerk, contest.uuid, {
        "name": f"选手{n}", "id_number": make_id_number("110101", dt.date(1985, 3, n), n), "employer": employer})


@pytest.fixture
def contests(sqlite_store: Store, clerk: Actor) -> tuple[Contest, Contest]:
    """A published contest (a judge from an entrant's employer: 回避; a decided appeal) and one in progress
    (scores partly entered, an open appeal whose text could run as a formula)."""
    store = sqlite_store
    done = cases.create_contest(store, clerk, {**RULE, "name": "敬老杯养老护理员技能大赛", "starts_on": "2026-04-01",
                                               "ends_on": "2026-04-02"})
    cases.set_judges(store, clerk, done.uuid, [{"name": "李评", "employer": "甲养老院"}, {"name": "赵评"},
                                               {"name": "钱评", "employer": "乙护理站"}])
    for n, employer in enumerate(("甲养老院", "丙家政公司", "丁社区"), start=1):
        entry = _entrant(store, clerk, done, n, employer)
        cases.set_theory_score(store, clerk, entry.uuid, f"{80 + n}.25")
        for judge in (1, 2, 3):
            cases.set_judge_score(store, clerk, entry.uuid, judge, f"{70 + 3 * n + judge}.5")
    appeal = cases.record_appeal(store, clerk, entry.uuid, {"filed_on": "2026-04-03", "filed_by": "选手3",
                                                             "content": "实操第2项计时有误"})
    cases.decide_appeal(store, clerk, appeal.uuid, "复核无误，维持原成绩", "2026-04-05")
    results.publish(store, clerk, done.uuid)
    running = cases.create_contest(store, clerk, {**RULE, "name": "敬老杯家政服务员技能大赛",
                                                  "starts_on": "2026-06-01", "ends_on": "2026-06-01"})
    cases.set_judges(store, clerk, running.uuid, [{"name": "孙评"}, {"name": "周评", "employer": "-某公司"}])
    first = _entrant(store, clerk, running, 11, "戊保洁公司")
    _entrant(store, clerk, running, 12, "己物业")
    cases.set_theory_score(store, clerk, first.uuid, "77.5")
    cases.set_judge_score(store, clerk, first.uuid, 1, "88.75")
    cases.record_appeal(store, clerk, first.uuid, {"filed_on": "2026-06-01", "filed_by": "选手11",
                                                   "content": HOSTILE})
    return done, running


@pytest.fixture
def exported(sqlite_store: Store, admin: Actor, contests: Any, tmp_path: Path) -> Path:
    path = tmp_path / "竞赛.xlsx"
    export_registry(sqlite_store, admin, "contests", path, full_values=True)
    return path


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Store]:
    (tmp_path / "other").mkdir()
    opened = Store.open(str(tmp_path / "other" / "uniondesk.sqlite"), create=True)
    offices.initialize(opened, OFFICE_CODE, OFFICE_NAME)
    yield opened
    opened.close()


def _plan(store: Store, actor: Actor, path: Path) -> ImportPlan:
    return importer.plan(store, actor, importer.read_source(store, "contests", path))


def _sheet(plan: ImportPlan, title: str) -> Any:
    return next(sheet for sheet in plan.sheets if sheet.title == title)


def _grid(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Each contest's score grid (by name), its judges and its appeals, in plain values."""
    found = {}
    with store.transaction() as session:
        contests = session.scalars(select(Contest).where(Contest.deleted.is_(False))).all()
        names = {c.uuid: c.name for c in contests}
        judges = session.execute(select(ContestJudge.contest_uuid, ContestJudge.judge_no, ContestJudge.name,
                                        ContestJudge.employer).order_by(ContestJudge.judge_no)).all()
    for uuid, name in names.items():
        rows = cases.score_sheet(store, uuid)
        found[name] = [(r.entry_no, r.name, r.employer, r.team, r.theory, r.judges, r.avoided, r.practical, r.total)
                       for r in rows]
        found[name + " 评委"] = [tuple(j[1:]) for j in judges if j[0] == uuid]
        found[name + " 申诉"] = [(a["entry_no"], a["filed_on"], a["filed_by"], a["content"], a["outcome"],
                                 a["decided_on"]) for a in cases.appeals(store, uuid)]
    return found


def _count(store: Store, model: type) -> int:
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_the_workbook_has_a_sheet_for_each_table_of_a_contest(exported: Path) -> None:
    wb = load_workbook(exported)
    assert wb.sheetnames == ["技能竞赛", JUDGES, ENTRANTS, SCORES, APPEALS]
    scores = list(wb[SCORES].iter_rows(values_only=True))
    assert scores[0] == ("竞赛名称", "竞赛开始日期", "参赛证号", "姓名", "评委序号", "评分")
    assert len(scores) == 1 + 9 + 1 and scores[1][2:] == ("0001", "选手1", 1, 74.5)
    assert len(list(wb[JUDGES].iter_rows())) == 1 + 5 and len(list(wb[APPEALS].iter_rows())) == 1 + 2


def test_a_round_trip_into_an_empty_database_brings_every_judge_entrant_score_and_appeal(
        sqlite_store: Store, admin: Actor, exported: Path, empty: Store) -> None:
    plan = _plan(empty, admin, exported)
    assert plan.errors == 0, importer.report_lines(plan)
    assert {s.title: s.counts["new"] for s in plan.sheets} == {JUDGES: 5, ENTRANTS: 5, SCORES: 10, APPEALS: 2}
    done = importer.apply(empty, admin, plan)
    assert done["new"] == 2
    assert _grid(empty) == _grid(sqlite_store)
    again = _plan(empty, admin, exported)  # the same file again: nothing to do
    assert again.errors == 0 and not again.can_apply
    assert all(s.counts["unchanged"] == len(s.rows) for s in again.sheets)
    home = _plan(sqlite_store, admin, exported)  # and nothing to do where it came from
    assert home.errors == 0 and not home.can_apply


@pytest.mark.parametrize(("typed", "reason"), [(101, "F"), ("85.555", "F"), ("九十", "F")])
def test_a_score_typed_wrong_in_the_sheet_is_refused_at_its_cell_and_nothing_is_written(
        admin: Actor, exported: Path, empty: Store, tmp_path: Path, typed: Any, reason: str) -> None:
    wb = load_workbook(exported)
    wb[SCORES]["F11"] = typed  # the in-progress contest's one score
    changed = tmp_path / "改.xlsx"
    wb.save(changed)
    plan = _plan(empty, admin, changed)
    [error] = [row for row in _sheet(plan, SCORES).rows if row.verdict == "error"]
    assert error.row_no == 11 and error.messages[0].startswith("F11 评分：")
    assert plan.blocked
    with pytest.raises(Exception, match="错误|未通过|不能"):
        importer.apply(empty, admin, plan)
    for model in (Contest, ContestJudge, ContestEntry, JudgeScore, ContestAppeal):
        assert _count(empty, model) == 0


def test_a_score_added_to_published_results_or_changed_is_refused(
        sqlite_store: Store, admin: Actor, exported: Path, tmp_path: Path) -> None:
    wb = load_workbook(exported)
    ws = wb[SCORES]
    ws["F2"] = 99  # the published contest's first score, changed
    ws.append([ws["A2"].value, ws["B2"].value, "0001", "选手1", 3, 70])  # row 12: judge 3 of 0001 again
    ws.append([ws["A11"].value, ws["B11"].value, "0002", "选手12", 4, 70])  # row 13: judge 4 of 3
    ws.append([ws["A11"].value, ws["B11"].value, "0002", "别人", 1, 70])  # row 14: not 0002's name
    ws.append([ws["A11"].value, ws["B11"].value, "0002", "选手12", 2, "90.5"])  # row 15: fine
    entrants = wb[ENTRANTS]  # a new entrant of the published contest
    entrants.append([entrants["A2"].value, entrants["B2"].value, "0004", "选手4", None,
                     make_id_number("110101", dt.date(1985, 3, 4), 4), "甲养老院"])
    changed = tmp_path / "改.xlsx"
    wb.save(changed)
    plan = _plan(sqlite_store, admin, changed)
    errors = {row.row_no: row.messages[0] for row in _sheet(plan, SCORES).rows if row.verdict == "error"}
    assert errors[2].startswith("F2 评分：第1号评委对参赛证号 0001 的评分已录入，系统中为 74.5")
    assert errors[12] == "E12 评委序号：与第4行重复：每名评委对每名选手只有一个评分"
    assert errors[13] == "E13 评委序号：本竞赛裁判人数为3人，评委序号应为1到3"
    assert errors[14] == "D14 姓名：与参赛证号 0002 的选手“选手12”不符"
    assert _sheet(plan, SCORES).rows[13].verdict == "new"
    [frozen] = [row for row in _sheet(plan, ENTRANTS).rows if row.verdict == "error"]
    assert frozen.messages == ("C7 参赛证号：竞赛“敬老杯养老护理员技能大赛”" + cases.FROZEN,)
    assert plan.blocked


def test_every_exported_text_that_could_run_is_quoted(exported: Path) -> None:
    assert check_file(exported) == "xlsx"
    wb = load_workbook(exported)
    seen = []
    for title in (JUDGES, ENTRANTS, SCORES, APPEALS):
        for row in wb[title].iter_rows(min_row=2):
            for cell in row:
                assert cell.data_type != "f", (title, cell.coordinate)
                if isinstance(cell.value, str) and cell.value[:1] in FORMULA_STARTS:
                    assert cell.data_type == "s" and cell.quotePrefix, (title, cell.coordinate)
                    seen.append(cell.value)
    assert sorted(seen) == ["-某公司", HOSTILE]


def _results(store: Store, name: str) -> list[tuple[Any, ...]]:
    with store.transaction() as session:
        return [tuple(row) for row in session.execute(select(
            ContestEntry.entry_no, ContestEntry.rank, ContestEntry.award, ContestEntry.title,
            ContestEntry.certificate_no).join(Contest, Contest.uuid == ContestEntry.contest_uuid)
            .where(Contest.name == name).order_by(ContestEntry.entry_no))]


def test_results_do_not_travel_by_excel_and_the_preview_says_so(
        sqlite_store: Store, admin: Actor, contests: Any, exported: Path, empty: Store) -> None:
    done, _running = contests
    plan = _plan(empty, admin, exported)
    assert plan.errors == 0 and plan.can_apply
    published_row, running_row = plan.rows
    assert published_row.messages == (sheets.RESULTS_NOT_READ,) and running_row.messages == ()
    assert importer.row_details(published_row) == sheets.RESULTS_NOT_READ
    entrants = _sheet(plan, ENTRANTS)
    assert [r.messages for r in entrants.rows] == [(sheets.RESULTS_NOT_READ,)] * 3 + [()] * 2
    assert entrants.notes == (f"竞赛“{done.name}”{sheets.RESULTS_NOT_READ}",)
    assert f"{ENTRANTS}：竞赛“{done.name}”{sheets.RESULTS_NOT_READ}" in importer.report_lines(plan)
    importer.apply(empty, admin, plan)
    with empty.transaction() as session:
        arrived = session.scalars(select(Contest).where(Contest.name == done.name)).one()
        assert arrived.published_at is None and arrived.published_by is None
        uuid = arrived.uuid
    assert all(row[1:] == (None, None, None, None) for row in _results(empty, done.name))
    again = _plan(empty, admin, exported)  # still unpublished: said again, nothing to write
    assert not again.can_apply and _sheet(again, ENTRANTS).notes
    # publishing here ranks the imported judges' scores by the rule: the same places and awards as at home
    results.publish(empty, admin, uuid)
    home, here = _results(sqlite_store, done.name), _results(empty, done.name)
    assert [r[:4] for r in here] == [r[:4] for r in home]
    assert all(r[4] and r[4].startswith(f"{OFFICE_CODE}-2026-") for r in here if r[2])


def test_a_published_contests_results_changed_in_the_file_are_refused(
        sqlite_store: Store, admin: Actor, exported: Path, tmp_path: Path) -> None:
    wb = load_workbook(exported)
    ws = wb[ENTRANTS]
    letters = {cell.value: cell.column_letter for cell in ws[1]}
    ws[f"{letters['奖项']}2"] = "一等奖" if ws[f"{letters['奖项']}2"].value != "一等奖" else "二等奖"
    ws[f"{letters['证书编号']}3"] = "110101006-2026-0999"
    changed = tmp_path / "改.xlsx"
    wb.save(changed)
    plan = _plan(sqlite_store, admin, changed)
    errors = {row.row_no: row.messages[0] for row in _sheet(plan, ENTRANTS).rows if row.verdict == "error"}
    assert errors[2].startswith(f"{letters['奖项']}2 奖项：参赛证号 0001 的选手已录入，系统中为 ")
    assert errors[3].startswith(f"{letters['证书编号']}3 证书编号：参赛证号 0002 的选手已录入，系统中为 ")
    assert plan.blocked


def test_a_practical_score_typed_without_judges_scores_is_refused(
        admin: Actor, exported: Path, empty: Store, tmp_path: Path) -> None:
    wb = load_workbook(exported)
    ws = wb[ENTRANTS]
    letters = {cell.value: cell.column_letter for cell in ws[1]}
    ws[f"{letters['实操成绩']}6"] = 88  # 0002 of the running contest: no judge has scored it
    ws[f"{letters['实操成绩']}5"] = 10  # 0001: its judges' score in the file give it (the typed one yields)
    changed = tmp_path / "改.xlsx"
    wb.save(changed)
    plan = _plan(empty, admin, changed)
    errors = {row.row_no: row.messages for row in _sheet(plan, ENTRANTS).rows if row.verdict == "error"}
    assert errors == {6: (f"{letters['实操成绩']}6 实操成绩：{sheets.PRACTICAL_FROM_JUDGES}",)}
    ws[f"{letters['实操成绩']}6"] = None
    wb.save(changed)
    plan = _plan(empty, admin, changed)
    assert plan.errors == 0
    importer.apply(empty, admin, plan)
    rows = {r.entry_no: r for r in cases.score_sheet(empty, _uuid_of(empty, "敬老杯家政服务员技能大赛"))}
    assert rows["0001"].practical is None  # judge 2 has not scored: no mean yet, whatever was typed
    assert rows["0002"].practical is None


def _uuid_of(store: Store, name: str) -> str:
    with store.transaction() as session:
        return session.scalars(select(Contest.uuid).where(Contest.name == name)).one()


def test_a_masked_workbook_comes_back_unchanged_but_brings_no_new_entrant(
        sqlite_store: Store, admin: Actor, contests: Any, empty: Store, tmp_path: Path) -> None:
    path = tmp_path / "打码.xlsx"
    export_registry(sqlite_store, admin, "contests", path, full_values=False)
    wb = load_workbook(path)
    ws = wb[ENTRANTS]
    column = next(c.column_letter for c in ws[1] if c.value == "身份证号")
    assert "*" in ws[f"{column}2"].value
    home = _plan(sqlite_store, admin, path)  # a masked cell stands for the stored number
    assert home.errors == 0 and not home.can_apply, importer.report_lines(home)
    elsewhere = _plan(empty, admin, path)
    refused = [row.messages for row in _sheet(elsewhere, ENTRANTS).rows]
    assert refused[0] == (f"{column}2 身份证号：身份证号已隐去部分数字，新选手须填写完整的身份证号",)
    ws[f"{column}2"] = ws[f"{column}3"].value  # another entrant's masked number
    changed = tmp_path / "改.xlsx"
    wb.save(changed)
    [error] = [row for row in _sheet(_plan(sqlite_store, admin, changed), ENTRANTS).rows if row.verdict == "error"]
    assert error.messages == (f"{column}2 身份证号：已打码，且与系统中的值不符",)
