"""Demo warm stations (暖心驿站): the stations, their services, status history, a year of monthly logs,
inspections with their follow-ups, and last year's star assessments."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from db import reference
from db.demo import pools
from db.demo.context import DemoContext, Draw, OfficeInfo
from db.ids import uuid_batch
from db.models import (
    RegistryRow,
    Station,
    StationEvent,
    StationInspection,
    StationLog,
    StationRating,
    StationService,
)
from db.models.stations import search_columns
from db.stations.rules import month_log_uuid

SIX_CHECKS = ("has_sign", "has_fixed_place", "has_facilities", "has_rules", "has_staff", "on_map")
HOURS = Draw(pools.OPENING_HOURS)
STATION_STATUS = Draw(pools.STATION_STATUSES)
HOSTS = Draw([((kind, template), weight) for kind, template, weight in pools.STATION_HOSTS])
STARS = Draw(((1, 5), (2, 15), (3, 35), (4, 30), (5, 15)))
# share of a station's visitors per group, in the order of StationLog's visits_* columns
VISIT_GROUPS = (("visits_courier", 0.25), ("visits_rider", 0.35), ("visits_sanitation", 0.15),
                ("visits_driver", 0.10), ("visits_other", 0.15))
_STATIONS_FIRST = dt.date(2019, 3, 1).toordinal()


def fill_stations(ctx: DemoContext, count: int) -> None:
    """Stations spread over the offices, each with services, a year of monthly logs and inspections."""
    out: dict[type[RegistryRow], list[dict[str, Any]]] = {
        Station: [], StationService: [], StationEvent: [], StationLog: [], StationInspection: [],
        StationRating: []}
    counters: dict[str, int] = {}
    ctx.report("生成暖心驿站", 0, count)
    for i, (uuid, (place, name)) in enumerate(zip(uuid_batch(count), _station_names(ctx.rng, count),
                                                  strict=True)):
        office = ctx.offices[i % len(ctx.offices)]
        counters[office.code] = counters.get(office.code, 0) + 1
        station = _station(ctx, office, f"NX-{office.code}-{counters[office.code]:03d}", place, name)
        station["uuid"] = uuid
        services = _station_services(ctx, station)
        out[Station].append(station)
        out[StationService] += services
        out[StationLog] += _station_logs(ctx, station, [s["name"] for s in services])
        inspections = _station_inspections(ctx, station)
        out[StationInspection] += inspections
        # drawn from the station's own generator, so that the draws above (and every later table) stay as they were
        extra = random.Random(f"station-history:{station['code']}")
        out[StationEvent] += _station_events(ctx, station, extra)
        out[StationRating] += _station_ratings(ctx, station)
        _follow_up_dates(ctx, inspections, extra)
    ctx.report("生成暖心驿站", count, count)
    for model, rows in out.items():
        ctx.insert(model, rows)


def _station_names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(place, name) pairs, all names distinct: numbered once every place and suffix is used."""
    combos = [(place, place + suffix) for place in pools.LANDMARKS for suffix in pools.STATION_SUFFIXES]
    rng.shuffle(combos)
    return [(combos[i % len(combos)][0],
             combos[i % len(combos)][1] + (f"{i // len(combos) + 1}号站" if i >= len(combos) else ""))
            for i in range(count)]


def _station(ctx: DemoContext, office: OfficeInfo, code: str, place: str, name: str) -> dict[str, Any]:
    rng, rnd = ctx.rng, ctx.rng.random
    status = STATION_STATUS.one(rng)
    built = None if status == "planning" else ctx.day_between(_STATIONS_FIRST, ctx.today.toordinal() - 60)
    stars = None if built is None else STARS.one(rng)
    host_type, template = HOSTS.one(rng)
    checks = {c: built is not None and (stars is not None and stars >= 4 or rnd() < 0.85) for c in SIX_CHECKS}
    phone = ctx.phone() if rnd() < 0.6 else f"010-6{int(rnd() * 10_000_000):07d}"
    return search_columns({
        "office_code": office.code, "code": code, "name": name,
        "address": f"北京市东城区{rng.choice(pools.STREETS)}{rng.randint(1, 199)}号",
        "host_type": host_type, "host_name": template.format(place=place, office=office.name),
        "manager": ctx.person_name(rnd() < 0.5), "phone": phone, "opening_hours": HOURS.one(rng),
        "area_sqm": round(15 + rnd() * 105, 1), "status": status,
        "built_on": None if built is None else dt.date.fromordinal(built), "stars": stars,
        "latitude": round(39.90 + rnd() * 0.05, 6), "longitude": round(116.39 + rnd() * 0.05, 6), **checks,
    })


def _station_services(ctx: DemoContext, station: dict[str, Any]) -> list[dict[str, Any]]:
    """The eight "八可" everywhere; some stations add reading, repairs or mutual aid."""
    extra = [name for name in reference.values("station_services_extra") if ctx.rng.random() < 0.3]
    return [{"office_code": station["office_code"], "station_uuid": station["uuid"], "name": name}
            for name in (*reference.values("station_services"), *extra)]


def _last_months(today: dt.date, count: int) -> list[dt.date]:
    """The first days of the ``count`` complete months before ``today``'s month, oldest first."""
    index = today.year * 12 + today.month - 1
    return [dt.date((index - back) // 12, (index - back) % 12 + 1, 1) for back in range(count, 0, -1)]


def _station_logs(ctx: DemoContext, station: dict[str, Any], services: list[str]) -> list[dict[str, Any]]:
    if station["status"] not in ("running", "paused"):
        return []
    months = _last_months(ctx.today, 12)
    if station["status"] == "paused":
        months = months[:-3]  # paused a quarter ago
    rng, rnd = ctx.rng, ctx.rng.random
    rows = []
    for month in months:
        if month < station["built_on"].replace(day=1):
            continue
        busy = station["area_sqm"] * (3 + rnd() * 6) * (1.3 if month.month in (1, 2, 7, 8, 12) else 1.0)
        visits = {column: int(busy * share * (0.7 + 0.6 * rnd())) for column, share in VISIT_GROUPS}
        rows.append({"uuid": month_log_uuid(station["uuid"], month), "office_code": station["office_code"],
                     "station_uuid": station["uuid"], "period": "month", "on_date": month,
                     "visits_total": sum(visits.values()), **visits,
                     "services_used": "、".join(rng.sample(services, rng.randint(3, 5))),
                     "supplies_received": "，".join(rng.sample(pools.SUPPLIES, 2)),
                     "supplies_used": "，".join(rng.sample(pools.SUPPLIES, 2))})
    return rows


def _station_inspections(ctx: DemoContext, station: dict[str, Any]) -> list[dict[str, Any]]:
    """Two inspections a year (spring and autumn) since the station was built."""
    if station["built_on"] is None:
        return []
    rows = []
    for year in range(station["built_on"].year, ctx.today.year + 1):
        for month in (4, 10):
            day = dt.date(year, month, ctx.rng.randint(1, 28))
            if station["built_on"] <= day <= ctx.today:
                rows.append(_inspection(ctx, station, day))
    return rows


def _inspection(ctx: DemoContext, station: dict[str, Any], day: dt.date) -> dict[str, Any]:
    rng, rnd = ctx.rng, ctx.rng.random
    checks = {c: station[c] and rnd() > 0.08 for c in SIX_CHECKS}
    failed = sum(not passed for passed in checks.values())
    expiry = day + dt.timedelta(days=rng.randint(20, 500))
    problems = [pools.STATION_FINDINGS[0]] if (expiry - day).days < 60 else []
    if failed and rnd() < 0.6:
        problems.append(rng.choice(pools.STATION_FINDINGS[1:]))
    late = any(finding == "开放时间与公示不符" for finding, _ in problems)
    return {"office_code": station["office_code"], "station_uuid": station["uuid"], "inspected_on": day,
            "inspector": f"{rng.choice(pools.INSPECTORS)} {ctx.person_name(rnd() < 0.5)}",
            "posted_hours": station["opening_hours"],
            "actual_hours": "9:00-17:00" if late else station["opening_hours"], "medicine_expiry": expiry,
            "score": max(40, 100 - 8 * failed - 4 * len(problems) - int(rnd() * 8)),
            "findings": "；".join(f for f, _ in problems) or "符合“六有”标准，无问题",
            "follow_up": "；".join(f for _, f in problems) or None, **checks}


def _station_events(ctx: DemoContext, station: dict[str, Any], rng: random.Random) -> list[dict[str, Any]]:
    """Opened on the day it was built; a paused station paused when its logs stop, a closed one closed."""
    if station["built_on"] is None:
        return []
    base = {"office_code": station["office_code"], "station_uuid": station["uuid"]}
    rows = [{**base, "kind": "open", "on_date": station["built_on"], "from_status": "planning",
             "to_status": "running", "reason": None}]
    if station["status"] == "paused":
        paused_on = max(_last_months(ctx.today, 3)[0], station["built_on"])
        rows.append({**base, "kind": "pause", "on_date": paused_on, "from_status": "running",
                     "to_status": "paused", "reason": rng.choice(("场地装修", "依托单位搬迁", "人员调整"))})
    elif station["status"] == "closed":
        closed_on = dt.date.fromordinal(min(station["built_on"].toordinal() + rng.randint(90, 900),
                                            ctx.today.toordinal() - 1))
        rows.append({**base, "kind": "close", "on_date": max(closed_on, station["built_on"]),
                     "from_status": "running", "to_status": "closed",
                     "reason": rng.choice(("场地收回", "依托单位停业", "整改不到位"))})
    return rows


def _station_ratings(ctx: DemoContext, station: dict[str, Any]) -> list[dict[str, Any]]:
    """Last year's assessment (评星, 20 December) of each rated station built before it, confirmed."""
    year = ctx.today.year - 1
    assessed = dt.date(year, 12, 20)
    if station["stars"] is None or station["built_on"] is None or station["built_on"] >= assessed:
        return []
    return [{"office_code": station["office_code"], "station_uuid": station["uuid"], "year": year,
             "stars": station["stars"], "reason": f"{year}年度评星：“六有”达标，服务记录完整",
             "assessed_on": assessed, "proposed_by_inspection_uuid": None, "confirmed": True}]


def _follow_up_dates(ctx: DemoContext, inspections: list[dict[str, Any]], rng: random.Random) -> None:
    """A follow-up is due a month after the inspection; done within six weeks unless that is still ahead."""
    for row in inspections:
        due = done = None
        if row["follow_up"]:
            due = row["inspected_on"] + dt.timedelta(days=30)
            day = row["inspected_on"] + dt.timedelta(days=rng.randint(5, 45))
            done = day if day <= ctx.today else None
        row["follow_up_due_on"], row["follow_up_done_on"] = due, done
