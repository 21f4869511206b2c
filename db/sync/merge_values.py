"""The values of a batch's rows as one registry table takes them: checked, converted, a chunk at a time.

A batch row is a JSON object. :meth:`TableSpec.convert` accepts a chunk of them only if every row has exactly
the table's columns and every value is of its column's type — strings within their length, integers and
booleans exactly (JSON ``true`` is no integer, ``1`` no boolean), dates and date-times as ISO text (a
date-time with an offset is turned into naive UTC, as storage keeps it) — and returns the parameters to bind:
on SQLite as SQLAlchemy's SQLite types store them (dates as ISO text, date-times as its ``DATETIME`` text),
elsewhere as Python dates and date-times for the driver. Anything else raises BatchRejected naming the row
and the field.

Why it looks the way it does: at 225k rows a full batch spends more time here than anywhere but SQLite, so
the work is done column by column in C loops (``map``, ``set``, ``zip``), not row by row in Python. When
every row of a chunk has its keys in one order (a batch file's rows do: sorted), which one set of the rows'
key tuples shows, the values are read by ``dict.values`` in that order; otherwise row by row, by key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, Table, bindparam, update
from sqlalchemy.engine import Dialect

from db.sync.batchfile import BatchRejected
from db.sync.merge_checks import DeclaredChecks

__all__ = ["Columns", "TableSpec", "Values"]

Converter = Callable[[Any], Any]
ColumnConverter = Callable[[Sequence[Any]], Sequence[Any]]
Values = tuple[Any, ...]  # a row's parameters, in the table's column order
Columns = dict[str, Sequence[Any]]  # a chunk's parameters, column by column
_NONE = type(None)
_TZINFO = attrgetter("tzinfo")


class TableSpec:
    """One registry table as the merge sees it: columns, converters, parent references, statements.

    ``registry``: the names of the registry tables, whose rows a foreign key of this table may refer to.
    """

    def __init__(self, table: Table, dialect: Dialect, registry: Collection[str]) -> None:
        self.table = table
        self.name = table.name
        self.keys = list(table.columns.keys())
        self.keyset = frozenset(self.keys)
        self.sqlite = dialect.name == "sqlite"
        self.converters = {column.key: _converters(column, dialect) for column in table.columns}
        self.parents = [(column.key, fk.column.table.name) for column in table.columns
                        for fk in column.foreign_keys if fk.column.table.name in registry]
        self.checks = DeclaredChecks(table)
        self.at = {key: i for i, key in enumerate(self.keys)}
        self.as_tuple = itemgetter(*self.keys)
        self.content = itemgetter(*(i for i, key in enumerate(self.keys) if key != "sync_seq"))
        changed = [key for key in self.keys if key != "uuid"]
        self.update_tuple = itemgetter(*(self.at[key] for key in (*changed, "uuid")))
        quote = dialect.identifier_preparer.quote
        self.insert_sql = (f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, self.keys))}) "
                           f"VALUES ({', '.join('?' * len(self.keys))})")
        self.update_sql = (f"UPDATE {quote(table.name)} SET {', '.join(f'{quote(k)} = ?' for k in changed)} "
                           f"WHERE {quote('uuid')} = ?")
        self.update_core = (update(table).where(table.c.uuid == bindparam("b_uuid"))
                            .values({key: bindparam(f"b_{key}") for key in changed}))

    def convert(self, rows: list[dict[str, Any]], first: int, sync_seq: int) -> tuple[list[Values], Columns]:
        """The rows' parameters (one tuple a row) and the same column by column; ``first``: the first row's number.

        ``sync_seq`` replaces the sender's: the counter is per database.
        """
        transposed = self._transposed(rows, first)
        columns: Columns = {}
        for key in self.keys:
            whole, one = self.converters[key]
            try:
                columns[key] = [sync_seq] * len(rows) if key == "sync_seq" else whole(transposed[key])
            except (TypeError, ValueError):
                self._reject_first_bad(rows, first, key, one)
        self.checks.check(transposed, first)  # every value is of its type: now what the declarations say
        return list(zip(*(columns[key] for key in self.keys), strict=True)), columns

    def _transposed(self, rows: list[dict[str, Any]], first: int) -> dict[str, Sequence[Any]]:
        """The rows' JSON values by column; BatchRejected for a row without exactly the table's columns."""
        orders = set(map(tuple, rows))  # the key order of every row: one, in a batch file
        if len(orders) == 1:
            order = orders.pop()
            if len(order) == len(self.keys) and self.keyset.issuperset(order):
                return dict(zip(order, zip(*map(dict.values, rows), strict=True), strict=True))
        for number, row in enumerate(rows, first):
            if row.keys() != self.keyset:
                missing, unknown = sorted(self.keyset - row.keys()), sorted(row.keys() - self.keyset)
                what = f"缺少字段 {'、'.join(missing)}" if missing else f"含有本程序不认识的字段 {'、'.join(unknown)}"
                raise BatchRejected(f"{self.name} 第 {number} 行{what}（双方程序版本可能不同）")
        return dict(zip(self.keys, zip(*map(self.as_tuple, rows), strict=True), strict=True))

    def _reject_first_bad(self, rows: list[dict[str, Any]], first: int, key: str, one: Converter) -> None:
        for number, row in enumerate(rows, first):
            try:
                one(row[key])
            except (TypeError, ValueError):
                raise BatchRejected(f"{self.name} 第 {number} 行：字段 {key} 的值无效") from None
        raise AssertionError(f"the column check of {self.name}.{key} and its value check disagree")


def _converters(column: Any, dialect: Dialect) -> tuple[ColumnConverter, Converter]:
    """(converter of a column's values in one sequence, converter of one value) for ``column``."""
    one = _converter(column, dialect)
    nullable = {_NONE} if column.nullable else set()
    type_ = column.type

    def by_value(values: Sequence[Any]) -> list[Any]:
        return list(map(one, values))

    if isinstance(type_, Boolean | Integer):
        return _checked(nullable | {bool if isinstance(type_, Boolean) else int}, None, by_value), one
    if isinstance(type_, String):
        return _checked(nullable | {str}, type_.length, by_value), one
    if isinstance(type_, Date | DateTime):
        return _parsed(type_, dialect, bool(column.nullable), by_value), one
    return by_value, one


def _checked(allowed: set[type], length: int | None, by_value: ColumnConverter) -> ColumnConverter:
    def check(values: Sequence[Any]) -> Sequence[Any]:
        types = set(map(type, values))
        if not types <= allowed:
            return by_value(values)  # raises at the first wrong value
        if length is not None and str in types:
            texts = values if _NONE not in types else [v for v in values if v is not None]
            if max(map(len, texts)) > length:
                return by_value(values)
        return values

    return check


def _parsed(type_: Any, dialect: Dialect, nullable: bool, by_value: ColumnConverter) -> ColumnConverter:
    """Dates and date-times: parsed (and on SQLite written back as stored) by C functions."""
    parse: Callable[[str], Any] = dt.datetime.fromisoformat if isinstance(type_, DateTime) else dt.date.fromisoformat
    stored: Callable[[list[Any]], list[Any]] | None = None
    if dialect.name == "sqlite" and isinstance(type_, Date):
        stored = _mapped(dt.date.isoformat)
    elif dialect.name == "sqlite":
        stored = _sqlite_datetimes(type_, dialect)

    def texts(values: Sequence[Any]) -> Sequence[Any]:
        parsed = list(map(parse, values))
        if isinstance(type_, DateTime) and any(map(_TZINFO, parsed)):  # an offset: converted one by one
            return by_value(values)
        return parsed if stored is None else stored(parsed)

    def convert(values: Sequence[Any]) -> Sequence[Any]:
        types = set(map(type, values))
        if types == {str}:
            return texts(values)
        if types != {str, _NONE} or not nullable:
            return values if types == {_NONE} and nullable else by_value(values)
        converted = iter(texts([value for value in values if value is not None]))
        return [None if value is None else next(converted) for value in values]

    return convert


def _mapped(function: Converter) -> Callable[[list[Any]], list[Any]]:
    return lambda values: list(map(function, values))


def _sqlite_datetimes(type_: Any, dialect: Dialect) -> Callable[[list[Any]], list[Any]]:
    """How SQLAlchemy's SQLite DATETIME stores naive datetimes: by ``isoformat`` (C) when that is the same."""
    processor: Converter | None = type_.dialect_impl(dialect).bind_processor(dialect)
    if processor is None:
        return list
    sample = dt.datetime(2001, 2, 3, 4, 5, 6, 7)
    same = processor(sample) == sample.isoformat(" ", "microseconds") \
        and processor(sample.replace(microsecond=0)) == sample.replace(microsecond=0).isoformat(" ", "microseconds")
    if not same:
        return _mapped(processor)
    return lambda values: list(map(dt.datetime.isoformat, values, repeat(" "), repeat("microseconds")))


def _converter(column: Any, dialect: Dialect) -> Converter:
    """A function that checks one JSON value of ``column`` and returns the parameter to bind for it."""
    parse = _parser(column.type)
    if dialect.name == "sqlite" and isinstance(column.type, DateTime):
        store = column.type.dialect_impl(dialect).bind_processor(dialect)
        parse = _then(parse, store) if store is not None else parse
    elif dialect.name == "sqlite" and isinstance(column.type, Date):
        parse = _then(parse, dt.date.isoformat)  # the text SQLAlchemy's SQLite DATE stores
    nullable = column.nullable

    def convert(value: Any) -> Any:
        if value is None:
            if nullable:
                return None
            raise ValueError("null")
        return parse(value)

    return convert


def _then(first: Converter, second: Converter) -> Converter:
    return lambda value: second(first(value))


def _parser(type_: Any) -> Converter:
    if isinstance(type_, Boolean):
        return _typed(bool)
    if isinstance(type_, Integer):
        return _typed(int)
    if isinstance(type_, Float):
        return _number
    if isinstance(type_, DateTime):
        return _datetime
    if isinstance(type_, Date):
        return lambda value: dt.date.fromisoformat(_text(value))
    if isinstance(type_, String):
        return _string(type_.length)
    raise TypeError(f"no batch conversion for column type {type_!r}")  # a new column type: teach it here


def _typed(kind: type) -> Converter:
    def check(value: Any) -> Any:
        if type(value) is not kind:  # exactly: JSON true is no integer, 1 is no boolean
            raise TypeError(kind.__name__)
        return value

    return check


def _number(value: Any) -> float:
    if type(value) not in (int, float):
        raise TypeError("number")
    return float(value)


def _text(value: Any) -> str:
    if type(value) is not str:
        raise TypeError("text")
    return value


def _datetime(value: Any) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(_text(value))
    if parsed.tzinfo is not None:  # storage keeps naive UTC
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def _string(length: int | None) -> Converter:
    def check(value: Any) -> str:
        if type(value) is not str or (length is not None and len(value) > length):
            raise ValueError("text")
        return value

    return check
