"""The station settings (驿站设置): the extra services an office offers and the minimum area per star level,
read by anyone, written by an administrator only, checked, audited, and applied by the star assessment."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from db.auth import Actor
from db.errors import PermissionDenied, ValidationError
from db.models import AuditEntry, StationRating
from db.reference import values
from db.stations import cases, inspections
from db.stations import settings as station_settings
from db.store import Store

STATION = {"code": "NX-006-009", "name": "东四环卫驿站", "built_on": "2020-01-10", "area_sqm": 24}


def refused(field: str, call: object, *args: object, **kwargs: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    assert caught.value.field == field, caught.value.message
    return caught.value


def test_defaults_are_the_reference_additions_and_twelve_to_thirty_square_metres(store: Store) -> None:
    saved = station_settings.read(store)
    assert saved.services_extra == tuple(values("station_services_extra")) == ("阅读", "维修", "爱心互助")
    assert saved.min_area == (12, 15, 20, 25, 30)
    assert saved.min_area_for(1) == 12 and saved.min_area_for(5) == 30
    assert cases.service_choices(store) == [*values("station_services"), "阅读", "维修", "爱心互助"]


def test_an_admin_saves_services_and_areas_and_the_audit_trail_says_so(store: Store, admin: Actor) -> None:
    saved = station_settings.save(store, admin, services_extra=[" 阅读 ", "理发", "", "法律咨询"],
                                  min_area={1: 10, 2: 14, 3: 18, 4: 24, 5: 36})
    assert saved.services_extra == ("阅读", "理发", "法律咨询")
    assert saved.min_area == (10, 14, 18, 24, 36)
    assert station_settings.read(store) == saved
    assert cases.service_choices(store)[-3:] == ["阅读", "理发", "法律咨询"]
    assert cases.service_choices(store)[:8] == values("station_services")
    with store.transaction() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "station_settings")).all()
        assert [(e.actor, e.table_name, e.row_uuid) for e in entries] == [
            ("admin", "settings", station_settings.SERVICES_KEY), ("admin", "settings", station_settings.MIN_AREA_KEY)]
        assert json.loads(entries[1].changes)["value"] == [[12, 15, 20, 25, 30], [10, 14, 18, 24, 36]]
    # saving one part leaves the other, and an unchanged value writes no audit entry
    station_settings.save(store, admin, services_extra=["理发"])
    assert station_settings.read(store) == station_settings.StationSettings(("理发",), (10, 14, 18, 24, 36))
    station_settings.save(store, admin, services_extra=["理发"])
    with store.transaction() as session:
        assert len(session.scalars(select(AuditEntry).where(AuditEntry.action == "station_settings")).all()) == 3
    assert station_settings.save(store, admin, services_extra=[]).services_extra == ()
    assert cases.service_choices(store) == values("station_services")


@pytest.mark.parametrize("who", ["clerk", "approver"])
def test_only_an_admin_may_change_the_settings(store: Store, who: str, request: pytest.FixtureRequest) -> None:
    actor: Actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied, match="修改系统设置"):
        station_settings.save(store, actor, services_extra=["理发"])
    assert station_settings.read(store) == station_settings.defaults()


@pytest.mark.parametrize(("names", "says"), [
    (["长" * 31], "最多30个字"),
    (["理发", "理发"], "重复"),
    (["冷可取暖"], "八可"),
    (["理发、修车"], "顿号"),
])
def test_bad_services_are_refused_naming_the_field(store: Store, admin: Actor, names: list[str], says: str) -> None:
    assert says in refused("服务项目", station_settings.save, store, admin, services_extra=names).reason
    assert station_settings.read(store) == station_settings.defaults()


@pytest.mark.parametrize(("areas", "says"), [
    ([12, 15, 20, 25], "共5个"),
    ([-1, 15, 20, 25, 30], "0到"),
    ([12, 15, "大", 25, 30], "应为数字"),
    ([12, 15, 20, 18, 30], "4星驿站的最小面积（18平方米）不能小于3星驿站的（20平方米）"),
    ({1: 12, 2: 15, 3: 20, 4: 25}, "应为数字"),
])
def test_bad_areas_are_refused_naming_the_field(store: Store, admin: Actor, areas: object, says: str) -> None:
    assert says in refused("面积（平方米）", station_settings.save, store, admin, min_area=areas).reason
    assert station_settings.read(store).min_area == station_settings.DEFAULT_MIN_AREA


def test_equal_areas_on_neighbouring_levels_are_allowed(store: Store, admin: Actor) -> None:
    assert station_settings.save(store, admin, min_area=[0, 0, 20, 20, 30]).min_area == (0, 0, 20, 20, 30)


def test_a_hand_edited_value_falls_back_to_the_default(store: Store) -> None:
    from db.offices import set_setting
    with store.transaction() as session:
        set_setting(session, station_settings.SERVICES_KEY, "not json")
        set_setting(session, station_settings.MIN_AREA_KEY, "[1, 2]")
    assert station_settings.read(store) == station_settings.defaults()


def test_stars_are_refused_when_the_area_falls_short(store: Store, clerk: Actor, admin: Actor) -> None:
    station = cases.create_station(store, clerk, STATION)
    error = refused("星级", inspections.assess_stars, store, clerk, station.uuid, 2023, 5, "设施齐全",
                    assessed_on="2023-12-20")
    assert error.reason == "5星驿站面积应不少于30平方米（本站24平方米）"
    assert inspections.assess_stars(store, clerk, station.uuid, 2023, 3, "达标", assessed_on="2023-12-20").stars == 3
    # the criteria are the office's settings: lowered, the same station reaches 5★
    station_settings.save(store, admin, min_area=[10, 12, 16, 20, 24])
    assert inspections.assess_stars(store, clerk, station.uuid, 2024, 5, "达标", assessed_on="2024-12-20").stars == 5
    assert cases.station_details(store, station.uuid)["station"]["stars"] == 5


def test_a_station_without_an_area_is_asked_for_it_first(store: Store, clerk: Actor, admin: Actor) -> None:
    station = cases.create_station(store, clerk, {**STATION, "area_sqm": None})
    error = refused("星级", inspections.assess_stars, store, clerk, station.uuid, 2023, 1, "x",
                    assessed_on="2023-12-20")
    assert "请先填写驿站面积" in error.reason and "12平方米" in error.reason
    with store.transaction() as session:
        assert session.scalars(select(StationRating)).first() is None
    station_settings.save(store, admin, min_area=[0, 12, 16, 20, 24])  # no minimum for 1★: nothing to check
    assert inspections.assess_stars(store, clerk, station.uuid, 2023, 1, "x", assessed_on="2023-12-20").stars == 1


def test_a_confirmed_mark_down_is_not_checked_against_the_criteria(store: Store, clerk: Actor,
                                                                   admin: Actor) -> None:
    station = cases.create_station(store, clerk, {**STATION, "stars": 3, "area_sqm": 30})
    recorded = inspections.record_inspection(store, clerk, station.uuid, {
        "inspected_on": "2023-03-01", "inspector": "督查组", "has_sign": False})
    assert recorded.proposal is not None and recorded.proposal.stars == 2
    cases.update_station(store, clerk, station.uuid, {"area_sqm": 5})
    assert inspections.confirm_rating(store, clerk, recorded.proposal.uuid).confirmed
