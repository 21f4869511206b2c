"""What the contest registries add to the generic spreadsheet import and export: a contest is known by its
name and start date; an entry names its contest that way, is matched by its 参赛证号 within the contest, and
gets its total from the contest's weights."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from db.auth import Actor
from db.contests import sheets
from db.contests.rules import check_contest, check_entry, total_score
from db.fields import Field
from db.models import Contest, ContestEntry, Member
from db.tabular.hooks import Cell, Key, Row, TabularHooks, check_unique_numbers, shown
from db.tabular.rows import in_chunks, lookup

if TYPE_CHECKING:
    from db.tabular.plan import RowVerdict, SheetPlan, SheetSource


YEAR_FLAG = "year:"  # the list's named filter of the contests starting in a year: "year:2026"


def year_flag(year: int) -> str:
    """The list filter (db.listing.ListFilter.flags) of the contests that start in ``year``."""
    return f"{YEAR_FLAG}{year}"


class ContestHooks(TabularHooks):
    natural = ("name", "starts_on")

    def flag_condition(self, session: Session, flag: str) -> ColumnElement[bool]:
        year = flag.removeprefix(YEAR_FLAG)
        if flag.startswith(YEAR_FLAG) and year.isdigit() and 1900 <= int(year) <= 9998:
            first = dt.date(int(year), 1, 1)
            return and_(Contest.starts_on >= first, Contest.starts_on < first.replace(year=first.year + 1))
        return super().flag_condition(session, flag)

    def check_row(self, values: MutableMapping[str, Any]) -> None:
        check_contest(values)

    # the judges, entrants, judges' scores and appeals go out and come back beside the contests
    def extra_sheets(self) -> list[tuple[str, tuple[Field, ...]]]:
        return [(title, fields) for title, fields, _ in sheets.EXPORT_SHEETS]

    def extra_sheet_rows(self, session: Session, index: int) -> Iterator[list[Row]]:
        return sheets.EXPORT_SHEETS[index][2](session)

    def import_sheets(self) -> list[tuple[str, tuple[Field, ...]]]:
        return list(sheets.SHEETS)

    def plan_sheets(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict],
                    sources: Sequence[SheetSource]) -> list[SheetPlan]:
        return sheets.plan_sheets(session, verdicts, sources)

    def apply_sheets(self, session: Session, actor: Actor, plans: Sequence[SheetPlan], seq: int) -> dict[str, int]:
        return sheets.apply_sheets(session, actor, plans, seq)


class EntryHooks(TabularHooks):
    natural = ("contest_uuid", "entry_no")
    extra_columns = ("contest_uuid", "member_uuid")

    def summary(self, values: Mapping[str, Any]) -> str:
        return f"{values.get('entry_no') or ''} {values.get('name') or ''}".strip()

    def check_row(self, values: MutableMapping[str, Any]) -> None:
        check_entry(values)

    def key_text(self, key: Key) -> str:
        return f"参赛证号 {key[-1]}" if key[0] == "key" else super().key_text(key)

    def resolve(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        contests: dict[tuple[Any, Any], Contest] = {(c.name, c.starts_on): c for c in session.scalars(
            select(Contest).where(Contest.deleted.is_(False)))}
        numbers = [v.values["id_number"] for v in verdicts if isinstance(v.values.get("id_number"), str)]
        members = dict(in_chunks(session, lambda part: select(Member.id_number, Member.uuid).where(
            Member.deleted.is_(False), Member.id_number.in_(part)), numbers))
        for verdict in verdicts:
            values = verdict.values
            contest = contests.get((values.get("contest_name"), values.get("contest_starts_on")))
            if contest is None:
                cell(verdict, "contest_name", f"找不到开始日期为 {shown(values.get('contest_starts_on'))} 的竞赛"
                                              f"“{values.get('contest_name')}”，请先录入竞赛")
                continue
            values["contest_uuid"] = contest.uuid
            if isinstance(values.get("id_number"), str):
                values["member_uuid"] = members.get(values["id_number"])
            theory, practical = values.get("theory_score"), values.get("practical_score")
            if theory is not None and practical is not None:
                values["total_score"] = total_score(theory, practical, contest.theory_weight,
                                                    contest.practical_weight)

    def check_unique(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        check_unique_numbers(session, verdicts, "certificate_no", "证书编号", ContestEntry.certificate_no,
                             ContestEntry.uuid, cell)

    def derive(self, session: Session, rows: list[Row]) -> None:
        contests = lookup(session, Contest, [r["contest_uuid"] for r in rows], Contest.name, Contest.starts_on)
        for row in rows:
            row["contest_name"], row["contest_starts_on"] = contests.get(row["contest_uuid"], (None, None))
