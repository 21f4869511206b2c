"""金秋助学 (student aid): a grant a year to a student of a file's household, at the amount of the school level,
paid after the year's list has been through its 公示.

- The student is a household member (家庭成员) of a file in 在档 whose relation is one that goes to school
  from the household (子女, 孙子女, 兄弟姐妹); the school level (就读阶段) is one of the list
  ``student_level`` and its amount is the office's setting (:func:`db.aid.settings.set_student_amount`),
  taken when the grant is recorded (a level without an amount is refused).
- One grant per student per year (by the household row, and by ID number across households).
- A student already aided elsewhere (已获其他资助) is excluded: recording one so is refused; a grant found
  later to be so is kept with the fact (and what aid, 其他资助情况) and is neither publicized nor paid.
- **公示: a per-year student-aid list, not the file's 公示.** The file's 公示 says the household is in
  hardship; the grant is a new decision of its own (who, how much), published as the year's 金秋助学名单.
  :func:`publicize_student_grants` starts the 公示 of every recorded grant of the office and year not yet
  publicized (a grant recorded later goes on a supplementary list the same way); it lasts the office's
  公示 days (the same setting as the files', 7 by default): begun on day D, a grant is paid from day
  D + days on. A grant whose level changes after its 公示 began needs a new 公示.
- Paying a grant records a 助学救助 payment (帮扶记录) of its amount on the file, so that the file's 财务档案
  and the year's totals hold it. The caps and the month's repeat question of :mod:`db.aid.payments` do not
  apply to it: its amount is the office's standard and one grant per student per year is its own rule.

A grant is changed while not paid (:func:`update_student_grant`), taken back with its payment
(:func:`delete_student_grant`) and put back as it was (:func:`restore_student_grant`, the undo of a take-back).

Clerks (``records.write``) do all of it; each use case is one audited transaction; a refusal names the rule
and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import reference
from db.aid import payments
from db.aid import settings as aid_settings
from db.aid.cases import get_case, step_day, today
from db.aid.fields import PAYMENT_TABLE, STUDENT_TABLE
from db.aid.rules import WRITE, approval_from, is_open
from db.auth import Actor, require
from db.errors import ValidationError
from db.models import AidCase, AidHouseholdMember, AidPayment, AidStudentGrant
from db.records import clean_given, live
from db.store import Store
from db.validation import mask_id_number

LABEL = STUDENT_TABLE.label
STUDENT_KIND = "助学救助"
STUDENT_RELATIONS = ("子女", "孙子女", "兄弟姐妹")
LEVEL_LABEL = STUDENT_TABLE.field("school_level").label
ELSEWHERE_LABEL = STUDENT_TABLE.field("aided_elsewhere").label
_GIVEN = frozenset({"year", "school_level", "school", "aided_elsewhere", "elsewhere_note", "remarks"})
_PAY_GIVEN = frozenset({"paid_on", "method", "approver", "voucher_no", "remarks"})


def _grant(session: Session, uuid: str) -> AidStudentGrant:
    return live(session, AidStudentGrant, uuid, LABEL)


def _filed(session: Session, case_uuid: str) -> AidCase:
    case = get_case(session, case_uuid)
    if case.status != "filed":
        status = reference.label("aid_status", case.status)
        raise ValidationError(LABEL, f"档案 {case.case_no} 当前为{status}，只有在档档案的学生才能申请金秋助学")
    return case


def _amount(session: Session, level: str) -> int:
    amount = aid_settings.read_in(session).student_amounts.get(level)
    if amount is None:
        raise ValidationError(LEVEL_LABEL, f"尚未设置{level}的金秋助学资助标准，请管理员在帮扶设置中设置")
    return amount


def _one_a_year(session: Session, student: AidHouseholdMember, year: int, except_uuid: str | None) -> None:
    """One grant per student per year: by the household row, or by ID number in another household."""
    same = [student.uuid]
    if student.id_number:
        same += list(session.scalars(select(AidHouseholdMember.uuid).where(
            AidHouseholdMember.id_number == student.id_number, AidHouseholdMember.deleted.is_(False))))
    stmt = select(AidStudentGrant).where(AidStudentGrant.deleted.is_(False), AidStudentGrant.year == year,
                                         AidStudentGrant.student_uuid.in_(same))
    if except_uuid:
        stmt = stmt.where(AidStudentGrant.uuid != except_uuid)
    if session.scalars(stmt).first() is not None:
        who = f"{student.name}（{mask_id_number(student.id_number)}）" if student.id_number else student.name
        raise ValidationError(LABEL, f"{who}{year}年已有金秋助学，每名学生每年资助一次")


def record_student_grant(store: Store, actor: Actor, case_uuid: str, student_uuid: str,
                         fields: Mapping[str, Any]) -> AidStudentGrant:
    """Record a 金秋助学 grant for ``student_uuid`` (a household member of the file ``case_uuid`` in 在档).
    ``fields``: school_level (required), year (this year by default), school, aided_elsewhere (yes: refused),
    elsewhere_note, remarks. The amount is the level's setting."""
    require(actor, WRITE)
    values = clean_given(STUDENT_TABLE, _GIVEN, fields)
    if values.get("school_level") is None:
        raise ValidationError(LEVEL_LABEL, "必须填写")
    if values.get("aided_elsewhere"):
        raise ValidationError(ELSEWHERE_LABEL, "已获其他助学资助的学生不再资助（金秋助学不重复资助）")
    year = values.pop("year", None) or today().year
    with store.transaction(actor, action="record_student_grant") as session:
        case = _filed(session, case_uuid)
        student = live(session, AidHouseholdMember, student_uuid, "家庭成员")
        if student.case_uuid != case.uuid:
            raise ValidationError(LABEL, f"{student.name}不是档案 {case.case_no} 的家庭成员")
        if student.relation not in STUDENT_RELATIONS:
            raise ValidationError(LABEL, f"{student.name}与困难职工的关系为{student.relation}，"
                                         f"金秋助学资助{'、'.join(STUDENT_RELATIONS)}")
        _one_a_year(session, student, year, None)
        grant = AidStudentGrant(case_uuid=case.uuid, office_code=case.office_code, student_uuid=student.uuid,
                                year=year, amount_fen=_amount(session, values["school_level"]),
                                **{k: v for k, v in values.items() if v is not None})
        session.add(grant)
    return grant


def update_student_grant(store: Store, actor: Actor, uuid: str, changes: Mapping[str, Any]) -> AidStudentGrant:
    """Change a grant not yet paid: school, level (its amount follows; a new 公示 is needed once it had
    begun), aided elsewhere (recorded: the grant is then neither publicized nor paid), remarks."""
    require(actor, WRITE)
    values = clean_given(STUDENT_TABLE, _GIVEN - {"year"}, changes)
    with store.transaction(actor, action="update") as session:
        grant = _grant(session, uuid)
        if grant.paid_on is not None:
            raise ValidationError(LABEL, f"该金秋助学已于{grant.paid_on.isoformat()}发放，不能修改")
        case = get_case(session, grant.case_uuid)
        if not is_open(case.status):
            raise ValidationError(LABEL, f"档案 {case.case_no} 已撤档，不能修改")
        if "school_level" in values:
            if values["school_level"] is None:
                raise ValidationError(LEVEL_LABEL, "必须填写")
            if values["school_level"] != grant.school_level:
                grant.amount_fen = _amount(session, values["school_level"])
                grant.publicized_on = None  # the 公示 showed another level and amount
        for attr, value in values.items():
            setattr(grant, attr, bool(value) if attr == "aided_elsewhere" else value)
    return grant


def delete_student_grant(store: Store, actor: Actor, uuid: str) -> AidStudentGrant:
    """Take back a grant recorded by mistake (marked deleted), with its payment if it was paid."""
    require(actor, WRITE)
    with store.transaction(actor, action="delete_student_grant") as session:
        grant = _grant(session, uuid)
        case = get_case(session, grant.case_uuid)
        if not is_open(case.status):
            raise ValidationError(LABEL, f"档案 {case.case_no} 已撤档，不能修改")
        if grant.payment_uuid:
            paid = session.get(AidPayment, grant.payment_uuid)
            if paid is not None:
                paid.deleted = True
        grant.deleted = True
    return grant


def restore_student_grant(store: Store, actor: Actor, uuid: str) -> AidStudentGrant:
    """Put back a grant taken back by mistake (the undo of :func:`delete_student_grant`), with its payment if
    it was paid, as it was (its 公示 too). Refused when its file has been closed since, when its student is no
    longer of the household, when the student has another grant that year by now, or when its payment's
    voucher number has been used again meanwhile."""
    require(actor, WRITE)
    with store.transaction(actor, action="restore_student_grant") as session:
        grant = session.get(AidStudentGrant, uuid)
        if grant is None or not grant.deleted:
            raise ValidationError(LABEL, "该金秋助学未被撤销，无需恢复")
        case = get_case(session, grant.case_uuid)
        if not is_open(case.status):
            raise ValidationError(LABEL, f"档案 {case.case_no} 已撤档，不能恢复")
        student = session.get(AidHouseholdMember, grant.student_uuid)
        if student is None or student.deleted:
            raise ValidationError(LABEL, f"该学生已不在档案 {case.case_no} 的家庭成员中，不能恢复")
        _one_a_year(session, student, grant.year, grant.uuid)
        paid = session.get(AidPayment, grant.payment_uuid) if grant.payment_uuid else None
        if paid is not None:
            payments.check_voucher(session, paid)
            paid.deleted = False
        grant.deleted = False
    return grant


def publicize_student_grants(store: Store, actor: Actor, year: int,
                             on: dt.date | str | None = None) -> list[AidStudentGrant]:
    """Start the 公示 of the year's 金秋助学 list of the actor's office on ``on`` (today by default): every
    grant recorded and not yet publicized, except those aided elsewhere. Refused when there is none."""
    require(actor, WRITE)
    day = step_day(on, "公示开始日期")
    with store.transaction(actor, action="publicize_student_grants") as session:
        grants = list(session.scalars(select(AidStudentGrant).where(
            AidStudentGrant.deleted.is_(False), AidStudentGrant.office_code == actor.office_code,
            AidStudentGrant.year == year, AidStudentGrant.publicized_on.is_(None),
            AidStudentGrant.aided_elsewhere.is_(False))))
        if not grants:
            raise ValidationError(LABEL, f"{year}年没有待公示的金秋助学")
        for grant in grants:
            grant.publicized_on = day
    return grants


def pay_student_grant(store: Store, actor: Actor, uuid: str, fields: Mapping[str, Any]) -> AidPayment:
    """Pay a grant after its 公示 has lasted the office's days: records a 助学救助 payment of its amount on the
    file. ``fields``: paid_on, method (required), approver, voucher_no (unique in the office), remarks."""
    require(actor, WRITE)
    values = clean_given(PAYMENT_TABLE, _PAY_GIVEN, fields)
    for attr in ("paid_on", "method"):
        if values.get(attr) is None:
            raise ValidationError(PAYMENT_TABLE.field(attr).label, "必须填写")
    day = step_day(values["paid_on"], PAYMENT_TABLE.field("paid_on").label)
    with store.transaction(actor, action="pay_student_grant") as session:
        grant = _grant(session, uuid)
        if grant.paid_on is not None:
            raise ValidationError(LABEL, f"该金秋助学已于{grant.paid_on.isoformat()}发放")
        if grant.aided_elsewhere:
            raise ValidationError(ELSEWHERE_LABEL, "该学生已获其他助学资助，不再发放")
        if grant.publicized_on is None:
            raise ValidationError(LABEL, "尚未公示，公示期满后才能发放")
        days = aid_settings.read_in(session).publicity_days
        first = approval_from(grant.publicized_on, days)
        if day < first:
            last = first - dt.timedelta(days=1)
            raise ValidationError(LABEL, f"公示{days}天（{grant.publicized_on.isoformat()}至{last.isoformat()}），"
                                         f"{first.isoformat()}起才能发放")
        case = _filed(session, grant.case_uuid)
        student = session.get(AidHouseholdMember, grant.student_uuid)
        note = f"金秋助学：{student.name if student else ''}（{grant.school_level}）"
        remarks = values.pop("remarks", None)
        payment = AidPayment(case_uuid=case.uuid, office_code=case.office_code, kind=STUDENT_KIND,
                             amount_fen=grant.amount_fen, remarks=f"{note} {remarks}" if remarks else note,
                             **{k: v for k, v in values.items() if v is not None})
        payments.check_voucher(session, payment)
        session.add(payment)
        session.flush()
        grant.paid_on, grant.payment_uuid = day, payment.uuid
    return payment


def student_grants(store: Store, year: int, office_code: str | None = None) -> list[dict[str, Any]]:
    """The year's grants (of one office, or all), by file number: the grant's columns with the student's
    name, relation and ID number, the file's number, and ``may_pay_from`` (the first day after the 公示)."""
    with store.transaction() as session:
        stmt = select(AidStudentGrant, AidHouseholdMember, AidCase.case_no).join(
            AidHouseholdMember, AidHouseholdMember.uuid == AidStudentGrant.student_uuid).join(
            AidCase, AidCase.uuid == AidStudentGrant.case_uuid).where(
            AidStudentGrant.deleted.is_(False), AidStudentGrant.year == year)
        if office_code is not None:
            stmt = stmt.where(AidStudentGrant.office_code == office_code)
        days = aid_settings.read_in(session).publicity_days
        rows = []
        for grant, student, case_no in session.execute(stmt.order_by(AidCase.case_no, AidHouseholdMember.name)):
            row = {c.key: getattr(grant, c.key) for c in AidStudentGrant.__table__.columns}
            row |= {"case_no": case_no, "student_name": student.name, "relation": student.relation,
                    "id_number": student.id_number,
                    "may_pay_from": approval_from(grant.publicized_on, days) if grant.publicized_on else None}
            rows.append(row)
        return rows
