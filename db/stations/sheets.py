"""The service logs (驿站服务台账) and inspections (驿站检查) of a stations workbook read back in, beside its
暖心驿站 sheet: each row names its station by 驿站编号 — one in the database, or one the 暖心驿站 sheet of
the same file brings — and is checked by the rules of the use cases (:func:`logs.check_month_log`,
:func:`inspections.check_inspection`, :func:`inspections.check_inspection_day`), never by a copy of them.

Rows only add records. A month a station already has with the same values, or an inspection (same station,
date and inspector) already recorded the same, is unchanged — importing what was just exported changes
nothing; with other values it is refused, naming the cells that differ. A month log gets the identity
:func:`rules.month_log_uuid`, so that a month imported in two offices is one row for sync.
(The 评星 and 状态变动 sheets are not read: stars and status move by their own use cases.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.auth import Actor
from db.bulk import bulk_insert
from db.errors import ValidationError
from db.fields import Field
from db.models import Station, StationInspection, StationLog
from db.models.stations import PLANNING
from db.stations import cases, inspections, logs
from db.stations.fields import INSPECTION_SHEET_FIELDS, INSPECTION_TABLE, LOG_SHEET_FIELDS, LOG_TABLE, STATIONS
from db.stations.rules import first_of_month, month_log_uuid
from db.tabular.plan import RowVerdict, SheetPlan, SheetSource
from db.tabular.rows import in_chunks

LOGS = LOG_TABLE.label
INSPECTIONS = INSPECTION_TABLE.label
IMPORT_SHEETS: tuple[tuple[str, tuple[Field, ...]], ...] = (
    (LOGS, LOG_SHEET_FIELDS), (INSPECTIONS, INSPECTION_SHEET_FIELDS))
ACTION = "import_xlsx"
_LOG_VALUES = (*logs.VISIT_COLUMNS, *logs.LOG_TEXTS)
_INSPECTION_VALUES = tuple(f.attr for f in INSPECTION_TABLE.fields if f.attr != "station_uuid")
_STATION_SHEET = STATIONS.table.label
# a use case's message names 月份 or the station: on a sheet that is the 日期 and 驿站编号 column
_ALIASES = {"月份": "on_date", cases.STATION_LABEL: "station_code"}


@dataclass(frozen=True)
class _Station:
    """What the rows of a station are checked against: the stored station as the 暖心驿站 sheet leaves it."""

    code: str
    name: str
    status: str
    built_on: dt.date | None
    uuid: str | None = None  # None: a station the file brings
    refused: str | None = None  # why its rows cannot be imported


class _Sheet:
    """One further sheet being planned: its cells cleaned by the declared fields, errors named by cell."""

    def __init__(self, source: SheetSource, fields: tuple[Field, ...]) -> None:
        self.title, self.columns = source.title, source.columns
        self.fields = fields
        self.by_attr = {f.attr: f for f in fields}
        self.by_label = {f.label: f.attr for f in fields} | _ALIASES
        self.rows: list[RowVerdict] = []
        required = {f.attr for f in fields if f.required} | {"station_code"}
        for row_no, cells in source.rows:
            self.rows.append(self._clean(row_no, cells, required))

    def cell(self, verdict: RowVerdict, attr_or_label: str, reason: str) -> None:
        """An error of ``verdict``'s row at the cell of a field (by attr or label): "F5 快递员：…"."""
        attr = attr_or_label if attr_or_label in self.by_attr else self.by_label.get(attr_or_label, "")
        label = self.by_attr[attr].label if attr in self.by_attr else attr_or_label
        letter = self.columns.get(attr)
        verdict.fail(f"{letter}{verdict.row_no} {label}：{reason}" if letter else
                     f"第{verdict.row_no}行 {label}：{reason}")

    def _clean(self, row_no: int, cells: Mapping[str, Any], required: set[str]) -> RowVerdict:
        verdict = RowVerdict(row_no)
        values: dict[str, Any] = {}
        for fld in self.fields:
            if fld.attr not in self.columns:
                if fld.attr in required:
                    verdict.fail(f"第{row_no}行 {fld.label}：必须填写（文件中没有这一列）")
                continue
            try:
                values[fld.attr] = fld.clean(cells.get(fld.attr))
            except ValidationError as exc:
                self.cell(verdict, fld.attr, exc.reason)
                continue
            if values[fld.attr] is None and fld.attr in required:
                self.cell(verdict, fld.attr, "必须填写")
        verdict.values = values
        day = values.get("on_date") or values.get("inspected_on")
        verdict.summary = " ".join(str(part) for part in (
            values.get("station_code"), values.get("station_name"),
            f"{day.year}年{day.month}月" if self.title == LOGS and day else day) if part)
        return verdict

    def plan(self) -> SheetPlan:
        return SheetPlan(self.title, self.rows, self.columns)

    def text(self, attr: str, value: Any) -> str:
        """A stored value as a message shows it (是/否, a date, a number)."""
        shown = self.by_attr[attr].to_cell(value, full=False)
        if shown is None or shown == "":
            return "（空）"
        return shown.isoformat() if hasattr(shown, "isoformat") else str(shown)


def plan_sheets(session: Session, actor: Actor, verdicts: Sequence[RowVerdict],
                sources: Sequence[SheetSource]) -> list[SheetPlan]:
    """The verdicts of the rows of the 驿站服务台账 and 驿站检查 sheets among ``sources``, given the verdicts
    of the 暖心驿站 sheet's rows (``verdicts``). Nothing is written."""
    sheets = {source.title: _Sheet(source, fields) for title, fields in IMPORT_SHEETS
              for source in sources if source.title == title}
    codes = {row.values["station_code"] for sheet in sheets.values() for row in sheet.rows
             if row.values.get("station_code")}
    stations = _stations(session, actor, verdicts, codes)
    if LOGS in sheets:
        _plan_logs(session, sheets[LOGS], stations)
    if INSPECTIONS in sheets:
        _plan_inspections(session, sheets[INSPECTIONS], stations)
    return [sheet.plan() for sheet in sheets.values()]


def _stations(session: Session, actor: Actor, verdicts: Sequence[RowVerdict], codes: set[str]) -> dict[str, _Station]:
    """Each named code's station as the import leaves it: the 暖心驿站 sheet's row over the stored one."""
    matched = [v.uuid for v in verdicts if v.uuid]
    columns = (Station.uuid, Station.code, Station.name, Station.status, Station.built_on, Station.office_code,
               Station.deleted)
    stored = {row.uuid: row for row in in_chunks(session, lambda part: select(*columns).where(
        Station.code.in_(part)), list(codes))}
    stored.update({row.uuid: row for row in in_chunks(session, lambda part: select(*columns).where(
        Station.uuid.in_(part)), matched)})
    found: dict[str, _Station] = {}
    for row in stored.values():
        refused = None
        if row.deleted:
            refused = f"编号为 {row.code} 的驿站已删除，请先恢复该驿站"
        elif row.office_code != actor.office_code:
            refused = f"驿站 {row.code} 属于其他单位（{row.office_code}），不能在本单位导入"
        found[row.code] = _Station(row.code, row.name, row.status, row.built_on, row.uuid, refused)
    for verdict in verdicts:  # the sheet's rows win over what is stored
        old = next((s for s in found.values() if verdict.uuid and s.uuid == verdict.uuid), None)
        values = verdict.values
        code = values.get("code") or (old.code if old else None)
        if not code:
            continue
        if verdict.verdict == "error":
            found[code] = _Station(code, "", "", None, refused=f"{_STATION_SHEET}表第{verdict.row_no}行未通过检查")
        elif verdict.verdict == "new":
            found[code] = _Station(code, values.get("name") or "",
                                   values.get("status") or STATIONS.field("status").default, values.get("built_on"))
        elif old is not None:
            found[code] = _Station(code, values.get("name", old.name), values.get("status", old.status),
                                   values.get("built_on", old.built_on), old.uuid, old.refused)
    return found


def _station_of(sheet: _Sheet, verdict: RowVerdict, stations: Mapping[str, _Station]) -> _Station | None:
    """The row's station, or None after naming why at its 驿站编号 (or 驿站名称) cell."""
    code, name = verdict.values.get("station_code"), verdict.values.get("station_name")
    station = stations.get(code or "")
    if station is None:
        sheet.cell(verdict, "station_code", f"没有编号为 {code} 的驿站（系统和本文件的{_STATION_SHEET}表中都没有）")
        return None
    if station.refused:
        sheet.cell(verdict, "station_code", station.refused)
        return None
    if name and name != station.name:
        sheet.cell(verdict, "station_name", f"与编号 {code} 的驿站名称“{station.name}”不符")
        return None
    return station


def _check(sheet: _Sheet, verdict: RowVerdict, check: Any, *args: Any) -> Any:
    """``check(*args)`` of a use case; its ValidationError becomes an error at the cell of its field."""
    try:
        return check(*args)
    except ValidationError as exc:
        sheet.cell(verdict, exc.field, exc.reason)
        return None


def _differences(sheet: _Sheet, verdict: RowVerdict, new: Mapping[str, Any], old: Mapping[str, Any],
                 what: str) -> None:
    """Mark ``verdict`` unchanged when every value of a column the sheet has equals the stored one, else an
    error at each cell that differs."""
    differ = [attr for attr in new if attr in old and new[attr] != old[attr]]
    if not differ:
        verdict.verdict = "unchanged"
    for attr in differ:
        sheet.cell(verdict, attr, f"{what}已录入，系统中为 {sheet.text(attr, old[attr])}，与本行不同")


# --- the month logs ---------------------------------------------------------------------------------------

def _plan_logs(session: Session, sheet: _Sheet, stations: Mapping[str, _Station]) -> None:
    uuids = [s.uuid for s in stations.values() if s.uuid]
    stored = {(row.station_uuid, row.on_date): row._mapping for row in in_chunks(
        session, lambda part: select(StationLog.station_uuid, StationLog.on_date,
                                     *(getattr(StationLog, a) for a in _LOG_VALUES))
        .where(StationLog.station_uuid.in_(part), StationLog.period == "month", StationLog.deleted.is_(False)),
        uuids)}
    groups_given = all(attr in sheet.columns for attr in logs.VISIT_GROUPS)
    seen: dict[tuple[str, dt.date], int] = {}
    for verdict in sheet.rows:
        if verdict.verdict == "error":
            continue
        values = verdict.values
        if values["period"] != "month":
            sheet.cell(verdict, "period", "只能导入月台账（周期为“月”）")
            continue
        station = _station_of(sheet, verdict, stations)
        if station is None:
            continue
        first = first_of_month(values["on_date"])
        entries = {attr: values[attr] for attr in _LOG_VALUES if values.get(attr) is not None}
        log = _check(sheet, verdict, logs.check_month_log, first, station.status, station.built_on, entries)
        if log is None:
            continue
        key = (station.code, first)
        if key in seen:
            sheet.cell(verdict, "on_date", f"与第{seen[key]}行重复：一个驿站每月只有一份台账")
            continue
        seen[key] = verdict.row_no
        old = stored.get((station.uuid, first)) if station.uuid else None
        if old is not None:
            compared = {a: log.get(a) for a in _LOG_VALUES
                        if a in sheet.columns and (a != "visits_total" or groups_given)}
            _differences(sheet, verdict, compared, old, f"该驿站{first.year}年{first.month}月的台账")
            continue
        verdict.values = {**log, "station_code": station.code, "period": "month", "on_date": first}


def _apply_logs(session: Session, actor: Actor, rows: list[RowVerdict], stations: Mapping[str, Any],
                seq: int) -> int:
    """Insert the new month logs (a month deleted earlier comes back as its own row)."""
    uuids = list({stations[row.values["station_code"]][0] for row in rows})
    existing = {(row.station_uuid, row.on_date): row for row in in_chunks(
        session, lambda part: select(StationLog.uuid, StationLog.station_uuid, StationLog.on_date, StationLog.deleted)
        .where(StationLog.station_uuid.in_(part), StationLog.period == "month"), uuids)}
    records = []
    for row in rows:
        station_uuid, office = stations[row.values["station_code"]]
        first = row.values["on_date"]
        values = {attr: row.values.get(attr) for attr in _LOG_VALUES}
        there = existing.get((station_uuid, first))
        if there is not None and not there.deleted:
            raise ValidationError("导入", f"{LOGS}第{row.row_no}行的台账在预览之后已被他人录入，请重新预览后再导入")
        if there is not None:
            log = session.get(StationLog, there.uuid)
            assert log is not None
            log.deleted = False
            for attr, value in values.items():
                setattr(log, attr, value)
            continue
        records.append({"uuid": month_log_uuid(station_uuid, first), "station_uuid": station_uuid,
                        "office_code": office, "period": "month", "on_date": first, **values})
    bulk_insert(session.connection(), StationLog, records, actor, sync_seq=seq, audit_action=ACTION)
    return len(rows)


# --- the inspections --------------------------------------------------------------------------------------

def _plan_inspections(session: Session, sheet: _Sheet, stations: Mapping[str, _Station]) -> None:
    uuids = [s.uuid for s in stations.values() if s.uuid]
    stored = {(row.station_uuid, row.inspected_on, row.inspector): row._mapping for row in in_chunks(
        session, lambda part: select(StationInspection.station_uuid,
                                     *(getattr(StationInspection, a) for a in _INSPECTION_VALUES))
        .where(StationInspection.station_uuid.in_(part), StationInspection.deleted.is_(False)), uuids)}
    seen: dict[tuple[str, dt.date, str], int] = {}
    for verdict in sheet.rows:
        if verdict.verdict == "error":
            continue
        station = _station_of(sheet, verdict, stations)
        if station is None:
            continue
        given = {attr: verdict.values[attr] for attr in _INSPECTION_VALUES if attr in verdict.values}
        inspection = _check(sheet, verdict, inspections.check_inspection, given)
        if inspection is None:
            continue
        day = inspection["inspected_on"]
        if station.status == PLANNING:
            sheet.cell(verdict, "station_code", f"驿站“{station.name}”尚在筹建，没有检查记录")
            continue
        _check(sheet, verdict, inspections.check_inspection_day, day, station.built_on)
        if verdict.verdict == "error":
            continue
        key = (station.code, day, inspection["inspector"])
        if key in seen:
            sheet.cell(verdict, "inspected_on", f"与第{seen[key]}行重复：同一驿站、同一日期、同一检查人")
            continue
        seen[key] = verdict.row_no
        old = stored.get((station.uuid, day, inspection["inspector"])) if station.uuid else None
        if old is not None:
            compared = {a: v for a, v in inspection.items() if a in sheet.columns}
            _differences(sheet, verdict, compared, old, f"{day.isoformat()} {inspection['inspector']} 的这次检查")
            continue
        verdict.values = {**inspection, "station_code": station.code}


def _apply_inspections(session: Session, actor: Actor, rows: list[RowVerdict], stations: Mapping[str, Any],
                       seq: int) -> int:
    uuids = list({stations[row.values["station_code"]][0] for row in rows})
    existing = {(r.station_uuid, r.inspected_on, r.inspector) for r in in_chunks(
        session, lambda part: select(StationInspection.station_uuid, StationInspection.inspected_on,
                                     StationInspection.inspector)
        .where(StationInspection.station_uuid.in_(part), StationInspection.deleted.is_(False)), uuids)}
    records = []
    for row in rows:
        station_uuid, office = stations[row.values["station_code"]]
        # a column the sheet lacks takes the column's default (a 六有 check not noted: not passed)
        values = {attr: value for attr in _INSPECTION_VALUES if (value := row.values.get(attr)) is not None}
        if (station_uuid, values["inspected_on"], values["inspector"]) in existing:
            raise ValidationError("导入", f"{INSPECTIONS}第{row.row_no}行的检查在预览之后已被他人录入，"
                                        "请重新预览后再导入")
        records.append({"station_uuid": station_uuid, "office_code": office, **values})
    bulk_insert(session.connection(), StationInspection, records, actor, sync_seq=seq, audit_action=ACTION)
    return len(rows)


def apply_sheets(session: Session, actor: Actor, sheets: Sequence[SheetPlan], seq: int) -> dict[str, int]:
    """Write the new rows of the planned sheets, after the 暖心驿站 sheet's stations (in the same
    transaction): each row's station is found by its code now, so a station the file brought has its uuid."""
    rows = {sheet.title: sheet.accepted for sheet in sheets}
    codes = [row.values["station_code"] for accepted in rows.values() for row in accepted]
    stations = {row.code: (row.uuid, row.office_code) for row in in_chunks(
        session, lambda part: select(Station.code, Station.uuid, Station.office_code)
        .where(Station.code.in_(part), Station.deleted.is_(False)), codes)}
    for title, accepted in rows.items():
        missing = next((row for row in accepted if row.values["station_code"] not in stations), None)
        if missing is not None:
            raise ValidationError("导入", f"{title}第{missing.row_no}行的驿站在预览之后被删除了，请重新预览后再导入")
    added = {}
    if rows.get(LOGS):
        added[LOGS] = _apply_logs(session, actor, rows[LOGS], stations, seq)
    if rows.get(INSPECTIONS):
        added[INSPECTIONS] = _apply_inspections(session, actor, rows[INSPECTIONS], stations, seq)
    return added
