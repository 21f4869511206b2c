"""A stations workbook read back in: its 驿站服务台账 and 驿站检查 sheets come back with its stations, checked by
the use cases' rules, into an empty database of the same office; the same file again changes nothing; a
refused row anywhere writes nothing at all, every refusal naming its sheet, row and column."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from db import offices
from db.auth import Actor
from db.errors import ValidationError
from db.models import Station, StationInspection, StationLog
from db.stations import cases, inspections, logs
from db.stations.rules import month_log_uuid
from db.store import Store
from db.tabular.plan import ImportPlan
from desktop.documents.excel import importer
from desktop.documents.excel.export import export_registry
from tests.conftest import OFFICE_CODE, OFFICE_NAME

LOGS, INSPECTIONS = "驿站服务台账", "驿站检查"


@pytest.fixture
def exported(sqlite_store: Store, clerk: Actor, tmp_path: Path) -> Path:
    """A stations export of two stations with three months of logs and two inspections."""
    store = sqlite_store
    first = cases.create_station(store, clerk, {"code": "NX-006-001", "name": "东四快递驿站", "area_sqm": 28,
                                                "built_on": "2020-01-10", "stars": 3})
    second = cases.create_station(store, clerk, {"code": "NX-006-002", "name": "朝阳门环卫驿站",
                                                 "built_on": "2021-03-01"})
    logs.save_month_log(store, clerk, first.uuid, "2023-01", {"visits_courier": 5, "supplies_used": "+1+1"})
    logs.save_month_log(store, clerk, first.uuid, "2023-02", {"visits_courier": 12, "visits_rider": 3,
                                                             "services_used": "饮水、充电"})
    logs.save_month_log(store, clerk, second.uuid, "2023-01", {"visits_sanitation": 7})
    inspections.record_inspection(store, clerk, first.uuid, {
        "inspected_on": "2023-03-01", "inspector": "王检查", "has_sign": False, "has_fixed_place": True,
        "findings": "标识脱落", "follow_up_due_on": "2023-03-31", "score": 78, "medicine_expiry": "2024-06-30"})
    inspections.record_inspection(store, clerk, second.uuid, {"inspected_on": "2023-05-02", "inspector": "督查组",
                                                             **dict.fromkeys(("has_sign", "has_fixed_place",
                                                                              "has_facilities", "has_rules",
                                                                              "has_staff", "on_map"), True)})
    path = tmp_path / "驿站.xlsx"
    export_registry(store, clerk, "stations", path)
    return path


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Store]:
    """An empty database of the same office."""
    (tmp_path / "other").mkdir()
    opened = Store.open(str(tmp_path / "other" / "uniondesk.sqlite"), create=True)
    offices.initialize(opened, OFFICE_CODE, OFFICE_NAME)
    yield opened
    opened.close()


def _plan(store: Store, clerk: Actor, path: Path) -> ImportPlan:
    return importer.plan(store, clerk, importer.read_source(store, "stations", path))


def _sheet(plan: ImportPlan, title: str) -> Any:
    return next(sheet for sheet in plan.sheets if sheet.title == title)


def _logs(store: Store) -> list[tuple[Any, ...]]:
    with store.transaction() as session:
        return [tuple(row) for row in session.execute(
            select(Station.code, StationLog.on_date, StationLog.period, StationLog.visits_total,
                   StationLog.visits_courier, StationLog.visits_rider, StationLog.visits_sanitation,
                   StationLog.services_used, StationLog.supplies_used)
            .join(Station, Station.uuid == StationLog.station_uuid)
            .where(StationLog.deleted.is_(False)).order_by(Station.code, StationLog.on_date))]


def _inspections(store: Store) -> list[tuple[Any, ...]]:
    with store.transaction() as session:
        return [tuple(row) for row in session.execute(
            select(Station.code, StationInspection.inspected_on, StationInspection.inspector,
                   StationInspection.has_sign, StationInspection.has_fixed_place, StationInspection.on_map,
                   StationInspection.score, StationInspection.findings, StationInspection.follow_up_due_on,
                   StationInspection.medicine_expiry)
            .join(Station, Station.uuid == StationInspection.station_uuid)
            .where(StationInspection.deleted.is_(False)).order_by(Station.code, StationInspection.inspected_on))]


def test_logs_and_inspections_come_back_with_their_stations(sqlite_store: Store, empty: Store, clerk: Actor,
                                                           exported: Path) -> None:
    plan = _plan(empty, clerk, exported)
    assert plan.counts["new"] == 2
    assert [(s.title, s.counts["new"], s.counts["error"]) for s in plan.sheets] == [(LOGS, 3, 0), (INSPECTIONS, 2, 0)]
    written = importer.apply(empty, clerk, plan)
    assert written == {"new": 2, "update": 0, LOGS: 3, INSPECTIONS: 2}
    assert _logs(empty) == _logs(sqlite_store) and len(_logs(empty)) == 3
    assert _inspections(empty) == _inspections(sqlite_store) and len(_inspections(empty)) == 2
    # a month has the same identity in both databases: sync sees one row
    with empty.transaction() as session:
        station = session.scalars(select(Station).where(Station.code == "NX-006-001")).one()
        log = session.scalars(select(StationLog).where(StationLog.station_uuid == station.uuid,
                                                       StationLog.on_date == dt.date(2023, 1, 1))).one()
        assert log.uuid == month_log_uuid(station.uuid, dt.date(2023, 1, 1))


def test_the_same_file_again_changes_nothing(sqlite_store: Store, empty: Store, clerk: Actor,
                                             exported: Path) -> None:
    importer.apply(empty, clerk, _plan(empty, clerk, exported))
    before = (_logs(empty), _inspections(empty))
    for store in (empty, sqlite_store):  # again, and into the database it came from
        plan = _plan(store, clerk, exported)
        assert plan.counts["new"] == 0 and plan.errors == 0
        assert [(s.title, s.counts["new"], s.counts["unchanged"]) for s in plan.sheets] == [
            (LOGS, 0, 3), (INSPECTIONS, 0, 2)]
        assert not plan.can_apply
    assert (_logs(empty), _inspections(empty)) == before


def test_a_stored_month_with_other_values_is_refused_at_its_cells(empty: Store, clerk: Actor, exported: Path) -> None:
    importer.apply(empty, clerk, _plan(empty, clerk, exported))
    with empty.transaction() as session:
        uuid = session.scalars(select(Station.uuid).where(Station.code == "NX-006-002")).one()
    log = logs.log_year(empty, uuid, 2023).months[1]
    logs.save_month_log(empty, clerk, uuid, "2023-01", {"visits_sanitation": 9}, log_uuid=log.uuid)
    rows = _sheet(_plan(empty, clerk, exported), LOGS).rows
    refused = [row for row in rows if row.verdict == "error"]
    assert len(refused) == 1
    assert any("该驿站2023年1月的台账已录入，系统中为 9" in m and "环卫工人" in m for m in refused[0].messages)


def _bad_workbook(exported: Path, tmp_path: Path) -> Path:
    """The export with a month twice, a negative count, a future month, an inspection before 建成日期 and a
    驿站编号 that exists nowhere."""
    book = load_workbook(exported)
    log_sheet, inspection_sheet = book[LOGS], book[INSPECTIONS]
    header = [c.value for c in log_sheet[1]]
    col = {label: header.index(label) + 1 for label in header}
    template = [c.value for c in log_sheet[2]]
    log_sheet.append(template)  # row 5: NX-006-001 2023-01 again
    negative = list(template)
    negative[col["日期"] - 1] = dt.date(2023, 6, 1)
    negative[col["快递员"] - 1] = -4
    log_sheet.append(negative)  # row 6
    future = list(template)
    future[col["日期"] - 1] = dt.date.today().replace(day=1) + dt.timedelta(days=40)
    log_sheet.append(future)  # row 7
    nowhere = list(template)
    nowhere[col["驿站编号"] - 1] = "NX-999-999"
    log_sheet.append(nowhere)  # row 8
    ihead = [c.value for c in inspection_sheet[1]]
    early = [c.value for c in inspection_sheet[2]]
    early[ihead.index("检查日期")] = dt.date(2019, 12, 1)
    early[ihead.index("整改期限")] = None
    inspection_sheet.append(early)  # row 4
    path = tmp_path / "错误.xlsx"
    book.save(path)
    return path


def test_bad_rows_are_each_refused_by_sheet_row_and_column_and_nothing_is_written(
        empty: Store, clerk: Actor, exported: Path, tmp_path: Path) -> None:
    path = _bad_workbook(exported, tmp_path)
    plan = _plan(empty, clerk, path)
    assert plan.counts == {"new": 2, "update": 0, "unchanged": 0, "error": 0}
    log_rows = {row.row_no: row for row in _sheet(plan, LOGS).rows}
    assert [n for n, row in log_rows.items() if row.verdict == "error"] == [5, 6, 7, 8]
    header = [c.value for c in load_workbook(path)[LOGS][1]]

    def letter(label: str) -> str:
        return chr(ord("A") + header.index(label))

    assert log_rows[5].messages == (f"{letter('日期')}5 日期：与第2行重复：一个驿站每月只有一份台账",)
    assert log_rows[6].messages[0].startswith(f"{letter('快递员')}6 快递员：")
    assert log_rows[7].messages[0].startswith(f"{letter('日期')}7 日期：") and "未到的月份" in log_rows[7].messages[0]
    assert log_rows[8].messages[0].startswith("A8 驿站编号：没有编号为 NX-999-999 的驿站")
    inspection = next(row for row in _sheet(plan, INSPECTIONS).rows if row.row_no == 4)
    ihead = [c.value for c in load_workbook(path)[INSPECTIONS][1]]
    assert inspection.messages == (
        f"{chr(ord('A') + ihead.index('检查日期'))}4 检查日期：不能早于驿站建成日期 2020-01-10",)
    assert plan.blocked and plan.errors == 5 and not plan.can_apply
    report = "\n".join(importer.report_lines(plan))
    assert f"{LOGS} 第5行  错误" in report and f"{INSPECTIONS} 第4行  错误" in report
    assert "整个文件都不导入" in report
    with pytest.raises(ValidationError, match="整个文件都没有导入"):
        importer.apply(empty, clerk, plan)
    with empty.transaction() as session:
        assert session.scalars(select(Station)).all() == []
    assert _logs(empty) == [] and _inspections(empty) == []
    errors = tmp_path / "errors.csv"
    assert importer.write_error_list(plan, errors) == 5
    assert f"{LOGS} 5" in errors.read_text(encoding="utf-8-sig")


def test_a_log_of_a_station_in_planning_is_refused(empty: Store, clerk: Actor, tmp_path: Path) -> None:
    station = cases.create_station(empty, clerk, {"code": "NX-006-010", "name": "筹建驿站", "status": "planning"})
    book_path = tmp_path / "筹建.xlsx"
    export_registry(empty, clerk, "stations", book_path)
    book = load_workbook(book_path)
    book[LOGS].append(["NX-006-010", "筹建驿站", "月", dt.date(2023, 1, 1), None, 3])
    book.save(book_path)
    rows = _sheet(_plan(empty, clerk, book_path), LOGS).rows
    assert rows[0].verdict == "error" and rows[0].messages[0].startswith("A2 驿站编号：")
    assert "筹建" in rows[0].messages[0]
    assert station.uuid
