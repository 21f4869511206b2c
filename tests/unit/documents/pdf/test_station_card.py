"""暖心驿站信息卡 (desktop.documents.pdf.station_card): the station's facts under the declared labels, its
services, the phone masked for a clerk and whole for an admin who asks, a QR code of the station code, markup
printed as typed, and the audit entry of the printing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from db.auth import ADMIN, CLERK
from db.errors import NotFound, PermissionDenied
from db.models import AuditEntry, Station, StationService
from db.stations import reads
from db.stations.fields import SIX_CHECKS, STATIONS
from db.store import Store
from db.validation import mask_phone
from desktop.documents.pdf import engine, forms, station_card
from tests.unit.documents.pdf.station_demo import MARKUP, demo, running_station
from tests.unit.documents.pdf.test_engine import (
    actor,
    assert_fonts_embedded,
    assert_renders,
    pdf_pages,
    pdf_text,
    squash,
)

__all__ = ["demo"]  # the module fixture


def test_card_prints_the_station_its_services_and_a_masked_phone(demo: Store, tmp_path: Path) -> None:
    station = running_station(demo)
    out = tmp_path / "card.pdf"
    assert forms.form("station-card").render(demo, actor(CLERK), out, uuids=[station.uuid]) == 1
    text = squash(pdf_text(out))
    for attr in ("code", "name", "address", "opening_hours", "manager", "phone", "host_name"):
        assert STATIONS.field(attr).label in text
    for value in (station.code, station.name, station.address, station.opening_hours, station.manager,
                  station.host_name):
        assert squash(value or "") in text, value
    assert mask_phone(station.phone or "") in text and (station.phone or "") not in text
    for service in reads.station_card(demo, station.uuid).services:
        assert service in text
    assert all(check.label in text for check in SIX_CHECKS)
    assert "填表人" in text and "负责人" in text
    assert_fonts_embedded(out)
    assert_renders(out, tmp_path)


def test_full_phone_for_an_admin_who_asks_and_never_for_a_clerk(demo: Store, tmp_path: Path) -> None:
    station = running_station(demo)
    out = tmp_path / "card.pdf"
    station_card.render(demo, actor(ADMIN), out, uuids=[station.uuid], full_ids=True)
    assert (station.phone or "x") in squash(pdf_text(out))
    station_card.render(demo, actor(ADMIN), out, uuids=[station.uuid])
    assert (station.phone or "x") not in squash(pdf_text(out))  # asked for, not by default
    refused = tmp_path / "refused.pdf"
    with pytest.raises(PermissionDenied):
        station_card.render(demo, actor(CLERK), refused, uuids=[station.uuid], full_ids=True)
    assert not refused.exists()


def test_the_qr_code_holds_the_station_code(demo: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    station = running_station(demo)
    encoded: list[str] = []
    original = engine.qr_flowable

    def spy(value: str, size: float = 25) -> object:
        encoded.append(value)
        return original(value, size)

    monkeypatch.setattr(engine, "qr_flowable", spy)
    station_card.render(demo, actor(CLERK), tmp_path / "card.pdf", uuids=[station.uuid])
    assert encoded == [station.code]


def test_one_page_per_station_in_the_order_asked(demo: Store, tmp_path: Path) -> None:
    with demo.transaction() as session:
        stations = list(session.execute(select(Station.uuid, Station.code).order_by(Station.code).limit(3)))
    out = tmp_path / "cards.pdf"
    chosen = stations[::-1]
    assert station_card.render(demo, actor(CLERK), out, uuids=[uuid for uuid, _ in chosen]) == 3 == pdf_pages(out)
    for page, (_, code) in enumerate(chosen, 1):
        assert code in pdf_text(out, page)


def test_a_missing_station_or_none_is_refused_before_writing(demo: Store, tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    with pytest.raises(NotFound, match="找不到暖心驿站"):
        station_card.render(demo, actor(CLERK), out, uuids=["no-such-station"])
    with pytest.raises(NotFound, match="请指定"):
        station_card.render(demo, actor(CLERK), out)
    assert not out.exists()


def test_markup_in_a_station_prints_as_typed(demo: Store, tmp_path: Path) -> None:
    station = running_station(demo)
    with demo.transaction(actor(ADMIN)) as session:
        row = session.get(Station, station.uuid)
        assert row is not None
        old = row.name, row.address, row.manager
        row.name, row.address, row.manager = MARKUP
        session.add(StationService(station_uuid=station.uuid, name="<u>修&补</u>", office_code=row.office_code))
    try:
        out = tmp_path / "card.pdf"
        station_card.render(demo, actor(CLERK), out, uuids=[station.uuid])
        text = squash(pdf_text(out))
        for typed in [*MARKUP, "<u>修&补</u>"]:
            assert squash(typed) in text, typed
    finally:
        with demo.transaction(actor(ADMIN)) as session:
            row = session.get(Station, station.uuid)
            assert row is not None
            row.name, row.address, row.manager = old
            added = session.scalars(select(StationService).where(
                StationService.station_uuid == station.uuid, StationService.name == "<u>修&补</u>")).one()
            added.deleted = True  # a registry row is marked deleted, never removed


def test_printing_a_card_is_audited(demo: Store, tmp_path: Path) -> None:
    station = running_station(demo)
    forms.form("station-card").render(demo, actor(ADMIN), tmp_path / "card.pdf", uuids=[station.uuid],
                                      full_ids=True)
    with demo.transaction() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == forms.PRINT_ACTION)
                                .order_by(AuditEntry.id.desc()).limit(1)).one()
    assert entry.actor == ADMIN and entry.table_name == "stations"
    assert json.loads(entry.changes) == {"form": "station-card", "pages": 1, "full_ids": True,
                                         "records": [station.uuid]}


def test_every_station_form_is_declared_and_catalogued() -> None:
    assert set(STATIONS.forms) == {"station-card", "station-log", "station-inspection", "station-roster"}
    assert all(name in forms.FORMS and forms.FORMS[name].needs in forms.STATION_NEEDS for name in STATIONS.forms)
