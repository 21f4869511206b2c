"""What the warm-station registry adds to the generic spreadsheet import and export: stations are matched by
their code, their services travel as one "、"-separated cell, and an export carries the service logs on a
second sheet. And to the generic list (db.listing): a station is found by the pinyin initials of its name, and
the list's named filters (:data:`FLAGS`: 未评星, 六有齐全 or not, 需关注)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, String, and_, bindparam, not_, or_, select
from sqlalchemy.orm import Session

from db.auth import Actor
from db.errors import ValidationError
from db.fields import Field
from db.models import Station, StationLog, StationService
from db.models.stations import search_columns
from db.reference import labels
from db.stations import cases
from db.stations.fields import LOG_SHEET_FIELDS
from db.tabular.hooks import SEPARATORS, Children, Row, TabularHooks

if TYPE_CHECKING:
    from db.tabular.plan import RowVerdict

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

    def search_conditions(self, word: str, pattern: str) -> list[ColumnElement[bool]]:
        """Latin letters are also the pinyin initials of the name, from its start in any of its readings
        (``cym`` → 朝阳门驿站, stored ``zymyz cymyz``), in either case and full width."""
        del pattern
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
            marked = sorted(cases.attention_in(session, cases.today()))
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
        return [("驿站服务台账", LOG_SHEET_FIELDS)]

    def extra_sheet_rows(self, session: Session, index: int) -> Iterator[list[Row]]:
        del index
        return iter_station_logs(session)


def iter_station_logs(session: Session) -> Iterator[list[Row]]:
    """Chunks of the service logs of all stations (not deleted), in station code and date order."""
    stmt = (select(Station.code.label("station_code"), Station.name.label("station_name"),
                   *(getattr(StationLog, f.attr) for f in LOG_SHEET_FIELDS[2:]))
            .join(Station, Station.uuid == StationLog.station_uuid)
            .where(StationLog.deleted.is_(False), Station.deleted.is_(False))
            .order_by(Station.code, StationLog.on_date, StationLog.uuid))
    periods = labels("log_period")
    chunk: list[Row] = []
    for row in session.execute(stmt).mappings():
        item = dict(row)
        item["period"] = periods.get(item["period"], item["period"])
        chunk.append(item)
        if len(chunk) >= LOG_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def initials_prefix(word: str) -> ColumnElement[bool] | None:
    """Stations whose name's initials, in one of its readings, start with ``word``; None unless the word is
    Latin letters. The first reading by its index range, the others (after a space) by a pattern."""
    letters = unicodedata.normalize("NFKC", word).strip().lower()
    if not _LETTERS.fullmatch(letters):
        return None
    upper = letters[:-1] + chr(ord(letters[-1]) + 1)
    column = Station.name_initials
    return or_(and_(column >= letters, column < upper), column.like(f"% {letters}%"))
