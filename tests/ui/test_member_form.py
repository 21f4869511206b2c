"""The member form as a clerk uses it: typing, the error under a field, saving, status steps, undo, privacy."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db import members
from db.auth import Actor
from db.models import AuditEntry, Member
from db.store import Store
from db.validation import make_id_number
from desktop.ui.context import AppContext, OfficeInfo
from desktop.ui.members.dialogs import HonourDialog, StatusChangeDialog
from desktop.ui.members.form import MemberForm
from desktop.ui.worker import JobRunner

OFFICE = "110101006"
ZHANG_ID = "11010519491231002X"  # a woman born 1949-12-31
ZHANG = {"name": "张三", "id_number": ZHANG_ID, "joined_on": "2020-05-01", "phone": "13800138000",
         "employer": "顺丰速运有限公司北京分公司"}
LI_ID = make_id_number("110101", dt.date(1990, 3, 7), 123)  # a man born 1990-03-07
VIEWER = Actor("viewer", "查看", frozenset(), OFFICE)


@pytest.fixture
def make_form(qtbot: QtBot, sqlite_store: Store) -> Iterator[Callable[[Actor], MemberForm]]:
    runners: list[JobRunner] = []

    def build(actor: Actor) -> MemberForm:
        runners.append(JobRunner())
        context = AppContext(sqlite_store, actor, OfficeInfo(OFFICE, "东四街道工会", "subdistrict"), runners[-1])
        form = MemberForm(context)
        qtbot.addWidget(form)
        return form

    yield build
    for runner in runners:
        runner.wait()


@pytest.fixture
def form(make_form: Callable[[Actor], MemberForm], clerk: Actor) -> MemberForm:
    return make_form(clerk)


def line(form: MemberForm, name: str) -> QLineEdit:
    editor = form.fields[name].editor
    assert isinstance(editor, QLineEdit)
    return editor


def error_text(form: MemberForm, name: str) -> str:
    label = form.findChild(QLabel, f"error_{name}")
    assert label is not None
    return label.text()


def stored_members(store: Store) -> list[Member]:
    with store.transaction() as session:
        return list(session.scalars(select(Member).where(Member.deleted.is_(False))))


def fill_new_member(qtbot: QtBot, form: MemberForm, id_number: str = ZHANG_ID) -> None:
    line(form, "name").setText("张三")  # keyClicks cannot type Chinese
    qtbot.keyClicks(line(form, "id_number"), id_number)
    line(form, "joined_on").clear()  # a new member's form starts with today
    qtbot.keyClicks(line(form, "joined_on"), "2020-05-01")
    qtbot.keyClicks(line(form, "phone"), "138 0013 8000")


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Make every question box answer ``button``; returns the texts of the questions asked."""
    asked: list[str] = []

    def exec_box(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(button.value)

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return asked


def status_driver(counterpart: str = "", reason: str = "", on: str | None = None) -> Callable[[QDialog], int]:
    """Stands in for the clerk in a status dialog: fills it in and presses OK."""
    def drive(dialog: QDialog) -> int:
        assert isinstance(dialog, StatusChangeDialog)
        dialog.counterpart_edit.setText(counterpart)
        dialog.reason_edit.setText(reason)
        if on is not None:
            dialog.date_edit.setText(on)
        dialog.ok_button.click()
        return dialog.result()
    return drive


def test_a_filled_form_registers_the_member_with_birth_date_and_gender_from_the_id(
        qtbot: QtBot, form: MemberForm, sqlite_store: Store) -> None:
    fill_new_member(qtbot, form)
    line(form, "employer").setText("顺丰速运有限公司北京分公司")
    with qtbot.waitSignal(form.saved) as saved:
        assert form.save()
    [member] = stored_members(sqlite_store)
    assert saved.args == [member.uuid]
    assert (member.name, member.birth_date, member.gender) == ("张三", dt.date(1949, 12, 31), "女")
    assert (member.phone, member.employer, member.member_no) == ("13800138000", "顺丰速运有限公司北京分公司",
                                                                 "006000001")
    assert (member.ethnicity, member.employment_form, member.status) == ("汉族", "标准就业", "active")
    assert form.current_uuid() == member.uuid and not form.is_dirty()
    assert line(form, "member_no").text() == "006000001"
    assert "在会" in form.status_label.text() and "第 1 版" in form.last_modified_label.text()
    assert form.last_change_description() == "登记会员“张三”"


def test_a_valid_id_number_fills_birth_date_and_gender_as_it_is_typed(qtbot: QtBot, form: MemberForm) -> None:
    assert line(form, "member_no").placeholderText() == "保存时自动编号"
    qtbot.keyClicks(line(form, "id_number"), LI_ID)
    assert line(form, "birth_date").text() == "1990-03-07"
    assert form.fields["gender"].value() == "男"
    assert line(form, "birth_date").isReadOnly() and not form.fields["gender"].editor.isEnabled()
    assert error_text(form, "id_number") == ""
    form.fields["id_type"].set_value("护照")  # other documents: birth date and gender typed by hand
    assert not line(form, "birth_date").isReadOnly() and form.fields["gender"].editor.isEnabled()


def test_a_bad_id_number_is_shown_under_the_field_and_nothing_is_written(
        qtbot: QtBot, form: MemberForm, sqlite_store: Store) -> None:
    fill_new_member(qtbot, form, id_number="110105194912310021")
    assert "校验位错误" in error_text(form, "id_number")
    assert line(form, "birth_date").text() == ""
    assert not form.save()
    assert "校验位错误" in error_text(form, "id_number")
    assert stored_members(sqlite_store) == []


def test_another_document_type_takes_gender_and_birth_date_by_hand(
        qtbot: QtBot, form: MemberForm, sqlite_store: Store) -> None:
    line(form, "name").setText("约翰")
    form.fields["id_type"].set_value("护照")
    qtbot.keyClicks(line(form, "id_number"), "E12345678")
    line(form, "joined_on").clear()
    qtbot.keyClicks(line(form, "joined_on"), "2021-01-01")
    assert not form.save()
    assert error_text(form, "gender") == "非居民身份证须填写性别"
    form.fields["gender"].set_value("男")
    qtbot.keyClicks(line(form, "birth_date"), "1985-07-01")
    assert form.save()
    [member] = stored_members(sqlite_store)
    assert (member.id_type, member.gender, member.birth_date) == ("护照", "男", dt.date(1985, 7, 1))


def test_errors_show_as_the_clerk_types_and_clear_when_fixed(qtbot: QtBot, form: MemberForm) -> None:
    qtbot.keyClicks(line(form, "phone"), "12345")
    assert "长度应为11位" in error_text(form, "phone")
    line(form, "phone").clear()
    qtbot.keyClicks(line(form, "phone"), "13800138000")
    assert error_text(form, "phone") == ""
    line(form, "joined_on").clear()
    qtbot.keyClicks(line(form, "joined_on"), "2020-13-01")
    assert "日期不存在" in error_text(form, "joined_on")


def test_a_rule_between_fields_is_shown_beside_the_field_it_names(
        qtbot: QtBot, form: MemberForm, sqlite_store: Store) -> None:
    fill_new_member(qtbot, form)
    line(form, "joined_on").setText("1940-01-01")
    assert not form.save()
    assert error_text(form, "joined_on") == "入会日期应晚于出生日期"
    assert stored_members(sqlite_store) == []


def test_a_duplicate_id_number_offers_to_open_the_existing_member(
        qtbot: QtBot, form: MemberForm, sqlite_store: Store, clerk: Actor) -> None:
    existing = members.register(sqlite_store, clerk, ZHANG)
    fill_new_member(qtbot, form)
    assert "已有会员“张三”" in error_text(form, "id_number")  # warned while typing
    assert not form.save()
    assert "已有会员“张三”" in error_text(form, "id_number")
    assert len(stored_members(sqlite_store)) == 1
    with qtbot.waitSignal(form.open_member_requested) as requested:
        qtbot.mouseClick(form.open_duplicate_button, Qt.MouseButton.LeftButton)
    assert requested.args == [existing.uuid]


def test_a_step_the_status_does_not_allow_says_which_status_would(
        form: MemberForm, sqlite_store: Store, clerk: Actor) -> None:
    member = members.register(sqlite_store, clerk, ZHANG)
    form.load(member.uuid)
    assert not form.step_buttons["transfer_in"].isEnabled()
    assert form.step_buttons["transfer_in"].toolTip() == "会员当前为在会，转出的会员才能转入"
    assert form.step_buttons["restore"].toolTip() == "会员当前为在会，退会、转出的会员才能恢复"
    assert form.step_buttons["transfer_out"].isEnabled() and form.step_buttons["transfer_out"].toolTip() == ""


def test_transfer_out_and_back_in_through_the_dialogs(
        form: MemberForm, sqlite_store: Store, clerk: Actor) -> None:
    member = members.register(sqlite_store, clerk, ZHANG)
    form.load(member.uuid)
    assert form.step_buttons["transfer_out"].isEnabled() and not form.step_buttons["transfer_in"].isEnabled()
    form.open_dialog = status_driver("朝阳区建外街道工会", "换工作", on="2024-03-01")
    assert form.transfer_out()
    assert members.details(sqlite_store, member.uuid).member.status == "transferred_out"
    enabled = {kind for kind, button in form.step_buttons.items() if button.isEnabled()}
    assert enabled == {"transfer_in", "restore", "death"}
    form.open_dialog = status_driver("朝阳区建外街道工会", on="2024-06-01")
    assert form.transfer_in()
    table = form.history_table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert rows == [["2020-05-01", "入会", "在会", "", ""],
                    ["2024-03-01", "转出", "在会 → 转出", "朝阳区建外街道工会", "换工作"],
                    ["2024-06-01", "转入", "转出 → 在会", "朝阳区建外街道工会", ""]]
    assert "在会" in form.status_label.text()


def test_a_refused_status_step_keeps_the_dialog_open_with_the_reason(
        form: MemberForm, sqlite_store: Store, clerk: Actor) -> None:
    member = members.register(sqlite_store, clerk, ZHANG)
    form.load(member.uuid)
    seen: list[str] = []

    def drive(dialog: QDialog) -> int:
        assert isinstance(dialog, StatusChangeDialog)
        assert dialog.date_edit.text() == dt.date.today().isoformat()
        dialog.ok_button.click()  # no union named
        seen.append(dialog.error_label.text())
        assert dialog.result() != QDialog.DialogCode.Accepted
        dialog.reject()
        return dialog.result()

    form.open_dialog = drive
    assert not form.transfer_out()
    assert seen == ["转往单位：必须填写"]
    assert members.details(sqlite_store, member.uuid).member.status == "active"


def test_undo_after_an_edit_restores_the_old_value(
        form: MemberForm, sqlite_store: Store, clerk: Actor) -> None:
    member = members.register(sqlite_store, clerk, ZHANG)
    form.load(member.uuid)
    line(form, "employer").setText("美团")
    assert form.is_dirty() and form.save()
    assert members.details(sqlite_store, member.uuid).member.employer == "美团"
    assert form.undo_description() == "修改会员“张三”的工作单位"
    with pytest.MonkeyPatch.context() as patch:
        answer(patch, QMessageBox.StandardButton.Cancel)  # not asked: nothing unsaved
        assert form.undo_last()
    restored = members.details(sqlite_store, member.uuid).member
    assert (restored.employer, restored.rev) == ("顺丰速运有限公司北京分公司", 3)
    assert line(form, "employer").text() == "顺丰速运有限公司北京分公司"
    assert form.last_change_description() == "已撤销：修改会员“张三”的工作单位"
    with sqlite_store.transaction() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.row_uuid == member.uuid)
                                  .order_by(AuditEntry.id)).all()
    assert actions[-2:] == ["update", "undo"]
    assert not form.undo_last()  # nothing left to undo


def test_undo_takes_back_a_status_step_a_registration_and_a_deletion(
        qtbot: QtBot, form: MemberForm, sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    fill_new_member(qtbot, form)
    assert form.save()
    uuid = form.current_uuid()
    assert uuid is not None
    form.open_dialog = status_driver(reason="本人申请", on="2024-01-01")
    assert form.leave()
    assert form.undo_last()
    assert members.details(sqlite_store, uuid).member.status == "active"
    assert form.history_table.rowCount() == 1
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert form.delete()
    assert "张三" in asked[0] and "006000001" in asked[0]
    assert stored_members(sqlite_store) == [] and form.current_uuid() is None
    assert form.undo_last()  # the deletion
    assert form.current_uuid() == uuid and len(stored_members(sqlite_store)) == 1
    assert form.undo_last()  # the registration
    assert stored_members(sqlite_store) == []


def test_honours_are_added_listed_and_undone(form: MemberForm, sqlite_store: Store, clerk: Actor) -> None:
    member = members.register(sqlite_store, clerk, ZHANG)
    form.load(member.uuid)

    def drive(dialog: QDialog) -> int:
        assert isinstance(dialog, HonourDialog)
        dialog.kind_combo.setCurrentText("工匠")
        dialog.level_combo.setCurrentText("区级")
        dialog.title_edit.setText("东城工匠")
        dialog.year_spin.setValue(2023)
        dialog.ok_button.click()
        return dialog.result()

    form.open_dialog = drive
    assert form.add_honour()
    assert [form.honours_table.item(0, c).text() for c in range(4)] == ["2023", "工匠", "区级", "东城工匠"]
    assert form.undo_last()
    assert form.honours_table.rowCount() == 0 and members.details(sqlite_store, member.uuid).honours == []


def test_confirm_discard_asks_only_when_dirty_and_follows_the_answer(
        form: MemberForm, sqlite_store: Store, clerk: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    member = members.register(sqlite_store, clerk, ZHANG)
    form.load(member.uuid)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert form.confirm_discard() and asked == []
    line(form, "employer").setText("美团")
    assert not form.confirm_discard() and form.is_dirty()
    assert asked == ["“张三”的修改还没有保存。要保存吗？"]
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    assert form.confirm_discard()
    assert not form.is_dirty() and line(form, "employer").text() == "顺丰速运有限公司北京分公司"
    line(form, "employer").setText("美团")
    answer(monkeypatch, QMessageBox.StandardButton.Save)
    assert form.confirm_discard()
    assert members.details(sqlite_store, member.uuid).member.employer == "美团"


def test_dirty_changed_and_cancel(qtbot: QtBot, form: MemberForm, sqlite_store: Store, clerk: Actor) -> None:
    member = members.register(sqlite_store, clerk, ZHANG)
    form.load(member.uuid)
    with qtbot.waitSignal(form.dirty_changed) as became:
        line(form, "card_no").setText("A001")
    assert became.args == [True] and form.save_button.isEnabled()
    with qtbot.waitSignal(form.dirty_changed) as cleared:
        form.cancel()
    assert cleared.args == [False] and line(form, "card_no").text() == ""


def test_a_clerk_sees_the_id_number_masked_and_can_retype_it(
        qtbot: QtBot, form: MemberForm, sqlite_store: Store, clerk: Actor) -> None:
    member = members.register(sqlite_store, clerk, ZHANG)
    form.load(member.uuid)
    id_edit, birth_edit = line(form, "id_number"), line(form, "birth_date")
    assert (id_edit.text(), id_edit.isReadOnly()) == ("110105********002X", True)
    # beside the masked number the birth date shows its year only: the date would give the digits back
    assert (birth_edit.text(), birth_edit.isReadOnly()) == ("1949-**-**", True)
    assert line(form, "phone").text() == "138****8000"
    line(form, "employer").setText("美团")
    assert form.save()  # the masked numbers (and the year) are not sent back
    saved = members.details(sqlite_store, member.uuid).member
    assert (saved.id_number, saved.phone, saved.employer) == (ZHANG_ID, "13800138000", "美团")
    assert (saved.birth_date, birth_edit.text()) == (dt.date(1949, 12, 31), "1949-**-**")
    form.unmask_buttons["id_number"].click()
    assert id_edit.text() == "" and not id_edit.isReadOnly() and birth_edit.text() == ""
    form.unmask_buttons["id_number"].click()  # changed their mind: both masked again
    assert (id_edit.text(), birth_edit.text()) == ("110105********002X", "1949-**-**") and not form.is_dirty()
    form.unmask_buttons["id_number"].click()
    qtbot.keyClicks(id_edit, LI_ID)
    assert birth_edit.text() == "1990-03-07"  # read from the number the clerk typed
    assert form.save()
    changed = members.details(sqlite_store, member.uuid).member
    assert (changed.id_number, changed.gender, changed.birth_date) == (LI_ID, "男", dt.date(1990, 3, 7))
    assert line(form, "birth_date").text() == "1990-**-**"


def test_a_masked_passport_holder_keeps_the_birth_date_until_the_clerk_retypes_both(
        qtbot: QtBot, form: MemberForm, sqlite_store: Store, clerk: Actor) -> None:
    member = members.register(sqlite_store, clerk, {**ZHANG, "id_type": "护照", "id_number": "E12345678",
                                                    "gender": "男", "birth_date": "1985-07-01"})
    form.load(member.uuid)
    birth_edit = line(form, "birth_date")
    assert (line(form, "id_number").text(), birth_edit.text(), birth_edit.isReadOnly()) == (
        "E1*****78", "1985-**-**", True)
    line(form, "employer").setText("美团")
    assert form.save()
    assert members.details(sqlite_store, member.uuid).member.birth_date == dt.date(1985, 7, 1)
    form.unmask_buttons["id_number"].click()  # a new document: its number and the birth date typed again
    assert birth_edit.text() == "" and not birth_edit.isReadOnly()
    qtbot.keyClicks(line(form, "id_number"), "E87654321")
    qtbot.keyClicks(birth_edit, "1985-07-02")
    assert form.save()
    changed = members.details(sqlite_store, member.uuid).member
    assert (changed.id_number, changed.birth_date) == ("E87654321", dt.date(1985, 7, 2))


def reveals(store: Store) -> list[dict[str, object]]:
    with store.transaction() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal"))
        return [json.loads(entry.changes) for entry in entries]


def test_an_admin_sees_full_numbers_when_asking_and_each_view_is_audited(
        make_form: Callable[[Actor], MemberForm], sqlite_store: Store, clerk: Actor, admin: Actor) -> None:
    member = members.register(sqlite_store, clerk, ZHANG)
    form = make_form(admin)
    form.load(member.uuid)
    # masked like everyone's until asked (design §7)
    assert (line(form, "id_number").text(), line(form, "birth_date").text()) == ("110105********002X", "1949-**-**")
    reveal = form.header.reveal_button
    assert reveal.isVisibleTo(form) and reveal.isEnabled()
    assert [a.text() for a in form.header.reveal_menu.actions()] == ["显示身份证号", "显示手机号码"]
    assert reveals(sqlite_store) == []
    form.header.reveal_menu.actions()[0].trigger()  # the ID number alone: its birth date comes with it
    assert (line(form, "id_number").text(), line(form, "birth_date").text()) == (ZHANG_ID, "1949-12-31")
    assert line(form, "phone").text() == "138****8000" and not form.is_dirty()
    assert reveals(sqlite_store) == [{"fields": ["id_number", "birth_date"], "labels": ["身份证号", "出生日期"]}]
    assert form.reveal()  # the rest
    assert line(form, "phone").text() == "13800138000" and not line(form, "id_number").isReadOnly()
    assert len(reveals(sqlite_store)) == 2 and not reveal.isEnabled() and reveal.toolTip() == "没有隐藏的信息"
    line(form, "employer").setText("美团")
    assert form.save()  # a full value shown is what is stored: saving changes only what was typed
    saved = members.details(sqlite_store, member.uuid).member
    assert (saved.id_number, saved.phone, saved.employer) == (ZHANG_ID, "13800138000", "美团")
    form.load(member.uuid)  # another look is masked again
    assert line(form, "id_number").text() == "110105********002X"


def test_a_role_without_the_right_sees_why_it_cannot_ask(
        make_form: Callable[[Actor], MemberForm], sqlite_store: Store, clerk: Actor) -> None:
    member = members.register(sqlite_store, clerk, ZHANG)
    form = make_form(clerk)
    form.load(member.uuid)
    reveal = form.header.reveal_button
    assert not reveal.isEnabled() and reveal.toolTip().startswith("只有")
    assert not form.reveal() and line(form, "id_number").text() == "110105********002X"
    assert reveals(sqlite_store) == []


def test_a_read_only_actor_gets_a_disabled_form_with_a_masked_id(
        make_form: Callable[[Actor], MemberForm], sqlite_store: Store, clerk: Actor) -> None:
    member = members.register(sqlite_store, clerk, ZHANG)
    form = make_form(VIEWER)
    form.load(member.uuid)
    assert (line(form, "id_number").text(), line(form, "birth_date").text()) == ("110105********002X", "1949-**-**")
    assert all(line(form, name).isReadOnly() for name in ("name", "id_number", "phone", "employer"))
    assert not form.fields["employment_form"].editor.isEnabled()
    buttons = [*form.step_buttons.values(), form.honour_button, form.delete_button, form.save_button]
    assert not any(button.isEnabled() for button in buttons)
    assert all(button.isHidden() for button in form.unmask_buttons.values())
    assert not form.read_only_note.isHidden()
    line(form, "employer").setText("美团")
    assert not form.save() and not form.delete() and not form.transfer_out()
    assert members.details(sqlite_store, member.uuid).member.employer == "顺丰速运有限公司北京分公司"


def test_a_member_changed_elsewhere_is_not_overwritten(
        form: MemberForm, sqlite_store: Store, clerk: Actor) -> None:
    member = members.register(sqlite_store, clerk, ZHANG)
    form.load(member.uuid)
    members.update(sqlite_store, clerk, member.uuid, {"remarks": "别处的修改"})
    line(form, "employer").setText("美团")
    assert not form.save()
    assert "已被他人修改" in form.form_error.text()


def test_tab_order_follows_the_fields_from_top_to_bottom(form: MemberForm) -> None:
    order = []
    widget = form.fields["name"].editor
    for _ in range(6):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None:
            widget = widget.nextInFocusChain()
        order.append(widget)
    fields = form.fields
    expected = [fields["id_type"].editor, fields["id_number"].editor, form.unmask_buttons["id_number"],
                form.open_duplicate_button, fields["gender"].editor, fields["birth_date"].editor]
    assert [w.objectName() for w in order] == [w.objectName() for w in expected]

