"""A demo database with warm stations for the station form tests (test_station_*.py), and what they look up
in it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from db import offices
from db.demo import fill_demo
from db.models import Station, StationInspection, StationLog
from db.store import Store

TODAY = dt.date(2025, 11, 20)
MARKUP = ["<b>&amp; 驿站", "A & B <i>站</i>", "负责人<br/>"]  # text the PDF must print as typed


def open_demo(folder: Path) -> Store:
    store = Store.open(folder / "stations.sqlite", create=True)
    offices.initialize(store, "110101006", "东四街道工会")
    fill_demo(store, members=20, seed=5, today=TODAY)
    return store


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_demo(tmp_path_factory.mktemp("stations"))
    yield store
    store.close()


def running_station(store: Store) -> Station:
    """The first running station (by code) that has a mobile phone, logs and inspections."""
    with store.transaction() as session:
        for station in session.scalars(select(Station).where(Station.status == "running").order_by(Station.code)):
            logs = session.scalar(select(StationLog.uuid).where(StationLog.station_uuid == station.uuid).limit(1))
            if logs and station.phone and station.phone.startswith("1"):
                session.expunge(station)
                return station
    raise AssertionError("no running station with a mobile phone in the demo")


def inspections_of(store: Store, station_uuid: str) -> list[StationInspection]:
    with store.transaction() as session:
        found = list(session.scalars(select(StationInspection).where(StationInspection.station_uuid == station_uuid)
                                     .order_by(StationInspection.inspected_on, StationInspection.uuid)))
        session.expunge_all()
        return found


def logs_of(store: Store, station_uuid: str) -> list[StationLog]:
    with store.transaction() as session:
        found = list(session.scalars(select(StationLog).where(StationLog.station_uuid == station_uuid)
                                     .order_by(StationLog.on_date)))
        session.expunge_all()
        return found
