"""Demo households of hardship files: who lives with the member, and how the household income is shared."""

from __future__ import annotations

import datetime as dt
from typing import Any

from db.demo import pools, work_pools
from db.demo.context import SURNAMES, DemoContext
from db.demo.people import People

# per-capita monthly income as a multiple of the 低保 line, by category
INCOME_BANDS = {"深度困难": (0.55, 0.95), "相对困难": (1.0, 1.95), "意外致困": (0.8, 2.5)}


def household(ctx: DemoContext, p: People, i: int, size: int) -> tuple[str, list[dict[str, Any]]]:
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
    """A relative of member ``i`` of a plausible age, with a name no one else in the household has."""
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
    """Where a relative works or studies at ``age``: kindergarten, school, an employer, 退休 or 无业."""
    if age < 3:
        return None
    if age < 23 and relation == "子女":
        return pools.KINDERGARTEN if age < 6 else ctx.rng.choice(pools.SCHOOLS)
    if age >= 60:
        return "退休"
    return ctx.rng.choice(work_pools.EMPLOYERS).name if ctx.rng.random() < 0.6 else "无业"


def share_incomes(ctx: DemoContext, category: str, size: int, working: bool,
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
