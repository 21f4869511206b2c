"""A read-only role (审核人 on members) meets disabled 新增/保存/删除/撤销上次保存 that say who may use them."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from db.auth import Actor
from db.store import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.members.tab import MembersTab
from desktop.ui.permissions import who_may

from .conftest import OFFICE, WindowFactory

APPROVER = Actor("approver", "审核人", frozenset({"approver"}), OFFICE.code)
CLERK = Actor("clerk", "录入员", frozenset({"clerk"}), OFFICE.code)


def actions(window: MainWindow) -> dict[str, str]:
    """The record actions of the menu and toolbar: name → the tooltip they would show."""
    return {action.objectName(): action.toolTip()
            for action in (window.new_action, window.save_action, window.delete_action, window.undo_action)}


def test_an_approver_gets_disabled_record_actions_saying_who_may(window_factory: WindowFactory,
                                                                  demo_store: Store) -> None:
    window = window_factory(demo_store, APPROVER)
    assert not any(action.isEnabled() for action in (window.new_action, window.save_action,
                                                     window.delete_action, window.undo_action))
    assert actions(window) == {"new": "只有录入员和管理员可以新增会员", "save": "只有录入员和管理员可以保存会员",
                               "delete": "只有录入员和管理员可以删除会员",
                               "undo": "只有录入员和管理员可以撤销会员的修改"}
    edit_menu = window.new_action.associatedObjects()
    assert any(isinstance(menu, QMenu) and menu.toolTipsVisible() for menu in edit_menu)
    assert window.find_action.isEnabled()  # reading is for everyone


def test_the_form_buttons_of_an_approver_are_disabled_and_say_who_may(window_factory: WindowFactory,
                                                                       demo_store: Store) -> None:
    window = window_factory(demo_store, APPROVER)
    tab = window.current_tab()
    assert isinstance(tab, MembersTab)
    tab.table.selectRow(0)
    form = tab.form
    buttons = [form.save_button, form.delete_button, form.cancel_button, form.honour_button,
               *form.step_buttons.values()]
    assert not any(button.isEnabled() for button in buttons)
    assert form.save_button.toolTip() == "只有录入员和管理员可以保存会员"
    assert form.delete_button.toolTip() == "只有录入员和管理员可以删除会员"
    assert form.step_buttons["transfer_out"].toolTip() == "只有录入员和管理员可以办理会员转出"
    assert all(button.toolTip().startswith("只有录入员和管理员可以") for button in buttons)


def test_a_clerk_gets_the_actions_without_a_refusal(window_factory: WindowFactory, demo_store: Store) -> None:
    window = window_factory(demo_store, CLERK)
    assert all(action.isEnabled() for action in (window.new_action, window.save_action, window.delete_action,
                                                 window.undo_action))
    assert not any("只有" in tip for tip in actions(window).values())
    tab = window.current_tab()
    assert isinstance(tab, MembersTab)
    assert tab.form.cancel_button.toolTip() == "恢复为打开时的内容（Esc）"


def test_who_may_follows_the_permission_table() -> None:
    assert who_may("records.write") == "录入员和管理员"
    assert who_may("users.manage") == "管理员"
    assert who_may("sensitive.full") == "审核人和管理员"
