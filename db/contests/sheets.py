"""The further sheets of a contests workbook — 竞赛评委, 参赛选手, 评委评分 and 成绩申诉 — written beside its
技能竞赛 sheet and read back with it.

Each row names its contest by 竞赛名称 and 竞赛开始日期 (one in the database, or one the 技能竞赛 sheet of the
same file brings), an entrant by 参赛证号 within the contest (stored, or a row of the file's 参赛选手 sheet),
a judge by 评委序号. Every cell is cleaned by the declared field (db/contests/fields.py) and every row checked
by the rules the use cases apply (db/contests/rules.py, db/contests/cases.py): a score of 101 or 85.555 is
refused at its cell as in the score grid, a judge beyond the contest's 裁判人数 is refused, one person enters a
contest once, and nothing is added to a contest whose results are published (publishing froze them).

Rows only add records. A row the database already holds with the same values is unchanged — importing what
was just exported changes nothing; with other values it is refused, naming the cells that differ (a change
goes through the contest tab, where publishing, reopening and the audit apply). An entrant's practical score
is the judges' mean (:func:`db.contests.rules.practical_of`) once the file brings judges' scores for the entrant.

Publication does not travel by Excel. A contest the file brings arrives unpublished: its 成绩发布时间 and its
entrants' 名次, 奖项, 称号 and 证书编号 are not read, and the preview says so on the contest's and each such
entrant's row and in a note of the 参赛选手 sheet (:data:`RESULTS_NOT_READ`); the clerk checks the imported
scores and publishes in the contest tab, which ranks by the rule and gives this office's certificate numbers.
Why not carry them over:

- 证书编号 are this office's series (``<office code>-<year>-<serial>``, one counter per office and year) and a
  certificate's QR code is signed with the office's key: numbers read from a file would collide with the
  counter or continue another office's series, and printing them would sign another office's certificates;
- an Excel file is not signed: a rank or an award typed into it would become a result without the rule, the
  publishing person or the audit; re-publishing recomputes them from the imported judges' scores in one step;
- an office that holds another's contest — the district — receives it by sync, in signed batches that carry
  the publication and are checked by :mod:`db.contests.frozen`.

For an entrant of a published contest the database holds, results given in the file must equal the stored
ones (refused at the cell otherwise): its export comes back unchanged, and a changed award is not dropped
silently. Of an unpublished one they are not read, with the same note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.auth import Actor
from db.bulk import bulk_insert
from db.contests import cases
from db.contests.fields import (
    APPEAL_SHEET_FIELDS,
    APPEAL_TABLE,
    CONTESTS,
    ENTRANT_SHEET_FIELDS,
    ENTRY_TABLE,
    JUDGE_SCORE_TABLE,
    JUDGE_SHEET_FIELDS,
    JUDGE_TABLE,
    SCORE_SHEET_FIELDS,
)
from db.contests.rules import check_entry, total_score
from db.errors import ValidationError
from db.fields import MASK_CHAR, Field, Masked
from db.masking import column_masks
from db.models import Contest, ContestAppeal, ContestEntry, ContestJudge, JudgeScore
from db.tabular.hooks import is_masked_value
from db.tabular.plan import RowVerdict, SheetPlan, SheetSource
from db.tabular.rows import in_chunks

JUDGES, ENTRANTS, SCORES, APPEALS = JUDGE_TABLE.label, ENTRY_TABLE.label, JUDGE_SCORE_TABLE.label, APPEAL_TABLE.label
SHEETS: tuple[tuple[str, tuple[Field, ...]], ...] = (
    (JUDGES, JUDGE_SHEET_FIELDS), (ENTRANTS, ENTRANT_SHEET_FIELDS), (SCORES, SCORE_SHEET_FIELDS),
    (APPEALS, APPEAL_SHEET_FIELDS))
# what the blank template (下载模板) says at the head of each further sheet: how its rows name what they belong to
_NAMES_CONTEST = "竞赛名称和竞赛开始日期须与“技能竞赛”表中（或系统中已有）的竞赛一致。"
TEMPLATE_HINTS = {
    JUDGES: _NAMES_CONTEST + "评委序号从1起，不超过该竞赛的裁判人数；评委工作单位与选手相同时该评委回避。",
    ENTRANTS: _NAMES_CONTEST + "参赛证号在同一竞赛中不重复；一人只能报名一次，须填写身份证号。"
              "实操成绩由评委评分计算，请填在“评委评分”表中；名次、奖项和证书编号在公布成绩时产生。",
    SCORES: _NAMES_CONTEST + "每行一名评委对一名选手的评分（0～100，最多两位小数）；参赛证号须在“参赛选手”表"
            "或系统中。",
    APPEALS: _NAMES_CONTEST + "参赛证号须在“参赛选手”表或系统中；处理结果与处理日期同时填写。",
}
ACTION = "import_xlsx"
CHUNK = 2000
# what an entrant's row brings: the person, the team and notes, the scores (results come from publishing)
_ENTRANT_VALUES = ("entry_no", "name", "gender", "id_number", "employer", "team", "theory_score", "practical_score",
                   "eligibility_notes", "second_reward_note", "completion_seconds", "draw_no")
_RESULT_VALUES = ("rank", "award", "title", "certificate_no")  # what publishing gives: compared, never written
RESULTS_NOT_READ = ("成绩未导入：本文件中的名次、奖项、称号和证书编号不导入，竞赛以未发布状态导入；"
                    "请核对评分后在“技能竞赛”中公布成绩（证书编号由本单位重新编排）")
RESULT_NOT_IMPORTED = "由本系统公布成绩时产生，不能导入；请删去这一格或保持与系统中一致"
PRACTICAL_FROM_JUDGES = ("由评委评分计算（按竞赛的评分规则），不能直接导入；请在“成绩录入”或竞赛工作簿的"
                         "“评委评分”表中录入各评委的评分")
_APPEAL_VALUES = ("filed_on", "filed_by", "content", "outcome", "decided_on")
_CONTEST_SHEET = CONTESTS.table.label
_MASKS = column_masks(ENTRANT_SHEET_FIELDS)
Key = tuple[str, dt.date]


def _today() -> dt.date:
    return dt.date.today()


# --- export -----------------------------------------------------------------------------------------------

def _rows(session: Session, stmt: Select[Any]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in session.execute(stmt).mappings():
        chunk.append(dict(row))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _of_contests(*columns: Any) -> Select[Any]:
    return select(Contest.name.label("contest_name"), Contest.starts_on.label("contest_starts_on"), *columns).where(
        Contest.deleted.is_(False))


def iter_judges(session: Session) -> Iterator[list[dict[str, Any]]]:
    """Chunks of the live judges of the live contests, by contest and 评委序号."""
    return _rows(session, _of_contests(ContestJudge.judge_no, ContestJudge.name, ContestJudge.employer)
                 .join(ContestJudge, ContestJudge.contest_uuid == Contest.uuid)
                 .where(ContestJudge.deleted.is_(False))
                 .order_by(Contest.starts_on, Contest.name, ContestJudge.judge_no))


def iter_entrants(session: Session) -> Iterator[list[dict[str, Any]]]:
    """Chunks of the live entrants of the live contests, by contest and 参赛证号."""
    own = [getattr(ContestEntry, f.attr) for f in ENTRANT_SHEET_FIELDS[2:]]
    return _rows(session, _of_contests(*own).join(ContestEntry, ContestEntry.contest_uuid == Contest.uuid)
                 .where(ContestEntry.deleted.is_(False))
                 .order_by(Contest.starts_on, Contest.name, ContestEntry.entry_no))


def _of_entrants(*columns: Any) -> Select[Any]:
    return (_of_contests(ContestEntry.entry_no, ContestEntry.name, *columns)
            .join(ContestEntry, ContestEntry.contest_uuid == Contest.uuid).where(ContestEntry.deleted.is_(False)))


def iter_scores(session: Session) -> Iterator[list[dict[str, Any]]]:
    """Chunks of the live judges' scores of live entrants, by contest, 参赛证号 and 评委序号."""
    return _rows(session, _of_entrants(JudgeScore.judge_no, JudgeScore.score)
                 .join(JudgeScore, JudgeScore.entry_uuid == ContestEntry.uuid).where(JudgeScore.deleted.is_(False))
                 .order_by(Contest.starts_on, Contest.name, ContestEntry.entry_no, JudgeScore.judge_no))


def iter_appeals(session: Session) -> Iterator[list[dict[str, Any]]]:
    """Chunks of the live appeals of live entrants, by contest, 申诉日期 and 参赛证号."""
    return _rows(session, _of_entrants(*(getattr(ContestAppeal, a) for a in _APPEAL_VALUES))
                 .join(ContestAppeal, ContestAppeal.entry_uuid == ContestEntry.uuid)
                 .where(ContestAppeal.deleted.is_(False))
                 .order_by(Contest.starts_on, Contest.name, ContestAppeal.filed_on, ContestEntry.entry_no,
                           ContestAppeal.uuid))


EXPORT_SHEETS: tuple[tuple[str, tuple[Field, ...], Callable[[Session], Iterator[list[dict[str, Any]]]]], ...] = (
    (JUDGES, JUDGE_SHEET_FIELDS, iter_judges), (ENTRANTS, ENTRANT_SHEET_FIELDS, iter_entrants),
    (SCORES, SCORE_SHEET_FIELDS, iter_scores), (APPEALS, APPEAL_SHEET_FIELDS, iter_appeals))


# --- planning ---------------------------------------------------------------------------------------------

@dataclass
class _Contest:
    """A contest the rows are checked against: stored, or brought by the 技能竞赛 sheet (uuid None)."""

    name: str
    starts_on: dt.date
    judge_count: int
    published: bool
    theory_weight: int
    practical_weight: int
    uuid: str | None = None
    refused: str | None = None
    judges: dict[int, tuple[str, str | None]] = field(default_factory=dict)  # stored: number → (name, employer)
    entrants: dict[str, dict[str, Any]] = field(default_factory=dict)  # stored by 参赛证号
    new_entrants: dict[str, dict[str, Any]] = field(default_factory=dict)  # the file's accepted rows
    results_unread: bool = False  # a new entrant's row brought results, which are not read
    new_rows: dict[str, RowVerdict] = field(default_factory=dict)  # the rows of new_entrants


class _Sheet:
    """One further sheet being planned: its cells cleaned by the declared fields, errors named by cell."""

    def __init__(self, source: SheetSource, fields: tuple[Field, ...]) -> None:
        self.title, self.columns = source.title, source.columns
        self.by_attr = {f.attr: f for f in fields}
        self.by_label = {f.label: f.attr for f in fields}
        self.rows = [self._clean(row_no, cells, fields) for row_no, cells in source.rows]

    def cell(self, verdict: RowVerdict, attr_or_label: str, reason: str) -> None:
        """An error of ``verdict``'s row at the cell of a field (by attr or label): "F5 评分：…"."""
        attr = attr_or_label if attr_or_label in self.by_attr else self.by_label.get(attr_or_label, "")
        label = self.by_attr[attr].label if attr in self.by_attr else attr_or_label
        letter = self.columns.get(attr)
        where = f"{letter}{verdict.row_no}" if letter else f"第{verdict.row_no}行"
        verdict.fail(f"{where} {label}：{reason}")

    def _clean(self, row_no: int, cells: Mapping[str, Any], fields: tuple[Field, ...]) -> RowVerdict:
        verdict = RowVerdict(row_no)
        values: dict[str, Any] = {}
        for fld in fields:
            if fld.attr not in self.columns:
                if fld.required:
                    verdict.fail(f"第{row_no}行 {fld.label}：必须填写（文件中没有这一列）")
                continue
            raw = cells.get(fld.attr)
            if fld.sensitive and isinstance(raw, str) and MASK_CHAR in raw:  # a masked export's 身份证号
                values[fld.attr] = Masked(raw.strip())
                continue
            try:
                values[fld.attr] = fld.clean(raw)
            except ValidationError as exc:
                self.cell(verdict, fld.attr, exc.reason)
        verdict.values = values
        verdict.summary = " ".join(str(values[a]) for a in ("contest_name", "entry_no", "name", "judge_no")
                                   if values.get(a) is not None)
        return verdict

    def text(self, attr: str, value: Any) -> str:
        shown = self.by_attr[attr].to_cell(value, full=False) if attr in self.by_attr else value
        if shown is None or shown == "":
            return "（空）"
        return shown.isoformat() if hasattr(shown, "isoformat") else str(shown)

    def differences(self, verdict: RowVerdict, new: Mapping[str, Any], old: Mapping[str, Any], what: str) -> None:
        """Unchanged when every value the sheet has equals the stored one, else an error at each cell that
        differs."""
        differ = [a for a, v in new.items() if a in self.columns and a in old and v != old[a]]
        for attr in differ:
            self.cell(verdict, attr, f"{what}已录入，系统中为 {self.text(attr, old[attr])}，与本行不同")
        if not differ:
            verdict.verdict = "unchanged"


def plan_sheets(session: Session, verdicts: Sequence[RowVerdict], sources: Sequence[SheetSource]) -> list[SheetPlan]:
    """The verdicts of the rows of the further sheets among ``sources``, given the verdicts of the 技能竞赛
    sheet's rows (``verdicts``). Nothing is written."""
    fields = dict(SHEETS)
    sheets = {source.title: _Sheet(source, fields[source.title]) for source in sources if source.title in fields}
    contests = _contests(session, verdicts)
    if JUDGES in sheets:
        _plan_judges(sheets[JUDGES], contests)
    if ENTRANTS in sheets:
        _plan_entrants(sheets[ENTRANTS], contests)
    if SCORES in sheets:
        _plan_scores(session, sheets[SCORES], contests)
    if ENTRANTS in sheets:
        _practical_from_judges(sheets[ENTRANTS], sheets.get(SCORES), contests)
    if APPEALS in sheets:
        _plan_appeals(session, sheets[APPEALS], contests)
    plans = [SheetPlan(sheet.title, sheet.rows, sheet.columns) for sheet in sheets.values()]
    unread = [c for c in contests.values() if c.results_unread]
    for plan in plans:
        if plan.title == ENTRANTS and unread:
            plan.notes = tuple(f"竞赛“{c.name}”{RESULTS_NOT_READ}" for c in unread)
    by_uuid = {c.uuid: c for c in unread if c.uuid}
    by_key: dict[tuple[Any, Any], _Contest] = {(c.name, c.starts_on): c for c in unread}
    for verdict in verdicts:  # the contest's own row says it too
        contest = by_uuid.get(verdict.uuid) if verdict.uuid else by_key.get(
            (verdict.values.get("name"), verdict.values.get("starts_on")))
        if verdict.verdict != "error" and contest is not None:
            verdict.messages = (*verdict.messages, RESULTS_NOT_READ)
    return plans


def _contests(session: Session, verdicts: Sequence[RowVerdict]) -> dict[Key, _Contest]:
    """Every contest a row may name, as the import leaves it: the 技能竞赛 sheet's rows over the stored ones,
    with the stored judges and entrants."""
    stored = {c.uuid: c for c in session.scalars(select(Contest).where(Contest.deleted.is_(False)))}
    found: dict[Key, _Contest] = {}
    by_uuid: dict[str, _Contest] = {}
    for c in stored.values():
        found[(c.name, c.starts_on)] = by_uuid[c.uuid] = _Contest(
            c.name, c.starts_on, c.judge_count, c.published_at is not None, c.theory_weight, c.practical_weight,
            c.uuid)
    for verdict in verdicts:
        values = verdict.values
        old = by_uuid.get(verdict.uuid or "")
        if verdict.verdict == "error":
            if values.get("name") and values.get("starts_on"):
                found[(values["name"], values["starts_on"])] = _Contest(
                    values["name"], values["starts_on"], 0, False, 0, 0,
                    refused=f"{_CONTEST_SHEET}表第{verdict.row_no}行未通过检查")
        elif verdict.verdict == "new":
            contest = _Contest(values["name"], values["starts_on"], values.get("judge_count") or 1, False,
                               _default("theory_weight", values), _default("practical_weight", values))
            found[(contest.name, contest.starts_on)] = contest
        elif old is not None and ("name" in values or "starts_on" in values):  # renamed by the sheet
            found.pop((old.name, old.starts_on), None)
            old.name, old.starts_on = values.get("name", old.name), values.get("starts_on", old.starts_on)
            found[(old.name, old.starts_on)] = old
        if old is not None and values.get("judge_count"):
            old.judge_count = values["judge_count"]
    uuids = list(by_uuid)
    for contest_uuid, number, name, employer in in_chunks(session, lambda part: select(
            ContestJudge.contest_uuid, ContestJudge.judge_no, ContestJudge.name, ContestJudge.employer).where(
            ContestJudge.contest_uuid.in_(part), ContestJudge.deleted.is_(False)), uuids):
        by_uuid[contest_uuid].judges[number] = (name, employer)
    for row in in_chunks(session, lambda part: select(
            ContestEntry.contest_uuid, ContestEntry.uuid,
            *(getattr(ContestEntry, a) for a in (*_ENTRANT_VALUES, *_RESULT_VALUES))).where(
            ContestEntry.contest_uuid.in_(part), ContestEntry.deleted.is_(False)), uuids):
        by_uuid[row.contest_uuid].entrants[row.entry_no] = dict(row._mapping)
    return found


def _default(attr: str, values: Mapping[str, Any]) -> int:
    value = values.get(attr)
    if value is not None:
        return int(value)
    default = Contest.__table__.columns[attr].default
    return int(default.arg)


def _contest_of(sheet: _Sheet, verdict: RowVerdict, contests: Mapping[Key, _Contest]) -> _Contest | None:
    """The row's contest, or None after naming why at its 竞赛名称 cell."""
    name, day = verdict.values.get("contest_name"), verdict.values.get("contest_starts_on")
    contest = contests.get((name, day)) if name and day else None
    if contest is None:
        shown = day.isoformat() if isinstance(day, dt.date) else day
        sheet.cell(verdict, "contest_name", f"找不到开始日期为 {shown} 的竞赛“{name}”（系统和本文件的"
                                            f"{_CONTEST_SHEET}表中都没有）")
        return None
    if contest.refused:
        sheet.cell(verdict, "contest_name", contest.refused)
        return None
    return contest


def _entrant_of(sheet: _Sheet, verdict: RowVerdict, contest: _Contest) -> dict[str, Any] | None:
    """The row's entrant by 参赛证号 (stored, or a row of the file's 参赛选手 sheet), or None after naming why;
    a 姓名 given must be the entrant's."""
    number = verdict.values.get("entry_no")
    entrant = contest.entrants.get(number or "") or contest.new_entrants.get(number or "")
    if entrant is None:
        sheet.cell(verdict, "entry_no", f"竞赛“{contest.name}”没有参赛证号为 {number} 的选手（系统和本文件的"
                                        f"{ENTRANTS}表中都没有）")
        return None
    name = verdict.values.get("name")
    if name and name != entrant["name"]:
        sheet.cell(verdict, "name", f"与参赛证号 {number} 的选手“{entrant['name']}”不符")
        return None
    return entrant


def _frozen(sheet: _Sheet, verdict: RowVerdict, contest: _Contest, attr: str) -> bool:
    """Whether the row would add to a contest whose results are published (then refused at ``attr``)."""
    if contest.published:
        sheet.cell(verdict, attr, f"竞赛“{contest.name}”{cases.FROZEN}")
    return contest.published


def _plan_judges(sheet: _Sheet, contests: Mapping[Key, _Contest]) -> None:
    seen: dict[tuple[Key, int], int] = {}
    for verdict in sheet.rows:
        if verdict.verdict == "error" or (contest := _contest_of(sheet, verdict, contests)) is None:
            continue
        values = verdict.values
        number = values["judge_no"]
        if number > contest.judge_count:
            sheet.cell(verdict, "judge_no", f"本竞赛裁判人数为{contest.judge_count}人，评委序号应为1到"
                                            f"{contest.judge_count}")
            continue
        key = ((contest.name, contest.starts_on), number)
        if key in seen:
            sheet.cell(verdict, "judge_no", f"与第{seen[key]}行重复：同一竞赛的评委序号只能有一个")
            continue
        seen[key] = verdict.row_no
        if number in contest.judges:
            name, employer = contest.judges[number]
            sheet.differences(verdict, {"name": values["name"], "employer": values.get("employer")},
                              {"name": name, "employer": employer}, f"第{number}号评委")


def _plan_entrants(sheet: _Sheet, contests: Mapping[Key, _Contest]) -> None:
    seen: dict[tuple[Key, str], int] = {}
    people: dict[tuple[Key, str], int] = {}
    for verdict in sheet.rows:
        if verdict.verdict == "error" or (contest := _contest_of(sheet, verdict, contests)) is None:
            continue
        values = verdict.values
        number, id_number = values["entry_no"], values.get("id_number")
        key = ((contest.name, contest.starts_on), number)
        if key in seen:
            sheet.cell(verdict, "entry_no", f"与第{seen[key]}行重复：同一竞赛的参赛证号只能有一个")
            continue
        seen[key] = verdict.row_no
        given = {a: values[a] for a in _ENTRANT_VALUES if a in values}
        results = {a: values[a] for a in _RESULT_VALUES if values.get(a) is not None}
        stored = contest.entrants.get(number)
        if stored is not None:
            _compare_stored(sheet, verdict, contest, given, results, stored)
            continue
        if _frozen(sheet, verdict, contest, "entry_no"):
            continue
        if is_masked_value(id_number):
            sheet.cell(verdict, "id_number", "身份证号已隐去部分数字，新选手须填写完整的身份证号")
            continue
        try:
            check_entry(given)
        except ValidationError as exc:
            sheet.cell(verdict, exc.field, exc.reason)
            continue
        if id_number:
            holder = next((e for e in contest.entrants.values() if e["id_number"] == id_number), None)
            if holder is not None:
                sheet.cell(verdict, "id_number", f"{given['name']}已报名本竞赛，参赛证号 {holder['entry_no']}"
                                                 f"（{holder['name']}）")
                continue
            person = ((contest.name, contest.starts_on), id_number)
            if person in people:
                sheet.cell(verdict, "id_number", f"与第{people[person]}行是同一人：一人只能报名一次")
                continue
            people[person] = verdict.row_no
        _accept_new(verdict, contest, given, results)


def gender_of(id_number: Any) -> str | None:
    """The gender a resident ID number states (its 17th digit: odd 男, even 女), as add_entrant takes it."""
    if isinstance(id_number, str) and len(id_number) == 18 and id_number[16].isdigit():
        return "男" if int(id_number[16]) % 2 else "女"
    return None


def _accept_new(verdict: RowVerdict, contest: _Contest, given: dict[str, Any], results: Mapping[str, Any]) -> None:
    """A new entrant's row: its total from the contest's weights, its team the employer and its gender the ID
    number's unless given; results
    it brings are not read (said on the row)."""
    theory, practical = given.get("theory_score"), given.get("practical_score")
    if theory is not None and practical is not None:
        given["total_score"] = total_score(theory, practical, contest.theory_weight, contest.practical_weight)
    if given.get("team") is None:
        given["team"] = given.get("employer")
    given["gender"] = given.get("gender") or gender_of(given.get("id_number"))
    contest.new_entrants[given["entry_no"]] = given
    contest.new_rows[given["entry_no"]] = verdict
    verdict.values = {**given, "contest_name": contest.name, "contest_starts_on": contest.starts_on}
    if results:
        _unread(verdict, contest)


def _compare_stored(sheet: _Sheet, verdict: RowVerdict, contest: _Contest, given: Mapping[str, Any],
                    results: Mapping[str, Any], stored: Mapping[str, Any]) -> None:
    """A stored entrant's row: unchanged or refused at the cells that differ; a published contest's results
    given must be the stored ones too (an empty cell says nothing), an unpublished one's are not read."""
    compared = {a: v for a, v in ({**given, **results} if contest.published else given).items()
                if not is_masked_value(v)}
    for attr, value in given.items():  # a masked cell stands for the stored value: it must be its mask
        if is_masked_value(value) and (stored.get(attr) is None or _MASKS[attr](stored[attr]) != value.text):
            sheet.cell(verdict, attr, "已打码，且与系统中的值不符")
    if verdict.verdict == "error":
        return
    sheet.differences(verdict, compared, stored, f"参赛证号 {given['entry_no']} 的选手")
    if results and not contest.published and verdict.verdict != "error":
        _unread(verdict, contest)


def _unread(verdict: RowVerdict, contest: _Contest) -> None:
    verdict.messages = (*verdict.messages, RESULTS_NOT_READ)
    contest.results_unread = True


def _practical_from_judges(sheet: _Sheet, scores: _Sheet | None, contests: Mapping[Key, _Contest]) -> None:
    """A new entrant's 实操成绩 is the judges' mean, computed when the file's 评委评分 rows are written (the
    ranking computes it from them too): one typed for an entrant the file brings no judge's score of would
    stand alone, so it is refused at its cell."""
    scored = {(v.values["contest_name"], v.values["contest_starts_on"], v.values["entry_no"])
              for v in (scores.rows if scores is not None else ()) if v.verdict == "new"}
    for contest in contests.values():
        for number, verdict in contest.new_rows.items():
            if (verdict.values.get("practical_score") is not None and verdict.verdict != "error"
                    and (contest.name, contest.starts_on, number) not in scored):
                sheet.cell(verdict, "practical_score", PRACTICAL_FROM_JUDGES)


def _plan_scores(session: Session, sheet: _Sheet, contests: Mapping[Key, _Contest]) -> None:
    entrant_uuids = [e["uuid"] for c in contests.values() for e in c.entrants.values()]
    stored = {(u, n): s for u, n, s in in_chunks(session, lambda part: select(
        JudgeScore.entry_uuid, JudgeScore.judge_no, JudgeScore.score).where(
        JudgeScore.entry_uuid.in_(part), JudgeScore.deleted.is_(False)), entrant_uuids)}
    seen: dict[tuple[Key, str, int], int] = {}
    for verdict in sheet.rows:
        if verdict.verdict == "error" or (contest := _contest_of(sheet, verdict, contests)) is None:
            continue
        if (entrant := _entrant_of(sheet, verdict, contest)) is None:
            continue
        values = verdict.values
        number = values["judge_no"]
        if number > contest.judge_count:
            sheet.cell(verdict, "judge_no", f"本竞赛裁判人数为{contest.judge_count}人，评委序号应为1到"
                                            f"{contest.judge_count}")
            continue
        key = ((contest.name, contest.starts_on), values["entry_no"], number)
        if key in seen:
            sheet.cell(verdict, "judge_no", f"与第{seen[key]}行重复：每名评委对每名选手只有一个评分")
            continue
        seen[key] = verdict.row_no
        old = stored.get((entrant["uuid"], number)) if "uuid" in entrant else None
        if old is not None:
            sheet.differences(verdict, {"score": values["score"]}, {"score": old},
                              f"第{number}号评委对参赛证号 {values['entry_no']} 的评分")
            continue
        if _frozen(sheet, verdict, contest, "score"):
            continue
        verdict.values = {**values, "contest_name": contest.name, "contest_starts_on": contest.starts_on}


def _plan_appeals(session: Session, sheet: _Sheet, contests: Mapping[Key, _Contest]) -> None:
    entrant_uuids = [e["uuid"] for c in contests.values() for e in c.entrants.values()]
    stored = {(a.entry_uuid, a.filed_on, a.filed_by, a.content): a for a in in_chunks(session, lambda part: select(
        ContestAppeal.entry_uuid, *(getattr(ContestAppeal, a) for a in _APPEAL_VALUES)).where(
        ContestAppeal.entry_uuid.in_(part), ContestAppeal.deleted.is_(False)), entrant_uuids)}
    seen: dict[tuple[Any, ...], int] = {}
    today = _today()
    for verdict in sheet.rows:
        if verdict.verdict == "error" or (contest := _contest_of(sheet, verdict, contests)) is None:
            continue
        if (entrant := _entrant_of(sheet, verdict, contest)) is None:
            continue
        values = verdict.values
        filed, decided = values["filed_on"], values.get("decided_on")
        if filed > today:  # as record_appeal and decide_appeal say
            sheet.cell(verdict, "filed_on", f"不能晚于今天：{filed}")
            continue
        if decided is not None and decided > today:
            sheet.cell(verdict, "decided_on", f"不能晚于今天：{decided}")
            continue
        if decided is not None and decided < filed:
            sheet.cell(verdict, "decided_on", f"不能早于申诉日期 {filed}")
            continue
        if (decided is None) != (values.get("outcome") is None):
            sheet.cell(verdict, "outcome" if decided is not None else "decided_on", "处理结果与处理日期应同时填写")
            continue
        key = ((contest.name, contest.starts_on), values["entry_no"], filed, values["filed_by"], values["content"])
        if key in seen:
            sheet.cell(verdict, "content", f"与第{seen[key]}行重复")
            continue
        seen[key] = verdict.row_no
        old = stored.get((entrant["uuid"], filed, values["filed_by"], values["content"])) if "uuid" in entrant else None
        if old is not None:
            sheet.differences(verdict, {a: values.get(a) for a in ("outcome", "decided_on")}, old._mapping,
                              f"{filed.isoformat()} {values['filed_by']} 的这次申诉")
            continue
        verdict.values = {**values, "contest_name": contest.name, "contest_starts_on": contest.starts_on}


# --- applying ---------------------------------------------------------------------------------------------

def apply_sheets(session: Session, actor: Actor, sheets: Sequence[SheetPlan], seq: int) -> dict[str, int]:
    """Write the new rows of the planned sheets, after the 技能竞赛 sheet's contests (in the same
    transaction): each row's contest is found by name and start date now, so that a contest the file
    brought has its uuid; then the practical scores and totals of the entrants the file scored."""
    rows = {sheet.title: sheet.accepted for sheet in sheets}
    contests = {(c.name, c.starts_on): c for c in session.scalars(select(Contest).where(Contest.deleted.is_(False)))}

    def contest_of(title: str, row: RowVerdict) -> Contest:
        found = contests.get((row.values["contest_name"], row.values["contest_starts_on"]))
        if found is None:
            raise ValidationError("导入", f"{title}第{row.row_no}行的竞赛在预览之后被删除了，请重新预览后再导入")
        return found

    added: dict[str, int] = {}
    conn = session.connection()
    if rows.get(JUDGES):
        added[JUDGES] = bulk_insert(conn, ContestJudge, [
            {"contest_uuid": (c := contest_of(JUDGES, r)).uuid, "office_code": c.office_code,
             "judge_no": r.values["judge_no"], "name": r.values["name"], "employer": r.values.get("employer")}
            for r in rows[JUDGES]], actor, sync_seq=seq, audit_action=ACTION)
    if rows.get(ENTRANTS):
        added[ENTRANTS] = bulk_insert(conn, ContestEntry, [
            {"contest_uuid": (c := contest_of(ENTRANTS, r)).uuid, "office_code": c.office_code,
             **{a: r.values.get(a) for a in (*_ENTRANT_VALUES, "total_score")}} for r in rows[ENTRANTS]],
            actor, sync_seq=seq, audit_action=ACTION)
    entries = _entries(session, list(contests.values()))

    def entry_of(title: str, row: RowVerdict) -> str:
        uuid = entries.get((contest_of(title, row).uuid, row.values["entry_no"]))
        if uuid is None:
            raise ValidationError("导入", f"{title}第{row.row_no}行的选手在预览之后被移除了，请重新预览后再导入")
        return uuid

    scored: set[str] = set()
    if rows.get(SCORES):
        records = []
        for r in rows[SCORES]:
            entry_uuid = entry_of(SCORES, r)
            scored.add(entry_uuid)
            records.append({"entry_uuid": entry_uuid, "office_code": contest_of(SCORES, r).office_code,
                            "judge_no": r.values["judge_no"], "score": r.values["score"]})
        added[SCORES] = bulk_insert(conn, JudgeScore, records, actor, sync_seq=seq, audit_action=ACTION)
    if rows.get(APPEALS):
        added[APPEALS] = bulk_insert(conn, ContestAppeal, [
            {"entry_uuid": entry_of(APPEALS, r), "office_code": contest_of(APPEALS, r).office_code,
             **{a: r.values.get(a) for a in _APPEAL_VALUES}} for r in rows[APPEALS]],
            actor, sync_seq=seq, audit_action=ACTION)
    for entry_uuid in sorted(scored):  # the judges' mean, as the score grid computes it
        entry = session.get(ContestEntry, entry_uuid)
        assert entry is not None
        contest = session.get(Contest, entry.contest_uuid)
        assert contest is not None
        cases.refresh_practical(session, contest, entry)
    return added


def _entries(session: Session, contests: list[Contest]) -> dict[tuple[str, str], str]:
    """The live entrants' uuids by (contest uuid, 参赛证号)."""
    return {(c, n): u for c, n, u in in_chunks(session, lambda part: select(
        ContestEntry.contest_uuid, ContestEntry.entry_no, ContestEntry.uuid).where(
        ContestEntry.contest_uuid.in_(part), ContestEntry.deleted.is_(False)), [c.uuid for c in contests])}
