"""What the member form asks the clerk: the dialog of a status step or an honour (which records it), and
the questions before unsaved edits are thrown away or a member is deleted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from db.members.rules import STEPS
from db.models import Member
from desktop.ui.common import ask as common_ask
from desktop.ui.common.ask import ask
from desktop.ui.context import AppContext
from desktop.ui.members import saving
from desktop.ui.members.dialogs import HonourDialog, HonourInput, StatusChange, StatusChangeDialog

Button = QMessageBox.StandardButton
OpenDialog = Callable[[QDialog], int]
translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts


def record_status_step(context: AppContext, member: Member, kind: str, open_dialog: OpenDialog,
                       parent: QWidget) -> Member | None:
    """Ask for the date, other union and reason of a status step and record it; the member afterwards,
    or None when the clerk cancelled."""
    done: list[Member] = []

    def submit(change: StatusChange) -> None:
        done.append(saving.run_step(context, kind, member.uuid, change))

    _run(open_dialog, StatusChangeDialog(STEPS[kind], member.name, submit, parent))
    return done[0] if done else None


def record_honour(context: AppContext, member: Member, open_dialog: OpenDialog, parent: QWidget) -> str | None:
    """Ask for an honour of the member and record it; its uuid, or None when the clerk cancelled."""
    added: list[str] = []

    def submit(honour: HonourInput) -> None:
        added.append(saving.add_honour(context, member.uuid, honour))

    _run(open_dialog, HonourDialog(member.name, submit, parent))
    return added[0] if added else None


def _run(open_dialog: OpenDialog, dialog: QDialog) -> None:
    try:
        open_dialog(dialog)
    finally:
        dialog.deleteLater()


def ask_to_save(parent: QWidget, member: Member | None) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel: what to do with the unsaved edits of a member (None: a new one)."""
    return common_ask.ask_to_save(parent, member.name if member is not None else translate("MemberPrompts", "新会员"))


def agree_to_discard(parent: QWidget, member: Member | None) -> bool:
    """Whether the clerk agrees to throw away the unsaved edits of a member (None: a new one)."""
    if member is None:
        text = translate("MemberPrompts", "放弃正在录入的新会员吗？已填写的内容不会保存。")
    else:
        text = translate("MemberPrompts", "放弃对“{name}”的修改吗？").format(name=member.name)
    buttons = [(Button.Discard, translate("MemberPrompts", "放弃修改")),
               (Button.Cancel, translate("MemberPrompts", "继续编辑"))]
    return ask(parent, translate("MemberPrompts", "放弃修改"), text, buttons, Button.Cancel) == Button.Discard


def agree_to_delete(parent: QWidget, member: Member) -> bool:
    text = translate("MemberPrompts",
                     "删除会员“{name}”（会员编号 {no}）吗？\n删除后可以用“撤销上次保存”（Ctrl+Z）恢复。")
    return common_ask.agree_to_delete(parent, translate("MemberPrompts", "删除会员"),
                                      text.format(name=member.name, no=member.member_no))


def agree_to_discard_for_undo(parent: QWidget) -> bool:
    text = translate("MemberPrompts", "撤销会放弃表单中尚未保存的修改。继续吗？")
    buttons = [(Button.Discard, translate("MemberPrompts", "放弃修改并撤销")),
               (Button.Cancel, translate("MemberPrompts", "取消"))]
    return ask(parent, translate("MemberPrompts", "撤销上次保存"), text, buttons, Button.Cancel) == Button.Discard
