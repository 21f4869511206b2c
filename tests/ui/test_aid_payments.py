"""The money pages of the 困难帮扶 tab as the office meets them: a clerk records a payment (row and year totals
shown, taken back with 撤销 / Ctrl+Z, deleted after asking); above a cap a clerk is refused naming the cap with
nothing written and an approver records it with an override's reason; the month's second payment of a type is
recorded only once confirmed; a file not 在档 cannot be paid and says why; 应急救助 to a worker without a file;
a year's totals by type copied as tab-separated text; a 金秋助学 grant recorded (aided elsewhere refused under
its field), publicized and paid only after the 公示; the caps and amounts kept in 帮扶设置 by an administrator."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from db.aid import cases, money_reads
from db.aid import settings as aid_settings
from db.auth import Actor
from db.models import AidPayment
from db.store import Store
from desktop.ui.aid.payments import (
    AidMoneyActions,
    AidPayments,
    EmergencyDialog,
    OverrideDialog,
    PaymentDialog,
    YearTotalsDialog,
)
from desktop.ui.aid.settings_dialog import AidSettingsDialog
from desktop.ui.aid.students import AidStudents, GrantDialog, PayGrantDialog, PublicizeDialog
from desktop.ui.aid.tab import AidTab
from desktop.ui.stations.field_dialog import FieldDialog
from desktop.ui.worker import JobRunner
from tests.unit.db.aid.conftest import Today, add_member, open_case, person, walk

from .conftest import OFFICE, make_context

CLERK = Actor("clerk", "录入员甲", frozenset({"clerk"}), OFFICE.code)
CLERK2 = Actor("clerk2", "录入员乙", frozenset({"clerk"}), OFFICE.code)
APPROVER = Actor("approver", "审核人", frozenset({"approver"}), OFFICE.code)
ADMIN = Actor("admin", "管理员", frozenset({"admin"}), OFFICE.code)
PAYMENT = {"kind": "生活救助", "amount_fen": "1500.5", "method": "转账", "voucher_no": "PZ001", "approver": "王主席"}


def _file(store: Store, today: Today, n: int = 1, to: str = "filed") -> str:
    case = open_case(store, CLERK, add_member(store, CLERK, n))
    walk(store, case.uuid, to, clerk=CLERK, checker=CLERK2, approver=APPROVER, today=today)
    return case.uuid


@pytest.fixture
def filed(ui_store: Store, today: Today) -> str:
    """A file in 在档 (today is then 2025-03-10)."""
    return _file(ui_store, today)


def _payments(store: Store) -> list[SimpleNamespace]:
    """The payments not taken back, oldest first (their columns, read while the session is open)."""
    with store.transaction() as session:
        rows = session.query(AidPayment).filter(AidPayment.deleted.is_(False)).order_by(AidPayment.sync_seq)
        return [SimpleNamespace(**{c.key: getattr(p, c.key) for c in AidPayment.__table__.columns}) for p in rows]


def _page(qtbot: QtBot, store: Store, actor: Actor, runner: JobRunner, uuid: str | None) -> AidPayments:
    page = AidPayments(make_context(store, actor, runner))
    qtbot.addWidget(page)
    page.show_case(uuid)
    return page


def _fill(values: dict[str, Any]) -> Callable[[FieldDialog], None]:
    def fill(dialog: FieldDialog) -> None:
        for name, value in values.items():
            dialog.fields[name].set_value(value)
    return fill


class Clerk:
    """What the clerk does in each dialog a page opens: fills it in (by its class) and presses OK, or Esc when
    nothing is said for it. ``answers`` are the yes/no questions' answers in turn; ``asked`` their texts."""

    def __init__(self, fills: dict[type, Callable[[Any], None]], answers: tuple[bool, ...] = ()) -> None:
        self.fills, self.answers = fills, list(answers)
        self.asked: list[str] = []
        self.opened: list[QDialog] = []

    def open_dialog(self, dialog: QDialog) -> int:
        self.opened.append(dialog)
        fill = self.fills.get(type(dialog))
        if fill is None:
            dialog.reject()
        else:
            fill(dialog)
            dialog.submit()  # type: ignore[attr-defined]
        return dialog.result()

    def agree(self, _title: str, text: str, _yes: str) -> bool:
        self.asked.append(text)
        return self.answers.pop(0)

    def on(self, target: Any) -> Clerk:
        target.hooks.open_dialog = self.open_dialog
        target.hooks.agree = self.agree
        target.hooks.inform = lambda _title, text: self.asked.append(text)
        return self


def test_a_clerk_records_a_payment_and_takes_it_back(qtbot: QtBot, ui_store: Store, runner: JobRunner,
                                                      filed: str) -> None:
    page = _page(qtbot, ui_store, CLERK, runner, filed)
    assert page.add_button.isEnabled(), page.add_button.toolTip()
    assert not page.undo_button.isEnabled() and not page.delete_button.isEnabled()
    clerk = Clerk({PaymentDialog: _fill(PAYMENT)}).on(page)
    with qtbot.waitSignal(page.changed):
        page.add_button.click()
    assert page.table.rowCount() == 1
    assert [page.table.item(0, c).text() for c in range(6)] == ["2025-03-10", "生活救助", "1,500.50", "转账",
                                                                "PZ001", "王主席"]
    assert page.totals.text() == "2025年：生活救助 1笔 1,500.50 元；合计 1笔 1,500.50 元"
    assert [(p.amount_fen, p.case_uuid) for p in _payments(ui_store)] == [(150050, filed)]
    assert "生活救助 1,500.50 元" in page.undo_button.toolTip()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z: the last add
    assert page.table.rowCount() == 0 and _payments(ui_store) == []
    assert not page.undo_button.isEnabled()

    # recorded again, then deleted after asking (No first: nothing happens)
    page.add_button.click()
    page.table.selectRow(0)
    clerk.answers = [False, True]
    page.delete_button.click()
    assert len(_payments(ui_store)) == 1
    page.delete_button.click()
    assert "删除2025-03-10 的生活救助 1,500.50 元吗" in clerk.asked[-1]
    assert _payments(ui_store) == [] and page.table.rowCount() == 0


def test_a_wrong_amount_and_esc_write_nothing(qtbot: QtBot, ui_store: Store, runner: JobRunner, filed: str) -> None:
    page = _page(qtbot, ui_store, CLERK, runner, filed)
    clerk = Clerk({PaymentDialog: _fill(PAYMENT | {"amount_fen": "12.345"})}).on(page)
    page.add_button.click()
    dialog = clerk.opened[-1]
    assert isinstance(dialog, PaymentDialog) and dialog.result() != QDialog.DialogCode.Accepted
    assert "小数" in dialog.field_error("amount_fen"), dialog.field_error("amount_fen")
    Clerk({}).on(page)  # Esc
    page.add_button.click()
    assert _payments(ui_store) == [] and page.table.rowCount() == 0


def test_a_clerk_above_a_cap_is_refused_naming_it(qtbot: QtBot, ui_store: Store, runner: JobRunner,
                                                 filed: str) -> None:
    aid_settings.set_payment_cap(ui_store, ADMIN, "生活救助", per_payment_fen=100_000, per_year_fen=None)
    page = _page(qtbot, ui_store, CLERK, runner, filed)
    clerk = Clerk({PaymentDialog: _fill(PAYMENT)}).on(page)
    page.add_button.click()
    dialog = clerk.opened[-1]
    assert isinstance(dialog, PaymentDialog) and dialog.result() != QDialog.DialogCode.Accepted
    error = dialog.field_error("amount_fen")
    assert "单笔限额1,000.00元" in error and "审核人" in error, error
    assert len(clerk.opened) == 1  # no override asked of a clerk
    assert _payments(ui_store) == []


def test_an_approver_overrides_a_cap_with_a_reason(qtbot: QtBot, ui_store: Store, runner: JobRunner,
                                                  filed: str) -> None:
    aid_settings.set_payment_cap(ui_store, ADMIN, "生活救助", per_payment_fen=100_000, per_year_fen=None)
    page = _page(qtbot, ui_store, APPROVER, runner, filed)
    assert page.add_button.isEnabled()
    clerk = Clerk({PaymentDialog: _fill(PAYMENT)}).on(page)  # Esc at the reason: nothing written
    page.add_button.click()
    assert [type(d) for d in clerk.opened] == [PaymentDialog, OverrideDialog]
    assert "单笔限额1,000.00元" in clerk.opened[1].findChild(QLabel, "override_note").text()
    assert _payments(ui_store) == []
    reason = _fill({"override_reason": "住院费用高，办公会同意"})
    Clerk({PaymentDialog: _fill(PAYMENT), OverrideDialog: reason}).on(page)
    page.add_button.click()
    [payment] = _payments(ui_store)
    assert (payment.override_by, payment.override_reason) == ("approver", "住院费用高，办公会同意")
    assert page.table.item(0, 6).text() == "approver：住院费用高，办公会同意"
    page.table.selectRow(0)  # an approver does not take payments back
    assert not page.delete_button.isEnabled() and "录入" in page.delete_button.toolTip()


def test_the_month_s_second_payment_is_recorded_only_once_confirmed(qtbot: QtBot, ui_store: Store,
                                                                   runner: JobRunner, filed: str) -> None:
    page = _page(qtbot, ui_store, CLERK, runner, filed)
    Clerk({PaymentDialog: _fill(PAYMENT)}).on(page)
    page.add_button.click()
    second = PAYMENT | {"amount_fen": "300", "voucher_no": "PZ002"}
    clerk = Clerk({PaymentDialog: _fill(second)}, answers=(False,)).on(page)
    page.add_button.click()
    assert "2025年3月已有一笔生活救助" in clerk.asked[0] and clerk.asked[0].endswith("仍要发放吗？"), clerk.asked
    assert len(_payments(ui_store)) == 1
    dialog = clerk.opened[-1]
    assert isinstance(dialog, PaymentDialog) and "已有一笔" in dialog.field_error("kind")
    clerk = Clerk({PaymentDialog: _fill(second)}, answers=(True,)).on(page)
    page.add_button.click()
    assert [p.amount_fen for p in _payments(ui_store)] == [150050, 30000]
    assert page.totals.text() == "2025年：生活救助 2笔 1,800.50 元；合计 2笔 1,800.50 元"


def test_a_file_not_filed_cannot_be_paid_and_says_why(qtbot: QtBot, ui_store: Store, runner: JobRunner,
                                                      today: Today) -> None:
    uuid = _file(ui_store, today, to="publicized")
    page = _page(qtbot, ui_store, CLERK, runner, uuid)
    assert not page.add_button.isEnabled()
    assert "当前为公示" in page.add_button.toolTip() and "只有在档" in page.add_button.toolTip()
    nobody = _page(qtbot, ui_store, CLERK, runner, None)
    assert not nobody.add_button.isEnabled() and "选择" in nobody.add_button.toolTip()


def test_emergency_aid_to_a_worker_without_a_file(qtbot: QtBot, ui_store: Store, runner: JobRunner,
                                                  filed: str) -> None:
    owner = AidTab(make_context(ui_store, CLERK, runner))
    qtbot.addWidget(owner)
    actions = owner.money
    assert isinstance(actions, AidMoneyActions) and actions.emergency_button.isEnabled()
    emergency = {"payee_name": "赵六", "payee_id_number": "110101198001011234", "reason": "突发火灾",
                 "amount_fen": "800", "method": "现金"}
    clerk = Clerk({EmergencyDialog: _fill(emergency)}).on(actions)
    actions.emergency_button.click()
    dialog = clerk.opened[-1]
    assert isinstance(dialog, EmergencyDialog) and dialog.field_error("payee_id_number"), "a bad ID number"
    assert len(_payments(ui_store)) == 0
    clerk = Clerk({EmergencyDialog: _fill(emergency | {"payee_id_number": person(9)})}).on(actions)
    actions.emergency_button.click()
    [payment] = _payments(ui_store)
    assert (payment.case_uuid, payment.kind, payment.payee_name) == (None, "应急救助", "赵六")
    assert payment.amount_fen == 80000
    assert "赵六" in clerk.asked[-1] and "800.00 元" in clerk.asked[-1]
    # a worker whose file is 在档 is paid on that file: refused under the ID number
    Clerk({EmergencyDialog: _fill(emergency | {"payee_id_number": person(1)})}).on(actions)
    actions.emergency_button.click()
    assert len(_payments(ui_store)) == 1
    reader = AidMoneyActions(make_context(ui_store, Actor("reader", "查阅", frozenset({"viewer"}), OFFICE.code),
                                          runner), owner)
    assert not reader.emergency_button.isEnabled() and "只有" in reader.emergency_button.toolTip()


def test_a_year_s_totals_by_type_copied(qtbot: QtBot, ui_store: Store, runner: JobRunner, filed: str) -> None:
    page = _page(qtbot, ui_store, CLERK, runner, filed)
    Clerk({PaymentDialog: _fill(PAYMENT)}).on(page)
    page.add_button.click()
    Clerk({PaymentDialog: _fill(PAYMENT | {"kind": "医疗救助", "amount_fen": "2000", "voucher_no": "PZ2"})}).on(page)
    page.add_button.click()
    owner = AidTab(make_context(ui_store, CLERK, runner))
    qtbot.addWidget(owner)
    clerk = Clerk({}).on(owner.money)
    owner.money.totals_button.click()
    dialog = clerk.opened[-1]
    assert isinstance(dialog, YearTotalsDialog) and dialog.year.value() == 2025
    cells = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
             for r in range(dialog.table.rowCount())}
    assert cells["生活救助"] == ("1", "1,500.50") and cells["医疗救助"] == ("1", "2,000.00")
    assert cells["合计"] == ("2", "3,500.50") and cells["应急救助"] == ("0", "0.00")
    dialog.copy()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("帮扶类型\t笔数\t金额（元）\n") and "医疗救助\t1\t2000.00\n" in text
    assert text.endswith("合计\t2\t3500.50\n")
    dialog.year.setValue(2024)
    assert dialog.table.item(dialog.table.rowCount() - 1, 1).text() == "0"


def test_a_student_grant_is_paid_only_after_the_publicity(qtbot: QtBot, ui_store: Store, runner: JobRunner,
                                                          filed: str, today: Today) -> None:
    aid_settings.set_student_amount(ui_store, ADMIN, "高中", 300_000)
    page = AidStudents(make_context(ui_store, CLERK, runner))
    qtbot.addWidget(page)
    page.show_case(filed)
    assert not page.grant_button.isEnabled() and "家庭成员" in page.grant_button.toolTip()
    child = cases.add_household_member(ui_store, CLERK, filed, {"name": "学生甲", "relation": "子女",
                                                                "id_number": person(50, 2008)})
    cases.add_household_member(ui_store, CLERK, filed, {"name": "配偶乙", "relation": "配偶"})
    page.show_case(filed)
    assert page.table.rowCount() == 1 and page.table.item(0, page.STATUS).text() == "未登记"  # the spouse is no student

    clerk = Clerk({GrantDialog: _fill({"school_level": "高中", "aided_elsewhere": True, "elsewhere_note": "助学金"})})
    clerk.on(page)
    page.grant_button.click()
    dialog = clerk.opened[-1]
    assert isinstance(dialog, GrantDialog) and "不再资助" in dialog.field_error("aided_elsewhere")
    assert money_reads.case_students(ui_store, filed).grants == []
    Clerk({GrantDialog: _fill({"school_level": "高中", "school": "二中"})}).on(page)
    page.grant_button.click()
    row = [page.table.item(0, c).text() for c in range(7)]
    assert row == ["学生甲（子女）", "2025", "高中", "3,000.00", "待公示", "否", "二中"]
    page.table.selectRow(0)
    assert not page.pay_button.isEnabled() and "尚未公示" in page.pay_button.toolTip()

    clerk = Clerk({PublicizeDialog: _fill({})}).on(page)
    page.publicize_button.click()
    publicize = clerk.opened[-1]
    assert isinstance(publicize, PublicizeDialog) and "学生甲" in publicize.pending.text()
    assert page.table.item(0, page.STATUS).text() == "公示中（2025-03-17起可发放）"
    page.table.selectRow(0)
    assert not page.pay_button.isEnabled()
    assert page.pay_button.toolTip() == "公示期至2025-03-16，2025-03-17起才能发放"

    today.move(7)
    page.show_case(filed)
    page.table.selectRow(0)
    assert page.pay_button.isEnabled(), page.pay_button.toolTip()
    Clerk({PayGrantDialog: _fill({"method": "转账", "voucher_no": "ZX01"})}).on(page)
    page.pay_button.click()
    assert page.table.item(0, page.STATUS).text() == "已发放（2025-03-17）"
    [payment] = _payments(ui_store)
    assert (payment.kind, payment.amount_fen, payment.case_uuid) == ("助学救助", 300_000, filed)
    assert child.uuid in {g["student_uuid"] for g in money_reads.case_students(ui_store, filed).grants}
    payments_page = _page(qtbot, ui_store, CLERK, runner, filed)
    payments_page.table.selectRow(0)
    assert not payments_page.delete_button.isEnabled() and "金秋助学" in payments_page.delete_button.toolTip()


def test_the_caps_and_amounts_saved_by_an_admin(qtbot: QtBot, ui_store: Store, runner: JobRunner) -> None:
    dialog = AidSettingsDialog(make_context(ui_store, ADMIN, runner))
    qtbot.addWidget(dialog)
    kinds = [dialog.caps.item(r, 0).text() for r in range(dialog.caps.rowCount())]
    row = kinds.index("医疗救助")
    dialog.caps.item(row, 1).setText("5000")
    dialog.caps.item(row, 2).setText("3000")  # a year's cap below one payment's: refused, nothing saved
    assert not dialog.submit()
    assert "医疗救助" in dialog.error.text() and "不能小于" in dialog.error.text(), dialog.error.text()
    assert aid_settings.read(ui_store) == aid_settings.AidSettings()
    dialog.caps.item(row, 2).setText("20000")
    levels = [dialog.amounts.item(r, 0).text() for r in range(dialog.amounts.rowCount())]
    dialog.amounts.item(levels.index("大学本科"), 1).setText("5000.5")
    assert dialog.submit(), dialog.error.text()
    saved = aid_settings.read(ui_store)
    assert saved.payment_caps == {"医疗救助": aid_settings.PaymentCap(500_000, 2_000_000)}
    assert saved.student_amounts == {"大学本科": 500_050}

    again = AidSettingsDialog(make_context(ui_store, ADMIN, runner))
    qtbot.addWidget(again)
    assert again.caps.item(row, 1).text() == "5000.00"
    again.caps.item(row, 1).setText("")  # emptied: no cap per payment
    assert again.submit(), again.error.text()
    assert aid_settings.read(ui_store).payment_caps == {"医疗救助": aid_settings.PaymentCap(None, 2_000_000)}


def test_a_clerk_sees_the_caps_read_only(qtbot: QtBot, ui_store: Store, runner: JobRunner) -> None:
    dialog = AidSettingsDialog(make_context(ui_store, CLERK, runner))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and "管理员" in ok.toolTip()
    assert dialog.caps.editTriggers() == dialog.caps.EditTrigger.NoEditTriggers
    assert "管理员" in dialog.amounts.toolTip()
