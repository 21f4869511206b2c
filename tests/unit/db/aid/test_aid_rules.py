"""The pure rules of hardship aid: the workflow's table of transitions (every pair of statuses), the category
the income suggests at its boundaries, and the days the workflow counts (公示, retention, age)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from db import reference
from db.aid.rules import (
    APPROVE,
    STATUSES,
    TRANSITIONS,
    WRITE,
    age_on,
    approval_from,
    is_open,
    may_anonymise_from,
    step_permissions,
    steps_from,
    suggest_category,
)
from db.models import AID_STATUSES

LEGAL = {
    ("applied", "verified"), ("applied", "cancelled"),
    ("verified", "reviewed"), ("verified", "cancelled"),
    ("reviewed", "publicized"), ("reviewed", "cancelled"),
    ("publicized", "filed"), ("publicized", "reviewed"), ("publicized", "cancelled"),
    ("filed", "relieved"), ("filed", "cancelled"),
}
ALL_PAIRS = list(itertools.product(STATUSES, STATUSES))


def test_the_statuses_are_the_models_and_the_reference_lists() -> None:
    assert set(STATUSES) == set(AID_STATUSES) == set(reference.labels("aid_status"))
    assert set(STATUSES) == set(reference.labels("aid_step"))
    assert set(TRANSITIONS) == LEGAL


@pytest.mark.parametrize(("status", "step"), ALL_PAIRS, ids=[f"{a}->{b}" for a, b in ALL_PAIRS])
def test_every_pair_of_statuses_is_a_step_or_refused(status: str, step: str) -> None:
    assert (step_permissions(status, step) is not None) == ((status, step) in LEGAL)
    assert (step in steps_from(status)) == ((status, step) in LEGAL)


def test_only_an_approver_approves_and_a_closed_file_takes_no_step() -> None:
    assert step_permissions("publicized", "filed") == (APPROVE,)
    assert step_permissions("verified", "reviewed") == (WRITE, APPROVE)
    assert all(APPROVE not in p for (frm, to), p in TRANSITIONS.items() if (frm, to) not in {
        ("publicized", "filed"), ("publicized", "reviewed"), ("verified", "reviewed")})
    assert steps_from("relieved") == steps_from("cancelled") == []
    assert [s for s in STATUSES if is_open(s)] == ["applied", "verified", "reviewed", "publicized", "filed"]


@pytest.mark.parametrize(("per_capita", "expected"), [
    (0, "深度困难"), (109_999, "深度困难"),  # below the line
    (110_000, "相对困难"), (219_999, "相对困难"),  # at the line: no longer 深度; below twice the line
    (220_000, None), (500_000, None),  # twice the line and above: no hardship by income
])
def test_the_category_suggested_at_the_boundaries_of_the_dibao_line(per_capita: int, expected: str | None) -> None:
    assert suggest_category(per_capita, 110_000) == expected


def test_no_suggestion_without_a_line_or_an_income_and_never_an_accident() -> None:
    assert suggest_category(50_000, None) is None
    assert suggest_category(None, 110_000) is None
    assert "意外致困" not in {suggest_category(n, 110_000) for n in range(0, 300_000, 1000)}


def test_the_publicity_period_and_the_retention_period() -> None:
    assert approval_from(dt.date(2025, 3, 1), 7) == dt.date(2025, 3, 8)
    assert approval_from(dt.date(2025, 12, 28), 7) == dt.date(2026, 1, 4)
    assert may_anonymise_from(dt.date(2025, 5, 20), 10) == dt.date(2035, 5, 20)
    assert may_anonymise_from(dt.date(2024, 2, 29), 10) == dt.date(2034, 2, 28)
    assert age_on(dt.date(2010, 6, 2), dt.date(2025, 6, 1)) == 14
    assert age_on(dt.date(2010, 6, 1), dt.date(2025, 6, 1)) == 15
