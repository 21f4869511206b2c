"""暖心驿站名册 (desktop.documents.pdf.station_roster): what the 暖心驿站 tab lists for a search, under the
declared labels, phones masked unless an allowed role asks, a totals line by status and stars."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from db.auth import ADMIN, CLERK
from db.errors import NotFound, PermissionDenied
from db.listing import ListFilter, read_count
from db.models import Station
from db.stations.fields import STATIONS
from db.store import Store
from db.validation import mask_phone
from desktop.documents.pdf import forms, station_roster
from tests.unit.documents.pdf.station_demo import MARKUP, demo
from tests.unit.documents.pdf.test_engine import actor, assert_fonts_embedded, assert_renders, pdf_text, squash

__all__ = ["demo"]


def _stations(store: Store) -> list[Station]:
    with store.transaction() as session:
        return list(session.scalars(select(Station).where(Station.deleted.is_(False)).order_by(Station.code)))


def test_every_station_in_code_order_masked_with_totals(demo: Store, tmp_path: Path) -> None:
    out = tmp_path / "roster.pdf"
    assert forms.form("station-roster").render(demo, actor(CLERK), out) == 1
    layout = pdf_text(out, layout=True)
    assert re.search(r"\s+".join(["序号", *(STATIONS.field(c.attr).label for c in STATIONS.list_columns)]), layout)
    stations = _stations(demo)
    assert len(stations) == read_count(demo, STATIONS, ListFilter())
    codes = re.findall(r"^\s*\d+\s+(NX-\S+)", layout, re.MULTILINE)
    assert codes == [s.code for s in stations]
    text = squash(pdf_text(out))
    for station in stations:
        assert station.name in text and mask_phone(station.phone or "") in text and (station.phone or "x") not in text
    statuses = Counter(s.status for s in stations)
    assert f"共{len(stations)}个驿站" in text and f"运行{statuses['running']}个" in text
    assert "范围：全部驿站" in text
    assert_fonts_embedded(out)
    assert_renders(out, tmp_path)


def test_a_search_prints_what_the_tab_lists(demo: Store, tmp_path: Path) -> None:
    first = _stations(demo)[0]
    out = tmp_path / "search.pdf"
    flt = ListFilter(text=first.code)
    station_roster.render(demo, actor(CLERK), out, list_filter=flt)
    text = squash(pdf_text(out))
    assert first.name in text and "共1个驿站" in text and f"搜索“{first.code}”" in text
    with pytest.raises(NotFound):
        station_roster.render(demo, actor(CLERK), tmp_path / "none.pdf", list_filter=ListFilter(text="没有这样的驿站"))


def test_full_phones_for_an_admin_who_asks(demo: Store, tmp_path: Path) -> None:
    out = tmp_path / "full.pdf"
    station_roster.render(demo, actor(ADMIN), out, full_ids=True)
    text = squash(pdf_text(out))
    assert all((s.phone or "") in text for s in _stations(demo))
    with pytest.raises(PermissionDenied):
        station_roster.render(demo, actor(CLERK), tmp_path / "no.pdf", full_ids=True)


def test_markup_in_names_prints_as_typed(demo: Store, tmp_path: Path) -> None:
    stations = _stations(demo)[:len(MARKUP)]
    with demo.transaction(actor(ADMIN)) as session:
        for station, typed in zip(stations, MARKUP, strict=True):
            row = session.get(Station, station.uuid)
            assert row is not None
            row.name, row.manager = typed, typed[:8]
    out = tmp_path / "markup.pdf"
    station_roster.render(demo, actor(CLERK), out)
    text = squash(pdf_text(out))
    assert all(squash(typed) in text for typed in MARKUP)
