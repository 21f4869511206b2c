"""What the contest registries add to the generic spreadsheet import and export: a contest is known by its
name and start date; an entry names its contest that way, is matched by its 参赛证号 within the contest, and
gets its total from the contest's weights (:class:`EntryHooks` says what the entries sheet may not change)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from db.auth import Actor
from db.contests import sheets
from db.contests.cases import FROZEN
from db.contests.fields import ENTRIES
from db.contests.rules import check_contest, check_entry, total_score
from db.contests.sheets import PRACTICAL_FROM_JUDGES, RESULT_NOT_IMPORTED
from db.errors import ValidationError
from db.fields import Field
from db.models import Contest, ContestEntry, Member
from db.registry import RegistrySpec
from db.tabular.hooks import Cell, Children, Key, Row, TabularHooks, check_unique_numbers, shown
from db.tabular.rows import in_chunks, lookup

if TYPE_CHECKING:
    from db.tabular.plan import RowVerdict, SheetPlan, SheetSource


YEAR_FLAG = "year:"  # the list's named filter of the contests starting in a year: "year:2026"
# what publishing decides: never read from a sheet (db.contests.results.publish gives them)
_RESULTS = ("rank", "award", "title", "certificate_no")
_NOT_CLEARED = ("practical_score", *_RESULTS)  # an empty cell of these leaves the stored value alone
_FIELD_ATTRS = frozenset(f.attr for f in ENTRIES.fields) - {"uuid"}
_FREE_AFTER_PUBLISH = frozenset({"second_reward_note"})  # the employer's note, as update_entrant allows


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

    def template_sheets(self) -> list[tuple[str, tuple[Field, ...], str]]:
        # a blank template has no results to carry: publishing in the contest tab gives them
        return [(title, _fillable(fields), sheets.TEMPLATE_HINTS[title])
                for title, fields, _hint in self.importable_sheets()]

    def plan_sheets(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict],
                    sources: Sequence[SheetSource]) -> list[SheetPlan]:
        return sheets.plan_sheets(session, verdicts, sources)

    def apply_sheets(self, session: Session, actor: Actor, plans: Sequence[SheetPlan], seq: int) -> dict[str, int]:
        return sheets.apply_sheets(session, actor, plans, seq)


class EntryHooks(TabularHooks):
    """The 参赛选手及成绩 sheet imported on its own. It brings entrants and their theory scores, and changes the
    notes of stored ones; it never touches what publishing decided or what the judges' scores give:

    - a contest whose results are published takes no new entrant and no change but the 二次奖励 note (the
      employer's, as :func:`db.contests.cases.update_entrant` allows); the row is refused at its cell;
    - 名次, 奖项, 称号 and 证书编号 come from publishing (:func:`db.contests.results.publish`): a value that is
      not the stored one is refused, whatever the contest's state;
    - 实操成绩 is the judges' mean, and the ranking computes it from the judges' scores (every contest has
      at least one judge), so a typed one would be ignored by the ranking and overwritten by the next judge's
      score: a value that is not the stored one is refused, pointing to the score grid and the 评委评分 sheet.
      An empty 实操成绩 or result cell says nothing (it does not clear the stored value);
    - theory scores are cleaned by the declared field as typed ones are (0–100, at most two decimals) and a
      changed one recomputes the total from the stored practical score;
    - one person enters a contest once: a new row needs its 身份证号, and an ID number already entered in the
      contest (or twice in the file) is refused; an entrant does not move to another contest.
    """

    natural = ("contest_uuid", "entry_no")
    extra_columns = ("contest_uuid", "member_uuid")

    def __init__(self, registry: RegistrySpec) -> None:
        super().__init__(registry)
        # what the current plan's rows name (set by resolve, read by the later steps of the same plan)
        self._contests: dict[str, tuple[str, bool]] = {}  # uuid → (name, published)
        self._row_contest: dict[int, str] = {}  # id(verdict) → contest uuid

    def summary(self, values: Mapping[str, Any]) -> str:
        return f"{values.get('entry_no') or ''} {values.get('name') or ''}".strip()

    def template_columns(self, fields: tuple[Field, ...]) -> tuple[Field, ...]:
        return _fillable(fields)

    def check_row(self, values: MutableMapping[str, Any]) -> None:
        check_entry(values)

    def key_text(self, key: Key) -> str:
        return f"参赛证号 {key[-1]}" if key[0] == "key" else super().key_text(key)

    def resolve(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        stored = session.scalars(select(Contest).where(Contest.deleted.is_(False))).all()
        contests: dict[tuple[Any, Any], Contest] = {(c.name, c.starts_on): c for c in stored}
        self._contests = {c.uuid: (c.name, c.published_at is not None) for c in stored}
        self._row_contest = {}
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
            self._row_contest[id(verdict)] = contest.uuid
            if isinstance(values.get("id_number"), str):
                values["member_uuid"] = members.get(values["id_number"])
            for attr in _NOT_CLEARED:  # an empty cell: nothing said (an export of unpublished results)
                if attr in values and values[attr] is None:
                    del values[attr]

    def _frozen(self, verdict: RowVerdict, contest_uuid: str, attr: str, cell: Cell) -> bool:
        name, published = self._contests.get(contest_uuid, ("", False))
        if published:
            cell(verdict, attr, f"竞赛“{name}”{FROZEN}")
        return published

    def _refuse_results(self, verdict: RowVerdict, cell: Cell) -> None:
        for attr in _RESULTS:
            if attr in verdict.values:
                cell(verdict, attr, RESULT_NOT_IMPORTED)
        if "practical_score" in verdict.values:
            cell(verdict, "practical_score", PRACTICAL_FROM_JUDGES)

    def check_new(self, verdict: RowVerdict, cell: Cell) -> None:
        super().check_new(verdict, cell)
        values = verdict.values
        if self._frozen(verdict, values["contest_uuid"], "entry_no", cell):
            return
        self._refuse_results(verdict, cell)
        if not values.get("id_number"):
            cell(verdict, "id_number", "新选手须填写身份证号（一人只能报名一次，凭身份证号核对）")

    def check_update(self, verdict: RowVerdict, stored: dict[str, Any], cell: Cell) -> None:
        super().check_update(verdict, stored, cell)
        values = verdict.values
        if "contest_uuid" in values:
            cell(verdict, "contest_name", "选手不能改到另一竞赛；请在该竞赛中另行报名")
            return
        if self._contests.get(stored["contest_uuid"], ("", False))[1]:
            for attr in values:
                if attr in _FIELD_ATTRS and attr not in _FREE_AFTER_PUBLISH:
                    self._frozen(verdict, stored["contest_uuid"], attr, cell)
            return
        self._refuse_results(verdict, cell)

    def check_unique(self, session: Session, actor: Actor, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        check_unique_numbers(session, verdicts, "certificate_no", "证书编号", ContestEntry.certificate_no,
                             ContestEntry.uuid, cell)
        self._check_once(session, verdicts, cell)

    def _check_once(self, session: Session, verdicts: Sequence[RowVerdict], cell: Cell) -> None:
        """One person enters a contest once: an ID number a live entrant of the contest holds, or an earlier
        row of the file gives for the same contest, is refused."""
        given = [(v, self._row_contest[id(v)], v.values["id_number"]) for v in verdicts
                 if isinstance(v.values.get("id_number"), str) and id(v) in self._row_contest]
        if not given:
            return
        holders: dict[tuple[str, str], tuple[str, str, str]] = {}
        for uuid, contest_uuid, id_number, entry_no, name in in_chunks(session, lambda part: select(
                ContestEntry.uuid, ContestEntry.contest_uuid, ContestEntry.id_number, ContestEntry.entry_no,
                ContestEntry.name).where(ContestEntry.id_number.in_(part), ContestEntry.deleted.is_(False)),
                sorted({number for _, _, number in given})):
            holders[(contest_uuid, id_number)] = (uuid, entry_no, name)
        first: dict[tuple[str, str], int] = {}
        for verdict, contest_uuid, id_number in given:
            holder = holders.get((contest_uuid, id_number))
            person = verdict.values.get("name") or "此人"
            if holder is not None and holder[0] != verdict.uuid:
                cell(verdict, "id_number", f"{person}已报名本竞赛，参赛证号 {holder[1]}（{holder[2]}）")
            elif (contest_uuid, id_number) in first:
                cell(verdict, "id_number", f"与第{first[(contest_uuid, id_number)]}行是同一人：一人只能报名一次")
            else:
                first[(contest_uuid, id_number)] = verdict.row_no

    def new_records(self, session: Session, actor: Actor, records: list[dict[str, Any]],
                    rows: Sequence[RowVerdict]) -> Children:
        """The team is the employer unless given, the gender the ID number's (as add_entrant gives them);
        a contest published since the preview stops the import."""
        published = _published_now(session, {r["contest_uuid"] for r in records})
        for record, row in zip(records, rows, strict=True):
            if record["contest_uuid"] in published:
                raise ValidationError("导入", f"第{row.row_no}行的竞赛“{published[record['contest_uuid']]}”在预览"
                                            f"之后已公布成绩，请重新预览后再导入")
            if record.get("team") is None:
                record["team"] = record.get("employer")
            record["gender"] = record.get("gender") or sheets.gender_of(record.get("id_number"))
            record.pop("total_score", None)
        return []

    def updated(self, session: Session, record: Any, values: Mapping[str, Any]) -> None:
        """A contest published since the preview stops the import; a changed theory score recomputes the
        total from the stored practical score (as the score grid does)."""
        contest = session.get(Contest, record.contest_uuid)
        assert contest is not None
        if contest.published_at is not None and set(values) & (_FIELD_ATTRS - _FREE_AFTER_PUBLISH):
            raise ValidationError("导入", f"参赛证号 {record.entry_no} 的竞赛“{contest.name}”在预览之后已公布成绩，"
                                        f"请重新预览后再导入")
        if "theory_score" in values:
            theory, practical = record.theory_score, record.practical_score
            record.total_score = None if theory is None or practical is None else total_score(
                theory, practical, contest.theory_weight, contest.practical_weight)

    def derive(self, session: Session, rows: list[Row]) -> None:
        contests = lookup(session, Contest, [r["contest_uuid"] for r in rows], Contest.name, Contest.starts_on)
        for row in rows:
            row["contest_name"], row["contest_starts_on"] = contests.get(row["contest_uuid"], (None, None))


def _fillable(fields: tuple[Field, ...]) -> tuple[Field, ...]:
    """What a clerk fills in a blank template of entrants: not the results nor the practical score (publishing
    and the judges' scores give them)."""
    return tuple(f for f in fields if f.attr not in _NOT_CLEARED)


def _published_now(session: Session, contest_uuids: set[str]) -> dict[str, str]:
    return dict(session.execute(select(Contest.uuid, Contest.name).where(
        Contest.uuid.in_(sorted(contest_uuids)), Contest.published_at.is_not(None))).all())
