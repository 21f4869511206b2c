"""The further sheets of a stations export as a clerk opens them: service logs, inspections, star ratings and
status history, each row naming its station by code and name, in the registry's declared columns, the
stations that were deleted left out, and every text a spreadsheet could run written as quoted text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from db.auth import Actor
from db.models import Station
from db.stations import cases, inspections, logs
from db.stations.fields import (
    EVENT_SHEET_FIELDS,
    INSPECTION_SHEET_FIELDS,
    LOG_SHEET_FIELDS,
    RATING_SHEET_FIELDS,
)
from db.store import Store
from desktop.documents.excel import export as export_module
from desktop.documents.excel.export import export_registry

HOSTILE = "=cmd|' /C calc'!A0"


@pytest.fixture
def stations(sqlite_store: Store, clerk: Actor) -> tuple[Station, Station]:
    store = sqlite_store
    first = cases.create_station(store, clerk, {"code": "NX-006-001", "name": "东四快递驿站", "area_sqm": 28,
                                                "built_on": "2020-01-10", "stars": 3})
    second = cases.create_station(store, clerk, {"code": "NX-006-002", "name": "朝阳门环卫驿站", "area_sqm": 16,
                                                 "built_on": "2021-03-01"})
    gone = cases.create_station(store, clerk, {"code": "NX-006-003", "name": "已删除驿站", "built_on": "2021-03-01"})
    logs.save_month_log(store, clerk, first.uuid, "2023-02", {"visits_courier": 12, "visits_rider": 3})
    logs.save_month_log(store, clerk, first.uuid, "2023-01", {"visits_courier": 5, "supplies_used": "+1+1"})
    logs.save_month_log(store, clerk, second.uuid, "2023-01", {"visits_sanitation": 7})
    logs.save_month_log(store, clerk, gone.uuid, "2023-01", {"visits_sanitation": 1})
    inspections.record_inspection(store, clerk, first.uuid, {
        "inspected_on": "2023-03-01", "inspector": HOSTILE, "has_sign": False, "has_fixed_place": True,
        "findings": "@SUM(A1)", "follow_up_due_on": "2023-03-31", "score": 78})
    inspections.record_inspection(store, clerk, gone.uuid, {"inspected_on": "2023-03-01", "inspector": "督查组"})
    inspections.assess_stars(store, clerk, second.uuid, 2023, 2, "-达标", assessed_on="2023-12-20")
    cases.change_status(store, clerk, second.uuid, "pause", "2024-01-05", reason="装修")
    cases.change_status(store, clerk, second.uuid, "resume", "2024-02-01")
    cases.soft_delete(store, clerk, gone.uuid)
    return first, second


def _export(store: Store, clerk: Actor, tmp_path: Path) -> dict[str, Worksheet]:
    path = tmp_path / "驿站.xlsx"
    export_registry(store, clerk, "stations", path)
    return {ws.title: ws for ws in load_workbook(path).worksheets}


def _rows(ws: Worksheet) -> list[dict[str, Any]]:
    """Data rows as header label → cell."""
    rows = list(ws.iter_rows())
    labels = [c.value for c in rows[0]]
    return [dict(zip(labels, row, strict=True)) for row in rows[1:]]


def _values(ws: Worksheet, *labels: str) -> list[tuple[Any, ...]]:
    return [tuple(row[label].value for label in labels) for row in _rows(ws)]


def test_the_sheets_and_their_declared_headers(sqlite_store: Store, clerk: Actor, stations: Any,
                                               tmp_path: Path) -> None:
    sheets = _export(sqlite_store, clerk, tmp_path)
    assert list(sheets) == ["暖心驿站", "驿站服务台账", "驿站检查", "驿站评星", "驿站状态变动"]
    for title, fields in (("驿站服务台账", LOG_SHEET_FIELDS), ("驿站检查", INSPECTION_SHEET_FIELDS),
                          ("驿站评星", RATING_SHEET_FIELDS), ("驿站状态变动", EVENT_SHEET_FIELDS)):
        ws = sheets[title]
        assert [c.value for c in ws[1]] == [f.label for f in fields], title
        assert [c.value for c in ws[1]][:2] == ["驿站编号", "驿站名称"]
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:{ws.cell(1, len(fields)).column_letter}" \
            f"{ws.max_row}", title
    assert "所属驿站" not in [c.value for c in sheets["驿站检查"][1]]


def test_rows_name_their_station_and_leave_the_deleted_one_out(sqlite_store: Store, clerk: Actor, stations: Any,
                                                             tmp_path: Path) -> None:
    sheets = _export(sqlite_store, clerk, tmp_path)
    assert _values(sheets["驿站服务台账"], "驿站编号", "驿站名称", "周期", "服务人次", "快递员") == [
        ("NX-006-001", "东四快递驿站", "月", 5, 5), ("NX-006-001", "东四快递驿站", "月", 15, 12),
        ("NX-006-002", "朝阳门环卫驿站", "月", 7, 0)]
    inspection = _rows(sheets["驿站检查"])
    assert len(inspection) == 1
    cells = inspection[0]
    assert (cells["驿站编号"].value, cells["统一标识"].value, cells["固定场所"].value, cells["得分"].value) == (
        "NX-006-001", "否", "是", 78)
    assert cells["检查日期"].value.date() == dt.date(2023, 3, 1)
    assert cells["检查日期"].number_format == "yyyy-mm-dd"
    # the mark-down the inspection proposed, and the yearly assessment
    ratings = _values(sheets["驿站评星"], "驿站编号", "年度", "星级", "已确认")
    assert ratings == [("NX-006-001", 2023, 2, "否"), ("NX-006-002", 2023, 2, "是")]
    proposed = _rows(sheets["驿站评星"])[0]["提议降星的检查日期"].value
    assert proposed.date() == dt.date(2023, 3, 1)
    assert _rows(sheets["驿站评星"])[1]["提议降星的检查日期"].value is None
    assert _values(sheets["驿站状态变动"], "驿站编号", "变动类别", "原状态", "新状态", "原因") == [
        ("NX-006-002", "暂停", "运行", "暂停", "装修"), ("NX-006-002", "恢复运行", "暂停", "运行", None)]


def test_every_text_that_could_run_is_quoted(sqlite_store: Store, clerk: Actor, stations: Any,
                                            tmp_path: Path) -> None:
    sheets = _export(sqlite_store, clerk, tmp_path)
    cells = _rows(sheets["驿站检查"])[0]
    for label, text in (("检查人", HOSTILE), ("发现问题", "@SUM(A1)")):
        assert cells[label].value == text and cells[label].data_type == "s" and cells[label].quotePrefix, label
    used = next(row["物资使用"] for row in _rows(sheets["驿站服务台账"]) if row["物资使用"].value)
    assert used.value == "+1+1" and used.quotePrefix
    reason = _rows(sheets["驿站评星"])[1]["评定理由"]
    assert reason.value == "-达标" and reason.quotePrefix


def test_progress_names_each_sheet(sqlite_store: Store, clerk: Actor, stations: Any, tmp_path: Path) -> None:
    stages: list[str] = []
    export_registry(sqlite_store, clerk, "stations", tmp_path / "s.xlsx", progress=lambda s, *_: stages.append(s))
    assert list(dict.fromkeys(stages)) == [export_module.STAGE, "导出驿站服务台账", "导出驿站检查", "导出驿站评星",
                                           "导出驿站状态变动"]
