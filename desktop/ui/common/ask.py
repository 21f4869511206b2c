"""Questions a form asks, with standard buttons in Chinese whatever Qt's own translation holds: save before
moving on, discard typed work, delete — one way to ask them everywhere."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton
translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts


def ask(parent: QWidget | None, title: str, text: str, buttons: Sequence[tuple[Button, str]],
        default: Button) -> Button:
    """A question with standard buttons given their texts; the answer is the button chosen (Esc: the last)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    for button, label in buttons:
        box.addButton(button).setText(label)
    box.setDefaultButton(default)
    return Button(box.exec())


def ask_to_save(parent: QWidget | None, what: str) -> Button:
    """Save, Discard or Cancel: what to do with the unsaved edits of ``what`` (“王芳”, 新会员)."""
    text = translate("Ask", "“{name}”的修改还没有保存。要保存吗？").format(name=what)
    buttons = [(Button.Save, translate("Ask", "保存")), (Button.Discard, translate("Ask", "不保存")),
               (Button.Cancel, translate("Ask", "取消"))]
    return ask(parent, translate("Ask", "尚未保存"), text, buttons, Button.Save)


def agree_to_delete(parent: QWidget | None, title: str, text: str) -> bool:
    buttons = [(Button.Yes, translate("Ask", "删除")), (Button.Cancel, translate("Ask", "取消"))]
    return ask(parent, title, text, buttons, Button.Cancel) == Button.Yes
