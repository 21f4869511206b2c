"""Tests of the Excel export (desktop.documents.excel.export): what a clerk sees on opening the file.

A demo database (300 members and what belongs to them) is filled once for the module; tests that change
it (formula payloads) use their own. Files are reopened with openpyxl (styles, formats) and with
python-calamine (what our importer reads).
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from db import masking, offices
from db.auth import ADMIN, APPROVER, CLERK, Actor
from db.demo import fill_demo
from db.errors import PermissionDenied, UnionDeskError
from db.members import listing as member_list
from db.members.listing import MemberFilter, MemberSort
from db.models import AuditEntry, Member
from db.registry import registries, registry
from db.stations.fields import LOG_SHEET_FIELDS
from db.store import Store
from db.tabular import rows as tabular_rows
from desktop.documents.excel import export as export_module
from desktop.documents.excel.export import export_registry

OFFICE = "110101006"
TODAY = dt.date(2025, 11, 20)
MASKED_ID = re.compile(r"^\d{6}\*{8}\d{3}[\dX]$")
MASKED_PHONE = re.compile(r"^\d{3}\*{4}\d{4}$")
PAYLOADS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\n=1"]


def _actor(role: str) -> Actor:
    return Actor(role, role, frozenset({role}), OFFICE)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """300 demo members and every registry around them, shared by the module's read-only tests."""
    store = Store.open(tmp_path_factory.mktemp("demo") / "demo.sqlite", create=True)
    offices.initialize(store, OFFICE, "东四街道工会")
    fill_demo(store, members=300, seed=1, today=TODAY)
    yield store
    store.close()


def _sheet(path: Path, index: int = 0) -> Worksheet:
    return load_workbook(path).worksheets[index]


def _rows_by_uuid(ws: Worksheet) -> dict[str, dict[str, Any]]:
    """Data rows keyed by 系统编号, each as header label → cell (openpyxl cell objects)."""
    rows = list(ws.iter_rows())
    labels = [c.value for c in rows[0]]
    return {row[-1].value: dict(zip(labels, row, strict=True)) for row in rows[1:]}


def _stored(store: Store, name: str) -> dict[str, dict[str, Any]]:
    table = registry(name)
    with store.transaction() as session:
        return {row["uuid"]: row for chunk in tabular_rows.iter_rows(session, table) for row in chunk}


@pytest.mark.parametrize("name", list(registries()))
def test_every_registry_exports_its_labelled_columns_and_rows(demo: Store, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.xlsx"
    written = export_registry(demo, _actor(CLERK), name, path)
    ws = _sheet(path)
    table = registry(name)
    assert [c.value for c in ws[1]] == [f.label for f in table.fields]
    assert ws[1][-1].value == "系统编号"
    stored = _stored(demo, name)
    assert written == len(stored) == ws.max_row - 1 > 0
    assert set(_rows_by_uuid(ws)) == set(stored)
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws[1][-1].column_letter}{written + 1}"
    for cell in ws[1]:
        assert ws.column_dimensions[cell.column_letter].width >= 8
        assert cell.font.bold
    assert list(path.parent.iterdir()) == [path]  # no temporary file left beside it


def test_cells_match_the_stored_values_as_to_cell_shows_them(demo: Store, tmp_path: Path) -> None:
    for name in registries():
        path = tmp_path / f"{name}.xlsx"
        export_registry(demo, _actor(CLERK), name, path)
        table = registry(name)
        masks = masking.column_masks(table.fields)
        for uuid, cells in _rows_by_uuid(_sheet(path)).items():
            for field in table.fields:
                stored = _stored_value(demo, name, uuid, field.attr)
                if field.attr in masks and stored is not None:  # a birth date beside an ID number: the year
                    expected = masks[field.attr](stored)
                else:
                    expected = field.to_cell(stored, full=False)
                value = cells[field.label].value
                if isinstance(expected, dt.datetime):  # a time of day (成绩发布时间) is kept as it is
                    assert value == expected, (name, field.label)
                elif isinstance(expected, dt.date):
                    assert value == dt.datetime.combine(expected, dt.time()), (name, field.label)
                elif isinstance(expected, Decimal):
                    assert Decimal(str(value)) == expected, (name, field.label)
                else:
                    assert value == expected, (name, field.label)


_STORED_CACHE: dict[tuple[int, str], dict[str, dict[str, Any]]] = {}


def _stored_value(store: Store, name: str, uuid: str, attr: str) -> Any:
    key = (id(store), name)
    if key not in _STORED_CACHE:
        _STORED_CACHE[key] = _stored(store, name)
    return _STORED_CACHE[key][uuid][attr]


def test_id_and_phone_numbers_are_masked_text_by_default(demo: Store, tmp_path: Path) -> None:
    path = tmp_path / "members.xlsx"
    export_registry(demo, _actor(CLERK), "members", path)
    rows = _rows_by_uuid(_sheet(path))
    ids = [cells["身份证号"] for cells in rows.values()]
    assert all(cell.data_type == "s" and MASKED_ID.match(cell.value) for cell in ids)
    phones = [cells["手机号码"].value for cells in rows.values() if cells["手机号码"].value]
    assert phones and all(MASKED_PHONE.match(p) for p in phones)
    ws = _sheet(path)
    id_column = next(c.column_letter for c in ws[1] if c.value == "身份证号")
    assert ws.column_dimensions[id_column].number_format == "@"  # what is typed below stays text
    bank = _rows_by_uuid(_sheet(_export(demo, tmp_path, "aid-cases")))
    assert all(c["银行卡号"].value.startswith("*") for c in bank.values() if c["银行卡号"].value)


def _export(store: Store, tmp_path: Path, name: str, role: str = CLERK, **options: Any) -> Path:
    path = tmp_path / f"{name}-{role}.xlsx"
    export_registry(store, _actor(role), name, path, **options)
    return path


@pytest.mark.parametrize("role", [ADMIN, APPROVER])
def test_full_values_for_the_roles_that_may_see_them(demo: Store, tmp_path: Path, role: str) -> None:
    rows = _rows_by_uuid(_sheet(_export(demo, tmp_path, "members", role, full_values=True)))
    stored = _stored(demo, "members")
    for uuid, cells in rows.items():
        assert cells["身份证号"].value == stored[uuid]["id_number"]
        assert cells["身份证号"].data_type == "s"  # never a number (1.1E+17)
        assert cells["手机号码"].value == stored[uuid]["phone"]


def test_a_clerk_asking_for_full_values_is_refused_before_any_file(demo: Store, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied, match="完整"):
        export_registry(demo, _actor(CLERK), "members", tmp_path / "full.xlsx", full_values=True)
    assert list(tmp_path.iterdir()) == []


def test_dates_are_dates_and_money_is_yuan_with_two_decimals(demo: Store, tmp_path: Path) -> None:
    members = _rows_by_uuid(_sheet(_export(demo, tmp_path, "members")))
    joined = [cells["入会日期"] for cells in members.values()]
    assert all(cell.is_date and cell.number_format == "yyyy-mm-dd" for cell in joined)
    stored = _stored(demo, "aid-payments")
    payments = _rows_by_uuid(_sheet(_export(demo, tmp_path, "aid-payments")))
    for uuid, cells in payments.items():
        amount = cells["金额（元）"]
        assert amount.data_type == "n" and amount.number_format == "0.00"
        assert Decimal(str(amount.value)) == Decimal(stored[uuid]["amount_fen"]) / 100
        assert cells["发放日期"].value.date() == stored[uuid]["paid_on"]


def test_the_stations_have_further_sheets_of_logs_inspections_ratings_and_history(demo: Store,
                                                                                tmp_path: Path) -> None:
    path = _export(demo, tmp_path, "stations")
    book = load_workbook(path)
    assert book.sheetnames == ["暖心驿站", "驿站服务台账", "驿站检查", "驿站评星", "驿站状态变动"]
    assert all(sheet.max_row > 1 for sheet in book.worksheets)  # the demo has some of each
    logs = book.worksheets[1]
    assert [c.value for c in logs[1]] == [f.label for f in LOG_SHEET_FIELDS]
    assert logs.max_row > 1 and logs.freeze_panes == "A2"
    assert logs["D2"].is_date and logs["D2"].number_format == "yyyy-mm-dd"


def test_the_export_is_in_the_audit_trail(demo: Store, tmp_path: Path) -> None:
    with demo.transaction() as session:
        before = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
    written = export_registry(demo, _actor(ADMIN), "members", tmp_path / "名册.xlsx", full_values=True)
    with demo.transaction() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.id > before)).all()
    assert [(e.action, e.actor, e.table_name) for e in entries] == [("export_xlsx", ADMIN, "members")]
    changes = json.loads(entries[0].changes)
    assert json.dumps(changes, ensure_ascii=False).count("名册.xlsx") == 1
    assert str(written) in json.dumps(changes) and "full_values" in entries[0].changes


def test_progress_is_reported_per_chunk(demo: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular_rows, "CHUNK", 100)
    calls: list[tuple[str, int, int]] = []
    export_registry(demo, _actor(CLERK), "members", tmp_path / "m.xlsx", progress=lambda *a: calls.append(a))
    assert calls == [("导出", done, 300) for done in (0, 100, 200, 300)]


def test_member_filter_exports_the_matching_rows_in_the_list_order(demo: Store, tmp_path: Path) -> None:
    with demo.transaction() as session:
        name = session.scalars(select(Member.name).order_by(Member.uuid).limit(1)).one()
        flt = MemberFilter(text=name[:2])
        sort = MemberSort("name")
        expected = [r.uuid for r in member_list.page(session, flt, sort, None, limit=1000).rows]
    assert 0 < len(expected) < 300
    path = tmp_path / "filtered.xlsx"
    written = export_registry(demo, _actor(CLERK), "members", path, view=flt, sort=sort)
    ws = _sheet(path)
    assert written == len(expected)
    assert [row[-1].value for row in ws.iter_rows(min_row=2)] == expected


# --- text a spreadsheet would run as a formula --------------------------------------------------------------


@pytest.fixture
def payload_members(store: Store) -> dict[str, str]:
    """Members whose remarks and employer hold formula payloads (as a batch from elsewhere could)."""
    fill_demo(store, members=20, seed=2, today=TODAY)
    with store.transaction(_actor(ADMIN)) as session:
        members = session.scalars(select(Member).order_by(Member.uuid).limit(len(PAYLOADS))).all()
        for member, payload in zip(members, PAYLOADS, strict=True):
            member.remarks = payload
            member.employer = payload + "公司"
        return {m.uuid: payload for m, payload in zip(members, PAYLOADS, strict=True)}


def test_formula_payloads_are_written_as_quoted_text(store: Store, tmp_path: Path,
                                                     payload_members: dict[str, str]) -> None:
    path = tmp_path / "members.xlsx"
    export_registry(store, _actor(CLERK), "members", path)
    with zipfile.ZipFile(path) as book:
        sheet_xml = book.read("xl/worksheets/sheet1.xml").decode()
        styles_xml = book.read("xl/styles.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    quoted_styles = _quote_prefix_style_ids(styles_xml)
    rows = _rows_by_uuid(_sheet(path))
    for uuid in payload_members:
        for label in ("备注", "工作单位"):
            cell = rows[uuid][label]
            assert cell.data_type == "s" and cell.quotePrefix, (label, cell.value)
            style = re.search(rf'<c r="{cell.coordinate}" s="(\d+)" t="inlineStr">', sheet_xml)
            assert style and int(style.group(1)) in quoted_styles
    plain = next(c for u, cells in rows.items() if u not in payload_members for c in [cells["姓名"]])
    assert not plain.quotePrefix


def _quote_prefix_style_ids(styles_xml: str) -> set[int]:
    cell_xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles_xml, re.S)
    assert cell_xfs
    xfs = re.findall(r"<xf\b[^>]*?(?:/>|>.*?</xf>)", cell_xfs.group(1), re.S)
    return {i for i, xf in enumerate(xfs) if 'quotePrefix="1"' in xf}


def test_formula_payloads_read_back_unchanged(store: Store, tmp_path: Path,
                                              payload_members: dict[str, str]) -> None:
    """As our importer reads them (calamine), and as openpyxl does (it keeps Excel's _x000D_ escape)."""
    path = tmp_path / "members.xlsx"
    export_registry(store, _actor(CLERK), "members", path)
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    labels = sheet[0]
    read = {row[-1]: dict(zip(labels, row, strict=True)) for row in sheet[1:]}
    opened = _rows_by_uuid(_sheet(path))
    for uuid, payload in payload_members.items():
        assert read[uuid]["备注"] == payload
        assert read[uuid]["工作单位"] == payload + "公司"
        if "\r" not in payload:
            assert opened[uuid]["备注"].value == payload


def test_control_characters_and_escape_lookalikes_survive(store: Store, tmp_path: Path) -> None:
    fill_demo(store, members=5, seed=3, today=TODAY)
    texts = ["第一行\r\n第二行", "a\x01b", "_x000D_ 字面", "#N/A"]
    with store.transaction(_actor(ADMIN)) as session:
        members = session.scalars(select(Member).order_by(Member.uuid).limit(len(texts))).all()
        for member, text in zip(members, texts, strict=True):
            member.remarks = text
        expected = {m.uuid: t for m, t in zip(members, texts, strict=True)}
    path = tmp_path / "members.xlsx"
    export_registry(store, _actor(CLERK), "members", path)
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    column = sheet[0].index("备注")
    read = {row[-1]: row[column] for row in sheet[1:]}
    assert {uuid: read[uuid] for uuid in expected} == expected


# --- the file appears whole or not at all -------------------------------------------------------------------


class Cancelled(Exception):
    pass


def test_a_cancel_midway_leaves_no_file_and_keeps_an_existing_one(demo: Store, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular_rows, "CHUNK", 100)
    opened_streams = _openpyxl_temp_files()

    def cancel_at_200(_stage: str, done: int, _total: int) -> None:
        if done >= 200:
            raise Cancelled

    path = tmp_path / "members.xlsx"
    with pytest.raises(Cancelled):
        export_registry(demo, _actor(CLERK), "members", path, progress=cancel_at_200)
    assert list(tmp_path.iterdir()) == []
    path.write_bytes(b"an earlier export")
    with pytest.raises(Cancelled):
        export_registry(demo, _actor(CLERK), "members", path, progress=cancel_at_200)
    assert list(tmp_path.iterdir()) == [path]
    assert path.read_bytes() == b"an earlier export"
    assert _openpyxl_temp_files() == opened_streams  # the sheet streams were removed too


def _openpyxl_temp_files() -> list[str]:
    from openpyxl.worksheet import _writer

    return [name for name in _writer.ALL_TEMP_FILES if Path(name).exists()]


def test_a_full_disk_is_a_clear_error_and_keeps_an_existing_file(demo: Store, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_module.Workbook, "save", disk_full)
    path = tmp_path / "members.xlsx"
    path.write_bytes(b"an earlier export")
    with pytest.raises(UnionDeskError, match="磁盘空间不足") as raised:
        export_registry(demo, _actor(CLERK), "members", path)
    assert "members.xlsx" in str(raised.value)
    assert list(tmp_path.iterdir()) == [path] and path.read_bytes() == b"an earlier export"


def test_a_missing_folder_is_a_clear_error(demo: Store, tmp_path: Path) -> None:
    path = tmp_path / "没有这个文件夹" / "members.xlsx"
    with pytest.raises(UnionDeskError, match="无法写入文件.*文件夹.*不存在"):
        export_registry(demo, _actor(CLERK), "members", path)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_export_is_not_audited(demo: Store, tmp_path: Path) -> None:
    with demo.transaction() as session:
        before = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
    with pytest.raises(UnionDeskError):
        export_registry(demo, _actor(CLERK), "members", tmp_path / "missing" / "m.xlsx")
    with demo.transaction() as session:
        assert session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) == before
