"""The head of the member form: the member's name, number and status, the last change, and the form's own
error line."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QWidget

from db.models import Member
from desktop.ui.common.form_header import RecordHeader, local_time, status_html
from desktop.ui.common.full_values import reveal_button

STATUS_COLOURS = {"active": "#2e7d32", "transferred_out": "#ef6c00", "left": "#616161", "deceased": "#424242"}


class MemberHeader(RecordHeader):
    """Who the form shows (or that it registers a new member), and what went wrong that belongs to no field."""

    def __init__(self, writable: bool, parent: QWidget | None = None) -> None:
        super().__init__(writable, parent, title_wraps=False, notes_wrap=False)
        self.read_only_note.setText(self.tr("只读：您没有录入和修改台账的权限。"))
        self.reveal_button, self.reveal_menu = reveal_button()  # the form wires it (common/full_values)
        self.lay_out([self.reveal_button, self.status_label], [])

    def show_member(self, member: Member | None) -> None:
        """Name, number, status and last change of a member (None: a new member being registered)."""
        if member is None and not self._writable:  # a read-only role registers nobody: nothing is shown yet
            self.title_label.setText(self.tr("未选择会员"))
            self.status_label.setText("")
            self.last_modified_label.setText(self.tr("在左侧列表中选择一个会员查看。"))
            return
        if member is None:
            self.title_label.setText(self.tr("入会登记（新会员）"))
            self.status_label.setText("")
            self.last_modified_label.setText(self.tr("填写后按“保存”；会员编号可留空，保存时自动编号。"))
            return
        self.title_label.setText(member.name)
        status = status_html("member_status", member.status, STATUS_COLOURS)
        number = html.escape(member.member_no)
        self.status_label.setText(self.tr("会员编号 {no} · {status}").format(no=number, status=status))
        self.last_modified_label.setText(self.tr("最后修改：第 {rev} 版 · {at} · {by}").format(
            rev=member.rev, at=local_time(member.updated_at), by=member.updated_by))
