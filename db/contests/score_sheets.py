"""The score grid of a contest (成绩录入) beyond one cell: what the grid reads (:func:`score_grid`), a block of
cells saved all or none (:func:`save_scores`: a paste, a cleared block, an undo) and a score sheet from Excel
(:func:`import_scores`: 参赛证号 or 身份证号, 理论成绩, 评委1…N or 实操成绩, 用时).

Every value is cleaned as a typed cell is (:func:`clean_cell`: 0–100, at most two decimals), and a refusal
names the entrant and the column (``0003 张三 评委2：不能大于100：120``) — on a sheet also its row. A single cell
is saved by :func:`db.contests.cases.set_theory_score` / :func:`~db.contests.cases.set_judge_score` /
:func:`~db.contests.cases.update_entrant`; a block here in one transaction, by the same writes
(:func:`db.contests.cases.write_scores_in`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from db.auth import Actor, require
from db.contests.cases import (
    FROZEN,
    KEEP,
    WRITE,
    ScoreRow,
    correcting,
    get_contest,
    score_sheet_in,
    write_scores_in,
)
from db.contests.fields import ENTRY_TABLE, JUDGE_SCORE_TABLE
from db.contests.ranking import ScoringRule
from db.errors import ValidationError
from db.fields import Field
from db.models import ContestEntry, ContestJudge
from db.store import Store
from db.synonyms import ID_NUMBER as ID_NUMBER_SYNONYMS
from db.synonyms import PERSON_NAME
from db.tabular.plan import ImportPlan, RowVerdict
from db.validation import parse_id_number

THEORY = "theory"
SECONDS = "seconds"
Column = str | int  # THEORY, SECONDS or a judge's number
_ERRORS_SHOWN = 10  # a sheet's refusal names this many cells, then says how many more


@dataclass(frozen=True)
class ScoreGrid:
    """What the grid shows of a contest: its rule, its judges' names and employers (judge 1 first; None: not
    named), whether its scores may be typed (``frozen``: why not), whether completion time counts, its rows."""

    contest_uuid: str
    name: str
    rule: ScoringRule
    judges: tuple[str | None, ...]
    judge_units: tuple[str | None, ...]
    frozen: str | None
    reopened: str | None  # the reason the results were reopened (changes are audited with it)
    rows: list[ScoreRow]

    @property
    def uses_time(self) -> bool:
        return "time" in self.rule.tie_breaks


def score_grid(store: Store, contest_uuid: str) -> ScoreGrid:
    """The contest's score grid in one read."""
    with store.transaction() as session:
        contest = get_contest(session, contest_uuid)
        named = {n: (name, unit) for n, name, unit in session.execute(select(
            ContestJudge.judge_no, ContestJudge.name, ContestJudge.employer).where(
            ContestJudge.contest_uuid == contest_uuid, ContestJudge.deleted.is_(False)))}
        numbers = range(1, contest.judge_count + 1)
        judges = tuple(named.get(n, (None, None))[0] for n in numbers)
        units = tuple(named.get(n, (None, None))[1] for n in numbers)
        reopened = contest.reopen_reason if contest.reopened_at is not None and contest.published_at is None else None
        return ScoreGrid(contest.uuid, contest.name, ScoringRule.of(contest), judges, units,
                         FROZEN if contest.published_at is not None else None, reopened,
                         score_sheet_in(session, contest_uuid))


def column_label(column: Column) -> str:
    """A column's caption in messages: 理论成绩, 用时（秒）, 评委2."""
    if column == THEORY:
        return "理论"
    if column == SECONDS:
        return ENTRY_TABLE.field("completion_seconds").label
    return f"评委{column}"


def row_label(row: ScoreRow) -> str:
    return f"{row.entry_no} {row.name}"


def clean_cell(row: ScoreRow, column: Column, value: Any, judge_count: int) -> int | None:
    """The stored value of ``value`` typed or pasted in ``row``'s ``column`` (None: empty). ValidationError
    named ``0003 张三 评委2`` when it cannot be stored: outside 0–100, more than two decimals, not a number, a
    judge who avoids (回避) the entrant, a judge beyond the contest's 裁判人数."""
    where = f"{row_label(row)} {column_label(column)}"
    empty = value is None or (isinstance(value, str) and not value.strip())
    if isinstance(column, int):
        if not 1 <= column <= judge_count:
            raise ValidationError(where, f"本竞赛裁判人数为{judge_count}人")
        if column in row.avoided and not empty:
            raise ValidationError(where, "该评委与选手同单位，须回避，不能评分")
        field = JUDGE_SCORE_TABLE.field("score")
    else:
        field = ENTRY_TABLE.field("theory_score" if column == THEORY else "completion_seconds")
    try:
        result = None if empty else field.clean(value)
    except ValidationError as exc:
        raise ValidationError(where, exc.reason) from None
    return None if result is None else int(result)


@dataclass(frozen=True)
class ScoreCell:
    """One cell to save: the entrant's uuid, its column, and the value (text as typed, a number, or None)."""

    entry_uuid: str
    column: Column
    value: Any


def save_scores(store: Store, actor: Actor, contest_uuid: str, cells: Sequence[ScoreCell]) -> list[ScoreRow]:
    """Save a block of cells in one transaction: every cell is cleaned first and one refusal writes nothing
    (ValidationError naming the entrant and column). Refused on published results. The contest's rows as
    they now stand."""
    require(actor, WRITE)
    with store.transaction(actor, action="set_scores") as session:
        contest = get_contest(session, contest_uuid)
        if contest.published_at is not None:
            raise ValidationError(ENTRY_TABLE.field("theory_score").label, FROZEN)
        rows = {row.uuid: row for row in score_sheet_in(session, contest_uuid)}
        wanted: dict[str, dict[Column, int | None]] = {}
        for cell in cells:
            row = rows.get(cell.entry_uuid)
            if row is None:
                raise ValidationError(ENTRY_TABLE.label, "该选手不是本竞赛的参赛选手或已被移除")
            wanted.setdefault(row.uuid, {})[cell.column] = clean_cell(row, cell.column, cell.value,
                                                                      contest.judge_count)
        correcting(session, contest)
        entries = {e.uuid: e for e in session.scalars(select(ContestEntry).where(
            ContestEntry.uuid.in_(list(wanted))))}
        for uuid, values in wanted.items():
            entry = entries[uuid]
            if SECONDS in values and entry.completion_seconds != values[SECONDS]:
                entry.completion_seconds = values[SECONDS]
            judges = {c: v for c, v in values.items() if isinstance(c, int)}
            write_scores_in(session, contest, entry, theory=values.get(THEORY, KEEP), judges=judges)
        session.flush()
        return score_sheet_in(session, contest_uuid)


# --- a score sheet from Excel ---------------------------------------------------------------------------

_ENTRY_NO = ("参赛证号", *(ENTRY_TABLE.field("entry_no").synonyms or ()))
_ID_NUMBER = ("身份证号", "身份证号码", "公民身份号码", "证件号码")
_THEORY = ("理论成绩", "理论", "理论分")
_PRACTICAL = ("实操成绩", "实操", "实操分", "技能操作成绩")
_SECONDS = ("用时（秒）", "用时(秒)", "用时", "完成用时")
_JUDGE = re.compile(r"^(?:评委|裁判)\s*(\d{1,2})(?:号)?(?:评分|成绩)?$|^第(\d{1,2})号?评委(?:评分)?$")


def _header(text: Any) -> str:
    return re.sub(r"\s+", "", str(text or "")).replace("(", "（").replace(")", "）")


@dataclass(frozen=True)
class SheetLayout:
    """Which column of a sheet holds what: the entrant's key (参赛证号 or 身份证号) and the scores."""

    key: int
    by_id_number: bool
    columns: tuple[tuple[int, Column], ...]  # (column in the sheet, grid column)


def sheet_layout(header: Sequence[Any], judge_count: int) -> SheetLayout:
    """Read a score sheet's header row. 实操成绩 stands for 评委1's score when the contest has one judge (more
    judges: their scores are needed one by one, the practical score is computed). ValidationError naming what
    is missing or unclear."""
    names = [_header(cell) for cell in header]
    wanted = {_header(n) for n in _ENTRY_NO}, {_header(n) for n in _ID_NUMBER}
    key = next((i for i, n in enumerate(names) if n in wanted[0]), None)
    by_id = key is None
    if key is None:
        key = next((i for i, n in enumerate(names) if n in wanted[1]), None)
    if key is None:
        raise ValidationError("成绩表", "第一行应有“参赛证号”或“身份证号”列，用来找到选手")
    columns: list[tuple[int, Column]] = []
    for i, name in enumerate(names):
        if i == key or not name:
            continue
        column = _column_of(name, str(header[i]), judge_count)
        if column is None:
            continue  # 姓名, 工作单位, 总成绩 …: read by the grid, not imported
        if any(c == column for _, c in columns):
            raise ValidationError("成绩表", f"“{column_label(column)}”列出现了两次")
        columns.append((i, column))
    if not columns:
        raise ValidationError("成绩表", "没有找到成绩列：理论成绩、评委1…评委N（或实操成绩）、用时（秒）")
    return SheetLayout(key, by_id, tuple(columns))


def _column_of(name: str, caption: str, judge_count: int) -> Column | None:
    """The grid column a sheet's header ``name`` (normalised) stands for; None: not a score."""
    match = _JUDGE.match(name)
    if name in {_header(n) for n in _THEORY}:
        return THEORY
    if name in {_header(n) for n in _SECONDS}:
        return SECONDS
    if match:
        number = int(match.group(1) or match.group(2))
        if not 1 <= number <= judge_count:
            raise ValidationError("成绩表", f"“{caption}”列：本竞赛裁判人数为{judge_count}人")
        return number
    if name in {_header(n) for n in _PRACTICAL}:
        if judge_count != 1:
            raise ValidationError("成绩表", f"本竞赛有{judge_count}名评委，实操成绩由各评委评分计算："
                                         f"请按“评委1”…“评委{judge_count}”分列填写")
        return 1
    return None


@dataclass(frozen=True)
class SheetImport:
    """What an imported score sheet did: rows read, entrants and cells that changed."""

    rows: int
    entrants: int
    cells: int


def import_scores(store: Store, actor: Actor, contest_uuid: str, table: Sequence[Sequence[Any]]) -> SheetImport:
    """Import a score sheet (its first row the header, see :func:`sheet_layout`) into the contest: each row
    finds its entrant by 参赛证号 or 身份证号, every value is checked as a typed one, and then all are saved in
    one transaction — or, if any row is refused, none (ValidationError listing the refused rows by sheet row
    number, entrant and column). An empty cell leaves the score as it is. The wizard's way is
    :func:`plan_sheet` then :func:`apply_sheet`, with the columns mapped by the clerk."""
    require(actor, WRITE)
    if not table:
        raise ValidationError("成绩表", "表格是空的")
    grid = score_grid(store, contest_uuid)
    if grid.frozen:
        raise ValidationError(grid.name, grid.frozen)
    layout = sheet_layout(table[0], grid.rule.judge_count)
    picks = [(layout.key, ID_NUMBER if layout.by_id_number else ENTRY_NO),
             *((i, column_attr(c)) for i, c in layout.columns)]
    rows = ((number, {attr: line[i] if i < len(line) else None for i, attr in picks})
            for number, line in enumerate(table[1:], start=2))
    plan = plan_sheet(store, actor, contest_uuid, rows)
    if plan.errors:
        raise refusal(plan)
    return apply_sheet(store, actor, contest_uuid, plan)


# --- a score sheet mapped column by column (the import wizard) ------------------------------------------

SCORE_SHEET = "contest_scores"  # the import target's name: its saved column mappings are kept under it
ENTRY_NO, ID_NUMBER, NAME = "entry_no", "id_number", "name"
_NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (judges are at most a few dozen)."""
    tens, ones = divmod(n, 10)
    return (("" if tens < 2 else _NUMERALS[tens - 1]) + ("十" if tens else "")
            + ("" if not ones else _NUMERALS[ones - 1]))


def _judge_synonyms(n: int, judge_count: int) -> tuple[str, ...]:
    words = [f"评委{n}", f"{n}号评委", f"第{n}评委", f"第{n}号评委", f"裁判{n}", f"{n}号裁判", f"第{n}号裁判",
             f"评委{n}评分", f"评委{n}成绩", f"裁判{n}评分"]
    cn = _numeral(n)
    words += [f"评委{cn}", f"{cn}号评委", f"第{cn}评委", f"第{cn}号评委", f"裁判{cn}", f"{cn}号裁判"]
    if judge_count == 1:  # one judge: the practical score is that judge's
        words += list(_PRACTICAL)
    return tuple(words)


def sheet_fields(judge_count: int) -> tuple[Field, ...]:
    """The columns a score sheet may have, as fields a column mapping offers and guesses by (label and
    synonyms): 参赛证号 or 身份证号 finds the entrant, 姓名 is only compared, then 理论成绩, 评委1…N, 用时（秒）.
    None is required on its own (:func:`sheet_problems` says what a mapping lacks)."""
    entry = ENTRY_TABLE.field("entry_no")
    return (
        Field(ENTRY_NO, entry.label, synonyms=(*entry.synonyms, "参赛证编号", "选手号")),
        Field(ID_NUMBER, "身份证号", "id_number", synonyms=ID_NUMBER_SYNONYMS),
        Field(NAME, "姓名", synonyms=(*PERSON_NAME, "选手")),
        Field(THEORY, "理论成绩", synonyms=(*_THEORY[1:], "理论得分", "理论考试成绩")),
        *(Field(column_attr(n), f"评委{n}", synonyms=_judge_synonyms(n, judge_count))
          for n in range(1, judge_count + 1)),
        Field(SECONDS, ENTRY_TABLE.field("completion_seconds").label, synonyms=_SECONDS[1:]),
    )


def column_attr(column: Column) -> str:
    """A grid column's field attr in a mapping: theory, seconds, judge_2."""
    return f"judge_{column}" if isinstance(column, int) else column


def attr_column(attr: str) -> Column | None:
    """The grid column of a mapped attr (None: 参赛证号, 身份证号, 姓名)."""
    if attr in (THEORY, SECONDS):
        return attr
    if attr.startswith("judge_") and attr[6:].isdigit():
        return int(attr[6:])
    return None


def sheet_problems(mapping_attrs: Sequence[str]) -> tuple[str, ...]:
    """What a score sheet's mapping lacks before it can be checked: a column finding the entrant, a score."""
    missing = []
    if ENTRY_NO not in mapping_attrs and ID_NUMBER not in mapping_attrs:
        missing.append("参赛证号或身份证号")
    if not any(attr_column(attr) is not None for attr in mapping_attrs):
        missing.append("成绩列（理论成绩、评委或用时）")
    return tuple(missing)


def stored_value(row: ScoreRow, column: Column) -> int | None:
    """What ``row`` holds in ``column`` (hundredths, or seconds)."""
    if column == THEORY:
        return row.theory
    if column == SECONDS:
        return row.seconds
    return row.judges.get(int(column))


def _shown(column: Column, value: int | None) -> str:
    if value is None:
        return ""
    return str(value) if column == SECONDS else points(value)


def _same_name(text: Any, name: str) -> bool:
    return re.sub(r"\s+", "", str(text)) == re.sub(r"\s+", "", name)


def plan_sheet(store: Store, actor: Actor, contest_uuid: str, rows: Iterable[tuple[int, dict[str, Any]]],
               *, file_name: str = "") -> ImportPlan:
    """The verdict of every row of a score sheet (sheet row number, {attr: cell}, attrs of
    :func:`sheet_fields`), nothing written: the entrant found by 参赛证号 (else 身份证号), 姓名 compared, every
    score checked as a typed one (:func:`clean_cell`: 0–100, two decimals, 回避); "update" with the changed
    cells, "unchanged", or "error" with each refusal naming the row. The plan is applied whole or not at all."""
    require(actor, WRITE)
    grid = score_grid(store, contest_uuid)
    if grid.frozen:
        raise ValidationError(grid.name, grid.frozen)
    judge_count = grid.rule.judge_count
    by_no = {row.entry_no: row for row in grid.rows}
    with store.transaction() as session:
        ids = dict(session.execute(select(ContestEntry.uuid, ContestEntry.id_number).where(
            ContestEntry.contest_uuid == contest_uuid, ContestEntry.deleted.is_(False))).all())
    by_id: dict[str, ScoreRow] = {found: row for row in grid.rows if (found := ids.get(row.uuid))}
    verdicts: list[RowVerdict] = []
    seen: dict[str, int] = {}
    for number, cells in rows:
        values = [(column, cells[attr]) for attr in cells if (column := attr_column(attr)) is not None]
        entry_no = _key_text(cells.get(ENTRY_NO), False)
        id_number = _key_text(cells.get(ID_NUMBER), True)
        if not entry_no and not id_number and _empty(cells.get(NAME)) and all(_empty(v) for _, v in values):
            continue  # a blank line
        verdict = RowVerdict(number, "unchanged")
        verdicts.append(verdict)
        row = by_no.get(entry_no) if entry_no else by_id.get(id_number) if id_number else None
        if row is None:
            both = ENTRY_NO in cells and ID_NUMBER in cells
            what, key = ("参赛证号", entry_no) if entry_no or ID_NUMBER not in cells else ("身份证号", id_number)
            verdict.summary = key
            verdict.fail(f"第{number}行：{what}“{key}”不是本竞赛的参赛选手" if key else
                         f"第{number}行：缺少{'参赛证号或身份证号' if both else what}")
            continue
        verdict.summary, verdict.uuid = row_label(row), row.uuid
        if row.uuid in seen:
            verdict.fail(f"第{number}行：{row_label(row)}与第{seen[row.uuid]}行重复")
            continue
        seen[row.uuid] = number
        if entry_no and id_number and ids.get(row.uuid) != id_number:
            verdict.fail(f"第{number}行 {row_label(row)} 身份证号：与该选手登记的身份证号不符")
        name = cells.get(NAME)
        if not _empty(name) and not _same_name(name, row.name):
            verdict.fail(f"第{number}行 {row_label(row)} 姓名：表中为“{str(name).strip()}”，与登记的姓名不符")
        _judge_scores(verdict, row, values, judge_count)
    return ImportPlan(SCORE_SHEET, verdicts, {}, file_name, whole=True)


def _judge_scores(verdict: RowVerdict, row: ScoreRow, values: list[tuple[Column, Any]], judge_count: int) -> None:
    """Each score of a sheet row checked as a typed one; the row an "update" with its changed cells, unless
    refused."""
    changes: dict[str, tuple[str, str]] = {}
    wanted: dict[str, Any] = {}
    for column, value in values:
        if _empty(value):
            continue  # an empty cell leaves the score as it is
        text = _cell_text(value)
        try:
            cleaned = clean_cell(row, column, text, judge_count)
        except ValidationError as exc:
            verdict.fail(f"第{verdict.row_no}行 {exc.field}：{exc.reason}")
            continue
        old = stored_value(row, column)
        if cleaned != old:
            changes[column_label(column)] = (_shown(column, old), _shown(column, cleaned))
            wanted[column_attr(column)] = text
    if verdict.verdict != "error" and changes:
        verdict.verdict, verdict.changes, verdict.values = "update", changes, wanted


def refusal(plan: ImportPlan) -> ValidationError:
    """A plan's refused rows as one error (the first few named, then how many more)."""
    errors = [message for row in plan.rows for message in row.messages]
    more = f"……等共{len(errors)}处" if len(errors) > _ERRORS_SHOWN else ""
    return ValidationError("成绩表", "没有导入，请改正后重试：\n" + "\n".join(errors[:_ERRORS_SHOWN]) + more)


def apply_sheet(store: Store, actor: Actor, contest_uuid: str, plan: ImportPlan) -> SheetImport:
    """Save a score sheet's plan (:func:`plan_sheet`) in one transaction through :func:`save_scores`, which
    checks every value again as a typed one; refused whole when any row was refused."""
    if plan.errors:
        raise refusal(plan)
    cells = [ScoreCell(row.uuid, column, value) for row in plan.accepted if row.uuid is not None
             for attr, value in row.values.items() if (column := attr_column(attr)) is not None]
    if cells:
        save_scores(store, actor, contest_uuid, cells)
    return SheetImport(len(plan.rows), len(plan.accepted), len(cells))


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell_text(value: Any) -> Any:
    """A sheet's number as the clerk sees it: Excel's 85.5 stays 85.5, a float's noise (85.55000000001) is
    rounded away at the sixth decimal, so that only a real third decimal is refused."""
    if isinstance(value, float):
        return f"{round(value, 6):f}".rstrip("0").rstrip(".")
    return value


def _key_text(value: Any, id_number: bool) -> str:
    """The entrant's key in a sheet's cell: a 参赛证号 Excel turned into a number (1 → 0001) is read back."""
    if isinstance(value, float) and value.is_integer():
        text = f"{int(value):04d}" if not id_number else str(int(value))
    else:
        text = str(value or "").strip()
    if id_number and text:
        try:
            return parse_id_number(text, "身份证号").number
        except ValidationError:
            return text.upper()
    return text


def scores_table(grid: ScoreGrid) -> list[list[Any]]:
    """The grid as a score sheet (header first: 参赛证号, 姓名, 工作单位, 理论成绩, 评委1…N, 用时 when it counts),
    scores as numbers of points (85.5) — what :func:`import_scores` reads back unchanged."""
    judges = range(1, grid.rule.judge_count + 1)
    header: list[Any] = ["参赛证号", "姓名", "工作单位", "理论成绩", *(f"评委{n}" for n in judges)]
    if grid.uses_time:
        header.append("用时（秒）")
    lines = [header]
    for row in grid.rows:
        line: list[Any] = [row.entry_no, row.name, row.employer or "", _number(row.theory),
                           *(_number(row.judges.get(n)) for n in judges)]
        if grid.uses_time:
            line.append(row.seconds)
        lines.append(line)
    return lines


def _number(value: int | None) -> float | None:
    return None if value is None else value / 100


def points(value: int | None) -> str:
    """Hundredths as the clerk reads them: 8550 → "85.50" (empty: "")."""
    return "" if value is None else f"{value // 100}.{value % 100:02d}"
