"""The warm-station settings an office's administrator keeps (驿站设置): the services the office offers beyond
the "八可", and the star criteria — the minimum area (m²) a station needs for each star level.

Local standards differ between districts (DOMAIN.md: ≥ 12 m² for any star, a 5★ station ≥ 30 m²), so they
are values in this database's ``settings`` table, not code. Until an administrator saves them the defaults
hold: the extra services of the reference list (阅读, 维修, 爱心互助) and the areas of :data:`DEFAULT_MIN_AREA`
(12 m² for 1★, 30 m² for 5★ as DOMAIN.md says; 15, 20 and 25 m² in between, evenly spaced — our choice).

Anyone reads them; only an administrator (``settings.manage``) writes them, one audited transaction each.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from db import reference
from db.auth import Actor, require
from db.errors import ValidationError
from db.offices import get_setting, set_setting
from db.store import Store
from db.writes import append_audit

MANAGE = "settings.manage"
SERVICES_KEY = "stations.services_extra"
MIN_AREA_KEY = "stations.star_min_area"
STAR_LEVELS = (1, 2, 3, 4, 5)
DEFAULT_MIN_AREA: tuple[float, ...] = (12.0, 15.0, 20.0, 25.0, 30.0)
MAX_AREA = 100_000.0  # the station form's own limit of 面积
SERVICE_LIMIT = 30  # a service name's length, as the station's services table declares
SERVICES_LABEL = "服务项目"
STARS_LABEL = "星级"
AREA_LABEL = "面积（平方米）"


@dataclass(frozen=True)
class StationSettings:
    """The settings as plain values: ``services_extra`` in the order offered, ``min_area[level - 1]`` in m²."""

    services_extra: tuple[str, ...]
    min_area: tuple[float, ...]

    def min_area_for(self, stars: int) -> float:
        return self.min_area[stars - 1]


def defaults() -> StationSettings:
    return StationSettings(tuple(reference.values("station_services_extra")), DEFAULT_MIN_AREA)


def read_in(session: Session) -> StationSettings:
    """The settings inside a transaction already open (a use case checking a star rating)."""
    base = defaults()
    services = _stored(session, SERVICES_KEY)
    areas = _stored(session, MIN_AREA_KEY)
    # a value that is not what we write (edited by hand) falls back to the default rather than crash a form
    extra = tuple(services) if isinstance(services, list) and all(isinstance(s, str) for s in services) \
        else base.services_extra
    good_areas = isinstance(areas, list) and len(areas) == len(STAR_LEVELS) \
        and all(isinstance(a, int | float) for a in areas)
    return StationSettings(extra, tuple(float(a) for a in areas) if good_areas else base.min_area)


def read(store: Store) -> StationSettings:
    """The settings of this database (the defaults where none were saved)."""
    with store.transaction() as session:
        return read_in(session)


def service_choices(store: Store) -> list[str]:
    """The service names a station's form offers: the "八可" then this office's additions."""
    return [*reference.values("station_services"), *read(store).services_extra]


def save(store: Store, actor: Actor, *, services_extra: Sequence[str] | None = None,
         min_area: Sequence[Any] | Mapping[int, Any] | None = None) -> StationSettings:
    """Save the extra services and/or the minimum areas (administrators only), checked first; returns the
    settings as now stored. ``min_area`` is five values for 1★…5★ (or ``{level: area}``, all five)."""
    require(actor, MANAGE)
    services = None if services_extra is None else clean_services(services_extra)
    areas = None if min_area is None else clean_min_area(min_area)
    with store.transaction(actor, action="station_settings") as session:
        before = read_in(session)
        changes: list[tuple[str, str, str | None, dict[str, Any]]] = []
        if services is not None and services != before.services_extra:
            set_setting(session, SERVICES_KEY, json.dumps(list(services), ensure_ascii=False))
            changes.append(("station_settings", "settings", SERVICES_KEY,
                            {"value": [list(before.services_extra), list(services)]}))
        if areas is not None and areas != before.min_area:
            set_setting(session, MIN_AREA_KEY, json.dumps(list(areas)))
            changes.append(("station_settings", "settings", MIN_AREA_KEY,
                            {"value": [list(before.min_area), list(areas)]}))
        if changes:  # the settings table is not a registry: the audit entry is written here
            append_audit(session.connection(), actor.username, changes)
        return read_in(session)


def clean_services(names: Sequence[str]) -> tuple[str, ...]:
    """The extra services as saved: trimmed, blanks dropped; a name too long, given twice or one of the
    "八可" (already offered to every station) is refused naming 服务项目."""
    eight = set(reference.values("station_services"))
    seen: list[str] = []
    for raw in names:
        name = str(raw).strip()
        if not name:
            continue
        if len(name) > SERVICE_LIMIT:
            raise ValidationError(SERVICES_LABEL, f"“{name[:10]}…”太长（最多{SERVICE_LIMIT}个字）")
        if any(mark in name for mark in "、,，;；/\n"):
            raise ValidationError(SERVICES_LABEL, f"“{name}”不能含有顿号、逗号、分号或斜杠（它们用来分隔服务项目）")
        if name in eight:
            raise ValidationError(SERVICES_LABEL, f"“{name}”是“八可”之一，已默认提供，不必再添加")
        if name in seen:
            raise ValidationError(SERVICES_LABEL, f"“{name}”重复了")
        seen.append(name)
    return tuple(seen)


def clean_min_area(areas: Sequence[Any] | Mapping[int, Any]) -> tuple[float, ...]:
    """Five minimum areas for 1★…5★: numbers from 0, each no smaller than the level below it."""
    values: list[Any] = [areas.get(level) for level in STAR_LEVELS] if isinstance(areas, Mapping) else list(areas)
    if len(values) != len(STAR_LEVELS):
        raise ValidationError(AREA_LABEL, f"应为1星到5星各一个最小面积，共{len(STAR_LEVELS)}个")
    cleaned: list[float] = []
    for level, raw in zip(STAR_LEVELS, values, strict=True):
        try:
            area = float(raw)
        except (TypeError, ValueError):
            raise ValidationError(AREA_LABEL, f"{level}星驿站的最小面积应为数字：{raw}") from None
        if not 0 <= area <= MAX_AREA:
            raise ValidationError(AREA_LABEL, f"{level}星驿站的最小面积应在0到{MAX_AREA:g}平方米之间：{area:g}")
        if cleaned and area < cleaned[-1]:
            raise ValidationError(AREA_LABEL, f"{level}星驿站的最小面积（{area:g}平方米）不能小于"
                                              f"{level - 1}星驿站的（{cleaned[-1]:g}平方米）")
        cleaned.append(area)
    return tuple(cleaned)


def check_area(settings: StationSettings, stars: int, area_sqm: float | None) -> None:
    """Refuse ``stars`` for a station whose 面积 does not reach the level's minimum (naming 星级); a station
    without a recorded area is refused too, asking for it first: the criteria cannot be checked without it."""
    need = settings.min_area_for(stars)
    if area_sqm is None:
        if need > 0:
            raise ValidationError(STARS_LABEL, f"请先填写驿站面积：{stars}星驿站面积应不少于{need:g}平方米")
        return
    if area_sqm < need:
        raise ValidationError(STARS_LABEL, f"{stars}星驿站面积应不少于{need:g}平方米（本站{area_sqm:g}平方米）")


def _stored(session: Session, key: str) -> Any:
    raw = get_setting(session, key)
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None
