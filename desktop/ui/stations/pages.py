"""What the inspections (检查) and stars (评星) pages of a station share: why a write button is off, their
read-only tables, the stars drawn as ★, and how a page runs a dialog, tells and asks (tests replace these)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from db.reference import label
from db.stations.rules import IN_SERVICE
from desktop.ui.common.ask import ask
from desktop.ui.context import AppContext
from desktop.ui.permissions import only_who_may

WRITE = "records.write"
ALERT = QColor("#b00020")  # the colour of error_label: overdue, waiting for a decision
translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts

OpenDialog = Callable[[QDialog], int]
Cell = str | tuple[str, QColor]  # a cell's text, or its text and colour


def why_not(context: AppContext, station: Mapping[str, Any] | None, doing: str, *,
            in_service: bool = True) -> str | None:
    """Why a write button of a station's page is off (the tooltip), or None when it may be used: no station
    chosen, no right to write, or (``in_service``) a station in planning or closed — only a station
    running or paused is inspected and rated."""
    if station is None:
        return translate("StationPages", "请先在列表中选择一个驿站")
    if not context.actor.can(WRITE):
        return only_who_may(WRITE, doing)
    if in_service and station["status"] not in IN_SERVICE:
        return translate("StationPages", "驿站当前为{status}，运行或暂停的驿站才能{doing}").format(
            status=label("station_status", station["status"]), doing=doing)
    return None


def allow(button: QAbstractButton, why: str | None, tip: str) -> None:
    """``button`` on with ``tip`` as its tooltip, or off saying ``why``."""
    button.setEnabled(why is None)
    button.setToolTip(why or tip)


def star_text(stars: int | None) -> str:
    """★★★☆☆ for 3 stars; empty when not rated."""
    return "" if not stars else "★" * stars + "☆" * (5 - stars)


def make_table(name: str, headers: Sequence[str]) -> QTableWidget:
    """A read-only table of whole rows, one selected at a time; the last column takes the spare width."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[Cell]]) -> None:
    """Put ``rows`` in ``table``; each cell's full text is its tooltip (a long reason is elided)."""
    table.clearSelection()
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, cell in enumerate(cells):
            text, colour = cell if isinstance(cell, tuple) else (cell, None)
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if colour is not None:
                item.setForeground(colour)
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(row, column, item)


def selected_row(table: QTableWidget) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


class PageHooks:
    """How a page runs a dialog, tells the clerk something and asks a yes/no question; tests replace them
    to fill in and accept a dialog, or to answer, without a modal loop."""

    def __init__(self, parent: QWidget) -> None:
        self.open_dialog: OpenDialog = lambda dialog: dialog.exec()
        self.inform: Callable[[str, str], None] = lambda title, text: _inform(parent, title, text)
        self.agree: Callable[[str, str, str], bool] = lambda title, text, yes: _agree(parent, title, text, yes)

    def run(self, dialog: QDialog) -> None:
        """Run ``dialog`` to its end (through :attr:`open_dialog`) and let it go."""
        try:
            self.open_dialog(dialog)
        finally:
            dialog.deleteLater()


def _inform(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def _agree(parent: QWidget, title: str, text: str, yes: str) -> bool:
    buttons = [(QMessageBox.StandardButton.Yes, yes),
               (QMessageBox.StandardButton.Cancel, translate("StationPages", "取消"))]
    answer = ask(parent, title, text, buttons, QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes
