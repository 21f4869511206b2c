"""The results page's reading (results.standing): provisional before publishing (ranked by the rule, ties in
the first three waiting for a draw named by their rows), the stored places and 证书编号 once published, the
team ranking by each employer's best three, and the provisional ranking again after an admin reopened."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from db.auth import Actor
from db.contests import cases, results
from db.models import Contest, ContestEntry
from db.store import Store
from db.validation import make_id_number

CONTEST = {"name": "敬老杯养老护理员技能大赛", "trade": "养老护理员", "level": "街道级", "starts_on": "2026-05-10",
           "ends_on": "2026-05-10", "theory_weight": 20, "practical_weight": 80, "judge_count": 1,
           "quota_first": 1, "quota_second": 1, "quota_third": 1, "quota_merit": 0, "expert_top": 2}


@pytest.fixture
def contest(store: Store, clerk: Actor) -> Contest:
    return cases.create_contest(store, clerk, CONTEST)


def entrant(store: Store, clerk: Actor, contest: Contest, n: int, theory: Any, practical: Any,
            employer: str) -> ContestEntry:
    number = make_id_number("110101", dt.date(1985, 1, 1) + dt.timedelta(days=n), n * 10 + 1)
    entry = cases.add_entrant(store, clerk, contest.uuid, {"name": f"选手{n}", "id_number": number,
                                                           "employer": employer})
    if theory is not None:
        cases.set_theory_score(store, clerk, entry.uuid, theory)
    if practical is not None:
        cases.set_judge_score(store, clerk, entry.uuid, 1, practical)
    return entry


def test_provisional_then_published_then_reopened(store: Store, clerk: Actor, admin: Actor,
                                                  contest: Contest) -> None:
    a = entrant(store, clerk, contest, 1, 80, 80, "甲公司")  # 80.00, tied with b in everything
    b = entrant(store, clerk, contest, 2, 80, 80, "乙公司")
    entrant(store, clerk, contest, 3, 70, 70, "甲公司")  # 70.00
    late = entrant(store, clerk, contest, 4, 90, None, "乙公司")  # no practical yet: not ranked
    got = results.standing(store, contest.uuid)
    assert not got.published and got.published_by is None and got.name == CONTEST["name"]
    assert [(r.entry_no, r.rank, r.total) for r in got.rows] == [
        ("0001", 1, 8000), ("0002", 1, 8000), ("0003", 3, 7000), ("0004", None, None)]
    assert [[r.name for r in group] for group in got.needs_draw] == [["选手1", "选手2"]]
    assert all(r.certificate_no is None for r in got.rows)
    assert got.teams == (("甲公司", 15000, 1), ("乙公司", 8000, 2))

    cases.update_entrant(store, clerk, a.uuid, {"draw_no": 2})
    cases.update_entrant(store, clerk, b.uuid, {"draw_no": 1})
    cases.set_judge_score(store, clerk, late.uuid, 1, 50)  # 18 + 40 = 58.00: below the pass mark
    got = results.standing(store, contest.uuid)
    assert got.needs_draw == () and [(r.name, r.rank, r.draw) for r in got.rows][:2] == [
        ("选手2", 1, 1), ("选手1", 2, 2)]

    results.publish(store, clerk, contest.uuid)
    got = results.standing(store, contest.uuid)
    assert got.published and got.published_by == "clerk"
    assert [(r.name, r.rank, r.award, r.title, r.certificate_no) for r in got.rows] == [
        ("选手2", 1, "一等奖", "技术能手", "110101006-2026-0001"),
        ("选手1", 2, "二等奖", "技术能手", "110101006-2026-0002"),
        ("选手3", 3, "三等奖", None, "110101006-2026-0003"),
        ("选手4", 4, None, None, None)]

    results.reopen(store, admin, contest.uuid, "申诉成立：理论成绩误录")
    got = results.standing(store, contest.uuid)
    assert not got.published and got.reopened_by == "admin" and got.reopen_reason == "申诉成立：理论成绩误录"
    assert [r.rank for r in got.rows] == [1, 2, 3, 4] and all(r.certificate_no is None for r in got.rows)
