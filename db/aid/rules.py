"""The rules of hardship aid (困难职工帮扶) that do not need the database: the household's per-capita income,
the causes of hardship (one main, up to three minor, never the same twice), the category the income suggests,
the workflow's allowed steps (a table of transitions with who may take each) and the days it counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from db.errors import ValidationError


def per_capita_fen(household_income_fen: Any, household_size: Any) -> int | None:
    """家庭月人均收入 (fen): the yearly household income over twelve months and the household's people; None
    when either is not a number (a value an older program stored as text)."""
    income, size = household_income_fen or 0, household_size or 1
    if not (isinstance(income, int) and isinstance(size, int)):
        return None
    return income // (12 * max(size, 1))


def check_case(values: Mapping[str, Any]) -> None:
    """The main cause of hardship is not one of the minor ones."""
    minor = (values.get("minor_causes") or "").split("、")
    if values.get("main_cause") and values["main_cause"] in minor:
        raise ValidationError("次要致困原因", "不能与主要致困原因相同")


# --- the workflow (申请 → 入户核查 → 审核 → 公示 → 审批 → 在档 → 解困脱困 / 注销) ----------------------------

WRITE = "records.write"
APPROVE = "aid.approve"
OPEN_STATUSES = ("applied", "verified", "reviewed", "publicized", "filed")
CLOSED_STATUSES = ("relieved", "cancelled")
STATUSES = (*OPEN_STATUSES, *CLOSED_STATUSES)
# a step is named by the status it leads to; who may take it: any one of the permissions
TRANSITIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("applied", "verified"): (WRITE,),  # 入户核查
    ("applied", "cancelled"): (WRITE,),  # the application is withdrawn
    ("verified", "reviewed"): (WRITE, APPROVE),  # 审核: by the office's clerk or its 审核人
    ("verified", "cancelled"): (WRITE,),
    ("reviewed", "publicized"): (WRITE,),  # 公示 starts
    ("reviewed", "cancelled"): (WRITE,),
    ("publicized", "filed"): (APPROVE,),  # 审批 → 在档
    ("publicized", "reviewed"): (APPROVE,),  # 审批不同意: back to 审核 (an upheld objection does the same)
    ("publicized", "cancelled"): (WRITE,),
    ("filed", "relieved"): (WRITE,),  # 解困脱困
    ("filed", "cancelled"): (WRITE,),  # 注销 (撤档): moved, retired, died
}
# the documents the applicant signs at the home visit: 入户核查 waits for both
VISIT_DOCUMENTS = ("申请书", "家庭经济状况核对授权委托书")
CLOSING_REASON_LIMIT = 60  # the file's 撤档原因 column


def steps_from(status: str) -> list[str]:
    """The steps a file in ``status`` may take next, in the workflow's order (none once closed)."""
    return [to for (frm, to) in TRANSITIONS if frm == status]


def step_permissions(status: str, step: str) -> tuple[str, ...] | None:
    """The permissions of which one allows ``step`` from ``status``; None: not a step from there."""
    return TRANSITIONS.get((status, step))


def is_open(status: str) -> bool:
    """A file not yet closed (解困脱困 / 注销): it counts for one household, one file."""
    return status in OPEN_STATUSES


def approval_from(publicized_on: dt.date, days: int) -> dt.date:
    """The first day 审批 may happen: the 公示 began on ``publicized_on`` (its day 1) and lasts ``days`` days."""
    return publicized_on + dt.timedelta(days=days)


def may_anonymise_from(closed_on: dt.date, years: int) -> dt.date:
    """A closed file is kept ``years`` years from its closing day; a closing on 29 February counts to 28."""
    try:
        return closed_on.replace(year=closed_on.year + years)
    except ValueError:
        return closed_on.replace(year=closed_on.year + years, day=28)


# --- the category suggested by the income (a person chooses) -------------------------------------------------

DEEP, RELATIVE, ACCIDENT = "深度困难", "相对困难", "意外致困"


def suggest_category(per_capita: int | None, dibao_line: int | None) -> str | None:
    """深度困难 below the local 低保 line, 相对困难 below twice the line (per-capita monthly, fen); None when
    neither applies or either is unknown. 意外致困 is never suggested: a person judges it."""
    if per_capita is None or not dibao_line:
        return None
    if per_capita < dibao_line:
        return DEEP
    if per_capita < 2 * dibao_line:
        return RELATIVE
    return None


def age_on(birth: dt.date, day: dt.date) -> int:
    """Full years of age on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
