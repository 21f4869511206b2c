"""The keys a page's record table answers itself, before the window's own shortcuts (the form's 撤销 has
Ctrl+Z): Ctrl+Z takes back the page's last change while it has one, Enter edits the selected row, Delete
removes it — as a spreadsheet user expects of the table in front of them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView

Action = Callable[[], object]


class TableKeys(QObject):
    """Installed on ``table``: each given action on its key (``can_undo`` says whether Ctrl+Z is the page's
    now; when not, the window's 撤销 gets it)."""

    def __init__(self, table: QAbstractItemView, *, undo: Action | None = None,
                 can_undo: Callable[[], bool] = lambda: True, edit: Action | None = None,
                 remove: Action | None = None) -> None:
        super().__init__(table)
        self._table = table
        self._undo, self._can_undo, self._edit, self._remove = undo, can_undo, edit, remove
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._table and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            action = self._action(event)
            if action is not None:
                if event.type() == QEvent.Type.KeyPress:
                    action()
                event.accept()
                return True
        return super().eventFilter(watched, event)

    def _action(self, event: QKeyEvent) -> Action | None:
        if event.matches(QKeySequence.StandardKey.Undo):
            return self._undo if self._undo is not None and self._can_undo() else None
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return None
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self._edit
        if event.key() == Qt.Key.Key_Delete:
            return self._remove
        return None
