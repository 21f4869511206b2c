"""The contest tab and form (技能竞赛) as a clerk uses them: a contest typed and listed, weights that do not add up
refused under 实操权重（%） with nothing written, an edit taken back, the list narrowed by year, level and status,
a published contest's rule shown read-only with the reason, deletion refused or taken back, Esc."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.auth import Actor
from db.contests import cases, results
from db.contests.fields import CONTESTS
from db.contests.reads import contest_details
from db.models import Contest
from db.store import Store
from desktop.ui.common.list_tab import SpecListTab
from desktop.ui.contests.tab import ContestsTab
from desktop.ui.context import AppContext
from desktop.ui.tabs import registry_tabs
from desktop.ui.worker import JobRunner

from .conftest import OFFICE

RULE = {"name": "东四家政服务员技能竞赛", "trade": "家政服务员", "level": "街道级", "starts_on": "2026-05-10",
        "ends_on": "2026-05-11", "theory_weight": 30, "practical_weight": 70, "pass_mark": 60, "judge_count": 5}


@pytest.fixture
def runner() -> Iterator[JobRunner]:
    jobs = JobRunner()
    yield jobs
    jobs.wait(10_000)


def make_tab(qtbot: QtBot, store: Store, actor: Actor, runner: JobRunner) -> ContestsTab:
    tab = ContestsTab(AppContext(store, actor, OFFICE, runner))
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.refresh()
    return tab


@pytest.fixture
def tab(qtbot: QtBot, sqlite_store: Store, clerk: Actor, runner: JobRunner) -> ContestsTab:
    return make_tab(qtbot, sqlite_store, clerk, runner)


def line(tab: ContestsTab, name: str) -> QLineEdit:
    editor = tab.form.fields[name].editor
    assert isinstance(editor, QLineEdit)
    return editor


def combo(tab: ContestsTab, name: str) -> QComboBox:
    editor = tab.form.fields[name].editor
    assert isinstance(editor, QComboBox)
    return editor


def error_text(tab: ContestsTab, name: str) -> str:
    label = tab.form.findChild(QLabel, f"error_{name}")
    assert label is not None
    return label.text()


def contests(store: Store) -> int:
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(Contest).where(Contest.deleted.is_(False))) or 0)


def type_contest(qtbot: QtBot, tab: ContestsTab, theory: str, practical: str) -> None:
    line(tab, "name").setText("东四养老护理员技能竞赛")  # keyClicks cannot type Chinese
    line(tab, "trade").setText("养老护理员")
    combo(tab, "level").setCurrentText("街道级")
    qtbot.keyClicks(line(tab, "starts_on"), "2026-06-01")
    qtbot.keyClicks(line(tab, "ends_on"), "2026-06-02")
    for name, text in (("theory_weight", theory), ("practical_weight", practical), ("pass_mark", "60"),
                       ("judge_count", "5"), ("quota_first", "1"), ("quota_second", "2"), ("quota_third", "3")):
        line(tab, name).clear()
        qtbot.keyClicks(line(tab, name), text)
    tab.form.fields["drop_extremes"].editor.click()
    combo(tab, "tie_breaks").setCurrentText("实操成绩→用时→并列")


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def exec_box(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(button.value)

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return asked


def test_the_contest_tab_is_its_own_with_the_form_first(sqlite_store: Store, clerk: Actor,
                                                          runner: JobRunner) -> None:
    tabs = {tab.registry: tab for tab in registry_tabs(AppContext(sqlite_store, clerk, OFFICE, runner))}
    assert isinstance(tabs["contests"], ContestsTab) and not isinstance(tabs["contests"], SpecListTab)
    contest_tab = tabs["contests"]
    assert isinstance(contest_tab, ContestsTab)
    assert contest_tab.panels.tabText(0) == "竞赛信息" and contest_tab.panels.widget(0) is contest_tab.form
    assert [title for title, _names in CONTESTS.form_groups] == ["基本信息", "评分规则", "奖项名额与称号"]
    assert set(contest_tab.form.fields) == {f.attr for f in CONTESTS.writable}  # every field a clerk may type


def test_a_contest_typed_in_the_tab_is_saved_with_its_rule_and_listed(qtbot: QtBot, tab: ContestsTab,
                                                                     sqlite_store: Store) -> None:
    assert tab.no_form_reason == "" and tab.model.total() == 0
    assert combo(tab, "tie_breaks").currentText() == "实操成绩→理论成绩→并列"  # the declared default, as its label
    type_contest(qtbot, tab, "20", "80")
    assert tab.form.is_dirty() and tab.form.save_button.isEnabled()
    with qtbot.waitSignal(tab.form.saved):
        tab.save()
    saved = contest_details(sqlite_store, tab.form.current_uuid() or "")
    assert (saved["name"], saved["theory_weight"], saved["practical_weight"], saved["drop_extremes"],
            saved["tie_breaks"], saved["quota_mode"], saved["status"]) == (
        "东四养老护理员技能竞赛", 20, 80, True, "practical,time", "count", "preparing")
    assert tab.model.total() == 1 and tab.model.row_at(0)["name"] == "东四养老护理员技能竞赛"  # type: ignore[index]
    assert tab.form.title_label.text() == "东四养老护理员技能竞赛" and not tab.form.is_dirty()
    assert tab.year_filter.findData(2026) > 0  # the new year is offered at once
    assert tab.form.undo_description() == "登记竞赛“东四养老护理员技能竞赛”"
    assert tab.form.undo_last() and contests(sqlite_store) == 0  # undo of the registration deletes it again


def test_weights_not_adding_up_are_refused_under_the_practical_weight_and_nothing_is_written(
        qtbot: QtBot, tab: ContestsTab, sqlite_store: Store) -> None:
    type_contest(qtbot, tab, "20", "90")
    assert not tab.form.save()
    assert "之和应为100" in error_text(tab, "practical_weight") and "现为110" in error_text(tab, "practical_weight")
    assert contests(sqlite_store) == 0 and tab.form.is_dirty()
    line(tab, "theory_weight").clear()
    qtbot.keyClicks(line(tab, "theory_weight"), "40")  # theory above 30%: refused as it is typed
    assert "30" in error_text(tab, "theory_weight")
    assert not tab.form.save() and contests(sqlite_store) == 0
    line(tab, "theory_weight").clear()
    qtbot.keyClicks(line(tab, "theory_weight"), "10")
    assert tab.form.save() and contests(sqlite_store) == 1
    assert error_text(tab, "practical_weight") == ""


def test_an_edit_is_saved_and_taken_back(qtbot: QtBot, tab: ContestsTab, sqlite_store: Store,
                                         clerk: Actor) -> None:
    uuid = cases.create_contest(sqlite_store, clerk, RULE).uuid
    tab.records_changed()
    tab.table.selectRow(0)
    assert tab.form.current_uuid() == uuid and line(tab, "theory_weight").text() == "30"
    for name, text in (("theory_weight", "25"), ("practical_weight", "75")):
        line(tab, name).clear()
        qtbot.keyClicks(line(tab, name), text)
    line(tab, "venue").setText("东四街道职工之家")
    assert tab.form.save()
    saved = contest_details(sqlite_store, uuid)
    assert (saved["theory_weight"], saved["practical_weight"], saved["venue"]) == (25, 75, "东四街道职工之家")
    assert "理论权重（%）" in (tab.form.undo_description() or "")
    assert tab.form.undo_last()
    back = contest_details(sqlite_store, uuid)
    assert (back["theory_weight"], back["practical_weight"], back["venue"]) == (30, 70, None)
    assert line(tab, "theory_weight").text() == "30" and tab.form.last_change_description().startswith("已撤销")


def test_delete_is_taken_back_and_esc_asks_before_throwing_typing_away(
        qtbot: QtBot, tab: ContestsTab, sqlite_store: Store, clerk: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    cases.create_contest(sqlite_store, clerk, RULE)
    tab.records_changed()
    tab.table.selectRow(0)
    assert tab.form.delete_button.isEnabled()
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert tab.form.delete() and contests(sqlite_store) == 0 and tab.model.total() == 0
    assert tab.form.undo_last() and contests(sqlite_store) == 1
    tab.records_changed()
    tab.table.selectRow(0)
    line(tab, "venue").setText("某地")
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not tab.form.escape() and asked and line(tab, "venue").text() == "某地"
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    assert tab.form.escape() and line(tab, "venue").text() == "" and not tab.form.is_dirty()


def test_filters_by_year_level_and_status_narrow_the_list(qtbot: QtBot, tab: ContestsTab, sqlite_store: Store,
                                                          clerk: Actor) -> None:
    for name, level, starts, status in (("甲赛", "街道级", "2025-03-01", "finished"),
                                        ("乙赛", "区级", "2026-04-01", "preparing"),
                                        ("丙赛", "街道级", "2026-09-01", "registration")):
        cases.create_contest(sqlite_store, clerk, {**RULE, "name": name, "level": level, "starts_on": starts,
                                                   "ends_on": starts, "status": status})
    tab.records_changed()
    assert tab.model.total() == 3
    assert [tab.year_filter.itemText(i) for i in range(tab.year_filter.count())] == ["全部年度", "2026年", "2025年"]

    def names() -> set[str]:
        return {str(tab.model.row_at(r)["name"]) for r in range(tab.model.total())}  # type: ignore[index]

    tab.year_filter.setCurrentIndex(tab.year_filter.findData(2026))
    assert names() == {"乙赛", "丙赛"}
    tab.level_filter.setCurrentIndex(tab.level_filter.findData("街道级"))
    assert names() == {"丙赛"}
    tab.year_filter.setCurrentIndex(0)
    assert names() == {"甲赛", "丙赛"}
    tab.status_filter.setCurrentIndex(tab.status_filter.findText("结束"))
    assert names() == {"甲赛"}


def test_a_published_contest_shows_its_rule_read_only_and_says_why(
        qtbot: QtBot, tab: ContestsTab, sqlite_store: Store, clerk: Actor, admin: Actor) -> None:
    uuid = cases.create_contest(sqlite_store, clerk, RULE).uuid
    results.mark_published(sqlite_store, clerk, uuid, {})
    tab.records_changed()
    tab.table.selectRow(0)
    form = tab.form
    assert form.contest is not None and form.contest.published_at is not None
    assert not form.published_note.isHidden() and "重新开放" in form.published_note.text()
    for name in ("theory_weight", "practical_weight", "pass_mark", "quota_first", "starts_on"):
        assert line(tab, name).isReadOnly(), name
    for name in ("tie_breaks", "quota_mode", "level"):
        assert not combo(tab, name).isEnabled(), name
    assert not form.fields["drop_extremes"].editor.isEnabled()
    assert not line(tab, "venue").isReadOnly() and "由 clerk 发布" in form.published_note.text()
    assert not form.delete_button.isEnabled() and "已发布" in form.delete_button.toolTip()
    line(tab, "venue").setText("东四街道职工之家")  # what does not touch the results may still change
    assert form.save() and contest_details(sqlite_store, uuid)["venue"] == "东四街道职工之家"
    results.reopen(sqlite_store, admin, uuid, "第3号选手申诉成立")
    form.load(uuid)  # reopened: the rule may be corrected, and the note says by whom and why
    assert not line(tab, "theory_weight").isReadOnly() and "第3号选手申诉成立" in form.published_note.text()


def test_a_contest_with_entrants_cannot_be_deleted_and_a_viewer_reads_only(
        qtbot: QtBot, sqlite_store: Store, clerk: Actor, runner: JobRunner) -> None:
    uuid = cases.create_contest(sqlite_store, clerk, RULE).uuid
    cases.add_entrant(sqlite_store, clerk, uuid, {"name": "王芳", "id_number": "110101198001010029"})
    viewer = Actor("approver", "审核人", frozenset({"approver"}), OFFICE.code)  # may not write records
    for actor, writable in ((clerk, True), (viewer, False)):
        tab = make_tab(qtbot, sqlite_store, actor, runner)
        tab.table.selectRow(0)
        assert not tab.form.delete_button.isEnabled()
        assert ("参赛选手" in tab.form.delete_button.toolTip()) is writable
        assert tab.form.read_only_note.isHidden() is writable
        assert line(tab, "name").isReadOnly() is not writable
