"""Inspections and star ratings (评星) of a warm station: an inspection recorded (and the mark-down it proposes),
its follow-up done; the yearly assessment, and a proposal confirmed or dismissed by a person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.auth import Actor, require
from db.errors import ValidationError
from db.models import Station, StationInspection, StationRating
from db.records import clean_given, live
from db.reference import label
from db.stations import cases
from db.stations import settings as station_settings
from db.stations.cases import STATION_LABEL, WRITE, get, not_future
from db.stations.fields import INSPECTION_TABLE, RATING_TABLE, STATIONS
from db.stations.rules import (
    IN_SERVICE,
    check_stars,
    markdown_reasons,
    proposed_stars,
)
from db.store import Store

_INSPECTION_FIELDS = frozenset(f.attr for f in INSPECTION_TABLE.fields) - {"station_uuid"}


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
        proposal = _propose(station, inspection, reasons)
        if proposal is not None:
            session.add(proposal)
    return InspectionRecorded(inspection, reasons, proposal)


def check_inspection(fields: Mapping[str, Any]) -> dict[str, Any]:
    """An inspection's values cleaned and checked as :func:`record_inspection` checks them before it reads
    the station (no database): the required ones given, not dated in the future, follow-up dates not before
    the inspection. ValidationError naming the field otherwise."""
    cleaned = clean_given(INSPECTION_TABLE, _INSPECTION_FIELDS, fields)
    for item in INSPECTION_TABLE.fields:
        if item.required and cleaned.get(item.attr) is None:
            raise ValidationError(item.label, "必须填写")
    day = cleaned["inspected_on"]
    not_future(INSPECTION_TABLE.field("inspected_on").label, day)
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
        not_future(INSPECTION_TABLE.field("follow_up_done_on").label, cleaned["follow_up_done_on"])


def complete_follow_up(store: Store, actor: Actor, inspection_uuid: str, done_on: dt.date | str,
                       note: str | None = None) -> StationInspection:
    """The follow-up (整改) of an inspection done on ``done_on``; ``note`` replaces its 整改情况 if given."""
    require(actor, WRITE)
    changes: dict[str, Any] = {"follow_up_done_on": done_on}
    if note is not None:
        changes["follow_up"] = note
    cleaned = clean_given(INSPECTION_TABLE, _INSPECTION_FIELDS, changes)
    if cleaned["follow_up_done_on"] is None:
        raise ValidationError(INSPECTION_TABLE.field("follow_up_done_on").label, "必须填写")
    with store.transaction(actor, action="complete_follow_up") as session:
        inspection = live(session, StationInspection, inspection_uuid, "检查记录")
        _check_follow_up_dates(cleaned, inspection.inspected_on)
        for attr, value in cleaned.items():
            setattr(inspection, attr, value)
    return inspection


def update_inspection(store: Store, actor: Actor, inspection_uuid: str,
                      changes: Mapping[str, Any]) -> InspectionRecorded:
    """Correct an inspection entered wrongly: ``changes`` by attribute, checked as :func:`record_inspection`
    checks a new one. Its unconfirmed mark-down follows the corrected findings (proposed, changed or taken
    back); once the mark-down was confirmed the stars stand on it, so what decided it (the day, the "六有",
    the hours, the medicine) may no longer change — the other fields may. The result names the mark-down the
    correction newly proposes and why (none when the findings stand as they were)."""
    require(actor, WRITE)
    with store.transaction(actor, action="update_inspection") as session:
        inspection = live(session, StationInspection, inspection_uuid, "检查记录")
        before = {attr: getattr(inspection, attr) for attr in _INSPECTION_FIELDS}
        cleaned = check_inspection(before | dict(changes))
        station = get(session, inspection.station_uuid)
        check_inspection_day(cleaned["inspected_on"], station.built_on)
        reasons = markdown_reasons(cleaned)
        proposals = session.scalars(select(StationRating).where(
            StationRating.proposed_by_inspection_uuid == inspection.uuid, StationRating.deleted.is_(False))).all()
        confirmed = [p for p in proposals if p.confirmed]
        decided = reasons != markdown_reasons(before) or cleaned["inspected_on"] != before["inspected_on"]
        if confirmed and decided:
            raise ValidationError(INSPECTION_TABLE.label, (
                f"{before['inspected_on'].isoformat()}的检查提议的降星已确认，检查日期和达标情况不能再修改"))
        for attr, value in cleaned.items():
            setattr(inspection, attr, value)
        if confirmed or not decided:  # a typo mended: the proposal (or a person's dismissal of it) stands
            return InspectionRecorded(inspection, [], None)
        for old in proposals:
            old.deleted = True
        proposal = _propose(station, inspection, reasons)
        if proposal is not None:
            session.add(proposal)
    return InspectionRecorded(inspection, reasons, proposal)


def _propose(station: Station, inspection: StationInspection, reasons: list[str]) -> StationRating | None:
    """The mark-down an inspection's findings propose (unconfirmed), or None when they propose none."""
    stars = proposed_stars(station.stars, reasons)
    if stars is None:
        return None
    day = inspection.inspected_on
    return StationRating(station_uuid=station.uuid, office_code=station.office_code, year=day.year, stars=stars,
                         reason="检查提议降星：" + "；".join(reasons), assessed_on=day,
                         proposed_by_inspection_uuid=inspection.uuid, confirmed=False)


def delete_inspection(store: Store, actor: Actor, inspection_uuid: str) -> StationInspection:
    """Take back an inspection recorded by mistake (marked deleted, kept for sync and the audit trail), with
    the mark-down it proposed if nobody confirmed it yet. Once its mark-down was confirmed the stars stand on
    it: it is refused then (the stars are changed by a new assessment, not by deleting the evidence)."""
    require(actor, WRITE)
    with store.transaction(actor, action="delete_inspection") as session:
        inspection = live(session, StationInspection, inspection_uuid, "检查记录")
        proposals = session.scalars(select(StationRating).where(
            StationRating.proposed_by_inspection_uuid == inspection.uuid, StationRating.deleted.is_(False))).all()
        if any(p.confirmed for p in proposals):
            raise ValidationError(INSPECTION_TABLE.label,
                                  f"{inspection.inspected_on.isoformat()}的检查提议的降星已确认，不能删除")
        for proposal in proposals:
            proposal.deleted = True
        inspection.deleted = True
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
    day = cases.today() if assessed_on is None else RATING_TABLE.field("assessed_on").clean(assessed_on)
    not_future(RATING_TABLE.field("assessed_on").label, day)
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
