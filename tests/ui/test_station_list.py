"""The station list as a clerk sees it: ⚠ on the stations that need attention with the reasons as its tooltip,
stars as ★, the office in district mode, and the filter combos and the search box changing the rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from db.auth import CLERK, Actor
from db.listing import ListFilter
from db.stations import cases, inspections, logs
from db.stations.fields import STATIONS
from db.store import Store
from desktop.ui.common.list_tab import ListTab
from desktop.ui.context import AppContext, OfficeInfo
from desktop.ui.stations.filters import StationFilters
from desktop.ui.stations.table_model import MARK, StationTableModel
from desktop.ui.worker import JobRunner
from tests.ui.conftest import OFFICE, make_context

TODAY = dt.date(2023, 5, 2)
SIX = dict.fromkeys(("has_sign", "has_fixed_place", "has_facilities", "has_rules", "has_staff", "on_map"), True)
CLERK_ACTOR = Actor("clerk", "录入员", frozenset({CLERK}), OFFICE.code)


class HostTab(ListTab):
    """A bare registry tab hosting the station model and filters, as the station tab does."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, STATIONS, StationTableModel(context), None, parent)
        self.model: StationTableModel
        self.filters = StationFilters(self)

    def current_filter(self) -> ListFilter:
        return self.filters.current()


@pytest.fixture
def stations(ui_store: Store, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setattr(cases, "_today", lambda: TODAY)
    made = {
        "watched": cases.create_station(ui_store, CLERK_ACTOR, {
            "code": "NX-006-001", "name": "朝阳门快递驿站", "built_on": "2020-01-10", "stars": 3, "host_type": "企业",
            **SIX}),
        "fine": cases.create_station(ui_store, CLERK_ACTOR, {
            "code": "NX-006-002", "name": "东四环卫驿站", "built_on": "2020-01-10", "host_type": "社区",
            **SIX, "on_map": False}),
        "planned": cases.create_station(ui_store, CLERK_ACTOR, {
            "code": "NX-006-003", "name": "银行驿站", "status": "planning", "host_type": "商户"}),
    }
    uuids = {key: station.uuid for key, station in made.items()}
    inspections.record_inspection(ui_store, CLERK_ACTOR, uuids["fine"],
                                  {"inspected_on": "2023-03-01", "inspector": "督查组", **SIX})
    logs.save_month_log(ui_store, CLERK_ACTOR, uuids["fine"], "2023-04", {"visits_courier": 5})
    return uuids


@pytest.fixture
def tab(qtbot: QtBot, ui_store: Store, stations: dict[str, str], runner: JobRunner) -> Iterator[HostTab]:
    host = HostTab(make_context(ui_store, CLERK_ACTOR, runner))
    qtbot.addWidget(host)
    host.resize(1366, 700)
    host.refresh()
    yield host


def codes(tab: HostTab) -> list[str]:
    model = tab.model
    return [model.data(model.index(row, 1)) for row in range(model.rowCount())]


def row_of(tab: HostTab, uuid: str) -> int:
    rows = [tab.model.uuid_at(row) for row in range(tab.model.rowCount())]
    return rows.index(uuid)


def test_the_mark_column_shows_who_needs_attention_and_why(tab: HostTab, stations: dict[str, str]) -> None:
    model = tab.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == ""
    assert codes(tab) == ["NX-006-001", "NX-006-002", "NX-006-003"]
    watched, fine, planned = (row_of(tab, stations[k]) for k in ("watched", "fine", "planned"))
    assert model.data(model.index(watched, 0)) == MARK
    tooltip = model.data(model.index(watched, 0), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "超过12个月未检查（上次：从未检查）\n2023年4月台账未录入"
    for row in (fine, planned):
        assert model.data(model.index(row, 0)) == ""
        assert model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole) is None
    assert model.attention_of(stations["watched"]) == tooltip.split("\n")
    stars = [c.header for c in model.columns].index("星级")
    assert model.data(model.index(watched, stars)) == "★★★"
    assert model.data(model.index(fine, stars)) == ""
    assert len(model.column_widths()) == len(model.columns)
    assert tab.table.horizontalHeader().sortIndicatorSection() == 1  # ordered by 编号, not by the mark


def test_a_mark_follows_a_saved_change(tab: HostTab, stations: dict[str, str]) -> None:
    row = row_of(tab, stations["watched"])
    assert tab.model.data(tab.model.index(row, 0)) == MARK
    logs.save_month_log(tab.context.store, CLERK_ACTOR, stations["watched"], "2023-04", {"visits_rider": 2})
    inspections.record_inspection(tab.context.store, CLERK_ACTOR, stations["watched"], {
        "inspected_on": "2023-04-01", "inspector": "督查组", **SIX})
    assert tab.model.refresh_row(stations["watched"])  # what the tab does after a save
    assert tab.model.data(tab.model.index(row, 0)) == ""
    assert tab.model.attention_of(stations["watched"]) == []


def test_the_filter_combos_change_the_rows(qtbot: QtBot, tab: HostTab) -> None:
    filters = tab.filters
    assert [c.objectName() for c in filters.combos()] == [
        "station_status_filter", "station_host_filter", "station_stars_filter", "station_six_filter",
        "station_attention_filter"]

    def choose(combo_name: str, text: str) -> list[str]:
        combo = next(c for c in filters.combos() if c.objectName() == combo_name)
        index = combo.findText(text)
        assert index > 0, (combo_name, [combo.itemText(i) for i in range(combo.count())])
        combo.setCurrentIndex(index)
        return codes(tab)

    assert choose("station_attention_filter", "仅需关注的") == ["NX-006-001"]
    filters.clear()
    assert choose("station_status_filter", "筹建") == ["NX-006-003"]
    filters.clear()
    assert choose("station_host_filter", "社区") == ["NX-006-002"]
    filters.clear()
    assert choose("station_stars_filter", "★★★（3星）") == ["NX-006-001"]
    assert choose("station_stars_filter", "未评星") == ["NX-006-002", "NX-006-003"]
    assert choose("station_six_filter", "六有不齐全") == ["NX-006-002", "NX-006-003"]
    assert choose("station_status_filter", "运行") == ["NX-006-002"]
    assert tab.current_filter() == ListFilter(equals=(("status", "running"),), flags=("unrated", "six_incomplete"))
    filters.clear()
    assert choose("station_six_filter", "六有齐全") == ["NX-006-001"]
    filters.clear()
    tab.search.setText("cym")
    qtbot.waitUntil(lambda: codes(tab) == ["NX-006-001"])
    tab.search.setText("驿站")
    qtbot.waitUntil(lambda: len(codes(tab)) == 3)


def test_district_mode_adds_the_office_filter_and_column(qtbot: QtBot, ui_store: Store, stations: dict[str, str],
                                                         runner: JobRunner) -> None:
    context = AppContext(ui_store, CLERK_ACTOR, OfficeInfo(OFFICE.code, OFFICE.name, "district"), runner)
    host = HostTab(context)
    qtbot.addWidget(host)
    host.refresh()
    assert host.filters.office is not None and host.filters.office.objectName() == "office_filter"
    assert host.model.columns[-1].header == "所属单位"
    assert host.model.data(host.model.index(0, len(host.model.columns) - 1)) == OFFICE.name
    host.filters.office.setCurrentIndex(host.filters.office.findData(OFFICE.code))
    assert host.current_filter().office_code == OFFICE.code and host.model.rowCount() == 3
