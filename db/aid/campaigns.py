"""Use cases of the 送温暖 campaigns (两节送温暖): a named campaign (2027年春节送温暖) with its days, target
groups and caps, the people it visits with cash (慰问金) or gifts (慰问品) or both, and its totals by group.

A recipient comes from one of three sources: a hardship file that is 在档 (its member is visited), a member
(a 新就业形态劳动者 by the member's employment form), or a non-member by name and ID number. Whichever the
source, a person is one ID number: visited at most once per campaign, never above the campaign's cap for one
visit, and never above its cap for one person in a year — the sum over every campaign (and every visit
recorded without one) of the campaign's year. Refusals name the rule and the earlier visit; ID numbers in
messages are masked.

A recipient is edited (:func:`update_recipient`: the same rules, the visit itself not counted), removed and
brought back (:func:`restore_recipient`: the rules checked again as of then). A visit's 慰问金 to a household
with a file 在档 is also a 送温暖慰问 payment in the file's 帮扶记录, following the visit (see
:func:`_follow_payment`; the campaign's caps govern it, not the payment caps of that type).

Each writing use case checks ``records.write``, is one transaction audited by the store's write hook, and
writes nothing when it refuses. A closed campaign (结束登记) takes no more changes: its 签领表 has been signed.
The caps a new campaign starts with are the office's settings (:func:`db.aid.settings.campaign_caps`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db import reference
from db.aid import payments as aid_payments
from db.aid import settings as aid_settings
from db.aid.campaign_rules import check_campaign, yuan
from db.aid.cases import step_day
from db.aid.fields import AID_CAMPAIGNS, CAMPAIGN_TABLE, VISIT_TABLE
from db.aid.rules import WRITE, is_open
from db.auth import Actor, require
from db.errors import NotFound, ValidationError
from db.models import AidCase, AidPayment, FestivalCampaign, FestivalVisit, Member
from db.records import clean_given, live
from db.store import Store
from db.validation import mask_id_number

CAMPAIGN_LABEL = AID_CAMPAIGNS.label
NAME_LABEL = CAMPAIGN_TABLE.field("name").label
GROUPS_LABEL = CAMPAIGN_TABLE.field("target_groups").label
VISIT_CAP_LABEL = CAMPAIGN_TABLE.field("visit_cap_fen").label
YEARLY_CAP_LABEL = CAMPAIGN_TABLE.field("yearly_cap_fen").label
RECIPIENT_LABEL = "慰问对象"
GROUP_LABEL = VISIT_TABLE.field("group").label
AMOUNT_LABEL = VISIT_TABLE.field("amount_fen").label
GIFT_LABEL = VISIT_TABLE.field("gift").label
ID_LABEL = VISIT_TABLE.field("id_number").label
DAY_LABEL = VISIT_TABLE.field("visited_on").label
HARDSHIP, NEW_FORMS = "困难职工", "新就业形态劳动者"
FILED = "filed"  # 在档: the only files a campaign visits
ACTIVE = "active"
# what a campaign's form writes: the closing day by close_campaign only
_CAMPAIGN_FIELDS = frozenset(f.attr for f in AID_CAMPAIGNS.writable) - {"closed_on"}
_SOURCES = ("case_uuid", "member_uuid", "id_number")
_VISIT_FIELDS = frozenset({"name", "id_number", "group", "amount_fen", "gift", "visited_on", "visitor"})
# what an edit changes: the person stays (another person is another visit: remove it and add theirs)
_EDITABLE = frozenset({"group", "amount_fen", "gift", "visited_on", "visitor"})
CASH_KIND = "送温暖慰问"  # the 帮扶类型 (reference aid_payment_kind) a visit's 慰问金 is paid as in a file
CASH_METHOD = "现金"  # 慰问金 is handed over at the visit


def get_campaign(session: Session, uuid: str) -> FestivalCampaign:
    return live(session, FestivalCampaign, uuid, CAMPAIGN_LABEL)


def _open(campaign: FestivalCampaign, field: str = CAMPAIGN_LABEL) -> None:
    if campaign.closed_on is not None:
        raise ValidationError(field, f"“{campaign.name}”已于{campaign.closed_on.isoformat()}结束登记，不能再修改")


def _check_name_free(session: Session, office_code: str, name: str, uuid: str | None) -> None:
    taken = session.scalars(select(FestivalCampaign).where(
        FestivalCampaign.office_code == office_code, FestivalCampaign.name == name)).first()
    if taken is not None and taken.uuid != uuid:
        raise ValidationError(NAME_LABEL, f"已有名为“{name}”的送温暖活动（{taken.year}年度）")


def _live_visits(campaign_uuid: str) -> Any:
    return select(FestivalVisit).where(FestivalVisit.campaign_uuid == campaign_uuid,
                                       FestivalVisit.deleted.is_(False))


# --- the campaign ---------------------------------------------------------------------------------------

def create_campaign(store: Store, actor: Actor, fields: Mapping[str, Any]) -> FestivalCampaign:
    """A campaign of the actor's office: 活动名称 (unique in the office), 年度, 节日, 开始日期, 结束日期 and
    慰问对象类别 are required; the caps (yuan as typed, kept in fen) are the office's settings when not given."""
    require(actor, WRITE)
    cleaned = clean_given(CAMPAIGN_TABLE, _CAMPAIGN_FIELDS, fields)
    with store.transaction(actor, action="create_campaign") as session:
        caps = aid_settings.campaign_caps_in(session)
        cleaned.setdefault("visit_cap_fen", None)
        cleaned.setdefault("yearly_cap_fen", None)
        if cleaned["visit_cap_fen"] is None:
            cleaned["visit_cap_fen"] = caps.visit_cap_fen
        if cleaned["yearly_cap_fen"] is None:
            cleaned["yearly_cap_fen"] = caps.yearly_cap_fen
        for item in AID_CAMPAIGNS.writable:
            if item.required and cleaned.get(item.attr) is None:
                raise ValidationError(item.label, "必须填写")
        check_campaign(cleaned)
        _check_name_free(session, actor.office_code, cleaned["name"], None)
        campaign = FestivalCampaign(office_code=actor.office_code,
                                    **{k: v for k, v in cleaned.items() if v is not None})
        session.add(campaign)
    return campaign


def update_campaign(store: Store, actor: Actor, uuid: str, changes: Mapping[str, Any],
                    expected_rev: int | None = None) -> FestivalCampaign:
    """Change an open campaign. What its recipients rely on holds: the 年度 is fixed once someone is visited,
    the days still hold every visit, a group still visited stays, and the caps stay above every visit and
    every person's total of the year."""
    require(actor, WRITE)
    cleaned = clean_given(CAMPAIGN_TABLE, _CAMPAIGN_FIELDS, changes)
    with store.transaction(actor, action="update") as session:
        campaign = get_campaign(session, uuid)
        if expected_rev is not None and campaign.rev != expected_rev:
            raise ValidationError(CAMPAIGN_LABEL, "该活动已被他人修改，请重新打开后再保存")
        _open(campaign)
        for attr, value in cleaned.items():
            if value is None and CAMPAIGN_TABLE.field(attr).required:
                raise ValidationError(CAMPAIGN_TABLE.field(attr).label, "必须填写")
        after = {f.attr: getattr(campaign, f.attr) for f in AID_CAMPAIGNS.writable} | cleaned
        check_campaign(after)
        if cleaned.get("name"):
            _check_name_free(session, campaign.office_code, cleaned["name"], campaign.uuid)
        _check_visits_still_fit(session, campaign, after)
        for attr, value in cleaned.items():
            if getattr(campaign, attr) != value:
                setattr(campaign, attr, value)
    return campaign


def _check_visits_still_fit(session: Session, campaign: FestivalCampaign, after: Mapping[str, Any]) -> None:
    visits = list(session.scalars(_live_visits(campaign.uuid).order_by(FestivalVisit.visited_on)))
    if not visits:
        return
    if after["year"] != campaign.year:
        raise ValidationError(CAMPAIGN_TABLE.field("year").label, f"已有{len(visits)}名慰问对象，不能修改年度")
    for visit in visits:
        if not after["starts_on"] <= visit.visited_on <= after["ends_on"]:
            raise ValidationError(CAMPAIGN_TABLE.field("starts_on").label,
                                  f"{_who(visit.name, visit.id_number)}的慰问日期{visit.visited_on.isoformat()}"
                                  "将不在活动日期内")
        if visit.group not in after["target_groups"].split("、"):
            raise ValidationError(GROUPS_LABEL, f"“{visit.group}”已有慰问对象（{visit.name}），不能去掉")
        if visit.amount_fen > after["visit_cap_fen"]:
            raise ValidationError(VISIT_CAP_LABEL, f"{_who(visit.name, visit.id_number)}已领取慰问金 "
                                                   f"{yuan(visit.amount_fen)} 元，上限不能低于此数")
        total = _year_total(session, campaign.year, visit.id_number, visit.member_uuid, None)
        if total > after["yearly_cap_fen"]:
            raise ValidationError(YEARLY_CAP_LABEL, f"{_who(visit.name, visit.id_number)}{campaign.year}年已领取"
                                                    f"慰问金 {yuan(total)} 元，上限不能低于此数")


def close_campaign(store: Store, actor: Actor, uuid: str, on: dt.date | str | None = None) -> FestivalCampaign:
    """结束登记 on day ``on`` (today by default, never after today): the recipients are final."""
    require(actor, WRITE)
    day = step_day(on, CAMPAIGN_TABLE.field("closed_on").label)
    with store.transaction(actor, action="close_campaign") as session:
        campaign = get_campaign(session, uuid)
        _open(campaign)
        if day < campaign.starts_on:
            raise ValidationError(CAMPAIGN_TABLE.field("closed_on").label,
                                  f"不能早于活动开始日期{campaign.starts_on.isoformat()}")
        campaign.closed_on = day
    return campaign


# --- recipients -----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Person:
    name: str
    id_number: str
    member_uuid: str | None
    case_uuid: str | None
    group: str | None  # the group the source implies, if any


def _person(session: Session, given: dict[str, Any]) -> _Person:
    """Who is visited, from exactly one source: a file 在档, a member 在会, or a non-member's name and ID."""
    sources = [s for s in _SOURCES if given.get(s)]
    if len(sources) != 1:
        raise ValidationError(RECIPIENT_LABEL, "请选择一种来源：困难职工档案、会员，或非会员的姓名和身份证号")
    if given.get("case_uuid"):
        case = live(session, AidCase, given["case_uuid"], "困难职工档案")
        member = live(session, Member, case.member_uuid, "会员")
        if case.status != FILED:
            status = reference.label("aid_status", case.status)
            raise ValidationError(RECIPIENT_LABEL, f"困难职工档案 {case.case_no}（{member.name}）状态为“{status}”，"
                                                   "只有在档的困难职工可以作为困难职工慰问")
        return _Person(member.name, member.id_number, member.uuid, case.uuid, HARDSHIP)
    if given.get("member_uuid"):
        member = live(session, Member, given["member_uuid"], "会员")
        if member.status != ACTIVE:
            status = reference.label("member_status", member.status)
            raise ValidationError(RECIPIENT_LABEL, f"{member.name}的会员状态为“{status}”，不是在会会员；"
                                                   "请按非会员登记姓名和身份证号")
        implied = NEW_FORMS if member.employment_form in reference.allowed("new_employment_forms") else None
        return _Person(member.name, member.id_number, member.uuid, None, implied)
    name = VISIT_TABLE.field("name").clean(given.get("name"))  # required: refuses an empty name
    number = VISIT_TABLE.field("id_number").clean(given["id_number"])  # a valid 身份证号 (GB 11643)
    return _Person(name, number, None, None, None)


def _who(name: str, id_number: str | None) -> str:
    return f"{name}（{mask_id_number(id_number)}）" if id_number else name


def _same_person(person_id: str | None, member_uuid: str | None) -> Any:
    """Visits of one person: by ID number, or by member (directly or through the member's files), so that a
    visit stored before campaigns knew ID numbers counts too."""
    who = [FestivalVisit.id_number == person_id] if person_id else []
    if member_uuid:
        who += [FestivalVisit.member_uuid == member_uuid,
                FestivalVisit.case_uuid.in_(select(AidCase.uuid).where(AidCase.member_uuid == member_uuid))]
    return or_(*who) if who else FestivalVisit.uuid.is_(None)


def _year_visits(session: Session, year: int, person_id: str | None, member_uuid: str | None,
                 except_uuid: str | None) -> list[FestivalVisit]:
    stmt = select(FestivalVisit).where(FestivalVisit.year == year, FestivalVisit.deleted.is_(False),
                                       _same_person(person_id, member_uuid))
    if except_uuid:
        stmt = stmt.where(FestivalVisit.uuid != except_uuid)
    return list(session.scalars(stmt.order_by(FestivalVisit.visited_on, FestivalVisit.sync_seq)))


def _year_total(session: Session, year: int, person_id: str | None, member_uuid: str | None,
                except_uuid: str | None) -> int:
    return sum(v.amount_fen for v in _year_visits(session, year, person_id, member_uuid, except_uuid))


def _campaign_names(session: Session, visits: list[FestivalVisit]) -> dict[str | None, str]:
    uuids = {v.campaign_uuid for v in visits if v.campaign_uuid}
    rows = session.execute(select(FestivalCampaign.uuid, FestivalCampaign.name).where(FestivalCampaign.uuid.in_(uuids)))
    return {uuid: name for uuid, name in rows}


def _visit_text(visit: FestivalVisit, names: Mapping[str | None, str]) -> str:
    where = names.get(visit.campaign_uuid) or f"{visit.year}年{visit.festival}慰问"
    what = [f"慰问金 {yuan(visit.amount_fen)} 元"] if visit.amount_fen else []
    what += [f"慰问品 {visit.gift}"] if visit.gift else []
    return f"“{where}”（{visit.visited_on.isoformat()}，{'，'.join(what) or '无'}）"


def _check_once_and_caps(session: Session, campaign: FestivalCampaign, person: _Person, amount: int,
                         except_uuid: str | None = None) -> None:
    """Once per campaign, the visit's cap and the person's yearly cap; ``except_uuid``: the visit itself when
    it is edited or restored (its own amount is the ``amount`` it would have)."""
    stmt = _live_visits(campaign.uuid).where(_same_person(person.id_number, person.member_uuid))
    if except_uuid:
        stmt = stmt.where(FestivalVisit.uuid != except_uuid)
    earlier = session.scalars(stmt).first()
    if earlier is not None:
        raise ValidationError(RECIPIENT_LABEL, f"{_who(earlier.name, earlier.id_number)}已在"
                                               f"{_visit_text(earlier, {campaign.uuid: campaign.name})}"
                                               "中慰问，同一活动每人只慰问一次")
    if amount > campaign.visit_cap_fen:
        raise ValidationError(AMOUNT_LABEL,
                              f"{yuan(amount)} 元超过本活动每次慰问金上限 {yuan(campaign.visit_cap_fen)} 元")
    visits = [v for v in _year_visits(session, campaign.year, person.id_number, person.member_uuid, except_uuid)
              if v.amount_fen]
    total = sum(v.amount_fen for v in visits)
    if amount and total + amount > campaign.yearly_cap_fen:
        names = _campaign_names(session, visits)
        listed = "、".join(_visit_text(v, names) for v in visits)
        who = _who(person.name, person.id_number)
        raise ValidationError(AMOUNT_LABEL, f"{who}{campaign.year}年已领取慰问金 {yuan(total)} 元（{listed}），再发 "
                                            f"{yuan(amount)} 元将超过每人每年上限 {yuan(campaign.yearly_cap_fen)} 元")


def add_recipient(store: Store, actor: Actor, campaign_uuid: str, source: Mapping[str, Any]) -> FestivalVisit:
    """Record a visit of an open campaign. ``source`` names the person by exactly one of ``case_uuid`` (a
    file 在档), ``member_uuid`` (a member 在会) or ``name`` with ``id_number`` (a non-member), and gives
    ``amount_fen`` (慰问金, yuan as typed with at most two decimals), ``gift`` (慰问品) or both, ``group`` (one
    of the campaign's 慰问对象类别; a file's is 困难职工 and a new-employment-form member's
    新就业形态劳动者 unless given), ``visited_on`` (within the campaign's days, not after today; today by
    default) and ``visitor``."""
    require(actor, WRITE)
    given = dict(source)
    unknown = set(given) - _VISIT_FIELDS - set(_SOURCES)
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"不是可以填写的{RECIPIENT_LABEL}字段")
    ids = {k: given.pop(k, None) for k in ("case_uuid", "member_uuid")}
    person_given = {"name": given.pop("name", None), "id_number": given.pop("id_number", None)}
    chosen_group = given.pop("group", None)  # required on the row, but a file or a member implies one
    if isinstance(chosen_group, str) and chosen_group.strip():
        given["group"] = chosen_group
    cleaned = clean_given(VISIT_TABLE, _VISIT_FIELDS, given)
    amount = cleaned.get("amount_fen") or 0
    if not amount and not cleaned.get("gift"):
        raise ValidationError(AMOUNT_LABEL, "慰问金和慰问品至少填写一项")
    day = step_day(cleaned.get("visited_on"), DAY_LABEL)
    with store.transaction(actor, action="add_recipient") as session:
        campaign = get_campaign(session, campaign_uuid)
        _open(campaign, RECIPIENT_LABEL)
        _check_day(campaign, day)
        if person_given["id_number"] is None and person_given["name"] is not None and not any(ids.values()):
            raise ValidationError(ID_LABEL, "非会员必须填写身份证号")
        person = _person(session, {**ids, **person_given})
        group = _check_group(campaign, cleaned.get("group") or person.group)
        _check_once_and_caps(session, campaign, person, amount)
        visit = FestivalVisit(
            office_code=campaign.office_code, year=campaign.year, festival=campaign.festival,
            campaign_uuid=campaign.uuid, case_uuid=person.case_uuid, member_uuid=person.member_uuid,
            name=person.name, id_number=person.id_number, group=group, visited_on=day,
            gift=cleaned.get("gift"), amount_fen=amount, visitor=cleaned.get("visitor"))
        session.add(visit)
        _follow_payment(session, visit, campaign)
    return visit


def _check_day(campaign: FestivalCampaign, day: dt.date) -> None:
    if not campaign.starts_on <= day <= campaign.ends_on:
        raise ValidationError(DAY_LABEL, f"{day.isoformat()}不在活动日期内（{campaign.starts_on.isoformat()} 至 "
                                         f"{campaign.ends_on.isoformat()}）")


def _check_group(campaign: FestivalCampaign, group: str | None) -> str:
    groups = campaign.target_groups.split("、")
    if group is None:
        raise ValidationError(GROUP_LABEL, f"必须填写（本活动的慰问对象类别：{'、'.join(groups)}）")
    if group not in groups:
        raise ValidationError(GROUP_LABEL, f"“{group}”不是本活动的慰问对象类别：{'、'.join(groups)}")
    return group


def _visit_to_change(session: Session, visit: FestivalVisit) -> FestivalCampaign:
    """The open campaign of a visit an edit, a removal or a restore changes."""
    if visit.campaign_uuid is None:
        raise ValidationError(RECIPIENT_LABEL, f"{visit.name}的慰问不属于送温暖活动，不能在活动中修改")
    campaign = get_campaign(session, visit.campaign_uuid)
    _open(campaign, RECIPIENT_LABEL)
    return campaign


def _stored_person(visit: FestivalVisit) -> _Person:
    return _Person(visit.name, visit.id_number or "", visit.member_uuid, visit.case_uuid, None)


def _source_of(visit: FestivalVisit) -> dict[str, Any]:
    """The source a visit was added from, as :func:`add_recipient` takes it (checked again at a restore)."""
    if visit.case_uuid:
        return {"case_uuid": visit.case_uuid}
    if visit.member_uuid:
        return {"member_uuid": visit.member_uuid}
    return {"name": visit.name, "id_number": visit.id_number}


# --- the 送温暖慰问 payment of a visit to a household with a file 在档 ---------------------------------------
#
# Its 慰问金 is also a payment (帮扶记录) of type 送温暖慰问 in that file's 财务档案, written, changed and taken
# back with the visit in the same transaction; the 帮扶记录 page and an import refuse to change it
# (db.aid.payments.check_changeable: "change it in the campaign"). The campaign's caps govern it and the
# payment caps of 送温暖慰问 are not applied to it: the campaign's caps are the office's rule for festival
# money (per visit, and per person over every campaign of the year, files, members and non-members alike),
# checked when the visit is recorded; checking the payment caps too would set two limits on the same money,
# and refuse or ask an approver's override — which the campaign window does not take — for a visit the
# campaign allows. A 送温暖慰问 payment recorded by hand on the 帮扶记录 page still counts these in its own
# yearly cap (db.aid.payments.over_cap sums every payment of the type to the household).

def _file_paid(session: Session, visit: FestivalVisit) -> AidCase | None:
    """The file 在档 a visit's 慰问金 is paid in: the file it was chosen from, else the file in 在档 whose member
    or household member the person is (as db.aid.payments pays a worker with a file on that file)."""
    if visit.case_uuid is not None:
        case = session.get(AidCase, visit.case_uuid)
        return case if case is not None and not case.deleted and case.status == FILED else None
    return aid_payments.filed_case_of(session, visit.id_number) if visit.id_number else None


def _follow_payment(session: Session, visit: FestivalVisit, campaign: FestivalCampaign) -> None:
    """The visit's 送温暖慰问 payment as the visit now is: written for its first 慰问金 to a household with a
    file 在档, its amount and day following the visit's, taken back when the visit is removed or keeps only a
    gift, and brought back with it. A payment in a closed file is archived: refused then."""
    payment = session.get(AidPayment, visit.payment_uuid) if visit.payment_uuid else None
    wanted = bool(visit.amount_fen) and not visit.deleted
    if payment is None:
        case = _file_paid(session, visit) if wanted else None
        if case is not None:
            payment = AidPayment(office_code=case.office_code, case_uuid=case.uuid, kind=CASH_KIND,
                                 amount_fen=visit.amount_fen, paid_on=visit.visited_on, method=CASH_METHOD,
                                 remarks=f"{campaign.name}慰问金")
            session.add(payment)
            session.flush()  # its uuid, for the visit
            visit.payment_uuid = payment.uuid
        return
    if (not payment.deleted) == wanted and (not wanted or (payment.amount_fen, payment.paid_on)
                                            == (visit.amount_fen, visit.visited_on)):
        return  # the money is as it was: a file closed since keeps its archived payment untouched
    case = session.get(AidCase, payment.case_uuid) if payment.case_uuid else None
    if case is not None and not is_open(case.status):
        raise ValidationError(AMOUNT_LABEL, f"慰问金已作为送温暖慰问记入档案 {case.case_no}，该档案已撤档，"
                                            "其帮扶记录不能修改")
    if wanted and payment.deleted and (case is None or case.deleted or case.status != FILED):
        number = case.case_no if case is not None else ""
        raise ValidationError(AMOUNT_LABEL, f"档案 {number} 已不在档，不能再记入送温暖慰问金")
    payment.deleted = not wanted
    if wanted:
        payment.amount_fen, payment.paid_on = visit.amount_fen, visit.visited_on


def update_recipient(store: Store, actor: Actor, visit_uuid: str, changes: Mapping[str, Any],
                     expected_rev: int | None = None) -> FestivalVisit:
    """Change a visit of an open campaign: ``group``, ``amount_fen`` (yuan as typed), ``gift``, ``visited_on``
    and ``visitor`` (the person stays). The rules of :func:`add_recipient` hold for the visit as changed: the
    campaign's days and groups, cash or a gift, once per campaign, the visit's cap and the person's yearly cap
    (the visit's earlier amount not counted). Its 送温暖慰问 payment follows."""
    require(actor, WRITE)
    cleaned = clean_given(VISIT_TABLE, _EDITABLE, changes)
    with store.transaction(actor, action="update_recipient") as session:
        visit = live(session, FestivalVisit, visit_uuid, RECIPIENT_LABEL)
        campaign = _visit_to_change(session, visit)
        if expected_rev is not None and visit.rev != expected_rev:
            raise ValidationError(RECIPIENT_LABEL, "该慰问对象已被他人修改，请重新打开后再保存")
        after = {attr: getattr(visit, attr) for attr in _EDITABLE} | cleaned
        amount = after["amount_fen"] or 0
        if not amount and not after["gift"]:
            raise ValidationError(AMOUNT_LABEL, "慰问金和慰问品至少填写一项")
        day = after["visited_on"]
        if day is None:
            raise ValidationError(DAY_LABEL, "必须填写")
        if "visited_on" in cleaned:
            step_day(day, DAY_LABEL)  # not after today
        _check_day(campaign, day)
        group = _check_group(campaign, after["group"])
        _check_once_and_caps(session, campaign, _stored_person(visit), amount, except_uuid=visit.uuid)
        for attr, value in {"group": group, "amount_fen": amount, "gift": after["gift"], "visited_on": day,
                            "visitor": after["visitor"]}.items():
            if getattr(visit, attr) != value:
                setattr(visit, attr, value)
        _follow_payment(session, visit, campaign)
    return visit


def remove_recipient(store: Store, actor: Actor, visit_uuid: str) -> FestivalVisit:
    """Take a recipient off an open campaign (marked deleted: sync and the audit trail keep it)."""
    require(actor, WRITE)
    with store.transaction(actor, action="remove_recipient") as session:
        visit = live(session, FestivalVisit, visit_uuid, RECIPIENT_LABEL)
        campaign = get_campaign(session, visit.campaign_uuid) if visit.campaign_uuid is not None else None
        if campaign is not None:
            _open(campaign, RECIPIENT_LABEL)
        visit.deleted = True
        if campaign is not None:
            _follow_payment(session, visit, campaign)  # its 送温暖慰问 payment is taken back with it
    return visit


def restore_recipient(store: Store, actor: Actor, visit_uuid: str) -> FestivalVisit:
    """Bring back a recipient removed from an open campaign (撤销 of a removal), as it was, with its 送温暖慰问
    payment. The rules of :func:`add_recipient` are checked again as of now: the source (a file still 在档, a
    member still 在会), the campaign's days and groups, once per campaign (someone may have added the person
    since) and the caps (the campaign's may have changed)."""
    require(actor, WRITE)
    with store.transaction(actor, action="restore_recipient") as session:
        visit = session.get(FestivalVisit, visit_uuid)
        if visit is None:
            raise NotFound(f"找不到该{RECIPIENT_LABEL}")
        if not visit.deleted:
            raise ValidationError(RECIPIENT_LABEL, f"{visit.name}仍在名单中，无需恢复")
        campaign = _visit_to_change(session, visit)
        _check_day(campaign, visit.visited_on)
        _person(session, _source_of(visit))
        _check_group(campaign, visit.group)
        _check_once_and_caps(session, campaign, _stored_person(visit), visit.amount_fen, except_uuid=visit.uuid)
        visit.deleted = False
        _follow_payment(session, visit, campaign)
    return visit


# --- reads -----------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Recipient:
    """One line of a campaign's 签领表: a recipient as recorded (ID number in full: mask it to show it)."""

    uuid: str
    name: str
    group: str
    id_number: str | None
    amount_fen: int
    gift: str | None
    visited_on: dt.date
    source: str  # 困难职工档案 / 会员 / 非会员
    visitor: str | None = None  # 慰问人
    rev: int = 0  # the visit's revision: an edit is refused if another changed it meanwhile
    payment_uuid: str | None = None  # the 送温暖慰问 payment its 慰问金 made in a file, if any


@dataclass(frozen=True, slots=True)
class GroupTotal:
    group: str
    count: int
    amount_fen: int


@dataclass(frozen=True, slots=True)
class CampaignTotals:
    """A campaign's recipients by group (its target groups in order, then any other), and overall."""

    groups: tuple[GroupTotal, ...]
    count: int
    amount_fen: int
    gifts: int  # recipients given a gift


def campaign_totals_in(session: Session, campaign: FestivalCampaign) -> CampaignTotals:
    rows = session.execute(
        select(FestivalVisit.group, func.count(), func.coalesce(func.sum(FestivalVisit.amount_fen), 0),
               func.count(FestivalVisit.gift))
        .where(FestivalVisit.campaign_uuid == campaign.uuid, FestivalVisit.deleted.is_(False))
        .group_by(FestivalVisit.group)).all()
    found = {group: (count, int(amount)) for group, count, amount, _ in rows}
    order = [*campaign.target_groups.split("、"), *sorted(set(found) - set(campaign.target_groups.split("、")))]
    groups = tuple(GroupTotal(g, *found.get(g, (0, 0))) for g in order)
    return CampaignTotals(groups, sum(g.count for g in groups), sum(g.amount_fen for g in groups),
                          sum(gifts for *_, gifts in rows))


def campaign_totals(store: Store, campaign_uuid: str) -> CampaignTotals:
    """Count and 慰问金 (fen) of a campaign's recipients per target group, and overall."""
    with store.transaction() as session:
        return campaign_totals_in(session, get_campaign(session, campaign_uuid))


def recipients_in(session: Session, campaign: FestivalCampaign) -> list[Recipient]:
    order = {g: n for n, g in enumerate(campaign.target_groups.split("、"))}
    visits = session.scalars(_live_visits(campaign.uuid).order_by(FestivalVisit.sync_seq, FestivalVisit.uuid))
    rows = [Recipient(v.uuid, v.name, v.group, v.id_number, v.amount_fen, v.gift, v.visited_on,
                      "困难职工档案" if v.case_uuid else "会员" if v.member_uuid else "非会员", v.visitor,
                      v.rev, v.payment_uuid if v.amount_fen else None)
            for v in visits]
    return sorted(rows, key=lambda r: order.get(r.group, len(order)))  # stable: by group, then as added


def recipients(store: Store, campaign_uuid: str) -> list[Recipient]:
    """A campaign's recipients by group (the campaign's order), then in the order they were added."""
    with store.transaction() as session:
        return recipients_in(session, get_campaign(session, campaign_uuid))


def campaign_details(store: Store, campaign_uuid: str) -> dict[str, Any]:
    """One campaign for its form: ``campaign`` (its columns), ``recipients`` and ``totals``, one read."""
    with store.transaction() as session:
        campaign = get_campaign(session, campaign_uuid)
        plain = {column.key: getattr(campaign, column.key) for column in FestivalCampaign.__table__.columns}
        return {"campaign": plain, "recipients": recipients_in(session, campaign),
                "totals": campaign_totals_in(session, campaign), "open": campaign.closed_on is None}


@dataclass(frozen=True, slots=True)
class ReceiptSheet:
    """What a campaign's 签领表 prints: the campaign's facts, its recipients and its totals."""

    name: str
    year: int
    festival: str
    starts_on: dt.date
    ends_on: dt.date
    target_groups: str
    closed_on: dt.date | None
    recipients: tuple[Recipient, ...]
    totals: CampaignTotals


def receipt_sheets(store: Store, campaign_uuids: Sequence[str]) -> list[ReceiptSheet]:
    """The 签领表 of each campaign chosen, in the order given, read in one transaction; NotFound when none is
    chosen or one is gone."""
    if not campaign_uuids:
        raise NotFound("请选择要打印签领表的送温暖活动。")
    with store.transaction() as session:
        sheets = []
        for uuid in campaign_uuids:
            c = get_campaign(session, uuid)
            sheets.append(ReceiptSheet(c.name, c.year, c.festival, c.starts_on, c.ends_on, c.target_groups,
                                       c.closed_on, tuple(recipients_in(session, c)), campaign_totals_in(session, c)))
        return sheets


@dataclass(frozen=True, slots=True)
class CampaignRow:
    """One line of the campaigns' list: the campaign's facts, its recipients and their 慰问金 (fen)."""

    uuid: str
    name: str
    year: int
    festival: str
    starts_on: dt.date
    ends_on: dt.date
    closed_on: dt.date | None
    count: int
    amount_fen: int


def campaign_rows(store: Store, office_code: str | None = None) -> list[CampaignRow]:
    """Every campaign (of ``office_code``, or of every office the database holds), the newest first, with its
    recipients counted and their 慰问金 summed, one read."""
    visits = (select(FestivalVisit.campaign_uuid, func.count().label("n"),
                     func.coalesce(func.sum(FestivalVisit.amount_fen), 0).label("fen"))
              .where(FestivalVisit.deleted.is_(False), FestivalVisit.campaign_uuid.is_not(None))
              .group_by(FestivalVisit.campaign_uuid).subquery())
    stmt = (select(FestivalCampaign, func.coalesce(visits.c.n, 0), func.coalesce(visits.c.fen, 0))
            .outerjoin(visits, visits.c.campaign_uuid == FestivalCampaign.uuid)
            .where(FestivalCampaign.deleted.is_(False))
            .order_by(FestivalCampaign.year.desc(), FestivalCampaign.starts_on.desc(), FestivalCampaign.name))
    if office_code is not None:
        stmt = stmt.where(FestivalCampaign.office_code == office_code)
    with store.transaction() as session:
        return [CampaignRow(c.uuid, c.name, c.year, c.festival, c.starts_on, c.ends_on, c.closed_on, int(n), int(fen))
                for c, n, fen in session.execute(stmt)]
