"""A station's status history (状态变动) as a read-only table under the form's fields."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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

from db.reference import label


class StationHistoryView(QGroupBox):
    """The status steps of one station, oldest first, the table as tall as its rows (the form scrolls)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("状态变动"), parent)
        table = QTableWidget(0, 4)
        table.setObjectName("history")
        table.setHorizontalHeaderLabels([self.tr("日期"), self.tr("变动"), self.tr("原状态→新状态"), self.tr("原因")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table = table
        QVBoxLayout(self).addWidget(table)

    def show_history(self, events: Sequence[dict[str, Any]]) -> None:
        """Fill the table from station_details()["history"] (empty: no step yet)."""
        rows = [(e["on_date"].isoformat(), label("station_event", e["kind"]), _change(e), e["reason"] or "")
                for e in events]
        self.table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += self.table.verticalHeader().defaultSectionSize() * max(len(rows), 1)
        self.table.setFixedHeight(height)


def _change(event: dict[str, Any]) -> str:
    to_status = label("station_status", event["to_status"])
    if not event["from_status"]:
        return to_status
    return f"{label('station_status', event['from_status'])} → {to_status}"
