"""Demo hardship aid (困难职工帮扶): files with their workflow steps, payments, and festival visits by campaign.

About 1% of the active members get a file, never two (一户一档). Households and their incomes are drawn in
:mod:`db.demo.household`; the demo clerk files and the demo approver approves, never the same person.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert

from db import reference
from db.aid.campaigns import CASH_KIND, CASH_METHOD
from db.aid.review import draw_sample
from db.aid.rules import VISIT_DOCUMENTS
from db.aid.settings import DEFAULT_VISIT_CAP_FEN, DEFAULT_YEARLY_CAP_FEN, DIBAO_KEY, STUDENT_KEY
from db.auth import APPROVER, CLERK
from db.demo import pools
from db.demo.context import DemoContext, Draw
from db.demo.household import household, share_incomes
from db.demo.people import People
from db.demo.users import APPROVER_USER, CLERK_USER
from db.demo.work_pools import STD
from db.ids import new_uuid, uuid_batch
from db.models import (
    AidCase,
    AidCaseDocument,
    AidCaseStep,
    AidHouseholdMember,
    AidObjection,
    AidPayment,
    AidReview,
    AidReviewRound,
    AidStudentGrant,
    FestivalCampaign,
    FestivalVisit,
    Setting,
)

CATEGORIES = Draw(pools.CATEGORIES)
AID_STATUS = Draw(pools.AID_STATUS_WEIGHTS)
PAYMENT_KINDS = Draw(pools.PAYMENT_KINDS)
PAYMENT_METHODS = Draw(pools.PAYMENT_METHODS)
HOUSEHOLD_SIZES = Draw(((1, 10), (2, 20), (3, 40), (4, 20), (5, 10)))
WORK_BY_CAUSE = {"下岗失业": "失(无)业", "有劳动能力而未就业": "下(待)岗", "无劳动能力": "病休"}
_CASES_FIRST = dt.date(2019, 1, 1).toordinal()
# days from one workflow step to the next (the publicity period is 7 days)
STEP_GAPS = {"verified": (3, 10), "reviewed": (2, 7), "publicized": (1, 3), "filed": (7, 10)}
# the role that takes a step (pools.AID_STEP_NOTES) → the demo user who takes it
STEP_ACTORS = {CLERK: CLERK_USER, APPROVER: APPROVER_USER}


@dataclass
class AidRows:
    """The rows of every hardship-aid table, filled case by case."""

    cases: list[dict[str, Any]] = field(default_factory=list)
    steps: list[dict[str, Any]] = field(default_factory=list)
    household: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    objections: list[dict[str, Any]] = field(default_factory=list)
    payments: list[dict[str, Any]] = field(default_factory=list)
    grants: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)
    case_numbers: dict[str, int] = field(default_factory=dict)
    voucher_numbers: dict[str, int] = field(default_factory=dict)

    def next_number(self, counters: dict[str, int], office: str) -> int:
        counters[office] = counters.get(office, 0) + 1
        return counters[office]


def fill_aid(ctx: DemoContext, p: People) -> None:
    """About 1% of active members get a hardship file (never two), with household, steps and payments."""
    active = p.active()
    chosen = sorted(ctx.rng.sample(active, min(len(active), round(len(p) * 0.01))))
    out = AidRows()
    ctx.report("生成困难帮扶档案", 0, len(chosen))
    for i, uuid in zip(chosen, uuid_batch(len(chosen)), strict=True):
        _aid_case(ctx, p, i, uuid, out)
    out.visits += _frontline_visits(ctx, p, active)
    campaigns = _campaigns(out.visits, ctx.today.year)
    out.payments += _visit_payments(out.visits, campaigns)
    ctx.report("生成困难帮扶档案", len(chosen), len(chosen))
    ctx.insert(AidCase, out.cases)
    ctx.insert(AidCaseStep, out.steps)
    ctx.insert(AidHouseholdMember, out.household)
    ctx.insert(AidCaseDocument, out.documents)
    ctx.insert(AidObjection, out.objections)
    ctx.insert(AidPayment, out.payments)
    ctx.insert(AidStudentGrant, out.grants)
    ctx.insert(FestivalCampaign, campaigns)
    ctx.insert(FestivalVisit, out.visits)
    rounds, reviews = _review_rounds(ctx, out.cases)
    ctx.insert(AidReviewRound, rounds)
    ctx.insert(AidReview, reviews)
    _settings(ctx)


# The local 低保 line (fen a month) by year, and the 金秋助学 amounts: what the demo office has set up, so
# that a file's form suggests a category and a grant has its amount
DIBAO_LINES = {2021: 124_500, 2022: 132_000, 2023: 139_500, 2024: 145_000, 2025: 154_500, 2026: 162_000}


def _settings(ctx: DemoContext) -> None:
    values = {DIBAO_KEY: {str(year): fen for year, fen in DIBAO_LINES.items()}, STUDENT_KEY: STUDENT_AMOUNTS}
    ctx.conn.execute(delete(Setting).where(Setting.key.in_(list(values))))
    ctx.conn.execute(insert(Setting), [{"key": key, "value": json.dumps(value, ensure_ascii=False)}
                                       for key, value in values.items()])


def _review_rounds(ctx: DemoContext, cases: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Last year's 年度复核 of each office: every file then in 档 reviewed and kept, the home visits drawn as
    db.aid.review draws them (from a recorded seed)."""
    year = ctx.today.year - 1
    rounds: list[dict[str, Any]] = []
    reviews: list[dict[str, Any]] = []
    started = dt.date(year, 3, 1)
    for office in sorted({c["office_code"] for c in cases}):
        due = [c for c in cases if c["office_code"] == office and c["status"] == "filed"
               and c["publicized_on"] is not None and c["publicized_on"] < started - dt.timedelta(days=30)]
        if not due:
            continue
        seed = int(ctx.rng.random() * 2**31)
        drawn = set(draw_sample(seed, [c["uuid"] for c in due]))
        round_uuid = new_uuid()
        rounds.append({"uuid": round_uuid, "office_code": office, "year": year, "seed": seed,
                       "due_count": len(due), "sample_count": len(drawn), "started_by": CLERK_USER,
                       "started_on": started})
        for n, case in enumerate(due):
            visited = case["uuid"] in drawn
            reviews.append({"office_code": office, "round_uuid": round_uuid, "case_uuid": case["uuid"],
                            "home_visit": visited, "outcome": "continued", "category_before": case["category"],
                            "category_after": case["category"], "reviewed_by": CLERK_USER,
                            "reviewed_on": started + dt.timedelta(days=7 + n % 20),
                            "note": "入户复核，家庭情况无变化，继续在档" if visited else "材料复核，继续在档"})
    return rounds, reviews


def _aid_case(ctx: DemoContext, p: People, i: int, uuid: str, out: AidRows) -> None:
    """The file of member ``i`` with its household, steps and (once filed) payments and visits."""
    rng = ctx.rng
    office = p.office[i]
    category = CATEGORIES.one(rng)
    main_cause = rng.choice(pools.CATEGORY_CAUSES[category])
    status, timeline = _case_timeline(ctx, p.joined[i], AID_STATUS.one(rng))
    size = HOUSEHOLD_SIZES.one(rng)
    marital, relatives = household(ctx, p, i, size)
    work = WORK_BY_CAUSE.get(main_cause, "在岗")
    own_income, monthly_total = share_incomes(ctx, category, size, work == "在岗", relatives)
    case = _case_row(ctx, p, i, category, main_cause, work, marital, relatives)
    case.update({"uuid": uuid, "office_code": office.code, "status": status, "household_size": size,
                 "case_no": f"KN{office.suffix}{dt.date.fromordinal(timeline[0][1]).year}"
                            f"{out.next_number(out.case_numbers, office.code):04d}",
                 "monthly_income_fen": own_income, "household_income_fen": monthly_total * 12})
    _close_case(ctx, case, timeline)
    out.cases.append(case)
    people = [{**r, "uuid": new_uuid(), "office_code": office.code, "case_uuid": uuid} for r in relatives]
    out.household += people
    out.steps += _case_steps(ctx, case, timeline)
    out.documents += _case_documents(case, timeline)
    # about one approved file in ten met an objection during its 公示, dismissed before 审批 (the first always
    # does, so that even a small demo shows one)
    if "filed" in dict(timeline) and (not out.objections or rng.random() < 0.1):
        out.objections.append(_objection(case, dict(timeline)["publicized"]))
    if "filed" in dict(timeline):
        paid = _case_payments(ctx, case, timeline, out)
        out.grants += _student_grants(ctx, paid, people, first=not out.grants)
        out.payments += paid
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
    # the 公示's first day stays on the file after 审批; the retention period runs from the closing day
    case["publicized_on"] = dt.date.fromordinal(steps["publicized"]) if "publicized" in steps else None
    case["closed_on"] = dt.date.fromordinal(steps[case["status"]]) \
        if case["status"] in ("relieved", "cancelled") else None
    if case["status"] == "filed":
        years = max(1, (ctx.today.toordinal() - steps["filed"]) // 365 + 1)
        case["next_review_on"] = dt.date.fromordinal(steps["filed"] + 365 * years)
    elif case["status"] == "relieved":
        case["closed_reason"] = "家庭人均收入超过困难标准"
    elif case["status"] == "cancelled":
        case["closed_reason"] = "户籍迁出本区"


def _case_row(ctx: DemoContext, p: People, i: int, category: str, main_cause: str, work: str, marital: str,
              relatives: list[dict[str, Any]]) -> dict[str, Any]:
    """The file's own columns: causes, health, housing, address, insurance, bank and attachments."""
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
        "filed_by": CLERK_USER,
    }


def _at(ctx: DemoContext, day: int) -> dt.datetime:
    """A time in office hours (9:00-17:00 Beijing time) of a day, in UTC as stored."""
    return dt.datetime.fromordinal(day) + dt.timedelta(hours=1, minutes=int(ctx.rng.random() * 480))


def _case_steps(ctx: DemoContext, case: dict[str, Any],
                timeline: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """One step row per workflow step reached: the clerk files, the approver approves (never the same)."""
    rows = []
    for step, day in timeline:
        role, note = pools.AID_STEP_NOTES[step]
        rows.append({"office_code": case["office_code"], "case_uuid": case["uuid"], "step": step,
                     "actor": STEP_ACTORS[role], "at": _at(ctx, day), "on_date": dt.date.fromordinal(day),
                     "note": note})
    return rows


def _objection(case: dict[str, Any], publicized: int) -> dict[str, Any]:
    """An objection raised on the 公示's second day and dismissed two days later by the approver."""
    return {"office_code": case["office_code"], "case_uuid": case["uuid"],
            "raised_on": dt.date.fromordinal(publicized + 1), "content": pools.OBJECTION[0],
            "recorded_by": CLERK_USER, "outcome": "dismissed", "outcome_reason": pools.OBJECTION[1],
            "decided_on": dt.date.fromordinal(publicized + 3), "decided_by": APPROVER_USER}


def _case_documents(case: dict[str, Any], timeline: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """The papers of the 原始档案: copies and proofs with the application, the two the applicant signs at
    the home visit (入户核查 waits for them), a diagnosis where health is the cause."""
    steps = dict(timeline)
    papers = [("身份证复印件", steps["applied"]), ("户口簿复印件", steps["applied"]), ("收入证明", steps["applied"])]
    if case["health"] in ("重特大疾病", "残疾"):
        papers.append(("诊断证明", steps["applied"]))
    if "verified" in steps:
        papers += [(name, steps["verified"]) for name in VISIT_DOCUMENTS]
    return [{"office_code": case["office_code"], "case_uuid": case["uuid"], "part": "original", "name": name,
             "received_on": dt.date.fromordinal(day)} for name, day in papers]


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
                     "method": PAYMENT_METHODS.one(rng), "approver": APPROVER_USER,
                     "voucher_no": f"PZ{case['office_code'][-3:]}{dt.date.fromordinal(day).year}{serial:05d}",
                     "remarks": "金秋助学" if kind == "助学救助" else None})
    return rows


# 金秋助学 amounts by school level (fen): the demo office's settings
STUDENT_AMOUNTS = {"大学本科": 500_000, "大学专科": 400_000, "高中": 300_000, "中职": 300_000}


def _student_grants(ctx: DemoContext, paid: list[dict[str, Any]], people: list[dict[str, Any]], *,
                    first: bool) -> list[dict[str, Any]]:
    """金秋助学: a 助学救助 payment to a household with a child of school age (15-24 that day) is a grant of
    the level's amount, publicized a week and more before it was paid. The first file with a child always
    has one (its first payment becomes the grant), so that even a small demo shows one."""
    children = [r for r in people if r["relation"] == "子女"]
    grants: list[dict[str, Any]] = []
    for payment in paid:
        day = payment["paid_on"]
        aided = {(g["student_uuid"], g["year"]) for g in grants}
        ages = [(child, (day - child["birth_date"]).days // 365) for child in children
                if (child["uuid"], day.year) not in aided]
        of_age = [(child, age) for child, age in ages if 15 <= age <= 24]
        if payment["kind"] != "助学救助" and not (first and not grants and ages):
            continue
        if not of_age and not (first and not grants and ages):
            continue
        child, age = (of_age or ages)[0]
        level = ctx.rng.choice(("大学本科", "大学专科")) if age >= 18 else ctx.rng.choice(("高中", "中职"))
        payment.update({"uuid": new_uuid(), "kind": "助学救助", "amount_fen": STUDENT_AMOUNTS[level],
                        "remarks": f"金秋助学：{child['name']}（{level}）"})
        grants.append({"office_code": payment["office_code"], "case_uuid": payment["case_uuid"],
                       "student_uuid": child["uuid"], "year": day.year, "school_level": level,
                       "school": child["employer_or_school"], "amount_fen": STUDENT_AMOUNTS[level],
                       "publicized_on": day - dt.timedelta(days=ctx.rng.randint(8, 20)), "paid_on": day,
                       "payment_uuid": payment["uuid"]})
    return grants


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
    gig = [i for i in active if p.job[i].form != STD]
    rows = []
    for i in sorted(ctx.rng.sample(gig, round(len(gig) * 0.02))):
        summer = ctx.rng.random() < 0.5 and ctx.today >= dt.date(ctx.today.year, 7, 31)
        day = dt.date(ctx.today.year, 7 if summer else 1, ctx.rng.randint(5, 28))
        rows.append(_visit(ctx, p, i, ctx.today.year, day, "新就业形态劳动者", None, summer=summer))
    return rows


def _visit(ctx: DemoContext, p: People, i: int, year: int, day: dt.date, group: str, case_uuid: str | None,
           *, summer: bool = False) -> dict[str, Any]:
    """A festival visit to member ``i``: gifts, or cash (慰问金) at New Year, a cooling pack in summer."""
    gift = "清凉大礼包" if summer else ctx.rng.choice(pools.FESTIVAL_GIFTS)
    cash = gift == "慰问金"  # 慰问金 is money (amount_fen), the others are 慰问品
    return {"office_code": p.office[i].code, "year": year, "festival": "夏送清凉" if summer else "元旦春节",
            "case_uuid": case_uuid, "member_uuid": p.uuid[i], "name": p.name[i], "id_number": p.id_number[i],
            "group": group, "visited_on": day, "gift": None if cash else gift, "amount_fen": 100_000 if cash else 0,
            "visitor": p.office[i].name}


def _visit_payments(visits: list[dict[str, Any]], campaigns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The 送温暖慰问 payment each 慰问金 to a filed household makes in its file (db.aid.campaigns does it for
    a visit added by hand): visits to a file fall in its active period, so each cash one has its payment."""
    names = {c["uuid"]: c["name"] for c in campaigns}
    rows = []
    for visit in visits:
        if visit["case_uuid"] is None or not visit["amount_fen"]:
            continue
        visit["payment_uuid"] = new_uuid()
        rows.append({"uuid": visit["payment_uuid"], "office_code": visit["office_code"],
                     "case_uuid": visit["case_uuid"], "kind": CASH_KIND, "amount_fen": visit["amount_fen"],
                     "paid_on": visit["visited_on"], "method": CASH_METHOD,
                     "remarks": f"{names[visit['campaign_uuid']]}慰问金"})
    return rows


def _campaigns(visits: list[dict[str, Any]], this_year: int) -> list[dict[str, Any]]:
    """One 送温暖 campaign per office, year and festival of the visits (each visit linked to its own), over
    the visits' days, for the groups visited, with the default caps; those of past years closed."""
    keys = sorted({(v["office_code"], v["year"], v["festival"]) for v in visits})
    rows = []
    for (office, year, festival), uuid in zip(keys, uuid_batch(len(keys)), strict=True):
        mine = [v for v in visits if (v["office_code"], v["year"], v["festival"]) == (office, year, festival)]
        for visit in mine:
            visit["campaign_uuid"] = uuid
        days = [v["visited_on"] for v in mine]
        groups = [g for g in reference.values("festival_group") if any(v["group"] == g for v in mine)]
        name = f"{year}年{festival}" + ("" if "送" in festival else "送温暖")  # 夏送清凉 names itself
        rows.append({"uuid": uuid, "office_code": office, "name": name, "year": year,
                     "festival": festival, "starts_on": min(days), "ends_on": max(days),
                     "target_groups": "、".join(groups), "visit_cap_fen": DEFAULT_VISIT_CAP_FEN,
                     "yearly_cap_fen": DEFAULT_YEARLY_CAP_FEN, "closed_on": max(days) if year < this_year else None})
    return rows

