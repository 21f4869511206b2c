"""The model under a sheet table (desktop/ui/common/sheet_table.py) — the contest's scores and the station's
month logs: read-only to Qt's editing (the grid's delegate hands typed text to the grid, which saves it and
gives the model the saved record), answering only the roles a grid paints."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
_ROLES = frozenset(int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole))


class SheetModel(QAbstractTableModel):
    """A grid's cells. A subclass says what a cell reads (``text``), whether it takes input while the grid is
    writable (``takes_input``) and how it looks (``look``: alignment, colours, tooltip)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writable = False

    def text(self, row: int, column: int) -> str:
        raise NotImplementedError

    def takes_input(self, row: int, column: int) -> bool:
        raise NotImplementedError

    def look(self, row: int, column: int, role: int) -> Any:  # noqa: ARG002 (a subclass reads them)
        return None

    def is_editable(self, index: Index) -> bool:
        return bool(self.flags(index) & Qt.ItemFlag.ItemIsEditable)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid() or not self._writable or not self.takes_input(index.row(), index.column()):
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():  # a repaint asks for a dozen roles of every cell
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.text(index.row(), index.column())
        return self.look(index.row(), index.column(), role)
