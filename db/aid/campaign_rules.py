"""The rules of a 送温暖 campaign that need no database: its days lie in order and touch its year, and a
visit's cap is not above the year's (both in fen)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from db.errors import ValidationError

ENDS_LABEL = "结束日期"
YEAR_LABEL = "年度"
YEARS = (2000, 2100)
VISIT_CAP_LABEL = "每次慰问金上限（元）"
YEARLY_CAP_LABEL = "每人每年慰问金上限（元）"


def yuan(fen: int) -> str:
    """Fen as a clerk reads yuan in a message: 3,000.00."""
    return f"{fen / 100:,.2f}"


def _day(value: Any) -> dt.date | None:
    """A date as typed (a date) or as a batch carries it (ISO text)."""
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value


def check_campaign(values: Mapping[str, Any]) -> None:
    """年度 between 2000 and 2100, 结束日期 not before 开始日期, the days touching the campaign's 年度 (a 春节
    campaign of 2027 may start in December 2026), and 每次慰问金上限 at most 每人每年慰问金上限."""
    starts, ends, year = _day(values.get("starts_on")), _day(values.get("ends_on")), values.get("year")
    if isinstance(year, int) and not YEARS[0] <= year <= YEARS[1]:
        raise ValidationError(YEAR_LABEL, f"应在{YEARS[0]}到{YEARS[1]}之间：{year}")
    if starts is not None and ends is not None:
        if ends < starts:
            raise ValidationError(ENDS_LABEL, "不能早于开始日期")
        if isinstance(year, int) and not starts.year <= year <= ends.year:
            raise ValidationError(ENDS_LABEL, f"活动日期（{starts.isoformat()} 至 {ends.isoformat()}）不在{year}年度内")
    visit, yearly = values.get("visit_cap_fen"), values.get("yearly_cap_fen")
    if isinstance(visit, int) and isinstance(yearly, int) and visit > yearly:
        raise ValidationError(VISIT_CAP_LABEL, f"{yuan(visit)} 元不能高于每人每年上限 {yuan(yearly)} 元")
