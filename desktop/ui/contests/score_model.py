"""A contest's score grid (成绩录入) as a table: a row per live entrant (by 参赛证号), the entrant's 参赛证号, 姓名
and 工作单位, then 理论 and each judge's score (typed), 实操 and 总成绩 (computed), 暂定名次 (the provisional
ranking by the contest's rule) and 用时（秒） when the contest's tie-breaks use it.

The model shows what it was given (:class:`db.contests.score_sheets.ScoreGrid`) and the rows saved since; the
grid saves. A saved row's 实操 and 总成绩 follow at once (:func:`row_scores`, the rules' own functions); the
ranks of every row by :meth:`ScoreModel.rerank` (:func:`db.contests.ranking.rank_contest`, the function the
results are published by), which the grid runs once the cell is painted."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from db.contests.cases import ScoreRow
from db.contests.ranking import EntrantScores, Placed, ScoringRule, rank_contest
from db.contests.rules import practical_of, total_score
from db.contests.score_sheets import SECONDS, THEORY, Column, ScoreGrid, points
from db.errors import ValidationError
from desktop.ui.common.sheet_model import Index, SheetModel

AVOIDED_BRUSH = QBrush(QColor("#e4e4e4"))
AVOIDED_TEXT = QBrush(QColor("#8a8a8a"))
COMPUTED_BRUSH = QBrush(QColor("#f4f6fa"))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

# what a column shows: an entrant's fact, a typed score (its Column: THEORY, SECONDS or a judge's number), or
# a computed figure
ENTRY_NO, NAME, EMPLOYER, PRACTICAL, TOTAL, RANK = "entry_no", "name", "employer", "practical", "total", "rank"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ContestScoreGrid", text)


@dataclass(frozen=True)
class ScoreColumn:
    """A column of the grid: what it shows (``key``), its header, its width, and the score it types (None:
    not typed)."""

    key: str
    header: str
    width: int
    typed: Column | None = None
    tooltip: str | None = None

    @property
    def number(self) -> bool:
        return self.key not in (NAME, EMPLOYER)


def score_columns(grid: ScoreGrid | None) -> tuple[ScoreColumn, ...]:
    """The grid's columns for a contest (none shown: its facts and 理论 only)."""
    columns = [ScoreColumn(ENTRY_NO, _tr("参赛证号"), 84), ScoreColumn(NAME, _tr("姓名"), 64),
               ScoreColumn(EMPLOYER, _tr("工作单位"), 110), ScoreColumn(THEORY, _tr("理论"), 56, THEORY)]
    if grid is not None:
        for number, (name, unit) in enumerate(zip(grid.judges, grid.judge_units, strict=True), start=1):
            header = _tr("评委{0}").format(number)
            tip = "；".join(t for t in (name, unit) if t) or None
            columns.append(ScoreColumn(str(number), f"{header}\n{name}" if name else header, 56, number, tip))
    columns += [ScoreColumn(PRACTICAL, _tr("实操"), 56, None, _tr("各评委评分的平均分，自动计算")),
                ScoreColumn(TOTAL, _tr("总成绩"), 56, None, _tr("按理论、实操权重加权，自动计算")),
                ScoreColumn(RANK, _tr("暂定名次"), 64, None, _tr("按本竞赛的排名规则，随成绩录入更新；发布前仅供参考"))]
    if grid is not None and grid.uses_time:
        columns.append(ScoreColumn(SECONDS, _tr("用时（秒）"), 72, SECONDS))
    return tuple(columns)


def row_scores(rule: ScoringRule, row: ScoreRow) -> tuple[int | None, int | None]:
    """A row's practical score and total as the ranking computes them (:func:`db.contests.ranking.rank_contest`):
    the counted judges' mean once each has scored; the total once theory is there too (or weighs nothing)."""
    practical = practical_of(row.judges, rule.judge_count, row.avoided, drop_extremes=rule.drop_extremes)
    theory = row.theory if row.theory is not None or rule.theory_weight else 0
    if practical is None or theory is None:
        return practical, None
    return practical, total_score(theory, practical, rule.theory_weight, rule.practical_weight)


class ScoreModel(SheetModel):
    """A contest's entrants and their scores, read-only to Qt's editing (the grid's delegate hands typed text
    to the grid, which saves it and gives the model the saved row)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grid: ScoreGrid | None = None
        self.columns = score_columns(None)
        self.rows: list[ScoreRow] = []
        self._at: dict[str, int] = {}  # entrant uuid → row
        self._computed: dict[str, tuple[int | None, int | None]] = {}  # uuid → (practical, total)
        self._placed: dict[str, Placed] = {}
        self._needs_draw: dict[str, tuple[str, ...]] = {}

    # --- what it holds --------------------------------------------------------------------------------

    def load(self, grid: ScoreGrid | None, writable: bool) -> None:
        """Show ``grid`` (None: no contest); ``writable``: the user may type scores (and they are not frozen)."""
        self.beginResetModel()
        self.grid = grid
        self.columns = score_columns(grid)
        self.rows = list(grid.rows) if grid is not None else []
        self._at = {row.uuid: i for i, row in enumerate(self.rows)}
        self._writable = writable and grid is not None and grid.frozen is None
        self._computed = {row.uuid: row_scores(grid.rule, row) for row in self.rows} if grid is not None else {}
        self._rank()
        self.endResetModel()

    @property
    def writable(self) -> bool:
        return self._writable

    def column_of(self, typed: Column) -> int:
        """The grid column that types ``typed`` (-1: not shown)."""
        return next((i for i, c in enumerate(self.columns) if c.typed == typed), -1)

    def row_of(self, uuid: str) -> int:
        return self._at.get(uuid, -1)

    def set_row(self, row: ScoreRow) -> None:
        """An entrant's row as saved now: its cells and computed scores repainted (the ranks: :meth:`rerank`)."""
        at = self._at.get(row.uuid)
        if at is None or self.grid is None:
            return
        self.rows[at] = row
        self._computed[row.uuid] = row_scores(self.grid.rule, row)
        for column in range(len(self.columns)):  # cell by cell: a range makes the view repaint all it shows
            cell = self.index(at, column)
            self.dataChanged.emit(cell, cell)

    def set_rows(self, rows: list[ScoreRow]) -> None:
        """Every row as saved now (after a block): shown and ranked again."""
        for row in rows:
            self.set_row(row)

    def with_value(self, row: ScoreRow, typed: Column, value: int | None) -> ScoreRow:
        """``row`` with ``value`` in its ``typed`` cell."""
        if typed == THEORY:
            return dataclasses.replace(row, theory=value)
        if typed == SECONDS:
            return dataclasses.replace(row, seconds=value)
        judges = dict(row.judges)
        if value is None:
            judges.pop(int(typed), None)
        else:
            judges[int(typed)] = value
        return dataclasses.replace(row, judges=judges)

    def rerank(self) -> None:
        """The provisional ranks of every row again, from the scores shown."""
        if self.grid is None or not self.rows:
            return
        self._rank()
        rank = next(i for i, c in enumerate(self.columns) if c.key == RANK)
        self.dataChanged.emit(self.index(0, rank - 2), self.index(len(self.rows) - 1, rank))  # 实操 … 暂定名次

    def _rank(self) -> None:
        self._placed, self._needs_draw = {}, {}
        if self.grid is None:
            return
        rule = self.grid.rule
        entrants = [EntrantScores(r.uuid, r.theory, tuple(r.judges.get(n) for n in range(1, rule.judge_count + 1)),
                                  r.seconds, r.team or r.employer, r.draw, r.avoided) for r in self.rows]
        try:
            results = rank_contest(rule, entrants)
        except ValidationError:
            return  # a rule the contest's form refuses: no ranks until it is mended
        self._placed = {p.key: p for p in results.placed}
        self._needs_draw = {key: group for group in results.needs_draw for key in group}
        self._computed = {p.key: (p.practical, p.total) for p in results.placed}

    def rank_of(self, uuid: str) -> int | None:
        placed = self._placed.get(uuid)
        return None if placed is None else placed.rank

    def value(self, row: int, column: int) -> Any:
        """A cell's stored value: scores in hundredths, the rank, the facts as text."""
        entry, key = self.rows[row], self.columns[column]
        typed = key.typed
        if typed == THEORY:
            return entry.theory
        if typed == SECONDS:
            return entry.seconds
        if typed is not None:
            return entry.judges.get(int(typed))
        if key.key in (PRACTICAL, TOTAL):
            return self._computed.get(entry.uuid, (None, None))[0 if key.key == PRACTICAL else 1]
        if key.key == RANK:
            return self.rank_of(entry.uuid)
        return getattr(entry, key.key)

    def text(self, row: int, column: int) -> str:
        value, key = self.value(row, column), self.columns[column]
        if value is None:
            return ""
        if key.typed not in (None, SECONDS) or key.key in (PRACTICAL, TOTAL):
            return points(value)
        return str(value)

    def avoids(self, row: int, column: int) -> bool:
        typed = self.columns[column].typed
        return isinstance(typed, int) and typed in self.rows[row].avoided

    def avoided_reason(self, row: int, column: int) -> str:
        entry, typed = self.rows[row], self.columns[column].typed
        unit = entry.team or entry.employer or ""
        return _tr("{0} {1} 评委{2}：评委与选手同单位（{3}），须回避，不能评分").format(
            entry.entry_no, entry.name, typed, unit)

    # --- Qt -------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[section].tooltip
        return None

    def takes_input(self, row: int, column: int) -> bool:
        return self.columns[column].typed is not None and not self.avoids(row, column)

    def look(self, row: int, column: int, role: int) -> Any:
        key = self.columns[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if key.number else None
        avoided = self.avoids(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if avoided:
                return AVOIDED_BRUSH
            return COMPUTED_BRUSH if key.key in (PRACTICAL, TOTAL, RANK) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return AVOIDED_TEXT if avoided else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if avoided:
                return self.avoided_reason(row, column)
            if key.key == RANK and self.rows[row].uuid in self._needs_draw:
                return _tr("与其他选手同分并列前三名：公布成绩前须录入抽签顺序")
            if key.key == EMPLOYER:
                return self.rows[row].employer
        return None
