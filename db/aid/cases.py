"""Use cases of the hardship files (困难职工档案): a file opened and changed, its household (家庭成员) and the
paper documents it holds (the checklist of its three parts), and the reads its form needs. The workflow
(steps, 公示 objections, the approval queue, retention) is :mod:`db.aid.workflow`.

One household, one file (一户一档): a person has at most one open file (not 解困脱困 or 注销), as the file's
member or as a household member of another's — checked whichever way round the second file would come:
opening a file for someone already in an open file, or adding to a household someone who has an open file or
is in another open household. The refusal names the existing file (档案编号, office), so that a clerk can find
it; ID numbers in messages are masked.

Each writing use case is one transaction, checks ``records.write`` and is audited by the store's write hook.
Values are cleaned by the registry's declaration (:mod:`db.aid.fields`), so that labels and messages are those
a clerk sees on the form and in the sheet. A closed file is not changed any more (it is an archive).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db import records, reference
from db.aid import settings as aid_settings
from db.aid.fields import AID_CASES, CASE_TABLE, DOCUMENT_TABLE, HOUSEHOLD_TABLE
from db.aid.rules import (
    OPEN_STATUSES,
    WRITE,
    age_on,
    check_case,
    is_open,
    may_anonymise_from,
    per_capita_fen,
    suggest_category,
)
from db.auth import Actor, require
from db.errors import ValidationError
from db.models import AidCase, AidCaseDocument, AidCaseStep, AidHouseholdMember, AidObjection, Member, Office
from db.records import clean_given, live
from db.store import Store
from db.validation import mask_id_number, parse_date, parse_id_number
from db.writes import utcnow

CASE_LABEL = AID_CASES.label
CASE_NO_LABEL = AID_CASES.field("case_no").label
MEMBER_LABEL = AID_CASES.field("member_id_number").label
HOUSEHOLD_ID_LABEL = HOUSEHOLD_TABLE.field("id_number").label
CLOSED = "已撤档（解困脱困或注销）的档案不能修改"
# what a file's form writes; the member is given by member_uuid or member_id_number, status by the steps
_CASE_FIELDS = frozenset(f.attr for f in AID_CASES.writable) - {"member_id_number", "status"}
_HOUSEHOLD_FIELDS = frozenset(f.attr for f in HOUSEHOLD_TABLE.fields) - {"case_uuid"}
PARTS = ("original", "financial", "daily")


def _today() -> dt.date:
    return dt.date.today()


def today() -> dt.date:
    """The day the rules are applied on (tests move it by monkeypatching ``_today``)."""
    return _today()


def step_day(on: dt.date | str | None, label: str = "办理日期") -> dt.date:
    """The day a step or record takes effect: ``on`` (a date or its text) or today; never after today."""
    day = today() if on is None else on if isinstance(on, dt.date) else parse_date(str(on), label)
    if day > today():
        raise ValidationError(label, f"不能晚于今天：{day.isoformat()}")
    return day


def get_case(session: Session, uuid: str) -> AidCase:
    return live(session, AidCase, uuid, "困难职工档案")


def _not_closed(case: AidCase, field: str = CASE_LABEL) -> None:
    if not is_open(case.status):
        raise ValidationError(field, CLOSED)


def office_name(session: Session, code: str) -> str:
    return session.scalar(select(Office.name).where(Office.code == code)) or code


# --- one household, one file ----------------------------------------------------------------------------

def _open_cases(*, except_case: str | None) -> Any:
    stmt = select(AidCase).where(AidCase.deleted.is_(False), AidCase.status.in_(OPEN_STATUSES))
    return stmt.where(AidCase.uuid != except_case) if except_case else stmt


def _held_by(session: Session, member_uuid: str | None, id_number: str | None,
             except_case: str | None) -> AidCase | None:
    """The open file (other than ``except_case``) whose member is this person (by member or ID number)."""
    who = []
    if member_uuid:
        who.append(AidCase.member_uuid == member_uuid)
    if id_number:
        who.append(AidCase.member_uuid.in_(select(Member.uuid).where(
            Member.id_number == id_number, Member.deleted.is_(False))))
    if not who:
        return None
    return session.scalars(_open_cases(except_case=except_case).where(or_(*who))).first()


def _household_of(session: Session, id_number: str | None, except_case: str | None) -> AidCase | None:
    """The open file (other than ``except_case``) whose household lists this ID number."""
    if not id_number:
        return None
    return session.scalars(_open_cases(except_case=except_case).where(AidCase.uuid.in_(
        select(AidHouseholdMember.case_uuid).where(AidHouseholdMember.id_number == id_number,
                                                  AidHouseholdMember.deleted.is_(False))))).first()


def check_one_file(session: Session, field: str, name: str, member_uuid: str | None, id_number: str | None,
                   except_case: str | None) -> None:
    """Refuse a person who is already in an open file other than ``except_case`` (一户一档), naming it."""
    who = f"{name}（{mask_id_number(id_number)}）" if id_number else name
    held = _held_by(session, member_uuid, id_number, except_case)
    if held is not None:
        where = f"{held.case_no}（{office_name(session, held.office_code)}）"
        raise ValidationError(field, f"{who}已有未撤档的困难职工档案 {where}，一户一档，不能重复建档")
    listed = _household_of(session, id_number, except_case)
    if listed is not None:
        where = f"{listed.case_no}（{office_name(session, listed.office_code)}）"
        raise ValidationError(field, f"{who}已是困难职工档案 {where} 的家庭成员，一户一档，不能重复建档")


# --- the file -------------------------------------------------------------------------------------------

def _member_of(session: Session, actor: Actor, member_uuid: str | None, id_number: Any) -> Member:
    """The member a file is for: by uuid, or by ID number among this office's members."""
    if member_uuid:
        return live(session, Member, member_uuid, "会员")
    if id_number is None or not str(id_number).strip():
        raise ValidationError(MEMBER_LABEL, "必须填写（困难职工应为本单位会员）")
    number = AID_CASES.field("member_id_number").clean(id_number)
    member = session.scalars(select(Member).where(
        Member.id_number == number, Member.deleted.is_(False), Member.office_code == actor.office_code)).first()
    if member is None:
        raise ValidationError(MEMBER_LABEL, f"{mask_id_number(number)} 不是本单位的会员，请先登记会员")
    return member


def next_case_no(session: Session, office_code: str, year: int) -> str:
    """The next 档案编号 of an office and year: KN + the office code's last three digits + the year + a
    four-digit serial, one more than the highest given that year (a deleted file's number is not reused)."""
    prefix = f"KN{office_code[-3:]}{year}"
    numbers = session.scalars(select(AidCase.case_no).where(AidCase.case_no.like(f"{prefix}%")))
    highest = max((int(n[len(prefix):]) for n in numbers if n[len(prefix):].isdigit()), default=0)
    return f"{prefix}{highest + 1:04d}"


def _check_case_no_free(session: Session, office_code: str, case_no: str, uuid: str | None) -> None:
    taken = session.scalars(select(AidCase).where(AidCase.office_code == office_code,
                                                  AidCase.case_no == case_no)).first()
    if taken is not None and taken.uuid != uuid:
        raise ValidationError(CASE_NO_LABEL, f"档案编号 {case_no} 已被使用")


def create_case(store: Store, actor: Actor, fields: Mapping[str, Any],
                household: Sequence[Mapping[str, Any]] = (), *, opinion: str | None = None,
                on: dt.date | None = None) -> AidCase:
    """Open a file (申请) for a member of the actor's office, given by ``fields["member_uuid"]`` or
    ``fields["member_id_number"]``, with its household (each as :func:`add_household_member` takes it).
    困难类别 and 主要致困原因 are required (the category is a person's choice; :func:`suggestion` offers
    one); 档案编号 is the next in order when not given. The first step 申请 is recorded with ``opinion``
    on day ``on`` (today by default)."""
    require(actor, WRITE)
    given = dict(fields)
    member_uuid = given.pop("member_uuid", None) or None
    id_number = given.pop("member_id_number", None)
    cleaned = clean_given(CASE_TABLE, _CASE_FIELDS, given)
    for item in AID_CASES.writable:
        if item.attr in _CASE_FIELDS and item.required and item.attr != "case_no" and cleaned.get(item.attr) is None:
            raise ValidationError(item.label, "必须填写")
    check_case(cleaned)
    day = step_day(on, "申请日期")
    people = [_clean_household(row) for row in household]
    with store.transaction(actor, action="create_case") as session:
        member = _member_of(session, actor, member_uuid, id_number)
        check_one_file(session, MEMBER_LABEL, member.name, member.uuid, member.id_number or None, None)
        case_no = cleaned.pop("case_no", None) or next_case_no(session, actor.office_code, day.year)
        _check_case_no_free(session, actor.office_code, case_no, None)
        case = AidCase(office_code=actor.office_code, member_uuid=member.uuid, case_no=case_no,
                       status="applied", filed_by=actor.username,
                       **{k: v for k, v in cleaned.items() if v is not None})
        session.add(case)
        session.flush()
        session.add(AidCaseStep(case_uuid=case.uuid, office_code=case.office_code, step="applied",
                                actor=actor.username, at=utcnow(), on_date=day,
                                note=(opinion or "").strip() or "提出申请"))
        for person in people:
            _add_person(session, case, member, person)
    return case


def update_case(store: Store, actor: Actor, uuid: str, changes: Mapping[str, Any],
                expected_rev: int | None = None) -> AidCase:
    """Change fields of an open file (its member too, by ``member_uuid`` or ``member_id_number``, checked
    against one household, one file). The status changes by the workflow's steps only."""
    require(actor, WRITE)
    given = dict(changes)
    if "status" in given:
        raise ValidationError(AID_CASES.field("status").label, "请在流程中办理（入户核查、审核、公示、审批、撤档）")
    member_uuid = given.pop("member_uuid", None) or None
    id_number = given.pop("member_id_number", None)
    cleaned = clean_given(CASE_TABLE, _CASE_FIELDS, given)
    with store.transaction(actor, action="update") as session:
        case = get_case(session, uuid)
        if expected_rev is not None and case.rev != expected_rev:
            raise ValidationError(CASE_LABEL, "该档案已被他人修改，请重新打开后再保存")
        _not_closed(case)
        for attr, value in cleaned.items():
            item = AID_CASES.field(attr)
            if value is None and (item.required or not AidCase.__table__.columns[attr].nullable):
                raise ValidationError(item.label, "必须填写")
        check_case({"main_cause": case.main_cause, "minor_causes": case.minor_causes} | cleaned)
        if member_uuid or id_number:
            member = _member_of(session, actor, member_uuid, id_number)
            if member.uuid != case.member_uuid:
                check_one_file(session, MEMBER_LABEL, member.name, member.uuid, member.id_number or None, case.uuid)
                if member.id_number and _household_row(session, case.uuid, member.id_number) is not None:
                    raise ValidationError(MEMBER_LABEL, f"{member.name}已登记为本档案的家庭成员，请先移除")
                case.member_uuid = member.uuid
        if cleaned.get("case_no"):
            _check_case_no_free(session, case.office_code, cleaned["case_no"], case.uuid)
        for attr, value in cleaned.items():
            setattr(case, attr, value)
    return case


# --- the household --------------------------------------------------------------------------------------

def _clean_household(given: Mapping[str, Any]) -> dict[str, Any]:
    """A household member's values cleaned; with an ID number the birth date and gender are the number's
    (one given that differs is refused)."""
    cleaned = clean_given(HOUSEHOLD_TABLE, _HOUSEHOLD_FIELDS, given)
    return _from_id(cleaned)


def _from_id(values: dict[str, Any]) -> dict[str, Any]:
    for attr in ("name", "relation"):
        if values.get(attr) is None:
            raise ValidationError(HOUSEHOLD_TABLE.field(attr).label, "必须填写")
    if values.get("id_number"):
        info = parse_id_number(values["id_number"], HOUSEHOLD_ID_LABEL)
        for attr, derived in (("birth_date", info.birth_date), ("gender", info.gender)):
            given = values.get(attr)
            if given is not None and given != derived:
                shown = derived.isoformat() if isinstance(derived, dt.date) else derived
                raise ValidationError(HOUSEHOLD_TABLE.field(attr).label, f"与身份证号不符（身份证号为{shown}）")
            values[attr] = derived
    return values


def _household_row(session: Session, case_uuid: str, id_number: str) -> AidHouseholdMember | None:
    return session.scalars(select(AidHouseholdMember).where(
        AidHouseholdMember.case_uuid == case_uuid, AidHouseholdMember.id_number == id_number,
        AidHouseholdMember.deleted.is_(False))).first()


def _check_person(session: Session, case: AidCase, holder: Member, values: Mapping[str, Any],
                  row_uuid: str | None) -> None:
    """A household member's ID number is one person: not the file's member, not twice in the household, not
    in another open file."""
    number = values.get("id_number")
    if not number:
        return
    if holder.id_number and number == holder.id_number:
        raise ValidationError(HOUSEHOLD_ID_LABEL,
                              f"{mask_id_number(number)} 是本档案的困难职工本人，不必登记为家庭成员")
    same = _household_row(session, case.uuid, number)
    if same is not None and same.uuid != row_uuid:
        raise ValidationError(HOUSEHOLD_ID_LABEL, f"{mask_id_number(number)} 已登记为本档案的家庭成员（{same.name}）")
    check_one_file(session, HOUSEHOLD_ID_LABEL, values["name"], None, number, case.uuid)


def _add_person(session: Session, case: AidCase, holder: Member, values: dict[str, Any]) -> AidHouseholdMember:
    _check_person(session, case, holder, values, None)
    row = AidHouseholdMember(case_uuid=case.uuid, office_code=case.office_code,
                             **{k: v for k, v in values.items() if v is not None})
    session.add(row)
    session.flush()  # the next person of the same call sees this one
    return row


def add_household_member(store: Store, actor: Actor, case_uuid: str, fields: Mapping[str, Any]) -> AidHouseholdMember:
    """Add a household member (姓名, 关系 required; 身份证号 checked, birth date and gender taken from it) to
    an open file."""
    require(actor, WRITE)
    values = _clean_household(fields)
    with store.transaction(actor, action="add_household_member") as session:
        case = get_case(session, case_uuid)
        _not_closed(case, HOUSEHOLD_TABLE.label)
        return _add_person(session, case, live(session, Member, case.member_uuid, "会员"), values)


def update_household_member(store: Store, actor: Actor, uuid: str, changes: Mapping[str, Any]) -> AidHouseholdMember:
    """Change a household member of an open file (an ID number changed is checked again)."""
    require(actor, WRITE)
    cleaned = clean_given(HOUSEHOLD_TABLE, _HOUSEHOLD_FIELDS, changes)
    with store.transaction(actor, action="update") as session:
        row = live(session, AidHouseholdMember, uuid, "家庭成员")
        case = get_case(session, row.case_uuid)
        _not_closed(case, HOUSEHOLD_TABLE.label)
        current = {f.attr: getattr(row, f.attr) for f in HOUSEHOLD_TABLE.fields if f.attr in _HOUSEHOLD_FIELDS}
        if "id_number" in cleaned:  # a new number brings its own birth date and gender
            current.pop("birth_date"), current.pop("gender")
        values = _from_id(current | cleaned)
        _check_person(session, case, live(session, Member, case.member_uuid, "会员"), values, row.uuid)
        for attr, value in values.items():
            if getattr(row, attr) != value:
                setattr(row, attr, value)
    return row


def remove_household_member(store: Store, actor: Actor, uuid: str) -> AidHouseholdMember:
    """Take a household member off an open file (marked deleted)."""
    require(actor, WRITE)
    with store.transaction(actor, action="remove_household_member") as session:
        row = live(session, AidHouseholdMember, uuid, "家庭成员")
        _not_closed(get_case(session, row.case_uuid), HOUSEHOLD_TABLE.label)
        row.deleted = True
    return row


# --- the paper documents (原始 / 财务 / 日常工作档案) ---------------------------------------------------

@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One line of a file's checklist: a standard document (received or not) or another one received."""

    part: str  # original / financial / daily
    part_label: str
    name: str
    received_on: dt.date | None
    uuid: str | None  # the received document's row
    standard: bool


def standard_documents() -> dict[str, list[str]]:
    """The documents every file is expected to hold, by part (reference lists aid_documents_<part>)."""
    return {part: reference.values(f"aid_documents_{part}") for part in PARTS}


def _part_of(name: str, part: str | None) -> str:
    standard = next((p for p, names in standard_documents().items() if name in names), None)
    if part is None:
        if standard is None:
            raise ValidationError(DOCUMENT_TABLE.field("part").label, f"“{name}”不是常用材料，请选择归入哪一类档案")
        return standard
    chosen = DOCUMENT_TABLE.field("part").clean(part)
    if standard is not None and chosen != standard:
        raise ValidationError(DOCUMENT_TABLE.field("part").label,
                              f"“{name}”属于{reference.label('aid_document_part', standard)}")
    return str(chosen)


def receive_document(store: Store, actor: Actor, case_uuid: str, name: str, received_on: Any,
                     part: str | None = None) -> AidCaseDocument:
    """Record that a paper document arrived on ``received_on`` (or correct its date). A standard document's
    part is known; another one needs ``part`` (原始档案 / 财务档案 / 日常工作档案, label or code)."""
    require(actor, WRITE)
    title = DOCUMENT_TABLE.field("name").clean(name)
    if title is None:
        raise ValidationError(DOCUMENT_TABLE.field("name").label, "必须填写")
    day = DOCUMENT_TABLE.field("received_on").clean(received_on)
    if day is None:
        raise ValidationError(DOCUMENT_TABLE.field("received_on").label, "必须填写")
    chosen = _part_of(title, part)
    with store.transaction(actor, action="receive_document") as session:
        case = get_case(session, case_uuid)
        row = session.scalars(select(AidCaseDocument).where(
            AidCaseDocument.case_uuid == case.uuid, AidCaseDocument.name == title)).first()
        if row is None:
            row = AidCaseDocument(case_uuid=case.uuid, office_code=case.office_code, part=chosen, name=title,
                                  received_on=day)
            session.add(row)
        else:  # one row per file and name, so that sync keeps one
            row.part, row.received_on, row.deleted = chosen, day, False
    return row


def remove_document(store: Store, actor: Actor, uuid: str) -> AidCaseDocument:
    """Take back a document recorded as received by mistake (marked deleted)."""
    return records.soft_delete(store, actor, AidCaseDocument, uuid, "档案材料", WRITE)


def documents_in(session: Session, case_uuid: str) -> list[DocumentRow]:
    held = {d.name: d for d in session.scalars(select(AidCaseDocument).where(
        AidCaseDocument.case_uuid == case_uuid, AidCaseDocument.deleted.is_(False)))}
    parts = reference.labels("aid_document_part")
    rows: list[DocumentRow] = []
    for part, names in standard_documents().items():
        for name in names:
            doc = held.pop(name, None)
            rows.append(DocumentRow(part, parts[part], name, doc.received_on if doc else None,
                                    doc.uuid if doc else None, True))
        rows += [DocumentRow(part, parts[part], d.name, d.received_on, d.uuid, False)
                 for d in sorted(held.values(), key=lambda d: (d.received_on, d.name)) if d.part == part]
    return rows


def documents(store: Store, case_uuid: str) -> list[DocumentRow]:
    """The file's checklist by part: every standard document (received or not), then the others received."""
    with store.transaction() as session:
        get_case(session, case_uuid)
        return documents_in(session, case_uuid)


# --- reads -----------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Suggestion:
    """The category the income suggests: per-capita monthly income and the 低保 line (fen), the category."""

    per_capita_fen: int | None
    dibao_line_fen: int | None
    category: str | None


def suggestion_in(session: Session, household_income_fen: Any, household_size: Any, year: int) -> Suggestion:
    per_capita = per_capita_fen(household_income_fen, household_size)
    line = aid_settings.read_in(session).line_for(year)
    return Suggestion(per_capita, line, suggest_category(per_capita, line))


def suggestion(store: Store, household_income_fen: Any, household_size: Any, year: int | None = None) -> Suggestion:
    """The category suggested for a household's yearly income and size against the office's 低保 line of
    ``year`` (this year by default): 深度困难 below it, 相对困难 below twice it, else none."""
    with store.transaction() as session:
        return suggestion_in(session, household_income_fen, household_size, year or today().year)


def _plain(row: Any) -> dict[str, Any]:
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}


def case_details(store: Store, uuid: str) -> dict[str, Any]:
    """One file for its form, read in one transaction: ``case`` (its columns, plus member_name,
    member_id_number, per_capita_fen, may_anonymise_from (a closed file's; else None)), ``household``
    (rows with ``age`` from the birth date), ``steps`` (oldest first), ``documents`` (:class:`DocumentRow`),
    ``objections`` (oldest first), ``suggestion`` (:class:`Suggestion` for the year the file was opened)."""
    with store.transaction() as session:
        case = get_case(session, uuid)
        member = session.get(Member, case.member_uuid)
        plain = _plain(case) | {"member_name": member.name if member else None,
                                "member_id_number": member.id_number if member else None,
                                "per_capita_fen": case.monthly_income_per_capita_fen}

        def rows(model: Any, *order: Any) -> list[dict[str, Any]]:
            stmt = select(model).where(model.case_uuid == uuid, model.deleted.is_(False)).order_by(*order)
            return [_plain(row) for row in session.scalars(stmt)]

        day = today()
        household = [row | {"age": age_on(row["birth_date"], day) if row["birth_date"] else None}
                     for row in rows(AidHouseholdMember, AidHouseholdMember.sync_seq, AidHouseholdMember.uuid)]
        opened = session.scalar(select(func.min(AidCaseStep.on_date)).where(
            AidCaseStep.case_uuid == uuid, AidCaseStep.deleted.is_(False))) or day
        settings = aid_settings.read_in(session)
        plain["may_anonymise_from"] = may_anonymise_from(case.closed_on, settings.retention_years) \
            if not is_open(case.status) and case.closed_on is not None else None
        return {
            "case": plain,
            "household": household,
            "steps": rows(AidCaseStep, AidCaseStep.at, AidCaseStep.sync_seq),
            "documents": documents_in(session, uuid),
            "objections": rows(AidObjection, AidObjection.raised_on, AidObjection.sync_seq),
            "suggestion": suggestion_in(session, case.household_income_fen, case.household_size, opened.year),
        }
