"""The entrants page of the contest tab (参赛选手) as a clerk uses it: a member found by pinyin initials and
entered with 参赛证号 0001, a non-member entered by name and ID number, a bad ID number and a second entry of
the same person refused in the dialog with nothing written, 回避 shown once the judges are saved, an entrant
changed with Enter and removed with Delete and both taken back with Ctrl+Z, and the buttons off (saying why)
for a read-only user and a published contest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from db import members
from db.auth import Actor
from db.contests import cases, results
from db.contests.entrants import entrant_rows
from db.models import Contest
from db.store import Store
from db.validation import make_id_number
from desktop.ui.contests.entrant_dialog import EditEntrantDialog, MemberEntrantDialog, NonMemberEntrantDialog
from desktop.ui.contests.entrants import ContestEntrants
from desktop.ui.contests.judges_dialog import JudgesDialog
from desktop.ui.contests.tab import ContestsTab
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.stations.field_dialog import FieldDialog
from desktop.ui.worker import JobRunner

from .conftest import OFFICE

VIEWER = Actor("viewer", "查看", frozenset(), OFFICE.code)
CONTEST = {"name": "爱家·敬老杯养老护理员职业技能大赛", "trade": "养老护理员", "level": "街道级",
           "starts_on": "2026-05-10", "ends_on": "2026-05-11", "theory_weight": 30, "practical_weight": 70,
           "judge_count": 3, "tie_breaks": "practical,time", "quota_first": 1, "quota_second": 0,
           "quota_third": 0}
ZHANG = {"name": "张三", "id_number": "11010519491231002X", "joined_on": "2020-05-01", "employer": "东四社区养老驿站"}
ZHOU = {"name": "周顺", "id_number": make_id_number("110101", dt.date(1985, 3, 2), 131), "joined_on": "2021-01-01",
        "employer": "甲养老院"}
LI = {"name": "李四", "id_number": make_id_number("110101", dt.date(1990, 6, 1), 151), "joined_on": "2021-01-01"}
OTHER_ID = make_id_number("110101", dt.date(1988, 8, 8), 242)  # 女


@pytest.fixture
def runner() -> Iterator[JobRunner]:
    jobs = JobRunner()
    yield jobs
    jobs.wait(10_000)


@pytest.fixture
def contest(sqlite_store: Store, clerk: Actor) -> Contest:
    for person in (ZHANG, ZHOU, LI):
        members.register(sqlite_store, clerk, person)
    return cases.create_contest(sqlite_store, clerk, CONTEST)


@pytest.fixture
def make_page(qtbot: QtBot, sqlite_store: Store, runner: JobRunner) -> Callable[[Actor], ContestEntrants]:
    def build(actor: Actor) -> ContestEntrants:
        page = ContestEntrants(AppContext(sqlite_store, actor, OFFICE, runner))
        qtbot.addWidget(page)
        page.hooks.inform = lambda _title, text: pytest.fail(f"unexpected message: {text}")
        page.hooks.agree = lambda _title, text, _yes: pytest.fail(f"unexpected question: {text}")
        return page
    return build


@pytest.fixture
def page(make_page: Callable[[Actor], ContestEntrants], clerk: Actor, contest: Contest) -> ContestEntrants:
    shown = make_page(clerk)
    shown.show_contest(contest.uuid)
    return shown


def cell(page: ContestEntrants, row: int, column: int) -> str:
    item = page.table.item(row, column)
    assert item is not None
    return item.text()


def row_texts(page: ContestEntrants) -> list[list[str]]:
    return [[cell(page, row, column) for column in range(page.table.columnCount())]
            for row in range(page.table.rowCount())]


def type_into(dialog: FieldDialog, values: dict[str, str]) -> None:
    for name, value in values.items():
        editor = dialog.fields[name].editor
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
        else:
            assert isinstance(editor, QLineEdit), name
            editor.setText(value)


def answering(fill: Callable[[Any], None], seen: list[Any]) -> Callable[[QDialog], int]:
    """An open_dialog that lets ``fill`` type into the dialog, presses OK and keeps it to read its errors."""
    def run(dialog: QDialog) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.submit()  # type: ignore[attr-defined]
        return dialog.result()
    return run


def pick_member(qtbot: QtBot, search: str, notes: dict[str, str] | None = None) -> Callable[[Any], None]:
    def fill(dialog: MemberEntrantDialog) -> None:
        assert isinstance(dialog, MemberEntrantDialog)
        qtbot.keyClicks(dialog.search, search)
        type_into(dialog, notes or {})
    return fill


def non_member(values: dict[str, str]) -> Callable[[Any], None]:
    def fill(dialog: NonMemberEntrantDialog) -> None:
        assert isinstance(dialog, NonMemberEntrantDialog)
        type_into(dialog, values)
    return fill


def add_member(qtbot: QtBot, page: ContestEntrants, search: str, **notes: str) -> list[MemberEntrantDialog]:
    seen: list[MemberEntrantDialog] = []
    page.hooks.open_dialog = answering(pick_member(qtbot, search, notes), seen)
    page.add_member()
    return seen


def test_a_member_found_by_pinyin_initials_is_entered_with_the_first_number(
        qtbot: QtBot, page: ContestEntrants, sqlite_store: Store, contest: Contest) -> None:
    seen: list[MemberEntrantDialog] = []

    def fill(dialog: MemberEntrantDialog) -> None:
        qtbot.keyClicks(dialog.search, "zs")
        # 张三 and 周顺 both have the initials zs, listed by their pinyin: zhang before zhou
        assert [row.name for row in dialog.found] == ["张三", "周顺"]
        assert dialog.members.item(0, 2).text() != ZHANG["id_number"]  # a clerk sees the number masked
        type_into(dialog, {"team": "东四街道代表队", "eligibility_notes": "从事养老护理三年"})

    page.hooks.open_dialog = answering(fill, seen)
    with qtbot.waitSignal(page.changed) as changed:
        assert page.add_member()
    assert changed.args == [contest.uuid]
    assert seen[0].result() == QDialog.DialogCode.Accepted
    assert row_texts(page) == [["0001", "张三", "女", "东四社区养老驿站", "东四街道代表队", "", "从事养老护理三年"]]
    assert page.count_label.text() == "共1人"
    [entry] = entrant_rows(sqlite_store, contest.uuid)
    assert entry.member_uuid is not None and entry.id_number == ZHANG["id_number"]


def test_a_member_found_by_id_number_tail_takes_the_team_of_the_employer(
        qtbot: QtBot, page: ContestEntrants) -> None:
    add_member(qtbot, page, ZHOU["id_number"][-4:])
    assert row_texts(page)[0][:5] == ["0001", "周顺", "男", "甲养老院", "甲养老院"]


def test_a_non_member_is_entered_by_name_and_id_number(
        qtbot: QtBot, page: ContestEntrants, sqlite_store: Store) -> None:
    add_member(qtbot, page, "zs")
    seen: list[NonMemberEntrantDialog] = []
    page.hooks.open_dialog = answering(non_member(
        {"name": "王芳", "id_number": OTHER_ID, "employer": "乙家政公司", "team": "乙家政公司"}), seen)
    with qtbot.waitSignal(page.changed):
        assert page.add_non_member()
    assert row_texts(page)[1] == ["0002", "王芳", "女", "乙家政公司", "乙家政公司", "", ""]
    assert page.count_label.text() == "共2人"


def test_a_bad_id_number_is_refused_under_its_field_with_nothing_written(
        qtbot: QtBot, page: ContestEntrants, sqlite_store: Store, contest: Contest) -> None:
    seen: list[NonMemberEntrantDialog] = []
    wrong = OTHER_ID[:-1] + ("0" if OTHER_ID[-1] != "0" else "1")  # the check character does not fit
    page.hooks.open_dialog = answering(non_member({"name": "王芳", "id_number": wrong}), seen)
    with qtbot.assertNotEmitted(page.changed):
        assert not page.add_non_member()
    assert seen[0].result() != QDialog.DialogCode.Accepted  # it stayed open on the refusal
    assert seen[0].field_error("id_number")
    assert entrant_rows(sqlite_store, contest.uuid) == []
    assert page.table.rowCount() == 0


def test_a_second_entry_of_the_same_person_is_refused_in_either_dialog(
        qtbot: QtBot, page: ContestEntrants, sqlite_store: Store, contest: Contest) -> None:
    add_member(qtbot, page, "zs")
    again = add_member(qtbot, page, "zhangs")
    assert again[0].result() != QDialog.DialogCode.Accepted
    assert again[0].member_error() == "张三已报名本竞赛，参赛证号 0001（张三）"
    seen: list[NonMemberEntrantDialog] = []
    page.hooks.open_dialog = answering(non_member({"name": "张三", "id_number": ZHANG["id_number"]}), seen)
    with qtbot.assertNotEmitted(page.changed):
        assert not page.add_non_member()
    assert "已报名本竞赛" in seen[0].field_error("id_number")
    assert len(entrant_rows(sqlite_store, contest.uuid)) == 1


def test_judges_saved_in_their_dialog_show_as_avoided_on_the_entrants_of_their_employer(
        qtbot: QtBot, page: ContestEntrants, sqlite_store: Store, contest: Contest) -> None:
    add_member(qtbot, page, "zs")  # 东四社区养老驿站
    add_member(qtbot, page, "ls", team="甲养老院")  # 李四: no employer, the 甲养老院 team
    seen: list[JudgesDialog] = []

    def fill(dialog: JudgesDialog) -> None:
        assert dialog.table.rowCount() == 3  # the contest's 裁判人数
        dialog.set_row(0, "赵评", "市职业技能鉴定中心")
        dialog.set_row(1, "钱评", "甲养老院")

    page.hooks.open_dialog = answering(fill, seen)
    with qtbot.waitSignal(page.changed):
        assert page.edit_judges()
    assert [row[5] for row in row_texts(page)] == ["", "回避：2号 钱评"]
    assert [(j.judge_no, j.name) for j in page.judges] == [(1, "赵评"), (2, "钱评")]

    def second_empty(dialog: JudgesDialog) -> None:
        assert dialog.judges() == [{"name": "赵评", "employer": "市职业技能鉴定中心"},
                                   {"name": "钱评", "employer": "甲养老院"}]
        dialog.set_row(1, "", "")
        dialog.set_row(2, "孙评", "东四社区养老驿站")

    page.hooks.open_dialog = answering(second_empty, seen)
    with qtbot.assertNotEmitted(page.changed):
        assert not page.edit_judges()
    assert "第2号评委" in seen[-1].error_label.text()  # a judge between two others needs a name
    assert [j.name for j in page.judges] == ["赵评", "钱评"]


def test_an_entrant_changed_with_enter_and_removed_with_delete_is_taken_back_with_ctrl_z(
        qtbot: QtBot, page: ContestEntrants, sqlite_store: Store, contest: Contest) -> None:
    add_member(qtbot, page, "zs")
    add_member(qtbot, page, "zhous")
    entry = entrant_rows(sqlite_store, contest.uuid)[1]
    cases.set_judge_score(sqlite_store, page._context.actor, entry.uuid, 1, "88.5")
    page.table.selectRow(1)
    seen: list[EditEntrantDialog] = []

    def edit(dialog: EditEntrantDialog) -> None:
        assert "completion_seconds" in dialog.fields  # the rule breaks ties by 用时
        type_into(dialog, {"team": "东四街道代表队", "completion_seconds": "1250"})

    page.hooks.open_dialog = answering(edit, seen)
    page.table.setFocus()
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert row_texts(page)[1][4] == "东四街道代表队"
    assert entrant_rows(sqlite_store, contest.uuid)[1].completion_seconds == 1250

    asked: list[str] = []
    page.hooks.agree = lambda _title, text, _yes: asked.append(text) is None
    page.table.selectRow(1)
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked and "0002 周顺" in asked[0]
    assert [row[0] for row in row_texts(page)] == ["0001"]
    assert page.count_label.text() == "共1人"

    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = entrant_rows(sqlite_store, contest.uuid)
    assert [row.entry_no for row in back] == ["0001", "0002"]  # the same number again
    assert cases.score_sheet(sqlite_store, contest.uuid)[1].judges == {1: 8850}  # with the judge's score
    assert "修改选手 0002 周顺" in page.undo_button.toolTip()
    assert page.undo()
    assert entrant_rows(sqlite_store, contest.uuid)[1].team == "甲养老院"
    assert entrant_rows(sqlite_store, contest.uuid)[1].completion_seconds is None
    assert page.undo()  # the second add taken back
    assert page.undo()
    assert entrant_rows(sqlite_store, contest.uuid) == []
    assert not page.undo_button.isEnabled()


def test_a_removal_asked_and_declined_writes_nothing(qtbot: QtBot, page: ContestEntrants) -> None:
    add_member(qtbot, page, "zs")
    page.table.selectRow(0)
    page.hooks.agree = lambda _title, _text, _yes: False
    with qtbot.assertNotEmitted(page.changed):
        assert not page.remove_selected()
    assert page.table.rowCount() == 1


def test_a_read_only_user_and_a_published_contest_leave_the_buttons_off_saying_why(
        qtbot: QtBot, make_page: Callable[[Actor], ContestEntrants], page: ContestEntrants, sqlite_store: Store,
        contest: Contest, clerk: Actor, admin: Actor) -> None:
    add_member(qtbot, page, "zs")
    viewer = make_page(VIEWER)
    viewer.show_contest(contest.uuid)
    viewer.table.selectRow(0)
    for button in (viewer.add_member_button, viewer.add_other_button, viewer.edit_button, viewer.remove_button):
        assert not button.isEnabled()
        assert button.toolTip().startswith("只有")
    assert viewer.judges_button.isEnabled()  # to read the judges

    entry = entrant_rows(sqlite_store, contest.uuid)[0]
    cases.set_theory_score(sqlite_store, clerk, entry.uuid, "90")
    for number in (1, 2, 3):
        cases.set_judge_score(sqlite_store, clerk, entry.uuid, number, "85")
    results.publish(sqlite_store, admin, contest.uuid)
    page.show_contest(contest.uuid)
    page.table.selectRow(0)
    for button in (page.add_member_button, page.add_other_button, page.remove_button):
        assert not button.isEnabled()
        assert button.toolTip().startswith("成绩已发布，不能再增减选手")
    assert not page.edit_button.isEnabled()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # nothing asked (hooks.agree fails the test)
    assert page.undo_button.toolTip().startswith("成绩已发布")


def test_the_contest_tab_has_the_entrants_page(qtbot: QtBot, sqlite_store: Store, clerk: Actor,
                                               contest: Contest, runner: JobRunner) -> None:
    tab = ContestsTab(AppContext(sqlite_store, clerk, OFFICE, runner))
    qtbot.addWidget(tab)
    tab.refresh()
    titles = [tab.panels.tabText(i) for i in range(tab.panels.count())]
    assert "参赛选手" in titles
    entrants = tab.panels.widget(titles.index("参赛选手"))
    assert isinstance(entrants, ContestEntrants)
    tab.table.selectRow(0)
    tab.panels.setCurrentWidget(entrants)
    assert entrants.contest is not None and entrants.contest["uuid"] == contest.uuid
    assert entrants.count_label.text() == "共0人"


def test_ctrl_z_in_the_window_takes_back_the_entrants_last_change_not_the_forms(
        qtbot: QtBot, sqlite_store: Store, clerk: Actor, contest: Contest, runner: JobRunner,
        settings: Settings) -> None:
    context = AppContext(sqlite_store, clerk, OFFICE, runner)
    tab = ContestsTab(context)
    window = MainWindow(context, settings, [tab])
    window.show()
    qtbot.waitExposed(window)
    try:
        tab.refresh()
        tab.table.selectRow(0)
        entrants = tab.panels.widget(1)
        assert isinstance(entrants, ContestEntrants)
        tab.panels.setCurrentWidget(entrants)
        entrants.hooks.open_dialog = answering(pick_member(qtbot, "zs"), [])
        assert entrants.add_member()
        entrants.table.setFocus()
        entrants.table.selectRow(0)
        window.undo_action.setEnabled(True)  # as after a contest saved in the form
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is entrants.table)
        with qtbot.waitSignal(entrants.changed):  # through the window: its shortcuts would take the keys first
            qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert entrant_rows(sqlite_store, contest.uuid) == []
        assert entrants.add_member()
        entrants.table.selectRow(0)
        entrants.hooks.agree = lambda _title, _text, _yes: True
        with qtbot.waitSignal(entrants.changed):  # Delete removes the entrant, not the contest (删除's key)
            qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Delete)
        assert entrant_rows(sqlite_store, contest.uuid) == []
        assert tab.model.rowCount() == 1
    finally:
        window.close()
        window.deleteLater()
