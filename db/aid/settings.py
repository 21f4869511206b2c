"""The hardship-aid settings an office's administrator keeps (帮扶设置): the local 低保 line year by year, how
many days a file's 公示 lasts before 审批, and how many years a closed file is kept before it may be anonymised.

The 低保 line changes every year and a file is judged by the line of its year, so the lines are kept as a
history by year: saving one year's line leaves the others. A year without a line of its own takes the latest
earlier year's (the line holds until a new one is published); before any line is saved there is none and no
category is suggested. Defaults: 公示 7 days (DOMAIN.md), files kept 10 years (全总《困难职工档案管理办法》,
which is also the least an office may set).

Anyone reads them; only an administrator (``settings.manage``) writes them, one audited transaction each.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from db.auth import Actor, require
from db.errors import ValidationError
from db.offices import get_setting, set_setting
from db.store import Store
from db.writes import append_audit

MANAGE = "settings.manage"
DIBAO_KEY = "aid.dibao_lines"
PUBLICITY_KEY = "aid.publicity_days"
RETENTION_KEY = "aid.retention_years"
DEFAULT_PUBLICITY_DAYS = 7
DEFAULT_RETENTION_YEARS = 10
PUBLICITY_RANGE = (1, 30)
RETENTION_RANGE = (10, 50)  # never shorter than the national rule's 10 years
YEAR_RANGE = (2000, 2100)
LINE_RANGE = (1, 10_000_000)  # fen a month: up to 100,000 元
DIBAO_LABEL = "低保标准（元/月）"
PUBLICITY_LABEL = "公示天数"
RETENTION_LABEL = "撤档后保存年限"


@dataclass(frozen=True)
class AidSettings:
    """The settings as plain values: ``dibao_lines`` {year: fen a month}, the 公示's days, the years kept."""

    dibao_lines: dict[int, int] = field(default_factory=dict)
    publicity_days: int = DEFAULT_PUBLICITY_DAYS
    retention_years: int = DEFAULT_RETENTION_YEARS

    def line_for(self, year: int) -> int | None:
        """The 低保 line (fen a month) that holds in ``year``: its own, else the latest earlier year's."""
        earlier = [y for y in self.dibao_lines if y <= year]
        return self.dibao_lines[max(earlier)] if earlier else None


def read_in(session: Session) -> AidSettings:
    """The settings inside a transaction already open (a use case checking a step)."""
    lines = _stored(session, DIBAO_KEY)
    good_lines = {int(y): v for y, v in lines.items() if str(y).isdigit() and isinstance(v, int)} \
        if isinstance(lines, dict) else {}
    return AidSettings(good_lines, _stored_int(session, PUBLICITY_KEY, DEFAULT_PUBLICITY_DAYS),
                       _stored_int(session, RETENTION_KEY, DEFAULT_RETENTION_YEARS))


def read(store: Store) -> AidSettings:
    """The settings of this database (the defaults where none were saved)."""
    with store.transaction() as session:
        return read_in(session)


def set_dibao_line(store: Store, actor: Actor, year: int, line_fen: int | None) -> AidSettings:
    """The 低保 line of ``year`` in fen a month (None removes that year's); other years are kept."""
    require(actor, MANAGE)
    _in_range(YEAR_RANGE, year, "年度", "")
    if line_fen is not None and (not isinstance(line_fen, int) or isinstance(line_fen, bool)
                                 or not LINE_RANGE[0] <= line_fen <= LINE_RANGE[1]):
        shown = f"{line_fen / 100:.2f}" if isinstance(line_fen, int) else line_fen
        raise ValidationError(DIBAO_LABEL, f"应在0.01到{LINE_RANGE[1] // 100}元之间：{shown}")
    with store.transaction(actor, action="aid_settings") as session:
        before = read_in(session)
        lines = dict(before.dibao_lines)
        if line_fen is None:
            lines.pop(year, None)
        else:
            lines[year] = line_fen
        if lines != before.dibao_lines:
            set_setting(session, DIBAO_KEY, json.dumps({str(y): lines[y] for y in sorted(lines)}))
            append_audit(session.connection(), actor.username, [
                ("aid_settings", "settings", DIBAO_KEY, {"year": year,
                                                         "value": [before.dibao_lines.get(year), line_fen]})])
        return read_in(session)


def save(store: Store, actor: Actor, *, publicity_days: int | None = None,
         retention_years: int | None = None) -> AidSettings:
    """Save the 公示's days (1–30) and/or the years a closed file is kept (10–50)."""
    require(actor, MANAGE)
    if publicity_days is not None:
        _in_range(PUBLICITY_RANGE, publicity_days, PUBLICITY_LABEL, "天")
    if retention_years is not None:
        _in_range(RETENTION_RANGE, retention_years, RETENTION_LABEL, "年",
                  "（全总规定撤档后至少保存10年）")
    with store.transaction(actor, action="aid_settings") as session:
        before = read_in(session)
        changes: list[tuple[str, str, str | None, dict[str, Any]]] = []
        for key, old, new in ((PUBLICITY_KEY, before.publicity_days, publicity_days),
                              (RETENTION_KEY, before.retention_years, retention_years)):
            if new is not None and new != old:
                set_setting(session, key, str(new))
                changes.append(("aid_settings", "settings", key, {"value": [old, new]}))
        if changes:  # the settings table is not a registry: the audit entry is written here
            append_audit(session.connection(), actor.username, changes)
        return read_in(session)


def _in_range(bounds: tuple[int, int], value: Any, label: str, unit: str, why: str = "") -> None:
    low, high = bounds
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValidationError(label, f"应为{low}到{high}{unit}之间的整数：{value}{why}")


def _stored(session: Session, key: str) -> Any:
    raw = get_setting(session, key)
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _stored_int(session: Session, key: str, default: int) -> int:
    value = _stored(session, key)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else default


# --- 送温暖 campaigns: the caps a new campaign starts with ------------------------------------------------

VISIT_CAP_KEY = "aid.campaign_visit_cap_fen"
YEARLY_CAP_KEY = "aid.campaign_yearly_cap_fen"
DEFAULT_VISIT_CAP_FEN = 300_000  # 3,000 元 a visit (DOMAIN.md, a local rule)
DEFAULT_YEARLY_CAP_FEN = 600_000  # 6,000 元 a person a year
CAP_RANGE = (1, 100_000_000)  # fen: up to 1,000,000 元
VISIT_CAP_LABEL = "每次慰问金上限（元）"
YEARLY_CAP_LABEL = "每人每年慰问金上限（元）"


@dataclass(frozen=True)
class CampaignCaps:
    """The caps (fen) a new 送温暖 campaign takes unless it is given its own."""

    visit_cap_fen: int = DEFAULT_VISIT_CAP_FEN
    yearly_cap_fen: int = DEFAULT_YEARLY_CAP_FEN


def campaign_caps_in(session: Session) -> CampaignCaps:
    return CampaignCaps(_stored_int(session, VISIT_CAP_KEY, DEFAULT_VISIT_CAP_FEN),
                        _stored_int(session, YEARLY_CAP_KEY, DEFAULT_YEARLY_CAP_FEN))


def campaign_caps(store: Store) -> CampaignCaps:
    """The default caps of a new campaign (3,000 元 a visit and 6,000 元 a person a year unless saved)."""
    with store.transaction() as session:
        return campaign_caps_in(session)


def set_campaign_caps(store: Store, actor: Actor, *, visit_cap_fen: int | None = None,
                      yearly_cap_fen: int | None = None) -> CampaignCaps:
    """Save the default caps (fen) of new campaigns; a visit's cap is never above the year's. Campaigns
    already created keep their own."""
    require(actor, MANAGE)
    for label, value in ((VISIT_CAP_LABEL, visit_cap_fen), (YEARLY_CAP_LABEL, yearly_cap_fen)):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                  or not CAP_RANGE[0] <= value <= CAP_RANGE[1]):
            raise ValidationError(label, f"应在0.01到{CAP_RANGE[1] // 100}元之间：{value}")
    with store.transaction(actor, action="aid_settings") as session:
        before = campaign_caps_in(session)
        after = CampaignCaps(before.visit_cap_fen if visit_cap_fen is None else visit_cap_fen,
                             before.yearly_cap_fen if yearly_cap_fen is None else yearly_cap_fen)
        if after.visit_cap_fen > after.yearly_cap_fen:
            raise ValidationError(VISIT_CAP_LABEL, f"{after.visit_cap_fen / 100:,.2f} 元不能高于每人每年上限 "
                                                   f"{after.yearly_cap_fen / 100:,.2f} 元")
        changes: list[tuple[str, str, str | None, dict[str, Any]]] = []
        for key, old, new in ((VISIT_CAP_KEY, before.visit_cap_fen, after.visit_cap_fen),
                              (YEARLY_CAP_KEY, before.yearly_cap_fen, after.yearly_cap_fen)):
            if new != old:
                set_setting(session, key, str(new))
                changes.append(("aid_settings", "settings", key, {"value": [old, new]}))
        if changes:
            append_audit(session.connection(), actor.username, changes)
        return after
