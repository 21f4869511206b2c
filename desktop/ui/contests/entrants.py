"""A contest's entrants (参赛选手) as a page of the contest tab: the live entrants by 参赛证号 with the judges each
avoids (回避), and what a clerk does with them — add a member found by the member search or a non-member by
name and ID number, change an entrant's team, employer and notes (double click, Enter), remove one (Delete),
name the contest's judges (评委…) and take back the last of these (撤销, Ctrl+Z)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from db.contests import cases
from db.contests.entrants import EntrantRow, JudgeRow, contest_judges, entrant_rows, judge_scores, restore_entrant
from db.contests.reads import contest_details
from db.errors import UnionDeskError
from desktop.ui.common.table_keys import TableKeys
from desktop.ui.common.undo import Revised, SavedChange, UndoStack
from desktop.ui.contests.entrant_dialog import EditEntrantDialog, MemberEntrantDialog, NonMemberEntrantDialog
from desktop.ui.contests.judges_dialog import Judges, JudgesDialog
from desktop.ui.context import AppContext
from desktop.ui.messages import describe, error_label
from desktop.ui.permissions import only_who_may
from desktop.ui.stations.pages import PageHooks, allow, fill_table, make_table, selected_row

WRITE = cases.WRITE
translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts


def avoidance_text(avoided: Sequence[int], judges: Sequence[JudgeRow]) -> str:
    """``回避：2号 张三、4号 李四``: the judges an entrant avoids, by number and name; empty when none."""
    names = {judge.judge_no: judge.name for judge in judges}
    if not avoided:
        return ""
    listed = translate("ContestEntrants", "、").join(
        translate("ContestEntrants", "{n}号 {name}").format(n=n, name=names.get(n, "")).strip() for n in avoided)
    return translate("ContestEntrants", "回避：{judges}").format(judges=listed)


class ContestEntrants(QWidget):
    """The entrants of one contest and what a clerk does with them.

    Signals:
        changed(str): the contest's uuid after an entrant was added, changed, removed or brought back, or
            its judges saved (the tab reads its row, the form and the other pages again).
    """

    changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.hooks = PageHooks(self)
        self.contest: dict[str, Any] | None = None
        self.entrants: list[EntrantRow] = []
        self.judges: list[JudgeRow] = []
        self._undo = UndoStack()
        self.count_label = QLabel()
        self.count_label.setObjectName("entrant_count")

        def button(name: str, text: str, slot: Callable[[], object]) -> QPushButton:
            pushed = QPushButton(text)
            pushed.setObjectName(name)
            pushed.clicked.connect(lambda _checked: slot())  # not slot(checked)
            return pushed

        self.add_member_button = button("add_member_entrant", self.tr("添加会员…"), self.add_member)
        self.add_other_button = button("add_other_entrant", self.tr("添加非会员…"), self.add_non_member)
        self.edit_button = button("edit_entrant", self.tr("修改…"), self.edit_selected)
        self.remove_button = button("remove_entrant", self.tr("移除…"), self.remove_selected)
        self.judges_button = button("contest_judges", self.tr("评委…"), self.edit_judges)
        self.undo_button = button("undo_entrant", self.tr("撤销"), self.undo)
        bar = QHBoxLayout()
        for widget in (self.add_member_button, self.add_other_button, self.edit_button, self.remove_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.judges_button)
        self.error_label = error_label(hidden=True)
        self.table = make_table("entrants", [
            self.tr("参赛证号"), self.tr("姓名"), self.tr("性别"), self.tr("工作单位"), self.tr("代表队"),
            self.tr("回避"), self.tr("资格说明")])
        header = self.table.horizontalHeader()
        for column, width in ((3, 130), (4, 130)):  # long names elided (full in the tooltip): 回避 in sight
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.keys = TableKeys(self.table, undo=self.undo, edit=self.edit_selected, remove=self.remove_selected)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        self.show_contest(None)

    # ----- showing ------------------------------------------------------------------------------------
    def show_contest(self, uuid: str | None, current: str | None = None) -> None:
        """Show the entrants of contest ``uuid`` (None: none chosen, or a new one being typed), the entrant
        ``current`` selected. What 撤销 could take back belongs to the contest shown before."""
        self.error_label.hide()
        if uuid is None or self.contest is None or self.contest["uuid"] != uuid:
            self._undo = UndoStack()
        self.contest, self.entrants, self.judges = None, [], []
        if uuid is not None:
            store = self._context.store
            try:
                self.contest = contest_details(store, uuid)
                self.entrants, self.judges = entrant_rows(store, uuid), contest_judges(store, uuid)
            except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
                self.contest = None
                self._show_error(describe(exc))
        fill_table(self.table, [
            (row.entry_no, row.name, row.gender or "", row.employer or "", row.team or "",
             avoidance_text(row.avoided, self.judges), row.eligibility_notes or "") for row in self.entrants])
        self.count_label.setText("" if self.contest is None else self.tr("共{n}人").format(n=len(self.entrants)))
        uuids = [row.uuid for row in self.entrants]
        if current in uuids:
            self.table.selectRow(uuids.index(current))
        self._update_actions()

    def selected(self) -> EntrantRow | None:
        row = selected_row(self.table)
        return self.entrants[row] if row is not None else None

    def why_not(self, doing: str) -> str | None:
        """Why a write is off (the tooltip), or None: no contest, no right to write, results published."""
        if self.contest is None:
            return self.tr("请先在列表中选择一个竞赛")
        if not self._context.actor.can(WRITE):
            return only_who_may(WRITE, doing)
        if self.contest["published_at"] is not None:
            return self.tr("成绩已发布，不能再{doing}；如需更正请由管理员重新开放").format(doing=doing)
        return None

    def _update_actions(self) -> None:
        allow(self.add_member_button, self.why_not(self.tr("增减选手")),
              self.tr("从会员中查找（姓名、拼音首字母、身份证号）并添加为参赛选手"))
        allow(self.add_other_button, self.why_not(self.tr("增减选手")),
              self.tr("按姓名和身份证号添加不是会员的参赛选手"))
        for pushed, doing, tip in (
                (self.edit_button, self.tr("修改选手"), self.tr("修改所选选手的代表队、工作单位和资格说明（Enter）")),
                (self.remove_button, self.tr("增减选手"), self.tr("移除所选选手（Delete）"))):
            why = self.why_not(doing)
            if why is None and self.selected() is None:
                why = self.tr("请先选择一名选手")
            allow(pushed, why, tip)
        why = None if self.contest is not None else self.tr("请先在列表中选择一个竞赛")
        allow(self.judges_button, why, self.tr("登记本竞赛的评委；与选手同单位的评委在该选手一行标明回避"))
        top = self._undo.top()
        why = self.why_not(self.tr("撤销")) or (None if top is not None else self.tr("没有可撤销的操作"))
        allow(self.undo_button, why, self.tr("撤销：{what}（Ctrl+Z）").format(what=top.description) if top else "")

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    # ----- writing ------------------------------------------------------------------------------------
    def _wrote(self, current: str | None, change: SavedChange | None = None, rev: int | None = None) -> None:
        contest = self.contest
        assert contest is not None
        if change is not None:
            self._undo.push(change, rev)
        self.show_contest(contest["uuid"], current=current)
        self.changed.emit(contest["uuid"])

    def add_member(self) -> bool:
        """Find a member and enter them; the dialog says why not (already entered) and stays open."""
        contest = self.contest
        if contest is None or not self.add_member_button.isEnabled():
            return False
        added: list[Any] = []

        def submit(values: dict[str, Any]) -> None:
            added.append(cases.add_entrant(self._context.store, self._context.actor, contest["uuid"], values))

        full_ids = False  # design §7: a list of people found masks their ID numbers for every role
        self.hooks.run(MemberEntrantDialog(self._context.store, contest["name"], submit, full_ids=full_ids,
                                           parent=self))
        return self._added(added)

    def add_non_member(self) -> bool:
        """Enter a person who is not a member, by name and a valid ID number."""
        contest = self.contest
        if contest is None or not self.add_other_button.isEnabled():
            return False
        added: list[Any] = []

        def submit(values: dict[str, Any]) -> None:
            added.append(cases.add_entrant(self._context.store, self._context.actor, contest["uuid"], values))

        self.hooks.run(NonMemberEntrantDialog(contest["name"], submit, self))
        return self._added(added)

    def _added(self, added: list[Any]) -> bool:
        if not added:
            return False
        entry = added[0]
        store, actor = self._context.store, self._context.actor

        def take_back(_rev: int | None) -> Revised:
            return cases.remove_entrant(store, actor, entry.uuid)

        description = self.tr("添加选手 {no} {name}").format(no=entry.entry_no, name=entry.name)
        self._wrote(entry.uuid, SavedChange(entry.uuid, description, take_back), entry.rev)
        return True

    def edit_selected(self) -> bool:
        """Change the selected entrant's employer, team, notes (and completion time when the rule uses it)."""
        entrant = self.selected()
        if entrant is None or not self.edit_button.isEnabled():
            return False
        contest = self.contest
        assert contest is not None
        store, actor = self._context.store, self._context.actor
        saved: list[Any] = []

        def submit(changes: dict[str, Any]) -> None:
            saved.append(cases.update_entrant(store, actor, entrant.uuid, changes))

        with_time = "time" in (contest.get("tie_breaks") or "")
        dialog = EditEntrantDialog(entrant, with_time, submit, self)
        before = dialog.before()
        self.hooks.run(dialog)
        if not saved:
            return False

        def take_back(_rev: int | None) -> Revised:
            return cases.update_entrant(store, actor, entrant.uuid, before)

        description = self.tr("修改选手 {no} {name}").format(no=entrant.entry_no, name=entrant.name)
        self._wrote(entrant.uuid, SavedChange(entrant.uuid, description, take_back), saved[0].rev)
        return True

    def remove_selected(self) -> bool:
        """Remove the selected entrant (with the judges' scores) after the clerk agrees."""
        entrant = self.selected()
        if entrant is None or not self.remove_button.isEnabled():
            return False
        question = self.tr("移除参赛选手 {no} {name} 吗？已录入的评委评分一并移除，参赛证号不再使用。").format(
            no=entrant.entry_no, name=entrant.name)
        if not self.hooks.agree(self.tr("移除选手"), question, self.tr("移除")):
            return False
        store, actor = self._context.store, self._context.actor
        try:
            scores = judge_scores(store, entrant.uuid)
            entry = cases.remove_entrant(store, actor, entrant.uuid)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
            self._show_error(describe(exc))
            return False

        def take_back(_rev: int | None) -> Revised:
            return restore_entrant(store, actor, entrant.uuid, scores)

        description = self.tr("移除选手 {no} {name}").format(no=entrant.entry_no, name=entrant.name)
        self._wrote(None, SavedChange(entrant.uuid, description, take_back), entry.rev)
        return True

    def edit_judges(self) -> bool:
        """Name the contest's judges (up to its 裁判人数); the 回避 column follows."""
        contest = self.contest
        if contest is None:
            return False
        store, actor = self._context.store, self._context.actor
        saved: list[bool] = []

        def submit(judges: Judges) -> None:
            cases.set_judges(store, actor, contest["uuid"], judges)
            saved.append(True)

        why_not = self.why_not(self.tr("更改评委"))
        self.hooks.run(JudgesDialog(contest["name"], contest["judge_count"], self.judges, submit,
                                    writable=why_not is None, why_not=why_not or "",
                                    parent=self))
        if not saved:
            return False
        current = self.selected()
        self._wrote(current.uuid if current else None)
        return True

    def undo(self) -> bool:
        """Take back the last add, edit or removal made on this page (the use case may refuse: published)."""
        change = self._undo.top()
        if change is None or self.contest is None or not self.undo_button.isEnabled():
            return False
        try:
            still = self._undo.take_back(change)
        except UnionDeskError as exc:
            self._show_error(self.tr("无法撤销“{what}”：{why}").format(what=change.description, why=describe(exc)))
            return False
        self._undo.pop()
        self._wrote(change.uuid if still else None)
        return True
