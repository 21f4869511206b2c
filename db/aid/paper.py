"""What the hardship-aid paper reads (desktop/documents/pdf/aid_*.py): a file with everything its 困难职工档案表
prints, the four signature blocks of its 帮扶审批表 taken from the recorded workflow steps, and the 公示名单 of
the files in 公示 — plain values, no ORM rows. Values come in full; the printed form masks them.

Which step fills which block of the 帮扶审批表 (:data:`SIGNATURE_STEPS`): 建档人 the 申请 (filing), 单位意见 the
入户核查 (the household checked at home by the unit's worker), 审核人 the 审核, 审批意见 the 审批. A block whose
step was not taken yet stays blank, to be signed by hand. An approver's 退回 (公示 → 审核, or an objection
upheld) is recorded as a step to 审核 too; it is not a 审核 and never fills the 审核人 block.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from db import reference
from db.aid import settings as aid_settings
from db.aid.cases import DocumentRow, Suggestion, case_details, get_case, office_name
from db.aid.rules import approval_from
from db.errors import NotFound, ValidationError
from db.models import AidCase, Member, User
from db.store import Store

PUBLICITY_LABEL = "公示名单"
# signature block → the workflow step whose actor, day and opinion fill it
SIGNATURE_STEPS: dict[str, str] = {"建档人": "applied", "单位意见": "verified", "审核人": "reviewed",
                                   "审批意见": "filed"}


@dataclass(frozen=True)
class StepLine:
    """One recorded workflow step: its code and name, who (display name, else the username), the day, the
    opinion, and whether it sent the file back (a 退回 to 审核)."""

    step: str
    label: str
    actor: str
    on_date: dt.date | None
    note: str
    sent_back: bool = False


@dataclass(frozen=True)
class Holder:
    """The member the file is for, as the form prints them."""

    name: str
    gender: str
    birth_date: dt.date | None
    id_number: str
    phone: str
    employer: str


@dataclass(frozen=True)
class AidFile:
    """One file for its paper: ``case`` as :func:`db.aid.cases.case_details` gives it (plus ``office_name``),
    the holder, household rows (with ``age``), steps oldest first, the documents checklist, the objections,
    the income's suggestion and the 公示 period (its first and last day; None when not in 公示)."""

    uuid: str
    case: dict[str, Any]
    holder: Holder
    household: list[dict[str, Any]]
    steps: list[StepLine]
    documents: list[DocumentRow]
    objections: list[dict[str, Any]]
    suggestion: Suggestion
    publicity_days: int
    publicity: tuple[dt.date, dt.date] | None

    @property
    def status_label(self) -> str:
        return reference.label("aid_status", self.case["status"])

    def signatures(self) -> dict[str, StepLine | None]:
        """Each block of the 帮扶审批表 with the latest step that fills it (None: not taken, sign by hand)."""
        return {block: signing_step(self.steps, step) for block, step in SIGNATURE_STEPS.items()}


def signing_step(steps: Sequence[StepLine], step: str) -> StepLine | None:
    """The latest step ``step`` that is not a 退回."""
    return next((line for line in reversed(steps) if line.step == step and not line.sent_back), None)


def _display_names(session: Any, usernames: set[str]) -> dict[str, str]:
    if not usernames:
        return {}
    rows = session.execute(select(User.username, User.display_name).where(User.username.in_(usernames)))
    return {username: display or username for username, display in rows}


def _steps(rows: Sequence[dict[str, Any]], names: dict[str, str]) -> list[StepLine]:
    lines, before = [], None
    for row in rows:
        # a step to 审核 right after 公示 is the approver's 退回 (or an upheld objection's), not a 审核
        sent_back = row["step"] == "reviewed" and before == "publicized"
        label = "退回审核" if sent_back else reference.label("aid_step", row["step"])
        lines.append(StepLine(row["step"], label, names.get(row["actor"], row["actor"]),
                              row["on_date"] or (row["at"].date() if row["at"] else None), row["note"] or "",
                              sent_back))
        before = row["step"]
    return lines


def aid_files(store: Store, uuids: Sequence[str]) -> list[AidFile]:
    """The files ``uuids`` for their paper, in the order given. NotFound when none is given or one is gone
    (before anything is printed)."""
    if not uuids:
        raise NotFound("请先选择要打印的困难职工档案（命令行用 --id 给出档案的系统编号）。")
    details = [case_details(store, uuid) for uuid in uuids]
    with store.transaction() as session:
        days = aid_settings.read_in(session).publicity_days
        files = []
        for uuid, detail in zip(uuids, details, strict=True):
            case = detail["case"] | {"office_name": office_name(session, detail["case"]["office_code"])}
            member = session.get(Member, case["member_uuid"])
            holder = Holder(case["member_name"] or "", member.gender or "" if member else "",
                            member.birth_date if member else None, case["member_id_number"] or "",
                            member.phone or "" if member else "", member.employer or "" if member else "")
            names = _display_names(session, {row["actor"] for row in detail["steps"]}
                                   | {case["filed_by"]} | {row["decided_by"] for row in detail["objections"]
                                                           if row["decided_by"]})
            case["filed_by_name"] = names.get(case["filed_by"], case["filed_by"])
            objections = [row | {"decided_by_name": names.get(row["decided_by"] or "", row["decided_by"] or "")}
                          for row in detail["objections"]]
            files.append(AidFile(uuid, case, holder, detail["household"], _steps(detail["steps"], names),
                                 detail["documents"], objections, detail["suggestion"], days,
                                 _period(case["publicized_on"], days) if case["status"] == "publicized" else None))
        return files


def _period(start: dt.date | None, days: int) -> tuple[dt.date, dt.date] | None:
    return (start, approval_from(start, days) - dt.timedelta(days=1)) if start else None


# --- 公示名单 ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PublicityLine:
    """One household on the posted list. ``id_number`` in full: the printed list always masks it."""

    case_no: str
    name: str
    id_number: str
    category: str
    main_cause: str
    minor_causes: str
    household_size: int


@dataclass(frozen=True)
class PublicityNotice:
    """The files whose 公示 began on one day: the period (first and last day) and the households."""

    office_name: str
    first_day: dt.date
    last_day: dt.date
    days: int
    lines: tuple[PublicityLine, ...]


def publicity_notices(store: Store, office_code: str, uuids: Sequence[str] | None = None) -> list[PublicityNotice]:
    """The 公示名单 of the files ``uuids`` (else of every file of ``office_code`` in 公示), one notice per
    first day of 公示 (files begun on different days have different periods), earliest first, households by
    档案编号. A chosen file not in 公示 is refused, naming it: its period is not known."""
    with store.transaction() as session:
        days = aid_settings.read_in(session).publicity_days
        if uuids:
            cases = [get_case(session, uuid) for uuid in uuids]
            waiting = [case for case in cases if case.status != "publicized" or case.publicized_on is None]
            if waiting:
                named = "、".join(f"{case.case_no}（{reference.label('aid_status', case.status)}）"
                                 for case in waiting)
                raise ValidationError(PUBLICITY_LABEL, f"只能打印公示中的档案，{named}不在公示中")
        else:
            cases = list(session.scalars(select(AidCase).where(
                AidCase.deleted.is_(False), AidCase.status == "publicized", AidCase.office_code == office_code)))
            if not cases:
                raise NotFound("没有正在公示的困难职工档案。")
        people = {uuid: (name, number) for uuid, name, number in session.execute(
            select(Member.uuid, Member.name, Member.id_number).where(
                Member.uuid.in_(sorted({case.member_uuid for case in cases}))))}
        by_day: dict[tuple[str, dt.date], list[AidCase]] = {}
        for case in cases:
            assert case.publicized_on is not None  # checked above
            by_day.setdefault((case.office_code, case.publicized_on), []).append(case)
        notices = []
        for (code, first), group in sorted(by_day.items(), key=lambda item: (item[0][1], item[0][0])):
            lines = tuple(PublicityLine(case.case_no, *_name_and_number(people, case.member_uuid), case.category,
                                        case.main_cause, case.minor_causes or "", case.household_size)
                          for case in sorted(group, key=lambda c: c.case_no))
            notices.append(PublicityNotice(office_name(session, code), first,
                                           approval_from(first, days) - dt.timedelta(days=1), days, lines))
        return notices


def _name_and_number(people: Mapping[str, tuple[str | None, str | None]], uuid: str) -> tuple[str, str]:
    name, number = people.get(uuid, (None, None))
    return name or "", number or ""
