"""The head of the member form: the member's name, number and status, the last change, and the form's own
error line."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from db.models import Member
from db.reference import label
from desktop.ui.messages import error_label

HINT_STYLE = "color: palette(mid);"
STATUS_COLOURS = {"active": "#2e7d32", "transferred_out": "#ef6c00", "left": "#616161", "deceased": "#424242"}


class MemberHeader(QWidget):
    """Who the form shows (or that it registers a new member), and what went wrong that belongs to no field."""

    def __init__(self, writable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._writable = writable
        self.title_label = self._title_label()
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.last_modified_label = QLabel()
        self.last_modified_label.setObjectName("last_modified")
        self.last_modified_label.setStyleSheet(HINT_STYLE)
        self.read_only_note = QLabel(self.tr("只读：您没有录入和修改台账的权限。"))
        self.read_only_note.setObjectName("read_only_note")
        self.read_only_note.setVisible(not writable)
        self.form_error = error_label("error_form")
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        for widget in (self.last_modified_label, self.read_only_note, self.form_error):
            layout.addWidget(widget)

    def _title_label(self) -> QLabel:
        title = QLabel()
        title.setObjectName("title")
        title.setTextFormat(Qt.TextFormat.PlainText)  # names are text, never markup
        font = title.font()
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.25)
        title.setFont(font)
        return title

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
        colour = STATUS_COLOURS.get(member.status, "#616161")
        status = f'<b style="color: {colour}">{html.escape(label("member_status", member.status))}</b>'
        number = html.escape(member.member_no)
        self.status_label.setText(self.tr("会员编号 {no} · {status}").format(no=number, status=status))
        at = member.updated_at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
        self.last_modified_label.setText(self.tr("最后修改：第 {rev} 版 · {at} · {by}").format(
            rev=member.rev, at=at, by=member.updated_by))

    def show_error(self, message: str | None) -> None:
        self.form_error.setText(message or "")
        self.form_error.setVisible(bool(message))
