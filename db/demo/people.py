"""Demo members: who they are, where they work, how their membership went, and their honours.

Members are drawn in chunks of 10,000, column by column (see :mod:`db.demo`); :class:`People` keeps the
drawn columns for the later stages, which pick contest entrants and hardship cases among the members.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from db.demo import pools, work_pools
from db.demo.context import REGIONS, SURNAMES, DemoContext, Draw, OfficeInfo
from db.demo.work_pools import STD
from db.ids import uuid_batch
from db.models import Honour, Member, MemberEvent
from db.pinyin import pinyin_columns

CHUNK = 10_000  # members generated between two progress reports

_BIRTH_FIRST = dt.date(1960, 1, 1).toordinal()
_BIRTH_SPAN = dt.date(2004, 12, 31).toordinal() - _BIRTH_FIRST + 1
_ADULT_DAYS = 18 * 365 + 5  # at least 18 years, whatever the leap days
_JOIN_FIRST = dt.date(1990, 1, 1).toordinal()
_GIG_JOIN_FIRST = dt.date(2018, 1, 1).toordinal()  # the drive to unionise gig workers
_CONSENT_FIRST = dt.date(2021, 11, 1).toordinal()  # the Personal Information Protection Law


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
            for e in work_pools.EMPLOYERS for occupation, form, weight in e.jobs]
    new = sum(w for job, w in jobs if job.form != STD)
    std = sum(w for job, w in jobs if job.form == STD)
    return Draw([(job, w * (new_form_share / new if job.form != STD else (1 - new_form_share) / std))
                 for job, w in jobs])


JOBS = _job_pool()
ETHNICITIES = Draw(pools.ETHNICITIES)
EDUCATIONS = Draw(pools.EDUCATIONS)
POLITICAL = Draw(pools.POLITICAL)
SKILLS = Draw(pools.SKILL_LEVELS)
MEMBER_STATUSES = Draw((("active", 950), ("transferred_out", 30), ("left", 18), ("deceased", 2)))
GENDERS = Draw((("男", 54), ("女", 46)))


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


def fill_members(ctx: DemoContext, n: int) -> People:
    """Write ``n`` members and their membership events; returns the drawn members for the later stages."""
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
        ctx.day_between(max(birth + _ADULT_DAYS, _JOIN_FIRST if job.form == STD else _GIG_JOIN_FIRST),
                        today)
        for birth, job in zip(births, jobs, strict=True)
    ]


def _office_weights(ctx: DemoContext) -> list[float]:
    """Sub-districts differ in size: fixed relative sizes, the same for every seed and every chunk."""
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
    return not region.startswith("11") and job.occupation not in work_pools.PROFESSIONS and chance < 0.85


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


def fill_honours(ctx: DemoContext, p: People) -> None:
    """About 1.5% of the members hold an honour (劳动模范, 五一劳动奖章, 工匠, 技术能手)."""
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
