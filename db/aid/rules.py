"""The rules of hardship aid (困难职工帮扶) that do not need the database: the household's per-capita income
and the causes of hardship (one main, up to three minor, never the same twice)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from db.errors import ValidationError


def per_capita_fen(household_income_fen: int | None, household_size: int | None) -> int:
    """家庭月人均收入 (fen): the yearly household income over twelve months and the household's people."""
    return (household_income_fen or 0) // (12 * max(household_size or 1, 1))


def check_case(values: Mapping[str, Any]) -> None:
    """The main cause of hardship is not one of the minor ones."""
    minor = (values.get("minor_causes") or "").split("、")
    if values.get("main_cause") and values["main_cause"] in minor:
        raise ValidationError("次要致困原因", "不能与主要致困原因相同")
