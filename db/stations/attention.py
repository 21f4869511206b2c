"""Why warm stations need attention on a day (the list's ⚠ and its filter 需关注): the facts the rule reads
(:func:`db.stations.rules.attention_reasons`) gathered in four queries for all stations or a page of them."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

from sqlalchemy import BindParameter, Date, Executable, String, and_, bindparam, case, func, or_, select
from sqlalchemy.orm import Session

from db.models import Counter, Station, StationInspection, StationLog
from db.models.stations import PAUSED, RUNNING
from db.stations import cases
from db.stations.rules import (
    StationFacts,
    attention_reasons,
    first_of_month,
    month_before,
)
from db.store import Store
from db.writes import SYNC_SEQ


def attention(store: Store, on: dt.date | None = None,
              stations: Sequence[str] | None = None) -> dict[str, list[str]]:
    """Why each station needs attention on day ``on`` (today by default), for the stations that do:
    ``{station_uuid: [reasons]}`` (:func:`db.stations.rules.attention_reasons`). Four queries for all
    stations, whatever their number, or for those of ``stations`` only (a page of the list); data dated after
    ``on`` is not counted."""
    with store.transaction() as session:
        return attention_in(session, on or cases.today(), stations)


def attention_in(session: Session, day: dt.date, stations: Sequence[str] | None = None) -> dict[str, list[str]]:
    """:func:`attention` in the caller's session (the list's filter 需关注 reads it inside its own query).

    The statements are built once (:func:`_attention_queries`) and run on the session's connection: on a page
    of 200 stations, building the IN lists and the ORM's rows cost more than SQLite's own work."""
    conn = session.connection()
    # A read remembers the marks of all stations on its connection, as of the day and the database's write
    # counter (every writing transaction bumps it, here or in another process): the list's count, its first
    # page and that page's marks then compute them once. Never inside a writing transaction, whose later
    # writes would not bump the counter again.
    memo = None if "sync_seq" in session.info else (day, conn.execute(_WRITE_COUNTER).scalar())
    if memo is not None and conn.info.get(_MEMO, (None,))[0] == memo:
        every: dict[str, list[str]] = conn.info[_MEMO][1]
        return dict(every) if stations is None else {uuid: every[uuid] for uuid in stations if uuid in every}
    queries = _attention_queries(stations is not None)
    params: dict[str, Any] = {"day": day, "last_month": month_before(day), "this_month": first_of_month(day)}
    if stations is not None:
        params["stations"] = list(stations)
    found = conn.execute(queries[0], params).all()
    inspected = {uuid: (last, due) for uuid, last, due in conn.execute(queries[1], params)}
    logged = set(conn.execute(queries[2], params).scalars())
    medicine = {uuid: expiry for uuid, expiry in conn.execute(queries[3], params)}
    marks = {}
    for uuid, status, built_on in found:
        last, due = inspected.get(uuid, (None, None))
        facts = StationFacts(status, built_on, last, uuid in logged, medicine.get(uuid), due)
        reasons = attention_reasons(facts, day)
        if reasons:
            marks[uuid] = reasons
    if stations is None and memo is not None:
        conn.info[_MEMO] = (memo, dict(marks))
    return marks


_MEMO = "stations.attention"  # Connection.info key: ((day, write counter), the marks of all stations)
_WRITE_COUNTER = select(Counter.value).where(Counter.name == SYNC_SEQ)


@functools.cache
def _attention_queries(some: bool) -> tuple[Executable, ...]:
    """The four statements of :func:`attention_in` (of the stations bound as ``stations`` when ``some``): the
    stations in service; per station its latest inspection and the earliest due date of a follow-up still
    open on the day (one pass over the inspections); the stations with a log of last month; the medicine
    expiry noted at the latest inspection that noted one. Covered by the indexes ix_station_inspections_attention
    and ix_station_logs_on_date."""
    day = bindparam("day", type_=Date())
    inspection = StationInspection
    station_uuids: BindParameter[str] = bindparam("stations", expanding=True, type_=String())
    only = [inspection.station_uuid.in_(station_uuids)] if some else []
    live = and_(inspection.deleted.is_(False), inspection.inspected_on <= day, *only)
    in_service = select(Station.uuid, Station.status, Station.built_on).where(
        Station.deleted.is_(False), Station.status.in_((RUNNING, PAUSED)),
        *([Station.uuid.in_(station_uuids)] if some else []))
    open_due = case((and_(inspection.follow_up_due_on.is_not(None),
                          or_(inspection.follow_up_done_on.is_(None), inspection.follow_up_done_on > day)),
                     inspection.follow_up_due_on))
    inspected = (select(inspection.station_uuid, func.max(inspection.inspected_on), func.min(open_due))
                 .where(live).group_by(inspection.station_uuid))
    logged = select(StationLog.station_uuid).distinct().where(
        StationLog.deleted.is_(False), StationLog.on_date >= bindparam("last_month", type_=Date()),
        StationLog.on_date < bindparam("this_month", type_=Date()),
        *([StationLog.station_uuid.in_(station_uuids)] if some else []))
    latest_noted = (select(inspection.station_uuid, func.max(inspection.inspected_on).label("day"))
                    .where(live, inspection.medicine_expiry.is_not(None))
                    .group_by(inspection.station_uuid).subquery())
    medicine = (select(inspection.station_uuid, func.min(inspection.medicine_expiry))
                .join(latest_noted, and_(latest_noted.c.station_uuid == inspection.station_uuid,
                                         latest_noted.c.day == inspection.inspected_on))
                .where(inspection.deleted.is_(False), inspection.medicine_expiry.is_not(None))
                .group_by(inspection.station_uuid))
    return in_service, inspected, logged, medicine
