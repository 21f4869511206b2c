"""Publishing a contest's results (公布成绩) as the published rule says: ranked and awarded from the stored
scores, certificate numbers in rank order, scores frozen — and refused, with nothing written, while a score is
missing, while a tie in the first three awaits its draw, or while quotas exceed the entrants. A judge who
avoids (回避) an entrant does not count in that entrant's practical score, in the grid and in the ranking alike."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from db.auth import Actor
from db.contests import cases, results
from db.contests.entrants import contest_judges
from db.errors import ValidationError
from db.models import Contest, ContestEntry
from db.store import Store
from db.validation import make_id_number

CONTEST = {"name": "敬老杯家政服务员技能大赛", "trade": "家政服务员", "level": "街道级", "starts_on": "2026-05-10",
           "ends_on": "2026-05-10", "theory_weight": 20, "practical_weight": 80, "judge_count": 3,
           "drop_extremes": "否", "quota_first": 1, "quota_second": 1, "quota_third": 1, "quota_merit": 0}


def person(n: int) -> str:
    return make_id_number("110101", dt.date(1980, 1, 1) + dt.timedelta(days=n), n * 10 + 1)


@pytest.fixture
def contest(store: Store, clerk: Actor) -> Contest:
    return cases.create_contest(store, clerk, CONTEST)


def scored(store: Store, clerk: Actor, contest: Contest, n: int, theory: Any, judges: tuple[Any, ...],
           employer: str = "甲家政公司") -> ContestEntry:
    entry = cases.add_entrant(store, clerk, contest.uuid, {"name": f"选手{n}", "id_number": person(n),
                                                           "employer": employer})
    cases.set_theory_score(store, clerk, entry.uuid, theory)
    for number, score in enumerate(judges, start=1):
        if score is not None:
            cases.set_judge_score(store, clerk, entry.uuid, number, score)
    return entry


def placed(store: Store, contest: Contest) -> dict[str, tuple[Any, ...]]:
    with store.transaction() as session:
        rows = session.query(ContestEntry).filter_by(contest_uuid=contest.uuid).all()
        return {e.name: (e.rank, e.award, e.certificate_no) for e in rows}


def test_published_results_follow_the_rule_and_freeze_the_scores(store: Store, clerk: Actor,
                                                                 contest: Contest) -> None:
    scored(store, clerk, contest, 1, 90, (80, 80, 80))  # 20%·90 + 80%·80 = 82.00
    scored(store, clerk, contest, 2, 70, (85, 85, 85))  # 14 + 68 = 82.00: tied, higher practical first
    scored(store, clerk, contest, 3, 60, (50, 50, 50))  # 12 + 40 = 52.00: below the pass mark, no award
    assert [p.rank for p in results.provisional(store, contest.uuid).placed] == [1, 2, 3]
    published = results.publish(store, clerk, contest.uuid)
    assert [p.total for p in published.placed] == [8200, 8200, 5200]
    got = placed(store, contest)
    assert got["选手2"][:2] == (1, "一等奖") and got["选手1"][:2] == (2, "二等奖")
    assert got["选手3"] == (3, None, None)
    assert got["选手2"][2] < got["选手1"][2]  # the first prize holds the first certificate number
    entry = next(e for e in cases.score_sheet(store, contest.uuid) if e.name == "选手3")
    with pytest.raises(ValidationError) as caught:
        cases.set_theory_score(store, clerk, entry.uuid, 99)
    assert "成绩已发布" in caught.value.reason


def test_a_missing_score_refuses_publishing_and_names_the_entrant(store: Store, clerk: Actor,
                                                                  contest: Contest) -> None:
    scored(store, clerk, contest, 1, 90, (80, 80, 80))
    scored(store, clerk, contest, 2, 70, (85, None, 85))
    with pytest.raises(ValidationError) as caught:
        results.publish(store, clerk, contest.uuid)
    assert caught.value.field == "总成绩" and "0002" in caught.value.reason
    assert all(value == (None, None, None) for value in placed(store, contest).values())


def test_a_tie_in_the_first_three_waits_for_the_draw(store: Store, clerk: Actor, contest: Contest) -> None:
    first = scored(store, clerk, contest, 1, 80, (80, 80, 80))
    second = scored(store, clerk, contest, 2, 80, (80, 80, 80))  # equal in total, practical and theory
    scored(store, clerk, contest, 3, 70, (70, 70, 70))
    with pytest.raises(ValidationError) as caught:
        results.publish(store, clerk, contest.uuid)
    assert caught.value.field == "抽签顺序" and "0001、0002" in caught.value.reason
    cases.update_entrant(store, clerk, first.uuid, {"draw_no": 2})  # the draw, as the clerk records it
    cases.update_entrant(store, clerk, second.uuid, {"draw_no": "1"})
    results.publish(store, clerk, contest.uuid)
    got = placed(store, contest)
    assert (got["选手2"][:2], got["选手1"][:2]) == ((1, "一等奖"), (2, "二等奖"))


def test_quotas_beyond_the_entrants_refuse_publishing(store: Store, clerk: Actor, contest: Contest) -> None:
    cases.update_contest(store, clerk, contest.uuid, {"quota_first": 3})
    scored(store, clerk, contest, 1, 90, (80, 80, 80))
    scored(store, clerk, contest, 2, 70, (85, 85, 85))
    with pytest.raises(ValidationError) as caught:
        results.publish(store, clerk, contest.uuid)
    assert "超过参赛人数" in caught.value.reason


def test_a_judge_who_avoids_an_entrant_does_not_count(store: Store, clerk: Actor, contest: Contest) -> None:
    cases.set_judges(store, clerk, contest.uuid, [{"name": "李评", "employer": "乙家政公司"},
                                                  {"name": "王评", "employer": "丙公司"},
                                                  {"name": "赵评", "employer": "丁公司"}])
    own = scored(store, clerk, contest, 1, 90, (None, 80, 70), employer="乙家政公司")  # judge 1 avoids
    sheet = {row.uuid: row for row in cases.score_sheet(store, contest.uuid)}
    assert sheet[own.uuid].avoided == (1,) and sheet[own.uuid].practical == 7500
    cases.set_judge_score(store, clerk, own.uuid, 1, 100)  # typed anyway: flagged, not counted
    assert cases.score_sheet(store, contest.uuid)[0].practical == 7500
    assert results.provisional(store, contest.uuid).placed[0].practical == 7500  # the ranking agrees


def test_judges_are_frozen_with_the_published_results(store: Store, clerk: Actor, contest: Contest) -> None:
    """A judge's unit decides whom the judge avoids, and so the practical scores: published results keep theirs."""
    cases.set_judges(store, clerk, contest.uuid, [{"name": "钱评", "employer": "乙公司"}])
    scored(store, clerk, contest, 1, 90, (80, 80, 80))
    scored(store, clerk, contest, 2, 70, (60, 60, 60))
    scored(store, clerk, contest, 3, 60, (70, 70, 70))
    results.publish(store, clerk, contest.uuid)
    with pytest.raises(ValidationError, match="已发布"):
        cases.set_judges(store, clerk, contest.uuid, [{"name": "钱评", "employer": "甲家政公司"}])
    assert [(j.name, j.employer) for j in contest_judges(store, contest.uuid)] == [("钱评", "乙公司")]
