"""成绩录入: a contest's scores typed like a spreadsheet — the theory score and each judge's score of every
entrant, each committed cell saved at once (:func:`db.contests.cases.set_theory_score`,
:func:`~db.contests.cases.set_judge_score`, :func:`~db.contests.cases.update_entrant` for 用时), the row's 实操
and 总成绩 following at once and every row's 暂定名次 right after the cell is painted.

Keys as in Excel (those of the station log's grid): typing on a cell replaces it, F2 edits it, Enter commits
and moves down, Tab right and Shift+Tab left, Delete clears the selected cells, Ctrl+C copies and Ctrl+V pastes
a tab-separated block (checked whole first, then saved all or none), Ctrl+Z takes back the last cell
or block. A bad cell is refused where it is typed, naming the entrant and the column, and nothing is written;
a judge who avoids (回避) an entrant has a grey cell that takes nothing. Published results are read-only (an
admin reopens them with a reason; changes are then audited with it). 导入成绩… opens the import wizard on a
score sheet for this contest (:class:`desktop.documents.excel.score_sheet.ScoreSheetTarget`): columns mapped by
their synonyms, every row's refusals previewed, saved all or none; undo takes the import back."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.contests import cases
from db.contests.cases import ScoreRow
from db.contests.score_sheets import (
    SECONDS,
    THEORY,
    Column,
    ScoreCell,
    clean_cell,
    column_label,
    points,
    row_label,
    save_scores,
    score_grid,
)
from db.errors import UnionDeskError, ValidationError
from desktop.ui.common.sheet_table import (
    NOTE_STYLE,
    CellRefused,
    SheetDelegate,
    SheetMessage,
    SheetTable,
    clipboard_text,
)
from desktop.ui.contests.score_model import ScoreModel
from desktop.ui.context import AppContext
from desktop.ui.messages import describe
from desktop.ui.settings import Settings

if TYPE_CHECKING:
    from desktop.ui.excel.import_wizard import ImportWizard

WRITE = "records.write"
FOLLOW_MS = 30  # after a write: the ranks; unseen by a clerk, the time of a paint or two


@dataclass(frozen=True)
class UndoBlock:
    """How to take back one committed cell or block: its cells with the values they had (text as typed)."""

    description: str
    cells: tuple[ScoreCell, ...]


class ContestScoreGrid(QWidget):
    """A contest's score grid (成绩录入), a panel of the contest tab.

    Signals:
        changed(str): the contest's uuid, after scores were written (a cell, a block, an undo, an import).
    """

    changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._settings = settings  # the import wizard's last folder; the user's settings when not given
        self._contest: str | None = None
        self._undo: list[UndoBlock] = []
        self._wrote = False  # a write whose ranks and signal are still to follow
        self.writable = context.actor.can(WRITE)
        self.model = ScoreModel(self)

        self.note = QLabel()
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setWordWrap(True)
        self.import_button = QPushButton(self.tr("导入成绩…"))
        self.import_button.setToolTip(self.tr("从Excel成绩表导入：参赛证号或身份证号，理论成绩，评委1…评委N，用时；"
                                              "导入前逐行预览，有错误的行时整表不导入"))
        self.export_button = QPushButton(self.tr("导出成绩表…"))
        self.export_button.setToolTip(self.tr("导出本竞赛的成绩表，填好后可再导入"))
        self.undo_button = QPushButton(self.tr("撤销"))
        self.undo_button.setToolTip(self.tr("撤销最近一次录入（Ctrl+Z）"))
        self.undo_button.setEnabled(False)
        if not self.writable:
            self.import_button.hide()
            self.undo_button.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.note, 1)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)

        self.table = SheetTable(self, self)
        self.delegate = SheetDelegate(self, self)
        self._set_up_table()

        self.message = SheetMessage()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

        # the ranks of every row (some 12 ms for 2,000 entrants) and the tab's refresh follow a write once its
        # row is painted — a zero timer could run before the paint — and once for cells typed in quick succession
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(FOLLOW_MS)
        self._follow.timeout.connect(self.settle)
        self.undo_button.clicked.connect(self.undo)
        self.import_button.clicked.connect(self.choose_import)
        self.export_button.clicked.connect(self.choose_export)
        self._reload()

    def _set_up_table(self) -> None:
        self.table.setModel(self.model)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()  # the 参赛证号 numbers the rows
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)

    # --- what it shows --------------------------------------------------------------------------------

    @property
    def contest(self) -> str | None:
        return self._contest

    def show_contest(self, uuid: str | None) -> None:
        """Show the scores of contest ``uuid`` (None: none, or a new one not saved yet)."""
        self.settle()
        self._contest = uuid
        self._reload()

    def _reload(self) -> None:
        """Read the contest anew; what undo could take back belongs to what was shown before."""
        self._undo.clear()
        self.undo_button.setEnabled(False)
        self.say("")
        grid = None
        if self._contest is not None:
            try:
                grid = score_grid(self._context.store, self._contest)
            except UnionDeskError as error:
                self.say(describe(error), error=True)
        self.model.load(grid, self.writable)
        self._size_columns()
        editable = self.model.writable
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers)
        self.import_button.setEnabled(editable)
        self.export_button.setEnabled(grid is not None)
        self.table.setEnabled(grid is not None)
        self.note.setText(self._note())

    def _note(self) -> str:
        grid = self.model.grid
        if grid is None:
            return self.tr("请先在左侧选择竞赛（新竞赛保存后才能录入成绩）")
        if grid.frozen:
            return self.tr("只读：{0}").format(grid.frozen)
        if not self.writable:
            return self.tr("只读：没有录入成绩的权限")
        if not grid.rows:
            return self.tr("本竞赛还没有参赛选手：请先在“参赛选手”页登记")
        text = self.tr("共{0}名选手，成绩保留两位小数（0–100）").format(len(grid.rows))
        if grid.reopened:
            text += self.tr("；成绩已重新开放（{0}），修改将连同原因记入日志").format(grid.reopened)
        return text

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        for column, spec in enumerate(self.model.columns):
            widest = max(metrics.horizontalAdvance(line) for line in spec.header.split("\n"))
            self.table.setColumnWidth(column, max(spec.width, widest + 16))

    def say(self, text: str, *, error: bool = False) -> None:
        """The line under the grid: what was refused (red) or what was done."""
        self.message.say(text, error=error)

    def explain_locked(self, index: QModelIndex) -> None:
        """Why a key typed on a cell that takes nothing did nothing."""
        grid = self.model.grid
        if not index.isValid() or grid is None:
            return
        if grid.frozen or not self.writable:
            self.say(self._note(), error=True)
        elif self.model.avoids(index.row(), index.column()):
            self.say(self.model.avoided_reason(index.row(), index.column()), error=True)
        elif self.model.columns[index.column()].typed is None:
            self.say(self.tr("{0}：{1}").format(
                self.model.columns[index.column()].header.split("\n")[0],
                self.tr("参赛证号、姓名、工作单位请在“参赛选手”页修改；实操、总成绩、暂定名次自动计算")), error=True)

    # --- reading cells --------------------------------------------------------------------------------

    def parse_cell(self, row: int, column: int, text: str) -> int | None:
        """The value to store for ``text`` typed in a cell (hundredths; None: empty); CellRefused naming the
        entrant and the column when it cannot be stored there."""
        grid, spec = self.model.grid, self.model.columns[column]
        if grid is None:
            raise CellRefused(self.tr("请先选择竞赛"))
        entry = self.model.rows[row]
        where = f"{row_label(entry)} {spec.header.split(chr(10))[0]}"
        if grid.frozen:
            raise CellRefused(self.tr("{0}：{1}").format(where, grid.frozen))
        if spec.typed is None:
            raise CellRefused(self.tr("{0}：自动计算或在“参赛选手”页修改，不能在此填写").format(where))
        try:
            return clean_cell(entry, spec.typed, text, grid.rule.judge_count)
        except ValidationError as error:
            raise CellRefused(str(error)) from None

    # --- writing ----------------------------------------------------------------------------------------

    def commit_cell(self, row: int, column: int, text: str) -> None:
        """A cell's text committed (by Enter, Tab or leaving it): refused, or saved."""
        try:
            value = self.parse_cell(row, column, text)
        except CellRefused as refused:
            self.say(str(refused), error=True)
            return
        entry, typed = self.model.rows[row], self.model.columns[column].typed
        assert typed is not None
        old = self.model.value(row, column)
        if old == value or not self.model.writable:
            return
        store, actor = self._context.store, self._context.actor
        try:
            if typed == THEORY:
                cases.set_theory_score(store, actor, entry.uuid, text)
            elif typed == SECONDS:
                cases.update_entrant(store, actor, entry.uuid, {"completion_seconds": value})
            else:
                cases.set_judge_score(store, actor, entry.uuid, int(typed), text)
        except UnionDeskError as error:
            self._refused_write(error)
            return
        self.model.set_row(self.model.with_value(entry, typed, value))
        description = f"{row_label(entry)} {column_label(typed)}"
        self._remember(UndoBlock(description, (ScoreCell(entry.uuid, typed, _as_text(typed, old)),)))
        self.say(self.tr("已保存：{0}").format(description))

    def _remember(self, block: UndoBlock) -> None:
        self._undo.append(block)
        self.undo_button.setEnabled(True)
        self._wrote = True
        self._follow.start()

    def settle(self) -> None:
        """What follows a write: every row's 暂定名次 again and the tab told (run once the cell is painted)."""
        self._follow.stop()
        if not self._wrote:
            return
        self._wrote = False
        self.model.rerank()
        if self._contest is not None:
            self.changed.emit(self._contest)

    def _save_block(self, cells: list[ScoreCell], description: str) -> bool:
        """Save ``cells`` all or none (one use-case call) and show the rows as saved."""
        if self._contest is None or not cells:
            return False
        try:
            rows = save_scores(self._context.store, self._context.actor, self._contest, cells)
        except UnionDeskError as error:
            self._refused_write(error)
            return False
        touched = {cell.entry_uuid for cell in cells}
        self.model.set_rows([row for row in rows if row.uuid in touched])
        self.say(description)
        return True

    def _refused_write(self, error: UnionDeskError) -> None:
        """A write the database refused (someone published or changed the contest meanwhile): the contest is
        read again, after the editor that committed has closed, and the reason is said."""
        self.message.say_after(self._reload, describe(error))

    def undo(self) -> None:
        """Take back the last committed cell or block: the old values saved again (all or none)."""
        if not self._undo or not self.model.writable:
            return
        block = self._undo.pop()
        self.undo_button.setEnabled(bool(self._undo))
        if self._save_block(list(block.cells), self.tr("已撤销：{0}").format(block.description)):
            self._wrote = True
            self._follow.start()

    # --- blocks -----------------------------------------------------------------------------------------

    def _block(self, cells: dict[tuple[int, int], str], description: str) -> bool:
        """Check every cell, then save them all with what undo needs; the first bad cell refuses the block."""
        try:
            values = {(r, c): self.parse_cell(r, c, text) for (r, c), text in sorted(cells.items())}
        except CellRefused as refused:
            self.say(str(refused), error=True)
            return False
        changed = {(r, c): v for (r, c), v in values.items() if self.model.value(r, c) != v}
        if not changed:
            self.say(self.tr("没有改变"))
            return False
        new, old = [], []
        for (r, c), value in changed.items():
            uuid, typed = self.model.rows[r].uuid, self.model.columns[c].typed
            assert typed is not None
            new.append(ScoreCell(uuid, typed, _as_text(typed, value)))
            old.append(ScoreCell(uuid, typed, _as_text(typed, self.model.value(r, c))))
        if not self._save_block(new, self.tr("已保存：{0}").format(description)):
            return False
        self._remember(UndoBlock(description, tuple(old)))
        return True

    def clear_selection(self) -> None:
        """Delete: the selected score cells emptied, in one save."""
        if not self.model.writable:
            self.explain_locked(self.table.currentIndex())
            return
        cells = {(i.row(), i.column()): "" for i in self.table.selected()
                 if self.model.is_editable(i) and self.model.value(i.row(), i.column()) is not None}
        if cells:
            self._block(cells, self.tr("清除 {0} 个单元格").format(len(cells)))

    def paste(self) -> None:
        """Ctrl+V: a tab-separated block (from Excel) written from the current cell on, checked whole first:
        one bad cell writes nothing and is named. An empty cell on a 回避 judge's column is passed over."""
        start = self.table.currentIndex()
        text = clipboard_text()
        if not start.isValid() or not text:
            return
        if not self.model.writable:
            self.explain_locked(start)
            return
        lines = [line.split("\t") for line in text.split("\n")]
        top, left = start.row(), start.column()
        if top + len(lines) > self.model.rowCount():
            self.say(self.tr("没有粘贴：粘贴的 {0} 行超出了最后一名选手").format(len(lines)), error=True)
            return
        if left + max(map(len, lines)) > self.model.columnCount():
            self.say(self.tr("没有粘贴：粘贴的列超出了最后一列"), error=True)
            return
        cells = {(top + r, left + c): value for r, line in enumerate(lines) for c, value in enumerate(line)
                 if value.strip() or not self.model.avoids(top + r, left + c)}
        if self._block(cells, self.tr("粘贴 {0} 行").format(len(lines))):
            self.table.highlight_block(start, lines)

    # --- score sheets -----------------------------------------------------------------------------------

    def choose_import(self) -> None:
        """导入成绩…: the import wizard on a score sheet for this contest."""
        self.open_import_wizard()

    def open_import_wizard(self) -> ImportWizard | None:
        """The import wizard (window-modal) in score-sheet mode for the contest shown; None when nothing may
        be imported. Its import reloads the grid and can be undone as one block."""
        from desktop.documents.excel.score_sheet import ScoreSheetTarget  # the spreadsheet readers load now
        from desktop.ui.excel.import_wizard import ImportWizard

        grid = self.model.grid
        if self._contest is None or grid is None or not self.model.writable:
            return None
        self.settle()
        target = ScoreSheetTarget(grid.contest_uuid, grid.name, grid.rule.judge_count)
        wizard = ImportWizard(self._context, self._settings or Settings(), parent=self, target=target)
        wizard.setWindowTitle(self.tr("导入成绩表"))
        before = {row.uuid: row for row in self.model.rows}
        wizard.imported.connect(lambda _name, written: self._imported(before, wizard.file_page.path_edit.text(),
                                                                      written))
        wizard.finished.connect(wizard.deleteLater)
        wizard.open()
        return wizard

    def _imported(self, before: dict[str, ScoreRow], path: str, written: dict[str, int]) -> None:
        """After the wizard's import: the contest read again, the import kept as one undo block, the tab told."""
        undo = self._undo
        self._reload()
        self._undo = undo
        judge_count = self.model.grid.rule.judge_count if self.model.grid else 0
        old = [ScoreCell(uuid, typed, _as_text(typed, value)) for uuid, row in before.items()
               for typed, value in _cells(row, judge_count)
               if (at := self.model.row_of(uuid)) >= 0 and _value_of(self.model.rows[at], typed) != value]
        name = Path(path).name
        if old:
            self._remember(UndoBlock(self.tr("导入 {0}").format(name), tuple(old)))
        self.say(self.tr("已导入 {0}：{1}名选手的{2}项成绩有变化").format(
            name, written.get("update", 0), written.get("cells", 0)))

    def choose_export(self) -> None:
        """导出成绩表…: the grid as a score sheet to fill in (or keep)."""
        grid = self.model.grid
        if grid is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出成绩表"), f"{grid.name}成绩表.xlsx",
                                              "Excel (*.xlsx)")
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        from desktop.documents.excel.score_sheet import write_score_sheet

        grid = self.model.grid
        if grid is None:
            return
        try:
            write_score_sheet(path, dataclasses.replace(grid, rows=list(self.model.rows)))  # as typed since
        except OSError as error:
            self.say(describe(error), error=True)
            return
        self.say(self.tr("已导出：{0}").format(path))


def _as_text(typed: Column, value: int | None) -> str | None:
    """A stored value as a clerk would type it again (what undo saves)."""
    if value is None:
        return None
    return str(value) if typed == SECONDS else points(value)


def _value_of(row: ScoreRow, typed: Column) -> int | None:
    if typed == THEORY:
        return row.theory
    if typed == SECONDS:
        return row.seconds
    return row.judges.get(int(typed))


def _cells(row: ScoreRow, judge_count: int) -> list[tuple[Column, int | None]]:
    columns: list[Column] = [THEORY, SECONDS, *range(1, judge_count + 1)]
    return [(typed, _value_of(row, typed)) for typed in columns]
