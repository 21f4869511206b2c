"""A 送温暖 recipient edited in the campaign window (修改… or a double click; a refusal stays under its field with
nothing written), its additions, edits and removals taken back by 撤销 / Ctrl+Z (the rules checked again), the
送温暖慰问 payment a file's 慰问金 makes appearing, changing and going on the file's 帮扶记录 page (where it cannot
be deleted, and says where to change it), and the window following the tab after an import or a sync. An
approver only looks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from db.aid import campaigns
from db.models import AidCase
from db.store import Store
from desktop.ui.aid.campaign_dialogs import OTHERS, RecipientEditDialog
from desktop.ui.aid.campaigns import CampaignsDialog
from desktop.ui.aid.tab import AidTab
from desktop.ui.settings import Settings
from desktop.ui.worker import JobRunner
from tests.ui.test_aid_campaigns import (
    APPROVER,
    CLERK,
    SPRING,
    STRANGER_ID,
    _answer,
    _cells,
    _recipient,
    _window,
    office,  # noqa: F401 - fixture
)
from tests.unit.db.aid.conftest import Today, person
from tests.unit.db.aid.test_aid_campaign_edits import snapshot

from .conftest import make_context

STRANGER = {"name": "李四", "id_number": STRANGER_ID, "group": "劳模"}


def _set(dialog: QDialog, name: str, text: str) -> None:
    assert isinstance(dialog, RecipientEditDialog)
    editor = dialog.fields[name].editor
    if isinstance(editor, QComboBox):
        editor.setCurrentText(text)
    else:
        assert isinstance(editor, QLineEdit)
        editor.setText(text)


def _filed_case(store: Store) -> str:
    with store.transaction() as session:
        return next(c.uuid for c in session.query(AidCase) if c.status == "filed")


@pytest.fixture
def spring(office: Store, today: Today) -> Iterator[str]:  # noqa: F811
    yield campaigns.create_campaign(office, CLERK, SPRING).uuid


def test_a_recipient_is_edited_by_double_click_and_a_refusal_stays_in_the_dialog(
        qtbot: QtBot, office: Store, spring: str, runner: JobRunner, settings: Settings) -> None:  # noqa: F811
    campaigns.add_recipient(office, CLERK, spring, {**STRANGER, "gift": "米面油"})
    window = _window(qtbot, office, CLERK, runner, settings)
    assert not window.edit_recipient_button.isEnabled()
    assert "请先在名单中选择要修改的慰问对象" in window.edit_recipient_button.toolTip()
    window.recipients.selectRow(0)
    assert window.edit_recipient_button.isEnabled()

    before = snapshot(office)
    seen = _answer(window, lambda d: _set(d, "amount_fen", "3000.01"))
    window.recipients.doubleClicked.emit(window.recipients.model().index(0, 0))
    dialog = seen[0]
    assert isinstance(dialog, RecipientEditDialog) and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.fields["gift"].value() == "米面油" and dialog.fields["group"].value() == "劳模"
    assert "超过本活动每次慰问金上限 3,000.00 元" in dialog.field_error("amount_fen")
    assert snapshot(office) == before

    def changed(d: QDialog) -> None:
        _set(d, "amount_fen", "500")
        _set(d, "gift", "")
        _set(d, "visitor", "王主席")

    _answer(window, changed)
    assert window.edit_recipient()
    row = _cells(window)[0]
    assert (row[0], row[3], row[4], row[6]) == ("李四", "500.00", "", "王主席")
    assert window.totals_text().splitlines()[-1] == "合计：1 人，慰问金 500.00 元，慰问品 0 份"
    assert window.undo_button.isEnabled() and "撤销修改 李四" in window.undo_button.toolTip()


def test_undo_takes_back_an_addition_an_edit_and_a_removal(
        qtbot: QtBot, office: Store, spring: str, runner: JobRunner, settings: Settings) -> None:  # noqa: F811
    window = _window(qtbot, office, CLERK, runner, settings)
    assert not window.undo_button.isEnabled() and "没有可撤销" in window.undo_button.toolTip()
    _answer(window, _recipient(OTHERS, name="李四", id_number=STRANGER_ID, group="劳模", amount="800"))
    assert window.add_recipient()
    _answer(window, lambda d: _set(d, "amount_fen", "600"))
    assert window.edit_recipient()  # the one just added is chosen
    window.hooks.agree = lambda _title, _text, _yes: True
    assert window.remove_selected() and _cells(window) == []

    assert "撤销移除 李四" in window.undo_button.toolTip()
    assert window.undo()  # the removal: back, as it was edited
    assert [(r[0], r[3]) for r in _cells(window)] == [("李四", "600.00")]
    shortcut = window.findChild(QShortcut)
    assert shortcut is not None and shortcut.key().toString() == "Ctrl+Z"
    shortcut.activated.emit()  # Ctrl+Z: the edit
    assert [(r[0], r[3]) for r in _cells(window)] == [("李四", "800.00")]
    assert window.undo()  # the addition
    assert _cells(window) == [] and not window.undo_button.isEnabled()
    assert not window.undo()


def test_an_undo_the_rules_refuse_now_says_why(
        qtbot: QtBot, office: Store, spring: str, runner: JobRunner, settings: Settings) -> None:  # noqa: F811
    visit = campaigns.add_recipient(office, CLERK, spring, {**STRANGER, "gift": "米面油"})
    window = _window(qtbot, office, CLERK, runner, settings)
    window.recipients.selectRow(0)
    window.hooks.agree = lambda _title, _text, _yes: True
    assert window.remove_selected()
    campaigns.add_recipient(office, CLERK, spring, {**STRANGER, "gift": "棉被"})  # the person again, meanwhile
    before = snapshot(office)
    assert not window.undo()
    assert "无法撤销移除 李四" in window.error_label.text() and "同一活动每人只慰问一次" in window.error_label.text()
    assert snapshot(office) == before
    assert [r.uuid for r in window.recipient_rows()] != [visit.uuid]


def test_an_approver_may_neither_edit_nor_undo(qtbot: QtBot, office: Store, spring: str,  # noqa: F811
                                              runner: JobRunner, settings: Settings) -> None:
    campaigns.add_recipient(office, CLERK, spring, {**STRANGER, "gift": "米面油"})
    window = _window(qtbot, office, APPROVER, runner, settings)
    window.recipients.selectRow(0)
    for button in (window.edit_recipient_button, window.undo_button):
        assert not button.isEnabled() and "只有录入员和管理员可以" in button.toolTip(), button.objectName()
    assert not window.edit_recipient() and not window.undo()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform's
def test_a_files_cash_gift_appears_on_its_payments_page_and_follows_the_visit(
        qtbot: QtBot, office: Store, spring: str, runner: JobRunner) -> None:  # noqa: F811
    case = _filed_case(office)
    tab = AidTab(make_context(office, CLERK, runner))
    qtbot.addWidget(tab)
    tab.open_record(case)
    tab.panels.setCurrentWidget(tab.payments)
    assert tab.payments.table.rowCount() == 0
    window: CampaignsDialog = tab.open_campaigns()

    _answer(window, _recipient(0, search="职工1", amount="500"))
    assert window.add_recipient()
    page = tab.payments
    assert page.table.rowCount() == 1
    assert [page.table.item(0, c).text() for c in (1, 2, 3, 7)] == ["送温暖慰问", "500.00", "现金",
                                                                    "2025年春节送温暖慰问金"]
    page.table.selectRow(0)
    assert not page.delete_button.isEnabled()
    assert "请在“送温暖活动…”中修改或移除该慰问对象" in page.delete_button.toolTip()
    assert not page.edit_button.isEnabled() and "请在“送温暖活动…”中修改" in page.edit_button.toolTip()

    _answer(window, lambda d: _set(d, "amount_fen", "650"))
    assert window.edit_recipient()
    assert page.table.item(0, 2).text() == "650.00"
    window.hooks.agree = lambda _title, _text, _yes: True
    assert window.remove_selected()
    assert page.table.rowCount() == 0
    assert window.undo()  # the removal taken back: the payment with it
    assert page.table.rowCount() == 1 and page.table.item(0, 2).text() == "650.00"
    window.close()


def test_the_edit_dialog_says_the_file_is_paid_too(office: Store, spring: str, qtbot: QtBot) -> None:  # noqa: F811
    campaigns.add_recipient(office, CLERK, spring, {"case_uuid": _filed_case(office), "amount_fen": "500"})
    campaign = campaigns.campaign_details(office, spring)["campaign"]
    recipient = campaigns.recipients(office, spring)[0]
    dialog = RecipientEditDialog(campaign, recipient, lambda _values: None)
    qtbot.addWidget(dialog)
    note = dialog.findChild(QLabel, "payment_note")
    assert note is not None and "帮扶记录（送温暖慰问）" in note.text()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform's
def test_the_open_campaign_window_follows_the_tab(qtbot: QtBot, office: Store, spring: str,  # noqa: F811
                                                  runner: JobRunner) -> None:
    tab = AidTab(make_context(office, CLERK, runner))
    qtbot.addWidget(tab)
    window = tab.open_campaigns()
    assert _cells(window) == []
    # as an Excel import or a batch would write it, outside the window
    campaigns.add_recipient(office, CLERK, spring, {"name": "王五", "id_number": person(91), "group": "劳模",
                                                    "gift": "米面油"})
    tab.records_changed()  # what the main window calls after an import or a sync
    assert [r[0] for r in _cells(window)] == ["王五"]
    assert window.list.item(0, 5).text() == "1"
    window.close()
    qtbot.waitUntil(lambda: tab.campaigns_window is None)
    tab.records_changed()  # no window: nothing to follow
