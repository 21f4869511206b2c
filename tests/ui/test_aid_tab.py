"""The 困难帮扶 tab as the office meets it: a clerk files a case (the member chosen by ID number, the per-capita
income and the suggested category shown while typing; a second file for the same household refused under the
ID number, nothing written), another clerk checks it at home, the clerk reviews and publicises it, and an
approver approves it from the 待我审批 queue once the 公示 has lasted its days. Steps the user may not take
now are disabled and say why."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from db.aid import cases, workflow
from db.aid import settings as aid_settings
from db.auth import Actor
from db.store import Store
from desktop.ui.aid.dialogs import TextDialog
from desktop.ui.aid.household import PersonDialog
from desktop.ui.aid.settings_dialog import AidSettingsDialog
from desktop.ui.aid.tab import AidTab
from desktop.ui.worker import JobRunner
from tests.unit.db.aid.conftest import Today, add_member, person, signed_papers, snapshot

from .conftest import OFFICE, make_context

CLERK = Actor("clerk", "录入员甲", frozenset({"clerk"}), OFFICE.code)
CLERK2 = Actor("clerk2", "录入员乙", frozenset({"clerk"}), OFFICE.code)
APPROVER = Actor("approver", "审核人", frozenset({"approver"}), OFFICE.code)
LEAD = Actor("lead", "工会主席", frozenset({"clerk", "approver"}), OFFICE.code)  # files and may approve
ADMIN = Actor("admin", "管理员", frozenset({"admin"}), OFFICE.code)


@pytest.fixture
def office(ui_store: Store, today: Today) -> Store:
    """Two members and the 2025 低保 line of 1,100 元 a month."""
    aid_settings.set_dibao_line(ui_store, ADMIN, 2025, 110_000)
    for n in (1, 2):
        add_member(ui_store, CLERK, n)
    return ui_store


def _tab(qtbot: QtBot, store: Store, actor: Actor, runner: JobRunner) -> AidTab:
    tab = AidTab(make_context(store, actor, runner))
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.refresh()
    return tab


def _type(tab: AidTab, name: str, text: str) -> None:
    editor = tab.form.fields[name].editor
    if isinstance(editor, QComboBox):
        editor.setCurrentText(text)
    else:
        assert isinstance(editor, QLineEdit)
        editor.setText(text)


def _answer(opinion: str) -> object:
    """What the clerk does in a step's dialog: types the opinion and presses OK."""
    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, TextDialog)
        dialog.text_edit.setPlainText(opinion)
        assert dialog.submit(), dialog.error_label.text()
        return QDialog.DialogCode.Accepted
    return run


def _file_case(tab: AidTab, n: int) -> None:
    tab.new_record()
    _type(tab, "member_id_number", person(n))
    _type(tab, "household_income_fen", "15600")
    _type(tab, "household_size", "3")
    _type(tab, "category", "深度困难")
    _type(tab, "main_cause", "患重特大疾病")


def _step(tab: AidTab, step: str, opinion: str) -> None:
    tab.panels.setCurrentWidget(tab.steps)
    button = tab.steps.step_buttons[step]
    assert button.isEnabled(), button.toolTip()
    tab.steps.open_dialog = _answer(opinion)  # type: ignore[assignment]
    button.click()


def test_a_file_goes_from_application_to_approval(qtbot: QtBot, office: Store, runner: JobRunner,
                                                   today: Today) -> None:
    clerk_tab = _tab(qtbot, office, CLERK, runner)
    _file_case(clerk_tab, 1)
    fields = clerk_tab.form.fields_panel
    assert fields.member_label.text() == "姓名：职工1"
    assert fields.per_capita_label.text() == "家庭月人均收入：433.33 元"
    assert fields.suggestion_label.text() == "建议：深度困难（人均 433.33 元 < 低保线 1,100.00 元）"
    _type(clerk_tab, "household_income_fen", "48000")  # the suggestion follows the typing
    assert fields.suggestion_label.text() == "建议：相对困难（人均 1,333.33 元 < 低保线两倍 2,200.00 元）"
    _type(clerk_tab, "category", "相对困难")
    assert clerk_tab.form.save(), clerk_tab.form.form_error.text()
    uuid = clerk_tab.form.current_uuid()
    assert uuid is not None and clerk_tab.model.total() == 1
    assert clerk_tab.form.case.case_no == "KN0062025" + "0001"  # type: ignore[union-attr]


    # 入户核查 waits for the signed papers: disabled, saying which
    clerk_tab.open_record(uuid)
    clerk_tab.panels.setCurrentWidget(clerk_tab.steps)
    assert "申请书" in clerk_tab.steps.step_buttons["verified"].toolTip()
    assert not clerk_tab.steps.step_buttons["verified"].isEnabled()
    signed_papers(office, CLERK, uuid)

    checker_tab = _tab(qtbot, office, CLERK2, runner)
    checker_tab.open_record(uuid)
    _step(checker_tab, "verified", "入户核查属实")
    assert checker_tab.form.case.status == "verified"  # type: ignore[union-attr]
    steps = checker_tab.steps.steps_table
    assert steps.rowCount() == 2 and steps.item(1, 1).text() == "clerk2" and steps.item(1, 3).text() == "入户核查属实"

    clerk_tab.records_changed()
    clerk_tab.open_record(uuid)
    clerk_tab.steps.show_case(uuid)
    _step(clerk_tab, "reviewed", "材料齐全")
    _step(clerk_tab, "publicized", "在厂务公开栏公示")
    approve = clerk_tab.steps.step_buttons["filed"]
    assert not approve.isEnabled() and "没有" in approve.toolTip()  # a clerk may not approve

    approver_tab = _tab(qtbot, office, APPROVER, runner)
    assert approver_tab.queue_button.text() == "待我审批（0）" and not approver_tab.queue_button.isEnabled()
    approver_tab.open_record(uuid)
    approver_tab.panels.setCurrentWidget(approver_tab.steps)
    approve = approver_tab.steps.step_buttons["filed"]
    assert not approve.isEnabled() and "2025-03-10起才能审批" in approve.toolTip()

    today.move(7)
    approver_tab.records_changed()
    assert approver_tab.queue_button.text() == "待我审批（1）"
    assert [item.case_uuid for item in approver_tab.queue] == [uuid]
    approver_tab.queue_menu.actions()[0].trigger()
    assert approver_tab.form.current_uuid() == uuid and approver_tab.panels.currentWidget() is approver_tab.steps
    _step(approver_tab, "filed", "同意纳入困难职工档案")
    assert approver_tab.form.case.status == "filed"  # type: ignore[union-attr]
    assert approver_tab.queue_button.text() == "待我审批（0）"
    assert approver_tab.form.case.next_review_on == "2026-03-10" or \
        approver_tab.form.case.next_review_on == dt.date(2026, 3, 10)  # type: ignore[union-attr]


def test_one_household_one_file_is_refused_under_the_id_number(qtbot: QtBot, office: Store,
                                                               runner: JobRunner) -> None:
    tab = _tab(qtbot, office, CLERK, runner)
    _file_case(tab, 1)
    assert tab.form.save(), tab.form.form_error.text()
    before = snapshot(office)
    _file_case(tab, 1)
    assert not tab.form.save()
    error = tab.form.fields["member_id_number"].error
    assert "一户一档" in error.text() and "KN00620250001" in error.text() and not error.isHidden()
    assert snapshot(office) == before
    tab.form.cancel()


def test_the_filer_may_not_approve_and_objections_hold_approval(qtbot: QtBot, office: Store, runner: JobRunner,
                                                                today: Today) -> None:
    lead_tab = _tab(qtbot, office, LEAD, runner)
    _file_case(lead_tab, 2)
    assert lead_tab.form.save(), lead_tab.form.form_error.text()
    uuid = lead_tab.form.current_uuid()
    assert uuid is not None
    signed_papers(office, CLERK, uuid)
    for actor, step in ((CLERK2, "verified"), (CLERK, "reviewed"), (CLERK, "publicized")):
        workflow.take_step(office, actor, uuid, step, "同意")
    today.move(7)
    lead_tab.steps.show_case(uuid)
    lead_tab.panels.setCurrentWidget(lead_tab.steps)
    assert lead_tab.queue_button.text() == "待我审批（0）"
    approve = lead_tab.steps.step_buttons["filed"]
    assert not approve.isEnabled() and approve.toolTip() == "建档人不能审批自己建立的档案"

    # an objection recorded during the 公示 holds 审批 until it is settled
    approver_tab = _tab(qtbot, office, APPROVER, runner)
    approver_tab.open_record(uuid)
    approver_tab.panels.setCurrentWidget(approver_tab.steps)
    clerk_tab = _tab(qtbot, office, CLERK, runner)
    clerk_tab.open_record(uuid)
    clerk_tab.panels.setCurrentWidget(clerk_tab.steps)
    clerk_tab.steps.open_dialog = _answer("群众反映其家中有营运车辆")  # type: ignore[assignment]
    assert clerk_tab.steps.record_objection()
    assert clerk_tab.steps.objections_table.item(0, 3).text() == "待处理"
    approver_tab.steps.show_case(uuid)
    approve = approver_tab.steps.step_buttons["filed"]
    assert not approve.isEnabled() and "1条异议尚未处理" in approve.toolTip()
    approver_tab.steps.objections_table.selectRow(0)
    assert approver_tab.steps.resolve_button.isEnabled()
    approver_tab.steps.open_dialog = _answer("经核实车辆已于去年转让")  # type: ignore[assignment]
    approver_tab.steps.resolve_objection()  # 异议成立 is first in the list: sent back to 审核
    assert approver_tab.form.case is not None
    assert workflow.available_steps(office, CLERK, uuid)[0].step == "publicized"


def test_the_review_filter_and_search(qtbot: QtBot, office: Store, runner: JobRunner, today: Today) -> None:
    tab = _tab(qtbot, office, CLERK, runner)
    _file_case(tab, 1)
    assert tab.form.save()
    tab.search.setText("职工1")
    tab.apply_filters()
    assert tab.model.total() == 1
    tab.review_filter.setCurrentIndex(1)  # nothing 在档 yet
    assert tab.model.total() == 0


def test_aid_settings_by_an_admin_and_refused_values(qtbot: QtBot, ui_store: Store, runner: JobRunner) -> None:
    dialog = AidSettingsDialog(make_context(ui_store, ADMIN, runner))
    qtbot.addWidget(dialog)
    assert dialog.typed_lines() == [] and dialog.publicity_days.value() == 7 and dialog.retention_years.value() == 10
    dialog.add_button.click()
    dialog.lines.item(0, 1).setText("1100.005")  # three decimals: refused, nothing saved
    assert not dialog.submit()
    assert "1100.005" in dialog.error.text() or "小数" in dialog.error.text(), dialog.error.text()
    assert aid_settings.read(ui_store) == aid_settings.AidSettings()
    dialog.lines.item(0, 1).setText("1100")
    dialog.publicity_days.setValue(10)
    assert dialog.submit(), dialog.error.text()
    year = cases.today().year
    assert aid_settings.read(ui_store) == aid_settings.AidSettings({year: 110_000}, 10, 10)


def test_a_clerk_sees_the_aid_settings_read_only(qtbot: QtBot, ui_store: Store, runner: JobRunner) -> None:
    dialog = AidSettingsDialog(make_context(ui_store, CLERK, runner))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and "管理员" in ok.toolTip()
    assert not dialog.add_button.isEnabled()


def _fill_person(values: dict[str, str]) -> object:
    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, PersonDialog)
        for name, text in values.items():
            editor = dialog.editors[name]
            if isinstance(editor, QComboBox):
                editor.setCurrentText(text)
            else:
                editor.setText(text)
        dialog.submit()
        return dialog.result()
    return run


def test_household_members_added_checked_and_removed(qtbot: QtBot, office: Store, runner: JobRunner) -> None:
    tab = _tab(qtbot, office, CLERK, runner)
    _file_case(tab, 1)
    assert tab.form.save()
    tab.panels.setCurrentWidget(tab.household)
    household = tab.household
    before = snapshot(office)
    household.open_dialog = _fill_person({"name": "王芳", "relation": "配偶",  # type: ignore[assignment]
                                          "id_number": "110101198001010000"})
    assert not household.add_person()  # a wrong check digit: refused in the dialog, nothing written
    assert snapshot(office) == before
    household.open_dialog = _fill_person({"name": "王芳", "relation": "配偶",  # type: ignore[assignment]
                                          "id_number": person(1)})
    assert not household.add_person()  # the file's own member
    household.open_dialog = _fill_person({  # type: ignore[assignment]
        "name": "王芳", "relation": "配偶", "id_number": person(5, 1982), "monthly_income_fen": "800"})
    assert household.add_person()
    assert household.table.rowCount() == 1
    assert household.table.item(0, 3).text() == "110101********" + person(5, 1982)[-4:]  # a clerk sees it masked
    assert household.table.item(0, 4).text() == "43"  # aged 43 on 2025-03-03
    household.confirm = lambda _text: True  # type: ignore[method-assign]
    household.table.selectRow(0)
    assert household.remove_person() and household.table.rowCount() == 0


def test_documents_ticked_received_and_the_check_waits_for_them(qtbot: QtBot, office: Store,
                                                                runner: JobRunner) -> None:
    tab = _tab(qtbot, office, CLERK, runner)
    _file_case(tab, 1)
    assert tab.form.save()
    uuid = tab.form.current_uuid()
    assert uuid is not None
    tab.panels.setCurrentWidget(tab.documents)
    documents = tab.documents
    assert documents.table.item(0, 0).text() == "原始档案"
    for name in ("申请书", "家庭经济状况核对授权委托书"):
        documents.table.item(documents.document_row(name), 0).setCheckState(Qt.CheckState.Checked)
    row = documents.document_row("申请书")
    assert documents.table.item(row, 1).text() == "2025-03-03"
    documents.table.item(row, 1).setText("2025-03-01")  # corrected
    assert documents.table.item(documents.document_row("申请书"), 1).text() == "2025-03-01"
    documents.table.item(row, 1).setText("2099-01-01")  # after today: refused, the list as stored
    assert "不能晚于" in documents.error.text() or "今天" in documents.error.text(), documents.error.text()
    assert documents.table.item(documents.document_row("申请书"), 1).text() == "2025-03-01"
    tab.panels.setCurrentWidget(tab.steps)
    assert tab.steps.step_buttons["verified"].isEnabled()  # both signed papers are in
    documents.other_name.setText("低保证复印件")
    documents.other_part.setCurrentIndex(0)
    tab.panels.setCurrentWidget(tab.documents)
    assert documents.add_other()
    assert documents.document_row("低保证复印件") > 0
