"""The score grid (成绩录入) as a clerk uses it: a column of scores typed with Enter, Tab along a row, a block
pasted from Excel, bad cells refused at the cell with nothing written, 回避 cells grey and refused, 实操 / 总成绩 /
暂定名次 following the scores, Delete and undo, a score sheet imported through the import wizard, and published
results read-only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from db.auth import Actor
from db.contests import cases, results
from db.contests.score_sheets import score_grid
from db.models import Contest
from db.store import Store
from db.validation import make_id_number
from desktop.ui.contests.score_grid import ContestScoreGrid
from desktop.ui.contests.score_model import AVOIDED_BRUSH, RANK
from desktop.ui.excel.import_wizard import MAPPING_PAGE, PREVIEW_PAGE, ImportWizard
from desktop.ui.excel.preview_model import DETAILS
from desktop.ui.settings import Settings
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
              actor: Actor = CLERK, settings: Settings | None = None) -> ContestScoreGrid:
    grid = ContestScoreGrid(make_context(store, actor, runner), settings=settings)
    qtbot.addWidget(grid)
    grid.resize(1000, 500)
    grid.show_contest(contest)
    grid.show()
    qtbot.waitExposed(grid)
    return grid


@pytest.fixture
def grid(qtbot: QtBot, ui_store: Store, runner: JobRunner, contest: Contest, settings: Settings,
         cjk_font: str | None) -> ContestScoreGrid:
    return open_grid(qtbot, ui_store, runner, contest.uuid, settings=settings)


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


SYNONYM_HEADER = ["序号", "选手编号", "选手姓名", "理论分", "1号评委", "评委二", "裁判3"]


def write_sheet(path: Path, rows: list[list[object]]) -> Path:
    """A score sheet as a clerk's own: a title row, then headers that are synonyms of the wizard's fields."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["养老护理员竞赛成绩登记表"])
    sheet.append(SYNONYM_HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


GOOD_ROWS: list[list[object]] = [[1, "0001", "选手1", 88, 90, 91, 92], [2, "0002", "选手2", 75, None, 80, 70],
                                 [3, "0003", "选手3", 70.5, 60, 61, 62]]


def next_page(qtbot: QtBot, wizard: ImportWizard, page: int) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == page and not wizard.is_busy(), timeout=10_000)


def open_wizard(qtbot: QtBot, grid: ContestScoreGrid, path: Path) -> ImportWizard:
    wizard = grid.open_import_wizard()
    assert wizard is not None
    qtbot.waitExposed(wizard)
    assert wizard.file_page.target_label.text() == "成绩表：" + CONTEST["name"]
    assert not wizard.file_page.registry_combo.isVisible()
    wizard.file_page.path_edit.setText(str(path))
    next_page(qtbot, wizard, MAPPING_PAGE)
    return wizard


def refusals(wizard: ImportWizard) -> dict[int, str]:
    preview = wizard.preview_page
    preview.filter_combo.setCurrentIndex(preview.filter_combo.findText("仅错误"))
    return {preview.model.row_at(i).row_no: str(preview.model.data(preview.model.index(i, DETAILS)))
            for i in range(preview.model.rowCount())}


def test_a_score_sheet_goes_through_the_import_wizard(
        grid: ContestScoreGrid, ui_store: Store, contest: Contest, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_sheet(tmp_path / "成绩.xlsx", [
        [1, "0001", "选手1", 88, 90, 91, 92],
        [2, "0002", "选手2", 120, 85, 80, 70],  # row 4: theory over 100, and judge 1 avoids 选手2
        [3, "0003", "王五", 70.5, 60, 61, 62],  # row 5: not the entrant's name
        [4, "0004", "选手4", 77.777, 60, 60, 60],  # row 6: three decimals
        [5, "0099", "无名", 80, 80, 80, 80],  # row 7: no such entrant
    ])
    before = saved(ui_store, contest)
    wizard = open_wizard(qtbot, grid, path)
    page = wizard.mapping_page
    assert [combo.currentText() for combo in page.combos] == [
        "（不导入）", "参赛证号", "姓名", "理论成绩", "评委1", "评委2", "评委3"]
    assert page.error.text() == "" and not page.uniform.isVisible()
    page.combos[1].setCurrentIndex(0)  # the mapping is editable: no column finds the entrant
    assert "参赛证号或身份证号" in page.error.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.combos[1].setCurrentIndex(page.combos[1].findText("参赛证号"))

    next_page(qtbot, wizard, PREVIEW_PAGE)
    preview = wizard.preview_page
    assert preview.summary.text().startswith("更新 1 行，无变化 0 行，错误 4 行\n有 4 行错误")
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    found = refusals(wizard)
    assert sorted(found) == [4, 5, 6, 7]
    assert "第4行 0002 选手2 理论：不能大于100：120" in found[4]
    assert "第4行 0002 选手2 评委1：该评委与选手同单位" in found[4]
    assert found[5] == "第5行 0003 选手3 姓名：表中为“王五”，与登记的姓名不符"
    assert found[6] == "第6行 0004 选手4 理论：最多两位小数：77.777"
    assert found[7] == "第7行：参赛证号“0099”不是本竞赛的参赛选手"
    assert saved(ui_store, contest) == before

    write_sheet(path, [*GOOD_ROWS, [4, "0004", "选手4", None, None, None, None]])  # fixed, saved; back and on
    wizard.back()
    next_page(qtbot, wizard, PREVIEW_PAGE)
    assert preview.summary.text() == "更新 3 行，无变化 1 行，错误 0 行"
    asked: list[str] = []
    told: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *_a: told.append(text))
    with qtbot.waitSignal(grid.changed, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert asked == ["将更新 3 行。继续？"] and told == ["已导入：更新 3 行"]
    after = saved(ui_store, contest)
    assert after["0001"] == (8800, {1: 9000, 2: 9100, 3: 9200})
    assert after["0002"] == (7500, {2: 8000, 3: 7000})
    assert after["0003"] == (7050, {1: 6000, 2: 6100, 3: 6200})
    assert grid.model.text(0, TOTAL) == "90.10"  # 26.40 + 63.70, shown at once
    assert texts(grid, RANK_COLUMN) == ["1", "2", "3", ""]
    assert "3名选手的11项成绩有变化" in grid.message.text()
    grid.undo()  # the import is one undo block
    assert saved(ui_store, contest) == before


def test_cancelling_the_score_sheet_wizard_writes_nothing(
        grid: ContestScoreGrid, ui_store: Store, contest: Contest, tmp_path: Path, qtbot: QtBot) -> None:
    before = saved(ui_store, contest)
    wizard = open_wizard(qtbot, grid, write_sheet(tmp_path / "成绩.xlsx", GOOD_ROWS))
    next_page(qtbot, wizard, PREVIEW_PAGE)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert wizard.result() == QWizard.DialogCode.Rejected
    assert saved(ui_store, contest) == before
    assert texts(grid, THEORY) == ["", "", "", ""]


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
