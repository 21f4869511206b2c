"""Text that arrived from elsewhere (a signed batch of another office, written as it came) in every column a
spreadsheet or a printout shows: no exported cell becomes a formula, whatever its column's kind — a status,
a star rating, a rank or a pass mark as much as a name — and no name breaks or styles a printed page.

The values are written straight into the tables (as a batch's merge writes rows, no form's checks between),
every registry is exported masked and in full and read back with openpyxl; the template's value lists are
made hostile too; the member forms are printed and read back with poppler.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Date, select

from db import offices, reference
from db.auth import ADMIN, CLERK, Actor
from db.demo import fill_demo
from db.models import Member, StationEvent, StationInspection, StationLog, StationRating, StationService
from db.registry import registries
from db.store import Store
from desktop.documents.excel import template
from desktop.documents.excel.export import export_registry
from desktop.documents.pdf.forms import FORMS

OFFICE = "110101006"
TODAY = dt.date(2025, 11, 20)
PAYLOADS = ["=cmd|'/Ccalc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", '=HYPERLINK("http://x","点我")', "#N/A"]
# A kind whose stored value is a date or a time cannot hold text at all (the database's type refuses to read it).
_UNPOISONED_KINDS = frozenset({"date", "datetime"})
_UNPOISONED_COLUMNS = frozenset({"uuid", "office_code", "rev", "deleted", "sync_seq", "updated_at", "updated_by"})
ROWS_PER_TABLE = 4


def _actor(role: str) -> Actor:
    return Actor(role, role, frozenset({role}), OFFICE)


def _poison(store: Store, table: str, columns: list[str]) -> None:
    """Write payloads into ``columns`` of the first rows of ``table`` with plain SQL: no type on the way in."""
    with store.transaction(_actor(ADMIN)) as session:
        conn = session.connection()
        uuids = [row[0] for row in conn.exec_driver_sql(
            f'SELECT uuid FROM "{table}" WHERE deleted = 0 ORDER BY uuid LIMIT {ROWS_PER_TABLE}')]
        assert uuids, f"{table} has no rows to poison"
        for row, uuid in enumerate(uuids):
            for index, column in enumerate(columns):
                payload = PAYLOADS[(row + index) % len(PAYLOADS)]
                conn.exec_driver_sql(f'UPDATE "{table}" SET "{column}" = ? WHERE uuid = ?', (payload, uuid))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A demo office whose every text-ish column holds formula payloads in some rows."""
    store = Store.open(tmp_path_factory.mktemp("hostile") / "demo.sqlite", create=True)
    offices.initialize(store, OFFICE, "东四街道工会")
    fill_demo(store, members=150, seed=5, today=TODAY)
    for registry in registries().values():
        table = registry.model.__table__  # type: ignore[attr-defined]
        columns = [f.attr for f in registry.fields if f.attr in table.columns and f.kind not in _UNPOISONED_KINDS
                   and f.attr not in _UNPOISONED_COLUMNS]
        _poison(store, table.name, columns)
    _poison(store, StationService.__tablename__, ["name"])
    for model in (StationLog, StationInspection, StationRating, StationEvent):  # the further sheets of stations
        columns = [c.key for c in model.__table__.columns if c.key not in _UNPOISONED_COLUMNS
                   and c.key not in ("station_uuid", "proposed_by_inspection_uuid") and not isinstance(c.type, Date)]
        _poison(store, model.__tablename__, columns)
    yield store
    store.close()


def _assert_no_formula(path: Path) -> int:
    """No cell of any sheet is a formula or text a spreadsheet would run; returns the payload cells seen."""
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/"):
                xml = book.read(name).decode()
                assert "<f>" not in xml and "<f " not in xml, name
    seen = 0
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                value = cell.value
                if isinstance(value, str) and (value[:1] in "=+-@\t\r\n" or value == "#N/A"):
                    assert cell.quotePrefix, (ws.title, cell.coordinate, value)
                    seen += 1
    return seen


@pytest.mark.parametrize("full", [False, True], ids=["masked", "full"])
@pytest.mark.parametrize("name", list(registries()))
def test_no_exported_cell_is_a_formula_whatever_its_column(hostile: Store, tmp_path: Path, name: str,
                                                           full: bool) -> None:
    path = tmp_path / f"{name}.xlsx"
    export_registry(hostile, _actor(ADMIN if full else CLERK), name, path, full_values=full)
    assert _assert_no_formula(path) >= ROWS_PER_TABLE
    ws = load_workbook(path).worksheets[0]
    header = [c.value for c in ws[1]]
    text_in = {header[c.column - 1] for row in ws.iter_rows(min_row=2) for c in row
               if isinstance(c.value, str) and c.value in PAYLOADS}
    coded = [f.label for f in registries()[name].fields if f.kind in ("coded", "int") and f.attr != "uuid"
             and f.attr in registries()[name].model.__table__.columns]  # type: ignore[attr-defined]
    assert set(coded) <= text_in  # a status, a rating, a rank as it came: text, shown, not run


def test_the_station_further_sheets_are_guarded_too(hostile: Store, tmp_path: Path) -> None:
    path = tmp_path / "stations.xlsx"
    export_registry(hostile, _actor(CLERK), "stations", path)
    book = load_workbook(path)
    assert book.sheetnames[1:] == ["驿站服务台账", "驿站检查", "驿站评星", "驿站状态变动"]
    for sheet in book.worksheets[1:]:  # logs, inspections, ratings, status history
        assert any(c.value in PAYLOADS and c.quotePrefix for row in sheet.iter_rows(min_row=2) for c in row), \
            sheet.title
    _assert_no_formula(path)


def test_the_template_writes_its_value_lists_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A value list is ours today, but it is text: were it ever to hold "=…", it stays text."""
    real_values, real_labels = reference.values, reference.labels
    hostile_list = [*PAYLOADS, "x" * 300]  # longer than an inline list may be: written on the options sheet

    def values(name: str) -> list[str]:
        return hostile_list if name == "education" else real_values(name)

    def labels(name: str) -> dict[str, str]:
        found = real_labels(name)
        return {code: "=1+1" for code in found} if name == "member_status" else found

    monkeypatch.setattr(reference, "values", values)
    monkeypatch.setattr(reference, "labels", labels)
    path = tmp_path / "template.xlsx"
    template.write_template("members", path)
    options = load_workbook(path)[template.LISTS_SHEET]
    assert [c.value for c in options["A"][1:len(PAYLOADS) + 1]] == PAYLOADS
    assert _assert_no_formula(path) >= len(PAYLOADS)


# --- printouts -----------------------------------------------------------------------------------------

MARKUP = ['<font color="red">王</font>五', "A & B <b>粗</b>", "李<br/>四", "赵&amp;六", "<para>钱七"]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) not installed")
@pytest.mark.parametrize("name", [n for n, f in FORMS.items() if f.needs in ("members", "list")])
def test_markup_in_names_prints_as_typed(hostile: Store, tmp_path: Path, name: str) -> None:
    with hostile.transaction(_actor(ADMIN)) as session:
        people = session.scalars(select(Member).where(Member.deleted.is_(False))
                                 .order_by(Member.member_no).limit(len(MARKUP))).all()
        for person, text in zip(people, MARKUP, strict=True):
            person.name, person.employer, person.remarks = text, text + "公司", text
        uuids = [p.uuid for p in people]
    path = tmp_path / f"{name}.pdf"
    form = FORMS[name]
    if form.needs == "members":
        form.render(hostile, _actor(CLERK), path, uuids=uuids)
    else:
        form.render(hostile, _actor(CLERK), path)
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                                             text=True, check=True).stdout)
    for typed in MARKUP:
        assert re.sub(r"\s+", "", typed) in text, typed
