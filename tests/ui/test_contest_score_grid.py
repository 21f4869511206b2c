"""The score grid (成绩录入) as a clerk uses it: a column of scores typed with Enter, Tab along a row, a block
pasted from Excel, bad cells refused at the cell with nothing written, 回避 cells grey and refused, 实操 / 总成绩 /
暂定名次 following the scores, Delete and undo, a score sheet imported, and published results read-only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from db.auth import Actor
from db.contests import cases, results
from db.contests.score_sheets import score_grid
from db.models import Contest
from db.store import Store
from db.validation import make_id_number
from desktop.documents.excel.score_sheet import write_score_sheet
from desktop.ui.contests.score_grid import ContestScoreGrid
from desktop.ui.contests.score_model import AVOIDED_BRUSH, RANK
from desktop.ui.worker import JobRunner
from tests.ui.conftest import OFFICE, make_context

CLERK = Actor("clerk", "录入员", frozenset({"clerk"}), OFFICE.code)
CONTEST = {"name": "爱家·敬老杯养老护理员职业技能大赛", "trade": "养老护理员", "level": "街道级",
           "starts_on": "2026-05-10", "ends_on": "2026-05-11", "theory_weight": 30, "practical_weight": 70,
           "judge_count": 3, "drop_extremes": "否", "quota_first": 1, "quota_second": 1, "quota_third": 1}
ENTRY_NO, NAME, EMPLOYER, THEORY, J1, J2, J3, PRACTICAL, TOTAL, RANK_COLUMN = range(10)


@pytest.fixture
def contest(ui_store: Store) -> Contest:
    made = cases.create_contest(ui_store, CLERK, CONTEST)
    for n, employer in enumerate(("甲养老院", "乙家政公司", "丙护理站", "丁养老院"), start=1):
        number = make_id_number("110101", dt.date(1980, 1, 1) + dt.timedelta(days=n), n * 10 + 1)
        cases.add_entrant(ui_store, CLERK, made.uuid, {"name": f"选手{n}", "id_number": number, "employer": employer})
    cases.set_judges(ui_store, CLERK, made.uuid, [{"name": "李明", "employer": "乙家政公司"}, {"name": "王红"},
                                                  {"name": "赵刚"}])
    return made


def open_grid(qtbot: QtBot, store: Store, runner: JobRunner, contest: str | None,
              actor: Actor = CLERK) -> ContestScoreGrid:
    grid = ContestScoreGrid(make_context(store, actor, runner))
    qtbot.addWidget(grid)
    grid.resize(1000, 500)
    grid.show_contest(contest)
    grid.show()
    qtbot.waitExposed(grid)
    return grid


@pytest.fixture
def grid(qtbot: QtBot, ui_store: Store, runner: JobRunner, contest: Contest,
         cjk_font: str | None) -> ContestScoreGrid:
    return open_grid(qtbot, ui_store, runner, contest.uuid)


def go_to(grid: ContestScoreGrid, row: int, column: int) -> QModelIndex:
    index = grid.model.index(row, column)
    grid.table.setCurrentIndex(index)
    grid.table.setFocus()
    return index


def type_in(grid: ContestScoreGrid, text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type on the current cell as a clerk does: the first key opens the editor, the rest go into it."""
    QTest.keyClick(grid.table, text[0])
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    QTest.keyClicks(editor, text[1:])
    QTest.keyClick(editor, key)


def saved(store: Store, contest: Contest) -> dict[str, tuple[int | None, dict[int, int]]]:
    return {r.entry_no: (r.theory, r.judges) for r in score_grid(store, contest.uuid).rows}


def texts(grid: ContestScoreGrid, column: int) -> list[str]:
    return [grid.model.text(row, column) for row in range(grid.model.rowCount())]


def test_the_grid_shows_entrants_judges_by_name_and_grey_avoided_cells(grid: ContestScoreGrid) -> None:
    model = grid.model
    assert model.rowCount() == 4
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["参赛证号", "姓名", "工作单位", "理论", "评委1\n李明", "评委2\n王红", "评委3\n赵刚", "实操",
                       "总成绩", "暂定名次"]
    assert texts(grid, ENTRY_NO) == ["0001", "0002", "0003", "0004"]
    avoided = model.index(1, J1)  # 李明 of 乙家政公司 avoids 选手2 of 乙家政公司
    assert model.data(avoided, Qt.ItemDataRole.BackgroundRole) == AVOIDED_BRUSH
    assert "须回避" in model.data(avoided, Qt.ItemDataRole.ToolTipRole)
    assert not model.is_editable(avoided) and model.is_editable(model.index(0, J1))
    assert not model.is_editable(model.index(0, TOTAL))


def test_a_column_typed_with_enter_is_saved_and_totals_and_ranks_follow(
        grid: ContestScoreGrid, ui_store: Store, contest: Contest, qtbot: QtBot) -> None:
    go_to(grid, 0, THEORY)
    for score in ("80", "90", "85.5", "70"):
        type_in(grid, score)
    assert grid.table.currentIndex().row() == 3  # stays on the last row
    assert [v[0] for v in saved(ui_store, contest).values()] == [8000, 9000, 8550, 7000]
    assert texts(grid, THEORY) == ["80.00", "90.00", "85.50", "70.00"]

    with qtbot.waitSignal(grid.changed):
        go_to(grid, 0, J1)
        type_in(grid, "90", Qt.Key.Key_Tab)
        type_in(grid, "80", Qt.Key.Key_Tab)
        type_in(grid, "70", Qt.Key.Key_Tab)
    assert grid.table.currentIndex().column() == PRACTICAL
    assert grid.model.text(0, PRACTICAL) == "80.00"
    assert grid.model.text(0, TOTAL) == "80.00"  # 30% of 80 + 70% of 80
    grid.settle()
    assert texts(grid, RANK_COLUMN) == ["1", "", "", ""]

    go_to(grid, 1, J2)  # 选手2: judge 1 avoids, judges 2 and 3 count
    type_in(grid, "99", Qt.Key.Key_Tab)
    type_in(grid, "97")
    grid.settle()
    assert grid.model.text(1, PRACTICAL) == "98.00"
    assert texts(grid, RANK_COLUMN) == ["2", "1", "", ""]
    assert [p.key for p in results.provisional(ui_store, contest.uuid).placed][:2] == [
        grid.model.rows[1].uuid, grid.model.rows[0].uuid]  # the grid ranks as the results do


def test_a_refused_cell_writes_nothing_and_says_where(grid: ContestScoreGrid, ui_store: Store,
                                                     contest: Contest) -> None:
    before = saved(ui_store, contest)
    for text, reason in (("100.5", "不能大于100"), ("85.555", "最多两位小数"), ("abc", "应为数字")):
        go_to(grid, 2, J2)
        type_in(grid, text)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit) and editor.text() == text  # the editor stays on the bad text
        assert grid.message.text().startswith("0003 选手3 评委2：") and reason in grid.message.text()
        QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert saved(ui_store, contest) == before

    go_to(grid, 1, J1)  # the avoiding judge's cell takes nothing
    QTest.keyClick(grid.table, "8")
    assert not isinstance(QApplication.focusWidget(), QLineEdit)
    assert "须回避" in grid.message.text()
    assert saved(ui_store, contest) == before


def select_block(grid: ContestScoreGrid, first: tuple[int, int], last: tuple[int, int]) -> None:
    grid.table.selectionModel().select(
        QItemSelection(grid.model.index(*first), grid.model.index(*last)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_a_block_pasted_from_excel_is_checked_whole_saved_and_undone(
        grid: ContestScoreGrid, ui_store: Store, contest: Contest) -> None:
    clipboard = QGuiApplication.clipboard()
    before = saved(ui_store, contest)
    clipboard.setText("80\t90\t91\t92\r\n70\t\t88\t86\r\n60\t77\t101\t70\r\n")  # 101: the whole block refused
    go_to(grid, 0, THEORY)
    QTest.keySequence(grid.table, "Ctrl+V")
    assert "0003 选手3 评委2：不能大于100" in grid.message.text()
    assert saved(ui_store, contest) == before

    clipboard.setText("80\t90\t91\t92\r\n70\t\t88\t86\r\n60\t77\t78\t70\r\n")
    QTest.keySequence(grid.table, "Ctrl+V")
    after = saved(ui_store, contest)
    assert after["0001"] == (8000, {1: 9000, 2: 9100, 3: 9200})
    assert after["0002"] == (7000, {2: 8800, 3: 8600})
    assert after["0003"] == (6000, {1: 7700, 2: 7800, 3: 7000})
    grid.settle()
    assert texts(grid, RANK_COLUMN) == ["1", "2", "3", ""]
    assert grid.model.text(1, PRACTICAL) == "87.00"

    select_block(grid, (0, THEORY), (1, J1))
    QTest.keySequence(grid.table, "Ctrl+C")
    assert clipboard.text() == "80.00\t90.00\n70.00\t\n"

    select_block(grid, (2, J1), (2, J3))
    QTest.keyClick(grid.table, Qt.Key.Key_Delete)
    assert saved(ui_store, contest)["0003"] == (6000, {})
    grid.settle()
    assert texts(grid, RANK_COLUMN) == ["1", "2", "", ""]

    QTest.keySequence(grid.table, "Ctrl+Z")  # the clearing taken back
    assert saved(ui_store, contest)["0003"] == (6000, {1: 7700, 2: 7800, 3: 7000})
    QTest.keySequence(grid.table, "Ctrl+Z")  # the paste taken back
    assert saved(ui_store, contest) == before
    grid.settle()
    assert texts(grid, RANK_COLUMN) == ["", "", "", ""]


def test_a_score_sheet_is_imported_into_the_contest(grid: ContestScoreGrid, ui_store: Store, contest: Contest,
                                                    tmp_path: Path) -> None:
    sheet = score_grid(ui_store, contest.uuid)
    path = tmp_path / "成绩表.xlsx"
    write_score_sheet(path, sheet)
    from openpyxl import load_workbook

    book = load_workbook(path)
    ws = book.active
    assert ws is not None
    ws["D2"], ws["E2"], ws["F2"], ws["G2"] = 88, 90, 91, 92
    ws["D3"] = 120
    book.save(path)
    assert not grid.import_file(path)
    assert "第3行 0002 选手2 理论：不能大于100：120" in grid.message.text()
    assert saved(ui_store, contest)["0001"] == (None, {})

    ws["D3"] = 75
    book.save(path)
    assert grid.import_file(path)
    assert saved(ui_store, contest)["0001"] == (8800, {1: 9000, 2: 9100, 3: 9200})
    assert grid.model.text(0, TOTAL) == "90.10"  # 26.40 + 63.70
    grid.undo()
    assert saved(ui_store, contest)["0001"] == (None, {})


def test_published_results_are_read_only(qtbot: QtBot, ui_store: Store, runner: JobRunner, contest: Contest,
                                         cjk_font: str | None) -> None:
    for n, row in enumerate(score_grid(ui_store, contest.uuid).rows):
        cases.set_theory_score(ui_store, CLERK, row.uuid, 90 - n)
        for judge in (1, 2, 3):
            if judge not in row.avoided:
                cases.set_judge_score(ui_store, CLERK, row.uuid, judge, 80 - n)
    results.publish(ui_store, CLERK, contest.uuid)
    grid = open_grid(qtbot, ui_store, runner, contest.uuid)
    assert "成绩已发布" in grid.note.text()
    assert not grid.model.is_editable(grid.model.index(0, THEORY))
    assert not grid.import_button.isEnabled()
    before = saved(ui_store, contest)
    go_to(grid, 0, THEORY)
    QTest.keyClick(grid.table, "5")
    assert not isinstance(QApplication.focusWidget(), QLineEdit)
    QGuiApplication.clipboard().setText("50\n")
    QTest.keySequence(grid.table, "Ctrl+V")
    assert "成绩已发布" in grid.message.text()
    assert saved(ui_store, contest) == before
    assert texts(grid, RANK_COLUMN) == ["1", "2", "3", "4"]
    assert grid.model.columns[RANK_COLUMN].key == RANK


def test_no_contest_shows_an_empty_grid(qtbot: QtBot, ui_store: Store, runner: JobRunner) -> None:
    grid = open_grid(qtbot, ui_store, runner, None)
    assert grid.model.rowCount() == 0 and not grid.table.isEnabled()
    assert "请先" in grid.note.text()
