"""The workflow of a hardship file (申请 → 入户核查 → 审核 → 公示 → 审批 → 在档 → 解困脱困 / 注销): its steps,
the objections raised during its 公示, what a user may do now (and why not), the approver's queue, and the
day from which a closed file may be anonymised.

The allowed steps and who may take each are the table :data:`db.aid.rules.TRANSITIONS`. On top of it:

- 入户核查 waits for the two papers the applicant signs at the home visit (申请书, 家庭经济状况核对授权委托书)
  to be recorded as received;
- 审批 is an approver's (``aid.approve``), and never by the person who filed the file or checked it at home;
- 审批 waits until the 公示 has lasted its days (a setting, 7 by default): begun on day D, approval from day
  D + days on;
- an objection recorded during the 公示 blocks 审批 until it is settled: **upheld** sends the file back to
  审核 (the 公示 must then start again, with its full period), **dismissed** keeps the 公示 running from its
  first day; either way with a reason;
- every step records who, the day it took effect and an opinion (required); closing (解困脱困 / 注销) keeps
  the opinion as the file's 撤档原因 and its day, from which the retention period runs.

A refusal is a PermissionDenied (who may not) or a ValidationError naming the step (what is missing), and
:func:`available_steps` gives the same words for the tab's disabled buttons.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import reference
from db.aid import settings as aid_settings
from db.aid.cases import get_case, step_day, today
from db.aid.fields import OBJECTION_TABLE
from db.aid.rules import (
    APPROVE,
    CLOSED_STATUSES,
    CLOSING_REASON_LIMIT,
    VISIT_DOCUMENTS,
    WRITE,
    approval_from,
    may_anonymise_from,
    step_permissions,
    steps_from,
)
from db.auth import PERMISSION_LABELS, Actor, require
from db.errors import PermissionDenied, UnionDeskError, ValidationError
from db.models import AidCase, AidCaseDocument, AidCaseStep, AidObjection, Member
from db.records import live
from db.store import Store
from db.writes import utcnow

STATUS_LABEL = "档案状态"
OPINION_LABEL = "意见"
DAY_LABEL = "办理日期"
OBJECTION_LABEL = OBJECTION_TABLE.label
OUTCOMES = ("upheld", "dismissed")
# the rules a step may be refused by (Refusal.rule)
RULES = ("status", "permission", "papers", "own_file", "own_check", "objections", "publicity")


def step_label(step: str) -> str:
    """The step's name as a clerk says it (审批 leads to 在档)."""
    return reference.label("aid_step", step)


def _step_code(step: str) -> str:
    """A step by its code or its Chinese name."""
    for code, text in reference.labels("aid_step").items():
        if step in (code, text):
            return code
    raise ValidationError("环节", f"“{step}”不是帮扶档案的流程环节")


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a step may not be taken: ``denied`` (a PermissionDenied: who) or a ValidationError on ``field``.
    ``rule`` names the rule (one of :data:`RULES`) and ``values`` the facts in the message, for a view that
    words it in the user's language."""

    denied: bool
    field: str
    message: str
    rule: str = ""
    values: tuple[tuple[str, str], ...] = ()

    def error(self) -> UnionDeskError:
        return PermissionDenied(self.message) if self.denied else ValidationError(self.field, self.message)

    @property
    def text(self) -> str:
        return self.message if self.denied else f"{self.field}：{self.message}"


def _checkers(session: Session, case_uuid: str) -> set[str]:
    """Who checked the file at home (入户核查), each time it was."""
    return set(session.scalars(select(AidCaseStep.actor).where(
        AidCaseStep.case_uuid == case_uuid, AidCaseStep.step == "verified", AidCaseStep.deleted.is_(False))))


def _open_objections(session: Session, case_uuid: str) -> int:
    return session.scalar(select(func.count()).select_from(AidObjection).where(
        AidObjection.case_uuid == case_uuid, AidObjection.deleted.is_(False), AidObjection.outcome.is_(None))) or 0


def _missing_visit_papers(session: Session, case_uuid: str) -> list[str]:
    held = set(session.scalars(select(AidCaseDocument.name).where(
        AidCaseDocument.case_uuid == case_uuid, AidCaseDocument.deleted.is_(False),
        AidCaseDocument.name.in_(VISIT_DOCUMENTS))))
    return [name for name in VISIT_DOCUMENTS if name not in held]


def refusal(session: Session, actor: Actor, case: AidCase, step: str, day: dt.date,
            settings: aid_settings.AidSettings, *, checkers: set[str] | None = None,
            open_objections: int | None = None) -> Refusal | None:
    """Why ``actor`` may not take ``step`` on ``case`` on ``day``; None: the step may be taken. ``checkers``
    (who checked the file at home) and ``open_objections`` (how many wait) may be given already read, as a
    list of many files reads them at once; read here when not."""
    name = step_label(step)
    permissions = step_permissions(case.status, step)
    if permissions is None:
        now = reference.label("aid_status", case.status)
        return Refusal(False, STATUS_LABEL, f"档案 {case.case_no} 当前为{now}，不能{name}", "status",
                       (("case_no", case.case_no), ("status", case.status)))
    if not any(actor.can(p) for p in permissions):
        needed = "或".join(f"“{PERMISSION_LABELS[p]}”" for p in permissions)
        return Refusal(True, name, f"用户“{actor.display_name}”没有{needed}的权限，不能{name}", "permission",
                       tuple(("permission", p) for p in permissions))
    if step == "verified":
        missing = _missing_visit_papers(session, case.uuid)
        if missing:
            return Refusal(False, name, f"请先登记已收到{'、'.join(missing)}（入户核查时由申请人签字）", "papers",
                           tuple(("paper", m) for m in missing))
    if step == "filed":
        if actor.username == case.filed_by:
            return Refusal(True, name, "建档人不能审批自己建立的档案", "own_file")
        if actor.username in (_checkers(session, case.uuid) if checkers is None else checkers):
            return Refusal(True, name, "入户核查人不能审批自己核查的档案", "own_check")
        objections = _open_objections(session, case.uuid) if open_objections is None else open_objections
        if objections:
            return Refusal(False, name, f"公示期间有{objections}条异议尚未处理，处理后才能审批", "objections",
                           (("count", str(objections)),))
        start = case.publicized_on or day
        first = approval_from(start, settings.publicity_days)
        if day < first:
            last = first - dt.timedelta(days=1)
            return Refusal(False, name, f"公示{settings.publicity_days}天（{start.isoformat()}至{last.isoformat()}），"
                                        f"{first.isoformat()}起才能审批", "publicity",
                           (("days", str(settings.publicity_days)), ("start", start.isoformat()),
                            ("last", last.isoformat()), ("first", first.isoformat())))
    return None


def _last_step_day(session: Session, case_uuid: str) -> tuple[str, dt.date] | None:
    row = session.execute(select(AidCaseStep.step, AidCaseStep.on_date).where(
        AidCaseStep.case_uuid == case_uuid, AidCaseStep.deleted.is_(False), AidCaseStep.on_date.is_not(None))
        .order_by(AidCaseStep.on_date.desc(), AidCaseStep.at.desc())).first()
    return (row[0], row[1]) if row is not None and row[1] is not None else None


def take_step(store: Store, actor: Actor, case_uuid: str, step: str, opinion: str,
              on: dt.date | str | None = None) -> AidCase:
    """Take ``step`` (a status code or the step's name: 入户核查, 审核, 公示, 审批, 解困脱困, 注销) on the file
    on day ``on`` (today by default, never later, never before the step before it), with ``opinion``
    (required; for 解困脱困 / 注销 it is the 撤档原因, at most 60 characters). 审核 from 公示 is an
    approver's 退回 (not approved): the 公示 must start again. Returns the file as now stored."""
    if actor is None:
        require(actor, WRITE)
    code = _step_code(step)
    name = step_label(code)
    text = (opinion or "").strip()
    if not text:
        raise ValidationError(OPINION_LABEL, f"请填写{'撤档原因' if code in CLOSED_STATUSES else name + '意见'}")
    if code in CLOSED_STATUSES and len(text) > CLOSING_REASON_LIMIT:
        raise ValidationError("撤档原因", f"最多{CLOSING_REASON_LIMIT}个字（现为{len(text)}个）")
    day = step_day(on, DAY_LABEL)
    with store.transaction(actor, action=f"aid_{code}") as session:
        case = get_case(session, case_uuid)
        step_in(session, actor, case, code, day, text)
    return case


def step_in(session: Session, actor: Actor, case: AidCase, code: str, day: dt.date, note: str) -> None:
    """Take step ``code`` inside the caller's transaction (the yearly review's 解困脱困 too): the workflow's
    rules checked, then the move recorded. ``note`` is the checked opinion."""
    why = refusal(session, actor, case, code, day, aid_settings.read_in(session))
    if why is not None:
        raise why.error()
    last = _last_step_day(session, case.uuid)
    if last is not None and day < last[1]:
        raise ValidationError(DAY_LABEL, f"不能早于上一环节（{step_label(last[0])} {last[1].isoformat()}）")
    _move(session, actor, case, code, day, note)


def _move(session: Session, actor: Actor, case: AidCase, code: str, day: dt.date, note: str) -> None:
    previous = case.status
    case.status = code
    if code == "publicized":
        case.publicized_on = day
    elif code == "reviewed" and previous == "publicized":
        case.publicized_on = None  # sent back: a new 公示 with its full period
    elif code == "filed" and case.next_review_on is None:
        case.next_review_on = years_after(day, 1)  # 年度复核 a year on
    elif code in CLOSED_STATUSES:
        case.closed_on, case.closed_reason, case.next_review_on = day, note, None
    session.add(AidCaseStep(case_uuid=case.uuid, office_code=case.office_code, step=code, actor=actor.username,
                            at=utcnow(), on_date=day, note=note))


def years_after(day: dt.date, years: int) -> dt.date:
    return may_anonymise_from(day, years)  # the same calendar arithmetic (29 February → 28)


# --- objections during the 公示 -------------------------------------------------------------------------

def record_objection(store: Store, actor: Actor, case_uuid: str, text: str,
                     on: dt.date | str | None = None) -> AidObjection:
    """An objection to a file in 公示, raised on ``on`` (today by default, within the 公示): 审批 waits until
    it is settled (:func:`resolve_objection`)."""
    require(actor, WRITE)
    content = OBJECTION_TABLE.field("content").clean(text)
    if content is None:
        raise ValidationError(OBJECTION_TABLE.field("content").label, "必须填写")
    day = step_day(on, OBJECTION_TABLE.field("raised_on").label)
    with store.transaction(actor, action="record_objection") as session:
        case = get_case(session, case_uuid)
        if case.status != "publicized" or case.publicized_on is None:
            raise ValidationError(OBJECTION_LABEL, f"档案 {case.case_no} 不在公示中，不能登记公示异议")
        if day < case.publicized_on:
            raise ValidationError(OBJECTION_TABLE.field("raised_on").label,
                                  f"不能早于公示开始日期 {case.publicized_on.isoformat()}")
        row = AidObjection(case_uuid=case.uuid, office_code=case.office_code, raised_on=day, content=content,
                           recorded_by=actor.username)
        session.add(row)
    return row


def resolve_objection(store: Store, actor: Actor, objection_uuid: str, outcome: str, reason: str,
                      on: dt.date | str | None = None) -> AidObjection:
    """Settle an objection with a reason: ``upheld`` (异议成立) sends the file back to 审核 — its 公示 must
    start again — and ``dismissed`` (异议不成立) lets the 公示 run on from its first day. A clerk or an
    approver settles it; the file must still be in 公示."""
    if not (actor is not None and (actor.can(WRITE) or actor.can(APPROVE))):
        require(actor, WRITE)
    result_field = OBJECTION_TABLE.field("outcome")
    code = result_field.clean(outcome)
    if code not in OUTCOMES:
        raise ValidationError(result_field.label, "应为异议成立或异议不成立")
    why = (reason or "").strip()
    if not why:
        raise ValidationError(OBJECTION_TABLE.field("outcome_reason").label, "请填写处理意见")
    day = step_day(on, OBJECTION_TABLE.field("decided_on").label)
    with store.transaction(actor, action="resolve_objection") as session:
        row = live(session, AidObjection, objection_uuid, OBJECTION_LABEL)
        if row.outcome is not None:
            done = reference.label("aid_objection_outcome", row.outcome)
            raise ValidationError(result_field.label, f"该异议已于{row.decided_on}处理（{done}）")
        case = get_case(session, row.case_uuid)
        if case.status != "publicized":
            raise ValidationError(OBJECTION_LABEL, f"档案 {case.case_no} 已不在公示中")
        if day < row.raised_on:
            raise ValidationError(OBJECTION_TABLE.field("decided_on").label,
                                  f"不能早于异议日期 {row.raised_on.isoformat()}")
        row.outcome, row.outcome_reason, row.decided_on, row.decided_by = code, why, day, actor.username
        if code == "upheld":
            _move(session, actor, case, "reviewed", day, f"公示异议成立，退回审核：{why}")
    return row


# --- what the tab shows ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StepChoice:
    """A step the file may take next: ``allowed`` for this user today, else ``why_not`` (the tooltip)."""

    step: str
    label: str
    allowed: bool
    why_not: str
    refusal: Refusal | None = None  # the rule behind ``why_not``, for a view that words it itself


def available_steps(store: Store, actor: Actor, case_uuid: str) -> list[StepChoice]:
    """Every step the file's status allows next, each with whether ``actor`` may take it today and why not."""
    with store.transaction() as session:
        case = get_case(session, case_uuid)
        settings = aid_settings.read_in(session)
        day = today()
        choices = []
        for code in steps_from(case.status):
            why = refusal(session, actor, case, code, day, settings)
            label = "退回审核" if code == "reviewed" and case.status == "publicized" else step_label(code)
            choices.append(StepChoice(code, label, why is None, "" if why is None else why.text, why))
        return choices


@dataclass(frozen=True, slots=True)
class QueueItem:
    """A file waiting for this approver (待我审批)."""

    case_uuid: str
    case_no: str
    member_name: str
    category: str
    publicized_on: dt.date
    approvable_from: dt.date


def approval_queue(store: Store, actor: Actor) -> list[QueueItem]:
    """待我审批: the files of the actor's office in 公示 whose period has passed, without an open objection,
    that the actor neither filed nor checked — oldest 公示 first. Empty for a user who may not approve."""
    if actor is None or not actor.can(APPROVE):
        return []
    with store.transaction() as session:
        settings = aid_settings.read_in(session)
        day = today()
        rows = session.execute(select(AidCase, Member.name).join(Member, Member.uuid == AidCase.member_uuid).where(
            AidCase.deleted.is_(False), AidCase.status == "publicized", AidCase.office_code == actor.office_code)
            .order_by(AidCase.publicized_on, AidCase.case_no)).all()
        # who checked each file and its open objections, read at once for all (by the files' uuids: the
        # steps' and objections' file index; in parts far below every database's bound on an IN list)
        uuids = [case.uuid for case, _name in rows]
        checkers: dict[str, set[str]] = defaultdict(set)
        objections: dict[str, int] = {}
        for start in range(0, len(uuids), 500):
            part = uuids[start:start + 500]
            for case_uuid, who in session.execute(select(AidCaseStep.case_uuid, AidCaseStep.actor).where(
                    AidCaseStep.case_uuid.in_(part), AidCaseStep.step == "verified", AidCaseStep.deleted.is_(False))):
                checkers[case_uuid].add(who)
            objections.update({uuid: n for uuid, n in session.execute(
                select(AidObjection.case_uuid, func.count()).where(
                    AidObjection.case_uuid.in_(part), AidObjection.deleted.is_(False),
                    AidObjection.outcome.is_(None)).group_by(AidObjection.case_uuid))})
        queue = []
        for case, name in rows:
            why = refusal(session, actor, case, "filed", day, settings, checkers=checkers[case.uuid],
                          open_objections=objections.get(case.uuid, 0))
            if why is None and case.publicized_on is not None:
                queue.append(QueueItem(case.uuid, case.case_no, name, case.category, case.publicized_on,
                                       approval_from(case.publicized_on, settings.publicity_days)))
        return queue


# --- retention ------------------------------------------------------------------------------------------

def anonymise_from(store: Store, case_uuid: str) -> dt.date | None:
    """The day from which a closed file may be anonymised (closing day + the retention years, 10 by
    default); None for a file still open."""
    with store.transaction() as session:
        case = get_case(session, case_uuid)
        if case.status not in CLOSED_STATUSES or case.closed_on is None:
            return None
        return may_anonymise_from(case.closed_on, aid_settings.read_in(session).retention_years)
