"""Use cases of the warm-station registry (暖心驿站) about the station itself: registered, changed, opened,
paused, resumed, closed, deleted and brought back; its services; and its form's read. Its service log (台账) is
:mod:`db.stations.logs`, its inspections and stars (评星) :mod:`db.stations.inspections`, why it needs attention
:mod:`db.stations.attention`; they share this module's helpers (``get``, ``clean_given``, ``not_future``, ``today``).

Each writing use case is one transaction, checks ``records.write`` and is audited by the store's write hook.
Values are cleaned by the registry's declaration (:mod:`db.stations.fields`), so that labels and messages are
those a clerk sees on the form and in the sheet; the rules between values are :mod:`db.stations.rules`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import records
from db.auth import Actor, require
from db.errors import NotFound, ValidationError
from db.fields import Field
from db.models import Station, StationEvent, StationInspection, StationRating, StationService
from db.records import clean_given, live
from db.reference import label, values
from db.stations import settings as station_settings
from db.stations.fields import SERVICE_TABLE, STATIONS
from db.stations.rules import (
    CREATE_STATUSES,
    STEPS,
    steps_from,
)
from db.store import Store
from db.validation import parse_date

WRITE = "records.write"
STATION_LABEL = STATIONS.label
# the fields a station's form writes directly; status changes by its steps, services by set_services
_STATION_FIELDS = frozenset(f.attr for f in STATIONS.writable) - {"status", "services"}


def _today() -> dt.date:
    return dt.date.today()


def today() -> dt.date:
    """The day the rules are applied on (tests move it by monkeypatching ``_today``)."""
    return _today()


def get(session: Session, uuid: str) -> Station:
    """A station not deleted; NotFound otherwise."""
    return live(session, Station, uuid, "驿站")


def not_future(field: str, day: dt.date) -> None:
    if day > _today():
        raise ValidationError(field, f"不能晚于今天：{day.isoformat()}")


def _check_code_free(session: Session, code: str, uuid: str | None) -> None:
    """The station code is unique in the whole database (deleted stations keep theirs: they can return)."""
    taken = session.scalars(select(Station).where(Station.code == code)).first()
    if taken is not None and taken.uuid != uuid:
        deleted = "已删除的" if taken.deleted else ""
        raise ValidationError(STATIONS.field("code").label, f"编号 {code} 已被{deleted}驿站“{taken.name}”使用")


def _event(session: Session, station: Station, kind: str, on: dt.date, from_status: str | None,
           reason: str | None = None) -> StationEvent:
    event = StationEvent(station_uuid=station.uuid, office_code=station.office_code, kind=kind, on_date=on,
                         from_status=from_status, to_status=station.status, reason=reason)
    session.add(event)
    return event


# --- the station ------------------------------------------------------------------------------------------

def create_station(store: Store, actor: Actor, fields: Mapping[str, Any]) -> Station:
    """登记 a station of the actor's office, in planning (筹建) or running (运行, the usual). Its services
    are ``fields["services"]`` (names, or one "、"-separated text) or else the "八可". Its history starts
    with its first status step; where it began is its 建成日期."""
    require(actor, WRITE)
    given = dict(fields)
    services = given.pop("services", None)
    status = STATIONS.field("status").clean(given.pop("status", None)) or STATIONS.field("status").default
    if status not in CREATE_STATUSES:
        raise ValidationError(STATIONS.field("status").label, "新登记的驿站应为筹建或运行，暂停或撤销请登记后再办理")
    cleaned = clean_given(STATIONS.table, _STATION_FIELDS, given)
    for item in STATIONS.writable:
        if item.required and cleaned.get(item.attr) is None:
            raise ValidationError(item.label, "必须填写")
    if cleaned.get("built_on") is not None:
        not_future(STATIONS.field("built_on").label, cleaned["built_on"])
    names = _service_names(values("station_services") if services is None else services)
    with store.transaction(actor, action="create_station") as session:
        _check_code_free(session, cleaned["code"], None)
        station = Station(office_code=actor.office_code, status=status, **cleaned)
        session.add(station)
        session.flush()
        _replace_services(session, station, names)
    return station


def update_station(store: Store, actor: Actor, uuid: str, changes: Mapping[str, Any],
                   expected_rev: int | None = None) -> Station:
    """Change fields of a station (and its services, given as ``changes["services"]``). ``expected_rev``
    refuses the save if someone changed the station meanwhile. The status changes by its steps only."""
    require(actor, WRITE)
    given = dict(changes)
    if "status" in given:
        raise ValidationError(STATIONS.field("status").label, "请用投入运行、暂停、恢复运行或撤销来改变状态")
    services = given.pop("services", None)
    cleaned = clean_given(STATIONS.table, _STATION_FIELDS, given)
    if cleaned.get("built_on") is not None:
        not_future(STATIONS.field("built_on").label, cleaned["built_on"])
    names = None if services is None else _service_names(services)
    with store.transaction(actor, action="update") as session:
        station = get(session, uuid)
        if expected_rev is not None and station.rev != expected_rev:
            raise ValidationError(STATION_LABEL, "该记录已被他人修改，请重新打开后再保存")
        if "code" in cleaned:
            _check_code_free(session, cleaned["code"], station.uuid)
        for attr, value in cleaned.items():
            setattr(station, attr, value)
        if names is not None:
            _replace_services(session, station, names)
    return station


def change_status(store: Store, actor: Actor, uuid: str, kind: str, on: dt.date | str,
                  reason: str | None = None) -> Station:
    """A status step (``open`` 筹建→运行, ``pause`` 运行→暂停, ``resume`` 暂停→运行, ``close`` →撤销) on day
    ``on``, recorded in the station's history. Pausing and closing ask for a reason. Opening a station
    without a 建成日期 takes the day as that date."""
    require(actor, WRITE)
    step = STEPS.get(kind)
    if step is None:
        raise ValidationError("变动类别", f"应为：{'、'.join(label('station_event', k) for k in STEPS)}")
    day = parse_date(on if isinstance(on, dt.date) else str(on), "日期")
    not_future("日期", day)
    text = (reason or "").strip() or None
    if step.reason_required and text is None:
        raise ValidationError("原因", f"{label('station_event', kind)}须填写原因")
    with store.transaction(actor, action=kind) as session:
        station = get(session, uuid)
        if station.status not in step.allowed_from:
            now = label("station_status", station.status)
            raise ValidationError(STATIONS.field("status").label,
                                  f"驿站“{station.name}”当前为{now}，不能{label('station_event', kind)}")
        if station.built_on is not None and day < station.built_on:
            raise ValidationError("日期", f"不能早于建成日期 {station.built_on.isoformat()}")
        latest = session.scalar(select(func.max(StationEvent.on_date)).where(
            StationEvent.station_uuid == uuid, StationEvent.deleted.is_(False)))
        if latest is not None and day < latest:
            raise ValidationError("日期", f"不能早于上一次状态变动（{latest.isoformat()}）")
        if kind == "open" and station.built_on is None:
            station.built_on = day
        previous = station.status
        station.status = step.to_status
        _event(session, station, kind, day, previous, reason=text)
    return station


def undo_status_step(store: Store, actor: Actor, uuid: str, *, expected_rev: int | None = None,
                     clear_built_on: bool = False) -> Station:
    """Take back the station's latest status step: the step is marked deleted and the station returns to the
    status before it. ``clear_built_on``: the step was an opening that took its day as the 建成日期, which
    goes with it. Refused when the station changed after ``expected_rev``, when it has no step, and when
    its status is no longer the one the step led to."""
    require(actor, WRITE)
    with store.transaction(actor, action="undo") as session:
        station = get(session, uuid)
        if expected_rev is not None and station.rev != expected_rev:
            raise ValidationError(STATION_LABEL, "该驿站之后又被修改过，不能撤销")
        latest = session.scalars(select(StationEvent).where(
            StationEvent.station_uuid == uuid, StationEvent.deleted.is_(False))
            .order_by(StationEvent.on_date.desc(), StationEvent.sync_seq.desc())).first()
        if latest is None or latest.from_status is None:
            raise ValidationError(STATIONS.field("status").label, f"驿站“{station.name}”没有可以撤销的状态变动")
        if latest.to_status != station.status:
            raise ValidationError(STATIONS.field("status").label, "最近一次状态变动与驿站当前状态不符，不能撤销")
        latest.deleted = True
        station.status = latest.from_status
        if clear_built_on and latest.kind == "open" and station.built_on == latest.on_date:
            station.built_on = None
    return station


def soft_delete(store: Store, actor: Actor, uuid: str) -> Station:
    """Mark a station deleted (kept as a tombstone for sync and the audit trail; undelete brings it back)."""
    return records.soft_delete(store, actor, Station, uuid, "驿站", WRITE)


def undelete(store: Store, actor: Actor, uuid: str) -> Station:
    """Bring back a station marked deleted (its code stayed reserved for it)."""
    require(actor, WRITE)
    with store.transaction(actor, action="undo") as session:
        station = session.get(Station, uuid)
        if station is None:
            raise NotFound("找不到该驿站。")
        if not station.deleted:
            raise ValidationError(STATION_LABEL, f"驿站“{station.name}”没有被删除")
        station.deleted = False
    return station


# --- services ---------------------------------------------------------------------------------------------

def _service_names(names: Sequence[str] | str) -> list[str]:
    """Service names in order, each at most 30 characters, duplicates dropped: the "八可" and the local
    additions (reference lists station_services, station_services_extra) or any other name typed."""
    field: Field = SERVICE_TABLE.field("name")
    items = re.split(r"[、,，;；/\n]", names) if isinstance(names, str) else list(names)
    cleaned = [field.clean(item) for item in items if str(item).strip()]
    return list(dict.fromkeys(cleaned))


def _replace_services(session: Session, station: Station, names: list[str]) -> None:
    """The station offers exactly ``names``: others are marked deleted, earlier deleted ones come back
    (one row per station and name, so that sync keeps one)."""
    existing = {s.name: s for s in session.scalars(select(StationService).where(
        StationService.station_uuid == station.uuid))}
    for name, service in existing.items():
        wanted = name in names
        if service.deleted == wanted:
            service.deleted = not wanted
    for name in names:
        if name not in existing:
            session.add(StationService(station_uuid=station.uuid, office_code=station.office_code, name=name))


def set_services(store: Store, actor: Actor, uuid: str, names: Sequence[str] | str) -> list[str]:
    """The services a station offers, replaced by ``names``; returns them as saved."""
    require(actor, WRITE)
    cleaned = _service_names(names)
    with store.transaction(actor, action="set_services") as session:
        _replace_services(session, get(session, uuid), cleaned)
    return cleaned


def service_choices(store: Store) -> list[str]:
    """The service names a form offers: the "八可" then this office's additions (its station settings,
    :mod:`db.stations.settings`)."""
    return station_settings.service_choices(store)


# --- reads (plain values) ---------------------------------------------------------------------------------

def _plain(row: Any) -> dict[str, Any]:
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}


def station_details(store: Store, uuid: str) -> dict[str, Any]:
    """One station (not deleted) for its form, read in one transaction: ``station`` (its columns),
    ``services`` (names), ``history`` (status steps, oldest first), ``ratings`` (newest first),
    ``inspections`` (oldest first), ``steps`` (the status steps it may take now)."""
    with store.transaction() as session:
        station = get(session, uuid)

        def rows(model: Any, *order: Any) -> list[dict[str, Any]]:
            stmt = select(model).where(model.station_uuid == uuid, model.deleted.is_(False)).order_by(*order)
            return [_plain(row) for row in session.scalars(stmt)]

        services = list(session.scalars(select(StationService.name).where(
            StationService.station_uuid == uuid, StationService.deleted.is_(False))
            .order_by(StationService.sync_seq, StationService.uuid)))
        return {
            "station": _plain(station),
            "services": services,
            "history": rows(StationEvent, StationEvent.on_date, StationEvent.sync_seq),
            "ratings": rows(StationRating, StationRating.year.desc(), StationRating.assessed_on.desc(),
                            StationRating.sync_seq.desc()),
            "inspections": rows(StationInspection, StationInspection.inspected_on, StationInspection.sync_seq),
            "steps": steps_from(station.status),
        }
