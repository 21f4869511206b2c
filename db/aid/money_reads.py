"""Reads the hardship tab's money pages need beside the use cases: one file's payments (帮扶记录) and its
household's students with their 金秋助学 grants. Nothing here writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from db.aid import settings as aid_settings
from db.aid.cases import get_case
from db.aid.rules import approval_from
from db.aid.students import STUDENT_RELATIONS
from db.models import AidHouseholdMember, AidPayment, AidStudentGrant, FestivalCampaign, FestivalVisit
from db.store import Store


def _plain(row: Any) -> dict[str, Any]:
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}


@dataclass(frozen=True)
class CasePayments:
    """A file's number and status, and its live payments, newest first: each payment's columns plus
    ``by_grant`` (paid by a 金秋助学 grant: taken back with the grant only) and ``by_campaign`` (the name of the
    送温暖 campaign whose visit paid it: changed there only, else None)."""

    case_no: str
    status: str
    rows: list[dict[str, Any]]


def case_payments(store: Store, case_uuid: str) -> CasePayments:
    with store.transaction() as session:
        case = get_case(session, case_uuid)
        granted = set(session.scalars(select(AidStudentGrant.payment_uuid).where(
            AidStudentGrant.case_uuid == case_uuid, AidStudentGrant.deleted.is_(False),
            AidStudentGrant.payment_uuid.is_not(None))))
        payments = session.scalars(select(AidPayment).where(
            AidPayment.case_uuid == case_uuid, AidPayment.deleted.is_(False)).order_by(
            AidPayment.paid_on.desc(), AidPayment.sync_seq.desc()))
        visited = dict(session.execute(select(FestivalVisit.payment_uuid, FestivalCampaign.name).join(
            FestivalCampaign, FestivalCampaign.uuid == FestivalVisit.campaign_uuid).join(
            AidPayment, AidPayment.uuid == FestivalVisit.payment_uuid).where(AidPayment.case_uuid == case_uuid)).all())
        rows = [_plain(p) | {"by_grant": p.uuid in granted, "by_campaign": visited.get(p.uuid)} for p in payments]
        return CasePayments(case.case_no, case.status, rows)


@dataclass(frozen=True)
class CaseStudents:
    """A file's number and status, the 公示's days, the household members who may receive 金秋助学 (relation
    子女, 孙子女 or 兄弟姐妹: uuid, name, relation, id_number, birth_date) and their grants, newest year first
    (the grant's columns plus ``student_name`` and ``may_pay_from``: the first day after its 公示)."""

    case_no: str
    status: str
    publicity_days: int
    students: list[dict[str, Any]]
    grants: list[dict[str, Any]]


def case_students(store: Store, case_uuid: str) -> CaseStudents:
    with store.transaction() as session:
        case = get_case(session, case_uuid)
        days = aid_settings.read_in(session).publicity_days
        students = [_plain(m) for m in session.scalars(select(AidHouseholdMember).where(
            AidHouseholdMember.case_uuid == case_uuid, AidHouseholdMember.deleted.is_(False),
            AidHouseholdMember.relation.in_(STUDENT_RELATIONS)).order_by(AidHouseholdMember.sync_seq))]
        names = {s["uuid"]: s["name"] for s in students}
        grants = []
        for grant in session.scalars(select(AidStudentGrant).where(
                AidStudentGrant.case_uuid == case_uuid, AidStudentGrant.deleted.is_(False)).order_by(
                AidStudentGrant.year.desc(), AidStudentGrant.sync_seq)):
            student = names.get(grant.student_uuid)
            if student is None:  # a member since removed or no longer a child of the household: still shown
                member = session.get(AidHouseholdMember, grant.student_uuid)
                student = member.name if member is not None else ""
            may_pay: dt.date | None = approval_from(grant.publicized_on, days) if grant.publicized_on else None
            grants.append(_plain(grant) | {"student_name": student, "may_pay_from": may_pay})
        return CaseStudents(case.case_no, case.status, days, students, grants)
