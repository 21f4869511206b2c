"""A read-only table model over a short list of records (the 同步 tab's offices, batches and conflicts)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

T = TypeVar("T")
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the record's key: an office code, a batch or conflict uuid
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a native value to sort by

Index = QModelIndex | QPersistentModelIndex
WARNING = "#b00020"  # as the error labels (desktop.ui.messages.ERROR_STYLE)
MUTED = "#808080"


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its (translated) header, the text of a record, optionally a tooltip, alignment, sort value."""

    header: str
    text: Callable[[T], str]
    width: int = 100
    tooltip: Callable[[T], str] | None = None
    align_right: bool = False
    sort: Callable[[T], Any] | None = None
    color: Callable[[T], str | None] | None = None  # a text colour that marks the record (a warning, "none")


class ListModel(QAbstractTableModel, Generic[T]):
    """Rows are records of type T, columns are :class:`Column`; replaced whole when the tab reloads."""

    def __init__(self, columns: Sequence[Column[T]], key: Callable[[T], str], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._key = key
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def position_of(self, key: str) -> int | None:
        return next((i for i, record in enumerate(self._rows) if self._key(record) == key), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.row_at(index.row()) if index.isValid() else None
        if record is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record) or None
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            name = column.color(record)
            return QBrush(QColor(name)) if name else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == KEY_ROLE:
            return self._key(record)
        if role == SORT_ROLE:
            return column.sort(record) if column.sort is not None else column.text(record)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self.columns[section].header
        return None

    def column_widths(self) -> list[int]:
        return [column.width for column in self.columns]
