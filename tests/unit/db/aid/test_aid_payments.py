"""Payments (帮扶记录) as the office makes them: only to a file in 在档 (应急救助 also to a worker without one,
with a reason), amounts in yuan with two decimals kept in fen, unique voucher numbers, caps by type that only
an approver may go above with a reason, and a second payment of a type in a month asked to be confirmed.
Every refusal names its rule and writes nothing; each rule is tried as the roles that may and may not."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from db.aid import payments
from db.aid import settings as aid_settings
from db.aid.payments import KindTotal, NeedsConfirmation
from db.auth import Actor
from db.errors import PermissionDenied, ValidationError
from db.models import AidCase, AidPayment, AidStudentGrant, AuditEntry
from db.store import Store
from tests.conftest import OFFICE_CODE
from tests.unit.db.aid.conftest import START, Today, add_member, open_case, person, walk
from tests.unit.db.aid.conftest import snapshot as case_snapshot

NOBODY = Actor("viewer", "访客", frozenset(), OFFICE_CODE)


def snapshot(store: Store) -> tuple[Any, ...]:
    """The files' snapshot, with every payment and grant as stored."""
    with store.transaction() as session:
        paid = tuple(session.execute(select(AidPayment.uuid, AidPayment.rev, AidPayment.deleted,
                                            AidPayment.amount_fen).order_by(AidPayment.uuid)).all())
        grants = tuple(session.execute(select(AidStudentGrant.uuid, AidStudentGrant.rev, AidStudentGrant.deleted,
                                              AidStudentGrant.publicized_on, AidStudentGrant.paid_on)
                                       .order_by(AidStudentGrant.uuid)).all())
    return case_snapshot(store), paid, grants


def refused(store: Store, error: type[Exception], words: str | tuple[str, ...], call: Callable[..., Any],
            *args: Any, field: str | None = None, **kwargs: Any) -> Any:
    """``call`` is refused with ``error`` whose message holds ``words`` (and on ``field``), writing nothing."""
    before = snapshot(store)
    with pytest.raises(error) as caught:
        call(*args, **kwargs)
    for word in (words,) if isinstance(words, str) else words:
        assert word in str(caught.value), str(caught.value)
    if field is not None:
        assert isinstance(caught.value, ValidationError) and caught.value.field == field, str(caught.value)
    assert snapshot(store) == before, "a refusal wrote something"
    return caught.value


def filed_case(store: Store, clerk: Actor, clerk2: Actor, approver: Actor, today: Today, n: int = 1,
               to: str = "filed") -> AidCase:
    case = open_case(store, clerk, add_member(store, clerk, n))
    walk(store, case.uuid, to, clerk=clerk, checker=clerk2, approver=approver, today=today)
    return case


@pytest.fixture
def case(store: Store, clerk: Actor, clerk2: Actor, approver: Actor, today: Today) -> AidCase:
    """A file in 在档; today is then START + 7 days."""
    return filed_case(store, clerk, clerk2, approver, today)


def pay(amount: str = "500", kind: str = "生活救助", on: dt.date | None = None, **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "amount_fen": amount, "paid_on": on or START, "method": "转账", **extra}


def count(store: Store) -> int:
    with store.transaction() as session:
        return session.scalar(select(func.count()).select_from(AidPayment).where(AidPayment.deleted.is_(False))) or 0


# --- who records, amounts, days ------------------------------------------------------------------------

def test_a_clerk_an_admin_and_an_approver_record_payments_kept_in_fen(store: Store, clerk: Actor, admin: Actor,
                                                                        approver: Actor, case: AidCase) -> None:
    first = payments.record_payment(store, clerk, case.uuid, pay("1234.56", voucher_no="PZ-1", approver="王主席"))
    assert (first.amount_fen, first.kind, first.case_uuid, first.office_code) == (123456, "生活救助", case.uuid,
                                                                                   OFFICE_CODE)
    payments.record_payment(store, admin, case.uuid, pay("0.01", kind="医疗救助"))
    payments.record_payment(store, approver, case.uuid, pay("300", kind="就业帮扶"))
    assert count(store) == 3


def test_someone_without_a_role_records_nothing(store: Store, case: AidCase) -> None:
    refused(store, PermissionDenied, "录入和修改台账", payments.record_payment, store, NOBODY, case.uuid, pay())


@pytest.mark.parametrize(("amount", "words"), [
    ("0.001", "不能小于0.01"), ("1.001", "最多两位小数"), ("12.345", "最多两位小数"), ("-5", "不能小于0.01"),
    ("0", "不能小于0.01"), ("五百", "应为数字")])
def test_amounts_of_more_than_two_decimals_negative_or_zero_are_refused(store: Store, clerk: Actor, case: AidCase,
                                                                       amount: str, words: str) -> None:
    refused(store, ValidationError, words, payments.record_payment, store, clerk, case.uuid, pay(amount),
            field="金额（元）")


def test_a_payment_dated_after_today_is_refused_today_is_not(store: Store, clerk: Actor, case: AidCase,
                                                            today: Today) -> None:
    refused(store, ValidationError, "不能晚于今天", payments.record_payment, store, clerk, case.uuid,
            pay(on=today.day + dt.timedelta(days=1)), field="发放日期")
    payments.record_payment(store, clerk, case.uuid, pay(on=today.day))


def test_the_required_fields_are_named(store: Store, clerk: Actor, case: AidCase) -> None:
    for attr, label in (("kind", "帮扶类型"), ("method", "发放方式"), ("amount_fen", "金额（元）")):
        given = pay()
        del given[attr]
        refused(store, ValidationError, "必须填写", payments.record_payment, store, clerk, case.uuid, given,
                field=label)


# --- whom: 在档 only, 应急救助 beyond ----------------------------------------------------------------------

@pytest.mark.parametrize("status", ["applied", "reviewed", "publicized"])
def test_a_file_not_in_zaidang_gets_only_emergency_aid_with_a_reason(store: Store, clerk: Actor, clerk2: Actor,
                                                                    approver: Actor, today: Today,
                                                                    status: str) -> None:
    case = filed_case(store, clerk, clerk2, approver, today, to=status)
    refused(store, ValidationError, "只有在档的档案才能发放帮扶", payments.record_payment, store, clerk, case.uuid,
            pay())
    refused(store, ValidationError, "须填写事由", payments.record_payment, store, clerk, case.uuid,
            pay(kind="应急救助"), field="救助事由")
    paid = payments.record_payment(store, clerk, case.uuid, pay(kind="应急救助", reason="突发火灾"))
    assert paid.case_uuid == case.uuid and paid.reason == "突发火灾"


@pytest.mark.parametrize("status", ["relieved", "cancelled"])
def test_a_closed_file_gets_nothing_not_even_emergency_aid(store: Store, clerk: Actor, clerk2: Actor,
                                                          approver: Actor, today: Today, status: str) -> None:
    case = filed_case(store, clerk, clerk2, approver, today, to=status)
    for kind in ("生活救助", "应急救助"):
        refused(store, ValidationError, "只有在档的档案才能发放帮扶", payments.record_payment, store, clerk,
                case.uuid, pay(kind=kind, reason="突发火灾"), field="帮扶记录")


def test_emergency_aid_to_a_worker_without_a_file_by_name_id_number_and_reason(store: Store, clerk: Actor,
                                                                              today: Today) -> None:
    worker = {"payee_name": "李四", "payee_id_number": person(90), "reason": "工伤住院"}
    paid = payments.record_payment(store, clerk, None, pay(kind="应急救助", **worker))
    assert (paid.case_uuid, paid.payee_name, paid.payee_id_number) == (None, "李四", person(90))
    for missing, label in (("payee_name", "收款人（未在档）"), ("payee_id_number", "收款人身份证号"),
                           ("reason", "救助事由")):
        given = pay(kind="应急救助", **{k: v for k, v in worker.items() if k != missing})
        refused(store, ValidationError, "必须填写", payments.record_payment, store, clerk, None, given, field=label)
    refused(store, ValidationError, "身份证", payments.record_payment, store, clerk, None,
            pay(kind="应急救助", **(worker | {"payee_id_number": "110101198001010000"})), field="收款人身份证号")
    refused(store, ValidationError, "只能发放应急救助", payments.record_payment, store, clerk, None,
            pay(kind="生活救助", **worker), field="帮扶类型")


def test_a_worker_with_a_file_in_zaidang_is_paid_on_the_file(store: Store, clerk: Actor, case: AidCase) -> None:
    worker = {"payee_name": "职工1", "payee_id_number": person(1), "reason": "工伤住院"}
    refused(store, ValidationError, ("在档档案", "请在该档案下发放"), payments.record_payment, store, clerk, None,
            pay(kind="应急救助", **worker), field="收款人身份证号")
    refused(store, ValidationError, "发放给档案时不填", payments.record_payment, store, clerk, case.uuid,
            pay(**worker))


# --- voucher numbers ------------------------------------------------------------------------------------

def test_a_voucher_number_is_used_once_in_an_office(store: Store, clerk: Actor, case: AidCase) -> None:
    first = payments.record_payment(store, clerk, case.uuid, pay(voucher_no="PZ-7"))
    refused(store, ValidationError, ("凭证号 PZ-7 已用于", "生活救助"), payments.record_payment, store, clerk,
            case.uuid, pay(kind="医疗救助", voucher_no="PZ-7"), field="凭证号")
    payments.delete_payment(store, clerk, first.uuid)  # taken back: its number is free again
    payments.record_payment(store, clerk, case.uuid, pay(kind="医疗救助", voucher_no="PZ-7"))


# --- caps --------------------------------------------------------------------------------------------------

def test_only_an_administrator_sets_the_caps(store: Store, clerk: Actor, approver: Actor, admin: Actor) -> None:
    for actor in (clerk, approver):
        refused(store, PermissionDenied, "修改系统设置", aid_settings.set_payment_cap, store, actor, "生活救助",
                per_payment_fen=50000, per_year_fen=None)
    saved = aid_settings.set_payment_cap(store, admin, "生活救助", per_payment_fen=50000, per_year_fen=200000)
    assert saved.cap_for("生活救助") == aid_settings.PaymentCap(50000, 200000)
    assert saved.cap_for("医疗救助") == aid_settings.PaymentCap()  # none set: no cap
    refused(store, ValidationError, "不在可选范围内", aid_settings.set_payment_cap, store, admin, "生日礼金",
            per_payment_fen=1, per_year_fen=None)
    refused(store, ValidationError, "不能小于单笔限额", aid_settings.set_payment_cap, store, admin, "生活救助",
            per_payment_fen=50000, per_year_fen=40000)
    refused(store, ValidationError, "应在0.01", aid_settings.set_payment_cap, store, admin, "生活救助",
            per_payment_fen=0, per_year_fen=None)
    assert aid_settings.set_payment_cap(store, admin, "生活救助", per_payment_fen=None,
                                        per_year_fen=None).payment_caps == {}


def test_a_clerk_pays_up_to_the_cap_per_payment_and_no_more(store: Store, clerk: Actor, admin: Actor,
                                                           case: AidCase) -> None:
    aid_settings.set_payment_cap(store, admin, "生活救助", per_payment_fen=50000, per_year_fen=None)
    for actor in (clerk, admin):  # an administrator may not approve payments either
        refused(store, ValidationError, ("单笔限额500.00元", "本次500.01元", "须由审核人审批超限"),
                payments.record_payment, store, actor, case.uuid, pay("500.01"), field="金额（元）")
    paid = payments.record_payment(store, clerk, case.uuid, pay("500.00"))
    assert paid.override_by is None and paid.amount_fen == 50000


def test_an_approver_goes_above_a_cap_with_a_reason_kept_and_audited(store: Store, approver: Actor, admin: Actor,
                                                                     case: AidCase) -> None:
    aid_settings.set_payment_cap(store, admin, "医疗救助", per_payment_fen=50000, per_year_fen=None)
    refused(store, ValidationError, ("单笔限额500.00元", "审批超限须填写理由"), payments.record_payment, store,
            approver, case.uuid, pay("500.01", kind="医疗救助"), field="超限理由")
    paid = payments.record_payment(store, approver, case.uuid, pay("500.01", kind="医疗救助"),
                                   override_reason="住院手术费用高，经主席办公会研究")
    assert (paid.override_by, paid.override_reason) == ("approver", "住院手术费用高，经主席办公会研究")
    with store.transaction() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.row_uuid == paid.uuid)).one()
    assert entry.action == "aid_payment_override" and entry.actor == "approver"
    assert json.loads(entry.changes)["reason"] == "住院手术费用高，经主席办公会研究"


def test_an_override_reason_within_the_caps_is_not_recorded(store: Store, approver: Actor, case: AidCase) -> None:
    paid = payments.record_payment(store, approver, case.uuid, pay("100"), override_reason="无需")
    assert paid.override_by is None and paid.override_reason is None


def test_the_yearly_cap_counts_the_household_s_payments_of_the_type_in_the_calendar_year(
        store: Store, clerk: Actor, approver: Actor, admin: Actor, case: AidCase, today: Today) -> None:
    aid_settings.set_payment_cap(store, admin, "生活救助", per_payment_fen=None, per_year_fen=100000)
    payments.record_payment(store, clerk, case.uuid, pay("600", on=dt.date(2025, 1, 20)))
    payments.record_payment(store, clerk, case.uuid, pay("300", kind="医疗救助", on=dt.date(2025, 2, 20)))
    payments.record_payment(store, clerk, case.uuid, pay("400", on=dt.date(2025, 3, 5)))  # exactly the cap
    refused(store, ValidationError, ("每人每年限额1,000.00元", "2025年已发1,000.00元", "本次0.01元",
                                     "合计1,000.01元"),
            payments.record_payment, store, clerk, case.uuid, pay("0.01", on=dt.date(2025, 2, 1)), field="金额（元）")
    payments.record_payment(store, clerk, case.uuid, pay("600", on=dt.date(2024, 12, 31)))  # another year
    payments.record_payment(store, approver, case.uuid, pay("0.01", on=dt.date(2025, 2, 1)),
                            override_reason="年底补发")


def test_the_yearly_cap_of_a_payee_without_a_file_counts_by_id_number(store: Store, clerk: Actor,
                                                                      admin: Actor, today: Today) -> None:
    aid_settings.set_payment_cap(store, admin, "应急救助", per_payment_fen=None, per_year_fen=100000)
    worker = {"payee_name": "李四", "payee_id_number": person(90), "reason": "工伤住院"}
    payments.record_payment(store, clerk, None, pay("1000", kind="应急救助", on=dt.date(2025, 1, 5), **worker))
    refused(store, ValidationError, "每人每年限额", payments.record_payment, store, clerk, None,
            pay("0.01", kind="应急救助", **worker))
    other = worker | {"payee_name": "王五", "payee_id_number": person(91)}
    payments.record_payment(store, clerk, None, pay("1000", kind="应急救助", **other))


# --- a second payment in a month -------------------------------------------------------------------------

def test_a_second_payment_of_a_type_in_a_month_asks_for_confirmation(store: Store, clerk: Actor,
                                                                     case: AidCase) -> None:
    first = payments.record_payment(store, clerk, case.uuid, pay("200", on=dt.date(2025, 3, 1), voucher_no="A1"))
    asked = refused(store, NeedsConfirmation, ("2025年3月已有一笔生活救助", "2025-03-01", "200.00元", "A1"),
                    payments.record_payment, store, clerk, case.uuid, pay("100", on=dt.date(2025, 3, 10)),
                    field="帮扶类型")
    assert isinstance(asked, NeedsConfirmation) and asked.earlier == first.uuid
    payments.record_payment(store, clerk, case.uuid, pay("100", on=dt.date(2025, 3, 10)), confirmed_repeat=True)
    payments.record_payment(store, clerk, case.uuid, pay("100", kind="医疗救助", on=dt.date(2025, 3, 10)))
    payments.record_payment(store, clerk, case.uuid, pay("100", on=dt.date(2025, 2, 28)))  # another month
    assert count(store) == 4


def test_a_refused_cap_is_said_before_the_month_s_question(store: Store, clerk: Actor, admin: Actor,
                                                           case: AidCase) -> None:
    aid_settings.set_payment_cap(store, admin, "生活救助", per_payment_fen=50000, per_year_fen=None)
    payments.record_payment(store, clerk, case.uuid, pay("100", on=dt.date(2025, 3, 1)))
    refused(store, ValidationError, "单笔限额", payments.record_payment, store, clerk, case.uuid,
            pay("600", on=dt.date(2025, 3, 2)), confirmed_repeat=True)


# --- changing and taking back ---------------------------------------------------------------------------

def test_a_clerk_changes_a_payment_the_rules_apply_to_it_as_changed(store: Store, clerk: Actor, approver: Actor,
                                                                    admin: Actor, case: AidCase) -> None:
    aid_settings.set_payment_cap(store, admin, "生活救助", per_payment_fen=50000, per_year_fen=None)
    paid = payments.record_payment(store, clerk, case.uuid, pay("100", voucher_no="B1"))
    payments.record_payment(store, clerk, case.uuid, pay("100", kind="医疗救助", voucher_no="B2"))
    refused(store, PermissionDenied, "录入和修改台账", payments.update_payment, store, NOBODY, paid.uuid,
            {"remarks": "x"})
    refused(store, ValidationError, "单笔限额", payments.update_payment, store, clerk, paid.uuid,
            {"amount_fen": "500.01"})
    refused(store, ValidationError, "已用于", payments.update_payment, store, clerk, paid.uuid, {"voucher_no": "B2"})
    refused(store, ValidationError, "2025年3月已有一笔医疗救助", payments.update_payment, store, clerk, paid.uuid,
            {"kind": "医疗救助"})
    refused(store, ValidationError, "不是可以填写", payments.update_payment, store, clerk, paid.uuid,
            {"case_uuid": case.uuid})
    changed = payments.update_payment(store, clerk, paid.uuid, {"amount_fen": "500", "remarks": "补记"})
    assert (changed.amount_fen, changed.remarks) == (50000, "补记")


def test_an_override_stands_while_the_amount_stays(store: Store, clerk: Actor, approver: Actor, admin: Actor,
                                                   case: AidCase) -> None:
    aid_settings.set_payment_cap(store, admin, "生活救助", per_payment_fen=50000, per_year_fen=None)
    paid = payments.record_payment(store, approver, case.uuid, pay("800"), override_reason="重病")
    assert payments.update_payment(store, clerk, paid.uuid, {"voucher_no": "C9"}).override_by == "approver"
    refused(store, ValidationError, "须由审核人审批超限", payments.update_payment, store, clerk, paid.uuid,
            {"amount_fen": "900"})
    assert payments.update_payment(store, clerk, paid.uuid, {"amount_fen": "400"}).override_by is None


def test_an_approver_changes_a_payment_above_a_cap_only_with_a_reason(store: Store, clerk: Actor,
                                                                     approver: Actor, admin: Actor,
                                                                     case: AidCase) -> None:
    aid_settings.set_payment_cap(store, admin, "生活救助", per_payment_fen=50000, per_year_fen=None)
    paid = payments.record_payment(store, clerk, case.uuid, pay("100"))
    assert payments.update_payment(store, approver, paid.uuid, {"remarks": "核对"}).remarks == "核对"
    refused(store, ValidationError, "审批超限须填写理由", payments.update_payment, store, approver, paid.uuid,
            {"amount_fen": "800"}, field=payments.OVERRIDE_LABEL)
    changed = payments.update_payment(store, approver, paid.uuid, {"amount_fen": "800"}, override_reason="重病")
    assert (changed.amount_fen, changed.override_by, changed.override_reason) == (80000, "approver", "重病")


def test_a_clerk_takes_back_a_payment_an_approver_does_not(store: Store, clerk: Actor, approver: Actor,
                                                           case: AidCase) -> None:
    paid = payments.record_payment(store, clerk, case.uuid, pay())
    refused(store, PermissionDenied, "录入和修改台账", payments.delete_payment, store, approver, paid.uuid)
    assert payments.delete_payment(store, clerk, paid.uuid).deleted
    assert count(store) == 0


def test_the_payments_of_a_closed_file_are_archived(store: Store, clerk: Actor, case: AidCase) -> None:
    from db.aid import workflow

    paid = payments.record_payment(store, clerk, case.uuid, pay())
    workflow.take_step(store, clerk, case.uuid, "解困脱困", "已再就业")
    refused(store, ValidationError, "已撤档", payments.update_payment, store, clerk, paid.uuid, {"remarks": "x"})
    refused(store, ValidationError, "已撤档", payments.delete_payment, store, clerk, paid.uuid)


# --- a year's totals --------------------------------------------------------------------------------------

def test_a_year_s_totals_by_type(store: Store, clerk: Actor, case: AidCase) -> None:
    payments.record_payment(store, clerk, case.uuid, pay("100.50", on=dt.date(2025, 1, 1)))
    payments.record_payment(store, clerk, case.uuid, pay("200", on=dt.date(2025, 3, 1)), confirmed_repeat=True)
    payments.record_payment(store, clerk, case.uuid, pay("50", kind="医疗救助", on=dt.date(2025, 3, 1)))
    payments.record_payment(store, clerk, case.uuid, pay("999", on=dt.date(2024, 12, 31)))
    gone = payments.record_payment(store, clerk, case.uuid, pay("70", kind="就业帮扶", on=dt.date(2025, 2, 1)))
    payments.delete_payment(store, clerk, gone.uuid)
    totals = {t.kind: t for t in payments.year_totals(store, 2025)}
    assert totals["生活救助"] == KindTotal("生活救助", 2, 30050)
    assert totals["医疗救助"] == KindTotal("医疗救助", 1, 5000)
    assert totals["就业帮扶"] == KindTotal("就业帮扶", 0, 0)
    assert [t.kind for t in payments.year_totals(store, 2025)][:2] == ["生活救助", "医疗救助"]
    assert all(t.count == 0 for t in payments.year_totals(store, 2025, "999999999"))
    assert {t.kind: t.fen for t in payments.year_totals(store, 2024, OFFICE_CODE)}["生活救助"] == 99900
