"""Correcting what a clerk recorded by mistake in the 困难帮扶 tab: a payment's amount and voucher changed (the row
and the year's totals follow), an over-cap change refused for a clerk naming the cap and saved by an approver
with a reason, a change undone; a payment made by a 金秋助学 grant keeps its type and amount; a grant changed,
taken back and both undone; and every disabled button saying why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from db.aid import cases, money_reads, payments, students, workflow
from db.aid import settings as aid_settings
from db.auth import Actor
from db.store import Store
from desktop.ui.aid.grant_edit import EditGrantDialog
from desktop.ui.aid.payment_edit import EditPaymentDialog
from desktop.ui.aid.payments import OverrideDialog
from desktop.ui.aid.students import AidStudents
from desktop.ui.worker import JobRunner
from tests.ui.test_aid_payments import ADMIN, APPROVER, CLERK, PAYMENT, Clerk, _file, _fill, _page, _payments
from tests.unit.db.aid.conftest import Today, person

from .conftest import OFFICE, make_context

VIEWER = Actor("viewer", "查阅人", frozenset(), OFFICE.code)


@pytest.fixture
def filed(ui_store: Store, today: Today) -> str:
    """A file in 在档 with one payment of 1,500.50 元 (today is then 2025-03-10)."""
    uuid = _file(ui_store, today)
    payments.record_payment(ui_store, CLERK, uuid, PAYMENT | {"paid_on": today.day})
    return uuid


def _students(qtbot: QtBot, store: Store, actor: Actor, runner: JobRunner, uuid: str) -> AidStudents:
    page = AidStudents(make_context(store, actor, runner))
    qtbot.addWidget(page)
    page.show_case(uuid)
    return page


def _row(page: object, row: int = 0) -> list[str]:
    table = page.table  # type: ignore[attr-defined]
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_a_clerk_corrects_a_payment_s_amount_and_voucher_and_undoes_it(qtbot: QtBot, ui_store: Store,
                                                                      runner: JobRunner, filed: str) -> None:
    page = _page(qtbot, ui_store, CLERK, runner, filed)
    assert not page.edit_button.isEnabled() and page.edit_button.toolTip() == "请先选择一条帮扶记录"
    page.table.selectRow(0)
    assert page.edit_button.isEnabled(), page.edit_button.toolTip()
    clerk = Clerk({}).on(page)  # Esc: nothing written
    before = _payments(ui_store)
    page.edit_button.click()
    dialog = clerk.opened[-1]
    assert isinstance(dialog, EditPaymentDialog)
    assert {n: dialog.fields[n].value() for n in ("kind", "amount_fen", "voucher_no", "paid_on")} == {
        "kind": "生活救助", "amount_fen": "1500.50", "voucher_no": "PZ001", "paid_on": "2025-03-10"}
    assert _payments(ui_store) == before

    Clerk({EditPaymentDialog: _fill({"amount_fen": "1800", "voucher_no": "PZ009"})}).on(page)
    page.table.selectRow(0)
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens 修改…
    assert _row(page)[1:5] == ["生活救助", "1,800.00", "转账", "PZ009"]
    assert page.totals.text() == "2025年：生活救助 1笔 1,800.00 元；合计 1笔 1,800.00 元"
    [payment] = _payments(ui_store)
    assert (payment.amount_fen, payment.voucher_no) == (180_000, "PZ009")
    assert "撤销刚才对2025-03-10 的生活救助 1,500.50 元的修改" in page.undo_button.toolTip()

    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z: the edit
    [payment] = _payments(ui_store)
    assert (payment.amount_fen, payment.voucher_no) == (150_050, "PZ001")
    assert _row(page)[2] == "1,500.50" and not page.undo_button.isEnabled()
    assert page.undo_button.toolTip() == "没有可撤销的登记或修改"


def test_an_over_cap_change_is_refused_for_a_clerk_and_saved_by_an_approver_with_a_reason(
        qtbot: QtBot, ui_store: Store, runner: JobRunner, filed: str) -> None:
    aid_settings.set_payment_cap(ui_store, ADMIN, "生活救助", per_payment_fen=200_000, per_year_fen=None)
    page = _page(qtbot, ui_store, CLERK, runner, filed)
    page.table.selectRow(0)
    clerk = Clerk({EditPaymentDialog: _fill({"amount_fen": "2500"})}).on(page)
    before = _payments(ui_store)
    page.edit_button.click()
    dialog = clerk.opened[-1]
    assert isinstance(dialog, EditPaymentDialog) and dialog.result() != QDialog.DialogCode.Accepted
    error = dialog.field_error("amount_fen")
    assert "单笔限额2,000.00元" in error and "审核人" in error, error
    assert len(clerk.opened) == 1 and _payments(ui_store) == before

    page = _page(qtbot, ui_store, APPROVER, runner, filed)
    page.table.selectRow(0)
    clerk = Clerk({EditPaymentDialog: _fill({"amount_fen": "2500"})}).on(page)  # Esc at the reason
    page.edit_button.click()
    assert [type(d) for d in clerk.opened] == [EditPaymentDialog, OverrideDialog]
    assert "单笔限额2,000.00元" in clerk.opened[1].findChild(QLabel, "override_note").text()
    assert _payments(ui_store) == before
    Clerk({EditPaymentDialog: _fill({"amount_fen": "2500"}),
           OverrideDialog: _fill({"override_reason": "住院费用增加，办公会同意"})}).on(page)
    page.table.selectRow(0)
    page.edit_button.click()
    [payment] = _payments(ui_store)
    assert (payment.amount_fen, payment.override_by, payment.override_reason) == (
        250_000, "approver", "住院费用增加，办公会同意")
    assert _row(page)[6] == "approver：住院费用增加，办公会同意"
    page.undo()  # back within the cap: the override goes with it
    [payment] = _payments(ui_store)
    assert (payment.amount_fen, payment.override_by) == (150_050, None)


def test_a_second_payment_s_month_is_asked_again_when_a_change_moves_it(qtbot: QtBot, ui_store: Store,
                                                                       runner: JobRunner, filed: str,
                                                                       today: Today) -> None:
    payments.record_payment(ui_store, CLERK, filed, PAYMENT | {"voucher_no": "PZ002", "paid_on": "2025-02-10"})
    page = _page(qtbot, ui_store, CLERK, runner, filed)
    page.table.selectRow(1)  # February's, moved into March where one is already
    clerk = Clerk({EditPaymentDialog: _fill({"paid_on": "2025-03-05"})}, answers=(False,)).on(page)
    page.edit_button.click()
    assert "2025年3月已有一笔生活救助" in clerk.asked[-1]
    assert sorted(p.paid_on.isoformat() for p in _payments(ui_store)) == ["2025-02-10", "2025-03-10"]
    clerk.answers = [True]
    page.table.selectRow(1)
    page.edit_button.click()
    assert sorted(p.paid_on.isoformat() for p in _payments(ui_store)) == ["2025-03-05", "2025-03-10"]
    page.undo()  # put back without asking again
    assert sorted(p.paid_on.isoformat() for p in _payments(ui_store)) == ["2025-02-10", "2025-03-10"]


def _paid_grant(store: Store, uuid: str, today: Today) -> str:
    aid_settings.set_student_amount(store, ADMIN, "高中", 300_000)
    child = cases.add_household_member(store, CLERK, uuid, {"name": "学生甲", "relation": "子女",
                                                            "id_number": person(50, 2008)})
    grant = students.record_student_grant(store, CLERK, uuid, child.uuid, {"school_level": "高中"})
    students.publicize_student_grants(store, CLERK, 2025)
    today.move(7)
    students.pay_student_grant(store, CLERK, grant.uuid, {"paid_on": today.day, "method": "转账",
                                                          "voucher_no": "ZX01"})
    return grant.uuid


def test_a_grant_s_payment_keeps_its_type_and_amount(qtbot: QtBot, ui_store: Store, runner: JobRunner,
                                                     filed: str, today: Today) -> None:
    _paid_grant(ui_store, filed, today)
    page = _page(qtbot, ui_store, CLERK, runner, filed)
    page.table.selectRow(0)
    assert _row(page)[1] == "助学救助"
    assert page.edit_button.isEnabled() and "类型和金额按资助标准" in page.edit_button.toolTip()
    clerk = Clerk({EditPaymentDialog: _fill({"voucher_no": "ZX02"})}).on(page)
    page.edit_button.click()
    dialog = clerk.opened[-1]
    assert isinstance(dialog, EditPaymentDialog) and dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.fields["kind"].editor.isEnabled() and not dialog.fields["amount_fen"].editor.isEnabled()
    assert "金秋助学" in dialog.findChild(QLabel, "grant_payment_note").text()
    assert {p.voucher_no: p.amount_fen for p in _payments(ui_store)} == {"ZX02": 300_000, "PZ001": 150_050}


def test_a_grant_changed_taken_back_and_both_undone(qtbot: QtBot, ui_store: Store, runner: JobRunner,
                                                    filed: str, today: Today) -> None:
    aid_settings.set_student_amount(ui_store, ADMIN, "大学本科", 500_000)
    grant = _paid_grant(ui_store, filed, today)
    page = _students(qtbot, ui_store, CLERK, runner, filed)
    page.table.selectRow(0)
    assert not page.edit_button.isEnabled()
    assert page.edit_button.toolTip() == "已于2025-03-17发放，不能修改；登记有误请“撤销登记”（连同其帮扶记录）"
    clerk = Clerk({}, answers=(False, True)).on(page)
    page.take_back_button.click()  # No: nothing happens
    assert len(_payments(ui_store)) == 2
    page.take_back_button.click()
    assert "其帮扶记录（助学救助 3,000.00 元）一并撤销" in clerk.asked[-1]
    assert _row(page)[4] == "未登记" and [p.voucher_no for p in _payments(ui_store)] == ["PZ001"]
    assert "恢复刚才撤销登记的学生甲2025年高中 3,000.00 元" in page.undo_button.toolTip()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _row(page)[4] == "已发放（2025-03-17）" and len(_payments(ui_store)) == 2

    # taken back for good, recorded again unpaid and publicized: changed (a new 公示 needed) and undone
    students.delete_student_grant(ui_store, CLERK, grant)
    child = money_reads.case_students(ui_store, filed).students[0]["uuid"]
    students.record_student_grant(ui_store, CLERK, filed, child, {"school_level": "高中"})
    students.publicize_student_grants(ui_store, CLERK, 2025)
    page.show_case(filed)
    page.table.selectRow(0)
    clerk = Clerk({}).on(page)  # Esc
    page.edit_button.click()
    dialog = clerk.opened[-1]
    assert isinstance(dialog, EditGrantDialog) and dialog.fields["school_level"].value() == "高中"
    assert "重新公示" in dialog.findChild(QLabel, "grant_publicized_note").text()
    assert "3,000.00" in dialog.amount_note.text()
    Clerk({EditGrantDialog: _fill({"school_level": "大学本科", "school": "理工大学"})}).on(page)
    page.table.selectRow(0)
    page.edit_button.click()
    assert _row(page)[2:5] == ["大学本科", "5,000.00", "待公示"] and _row(page)[6] == "理工大学"
    page.undo_button.click()
    assert _row(page)[2:4] == ["高中", "3,000.00"] and _row(page)[6] == ""
    page.table.selectRow(0)
    Clerk({}, answers=(True,)).on(page)
    page.take_back_button.click()
    assert money_reads.case_students(ui_store, filed).grants == []
    page.undo_button.click()
    assert len(money_reads.case_students(ui_store, filed).grants) == 1


def test_disabled_buttons_say_why(qtbot: QtBot, ui_store: Store, runner: JobRunner, filed: str,
                                  today: Today) -> None:
    _paid_grant(ui_store, filed, today)
    page = _page(qtbot, ui_store, VIEWER, runner, filed)
    page.table.selectRow(1)
    for button, doing in ((page.edit_button, "修改帮扶记录"), (page.delete_button, "删除帮扶记录")):
        assert not button.isEnabled() and button.toolTip() == f"只有录入员和管理员可以{doing}", button.toolTip()
    assert not page.undo_button.isEnabled() and page.undo_button.toolTip() == "没有可撤销的登记或修改"
    grants = _students(qtbot, ui_store, VIEWER, runner, filed)
    grants.table.selectRow(0)
    for button, doing in ((grants.edit_button, "修改"), (grants.take_back_button, "撤销登记"),
                          (grants.undo_button, "撤销金秋助学的登记或修改")):
        assert not button.isEnabled() and button.toolTip() == f"只有录入员和管理员可以{doing}", button.toolTip()

    clerk_page = _page(qtbot, ui_store, CLERK, runner, filed)
    clerk_page.table.selectRow(0)  # the grant's payment
    assert not clerk_page.delete_button.isEnabled() and "金秋助学" in clerk_page.delete_button.toolTip()
    clerk_grants = _students(qtbot, ui_store, CLERK, runner, filed)
    assert not clerk_grants.take_back_button.isEnabled()
    assert clerk_grants.take_back_button.toolTip() == "请先选择一条已登记的金秋助学"

    workflow.take_step(ui_store, CLERK, filed, "解困脱困", "已再就业")
    clerk_page.show_case(filed)
    clerk_page.table.selectRow(1)
    assert not clerk_page.edit_button.isEnabled()
    assert clerk_page.edit_button.toolTip() == "档案当前为解困脱困，已撤档档案的帮扶记录已归档，不能修改"
    clerk_grants.show_case(filed)
    clerk_grants.table.selectRow(0)
    assert clerk_grants.take_back_button.toolTip() == "档案已撤档，其金秋助学不能撤销登记"
