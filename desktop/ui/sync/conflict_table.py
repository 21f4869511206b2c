"""Both sides of a sync conflict field by field, and in a merge the side the person keeps of each field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QTableView, QWidget

from db.sync.settle import FieldRow

FIELD, LOCAL, INCOMING, RESULT = range(4)
LOCAL_SIDE, INCOMING_SIDE = "local", "incoming"  # the side names settle() takes in its picks
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the field's key (a column name of the table)
DIFF_TINT = QColor("#fff3cd")  # a field whose two sides differ
KEPT_TINT = QColor("#d6f0dc")  # the side a merge keeps
MUTED = QColor("#8a8a8a")
_SIDES = {LOCAL: LOCAL_SIDE, INCOMING: INCOMING_SIDE}
_Index = QModelIndex | QPersistentModelIndex


class ConflictFieldsModel(QAbstractTableModel):
    """One row per field of a conflict: its label, the local and the incoming value, and the merge result.

    In pick mode every pickable field that differs carries a check box in each side's cell, exactly one of
    them checked: the value the merge keeps. Every field starts on the local side.
    """

    def __init__(self, fields: list[FieldRow], local_title: str, incoming_title: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fields = fields
        # "本单位现有：属于…" on two lines, so that a column need not be as wide as the whole title
        self.titles = (local_title.replace("：", "\n", 1), incoming_title.replace("：", "\n", 1))
        self.picking = False
        self.incoming: set[str] = set()  # keys of the fields taken from the incoming side

    # ----- picking ----------------------------------------------------------------------------------
    def set_picking(self, on: bool) -> None:
        self.picking = on
        if self.fields:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.fields) - 1, RESULT))

    def choosable(self, row: int) -> bool:
        """Whether the person chooses a side for ``row`` (in pick mode, a pickable field that differs)."""
        if not (self.picking and 0 <= row < len(self.fields)):
            return False
        field = self.fields[row]
        return field.pickable and field.differs

    def side(self, row: int) -> str:
        return INCOMING_SIDE if self.fields[row].key in self.incoming else LOCAL_SIDE

    def pick(self, row: int, side: str) -> None:
        if not self.choosable(row) or side == self.side(row):
            return
        key = self.fields[row].key
        if side == INCOMING_SIDE:
            self.incoming.add(key)
        else:
            self.incoming.discard(key)
        self.dataChanged.emit(self.index(row, FIELD), self.index(row, RESULT))

    def toggle(self, row: int) -> None:
        if self.choosable(row):
            self.pick(row, LOCAL_SIDE if self.side(row) == INCOMING_SIDE else INCOMING_SIDE)

    def picks(self) -> dict[str, str]:
        """The ``picks`` argument of :func:`db.sync.settle.settle`: the fields taken from the incoming row."""
        return {f.key: INCOMING_SIDE for f in self.fields if f.key in self.incoming}

    def picked_labels(self) -> list[str]:
        return [f.label for f in self.fields if f.key in self.incoming]

    def row_of(self, key: str) -> int:
        return next(row for row, field in enumerate(self.fields) if field.key == key)

    # ----- the model --------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.fields)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("字段"), self.titles[0], self.titles[1], self.tr("合并结果"))[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in _SIDES and self.choosable(index.row()):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A click on a side's check box picks that side (a radio pair: unchecking alone does nothing)."""
        if role != Qt.ItemDataRole.CheckStateRole or index.column() not in _SIDES:
            return False
        if not self.choosable(index.row()) or Qt.CheckState(value) != Qt.CheckState.Checked:
            return False
        self.pick(index.row(), _SIDES[index.column()])
        return True

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        field, column = self.fields[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(field, column)
        if role == KEY_ROLE:
            return field.key
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), column)
        if role == Qt.ItemDataRole.CheckStateRole and column in _SIDES and self.choosable(index.row()):
            kept = _SIDES[column] == self.side(index.row())
            return Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and field.differs:
            font = QFont()
            font.setBold(not self._muted(index.row(), column))
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(index.row(), column)
        if role == Qt.ItemDataRole.ForegroundRole and self._muted(index.row(), column):
            return QBrush(MUTED)
        return None

    def _text(self, field: FieldRow, column: int) -> str:
        if column == FIELD:
            return field.label
        if column == RESULT:
            if field.key in self.incoming:
                return self.tr("{0}（来件）").format(field.incoming or self.tr("（空）"))
            value = field.local
        else:
            value = field.local if column == LOCAL else field.incoming
        return value or (self.tr("（空）") if field.differs else "")

    def _kept(self, row: int, column: int) -> bool:
        return column in _SIDES and self.choosable(row) and _SIDES[column] == self.side(row)

    def _background(self, row: int, column: int) -> QBrush | None:
        field = self.fields[row]
        if self._kept(row, column) or (column == RESULT and field.key in self.incoming):
            return QBrush(KEPT_TINT)
        return QBrush(DIFF_TINT) if field.differs else None

    def _muted(self, row: int, column: int) -> bool:
        field = self.fields[row]
        if column in _SIDES and not (field.local if column == LOCAL else field.incoming):
            return True  # "（空）"
        if self.picking and field.differs and column in _SIDES:
            return not self._kept(row, column) and (self.choosable(row) or column == INCOMING)
        return False

    def _tooltip(self, row: int, column: int) -> str | None:
        field = self.fields[row]
        if column not in _SIDES:
            return None
        value = field.local if column == LOCAL else field.incoming
        if self.choosable(row):
            return self.tr("{0}\n点击选用这一侧的值（空格键切换，←本地，→来件）").format(value)
        if self.picking and field.differs:
            return self.tr("{0}\n这一项不能逐项合并，保留本地的值").format(value)
        return value or None


class PickTableView(QTableView):
    """The fields table; in pick mode Space toggles the current field's side, ← keeps local, → takes incoming."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clicked.connect(self._pick_clicked)

    def fields_model(self) -> ConflictFieldsModel | None:
        model = self.model()
        return model if isinstance(model, ConflictFieldsModel) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model, row = self.fields_model(), self.currentIndex().row()
        key = Qt.Key(event.key())
        if model is not None and model.choosable(row) and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Select):
                model.toggle(row)
                event.accept()
                return
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                model.pick(row, LOCAL_SIDE if key == Qt.Key.Key_Left else INCOMING_SIDE)
                event.accept()
                return
        super().keyPressEvent(event)

    def _pick_clicked(self, index: QModelIndex) -> None:
        model = self.fields_model()
        if model is not None and index.column() in _SIDES:
            model.pick(index.row(), _SIDES[index.column()])
