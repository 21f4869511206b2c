"""What the hardship-aid registries add to the generic spreadsheet import and export: a file is known by its
number and names its member by ID number (one household, one file); a payment names its file by number.

A payment's row gets the rules :func:`db.aid.payments.record_payment` applies, from the same functions, with
the file's earlier rows counted beside the stored payments (caps per person per year, voucher numbers, the
month's repeat). What the app asks of a person an import cannot: a payment above a cap (an approver's override
with a reason) and a second payment of a type in a month (a confirmation) are refused naming the row, the cap
or the earlier payment, to be recorded in the app."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from db.aid import payments as aid_payments
from db.aid.campaign_rules import check_campaign
from db.aid.rules import OPEN_STATUSES, check_case, is_open, per_capita_fen
from db.auth import Actor
from db.errors import ValidationError
from db.masking import id_run_searchable
from db.models import AidCase, AidCaseStep, AidHouseholdMember, AidPayment, Member
from db.tabular.hooks import Cell, Children, Key, Row, TabularHooks, is_masked_value
from db.tabular.rows import in_chunks, lookup
from db.validation import mask_id_number, normalize_id_number
from db.writes import utcnow

if TYPE_CHECKING:
    from db.tabular.plan import RowVerdict


def _members_named(word: str, pattern: str, full_ids: bool) -> Any:
    """The members whose name holds ``word``, or whose ID number is ``word`` or ends with it (4 or 6
    characters; 6 only for a user who sees full numbers: :func:`db.masking.id_run_searchable`)."""
    number = normalize_id_number(word)
    found = or_(Member.name.like(pattern, escape="\\"), Member.id_number == number)
    if len(number) in (4, 6) and id_run_searchable(number, full_ids, "end"):
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

    def search_conditions(self, word: str, pattern: str, *, full_ids: bool) -> list[Any]:
        return [AidCase.member_uuid.in_(_members_named(word, pattern, full_ids))]

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


IN_THE_APP = "导入不能审批超限，须由审核人在程序中登记这笔帮扶"
REPEAT_IN_THE_APP = "导入无法确认同月第二笔，请在程序中登记"
_PAYMENT_COLUMNS = tuple(c.key for c in AidPayment.__table__.columns)


def _columns(verdict: RowVerdict) -> dict[str, Any]:
    """A payment row's values that are columns (not 档案编号 nor 姓名, looked up)."""
    return {k: v for k, v in verdict.values.items() if k in _PAYMENT_COLUMNS}


class AidPaymentHooks(TabularHooks):
    natural = ("case_uuid", "kind", "paid_on", "amount_fen")
    extra_columns = ("case_uuid",)

    def check_row(self, values: MutableMapping[str, Any]) -> None:
        aid_payments.check_paid_on(values)

    def check_new(self, verdict: RowVerdict, cell: Cell) -> None:
        super().check_new(verdict, cell)
        if verdict.values.get("override_reason"):  # an override is an approver's, given in the app
            cell(verdict, "override_reason", f"超限理由只能由审核人在程序中填写；{IN_THE_APP}")

    def check_update(self, verdict: RowVerdict, stored: dict[str, Any], cell: Cell) -> None:
        super().check_update(verdict, stored, cell)
        if "override_reason" in verdict.values:
            cell(verdict, "override_reason", f"超限理由只能由审核人在程序中修改；{IN_THE_APP}")

    def check_unique(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        """The rules of :mod:`db.aid.payments`, row by row in the file's order: the file may be paid, the
        voucher number is free, no cap is exceeded and the month has no payment of the type yet — each
        counting the stored payments and the file's earlier rows that passed."""
        pending: list[AidPayment] = []
        rows: dict[int, int] = {}  # id(pending payment) → its row: a refusal names the earlier row
        for verdict in verdicts:
            payment = self._payment(session, actor, verdict, cell, pending, rows)
            if payment is not None:
                pending.append(payment)
                rows[id(payment)] = verdict.row_no

    def _payment(self, session: Session, actor: Actor, verdict: RowVerdict, cell: Cell, pending: list[AidPayment],
                 rows: dict[int, int]) -> AidPayment | None:
        """The payment a row records or changes (not added to the session), checked; None if refused."""
        try:
            if verdict.verdict == "update":
                stored = session.get(AidPayment, verdict.uuid)
                assert stored is not None  # matched by the plan in this transaction
                aid_payments.check_changeable(session, stored)
                if aid_payments.grant_of(session, stored.uuid) is not None and \
                        {"kind", "amount_fen"} & set(verdict.values):
                    raise ValidationError(aid_payments.LABEL, "该记录为金秋助学发放，类型和金额按资助标准，不能修改")
                payment = AidPayment(**{c: getattr(stored, c) for c in _PAYMENT_COLUMNS} | _columns(verdict))
                before = {a: getattr(stored, a) for a in ("kind", "amount_fen", "paid_on", "payee_id_number")}
            else:
                payment = AidPayment(**_columns(verdict) | {"office_code": actor.office_code})
                before = None
            values = {a: getattr(payment, a) for a in ("kind", "payee_name", "payee_id_number", "reason")}
            case = aid_payments.check_target(session, payment.case_uuid, values)
            payment.office_code = case.office_code if case is not None else payment.office_code
            aid_payments.check_voucher(session, payment, pending)
            over = aid_payments.over_cap(session, payment, pending)
            changed = before is None or any(getattr(payment, a) != v for a, v in before.items())
            if over is not None and not aid_payments.override_stands(payment, changed):
                raise ValidationError(aid_payments.AMOUNT_LABEL, f"{over}；{IN_THE_APP}")
            moved = before is None or payment.kind != before["kind"] or \
                payment.payee_id_number != before["payee_id_number"] or \
                payment.paid_on.replace(day=1) != before["paid_on"].replace(day=1)
            repeat = aid_payments.month_repeat(session, payment, pending) if moved else None
            if repeat is not None:
                where = f"（第{rows[id(repeat[1])]}行）" if id(repeat[1]) in rows else ""
                raise ValidationError(aid_payments.KIND_LABEL, f"{repeat[0]}{where}；{REPEAT_IN_THE_APP}")
        except ValidationError as exc:
            cell(verdict, exc.field, exc.reason)
            return None
        return payment

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
            if case_no is None:
                continue  # an emergency payment to a worker without a file (应急救助): checked as the app does
            if case_no not in cases:
                cell(verdict, "case_no", f"找不到档案编号为 {case_no} 的困难职工档案")
            else:
                verdict.values["case_uuid"] = cases[case_no]

    def search_conditions(self, word: str, pattern: str, *, full_ids: bool) -> list[Any]:
        cases = select(AidCase.uuid).where(or_(AidCase.case_no.like(pattern, escape="\\"),
                                              AidCase.member_uuid.in_(_members_named(word, pattern, full_ids))))
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
