"""What the contest tab reads and writes beside the use cases it shares: the list's year filter (a named filter
of the contest hooks), the years offered, one contest for its form, and deleting a contest — refused once it
has entrants or published results, and taken back."""

from __future__ import annotations

import pytest

from db.auth import Actor
from db.contests import cases, results
from db.contests.fields import CONTESTS
from db.contests.reads import contest_details, contest_years
from db.contests.tabular import year_flag
from db.errors import NotFound, PermissionDenied, ValidationError
from db.listing import ListFilter, read_count
from db.store import Store

RULE = {"name": "东四家政服务员技能竞赛", "trade": "家政服务员", "level": "街道级", "starts_on": "2026-05-10",
        "ends_on": "2026-05-11", "theory_weight": 30, "practical_weight": 70}


def test_the_year_filter_keeps_the_contests_starting_in_that_year(store: Store, clerk: Actor) -> None:
    for name, starts in (("甲", "2025-12-31"), ("乙", "2026-01-01"), ("丙", "2026-12-31"), ("丁", "2027-01-01")):
        cases.create_contest(store, clerk, {**RULE, "name": name, "starts_on": starts, "ends_on": starts})
    assert read_count(store, CONTESTS, ListFilter(flags=(year_flag(2026),))) == 2
    assert read_count(store, CONTESTS, ListFilter(flags=(year_flag(2026),), equals=(("level", "区级"),))) == 0
    assert read_count(store, CONTESTS, ListFilter(flags=(year_flag(2024),))) == 0
    assert contest_years(store) == [2027, 2026, 2025]
    with pytest.raises(ValueError):
        read_count(store, CONTESTS, ListFilter(flags=("year:soon",)))


def test_a_contest_is_deleted_and_back_unless_it_has_entrants_or_results(store: Store, clerk: Actor,
                                                                         approver: Actor) -> None:
    uuid = cases.create_contest(store, clerk, RULE).uuid
    assert contest_details(store, uuid)["entrants"] == 0
    with pytest.raises(PermissionDenied):
        cases.delete_contest(store, approver, uuid)
    cases.delete_contest(store, clerk, uuid)
    with pytest.raises(NotFound):
        contest_details(store, uuid)
    assert contest_years(store) == []
    again = cases.create_contest(store, clerk, RULE).uuid  # the name and date are free while it is deleted
    with pytest.raises(ValidationError, match="已经登记过"):
        cases.undelete_contest(store, clerk, uuid)
    cases.delete_contest(store, clerk, again)
    cases.undelete_contest(store, clerk, uuid)
    assert contest_details(store, uuid)["name"] == RULE["name"]
    cases.add_entrant(store, clerk, uuid, {"name": "王芳", "id_number": "110101198001010029"})
    assert contest_details(store, uuid)["entrants"] == 1
    with pytest.raises(ValidationError, match="已有1名参赛选手"):
        cases.delete_contest(store, clerk, uuid)
    published = cases.create_contest(store, clerk, {**RULE, "starts_on": "2026-06-01", "ends_on": "2026-06-01"})
    results.mark_published(store, clerk, published.uuid, {})
    with pytest.raises(ValidationError, match="成绩已发布"):
        cases.delete_contest(store, clerk, published.uuid)
