"""A registry's list, generic over its declaration (:class:`db.registry.RegistrySpec`): filtered, searched,
sorted and read a page at a time by keyset — what a registry tab shows when its registry adds no list of its
own (the members' planner, :mod:`db.members.listing`, is the member registry's own: a million rows, pinyin
and trigram search).

* :class:`ListFilter` — the search text (every word must be found in one of the spec's ``search`` fields
  as a substring, or where the registry's hooks look: a hardship file by its member's name or ID number),
  equality filters on declared fields, an office (district mode), and the named filters the registry's hooks
  turn into conditions (:meth:`TabularHooks.flag_condition`: a station's 未评星, 六有齐全, 需关注).
* :class:`ListSort` — one of the list's sortable columns, then uuid.
* :func:`page` — up to ``limit`` rows after a cursor (``None``: from the start), or before it going
  backwards; :func:`page_at` — the rows at an offset; :func:`count`; :func:`row` — one row again after an
  edit (``None`` if it no longer matches).

Keyset paging: ``WHERE (sort_value, uuid) > (:v, :u)``, with NULLs first in ascending order and last in
descending order on every backend, written out as ``value > :v OR (value = :v AND uuid > :u)`` so that a NULL
cursor needs no special index. Rows are dicts of the list's columns (stored values) with ``uuid``, and the
columns the registry derives (:meth:`TabularHooks.derive`), filled in per page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select
from sqlalchemy.orm import Session

from db.masking import id_run_searchable
from db.registry import RegistrySpec
from db.store import Store
from db.validation import normalize_id_number

PAGE_SIZE = 200
Row = dict[str, Any]
Cursor = tuple[Any, str]


@dataclass(frozen=True)
class ListFilter:
    """What the list shows: the search text, ``{attr: value}`` equality filters, one office (or any), and
    the names of filters the registry's hooks define (rules no equality states: "not yet rated", "needs
    attention"), all of which must hold.

    ``full_ids``: the search may find ID numbers by any part (off, as every list in the window is masked:
    only by the whole number or a part the mask shows, :func:`db.masking.id_run_searchable`). Not part of
    the filter's identity: the same rows are asked for."""

    text: str = ""
    equals: tuple[tuple[str, Any], ...] = ()
    office_code: str | None = None
    flags: tuple[str, ...] = ()
    full_ids: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class ListSort:
    column: str = ""  # "" → the list's first column
    descending: bool = False

    def reversed(self) -> ListSort:
        return ListSort(self.column, not self.descending)


@dataclass(frozen=True)
class Page:
    rows: list[Row]
    next_cursor: Cursor | None


def sort_column(spec: RegistrySpec, sort: ListSort) -> str:
    """The attribute a sort orders by; ValueError for a column the list cannot sort by."""
    sortable = [c.attr for c in spec.list_columns if c.sortable and c.attr in _table(spec).columns]
    name = sort.column or (sortable[0] if sortable else "uuid")
    if name not in sortable and name != "uuid":
        raise ValueError(f"cannot sort {spec.name} by {name!r}; one of {sortable}")
    return name


def page(session: Session, spec: RegistrySpec, flt: ListFilter, sort: ListSort, after: Cursor | None = None,
         limit: int = PAGE_SIZE, backwards: bool = False) -> Page:
    """Rows after (or, ``backwards``, before: nearest first) the cursor, in the sort order."""
    name = sort_column(spec, sort)
    ascending = sort.descending == backwards
    stmt = _select(session, spec, flt)
    if after is not None:
        stmt = stmt.where(_beyond(_table(spec).columns[name], _table(spec).columns.uuid, after, ascending))
    rows = _rows(session, stmt.order_by(*_order(spec, name, ascending)).limit(limit + 1), spec)
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, (rows[-1][name], rows[-1]["uuid"]) if more and rows else None)


def page_at(session: Session, spec: RegistrySpec, flt: ListFilter, sort: ListSort, offset: int,
            limit: int = PAGE_SIZE) -> list[Row]:
    """The rows at ``offset`` (a jump into the middle of the list)."""
    name = sort_column(spec, sort)
    stmt = _select(session, spec, flt).order_by(*_order(spec, name, not sort.descending)).offset(offset).limit(limit)
    return _rows(session, stmt, spec)


def cursor_of(spec: RegistrySpec, sort: ListSort, row: Row) -> Cursor:
    return row[sort_column(spec, sort)], row["uuid"]


def count(session: Session, spec: RegistrySpec, flt: ListFilter) -> int:
    stmt = select(func.count()).select_from(_table(spec)).where(*_conditions(session, spec, flt))
    return int(session.scalar(stmt) or 0)


def row(session: Session, spec: RegistrySpec, uuid: str, flt: ListFilter | None = None) -> Row | None:
    stmt = _select(session, spec, flt or ListFilter()).where(_table(spec).columns.uuid == uuid)
    found = _rows(session, stmt, spec)
    return found[0] if found else None


def distinct_values(session: Session, spec: RegistrySpec, attr: str) -> list[Any]:
    """The values a column holds (not deleted), for a filter's choices."""
    column = _table(spec).columns[attr]
    stmt = (select(column).distinct().where(_table(spec).columns.deleted.is_(False), column.is_not(None))
            .order_by(column))
    return list(session.scalars(stmt))


# --- each in a transaction of its own: what a registry tab calls --------------------------------------

def read_page(store: Store, spec: RegistrySpec, flt: ListFilter, sort: ListSort, after: Cursor | None = None,
              limit: int = PAGE_SIZE, backwards: bool = False) -> list[Row]:
    with store.transaction() as session:
        return page(session, spec, flt, sort, after, limit, backwards).rows


def read_page_at(store: Store, spec: RegistrySpec, flt: ListFilter, sort: ListSort, offset: int,
                 limit: int = PAGE_SIZE) -> list[Row]:
    with store.transaction() as session:
        return page_at(session, spec, flt, sort, offset, limit)


def read_count(store: Store, spec: RegistrySpec, flt: ListFilter) -> int:
    with store.transaction() as session:
        return count(session, spec, flt)


def read_row(store: Store, spec: RegistrySpec, uuid: str, flt: ListFilter | None = None) -> Row | None:
    with store.transaction() as session:
        return row(session, spec, uuid, flt)


def read_distinct(store: Store, spec: RegistrySpec, attr: str) -> list[Any]:
    with store.transaction() as session:
        return distinct_values(session, spec, attr)


# --- the query --------------------------------------------------------------------------------------

def _table(spec: RegistrySpec) -> Any:
    return spec.model.__table__  # type: ignore[attr-defined]


def _select(session: Session, spec: RegistrySpec, flt: ListFilter) -> Select[Any]:
    table = _table(spec)
    hooks = spec.hooks()
    names = ["uuid", "office_code", "rev", *(c.attr for c in spec.list_columns if c.attr in table.columns),
             *(hooks.extra_columns if hooks.derives else ())]
    columns = [table.columns[name] for name in dict.fromkeys(names)]
    return select(*columns).where(*_conditions(session, spec, flt))


def _conditions(session: Session, spec: RegistrySpec, flt: ListFilter) -> list[ColumnElement[bool]]:
    table = _table(spec)
    conditions: list[ColumnElement[bool]] = [table.columns.deleted.is_(False)]
    for attr, value in flt.equals:
        conditions.append(table.columns[attr] == value)
    if flt.office_code is not None:
        conditions.append(table.columns.office_code == flt.office_code)
    searched = [attr for attr in spec.search if attr in table.columns]
    id_numbers = {f.attr for f in spec.fields if f.kind == "id_number"}
    hooks = spec.hooks()
    for word in flt.text.split():
        pattern = f"%{_escape(word)}%"
        found = [_id_found(table.columns[attr], word, flt.full_ids) if attr in id_numbers
                 else table.columns[attr].like(pattern, escape="\\") for attr in searched]
        found += hooks.search_conditions(word, pattern, full_ids=flt.full_ids)
        conditions.append(or_(*found) if found else false())
    conditions += [hooks.flag_condition(session, flag) for flag in flt.flags]
    return conditions


def _id_found(column: Any, word: str, full_ids: bool) -> ColumnElement[bool]:
    """An ID number column searched for ``word``: anywhere in it for a user who sees full numbers, else the
    whole number or the end the mask shows (:func:`db.masking.id_run_searchable`)."""
    if full_ids:
        return column.like(f"%{_escape(word)}%", escape="\\")
    number = normalize_id_number(word)
    if id_run_searchable(number, full_ids, "end"):
        # only 18-character numbers: a shorter document number's mask keeps fewer characters
        return or_(column == number, and_(func.length(column) == 18, column.like(f"%{_escape(number)}", escape="\\")))
    return column == number


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _order(spec: RegistrySpec, name: str, ascending: bool) -> list[Any]:
    column, uuid = _table(spec).columns[name], _table(spec).columns.uuid
    if name == "uuid":
        return [uuid.asc() if ascending else uuid.desc()]
    if ascending:
        return [column.asc().nulls_first(), uuid.asc()]
    return [column.desc().nulls_last(), uuid.desc()]


def _beyond(column: Any, uuid: Any, after: Cursor, ascending: bool) -> ColumnElement[bool]:
    """The rows after ``after`` in the order (NULLs first ascending, last descending)."""
    value, last = after
    if column is uuid:
        return uuid > last if ascending else uuid < last
    if ascending:
        if value is None:
            return or_(and_(column.is_(None), uuid > last), column.is_not(None))
        return or_(column > value, and_(column == value, uuid > last))
    if value is None:
        return and_(column.is_(None), uuid < last)
    return or_(column < value, column.is_(None), and_(column == value, uuid < last))


def _rows(session: Session, stmt: Select[Any], spec: RegistrySpec | None = None) -> list[Row]:
    result = session.execute(stmt)
    keys = list(result.keys())
    rows = [dict(zip(keys, values, strict=True)) for values in result]
    if spec is not None and rows and spec.hooks().derives:  # a name looked up elsewhere, a computed sum
        spec.hooks().derive(session, rows)
    return rows


__all__ = ["PAGE_SIZE", "Cursor", "ListFilter", "ListSort", "Page", "count", "cursor_of", "distinct_values",
           "page", "page_at", "read_count", "read_distinct", "read_page", "read_page_at", "read_row", "row",
           "sort_column"]
