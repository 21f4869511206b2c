"""What the member registry adds to the generic spreadsheet import and export (:mod:`db.tabular`): members
are matched by ID number, checked by the member rules, numbered in the office's sequence, join on their
入会日期, and an export of "the list as shown" reads the member list's filter and order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.auth import Actor
from db.fields import Masked
from db.members import listing
from db.members.cases import next_member_no
from db.members.fields import MEMBERS
from db.members.listing import MemberFilter, MemberSort
from db.members.rules import FORM_FIELDS, check_member
from db.models import Member, MemberEvent
from db.pinyin import pinyin_columns
from db.tabular.hooks import Cell, Children, Row, TabularHooks, check_unique_numbers
from db.tabular.rows import in_chunks, rows_by_pages
from db.validation import mask_id_number

if TYPE_CHECKING:
    from db.tabular.plan import RowVerdict


class MemberHooks(TabularHooks):
    natural = ("id_number",)
    initial_status = "active"
    new_status_message = "新登记的会员应为在会；转出、退会、去世请在程序中办理"
    status_change_message = "状态不能通过导入修改，请在程序中办理转出、退会或恢复"

    def check_row(self, values: MutableMapping[str, Any]) -> None:
        given = {k: v for k, v in values.items() if k in FORM_FIELDS and type(v) is not Masked}
        if "id_number" not in given:
            given.pop("gender", None)
        values.update(check_member(given, partial=True))

    def summary(self, values: Mapping[str, Any]) -> str:
        number = values.get("id_number")
        shown = mask_id_number(number) if isinstance(number, str) else ""
        return f"{values.get('name') or ''} {shown}".strip()

    def check_unique(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        check_unique_numbers(session, verdicts, "member_no", "会员编号", Member.member_no, Member.uuid, cell,
                             Member.office_code == actor.office_code)
        changed = [(v, v.values["id_number"]) for v in verdicts if v.verdict == "update" and "id_number" in v.values]
        holders = dict(in_chunks(session, lambda part: select(Member.id_number, Member.name).where(
            Member.deleted.is_(False), Member.id_number.in_(part)), [n for _, n in changed]))
        for verdict, number in changed:
            if number in holders:
                cell(verdict, "id_number", f"已有会员“{holders[number]}”使用此证件号码")

    # --- export of the list as shown -----------------------------------------------------------------

    def view_count(self, session: Session, view: Any) -> int | None:
        if not isinstance(view, MemberFilter) or view == MemberFilter():
            return None
        return listing.count(session, view)

    def view_rows(self, session: Session, view: Any, sort: Any, columns: list[Any],
                  chunk: int) -> Iterator[list[Row]] | None:
        if not isinstance(view, MemberFilter) or view == MemberFilter():
            return None
        return _filtered(session, view, sort if isinstance(sort, MemberSort) else MemberSort(), columns, chunk)

    # --- application ---------------------------------------------------------------------------------

    def new_records(self, session: Session, actor: Actor, records: list[dict[str, Any]],
                    rows: Sequence[RowVerdict]) -> Children:
        numbers = _numbers(session, actor.office_code)
        events = []
        for record in records:
            record["name_pinyin"], record["name_initials"] = pinyin_columns(record["name"])
            record["member_no"] = record.get("member_no") or next(numbers)
            record["status"] = "active"
            events.append({"member_uuid": record["uuid"], "kind": "join", "on_date": record["joined_on"],
                           "from_status": None, "to_status": "active", "reason": "Excel导入"})
        return [(MemberEvent, events)]

    def updated(self, session: Session, record: Any, values: Mapping[str, Any]) -> None:
        if "name" in values:
            record.name_pinyin, record.name_initials = pinyin_columns(values["name"])


def _numbers(session: Session, office_code: str) -> Iterator[str]:
    """Free member numbers for new members without one, after the office's highest, in its width."""
    first = next_member_no(session, office_code)
    digits = len(first) - len(first.rstrip("0123456789"))
    prefix, counter = first[:len(first) - digits], int(first[len(first) - digits:])
    while True:
        yield f"{prefix}{counter:0{digits}d}"
        counter += 1


def _filtered(session: Session, flt: MemberFilter, sort: MemberSort, columns: list[Any],
              chunk: int) -> Iterator[list[Row]]:
    def page(after: Any) -> tuple[list[str], Any]:
        found = listing.page(session, flt, sort, after, limit=chunk)
        return [row.uuid for row in found.rows], found.next_cursor

    return rows_by_pages(session, MEMBERS, columns, page)
