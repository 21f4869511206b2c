"""Habits of Excel/WPS users that the member form keeps (DESIGN §8): a new member joins today, a placeholder
never looks like a value, Esc asks before it throws typed work away, an error line moves nothing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from db.auth import Actor
from db.store import Store
from desktop.ui.hints import hint_palette
from desktop.ui.main_window import MainWindow
from desktop.ui.members.form import MemberForm
from desktop.ui.members.tab import MembersTab
from desktop.ui.worker import JobRunner

from .conftest import OFFICE, WindowFactory, make_context
from .test_member_form import answer

CLERK = Actor("clerk", "录入员", frozenset({"clerk"}), OFFICE.code)
# what a value could look like: a date, a number, an ID number, or a word of a value list
LOOKS_LIKE_A_VALUE = re.compile(r"[\d\s\-/.:年月日Xx]+")


@pytest.fixture
def window(window_factory: WindowFactory, demo_store: Store, qtbot: QtBot) -> MainWindow:
    shown = window_factory(demo_store, CLERK)
    with qtbot.waitActive(shown):
        shown.activateWindow()
    return shown


def members_tab(window: MainWindow) -> MembersTab:
    tab = window.current_tab()
    assert isinstance(tab, MembersTab)
    return tab


def line(form: MemberForm, name: str) -> QLineEdit:
    editor = form.fields[name].editor
    assert isinstance(editor, QLineEdit)
    return editor


# ----- a new member's form ------------------------------------------------------------------------------
def test_a_new_member_joins_today_and_the_empty_form_is_clean(qtbot: QtBot, window: MainWindow,
                                                               demo_store: Store) -> None:
    form = members_tab(window).form
    form.new()
    assert line(form, "joined_on").text() == dt.date.today().isoformat()
    assert not form.is_dirty() and not form.save_button.isEnabled()
    form.fields["name"].set_value("测试新会员")
    form.fields["id_number"].set_value("11010519491231002X")
    assert form.save()  # nothing typed in 入会日期: today is saved
    assert line(form, "joined_on").text() == dt.date.today().isoformat() and form.current_uuid()


def test_no_placeholder_looks_like_a_value(window: MainWindow) -> None:
    form = members_tab(window).form
    form.new()
    form.fields["id_type"].set_value("护照")  # the birth date is typed by hand: its placeholder shows
    placeholders = {editor.objectName(): editor.placeholderText() for editor in window.findChildren(QLineEdit)
                    if editor.placeholderText()}
    assert placeholders["birth_date"] == "例：2024-03-05" and placeholders["consent_on"] == "例：2024-03-05"
    for name, text in placeholders.items():
        assert not LOOKS_LIKE_A_VALUE.fullmatch(text), f"{name}: {text!r}"


def test_a_placeholder_is_drawn_lighter_than_any_value() -> None:
    palette = hint_palette(QPalette())
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text = palette.color(group, QPalette.ColorRole.Text).lightness()
        base = palette.color(group, QPalette.ColorRole.Base).lightness()
        hint = palette.color(group, QPalette.ColorRole.PlaceholderText).lightness()
        # nearer the background than the text: at most 40 % of the way from the background to the text
        assert abs(hint - base) <= 0.4 * abs(text - base), (group, text, hint, base)


# ----- Esc ------------------------------------------------------------------------------------------------
def press_escape(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Escape)


def test_escape_on_a_half_typed_new_member_asks_and_keeps_it_when_told(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    form = members_tab(window).form
    form.new()
    line(form, "name").setText("半个新会员")
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)  # 继续编辑
    press_escape(qtbot, line(form, "phone"))
    assert asked == ["放弃正在录入的新会员吗？已填写的内容不会保存。"]
    assert line(form, "name").text() == "半个新会员" and form.is_dirty()
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    press_escape(qtbot, line(form, "phone"))
    assert line(form, "name").text() == "" and not form.is_dirty()


def test_escape_on_an_edited_member_asks_before_reverting(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = members_tab(window)
    tab.table.selectRow(0)
    form = tab.form
    employer = line(form, "employer").text()
    line(form, "employer").setText("改了一半")
    asked = answer(monkeypatch, QMessageBox.StandardButton.Discard)
    press_escape(qtbot, line(form, "employer"))
    assert len(asked) == 1 and asked[0].startswith("放弃对“")
    assert line(form, "employer").text() == employer and not form.is_dirty()


def test_escape_on_a_clean_form_reverts_without_a_question(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = members_tab(window)
    tab.table.selectRow(0)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Discard)
    press_escape(qtbot, line(tab.form, "employer"))
    assert asked == [] and not tab.form.is_dirty()


# ----- the error line -------------------------------------------------------------------------------------
def test_an_error_under_a_field_moves_no_field_below_it(
        qtbot: QtBot, make_member_form: Callable[[], MemberForm]) -> None:
    form = make_member_form()
    below = [form.fields[name].editor for name in ("gender", "phone", "employer", "remarks")]

    def tops() -> list[int]:
        return [editor.mapTo(form, editor.rect().topLeft()).y() for editor in below]

    before = tops()
    qtbot.keyClicks(line(form, "id_number"), "12345")  # wrong: an error appears under the number
    assert form.fields["id_number"].error.isVisible() and form.fields["id_number"].error.text()
    qtbot.wait(10)  # let the layout settle, as the clerk's next click would
    assert tops() == before
    line(form, "id_number").clear()
    qtbot.keyClicks(line(form, "phone"), "123")
    assert tops() == before


@pytest.fixture
def make_member_form(qtbot: QtBot, ui_store: Store, runner: JobRunner, cjk_font: str | None
                     ) -> Callable[[], MemberForm]:
    def build() -> MemberForm:
        form = MemberForm(make_context(ui_store, CLERK, runner))
        qtbot.addWidget(form)
        form.resize(560, 1800)  # every field in view: the positions are the layout's, not the scrolling's
        form.show()
        qtbot.waitExposed(form)
        return form

    return build
