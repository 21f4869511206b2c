"""The member list's table model: columns of the member registry over a paged query."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from db import offices, reference
from db.members import listing as member_list
from db.members.listing import MemberFilter, MemberRow, MemberSort
from db.validation import mask_id_number, mask_phone
from desktop.ui.context import AppContext
from desktop.ui.paged_model import PAGE, Column, PagedTableModel


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


class MemberSource:
    """The member query with one filter and sort, for :class:`PagedTableModel`."""

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
    """Members of the current search and filters; ID and phone masked (and then not a sort order) unless the
    role allows them."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        self.context = context
        full = context.actor.can("sensitive.full")
        # Rows ordered by a masked number would tell its hidden digits (the birth dates' order) by their places.
        self._unsortable = frozenset() if full else frozenset({"id_number", "phone"})
        statuses = reference.labels("member_status")
        self._office_names = offices.office_names(context.store) if context.is_district else {}
        columns = [
            Column(self.tr("会员编号"), lambda r: r.member_no, "member_no"),
            Column(self.tr("姓名"), lambda r: r.name, "name"),
            Column(self.tr("性别"), lambda r: r.gender, "gender"),
            Column(self.tr("身份证号"), (lambda r: r.id_number) if full else (lambda r: mask_id_number(r.id_number)),
                   "id_number"),
            Column(self.tr("手机号码"), (lambda r: r.phone or "") if full else (lambda r: mask_phone(r.phone or "")),
                   "phone"),
            Column(self.tr("工作单位"), lambda r: r.employer or "", "employer"),
            Column(self.tr("就业形态"), lambda r: r.employment_form, "employment_form"),
            Column(self.tr("所属基层工会"), lambda r: r.base_union or "", "base_union"),
            Column(self.tr("入会日期"), lambda r: _date(r.joined_on), "joined_on"),
            Column(self.tr("状态"), lambda r: statuses.get(r.status, r.status), "status"),
        ]
        if context.is_district:
            columns.append(Column(self.tr("所属单位"), lambda r: self._office_names.get(r.office_code, r.office_code),
                                  "office_code"))
        super().__init__(columns, parent)
        self.filter = MemberFilter()
        self.sort_order = MemberSort()

    def set_query(self, flt: MemberFilter, sort: MemberSort) -> None:
        self.filter, self.sort_order = flt, sort
        self.set_source(MemberSource(self.context, flt, sort))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: run the query again in the new order (never sort in memory)."""
        key = self.columns[column].sort_key
        if key is None or key in self._unsortable:
            return
        self.set_query(self.filter, MemberSort(key, order == Qt.SortOrder.DescendingOrder))

    def count_all(self) -> int:
        return member_list.read_count(self.context.store, MemberFilter())

    def base_unions(self) -> list[str]:
        return member_list.read_base_unions(self.context.store)

    def offices(self) -> list[tuple[str, str]]:
        return sorted(self._office_names.items())

    def column_widths(self) -> list[int]:
        widths = {"member_no": 100, "name": 80, "gender": 44, "id_number": 160, "phone": 110, "employer": 200,
                  "employment_form": 90, "base_union": 160, "joined_on": 90, "status": 56, "office_code": 120}
        return [widths.get(c.sort_key or "", 100) for c in self.columns]


__all__ = ["PAGE", "MemberSource", "MemberTableModel"]
