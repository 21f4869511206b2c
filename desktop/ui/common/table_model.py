"""A registry's list as a table model, built from its declaration: the list's columns (labels, widths, which
sort), each value shown as its field shows it (a code's label, a date, yuan) and masked as the field says —
a sensitive number masked, whoever looks, and then no sort order (rows ordered by a hidden number would tell
its digits by their places; design §7: a full value is asked for in the form, and audited). Rows come
a page at a time from a :class:`PageSource`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from db import listing, masking
from db.fields import Field
from db.listing import ListFilter, ListSort
from db.registry import RegistrySpec
from desktop.ui.common.field_editors import CONTEXT
from desktop.ui.context import AppContext
from desktop.ui.paged_model import Column, PagedTableModel

OFFICE_COLUMN = "office_code"


def value_of(row: Any, attr: str) -> Any:
    """A row's value, whether the row is a dict (the generic list) or a dataclass (a registry's own list)."""
    return row.get(attr) if isinstance(row, dict) else getattr(row, attr, None)


def shown(field: Field, mask: Callable[[Any], Any] | None) -> Callable[[Any], str]:
    """How a cell of ``field`` reads: masked when ``mask``, else as the field shows a stored value."""

    def text(value: Any) -> str:
        if value is None or value == "":
            return ""
        cell = mask(value) if mask is not None else field.to_cell(value)
        if isinstance(cell, dt.date):
            return cell.isoformat()
        if isinstance(cell, Decimal):
            return f"{cell:.2f}"
        return str(cell)

    return text


def spec_columns(spec: RegistrySpec, office_names: dict[str, str] | None = None) -> list[Column]:
    """The list's columns of ``spec``, the sensitive ones masked to every role (design §7: a full value is
    asked for in the form, audited); with ``office_names`` (district mode) an office column at the end."""
    masks = masking.column_masks(spec.fields)
    stored = spec.model.__table__.columns  # type: ignore[attr-defined]
    columns = []
    for listed in spec.list_columns:
        field = spec.field(listed.attr)
        display = shown(field, masks.get(listed.attr))
        sortable = listed.sortable and listed.attr not in masks and listed.attr in stored
        columns.append(Column(QCoreApplication.translate(CONTEXT, field.label), _cell(listed.attr, display),
                              listed.attr if sortable else None,
                              align_right=field.kind in ("int", "float", "money", "score")))
    if office_names is not None:
        names = office_names

        def office(row: Any) -> str:
            code = value_of(row, OFFICE_COLUMN) or ""
            return names.get(code, code)

        columns.append(Column(QCoreApplication.translate(CONTEXT, "所属单位"), office, OFFICE_COLUMN))
    return columns


def _cell(attr: str, display: Callable[[Any], str]) -> Callable[[Any], str]:
    return lambda row: display(value_of(row, attr))


def column_widths(spec: RegistrySpec, columns: Sequence[Column]) -> list[int]:
    widths = {c.attr: c.width for c in spec.list_columns} | {OFFICE_COLUMN: 120}
    keys = [c.attr for c in spec.list_columns] + [OFFICE_COLUMN]
    return [widths.get(keys[i], 100) for i in range(len(columns))]


class SpecSource:
    """The generic list of a registry (:mod:`db.listing`) with one filter and sort, for a paged model."""

    def __init__(self, context: AppContext, spec: RegistrySpec, flt: ListFilter, sort: ListSort) -> None:
        self.store, self.spec, self.flt, self.sort = context.store, spec, flt, sort

    def count(self) -> int:
        return listing.read_count(self.store, self.spec, self.flt)

    def fetch(self, after: Any | None, backwards: bool, limit: int) -> Sequence[dict[str, Any]]:
        return listing.read_page(self.store, self.spec, self.flt, self.sort, after, limit, backwards)

    def fetch_at(self, offset: int, limit: int) -> Sequence[dict[str, Any]]:
        return listing.read_page_at(self.store, self.spec, self.flt, self.sort, offset, limit)

    def cursor(self, row: dict[str, Any]) -> Any:
        return listing.cursor_of(self.spec, self.sort, row)

    def uuid(self, row: dict[str, Any]) -> str:
        return str(row["uuid"])

    def reload(self, uuid: str) -> dict[str, Any] | None:
        return listing.read_row(self.store, self.spec, uuid, self.flt)


class SpecTableModel(PagedTableModel):
    """The rows of a registry's generic list, with the declared columns."""

    def __init__(self, context: AppContext, spec: RegistrySpec, office_names: dict[str, str] | None = None,
                 parent: QObject | None = None) -> None:
        self.context, self.spec = context, spec
        super().__init__(spec_columns(spec, office_names), parent)
        self.filter = ListFilter()
        self.sort_order = ListSort()

    def set_view(self, flt: ListFilter, sort: ListSort) -> None:
        self.filter, self.sort_order = flt, sort
        self.set_source(SpecSource(self.context, self.spec, flt, sort))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: read the list again in the new order (never sort in memory)."""
        key = self.columns[column].sort_key
        if key is None:
            return
        self.set_view(self.filter, ListSort(key, order == Qt.SortOrder.DescendingOrder))

    def count_all(self) -> int:
        return listing.read_count(self.context.store, self.spec, ListFilter())

    def column_widths(self) -> list[int]:
        return column_widths(self.spec, self.columns)
