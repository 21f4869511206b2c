"""The hardship-aid settings an office's administrator keeps (帮扶设置): the local 低保 line year by year, how
many days a file's 公示 lasts before 审批, and how many years a closed file is kept before it may be anonymised.

The 低保 line changes every year and a file is judged by the line of its year, so the lines are kept as a
history by year: saving one year's line leaves the others. A year without a line of its own takes the latest
earlier year's (the line holds until a new one is published); before any line is saved there is none and no
category is suggested. Defaults: 公示 7 days (DOMAIN.md), files kept 10 years (全总《困难职工档案管理办法》,
which is also the least an office may set).

Payments (帮扶记录) may have caps by type *(local)*: at most so much a payment and so much a person (a
household's file, or a payee without one) a calendar year, each in fen, None for no cap (the default: an
office sets its own). 金秋助学 pays an amount by school level (fen), none until set.

Anyone reads them; only an administrator (``settings.manage``) writes them, one audited transaction each.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from db import reference
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
CAPS_KEY = "aid.payment_caps"
STUDENT_KEY = "aid.student_amounts"
AMOUNT_RANGE = (1, 100_000_000)  # fen: up to 1,000,000 元
DIBAO_LABEL = "低保标准（元/月）"
PER_PAYMENT_LABEL = "单笔限额（元）"
PER_YEAR_LABEL = "每人每年限额（元）"
STUDENT_AMOUNT_LABEL = "金秋助学资助标准（元）"
PUBLICITY_LABEL = "公示天数"
RETENTION_LABEL = "撤档后保存年限"


@dataclass(frozen=True)
class PaymentCap:
    """The caps of one payment type in fen: per payment and per person per calendar year; None: no cap."""

    per_payment: int | None = None
    per_year: int | None = None


@dataclass(frozen=True)
class AidSettings:
    """The settings as plain values: ``dibao_lines`` {year: fen a month}, the 公示's days, the years kept,
    ``payment_caps`` {payment type: PaymentCap} and ``student_amounts`` {school level: fen}."""

    dibao_lines: dict[int, int] = field(default_factory=dict)
    publicity_days: int = DEFAULT_PUBLICITY_DAYS
    retention_years: int = DEFAULT_RETENTION_YEARS
    payment_caps: dict[str, PaymentCap] = field(default_factory=dict)
    student_amounts: dict[str, int] = field(default_factory=dict)

    def cap_for(self, kind: str) -> PaymentCap:
        """The caps of payment type ``kind`` (no cap when none was set)."""
        return self.payment_caps.get(kind, PaymentCap())

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
                       _stored_int(session, RETENTION_KEY, DEFAULT_RETENTION_YEARS),
                       _stored_caps(session), _stored_amounts(session))


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


# --- payment caps and 金秋助学 amounts ------------------------------------------------------------------

def set_payment_cap(store: Store, actor: Actor, kind: str, *, per_payment_fen: int | None,
                    per_year_fen: int | None) -> AidSettings:
    """The caps of payment type ``kind`` (帮扶类型): per payment and per person per year in fen, None for no cap.
    A yearly cap below the one per payment is refused (no payment could reach it)."""
    require(actor, MANAGE)
    kind = _one_of("aid_payment_kind", kind, "帮扶类型")
    for label, value in ((PER_PAYMENT_LABEL, per_payment_fen), (PER_YEAR_LABEL, per_year_fen)):
        _fen(value, label)
    if per_payment_fen is not None and per_year_fen is not None and per_year_fen < per_payment_fen:
        raise ValidationError(PER_YEAR_LABEL,
                              f"不能小于单笔限额：{per_year_fen / 100:.2f} < {per_payment_fen / 100:.2f}")
    with store.transaction(actor, action="aid_settings") as session:
        before = read_in(session)
        old, new = before.cap_for(kind), PaymentCap(per_payment_fen, per_year_fen)
        if old != new:
            caps = dict(before.payment_caps) | {kind: new}
            set_setting(session, CAPS_KEY, json.dumps(
                {k: {"per_payment": c.per_payment, "per_year": c.per_year} for k, c in sorted(caps.items())
                 if c != PaymentCap()}, ensure_ascii=False))
            append_audit(session.connection(), actor.username, [
                ("aid_settings", "settings", CAPS_KEY, {"kind": kind, "per_payment": [old.per_payment, per_payment_fen],
                                                        "per_year": [old.per_year, per_year_fen]})])
        return read_in(session)


def set_student_amount(store: Store, actor: Actor, level: str, amount_fen: int | None) -> AidSettings:
    """The 金秋助学 amount of school level ``level`` (就读阶段) in fen; None removes it (no grant at that level)."""
    require(actor, MANAGE)
    level = _one_of("student_level", level, "就读阶段")
    _fen(amount_fen, STUDENT_AMOUNT_LABEL)
    with store.transaction(actor, action="aid_settings") as session:
        before = read_in(session)
        old = before.student_amounts.get(level)
        if old != amount_fen:
            amounts = dict(before.student_amounts)
            if amount_fen is None:
                amounts.pop(level, None)
            else:
                amounts[level] = amount_fen
            set_setting(session, STUDENT_KEY, json.dumps(dict(sorted(amounts.items())), ensure_ascii=False))
            append_audit(session.connection(), actor.username, [
                ("aid_settings", "settings", STUDENT_KEY, {"level": level, "value": [old, amount_fen]})])
        return read_in(session)


def _one_of(values: str, given: str, label: str) -> str:
    if given not in reference.values(values):
        raise ValidationError(label, f"“{given}”不在可选范围内：{'、'.join(reference.values(values))}")
    return given


def _fen(value: Any, label: str) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or not AMOUNT_RANGE[0] <= value <= AMOUNT_RANGE[1]:
        shown = f"{value / 100:.2f}" if isinstance(value, int) else value
        raise ValidationError(label, f"应在0.01到{AMOUNT_RANGE[1] // 100}元之间：{shown}")


def _is_fen(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _stored_caps(session: Session) -> dict[str, PaymentCap]:
    stored = _stored(session, CAPS_KEY)
    if not isinstance(stored, dict):
        return {}
    caps = {}
    for kind, cap in stored.items():
        if isinstance(cap, dict):  # a value that is no amount counts as no cap
            caps[str(kind)] = PaymentCap(*(v if _is_fen(v) else None
                                           for v in (cap.get("per_payment"), cap.get("per_year"))))
    return caps


def _stored_amounts(session: Session) -> dict[str, int]:
    stored = _stored(session, STUDENT_KEY)
    return {str(k): v for k, v in stored.items() if _is_fen(v)} if isinstance(stored, dict) else {}


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
