"""The inspections (检查) and stars (评星) pages of a station as a clerk uses them: an inspection that fails two
"六有" checks recorded through its dialog proposes a mark-down that the stars page confirms; refusals shown
under the field with nothing written; a follow-up completed; stars assessed; a read-only user's buttons off."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from db.auth import Actor
from db.models import Station
from db.stations import cases, logs, rules
from db.stations import inspections as inspection_cases
from db.stations.fields import STATIONS
from db.store import Store
from desktop.ui.context import AppContext, OfficeInfo
from desktop.ui.stations.field_dialog import FieldDialog
from desktop.ui.stations.inspection_dialog import FollowUpDialog, InspectionDialog
from desktop.ui.stations.inspections import StationInspections
from desktop.ui.stations.rating_dialog import RatingDialog
from desktop.ui.stations.ratings import StationRatings
from desktop.ui.stations.tab import StationsTab
from desktop.ui.worker import JobRunner

OFFICE = "110101006"
VIEWER = Actor("viewer", "查看", frozenset(), OFFICE)
SIX = dict.fromkeys(("has_sign", "has_fixed_place", "has_facilities", "has_rules", "has_staff", "on_map"), True)
STATION = {"code": "NX-006-001", "name": "东四快递小哥驿站", "built_on": "2020-01-10", "stars": 4, "area_sqm": 32,
           "opening_hours": "8:00-18:00", **SIX}
Pages = tuple[StationInspections, StationRatings]


@pytest.fixture
def station(sqlite_store: Store, clerk: Actor) -> Station:
    return cases.create_station(sqlite_store, clerk, STATION)


@pytest.fixture
def make_pages(qtbot: QtBot, sqlite_store: Store) -> Iterator[Callable[[Actor], Pages]]:
    runners: list[JobRunner] = []

    def build(actor: Actor) -> Pages:
        runners.append(JobRunner())
        context = AppContext(sqlite_store, actor, OfficeInfo(OFFICE, "东四街道工会", "subdistrict"), runners[-1])
        inspections, ratings = StationInspections(context), StationRatings(context)
        for page in (inspections, ratings):
            qtbot.addWidget(page)
            page.hooks.inform = lambda _title, text: pytest.fail(f"unexpected message: {text}")
            page.hooks.agree = lambda _title, text, _yes: pytest.fail(f"unexpected question: {text}")
        return inspections, ratings

    yield build
    for runner in runners:
        runner.wait()


@pytest.fixture
def pages(make_pages: Callable[[Actor], Pages], clerk: Actor) -> Pages:
    return make_pages(clerk)


def type_into(dialog: FieldDialog, values: dict[str, Any]) -> None:
    """Fill the dialog's fields as a clerk would: text typed, boxes ticked or cleared."""
    for name, value in values.items():
        editor = dialog.fields[name].editor
        assert editor.objectName() == name
        if isinstance(editor, QCheckBox):
            editor.setChecked(value)
        elif isinstance(editor, QLineEdit):
            editor.setText(value)
        else:
            assert isinstance(editor, QPlainTextEdit), name
            editor.setPlainText(value)


def answering(values: dict[str, Any], seen: list[FieldDialog]) -> Callable[[QDialog], int]:
    """An open_dialog that fills in the dialog, presses OK and keeps it to read its errors."""
    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, FieldDialog)
        seen.append(dialog)
        type_into(dialog, values)
        dialog.submit()
        return dialog.result()
    return run


def cell(page: StationInspections | StationRatings, row: int, column: int) -> str:
    item = page.table.item(row, column)
    assert item is not None
    return item.text()


def stars_of(store: Store, uuid: str) -> int | None:
    stars: int | None = cases.station_details(store, uuid)["station"]["stars"]
    return stars


FAILED = {"inspected_on": "2024-04-10", "inspector": "街道工会 李明", "has_facilities": False, "on_map": False,
          "score": "70", "findings": "饮水机损坏，地图上查不到", "follow_up": "维修饮水机，地图标注",
          "follow_up_due_on": "2024-05-10"}


def test_a_failed_inspection_proposes_a_mark_down_that_the_stars_page_confirms(
        qtbot: QtBot, pages: Pages, sqlite_store: Store, station: Station) -> None:
    inspections, ratings = pages
    inspections.show_station(station.uuid)
    ratings.show_station(station.uuid)
    seen: list[FieldDialog] = []
    told: list[str] = []
    inspections.hooks.open_dialog = answering(FAILED, seen)
    inspections.hooks.inform = lambda _title, text: told.append(text)
    with qtbot.waitSignal(inspections.changed) as changed:
        assert inspections.add_inspection()
    assert changed.args == [station.uuid]
    dialog = seen[0]
    assert isinstance(dialog, InspectionDialog) and dialog.result() == QDialog.DialogCode.Accepted
    posted = dialog.findChild(QLineEdit, "posted_hours")
    assert posted is not None and posted.text() == "8:00-18:00"  # the station's hours, prefilled
    assert all(box.isChecked() for name in ("has_sign", "has_rules")
               if (box := dialog.findChild(QCheckBox, name)) is not None)
    assert told == ["本次检查提议将星级由4星降为3星：“六有”未达标：完备设施、地图可查，请在“评星”页确认或驳回。"]
    assert inspections.table.rowCount() == 1
    assert cell(inspections, 0, 2) == "4/6，缺：完备设施、地图可查"
    assert cell(inspections, 0, 4) == "已逾期（期限 2024-05-10）"
    assert "饮水机损坏" in inspections.detail.toPlainText()

    ratings.show_station(station.uuid)  # the tab does it on changed
    assert cell(ratings, 0, 1) == "★★★☆☆" and cell(ratings, 0, 3) == "待确认（检查提议）"
    assert ratings.confirm_button.isEnabled() and not ratings.pending_label.isHidden()
    asked: list[str] = []
    ratings.hooks.agree = lambda _title, text, _yes: asked.append(text) is None
    assert ratings.confirm()
    assert "由4星降为3星" in asked[0]
    assert stars_of(sqlite_store, station.uuid) == 3
    assert cell(ratings, 0, 3) == "已确认" and "★★★☆☆（3星）" in ratings.stars_label.text()
    assert not ratings.confirm_button.isEnabled() and ratings.pending_label.isHidden()


def test_a_proposal_is_dismissed_after_a_question(pages: Pages, sqlite_store: Store, clerk: Actor,
                                                  station: Station) -> None:
    _, ratings = pages
    inspection_cases.record_inspection(sqlite_store, clerk, station.uuid, {**FAILED, **SIX, "on_map": False})
    ratings.show_station(station.uuid)
    ratings.hooks.agree = lambda _title, _text, _yes: False
    assert not ratings.dismiss()
    assert ratings.table.rowCount() == 1
    ratings.hooks.agree = lambda _title, _text, yes: yes == "驳回"
    assert ratings.dismiss()
    assert ratings.table.rowCount() == 0 and stars_of(sqlite_store, station.uuid) == 4


@pytest.mark.parametrize(("typed", "field", "says"), [
    ({"inspected_on": "2019-12-31"}, "inspected_on", "不能早于驿站建成日期 2020-01-10"),
    ({"inspected_on": (dt.date.today() + dt.timedelta(days=1)).isoformat()}, "inspected_on", "不能晚于今天"),
    ({"follow_up_due_on": "2024-04-01"}, "follow_up_due_on", "不能早于检查日期 2024-04-10"),
    ({"inspector": ""}, "inspector", "必须填写"),
    ({"score": "120"}, "score", "100"),
])
def test_a_refused_inspection_is_said_under_its_field_and_nothing_is_written(
        pages: Pages, sqlite_store: Store, station: Station, typed: dict[str, str], field: str, says: str) -> None:
    inspections, _ = pages
    inspections.show_station(station.uuid)
    seen: list[FieldDialog] = []
    inspections.hooks.open_dialog = answering({**FAILED, **typed}, seen)
    assert not inspections.add_inspection()
    dialog = seen[0]
    assert dialog.result() != QDialog.DialogCode.Accepted  # stays open for the clerk to correct
    assert says in dialog.field_error(field)
    assert [n for n in dialog.fields if dialog.field_error(n)] == [field]
    assert cases.station_details(sqlite_store, station.uuid)["inspections"] == []
    assert inspections.table.rowCount() == 0


def test_a_follow_up_is_completed(pages: Pages, sqlite_store: Store, clerk: Actor, station: Station) -> None:
    inspections, _ = pages
    inspection_cases.record_inspection(sqlite_store, clerk, station.uuid, {**FAILED, **SIX})
    inspections.show_station(station.uuid)
    assert inspections.complete_button.isEnabled()
    seen: list[FieldDialog] = []
    inspections.hooks.open_dialog = answering({"follow_up_done_on": "2024-04-01"}, seen)
    assert not inspections.complete_follow_up()
    assert "不能早于检查日期" in seen[0].field_error("follow_up_done_on")
    inspections.hooks.open_dialog = answering({"follow_up_done_on": "2024-05-08", "follow_up": "已维修"}, seen)
    assert inspections.complete_follow_up()
    assert isinstance(seen[-1], FollowUpDialog)
    assert cell(inspections, 0, 4) == "已完成（2024-05-08）"
    assert "整改情况：已维修" in inspections.detail.toPlainText()
    assert not inspections.complete_button.isEnabled()
    assert inspections.complete_button.toolTip() == "请先选择一次整改未完成的检查"


def test_stars_are_assessed_with_a_reason_and_refused_without(pages: Pages, sqlite_store: Store,
                                                              station: Station) -> None:
    _, ratings = pages
    ratings.show_station(station.uuid)
    seen: list[FieldDialog] = []
    ratings.hooks.open_dialog = answering({"reason": "  "}, seen)
    assert not ratings.assess()
    assert seen[0].field_error("reason") == "必须填写"
    assert ratings.table.rowCount() == 0

    def five_stars(dialog: QDialog) -> int:
        assert isinstance(dialog, RatingDialog)
        assert dialog.year_spin.value() == dt.date.today().year and dialog.stars_combo.currentData() == 4
        dialog.stars_combo.setCurrentIndex(dialog.stars_combo.findData(5))
        type_into(dialog, {"reason": "面积30平方米，配备AED", "assessed_on": dt.date.today().isoformat()})
        dialog.submit()
        return dialog.result()

    ratings.hooks.open_dialog = five_stars
    assert ratings.assess()
    assert stars_of(sqlite_store, station.uuid) == 5
    assert cell(ratings, 0, 1) == "★★★★★" and cell(ratings, 0, 3) == "已确认"
    assert "★★★★★（5星）" in ratings.stars_label.text()


def test_an_old_proposal_after_a_newer_assessment_is_refused_on_the_page(
        pages: Pages, sqlite_store: Store, clerk: Actor, station: Station) -> None:
    _, ratings = pages
    inspection_cases.record_inspection(sqlite_store, clerk, station.uuid, {**FAILED, **SIX, "on_map": False})
    inspection_cases.assess_stars(sqlite_store, clerk, station.uuid, 2024, 5, "复评达标", assessed_on="2024-06-01")
    ratings.show_station(station.uuid)
    ratings.hooks.agree = lambda _title, _text, _yes: True
    assert not ratings.confirm()
    assert "2024-06-01" in ratings.error_label.text() and ratings.error_label.isVisibleTo(ratings)
    assert stars_of(sqlite_store, station.uuid) == 5


def test_buttons_off_say_why(make_pages: Callable[[Actor], Pages], sqlite_store: Store, clerk: Actor,
                             station: Station) -> None:
    inspections, ratings = make_pages(clerk)
    assert not inspections.add_button.isEnabled()  # no station chosen yet
    assert inspections.add_button.toolTip() == "请先在列表中选择一个驿站"
    closed = cases.create_station(sqlite_store, clerk, {**STATION, "code": "NX-006-002", "name": "撤点驿站"})
    cases.change_status(sqlite_store, clerk, closed.uuid, "close", "2024-01-01", reason="场地收回")
    inspections.show_station(closed.uuid)
    ratings.show_station(closed.uuid)
    for button in (inspections.add_button, ratings.assess_button):
        assert not button.isEnabled() and "运行或暂停的驿站才能" in button.toolTip()

    inspection_cases.record_inspection(sqlite_store, clerk, station.uuid, {**FAILED, **SIX, "on_map": False})
    inspections, ratings = make_pages(VIEWER)
    inspections.show_station(station.uuid)
    ratings.show_station(station.uuid)
    assert inspections.table.rowCount() == 1 and ratings.table.rowCount() == 1  # reads, writes nothing
    for button in (inspections.add_button, inspections.edit_button, inspections.complete_button,
                   ratings.assess_button, ratings.confirm_button, ratings.dismiss_button):
        assert not button.isEnabled()
        assert button.toolTip().startswith("只有"), button.toolTip()
    assert not inspections.add_inspection() and not ratings.confirm()


def test_in_the_tab_a_failed_inspection_marks_the_station_in_the_list(
        qtbot: QtBot, sqlite_store: Store, clerk: Actor, station: Station) -> None:
    """The clerk's path: a station in good order (inspected this year, last month logged) has no ⚠; an inspection
    typed on its 检查 page that fails two checks with a follow-up already past due marks it, says why, and the
    mark-down it proposes, confirmed on 评星, shows as one star fewer in the list."""
    today = dt.date.today()
    inspection_cases.record_inspection(sqlite_store, clerk, station.uuid, {
        "inspected_on": today - dt.timedelta(days=100), "inspector": "李明", **SIX})
    logs.save_month_log(sqlite_store, clerk, station.uuid, rules.month_before(today), {"visits_courier": 30})
    runner = JobRunner()
    tab = StationsTab(AppContext(sqlite_store, clerk, OfficeInfo(OFFICE, "东四街道工会", "subdistrict"), runner))
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.model.row_at(0) is not None  # the page read, as a shown table would
    tab.show_row(station.uuid)
    assert tab.model.data(tab.model.index(0, 0)) == ""  # nothing to look at yet
    tab.panels.setCurrentWidget(tab.inspections)
    assert tab.inspections.station is not None
    failed = {**FAILED, "inspected_on": (today - dt.timedelta(days=20)).isoformat(),
              "follow_up_due_on": (today - dt.timedelta(days=5)).isoformat()}
    told: list[str] = []
    seen: list[FieldDialog] = []
    tab.inspections.hooks.open_dialog = answering(failed, seen)
    tab.inspections.hooks.inform = lambda _title, text: told.append(text)
    assert tab.inspections.add_inspection()
    assert "提议将星级由4星降为3星" in told[0]
    mark = tab.model.index(0, 0)
    assert tab.model.data(mark) == "⚠"
    assert "整改逾期未完成" in str(tab.model.data(mark, Qt.ItemDataRole.ToolTipRole))
    tab.panels.setCurrentWidget(tab.ratings)  # the page reads the proposal as it comes into sight
    assert tab.ratings.table.rowCount() == 1
    tab.ratings.table.selectRow(0)
    tab.ratings.hooks.agree = lambda _title, _text, _yes: True
    assert tab.ratings.confirm()
    stars = 1 + [c.attr for c in STATIONS.list_columns].index("stars")
    assert tab.model.data(tab.model.index(0, stars)) == "★★★"
    runner.wait()


def test_an_inspection_typed_by_mistake_is_deleted_after_a_question(pages: Pages, sqlite_store: Store,
                                                                    clerk: Actor, station: Station) -> None:
    inspections, ratings = pages
    inspection_cases.record_inspection(sqlite_store, clerk, station.uuid, {**FAILED, **SIX, "on_map": False})
    inspections.show_station(station.uuid)
    asked: list[str] = []
    inspections.hooks.agree = lambda _title, text, _yes: asked.append(text) or False
    assert not inspections.delete_inspection() and inspections.table.rowCount() == 1  # the clerk said no
    inspections.hooks.agree = lambda _title, text, _yes: asked.append(text) or True
    assert inspections.delete_inspection()
    assert "2024-04-10" in asked[0] and inspections.table.rowCount() == 0
    assert not inspections.delete_button.isEnabled() and "请先选择" in inspections.delete_button.toolTip()
    ratings.show_station(station.uuid)
    assert ratings.table.rowCount() == 0  # its mark-down proposal went with it


def test_an_inspection_is_corrected_in_its_dialog_and_its_mark_down_follows(
        pages: Pages, sqlite_store: Store, clerk: Actor, station: Station) -> None:
    inspections, ratings = pages
    inspection_cases.record_inspection(sqlite_store, clerk, station.uuid, {**FAILED, **SIX})
    inspections.show_station(station.uuid)
    assert inspections.edit_button.isEnabled()
    seen: list[FieldDialog] = []
    told: list[str] = []
    inspections.hooks.inform = lambda _title, text: told.append(text)
    # the dialog opens on the stored values; a refused correction stays open and writes nothing
    inspections.hooks.open_dialog = answering({"score": "120"}, seen)
    assert not inspections.edit_inspection()
    dialog = seen[0]
    assert dialog.windowTitle() == "修改检查：东四快递小哥驿站"
    findings = dialog.findChild(QPlainTextEdit, "findings")
    assert findings is not None and findings.toPlainText() == "饮水机损坏，地图上查不到"
    assert "100" in dialog.field_error("score")
    assert cases.station_details(sqlite_store, station.uuid)["inspections"][0]["score"] == 70
    # the clerk had ticked a "六有" check wrongly: cleared, the correction proposes a mark-down
    inspections.hooks.open_dialog = answering({"has_rules": False, "findings": "制度未上墙"}, seen)
    assert inspections.edit_inspection()
    assert cell(inspections, 0, 2).startswith("5/6，缺：")
    assert "制度未上墙" in inspections.detail.toPlainText()
    assert told and "由4星降为3星" in told[0]
    ratings.show_station(station.uuid)
    assert ratings.table.rowCount() == 1 and cell(ratings, 0, 3) == "待确认（检查提议）"
    # Esc half-way writes nothing
    def escape(dialog: QDialog) -> int:
        type_into(dialog, {"inspector": "别人"})  # type: ignore[arg-type]
        dialog.reject()
        return dialog.result()
    inspections.hooks.open_dialog = escape
    assert not inspections.edit_inspection()
    assert cases.station_details(sqlite_store, station.uuid)["inspections"][0]["inspector"] == "街道工会 李明"
