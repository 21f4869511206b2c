"""The rules of hardship aid (困难职工帮扶) that do not need the database: the household's per-capita income
and the causes of hardship (one main, up to three minor, never the same twice)."""

from __future__ import annotations

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
