"""A station's month logs of one year as its log grid reads them, and which months cannot be entered and why."""

from __future__ import annotations

import datetime as dt

import pytest

from db.auth import Actor
from db.errors import NotFound
from db.stations import cases, logs
from db.stations.rules import log_month_closed
from db.store import Store
from tests.unit.db.stations.test_station_cases import STATION

DAY = dt.date(2024, 6, 15)


def test_a_month_is_closed_in_planning_in_the_future_and_before_the_station_was_built() -> None:
    built = dt.date(2024, 3, 20)
    assert log_month_closed(dt.date(2024, 3, 1), "running", built, DAY) is None  # the month it was built
    assert log_month_closed(dt.date(2024, 6, 1), "paused", built, DAY) is None  # this month
    assert log_month_closed(dt.date(2024, 7, 1), "running", built, DAY) == "未到的月份不能填写"
    assert "2024年3月" in (log_month_closed(dt.date(2024, 2, 1), "running", built, DAY) or "")
    assert log_month_closed(dt.date(2024, 5, 1), "planning", None, DAY) == "驿站尚在筹建，没有台账"
    assert log_month_closed(dt.date(1990, 1, 1), "running", None, DAY) is None  # no 建成日期: nothing before


def test_log_year_reads_the_month_logs_of_the_year_with_their_revisions(store: Store, clerk: Actor) -> None:
    station = cases.create_station(store, clerk, STATION)  # built 2020-01-10
    march = logs.save_month_log(store, clerk, station.uuid, "2023-03", {"visits_courier": 5, "supplies_used": "水"})
    changed = logs.save_month_log(store, clerk, station.uuid, "2023-03", {"visits_rider": 2},
                                  log_uuid=march.uuid, expected_rev=march.rev)
    logs.save_month_log(store, clerk, station.uuid, "2022-12", {"visits_courier": 9})  # another year
    gone = logs.save_month_log(store, clerk, station.uuid, "2023-04", {"visits_courier": 1})
    logs.delete_month_log(store, clerk, gone.uuid)
    year = logs.log_year(store, station.uuid, 2023, today=DAY)
    assert (year.station_uuid, year.name, year.year) == (station.uuid, "东四快递小哥驿站", 2023)
    assert list(year.months) == [3]
    log = year.months[3]
    assert (log.uuid, log.rev) == (march.uuid, changed.rev) and log.rev > march.rev
    assert log.values == {"visits_total": 7, "visits_courier": 5, "visits_rider": 2, "visits_sanitation": 0,
                          "visits_driver": 0, "visits_other": 0, "services_used": None, "supplies_received": None,
                          "supplies_used": "水"}
    assert year.closed == {}
    this_year = logs.log_year(store, station.uuid, 2024, today=DAY)
    assert sorted(this_year.closed) == list(range(7, 13))
    assert logs.log_year(store, station.uuid, 2019, today=DAY).closed[12].startswith("早于建成月份")


def test_log_year_of_a_station_in_planning_or_deleted(store: Store, clerk: Actor) -> None:
    planned = cases.create_station(store, clerk, {**STATION, "status": "planning", "built_on": None})
    assert set(logs.log_year(store, planned.uuid, 2023, today=DAY).closed) == set(range(1, 13))
    cases.soft_delete(store, clerk, planned.uuid)
    with pytest.raises(NotFound):
        logs.log_year(store, planned.uuid, 2023, today=DAY)
