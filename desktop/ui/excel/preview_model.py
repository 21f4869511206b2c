"""The import preview's table: one line per row of an ImportPlan, its text computed only when shown.

A roster may have 100,000 rows, so the model keeps the plan's list and, for a filter, a list of row
positions; ``data()`` builds each cell's text on demand.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from db.tabular.plan import VERDICT_LABELS, ImportPlan, RowVerdict
from desktop.documents.excel.importer import row_details

ROW_NO, VERDICT, RECORD, DETAILS = range(4)
ERROR_TINT = QColor("#fde2e4")
UUID_ROLE = Qt.ItemDataRole.UserRole + 1  # the matched record's uuid, if any

Index = QModelIndex | QPersistentModelIndex


class VerdictTableModel(QAbstractTableModel):
    """The verdict rows of an import plan, optionally only those of one verdict."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[RowVerdict] = ()
        self._shown: Sequence[int] = range(0)
        self._verdict: str | None = None
        self._sheet_starts: list[tuple[int, str]] = []  # (first position, title) of each further sheet
        self._headers = [self.tr("行号"), self.tr("结果"), self.tr("记录"), self.tr("说明")]

    def set_plan(self, plan: ImportPlan | None) -> None:
        """Show ``plan``'s rows, then those of its further sheets (行号 naming their sheet)."""
        self.beginResetModel()
        self._rows = plan.rows if plan is not None else ()
        self._sheet_starts = []
        if plan is not None and plan.sheets:
            rows = list(plan.rows)
            for sheet in plan.sheets:
                self._sheet_starts.append((len(rows), sheet.title))
                rows.extend(sheet.rows)
            self._rows = rows
        self._shown = self._positions()
        self.endResetModel()

    def sheet_of(self, position: int) -> str:
        """The title of the further sheet the shown row ``position`` comes from ("" for the first sheet's)."""
        index = self._shown[position]
        return next((title for start, title in reversed(self._sheet_starts) if index >= start), "")

    def set_verdict_filter(self, verdict: str | None) -> None:
        """Show only rows of ``verdict`` ("error", "new", …), or every row for None."""
        self.beginResetModel()
        self._verdict = verdict
        self._shown = self._positions()
        self.endResetModel()

    def _positions(self) -> Sequence[int]:
        if self._verdict is None:
            return range(len(self._rows))
        return [i for i, row in enumerate(self._rows) if row.verdict == self._verdict]

    def row_at(self, position: int) -> RowVerdict:
        return self._rows[self._shown[position]]

    # ----- QAbstractTableModel ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name and signature
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        row = self.row_at(index.row())
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and column != DETAILS:
                return None
            if column == ROW_NO and self._sheet_starts:
                title = self.sheet_of(index.row())
                return f"{title} {row.row_no}" if title else str(row.row_no)
            return self._text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and row.verdict == "error":
            return QBrush(ERROR_TINT)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ROW_NO:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == UUID_ROLE:
            return row.uuid
        return None

    @staticmethod
    def _text(row: RowVerdict, column: int) -> str:
        if column == ROW_NO:
            return str(row.row_no)
        if column == VERDICT:
            return VERDICT_LABELS.get(row.verdict, row.verdict)
        if column == RECORD:
            return row.summary
        return row_details(row)
