"""What the entrants page reads and its one write: entrant rows with the judges they avoid (回避), the judges
in order, and an entrant removed by mistake brought back with its number and scores — but not over a second
entry of the same person, nor on a published contest."""

from __future__ import annotations

import datetime as dt

import pytest

from db.auth import Actor
from db.contests import cases, results
from db.contests.entrants import contest_judges, entrant_rows, judge_scores, restore_entrant
from db.errors import ValidationError
from db.models import Contest
from db.store import Store
from db.validation import make_id_number

CONTEST = {"name": "东四家政服务员技能竞赛", "trade": "家政服务员", "level": "街道级", "starts_on": "2026-05-10",
           "ends_on": "2026-05-11", "theory_weight": 30, "practical_weight": 70, "judge_count": 3,
           "drop_extremes": "否", "quota_first": 1, "quota_second": 0, "quota_third": 0}


def person(n: int) -> str:
    return make_id_number("110101", dt.date(1980, 1, 1) + dt.timedelta(days=n), n * 10 + 1)


@pytest.fixture
def contest(store: Store, clerk: Actor) -> Contest:
    return cases.create_contest(store, clerk, CONTEST)


def test_rows_name_the_judges_each_entrant_avoids(store: Store, clerk: Actor, contest: Contest) -> None:
    cases.add_entrant(store, clerk, contest.uuid, {"name": "甲", "id_number": person(1), "employer": "甲养老院"})
    cases.add_entrant(store, clerk, contest.uuid, {"name": "乙", "id_number": person(2), "employer": "乙家政",
                                                   "team": "（东四）代表队", "eligibility_notes": "持证三年"})
    cases.set_judges(store, clerk, contest.uuid, [{"name": "赵", "employer": "(东四)代表队"},
                                                  {"name": "钱", "employer": "丙中心"},
                                                  {"name": "孙", "employer": "乙家政"}])
    rows = entrant_rows(store, contest.uuid)
    assert [(r.entry_no, r.name, r.gender, r.avoided) for r in rows] == [("0001", "甲", "男", ()),
                                                                         ("0002", "乙", "男", (1, 3))]
    assert rows[1].eligibility_notes == "持证三年"
    assert [(j.judge_no, j.name) for j in contest_judges(store, contest.uuid)] == [(1, "赵"), (2, "钱"), (3, "孙")]
    cases.set_judges(store, clerk, contest.uuid, [{"name": "赵", "employer": None}])
    assert [j.name for j in contest_judges(store, contest.uuid)] == ["赵"]
    assert entrant_rows(store, contest.uuid)[1].avoided == ()


def test_a_removed_entrant_comes_back_with_its_number_and_scores(store: Store, clerk: Actor,
                                                                 contest: Contest) -> None:
    entry = cases.add_entrant(store, clerk, contest.uuid, {"name": "甲", "id_number": person(1)})
    for number, score in ((1, "80"), (2, "90"), (3, "85")):
        cases.set_judge_score(store, clerk, entry.uuid, number, score)
    cases.set_judge_score(store, clerk, entry.uuid, 3, "")  # cleared before the removal: stays cleared
    scores = judge_scores(store, entry.uuid)
    assert scores == {1: 8000, 2: 9000}
    cases.remove_entrant(store, clerk, entry.uuid)
    assert entrant_rows(store, contest.uuid) == []
    back = restore_entrant(store, clerk, entry.uuid, scores)
    assert not back.deleted and back.entry_no == "0001"
    assert cases.score_sheet(store, contest.uuid)[0].judges == {1: 8000, 2: 9000}


def test_no_restore_over_a_second_entry_nor_after_publishing(store: Store, clerk: Actor, admin: Actor,
                                                             contest: Contest) -> None:
    entry = cases.add_entrant(store, clerk, contest.uuid, {"name": "甲", "id_number": person(1)})
    cases.remove_entrant(store, clerk, entry.uuid)
    again = cases.add_entrant(store, clerk, contest.uuid, {"name": "甲", "id_number": person(1)})
    with pytest.raises(ValidationError, match="已报名本竞赛"):
        restore_entrant(store, clerk, entry.uuid, {})
    cases.set_theory_score(store, clerk, again.uuid, "90")
    for number in (1, 2, 3):
        cases.set_judge_score(store, clerk, again.uuid, number, "85")
    cases.remove_entrant(store, clerk, again.uuid)
    other = cases.add_entrant(store, clerk, contest.uuid, {"name": "乙", "id_number": person(2)})
    cases.set_theory_score(store, clerk, other.uuid, "90")
    for number in (1, 2, 3):
        cases.set_judge_score(store, clerk, other.uuid, number, "85")
    results.publish(store, admin, contest.uuid)
    with pytest.raises(ValidationError, match="成绩已发布"):
        restore_entrant(store, clerk, again.uuid, {})
