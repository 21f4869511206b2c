"""The buttons under the member form: the status steps on one line; honour, delete, cancel and save below."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from db.members.rules import STEPS, steps_from
from db.models import Member
from db.reference import label
from desktop.ui.members.dialogs import step_title
from desktop.ui.permissions import only_who_may

WRITE = "records.write"  # the permission of every button here (db.auth)


class MemberActionBar(QWidget):
    """The form's buttons, enabled by the actor's rights, the member's status and unsaved edits; the form
    connects them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step_buttons: dict[str, QPushButton] = {}
        steps = QHBoxLayout()
        for kind in STEPS:
            self.step_buttons[kind] = self._button(f"step_{kind}", self.tr("{step}…").format(step=step_title(kind)))
            steps.addWidget(self.step_buttons[kind])
        self.honour_button = self._button("add_honour", self.tr("添加荣誉…"))
        self.delete_button = self._button("delete", self.tr("删除"))
        self.cancel_button = self._button("cancel", self.tr("放弃修改"))
        self.save_button = self._button("save", self.tr("保存"))
        self.save_button.setDefault(True)
        saving = QHBoxLayout()
        for widget in (self.honour_button, self.delete_button, None, self.cancel_button, self.save_button):
            saving.addWidget(widget) if widget is not None else saving.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(steps)
        layout.addLayout(saving)

    def buttons(self) -> list[QPushButton]:
        """Every button, in tab order."""
        return [*self.step_buttons.values(), self.honour_button, self.delete_button, self.cancel_button,
                self.save_button]

    def apply_state(self, writable: bool, member: Member | None) -> None:
        """Enable the steps the member's status allows, and honour and delete when a member is shown; for
        who may not write, every button says who may."""
        for kind, button in self.step_buttons.items():
            button.setEnabled(can_step(kind, writable, member))
        self.honour_button.setEnabled(writable and member is not None)
        self.delete_button.setEnabled(writable and member is not None)
        self._explain(writable)
        if writable and member is not None:  # a step the member's status does not allow says which status would
            for kind, button in self.step_buttons.items():
                if not button.isEnabled():
                    button.setToolTip(self._why_not(kind, member.status))

    def _why_not(self, kind: str, status: str) -> str:
        allowed = "、".join(label("member_status", s) for s in STEPS[kind].allowed_from)
        return self.tr("会员当前为{now}，{allowed}的会员才能{step}").format(
            now=label("member_status", status), allowed=allowed, step=step_title(kind))

    def _explain(self, writable: bool) -> None:
        tips = {self.honour_button: self.tr("添加会员荣誉"), self.delete_button: self.tr("删除会员"),
                self.cancel_button: self.tr("修改会员"), self.save_button: self.tr("保存会员")}
        tips.update({button: self.tr("办理会员{step}").format(step=step_title(kind))
                     for kind, button in self.step_buttons.items()})
        for button, doing in tips.items():
            button.setToolTip("" if writable else only_who_may(WRITE, doing))
        if writable:
            self.cancel_button.setToolTip(self.tr("恢复为打开时的内容（Esc）"))

    def show_dirty(self, writable: bool, dirty: bool) -> None:
        """Save and cancel only when there is something unsaved."""
        self.save_button.setEnabled(writable and dirty)
        self.cancel_button.setEnabled(writable and dirty)

    @staticmethod
    def _button(name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        return button


def can_step(kind: str, writable: bool, member: Member | None) -> bool:
    """Whether the status step ``kind`` can be taken for a member now (the member rules say which)."""
    return writable and member is not None and kind in steps_from(member.status)
