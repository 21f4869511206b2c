"""What the printed forms of the warm-station registry read: a station's card (with its services), its service
log of one month, its inspections, and the rows of the station list for a filter. Plain values (dataclasses
and dicts, never ORM objects), one transaction each; NotFound names what is missing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.errors import NotFound, ValidationError
from db.listing import ListFilter, ListSort, Row, page
from db.models import Station, StationInspection, StationLog, StationService
from db.stations.fields import STATIONS
from db.store import Store

LIST_CHUNK = 1000
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


@dataclass(frozen=True)
class StationCard:
    """A station as its card prints it: the stored values by attribute, and the services it offers."""

    uuid: str
    values: dict[str, Any]
    services: tuple[str, ...]

    def __getitem__(self, attr: str) -> Any:
        return self.values.get(attr)


@dataclass(frozen=True)
class StationMonth:
    """A station's service log of one month: the station, the first day of the month, its log lines by date
    (day lines and month lines alike, as stored) as dicts of LOG_TABLE's attributes."""

    station: StationCard
    month: dt.date
    lines: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Inspection:
    """One inspection (INSPECTION_TABLE's attributes) and the station inspected."""

    uuid: str
    station: StationCard
    values: dict[str, Any]

    def __getitem__(self, attr: str) -> Any:
        return self.values.get(attr)


def parse_month(text: str) -> dt.date:
    """"2025-03" → 2025-03-01; ValidationError naming 月份 for anything else."""
    found = _MONTH.fullmatch(text.strip())
    if found is None or not 1 <= int(found.group(2)) <= 12 or int(found.group(1)) < 1900:
        raise ValidationError("月份", f"“{text}”不是月份，请写成 年-月，例如 2025-03")
    return dt.date(int(found.group(1)), int(found.group(2)), 1)


def next_month(month: dt.date) -> dt.date:
    return dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)


# --- in a session (a form reads several in one transaction) -------------------------------------------

_STATION_ATTRS = tuple(c.key for c in Station.__table__.columns)
_LOG_ATTRS = tuple(c.key for c in StationLog.__table__.columns)
_INSPECTION_ATTRS = tuple(c.key for c in StationInspection.__table__.columns)


def card_in(session: Session, uuid: str) -> StationCard:
    station = session.get(Station, uuid)
    if station is None or station.deleted:
        raise NotFound(f"找不到暖心驿站（系统编号 {uuid}），可能已被删除。")
    services = session.scalars(select(StationService.name).where(
        StationService.station_uuid == uuid, StationService.deleted.is_(False)).order_by(StationService.uuid))
    return StationCard(uuid, {attr: getattr(station, attr) for attr in _STATION_ATTRS}, tuple(services))


def month_in(session: Session, station_uuid: str, month: dt.date) -> StationMonth:
    station = card_in(session, station_uuid)
    first = month.replace(day=1)
    stmt = (select(StationLog).where(StationLog.station_uuid == station_uuid, StationLog.deleted.is_(False),
                                     StationLog.on_date >= first, StationLog.on_date < next_month(first))
            .order_by(StationLog.on_date, StationLog.period.desc(), StationLog.uuid))  # a month line first
    lines = tuple({attr: getattr(log, attr) for attr in _LOG_ATTRS} for log in session.scalars(stmt))
    return StationMonth(station, first, lines)


def inspections_in(session: Session, uuid: str) -> list[Inspection]:
    """The inspection ``uuid``, or, for a station's uuid, every inspection of that station (oldest first)."""
    one = session.get(StationInspection, uuid)
    if one is not None and not one.deleted:
        found = [one]
    else:
        station = card_in(session, uuid)  # NotFound when it is neither
        found = list(session.scalars(select(StationInspection).where(
            StationInspection.station_uuid == station.uuid, StationInspection.deleted.is_(False))
            .order_by(StationInspection.inspected_on, StationInspection.uuid)))
        if not found:
            raise NotFound(f"暖心驿站“{station['name']}”还没有检查记录。")
    stations: dict[str, StationCard] = {}
    result = []
    for row in found:
        if row.station_uuid not in stations:
            stations[row.station_uuid] = card_in(session, row.station_uuid)
        result.append(Inspection(row.uuid, stations[row.station_uuid],
                                 {attr: getattr(row, attr) for attr in _INSPECTION_ATTRS}))
    return result


def list_rows_in(session: Session, flt: ListFilter, sort: ListSort | None = None) -> list[Row]:
    """Every row the 暖心驿站 tab lists for ``flt`` (its columns, uuid, services), in the tab's order, read a
    page at a time by keyset."""
    order, after, rows = sort or ListSort(), None, []
    while True:
        part = page(session, STATIONS, flt, order, after, limit=LIST_CHUNK)
        rows += part.rows
        if part.next_cursor is None:
            return rows
        after = part.next_cursor


# --- each in a transaction of its own -----------------------------------------------------------------

def station_card(store: Store, uuid: str) -> StationCard:
    with store.transaction() as session:
        return card_in(session, uuid)


def station_cards(store: Store, uuids: Sequence[str]) -> list[StationCard]:
    """The cards of ``uuids`` in that order; NotFound for the first missing one."""
    with store.transaction() as session:
        return [card_in(session, uuid) for uuid in uuids]


def station_month(store: Store, station_uuid: str, month: dt.date) -> StationMonth:
    with store.transaction() as session:
        return month_in(session, station_uuid, month)


def inspections(store: Store, uuid: str) -> list[Inspection]:
    with store.transaction() as session:
        return inspections_in(session, uuid)


def list_rows(store: Store, flt: ListFilter, sort: ListSort | None = None) -> list[Row]:
    with store.transaction() as session:
        return list_rows_in(session, flt, sort)


__all__ = ["Inspection", "StationCard", "StationMonth", "card_in", "inspections", "inspections_in",
           "list_rows", "list_rows_in", "month_in", "next_month", "parse_month", "station_card", "station_cards",
           "station_month"]
