"""The editors of a member's fields: one widget per field with the red error line under it, each under its
caption in one of the form's groups (身份, 工作, 会籍, 其他)."""

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

from db.member_fields import CHOICES, LABELS, REQUIRED
from db.reference import values
from desktop.ui.hints import date_hint
from desktop.ui.messages import error_label

GROUPS = {  # the group titles are in FieldsPanel, for translation
    "identity": ("name", "id_type", "id_number", "gender", "birth_date", "ethnicity", "phone"),
    "work": ("employer", "employer_credit_code", "employer_type", "industry", "occupation", "employment_form",
             "is_migrant_worker", "skill_level", "education", "political_status"),
    "membership": ("member_no", "card_no", "joined_on", "base_union"),
    "other": ("consent_on", "remarks"),
}
FIELDS = tuple(name for names in GROUPS.values() for name in names)
SUGGESTED = ("ethnicity", "industry")  # free text, with the reference list to pick from
DATES = ("birth_date", "joined_on", "consent_on")


class FieldEditor:
    """One member field on the form: its editor, and the red label under it that says what is wrong."""

    def __init__(self, name: str, editor: QWidget, error: QLabel) -> None:
        self.name, self.editor, self.error = name, editor, error

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
            if editor.findText(text) < 0:  # a value from before the list changed: show it as it is
                editor.addItem(text)
            editor.setCurrentIndex(editor.findText(text))

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


def make_editor(name: str) -> QWidget:
    """The editor of one field: a list to pick from, a check box, a notes box or a line of text."""
    editor: QWidget
    if name in CHOICES or name in SUGGESTED:
        combo = QComboBox()
        combo.addItems(["", *values(CHOICES.get(name, name))])
        combo.setEditable(name in SUGGESTED)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        editor = combo
    elif name == "is_migrant_worker":
        editor = QCheckBox(QCoreApplication.translate("MemberFields", "是"))
    elif name == "remarks":
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(notes.fontMetrics().lineSpacing() * 4 + 12)
        editor = notes
    else:
        editor = QLineEdit()
        editor.setPlaceholderText(date_hint() if name in DATES else _placeholder(name))
    editor.setObjectName(name)
    return editor


def _placeholder(name: str) -> str:
    translate = QCoreApplication.translate
    return {"member_no": translate("MemberFields", "保存时自动编号"),
            "id_number": translate("MemberFields", "18位，末位可为X"),
            "phone": translate("MemberFields", "11位手机号码"),
            "employer_credit_code": translate("MemberFields", "18位")}.get(name, "")


def field_group(title: str, names: Sequence[str], beside: Mapping[str, QWidget],
                below: Mapping[str, QWidget]) -> tuple[QGroupBox, list[FieldEditor], list[QLabel]]:
    """A titled group of fields, each row a caption and its editor (with ``beside`` it, and its error line
    and ``below`` under it); returns the box, its fields and their captions."""
    box = QGroupBox(title)
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    fields: list[FieldEditor] = []
    captions: list[QLabel] = []
    for name in names:
        field = FieldEditor(name, make_editor(name), error_label(f"error_{name}", hidden=True, reserve=True))
        captions.append(_caption(field))
        form.addRow(captions[-1], _row(field, beside.get(name), below.get(name)))
        fields.append(field)
    return box, fields, captions


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
    caption = QLabel(QCoreApplication.translate("MemberFields", LABELS[field.name])
                     + ("*" if field.name in REQUIRED else ""))
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
