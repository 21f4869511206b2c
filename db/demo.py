"""Realistic demo data in every registry (``uniondesk demo``), fast enough for a district of 100k members.

Everything is drawn from one ``random.Random(seed)``, so a seed always gives the same people, stations,
contests and files (only uuids and timestamps differ). The whole fill is one connection transaction: a
failure at any stage leaves no demo row behind.

Speed matters (100k members and all their related rows in a few seconds), hence the shape of the code:
columns are drawn whole with ``random.choices(..., k=n)`` over precomputed cumulative weights, dates are
day ordinals until the row is built, pinyin is computed once per distinct name, and rows go in through
:func:`db.bulk.bulk_insert` with one shared ``sync_seq``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, NamedTuple

from sqlalchemy import Connection, insert, literal, select
from sqlalchemy.orm import Session

from db import demo_pools as pools
from db import reference
from db.auth import APPROVER, CLERK, Actor, hash_password, system_actor
from db.bulk import bulk_insert
from db.errors import ValidationError
from db.ids import uuid_batch
from db.models import (
    REGISTRY_MODELS,
    AidCase,
    AidCaseStep,
    AidHouseholdMember,
    AidPayment,
    Contest,
    ContestEntry,
    FestivalVisit,
    Honour,
    JudgeScore,
    Member,
    MemberEvent,
    Office,
    RegistryRow,
    Station,
    StationInspection,
    StationLog,
    StationService,
    User,
)
from db.offices import this_office
from db.pinyin import pinyin_columns
from db.store import Store
from db.validation import make_id_number
from db.writes import append_audit, next_sync_seq, utcnow

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "Progress", "fill_demo"]

Progress = Callable[[str, int, int], None]

DEMO_PASSWORD = "demo1234"
# username, display name, roles: the clerk files hardship cases and the approver approves them.
DEMO_USERS = (("clerk", "录入员", CLERK), ("approver", "审核人", APPROVER))
AUDIT_ACTION = "demo"
CHUNK = 10_000  # members generated between two progress reports

_BIRTH_FIRST = dt.date(1960, 1, 1).toordinal()
_BIRTH_SPAN = dt.date(2004, 12, 31).toordinal() - _BIRTH_FIRST + 1
_ADULT_DAYS = 18 * 365 + 5  # at least 18 years, whatever the leap days
_JOIN_FIRST = dt.date(1990, 1, 1).toordinal()
_GIG_JOIN_FIRST = dt.date(2018, 1, 1).toordinal()  # the drive to unionise gig workers
_CONSENT_FIRST = dt.date(2021, 11, 1).toordinal()  # the Personal Information Protection Law


class Draw:
    """A weighted pool drawn from with cumulative weights, the fastest form for ``random.choices``."""

    def __init__(self, pairs: Sequence[tuple[Any, float]]) -> None:
        self.values = [value for value, _ in pairs]
        self.cum = list(accumulate(weight for _, weight in pairs))

    def many(self, rng: random.Random, k: int) -> list[Any]:
        return rng.choices(self.values, cum_weights=self.cum, k=k)

    def one(self, rng: random.Random) -> Any:
        return rng.choices(self.values, cum_weights=self.cum)[0]


class Job(NamedTuple):
    """One kind of job at one employer: what a member's work columns are drawn as, together."""

    employer: str
    credit_code: str
    kind: str
    industry: str
    occupation: str
    form: str
    base_union: str | None


def _job_pool(new_form_share: float = 0.4) -> Draw:
    """Every (employer, occupation), weighted so that about 40% of members are 新就业形态."""
    jobs = [(Job(e.name, e.credit_code, e.kind, e.industry, occupation, form, e.base_union), weight)
            for e in pools.EMPLOYERS for occupation, form, weight in e.jobs]
    new = sum(w for job, w in jobs if job.form != pools.STD)
    std = sum(w for job, w in jobs if job.form == pools.STD)
    return Draw([(job, w * (new_form_share / new if job.form != pools.STD else (1 - new_form_share) / std))
                 for job, w in jobs])


SURNAMES = Draw(pools.SURNAMES)
REGIONS = Draw(pools.REGIONS)
JOBS = _job_pool()
ETHNICITIES = Draw(pools.ETHNICITIES)
EDUCATIONS = Draw(pools.EDUCATIONS)
POLITICAL = Draw(pools.POLITICAL)
SKILLS = Draw(pools.SKILL_LEVELS)
MEMBER_STATUSES = Draw((("active", 950), ("transferred_out", 30), ("left", 18), ("deceased", 2)))
GENDERS = Draw((("男", 54), ("女", 46)))


class OfficeInfo(NamedTuple):
    """An office records are spread over, with what the generator prints of it."""

    code: str
    name: str
    suffix: str  # short code in member, case and voucher numbers
    union: str  # the sub-district's 联合工会, where workers without a union at work join

    @classmethod
    def of(cls, office: Office) -> OfficeInfo:
        short = office.name.removesuffix("工会")
        return cls(office.code, office.name, office.code[-3:], f"{short}联合工会")


@dataclass
class DemoContext:
    """What every stage shares: the connection, the random source, the stamp and the bookkeeping."""

    conn: Connection
    rng: random.Random
    actor: Actor
    sync_seq: int
    today: dt.date
    own: OfficeInfo
    offices: list[OfficeInfo]  # where registry records go: the sub-districts of a district, or own
    is_district: bool
    progress: Progress | None = None
    counts: dict[str, int] = field(default_factory=dict)
    used_ids: set[str] = field(default_factory=set)
    used_phones: set[str] = field(default_factory=set)
    pinyin: dict[str, tuple[str, str]] = field(default_factory=dict)  # name → (pinyin, initials)

    def insert(self, model: type[RegistryRow], rows: list[dict[str, Any]]) -> None:
        name = model.__tablename__  # type: ignore[attr-defined]
        self.report(f"写入{TABLE_LABELS.get(name, name)}", 0, len(rows))
        self.counts[name] = self.counts.get(name, 0) + bulk_insert(
            self.conn, model, rows, self.actor, sync_seq=self.sync_seq, audit_action=AUDIT_ACTION)
        self.report(f"写入{TABLE_LABELS.get(name, name)}", len(rows), len(rows))

    def report(self, label: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(label, done, total)

    def id_number(self, region: str, birth: dt.date, male: bool) -> str:
        """A valid ID number no one else in the demo has (same region, day and sequence is rare)."""
        sequence = int(self.rng.random() * 500) * 2 + male
        number = make_id_number(region, birth, sequence)
        while number in self.used_ids:
            sequence = (sequence + 2) % 1000
            number = make_id_number(region, birth, sequence)
        self.used_ids.add(number)
        return number

    def phone(self) -> str:
        prefixes, rnd = pools.MOBILE_PREFIXES, self.rng.random
        number = f"{prefixes[int(rnd() * len(prefixes))]}{int(rnd() * 100_000_000):08d}"
        while number in self.used_phones:
            number = f"{prefixes[int(rnd() * len(prefixes))]}{int(rnd() * 100_000_000):08d}"
        self.used_phones.add(number)
        return number

    def person_name(self, male: bool, surname: str | None = None) -> str:
        given = pools.MALE_GIVEN if male else pools.FEMALE_GIVEN
        return (surname or SURNAMES.one(self.rng)) + given[int(self.rng.random() * len(given))]

    def day_between(self, first: int, last: int) -> int:
        """A day ordinal in [first, last] (first when the range is empty)."""
        return first + int(self.rng.random() * (last - first + 1)) if last > first else first


TABLE_LABELS = {
    "members": "会员", "member_events": "会员变动记录", "honours": "荣誉", "stations": "暖心驿站",
    "station_services": "驿站服务项目", "station_logs": "驿站服务台账", "station_inspections": "驿站检查",
    "contests": "竞赛", "contest_entries": "参赛选手", "judge_scores": "评委评分",
    "aid_cases": "困难职工档案",
    "aid_case_steps": "档案流程", "aid_household_members": "家庭成员", "aid_payments": "帮扶记录",
    "festival_visits": "两节送温暖",
}


def fill_demo(store: Store, members: int, seed: int = 1, progress: Progress | None = None, *,
              today: dt.date | None = None) -> dict[str, int]:
    """Fill the store with ``members`` demo members and related rows in every registry.

    Adds the demo users ``clerk`` (录入员) and ``approver`` (审核人), password ``demo1234``, unless they
    exist. Returns the rows written per table. ``progress(stage, done, total)`` is called at each stage
    and every 10,000 members; ``today`` (default: the real date) is for reproducible tests.
    """
    if members < 0:
        raise ValueError("members must not be negative")
    with store.engine.begin() as conn, _large_page_cache(conn):
        _require_empty(conn)
        ctx = _open(conn, random.Random(seed), progress, today or dt.date.today())
        ctx.counts["users"] = _add_demo_users(ctx)
        people = _fill_members(ctx, members)
        _fill_honours(ctx, people)
        _fill_stations(ctx, max(20, members // 1000))
        _fill_contests(ctx, people)
        _fill_aid(ctx, people)
    return ctx.counts


@contextlib.contextmanager
def _large_page_cache(conn: Connection) -> Iterator[None]:
    """Give SQLite a 64 MiB page cache while filling, then restore the connection's own setting.

    Members carry six indexes on random keys (name, pinyin, ID number, phone…); with the default 2 MiB
    cache their B-tree pages spill to the WAL over and over, which made the member insert about 40% slower.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    previous = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = {-64 * 1024}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(previous or -2000)}")


def _require_empty(conn: Connection) -> None:
    """Demo numbers (会员编号, 驿站编号, 证书编号…) start at 1: they would collide with existing records."""
    for model in REGISTRY_MODELS:
        if conn.execute(select(literal(1)).select_from(model.__table__).limit(1)).first():  # type: ignore[attr-defined]
            raise ValidationError("演示数据", "数据库中已有台账记录，演示数据只能填入空的台账")


def _open(conn: Connection, rng: random.Random, progress: Progress | None, today: dt.date) -> DemoContext:
    with Session(bind=conn) as session:
        office = this_office(session)
        subs = session.scalars(select(Office).where(Office.parent_code == office.code)
                               .order_by(Office.code)).all()
        own = OfficeInfo.of(office)
        is_district = office.level == "district"
        offices = [OfficeInfo.of(o) for o in subs] if is_district and subs else [own]
    return DemoContext(conn, rng, system_actor(own.code, "demo"), next_sync_seq(conn), today, own, offices,
                       is_district, progress)


def _add_demo_users(ctx: DemoContext) -> int:
    names = [name for name, _, _ in DEMO_USERS]
    existing = set(ctx.conn.scalars(select(User.username).where(User.username.in_(names))))
    missing = [user for user in DEMO_USERS if user[0] not in existing]
    if not missing:
        return 0
    password_hash = hash_password(DEMO_PASSWORD)  # scrypt is slow by design: once for both
    now = utcnow()
    rows: list[dict[str, Any]] = [
        {"uuid": uuid, "office_code": ctx.own.code, "username": name, "display_name": display,
         "roles": roles, "active": True, "created_at": now}
        for uuid, (name, display, roles) in zip(uuid_batch(len(missing)), missing, strict=True)]
    ctx.conn.execute(insert(User), [{**row, "password_hash": password_hash} for row in rows])
    # the password hash stays out of the audit trail (User.__audit_redact__)
    append_audit(ctx.conn, ctx.actor.username,
                 [(AUDIT_ACTION, "users", row["uuid"], row) for row in rows], now)
    return len(rows)


# --- members -------------------------------------------------------------------------------------


@dataclass
class People:
    """The drawn members, column by column, for the stages that refer to them."""

    uuid: list[str] = field(default_factory=list)
    office: list[OfficeInfo] = field(default_factory=list)
    surname: list[str] = field(default_factory=list)
    name: list[str] = field(default_factory=list)
    male: list[bool] = field(default_factory=list)
    birth: list[int] = field(default_factory=list)  # day ordinals
    region: list[str] = field(default_factory=list)
    id_number: list[str] = field(default_factory=list)
    job: list[Job] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    joined: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.uuid)

    def active(self) -> list[int]:
        return [i for i, status in enumerate(self.status) if status == "active"]


def _fill_members(ctx: DemoContext, n: int) -> People:
    people = People()
    counters = dict.fromkeys((o.code for o in ctx.offices), 0)
    rows: list[dict[str, Any]] = []
    ctx.report("生成会员", 0, n)
    for start in range(0, n, CHUNK):
        rows += _member_chunk(ctx, people, min(CHUNK, n - start), counters)
        ctx.report("生成会员", len(rows), n)
    ctx.insert(Member, rows)
    del rows
    ctx.report("生成会员变动记录", 0, n)
    ctx.insert(MemberEvent, _member_events(ctx, people))
    return people


def _member_chunk(ctx: DemoContext, people: People, k: int, counters: dict[str, int]) -> list[dict[str, Any]]:
    """Draw ``k`` members, append them to ``people`` and return their rows."""
    first = len(people)
    _draw_identity(ctx, people, k)
    _draw_membership(ctx, people, k)
    return _member_rows(ctx, people, first, counters)


def _draw_identity(ctx: DemoContext, people: People, k: int) -> None:
    rng, rnd = ctx.rng, ctx.rng.random
    male = [g == "男" for g in GENDERS.many(rng, k)]
    surnames = SURNAMES.many(rng, k)
    men, women = rng.choices(pools.MALE_GIVEN, k=k), rng.choices(pools.FEMALE_GIVEN, k=k)
    people.uuid += uuid_batch(k)
    people.male += male
    people.surname += surnames
    people.name += [s + (m if is_male else w)
                    for s, is_male, m, w in zip(surnames, male, men, women, strict=True)]
    people.birth += [_BIRTH_FIRST + int(rnd() * _BIRTH_SPAN) for _ in range(k)]
    people.region += REGIONS.many(rng, k)


def _draw_membership(ctx: DemoContext, people: People, k: int) -> None:
    rng = ctx.rng
    jobs = JOBS.many(rng, k)
    offices = ctx.offices if len(ctx.offices) == 1 else rng.choices(ctx.offices, _office_weights(ctx), k=k)
    today = ctx.today.toordinal()
    births = people.birth[-k:]
    people.job += jobs
    people.office += offices * k if len(offices) == 1 else offices
    people.status += MEMBER_STATUSES.many(rng, k)
    people.joined += [
        ctx.day_between(max(birth + _ADULT_DAYS, _JOIN_FIRST if job.form == pools.STD else _GIG_JOIN_FIRST),
                        today)
        for birth, job in zip(births, jobs, strict=True)
    ]


def _office_weights(ctx: DemoContext) -> list[float]:
    """Sub-districts differ in size; the same seed gives the same sizes."""
    sizes = random.Random(len(ctx.offices)).choices(range(5, 16), k=len(ctx.offices))
    return [float(s) for s in sizes]


def _member_rows(ctx: DemoContext, p: People, first: int, counters: dict[str, int]) -> list[dict[str, Any]]:
    rng, rnd, k = ctx.rng, ctx.rng.random, len(p) - first
    span = slice(first, None)
    ids = [ctx.id_number(r, dt.date.fromordinal(b), m)
           for r, b, m in zip(p.region[span], p.birth[span], p.male[span], strict=True)]
    p.id_number += ids
    spelled = ctx.pinyin
    for name in set(p.name[span]).difference(spelled):
        spelled[name] = pinyin_columns(name)
    extra = zip(ETHNICITIES.many(rng, k), EDUCATIONS.many(rng, k), POLITICAL.many(rng, k),
                SKILLS.many(rng, k), strict=True)
    rows = []
    for i, (ethnicity, education, political, skill) in zip(range(first, len(p)), extra, strict=True):
        office, job, name, joined = p.office[i], p.job[i], p.name[i], p.joined[i]
        counters[office.code] += 1
        serial = counters[office.code]
        pinyin, initials = spelled[name]
        rows.append({
            "uuid": p.uuid[i], "office_code": office.code, "name": name, "name_pinyin": pinyin,
            "name_initials": initials, "gender": "男" if p.male[i] else "女", "ethnicity": ethnicity,
            "birth_date": dt.date.fromordinal(p.birth[i]), "id_number": ids[i - first], "phone": ctx.phone(),
            "employer": job.employer, "employer_credit_code": job.credit_code, "employer_type": job.kind,
            "industry": job.industry, "occupation": job.occupation, "employment_form": job.form,
            "is_migrant_worker": _is_migrant(p.region[i], job, rnd()), "skill_level": skill,
            "education": education, "political_status": political,
            "member_no": f"{office.suffix}{serial:06d}", "card_no": f"GH{office.code}{serial:07d}",
            "joined_on": dt.date.fromordinal(joined), "base_union": job.base_union or office.union,
            "status": p.status[i], "consent_on": _consent_day(ctx, joined, rnd()),
        })
    return rows


def _is_migrant(region: str, job: Job, chance: float) -> bool:
    return not region.startswith("11") and job.occupation not in pools.PROFESSIONS and chance < 0.85


def _consent_day(ctx: DemoContext, joined: int, chance: float) -> dt.date | None:
    """Consent is signed on joining; older members signed in the campaign after the PIPL took effect."""
    if chance < 0.02:
        return None
    if joined >= _CONSENT_FIRST:
        return dt.date.fromordinal(joined)
    return dt.date.fromordinal(min(_CONSENT_FIRST + int(chance * 400), ctx.today.toordinal()))


# status → (event kind, reasons, counterparts)
_EXIT_EVENTS = {
    "transferred_out": ("transfer_out", pools.TRANSFER_REASONS, pools.TRANSFER_TARGETS),
    "left": ("leave", pools.LEAVE_REASONS, None),
    "deceased": ("death", pools.DEATH_REASONS, None),
}


def _member_events(ctx: DemoContext, p: People) -> list[dict[str, Any]]:
    """The 入会 event of every member, and the event that ended a membership that is not active."""
    reasons = ctx.rng.choices(pools.JOINED_REASONS, k=len(p))
    rows = [{"office_code": office.code, "member_uuid": uuid, "kind": "join",
             "on_date": dt.date.fromordinal(day), "from_status": None, "to_status": "active",
             "counterpart": None, "reason": reason}
            for uuid, office, day, reason in zip(p.uuid, p.office, p.joined, reasons, strict=True)]
    today = ctx.today.toordinal()
    for i, status in enumerate(p.status):
        if status in _EXIT_EVENTS:
            kind, why, where = _EXIT_EVENTS[status]
            rows.append({"office_code": p.office[i].code, "member_uuid": p.uuid[i], "kind": kind,
                         "on_date": dt.date.fromordinal(ctx.day_between(min(p.joined[i] + 30, today), today)),
                         "from_status": "active", "to_status": status,
                         "counterpart": ctx.rng.choice(where) if where else None,
                         "reason": ctx.rng.choice(why)})
    return rows


def _fill_honours(ctx: DemoContext, p: People) -> None:
    honours = Draw([(h, h[4]) for h in pools.HONOURS])
    chosen = ctx.rng.sample(range(len(p)), round(len(p) * 0.015))
    rows = []
    for i in sorted(chosen):
        kind, level, title, issuer, _ = honours.one(ctx.rng)
        rows.append({"office_code": p.office[i].code, "member_uuid": p.uuid[i], "kind": kind, "level": level,
                     "title": title, "year": ctx.rng.randint(2015, min(2025, ctx.today.year)),
                     "issuer": issuer})
    ctx.report("生成荣誉", len(rows), len(rows))
    ctx.insert(Honour, rows)


# --- warm stations -------------------------------------------------------------------------------

SIX_CHECKS = ("has_sign", "has_fixed_place", "has_facilities", "has_rules", "has_staff", "on_map")
HOURS = Draw(pools.OPENING_HOURS)
STATION_STATUS = Draw(pools.STATION_STATUSES)
HOSTS = Draw([((kind, template), weight) for kind, template, weight in pools.STATION_HOSTS])
STARS = Draw(((1, 5), (2, 15), (3, 35), (4, 30), (5, 15)))
# share of a station's visitors per group, in the order of StationLog's visits_* columns
VISIT_GROUPS = (("visits_courier", 0.25), ("visits_rider", 0.35), ("visits_sanitation", 0.15),
                ("visits_driver", 0.10), ("visits_other", 0.15))
_STATIONS_FIRST = dt.date(2019, 3, 1).toordinal()


def _fill_stations(ctx: DemoContext, count: int) -> None:
    """Stations spread over the offices, each with services, a year of monthly logs and inspections."""
    out: dict[type[RegistryRow], list[dict[str, Any]]] = {
        Station: [], StationService: [], StationLog: [], StationInspection: []}
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
        out[StationInspection] += _station_inspections(ctx, station)
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
    return {
        "office_code": office.code, "code": code, "name": name,
        "address": f"北京市东城区{rng.choice(pools.STREETS)}{rng.randint(1, 199)}号",
        "host_type": host_type, "host_name": template.format(place=place, office=office.name),
        "manager": ctx.person_name(rnd() < 0.5), "phone": phone, "opening_hours": HOURS.one(rng),
        "area_sqm": round(15 + rnd() * 105, 1), "status": status,
        "built_on": None if built is None else dt.date.fromordinal(built), "stars": stars,
        "latitude": round(39.90 + rnd() * 0.05, 6), "longitude": round(116.39 + rnd() * 0.05, 6), **checks,
    }


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
        rows.append({"office_code": station["office_code"], "station_uuid": station["uuid"],
                     "period": "month", "on_date": month, "visits_total": sum(visits.values()), **visits,
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


# --- skill contests ------------------------------------------------------------------------------

AWARDS = ("一等奖", "二等奖", "三等奖", "优胜奖")
JUDGES = 5
_OUTSIDER_FIRST, _OUTSIDER_LAST = dt.date(1970, 1, 1).toordinal(), dt.date(2000, 12, 31).toordinal()


def _fill_contests(ctx: DemoContext, p: People) -> None:
    """The demo contests, finished ones scored, ranked and awarded with certificates."""
    active = p.active()
    by_trade: dict[str, list[int]] = {}
    for i in active:
        by_trade.setdefault(p.job[i].occupation, []).append(i)
    out: dict[type[RegistryRow], list[dict[str, Any]]] = {Contest: [], ContestEntry: [], JudgeScore: []}
    plans = pools.CONTESTS
    ctx.report("生成技能竞赛", 0, len(plans))
    for serial, (plan, uuid) in enumerate(zip(plans, uuid_batch(len(plans)), strict=True), start=1):
        contest = _contest(ctx, plan, uuid)
        entrants = _entrants(ctx, p, plan, by_trade.get(plan.trade, []), active)
        entries, scores = _score_entries(ctx, contest, entrants, f"{plan.year}{serial:02d}")
        if contest["status"] == "finished":
            _rank_and_award(ctx, contest, entries, f"DCJS{plan.year}-{ctx.own.suffix}{serial:02d}")
        out[Contest].append(contest)
        out[ContestEntry] += entries
        out[JudgeScore] += scores
        ctx.report("生成技能竞赛", serial, len(plans))
    for model, rows in out.items():
        ctx.insert(model, rows)


def _contest(ctx: DemoContext, plan: pools.ContestPlan, uuid: str) -> dict[str, Any]:
    starts = dt.date(plan.year, plan.month, ctx.rng.randint(10, 20))
    ends = starts + dt.timedelta(days=ctx.rng.randint(0, 2))
    status = "finished" if ends < ctx.today else "running" if starts <= ctx.today else "registration"
    first, second, third, merit = plan.quotas
    return {"uuid": uuid, "office_code": ctx.own.code, "name": plan.name, "trade": plan.trade,
            "level": "区级" if ctx.is_district else "街道级", "organizer": plan.organizer, "host": plan.host,
            "starts_on": starts, "ends_on": ends, "venue": plan.venue, "status": status,
            "theory_weight": plan.theory_weight, "practical_weight": 100 - plan.theory_weight,
            "pass_mark": 60,
            "judge_count": JUDGES, "drop_extremes": True, "quota_first": first, "quota_second": second,
            "quota_third": third, "quota_merit": merit}


class Entrant(NamedTuple):
    """Who takes part: a member (by index) or a non-member with name and ID number."""

    member_uuid: str | None
    name: str
    male: bool
    id_number: str
    employer: str


def _entrants(ctx: DemoContext, p: People, plan: pools.ContestPlan, trade: list[int],
              active: list[int]) -> list[Entrant]:
    """Members of the contest's trade first, then other members, plus a few non-members."""
    rng = ctx.rng
    outsiders = rng.randint(2, 5)
    want = min(plan.entrants - outsiders, len(active))
    picked = rng.sample(trade, min(len(trade), want))
    chosen = set(picked)
    picked += [i for i in rng.sample(active, want) if i not in chosen][: want - len(picked)]
    entrants = [Entrant(p.uuid[i], p.name[i], p.male[i], p.id_number[i], p.job[i].employer) for i in picked]
    for _ in range(outsiders):
        male = rng.random() < 0.5
        birth = dt.date.fromordinal(ctx.day_between(_OUTSIDER_FIRST, _OUTSIDER_LAST))
        number = ctx.id_number(REGIONS.one(rng), birth, male)
        entrants.append(Entrant(None, ctx.person_name(male), male, number, rng.choice(pools.EMPLOYERS).name))
    return entrants


def _score_entries(ctx: DemoContext, contest: dict[str, Any], entrants: list[Entrant],
                   number_prefix: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Entries with theory and per-judge practical scores (hundredths); totals are computed here."""
    rng = ctx.rng
    entries, scores = [], []
    for k, (entrant, uuid) in enumerate(zip(entrants, uuid_batch(len(entrants)), strict=True), start=1):
        skill = rng.gauss(78, 8)
        judged = [_clamp_score(int(rng.gauss(skill, 2.5) * 10) * 10) for _ in range(JUDGES)]
        theory = _clamp_score(int(rng.gauss(skill, 6) * 2) * 50)
        practical = practical_score(judged, drop_extremes=contest["drop_extremes"])
        entries.append({
            "uuid": uuid, "office_code": contest["office_code"], "contest_uuid": contest["uuid"],
            "member_uuid": entrant.member_uuid, "name": entrant.name, "id_number": entrant.id_number,
            "gender": "男" if entrant.male else "女", "employer": entrant.employer,
            "entry_no": f"{number_prefix}{k:03d}", "team": entrant.employer,
            "eligibility_notes": "本单位推荐" if entrant.member_uuid else "非会员，经主办单位审核同意参赛",
            "theory_score": theory, "practical_score": practical,
            "total_score": total_score(theory, practical, contest["theory_weight"],
                                       contest["practical_weight"]),
        })
        scores += [{"office_code": contest["office_code"], "entry_uuid": uuid, "judge_no": j, "score": s}
                   for j, s in enumerate(judged, start=1)]
    return entries, scores


def _clamp_score(hundredths: int) -> int:
    return min(10_000, max(3_000, hundredths))


def practical_score(judged: Sequence[int], *, drop_extremes: bool) -> int:
    """Mean of the judges' scores (hundredths), without the highest and lowest when so ruled; half up."""
    kept = sorted(judged)[1:-1] if drop_extremes and len(judged) > 2 else list(judged)
    return (2 * sum(kept) + len(kept)) // (2 * len(kept))


def total_score(theory: int, practical: int, theory_weight: int, practical_weight: int) -> int:
    """Weighted sum in hundredths (weights in percent), rounded half up in integer arithmetic."""
    return (2 * (theory * theory_weight + practical * practical_weight) + 100) // 200


def rank_entries(totals: Sequence[int], practicals: Sequence[int]) -> list[int]:
    """Ranks by total; a tie goes to the higher practical score, then to equal rank (1, 2, 2, 4)."""
    order = sorted(range(len(totals)), key=lambda i: (-totals[i], -practicals[i]))
    ranks = [0] * len(totals)
    for position, i in enumerate(order):
        previous = order[position - 1] if position else None
        tied = previous is not None and (totals[previous], practicals[previous]) == (totals[i], practicals[i])
        ranks[i] = ranks[previous] if tied and previous is not None else position + 1
    return ranks


def _rank_and_award(ctx: DemoContext, contest: dict[str, Any], entries: list[dict[str, Any]],
                    certificate_prefix: str) -> None:
    ranks = rank_entries([e["total_score"] for e in entries], [e["practical_score"] for e in entries])
    quotas = list(accumulate((contest["quota_first"], contest["quota_second"], contest["quota_third"],
                              contest["quota_merit"])))
    passed = contest["pass_mark"] * 100
    for entry, rank in zip(entries, ranks, strict=True):
        entry["rank"] = rank
        award = next((a for a, limit in zip(AWARDS, quotas, strict=True) if rank <= limit), None)
        entry["award"] = award if entry["total_score"] >= passed else None
    winners = sorted((e for e in entries if e["award"]), key=lambda e: (e["rank"], e["entry_no"]))
    for k, entry in enumerate(winners, start=1):
        entry["certificate_no"] = f"{certificate_prefix}-{k:04d}"
        if entry["award"] == AWARDS[0]:
            entry["title"] = "技术状元" if entry["rank"] == 1 else "技术能手"
            if ctx.rng.random() < 0.5:
                bonus = ctx.rng.choice((2000, 3000, 5000))
                entry["second_reward_note"] = f"{entry['employer']}给予二次奖励：奖金{bonus}元"


# --- hardship aid --------------------------------------------------------------------------------

CATEGORIES = Draw(pools.CATEGORIES)
AID_STATUS = Draw(pools.AID_STATUS_WEIGHTS)
PAYMENT_KINDS = Draw(pools.PAYMENT_KINDS)
PAYMENT_METHODS = Draw(pools.PAYMENT_METHODS)
HOUSEHOLD_SIZES = Draw(((1, 10), (2, 20), (3, 40), (4, 20), (5, 10)))
# per-capita monthly income as a multiple of the 低保 line, by category
INCOME_BANDS = {"深度困难": (0.55, 0.95), "相对困难": (1.0, 1.95), "意外致困": (0.8, 2.5)}
WORK_BY_CAUSE = {"下岗失业": "失(无)业", "有劳动能力而未就业": "下(待)岗", "无劳动能力": "病休"}
_CASES_FIRST = dt.date(2019, 1, 1).toordinal()
# days from one workflow step to the next (the publicity period is 7 days)
STEP_GAPS = {"verified": (3, 10), "reviewed": (2, 7), "publicized": (1, 3), "filed": (7, 10)}


@dataclass
class AidRows:
    """The rows of every hardship-aid table, filled case by case."""

    cases: list[dict[str, Any]] = field(default_factory=list)
    steps: list[dict[str, Any]] = field(default_factory=list)
    household: list[dict[str, Any]] = field(default_factory=list)
    payments: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)
    case_numbers: dict[str, int] = field(default_factory=dict)
    voucher_numbers: dict[str, int] = field(default_factory=dict)

    def next_number(self, counters: dict[str, int], office: str) -> int:
        counters[office] = counters.get(office, 0) + 1
        return counters[office]


def _fill_aid(ctx: DemoContext, p: People) -> None:
    """About 1% of active members get a hardship file (never two), with household, steps and payments."""
    active = p.active()
    chosen = sorted(ctx.rng.sample(active, min(len(active), round(len(p) * 0.01))))
    out = AidRows()
    ctx.report("生成困难帮扶档案", 0, len(chosen))
    for i, uuid in zip(chosen, uuid_batch(len(chosen)), strict=True):
        _aid_case(ctx, p, i, uuid, out)
    out.visits += _frontline_visits(ctx, p, active)
    ctx.report("生成困难帮扶档案", len(chosen), len(chosen))
    ctx.insert(AidCase, out.cases)
    ctx.insert(AidCaseStep, out.steps)
    ctx.insert(AidHouseholdMember, out.household)
    ctx.insert(AidPayment, out.payments)
    ctx.insert(FestivalVisit, out.visits)


def _aid_case(ctx: DemoContext, p: People, i: int, uuid: str, out: AidRows) -> None:
    rng = ctx.rng
    office = p.office[i]
    category = CATEGORIES.one(rng)
    main_cause = rng.choice(pools.CATEGORY_CAUSES[category])
    status, timeline = _case_timeline(ctx, p.joined[i], AID_STATUS.one(rng))
    size = HOUSEHOLD_SIZES.one(rng)
    marital, relatives = _household(ctx, p, i, size)
    work = WORK_BY_CAUSE.get(main_cause, "在岗")
    own_income, monthly_total = _share_incomes(ctx, category, size, work == "在岗", relatives)
    case = _case_row(ctx, p, i, category, main_cause, work, marital, relatives)
    case.update({"uuid": uuid, "office_code": office.code, "status": status, "household_size": size,
                 "case_no": f"KN{office.suffix}{dt.date.fromordinal(timeline[0][1]).year}"
                            f"{out.next_number(out.case_numbers, office.code):04d}",
                 "monthly_income_fen": own_income, "household_income_fen": monthly_total * 12})
    _close_case(ctx, case, timeline)
    out.cases.append(case)
    out.household += [{**r, "office_code": office.code, "case_uuid": uuid} for r in relatives]
    out.steps += _case_steps(ctx, case, timeline)
    if "filed" in dict(timeline):
        out.payments += _case_payments(ctx, case, timeline, out)
        out.visits += _case_visits(ctx, p, i, case, timeline)


def _case_timeline(ctx: DemoContext, joined: int, status: str) -> tuple[str, list[tuple[str, int]]]:
    """(status, [(step, day)]) along 申请 → 入户核查 → 审核 → 公示 → 审批, then maybe 解困 or 注销.

    A file still in progress was opened lately; one that should be relieved or cancelled but is not a
    year old yet stays filed.
    """
    today = ctx.today.toordinal()
    reached = "filed" if status in ("relieved", "cancelled") else status
    if reached == "filed":
        day = ctx.day_between(max(joined, _CASES_FIRST), today - 40)
    else:
        day = max(joined, today - 25 - int(ctx.rng.random() * 60))
    timeline = [("applied", day)]
    for step in pools.AID_WORKFLOW[1: pools.AID_WORKFLOW.index(reached) + 1]:
        day = min(today, day + ctx.rng.randint(*STEP_GAPS[step]))
        timeline.append((step, day))
    if status in ("relieved", "cancelled"):
        end = day + (365 if status == "relieved" else 30) + int(ctx.rng.random() * 300)
        if end > today:
            return "filed", timeline
        timeline.append((status, end))
    return status, timeline


def _close_case(ctx: DemoContext, case: dict[str, Any], timeline: list[tuple[str, int]]) -> None:
    """Review date or closing reason: a file in the archive is re-checked every year (年度复核)."""
    steps = dict(timeline)
    if case["status"] == "filed":
        years = max(1, (ctx.today.toordinal() - steps["filed"]) // 365 + 1)
        case["next_review_on"] = dt.date.fromordinal(steps["filed"] + 365 * years)
    elif case["status"] == "relieved":
        case["closed_reason"] = "家庭人均收入超过困难标准"
    elif case["status"] == "cancelled":
        case["closed_reason"] = "户籍迁出本区"


def _case_row(ctx: DemoContext, p: People, i: int, category: str, main_cause: str, work: str, marital: str,
              relatives: list[dict[str, Any]]) -> dict[str, Any]:
    rng, rnd = ctx.rng, ctx.rng.random
    causes = [c for c in reference.values("aid_cause") if c != main_cause]
    health = "重特大疾病" if main_cause == "患重特大疾病" else "残疾" if main_cause == "无劳动能力" \
        else rng.choice(("健康", "一般", "慢性病"))
    disabilities = reference.values("disability")
    local = p.region[i].startswith("11")
    bank, prefix = rng.choice(pools.BANKS)
    children = any(r["relation"] == "子女" for r in relatives)
    earners = any(r["monthly_income_fen"] for r in relatives if r["relation"] in ("配偶", "兄弟姐妹"))
    return {
        "member_uuid": p.uuid[i], "category": category, "main_cause": main_cause,
        "minor_causes": "、".join(rng.sample(causes, rng.randint(0, 3))) or None, "health": health,
        "disability": rng.choice(disabilities[1:]) if health == "残疾" else disabilities[0],
        "work_status": work, "housing": rng.choice(reference.values("housing")),
        "hukou": ("本市城镇" if rnd() < 0.8 else "本市农业") if local
                 else rng.choice(("外埠城镇", "外埠农业")),
        "address": f"北京市东城区{rng.choice(pools.STREETS)}{rng.randint(1, 120)}号院"
                   f"{rng.randint(1, 12)}号楼{rng.randint(1, 6)}单元"
                   f"{rng.randint(1, 6)}0{rng.randint(1, 4)}室",
        "marital_status": marital, "single_parent": marital in ("离异", "丧偶") and children,
        "medical_insurance": "城镇职工医保" if work == "在岗"
                             else rng.choice(("城镇职工医保", "城乡居民医保")),
        "zero_employment": work != "在岗" and not earners,
        "bank_name": bank, "bank_account": f"{prefix}{int(rnd() * 10**13):013d}",
        "attachments": json.dumps(["身份证复印件.pdf", "户口簿复印件.pdf", "家庭收入证明.pdf"]
                                  + (["诊断证明.pdf"] if health in ("重特大疾病", "残疾") else []),
                                  ensure_ascii=False),
        "filed_by": DEMO_USERS[0][0],
    }


def _household(ctx: DemoContext, p: People, i: int, size: int) -> tuple[str, list[dict[str, Any]]]:
    """Marital status and the other members of a household of ``size`` people."""
    rng = ctx.rng
    if size == 1:
        return rng.choice(("未婚", "离异", "丧偶")), []
    marital = "已婚" if rng.random() < 0.7 else rng.choice(("离异", "丧偶", "未婚"))
    relations = ["配偶"] if marital == "已婚" else []
    while len(relations) < size - 1:
        if marital != "未婚" and rng.random() < 0.65:
            relations.append("子女")
        else:
            relations.append("父母" if relations.count("父母") < 2 else "兄弟姐妹")
    return marital, [_relative(ctx, p, i, relation) for relation in relations]


def _relative(ctx: DemoContext, p: People, i: int, relation: str) -> dict[str, Any]:
    rng, year = ctx.rng, 365
    birth, surname = p.birth[i], p.surname[i]
    male = (not p.male[i]) if relation == "配偶" else rng.random() < 0.5
    if relation == "配偶":
        born, surname = birth + rng.randint(-5 * year, 5 * year), SURNAMES.one(rng)
    elif relation == "子女":
        born = ctx.day_between(birth + 20 * year, min(birth + 40 * year, ctx.today.toordinal() - 30))
    elif relation == "父母":
        born, surname = birth - rng.randint(22 * year, 35 * year), surname if male else SURNAMES.one(rng)
    else:
        born = birth + rng.randint(-8 * year, 8 * year)
    day = dt.date.fromordinal(min(born, ctx.today.toordinal() - 30))
    age = (ctx.today - day).days // year
    name = ctx.person_name(male, surname)
    while name == p.name[i]:  # a household never has two people of one name
        name = ctx.person_name(male, surname)
    return {"name": name, "relation": relation, "gender": "男" if male else "女",
            "id_number": ctx.id_number(p.region[i], day, male), "birth_date": day,
            "health": "健康" if age < 18 else rng.choice(("健康", "一般", "慢性病")), "monthly_income_fen": 0,
            "employer_or_school": _occupied_at(ctx, relation, age)}


def _occupied_at(ctx: DemoContext, relation: str, age: int) -> str | None:
    if age < 3:
        return None
    if age < 23 and relation == "子女":
        return pools.KINDERGARTEN if age < 6 else ctx.rng.choice(pools.SCHOOLS)
    if age >= 60:
        return "退休"
    return ctx.rng.choice(pools.EMPLOYERS).name if ctx.rng.random() < 0.6 else "无业"


def _share_incomes(ctx: DemoContext, category: str, size: int, working: bool,
                   relatives: list[dict[str, Any]]) -> tuple[int, int]:
    """(own monthly income, household monthly income) in fen, per-capita inside the category's band.

    The rest of the household income is shared among the relatives who earn or draw a pension, so that
    the household total is exactly the sum of its members' incomes.
    """
    rnd = ctx.rng.random
    low, high = INCOME_BANDS[category]
    per_capita = int(pools.POVERTY_LINE_FEN * (low + rnd() * (high - low))) // 100 * 100  # whole yuan
    total = per_capita * size
    earners = [r for r in relatives if _earns(r)]
    own = total if not earners else int(total * (0.4 + 0.4 * rnd() if working else 0.2 * rnd())) // 100 * 100
    rest = total - own
    for k, relative in enumerate(earners):
        share = rest if k == len(earners) - 1 else int(rest * rnd()) // 100 * 100
        relative["monthly_income_fen"], rest = share, rest - share
    return own, total


_NOT_EARNING = frozenset({None, "无业", pools.KINDERGARTEN, *pools.SCHOOLS})


def _earns(relative: dict[str, Any]) -> bool:
    """Has a job or draws a pension (退休); pupils, students and the jobless do not earn."""
    return relative["employer_or_school"] not in _NOT_EARNING


def _at(ctx: DemoContext, day: int) -> dt.datetime:
    """A time in office hours (9:00-17:00 Beijing time) of a day, in UTC as stored."""
    return dt.datetime.fromordinal(day) + dt.timedelta(hours=1, minutes=int(ctx.rng.random() * 480))


def _case_steps(ctx: DemoContext, case: dict[str, Any],
                timeline: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """One step row per workflow step reached: the clerk files, the approver approves (never the same)."""
    users = {role: name for name, _, role in DEMO_USERS}
    rows = []
    for step, day in timeline:
        role, note = pools.AID_STEP_NOTES[step]
        rows.append({"office_code": case["office_code"], "case_uuid": case["uuid"], "step": step,
                     "actor": users[role], "at": _at(ctx, day), "note": note})
    return rows


def _case_payments(ctx: DemoContext, case: dict[str, Any], timeline: list[tuple[str, int]],
                   out: AidRows) -> list[dict[str, Any]]:
    """2-6 payments inside the file's active period, approved by the approver."""
    rng = ctx.rng
    first = dict(timeline)["filed"]
    last = timeline[-1][1] if case["status"] != "filed" else ctx.today.toordinal()
    days = sorted(ctx.day_between(first, last) for _ in range(rng.randint(2, 6)))
    rows = []
    for day in days:
        kind = PAYMENT_KINDS.one(rng)
        serial = out.next_number(out.voucher_numbers, case["office_code"])
        rows.append({"office_code": case["office_code"], "case_uuid": case["uuid"], "kind": kind,
                     "amount_fen": rng.randint(5, 50) * 10_000, "paid_on": dt.date.fromordinal(day),
                     "method": PAYMENT_METHODS.one(rng), "approver": DEMO_USERS[1][0],
                     "voucher_no": f"PZ{case['office_code'][-3:]}{dt.date.fromordinal(day).year}{serial:05d}",
                     "remarks": "金秋助学" if kind == "助学救助" else None})
    return rows


def _case_visits(ctx: DemoContext, p: People, i: int, case: dict[str, Any],
                 timeline: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """元旦春节 visits of the (at most three) last New Years while the file was active."""
    first = dict(timeline)["filed"]
    last = timeline[-1][1] if case["status"] != "filed" else ctx.today.toordinal()
    rows = []
    for year in range(ctx.today.year - 2, ctx.today.year + 1):
        day = dt.date(year, 1, ctx.rng.randint(10, 28))
        if first <= day.toordinal() <= last:
            rows.append(_visit(ctx, p, i, year, day, "困难职工", case["uuid"]))
    return rows


def _frontline_visits(ctx: DemoContext, p: People, active: list[int]) -> list[dict[str, Any]]:
    """This year's visits to some new-employment-form workers: New Year and summer cooling."""
    gig = [i for i in active if p.job[i].form != pools.STD]
    rows = []
    for i in sorted(ctx.rng.sample(gig, round(len(gig) * 0.02))):
        summer = ctx.rng.random() < 0.5 and ctx.today >= dt.date(ctx.today.year, 7, 31)
        day = dt.date(ctx.today.year, 7 if summer else 1, ctx.rng.randint(5, 28))
        rows.append(_visit(ctx, p, i, ctx.today.year, day, "新就业形态劳动者", None, summer=summer))
    return rows


def _visit(ctx: DemoContext, p: People, i: int, year: int, day: dt.date, group: str, case_uuid: str | None,
           *, summer: bool = False) -> dict[str, Any]:
    gift = "清凉大礼包" if summer else ctx.rng.choice(pools.FESTIVAL_GIFTS)
    return {"office_code": p.office[i].code, "year": year, "festival": "夏送清凉" if summer else "元旦春节",
            "case_uuid": case_uuid, "member_uuid": p.uuid[i], "name": p.name[i], "group": group,
            "visited_on": day, "gift": gift, "amount_fen": 100_000 if gift == "慰问金" else 30_000,
            "visitor": p.office[i].name}
