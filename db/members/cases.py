"""Use cases of the member registry (会员): register, update, transfer out and in, leave, death,
restore, honours, soft delete. Each is one transaction; each checks the actor's permission."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import records
from db.auth import Actor, require
from db.errors import NotFound, ValidationError
from db.members.rules import LABELS, STEPS, clean_member
from db.models import Honour, Member, MemberEvent
from db.models.members import ACTIVE
from db.pinyin import pinyin_columns
from db.records import live
from db.reference import label, values
from db.store import Store
from db.validation import parse_date

WRITE = "records.write"


class DuplicateMember(ValidationError):
    """The ID number belongs to a member already on file; ``existing_uuid`` points to that member."""

    def __init__(self, existing: Member) -> None:
        status = label("member_status", existing.status)
        super().__init__(LABELS["id_number"], f"已有会员“{existing.name}”（会员编号 {existing.member_no}，"
                                               f"{status}）使用此证件号码，请打开该会员而不是重复登记")
        self.existing_uuid = existing.uuid


def get(session: Session, uuid: str) -> Member:
    return live(session, Member, uuid, "会员")


def find_by_id_number(session: Session, id_number: str) -> Member | None:
    """The member (not deleted) holding ``id_number`` in any office of this database."""
    stmt = select(Member).where(Member.id_number == id_number, Member.deleted.is_(False)).limit(1)
    return session.scalars(stmt).first()


def next_member_no(session: Session, office_code: str) -> str:
    """The next free member number of an office: the office code's last three digits and a counter of six
    digits (``006000001``, as the demo numbers them and the Excel import goes on from here), after the
    highest number of that form in the office, whose width it keeps (``006000009`` → ``006000010``)."""
    prefix = office_code[-3:]
    # numbers in the office's form, the highest first: a longer counter is a higher one ("0061000000")
    highest = session.scalars(
        select(Member.member_no).where(Member.office_code == office_code, Member.member_no.like(f"{prefix}%"))
        .order_by(func.length(Member.member_no).desc(), Member.member_no.desc()).limit(1000))
    for number in highest:
        counter = number[len(prefix):]
        if counter.isascii() and counter.isdigit():  # "006-补录" is a number typed by hand: skipped
            return f"{prefix}{int(counter) + 1:0{max(len(counter), 6)}d}"
    return f"{prefix}{1:06d}"


def _check_unique(session: Session, fields: Mapping[str, Any], office_code: str, uuid: str | None) -> None:
    if "id_number" in fields:
        existing = find_by_id_number(session, fields["id_number"])
        if existing is not None and existing.uuid != uuid:
            raise DuplicateMember(existing)
    if fields.get("member_no"):
        taken = session.scalar(select(Member.uuid).where(
            Member.office_code == office_code, Member.member_no == fields["member_no"]))
        if taken is not None and taken != uuid:
            raise ValidationError(LABELS["member_no"], f"会员编号 {fields['member_no']} 已被使用")


def _event(session: Session, member: Member, kind: str, on: dt.date, from_status: str | None,
           counterpart: str | None = None, reason: str | None = None) -> MemberEvent:
    event = MemberEvent(member_uuid=member.uuid, office_code=member.office_code, kind=kind, on_date=on,
                        from_status=from_status, to_status=member.status, counterpart=counterpart,
                        reason=reason)
    session.add(event)
    return event


def register(store: Store, actor: Actor, fields: Mapping[str, Any],
             transferred_from: str | None = None) -> Member:
    """入会 (or 转入 from another union when ``transferred_from`` names it): a new member of the actor's office."""
    require(actor, WRITE)
    cleaned = clean_member(fields)
    with store.transaction(actor, action="transfer_in" if transferred_from else "register") as session:
        _check_unique(session, cleaned, actor.office_code, None)
        cleaned["member_no"] = cleaned.get("member_no") or next_member_no(session, actor.office_code)
        cleaned["name_pinyin"], cleaned["name_initials"] = pinyin_columns(cleaned["name"])
        member = Member(office_code=actor.office_code, status=ACTIVE, **cleaned)
        session.add(member)
        session.flush()
        kind = "transfer_in" if transferred_from else "join"
        _event(session, member, kind, member.joined_on, None, counterpart=transferred_from)
    return member


def update(store: Store, actor: Actor, uuid: str, changes: Mapping[str, Any],
           expected_rev: int | None = None) -> Member:
    """Change fields of a member. ``expected_rev`` refuses the save if someone changed it meanwhile."""
    require(actor, WRITE)
    _refuse_status(changes)
    with store.transaction(actor, action="update") as session:
        member = get(session, uuid)
        if expected_rev is not None and member.rev != expected_rev:
            raise ValidationError("会员", "该记录已被他人修改，请重新打开后再保存")
        _apply_changes(session, member, changes)
    return member


def _refuse_status(changes: Mapping[str, Any]) -> None:
    if "status" in changes:
        raise ValidationError(LABELS["status"], "请用转出、转入、退会或恢复来改变状态")


def _apply_changes(session: Session, member: Member, changes: Mapping[str, Any]) -> None:
    """Clean ``changes`` against the stored member (cross-field rules) and apply them."""
    current = {field: getattr(member, field) for field in ("id_type", "gender", "joined_on", "birth_date")}
    if "id_number" not in changes and ("id_type" in changes or "gender" in changes):
        changes = {**changes, "id_number": member.id_number}
    cleaned = clean_member({**_keep(current, changes), **changes}, partial=True)
    _check_unique(session, cleaned, member.office_code, member.uuid)
    for field, value in cleaned.items():
        setattr(member, field, value)
    if "name" in cleaned:
        member.name_pinyin, member.name_initials = pinyin_columns(member.name)


def _keep(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """Stored values that cross-field rules need when only some fields change."""
    keep = {}
    if "id_number" in changes:
        keep = {k: current[k] for k in ("id_type", "joined_on") if k not in changes}
        if "gender" not in changes and current["id_type"] != "居民身份证":
            keep["gender"] = current["gender"]
    elif "joined_on" in changes:
        keep = {"birth_date": current["birth_date"]}
    return keep


def _change_status(store: Store, actor: Actor, uuid: str, kind: str, on: dt.date | str,
                   counterpart: str | None = None, reason: str | None = None) -> Member:
    require(actor, WRITE)
    step = STEPS[kind]
    day = parse_date(on, "日期")
    if day > dt.date.today():
        raise ValidationError("日期", f"不能晚于今天：{day.isoformat()}")
    with store.transaction(actor, action=kind) as session:
        member = get(session, uuid)
        if member.status not in step.allowed_from:
            now = label("member_status", member.status)
            raise ValidationError("状态", f"会员“{member.name}”当前为{now}，不能{label('member_event', kind)}")
        if day < member.joined_on:
            raise ValidationError("日期", f"不能早于入会日期 {member.joined_on.isoformat()}")
        previous = member.status
        member.status = step.to_status
        _event(session, member, kind, day, previous, counterpart=counterpart, reason=reason)
    return member


def transfer_out(store: Store, actor: Actor, uuid: str, on: dt.date | str, to_union: str,
                 reason: str | None = None) -> Member:
    """转出: the member moves to another union (with the 会员证)."""
    if not to_union.strip():
        raise ValidationError("转往单位", "必须填写")
    return _change_status(store, actor, uuid, "transfer_out", on, counterpart=to_union.strip(), reason=reason)


def transfer_in(store: Store, actor: Actor, uuid: str, on: dt.date | str, from_union: str,
                reason: str | None = None) -> Member:
    """转入: a member transferred out comes back to this office."""
    return _change_status(store, actor, uuid, "transfer_in", on, counterpart=from_union.strip() or None,
                          reason=reason)


def leave(store: Store, actor: Actor, uuid: str, on: dt.date | str, reason: str | None = None) -> Member:
    """退会."""
    return _change_status(store, actor, uuid, "leave", on, reason=reason)


def record_death(store: Store, actor: Actor, uuid: str, on: dt.date | str) -> Member:
    """去世."""
    return _change_status(store, actor, uuid, "death", on)


def restore(store: Store, actor: Actor, uuid: str, on: dt.date | str, reason: str | None = None) -> Member:
    """恢复: undo a leave or transfer recorded by mistake; the history keeps both steps."""
    return _change_status(store, actor, uuid, "restore", on, reason=reason)


def add_honour(store: Store, actor: Actor, member_uuid: str, kind: str, year: int,
               level: str | None = None, title: str | None = None, issuer: str | None = None) -> Honour:
    """Record an honour (劳动模范, 五一劳动奖章, 工匠, 技术能手) of a member."""
    require(actor, WRITE)
    if kind not in values("honour_kind"):
        raise ValidationError("荣誉类别", f"应为：{'、'.join(values('honour_kind'))}")
    if level is not None and level not in values("honour_level"):
        raise ValidationError("荣誉级别", f"应为：{'、'.join(values('honour_level'))}")
    if not 1950 <= year <= dt.date.today().year:
        raise ValidationError("年度", f"年份不合理：{year}")
    with store.transaction(actor, action="add_honour") as session:
        member = get(session, member_uuid)
        honour = Honour(member_uuid=member.uuid, office_code=member.office_code, kind=kind, level=level,
                        title=title, year=year, issuer=issuer)
        session.add(honour)
    return honour


def soft_delete(store: Store, actor: Actor, uuid: str) -> Member:
    """Mark a member deleted (kept as a tombstone for sync and the audit trail)."""
    return records.soft_delete(store, actor, Member, uuid, "会员", WRITE)


def history(session: Session, uuid: str) -> list[MemberEvent]:
    """The status history of a member, oldest first."""
    stmt = (select(MemberEvent).where(MemberEvent.member_uuid == uuid, MemberEvent.deleted.is_(False))
            .order_by(MemberEvent.on_date, MemberEvent.updated_at))
    return list(session.scalars(stmt))


def honours(session: Session, uuid: str) -> list[Honour]:
    stmt = select(Honour).where(Honour.member_uuid == uuid, Honour.deleted.is_(False)).order_by(Honour.year)
    return list(session.scalars(stmt))


# --- reading one member for the form, and taking back the last saved change (撤销) -----------------


class MemberDetails:
    """A member with its status history (oldest first) and honours, read together for the member form."""

    def __init__(self, member: Member, events: list[MemberEvent], honour_list: list[Honour]) -> None:
        self.member = member
        self.events = events
        self.honours = honour_list


def details(store: Store, uuid: str) -> MemberDetails:
    """One member (not deleted) with its history and honours, read in one transaction."""
    with store.transaction() as session:
        return MemberDetails(get(session, uuid), history(session, uuid), honours(session, uuid))


def check_id_number_free(store: Store, id_number: str, except_uuid: str | None = None) -> None:
    """Raise DuplicateMember when another member holds ``id_number`` (the form warns while the clerk types)."""
    with store.transaction() as session:
        existing = find_by_id_number(session, id_number)
        if existing is not None and existing.uuid != except_uuid:
            raise DuplicateMember(existing)


def _check_unchanged_since(member: Member, expected_rev: int | None) -> None:
    if expected_rev is not None and member.rev != expected_rev:
        raise ValidationError("会员", f"会员“{member.name}”在那次保存之后又被修改过，不能撤销")


def undo_update(store: Store, actor: Actor, uuid: str, old_values: Mapping[str, Any],
                expected_rev: int | None = None) -> Member:
    """Put back the values a saved change replaced: a new revision, audited as ``undo``.

    ``expected_rev`` is the revision that change produced; a member changed since is left alone.
    """
    require(actor, WRITE)
    _refuse_status(old_values)
    with store.transaction(actor, action="undo") as session:
        member = get(session, uuid)
        _check_unchanged_since(member, expected_rev)
        _apply_changes(session, member, old_values)
    return member


def _latest_event(session: Session, uuid: str) -> MemberEvent | None:
    """The status step recorded last (by write order: a step may be dated before an earlier one)."""
    stmt = (select(MemberEvent).where(MemberEvent.member_uuid == uuid, MemberEvent.deleted.is_(False))
            .order_by(MemberEvent.sync_seq.desc(), MemberEvent.updated_at.desc()).limit(1))
    return session.scalars(stmt).first()


def undo_status_change(store: Store, actor: Actor, uuid: str, *, event_uuid: str | None = None,
                       expected_rev: int | None = None) -> Member:
    """Take back the latest status step (转出, 转入, 退会, 去世, 恢复): the step is marked deleted and the
    member returns to the status before it.

    Refused when ``event_uuid`` names a step that is not the latest, when the member changed after
    ``expected_rev``, and when the only step left is joining (undo a registration by deleting instead).
    """
    require(actor, WRITE)
    with store.transaction(actor, action="undo") as session:
        member = get(session, uuid)
        _check_unchanged_since(member, expected_rev)
        latest = _latest_event(session, uuid)
        if latest is None or latest.from_status is None:
            raise ValidationError("状态", f"会员“{member.name}”没有可以撤销的状态变化")
        if event_uuid is not None and latest.uuid != event_uuid:
            raise ValidationError("状态", f"会员“{member.name}”之后又办理了“{label('member_event', latest.kind)}”，"
                                          "只能撤销最近一次状态变化")
        if latest.to_status != member.status:
            raise ValidationError("状态", "最近一次状态变化与会员当前状态不符，不能撤销")
        latest.deleted = True
        member.status = latest.from_status
    return member


def undelete(store: Store, actor: Actor, uuid: str) -> Member:
    """Bring back a member marked deleted. Refused with DuplicateMember when another member now holds
    the ID number."""
    require(actor, WRITE)
    with store.transaction(actor, action="undo") as session:
        member = session.get(Member, uuid)
        if member is None:
            raise NotFound("找不到该会员。")
        if not member.deleted:
            raise ValidationError("会员", f"会员“{member.name}”没有被删除")
        existing = find_by_id_number(session, member.id_number)
        if existing is not None:
            raise DuplicateMember(existing)
        member.deleted = False
    return member


def undo_add_honour(store: Store, actor: Actor, honour_uuid: str) -> Honour:
    """Take back an honour recorded by mistake (marked deleted)."""
    return records.soft_delete(store, actor, Honour, honour_uuid, "荣誉", WRITE, action="undo")
