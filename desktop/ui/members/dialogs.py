"""Small dialogs of the member form: a status step (转出, 转入, 退会, 去世, 恢复), an honour, and questions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from db.members.rules import StatusStep
from db.reference import values
from desktop.ui.common.dialog_buttons import lay_out_submit
from desktop.ui.hints import date_hint
from desktop.ui.messages import describe, error_label


def step_title(kind: str) -> str:
    """The name of a status step as buttons and dialogs show it."""
    translate = QCoreApplication.translate  # called by name so that pyside6-lupdate finds the texts
    titles = {"transfer_out": translate("MemberSteps", "转出"), "transfer_in": translate("MemberSteps", "转入"),
              "leave": translate("MemberSteps", "退会"), "death": translate("MemberSteps", "去世"),
              "restore": translate("MemberSteps", "恢复")}
    return titles[kind]


@dataclass(frozen=True)
class StatusChange:
    """What the clerk entered for a status step."""

    on: str
    counterpart: str
    reason: str | None


@dataclass(frozen=True)
class HonourInput:
    """What the clerk entered for an honour."""

    kind: str
    year: int
    level: str | None
    title: str | None
    issuer: str | None


class _SubmitDialog(QDialog):
    """A dialog whose OK runs ``submit``; an error it raises is shown in the dialog, which stays open."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error_label = error_label(hidden=True)
        self.ok_button = lay_out_submit(self, self.form, self.error_label, (self.tr("确定"), self.tr("取消")),
                                        self._submit)

    def _run(self) -> None:
        raise NotImplementedError

    def _submit(self) -> None:
        try:
            self._run()
        except Exception as exc:  # noqa: BLE001 - every failure becomes the clerk's one-line message
            self.error_label.setText(describe(exc))
            self.error_label.show()
            return
        self.accept()


class StatusChangeDialog(_SubmitDialog):
    """Asks for the date (today by default), the other union and the reason of one status step of a
    member, then runs ``submit`` with them."""

    def __init__(self, step: StatusStep, member_name: str, submit: Callable[[StatusChange], None],
                 parent: QWidget | None = None) -> None:
        title = self.tr("{step}：{name}").format(step=step_title(step.kind), name=member_name)
        super().__init__(title, parent)
        self._submit_change = submit
        self.date_edit = QLineEdit(dt.date.today().isoformat())
        self.date_edit.setObjectName("date")
        self.date_edit.setPlaceholderText(date_hint())
        self.form.addRow(self.tr("日期"), self.date_edit)
        self.counterpart_edit = QLineEdit()
        self.counterpart_edit.setObjectName("counterpart")
        if step.counterpart:
            text = self.tr("转往单位*") if step.kind == "transfer_out" else self.tr("原单位")
            self.form.addRow(text, self.counterpart_edit)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reason")
        if step.reason:
            self.form.addRow(self.tr("原因"), self.reason_edit)
        self.setMinimumWidth(360)

    def _run(self) -> None:
        reason = self.reason_edit.text().strip() or None
        self._submit_change(StatusChange(self.date_edit.text(), self.counterpart_edit.text(), reason))


class HonourDialog(_SubmitDialog):
    """Asks for an honour of a member (类别, 级别, 称号, 年度, 授予单位), then runs ``submit`` with it."""

    def __init__(self, member_name: str, submit: Callable[[HonourInput], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("添加荣誉：{name}").format(name=member_name), parent)
        self._submit_honour = submit
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind")
        self.kind_combo.addItems(values("honour_kind"))
        self.level_combo = QComboBox()
        self.level_combo.setObjectName("level")
        self.level_combo.addItems(["", *values("honour_level")])
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(self.tr("如：东城工匠"))
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("year")
        self.year_spin.setRange(1950, dt.date.today().year)
        self.year_spin.setValue(dt.date.today().year)
        self.issuer_edit = QLineEdit()
        self.issuer_edit.setObjectName("issuer")
        for label, widget in ((self.tr("荣誉类别"), self.kind_combo), (self.tr("级别"), self.level_combo),
                              (self.tr("称号"), self.title_edit), (self.tr("年度"), self.year_spin),
                              (self.tr("授予单位"), self.issuer_edit)):
            self.form.addRow(label, widget)
        self.setMinimumWidth(360)

    def _run(self) -> None:
        self._submit_honour(HonourInput(
            kind=self.kind_combo.currentText(), year=self.year_spin.value(),
            level=self.level_combo.currentText() or None, title=self.title_edit.text().strip() or None,
            issuer=self.issuer_edit.text().strip() or None))
