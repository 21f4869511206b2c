"""The member list's table model: the member declaration's list columns over the member planner's pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from db import offices
from db.members import listing as member_list
from db.members.fields import MEMBERS
from db.members.listing import MemberFilter, MemberRow, MemberSort
from desktop.ui.common.table_model import column_widths, spec_columns
from desktop.ui.context import AppContext
from desktop.ui.paged_model import PAGE, PagedTableModel


class MemberSource:
    """The member list with one filter and sort, read through db, for :class:`PagedTableModel`."""

    def __init__(self, context: AppContext, flt: MemberFilter, sort: MemberSort) -> None:
        self.store, self.flt, self.sort = context.store, flt, sort

    def count(self) -> int:
        return member_list.read_count(self.store, self.flt)

    def fetch(self, after: Any | None, backwards: bool, limit: int) -> Sequence[MemberRow]:
        return member_list.read_page(self.store, self.flt, self.sort, after=after, limit=limit, backwards=backwards)

    def fetch_at(self, offset: int, limit: int) -> Sequence[MemberRow]:
        return member_list.read_page_at(self.store, self.flt, self.sort, offset, limit)

    def cursor(self, row: MemberRow) -> Any:
        return member_list.cursor_of(row, self.sort)

    def uuid(self, row: MemberRow) -> str:
        return row.uuid

    def reload(self, uuid: str) -> MemberRow | None:
        return member_list.read_row(self.store, uuid, self.flt)


class MemberTableModel(PagedTableModel):
    """Members of the current search and filters; ID and phone masked to every role (and then not a sort
    order)."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        self.context = context
        self._office_names = offices.office_names(context.store) if context.is_district else {}
        super().__init__(spec_columns(MEMBERS, self._office_names if context.is_district else None), parent)
        self.filter = MemberFilter()
        self.sort_order = MemberSort()

    def set_view(self, flt: MemberFilter, sort: MemberSort) -> None:
        self.filter, self.sort_order = flt, sort
        self.set_source(MemberSource(self.context, flt, sort))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: read the list again in the new order (never sort in memory)."""
        key = self.columns[column].sort_key
        if key is None:  # not sortable, or masked: rows in the order of a hidden number would tell its digits
            return
        self.set_view(self.filter, MemberSort(key, order == Qt.SortOrder.DescendingOrder))

    def count_all(self) -> int:
        return member_list.read_count(self.context.store, MemberFilter())

    def base_unions(self) -> list[str]:
        return member_list.read_base_unions(self.context.store)

    def offices(self) -> list[tuple[str, str]]:
        return sorted(self._office_names.items())

    def column_widths(self) -> list[int]:
        return column_widths(MEMBERS, self.columns)


__all__ = ["PAGE", "MemberSource", "MemberTableModel"]
