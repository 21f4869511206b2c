"""送温暖 campaigns as a clerk runs them: a named campaign with its days, groups and caps (the office's
defaults unless given), recipients from a file 在档, a member or a non-member by name and ID number, paid at
most once per campaign whichever the source, within the per-visit cap and the per-person cap of the year (at
the boundary: equal passes, one fen more is refused), totals by group, and a campaign closed for good.
Every refusal names its rule (and the earlier visit) and writes nothing; only a clerk or an administrator
writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text

from db import members, migrations
from db.aid import campaigns, workflow
from db.aid import settings as aid_settings
from db.aid.campaigns import CampaignTotals, GroupTotal
from db.auth import Actor
from db.errors import NotFound, PermissionDenied, ValidationError
from db.models import AidCase, AuditEntry, FestivalCampaign, FestivalVisit
from db.store import Store
from db.validation import mask_id_number
from tests.unit.db.aid.conftest import Today, add_member, open_case, person, walk

SPRING = {"name": "2025年春节送温暖", "year": 2025, "festival": "元旦春节", "starts_on": "2025-01-10",
          "ends_on": "2025-03-31", "target_groups": "困难职工、新就业形态劳动者、劳模"}
SUMMER = {"name": "2025年夏送清凉", "year": 2025, "festival": "夏送清凉", "starts_on": "2025-03-01",
          "ends_on": "2025-08-31", "target_groups": "困难职工、新就业形态劳动者、劳模"}
STRANGER = {"name": "李四", "id_number": person(90), "group": "劳模"}  # a non-member


def snapshot(store: Store) -> tuple[Any, ...]:
    """What the campaign use cases change: campaigns and visits (every column), and the audit trail's length."""
    with store.transaction() as session:
        rows = tuple(session.scalar(select(func.count()).select_from(m)) for m in (FestivalCampaign, FestivalVisit))
        campaigns_ = tuple(session.execute(select(FestivalCampaign.uuid, FestivalCampaign.rev,
                                                  FestivalCampaign.closed_on, FestivalCampaign.visit_cap_fen)
                                           .order_by(FestivalCampaign.uuid)).all())
        visits = tuple(session.execute(select(FestivalVisit.uuid, FestivalVisit.rev, FestivalVisit.deleted)
                                       .order_by(FestivalVisit.uuid)).all())
        audit = session.scalar(select(func.count()).select_from(AuditEntry))
        return rows, campaigns_, visits, audit


def refused(store: Store, error: type[Exception], words: str, call: Callable[..., Any], *args: Any,
            field: str | None = None, **kwargs: Any) -> Exception:
    """``call`` is refused with ``error`` whose message holds ``words`` (and names ``field``), writing nothing."""
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
    """A file 在档 of member ``n`` (today moves past its 公示)."""
    case = open_case(store, clerk, add_member(store, clerk, n))
    walk(store, case.uuid, "filed", clerk=clerk, checker=clerk2, approver=approver, today=today)
    return case.uuid


def courier(store: Store, clerk: Actor, n: int) -> str:
    return members.register(store, clerk, {"name": f"快递员{n}", "id_number": person(n), "joined_on": "2020-05-01",
                                           "employer": "顺丰速运东四营业部", "employment_form": "快递员"}).uuid


# --- the campaign ---------------------------------------------------------------------------------------

def test_a_campaign_takes_the_offices_caps_unless_given_its_own(store: Store, clerk: Actor, admin: Actor,
                                                                today: Today) -> None:
    first = campaigns.create_campaign(store, clerk, SPRING)
    assert (first.visit_cap_fen, first.yearly_cap_fen) == (300_000, 600_000)  # 3,000 元 a visit, 6,000 a year
    assert first.target_groups == "困难职工、新就业形态劳动者、劳模" and first.closed_on is None
    aid_settings.set_campaign_caps(store, admin, visit_cap_fen=200_000, yearly_cap_fen=500_000)
    assert aid_settings.campaign_caps(store) == aid_settings.CampaignCaps(200_000, 500_000)
    second = campaigns.create_campaign(store, clerk, SUMMER)
    assert (second.visit_cap_fen, second.yearly_cap_fen) == (200_000, 500_000)
    own = campaigns.create_campaign(store, clerk, {**SPRING, "name": "2025年中秋国庆送温暖", "festival": "中秋国庆",
                                                   "visit_cap_fen": "1000.50", "yearly_cap_fen": "5000"})
    assert (own.visit_cap_fen, own.yearly_cap_fen) == (100_050, 500_000)
    assert campaigns.campaign_details(store, own.uuid)["campaign"]["name"] == "2025年中秋国庆送温暖"


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"name": ""}, "活动名称", "必须填写"),
    ({"target_groups": None}, "慰问对象类别", "必须填写"),
    ({"target_groups": "困难职工、环卫工"}, "慰问对象类别", "不在可选范围内"),
    ({"festival": "端午"}, "节日", "不在可选范围内"),
    ({"ends_on": "2025-01-09"}, "结束日期", "不能早于开始日期"),
    ({"year": 2026}, "结束日期", "不在2026年度内"),
    ({"year": 1999}, "年度", "应在2000到2100之间"),
    ({"visit_cap_fen": "7000"}, "每次慰问金上限（元）", "不能高于每人每年上限 6,000.00 元"),
    ({"visit_cap_fen": "100.001"}, "每次慰问金上限（元）", "小数"),
    ({"yearly_cap_fen": "-1"}, "每人每年慰问金上限（元）", ""),
    ({"closed_on": "2025-02-01"}, "closed_on", "不是可以填写的"),
])
def test_a_campaign_with_a_bad_field_is_refused(store: Store, clerk: Actor, today: Today,
                                               changes: dict[str, Any], field: str, words: str) -> None:
    refused(store, ValidationError, words, campaigns.create_campaign, store, clerk, {**SPRING, **changes},
            field=field)


def test_a_campaign_name_is_used_once_in_an_office(store: Store, clerk: Actor, spring: str) -> None:
    refused(store, ValidationError, "已有名为“2025年春节送温暖”的送温暖活动", campaigns.create_campaign, store, clerk,
            SPRING, field="活动名称")
    summer = campaigns.create_campaign(store, clerk, SUMMER)
    refused(store, ValidationError, "已有名为", campaigns.update_campaign, store, clerk, summer.uuid,
            {"name": SPRING["name"]}, field="活动名称")


@pytest.mark.parametrize("who", ["approver"])
def test_only_a_clerk_or_an_administrator_writes(store: Store, clerk: Actor, admin: Actor, who: str,
                                                 request: pytest.FixtureRequest, today: Today) -> None:
    reader: Actor = request.getfixturevalue(who)
    refused(store, PermissionDenied, "录入和修改台账", campaigns.create_campaign, store, reader, SPRING)
    campaign = campaigns.create_campaign(store, admin, SPRING).uuid  # an administrator may
    refused(store, PermissionDenied, "录入和修改台账", campaigns.update_campaign, store, reader, campaign,
            {"remarks": "x"})
    refused(store, PermissionDenied, "录入和修改台账", campaigns.add_recipient, store, reader, campaign,
            {**STRANGER, "gift": "米面油"})
    visit = campaigns.add_recipient(store, clerk, campaign, {**STRANGER, "gift": "米面油"})
    refused(store, PermissionDenied, "录入和修改台账", campaigns.remove_recipient, store, reader, visit.uuid)
    refused(store, PermissionDenied, "录入和修改台账", campaigns.close_campaign, store, reader, campaign)
    refused(store, PermissionDenied, "修改系统设置", aid_settings.set_campaign_caps, store, clerk,
            visit_cap_fen=100)
    refused(store, PermissionDenied, "修改系统设置", aid_settings.set_campaign_caps, store, reader,
            visit_cap_fen=100)
    assert campaigns.campaign_totals(store, campaign).count == 1  # reading is for everyone


def test_the_default_caps_keep_a_visit_below_the_year(store: Store, admin: Actor) -> None:
    refused(store, ValidationError, "不能高于每人每年上限", aid_settings.set_campaign_caps, store, admin,
            visit_cap_fen=700_000, field="每次慰问金上限（元）")
    refused(store, ValidationError, "应在0.01到", aid_settings.set_campaign_caps, store, admin,
            yearly_cap_fen=0, field="每人每年慰问金上限（元）")
    assert aid_settings.set_campaign_caps(store, admin, yearly_cap_fen=300_000).yearly_cap_fen == 300_000


# --- recipients from three sources ---------------------------------------------------------------------

def test_recipients_come_from_files_members_and_non_members_and_are_totalled_by_group(
        store: Store, clerk: Actor, clerk2: Actor, approver: Actor, today: Today, spring: str) -> None:
    case = filed_case(store, clerk, clerk2, approver, today)
    from_file = campaigns.add_recipient(store, clerk, spring, {"case_uuid": case, "amount_fen": "1000",
                                                               "gift": "米面油", "visitor": "王主席"})
    assert (from_file.name, from_file.group, from_file.case_uuid, from_file.id_number) == (
        "职工1", "困难职工", case, person(1))  # a file's member, as 困难职工
    assert (from_file.year, from_file.festival, from_file.visited_on, from_file.amount_fen) == (
        2025, "元旦春节", today.day, 100_000)
    rider = campaigns.add_recipient(store, clerk, spring, {"member_uuid": courier(store, clerk, 2),
                                                           "amount_fen": "500.50"})
    assert (rider.group, rider.member_uuid is not None, rider.case_uuid) == ("新就业形态劳动者", True, None)
    stranger = campaigns.add_recipient(store, clerk, spring, {**STRANGER, "gift": "慰问品一份",
                                                              "visited_on": "2025-02-01"})
    assert (stranger.member_uuid, stranger.case_uuid, stranger.id_number, stranger.amount_fen) == (
        None, None, person(90), 0)
    assert campaigns.campaign_totals(store, spring) == CampaignTotals(
        (GroupTotal("困难职工", 1, 100_000), GroupTotal("新就业形态劳动者", 1, 50_050), GroupTotal("劳模", 1, 0)),
        3, 150_050, 2)
    listed = campaigns.recipients(store, spring)
    assert [(r.name, r.source) for r in listed] == [("职工1", "困难职工档案"), ("快递员2", "会员"), ("李四", "非会员")]


def test_a_file_must_be_filed_and_a_member_active(store: Store, clerk: Actor, clerk2: Actor, approver: Actor,
                                                  today: Today, spring: str) -> None:
    applied = open_case(store, clerk, add_member(store, clerk, 1)).uuid
    refused(store, ValidationError, "状态为“申请”，只有在档的困难职工", campaigns.add_recipient, store, clerk,
            spring, {"case_uuid": applied, "gift": "米面油"}, field="慰问对象")
    closed = filed_case(store, clerk, clerk2, approver, today, n=2)
    workflow.take_step(store, clerk, closed, "relieved", "已就业")
    refused(store, ValidationError, "只有在档的困难职工", campaigns.add_recipient, store, clerk, spring,
            {"case_uuid": closed, "gift": "米面油"}, field="慰问对象")
    gone = courier(store, clerk, 3)
    members.leave(store, clerk, gone, "2025-02-01")
    refused(store, ValidationError, "不是在会会员", campaigns.add_recipient, store, clerk, spring,
            {"member_uuid": gone, "gift": "米面油"}, field="慰问对象")
    refused(store, NotFound, "找不到该会员", campaigns.add_recipient, store, clerk, spring,
            {"member_uuid": "no-such", "gift": "米面油"})
    refused(store, ValidationError, "请选择一种来源", campaigns.add_recipient, store, clerk, spring,
            {"case_uuid": applied, "member_uuid": gone, "gift": "米面油"}, field="慰问对象")
    refused(store, ValidationError, "请选择一种来源", campaigns.add_recipient, store, clerk, spring,
            {"gift": "米面油", "group": "劳模"}, field="慰问对象")


def test_a_non_member_needs_a_name_a_valid_id_number_and_a_group(store: Store, clerk: Actor, spring: str) -> None:
    refused(store, ValidationError, "非会员必须填写身份证号", campaigns.add_recipient, store, clerk, spring,
            {"name": "李四", "group": "劳模", "gift": "米面油"}, field="身份证号")
    refused(store, ValidationError, "必须填写", campaigns.add_recipient, store, clerk, spring,
            {"id_number": person(90), "group": "劳模", "gift": "米面油"}, field="姓名")
    refused(store, ValidationError, "", campaigns.add_recipient, store, clerk, spring,
            {**STRANGER, "id_number": "110101199001010070", "gift": "米面油"}, field="身份证号")
    refused(store, ValidationError, "必须填写（本活动的慰问对象类别：困难职工、新就业形态劳动者、劳模）",
            campaigns.add_recipient, store, clerk, spring, {**STRANGER, "group": None, "gift": "米面油"},
            field="慰问对象类别")
    refused(store, ValidationError, "“一线职工”不是本活动的慰问对象类别", campaigns.add_recipient, store, clerk,
            spring, {**STRANGER, "group": "一线职工", "gift": "米面油"}, field="慰问对象类别")
    refused(store, ValidationError, "不是可以填写的", campaigns.add_recipient, store, clerk, spring,
            {**STRANGER, "gift": "米面油", "year": 2024}, field="year")


def test_cash_gifts_or_both_and_money_in_yuan_with_two_decimals(store: Store, clerk: Actor, spring: str) -> None:
    refused(store, ValidationError, "慰问金和慰问品至少填写一项", campaigns.add_recipient, store, clerk, spring,
            STRANGER, field="慰问金（元）")
    refused(store, ValidationError, "小数", campaigns.add_recipient, store, clerk, spring,
            {**STRANGER, "amount_fen": "100.555"}, field="慰问金（元）")
    refused(store, ValidationError, "", campaigns.add_recipient, store, clerk, spring,
            {**STRANGER, "amount_fen": "-1"}, field="慰问金（元）")
    assert campaigns.add_recipient(store, clerk, spring, {**STRANGER, "amount_fen": "0.01"}).amount_fen == 1


def test_the_visit_day_lies_in_the_campaign_and_not_ahead(store: Store, clerk: Actor, today: Today,
                                                          spring: str) -> None:
    refused(store, ValidationError, "不在活动日期内（2025-01-10 至 2025-03-31）", campaigns.add_recipient, store,
            clerk, spring, {**STRANGER, "gift": "米面油", "visited_on": "2025-01-09"}, field="慰问日期")
    refused(store, ValidationError, "不能晚于今天", campaigns.add_recipient, store, clerk, spring,
            {**STRANGER, "gift": "米面油", "visited_on": "2025-03-04"}, field="慰问日期")
    today.move(30)  # 2025-04-02: after the campaign, today is no default
    refused(store, ValidationError, "不在活动日期内", campaigns.add_recipient, store, clerk, spring,
            {**STRANGER, "gift": "米面油"}, field="慰问日期")
    last = campaigns.add_recipient(store, clerk, spring, {**STRANGER, "gift": "米面油", "visited_on": "2025-03-31"})
    assert last.visited_on == dt.date(2025, 3, 31)


# --- once per campaign, within the caps ------------------------------------------------------------------

def test_a_person_is_visited_once_per_campaign_whichever_the_source(
        store: Store, clerk: Actor, clerk2: Actor, approver: Actor, today: Today, spring: str) -> None:
    case = filed_case(store, clerk, clerk2, approver, today)
    with store.transaction() as session:
        member = session.get(AidCase, case).member_uuid  # type: ignore[union-attr]
    campaigns.add_recipient(store, clerk, spring, {"case_uuid": case, "amount_fen": "800",
                                                   "visited_on": "2025-02-01"})
    earlier = f"职工1（{mask_id_number(person(1))}）已在“2025年春节送温暖”（2025-02-01，慰问金 800.00 元）中慰问"
    for source in ({"case_uuid": case}, {"member_uuid": member, "group": "劳模"},
                   {"name": "职工一", "id_number": person(1), "group": "劳模"}):
        refused(store, ValidationError, earlier, campaigns.add_recipient, store, clerk, spring,
                {**source, "gift": "米面油"}, field="慰问对象")
    # a non-member first, then the same ID number as a member
    campaigns.add_recipient(store, clerk, spring, {"name": "快递员2", "id_number": person(2), "group": "劳模",
                                                   "gift": "米面油"})
    refused(store, ValidationError, "同一活动每人只慰问一次", campaigns.add_recipient, store, clerk, spring,
            {"member_uuid": courier(store, clerk, 2), "gift": "米面油"}, field="慰问对象")
    # another campaign visits them again
    summer = campaigns.create_campaign(store, clerk, SUMMER).uuid
    assert campaigns.add_recipient(store, clerk, summer, {"case_uuid": case, "gift": "清凉包"}).gift == "清凉包"


def test_the_per_visit_cap_at_its_boundary(store: Store, clerk: Actor, spring: str) -> None:
    refused(store, ValidationError, "3,000.01 元超过本活动每次慰问金上限 3,000.00 元", campaigns.add_recipient,
            store, clerk, spring, {**STRANGER, "amount_fen": "3000.01"}, field="慰问金（元）")
    assert campaigns.add_recipient(store, clerk, spring, {**STRANGER, "amount_fen": "3000"}).amount_fen == 300_000


def test_the_yearly_cap_sums_every_campaign_of_the_year(store: Store, clerk: Actor, clerk2: Actor,
                                                        approver: Actor, today: Today, spring: str) -> None:
    case = filed_case(store, clerk, clerk2, approver, today)
    summer = campaigns.create_campaign(store, clerk, SUMMER).uuid
    autumn = campaigns.create_campaign(store, clerk, {**SUMMER, "name": "2025年中秋国庆送温暖",
                                                      "festival": "中秋国庆"}).uuid
    campaigns.add_recipient(store, clerk, spring, {"case_uuid": case, "amount_fen": "3000",
                                                   "visited_on": "2025-02-01"})
    campaigns.add_recipient(store, clerk, summer, {"name": "职工1", "id_number": person(1), "group": "困难职工",
                                                   "amount_fen": "2999.99"})
    error = refused(store, ValidationError, "2025年已领取慰问金 5,999.99 元", campaigns.add_recipient, store,
                    clerk, autumn, {"case_uuid": case, "amount_fen": "0.02"}, field="慰问金（元）")
    assert "“2025年春节送温暖”（2025-02-01，慰问金 3,000.00 元）" in str(error)
    assert "“2025年夏送清凉”" in str(error) and "将超过每人每年上限 6,000.00 元" in str(error)
    assert campaigns.add_recipient(store, clerk, autumn, {"case_uuid": case, "amount_fen": "0.01"}).amount_fen == 1
    # at the cap: gifts still go; another year starts again
    winter = campaigns.create_campaign(store, clerk, {**SUMMER, "name": "2025年冬送温暖", "festival": "冬送温暖"}).uuid
    assert campaigns.add_recipient(store, clerk, winter, {"case_uuid": case, "gift": "棉衣"}).amount_fen == 0
    refused(store, ValidationError, "将超过每人每年上限", campaigns.add_recipient, store, clerk,
            campaigns.create_campaign(store, clerk, {**SUMMER, "name": "2025年其他", "festival": "冬送温暖"}).uuid,
            {"case_uuid": case, "amount_fen": "0.01"})
    next_year = campaigns.create_campaign(store, clerk, {**SPRING, "name": "2026年春节送温暖", "year": 2026,
                                                         "starts_on": "2024-12-20", "ends_on": "2026-02-28"}).uuid
    assert campaigns.add_recipient(store, clerk, next_year, {"case_uuid": case, "amount_fen": "3000",
                                                             "visited_on": "2025-01-01"}).year == 2026


def test_a_visit_recorded_before_campaigns_counts_towards_the_year(store: Store, clerk: Actor, spring: str,
                                                                   today: Today) -> None:
    member = courier(store, clerk, 2)
    with store.transaction(clerk) as session:  # as the demo and older programs stored it: no campaign, no ID
        session.add(FestivalVisit(office_code=clerk.office_code, year=2025, festival="元旦春节", member_uuid=member,
                                  name="快递员2", group="新就业形态劳动者", visited_on=dt.date(2025, 1, 5),
                                  amount_fen=500_000))
    refused(store, ValidationError, "“2025年元旦春节慰问”（2025-01-05，慰问金 5,000.00 元）", campaigns.add_recipient,
            store, clerk, spring, {"member_uuid": member, "amount_fen": "1000.01"}, field="慰问金（元）")
    assert campaigns.add_recipient(store, clerk, spring, {"member_uuid": member, "amount_fen": "1000"})


# --- removing, changing and closing ----------------------------------------------------------------------

def test_a_removed_recipient_is_kept_as_deleted_and_may_be_added_again(store: Store, clerk: Actor,
                                                                       spring: str) -> None:
    visit = campaigns.add_recipient(store, clerk, spring, {**STRANGER, "amount_fen": "3000"})
    campaigns.remove_recipient(store, clerk, visit.uuid)
    with store.transaction() as session:
        assert session.get(FestivalVisit, visit.uuid).deleted  # type: ignore[union-attr]
    assert campaigns.campaign_totals(store, spring).count == 0 and campaigns.recipients(store, spring) == []
    refused(store, NotFound, "找不到该慰问对象", campaigns.remove_recipient, store, clerk, visit.uuid)
    assert campaigns.add_recipient(store, clerk, spring, {**STRANGER, "amount_fen": "3000"}).uuid != visit.uuid


def test_a_change_keeps_every_recipient_within_the_campaign(store: Store, clerk: Actor, spring: str) -> None:
    campaigns.add_recipient(store, clerk, spring, {**STRANGER, "amount_fen": "2000", "visited_on": "2025-02-01"})
    refused(store, ValidationError, "已有1名慰问对象，不能修改年度", campaigns.update_campaign, store, clerk, spring,
            {"year": 2024, "starts_on": "2024-01-10", "ends_on": "2024-03-31"}, field="年度")
    refused(store, ValidationError, "慰问日期2025-02-01将不在活动日期内", campaigns.update_campaign, store, clerk,
            spring, {"starts_on": "2025-02-02"}, field="开始日期")
    refused(store, ValidationError, "“劳模”已有慰问对象（李四），不能去掉", campaigns.update_campaign, store, clerk,
            spring, {"target_groups": "困难职工"}, field="慰问对象类别")
    refused(store, ValidationError, "已领取慰问金 2,000.00 元，上限不能低于此数", campaigns.update_campaign, store,
            clerk, spring, {"visit_cap_fen": "1999.99"}, field="每次慰问金上限（元）")
    summer = campaigns.create_campaign(store, clerk, SUMMER).uuid
    campaigns.add_recipient(store, clerk, summer, {**STRANGER, "amount_fen": "1000"})
    refused(store, ValidationError, "2025年已领取慰问金 3,000.00 元，上限不能低于此数", campaigns.update_campaign,
            store, clerk, spring, {"visit_cap_fen": "2000", "yearly_cap_fen": "2999.99"},
            field="每人每年慰问金上限（元）")
    refused(store, ValidationError, "已被他人修改", campaigns.update_campaign, store, clerk, spring,
            {"remarks": "x"}, expected_rev=99)
    changed = campaigns.update_campaign(store, clerk, spring, {"visit_cap_fen": "2000", "yearly_cap_fen": "3000",
                                                               "target_groups": "劳模、困难职工", "remarks": "街道"})
    assert (changed.visit_cap_fen, changed.target_groups, changed.rev) == (200_000, "劳模、困难职工", 2)


def test_a_closed_campaign_takes_no_more_changes(store: Store, clerk: Actor, today: Today, spring: str) -> None:
    visit = campaigns.add_recipient(store, clerk, spring, {**STRANGER, "gift": "米面油"})
    refused(store, ValidationError, "不能晚于今天", campaigns.close_campaign, store, clerk, spring, "2025-03-04")
    early = campaigns.create_campaign(store, clerk, SUMMER).uuid
    refused(store, ValidationError, "不能早于活动开始日期2025-03-01", campaigns.close_campaign, store, clerk, early,
            "2025-02-28", field="结束登记日期")
    closed = campaigns.close_campaign(store, clerk, spring)
    assert closed.closed_on == today.day and not campaigns.campaign_details(store, spring)["open"]
    words = "“2025年春节送温暖”已于2025-03-03结束登记，不能再修改"
    refused(store, ValidationError, words, campaigns.add_recipient, store, clerk, spring,
            {"name": "王五", "id_number": person(91), "group": "劳模", "gift": "米面油"}, field="慰问对象")
    refused(store, ValidationError, words, campaigns.remove_recipient, store, clerk, visit.uuid)
    refused(store, ValidationError, words, campaigns.update_campaign, store, clerk, spring, {"remarks": "x"})
    refused(store, ValidationError, words, campaigns.close_campaign, store, clerk, spring)
    refused(store, NotFound, "找不到该送温暖活动", campaigns.campaign_totals, store, "no-such")


def test_every_write_is_audited(store: Store, clerk: Actor, spring: str) -> None:
    campaigns.add_recipient(store, clerk, spring, {**STRANGER, "gift": "米面油"})
    with store.transaction() as session:
        actions = set(session.scalars(select(AuditEntry.action).where(AuditEntry.actor == "clerk")))
    assert {"create_campaign", "add_recipient"} <= actions


# --- migration 0010 ----------------------------------------------------------------------------------------

def test_migration_0010_gives_existing_visits_their_members_id_number(tmp_path: Any) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    row = "'110101006', 1, '2024-01-01 00:00:00', 'x', false, 1"
    columns = "office_code, sync_seq, updated_at, updated_by, deleted, rev"
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn, "0009")
            conn.execute(text("INSERT INTO offices (code, name, level) VALUES ('110101006', '东四', 'sub')"))
            conn.execute(text(
                f"INSERT INTO members (uuid, name, name_pinyin, name_initials, gender, ethnicity, id_type, id_number, "
                f"employment_form, is_migrant_worker, member_no, joined_on, status, {columns}) VALUES ('m1', '王芳', "
                f"'wangfang', 'wf', '女', '汉族', '居民身份证', '11010519491231002X', '劳动合同', false, 'H1', "
                f"'2020-01-01', 'active', {row})"))
            conn.execute(text(
                f"INSERT INTO aid_cases (uuid, member_uuid, case_no, category, main_cause, single_parent, "
                f"monthly_income_fen, household_income_fen, household_size, zero_employment, status, filed_by, "
                f"{columns}) VALUES ('a1', 'm1', 'KN1', '深度困难', '下岗失业', false, 0, 0, 1, false, 'filed', "
                f"'clerk', {row})"))
            for uuid, case, member in (("v1", "'a1'", "NULL"), ("v2", "NULL", "'m1'"), ("v3", "NULL", "NULL")):
                conn.execute(text(
                    f"INSERT INTO festival_visits (uuid, year, festival, case_uuid, member_uuid, name, \"group\", "
                    f"visited_on, amount_fen, {columns}) VALUES ('{uuid}', 2024, '元旦春节', {case}, {member}, "
                    f"'王芳', '困难职工', '2024-01-20', 0, {row})"))
        with engine.begin() as conn:
            migrations.upgrade(conn)
            found = conn.execute(text("SELECT uuid, id_number, campaign_uuid FROM festival_visits ORDER BY uuid"))
            assert [tuple(r) for r in found] == [("v1", "11010519491231002X", None),
                                                 ("v2", "11010519491231002X", None), ("v3", None, None)]
    finally:
        engine.dispose()
