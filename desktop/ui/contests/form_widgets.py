"""The contest form's widgets and their layout: the header (name, level and status, last change, why a
published contest's rule cannot be typed), the fields in a scroll area, and 删除/放弃修改/保存 below."""

from __future__ import annotations

import html
from types import SimpleNamespace

from PySide6.QtWidgets import QWidget

from desktop.ui.common.form_header import (
    NOTE_STYLE,
    RecordHeader,
    SaveButtons,
    local_time,
    note_label,
    status_html,
)
from desktop.ui.common.form_layout import RecordFormLayout
from desktop.ui.contests.fields_panel import ContestFields
from desktop.ui.permissions import only_who_may

WRITE = "records.write"
STATUS_COLOURS = {"preparing": "#1565c0", "registration": "#6a1b9a", "running": "#2e7d32", "finished": "#616161"}


class ContestHeader(RecordHeader):
    """Which contest the form shows, its status and last change, the note on a published one, and what went
    wrong that belongs to no field."""

    def __init__(self, writable: bool, parent: QWidget | None = None) -> None:
        super().__init__(writable, parent)
        self.published_note = note_label("published_note", NOTE_STYLE)
        self.published_note.hide()
        self.read_only_note.setText(self.tr("只读：您没有录入和修改台账的权限，只能查看竞赛信息。"))
        self.lay_out([self.status_label], [self.published_note])

    def show_contest(self, contest: SimpleNamespace | None) -> None:
        """Name, level, status and last change (None: a new contest); when and by whom its results were published
        (why its rule is fixed) or reopened (with the reason) — the publishing marks, never typed."""
        self.published_note.setVisible(contest is not None and (contest.published_at or contest.reopened_at)
                                       is not None)
        if contest is None:
            self.status_label.setText("")
            if self._writable:
                self.title_label.setText(self.tr("登记竞赛（新竞赛）"))
                self.last_modified_label.setText(self.tr(
                    "填写后按“保存”；理论权重不超过30%，理论与实操权重之和为100。"))
            else:
                self.title_label.setText(self.tr("未选择竞赛"))
                self.last_modified_label.setText(self.tr("在左侧列表中选择一个竞赛查看。"))
            return
        self.title_label.setText(contest.name)
        status = status_html("contest_status", contest.status, STATUS_COLOURS)
        self.status_label.setText(f"{html.escape(contest.level)} · {status}")
        self.last_modified_label.setText(self.tr("最后修改：第 {rev} 版 · {at} · {by} · 参赛选手 {n} 人").format(
            rev=contest.rev, at=local_time(contest.updated_at), by=contest.updated_by, n=contest.entrants))
        if contest.published_at is not None:
            self.published_note.setText(self.tr(
                "成绩已于 {at} 由 {by} 发布：评分规则、日期和奖项名额已冻结，不能修改（名称、主办、承办、地点和状态"
                "仍可修改）。如需更正，请由管理员重新开放。").format(at=local_time(contest.published_at),
                                                       by=contest.published_by or ""))
        elif contest.reopened_at is not None:  # reopened and not yet published again: corrections are audited
            self.published_note.setText(self.tr(
                "成绩已于 {at} 由 {by} 重新开放（原因：{reason}），可以更正；每项修改都记入审计，更正后请重新发布。")
                .format(at=local_time(contest.reopened_at), by=contest.reopened_by or "",
                        reason=contest.reopen_reason or ""))


class ContestActionBar(SaveButtons):
    """删除 on the left, 放弃修改 and 保存 on the right; enabled by the actor's rights, the contest and edits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_buttons(self.tr("删除"), self.tr("放弃修改"), self.tr("保存"))
        self.lay_out_row()

    def apply_state(self, writable: bool, contest: SimpleNamespace | None) -> None:
        why_not = self._why_not_delete(contest)
        self.delete_button.setEnabled(writable and contest is not None and why_not is None)
        if not writable:
            for button, doing in ((self.delete_button, self.tr("删除竞赛")), (self.cancel_button, self.tr("修改竞赛")),
                                  (self.save_button, self.tr("保存竞赛"))):
                button.setToolTip(only_who_may(WRITE, doing))
            return
        self.delete_button.setToolTip(why_not or self.tr("删除竞赛（可用“撤销上次保存”恢复）"))
        self.cancel_button.setToolTip(self.tr("恢复为打开时的内容（Esc）"))
        self.save_button.setToolTip(self.tr("保存竞赛"))

    def _why_not_delete(self, contest: SimpleNamespace | None) -> str | None:
        """Why this contest may not be deleted (db.contests.cases.delete_contest refuses it), or None."""
        if contest is None:
            return self.tr("尚未保存的竞赛无需删除，按“放弃修改”即可")
        if contest.published_at is not None:
            return self.tr("成绩已发布的竞赛不能删除")
        if contest.entrants:
            return self.tr("已有{n}名参赛选手，不能删除；请先移除参赛选手").format(n=contest.entrants)
        return None


class ContestFormWidgets(RecordFormLayout):
    """The widgets of the contest form, laid out, with the names the tab and the tests reach for."""

    header: ContestHeader
    fields_panel: ContestFields
    action_bar: ContestActionBar

    def __init__(self, writable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = ContestHeader(writable)
        self.fields_panel = ContestFields()
        self.action_bar = ContestActionBar()
        self.lay_out(self.header, [self.fields_panel], self.action_bar)
        self.fields = self.fields_panel.fields
        self.delete_button, self.cancel_button = self.action_bar.delete_button, self.action_bar.cancel_button
        self.save_button = self.action_bar.save_button
        self.title_label, self.status_label = self.header.title_label, self.header.status_label
        self.published_note, self.read_only_note = self.header.published_note, self.header.read_only_note
        self.form_error = self.header.form_error
        self.chain_tab_order([*self.fields_panel.focus_chain(), *self.action_bar.buttons()])
