"""What the warm-station registry adds to the generic spreadsheet import and export: stations are matched by
their code, their services travel as one "、"-separated cell, and an export carries further sheets — the
service logs (驿站服务台账), inspections (驿站检查), star ratings (驿站评星) and status history (驿站状态变动) —
each row naming its station by code and name, its columns those the registry declares (:mod:`db.stations.fields`).
The export writes every cell of them through the same formula guard as the stations' own sheet; the import
reads the logs and inspections back beside the stations (:mod:`db.stations.sheets`). And to the generic list
(db.listing): a station is found by the pinyin initials of its name, and the list's named filters (:data:`FLAGS`:
未评星, 六有齐全 or not, 需关注)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, String, and_, bindparam, not_, or_, select
from sqlalchemy.orm import Session, aliased

from db.auth import Actor
from db.errors import ValidationError
from db.fields import Field
from db.models import Station, StationEvent, StationInspection, StationLog, StationRating, StationService
from db.models.stations import search_columns
from db.stations import attention, cases
from db.stations import sheets as sheets_import
from db.stations.fields import (
    EVENT_SHEET_FIELDS,
    EVENT_TABLE,
    INSPECTION_SHEET_FIELDS,
    INSPECTION_TABLE,
    LOG_SHEET_FIELDS,
    LOG_TABLE,
    RATING_SHEET_FIELDS,
    RATING_TABLE,
    STATION_REF_FIELDS,
)
from db.tabular.hooks import SEPARATORS, Children, Row, TabularHooks

if TYPE_CHECKING:
    from db.tabular.plan import RowVerdict, SheetPlan, SheetSource

LOG_CHUNK = 2000
# The list's named filters (ListFilter.flags)
UNRATED, SIX_COMPLETE, SIX_INCOMPLETE, NEEDS_ATTENTION = "unrated", "six_complete", "six_incomplete", "attention"
FLAGS = (UNRATED, SIX_COMPLETE, SIX_INCOMPLETE, NEEDS_ATTENTION)
_LETTERS = re.compile(r"[a-z]+")
_SIX = (Station.has_sign, Station.has_fixed_place, Station.has_facilities, Station.has_rules, Station.has_staff,
        Station.on_map)


class StationHooks(TabularHooks):
    natural = ("code",)

    def clean_field(self, fld: Field, raw: Any) -> Any:
        if fld.attr != "services":
            return fld.clean(raw)
        text = fld.clean(raw)
        if text is None:
            return None
        names = [name for name in text.translate(SEPARATORS).split("、") if name]
        for name in names:
            if len(name) > 30:
                raise ValidationError(fld.label, f"服务项目“{name[:10]}…”太长（最多30个字）")
        return "、".join(dict.fromkeys(names)) or None

    def summary(self, values: Mapping[str, Any]) -> str:
        return f"{values.get('code') or ''} {values.get('name') or ''}".strip()

    def search_conditions(self, word: str, pattern: str, *, full_ids: bool) -> list[ColumnElement[bool]]:
        """Latin letters are also the pinyin initials of the name, from its start in any of its readings
        (``cym`` → 朝阳门驿站, stored ``zymyz cymyz``), in either case and full width."""
        del pattern, full_ids
        initials = initials_prefix(word)
        return [] if initials is None else [initials]

    def flag_condition(self, session: Session, flag: str) -> ColumnElement[bool]:
        if flag == UNRATED:
            return Station.stars.is_(None)
        if flag == SIX_COMPLETE:
            return and_(*(check.is_(True) for check in _SIX))
        if flag == SIX_INCOMPLETE:
            return not_(and_(*(check.is_(True) for check in _SIX)))
        if flag == NEEDS_ATTENTION:  # the one statement of the rule (rules.attention_reasons), as of today
            marked = sorted(attention.attention_in(session, cases.today()))
            # one expanding parameter: SQLAlchemy would coerce a plain list's hundreds of uuids one by one
            return Station.uuid.in_(bindparam("attention_uuids", marked, expanding=True, type_=String()))
        return super().flag_condition(session, flag)

    def derive(self, session: Session, rows: list[Row]) -> None:
        services: dict[str, list[str]] = defaultdict(list)
        uuids = [r["uuid"] for r in rows]
        stmt = (select(StationService.station_uuid, StationService.name)
                .where(StationService.station_uuid.in_(uuids), StationService.deleted.is_(False))
                .order_by(StationService.station_uuid, StationService.uuid))
        for station_uuid, name in session.execute(stmt):
            services[station_uuid].append(name)
        for row in rows:
            row["services"] = "、".join(services[row["uuid"]]) or None

    def new_records(self, session: Session, actor: Actor, records: list[dict[str, Any]],
                    rows: Sequence[RowVerdict]) -> Children:
        services = []
        for record, row in zip(records, rows, strict=True):
            search_columns(record)  # a Core insert: the model's validator does not see it
            for name in (row.values.get("services") or "").split("、"):
                if name:
                    services.append({"station_uuid": record["uuid"], "name": name})
        return [(StationService, services)]

    def updated(self, session: Session, record: Any, values: Mapping[str, Any]) -> None:
        if "services" not in values:
            return
        wanted = [name for name in (values["services"] or "").split("、") if name]
        existing = {s.name: s for s in session.scalars(select(StationService).where(
            StationService.station_uuid == record.uuid))}
        for name, service in existing.items():
            service.deleted = name not in wanted
        for name in wanted:
            if name not in existing:
                session.add(StationService(station_uuid=record.uuid, name=name))

    def extra_sheets(self) -> list[tuple[str, tuple[Field, ...]]]:
        return [(title, fields) for title, fields, _ in EXTRA_SHEETS]

    def extra_sheet_rows(self, session: Session, index: int) -> Iterator[list[Row]]:
        return EXTRA_SHEETS[index][2](session)

    def import_sheets(self) -> list[tuple[str, tuple[Field, ...]]]:
        return list(sheets_import.IMPORT_SHEETS)

    def plan_sheets(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict],
                    sheets: Sequence[SheetSource]) -> list[SheetPlan]:
        return sheets_import.plan_sheets(session, actor, verdicts, sheets)

    def apply_sheets(self, session: Session, actor: Actor, sheets: Sequence[SheetPlan], seq: int) -> dict[str, int]:
        return sheets_import.apply_sheets(session, actor, sheets, seq)


def _station_rows(session: Session, stmt: Select[Any]) -> Iterator[list[Row]]:
    """Chunks of the rows of ``stmt`` (a child table's columns after the station's code and name)."""
    chunk: list[Row] = []
    for row in session.execute(stmt).mappings():
        chunk.append(dict(row))
        if len(chunk) >= LOG_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _children(model: Any, fields: Sequence[Field], *columns: Any) -> Select[Any]:
    """A child table's live rows of live stations, each named by its station's code and name; ``columns``
    are those of ``fields`` not the model's own (looked up elsewhere)."""
    own = [getattr(model, f.attr) for f in fields[len(STATION_REF_FIELDS):] if hasattr(model, f.attr)]
    return (select(Station.code.label("station_code"), Station.name.label("station_name"), *own, *columns)
            .join(Station, Station.uuid == model.station_uuid)
            .where(model.deleted.is_(False), Station.deleted.is_(False)))


def iter_station_logs(session: Session) -> Iterator[list[Row]]:
    """Chunks of the service logs of all stations (not deleted), in station code and date order."""
    stmt = _children(StationLog, LOG_SHEET_FIELDS).order_by(Station.code, StationLog.on_date, StationLog.uuid)
    return _station_rows(session, stmt)


def iter_station_inspections(session: Session) -> Iterator[list[Row]]:
    """Chunks of the inspections of all stations (not deleted), in station code and date order."""
    stmt = _children(StationInspection, INSPECTION_SHEET_FIELDS).order_by(
        Station.code, StationInspection.inspected_on, StationInspection.uuid)
    return _station_rows(session, stmt)


def iter_station_ratings(session: Session) -> Iterator[list[Row]]:
    """Chunks of the star ratings of all stations (not deleted), each station's by year and date; a
    mark-down an inspection proposed names that inspection by its date."""
    proposer = aliased(StationInspection)
    stmt = (_children(StationRating, RATING_SHEET_FIELDS, proposer.inspected_on.label("proposed_by_inspection_on"))
            .outerjoin(proposer, proposer.uuid == StationRating.proposed_by_inspection_uuid)
            .order_by(Station.code, StationRating.year, StationRating.assessed_on, StationRating.uuid))
    return _station_rows(session, stmt)


def iter_station_events(session: Session) -> Iterator[list[Row]]:
    """Chunks of the status history of all stations (not deleted), each station's oldest first."""
    stmt = _children(StationEvent, EVENT_SHEET_FIELDS).order_by(
        Station.code, StationEvent.on_date, StationEvent.sync_seq, StationEvent.uuid)
    return _station_rows(session, stmt)


# The further sheets of a stations export, in order: title, columns, rows.
EXTRA_SHEETS: tuple[tuple[str, tuple[Field, ...], Callable[[Session], Iterator[list[Row]]]], ...] = (
    (LOG_TABLE.label, LOG_SHEET_FIELDS, iter_station_logs),
    (INSPECTION_TABLE.label, INSPECTION_SHEET_FIELDS, iter_station_inspections),
    (RATING_TABLE.label, RATING_SHEET_FIELDS, iter_station_ratings),
    (EVENT_TABLE.label, EVENT_SHEET_FIELDS, iter_station_events),
)


def initials_prefix(word: str) -> ColumnElement[bool] | None:
    """Stations whose name's initials, in one of its readings, start with ``word``; None unless the word is
    Latin letters. The first reading by its index range, the others (after a space) by a pattern."""
    letters = unicodedata.normalize("NFKC", word).strip().lower()
    if not _LETTERS.fullmatch(letters):
        return None
    upper = letters[:-1] + chr(ord(letters[-1]) + 1)
    column = Station.name_initials
    return or_(and_(column >= letters, column < upper), column.like(f"% {letters}%"))
