"""What the hardship-aid registries add to the generic spreadsheet import and export: a file is known by its
number and names its member by ID number (one household, one file); a payment names its file by number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from db.aid.campaign_rules import check_campaign
from db.aid.rules import OPEN_STATUSES, check_case, is_open, per_capita_fen
from db.auth import Actor
from db.models import AidCase, AidCaseStep, AidHouseholdMember, AidPayment, Member
from db.tabular.hooks import Cell, Children, Key, Row, TabularHooks, is_masked_value
from db.tabular.rows import in_chunks, lookup
from db.validation import mask_id_number
from db.writes import utcnow

if TYPE_CHECKING:
    from db.tabular.plan import RowVerdict


def _members_named(word: str, pattern: str) -> Any:
    """The members whose name holds ``word``, or whose ID number is ``word`` or ends with it (4 or 6 characters)."""
    number = word.upper()
    found = or_(Member.name.like(pattern, escape="\\"), Member.id_number == number)
    if len(number) in (4, 6):
        found = or_(found, Member.id_number.endswith(number, autoescape=True))
    return select(Member.uuid).where(found)


REVIEW_DUE = "review_due"  # the list's named filter: files 在档 whose 年度复核 falls this year or is overdue


class AidCaseHooks(TabularHooks):
    natural = ("case_no",)
    extra_columns = ("member_uuid",)
    initial_status = "applied"
    new_status_message = "新建档案应为申请；核查、审批请在程序中办理"
    status_change_message = "档案状态不能通过导入修改，请在程序中办理"

    def check_row(self, values: MutableMapping[str, Any]) -> None:
        check_case(values)

    def summary(self, values: Mapping[str, Any]) -> str:
        number = values.get("member_id_number")
        shown = mask_id_number(number) if isinstance(number, str) else ""
        return f"{values.get('case_no') or ''} {shown}".strip()

    def resolve(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        numbers = [v.values["member_id_number"] for v in verdicts if isinstance(v.values.get("member_id_number"), str)]
        members = dict(in_chunks(session, lambda part: select(Member.id_number, Member.uuid).where(
            Member.deleted.is_(False), Member.office_code == actor.office_code, Member.id_number.in_(part)), numbers))
        for verdict in verdicts:
            number = verdict.values.get("member_id_number")
            if is_masked_value(number) or number is None:
                continue
            if number not in members:
                cell(verdict, "member_id_number", f"{mask_id_number(number)} 不是本单位的会员，请先登记会员")
            else:
                verdict.values["member_uuid"] = members[number]

    def file_keys(self, values: Mapping[str, Any]) -> list[Key]:
        keys = super().file_keys(values)
        return [*keys, ("member", values["member_uuid"])] if values.get("member_uuid") else keys

    def key_text(self, key: Key) -> str:
        return "同一会员（一户一档）" if key[0] == "member" else super().key_text(key)

    def check_unique(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        """One household, one file (as :mod:`db.aid.cases` checks it): a row for a member who holds another
        open file, or who is a household member of one, is refused naming that file. A closed file's row
        (解困脱困 / 注销, updated in place) does not count."""
        owners = [(v, v.values["member_uuid"]) for v in verdicts if v.values.get("member_uuid")
                  and is_open(v.values.get("status") or self.initial_status)]
        open_files = (AidCase.deleted.is_(False), AidCase.status.in_(OPEN_STATUSES))
        held = in_chunks(session, lambda part: select(AidCase.member_uuid, AidCase.case_no, AidCase.uuid).where(
            *open_files, AidCase.member_uuid.in_(part)), [m for _, m in owners])
        by_member: dict[str, list[tuple[str, str]]] = {}
        for member, case_no, uuid in held:
            by_member.setdefault(member, []).append((case_no, uuid))
        numbers = dict(in_chunks(session, lambda part: select(Member.uuid, Member.id_number).where(
            Member.uuid.in_(part)), [m for _, m in owners]))
        listed = in_chunks(session, lambda part: select(AidHouseholdMember.id_number, AidCase.case_no, AidCase.uuid)
                           .join(AidCase, AidCase.uuid == AidHouseholdMember.case_uuid).where(
            *open_files, AidHouseholdMember.deleted.is_(False), AidHouseholdMember.id_number.in_(part)),
            [n for n in numbers.values() if n])
        by_number: dict[str, list[tuple[str, str]]] = {}
        for number, case_no, uuid in listed:
            by_number.setdefault(number, []).append((case_no, uuid))
        for verdict, member in owners:
            other = [n for n, uuid in by_member.get(member, []) if uuid != verdict.uuid]
            if other:
                cell(verdict, "member_id_number", f"该会员已有未撤档的困难职工档案 {other[0]}（一户一档）")
                continue
            household = [n for n, uuid in by_number.get(numbers.get(member) or "", []) if uuid != verdict.uuid]
            if household:
                cell(verdict, "member_id_number", f"该会员已是困难职工档案 {household[0]} 的家庭成员（一户一档）")

    def search_conditions(self, word: str, pattern: str) -> list[Any]:
        return [AidCase.member_uuid.in_(_members_named(word, pattern))]

    def flag_condition(self, session: Session, flag: str) -> ColumnElement[bool]:
        if flag == REVIEW_DUE:
            from db.aid.cases import today  # the day the aid rules see (tests move it)

            return and_(AidCase.status == "filed", AidCase.next_review_on <= dt.date(today().year, 12, 31))
        return super().flag_condition(session, flag)

    def derive(self, session: Session, rows: list[Row]) -> None:
        members = lookup(session, Member, [r["member_uuid"] for r in rows], Member.name, Member.id_number)
        for row in rows:
            row["member_name"], row["member_id_number"] = members.get(row["member_uuid"], (None, None))
            row["per_capita_fen"] = per_capita_fen(row.get("household_income_fen"), row.get("household_size"))

    def new_records(self, session: Session, actor: Actor, records: list[dict[str, Any]],
                    rows: Sequence[RowVerdict]) -> Children:
        now = utcnow()
        steps = []
        for record in records:
            record["filed_by"] = actor.username
            record["status"] = "applied"
            steps.append({"case_uuid": record["uuid"], "step": "applied", "actor": actor.username, "at": now,
                          "note": "Excel导入"})
        return [(AidCaseStep, steps)]


class AidPaymentHooks(TabularHooks):
    natural = ("case_uuid", "kind", "paid_on", "amount_fen")
    extra_columns = ("case_uuid",)

    def summary(self, values: Mapping[str, Any]) -> str:
        amount = values.get("amount_fen")
        shown = f"{amount / 100:.2f}元" if isinstance(amount, int) else ""
        return f"{values.get('case_no') or ''} {values.get('kind') or ''} {shown}".strip()

    def key_text(self, key: Key) -> str:
        return "同一档案、类型、日期和金额" if key[0] == "key" else super().key_text(key)

    def resolve(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        cases = dict(in_chunks(session, lambda part: select(AidCase.case_no, AidCase.uuid).where(
            AidCase.deleted.is_(False), AidCase.office_code == actor.office_code, AidCase.case_no.in_(part)),
            [v.values["case_no"] for v in verdicts if v.values.get("case_no")]))
        for verdict in verdicts:
            case_no = verdict.values.get("case_no")
            if case_no is None and verdict.values.get("payee_id_number"):
                continue  # an emergency payment to a worker without a file (应急救助)
            if case_no not in cases:
                cell(verdict, "case_no", f"找不到档案编号为 {case_no} 的困难职工档案")
            else:
                verdict.values["case_uuid"] = cases[case_no]

    def search_conditions(self, word: str, pattern: str) -> list[Any]:
        cases = select(AidCase.uuid).where(or_(AidCase.case_no.like(pattern, escape="\\"),
                                              AidCase.member_uuid.in_(_members_named(word, pattern))))
        return [AidPayment.case_uuid.in_(cases)]

    def derive(self, session: Session, rows: list[Row]) -> None:
        cases = lookup(session, AidCase, [r["case_uuid"] for r in rows], AidCase.case_no, AidCase.member_uuid)
        names = lookup(session, Member, [m for _, m in cases.values()], Member.name)
        for row in rows:
            case_no, member_uuid = cases.get(row["case_uuid"], (None, None))
            row["case_no"] = case_no
            row["member_name"] = names.get(member_uuid, (None,))[0] or row.get("payee_name")


class CampaignHooks(TabularHooks):
    """A 送温暖 campaign is known by its name (unique in an office)."""

    natural = ("name",)

    def check_row(self, values: MutableMapping[str, Any]) -> None:
        check_campaign(values)
