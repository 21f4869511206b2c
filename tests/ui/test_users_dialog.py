"""The 工具 menu: user management by an admin, the settings dialog, demo data for an empty database."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db import users
from db.auth import Actor
from db.demo import DEMO_PASSWORD
from db.errors import PermissionDenied
from db.models import Member, User
from db.store import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.settings_dialog import ChangePasswordDialog, SettingsDialog
from desktop.ui.users_dialog import AddUserDialog, ResetPasswordDialog, RolesDialog, UsersDialog
from desktop.ui.worker import JobRunner

from .conftest import OFFICE, WindowFactory, make_context

ADMIN = Actor("admin", "管理员", frozenset({"admin"}), OFFICE.code)
CLERK = Actor("clerk", "录入员", frozenset({"clerk"}), OFFICE.code)


def driver(fill: Callable[[QDialog], None]) -> Callable[[QDialog], int]:
    """A stand-in for ``QDialog.exec``: fill the sub-dialog, press OK once, report how it ended."""

    def run(dialog: QDialog) -> int:
        fill(dialog)
        dialog.submit()  # type: ignore[attr-defined]
        return dialog.result()

    return run


def fill_new_user(username: str, password: str, again: str | None = None) -> Callable[[QDialog], None]:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AddUserDialog)
        dialog.username.setText(username)
        dialog.display_name.setText("张新同")
        dialog.password.setText(password)
        dialog.password_again.setText(password if again is None else again)
        dialog.role_boxes["clerk"].setChecked(True)
        dialog.role_boxes["approver"].setChecked(True)
        seen.append(dialog)

    seen: list[QDialog] = []
    fill.seen = seen  # type: ignore[attr-defined]
    return fill


@pytest.fixture
def users_dialog(qtbot: QtBot, demo_store: Store, runner: JobRunner) -> UsersDialog:
    dialog = UsersDialog(make_context(demo_store, ADMIN, runner))
    qtbot.addWidget(dialog)
    return dialog


def table_texts(dialog: UsersDialog) -> dict[str, list[str]]:
    table = dialog.table
    return {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 4)]
            for r in range(table.rowCount())}


def test_the_table_shows_users_with_chinese_roles_and_state(users_dialog: UsersDialog) -> None:
    rows = table_texts(users_dialog)
    assert rows["admin"][1] == "管理员" and rows["admin"][2] == "启用"
    assert rows["clerk"][1] == "录入员"
    headers = [users_dialog.table.horizontalHeaderItem(c).text() for c in range(4)]
    assert headers == ["用户名", "姓名", "角色", "状态"]


def test_admin_adds_a_user_who_can_then_log_in(users_dialog: UsersDialog, demo_store: Store) -> None:
    fill = fill_new_user("zhangxt", "secret99")
    users_dialog.run_dialog = driver(fill)
    users_dialog.add_user()
    sub = fill.seen[0]  # type: ignore[attr-defined]
    assert sub.result() == QDialog.DialogCode.Accepted
    assert table_texts(users_dialog)["zhangxt"] == ["张新同", "录入员、审核人", "启用"]
    assert users_dialog.selected_username() == "zhangxt"
    actor = users.authenticate(demo_store, "zhangxt", "secret99")
    assert actor.roles == frozenset({"clerk", "approver"}) and actor.office_code == OFFICE.code


@pytest.mark.parametrize(("password", "again", "message"), [
    ("abc", "abc", "至少6位"),
    ("secret99", "secret98", "两次输入的密码不一致"),
])
def test_a_refused_user_shows_the_message_and_adds_nothing(users_dialog: UsersDialog, demo_store: Store,
                                                           password: str, again: str, message: str) -> None:
    before = user_count(demo_store)
    fill = fill_new_user("shorty", password, again)
    users_dialog.run_dialog = driver(fill)
    users_dialog.add_user()
    sub = fill.seen[0]  # type: ignore[attr-defined]
    assert isinstance(sub, AddUserDialog)
    assert sub.result() != QDialog.DialogCode.Accepted  # still open for a correction
    assert message in sub.error.text()
    assert user_count(demo_store) == before
    assert "shorty" not in table_texts(users_dialog)


def user_count(store: Store) -> int:
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(User)) or 0)


def test_the_error_clears_and_the_dialog_accepts_once_corrected(qtbot: QtBot, demo_store: Store,
                                                                 runner: JobRunner) -> None:
    dialog = AddUserDialog(make_context(demo_store, ADMIN, runner))
    qtbot.addWidget(dialog)
    fill_new_user("wangwu", "abc")(dialog)
    assert not dialog.submit()
    assert "密码" in dialog.error.text()
    dialog.password.setText("abcdef")
    dialog.password_again.setText("abcdef")
    assert dialog.submit()
    assert dialog.error.text() == ""
    assert users.authenticate(demo_store, "wangwu", "abcdef")


def test_reset_password(users_dialog: UsersDialog, demo_store: Store) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ResetPasswordDialog) and dialog.username == "clerk"
        dialog.password.setText("brandnew1")
        dialog.password_again.setText("brandnew1")

    users_dialog.select_user("clerk")
    assert users_dialog.reset_button.isEnabled()
    users_dialog.run_dialog = driver(fill)
    users_dialog.reset_password()
    assert users.authenticate(demo_store, "clerk", "brandnew1").username == "clerk"
    with pytest.raises(PermissionDenied):
        users.authenticate(demo_store, "clerk", DEMO_PASSWORD)


def test_change_roles_and_disable_a_user(users_dialog: UsersDialog, demo_store: Store) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RolesDialog)
        assert dialog.role_boxes["approver"].isChecked()
        dialog.role_boxes["clerk"].setChecked(True)
        dialog.active.setChecked(False)

    users_dialog.select_user("approver")
    users_dialog.run_dialog = driver(fill)
    users_dialog.change_roles()
    assert table_texts(users_dialog)["approver"][1:] == ["录入员、审核人", "停用"]
    with pytest.raises(PermissionDenied):
        users.authenticate(demo_store, "approver", DEMO_PASSWORD)


def test_an_admin_cannot_demote_themself(users_dialog: UsersDialog) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RolesDialog)
        dialog.role_boxes["admin"].setChecked(False)
        dialog.role_boxes["clerk"].setChecked(True)
        seen.append(dialog)

    seen: list[RolesDialog] = []
    users_dialog.select_user("admin")
    users_dialog.run_dialog = driver(fill)
    users_dialog.change_roles()
    assert "不能取消自己的管理员身份" in seen[0].error.text()
    assert table_texts(users_dialog)["admin"][1] == "管理员"


def test_without_a_selection_only_adding_is_possible(users_dialog: UsersDialog) -> None:
    users_dialog.table.clearSelection()
    assert users_dialog.add_button.isEnabled()
    assert not users_dialog.reset_button.isEnabled() and not users_dialog.roles_button.isEnabled()


def test_a_clerk_gets_no_user_list(qtbot: QtBot, demo_store: Store, runner: JobRunner) -> None:
    dialog = UsersDialog(make_context(demo_store, CLERK, runner))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert not dialog.add_button.isEnabled()
    assert "管理用户" in dialog.error.text()


# ----- settings -----------------------------------------------------------------------------------------
def test_settings_dialog_stores_the_language(qtbot: QtBot, demo_store: Store, settings: Settings,
                                             runner: JobRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *_a: told.append(text))
    dialog = SettingsDialog(settings, make_context(demo_store, ADMIN, runner))
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "zh_CN"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert settings.language() == "en"
    assert told and "下次启动" in told[0]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_change_own_password(qtbot: QtBot, demo_store: Store, settings: Settings, runner: JobRunner,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: QMessageBox.StandardButton.Ok)
    clerk = users.authenticate(demo_store, "clerk", DEMO_PASSWORD)
    dialog = SettingsDialog(settings, make_context(demo_store, clerk, runner))
    qtbot.addWidget(dialog)
    seen: list[ChangePasswordDialog] = []

    def fill(old: str) -> Callable[[QDialog], None]:
        def run(sub: QDialog) -> None:
            assert isinstance(sub, ChangePasswordDialog)
            sub.old_password.setText(old)
            sub.password.setText("mine-now")
            sub.password_again.setText("mine-now")
            seen.append(sub)
        return run

    dialog.run_dialog = driver(fill("wrong-old"))
    assert not dialog.change_password()
    assert "原密码不正确" in seen[-1].error.text()
    dialog.run_dialog = driver(fill(DEMO_PASSWORD))
    assert dialog.change_password()
    assert users.authenticate(demo_store, "clerk", "mine-now").username == "clerk"


# ----- the main window's 工具 menu ---------------------------------------------------------------------------
@pytest.fixture
def open_window(window_factory: WindowFactory) -> WindowFactory:
    return window_factory


def tools_actions(window: MainWindow) -> dict[str, bool]:
    return {a.text(): a.isEnabled() for a in window.tools_menu.actions()}


def test_tools_menu_for_a_clerk_and_an_admin(open_window: Callable[[Store, Actor], MainWindow],
                                             demo_store: Store) -> None:
    menus = [a.text() for a in open_window(demo_store, CLERK).menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "工具(&T)", "帮助(&H)"]
    clerk = tools_actions(open_window(demo_store, CLERK))
    assert clerk == {"验证证书…": True, "用户管理…": False, "设置…": True, "生成演示数据…": False}
    admin = tools_actions(open_window(demo_store, ADMIN))
    assert admin == {"验证证书…": True, "用户管理…": True, "设置…": True, "生成演示数据…": True}


def test_demo_data_fills_a_fresh_database(qtbot: QtBot, open_window: Callable[[Store, Actor], MainWindow],
                                          ui_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []

    def get_int(_parent: object, _title: str, _label: str, value: int, *args: object) -> tuple[int, bool]:
        asked.append(value)
        return 300, True

    monkeypatch.setattr(QInputDialog, "getInt", get_int)
    window = open_window(ui_store, ADMIN)
    assert window.count_label.text() == "共 0 条"
    with qtbot.waitSignal(window.context.runner.busy_changed, timeout=60_000,
                          check_params_cb=lambda busy: not busy):
        window.demo_action.trigger()
    assert asked == [2000]
    with ui_store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 300
    assert window.count_label.text() == "共 300 条"
    assert "演示数据已生成" in window.statusBar().currentMessage()
    assert window.demo_action.isEnabled()


def test_demo_data_is_refused_for_a_database_with_records(qtbot: QtBot, demo_store: Store,
                                                          open_window: Callable[[Store, Actor], MainWindow],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QInputDialog, "getInt", lambda *_a: (300, True))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: warned.append(text))
    window = open_window(demo_store, ADMIN)
    with qtbot.waitSignal(window.context.runner.busy_changed, timeout=60_000,
                          check_params_cb=lambda busy: not busy):
        window.demo_action.trigger()
    assert warned and "演示数据只能填入空的台账" in warned[0]
    with demo_store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 400
