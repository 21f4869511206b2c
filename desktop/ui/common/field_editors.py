"""The editors of a record's declared fields (:class:`db.fields.Field`), chosen by kind: a list to pick from,
a check box, a notes box or a line of text, each with the red error line under it and its caption, in the
titled groups the registry declares."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.fields import Field
from desktop.ui.hints import date_hint
from desktop.ui.messages import error_label

CONTEXT = "RegistryFields"  # the translation context of declared labels, hints, group and tab titles
NOTES_FROM = 500  # a text field this long gets a box of several lines


class FieldEditor:
    """One field on a form: its declaration, its editor, and the red label under it that says what is wrong."""

    def __init__(self, field: Field, editor: QWidget, error: QLabel) -> None:
        self.field, self.editor, self.error = field, editor, error
        self.name = field.attr

    def value(self) -> Any:
        editor = self.editor
        if isinstance(editor, QLineEdit):
            return editor.text()
        if isinstance(editor, QComboBox):
            return editor.currentText()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        assert isinstance(editor, QPlainTextEdit)
        return editor.toPlainText()

    def set_value(self, value: Any) -> None:
        editor = self.editor
        text = value.isoformat() if isinstance(value, dt.date) else "" if value is None else str(value)
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QLineEdit):
            editor.setText(text)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        elif isinstance(editor, QComboBox) and editor.isEditable():
            editor.setCurrentText(text)
        elif isinstance(editor, QComboBox):
            editor.setPlaceholderText("")  # no longer showing a mask (show_masked)
            if editor.findText(text) < 0:  # a value from before the list changed: show it as it is
                editor.addItem(text)
            editor.setCurrentIndex(editor.findText(text))

    def show_masked(self, text: str) -> None:
        """Show a masked value (``***``, ``110101********1234``). A list shows it with nothing chosen, as
        its placeholder: the mask is never an entry of the list a user could pick and save."""
        editor = self.editor
        if isinstance(editor, QComboBox) and not editor.isEditable():
            editor.setCurrentIndex(-1)
            editor.setPlaceholderText(text)
        else:
            self.set_value(text)

    def set_editable(self, editable: bool) -> None:
        if isinstance(self.editor, QLineEdit | QPlainTextEdit):
            if self.editor.isReadOnly() == editable:
                self.editor.setReadOnly(not editable)
                self.editor.style().unpolish(self.editor)  # re-read the [readOnly] style rule
                self.editor.style().polish(self.editor)
        else:
            self.editor.setEnabled(editable)

    def on_change(self, callback: Callable[[], None]) -> None:
        editor = self.editor
        if isinstance(editor, QLineEdit):
            editor.textChanged.connect(lambda *_: callback())
        elif isinstance(editor, QComboBox):
            editor.currentTextChanged.connect(lambda *_: callback())
        elif isinstance(editor, QCheckBox):
            editor.toggled.connect(lambda *_: callback())
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(callback)

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))


def make_editor(field: Field) -> QWidget:
    """The editor of one field: a list to pick from, a check box, a notes box or a line of text."""
    editor: QWidget
    if field.kind in ("choice", "coded") or field.suggest:
        combo = QComboBox()
        combo.addItems(["", *field.options])
        combo.setEditable(field.suggest)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        editor = combo
    elif field.kind == "bool":
        editor = QCheckBox(QCoreApplication.translate(CONTEXT, "是"))
    elif (field.limit or 0) >= NOTES_FROM:
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(notes.fontMetrics().lineSpacing() * 4 + 12)
        editor = notes
    else:
        editor = QLineEdit()
        hint = date_hint() if field.kind == "date" else QCoreApplication.translate(CONTEXT, field.hint)
        editor.setPlaceholderText(hint if field.hint or field.kind == "date" else "")
    editor.setObjectName(field.attr)
    return editor


def field_group(title: str, fields: Sequence[Field], beside: Mapping[str, QWidget],
                below: Mapping[str, QWidget]) -> tuple[QGroupBox, list[FieldEditor], list[QLabel]]:
    """A titled group of fields, each row a caption and its editor (with ``beside`` it, and its error line
    and ``below`` under it); returns the box, its fields and their captions."""
    box = QGroupBox(title)
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    editors: list[FieldEditor] = []
    captions: list[QLabel] = []
    for declared in fields:
        name = declared.attr
        field = FieldEditor(declared, make_editor(declared), error_label(f"error_{name}", hidden=True, reserve=True))
        captions.append(_caption(field))
        form.addRow(captions[-1], _row(field, beside.get(name), below.get(name)))
        editors.append(field)
    return box, editors, captions


def _row(field: FieldEditor, beside: QWidget | None, below: QWidget | None) -> QWidget:
    line = QHBoxLayout()
    line.addWidget(field.editor, 1)
    if beside is not None:
        line.addWidget(beside)
    row = QWidget()
    column = QVBoxLayout(row)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addLayout(line)
    column.addWidget(field.error)
    if below is not None:
        column.addWidget(below, 0, Qt.AlignmentFlag.AlignLeft)
    column.addStretch(1)  # the editor stays level with its caption while the row resizes
    return row


def _caption(field: FieldEditor) -> QLabel:
    declared = field.field
    caption = QLabel(QCoreApplication.translate(CONTEXT, declared.label) + ("*" if declared.required else ""))
    caption.setBuddy(field.editor)
    if not isinstance(field.editor, QPlainTextEdit):  # level with the editor, not with its error line
        caption.setFixedHeight(field.editor.sizeHint().height())
    caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return caption


def align_captions(captions: Sequence[QLabel]) -> None:
    """One caption column through all the groups: every caption as wide as the widest."""
    width = max(caption.sizeHint().width() for caption in captions)
    for caption in captions:
        caption.setMinimumWidth(width)
