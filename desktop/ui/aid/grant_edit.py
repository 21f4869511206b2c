"""修改 and 撤销登记 of a 金秋助学 grant recorded by mistake, and what the page's 撤销 takes back.

修改… opens the grant's dialog filled with what is stored: school level (its amount follows the office's
standard), school, aided elsewhere and what aid, remarks — db.aid.students.update_student_grant. A grant whose
公示 has begun is said so: a new level needs a new 公示. A paid grant is not changed (the button says so);
撤销登记 takes it back with its payment (delete_student_grant) after asking. 撤销 (Ctrl+Z) takes back the last
grant recorded (taken back), changed (its earlier values put back) or taken back (restore_student_grant)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from db.aid import settings as aid_settings
from db.aid import students as aid_students
from db.aid.fields import STUDENT_TABLE
from db.aid.rules import is_open
from desktop.ui.aid.payments import money
from desktop.ui.common.field_editors import align_captions
from desktop.ui.context import AppContext
from desktop.ui.permissions import only_who_may
from desktop.ui.stations.field_dialog import FieldDialog

WRITE = "records.write"
translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts
GRANT_GROUP = str(QT_TRANSLATE_NOOP("RegistryFields", "金秋助学"))
EDIT_NAMES = ("school_level", "school", "aided_elsewhere", "elsewhere_note", "remarks")


def amount_words(level: str, amounts: Mapping[str, int]) -> str:
    """The grant's amount for school level ``level`` by the office's standards, in words."""
    amount = amounts.get(level)
    if not level:
        return translate("GrantDialog", "资助金额按就读阶段，由帮扶设置规定")
    if amount is None:
        return translate("GrantDialog", "尚未设置{level}的资助标准（帮扶设置）").format(level=level)
    return translate("GrantDialog", "资助金额：{amount}（{level}的资助标准）").format(amount=money(amount), level=level)


def grant_words(grant: Mapping[str, Any], name: str) -> str:
    """张三2025年大学本科 5,000.00 元: a grant named in a question or a tooltip."""
    return translate("AidStudents", "{name}{year}年{level} {amount}").format(
        name=name, year=grant["year"], level=grant["school_level"], amount=money(grant["amount_fen"]))


def why_not_change(context: AppContext, status: str | None, grant: Mapping[str, Any] | None,
                   doing: str) -> str | None:
    """Why 修改… or 撤销登记 is off (``doing`` names it), or None: no right, no grant chosen, the file closed."""
    if not context.actor.can(WRITE):
        return only_who_may(WRITE, doing)
    if grant is None:
        return translate("AidStudents", "请先选择一条已登记的金秋助学")
    if status is not None and not is_open(status):
        return translate("AidStudents", "档案已撤档，其金秋助学不能{doing}").format(doing=doing)
    return None


def why_not_edit(context: AppContext, status: str | None, grant: Mapping[str, Any] | None) -> str | None:
    """Why 修改… is off: as :func:`why_not_change`, and a paid grant (taken back whole instead)."""
    why = why_not_change(context, status, grant, translate("AidStudents", "修改"))
    if why is None and grant is not None and grant["paid_on"] is not None:
        return translate("AidStudents", "已于{day}发放，不能修改；登记有误请“撤销登记”（连同其帮扶记录）").format(
            day=grant["paid_on"].isoformat())
    return why


def take_back_question(grant: Mapping[str, Any], name: str) -> str:
    """What 撤销登记 asks: the grant, and its payment when paid."""
    text = translate("AidStudents", "撤销{what}的金秋助学登记吗？").format(what=grant_words(grant, name))
    if grant["paid_on"] is not None:
        text += translate("AidStudents", "\n已于{day}发放，其帮扶记录（助学救助 {amount}）一并撤销。").format(
            day=grant["paid_on"].isoformat(), amount=money(grant["amount_fen"]))
    return text + translate("AidStudents", "\n撤销的登记保留在审计记录中，可用“撤销”（Ctrl+Z）恢复。")


class EditGrantDialog(FieldDialog):
    """修改金秋助学: the grant's level (its amount shown), school, aided elsewhere and what aid, remarks as
    stored; OK runs update_student_grant with them."""

    def __init__(self, context: AppContext, grant: Mapping[str, Any], student: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("修改金秋助学：{name}（{year}年）").format(name=student, year=grant["year"]), parent)
        self.context, self.uuid = context, grant["uuid"]
        self.before = {name: grant[name] for name in EDIT_NAMES}
        self.grant: Any = None
        self.amounts = aid_settings.read(context.store).student_amounts
        self.amount_note = QLabel()
        self.amount_note.setObjectName("grant_amount")
        column = QVBoxLayout()
        column.addWidget(self.amount_note)
        if grant["publicized_on"] is not None:
            note = QLabel(self.tr("已于{day}开始公示：改变就读阶段（及资助金额）后须重新公示才能发放。").format(
                day=grant["publicized_on"].isoformat()))
            note.setObjectName("grant_publicized_note")
            note.setWordWrap(True)
            column.addWidget(note)
        column.addWidget(self.group(GRANT_GROUP, [STUDENT_TABLE.field(n) for n in EDIT_NAMES]))
        self.columns.addLayout(column)
        align_captions(self.captions)
        for name, value in self.before.items():
            self.fields[name].set_value(value)
        self.fields["school_level"].on_change(
            lambda: self.amount_note.setText(amount_words(self.fields["school_level"].value(), self.amounts)))
        self.amount_note.setText(amount_words(self.fields["school_level"].value(), self.amounts))
        self.setMinimumWidth(460)

    def run(self) -> None:
        values = self.values()
        self.grant = aid_students.update_student_grant(self.context.store, self.context.actor, self.uuid,
                                                       {name: values[name] for name in EDIT_NAMES})


@dataclass
class GrantUndo:
    """One write of the 金秋助学 page that 撤销 takes back: ``add`` (taken back), ``edit`` (``before`` put back)
    or ``delete`` (restored). ``what`` names it in the button's tooltip."""

    action: str
    uuid: str
    what: str
    before: dict[str, Any] = field(default_factory=dict)

    def tip(self) -> str:
        text = {"add": translate("AidStudents", "撤销刚才登记的{what}（Ctrl+Z）"),
                "edit": translate("AidStudents", "撤销刚才对{what}的修改（Ctrl+Z）"),
                "delete": translate("AidStudents", "恢复刚才撤销登记的{what}（Ctrl+Z）")}[self.action]
        return text.format(what=self.what)

    def apply(self, context: AppContext) -> None:
        """Take the write back through the use cases (a refusal raised as it comes)."""
        store, actor = context.store, context.actor
        if self.action == "add":
            aid_students.delete_student_grant(store, actor, self.uuid)
        elif self.action == "edit":
            aid_students.update_student_grant(store, actor, self.uuid, self.before)
        else:
            aid_students.restore_student_grant(store, actor, self.uuid)
