"""The service log (台账) of a station as a grid a clerk types into like a spreadsheet: a year of months, each
committed cell saved at once (:func:`db.stations.logs.save_month_log`), the totals following.

Keys as in Excel: typing on a cell replaces it, F2 edits it, Enter commits and moves down, Tab right and
Shift+Tab left, Delete clears the selected cells, Ctrl+C copies and Ctrl+V pastes a tab-separated block,
Ctrl+Z takes back the last committed cell or block. A bad cell is refused where it is typed, naming the month
and the column, and nothing is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.errors import UnionDeskError, ValidationError
from db.stations import logs
from db.stations.logs import MonthLog
from desktop.ui.common.sheet_table import (
    NOTE_STYLE,
    CellRefused,
    SheetDelegate,
    SheetMessage,
    SheetTable,
    clipboard_text,
)
from desktop.ui.context import AppContext
from desktop.ui.messages import describe
from desktop.ui.stations.log_model import MONTHS, TOTAL, TOTAL_ROW, MonthLogModel, month_label
from desktop.ui.stations.year_view import YearTotalsDialog, step_button

WRITE = "records.write"
FIRST_YEAR = 2000


@dataclass(frozen=True)
class MonthUndo:
    """How to take back what one save did to a month: ``old`` values of the attributes it changed, or None
    when the save created the month's log (taken back by deleting it)."""

    month: int
    old: dict[str, Any] | None


@dataclass(frozen=True)
class UndoBlock:
    """One committed cell or pasted/cleared block: its months, in the order saved."""

    description: str
    months: tuple[MonthUndo, ...]


class StationLogGrid(QWidget):
    """A station's month logs of a year, typed in like a spreadsheet and saved cell by cell.

    Signals:
        changed(str): the station's uuid, after its logs were written (a cell, a block, an undo).
    """

    changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._station: str | None = None
        self._undo: list[UndoBlock] = []
        self.writable = context.actor.can(WRITE)
        self.model = MonthLogModel(self)
        self.totals_dialog: YearTotalsDialog | None = None

        self.previous_year = step_button("◀", self.tr("上一年"))
        self.next_year = step_button("▶", self.tr("下一年"))
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, dt.date.today().year + 1)
        self.year.setSuffix(self.tr(" 年"))
        self.year.setValue(dt.date.today().year)
        self.year_totals = QPushButton(self.tr("年度汇总"))
        self.undo_button = QPushButton(self.tr("撤销"))
        self.undo_button.setToolTip(self.tr("撤销最近一次录入（Ctrl+Z）"))
        self.undo_button.setEnabled(False)
        self.note = QLabel()
        self.note.setStyleSheet(NOTE_STYLE)
        if not self.writable:
            self.note.setText(self.tr("只读：没有录入和修改台账的权限"))
            self.undo_button.hide()
        bar = QHBoxLayout()
        for widget in (self.previous_year, self.year, self.next_year):
            bar.addWidget(widget)
        bar.addWidget(self.note, 1)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.year_totals)

        self.table = SheetTable(self, self)
        self.table.setModel(self.model)
        self.delegate = SheetDelegate(self, self, right_aligned=lambda column: self.model.columns[column].count)
        self.table.setItemDelegate(self.delegate)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed if self.writable
            else QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.table.setWordWrap(False)
        self._size_columns()

        self.message = SheetMessage()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

        self.previous_year.clicked.connect(lambda: self.year.stepBy(-1))
        self.next_year.clicked.connect(lambda: self.year.stepBy(1))
        self.year.valueChanged.connect(lambda _year: self._reload())
        self.year_totals.clicked.connect(self.open_year_totals)
        self.undo_button.clicked.connect(self.undo)
        self._reload()

    # --- what it shows --------------------------------------------------------------------------------

    @property
    def station(self) -> str | None:
        return self._station

    def show_station(self, uuid: str | None) -> None:
        """Show the logs of station ``uuid`` (None: none) in the year selected."""
        self._station = uuid
        self._reload()

    def _size_columns(self) -> None:
        """Each count wide enough for its header and a seven-digit number; the texts wider (they scroll)."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for column, spec in enumerate(self.model.columns):
            wanted = max(metrics.horizontalAdvance(spec.header), metrics.horizontalAdvance("0000000")) + 18
            self.table.setColumnWidth(column, wanted if spec.count else max(wanted, spec.width))
        header.setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def _reload(self) -> None:
        """Read the year anew; what undo could take back belongs to what was shown before."""
        self._undo.clear()
        self.undo_button.setEnabled(False)
        self.say("")
        self.previous_year.setEnabled(self.year.value() > self.year.minimum())
        self.next_year.setEnabled(self.year.value() < self.year.maximum())
        self.year_totals.setEnabled(self._station is not None)
        self.table.setEnabled(self._station is not None)
        if self._station is None:
            self.model.load(None, False)
            return
        try:
            year = logs.log_year(self._context.store, self._station, self.year.value())
        except UnionDeskError as error:
            self.model.load(None, False)
            self.say(describe(error), error=True)
            return
        self.model.load(year, self.writable)

    def say(self, text: str, *, error: bool = False) -> None:
        """The line under the grid: what was refused (red) or what was done."""
        self.message.say(text, error=error)

    def explain_locked(self, index: QModelIndex) -> None:
        if not index.isValid() or not self.writable:
            return
        if index.row() == TOTAL_ROW or self.model.columns[index.column()].attr == TOTAL:
            self.say(self.tr("合计由各类人次自动计算，不能填写"), error=True)
            return
        reason = self.model.closed_reason(index.row() + 1)
        if reason:
            self.say(f"{month_label(index.row() + 1)}：{reason}", error=True)

    def open_year_totals(self) -> None:
        """The year view of this station (年度汇总), for the year shown."""
        if self._station is None:
            return
        self.totals_dialog = YearTotalsDialog(self._context, self._station, self, year=self.year.value())
        self.totals_dialog.open()

    # --- reading cells --------------------------------------------------------------------------------

    def parse_cell(self, row: int, column: int, text: str) -> Any:
        """The value to store for ``text`` typed in a cell (an empty count is 0); CellRefused naming the
        month and column when it cannot be stored there."""
        spec = self.model.columns[column]
        where = f"{month_label(row + 1)} {spec.header}"
        if row == TOTAL_ROW or spec.attr == TOTAL:
            raise CellRefused(self.tr("{0}：合计自动计算，不能填写").format(where))
        reason = self.model.closed_reason(row + 1)
        if reason:
            raise CellRefused(f"{month_label(row + 1)}：{reason}")
        if spec.count and not text.strip():
            return 0
        try:
            return spec.field.clean(text)
        except ValidationError as error:
            if spec.count and not error.reason.startswith("不能大于"):
                raise CellRefused(self.tr("{0}：必须是不小于0的整数").format(where)) from None
            raise CellRefused(f"{where}：{error.reason}") from None

    def _months_of(self, cells: dict[tuple[int, int], str]) -> dict[int, dict[str, Any]]:
        """Cells (row, column) → text, checked all, as each month's values; CellRefused for the first bad."""
        months: dict[int, dict[str, Any]] = {}
        for (row, column), text in sorted(cells.items()):
            value = self.parse_cell(row, column, text)
            months.setdefault(row + 1, {})[self.model.columns[column].attr] = value
        return months

    # --- writing ----------------------------------------------------------------------------------------

    def commit_cell(self, row: int, column: int, text: str) -> None:
        """A cell's text committed (by Enter, Tab or leaving it): refused, or saved with its month."""
        try:
            months = self._months_of({(row, column): text})
        except CellRefused as refused:
            self.say(str(refused), error=True)
            return
        if self.model.month_log(row + 1) is None and not text.strip():
            return  # nothing typed into a month not entered: no empty log
        spec = self.model.columns[column]
        self._write(months, f"{month_label(row + 1)} {spec.header}")

    def _write(self, months: dict[int, dict[str, Any]], description: str) -> bool:
        """Save each month's values (one call a month, only what differs), show them, remember the undo."""
        if self._station is None or not self.writable:
            return False
        saved: list[MonthUndo] = []
        year = self.year.value()
        try:
            for month, entries in sorted(months.items()):
                before = self.model.month_log(month)
                if before is None:
                    log = logs.save_month_log(self._context.store, self._context.actor, self._station,
                                              dt.date(year, month, 1), entries)
                    saved.append(MonthUndo(month, None))
                else:
                    changed = {attr: value for attr, value in entries.items() if before.values.get(attr) != value}
                    if not changed:
                        continue
                    log = logs.save_month_log(self._context.store, self._context.actor, self._station,
                                              dt.date(year, month, 1), changed, log_uuid=before.uuid,
                                              expected_rev=before.rev)
                    saved.append(MonthUndo(month, {attr: before.values.get(attr) for attr in changed}))
                self.model.set_month_log(month, MonthLog.of(log))
        except UnionDeskError as error:
            self._refused_write(error)
        else:
            self.say(self.tr("已保存：{0}").format(description) if saved else "")
        if saved:
            self._undo.append(UndoBlock(description, tuple(saved)))
            self.undo_button.setEnabled(True)
            self.changed.emit(self._station)
        return bool(saved)

    def _refused_write(self, error: UnionDeskError) -> None:
        """A write the database refused (someone changed the month or the station meanwhile): the year is read
        again, so that the grid shows what is on file, and the reason is said. Read after the editor that
        committed has closed: a model reset under an open editor would leave Qt committing a dead one."""
        self.message.say_after(self._reload, describe(error))

    def undo(self) -> None:
        """Take back the last committed cell or block: the old values saved again, a month created deleted."""
        if not self._undo or self._station is None or not self.writable:
            return
        block = self._undo.pop()
        self.undo_button.setEnabled(bool(self._undo))
        year = self.year.value()
        try:
            for entry in reversed(block.months):
                current = self.model.month_log(entry.month)
                if current is None:
                    continue
                if entry.old is None:
                    logs.delete_month_log(self._context.store, self._context.actor, current.uuid)
                    self.model.set_month_log(entry.month, None)
                else:
                    log = logs.save_month_log(self._context.store, self._context.actor, self._station,
                                              dt.date(year, entry.month, 1), entry.old, log_uuid=current.uuid,
                                              expected_rev=current.rev)
                    self.model.set_month_log(entry.month, MonthLog.of(log))
        except UnionDeskError as error:
            self._refused_write(error)
            self.changed.emit(self._station)
            return
        self.say(self.tr("已撤销：{0}").format(block.description))
        self.changed.emit(self._station)

    # --- blocks -----------------------------------------------------------------------------------------

    def clear_selection(self) -> None:
        """Delete: the selected cells of entered months emptied (counts 0), one save per month."""
        cells = {(i.row(), i.column()): "" for i in self.table.selected()
                 if self.model.is_editable(i) and self.model.month_log(i.row() + 1) is not None}
        if not cells:
            return
        try:
            months = self._months_of(cells)
        except CellRefused as refused:
            self.say(str(refused), error=True)
            return
        self._write(months, self.tr("清除 {0} 个单元格").format(len(cells)))

    def paste(self) -> None:
        """Ctrl+V: a tab-separated block (from Excel) written from the current cell on, checked whole first:
        one bad cell writes nothing and is named. A pasted 合计 column is skipped (it is computed)."""
        start = self.table.currentIndex()
        text = clipboard_text()
        if not self.writable or self._station is None or not start.isValid() or not text:
            return
        lines = [line.split("\t") for line in text.split("\n")]
        try:
            cells = self._block_cells(start.row(), start.column(), lines)
            months = self._months_of(cells)
        except CellRefused as refused:
            self.say(self.tr("没有粘贴：{0}").format(refused), error=True)
            return
        if self._write(months, self.tr("粘贴 {0} 行").format(len(lines))):
            self.table.highlight_block(start, lines)

    def _block_cells(self, top: int, left: int, lines: list[list[str]]) -> dict[tuple[int, int], str]:
        if top + len(lines) > MONTHS:
            raise CellRefused(self.tr("粘贴的 {0} 行超出了12月").format(len(lines)))
        if left + max(map(len, lines)) > len(self.model.columns):
            raise CellRefused(self.tr("粘贴的列超出了最后一列"))
        return {(top + r, left + c): value for r, line in enumerate(lines) for c, value in enumerate(line)
                if self.model.columns[left + c].attr != TOTAL}

