"""What the hardship records held here break of the rules, as this database's settings see them (来件核查).

A sub-district's use cases refuse what breaks a rule, but a district receives its sub-districts' records
through batches: it keeps a payment above a cap (the sender's settings and its approver ran), a payment of a
file closed since, a file arriving 在档 several steps on — the district must not lose a record of money paid
(tests/unit/db/sync/test_aid_payment_sync.py). This read lists each record that breaks a rule of
DOMAIN.md's hardship section judged by the district's own settings (caps, 公示 days), for a person to look
at; it writes nothing and changes no record.

A finding is one record and one rule:

- a payment above its type's cap per payment, or taking its household's total of the type in the calendar
  year above the cap per person a year (in the order paid), without an approver's override reason;
- a payment to a file that was not 在档 on the day paid — the file's status that day is the last step dated
  on or before it — except 应急救助 with its reason to a file still open that day;
- a file 在档 or 解困脱困 with no 审批 step; an 审批 by the file's filer or by one who checked it at home, on
  a day before the 公示 before it had lasted its days (or with no 公示 before it), while an objection raised
  by then was still undecided, or by a user recorded here without the 审核人 role;
- a 金秋助学 grant paid with no 公示 or before its 公示 had lasted its days;
- 一人多档: a person's open file kept aside at a batch import beside another office's (a ``cross_office``
  conflict) and not yet settled.

A person is shown by name and masked ID number only. Each finding carries the record's uuid and the file to
open (``case_uuid``; None for a payee without a file). The records are read in a handful of queries, however
many there are (≤ 1 s on 10,000 files with 100,000 payments: tests/benchmarks/bench_aid_compliance.py).
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, case, exists, extract, func, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from db import reference
from db.aid import settings as aid_settings
from db.aid.payment_rules import EMERGENCY
from db.aid.rules import APPROVE, CLOSED_STATUSES, approval_from, is_open
from db.auth import PERMISSIONS
from db.models import (
    AidCase,
    AidCaseStep,
    AidHouseholdMember,
    AidObjection,
    AidPayment,
    AidStudentGrant,
    Member,
    Office,
    SyncConflict,
    User,
)
from db.store import Store
from db.validation import mask_id_number

# what each finding's record is (the window's 记录 column)
FILE, PAYMENT, GRANT, CONFLICT = "档案", "帮扶记录", "金秋助学", "一人多档"
CROSS_OFFICE = "cross_office"  # db.sync.merge_rows' kind (db/aid reads no sync module)
_APPROVER_ROLES = PERMISSIONS[APPROVE]


@dataclass(frozen=True, slots=True)
class Finding:
    """One record breaking one rule: its office, what it is (``record``: 档案 / 帮扶记录 / 金秋助学 /
    一人多档, and ``title``: the file's number, a payment's day, type and amount), the person (name and masked ID
    number), the rule in words, the record's uuid and the file to open."""

    office_code: str
    office: str
    record: str
    case_no: str
    title: str
    person: str
    rule: str
    record_uuid: str
    case_uuid: str | None


def yuan(fen: int) -> str:
    return f"{fen / 100:,.2f}元"


def _who(name: str | None, number: str | None) -> str:
    return f"{name or ''}（{mask_id_number(number)}）" if number else (name or "")


@dataclass(slots=True)
class _File:
    """A file a finding names: its number and member, and (for a payment's day) its live steps in order."""

    office_code: str
    case_no: str
    name: str
    id_number: str | None
    steps: list[tuple[dt.date, dt.datetime, str]]  # (day, recorded, status it led to)
    days: list[dt.date]  # the steps' days, in the same order

    @property
    def person(self) -> str:
        return _who(self.name, self.id_number)

    def status_on(self, day: dt.date) -> str | None:
        """The status the file had on ``day``: its last step dated on or before it; None before the first."""
        at = bisect.bisect_right(self.days, day)
        return self.steps[at - 1][2] if at else None


# a finding before its file is read: (office, record, file, file number or None: the file's, title or None:
# the file number, person or None: the file's member, rule, record)
_Raw = tuple[str, str, str | None, str | None, str | None, str | None, str, str]


def findings(store: Store, office_code: str | None = None, year: int | None = None) -> list[Finding]:
    """The findings of one office (or all the database holds: a district's) and of one calendar year (a
    payment's day, a grant's year, a file's 审批 or last step; None: every year), by office, file and rule.
    The database chooses the records that may break a rule; only those and their files are read."""
    with store.transaction() as session:
        settings = aid_settings.read_in(session)
        conn = session.connection()  # plain rows: many are read, none is changed
        names = {code: name for code, name in conn.execute(select(Office.code, Office.name))}
        payments = _payment_rows(conn, settings, office_code, year)
        files = _files(conn, {p[2] for p in payments if p[2]}, steps=True)
        found = [*_approvals(conn, settings, office_code, year), *_unapproved(conn, office_code, year),
                 *_judge_payments(payments, files, settings), *_grant_findings(conn, settings, office_code, year),
                 *_conflicts(conn, office_code)]
        files |= _files(conn, {f[2] for f in found if f[2] and f[3] is None and f[2] not in files})
    out = []
    for office, record, case_uuid, case_no, title, person, rule, uuid in found:
        file = files.get(case_uuid) if case_uuid else None
        number = case_no if case_no is not None else (file.case_no if file is not None else "")
        out.append(Finding(office, names.get(office, office), record, number, title or number,
                           person if person is not None else (file.person if file is not None else ""),
                           rule, uuid, case_uuid))
    return sorted(out, key=lambda f: (f.office_code, f.case_no, f.record, f.title, f.rule))


def _files(conn: Connection, uuids: set[str], steps: bool = False) -> dict[str, _File]:
    """The files ``uuids`` with their members (and their live steps in order): by parts of 500."""
    files: dict[str, _File] = {}
    wanted = sorted(uuids)
    for start in range(0, len(wanted), 500):
        part = wanted[start:start + 500]
        for uuid, office, case_no, name, number in conn.execute(
                select(AidCase.uuid, AidCase.office_code, AidCase.case_no, Member.name, Member.id_number)
                .join(Member, Member.uuid == AidCase.member_uuid).where(AidCase.uuid.in_(part))):
            files[uuid] = _File(office, case_no, name, number, [], [])
        if not steps:
            continue
        for case_uuid, day, at, step in conn.execute(
                select(AidCaseStep.case_uuid, AidCaseStep.on_date, AidCaseStep.at, AidCaseStep.step)
                .where(AidCaseStep.case_uuid.in_(part), AidCaseStep.deleted.is_(False))):
            if case_uuid in files:  # a step's day: the day it took effect, or (older rows) the day recorded
                files[case_uuid].steps.append((day or at.date(), at, step))
    for file in files.values():
        file.steps.sort()
        file.days = [s[0] for s in file.steps]
    return files


def _year_of(column: Any, year: int | None) -> list[Any]:
    return [] if year is None else [column >= dt.date(year, 1, 1), column < dt.date(year + 1, 1, 1)]


def _approvals(conn: Connection, settings: aid_settings.AidSettings, office_code: str | None,
               year: int | None) -> list[_Raw]:
    """Each 审批 (of the year) with its file's filer, the 公示 before it and whether its actor checked the
    file at home, in one query; judged here."""
    publicity, visit = aliased(AidCaseStep), aliased(AidCaseStep)
    approval = AidCaseStep
    last_publicity = select(func.max(publicity.on_date)).where(
        publicity.case_uuid == approval.case_uuid, publicity.step == "publicized", publicity.deleted.is_(False),
        publicity.on_date <= approval.on_date).scalar_subquery()
    checked = exists().where(visit.case_uuid == approval.case_uuid, visit.step == "verified",
                             visit.deleted.is_(False), visit.actor == approval.actor)
    undecided = select(func.count()).where(  # objections raised by the day approved, not decided before it
        AidObjection.case_uuid == approval.case_uuid, AidObjection.deleted.is_(False),
        AidObjection.raised_on <= approval.on_date,
        or_(AidObjection.outcome.is_(None), AidObjection.decided_on > approval.on_date)).scalar_subquery()
    query = select(approval.uuid, AidCase.office_code, approval.case_uuid, approval.on_date, approval.actor,
                   AidCase.filed_by, last_publicity, checked, undecided) \
        .join(AidCase, AidCase.uuid == approval.case_uuid) \
        .where(approval.step == "filed", approval.deleted.is_(False), AidCase.deleted.is_(False),
               *_year_of(approval.on_date, year))
    if office_code is not None:
        query = query.where(AidCase.office_code == office_code)
    roles = {username: set(held.split(",")) for username, held in conn.execute(select(User.username, User.roles))}
    days = settings.publicity_days
    out: list[_Raw] = []
    for uuid, office, case_uuid, day, actor, filed_by, publicized, by_checker, objections in conn.execute(query):
        def finding(rule: str, uuid: str = uuid, office: str = office, case_uuid: str = case_uuid) -> _Raw:
            return (office, FILE, case_uuid, None, None, None, rule, uuid)

        if actor == filed_by:
            out.append(finding(f"建档人（{actor}）审批了自己建立的档案"))
        if by_checker:
            out.append(finding(f"入户核查人（{actor}）审批了自己核查的档案"))
        if day is None:  # a day the app always records (migration 0007 filled in the older ones)
            pass
        elif publicized is None:
            out.append(finding(f"{day.isoformat()}审批前没有公示"))
        elif day < approval_from(publicized, days):
            out.append(finding(f"公示{days}天未满即审批（公示自{publicized.isoformat()}，{day.isoformat()}审批，"
                               f"{approval_from(publicized, days).isoformat()}起才能审批）"))
        if objections:
            out.append(finding(f"{day.isoformat() if day else ''}审批时有{objections}条公示异议尚未处理"))
        held = roles.get(actor)
        if held is not None and not held & _APPROVER_ROLES:
            out.append(finding(f"审批人（{actor}）没有审核人角色"))
    return out


def _unapproved(conn: Connection, office_code: str | None, year: int | None) -> list[_Raw]:
    """The files in 在档 or 解困脱困 without a live 审批 step (of the year of their last step)."""
    approved = exists().where(AidCaseStep.case_uuid == AidCase.uuid, AidCaseStep.step == "filed",
                              AidCaseStep.deleted.is_(False))
    last = select(func.max(AidCaseStep.on_date)).where(
        AidCaseStep.case_uuid == AidCase.uuid, AidCaseStep.deleted.is_(False)).scalar_subquery()
    query = select(AidCase.uuid, AidCase.office_code, last).where(
        AidCase.deleted.is_(False), AidCase.status.in_(("filed", "relieved")), ~approved)
    if office_code is not None:
        query = query.where(AidCase.office_code == office_code)
    return [(office, FILE, uuid, None, None, None, "档案为在档或解困脱困，但没有审批环节", uuid)
            for uuid, office, day in conn.execute(query) if year is None or day is None or day.year == year]


_PAYMENT_COLUMNS = (AidPayment.uuid, AidPayment.office_code, AidPayment.case_uuid, AidPayment.kind,
                    AidPayment.amount_fen, AidPayment.paid_on, AidPayment.reason, AidPayment.override_reason,
                    AidPayment.payee_name, AidPayment.payee_id_number, AidPayment.voucher_no)


def _payment_rows(conn: Connection, settings: aid_settings.AidSettings, office_code: str | None,
                  year: int | None) -> list[Any]:
    """The payments that may break a rule are chosen by the database (above a cap per payment; of a household
    and type whose year's sum is above the yearly cap; paid before the file's first 审批 or on or after its
    closing), then judged one by one here: three queries, whatever the number of payments."""
    live: list[ColumnElement[bool]] = [AidPayment.deleted.is_(False)]
    if office_code is not None:
        live.append(AidPayment.office_code == office_code)
    if year is not None:  # the yearly cap counts the calendar year: the year's payments are all it needs
        live += [AidPayment.paid_on >= dt.date(year, 1, 1), AidPayment.paid_on < dt.date(year + 1, 1, 1)]
    caps = {kind: settings.cap_for(kind) for kind in settings.payment_caps}
    per_payment = [(AidPayment.kind == kind) & (AidPayment.amount_fen > cap.per_payment)
                   for kind, cap in caps.items() if cap.per_payment is not None]
    per_year = {kind: cap.per_year for kind, cap in caps.items() if cap.per_year is not None}
    rows: dict[str, Any] = {}
    if per_payment:
        for row in conn.execute(select(*_PAYMENT_COLUMNS).where(*live, or_(*per_payment))):
            rows[row[0]] = row
    if per_year:
        paid_year = extract("year", AidPayment.paid_on)
        household = (AidPayment.case_uuid, case((AidPayment.case_uuid.is_(None), AidPayment.payee_id_number)))
        groups = select(*household, AidPayment.kind, paid_year).where(*live) \
            .group_by(*household, AidPayment.kind, paid_year) \
            .having(func.sum(AidPayment.amount_fen) > case(per_year, value=AidPayment.kind))
        over_year = conn.execute(groups).all()
        cases_over = sorted({c for c, _p, _k, _y in over_year if c is not None})
        payees_over = sorted({p for c, p, _k, _y in over_year if c is None and p is not None})
        for start in range(0, max(len(cases_over), len(payees_over)), 500):
            whose = [AidPayment.case_uuid.in_(cases_over[start:start + 500]),
                     AidPayment.payee_id_number.in_(payees_over[start:start + 500])]
            for row in conn.execute(select(*_PAYMENT_COLUMNS).where(*live, AidPayment.kind.in_(per_year),
                                                                    or_(*whose))):
                rows[row[0]] = row
    # a file is 在档 from its 审批 until its closing: a payment outside that span is looked at step by step
    span = select(AidCaseStep.case_uuid.label("case_uuid"),
                  func.min(case((AidCaseStep.step == "filed", func.coalesce(AidCaseStep.on_date, dt.date.max))))
                  .label("approved"),
                  func.min(case((AidCaseStep.step.in_(CLOSED_STATUSES),
                                 func.coalesce(AidCaseStep.on_date, dt.date.min)))).label("closed")) \
        .where(AidCaseStep.deleted.is_(False)).group_by(AidCaseStep.case_uuid).subquery()
    outside = select(*_PAYMENT_COLUMNS).join(span, span.c.case_uuid == AidPayment.case_uuid, isouter=True).where(
        *live, AidPayment.case_uuid.is_not(None),
        or_(span.c.approved.is_(None), AidPayment.paid_on < span.c.approved,
            and_(span.c.closed.is_not(None), AidPayment.paid_on >= span.c.closed)))
    for row in conn.execute(outside):
        rows[row[0]] = row
    return sorted(rows.values(), key=lambda r: (r[5], r[0]))


def _judge_payments(rows: list[Any], files: dict[str, _File], settings: aid_settings.AidSettings) -> list[_Raw]:
    """The rules applied to the chosen payments, in the order paid (a household's year counted up: the
    database chose every payment of a household and type whose year is above the cap)."""
    out: list[_Raw] = []
    totals: dict[tuple[str | None, str | None, str, int], int] = defaultdict(int)
    for uuid, office, case_uuid, kind, amount, paid_on, reason, override, payee, payee_id, voucher in rows:
        file = files.get(case_uuid) if case_uuid else None
        title = f"{paid_on.isoformat()} {kind} {yuan(amount)}" + (f"（凭证号 {voucher}）" if voucher else "")
        who = file.person if file is not None else _who(payee, payee_id)
        base = (office, PAYMENT, case_uuid, file.case_no if file is not None else "", title, who)
        cap = settings.cap_for(kind)
        if not override and cap.per_payment is not None and amount > cap.per_payment:
            out.append((*base, f"超过{kind}单笔限额{yuan(cap.per_payment)}，没有超限审批理由", uuid))
        group = (case_uuid, None if case_uuid else payee_id, kind, paid_on.year)
        if cap.per_year is not None:
            totals[group] += amount
            if totals[group] > cap.per_year and not override:
                out.append((*base, f"超过{kind}每人每年限额{yuan(cap.per_year)}（{paid_on.year}年累计"
                                   f"{yuan(totals[group])}），没有超限审批理由", uuid))
        if file is not None:
            status = file.status_on(paid_on)
            emergency = kind == EMERGENCY and bool(reason) and status is not None and is_open(status)
            if status != "filed" and not emergency:
                said = "尚未建档" if status is None else reference.label("aid_status", status)
                out.append((*base, f"发放日（{paid_on.isoformat()}）档案为{said}，不是在档", uuid))
    return out


def _grant_findings(conn: Connection, settings: aid_settings.AidSettings,
                    office_code: str | None, year: int | None) -> list[_Raw]:
    query = select(AidStudentGrant.uuid, AidStudentGrant.office_code, AidStudentGrant.case_uuid,
                   AidStudentGrant.year, AidStudentGrant.amount_fen, AidStudentGrant.publicized_on,
                   AidStudentGrant.paid_on, AidHouseholdMember.name, AidHouseholdMember.id_number) \
        .join(AidHouseholdMember, AidHouseholdMember.uuid == AidStudentGrant.student_uuid) \
        .where(AidStudentGrant.deleted.is_(False), AidStudentGrant.paid_on.is_not(None))
    if office_code is not None:
        query = query.where(AidStudentGrant.office_code == office_code)
    if year is not None:
        query = query.where(AidStudentGrant.year == year)
    out: list[_Raw] = []
    days = settings.publicity_days
    for uuid, office, case_uuid, grant_year, amount, publicized_on, paid_on, name, number in conn.execute(query):
        if paid_on is None:  # chosen paid: for the type checker
            continue
        title = f"{grant_year}年 {yuan(amount)}，{paid_on.isoformat()}发放"
        if publicized_on is None:
            rule = "金秋助学未经公示即发放"
        elif paid_on < approval_from(publicized_on, days):
            rule = (f"金秋助学公示{days}天未满即发放（公示自{publicized_on.isoformat()}，"
                    f"{approval_from(publicized_on, days).isoformat()}起才能发放）")
        else:
            continue
        out.append((office, GRANT, case_uuid, None, title, _who(name, number), rule, uuid))
    return out


def _conflicts(conn: Connection, office_code: str | None) -> list[_Raw]:
    """一人多档 kept aside and not settled: the incoming file (not stored) names the office and person; the
    file to open is the one stored here that it meets (or, for a household member, the file it is listed in)."""
    out: list[_Raw] = []
    for uuid, table, incoming, local in conn.execute(
            select(SyncConflict.uuid, SyncConflict.table_name, SyncConflict.incoming_data, SyncConflict.local_data)
            .where(SyncConflict.kind == CROSS_OFFICE, SyncConflict.status == "open")):
        row, side = _json(incoming), _json(local)
        office = str(row.get("office_code") or "")
        if office_code is not None and office != office_code:
            continue
        met = [r for r in side.get("rows") or () if isinstance(r, dict)]
        stored = row.get("case_uuid") if table == "aid_household_members" else None
        opened = stored or (met[0].get("uuid") if met else None)
        case_no = str(row.get("case_no") or (met[0].get("case_no") if met else "") or "")
        where = "、".join(sorted({str(r.get("case_no") or "") for r in met}))
        out.append((office, CONFLICT, str(opened) if opened else None, case_no, case_no, str(side.get("who") or ""),
                    f"一人多档未处理：另有未关闭的档案 {where}，请在同步冲突中处理", uuid))
    return out


def _json(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text or "null")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
