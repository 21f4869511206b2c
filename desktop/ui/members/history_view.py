"""A member's status history (状态记录) and honours (荣誉) as two read-only tables under the form's fields."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from db import members
from db.models import MemberEvent
from db.reference import label
from desktop.ui.common.history_table import fill_history, history_table


class MemberHistoryView(QWidget):
    """The status steps and the honours of one member, each table as tall as its rows (the form scrolls)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history_table = history_table("history", [self.tr("日期"), self.tr("事项"), self.tr("变化"),
                                                self.tr("对方单位"), self.tr("原因")])
        self.honours_table = history_table("honours", [self.tr("年度"), self.tr("荣誉"), self.tr("级别"),
                                                self.tr("称号"), self.tr("授予单位")])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for title, table in ((self.tr("状态记录"), self.history_table), (self.tr("荣誉"), self.honours_table)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(table)
            layout.addWidget(box)

    def show_member(self, found: members.MemberDetails | None) -> None:
        """Fill both tables from a member's details (None: empty)."""
        events = found.events if found is not None else []
        fill_history(self.history_table, [
            (e.on_date.isoformat(), label("member_event", e.kind), _status_change(e), e.counterpart or "",
             e.reason or "") for e in events])
        honours = found.honours if found is not None else []
        fill_history(self.honours_table, [
            (str(h.year), h.kind, h.level or "", h.title or "", h.issuer or "") for h in honours])


def _status_change(event: MemberEvent) -> str:
    to_status = label("member_status", event.to_status)
    return f"{label('member_status', event.from_status)} → {to_status}" if event.from_status else to_status
