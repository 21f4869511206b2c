"""The service-log grid (台账) as a clerk uses it: typing months with Enter and Tab, pasting a block from Excel,
bad cells refused at the cell with nothing written, months that cannot be entered, totals, undo, read-only,
and the year view (年度汇总)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from db.auth import Actor
from db.stations import cases, logs
from db.store import Store
from desktop.ui.stations.log_grid import StationLogGrid
from desktop.ui.stations.log_model import TOTAL_ROW
from desktop.ui.stations.year_view import YearTotalsDialog
from desktop.ui.worker import JobRunner
from tests.ui.conftest import OFFICE, make_context

CLERK = Actor("clerk", "录入员", frozenset({"clerk"}), OFFICE.code)
VIEWER = Actor("viewer", "查看", frozenset(), OFFICE.code)
STATION = {"code": "NX-006-001", "name": "东四快递小哥驿站", "address": "东四北大街100号", "host_type": "企业",
           "manager": "王芳", "phone": "13800138000", "built_on": "2020-01-10"}
YEAR = 2023
COURIER, RIDER, SANITATION, DRIVER, OTHER, TOTAL, SERVICES = range(7)


@pytest.fixture
def station(ui_store: Store) -> str:
    return cases.create_station(ui_store, CLERK, STATION).uuid


def open_grid(qtbot: QtBot, store: Store, runner: JobRunner, station: str | None, actor: Actor = CLERK,
              year: int = YEAR) -> StationLogGrid:
    grid = StationLogGrid(make_context(store, actor, runner))
    qtbot.addWidget(grid)
    grid.resize(700, 500)
    grid.show_station(station)
    grid.year.setValue(year)
    grid.show()
    qtbot.waitExposed(grid)
    return grid


@pytest.fixture
def grid(qtbot: QtBot, ui_store: Store, runner: JobRunner, station: str, cjk_font: str | None) -> StationLogGrid:
    return open_grid(qtbot, ui_store, runner, station)


def go_to(grid: StationLogGrid, month: int, column: int) -> QModelIndex:
    index = grid.model.index(month - 1, column)
    grid.table.setCurrentIndex(index)
    grid.table.setFocus()
    return index


def type_in(grid: StationLogGrid, text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type on the current cell as a clerk does: the first key opens the editor, the rest go into it (Chinese
    comes from an input method: F2, then the text committed into the editor)."""
    QTest.keyClick(grid.table, text[0] if text.isascii() else Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    if text.isascii():
        QTest.keyClicks(editor, text[1:])
    else:
        editor.setText(text)
    QTest.keyClick(editor, key)


def saved(store: Store, station: str, year: int = YEAR) -> dict[int, dict[str, object]]:
    return {month: log.values for month, log in logs.log_year(store, station, year).months.items()}


def select_block(grid: StationLogGrid, first: tuple[int, int], last: tuple[int, int]) -> None:
    """Select months × columns from ``first`` to ``last`` (month, column), as a drag with the mouse does."""
    go_to(grid, *first)
    block = QItemSelection(grid.model.index(first[0] - 1, first[1]), grid.model.index(last[0] - 1, last[1]))
    grid.table.selectionModel().select(block, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def current(grid: StationLogGrid) -> tuple[int, int]:
    index = grid.table.currentIndex()
    return index.row() + 1, index.column()


def test_a_month_typed_with_tab_and_enter_is_saved_cell_by_cell_with_its_total(
        grid: StationLogGrid, ui_store: Store, station: str, qtbot: QtBot) -> None:
    go_to(grid, 3, COURIER)
    with qtbot.waitSignal(grid.changed) as signal:
        type_in(grid, "12", Qt.Key.Key_Tab)
    assert signal.args == [station]
    assert current(grid) == (3, RIDER)
    type_in(grid, "5", Qt.Key.Key_Tab)
    type_in(grid, "3", Qt.Key.Key_Tab)
    assert current(grid) == (3, DRIVER)
    QTest.keyClick(grid.table, Qt.Key.Key_Backtab)  # Shift+Tab on a cell not being edited: left
    assert current(grid) == (3, SANITATION)
    go_to(grid, 3, SERVICES)
    type_in(grid, "冷可取暖、渴可喝水")
    assert current(grid) == (4, SERVICES)  # Enter: down
    march = saved(ui_store, station)[3]
    assert (march["visits_courier"], march["visits_rider"], march["visits_sanitation"], march["visits_total"],
            march["services_used"]) == (12, 5, 3, 20, "冷可取暖、渴可喝水")
    assert grid.model.text(2, TOTAL) == "20"
    go_to(grid, 4, COURIER)
    type_in(grid, "7")  # a month not yet entered is created
    assert current(grid) == (5, COURIER)
    assert grid.model.text(TOTAL_ROW, COURIER) == "19" and grid.model.text(TOTAL_ROW, TOTAL) == "27"
    assert saved(ui_store, station)[4]["visits_total"] == 7


def test_typing_replaces_the_value_and_f2_edits_it(grid: StationLogGrid, ui_store: Store, station: str) -> None:
    logs.save_month_log(ui_store, CLERK, station, "2023-02", {"visits_courier": 40})
    grid.show_station(station)
    go_to(grid, 2, COURIER)
    type_in(grid, "9")
    assert saved(ui_store, station)[2]["visits_courier"] == 9
    go_to(grid, 2, COURIER)
    QTest.keyClick(grid.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "9"
    editor.end(False)
    QTest.keyClicks(editor, "1")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert saved(ui_store, station)[2]["visits_courier"] == 91


@pytest.mark.parametrize("text", ["-3", "很多", "1.5"])
def test_a_bad_count_is_refused_at_the_cell_and_nothing_is_written(grid: StationLogGrid, ui_store: Store,
                                                                    station: str, text: str) -> None:
    go_to(grid, 3, COURIER)
    type_in(grid, text)
    assert grid.table.state() == QAbstractItemView.State.EditingState  # the editor stays open on the bad text
    assert grid.message.text() == "3月 快递员：必须是不小于0的整数"
    assert current(grid) == (3, COURIER)
    assert saved(ui_store, station) == {}
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("4")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert saved(ui_store, station)[3]["visits_courier"] == 4


def test_a_pasted_block_fills_the_months_one_save_each(grid: StationLogGrid, ui_store: Store, station: str,
                                                       qtbot: QtBot) -> None:
    go_to(grid, 1, COURIER)
    QGuiApplication.clipboard().setText("10\t20\t30\t40\t50\n1\t2\t3\t4\t5\r\n")
    with qtbot.waitSignal(grid.changed):
        QTest.keyClick(grid.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    months = saved(ui_store, station)
    assert (months[1]["visits_total"], months[1]["visits_other"], months[2]["visits_total"]) == (150, 50, 15)
    assert grid.model.text(TOTAL_ROW, TOTAL) == "165"
    # copied back out as Excel reads it (the computed total included)
    select_block(grid, (1, DRIVER), (2, TOTAL))
    QTest.keyClick(grid.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "40\t50\t150\n4\t5\t15\n"
    # pasted over the months again, the 合计 column of the block skipped (it is computed)
    go_to(grid, 1, DRIVER)
    QGuiApplication.clipboard().setText("1\t2\t999\n")
    QTest.keyClick(grid.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert saved(ui_store, station)[1]["visits_total"] == 63


def test_a_pasted_block_with_one_bad_cell_writes_nothing_and_names_it(grid: StationLogGrid, ui_store: Store,
                                                                      station: str) -> None:
    go_to(grid, 5, COURIER)
    QGuiApplication.clipboard().setText("1\t2\n3\t-4\n")
    QTest.keyClick(grid.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert grid.message.text() == "没有粘贴：6月 外卖送餐员：必须是不小于0的整数"
    assert saved(ui_store, station) == {}
    go_to(grid, 12, COURIER)
    QGuiApplication.clipboard().setText("1\n2\n")
    QTest.keyClick(grid.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "超出了12月" in grid.message.text() and saved(ui_store, station) == {}


def test_future_months_and_months_before_the_station_was_built_are_not_editable(
        qtbot: QtBot, ui_store: Store, runner: JobRunner, station: str) -> None:
    grid = open_grid(qtbot, ui_store, runner, station, year=dt.date.today().year + 1)
    index = go_to(grid, 1, COURIER)
    assert not grid.model.is_editable(index)
    assert "未到的月份不能填写" in grid.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert grid.model.data(index, Qt.ItemDataRole.BackgroundRole) is not None  # greyed
    QTest.keyClick(grid.table, "5")
    assert grid.table.state() != QAbstractItemView.State.EditingState
    assert grid.message.text() == "1月：未到的月份不能填写"
    QGuiApplication.clipboard().setText("5\n")
    QTest.keyClick(grid.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    grid.year.setValue(2020)  # built 2020-01-10: January on is open, the year before closed
    assert grid.model.is_editable(grid.model.index(0, COURIER))
    grid.year.setValue(2019)
    assert "早于建成月份" in grid.model.data(grid.model.index(11, COURIER), Qt.ItemDataRole.ToolTipRole)
    assert logs.log_year(ui_store, station, dt.date.today().year + 1).months == {}
    assert not grid.model.is_editable(grid.model.index(TOTAL_ROW, COURIER))
    assert not grid.model.is_editable(grid.model.index(0, TOTAL))


def test_undo_takes_back_a_cell_and_deletes_a_month_the_grid_created(grid: StationLogGrid, ui_store: Store,
                                                                      station: str) -> None:
    logs.save_month_log(ui_store, CLERK, station, "2023-02", {"visits_courier": 40, "supplies_used": "水"})
    grid.show_station(station)
    go_to(grid, 2, COURIER)
    type_in(grid, "41")
    go_to(grid, 3, RIDER)
    type_in(grid, "8")
    assert sorted(saved(ui_store, station)) == [2, 3]
    QTest.keyClick(grid.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sorted(saved(ui_store, station)) == [2]
    assert grid.model.text(2, RIDER) == "" and grid.message.text() == "已撤销：3月 外卖送餐员"
    grid.undo_button.click()
    assert saved(ui_store, station)[2]["visits_courier"] == 40 and grid.model.text(1, COURIER) == "40"
    assert not grid.undo_button.isEnabled()


def test_delete_clears_the_selected_cells_and_undo_brings_them_back(grid: StationLogGrid, ui_store: Store,
                                                                     station: str) -> None:
    logs.save_month_log(ui_store, CLERK, station, "2023-02", {"visits_courier": 4, "visits_rider": 6,
                                                              "supplies_used": "水"})
    grid.show_station(station)
    select_block(grid, (1, COURIER), (2, RIDER))  # January (no log) and February: only February is written
    QTest.keyClick(grid.table, Qt.Key.Key_Delete)
    assert saved(ui_store, station) == {2: {"visits_total": 0, "visits_courier": 0, "visits_rider": 0,
                                            "visits_sanitation": 0, "visits_driver": 0, "visits_other": 0,
                                            "services_used": None, "supplies_received": None,
                                            "supplies_used": "水"}}
    QTest.keyClick(grid.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(ui_store, station)[2]["visits_total"] == 10


def test_a_read_only_user_sees_the_grid_read_only(qtbot: QtBot, ui_store: Store, runner: JobRunner,
                                                   station: str) -> None:
    logs.save_month_log(ui_store, CLERK, station, "2023-02", {"visits_courier": 4})
    grid = open_grid(qtbot, ui_store, runner, station, actor=VIEWER)
    assert grid.model.text(1, COURIER) == "4" and "只读" in grid.note.text()
    index = go_to(grid, 2, COURIER)
    assert not grid.model.is_editable(index)
    QTest.keyClick(grid.table, "5")
    QTest.keyClick(grid.table, Qt.Key.Key_Delete)
    QGuiApplication.clipboard().setText("9\n")
    QTest.keyClick(grid.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert grid.table.state() != QAbstractItemView.State.EditingState
    assert saved(ui_store, station)[2]["visits_courier"] == 4


def test_no_station_shows_an_empty_grid(qtbot: QtBot, ui_store: Store, runner: JobRunner) -> None:
    grid = open_grid(qtbot, ui_store, runner, None)
    assert not grid.table.isEnabled() and not grid.year_totals.isEnabled()
    assert grid.model.text(0, COURIER) == ""


@pytest.fixture
def two_stations(ui_store: Store, station: str) -> Iterator[str]:
    other = cases.create_station(ui_store, CLERK, {**STATION, "code": "NX-006-002", "name": "朝阳门驿站"})
    logs.save_month_log(ui_store, CLERK, station, "2023-01", {"visits_courier": 5, "visits_rider": 1})
    logs.save_month_log(ui_store, CLERK, other.uuid, "2023-01", {"visits_courier": 7})
    logs.save_month_log(ui_store, CLERK, other.uuid, "2023-03", {"visits_driver": 2})
    yield other.uuid


def test_the_year_view_of_a_station_and_of_all_stations(grid: StationLogGrid, ui_store: Store, runner: JobRunner,
                                                        two_stations: str, qtbot: QtBot) -> None:
    grid.year_totals.click()
    dialog = grid.totals_dialog
    assert dialog is not None and dialog.isVisible()
    assert "东四快递小哥驿站" in dialog.windowTitle() and dialog.year.value() == YEAR
    assert (dialog.table.item(0, COURIER).text(), dialog.table.item(0, TOTAL - 0).text()) == ("5", "6")
    assert dialog.table.item(12, TOTAL).text() == "6"
    dialog.close()
    every = YearTotalsDialog(make_context(ui_store, CLERK, runner), None, year=YEAR)
    qtbot.addWidget(every)
    assert "全部驿站" in every.windowTitle()
    assert [every.table.item(r, TOTAL).text() for r in (0, 2, 12)] == ["13", "2", "15"]
    assert every.table.item(12, COURIER).text() == "12"
    every.year.setValue(YEAR - 1)
    assert every.table.item(12, TOTAL).text() == "0" and "2022年" in every.heading.text()


def test_a_month_changed_elsewhere_meanwhile_is_not_overwritten(grid: StationLogGrid, ui_store: Store,
                                                                station: str, qtbot: QtBot) -> None:
    first = logs.save_month_log(ui_store, CLERK, station, "2023-02", {"visits_courier": 4})
    grid.show_station(station)
    logs.save_month_log(ui_store, CLERK, station, "2023-02", {"visits_courier": 6}, log_uuid=first.uuid,
                        expected_rev=first.rev)  # another clerk, meanwhile
    go_to(grid, 2, COURIER)
    type_in(grid, "5")
    qtbot.waitUntil(lambda: grid.model.text(1, COURIER) == "6")  # what is on file, read again
    assert "已被他人修改" in grid.message.text() and saved(ui_store, station)[2]["visits_courier"] == 6
    go_to(grid, 2, COURIER)
    type_in(grid, "5")  # on what is on file now: saved
    assert saved(ui_store, station)[2]["visits_courier"] == 5
