"""Use cases of the payments (帮扶记录): a payment recorded, changed or taken back, and a year's totals by type.

A payment has a type (帮扶类型), an amount typed in yuan with at most two decimals and kept in fen (more than
zero), the day it was paid (not after today), how (发放方式), a voucher number (凭证号, one payment per number in
an office) and its approver (审批人, as on the paper). Rules, each a refusal naming it with nothing written:

- only a file in 在档 receives payments. The one exception is 应急救助 (emergency aid): it may go to a file
  not yet in 在档 (still open), or to a worker with no such file, named by name and ID number (收款人, kept on
  the payment: its file is then empty) — either way with the reason (救助事由). A worker who has a file in
  在档 is paid on that file. A closed file (解困脱困 / 注销) receives nothing;
- caps by type (:mod:`db.aid.settings`): per payment and per person per calendar year (a file's household,
  or a payee without a file by ID number). Above a cap, only an approver (``aid.approve``) may record the
  payment, with a reason: the approver and the reason are kept on the payment (超限审批人, 超限理由) and in
  the audit entry. A clerk above a cap is refused with the cap and the amounts;
- a second payment of one type in one calendar month to the same household asks for confirmation: it raises
  :class:`NeedsConfirmation` (a ValidationError naming the earlier payment) unless ``confirmed_repeat``.

Each rule has one home here, used by the use cases and by a spreadsheet import (:mod:`db.aid.tabular`, which
gives the file's earlier rows as ``pending``): :func:`check_paid_on`, :func:`check_target`, :func:`check_voucher`,
:func:`over_cap` with :func:`override_stands`, :func:`month_repeat`, :func:`check_changeable`.

Clerks (``records.write``) and approvers record and change payments (an approver alone above a cap, as when
recording); clerks take them back. A payment of a
closed file is archived and is not changed. A payment made by a 金秋助学 grant (:mod:`db.aid.students`) keeps
its type and amount and is taken back with the grant only; one made by a 送温暖 visit (:mod:`db.aid.campaigns`)
is changed and taken back in its campaign only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db import reference
from db.aid import settings as aid_settings
from db.aid.cases import get_case, office_name, step_day
from db.aid.fields import AID_PAYMENTS, PAYMENT_TABLE
from db.aid.payment_rules import EMERGENCY, check_payee
from db.aid.rules import APPROVE, WRITE, is_open
from db.auth import Actor, require
from db.errors import ValidationError
from db.models import AidCase, AidHouseholdMember, AidPayment, AidStudentGrant, FestivalCampaign, FestivalVisit, Member
from db.records import clean_given, live
from db.store import Store
from db.validation import mask_id_number

LABEL = AID_PAYMENTS.label
KIND_LABEL = PAYMENT_TABLE.field("kind").label
AMOUNT_LABEL = PAYMENT_TABLE.field("amount_fen").label
DAY_LABEL = PAYMENT_TABLE.field("paid_on").label
VOUCHER_LABEL = PAYMENT_TABLE.field("voucher_no").label
PAYEE_LABEL = PAYMENT_TABLE.field("payee_name").label
PAYEE_ID_LABEL = PAYMENT_TABLE.field("payee_id_number").label
REASON_LABEL = PAYMENT_TABLE.field("reason").label
OVERRIDE_LABEL = PAYMENT_TABLE.field("override_reason").label
# what a payment's form writes; the file is given apart, the override by its own argument
_GIVEN = frozenset({"kind", "amount_fen", "paid_on", "method", "approver", "voucher_no", "payee_name",
                    "payee_id_number", "reason", "remarks"})
_REQUIRED = ("kind", "amount_fen", "paid_on", "method")
# what decides the caps and the month's repeat: changing anything else leaves an override and a confirmation
_DECISIVE = ("kind", "amount_fen", "paid_on", "case_uuid", "payee_id_number")


class NeedsConfirmation(ValidationError):
    """A second payment of one type in one calendar month to one household: recorded only when confirmed
    (``confirmed_repeat=True``). ``earlier`` is the uuid of the payment already made that month."""

    def __init__(self, field: str, message: str, earlier: str) -> None:
        super().__init__(field, message)
        self.earlier = earlier


@dataclass(frozen=True, slots=True)
class KindTotal:
    """A year's payments of one type: how many, and their sum in fen."""

    kind: str
    count: int
    fen: int


def yuan(fen: int) -> str:
    return f"{fen / 100:,.2f}元"


def _may_record(actor: Actor | None) -> Actor:
    """A clerk records a payment; so does an approver (who alone may go above a cap)."""
    if actor is not None and actor.can(APPROVE):
        return actor
    return require(actor, WRITE)


def _clean(fields: Mapping[str, Any]) -> dict[str, Any]:
    values = clean_given(PAYMENT_TABLE, _GIVEN, fields)
    check_paid_on(values)
    return values


def check_paid_on(values: Mapping[str, Any]) -> None:
    """The day paid is not after today (the day the rules see)."""
    if values.get("paid_on") is not None:
        step_day(values["paid_on"], DAY_LABEL)


# --- the rules ------------------------------------------------------------------------------------------

def check_target(session: Session, case_uuid: str | None, values: Mapping[str, Any]) -> AidCase | None:
    """The file paid (its status allows this payment), or None for a payee without a file, checked."""
    kind = values["kind"]
    if case_uuid is not None:
        case = get_case(session, case_uuid)
        for attr in ("payee_name", "payee_id_number"):
            if values.get(attr) is not None:
                raise ValidationError(PAYMENT_TABLE.field(attr).label, "发放给档案时不填（收款人即该档案的家庭）")
        if case.status == "filed":
            return case
        status = reference.label("aid_status", case.status)
        if kind != EMERGENCY or not is_open(case.status):
            raise ValidationError(LABEL, f"档案 {case.case_no} 当前为{status}，只有在档的档案才能发放帮扶"
                                         f"（未撤档的档案可发放应急救助）")
        if not values.get("reason"):
            raise ValidationError(REASON_LABEL, f"档案 {case.case_no} 当前为{status}，发放应急救助须填写事由")
        return case
    check_payee(values)
    filed = filed_case_of(session, values["payee_id_number"])
    if filed is not None:
        where = f"{filed.case_no}（{office_name(session, filed.office_code)}）"
        raise ValidationError(PAYEE_ID_LABEL, f"{mask_id_number(values['payee_id_number'])} 已在在档档案 {where} 中，"
                                              f"请在该档案下发放")
    return None


def filed_case_of(session: Session, id_number: str) -> AidCase | None:
    """The file in 在档 whose member, or one of whose household, has this ID number."""
    filed = select(AidCase).where(AidCase.deleted.is_(False), AidCase.status == "filed")
    return session.scalars(filed.where(or_(
        AidCase.member_uuid.in_(select(Member.uuid).where(Member.id_number == id_number, Member.deleted.is_(False))),
        AidCase.uuid.in_(select(AidHouseholdMember.case_uuid).where(
            AidHouseholdMember.id_number == id_number, AidHouseholdMember.deleted.is_(False)))))).first()


def _same_household(payment: AidPayment) -> Any:
    """Payments to the same household as ``payment``: its file's, or its payee's without a file."""
    if payment.case_uuid is not None:
        return AidPayment.case_uuid == payment.case_uuid
    return (AidPayment.case_uuid.is_(None)) & (AidPayment.payee_id_number == payment.payee_id_number)


def _others(session: Session, payment: AidPayment, start: dt.date, end: dt.date,
            pending: Iterable[AidPayment] = ()) -> list[AidPayment]:
    """The other live payments of the same type and household paid from ``start`` up to (not) ``end``, by
    day: the stored ones, and those ``pending`` (an import's earlier rows, not yet written; a stored payment
    a row changes counts as the row has it)."""
    pending = [p for p in pending if p is not payment]
    stmt = select(AidPayment).where(AidPayment.deleted.is_(False), AidPayment.kind == payment.kind,
                                    _same_household(payment), AidPayment.paid_on >= start, AidPayment.paid_on < end)
    skip = {u for u in (payment.uuid, *(p.uuid for p in pending)) if u}
    stored = [p for p in session.scalars(stmt.order_by(AidPayment.paid_on)) if p.uuid not in skip]
    return sorted(stored + [p for p in pending if p.kind == payment.kind and start <= p.paid_on < end
                            and _household(p) == _household(payment)], key=lambda p: p.paid_on)


def _household(payment: AidPayment) -> tuple[str | None, str | None]:
    return (payment.case_uuid, None) if payment.case_uuid is not None else (None, payment.payee_id_number)


def check_voucher(session: Session, payment: AidPayment, pending: Iterable[AidPayment] = ()) -> None:
    """One payment per voucher number (凭证号) in an office, among those not taken back (and ``pending``)."""
    if not payment.voucher_no:
        return
    taken = next((p for p in pending if p is not payment and p.voucher_no == payment.voucher_no
                  and p.office_code == payment.office_code), None)
    taken = taken or session.scalars(select(AidPayment).where(
        AidPayment.deleted.is_(False), AidPayment.office_code == payment.office_code,
        AidPayment.voucher_no == payment.voucher_no, AidPayment.uuid != (payment.uuid or ""))).first()
    if taken is not None:
        raise ValidationError(VOUCHER_LABEL, f"凭证号 {payment.voucher_no} 已用于 {taken.paid_on.isoformat()} 的"
                                             f"{taken.kind} {yuan(taken.amount_fen)}，同一单位的凭证号不能重复")


def over_cap(session: Session, payment: AidPayment, pending: Iterable[AidPayment] = ()) -> str | None:
    """What cap the payment goes above (the words of the refusal), or None; the yearly cap counts the
    household's other payments of the type that year, stored and ``pending``."""
    cap = aid_settings.read_in(session).cap_for(payment.kind)
    amount = payment.amount_fen
    if cap.per_payment is not None and amount > cap.per_payment:
        return f"超过{payment.kind}单笔限额{yuan(cap.per_payment)}（本次{yuan(amount)}）"
    if cap.per_year is not None:
        year = payment.paid_on.year
        earlier = sum(p.amount_fen for p in _others(session, payment, dt.date(year, 1, 1),
                                                      dt.date(year + 1, 1, 1), pending))
        if earlier + amount > cap.per_year:
            return (f"超过{payment.kind}每人每年限额{yuan(cap.per_year)}（{year}年已发{yuan(earlier)}，"
                    f"本次{yuan(amount)}，合计{yuan(earlier + amount)}）")
    return None


def _check_caps(session: Session, actor: Actor, payment: AidPayment, override_reason: str | None,
                decisive_changed: bool) -> None:
    over = over_cap(session, payment)
    if over is None:
        payment.override_by = payment.override_reason = None
        return
    if override_stands(payment, decisive_changed):
        return
    if not actor.can(APPROVE):
        raise ValidationError(AMOUNT_LABEL, f"{over}，须由审核人审批超限并填写理由")
    reason = (override_reason or "").strip()
    if not reason:
        raise ValidationError(OVERRIDE_LABEL, f"{over}，审批超限须填写理由")
    payment.override_by, payment.override_reason = actor.username, reason
    session.info["action"] = "aid_payment_override"  # the audit entry says it, with the reason beside it
    session.info["audit_reason"] = reason


def override_stands(payment: AidPayment, decisive_changed: bool) -> bool:
    """An approver's override stands for what it was given for: the payment's type, amount, day and household."""
    return payment.override_by is not None and not decisive_changed


def month_repeat(session: Session, payment: AidPayment,
                 pending: Iterable[AidPayment] = ()) -> tuple[str, AidPayment] | None:
    """The household's earlier payment of the type in the payment's calendar month (stored or ``pending``),
    with the words naming it; None if it is the month's first."""
    day = payment.paid_on
    start = day.replace(day=1)
    end = (start + dt.timedelta(days=32)).replace(day=1)
    earlier = next(iter(_others(session, payment, start, end, pending)), None)
    if earlier is None:
        return None
    voucher = f"，凭证号 {earlier.voucher_no}" if earlier.voucher_no else ""
    return (f"该户{day.year}年{day.month}月已有一笔{payment.kind}"
            f"（{earlier.paid_on.isoformat()}，{yuan(earlier.amount_fen)}{voucher}）"), earlier


def _check_repeat(session: Session, payment: AidPayment) -> None:
    repeat = month_repeat(session, payment)
    if repeat is not None:
        raise NeedsConfirmation(KIND_LABEL, f"{repeat[0]}，确认后再登记", repeat[1].uuid)


def _check(session: Session, actor: Actor, payment: AidPayment, *, override_reason: str | None,
           decisive_changed: bool, ask_repeat: bool) -> None:
    check_voucher(session, payment)
    _check_caps(session, actor, payment, override_reason, decisive_changed)
    if ask_repeat:  # last: a confirmation is asked only of what may be written
        _check_repeat(session, payment)


# --- the use cases --------------------------------------------------------------------------------------

def record_payment(store: Store, actor: Actor, case_uuid: str | None, fields: Mapping[str, Any], *,
                   override_reason: str | None = None, confirmed_repeat: bool = False) -> AidPayment:
    """Record a payment (帮扶记录) to the file ``case_uuid`` — or, with None, an emergency payment (应急救助) to
    a worker without a file in 在档, named by ``payee_name`` and ``payee_id_number`` with a ``reason``.
    ``fields``: kind, amount_fen (yuan as typed), paid_on, method (required); approver, voucher_no, reason,
    remarks. ``override_reason``: an approver's reason for going above a cap. Raises
    :class:`NeedsConfirmation` for a second payment of the type in the month unless ``confirmed_repeat``."""
    _may_record(actor)
    values = _clean(fields)
    for attr in _REQUIRED:
        if values.get(attr) is None:
            raise ValidationError(PAYMENT_TABLE.field(attr).label, "必须填写")
    with store.transaction(actor, action="record_payment") as session:
        case = check_target(session, case_uuid, values)
        payment = AidPayment(office_code=case.office_code if case else actor.office_code,
                             case_uuid=case.uuid if case else None,
                             **{k: v for k, v in values.items() if v is not None})
        _check(session, actor, payment, override_reason=override_reason, decisive_changed=True,
               ask_repeat=not confirmed_repeat)
        session.add(payment)
    return payment


def _payment_to_change(session: Session, uuid: str) -> tuple[AidPayment, AidCase | None]:
    payment = live(session, AidPayment, uuid, LABEL)
    return payment, check_changeable(session, payment)


def check_changeable(session: Session, payment: AidPayment) -> AidCase | None:
    """A stored payment may be changed or taken back while its file is open (a closed file's are archived);
    its file (None without one)."""
    case = get_case(session, payment.case_uuid) if payment.case_uuid else None
    if case is not None and not is_open(case.status):
        raise ValidationError(LABEL, f"档案 {case.case_no} 已撤档，其帮扶记录不能修改")
    campaign = campaign_of(session, payment.uuid)
    if campaign is not None:
        raise ValidationError(LABEL, f"该记录为“{campaign}”的送温暖慰问金，请在送温暖活动中修改或移除该慰问对象")
    return case


def campaign_of(session: Session, payment_uuid: str) -> str | None:
    """The name of the 送温暖 campaign whose visit paid this 送温暖慰问 payment (:mod:`db.aid.campaigns` writes,
    changes and takes it back with the visit), or None."""
    return session.scalars(select(FestivalCampaign.name).join(
        FestivalVisit, FestivalVisit.campaign_uuid == FestivalCampaign.uuid).where(
        FestivalVisit.payment_uuid == payment_uuid)).first()


def grant_of(session: Session, payment_uuid: str) -> AidStudentGrant | None:
    """The 金秋助学 grant a payment was made by (its type and amount follow the grant), or None."""
    return session.scalars(select(AidStudentGrant).where(
        AidStudentGrant.payment_uuid == payment_uuid, AidStudentGrant.deleted.is_(False))).first()


def update_payment(store: Store, actor: Actor, uuid: str, changes: Mapping[str, Any], *,
                   override_reason: str | None = None, confirmed_repeat: bool = False) -> AidPayment:
    """Change a payment's fields (as :func:`record_payment` takes them; its file stays). The rules are
    applied to the payment as changed; a cap's override and a month's confirmation stand while its type,
    amount, day and household stay. Who may record a payment may change it (an approver, to correct an amount
    above a cap with the override's reason)."""
    _may_record(actor)
    values = _clean(changes)
    with store.transaction(actor, action="update") as session:
        payment, case = _payment_to_change(session, uuid)
        for attr, value in values.items():
            if value is None and attr in _REQUIRED:
                raise ValidationError(PAYMENT_TABLE.field(attr).label, "必须填写")
        if grant_of(session, payment.uuid) is not None and \
                any(values.get(a, getattr(payment, a)) != getattr(payment, a) for a in ("kind", "amount_fen")):
            raise ValidationError(LABEL, "该记录为金秋助学发放，类型和金额按资助标准，不能修改")
        check_target(session, payment.case_uuid, {a: getattr(payment, a) for a in _GIVEN} | values)
        before = {a: getattr(payment, a) for a in _DECISIVE}
        for attr, value in values.items():
            setattr(payment, attr, value)
        changed = any(getattr(payment, a) != before[a] for a in _DECISIVE)
        # the month's question is asked again only of another month, type or household (not a corrected amount)
        moved = payment.kind != before["kind"] or payment.payee_id_number != before["payee_id_number"] \
            or payment.paid_on.replace(day=1) != before["paid_on"].replace(day=1)
        _check(session, actor, payment, override_reason=override_reason, decisive_changed=changed,
               ask_repeat=moved and not confirmed_repeat)
    return payment


def delete_payment(store: Store, actor: Actor, uuid: str) -> AidPayment:
    """Take back a payment recorded by mistake (marked deleted; kept for sync and the audit trail)."""
    require(actor, WRITE)
    with store.transaction(actor, action="delete_payment") as session:
        payment, _case = _payment_to_change(session, uuid)
        if grant_of(session, payment.uuid) is not None:
            raise ValidationError(LABEL, "该记录为金秋助学发放，请在金秋助学中撤销")
        payment.deleted = True
    return payment


# --- reads -----------------------------------------------------------------------------------------------

def year_totals(store: Store, year: int, office_code: str | None = None) -> list[KindTotal]:
    """A calendar year's payments by type (every type of the list, then any other stored): count and fen;
    of one office, or of all the database holds (a district's)."""
    with store.transaction() as session:
        stmt = select(AidPayment.kind, func.count(), func.coalesce(func.sum(AidPayment.amount_fen), 0)).where(
            AidPayment.paid_on >= dt.date(year, 1, 1), AidPayment.paid_on < dt.date(year + 1, 1, 1),
            AidPayment.deleted.is_(False))
        if office_code is not None:
            stmt = stmt.where(AidPayment.office_code == office_code)
        found = {kind: (count, fen) for kind, count, fen in session.execute(stmt.group_by(AidPayment.kind))}
    kinds = reference.values("aid_payment_kind")
    return [KindTotal(kind, *found.get(kind, (0, 0))) for kind in [*kinds, *sorted(set(found) - set(kinds))]]
