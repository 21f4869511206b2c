"""Use cases of the warm-station registry (暖心驿站): a station registered, changed, opened, paused, resumed,
closed, deleted and brought back; its services; its monthly service log (台账); its inspections and star
assessments (评星); and the reads the tab, the form and the year view need (plain values).

Each writing use case is one transaction, checks ``records.write`` and is audited by the store's write hook.
Values are cleaned by the registry's declaration (:mod:`db.stations.fields`), so that labels and messages are
those a clerk sees on the form and in the sheet; the rules between values are :mod:`db.stations.rules`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, Date, Executable, String, and_, bindparam, case, extract, func, or_, select
from sqlalchemy.orm import Session

from db import records
from db.auth import Actor, require
from db.errors import NotFound, ValidationError
from db.fields import Field
from db.models import Counter, Station, StationEvent, StationInspection, StationLog, StationRating, StationService
from db.models.stations import PAUSED, PLANNING, RUNNING
from db.records import live
from db.reference import label, values
from db.registry import TableSpec
from db.stations import settings as station_settings
from db.stations.fields import INSPECTION_TABLE, LOG_TABLE, RATING_TABLE, SERVICE_TABLE, STATIONS
from db.stations.rules import (
    CREATE_STATUSES,
    IN_SERVICE,
    STEPS,
    StationFacts,
    attention_reasons,
    check_stars,
    first_of_month,
    log_month_closed,
    markdown_reasons,
    month_before,
    month_log_uuid,
    proposed_stars,
    steps_from,
)
from db.store import Store
from db.validation import parse_date
from db.writes import SYNC_SEQ

WRITE = "records.write"
STATION_LABEL = STATIONS.label
VISIT_GROUPS = ("visits_courier", "visits_rider", "visits_sanitation", "visits_driver", "visits_other")
VISIT_COLUMNS = ("visits_total", *VISIT_GROUPS)
LOG_TEXTS = ("services_used", "supplies_received", "supplies_used")
# the fields a station's form writes directly; status changes by its steps, services by set_services
_STATION_FIELDS = frozenset(f.attr for f in STATIONS.writable) - {"status", "services"}
_INSPECTION_FIELDS = frozenset(f.attr for f in INSPECTION_TABLE.fields) - {"station_uuid"}
_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?")


def _today() -> dt.date:
    return dt.date.today()


def today() -> dt.date:
    """The day the rules are applied on (tests move it by monkeypatching ``_today``)."""
    return _today()


def get(session: Session, uuid: str) -> Station:
    """A station not deleted; NotFound otherwise."""
    return live(session, Station, uuid, "驿站")


def _clean(table: TableSpec, allowed: frozenset[str], given: Mapping[str, Any]) -> dict[str, Any]:
    """Each given value cleaned by its declared field (ValidationError naming it); unknown names refused."""
    cleaned = {}
    for attr, raw in given.items():
        if attr not in allowed:
            raise ValidationError(attr, f"不是可以填写的{table.label}字段")
        cleaned[attr] = table.field(attr).clean(raw)
    return cleaned


def _not_future(field: str, day: dt.date) -> None:
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
    cleaned = _clean(STATIONS.table, _STATION_FIELDS, given)
    for item in STATIONS.writable:
        if item.required and cleaned.get(item.attr) is None:
            raise ValidationError(item.label, "必须填写")
    if cleaned.get("built_on") is not None:
        _not_future(STATIONS.field("built_on").label, cleaned["built_on"])
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
    cleaned = _clean(STATIONS.table, _STATION_FIELDS, given)
    if cleaned.get("built_on") is not None:
        _not_future(STATIONS.field("built_on").label, cleaned["built_on"])
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
    _not_future("日期", day)
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


# --- the service log (台账) -------------------------------------------------------------------------------

def parse_month(raw: dt.date | str) -> dt.date:
    """A month as its first day, from a date or a text (``2024-05``, ``2024年5月``, ``2024-05-17``)."""
    if isinstance(raw, dt.date):
        return first_of_month(raw)
    text = str(raw).strip()
    match = _MONTH.fullmatch(text)
    if match:
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12 or not 1900 <= year <= 2100:
            raise ValidationError("月份", f"不是有效的月份：{text}")
        return dt.date(year, month, 1)
    return first_of_month(parse_date(text, "月份"))


def save_month_log(store: Store, actor: Actor, station_uuid: str, month: dt.date | str,
                   entries: Mapping[str, Any], *, log_uuid: str | None = None,
                   expected_rev: int | None = None) -> StationLog:
    """A station's log of one month: visits by group (快递员, 外卖送餐员, 环卫工人, 网约车司机, 其他; the total
    is their sum), services used, supplies received and used.

    Without ``log_uuid`` the month is new: a month already entered is refused. With it, that log (of the
    same month) is changed, only the values given; ``expected_rev`` guards against a change meanwhile.
    A month in the future, or before the month the station was built, is refused; so are negative counts.
    """
    require(actor, WRITE)
    first = parse_month(month)
    cleaned, typed_total = _log_entries(entries, new=log_uuid is None)
    with store.transaction(actor, action="save_log") as session:
        station = get(session, station_uuid)
        check_log_month(first, station.status, station.built_on)
        log = _month_log_to_write(session, station, first, log_uuid, expected_rev)
        for attr, value in cleaned.items():
            setattr(log, attr, value)
        log.visits_total = _log_total({attr: getattr(log, attr) for attr in VISIT_GROUPS}, typed_total)
    return log


def check_month_log(first: dt.date, status: str, built_on: dt.date | None,
                    entries: Mapping[str, Any]) -> dict[str, Any]:
    """The values of a new month log of a station in ``status`` built on ``built_on``, checked as
    :func:`save_month_log` checks them (no database): each group's count (0 when not given), the texts and
    the total (their sum; a total given must be it). ValidationError naming the field (or 月份) otherwise."""
    check_log_month(first, status, built_on)
    cleaned, typed_total = _log_entries(entries, new=True)
    cleaned["visits_total"] = _log_total(cleaned, typed_total)
    return cleaned


def check_log_month(first: dt.date, status: str, built_on: dt.date | None) -> None:
    """Refuse a month the station's log cannot have now (:func:`rules.log_month_closed`)."""
    closed = log_month_closed(first, status, built_on, _today())
    if closed is not None:
        where = STATION_LABEL if status == PLANNING else "月份"
        raise ValidationError(where, f"{first.year}年{first.month}月：{closed}")


def _log_entries(entries: Mapping[str, Any], *, new: bool) -> tuple[dict[str, Any], Any]:
    """The given counts and texts cleaned (a new log's groups not given are 0), and the total as typed."""
    given = dict(entries)
    typed_total = given.pop("visits_total", None)
    cleaned = _clean(LOG_TABLE, frozenset((*VISIT_GROUPS, *LOG_TEXTS)), given)
    for attr in VISIT_GROUPS:
        if new or attr in given:
            cleaned[attr] = cleaned.get(attr) or 0
    return cleaned, typed_total


def _log_total(groups: Mapping[str, Any], typed_total: Any) -> int:
    """The sum of the groups' counts; a typed total must be it."""
    total = sum(groups.get(attr) or 0 for attr in VISIT_GROUPS)
    if typed_total is not None and LOG_TABLE.field("visits_total").clean(typed_total) != total:
        raise ValidationError(LOG_TABLE.field("visits_total").label, f"应为各类人次之和 {total}")
    return total


def _month_log_to_write(session: Session, station: Station, first: dt.date, log_uuid: str | None,
                        expected_rev: int | None) -> StationLog:
    if log_uuid is not None:
        log = session.get(StationLog, log_uuid)
        if log is None or log.deleted or log.station_uuid != station.uuid:
            raise NotFound("找不到该月台账，可能已被删除。")
        if expected_rev is not None and log.rev != expected_rev:
            raise ValidationError(LOG_TABLE.label, "该月台账已被他人修改，请重新打开后再保存")
        if log.on_date != first:
            raise ValidationError("月份", f"这是{log.on_date.year}年{log.on_date.month}月的台账，月份不能改动")
        return log
    same_month = session.scalars(select(StationLog).where(
        StationLog.station_uuid == station.uuid, StationLog.period == "month", StationLog.on_date == first)).first()
    if same_month is not None and not same_month.deleted:
        raise ValidationError("月份", f"该驿站{first.month}月的台账已录入")
    if same_month is not None:  # a month deleted earlier and entered anew: the one row per month returns
        same_month.deleted = False
        for attr in (*VISIT_GROUPS, *LOG_TEXTS):
            setattr(same_month, attr, 0 if attr in VISIT_GROUPS else None)
        return same_month
    log = StationLog(uuid=month_log_uuid(station.uuid, first), station_uuid=station.uuid,
                     office_code=station.office_code, period="month", on_date=first)
    session.add(log)
    return log


def delete_month_log(store: Store, actor: Actor, log_uuid: str) -> StationLog:
    """Take back a month's log entered by mistake (marked deleted; entering the month again revives it)."""
    return records.soft_delete(store, actor, StationLog, log_uuid, "月台账", WRITE)


@dataclass(frozen=True)
class MonthLog:
    """A month's log as the grid shows and changes it: its uuid and revision, and its values (the visits by
    group and their total, the texts) by attribute."""

    uuid: str
    rev: int
    values: dict[str, Any]

    @classmethod
    def of(cls, log: StationLog) -> MonthLog:
        return cls(log.uuid, log.rev, {attr: getattr(log, attr) for attr in (*VISIT_COLUMNS, *LOG_TEXTS)})


@dataclass(frozen=True)
class LogYear:
    """A station's month logs of one year (``months``: month 1–12 → its log, for the months entered) and
    why each other month cannot be entered (``closed``: month → reason, :func:`rules.log_month_closed`)."""

    station_uuid: str
    name: str
    year: int
    months: dict[int, MonthLog]
    closed: dict[int, str]


_MONTH_LOG_COLUMNS = (StationLog.uuid, StationLog.rev, StationLog.on_date,
                      *(getattr(StationLog, attr) for attr in (*VISIT_COLUMNS, *LOG_TEXTS)))


def log_year(store: Store, station_uuid: str, year: int, today: dt.date | None = None) -> LogYear:
    """A station's month logs of ``year`` for its log grid, read in one query after the station's."""
    day = today or _today()
    with store.transaction() as session:
        station = get(session, station_uuid)
        rows = session.execute(select(*_MONTH_LOG_COLUMNS).where(
            StationLog.station_uuid == station_uuid, StationLog.deleted.is_(False), StationLog.period == "month",
            StationLog.on_date >= dt.date(year, 1, 1), StationLog.on_date <= dt.date(year, 12, 31))).all()
        name, status, built_on = station.name, station.status, station.built_on
    months = {row.on_date.month: MonthLog(row.uuid, row.rev, {attr: getattr(row, attr) for attr in
                                                              (*VISIT_COLUMNS, *LOG_TEXTS)}) for row in rows}
    closed = {}
    for month in range(1, 13):
        reason = log_month_closed(dt.date(year, month, 1), status, built_on, day)
        if reason is not None:
            closed[month] = reason
    return LogYear(station_uuid, name, year, months, closed)


# --- inspections and stars --------------------------------------------------------------------------------

@dataclass(frozen=True)
class InspectionRecorded:
    """An inspection saved, with the mark-down it proposes (unconfirmed) and why, if it proposes one."""

    inspection: StationInspection
    reasons: list[str]
    proposal: StationRating | None


def record_inspection(store: Store, actor: Actor, station_uuid: str,
                      fields: Mapping[str, Any]) -> InspectionRecorded:
    """An inspection of a station: dated neither before the station was built nor in the future. When a
    "六有" check failed, the station was not open as posted or its medicine had expired, it proposes a
    rating one star lower (``confirmed=False``) that a person confirms (:func:`confirm_rating`)."""
    require(actor, WRITE)
    cleaned = check_inspection(fields)
    day = cleaned["inspected_on"]
    with store.transaction(actor, action="record_inspection") as session:
        station = get(session, station_uuid)
        if station.status not in IN_SERVICE:
            now = label("station_status", station.status)
            raise ValidationError(STATION_LABEL, f"驿站“{station.name}”当前为{now}，运行或暂停的驿站才能检查")
        check_inspection_day(day, station.built_on)
        inspection = StationInspection(station_uuid=station.uuid, office_code=station.office_code, **cleaned)
        session.add(inspection)
        session.flush()
        reasons = markdown_reasons(cleaned)
        stars = proposed_stars(station.stars, reasons)
        proposal = None
        if stars is not None:
            proposal = StationRating(
                station_uuid=station.uuid, office_code=station.office_code, year=day.year, stars=stars,
                reason="检查提议降星：" + "；".join(reasons), assessed_on=day,
                proposed_by_inspection_uuid=inspection.uuid, confirmed=False)
            session.add(proposal)
    return InspectionRecorded(inspection, reasons, proposal)


def check_inspection(fields: Mapping[str, Any]) -> dict[str, Any]:
    """An inspection's values cleaned and checked as :func:`record_inspection` checks them before it reads
    the station (no database): the required ones given, not dated in the future, follow-up dates not before
    the inspection. ValidationError naming the field otherwise."""
    cleaned = _clean(INSPECTION_TABLE, _INSPECTION_FIELDS, fields)
    for item in INSPECTION_TABLE.fields:
        if item.required and cleaned.get(item.attr) is None:
            raise ValidationError(item.label, "必须填写")
    day = cleaned["inspected_on"]
    _not_future(INSPECTION_TABLE.field("inspected_on").label, day)
    _check_follow_up_dates(cleaned, day)
    return cleaned


def check_inspection_day(day: dt.date, built_on: dt.date | None) -> None:
    """An inspection is not dated before its station was built."""
    if built_on is not None and day < built_on:
        raise ValidationError(INSPECTION_TABLE.field("inspected_on").label,
                              f"不能早于驿站建成日期 {built_on.isoformat()}")


def _check_follow_up_dates(cleaned: Mapping[str, Any], inspected_on: dt.date) -> None:
    for attr in ("follow_up_due_on", "follow_up_done_on"):
        day = cleaned.get(attr)
        if day is not None and day < inspected_on:
            raise ValidationError(INSPECTION_TABLE.field(attr).label, f"不能早于检查日期 {inspected_on.isoformat()}")
    if cleaned.get("follow_up_done_on") is not None:
        _not_future(INSPECTION_TABLE.field("follow_up_done_on").label, cleaned["follow_up_done_on"])


def complete_follow_up(store: Store, actor: Actor, inspection_uuid: str, done_on: dt.date | str,
                       note: str | None = None) -> StationInspection:
    """The follow-up (整改) of an inspection done on ``done_on``; ``note`` replaces its 整改情况 if given."""
    require(actor, WRITE)
    changes: dict[str, Any] = {"follow_up_done_on": done_on}
    if note is not None:
        changes["follow_up"] = note
    cleaned = _clean(INSPECTION_TABLE, _INSPECTION_FIELDS, changes)
    if cleaned["follow_up_done_on"] is None:
        raise ValidationError(INSPECTION_TABLE.field("follow_up_done_on").label, "必须填写")
    with store.transaction(actor, action="complete_follow_up") as session:
        inspection = live(session, StationInspection, inspection_uuid, "检查记录")
        _check_follow_up_dates(cleaned, inspection.inspected_on)
        for attr, value in cleaned.items():
            setattr(inspection, attr, value)
    return inspection


def assess_stars(store: Store, actor: Actor, station_uuid: str, year: int | str, stars: int | str,
                 reason: str, assessed_on: dt.date | str | None = None) -> StationRating:
    """The yearly star assessment (评星, 1–5 ★) with its reason: confirmed at once, it sets the station's
    stars. Only a station in service (running or paused) is assessed, and only to a level whose minimum
    area (the office's star criteria, :mod:`db.stations.settings`) its 面积 reaches. (A mark-down confirmed by
    :func:`confirm_rating` lowers the stars, so it is not checked against the criteria.)"""
    require(actor, WRITE)
    stars_value = check_stars(stars)
    year_value: int = RATING_TABLE.field("year").clean(year)
    if year_value is None:
        raise ValidationError(RATING_TABLE.field("year").label, "必须填写")
    day = _today() if assessed_on is None else RATING_TABLE.field("assessed_on").clean(assessed_on)
    _not_future(RATING_TABLE.field("assessed_on").label, day)
    if year_value > day.year:
        raise ValidationError(RATING_TABLE.field("year").label, f"不能晚于评定日期所在年度 {day.year}")
    text = RATING_TABLE.field("reason").clean(reason)
    if text is None:
        raise ValidationError(RATING_TABLE.field("reason").label, "必须填写")
    with store.transaction(actor, action="assess_stars") as session:
        station = get(session, station_uuid)
        if station.status not in IN_SERVICE:
            raise ValidationError(STATIONS.field("stars").label,
                                  f"驿站“{station.name}”当前为{label('station_status', station.status)}，不能评星")
        station_settings.check_area(station_settings.read_in(session), stars_value, station.area_sqm)
        rating = StationRating(station_uuid=station.uuid, office_code=station.office_code, year=year_value,
                               stars=stars_value, reason=text, assessed_on=day, confirmed=True)
        session.add(rating)
        station.stars = stars_value
    return rating


def confirm_rating(store: Store, actor: Actor, rating_uuid: str) -> StationRating:
    """A person confirms a proposed rating (an inspection's mark-down): the station's stars become its."""
    require(actor, WRITE)
    with store.transaction(actor, action="confirm_rating") as session:
        rating = live(session, StationRating, rating_uuid, "评星记录")
        if rating.confirmed:
            raise ValidationError(RATING_TABLE.label, "该评星已确认")
        _check_no_later_rating(session, rating)
        station = get(session, rating.station_uuid)
        rating.confirmed = True
        station.stars = rating.stars
    return rating


def _check_no_later_rating(session: Session, rating: StationRating) -> None:
    """A proposal older than a confirmed rating of its station is refused: confirming it would replace the
    newer assessment's stars with a mark-down of a state the newer one has already judged."""
    later = session.scalars(select(StationRating).where(
        StationRating.station_uuid == rating.station_uuid, StationRating.deleted.is_(False),
        StationRating.confirmed.is_(True), StationRating.assessed_on > rating.assessed_on)
        .order_by(StationRating.assessed_on.desc())).first()
    if later is not None:
        raise ValidationError(RATING_TABLE.label, (
            f"这条提议（{rating.assessed_on.isoformat()}）之后，驿站已于{later.assessed_on.isoformat()}评定为"
            f"{later.stars}星，不能再确认；请驳回它，或重新评星"))


def dismiss_rating(store: Store, actor: Actor, rating_uuid: str) -> StationRating:
    """A person turns down a proposed rating: it is marked deleted and the stars stay."""
    require(actor, WRITE)
    with store.transaction(actor, action="dismiss_rating") as session:
        rating = live(session, StationRating, rating_uuid, "评星记录")
        if rating.confirmed:
            raise ValidationError(RATING_TABLE.label, "已确认的评星不能驳回")
        rating.deleted = True
    return rating


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


def attention(store: Store, on: dt.date | None = None,
              stations: Sequence[str] | None = None) -> dict[str, list[str]]:
    """Why each station needs attention on day ``on`` (today by default), for the stations that do:
    ``{station_uuid: [reasons]}`` (:func:`db.stations.rules.attention_reasons`). Four queries for all
    stations, whatever their number, or for those of ``stations`` only (a page of the list); data dated after
    ``on`` is not counted."""
    with store.transaction() as session:
        return attention_in(session, on or _today(), stations)


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


def year_totals(store: Store, year: int, station_uuid: str | None = None) -> dict[int, dict[str, int]]:
    """Visits of one station (or of all stations not deleted) in ``year``, by month and group:
    ``{month 1–12: {"visits_total": n, "visits_courier": n, ...}}``, every month present (zeros when
    nothing was logged). Day logs count in their month."""
    month = extract("month", StationLog.on_date)
    stmt = (select(month, *(func.coalesce(func.sum(getattr(StationLog, c)), 0) for c in VISIT_COLUMNS))
            .where(StationLog.deleted.is_(False), StationLog.on_date >= dt.date(year, 1, 1),
                   StationLog.on_date <= dt.date(year, 12, 31))
            .group_by(month))
    if station_uuid is not None:
        stmt = stmt.where(StationLog.station_uuid == station_uuid)
    else:
        stmt = stmt.join(Station, Station.uuid == StationLog.station_uuid).where(Station.deleted.is_(False))
    totals = {m: dict.fromkeys(VISIT_COLUMNS, 0) for m in range(1, 13)}
    with store.transaction() as session:
        for row in session.execute(stmt):
            totals[int(row[0])] = {c: int(v) for c, v in zip(VISIT_COLUMNS, row[1:], strict=True)}
    return totals
