"""Confirming an inspection's mark-down proposal after a newer confirmed assessment of the same station is
refused: it would overwrite the newer stars with a judgement of an older state."""

from __future__ import annotations

from typing import Any

import pytest

from db.auth import Actor
from db.errors import ValidationError
from db.stations import cases, inspections
from db.store import Store

SIX = {"has_sign": True, "has_fixed_place": True, "has_facilities": True, "has_rules": True, "has_staff": True,
       "on_map": True}
STATION = {"code": "NX-006-101", "name": "朝内环卫驿站", "built_on": "2020-01-10", "stars": 4, "area_sqm": 35, **SIX}


def failed_inspection(day: str) -> dict[str, Any]:
    return {"inspected_on": day, "inspector": "李明", **SIX, "has_facilities": False}


def test_an_old_proposal_is_refused_after_a_newer_confirmed_assessment(store: Store, clerk: Actor) -> None:
    station = cases.create_station(store, clerk, STATION)
    proposal = inspections.record_inspection(store, clerk, station.uuid, failed_inspection("2023-04-10")).proposal
    assert proposal is not None and proposal.stars == 3
    inspections.assess_stars(store, clerk, station.uuid, 2023, 5, "整改后复评，配备AED", assessed_on="2023-06-01")
    with pytest.raises(ValidationError) as caught:
        inspections.confirm_rating(store, clerk, proposal.uuid)
    assert caught.value.field == "驿站评星" and "2023-06-01" in caught.value.reason
    details = cases.station_details(store, station.uuid)
    assert details["station"]["stars"] == 5
    assert [r["confirmed"] for r in details["ratings"]] == [True, False]  # the proposal waits, to be dismissed
    inspections.dismiss_rating(store, clerk, proposal.uuid)
    assert len(cases.station_details(store, station.uuid)["ratings"]) == 1


def test_a_proposal_after_the_last_assessment_is_confirmed(store: Store, clerk: Actor) -> None:
    station = cases.create_station(store, clerk, STATION)
    inspections.assess_stars(store, clerk, station.uuid, 2023, 5, "达标", assessed_on="2023-01-15")
    proposal = inspections.record_inspection(store, clerk, station.uuid, failed_inspection("2023-04-10")).proposal
    assert proposal is not None and proposal.stars == 4
    inspections.confirm_rating(store, clerk, proposal.uuid)
    assert cases.station_details(store, station.uuid)["station"]["stars"] == 4


def test_of_two_proposals_the_older_is_refused_once_the_newer_is_confirmed(store: Store, clerk: Actor) -> None:
    station = cases.create_station(store, clerk, STATION)
    first = inspections.record_inspection(store, clerk, station.uuid, failed_inspection("2023-04-10")).proposal
    second = inspections.record_inspection(store, clerk, station.uuid, failed_inspection("2023-08-10")).proposal
    assert first is not None and second is not None
    inspections.confirm_rating(store, clerk, second.uuid)
    with pytest.raises(ValidationError):
        inspections.confirm_rating(store, clerk, first.uuid)
    assert cases.station_details(store, station.uuid)["station"]["stars"] == 3


def test_an_inspection_entered_by_mistake_is_deleted_with_its_open_proposal(store: Store, clerk: Actor) -> None:
    station = cases.create_station(store, clerk, STATION)
    kept = inspections.record_inspection(store, clerk, station.uuid, {**failed_inspection("2023-03-01"), **SIX})
    slip = inspections.record_inspection(store, clerk, station.uuid, failed_inspection("2023-04-10"))
    assert slip.proposal is not None
    inspections.delete_inspection(store, clerk, slip.inspection.uuid)
    details = cases.station_details(store, station.uuid)
    assert [i["uuid"] for i in details["inspections"]] == [kept.inspection.uuid]
    assert details["ratings"] == [] and details["station"]["stars"] == 4  # the proposal went with it


def test_an_inspection_whose_mark_down_was_confirmed_is_not_deleted(store: Store, clerk: Actor) -> None:
    station = cases.create_station(store, clerk, STATION)
    recorded = inspections.record_inspection(store, clerk, station.uuid, failed_inspection("2023-04-10"))
    assert recorded.proposal is not None
    inspections.confirm_rating(store, clerk, recorded.proposal.uuid)
    with pytest.raises(ValidationError) as caught:
        inspections.delete_inspection(store, clerk, recorded.inspection.uuid)
    assert caught.value.field == "驿站检查" and "已确认" in caught.value.reason
    assert len(cases.station_details(store, station.uuid)["inspections"]) == 1
