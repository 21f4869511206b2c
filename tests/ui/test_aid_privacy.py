"""The sensitive fields of a hardship file on screen (issue 14 item 8, design §7): masked in the form, the
household and the list for every role; a user allowed full values asks for them (显示完整信息: all, or one
field) and each view writes one audit entry; a clerk may not ask (the action off, saying who may) yet changes a
value by typing it anew; a read-only user sees them masked. A closed file says from when it may be
anonymised (item 7)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.aid import cases
from db.aid import settings as aid_settings
from db.aid.fields import AID_CASES
from db.auth import Actor
from db.models import AidCase, AuditEntry
from db.registry import ListColumn
from db.store import Store
from desktop.ui.aid.tab import AidTab
from desktop.ui.common.table_model import spec_columns
from desktop.ui.printing.print_dialog import PrintOptionsDialog, TabChoice
from desktop.ui.worker import JobRunner
from tests.unit.db.aid.conftest import Today, add_member, person, walk

from .conftest import OFFICE, make_context

CLERK = Actor("clerk", "录入员甲", frozenset({"clerk"}), OFFICE.code)
CLERK2 = Actor("clerk2", "录入员乙", frozenset({"clerk"}), OFFICE.code)
APPROVER = Actor("approver", "审核人", frozenset({"approver"}), OFFICE.code)
ADMIN = Actor("admin", "管理员", frozenset({"admin"}), OFFICE.code)
VIEWER = Actor("viewer", "查看人", frozenset(), OFFICE.code)  # no right at all: reads only
BANK = "6222020200112233445"
SPOUSE = person(5, 1982)
NO_RIGHT = "只有审核人和管理员可以查看完整信息"


@pytest.fixture
def case_uuid(ui_store: Store, today: Today) -> str:
    """A file with every sensitive value filled, and a spouse in its household."""
    del today
    aid_settings.set_dibao_line(ui_store, ADMIN, 2025, 110_000)
    member = add_member(ui_store, CLERK, 1)
    case = cases.create_case(ui_store, CLERK, {
        "member_uuid": member, "category": "深度困难", "main_cause": "患重特大疾病", "health": "重特大疾病",
        "disability": "肢体残疾", "monthly_income_fen": "1200", "household_income_fen": "15600",
        "household_size": 3, "bank_name": "工商银行", "bank_account": BANK}, (
        {"name": "王芳", "relation": "配偶", "id_number": SPOUSE, "health": "慢性病", "monthly_income_fen": "800"},))
    return case.uuid


def _tab(qtbot: QtBot, store: Store, actor: Actor, runner: JobRunner, uuid: str) -> AidTab:
    tab = AidTab(make_context(store, actor, runner))
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.refresh()
    tab.open_record(uuid)
    return tab


def _shown(tab: AidTab, name: str) -> str:
    editor = tab.form.fields[name].editor
    if isinstance(editor, QComboBox):  # a mask is shown as the placeholder of a list with nothing chosen
        return editor.currentText() if editor.currentIndex() >= 0 else editor.placeholderText()
    assert isinstance(editor, QLineEdit)
    return editor.text()


def reveals(store: Store) -> list[tuple[str, str | None, dict[str, str]]]:
    with store.transaction() as session:
        return [(e.actor, e.row_uuid, json.loads(e.changes))
                for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")
                                         .order_by(AuditEntry.id))]


MASKED = {"member_id_number": "110101********" + person(1)[-4:], "health": "***", "disability": "***",
          "monthly_income_fen": "***", "household_income_fen": "***", "bank_account": "*" * 15 + BANK[-4:]}


@pytest.mark.parametrize("actor", [CLERK, APPROVER, ADMIN, VIEWER], ids=lambda a: a.username)
def test_every_role_sees_the_sensitive_fields_masked(qtbot: QtBot, ui_store: Store, case_uuid: str,
                                                     runner: JobRunner, actor: Actor) -> None:
    tab = _tab(qtbot, ui_store, actor, runner, case_uuid)
    assert {name: _shown(tab, name) for name in MASKED} == MASKED
    assert "433.33" not in tab.form.fields_panel.per_capita_label.text()  # the income is not given back
    assert reveals(ui_store) == []


def test_an_approver_asks_for_one_value_and_one_audit_entry_is_written(qtbot: QtBot, ui_store: Store,
                                                                       case_uuid: str, runner: JobRunner) -> None:
    tab = _tab(qtbot, ui_store, APPROVER, runner, case_uuid)
    button = tab.form.reveal_button
    assert not button.isHidden() and button.isEnabled() and "审计" in button.toolTip()
    menu = tab.form.header.reveal_menu
    (health,) = [a for a in menu.actions() if a.text() == "显示健康状况"]
    health.trigger()
    assert _shown(tab, "health") == "重特大疾病"
    assert reveals(ui_store) == [("approver", case_uuid, {
        "case": case_uuid, "case_no": tab.form.case.case_no, "field": "health",  # type: ignore[union-attr]
        "label": "健康状况"})]
    assert _shown(tab, "bank_account") == MASKED["bank_account"]  # the others stay masked
    assert not tab.form.save_button.isEnabled()  # a value shown is no change

    button.click()  # the rest: one entry each
    assert {name: _shown(tab, name) for name in MASKED} == {
        "member_id_number": person(1), "health": "重特大疾病", "disability": "肢体残疾",
        "monthly_income_fen": "1200.00", "household_income_fen": "15600.00", "bank_account": BANK}
    assert [r[2]["field"] for r in reveals(ui_store)] == [
        "health", "member_id_number", "disability", "monthly_income_fen", "household_income_fen", "bank_account"]
    assert tab.form.fields_panel.per_capita_label.text() == "家庭月人均收入：433.33 元"
    assert not button.isEnabled() and button.toolTip() == "没有隐藏的信息"

    tab.form.new()
    tab.open_record(case_uuid)  # opened again: masked again
    assert _shown(tab, "health") == "***" and button.isEnabled()


@pytest.mark.parametrize("actor", [CLERK, VIEWER], ids=lambda a: a.username)
def test_a_user_without_the_right_cannot_reveal(qtbot: QtBot, ui_store: Store, case_uuid: str, runner: JobRunner,
                                               actor: Actor) -> None:
    tab = _tab(qtbot, ui_store, actor, runner, case_uuid)
    assert not tab.form.reveal_button.isEnabled() and tab.form.reveal_button.toolTip() == NO_RIGHT
    assert not tab.form.reveal()
    tab.panels.setCurrentWidget(tab.household)
    tab.household.table.selectRow(0)
    assert not tab.household.reveal_button.isEnabled() and tab.household.reveal_button.toolTip() == NO_RIGHT
    assert not tab.household.reveal_person()
    assert reveals(ui_store) == []


def test_a_clerk_types_a_new_income_and_a_viewer_cannot(qtbot: QtBot, ui_store: Store, case_uuid: str,
                                                       runner: JobRunner) -> None:
    tab = _tab(qtbot, ui_store, CLERK, runner, case_uuid)
    toggle = tab.form.fields_panel.unmask_buttons["household_income_fen"]
    assert not toggle.isHidden()
    toggle.click()  # cleared for re-entry: the clerk types the value, which is theirs
    editor = tab.form.fields["household_income_fen"].editor
    assert isinstance(editor, QLineEdit) and editor.text() == "" and not editor.isReadOnly()
    editor.setText("18000")
    assert tab.form.fields_panel.per_capita_label.text() == "家庭月人均收入：500.00 元"
    assert tab.form.save(), tab.form.form_error.text()
    with ui_store.transaction() as session:
        case = session.get(AidCase, case_uuid)
        assert case is not None and case.household_income_fen == 1_800_000 and case.bank_account == BANK
    assert _shown(tab, "household_income_fen") == "***"  # saved: masked again
    assert reveals(ui_store) == []

    viewer = _tab(qtbot, ui_store, VIEWER, runner, case_uuid)
    assert viewer.form.fields_panel.unmask_buttons["household_income_fen"].isHidden()
    assert not viewer.form.fields["health"].editor.isEnabled()


def test_the_household_is_masked_and_revealed_person_by_person(qtbot: QtBot, ui_store: Store, case_uuid: str,
                                                               runner: JobRunner) -> None:
    tab = _tab(qtbot, ui_store, ADMIN, runner, case_uuid)
    tab.panels.setCurrentWidget(tab.household)
    household = tab.household
    cells = [household.table.item(0, c).text() for c in range(household.table.columnCount())]  # type: ignore[union-attr]
    assert cells[3] == "110101********" + SPOUSE[-4:] and cells[5] == "***" and cells[6] == "***"
    assert not household.reveal_button.isEnabled() and "请先选择" in household.reveal_button.toolTip()
    household.table.selectRow(0)
    assert household.reveal_button.isEnabled()
    assert household.reveal_person()
    cells = [household.table.item(0, c).text() for c in range(household.table.columnCount())]  # type: ignore[union-attr]
    assert (cells[3], cells[5], cells[6]) == (SPOUSE, "慢性病", "800.00")
    spouse = household.people[0]["uuid"]
    assert [(r[1], r[2]["field"]) for r in reveals(ui_store)] == [
        (spouse, "id_number"), (spouse, "health"), (spouse, "monthly_income_fen")]
    assert not household.reveal_button.isEnabled() and household.reveal_button.toolTip() == "没有隐藏的信息"


def test_the_list_masks_for_every_role() -> None:
    listed = dataclasses.replace(AID_CASES, list_columns=(ListColumn("member_id_number", 150),))
    (column,) = spec_columns(listed)  # a role allowed full values: still masked, not sortable
    assert column.sort_key is None
    assert column.display({"member_id_number": person(1)}) == "110101********" + person(1)[-4:]


def test_a_closed_file_says_from_when_it_may_be_anonymised(qtbot: QtBot, ui_store: Store, case_uuid: str,
                                                           runner: JobRunner, today: Today) -> None:
    walk(ui_store, case_uuid, "relieved", clerk=CLERK, checker=CLERK2, approver=APPROVER, today=today)
    closed_on = workflow_closed_on(ui_store, case_uuid)
    tab = _tab(qtbot, ui_store, CLERK, runner, case_uuid)
    note = tab.form.header.closed_note
    assert not note.isHidden()
    day = closed_on.replace(year=closed_on.year + 10).isoformat()
    assert f"可于 {day} 起匿名化" in note.text(), note.text()


def workflow_closed_on(store: Store, uuid: str) -> dt.date:
    with store.transaction() as session:
        case = session.get(AidCase, uuid)
        assert case is not None and case.closed_on is not None
        return case.closed_on


def _print_options(qtbot: QtBot, store: Store, actor: Actor, runner: JobRunner, form: str,
                   uuids: tuple[str, ...] = ()) -> PrintOptionsDialog:
    dialog = PrintOptionsDialog(make_context(store, actor, runner), TabChoice(AID_CASES.forms, uuids, None, 1), form)
    qtbot.addWidget(dialog)
    return dialog


def test_the_publicity_list_prints_every_file_in_publicity_and_never_full_numbers(
        qtbot: QtBot, ui_store: Store, runner: JobRunner) -> None:
    dialog = _print_options(qtbot, ui_store, APPROVER, runner, "aid-publicity")
    assert [dialog.form_combo.itemText(i) for i in range(dialog.form_combo.count())] == [
        "困难职工档案表", "困难职工帮扶审批表", "困难职工公示名单"]
    assert dialog.scope_label.text() == "全部正在公示的档案（未选择档案）" and dialog.preview_button.isEnabled()
    assert dialog.full_box.isHidden()  # posted in public
    dialog.full_box.setChecked(True)
    request = dialog.request()
    assert request.uuids is None and not request.full_ids
    chosen = _print_options(qtbot, ui_store, APPROVER, runner, "aid-publicity", ("a",))
    assert chosen.scope_label.text() == "选中的 1 份档案" and chosen.request().uuids == ("a",)


@pytest.mark.parametrize("actor", [APPROVER, CLERK], ids=lambda a: a.username)
def test_a_file_form_offers_full_sensitive_values_to_whom_may(qtbot: QtBot, ui_store: Store, runner: JobRunner,
                                                            actor: Actor) -> None:
    dialog = _print_options(qtbot, ui_store, actor, runner, "aid-form")
    assert not dialog.preview_button.isEnabled() and "请先在列表中选择" in dialog.error.text()
    assert not dialog.full_box.isHidden() and dialog.full_box.text() == "打印完整的证件号码、银行卡号等敏感信息"
    assert dialog.full_box.isEnabled() == (actor is APPROVER)
