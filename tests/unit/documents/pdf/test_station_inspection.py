"""暖心驿站检查记录 (desktop.documents.pdf.station_inspection): one inspection's record — date, inspector, the
six "六有" checks passed or not, posted against actual hours, medicine expiry, score, findings, follow-up and
the signature lines — or every inspection of a station, one page each; markup printed as typed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from db.auth import ADMIN, CLERK
from db.errors import NotFound
from db.models import StationInspection
from db.stations.fields import INSPECTION_TABLE, SIX_CHECKS
from db.store import Store
from desktop.documents.pdf import engine, forms, station_inspection
from tests.unit.documents.pdf.station_demo import MARKUP, demo, inspections_of, running_station
from tests.unit.documents.pdf.test_engine import (
    actor,
    assert_fonts_embedded,
    assert_renders,
    pdf_pages,
    pdf_text,
    squash,
)

__all__ = ["demo"]


def test_one_inspection_with_its_checks_and_texts(demo: Store, tmp_path: Path) -> None:
    station = running_station(demo)
    one = inspections_of(demo, station.uuid)[-1]
    out = tmp_path / "inspection.pdf"
    assert forms.form("station-inspection").render(demo, actor(CLERK), out, uuids=[one.uuid]) == 1
    layout = pdf_text(out, layout=True)
    marks = [station_inspection.PASSED if getattr(one, f.attr) else station_inspection.FAILED for f in SIX_CHECKS]
    assert re.search(r"\s+".join(f.label for f in SIX_CHECKS), layout)
    assert re.search(r"\s+".join(marks), layout), layout
    text = squash(pdf_text(out))
    for attr in ("inspected_on", "inspector", "posted_hours", "actual_hours", "medicine_expiry", "score", "findings",
                 "follow_up"):
        assert INSPECTION_TABLE.field(attr).label in text
    assert engine.chinese_date(one.inspected_on) in text and squash(one.inspector) in text
    assert one.medicine_expiry is not None and engine.chinese_date(one.medicine_expiry) in text
    assert f"{one.score}分" in text and squash(one.findings or "") in text and squash(one.follow_up or "") in text
    assert station.name in text and station.code in text
    assert "检查人签字" in text and "驿站负责人签字" in text
    assert_fonts_embedded(out)
    assert_renders(out, tmp_path)


def test_a_station_uuid_prints_each_of_its_inspections(demo: Store, tmp_path: Path) -> None:
    station = running_station(demo)
    with demo.transaction(actor(ADMIN)) as session:  # one more, so that there are at least two
        session.add(StationInspection(station_uuid=station.uuid, office_code=station.office_code,
                                      inspected_on=dt.date(2030, 4, 9), inspector="区总工会 复查组", score=90))
    every = inspections_of(demo, station.uuid)
    assert len(every) >= 2 and every[-1].inspector == "区总工会 复查组"
    out = tmp_path / "all.pdf"
    assert station_inspection.render(demo, actor(CLERK), out, uuids=[station.uuid]) == len(every) == pdf_pages(out)
    for page, one in enumerate(every, 1):
        assert engine.chinese_date(one.inspected_on) in squash(pdf_text(out, page))


def test_hours_that_differ_are_marked_and_markup_prints_as_typed(demo: Store, tmp_path: Path) -> None:
    station = running_station(demo)
    with demo.transaction(actor(ADMIN)) as session:
        one = inspections_of(demo, station.uuid)[0]
        row = session.get(StationInspection, one.uuid)
        assert row is not None
        row.posted_hours, row.actual_hours = "8:00-20:00", "9:00-17:00"
        row.findings, row.follow_up, row.inspector = MARKUP
    out = tmp_path / "markup.pdf"
    station_inspection.render(demo, actor(CLERK), out, uuids=[one.uuid])
    text = squash(pdf_text(out))
    assert all(squash(typed) in text for typed in MARKUP)
    assert "9:00-17:00（与公示不符）" in text


def test_nothing_to_print_is_refused_before_writing(demo: Store, tmp_path: Path) -> None:
    out = tmp_path / "none.pdf"
    with pytest.raises(NotFound):
        station_inspection.render(demo, actor(CLERK), out, uuids=["missing"])
    with pytest.raises(NotFound, match="请指定"):
        station_inspection.render(demo, actor(CLERK), out)
    assert not out.exists()
