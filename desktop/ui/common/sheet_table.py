"""A grid of cells as Excel users expect them — the contest's score grid (desktop/ui/contests/score_grid.py) and
the station's service log (desktop/ui/stations/log_grid.py): an editor that checks the text on Enter, Tab and
Shift+Tab before it lets the cursor move, and a table whose keys commit, move, clear, copy, paste and undo.
The grid that owns them checks and saves; these only read its model's texts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.ui.common.sheet_model import Index, SheetModel
from desktop.ui.messages import ERROR_STYLE

NOTE_STYLE = "color: #555"
_MOVES = {Qt.Key.Key_Return: (1, 0), Qt.Key.Key_Enter: (1, 0), Qt.Key.Key_Tab: (0, 1), Qt.Key.Key_Backtab: (0, -1)}


class CellRefused(Exception):
    """A typed or pasted cell that cannot be saved; the message names the cell (its row and column)."""


class SheetGrid(Protocol):
    """The widget that owns a sheet table: it checks, saves, clears, pastes, undoes and explains."""

    @property
    def model(self) -> SheetModel: ...

    @property
    def table(self) -> SheetTable: ...

    def parse_cell(self, row: int, column: int, text: str) -> Any: ...

    def commit_cell(self, row: int, column: int, text: str) -> Any: ...

    def say(self, text: str, *, error: bool = False) -> None: ...

    def explain_locked(self, index: QModelIndex) -> None: ...

    def clear_selection(self) -> None: ...

    def paste(self) -> None: ...

    def undo(self) -> None: ...


class SheetMessage(QLabel):
    """The line under a grid: what was refused (red) or what was done."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def say(self, text: str, *, error: bool = False) -> None:
        style = ERROR_STYLE if error else NOTE_STYLE
        if self.styleSheet() != style:  # a style sheet set again re-polishes: not on every cell
            self.setStyleSheet(style)
        self.setText(text)

    def say_after(self, reload: Callable[[], None], text: str) -> None:
        """A refused write: ``text`` said now and again after ``reload`` — run once the editor that committed
        has closed (a model reset under an open editor would leave Qt committing a dead one)."""
        self.say(text, error=True)

        def then() -> None:
            reload()
            self.say(text, error=True)

        QTimer.singleShot(0, then)


def clipboard_text() -> str:
    """The clipboard's text as Excel copies it, its line ends made ``\\n`` and the last one dropped."""
    return QGuiApplication.clipboard().text().replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")


class SheetDelegate(QStyledItemDelegate):
    """Edits a cell in a line edit and hands the text to the grid. Enter, Tab and Shift+Tab check the text
    first: a bad one keeps the editor open (the grid says why), a good one is committed and the cursor moves.
    ``right_aligned(column)`` says which columns edit right-aligned (numbers); all of them when not given."""

    def __init__(self, grid: SheetGrid, parent: QWidget,
                 right_aligned: Callable[[int], bool] | None = None) -> None:
        super().__init__(parent)
        self._grid = grid
        self._right_aligned = right_aligned
        self._editing = QPersistentModelIndex()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: ARG002 (Qt's signature)
                     index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        if self._right_aligned is None or self._right_aligned(index.column()):
            editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._editing = QPersistentModelIndex(index)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(self._grid.model.text(index.row(), index.column()))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: ARG002 (Qt's signature)
        assert isinstance(editor, QLineEdit)
        self._grid.commit_cell(index.row(), index.column(), editor.text())

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and isinstance(editor, QLineEdit)
                and event.key() in _MOVES and self._editing.isValid()):
            row, column = self._editing.row(), self._editing.column()
            try:
                self._grid.parse_cell(row, column, editor.text())
            except CellRefused as refused:
                self._grid.say(str(refused), error=True)
                return True  # the editor stays open on the bad text
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            down, right = _MOVES[Qt.Key(event.key())]
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and down:
                down = -down  # Shift+Enter: up, as in Excel
            self._grid.table.move_by(down, right)
            return True
        return super().eventFilter(editor, event)


class SheetTable(QTableView):
    """A grid's table: Excel's keys on cells that are not being edited."""

    def __init__(self, grid: SheetGrid, parent: QWidget) -> None:
        super().__init__(parent)
        self._grid = grid

    def move_by(self, rows: int, columns: int) -> None:
        index = self.currentIndex()
        model = self.model()
        if not index.isValid() or model is None:
            return
        row = min(max(index.row() + rows, 0), model.rowCount() - 1)
        column = min(max(index.column() + columns, 0), model.columnCount() - 1)
        self.setCurrentIndex(model.index(row, column))

    def highlight_block(self, start: QModelIndex, lines: list[list[str]]) -> None:
        """Show a pasted block as the selection, from ``start`` over its rows and widest line."""
        model = self.model()
        last = model.index(start.row() + len(lines) - 1, start.column() + max(map(len, lines)) - 1)
        chosen = self.selectionModel()
        chosen.select(QItemSelection(start, last), chosen.SelectionFlag.ClearAndSelect)

    def selected(self) -> list[QModelIndex]:
        """The selected cells, row by row."""
        return sorted(self.selectionModel().selectedIndexes(), key=lambda i: (i.row(), i.column()))

    def copy_selection(self) -> None:
        """Ctrl+C: the selected block as tab-separated lines, as Excel pastes it."""
        chosen = self.selected()
        if not chosen:
            return
        rows = range(chosen[0].row(), chosen[-1].row() + 1)
        columns = range(min(i.column() for i in chosen), max(i.column() for i in chosen) + 1)
        picked = {(i.row(), i.column()) for i in chosen}
        model = self._grid.model
        lines = ["\t".join(model.text(r, c) if (r, c) in picked else "" for c in columns) for r in rows]
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self._grid.paste()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self._grid.undo()
        elif not editing and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._grid.clear_selection()
        elif not editing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_by(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1, 0)
        else:
            if not editing and event.text().strip() and not self._grid.model.is_editable(self.currentIndex()):
                self._grid.explain_locked(self.currentIndex())
            super().keyPressEvent(event)
