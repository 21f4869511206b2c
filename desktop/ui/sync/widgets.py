"""Small building blocks of the 同步 tab's layout."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.sync.list_model import ListModel

ROW_HEIGHT = 24


def table_view(name: str, model: ListModel[Any]) -> QTableView:
    """A read-only table with whole-row single selection and the model's column widths."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    for column, width in enumerate(model.column_widths()):
        header.resizeSection(column, width)
    return table


def section(title: QLabel, body: QWidget, buttons: list[QPushButton]) -> QWidget:
    """A titled part of the tab: the title (and buttons) on one line, the body below."""
    head = QHBoxLayout()
    head.setContentsMargins(0, 0, 0, 0)
    head.addWidget(title)
    head.addStretch(1)
    for button in buttons:
        head.addWidget(button)
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.addLayout(head)
    layout.addWidget(body, 1)
    return box
