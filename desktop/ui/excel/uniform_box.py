"""统一填写 on the import wizard's 核对列 page: one value for a required field that no column of the file fills."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QGroupBox, QLineEdit, QWidget

from db.fields import Field
from db.registry import RegistrySpec
from desktop.documents.excel import uniform


class UniformBox(QGroupBox):
    """One editor per required field that may take one value for every row (:func:`uniform.may_fill`),
    shown while no column fills that field: a date edit (today by default) for a date, a drop-down for a
    value list, a line edit otherwise. The import checks the value on every row like a cell.

    Signals:
        changed(): a value was edited.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uniform_values")
        self.setTitle(self.tr("统一填写（文件中没有这一列，每一行都填这个值）"))
        self._form = QFormLayout(self)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.editors: dict[str, QWidget] = {}
        self._shown: set[str] = set()

    def set_registry(self, registry: RegistrySpec | None) -> None:
        """Editors for ``registry``'s required fields that may take one value; all hidden until :meth:`show_for`
        (None: no editors — an import target that takes no 统一填写)."""
        while self._form.rowCount():
            self._form.removeRow(0)
        self.editors, self._shown = {}, set()
        for fld in uniform.fillable(registry) if registry is not None else ():
            if fld.required:
                editor = self._editor(fld)
                editor.setObjectName(f"fill_{fld.attr}")
                editor.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                self._form.addRow(fld.label, editor)
                self.editors[fld.attr] = editor
        self.show_for(set())

    def show_for(self, attrs: set[str]) -> None:
        """Show the editors of ``attrs`` (required fields no column fills), hide the others."""
        self._shown = attrs & set(self.editors)
        for attr, editor in self.editors.items():
            self._form.setRowVisible(editor, attr in self._shown)
        self.setVisible(bool(self._shown))

    def offered(self) -> set[str]:
        """The fields whose editor is shown."""
        return set(self._shown)

    def values(self) -> dict[str, Any]:
        """Field attr → the value of each shown editor that holds one (what a cell would hold)."""
        values: dict[str, Any] = {}
        for attr in self._shown:
            editor = self.editors[attr]
            value: Any
            if isinstance(editor, QDateEdit):
                value = editor.date().toPython()
            elif isinstance(editor, QComboBox):
                value = editor.currentData()
            else:
                assert isinstance(editor, QLineEdit)
                value = editor.text().strip() or None
            if value is not None:
                values[attr] = value
        return values

    def _editor(self, fld: Field) -> QWidget:
        if fld.kind == "date":
            date = QDateEdit(QDate.currentDate())
            date.setCalendarPopup(True)
            date.setDisplayFormat("yyyy-MM-dd")
            date.dateChanged.connect(lambda _date: self.changed.emit())
            return date
        options = uniform.choices(fld)
        if options is not None:
            combo = QComboBox()
            combo.addItem(self.tr("（请选择）"), None)  # no value until the clerk picks one
            for text in options:
                combo.addItem(text, text)
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
            return combo
        line = QLineEdit()
        line.textChanged.connect(lambda _text: self.changed.emit())
        return line
