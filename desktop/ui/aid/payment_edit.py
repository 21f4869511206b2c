"""修改 a payment recorded by mistake (帮扶记录): the payment's dialog filled with what is stored (the amount in
yuan), saved through db.aid.payments.update_payment asking what recording asks (an approver's override of a
cap with its reason, the month's second payment of a type). A payment made by a 金秋助学 grant keeps its type
and amount (they follow the grant: changed on the 金秋助学 page); the dialog says so with those two off.

What the page's 撤销 takes back, newest last (:class:`Undo`): a payment added (deleted again) or a payment
changed (its earlier values put back through update_payment, asking the same questions)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from db.aid.rules import is_open
from db.fields import Field
from db.reference import label
from desktop.ui.common.field_editors import align_captions
from desktop.ui.permissions import only_who_may
from desktop.ui.stations.field_dialog import FieldDialog

translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts
# the fields a grant's payment keeps as the grant has them
BY_GRANT = ("kind", "amount_fen")


def plain_yuan(fen: int) -> str:
    """1500.50: fen as a clerk types yuan (no thousands' commas, two decimals)."""
    return f"{fen // 100}.{fen % 100:02d}"


def stored_values(row: Mapping[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """A stored payment's fields ``names`` as its dialog takes them (the amount in yuan, days as dates)."""
    return {name: plain_yuan(row[name]) if name == "amount_fen" else row[name] for name in names}


def why_not_edit(status: str | None, chosen: Mapping[str, Any] | None, may_record: bool,
                 write: str) -> str | None:
    """Why 修改… of the 帮扶记录 page is off (its tooltip), or None: no file, no right, nothing chosen, or the
    file closed (its payments archived)."""
    if status is None:
        return translate("AidPayments", "请先在列表中选择一个档案")
    if not may_record:
        return only_who_may(write, translate("AidPayments", "修改帮扶记录"))
    if chosen is None:
        return translate("AidPayments", "请先选择一条帮扶记录")
    if not is_open(status):
        return translate("AidPayments", "档案当前为{status}，已撤档档案的帮扶记录已归档，不能修改").format(
            status=label("aid_status", status))
    if chosen.get("by_campaign"):  # the visit's money: it follows the campaign (db.aid.payments.check_changeable)
        return translate("AidPayments", "该记录为“{campaign}”的送温暖慰问金，请在“送温暖活动…”中修改").format(
            campaign=chosen["by_campaign"])
    return None


def edit_tip(chosen: Mapping[str, Any] | None) -> str:
    """The tooltip of 修改… when on: what it changes (a grant's payment: all but its type and amount)."""
    if chosen is not None and chosen["by_grant"]:
        return translate("AidPayments", "修改选中的记录（双击或回车）；该记录为金秋助学发放，类型和金额按资助标准，"
                                        "如需修改请在“金秋助学”页修改")
    return translate("AidPayments", "修改选中的帮扶记录（双击或回车）：登记有误时更正")


Save = Callable[[str, Mapping[str, Any]], Any]  # (payment uuid, changes) → the payment changed, questions asked


class EditPaymentDialog(FieldDialog):
    """修改帮扶: the payment's ``fields`` as stored; OK gives ``save`` what the dialog holds (update_payment,
    the override's reason and the month's confirmation asked as when recording)."""

    def __init__(self, row: Mapping[str, Any], case_no: str, group: str, fields: Sequence[Field], save: Save,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("修改帮扶：{no}").format(no=case_no), parent)
        names = tuple(f.attr for f in fields)
        self.save, self.uuid = save, row["uuid"]
        self.by_grant = bool(row["by_grant"])
        self.names = tuple(n for n in names if not (self.by_grant and n in BY_GRANT))
        self.before = stored_values(row, names)
        self.payment: Any = None
        column = QVBoxLayout()
        if self.by_grant:
            note = QLabel(self.tr("该记录为金秋助学发放：类型和金额按资助标准，不在此修改"
                                  "（如需修改请在“金秋助学”页修改或撤销登记）。"))
            note.setObjectName("grant_payment_note")
            note.setWordWrap(True)
            column.addWidget(note)
        column.addWidget(self.group(group, fields))
        self.columns.addLayout(column)
        align_captions(self.captions)
        for name, value in self.before.items():
            self.fields[name].set_value(value)
        for name in BY_GRANT if self.by_grant else ():
            editor = self.fields[name].editor
            editor.setEnabled(False)
            editor.setToolTip(self.tr("金秋助学的类型和金额按资助标准，请在“金秋助学”页修改"))
        self.setMinimumWidth(460)

    def run(self) -> None:
        values = self.values()
        changes = {name: values[name] for name in self.names}
        self.payment = self.save(self.uuid, changes)


@dataclass
class Undo:
    """One write of the page that 撤销 takes back: ``add`` (the payment is deleted again) or ``edit`` (``before``,
    the payment's earlier values, put back). ``what`` names it in the button's tooltip."""

    action: str
    uuid: str
    what: str
    before: dict[str, Any] = field(default_factory=dict)

    def tip(self) -> str:
        if self.action == "edit":
            return translate("AidPayments", "撤销刚才对{what}的修改（Ctrl+Z）").format(what=self.what)
        return translate("AidPayments", "撤销刚才登记的{what}（Ctrl+Z）").format(what=self.what)
