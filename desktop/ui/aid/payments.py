"""帮扶记录: a hardship file's payments (type, amount, day, method, voucher, approver, a cap's override) with
their totals year by year; 新增帮扶… records one (db.aid.payments.record_payment), 修改… (double-click, Enter)
corrects one (:mod:`desktop.ui.aid.payment_edit`), 删除 takes one back after asking and 撤销 (Ctrl+Z) takes
back the last one added or changed here. Above a cap a clerk reads the refusal naming the
cap; an approver is asked for the override's reason and the payment keeps it. A second payment of a type in a
month asks first. Only a file 在档 is paid: otherwise 新增帮扶… is off and says why.

Beside the list (the tab's filter bar): 应急救助… pays a worker without a file, and 年度统计… shows a year's
totals by type (all offices at the district) with 复制 as tab-separated text."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db import reference
from db.aid import cases, money_reads
from db.aid import payments as aid_payments
from db.aid.fields import PAYMENT_TABLE
from db.aid.rules import APPROVE
from db.errors import ValidationError
from desktop.ui.aid.fields_panel import yuan
from desktop.ui.aid.payment_edit import EditPaymentDialog, Undo, edit_tip, why_not_edit
from desktop.ui.common.field_editors import align_captions
from desktop.ui.common.table_keys import TableKeys
from desktop.ui.context import AppContext
from desktop.ui.messages import describe, error_label
from desktop.ui.permissions import only_who_may
from desktop.ui.stations.field_dialog import FieldDialog
from desktop.ui.stations.pages import PageHooks, allow, fill_table, make_table, selected_row

WRITE = "records.write"
translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts
# group titles, translated in FieldDialog.group (RegistryFields); NOOP so that pyside6-lupdate lists them
PAYMENT_GROUP = str(QT_TRANSLATE_NOOP("RegistryFields", "帮扶"))
PAYEE_GROUP = str(QT_TRANSLATE_NOOP("RegistryFields", "收款人"))
OVERRIDE_GROUP = str(QT_TRANSLATE_NOOP("RegistryFields", "超限审批"))
PAYMENT_NAMES = ("kind", "amount_fen", "paid_on", "method", "voucher_no", "approver", "remarks")
Record = Callable[[str | None, bool], Any]  # (override reason, confirmed repeat) → the use case's result


def money(fen: int) -> str:
    """1,234.56 元."""
    return translate("AidPayments", "{amount} 元").format(amount=yuan(fen))


def _fields(names: Sequence[str], required: Sequence[str] = ()) -> list[Any]:
    return [dataclasses.replace(PAYMENT_TABLE.field(n), required=True) if n in required else PAYMENT_TABLE.field(n)
            for n in names]


def may_record(context: AppContext) -> bool:
    """A clerk records payments; so does an approver (who alone may go above a cap)."""
    return context.actor.can(WRITE) or context.actor.can(APPROVE)


def record_with_questions(hooks: PageHooks, record: Record) -> Any:
    """Run ``record`` and answer the use case's questions: above a cap an approver is asked for the
    override's reason (:class:`OverrideDialog`), a second payment of the month is confirmed by the clerk. A
    refusal, or a question declined, is raised as the ValidationError the use case gave (nothing written)."""
    reason: str | None = None
    confirmed = False
    while True:
        try:
            return record(reason, confirmed)
        except aid_payments.NeedsConfirmation as exc:
            if confirmed or not hooks.agree(translate("AidPayments", "本月已有同类帮扶"),
                                            translate("AidPayments", "{what}\n\n仍要发放吗？").format(
                                                what=exc.reason.removesuffix("，确认后再登记")),
                                            translate("AidPayments", "仍要发放")):
                raise
            confirmed = True
        except ValidationError as exc:
            if exc.field != aid_payments.OVERRIDE_LABEL or reason is not None:
                raise
            dialog = OverrideDialog(exc.reason)
            hooks.run(dialog)
            if dialog.result() != QDialog.DialogCode.Accepted:
                raise
            reason = dialog.reason


class OverrideDialog(FieldDialog):
    """超限审批: the cap the payment goes above, and the approver's reason (required)."""

    def __init__(self, over: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("超限审批"), parent)
        self.reason = ""
        note = QLabel(over.removesuffix("，审批超限须填写理由") + self.tr("。\n作为审核人，您可以审批超限发放，"
                                                                  "请填写理由（记入该记录和审计记录）。"))
        note.setObjectName("override_note")
        note.setWordWrap(True)
        box = self.group(OVERRIDE_GROUP, _fields(("override_reason",), ("override_reason",)))
        column = QVBoxLayout()
        column.addWidget(note)
        column.addWidget(box)
        self.columns.addLayout(column)
        reason = self.fields["override_reason"].editor
        assert isinstance(reason, QPlainTextEdit)
        reason.setPlaceholderText(self.tr("如：患者住院费用高，经工会主席办公会研究同意"))
        self.setMinimumWidth(460)

    def run(self) -> None:
        reason = self.text("override_reason")
        if not reason:
            raise ValidationError(aid_payments.OVERRIDE_LABEL, self.tr("必须填写"))
        self.reason = reason


class PaymentDialog(FieldDialog):
    """新增帮扶 to a file: type, amount in yuan, day (today), method, voucher, approver, remarks; OK records it
    (with the override's reason and the month's confirmation asked through ``hooks``)."""

    def __init__(self, context: AppContext, hooks: PageHooks, case_uuid: str, case_no: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新增帮扶：{no}").format(no=case_no), parent)
        self.context, self.hooks, self.case_uuid = context, hooks, case_uuid
        self.payment: Any = None
        self.columns.addWidget(self.group(PAYMENT_GROUP, _fields(PAYMENT_NAMES)))
        align_captions(self.captions)
        _defaults(self)
        self.setMinimumWidth(460)

    def run(self) -> None:
        values = {name: self.values()[name] for name in PAYMENT_NAMES}
        self.payment = record_with_questions(self.hooks, lambda reason, confirmed: aid_payments.record_payment(
            self.context.store, self.context.actor, self.case_uuid, values, override_reason=reason,
            confirmed_repeat=confirmed))


def _defaults(dialog: FieldDialog) -> None:
    dialog.fields["paid_on"].set_value(cases.today())
    amount = dialog.fields["amount_fen"].editor
    amount.setPlaceholderText(dialog.tr("元，最多两位小数"))  # type: ignore[attr-defined]


class EmergencyDialog(FieldDialog):
    """应急救助 to a worker without a file 在档: the payee's name and ID number and the reason, then the
    payment; OK runs record_payment(None, …) (asking as :class:`PaymentDialog` does)."""

    PAYEE = ("payee_name", "payee_id_number", "reason")
    PAID = ("amount_fen", "paid_on", "method", "voucher_no", "approver", "remarks")

    def __init__(self, context: AppContext, hooks: PageHooks, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("应急救助（未在档职工）"), parent)
        self.context, self.hooks = context, hooks
        self.payment: Any = None
        note = QLabel(self.tr("向没有在档档案的职工发放应急救助；已有在档档案的职工请在其档案的“帮扶记录”中发放。"))
        note.setWordWrap(True)
        payee = self.group(PAYEE_GROUP, _fields(self.PAYEE, self.PAYEE))
        paid = self.group(PAYMENT_GROUP, _fields(self.PAID))
        left = QVBoxLayout()
        left.addWidget(note)
        left.addWidget(payee)
        left.addStretch(1)
        self.columns.addLayout(left)
        self.columns.addWidget(paid)
        align_captions(self.captions)
        _defaults(self)
        reason = self.fields["reason"].editor
        assert isinstance(reason, QPlainTextEdit)
        reason.setPlaceholderText(self.tr("如：突发火灾，家中财物损毁"))
        self.setMinimumWidth(760)

    def run(self) -> None:
        values = {name: self.values()[name] for name in (*self.PAYEE, *self.PAID)}
        values["kind"] = aid_payments.EMERGENCY
        self.payment = record_with_questions(self.hooks, lambda reason, confirmed: aid_payments.record_payment(
            self.context.store, self.context.actor, None, values, override_reason=reason,
            confirmed_repeat=confirmed))


def year_lines(rows: Sequence[dict[str, Any]]) -> list[str]:
    """A file's payments summed year by year (newest first): '2025年：生活救助 2笔 3,000.00 元；…；合计 …'."""
    years: dict[int, dict[str, tuple[int, int]]] = {}
    for row in rows:
        kinds = years.setdefault(row["paid_on"].year, {})
        count, fen = kinds.get(row["kind"], (0, 0))
        kinds[row["kind"]] = (count + 1, fen + row["amount_fen"])
    lines = []
    for year in sorted(years, reverse=True):
        kinds = years[year]
        parts = [translate("AidPayments", "{kind} {n}笔 {amount}").format(kind=k, n=n, amount=money(f))
                 for k, (n, f) in kinds.items()]
        total_n, total_f = sum(n for n, _ in kinds.values()), sum(f for _, f in kinds.values())
        lines.append(translate("AidPayments", "{year}年：{parts}；合计 {n}笔 {amount}").format(
            year=year, parts="；".join(parts), n=total_n, amount=money(total_f)))
    return lines


class AidPayments(QWidget):
    """The 帮扶记录 page of one file.

    Signals:
        changed(str): the uuid of the file after a payment was recorded or taken back.
    """

    changed = Signal(str)
    HEADERS = (QT_TRANSLATE_NOOP("AidPayments", "发放日期"), QT_TRANSLATE_NOOP("AidPayments", "帮扶类型"),
               QT_TRANSLATE_NOOP("AidPayments", "金额（元）"), QT_TRANSLATE_NOOP("AidPayments", "发放方式"),
               QT_TRANSLATE_NOOP("AidPayments", "凭证号"), QT_TRANSLATE_NOOP("AidPayments", "审批人"),
               QT_TRANSLATE_NOOP("AidPayments", "超限审批"), QT_TRANSLATE_NOOP("AidPayments", "备注"))

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.hooks = PageHooks(self)
        self.uuid: str | None = None
        self.page: money_reads.CasePayments | None = None
        self.undos: list[Undo] = []  # the payments added or changed here, newest last: 撤销
        self.title = QLabel()
        self.title.setObjectName("payments_title")
        self.table = make_table("payments_table", [translate("AidPayments", str(h)) for h in self.HEADERS])
        self.keys = TableKeys(self.table, undo=self.undo, can_undo=lambda: bool(self.undos), edit=self.edit_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.totals = QLabel()
        self.totals.setObjectName("payments_totals")
        self.totals.setWordWrap(True)
        self.error = error_label("payments_error", hidden=True)
        self.add_button = QPushButton(self.tr("新增帮扶…"))
        self.add_button.setObjectName("add_payment")
        self.add_button.clicked.connect(self.add_payment)
        self.edit_button = QPushButton(self.tr("修改…"))
        self.edit_button.setObjectName("edit_payment")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("删除"))
        self.delete_button.setObjectName("delete_payment")
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton(self.tr("撤销"))
        self.undo_button.setObjectName("undo_payment")
        self.undo_button.clicked.connect(self.undo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def show_case(self, uuid: str | None) -> None:
        """Show file ``uuid``'s payments (None: no file, or one not yet saved)."""
        if uuid != self.uuid:
            self.undos = []
        self.uuid = uuid
        self.error.hide()
        self.page = money_reads.case_payments(self.context.store, uuid) if uuid is not None else None
        rows = self.page.rows if self.page is not None else []
        fill_table(self.table, [self._cells(row) for row in rows])
        if self.page is None:
            self.title.setText(self.tr("请先在列表中选择一个档案"))
        else:
            self.title.setText(self.tr("档案 {no}（{status}）的帮扶记录：{n} 笔").format(
                no=self.page.case_no, status=reference.label("aid_status", self.page.status), n=len(rows)))
        self.totals.setText("\n".join(year_lines(rows)) if rows else self.tr("尚无帮扶记录"))
        self._update_buttons()

    def _cells(self, row: dict[str, Any]) -> list[str]:
        override = f"{row['override_by']}：{row['override_reason']}" if row["override_by"] else ""
        return [row["paid_on"].isoformat(), row["kind"], yuan(row["amount_fen"]), row["method"] or "",
                row["voucher_no"] or "", row["approver"] or "", override, row["remarks"] or ""]

    # ----- what may be done now ----------------------------------------------------------------------------
    def why_not_add(self) -> str | None:
        """Why 新增帮扶… is off (its tooltip), or None."""
        if self.page is None:
            return self.tr("请先在列表中选择一个档案")
        if not may_record(self.context):
            return only_who_may(WRITE, self.tr("登记帮扶"))
        if self.page.status != "filed":
            return self.tr("档案当前为{status}，只有在档的档案才能发放帮扶（未在档职工的应急救助请用列表上方的"
                           "“应急救助…”）").format(status=reference.label("aid_status", self.page.status))
        return None

    def selected(self) -> dict[str, Any] | None:
        row = selected_row(self.table)
        return self.page.rows[row] if self.page is not None and row is not None else None

    def why_not_delete(self) -> str | None:
        if not self.context.actor.can(WRITE):
            return only_who_may(WRITE, self.tr("删除帮扶记录"))
        chosen = self.selected()
        if chosen is None:
            return self.tr("请先选择一条帮扶记录")
        if chosen["by_grant"]:
            return self.tr("该记录为金秋助学发放，请在“金秋助学”页撤销")
        if chosen.get("by_campaign"):
            return self.tr("该记录为“{campaign}”的送温暖慰问金，请在“送温暖活动…”中修改或移除该慰问对象").format(
                campaign=chosen["by_campaign"])
        return None

    def why_not_edit(self) -> str | None:
        """Why 修改… is off (its tooltip), or None."""
        return why_not_edit(self.page.status if self.page is not None else None, self.selected(),
                            may_record(self.context), WRITE)

    def why_not_undo(self) -> str | None:
        if not self.undos:
            return self.tr("没有可撤销的登记或修改")
        if self.undos[-1].action == "add" and not self.context.actor.can(WRITE):  # deleting is a clerk's
            return only_who_may(WRITE, self.tr("撤销帮扶记录"))
        if not may_record(self.context):
            return only_who_may(WRITE, self.tr("撤销帮扶记录的修改"))
        return None

    def _update_buttons(self) -> None:
        allow(self.add_button, self.why_not_add(), self.tr("登记一笔帮扶：类型、金额、日期、发放方式、凭证号、审批人"))
        allow(self.edit_button, self.why_not_edit(), edit_tip(self.selected()))
        allow(self.delete_button, self.why_not_delete(), self.tr("删除选中的帮扶记录（登记错误时）"))
        allow(self.undo_button, self.why_not_undo(), self.undos[-1].tip() if self.undos else "")

    # ----- writing -------------------------------------------------------------------------------------------
    def add_payment(self) -> None:
        if self.why_not_add() is not None or self.page is None or self.uuid is None:
            return
        dialog = PaymentDialog(self.context, self.hooks, self.uuid, self.page.case_no, self)
        self.hooks.run(dialog)
        payment = dialog.payment
        if dialog.result() == QDialog.DialogCode.Accepted and payment is not None:
            self.undos.append(Undo("add", payment.uuid, f"{payment.kind} {money(payment.amount_fen)}"))
            self._wrote()

    def edit_selected(self) -> None:
        """修改…: the selected payment in its dialog, saved as recording asks (an approver's override, the
        month's second payment); Esc writes nothing."""
        chosen = self.selected()
        if self.why_not_edit() is not None or chosen is None or self.page is None:
            return
        dialog = EditPaymentDialog(chosen, self.page.case_no, PAYMENT_GROUP, _fields(PAYMENT_NAMES),
                                   self.save_payment, self)
        self.hooks.run(dialog)
        if dialog.result() == QDialog.DialogCode.Accepted and dialog.payment is not None:
            what = self.tr("{day} 的{kind} {amount}").format(day=chosen["paid_on"].isoformat(), kind=chosen["kind"],
                                                             amount=money(chosen["amount_fen"]))
            self.undos.append(Undo("edit", chosen["uuid"], what, dialog.before))
            self._wrote()

    def save_payment(self, uuid: str, changes: Mapping[str, Any], confirmed: bool = False) -> Any:
        """update_payment, asking what recording asks (:func:`record_with_questions`)."""
        return record_with_questions(self.hooks, lambda reason, asked: aid_payments.update_payment(
            self.context.store, self.context.actor, uuid, changes, override_reason=reason,
            confirmed_repeat=asked or confirmed))

    def delete_selected(self) -> None:
        chosen = self.selected()
        if self.why_not_delete() is not None or chosen is None:
            return
        what = self.tr("{day} 的{kind} {amount}").format(day=chosen["paid_on"].isoformat(), kind=chosen["kind"],
                                                         amount=money(chosen["amount_fen"]))
        if not self.hooks.agree(self.tr("删除帮扶记录"), self.tr("删除{what}吗？\n删除的记录保留在审计记录中。").format(
                what=what), self.tr("删除")):
            return
        self._take_back(chosen["uuid"])

    def undo(self) -> None:
        """Ctrl+Z: take back the last payment added on this page, or put back what the last change changed
        (the month's repeat was confirmed then; a cap's override is asked again of an approver)."""
        if self.why_not_undo() is not None:
            return
        last = self.undos.pop()
        if last.action == "add":
            self._take_back(last.uuid)
            return
        try:
            self.save_payment(last.uuid, last.before, confirmed=True)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self._failed(exc)
            return
        self._wrote()

    def _failed(self, exc: Exception) -> None:
        self.show_case(self.uuid)
        self.error.setText(describe(exc))
        self.error.show()

    def _take_back(self, uuid: str) -> None:
        try:
            aid_payments.delete_payment(self.context.store, self.context.actor, uuid)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self._failed(exc)
            return
        self.undos = [u for u in self.undos if u.uuid != uuid]
        self._wrote()

    def _wrote(self) -> None:
        uuid = self.uuid
        assert uuid is not None
        self.show_case(uuid)
        self.changed.emit(uuid)


class YearTotalsDialog(QDialog):
    """年度统计: a year's payments by type (count, 元) with their total; the district's of every office.
    复制 puts the table on the clipboard as tab-separated text (for a spreadsheet)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("帮扶年度统计"))
        self.year = QSpinBox()
        self.year.setObjectName("totals_year")
        self.year.setRange(2000, cases.today().year + 1)
        self.year.setSuffix(self.tr(" 年"))
        self.year.setValue(cases.today().year)
        self.year.valueChanged.connect(self.show_year)
        scope = self.tr("全区各街道") if context.is_district else self.tr("本街道")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度")))
        top.addWidget(self.year)
        top.addWidget(QLabel(self.tr("（{scope}，按发放日期）").format(scope=scope)))
        top.addStretch(1)
        self.table = make_table("totals_table", [self.tr("帮扶类型"), self.tr("笔数"), self.tr("金额（元）")])
        self.copy_button = QPushButton(self.tr("复制"))
        self.copy_button.setObjectName("copy_totals")
        self.copy_button.setToolTip(self.tr("复制为制表符分隔的文本，可粘贴到电子表格"))
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.rows: list[tuple[str, int, int]] = []
        self.show_year()
        self.resize(420, 380)

    def show_year(self) -> None:
        office = None if self.context.is_district else self.context.actor.office_code
        totals = aid_payments.year_totals(self.context.store, self.year.value(), office)
        self.rows = [(t.kind, t.count, t.fen) for t in totals]
        total = (self.tr("合计"), sum(r[1] for r in self.rows), sum(r[2] for r in self.rows))
        fill_table(self.table, [[k, str(n), yuan(f)] for k, n, f in [*self.rows, total]])

    def tsv(self) -> str:
        """The table as tab-separated lines, amounts as plain numbers (1234.56)."""
        total = (self.tr("合计"), sum(r[1] for r in self.rows), sum(r[2] for r in self.rows))
        lines = ["\t".join((self.tr("帮扶类型"), self.tr("笔数"), self.tr("金额（元）")))]
        lines += [f"{k}\t{n}\t{f / 100:.2f}" for k, n, f in [*self.rows, total]]
        return "\n".join(lines) + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.tsv())


class AidMoneyActions(QObject):
    """The tab-level money buttons for the filter bar: 应急救助… and 年度统计…."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.hooks = PageHooks(parent)
        self.emergency_button = QPushButton(self.tr("应急救助…"))
        self.emergency_button.setObjectName("emergency_payment")
        allow(self.emergency_button, None if may_record(context) else only_who_may(WRITE, self.tr("发放应急救助")),
              self.tr("向没有在档档案的职工发放应急救助（填写姓名、身份证号和事由）"))
        self.emergency_button.clicked.connect(self.emergency)
        self.totals_button = QPushButton(self.tr("年度统计…"))
        self.totals_button.setObjectName("year_totals")
        self.totals_button.setToolTip(self.tr("某年各类帮扶的笔数和金额"))
        self.totals_button.clicked.connect(self.year_totals)
        self.last_payment: Any = None

    def emergency(self) -> None:
        dialog = EmergencyDialog(self.context, self.hooks, self.emergency_button.window())
        self.hooks.run(dialog)
        if dialog.result() == QDialog.DialogCode.Accepted and dialog.payment is not None:
            self.last_payment = dialog.payment
            self.hooks.inform(self.tr("应急救助"), self.tr("已登记向{name}发放的应急救助 {amount}。").format(
                name=dialog.payment.payee_name, amount=money(dialog.payment.amount_fen)))

    def year_totals(self) -> None:
        self.hooks.run(YearTotalsDialog(self.context, self.totals_button.window()))
