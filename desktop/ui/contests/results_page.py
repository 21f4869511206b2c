"""A contest's results (成绩与奖项) as a page of the contest tab: the ranking by the contest's rule (provisional
as the scores arrive; once published the stored places, awards, titles and 证书编号), the team ranking by each
employer's best three, the ties within the first three places that wait for a draw (录入抽签…), publishing
(公布成绩…), the appeals (登记申诉…, 处理…) and an admin's reopening with a reason (重新开放…).

Every write runs a use case of db.contests (cases, results); a refusal is shown in the use case's words in the
red line under the buttons, nothing written. A button that cannot be used says why in its tooltip."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.contests import cases, results
from db.contests.results import ResultRow, Standing
from desktop.ui.contests.results_dialogs import AppealDialog, DecideAppealDialog, DrawDialog, ReopenDialog, points
from desktop.ui.context import AppContext
from desktop.ui.messages import describe, error_label
from desktop.ui.permissions import only_who_may
from desktop.ui.stations.pages import ALERT, Cell, PageHooks, allow, fill_table, make_table, selected_row

translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts
WRITE = "records.write"
REOPEN = "results.reopen"
NOTE_STYLE = "background: #fff3e0; color: #6d4c00; padding: 4px; border-radius: 3px;"
STATUS_STYLE = "font-weight: bold;"
EMPLOYER_COLUMN, EMPLOYER_WIDTH = 3, 104
MINIMUM_WIDTH = 680


def _local(at: dt.datetime) -> str:
    """A stored UTC time as the clerk's clock shows it."""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def status_text(standing: Standing) -> str:
    """The line above the ranking: provisional, published at … by …, or reopened at … by … with the reason."""
    if standing.published_at is not None:
        return translate("ContestResults", "已发布：{at}，发布人 {by}。成绩已冻结，"
                         "如需更正请由管理员重新开放。").format(at=_local(standing.published_at),
                                                 by=standing.published_by or "")
    if standing.reopened_at is not None:
        return translate("ContestResults", "已重新开放：{at}，{by}，原因：{reason}。"
                         "下表为暂定名次，更正后请再次公布成绩。").format(
            at=_local(standing.reopened_at), by=standing.reopened_by or "", reason=standing.reopen_reason or "")
    return translate("ContestResults", "暂定：成绩尚未公布，名次随成绩录入而变化。")


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(mid);")
    return label


class ContestResults(QWidget):
    """The results page of one contest.

    Signals:
        changed(str): the contest's uuid after the page wrote (a draw, publishing, an appeal, a reopening).
    """

    changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.hooks = PageHooks(self)
        self.contest_uuid: str | None = None
        self.standing: Standing | None = None
        self.appeals: list[dict[str, Any]] = []
        self.status_label = QLabel()
        self.status_label.setObjectName("results_status")
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet(STATUS_STYLE)
        self.draw_note = QLabel()
        self.draw_note.setObjectName("draw_note")
        self.draw_note.setWordWrap(True)
        self.draw_note.setStyleSheet(NOTE_STYLE)
        self.draw_note.hide()
        self.error_label = error_label(hidden=True)
        self.draw_button = self._button("enter_draw", self.tr("录入抽签…"), self.enter_draw)
        self.publish_button = self._button("publish_results", self.tr("公布成绩…"), self.publish)
        self.reopen_button = self._button("reopen_results", self.tr("重新开放…"), self.reopen)
        self.table = make_table("results", [
            self.tr("名次"), self.tr("参赛证号"), self.tr("姓名"), self.tr("工作单位"), self.tr("理论"),
            self.tr("实操"), self.tr("总成绩"), self.tr("奖项"), self.tr("称号"), self.tr("证书编号")])
        # the employer's name is the long one: a fixed width, elided (its tooltip holds it whole), so that
        # the certificate numbers stay in sight in the page beside the list
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(EMPLOYER_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(EMPLOYER_COLUMN, EMPLOYER_WIDTH)
        header.setStretchLastSection(False)  # the certificate number as wide as it is, never elided
        self.teams_table = make_table("team_results", [self.tr("名次"), self.tr("代表队"), self.tr("前三名合计")])
        self.appeals_table = make_table("appeals", [
            self.tr("申诉日期"), self.tr("参赛证号"), self.tr("姓名"), self.tr("申诉人"), self.tr("处理"),
            self.tr("申诉内容")])
        self.appeal_button = self._button("record_appeal", self.tr("登记申诉…"), self.record_appeal)
        self.decide_button = self._button("decide_appeal", self.tr("处理…"), self.decide_appeal)
        self._lay_out()
        # wide enough for the ten columns with the certificate numbers at 1366×768 (the list keeps the rest)
        self.setMinimumWidth(MINIMUM_WIDTH)
        self.table.itemSelectionChanged.connect(self._apply_state)
        self.appeals_table.itemSelectionChanged.connect(self._apply_state)
        self.show_contest(None)

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> None:
        """Status and the actions on top; the ranking; below it, in tabs, the team ranking and the appeals."""
        actions = QHBoxLayout()
        actions.addWidget(self.draw_button)
        actions.addWidget(self.publish_button)
        actions.addStretch(1)
        actions.addWidget(self.reopen_button)
        teams = QWidget()
        team_layout = QVBoxLayout(teams)
        team_layout.addWidget(_hint(self.tr("各代表队（工作单位）前三名选手总成绩之和，不足三人的按已有成绩计。")))
        team_layout.addWidget(self.teams_table)
        appeals = QWidget()
        appeal_layout = QVBoxLayout(appeals)
        appeal_buttons = QHBoxLayout()
        appeal_buttons.addWidget(self.appeal_button)
        appeal_buttons.addWidget(self.decide_button)
        appeal_buttons.addStretch(1)
        appeal_layout.addLayout(appeal_buttons)
        appeal_layout.addWidget(self.appeals_table)
        # below the ranking, full width each: the team ranking and the appeals
        below = self.below = QTabWidget()
        below.setObjectName("results_below")
        below.addTab(teams, self.tr("团体排名"))
        below.addTab(appeals, self.tr("申诉"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addLayout(actions)
        layout.addWidget(self.draw_note)
        layout.addWidget(self.error_label)
        layout.addWidget(split, 1)

    # ----- showing ------------------------------------------------------------------------------------
    def show_contest(self, uuid: str | None) -> None:
        """Show the results of contest ``uuid`` (None: no contest chosen, or a new one being typed)."""
        self.error_label.hide()
        self.contest_uuid, self.standing, self.appeals = uuid, None, []
        if uuid is not None:
            try:
                self.standing = results.standing(self._context.store, uuid)
                self.appeals = cases.appeals(self._context.store, uuid)
            except Exception as exc:  # noqa: BLE001 - shown to the clerk as one sentence
                self.standing, self.appeals = None, []
                self._show_error(describe(exc))
        standing = self.standing
        if standing is None:
            self.status_label.setText(self.tr("请先在列表中选择一个竞赛") if uuid is None else "")
        else:
            self.status_label.setText(status_text(standing))
        self._fill(standing)
        self._apply_state()

    def _fill(self, standing: Standing | None) -> None:
        rows = standing.rows if standing is not None else ()
        tied = {row.uuid for group in (standing.needs_draw if standing else ()) for row in group}
        fill_table(self.table, [self._cells(row, row.uuid in tied) for row in rows])
        teams = standing.teams if standing is not None else ()
        fill_table(self.teams_table, [(str(rank), team, points(total)) for team, total, rank in teams])
        fill_table(self.appeals_table, [self._appeal_cells(appeal) for appeal in self.appeals])
        pending = sum(1 for appeal in self.appeals if appeal["outcome"] is None)
        self.below.setTabText(1, self.tr("申诉（{n}件待处理）").format(n=pending) if pending else self.tr("申诉"))
        if standing is not None and standing.needs_draw:
            groups = self.tr("；").join(self.tr("、").join(f"{row.entry_no} {row.name}" for row in group)
                                        for group in standing.needs_draw)
            self.draw_note.setText(self.tr("前三名中有同分并列，须抽签决定名次：{groups}。请点“录入抽签…”填写抽签顺序，"
                                           "录入后才能公布成绩。").format(groups=groups))
            self.draw_note.show()
        else:
            self.draw_note.hide()

    def _cells(self, row: ResultRow, tied: bool) -> list[Cell]:
        rank: Cell
        if row.rank is None:
            rank = self.tr("成绩未录全"), ALERT
        elif tied:
            rank = self.tr("{rank}（待抽签）").format(rank=row.rank), ALERT
        else:
            rank = str(row.rank)
        return [rank, row.entry_no, row.name, row.employer or "", points(row.theory), points(row.practical),
                points(row.total), row.award or "", row.title or "", row.certificate_no or ""]

    def _appeal_cells(self, appeal: dict[str, Any]) -> list[Cell]:
        decision: Cell
        if appeal["outcome"] is None:
            decision = self.tr("待处理"), ALERT
        else:
            decision = self.tr("{day}：{outcome}").format(day=appeal["decided_on"].isoformat(),
                                                         outcome=appeal["outcome"])
        return [appeal["filed_on"].isoformat(), appeal["entry_no"], appeal["name"], appeal["filed_by"], decision,
                appeal["content"]]

    def selected_appeal(self) -> dict[str, Any] | None:
        row = selected_row(self.appeals_table)
        return self.appeals[row] if row is not None else None

    def selected_entrant(self) -> ResultRow | None:
        row = selected_row(self.table)
        return self.standing.rows[row] if row is not None and self.standing is not None else None

    # ----- which buttons work, and why not --------------------------------------------------------------
    def _why_not(self, doing: str, permission: str = WRITE) -> str | None:
        if self.contest_uuid is None:
            return self.tr("请先在列表中选择一个竞赛")
        if self.standing is None:
            return self.tr("竞赛的成绩读取失败")
        if not self._context.actor.can(permission):
            return only_who_may(permission, doing)
        return None

    def _apply_state(self) -> None:
        standing = self.standing
        published = standing is not None and standing.published
        why = self._why_not(self.tr("录入抽签"))
        if why is None and published:
            why = self.tr("成绩已发布，抽签顺序不能再改")
        if why is None and standing is not None and not standing.needs_draw:
            why = self.tr("前三名没有需要抽签区分的同分选手")
        allow(self.draw_button, why, self.tr("为前三名中的同分选手填写抽签顺序，号小者名次在前"))
        why = self._why_not(self.tr("公布成绩"))
        if why is None and published:
            why = self.tr("成绩已经发布")
        if why is None and standing is not None and not standing.rows:
            why = self.tr("还没有参赛选手")
        allow(self.publish_button, why, self.tr("按竞赛的评分规则确定名次、奖项和称号，发给证书编号，并冻结成绩"))
        why = self._why_not(self.tr("重新开放已发布的成绩"), REOPEN)
        if why is None and not published:
            why = self.tr("成绩尚未发布，无需重新开放")
        allow(self.reopen_button, why, self.tr("重新开放已发布的成绩以便更正（须填写原因，更正记入审计）"))
        why = self._why_not(self.tr("登记申诉"))
        if why is None and standing is not None and not standing.rows:
            why = self.tr("还没有参赛选手")
        allow(self.appeal_button, why, self.tr("登记选手对成绩的申诉（可先在上表选中该选手）"))
        why = self._why_not(self.tr("处理申诉"))
        appeal = self.selected_appeal()
        if why is None and appeal is None:
            why = self.tr("请先在申诉表中选择一条待处理的申诉")
        if why is None and appeal is not None and appeal["outcome"] is not None:
            why = self.tr("该申诉已处理；新的情况请另行登记申诉")
        allow(self.decide_button, why, self.tr("登记所选申诉的处理结果和处理日期"))

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _wrote(self) -> None:
        """After a write: read the results again and tell the tab."""
        uuid = self.contest_uuid
        assert uuid is not None
        self.show_contest(uuid)
        self.changed.emit(uuid)

    # ----- writing ------------------------------------------------------------------------------------
    def enter_draw(self) -> bool:
        """Ask for the draw of each tie within the first three places and record it on the entrants."""
        standing = self.standing
        if standing is None or not standing.needs_draw or not self.draw_button.isEnabled():
            return False
        done: list[str] = []  # entrants whose draw was written (read again even if a later one was refused)

        def submit(draws: dict[str, int]) -> None:
            for uuid, draw in draws.items():
                cases.update_entrant(self._context.store, self._context.actor, uuid, {"draw_no": draw})
                done.append(uuid)

        self.hooks.run(DrawDialog(standing.needs_draw, submit, self))
        if not done:
            return False
        self._wrote()
        return True

    def publish(self) -> bool:
        """After the clerk agrees, publish the results (results.publish); a refusal is shown, nothing written."""
        standing = self.standing
        if self.contest_uuid is None or standing is None or not self.publish_button.isEnabled():
            return False
        question = self.tr("按评分规则公布{n}名选手的成绩吗？公布后将确定名次、奖项和称号并发给证书编号，成绩随即冻结，"
                           "只有管理员重新开放后才能更正。").format(n=len(standing.rows))
        if not self.hooks.agree(self.tr("公布成绩"), question, self.tr("公布")):
            return False
        self.error_label.hide()
        try:
            published = results.publish(self._context.store, self._context.actor, self.contest_uuid)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk in the use case's words
            self._show_error(describe(exc))
            return False
        awarded = sum(1 for placed in published.placed if placed.award is not None)
        self._wrote()
        told = self.tr("成绩已公布：{n}名选手获奖，证书编号已发给获奖者。").format(n=awarded)
        self.hooks.inform(self.tr("公布成绩"), told)
        return True

    def reopen(self) -> bool:
        """Ask an admin why and reopen the published results (results.reopen)."""
        uuid = self.contest_uuid
        if uuid is None or not self.reopen_button.isEnabled():
            return False
        done: list[str] = []

        def submit(reason: str) -> None:
            results.reopen(self._context.store, self._context.actor, uuid, reason)
            done.append(reason)

        self.hooks.run(ReopenDialog(self.standing.name if self.standing else "", submit, self))
        if not done:
            return False
        self._wrote()
        return True

    def record_appeal(self) -> bool:
        """Ask for an appeal (the entrant selected above by default) and record it."""
        standing = self.standing
        if standing is None or not self.appeal_button.isEnabled():
            return False
        done: list[str] = []

        def submit(entry_uuid: str, fields: dict[str, Any]) -> None:
            done.append(cases.record_appeal(self._context.store, self._context.actor, entry_uuid, fields).uuid)

        chosen = self.selected_entrant()
        self.hooks.run(AppealDialog(standing.rows, submit, self, chosen.uuid if chosen else None))
        if not done:
            return False
        self._wrote()
        self._select_appeal(done[0])
        return True

    def decide_appeal(self) -> bool:
        """Ask how the selected appeal was decided and record it."""
        appeal = self.selected_appeal()
        if appeal is None or not self.decide_button.isEnabled():
            return False
        done: list[str] = []

        def submit(outcome: str, decided_on: str) -> None:
            cases.decide_appeal(self._context.store, self._context.actor, appeal["uuid"], outcome, decided_on)
            done.append(appeal["uuid"])

        self.hooks.run(DecideAppealDialog(appeal, submit, self))
        if not done:
            return False
        self._wrote()
        self._select_appeal(done[0])
        return True

    def _select_appeal(self, uuid: str) -> None:
        uuids = [appeal["uuid"] for appeal in self.appeals]
        if uuid in uuids:
            self.appeals_table.selectRow(uuids.index(uuid))
