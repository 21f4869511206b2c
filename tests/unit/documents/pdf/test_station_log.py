"""暖心驿站服务台账 (desktop.documents.pdf.station_log): a station's month — its log lines' visits by group and
their totals, the services used, the supplies received and used, the signature lines — a blank sheet for a
month without lines, the month refused when malformed, and markup printed as typed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from db.auth import ADMIN, CLERK
from db.errors import NotFound, ValidationError
from db.models import StationLog
from db.stations.fields import LOG_TABLE
from db.stations.reads import next_month, parse_month
from db.store import Store
from desktop.documents.pdf import forms, station_log
from tests.unit.documents.pdf.station_demo import MARKUP, demo, logs_of, running_station
from tests.unit.documents.pdf.test_engine import actor, assert_fonts_embedded, assert_renders, pdf_text, squash

__all__ = ["demo"]
VISITS = ("visits_total", "visits_courier", "visits_rider", "visits_sanitation", "visits_driver", "visits_other")


def test_the_month_line_its_totals_and_texts(demo: Store, tmp_path: Path) -> None:
    station = running_station(demo)
    log = logs_of(demo, station.uuid)[-1]
    out = tmp_path / "log.pdf"
    month = log.on_date.strftime("%Y-%m")
    assert forms.form("station-log").render(demo, actor(CLERK), out, uuids=[station.uuid], month=month) == 1
    layout = pdf_text(out, layout=True)
    numbers = r"\s+".join(str(getattr(log, attr)) for attr in VISITS)
    assert re.search(rf"全月\s+月\s+{numbers}", layout), layout
    assert re.search(rf"合计\s+{numbers}", layout)
    assert re.search(r"\s+".join(LOG_TABLE.field(attr).label for attr in VISITS), layout)
    text = squash(pdf_text(out))
    for value in (log.services_used, log.supplies_received, log.supplies_used, station.name, station.code):
        assert squash(value or "") in text, value
    assert f"{log.on_date.year}年{log.on_date.month}月" in text
    assert "填表人" in text and "负责人" in text and "日期" in text
    assert_fonts_embedded(out)
    assert_renders(out, tmp_path)


def test_day_lines_are_listed_by_day_and_summed(demo: Store, tmp_path: Path) -> None:
    station = running_station(demo)
    month = dt.date(2030, 5, 1)  # a month the demo has no lines for
    days = [(3, 10, 4), (17, 6, 1)]  # day, total, couriers
    with demo.transaction(actor(ADMIN)) as session:
        for day, total, couriers in days:
            session.add(StationLog(station_uuid=station.uuid, office_code=station.office_code, period="day",
                                   on_date=month.replace(day=day), visits_total=total, visits_courier=couriers,
                                   supplies_used=f"第{day}日用品"))
    out = tmp_path / "days.pdf"
    station_log.render(demo, actor(CLERK), out, uuids=[station.uuid], month="2030-05")
    layout = pdf_text(out, layout=True)
    assert re.search(r"5月3日\s+日\s+10\s+4\s+0", layout) and re.search(r"5月17日\s+日\s+6\s+1\s+0", layout)
    assert re.search(r"合计\s+16\s+5\s+0\s+0\s+0\s+0", layout)
    text = squash(pdf_text(out))
    assert "5月3日：第3日用品" in text and "5月17日：第17日用品" in text


def test_a_month_without_lines_prints_a_blank_sheet(demo: Store, tmp_path: Path) -> None:
    station = running_station(demo)
    out = tmp_path / "blank.pdf"
    assert station_log.render(demo, actor(CLERK), out, uuids=[station.uuid], month="1999-01") == 1
    text = squash(pdf_text(out))
    assert "1999年1月" in text and "合计" in text and station.name in text


def test_month_station_and_malformed_months_are_refused(demo: Store, tmp_path: Path) -> None:
    station = running_station(demo)
    out = tmp_path / "log.pdf"
    for month in ("2025-13", "2025/03", "三月", ""):
        with pytest.raises(ValidationError, match="月份"):
            station_log.render(demo, actor(CLERK), out, uuids=[station.uuid], month=month)
    with pytest.raises(NotFound):
        station_log.render(demo, actor(CLERK), out, uuids=["missing"], month="2025-03")
    with pytest.raises(NotFound):
        station_log.render(demo, actor(CLERK), out, month="2025-03")
    assert not out.exists()
    assert parse_month(" 2025-3 ") == dt.date(2025, 3, 1) and next_month(dt.date(2025, 12, 1)) == dt.date(2026, 1, 1)


def test_markup_in_the_log_prints_as_typed(demo: Store, tmp_path: Path) -> None:
    station = running_station(demo)
    with demo.transaction(actor(ADMIN)) as session:
        session.add(StationLog(station_uuid=station.uuid, office_code=station.office_code, period="month",
                               on_date=dt.date(2031, 1, 1), services_used=MARKUP[0], supplies_received=MARKUP[1],
                               supplies_used=MARKUP[2]))
    out = tmp_path / "markup.pdf"
    station_log.render(demo, actor(CLERK), out, uuids=[station.uuid], month="2031-01")
    text = squash(pdf_text(out))
    assert all(squash(typed) in text for typed in MARKUP)
