"""A 送温暖 recipient edited, removed and brought back, and the 送温暖慰问 payment a visit's 慰问金 makes in the
household's file: an edit and a restore apply the rules of an addition (campaign open, its days and groups,
cash or a gift, once per campaign by ID number, the visit's and the year's caps); the payment is written,
changed and taken back with the visit in the same transaction and is not changed on the 帮扶记录 side. Every
refusal names its rule and writes nothing (visits, payments, audit trail); only a clerk or an administrator
writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from db import members
from db.aid import campaigns, payments, workflow
from db.aid import settings as aid_settings
from db.auth import Actor
from db.errors import PermissionDenied, ValidationError
from db.models import AidCase, AidPayment, AuditEntry, FestivalVisit
from db.store import Store
from tests.unit.db.aid.conftest import Today, add_member, open_case, person, walk

SPRING = {"name": "2025年春节送温暖", "year": 2025, "festival": "元旦春节", "starts_on": "2025-01-10",
          "ends_on": "2025-03-31", "target_groups": "困难职工、新就业形态劳动者、劳模"}
SUMMER = {"name": "2025年夏送清凉", "year": 2025, "festival": "夏送清凉", "starts_on": "2025-03-01",
          "ends_on": "2025-08-31", "target_groups": "困难职工、新就业形态劳动者、劳模"}
STRANGER = {"name": "李四", "id_number": person(90), "group": "劳模"}  # a non-member
AMOUNT = "慰问金（元）"


def snapshot(store: Store) -> tuple[Any, ...]:
    """Every visit and payment (the columns an edit changes) and the audit trail's length."""
    with store.transaction() as session:
        visits = tuple(session.execute(select(
            FestivalVisit.uuid, FestivalVisit.rev, FestivalVisit.deleted, FestivalVisit.amount_fen,
            FestivalVisit.gift, FestivalVisit.group, FestivalVisit.visited_on, FestivalVisit.visitor,
            FestivalVisit.payment_uuid).order_by(FestivalVisit.uuid)).all())
        paid = tuple(session.execute(select(AidPayment.uuid, AidPayment.rev, AidPayment.deleted,
                                            AidPayment.amount_fen, AidPayment.paid_on)
                                     .order_by(AidPayment.uuid)).all())
        return visits, paid, session.scalar(select(func.count()).select_from(AuditEntry))


def refused(store: Store, error: type[Exception], words: str, call: Callable[..., Any], *args: Any,
            field: str | None = None, **kwargs: Any) -> Exception:
    before = snapshot(store)
    with pytest.raises(error) as caught:
        call(*args, **kwargs)
    assert words in str(caught.value), str(caught.value)
    if field is not None:
        assert isinstance(caught.value, ValidationError) and caught.value.field == field, str(caught.value)
    assert snapshot(store) == before, "a refusal wrote something"
    return caught.value


@pytest.fixture
def spring(store: Store, clerk: Actor, today: Today) -> str:
    return campaigns.create_campaign(store, clerk, SPRING).uuid


def filed_case(store: Store, clerk: Actor, clerk2: Actor, approver: Actor, today: Today, n: int = 1) -> str:
    case = open_case(store, clerk, add_member(store, clerk, n))
    walk(store, case.uuid, "filed", clerk=clerk, checker=clerk2, approver=approver, today=today)
    return case.uuid


def visit_row(store: Store, uuid: str) -> FestivalVisit:
    with store.transaction() as session:
        visit = session.get(FestivalVisit, uuid)
        assert visit is not None
        session.expunge(visit)
        return visit


def file_payments(store: Store, case_uuid: str) -> list[tuple[Any, ...]]:
    """The file's live payments: type, amount, day, method."""
    with store.transaction() as session:
        return list(session.execute(select(AidPayment.kind, AidPayment.amount_fen, AidPayment.paid_on,
                                           AidPayment.method).where(
            AidPayment.case_uuid == case_uuid, AidPayment.deleted.is_(False))).all())


# --- editing --------------------------------------------------------------------------------------------

def test_a_recipient_is_edited_and_the_rules_of_an_addition_hold(store: Store, clerk: Actor, admin: Actor,
                                                                 spring: str) -> None:
    visit = campaigns.add_recipient(store, clerk, spring, {**STRANGER, "gift": "米面油", "visited_on": "2025-02-01"})
    changed = campaigns.update_recipient(store, clerk, visit.uuid, {
        "amount_fen": "500.50", "gift": "", "group": "新就业形态劳动者", "visited_on": "2025-02-03",
        "visitor": "王主席"}, expected_rev=visit.rev)
    assert (changed.amount_fen, changed.gift, changed.group, changed.visited_on, changed.visitor) == (
        50050, None, "新就业形态劳动者", dt.date(2025, 2, 3), "王主席")
    assert (changed.name, changed.id_number) == ("李四", person(90))  # the person stays
    assert campaigns.campaign_totals(store, spring).amount_fen == 50050
    again = campaigns.update_recipient(store, admin, visit.uuid, {"gift": "棉衣"})  # an administrator may
    assert (again.amount_fen, again.gift) == (50050, "棉衣")

    uuid = visit.uuid
    refused(store, ValidationError, "慰问金和慰问品至少填写一项", campaigns.update_recipient, store, clerk, uuid,
            {"amount_fen": "", "gift": None}, field=AMOUNT)
    refused(store, ValidationError, "3,000.01 元超过本活动每次慰问金上限 3,000.00 元", campaigns.update_recipient,
            store, clerk, uuid, {"amount_fen": "3000.01"}, field=AMOUNT)
    refused(store, ValidationError, "小数", campaigns.update_recipient, store, clerk, uuid,
            {"amount_fen": "1.001"}, field=AMOUNT)
    refused(store, ValidationError, "“一线职工”不是本活动的慰问对象类别", campaigns.update_recipient, store, clerk,
            uuid, {"group": "一线职工"}, field="慰问对象类别")
    refused(store, ValidationError, "必须填写", campaigns.update_recipient, store, clerk, uuid, {"group": None},
            field="慰问对象类别")
    refused(store, ValidationError, "不在活动日期内", campaigns.update_recipient, store, clerk, uuid,
            {"visited_on": "2025-01-09"}, field="慰问日期")
    refused(store, ValidationError, "不能晚于今天", campaigns.update_recipient, store, clerk, uuid,
            {"visited_on": "2025-03-04"}, field="慰问日期")
    refused(store, ValidationError, "不是可以填写的", campaigns.update_recipient, store, clerk, uuid,
            {"id_number": person(91)}, field="id_number")
    refused(store, ValidationError, "已被他人修改", campaigns.update_recipient, store, clerk, uuid,
            {"visitor": "x"}, expected_rev=visit.rev)
    # at the cap exactly: passes (the visit's own earlier amount is not counted twice)
    assert campaigns.update_recipient(store, clerk, uuid, {"amount_fen": "3000"}).amount_fen == 300_000


def test_an_edit_keeps_the_person_within_the_year(store: Store, clerk: Actor, spring: str) -> None:
    summer = campaigns.create_campaign(store, clerk, SUMMER).uuid
    autumn = campaigns.create_campaign(store, clerk, {**SUMMER, "name": "2025年中秋", "festival": "中秋国庆"}).uuid
    campaigns.add_recipient(store, clerk, summer, {**STRANGER, "amount_fen": "3000"})
    campaigns.add_recipient(store, clerk, autumn, {**STRANGER, "amount_fen": "1000"})
    visit = campaigns.add_recipient(store, clerk, spring, {**STRANGER, "amount_fen": "1000"})
    error = refused(store, ValidationError, "2025年已领取慰问金 4,000.00 元", campaigns.update_recipient, store,
                    clerk, visit.uuid, {"amount_fen": "2000.01"}, field=AMOUNT)
    assert "将超过每人每年上限 6,000.00 元" in str(error) and "“2025年夏送清凉”" in str(error)
    assert campaigns.update_recipient(store, clerk, visit.uuid, {"amount_fen": "2000"}).amount_fen == 200_000


def test_a_closed_campaign_takes_no_edit_nor_restore(store: Store, clerk: Actor, spring: str) -> None:
    kept = campaigns.add_recipient(store, clerk, spring, {**STRANGER, "gift": "米面油"})
    gone = campaigns.add_recipient(store, clerk, spring, {"name": "王五", "id_number": person(91), "group": "劳模",
                                                          "gift": "米面油"})
    campaigns.remove_recipient(store, clerk, gone.uuid)
    campaigns.close_campaign(store, clerk, spring)
    refused(store, ValidationError, "已于2025-03-03结束登记", campaigns.update_recipient, store, clerk, kept.uuid,
            {"visitor": "王主席"}, field="慰问对象")
    refused(store, ValidationError, "已于2025-03-03结束登记", campaigns.restore_recipient, store, clerk, gone.uuid,
            field="慰问对象")


@pytest.mark.parametrize("who", ["approver"])
def test_only_a_clerk_or_an_administrator_edits_or_restores(store: Store, clerk: Actor, spring: str, who: str,
                                                            request: pytest.FixtureRequest) -> None:
    reader: Actor = request.getfixturevalue(who)
    visit = campaigns.add_recipient(store, clerk, spring, {**STRANGER, "gift": "米面油"})
    refused(store, PermissionDenied, "录入和修改台账", campaigns.update_recipient, store, reader, visit.uuid,
            {"gift": "棉衣"})
    campaigns.remove_recipient(store, clerk, visit.uuid)
    refused(store, PermissionDenied, "录入和修改台账", campaigns.restore_recipient, store, reader, visit.uuid)


# --- restoring ------------------------------------------------------------------------------------------

def test_a_removed_recipient_is_restored_as_it_was(store: Store, clerk: Actor, admin: Actor, spring: str) -> None:
    visit = campaigns.add_recipient(store, clerk, spring, {**STRANGER, "amount_fen": "800", "visitor": "王主席"})
    refused(store, ValidationError, "仍在名单中", campaigns.restore_recipient, store, clerk, visit.uuid,
            field="慰问对象")
    campaigns.remove_recipient(store, clerk, visit.uuid)
    assert campaigns.campaign_totals(store, spring).count == 0
    back = campaigns.restore_recipient(store, admin, visit.uuid)
    assert (back.deleted, back.amount_fen, back.visitor) == (False, 80000, "王主席")
    assert [r.uuid for r in campaigns.recipients(store, spring)] == [visit.uuid]


def test_a_restore_checks_the_rules_as_of_then(store: Store, clerk: Actor, clerk2: Actor, approver: Actor,
                                               today: Today, spring: str) -> None:
    visit = campaigns.add_recipient(store, clerk, spring, {**STRANGER, "amount_fen": "2000"})
    campaigns.remove_recipient(store, clerk, visit.uuid)
    # the person added again meanwhile: once per campaign
    again = campaigns.add_recipient(store, clerk, spring, {**STRANGER, "gift": "米面油"})
    refused(store, ValidationError, "同一活动每人只慰问一次", campaigns.restore_recipient, store, clerk, visit.uuid,
            field="慰问对象")
    campaigns.remove_recipient(store, clerk, again.uuid)
    # the campaign's cap lowered meanwhile
    campaigns.update_campaign(store, clerk, spring, {"visit_cap_fen": "1000"})
    refused(store, ValidationError, "超过本活动每次慰问金上限 1,000.00 元", campaigns.restore_recipient, store, clerk,
            visit.uuid, field=AMOUNT)
    campaigns.update_campaign(store, clerk, spring, {"visit_cap_fen": "3000"})
    assert campaigns.restore_recipient(store, clerk, visit.uuid).deleted is False
    # a file no longer 在档 is not visited again
    case = filed_case(store, clerk, clerk2, approver, today)
    from_file = campaigns.add_recipient(store, clerk, spring, {"case_uuid": case, "gift": "米面油"})
    campaigns.remove_recipient(store, clerk, from_file.uuid)
    workflow.take_step(store, clerk, case, "relieved", "已就业")
    refused(store, ValidationError, "只有在档的困难职工可以作为困难职工慰问", campaigns.restore_recipient, store,
            clerk, from_file.uuid, field="慰问对象")


# --- the 送温暖慰问 payment -------------------------------------------------------------------------------

def test_cash_to_a_filed_household_is_also_a_payment_in_its_file(store: Store, clerk: Actor, clerk2: Actor,
                                                                 approver: Actor, today: Today,
                                                                 spring: str) -> None:
    case = filed_case(store, clerk, clerk2, approver, today)
    visit = campaigns.add_recipient(store, clerk, spring, {"case_uuid": case, "amount_fen": "800",
                                                           "visited_on": "2025-02-01"})
    assert file_payments(store, case) == [("送温暖慰问", 80000, dt.date(2025, 2, 1), "现金")]
    assert visit_row(store, visit.uuid).payment_uuid is not None
    campaigns.update_recipient(store, clerk, visit.uuid, {"amount_fen": "1000", "visited_on": "2025-02-05"})
    assert file_payments(store, case) == [("送温暖慰问", 100000, dt.date(2025, 2, 5), "现金")]
    campaigns.update_recipient(store, clerk, visit.uuid, {"visitor": "王主席"})  # the money stays as it was
    assert file_payments(store, case) == [("送温暖慰问", 100000, dt.date(2025, 2, 5), "现金")]
    campaigns.update_recipient(store, clerk, visit.uuid, {"amount_fen": None, "gift": "米面油"})  # a gift only
    assert file_payments(store, case) == []
    campaigns.update_recipient(store, clerk, visit.uuid, {"amount_fen": "600"})
    assert file_payments(store, case) == [("送温暖慰问", 60000, dt.date(2025, 2, 5), "现金")]
    campaigns.remove_recipient(store, clerk, visit.uuid)
    assert file_payments(store, case) == []
    campaigns.restore_recipient(store, clerk, visit.uuid)
    assert file_payments(store, case) == [("送温暖慰问", 60000, dt.date(2025, 2, 5), "现金")]
    with store.transaction() as session:  # one payment, changed along: never a second one
        assert session.scalar(select(func.count()).select_from(AidPayment)) == 1


def test_a_member_or_household_member_with_a_filed_file_is_paid_in_it_and_others_are_not(
        store: Store, clerk: Actor, clerk2: Actor, approver: Actor, today: Today, spring: str) -> None:
    case = filed_case(store, clerk, clerk2, approver, today)
    with store.transaction() as session:
        member = session.get(AidCase, case).member_uuid  # type: ignore[union-attr]
    campaigns.add_recipient(store, clerk, spring, {"member_uuid": member, "group": "劳模", "amount_fen": "300"})
    assert file_payments(store, case) == [("送温暖慰问", 30000, today.day, "现金")]
    stranger = campaigns.add_recipient(store, clerk, spring, {**STRANGER, "amount_fen": "300"})
    other = members.register(store, clerk, {"name": "赵六", "id_number": person(92), "joined_on": "2015-05-01"})
    campaigns.add_recipient(store, clerk, spring, {"member_uuid": other.uuid, "group": "劳模", "amount_fen": "300"})
    assert visit_row(store, stranger.uuid).payment_uuid is None
    with store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(AidPayment)) == 1


def test_the_campaign_caps_govern_the_payment(store: Store, clerk: Actor, clerk2: Actor, admin: Actor,
                                             approver: Actor, today: Today, spring: str) -> None:
    """A 送温暖慰问 cap lower than the campaign's does not refuse the visit (the campaign's caps govern); the
    payments recorded by hand still count the campaign's in their own yearly cap."""
    case = filed_case(store, clerk, clerk2, approver, today)
    aid_settings.set_payment_cap(store, admin, "送温暖慰问", per_payment_fen=50000, per_year_fen=100000)
    campaigns.add_recipient(store, clerk, spring, {"case_uuid": case, "amount_fen": "800"})
    assert file_payments(store, case)[0][1] == 80000
    refused(store, ValidationError, "2025年已发800.00元", payments.record_payment, store, clerk, case,
            {"kind": "送温暖慰问", "amount_fen": "300", "paid_on": today.day, "method": "现金"})


def test_the_payment_is_changed_in_the_campaign_only(store: Store, clerk: Actor, clerk2: Actor, approver: Actor,
                                                    today: Today, spring: str) -> None:
    case = filed_case(store, clerk, clerk2, approver, today)
    visit = campaigns.add_recipient(store, clerk, spring, {"case_uuid": case, "amount_fen": "800"})
    paid = visit_row(store, visit.uuid).payment_uuid
    assert paid is not None
    words = "该记录为“2025年春节送温暖”的送温暖慰问金，请在送温暖活动中修改"
    refused(store, ValidationError, words, payments.update_payment, store, clerk, paid, {"amount_fen": "900"},
            field="帮扶记录")
    refused(store, ValidationError, words, payments.update_payment, store, clerk, paid, {"voucher_no": "X1"})
    refused(store, ValidationError, words, payments.delete_payment, store, clerk, paid, field="帮扶记录")


def test_a_closed_file_keeps_its_archived_payment(store: Store, clerk: Actor, clerk2: Actor, approver: Actor,
                                                 today: Today, spring: str) -> None:
    case = filed_case(store, clerk, clerk2, approver, today)
    visit = campaigns.add_recipient(store, clerk, spring, {"case_uuid": case, "amount_fen": "800"})
    workflow.take_step(store, clerk, case, "relieved", "已就业")
    assert campaigns.update_recipient(store, clerk, visit.uuid, {"visitor": "王主席"}).visitor == "王主席"
    refused(store, ValidationError, "该档案已撤档，其帮扶记录不能修改", campaigns.update_recipient, store, clerk,
            visit.uuid, {"amount_fen": "900"}, field=AMOUNT)
    refused(store, ValidationError, "该档案已撤档", campaigns.remove_recipient, store, clerk, visit.uuid)
