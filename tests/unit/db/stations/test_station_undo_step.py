"""Taking back a station's latest status step (the station form's Ctrl+Z after 暂停, 投入运行 …)."""

from __future__ import annotations

import datetime as dt

import pytest

from db.auth import Actor
from db.errors import PermissionDenied, ValidationError
from db.stations import cases
from db.store import Store

STATION = {"code": "NX-006-009", "name": "东四环卫驿站", "built_on": "2020-01-10"}


def test_the_latest_step_goes_and_the_status_before_it_returns(store: Store, clerk: Actor) -> None:
    station = cases.create_station(store, clerk, STATION)
    cases.change_status(store, clerk, station.uuid, "pause", "2023-05-01", reason="装修")
    resumed = cases.change_status(store, clerk, station.uuid, "resume", "2023-06-01")
    back = cases.undo_status_step(store, clerk, station.uuid, expected_rev=resumed.rev)
    assert back.status == "paused"
    details = cases.station_details(store, station.uuid)
    assert [e["kind"] for e in details["history"]] == ["pause"] and details["steps"] == ("resume", "close")
    assert cases.undo_status_step(store, clerk, station.uuid).status == "running"
    with pytest.raises(ValidationError) as caught:
        cases.undo_status_step(store, clerk, station.uuid)
    assert caught.value.field == "状态" and "没有可以撤销" in caught.value.reason


def test_a_station_changed_since_the_step_is_not_taken_back(store: Store, clerk: Actor) -> None:
    station = cases.create_station(store, clerk, STATION)
    paused = cases.change_status(store, clerk, station.uuid, "pause", "2023-05-01", reason="装修")
    cases.update_station(store, clerk, station.uuid, {"name": "改了名"})
    with pytest.raises(ValidationError):
        cases.undo_status_step(store, clerk, station.uuid, expected_rev=paused.rev)
    assert cases.station_details(store, station.uuid)["station"]["status"] == "paused"


def test_an_opening_that_set_the_built_date_takes_it_back(store: Store, clerk: Actor, approver: Actor) -> None:
    planned = cases.create_station(store, clerk, {**STATION, "status": "筹建", "built_on": None})
    opened = cases.change_status(store, clerk, planned.uuid, "open", "2023-03-01")
    assert opened.built_on == dt.date(2023, 3, 1)
    with pytest.raises(PermissionDenied):
        cases.undo_status_step(store, approver, planned.uuid)
    back = cases.undo_status_step(store, clerk, planned.uuid, clear_built_on=True)
    assert (back.status, back.built_on) == ("planning", None)
