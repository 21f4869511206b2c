"""The main window as a clerk lives in it: login, search as you type, paging, keyboard, closing."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db import users
from db.auth import Actor
from db.demo import DEMO_PASSWORD
from db.members import listing as member_list
from db.members.listing import MemberFilter, MemberSort
from db.models import Member
from db.store import Store
from db.version import app_version
from desktop.ui import paged_model
from desktop.ui.about import name_application
from desktop.ui.login import LoginDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.members.tab import MembersTab
from desktop.ui.registry_tab import RegistryTab
from desktop.ui.settings import Settings
from desktop.ui.worker import JobRunner

from .conftest import WindowFactory, make_context

CLERK = Actor("clerk", "录入员", frozenset({"clerk"}), "110101006")


@pytest.fixture
def open_window(window_factory: WindowFactory, demo_store: Store) -> Callable[[], MainWindow]:
    return lambda: window_factory(demo_store, CLERK)


def members_tab(window: MainWindow) -> MembersTab:
    tab = window.current_tab()
    assert isinstance(tab, MembersTab)
    return tab


def shown_names(tab: MembersTab) -> list[str]:
    return [tab.model.row_at(i).name for i in range(tab.model.rowCount())]  # type: ignore[union-attr]


def test_login_refuses_a_wrong_password_and_accepts_the_right_one(qtbot: QtBot, demo_store: Store) -> None:
    dialog = LoginDialog(demo_store, "东四街道工会", "clerk")
    qtbot.addWidget(dialog)
    dialog.password.setText("wrong")
    dialog.try_login()
    assert dialog.actor is None
    assert "用户名或密码不正确" in dialog.findChild(QLabel, "error").text()
    dialog.password.setText(DEMO_PASSWORD)
    dialog.try_login()
    assert dialog.actor is not None and dialog.actor.username == "clerk"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_status_bar_shows_office_user_and_counts(open_window: Callable[[], MainWindow]) -> None:
    window = open_window()
    texts = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert any("东四街道工会" in t for t in texts)
    assert any("录入员" in t for t in texts)
    assert window.count_label.text() == "共 400 条"


def test_search_by_pinyin_initials_finds_as_you_type(qtbot: QtBot, open_window: Callable[[], MainWindow],
                                                     demo_store: Store) -> None:
    window = open_window()
    tab = members_tab(window)
    qtbot.keyClicks(tab.search, "zs")
    qtbot.waitUntil(lambda: tab.model.total() < 400, timeout=2000)
    with demo_store.transaction() as session:
        expected = session.scalars(select(Member.name).where(Member.name_initials.like("zs%"))).all()
    assert sorted(shown_names(tab)) == sorted(expected) and expected
    assert window.count_label.text() == f"显示 {len(expected)} / 共 400 条"


def test_header_click_sorts_by_running_the_query_again(open_window: Callable[[], MainWindow],
                                                       demo_store: Store) -> None:
    tab = members_tab(open_window())
    name_column = next(i for i, c in enumerate(tab.model.columns) if c.sort_key == "name")
    tab.table.sortByColumn(name_column, Qt.SortOrder.DescendingOrder)
    assert tab.model.sort_order == MemberSort("name", descending=True)
    with demo_store.transaction() as session:
        top = member_list.page(session, MemberFilter(), MemberSort("name", True), limit=1).rows[0]
    assert tab.model.row_at(0).uuid == top.uuid  # type: ignore[union-attr]


def test_scrolling_to_the_end_keeps_only_a_few_pages(monkeypatch: pytest.MonkeyPatch,
                                                     open_window: Callable[[], MainWindow],
                                                     demo_store: Store) -> None:
    monkeypatch.setattr(paged_model, "PAGE", 50)
    monkeypatch.setattr(paged_model, "MAX_PAGES", 3)
    tab = members_tab(open_window())
    tab.refresh()
    tab.table.scrollToBottom()
    QApplication.processEvents()
    assert tab.model.loaded_rows() <= 3 * 50
    with demo_store.transaction() as session:
        ordered = [m for (m,) in session.execute(
            select(Member.uuid).where(Member.deleted.is_(False)).order_by(Member.member_no, Member.uuid))]
    for position in (399, 398, 351, 200, 125, 0, 49, 50, 260):  # end, backwards, a jump, the start, forwards
        assert tab.model.uuid_at(position) == ordered[position], position
    assert tab.model.loaded_rows() <= 3 * 50


def test_new_member_with_the_keyboard_then_undo(qtbot: QtBot, open_window: Callable[[], MainWindow],
                                                demo_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window()
    tab = members_tab(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.form.current_uuid() is None
    tab.form.fields["name"].set_value("测试新会员")
    tab.form.fields["id_number"].set_value("11010519491231002X")
    tab.form.fields["joined_on"].set_value("2024-01-02")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    uuid = tab.form.current_uuid()
    assert uuid is not None
    assert window.count_label.text().endswith("共 401 条")
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with demo_store.transaction() as session:
        row = session.get(Member, uuid)
        assert row is not None and row.deleted


def test_ctrl_f_goes_to_the_search_box(qtbot: QtBot, open_window: Callable[[], MainWindow]) -> None:
    window = open_window()
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is members_tab(window).search


def test_closing_with_unsaved_changes_asks_first(qtbot: QtBot, open_window: Callable[[], MainWindow],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window()
    tab = members_tab(window)
    tab.table.selectRow(0)
    tab.form.fields["remarks"].set_value("还没保存的备注")
    assert tab.form.is_dirty()
    asked: list[str] = []

    def cancel(box: QMessageBox) -> int:
        asked.append(box.text())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    assert not window.close()
    assert asked and window.isVisible()


def test_geometry_and_last_tab_are_remembered(qtbot: QtBot, demo_store: Store, settings: Settings,
                                              runner: JobRunner) -> None:
    def build() -> MainWindow:
        context = make_context(demo_store, CLERK, runner)
        other = RegistryTab()
        other.title = "另一个"
        window = MainWindow(context, settings, [MembersTab(context), other])
        qtbot.addWidget(window)
        window.show()
        return window

    window = build()
    window.resize(700, 500)  # inside the offscreen platform's 800×600 screen
    window.tabs.setCurrentIndex(1)
    assert window.close()
    again = build()
    assert (again.width(), again.height()) == (700, 500)
    assert again.tabs.currentIndex() == 1


def test_screenshot_command_renders_every_tab(tmp_path: Path, demo_store: Store) -> None:
    assert demo_store.path is not None
    folder = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "UNIONDESK_HOME": str(tmp_path / "home")}
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(demo_store.path), "gui",
                             "--screenshot", str(folder)], capture_output=True, text=True, env=env,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "首次绘制用时" in result.stdout
    shots = sorted(p.name for p in folder.iterdir())
    assert shots == ["01-members-form.png", "01-members-search.png", "01-members.png", "02-stations-form.png",
                     "02-stations-inspections.png", "02-stations-log.png", "02-stations-ratings.png", "02-stations.png",
                     "03-contests-entrants.png", "03-contests-form.png", "03-contests-results.png",
                     "03-contests-scores.png", "03-contests.png", "04-aid-cases-documents.png",
                     "04-aid-cases-form.png", "04-aid-cases-household.png", "04-aid-cases-payments.png",
                     "04-aid-cases-steps.png", "04-aid-cases-students.png",
                     "04-aid-cases.png", "05-sync.png"]
    assert all((folder / name).stat().st_size > 20_000 for name in shots)


def test_second_window_on_the_same_database_is_refused(tmp_path: Path, demo_store: Store) -> None:
    from PySide6.QtCore import QLockFile

    assert demo_store.path is not None
    lock = QLockFile(str(demo_store.path) + ".lock")
    assert lock.tryLock(100)
    try:
        from desktop.ui import app

        assert app._lock_database(str(demo_store.path)) is False
    finally:
        lock.unlock()


def test_users_can_log_in_with_the_demo_accounts(demo_store: Store) -> None:
    assert users.authenticate(demo_store, "admin", DEMO_PASSWORD).can("users.manage")


def test_enter_opens_the_selected_row_and_delete_asks_first(qtbot: QtBot, open_window: Callable[[], MainWindow],
                                                             demo_store: Store,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window()
    tab = members_tab(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(2, 0))
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    uuid = tab.model.uuid_at(2)
    assert uuid is not None and tab.form.current_uuid() == uuid
    asked: list[str] = []

    def refuse(box: QMessageBox) -> int:
        asked.append(box.text())
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", refuse)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert asked, "Delete must ask before deleting"
    with demo_store.transaction() as session:
        member = session.get(Member, uuid)
        assert member is not None and not member.deleted
        assert member.name in asked[0]


def test_the_title_names_the_program_once(qapp: QApplication, open_window: Callable[[], MainWindow]) -> None:
    shown_as = qapp.applicationDisplayName()
    name_application(qapp)  # as at start-up: the platform appends the display name to a title without it
    try:
        window = open_window()
        title = window.windowTitle()
        assert title == "东四街道工会 — UnionDesk 街道工会台账"
        assert title.endswith(qapp.applicationDisplayName())  # so nothing is appended to it
        assert title.count("街道工会台账") == 1
    finally:
        qapp.setApplicationDisplayName(shown_as)


def test_about_shows_the_version(open_window: Callable[[], MainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    with (Path(__file__).resolve().parents[2] / "pyproject.toml").open("rb") as file:
        version = tomllib.load(file)["project"]["version"]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, title, text: shown.extend([title, text]))
    window = open_window()
    about = next(action for action in window.findChildren(QAction) if action.objectName() == "about")
    about.trigger()
    assert shown[0] == "关于 UnionDesk 街道工会台账"
    assert f"版本 {version}" in shown[1] and app_version() == version
