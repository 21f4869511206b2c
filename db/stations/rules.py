"""The rules of the warm-station registry, pure (no database): which status steps a station may take, the
"六有" standard, star ratings, which inspection findings propose marking a station down, and why a station
needs attention on a given day. The use cases (:mod:`db.stations.cases`) apply them; the list and the form
ask them what to show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid5

from db.errors import ValidationError
from db.models.stations import CLOSED, PAUSED, PLANNING, RUNNING
from db.stations.fields import SIX_CHECKS, STATIONS

__all__ = ["CREATE_STATUSES", "IN_SERVICE", "MEDICINE_WARNING_DAYS", "STEPS", "StationFacts", "StatusStep",
           "attention_reasons", "check_stars", "first_of_month", "log_month_closed", "markdown_reasons",
           "month_before", "month_log_uuid",
           "proposed_stars", "six_complete", "six_missing", "steps_from", "year_before"]

_LOG_NAMESPACE = UUID("5b0e6c1e-7d1a-4c2e-9a57-3f1f4d8e2a61")  # fixed forever: month log identities
MEDICINE_WARNING_DAYS = 30  # medicine expiring this soon is flagged, so it is replaced before it runs out


# --- status steps (筹建 → 运行 → 暂停 / 撤销) ---------------------------------------------------------------

@dataclass(frozen=True)
class StatusStep:
    """One kind of status change: which statuses allow it, where it leads, whether it needs a reason."""

    kind: str  # the station_event code
    allowed_from: tuple[str, ...]
    to_status: str
    reason_required: bool = False


STEPS: dict[str, StatusStep] = {step.kind: step for step in (
    StatusStep("open", (PLANNING,), RUNNING),
    StatusStep("pause", (RUNNING,), PAUSED, reason_required=True),
    StatusStep("resume", (PAUSED,), RUNNING),
    StatusStep("close", (PLANNING, RUNNING, PAUSED), CLOSED, reason_required=True),
)}

# the statuses a station may be registered in: one that is paused or closed is registered as running first
CREATE_STATUSES = (PLANNING, RUNNING)
# the statuses of a station in service: it is inspected, rated (评星) and watched for attention
IN_SERVICE = (RUNNING, PAUSED)


def steps_from(status: str | None) -> tuple[str, ...]:
    """The status steps a station in ``status`` may take now (none for a station not yet saved)."""
    if status is None:
        return ()
    return tuple(kind for kind, step in STEPS.items() if status in step.allowed_from)


# --- 六有 and stars --------------------------------------------------------------------------------------

def six_missing(values: Mapping[str, Any]) -> list[str]:
    """The labels of the "六有" checks ``values`` (a station or an inspection) does not pass, in order."""
    return [check.label for check in SIX_CHECKS if not values.get(check.attr)]


def six_complete(values: Mapping[str, Any]) -> bool:
    """Whether a station (or an inspection) passes all six "六有" checks."""
    return not six_missing(values)


def check_stars(value: Any) -> int:
    """A star rating 1–5 (a number or its text); ValidationError naming 星级 otherwise."""
    stars: int | None = STATIONS.field("stars").clean(value)
    if stars is None:
        raise ValidationError("星级", "必须填写（1到5星）")
    return stars


# --- inspections that propose marking down ---------------------------------------------------------------

def _hours(text: Any) -> str:
    """Opening hours compared as a person reads them: spaces, full-width signs and dash kinds aside."""
    return "".join(str(text or "").split()).replace("：", ":").replace("—", "-").replace("–", "-") \
        .replace("～", "-").replace("~", "-").replace("至", "-")


def markdown_reasons(inspection: Mapping[str, Any]) -> list[str]:
    """Why an inspection proposes marking the station down: a failed "六有" check, not open as posted
    (the actual hours differ from the posted ones, when both were noted), medicine expired on the day.
    Empty when the inspection found nothing of the kind."""
    reasons = []
    missing = six_missing(inspection)
    if missing:
        reasons.append(f"“六有”未达标：{'、'.join(missing)}")
    posted, actual = inspection.get("posted_hours"), inspection.get("actual_hours")
    if posted and actual and _hours(posted) != _hours(actual):
        reasons.append(f"未按公示时间开放（公示{posted}，实际{actual}）")
    expiry, day = inspection.get("medicine_expiry"), inspection.get("inspected_on")
    if expiry is not None and day is not None and expiry < day:
        reasons.append(f"药品已过期（有效期至{expiry.isoformat()}）")
    return reasons


def proposed_stars(current: int | None, reasons: list[str]) -> int | None:
    """The stars a mark-down proposes: one star fewer. None when there is nothing to propose: no reasons,
    a station not rated yet, or one at 1★ already (below that is closing it, a person's decision)."""
    if not reasons or current is None or current <= 1:
        return None
    return current - 1


# --- needs attention ------------------------------------------------------------------------------------

def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_before(day: dt.date) -> dt.date:
    """The first day of the month before ``day``'s month."""
    first = first_of_month(day)
    return first_of_month(first - dt.timedelta(days=1))


def year_before(day: dt.date) -> dt.date:
    """The same day a year earlier (29 February → 28 February): the last 12 months are the days after it."""
    return day.replace(year=day.year - 1, day=28 if (day.month, day.day) == (2, 29) else day.day)


@dataclass(frozen=True)
class StationFacts:
    """What the attention rules read of one station, as of a day (the use case gathers it in a few queries).

    ``last_inspected_on``: the latest inspection up to the day; ``logged_last_month``: a log of the month
    before the day's month exists; ``medicine_expiry``: as noted at the latest inspection that noted one;
    ``overdue_follow_up``: the earliest due date of a follow-up not done (None when there is none).
    """

    status: str
    built_on: dt.date | None = None
    last_inspected_on: dt.date | None = None
    logged_last_month: bool = False
    medicine_expiry: dt.date | None = None
    open_follow_up_due: dt.date | None = None


def attention_reasons(facts: StationFacts, on: dt.date) -> list[str]:
    """Why a station needs attention on day ``on``: no inspection in the last 12 months, no log of last
    month, medicine expired or expiring within 30 days, an open follow-up past its due date.

    Only stations in service are watched: running ones for all four, paused ones for all but the log (a
    paused station serves nobody); stations in planning or closed never. A station built within the last
    12 months is not yet due an inspection, nor one built this month a log of last month.
    """
    if facts.status not in (RUNNING, PAUSED):
        return []
    reasons = []
    since = year_before(on)
    if facts.last_inspected_on is None or facts.last_inspected_on <= since:
        if facts.last_inspected_on is not None or facts.built_on is None or facts.built_on <= since:
            last = facts.last_inspected_on.isoformat() if facts.last_inspected_on else "从未检查"
            reasons.append(f"超过12个月未检查（上次：{last}）")
    last_month = month_before(on)
    if (facts.status == RUNNING and not facts.logged_last_month
            and (facts.built_on is None or facts.built_on < first_of_month(on))):
        reasons.append(f"{last_month.year}年{last_month.month}月台账未录入")
    if facts.medicine_expiry is not None:
        if facts.medicine_expiry < on:
            reasons.append(f"药品已过期（有效期至{facts.medicine_expiry.isoformat()}）")
        elif facts.medicine_expiry <= on + dt.timedelta(days=MEDICINE_WARNING_DAYS):
            reasons.append(f"药品{MEDICINE_WARNING_DAYS}天内到期（有效期至{facts.medicine_expiry.isoformat()}）")
    if facts.open_follow_up_due is not None and facts.open_follow_up_due < on:
        reasons.append(f"整改逾期未完成（期限{facts.open_follow_up_due.isoformat()}）")
    return reasons


def log_month_closed(month: dt.date, status: str, built_on: dt.date | None, today: dt.date) -> str | None:
    """Why a station's log of ``month`` cannot be entered now, or None when it can: a station in planning
    has no log, a month after this one has not happened, a month before the station was built had none."""
    first = first_of_month(month)
    if status == PLANNING:
        return "驿站尚在筹建，没有台账"
    if first > first_of_month(today):
        return "未到的月份不能填写"
    if built_on is not None and first < first_of_month(built_on):
        return f"早于建成月份（{built_on.year}年{built_on.month}月），不能填写"
    return None


# --- identities ----------------------------------------------------------------------------------------

def month_log_uuid(station_uuid: str, first: dt.date) -> str:
    """The identity of a station's month log, the same in every office's database: a month entered in
    two offices (a sub-district and its district) is then one row that sync merges or shows as a
    conflict, never two rows that the one-log-per-month constraint would refuse in the middle of an
    import. (A name-based UUID, not a time-ordered one: a dozen rows a year per station do not mind.)"""
    return str(uuid5(_LOG_NAMESPACE, f"station_log:{station_uuid}:month:{first.isoformat()}"))
