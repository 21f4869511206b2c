"""The results page of a contest (成绩与奖项) as a clerk and an admin use it: the provisional ranking, publishing
after a question (certificate numbers shown), a refusal in the use case's words with nothing written, a tie in
the first three parted by the draw typed in its dialog, an appeal recorded and decided, and the reopening that
only an admin may do and only with a reason; a read-only user's buttons off, each saying why."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.auth import Actor
from db.contests import cases, results
from db.models import AuditEntry, Contest, ContestAppeal, ContestEntry
from db.store import Store
from db.validation import make_id_number
from desktop.ui.contests.results_dialogs import AppealDialog, DecideAppealDialog, DrawDialog, ReopenDialog
from desktop.ui.contests.results_page import ContestResults
from desktop.ui.contests.tab import ContestsTab
from desktop.ui.context import AppContext
from desktop.ui.stations.field_dialog import FieldDialog
from desktop.ui.worker import JobRunner

from .conftest import OFFICE

VIEWER = Actor("viewer", "查看", frozenset(), OFFICE.code)
CONTEST = {"name": "爱家·敬老杯养老护理员职业技能大赛", "trade": "养老护理员", "level": "街道级",
           "starts_on": "2026-05-10", "ends_on": "2026-05-10", "theory_weight": 20, "practical_weight": 80,
           "judge_count": 1, "quota_first": 1, "quota_second": 1, "quota_third": 1, "quota_merit": 0}


@pytest.fixture
def contest(sqlite_store: Store, clerk: Actor) -> Contest:
    return cases.create_contest(sqlite_store, clerk, CONTEST)


@pytest.fixture
def make_page(qtbot: QtBot, sqlite_store: Store) -> Iterator[Callable[[Actor], ContestResults]]:
    runners: list[JobRunner] = []

    def build(actor: Actor) -> ContestResults:
        runners.append(JobRunner())
        page = ContestResults(AppContext(sqlite_store, actor, OFFICE, runners[-1]))
        qtbot.addWidget(page)
        page.hooks.inform = lambda _title, text: pytest.fail(f"unexpected message: {text}")
        page.hooks.agree = lambda _title, text, _yes: pytest.fail(f"unexpected question: {text}")
        page.hooks.open_dialog = lambda dialog: pytest.fail(f"unexpected dialog: {dialog.windowTitle()}")
        return page

    yield build
    for runner in runners:
        runner.wait()


def entrant(store: Store, clerk: Actor, contest: Contest, n: int, theory: Any, practical: Any,
            employer: str = "东四养老院") -> ContestEntry:
    number = make_id_number("110101", dt.date(1980, 1, 1) + dt.timedelta(days=n), n * 10 + 1)
    entry = cases.add_entrant(store, clerk, contest.uuid, {"name": f"选手{n}", "id_number": number,
                                                           "employer": employer})
    if theory is not None:
        cases.set_theory_score(store, clerk, entry.uuid, theory)
    if practical is not None:
        cases.set_judge_score(store, clerk, entry.uuid, 1, practical)
    return entry


def column(page: ContestResults, index: int) -> list[str]:
    table = page.table
    return [item.text() if (item := table.item(row, index)) is not None else "" for row in range(table.rowCount())]


def stored(store: Store, contest: Contest) -> dict[str, tuple[Any, ...]]:
    with store.transaction() as session:
        return {e.name: (e.rank, e.award, e.certificate_no, e.draw_no) for e in session.scalars(
            select(ContestEntry).where(ContestEntry.contest_uuid == contest.uuid))}


def is_published(store: Store, contest: Contest) -> bool:
    with store.transaction() as session:
        found = session.get(Contest, contest.uuid)
        assert found is not None
        return found.published_at is not None


def filling(values: dict[str, str], seen: list[QDialog]) -> Callable[[QDialog], int]:
    """An open_dialog that types ``values`` into a field dialog, presses OK and keeps the dialog."""
    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, FieldDialog)
        seen.append(dialog)
        for name, value in values.items():
            editor = dialog.fields[name].editor
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value)
            else:
                assert isinstance(editor, QLineEdit), name
                editor.setText(value)
        dialog.submit()
        return dialog.result()
    return run


def test_publishing_after_a_question_shows_the_certificate_numbers(
        qtbot: QtBot, make_page: Callable[[Actor], ContestResults], sqlite_store: Store, clerk: Actor,
        contest: Contest) -> None:
    entrant(sqlite_store, clerk, contest, 1, 70, 70, "甲养老院")  # 70.00
    entrant(sqlite_store, clerk, contest, 2, 90, 90, "乙养老院")  # 90.00
    entrant(sqlite_store, clerk, contest, 3, 80, 80, "甲养老院")  # 80.00
    page = make_page(clerk)
    page.show_contest(contest.uuid)
    assert page.status_label.text().startswith("暂定")
    assert column(page, 0) == ["1", "2", "3"] and column(page, 2) == ["选手2", "选手3", "选手1"]
    assert column(page, 6) == ["90.00", "80.00", "70.00"] and column(page, 9) == ["", "", ""]
    assert page.teams_table.rowCount() == 2 and page.teams_table.item(0, 1).text() == "甲养老院"  # type: ignore[union-attr]
    assert page.teams_table.item(0, 2).text() == "150.00"  # type: ignore[union-attr]
    assert not page.draw_button.isEnabled() and "没有需要抽签" in page.draw_button.toolTip()
    assert not page.reopen_button.isEnabled()

    page.hooks.agree = lambda _title, _text, _yes: False  # the clerk thinks again: nothing written
    assert not page.publish() and not is_published(sqlite_store, contest)
    asked: list[str] = []
    told: list[str] = []
    page.hooks.agree = lambda _title, text, _yes: asked.append(text) is None
    page.hooks.inform = lambda _title, text: told.append(text)
    with qtbot.waitSignal(page.changed) as changed:
        assert page.publish()
    assert changed.args == [contest.uuid] and "3名选手" in asked[0]
    assert told == ["成绩已公布：3名选手获奖，证书编号已发给获奖者。"]
    assert column(page, 7) == ["一等奖", "二等奖", "三等奖"]
    assert column(page, 9) == ["110101006-2026-0001", "110101006-2026-0002", "110101006-2026-0003"]
    assert page.status_label.text().startswith("已发布：") and "发布人 clerk" in page.status_label.text()
    assert not page.publish_button.isEnabled() and page.publish_button.toolTip() == "成绩已经发布"
    assert not page.reopen_button.isEnabled() and page.reopen_button.toolTip() == "只有管理员可以重新开放已发布的成绩"


def test_a_refusal_is_shown_in_its_words_and_nothing_is_written(
        make_page: Callable[[Actor], ContestResults], sqlite_store: Store, clerk: Actor, contest: Contest) -> None:
    entrant(sqlite_store, clerk, contest, 1, 90, 90)
    entrant(sqlite_store, clerk, contest, 2, 80, None)  # no practical score yet
    page = make_page(clerk)
    page.show_contest(contest.uuid)
    assert column(page, 0) == ["1", "成绩未录全"]
    page.hooks.agree = lambda _title, _text, _yes: True
    assert not page.publish()
    assert page.error_label.isVisibleTo(page)
    assert page.error_label.text() == "总成绩：还有1名选手成绩未录全（参赛证号 0002），不能公布成绩"
    assert not is_published(sqlite_store, contest)
    assert all(value[:3] == (None, None, None) for value in stored(sqlite_store, contest).values())
    # quotas for more places than there are entrants: refused as the rule words it
    cases.update_contest(sqlite_store, clerk, contest.uuid, {"quota_first": 3})
    entry = next(r for r in cases.score_sheet(sqlite_store, contest.uuid) if r.practical is None)
    cases.set_judge_score(sqlite_store, clerk, entry.uuid, 1, 80)
    page.show_contest(contest.uuid)
    assert not page.error_label.isVisibleTo(page)
    assert not page.publish()
    assert page.error_label.text() == "一等奖名额：超过参赛人数 2" and not is_published(sqlite_store, contest)


def test_a_tie_in_the_first_three_is_parted_by_the_draw_typed(
        qtbot: QtBot, make_page: Callable[[Actor], ContestResults], sqlite_store: Store, clerk: Actor,
        contest: Contest) -> None:
    entrant(sqlite_store, clerk, contest, 1, 80, 80)
    entrant(sqlite_store, clerk, contest, 2, 80, 80)  # equal in total, practical and theory
    entrant(sqlite_store, clerk, contest, 3, 60, 60)
    page = make_page(clerk)
    page.show_contest(contest.uuid)
    assert column(page, 0) == ["1（待抽签）", "1（待抽签）", "3"]
    assert page.draw_note.isVisibleTo(page) and "0001 选手1、0002 选手2" in page.draw_note.text()
    page.hooks.agree = lambda _title, _text, _yes: True
    assert not page.publish()
    assert page.error_label.text() == "抽签顺序：前三名中有同分并列（参赛证号 0001、0002）：请先录入抽签顺序"
    assert page.draw_button.isEnabled()

    seen: list[DrawDialog] = []

    def draw(first: str, second: str) -> Callable[[QDialog], int]:
        def run(dialog: QDialog) -> int:
            assert isinstance(dialog, DrawDialog)
            seen.append(dialog)
            one, two = dialog.findChild(QLineEdit, "draw_0001"), dialog.findChild(QLineEdit, "draw_0002")
            assert one is not None and two is not None
            one.setText(first)
            two.setText(second)
            dialog.submit()
            return dialog.result()
        return run

    page.hooks.open_dialog = draw("1", "1")  # the same number twice: refused in the dialog, nothing written
    assert not page.enter_draw()
    uuids = {row.name: row.uuid for row in cases.score_sheet(sqlite_store, contest.uuid)}
    assert seen[0].result() != QDialog.DialogCode.Accepted
    assert seen[0].draw_error(uuids["选手2"]) == "与0001 选手1的抽签号相同"
    assert all(value[3] is None for value in stored(sqlite_store, contest).values())
    page.hooks.open_dialog = draw("2", "1")
    with qtbot.waitSignal(page.changed):
        assert page.enter_draw()
    assert column(page, 0) == ["1", "2", "3"] and column(page, 2) == ["选手2", "选手1", "选手3"]
    assert not page.draw_note.isVisibleTo(page) and not page.draw_button.isEnabled()
    assert results.standing(sqlite_store, contest.uuid).needs_draw == ()
    page.hooks.inform = lambda _title, _text: None
    assert page.publish()
    assert column(page, 7)[:2] == ["一等奖", "二等奖"]


def test_an_appeal_is_recorded_and_decided(qtbot: QtBot, make_page: Callable[[Actor], ContestResults],
                                           sqlite_store: Store, clerk: Actor, contest: Contest) -> None:
    entrant(sqlite_store, clerk, contest, 1, 90, 90)
    entrant(sqlite_store, clerk, contest, 2, 80, 80)
    page = make_page(clerk)
    page.show_contest(contest.uuid)
    assert not page.decide_button.isEnabled() and "请先在申诉表中选择" in page.decide_button.toolTip()
    page.table.selectRow(1)  # 选手2: the dialog opens on the entrant selected
    seen: list[QDialog] = []
    page.hooks.open_dialog = filling({"filed_by": "选手2", "content": ""}, seen)
    assert not page.record_appeal()  # no content: refused under the field, nothing written
    dialog = seen[0]
    assert isinstance(dialog, AppealDialog) and dialog.entrant.currentText() == "0002 选手2"
    assert dialog.field_error("content") == "必须填写"
    with sqlite_store.transaction() as session:
        assert session.scalars(select(ContestAppeal)).first() is None
    page.hooks.open_dialog = filling({"filed_on": "2026-05-11", "content": "实操评分有误，请复核"}, seen)
    with qtbot.waitSignal(page.changed):
        assert page.record_appeal()
    assert page.appeals_table.rowCount() == 1
    cells = [page.appeals_table.item(0, c).text() for c in range(6)]  # type: ignore[union-attr]
    assert cells == ["2026-05-11", "0002", "选手2", "选手2", "待处理", "实操评分有误，请复核"]
    assert page.decide_button.isEnabled()  # the new appeal is selected

    page.hooks.open_dialog = filling({"outcome": "申诉不成立，维持原成绩", "decided_on": "2026-05-12"}, seen)
    with qtbot.waitSignal(page.changed):
        assert page.decide_appeal()
    assert isinstance(seen[-1], DecideAppealDialog)
    assert page.appeals_table.item(0, 4).text() == "2026-05-12：申诉不成立，维持原成绩"  # type: ignore[union-attr]
    assert not page.decide_button.isEnabled() and "已处理" in page.decide_button.toolTip()


def test_reopening_needs_an_admin_and_a_reason(qtbot: QtBot, make_page: Callable[[Actor], ContestResults],
                                               sqlite_store: Store, clerk: Actor, admin: Actor,
                                               contest: Contest) -> None:
    first = entrant(sqlite_store, clerk, contest, 1, 90, 90)
    entrant(sqlite_store, clerk, contest, 2, 80, 80)
    entrant(sqlite_store, clerk, contest, 3, 70, 70)
    results.publish(sqlite_store, clerk, contest.uuid)
    clerks = make_page(clerk)
    clerks.show_contest(contest.uuid)
    assert not clerks.reopen_button.isEnabled() and not clerks.reopen()
    assert clerks.reopen_button.toolTip() == "只有管理员可以重新开放已发布的成绩"

    page = make_page(admin)
    page.show_contest(contest.uuid)
    assert page.reopen_button.isEnabled()
    seen: list[QDialog] = []
    page.hooks.open_dialog = filling({"reopen_reason": "  "}, seen)
    assert not page.reopen()
    assert isinstance(seen[0], ReopenDialog) and seen[0].field_error("reopen_reason") == "必须填写"
    assert is_published(sqlite_store, contest)
    page.hooks.open_dialog = filling({"reopen_reason": "申诉成立：0001号理论成绩误录"}, seen)
    with qtbot.waitSignal(page.changed) as changed:
        assert page.reopen()
    assert changed.args == [contest.uuid] and not is_published(sqlite_store, contest)
    status = page.status_label.text()
    assert status.startswith("已重新开放：") and "申诉成立：0001号理论成绩误录" in status
    assert column(page, 9) == ["", "", ""] and page.publish_button.isEnabled() and not page.reopen_button.isEnabled()
    # a correction now is audited old → new with the reason
    cases.set_theory_score(sqlite_store, clerk, first.uuid, "95")
    with sqlite_store.transaction() as session:
        changes = [json.loads(text) for text in session.scalars(
            select(AuditEntry.changes).where(AuditEntry.action == "set_score").order_by(AuditEntry.id))]
    assert {"theory_score": [9000, 9500], "reason": "申诉成立：0001号理论成绩误录"} in [
        {k: c[k] for k in ("theory_score", "reason") if k in c} for c in changes]


def test_a_read_only_user_sees_the_results_with_every_action_off(
        make_page: Callable[[Actor], ContestResults], sqlite_store: Store, clerk: Actor, contest: Contest) -> None:
    entrant(sqlite_store, clerk, contest, 1, 80, 80)
    entrant(sqlite_store, clerk, contest, 2, 80, 80)
    page = make_page(VIEWER)
    page.show_contest(contest.uuid)
    assert column(page, 2) == ["选手1", "选手2"] and page.draw_note.isVisibleTo(page)
    for button, doing in ((page.draw_button, "录入抽签"), (page.publish_button, "公布成绩"),
                          (page.appeal_button, "登记申诉"), (page.decide_button, "处理申诉"),
                          (page.reopen_button, "重新开放已发布的成绩")):
        assert not button.isEnabled() and button.toolTip().endswith(f"可以{doing}"), button.toolTip()
    assert not page.publish() and not page.enter_draw() and not page.record_appeal()
    page.show_contest(None)
    assert page.table.rowCount() == 0 and page.publish_button.toolTip() == "请先在列表中选择一个竞赛"


def test_the_contest_tab_has_the_results_page(qtbot: QtBot, sqlite_store: Store, clerk: Actor,
                                             contest: Contest) -> None:
    entrant(sqlite_store, clerk, contest, 1, 80, 80)
    runner = JobRunner()
    tab = ContestsTab(AppContext(sqlite_store, clerk, OFFICE, runner))
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.refresh()
    titles = [tab.panels.tabText(i) for i in range(tab.panels.count())]
    assert "成绩与奖项" in titles
    page = tab.panels.widget(titles.index("成绩与奖项"))
    assert isinstance(page, ContestResults)
    tab.table.selectRow(0)
    tab.panels.setCurrentWidget(page)
    assert page.contest_uuid == contest.uuid and column(page, 2) == ["选手1"]
    runner.wait()
