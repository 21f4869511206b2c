"""The 参赛选手及成绩 sheet imported on its own (db.contests.tabular.EntryHooks), through the import wizard's
path (export → edit in Excel → read → plan → apply): it cannot change what publishing decided nor the scores
of a published contest (refused at the cell, nothing written), its theory scores are checked as typed ones
are, a typed 实操成绩 is refused (the judges' scores give it), and one person enters a contest once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from db.auth import Actor
from db.contests import cases, results
from db.contests.rules import total_score
from db.contests.tabular import PRACTICAL_FROM_JUDGES, RESULT_NOT_IMPORTED
from db.errors import ValidationError
from db.models import Contest, ContestEntry
from db.store import Store
from db.tabular.plan import ImportPlan
from db.validation import make_id_number
from desktop.documents.excel import importer
from desktop.documents.excel.export import export_registry

RULE = {"trade": "养老护理员", "level": "街道级", "theory_weight": 20, "practical_weight": 80, "judge_count": 2,
        "drop_extremes": "否", "quota_first": 1, "quota_second": 1, "quota_third": 1, "quota_merit": 0}
PUBLISHED, RUNNING = "敬老杯养老护理员技能大赛", "敬老杯家政服务员技能大赛"


def _id(n: int) -> str:
    return make_id_number("110101", dt.date(1985, 3, n), n)


@pytest.fixture
def contests(sqlite_store: Store, clerk: Actor) -> tuple[Contest, Contest]:
    """A published contest of three scored entrants, and a running one: 0001 fully scored, 0002 not."""
    store = sqlite_store
    done = cases.create_contest(store, clerk, {**RULE, "name": PUBLISHED, "starts_on": "2026-04-01",
                                               "ends_on": "2026-04-02"})
    running = cases.create_contest(store, clerk, {**RULE, "name": RUNNING, "starts_on": "2026-06-01",
                                                  "ends_on": "2026-06-01"})
    for contest in (done, running):
        cases.set_judges(store, clerk, contest.uuid, [{"name": "李评"}, {"name": "赵评"}])
    for n in (1, 2, 3):
        entry = cases.add_entrant(store, clerk, done.uuid, {"name": f"选手{n}", "id_number": _id(n),
                                                            "employer": f"单位{n}"})
        cases.set_theory_score(store, clerk, entry.uuid, f"{80 + n}.25")
        for judge in (1, 2):
            cases.set_judge_score(store, clerk, entry.uuid, judge, f"{70 + 3 * n + judge}.5")
    results.publish(store, clerk, done.uuid)
    first = cases.add_entrant(store, clerk, running.uuid, {"name": "选手11", "id_number": _id(11),
                                                           "employer": "戊保洁公司"})
    cases.add_entrant(store, clerk, running.uuid, {"name": "选手12", "id_number": _id(12), "employer": "己物业"})
    cases.set_theory_score(store, clerk, first.uuid, "77.5")
    cases.set_judge_score(store, clerk, first.uuid, 1, "88.75")
    cases.set_judge_score(store, clerk, first.uuid, 2, "90.25")
    return done, running


@pytest.fixture
def exported(sqlite_store: Store, admin: Actor, contests: Any, tmp_path: Path) -> Path:
    path = tmp_path / "参赛选手.xlsx"
    export_registry(sqlite_store, admin, "entries", path, full_values=True)
    return path


class Sheet:
    """The exported sheet, its cells found by header and 参赛证号 + contest."""

    def __init__(self, path: Path) -> None:
        self.path, self.book = path, load_workbook(path)
        self.ws: Worksheet = self.book.active  # type: ignore[assignment]
        self.letters = {cell.value: cell.column_letter for cell in self.ws[1]}

    def row(self, contest: str, entry_no: str) -> int:
        for cells in self.ws.iter_rows(min_row=2):
            if cells[0].value == contest and cells[2].value == entry_no:
                return int(cells[0].row)
        raise LookupError(entry_no)

    def at(self, contest: str, entry_no: str, label: str) -> str:
        return f"{self.letters[label]}{self.row(contest, entry_no)}"

    def put(self, contest: str, entry_no: str, label: str, value: Any) -> str:
        where = self.at(contest, entry_no, label)
        self.ws[where] = value
        return where

    def append(self, **by_label: Any) -> int:
        row = self.ws.max_row + 1
        for label, value in by_label.items():
            self.ws[f"{self.letters[label]}{row}"] = value
        return row

    def saved(self, name: str = "改.xlsx") -> Path:
        path = self.path.with_name(name)
        self.book.save(path)
        return path


def _plan(store: Store, actor: Actor, path: Path) -> ImportPlan:
    return importer.plan(store, actor, importer.read_source(store, "entries", path))


def _errors(plan: ImportPlan) -> dict[int, tuple[str, ...]]:
    return {row.row_no: row.messages for row in plan.rows if row.verdict == "error"}


def _entrants(store: Store) -> list[tuple[Any, ...]]:
    with store.transaction() as session:
        return [tuple(row) for row in session.execute(select(
            ContestEntry.contest_uuid, ContestEntry.entry_no, ContestEntry.name, ContestEntry.id_number,
            ContestEntry.theory_score, ContestEntry.practical_score, ContestEntry.total_score, ContestEntry.rank,
            ContestEntry.award, ContestEntry.title, ContestEntry.certificate_no, ContestEntry.second_reward_note,
            ContestEntry.team, ContestEntry.gender).where(ContestEntry.deleted.is_(False))
            .order_by(ContestEntry.contest_uuid, ContestEntry.entry_no))]


def test_the_exported_sheet_comes_back_unchanged(sqlite_store: Store, admin: Actor, exported: Path) -> None:
    plan = _plan(sqlite_store, admin, exported)
    assert plan.counts == {"new": 0, "update": 0, "unchanged": 5, "error": 0}, importer.report_lines(plan)


@pytest.mark.parametrize(("label", "value"), [
    ("名次", 1), ("奖项", "优胜奖"), ("称号", "技术能手"), ("证书编号", "110101006-2026-0099"), ("理论成绩", 99),
    ("实操成绩", 99), ("姓名", "别人"), ("用时（秒）", 600), ("抽签顺序", 7), ("代表队", "另一队")])
def test_nothing_of_a_published_contest_changes(sqlite_store: Store, admin: Actor, exported: Path,
                                                label: str, value: Any) -> None:
    sheet = Sheet(exported)
    where = sheet.put(PUBLISHED, "0001", label, value)
    before = _entrants(sqlite_store)
    plan = _plan(sqlite_store, admin, sheet.saved())
    assert _errors(plan) == {int(where[1:]): (f"{where} {label}：竞赛“{PUBLISHED}”{cases.FROZEN}",)}
    assert plan.counts["update"] == plan.counts["new"] == 0 and not plan.can_apply
    assert _entrants(sqlite_store) == before


def test_a_published_contest_takes_no_new_entrant_but_its_second_reward_notes(
        sqlite_store: Store, admin: Actor, exported: Path) -> None:
    sheet = Sheet(exported)
    sheet.put(PUBLISHED, "0002", "二次奖励", "单位另奖500元")
    row = sheet.append(竞赛名称=PUBLISHED, 竞赛开始日期="2026-04-01", 参赛证号="0004", 姓名="选手4",
                       身份证号=_id(4))
    plan = _plan(sqlite_store, admin, sheet.saved())
    assert _errors(plan) == {row: (f"C{row} 参赛证号：竞赛“{PUBLISHED}”{cases.FROZEN}",)}
    assert plan.counts["update"] == 1
    importer.apply(sqlite_store, admin, plan)
    notes = {(e[1], e[11]) for e in _entrants(sqlite_store) if e[11]}
    assert notes == {("0002", "单位另奖500元")} and len(_entrants(sqlite_store)) == 5


@pytest.mark.parametrize("typed", [101, -1, "85.555", "九十"])
def test_theory_scores_are_checked_as_typed_ones(sqlite_store: Store, admin: Actor, exported: Path,
                                                 typed: Any) -> None:
    sheet = Sheet(exported)
    where = sheet.put(RUNNING, "0002", "理论成绩", typed)
    plan = _plan(sqlite_store, admin, sheet.saved())
    with pytest.raises(ValidationError) as typed_in_the_grid:
        cases.set_theory_score(sqlite_store, admin, _uuid(sqlite_store, RUNNING, "0002"), typed)
    assert _errors(plan) == {int(where[1:]): (f"{where} 理论成绩：{typed_in_the_grid.value.reason}",)}


def _uuid(store: Store, contest: str, entry_no: str) -> str:
    with store.transaction() as session:
        return session.scalars(select(ContestEntry.uuid).join(Contest, Contest.uuid == ContestEntry.contest_uuid)
                               .where(Contest.name == contest, ContestEntry.entry_no == entry_no)).one()


def test_a_changed_theory_score_recomputes_the_total_from_the_judges_practical(
        sqlite_store: Store, admin: Actor, exported: Path) -> None:
    sheet = Sheet(exported)
    sheet.put(RUNNING, "0001", "理论成绩", "66.5")
    sheet.put(RUNNING, "0002", "理论成绩", 70)
    plan = _plan(sqlite_store, admin, sheet.saved())
    assert plan.counts["update"] == 2 and plan.errors == 0, importer.report_lines(plan)
    importer.apply(sqlite_store, admin, plan)
    with sqlite_store.transaction() as session:
        first = session.get(ContestEntry, _uuid(sqlite_store, RUNNING, "0001"))
        second = session.get(ContestEntry, _uuid(sqlite_store, RUNNING, "0002"))
        assert first is not None and second is not None
        assert (first.theory_score, first.practical_score) == (6650, 8950)  # 88.75 and 90.25: 89.50
        assert first.total_score == total_score(6650, 8950, 20, 80)
        assert (second.theory_score, second.total_score) == (7000, None)  # no practical score yet


def test_a_typed_practical_score_is_refused_unless_it_is_the_judges(sqlite_store: Store, admin: Actor,
                                                                    exported: Path) -> None:
    sheet = Sheet(exported)
    assert sheet.ws[sheet.at(RUNNING, "0001", "实操成绩")].value == 89.5  # the judges' mean, exported
    changed = sheet.put(RUNNING, "0001", "实操成绩", 95)
    typed = sheet.put(RUNNING, "0002", "实操成绩", 80)  # no judge has scored 0002 yet
    sheet.put(RUNNING, "0002", "名次", 1)
    plan = _plan(sqlite_store, admin, sheet.saved())
    errors = _errors(plan)
    assert errors[int(changed[1:])] == (f"{changed} 实操成绩：{PRACTICAL_FROM_JUDGES}",)
    assert set(errors[int(typed[1:])]) == {f"{typed} 实操成绩：{PRACTICAL_FROM_JUDGES}",
                                           f"{sheet.at(RUNNING, '0002', '名次')} 名次：{RESULT_NOT_IMPORTED}"}
    sheet.put(RUNNING, "0001", "实操成绩", 89.5)  # the stored value again: nothing to say
    sheet.put(RUNNING, "0002", "实操成绩", None)  # an empty cell: nothing said, nothing cleared
    sheet.put(RUNNING, "0002", "名次", None)
    assert _plan(sqlite_store, admin, sheet.saved("再改.xlsx")).counts["unchanged"] == 5


def test_new_entrants_enter_once_with_an_id_number_and_without_results(
        sqlite_store: Store, admin: Actor, exported: Path) -> None:
    sheet = Sheet(exported)
    common = {"竞赛名称": RUNNING, "竞赛开始日期": "2026-06-01"}
    again = sheet.append(**common, 参赛证号="0003", 姓名="选手11", 身份证号=_id(11))  # 0001 already
    good = sheet.append(**common, 参赛证号="0004", 姓名="选手13", 身份证号=_id(13), 工作单位="庚家政", 理论成绩=81)
    twice = sheet.append(**common, 参赛证号="0005", 姓名="选手13", 身份证号=_id(13))
    nobody = sheet.append(**common, 参赛证号="0006", 姓名="无证")
    ranked = sheet.append(**common, 参赛证号="0007", 姓名="选手14", 身份证号=_id(14), 证书编号="X-1", 实操成绩=90)
    moved = sheet.put(RUNNING, "0002", "竞赛开始日期", "2026-04-01")  # 系统编号 kept: the same entrant, moved
    sheet.put(RUNNING, "0002", "参赛证号", "0009")
    moved = sheet.put(RUNNING, "0009", "竞赛名称", PUBLISHED)
    plan = _plan(sqlite_store, admin, sheet.saved())
    errors = _errors(plan)
    assert errors[again] == (f"F{again} 身份证号：选手11已报名本竞赛，参赛证号 0001（选手11）",)
    assert errors[twice] == (f"F{twice} 身份证号：与第{good}行是同一人：一人只能报名一次",)
    assert errors[nobody] == (f"F{nobody} 身份证号：新选手须填写身份证号（一人只能报名一次，凭身份证号核对）",)
    assert set(errors[ranked]) == {f"J{ranked} 实操成绩：{PRACTICAL_FROM_JUDGES}",
                                   f"O{ranked} 证书编号：{RESULT_NOT_IMPORTED}"}
    assert errors[int(moved[1:])] == (f"{moved} 竞赛名称：选手不能改到另一竞赛；请在该竞赛中另行报名",)
    assert plan.counts["new"] == 1
    importer.apply(sqlite_store, admin, plan)
    added = [e for e in _entrants(sqlite_store) if e[1] == "0004"]
    assert [(e[2], e[4], e[6], e[12], e[13]) for e in added] == [("选手13", 8100, None, "庚家政", "男")]
