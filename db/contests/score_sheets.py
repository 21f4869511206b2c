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
from collections.abc import Sequence
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
from db.models import ContestEntry, ContestJudge
from db.store import Store
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
    number, entrant and column). An empty cell leaves the score as it is."""
    require(actor, WRITE)
    if not table:
        raise ValidationError("成绩表", "表格是空的")
    grid = score_grid(store, contest_uuid)
    if grid.frozen:
        raise ValidationError(grid.name, grid.frozen)
    layout = sheet_layout(table[0], grid.rule.judge_count)
    by_key: dict[str, ScoreRow] = {}
    if layout.by_id_number:
        with store.transaction() as session:
            ids = dict(session.execute(select(ContestEntry.uuid, ContestEntry.id_number).where(
                ContestEntry.contest_uuid == contest_uuid, ContestEntry.deleted.is_(False))).all())
        by_key = {found: row for row in grid.rows if (found := ids.get(row.uuid))}
    else:
        by_key = {row.entry_no: row for row in grid.rows}
    errors: list[str] = []
    cells: list[ScoreCell] = []
    seen: dict[str, int] = {}
    read = 0
    for number, line in enumerate(table[1:], start=2):
        key = _key_text(line[layout.key] if layout.key < len(line) else None, layout.by_id_number)
        values = [(c, line[i] if i < len(line) else None) for i, c in layout.columns]
        if not key and all(_empty(v) for _, v in values):
            continue  # a blank line
        read += 1
        row = by_key.get(key)
        if row is None:
            what = "身份证号" if layout.by_id_number else "参赛证号"
            errors.append(f"第{number}行：{what}“{key}”不是本竞赛的参赛选手" if key else f"第{number}行：缺少{what}")
            continue
        if row.uuid in seen:
            errors.append(f"第{number}行：{row_label(row)}与第{seen[row.uuid]}行重复")
            continue
        seen[row.uuid] = number
        for column, value in values:
            if _empty(value):
                continue
            try:
                clean_cell(row, column, _cell_text(value), grid.rule.judge_count)
            except ValidationError as exc:
                errors.append(f"第{number}行 {exc.field}：{exc.reason}")
                continue
            cells.append(ScoreCell(row.uuid, column, _cell_text(value)))
    if errors:
        more = f"……等共{len(errors)}处" if len(errors) > _ERRORS_SHOWN else ""
        raise ValidationError("成绩表", "没有导入，请改正后重试：\n" + "\n".join(errors[:_ERRORS_SHOWN]) + more)
    before = {row.uuid: row for row in grid.rows}
    after = {row.uuid: row for row in save_scores(store, actor, contest_uuid, cells)} if cells else before
    changed = sum(_changed(before[uuid], after[uuid]) for uuid in seen)
    return SheetImport(read, sum(1 for uuid in seen if _changed(before[uuid], after[uuid])), changed)


def _changed(old: ScoreRow, new: ScoreRow) -> int:
    judges = set(old.judges) | set(new.judges)
    return (int(old.theory != new.theory) + int(old.seconds != new.seconds)
            + sum(1 for n in judges if old.judges.get(n) != new.judges.get(n)))


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
