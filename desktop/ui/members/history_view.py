"""A member's status history (状态记录) and honours (荣誉) as two read-only tables under the form's fields."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import members
from db.models import MemberEvent
from db.reference import label


class MemberHistoryView(QWidget):
    """The status steps and the honours of one member, each table as tall as its rows (the form scrolls)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history_table = _table("history", [self.tr("日期"), self.tr("事项"), self.tr("变化"),
                                                self.tr("对方单位"), self.tr("原因")])
        self.honours_table = _table("honours", [self.tr("年度"), self.tr("荣誉"), self.tr("级别"),
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
        _fill_table(self.history_table, [
            (e.on_date.isoformat(), label("member_event", e.kind), _status_change(e), e.counterpart or "",
             e.reason or "") for e in events])
        honours = found.honours if found is not None else []
        _fill_table(self.honours_table, [
            (str(h.year), h.kind, h.level or "", h.title or "", h.issuer or "") for h in honours])


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _status_change(event: MemberEvent) -> str:
    to_status = label("member_status", event.to_status)
    return f"{label('member_status', event.from_status)} → {to_status}" if event.from_status else to_status


def _fill_table(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(row, column, item)
    # tall enough for every row: the form scrolls, the table does not
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += table.verticalHeader().defaultSectionSize() * max(len(rows), 1)
    table.setFixedHeight(height)
