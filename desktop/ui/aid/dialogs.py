"""The small dialogs of the hardship tab: a workflow step's opinion and date, an objection raised during the
公示 or its settlement, a household member. OK records through ``submit``; a refusal is shown in the dialog,
which stays open; nothing is written until the use case accepts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from db.aid import cases
from desktop.ui.common.dialog_buttons import lay_out_submit
from desktop.ui.hints import date_hint
from desktop.ui.messages import describe, error_label

OpenDialog = Callable[[QDialog], int]
translate = QCoreApplication.translate


def today_text() -> str:
    return cases.today().isoformat()


class RecordDialog(QDialog):
    """A form of a few rows whose OK runs ``submit`` with the values; the result kept in :attr:`result_value`."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error_label = error_label(hidden=True)
        self.ok_button = lay_out_submit(self, self.form, self.error_label, (self.tr("确定"), self.tr("取消")),
                                        self.submit)
        self.setMinimumWidth(420)
        self.result_value: Any = None

    def run(self) -> Any:
        raise NotImplementedError

    def submit(self) -> bool:
        try:
            self.result_value = self.run()
        except Exception as exc:  # noqa: BLE001 - every refusal becomes the clerk's one-line message
            self.error_label.setText(describe(exc))
            self.error_label.show()
            return False
        self.accept()
        return True

    def line(self, name: str, caption: str, text: str = "", placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        self.form.addRow(caption, edit)
        return edit

    def notes(self, name: str, caption: str, placeholder: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(placeholder)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        self.form.addRow(caption, edit)
        return edit

    def choice(self, name: str, caption: str, items: Sequence[tuple[Any, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for value, text in items:
            combo.addItem(text, value)
        self.form.addRow(caption, combo)
        return combo


class TextDialog(RecordDialog):
    """An opinion (or an objection's content, or a settlement's reason) and the day: ``submit(text, day)``."""

    def __init__(self, title: str, caption: str, placeholder: str, submit: Callable[..., Any],
                 choices: Sequence[tuple[Any, str]] = (), parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._submit = submit
        self.outcome = self.choice("outcome", self.tr("处理结果*"), choices) if choices else None
        self.text_edit = self.notes("opinion", caption, placeholder)
        self.date_edit = self.line("date", self.tr("日期*"), today_text(), date_hint())

    def run(self) -> Any:
        text, day = self.text_edit.toPlainText(), self.date_edit.text().strip() or None
        if self.outcome is not None:
            return self._submit(self.outcome.currentData(), text, day)
        return self._submit(text, day)


def ask(dialog: RecordDialog, open_dialog: OpenDialog) -> Any:
    """Run ``dialog``; what it recorded, or None when cancelled."""
    try:
        open_dialog(dialog)
        return dialog.result_value
    finally:
        dialog.deleteLater()
