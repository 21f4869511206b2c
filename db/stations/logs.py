"""The service log (台账) of a warm station: a month's visits by group, services used and supplies, entered once
per month (the grid, an Excel sheet) and changed cell by cell; a year of them for the grid, and the year's
totals by month and group of one station or all (the year view)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from db import records
from db.auth import Actor, require
from db.errors import NotFound, ValidationError
from db.models import Station, StationLog
from db.models.stations import PLANNING
from db.records import clean_given
from db.stations import cases
from db.stations.cases import STATION_LABEL, WRITE, get
from db.stations.fields import LOG_TABLE
from db.stations.rules import (
    first_of_month,
    log_month_closed,
    month_log_uuid,
)
from db.store import Store
from db.validation import parse_date

VISIT_GROUPS = ("visits_courier", "visits_rider", "visits_sanitation", "visits_driver", "visits_other")
VISIT_COLUMNS = ("visits_total", *VISIT_GROUPS)
LOG_TEXTS = ("services_used", "supplies_received", "supplies_used")
_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?")


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
    closed = log_month_closed(first, status, built_on, cases.today())
    if closed is not None:
        where = STATION_LABEL if status == PLANNING else "月份"
        raise ValidationError(where, f"{first.year}年{first.month}月：{closed}")


def _log_entries(entries: Mapping[str, Any], *, new: bool) -> tuple[dict[str, Any], Any]:
    """The given counts and texts cleaned (a new log's groups not given are 0), and the total as typed."""
    given = dict(entries)
    typed_total = given.pop("visits_total", None)
    cleaned = clean_given(LOG_TABLE, frozenset((*VISIT_GROUPS, *LOG_TEXTS)), given)
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
    day = today or cases.today()
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
