"""The warm-station rules, without a database: status steps, 六有, stars, mark-downs, needs attention."""

from __future__ import annotations

import datetime as dt

import pytest

from db.errors import ValidationError
from db.stations.rules import (
    STEPS,
    StationFacts,
    attention_reasons,
    check_stars,
    markdown_reasons,
    month_before,
    month_log_uuid,
    proposed_stars,
    six_complete,
    six_missing,
    steps_from,
)

ALL_SIX = {"has_sign": True, "has_fixed_place": True, "has_facilities": True, "has_rules": True,
           "has_staff": True, "on_map": True}
ON = dt.date(2024, 6, 15)


def test_status_steps_follow_planning_running_paused_closed() -> None:
    assert steps_from(None) == ()
    assert steps_from("planning") == ("open", "close")
    assert steps_from("running") == ("pause", "close")
    assert steps_from("paused") == ("resume", "close")
    assert steps_from("closed") == ()
    assert {kind: STEPS[kind].to_status for kind in STEPS} == {
        "open": "running", "pause": "paused", "resume": "running", "close": "closed"}
    assert STEPS["pause"].reason_required and STEPS["close"].reason_required
    assert not STEPS["open"].reason_required


def test_six_checks_complete_only_with_all_six() -> None:
    assert six_complete(ALL_SIX) and six_missing(ALL_SIX) == []
    assert six_missing({**ALL_SIX, "has_staff": False, "on_map": None}) == ["人员管理", "地图可查"]
    assert not six_complete({})
    assert len(six_missing({})) == 6


@pytest.mark.parametrize("value", [1, 5, "3", 4.0])
def test_stars_from_one_to_five(value: object) -> None:
    assert check_stars(value) == int(float(str(value)))


@pytest.mark.parametrize("value", [0, 6, -1, "六", 2.5, None, ""])
def test_stars_outside_one_to_five_are_refused_naming_the_field(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        check_stars(value)
    assert caught.value.field == "星级"


def inspection(**changes: object) -> dict[str, object]:
    return {**ALL_SIX, "inspected_on": ON, "posted_hours": "8:00-18:00", "actual_hours": "8:00-18:00",
            "medicine_expiry": dt.date(2025, 1, 1), **changes}


def test_a_clean_inspection_proposes_nothing() -> None:
    assert markdown_reasons(inspection()) == []
    # hours written another way are the same hours
    assert markdown_reasons(inspection(actual_hours="8：00 ～ 18：00")) == []
    # hours not noted cannot prove anything
    assert markdown_reasons(inspection(actual_hours=None)) == []


def test_failed_checks_wrong_hours_and_expired_medicine_propose_marking_down() -> None:
    reasons = markdown_reasons(inspection(has_facilities=False, actual_hours="9:00-17:00",
                                          medicine_expiry=dt.date(2024, 6, 1)))
    assert reasons == ["“六有”未达标：完备设施", "未按公示时间开放（公示8:00-18:00，实际9:00-17:00）",
                       "药品已过期（有效期至2024-06-01）"]
    # medicine expiring on the day of the inspection is not expired yet
    assert markdown_reasons(inspection(medicine_expiry=ON)) == []


def test_a_mark_down_is_one_star_and_never_below_one() -> None:
    assert proposed_stars(4, ["x"]) == 3
    assert proposed_stars(2, ["x"]) == 1
    assert proposed_stars(1, ["x"]) is None
    assert proposed_stars(None, ["x"]) is None
    assert proposed_stars(5, []) is None


def test_month_before_crosses_the_year() -> None:
    assert month_before(dt.date(2024, 1, 31)) == dt.date(2023, 12, 1)
    assert month_before(dt.date(2024, 3, 1)) == dt.date(2024, 2, 1)


def facts(**changes: object) -> StationFacts:
    base: dict[str, object] = {"status": "running", "built_on": dt.date(2020, 1, 1),
                               "last_inspected_on": dt.date(2024, 4, 1), "logged_last_month": True,
                               "medicine_expiry": dt.date(2025, 1, 1), "open_follow_up_due": None}
    return StationFacts(**{**base, **changes})  # type: ignore[arg-type]


def test_a_well_kept_station_needs_no_attention() -> None:
    assert attention_reasons(facts(), ON) == []


def test_each_attention_reason_on_its_own() -> None:
    assert attention_reasons(facts(last_inspected_on=dt.date(2023, 6, 16)), ON) == []
    assert attention_reasons(facts(last_inspected_on=dt.date(2023, 6, 15)), ON) == [
        "超过12个月未检查（上次：2023-06-15）"]
    assert attention_reasons(facts(last_inspected_on=None), ON) == ["超过12个月未检查（上次：从未检查）"]
    assert attention_reasons(facts(logged_last_month=False), ON) == ["2024年5月台账未录入"]
    assert attention_reasons(facts(medicine_expiry=dt.date(2024, 6, 14)), ON) == ["药品已过期（有效期至2024-06-14）"]
    assert attention_reasons(facts(medicine_expiry=dt.date(2024, 7, 15)), ON) == [
        "药品30天内到期（有效期至2024-07-15）"]
    assert attention_reasons(facts(medicine_expiry=dt.date(2024, 7, 16)), ON) == []
    assert attention_reasons(facts(open_follow_up_due=dt.date(2024, 6, 14)), ON) == [
        "整改逾期未完成（期限2024-06-14）"]
    assert attention_reasons(facts(open_follow_up_due=ON), ON) == []  # due today is not late yet


def test_new_paused_planning_and_closed_stations() -> None:
    # built three months ago: not yet due an inspection; built this month: no log of last month expected
    assert attention_reasons(facts(built_on=dt.date(2024, 3, 10), last_inspected_on=None), ON) == []
    assert attention_reasons(facts(built_on=dt.date(2024, 6, 1), logged_last_month=False,
                                   last_inspected_on=None), ON) == []
    # a paused station serves nobody: no log expected, but inspections and medicine still count
    assert attention_reasons(facts(status="paused", logged_last_month=False,
                                   medicine_expiry=dt.date(2024, 1, 1)), ON) == ["药品已过期（有效期至2024-01-01）"]
    for status in ("planning", "closed"):
        assert attention_reasons(facts(status=status, last_inspected_on=None, logged_last_month=False), ON) == []


def test_twelve_months_are_calendar_months_also_across_a_leap_day() -> None:
    on = dt.date(2024, 2, 29)
    assert attention_reasons(facts(last_inspected_on=dt.date(2023, 3, 1)), on) == []
    assert attention_reasons(facts(last_inspected_on=dt.date(2023, 2, 28)), on) == [
        "超过12个月未检查（上次：2023-02-28）"]


def test_a_month_log_has_one_identity_per_station_and_month() -> None:
    first = month_log_uuid("s-1", dt.date(2024, 5, 1))
    assert first == month_log_uuid("s-1", dt.date(2024, 5, 1)) and len(first) == 36
    assert first != month_log_uuid("s-1", dt.date(2024, 6, 1)) != month_log_uuid("s-2", dt.date(2024, 5, 1))
