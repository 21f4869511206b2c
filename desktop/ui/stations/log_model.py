"""A station's service log (台账) of one year as a table: a row per month (1月…12月) and a last row of the year's
totals; a column per visiting group, their total (computed), and the three texts. The model only shows what
it was given (:class:`db.stations.logs.LogYear`) and the logs saved since; the grid saves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from db.fields import Field
from db.stations.fields import LOG_TABLE
from db.stations.logs import LOG_TEXTS, VISIT_GROUPS, LogYear, MonthLog
from desktop.ui.common.sheet_model import Index, SheetModel

TOTAL = "visits_total"
MONTHS = 12
TOTAL_ROW = MONTHS  # the row after December: the year's totals by column
CLOSED_BRUSH = QBrush(QColor("#ececec"))
CLOSED_TEXT = QBrush(QColor("#8a8a8a"))
TOTAL_BRUSH = QBrush(QColor("#f4f6fa"))


@dataclass(frozen=True)
class LogColumn:
    """A column of the grid: the log attribute it shows, its header, and whether it is a count."""

    attr: str
    header: str
    count: bool
    width: int

    @property
    def field(self) -> Field:
        return LOG_TABLE.field(self.attr)


def log_columns() -> tuple[LogColumn, ...]:
    """The grid's columns from the log's declaration: the groups, their total (合计), the texts."""
    groups = tuple(LogColumn(attr, _label(attr), True, 64) for attr in VISIT_GROUPS)
    total = LogColumn(TOTAL, QCoreApplication.translate("StationLogGrid", "合计"), True, 56)
    texts = tuple(LogColumn(attr, _label(attr), False, 150) for attr in LOG_TEXTS)
    return (*groups, total, *texts)


def _label(attr: str) -> str:
    """A log field's declared caption, in the UI's language."""
    return QCoreApplication.translate("RegistryFields", LOG_TABLE.field(attr).label)


def month_label(month: int) -> str:
    return QCoreApplication.translate("StationLogGrid", "{0}月").format(month)


class MonthLogModel(SheetModel):
    """A year of a station's month logs (rows 0–11) and their totals (row 12), read-only to Qt's editing:
    the grid's delegate hands typed text to the grid, which saves it and gives the model the saved log."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = log_columns()
        self._year: LogYear | None = None
        self._months: dict[int, MonthLog] = {}
        self._totals: dict[str, int] | None = None  # the year's sums by attribute, until a month changes

    # --- what it holds --------------------------------------------------------------------------------

    def load(self, year: LogYear | None, writable: bool) -> None:
        """Show ``year`` (None: no station, an empty grid); ``writable`` when the user may enter logs."""
        self.beginResetModel()
        self._year = year
        self._months = dict(year.months) if year is not None else {}
        self._writable = writable
        self._totals = None
        self.endResetModel()

    @property
    def year(self) -> LogYear | None:
        return self._year

    def month_log(self, month: int) -> MonthLog | None:
        return self._months.get(month)

    def set_month_log(self, month: int, log: MonthLog | None) -> None:
        """A month's log as saved now (None: taken back); repaints its row and the totals, nothing else."""
        if log is None:
            self._months.pop(month, None)
        else:
            self._months[month] = log
        self._totals = None
        last = len(self.columns) - 1
        self.dataChanged.emit(self.index(month - 1, 0), self.index(month - 1, last))
        self.dataChanged.emit(self.index(TOTAL_ROW, 0), self.index(TOTAL_ROW, last))

    def closed_reason(self, month: int) -> str | None:
        """Why ``month`` cannot be entered (None: it can), as the rules said when the year was read."""
        if self._year is None:
            return QCoreApplication.translate("StationLogGrid", "请先选择驿站")
        return self._year.closed.get(month)

    def value(self, row: int, column: int) -> Any:
        """The stored value of a cell (the totals row: the year's sum of a count, nothing for a text)."""
        attr = self.columns[column].attr
        if row == TOTAL_ROW:
            if not self.columns[column].count:
                return None
            if self._totals is None:
                self._totals = {c.attr: sum(int(log.values.get(c.attr) or 0) for log in self._months.values())
                                for c in self.columns if c.count}
            return self._totals[attr]
        log = self._months.get(row + 1)
        return None if log is None else log.values.get(attr)

    def text(self, row: int, column: int) -> str:
        value = self.value(row, column)
        return "" if value is None else str(value)

    # --- Qt -------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else MONTHS + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        if section == TOTAL_ROW:
            return QCoreApplication.translate("StationLogGrid", "合计")
        return month_label(section + 1)

    def takes_input(self, row: int, column: int) -> bool:
        return row != TOTAL_ROW and self.columns[column].attr != TOTAL and not self.closed_reason(row + 1)

    def look(self, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[column].count:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row == TOTAL_ROW:
            if role == Qt.ItemDataRole.BackgroundRole:
                return TOTAL_BRUSH
            return None
        reason = self.closed_reason(row + 1)
        if reason is not None and role == Qt.ItemDataRole.BackgroundRole:
            return CLOSED_BRUSH
        if reason is not None and role == Qt.ItemDataRole.ForegroundRole:
            return CLOSED_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            if reason is not None:
                return f"{month_label(row + 1)}：{reason}"
            if self.columns[column].attr == TOTAL:
                return QCoreApplication.translate("StationLogGrid", "各类人次之和，自动计算")
            if not self.columns[column].count:
                return self.text(row, column) or None
        return None
