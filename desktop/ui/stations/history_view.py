"""A station's status history (状态变动) as a read-only table under the form's fields."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from db.reference import label
from desktop.ui.common.history_table import fill_history, history_table


class StationHistoryView(QGroupBox):
    """The status steps of one station, oldest first, the table as tall as its rows (the form scrolls)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("状态变动"), parent)
        self.table = history_table("history", [self.tr("日期"), self.tr("变动"), self.tr("原状态→新状态"),
                                               self.tr("原因")])
        QVBoxLayout(self).addWidget(self.table)

    def show_history(self, events: Sequence[dict[str, Any]]) -> None:
        """Fill the table from station_details()["history"] (empty: no step yet)."""
        rows = [(e["on_date"].isoformat(), label("station_event", e["kind"]), _change(e), e["reason"] or "")
                for e in events]
        fill_history(self.table, rows)


def _change(event: dict[str, Any]) -> str:
    to_status = label("station_status", event["to_status"])
    if not event["from_status"]:
        return to_status
    return f"{label('station_status', event['from_status'])} → {to_status}"
