"""Merging the rows of one verified batch into this database's registry tables (design §5).

:class:`RowMerger` runs inside the import's one transaction. Per table, in :data:`REGISTRY_MODELS` order
(parents first), a chunk of rows at a time:

1. every row is checked against the table — exactly its columns, each value of the column's type (dates and
   date-times as ISO text, booleans as JSON booleans) — and converted back; anything else rejects the batch;
2. the stored ``rev`` of the chunk's uuids is read in one query: a row not stored is *new*, a row with a
   higher ``rev`` *replaces* the stored one whole, any other row is *skipped* (stale or replayed);
3. rules that keep a row aside as a :class:`SyncConflict` for a person to settle, never applied:
   ``foreign_edit`` — the row (or the stored row it would replace) is owned by an office other than those
   the batch may write for; ``same_person`` — an active member whose ID number is held by another active,
   not deleted member of another office; ``missing_parent`` — the row refers to a parent row that is
   neither stored nor in the batch (kept aside itself, or lost with a batch whose gap was accepted);
4. new rows are inserted and replaced rows updated with executemany — on SQLite through the DBAPI cursor
   with parameters prepared as SQLAlchemy's SQLite types store them (as :mod:`db.bulk` does; Core costs
   half again per row), elsewhere through Core.

Merged rows keep their incoming ``uuid``, ``office_code``, ``rev``, ``updated_at``, ``updated_by`` and
``deleted``; only ``sync_seq`` is local: every row one import writes takes the one fresh value of the
database's write counter (design §3: every write bumps it). The import records that value in its
``SyncBatch.upto_sync_seq``, so an export can tell rows that merely arrived from a peer from rows changed
here, and need not echo them back (an echo would do no harm: equal ``rev`` is skipped).

The members' trigram index: new members are indexed in one statement at the end of the table
(:func:`db.search.deferred_search_index`); replaced members go through the update trigger. Both are safe
in one block because a uuid may appear only once per table of a batch, so no row inserted in the block
is updated in it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    bindparam,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.engine import Dialect

from db.ids import new_uuid
from db.models import REGISTRY_MODELS, RegistryRow, SyncConflict
from db.search import deferred_search_index
from db.sync.batchfile import BatchRejected
from db.writes import jsonable

__all__ = ["CHUNK_ROWS", "FOREIGN_EDIT", "MISSING_PARENT", "SAME_PERSON", "MergeCounts", "RowMerger",
           "registry_table", "table_of"]

CHUNK_ROWS = 2000  # rows per lookup and executemany: well below every database's bound-parameter limit
FOREIGN_EDIT, SAME_PERSON, MISSING_PARENT = "foreign_edit", "same_person", "missing_parent"
ACTIVE = "active"



def table_of(model: type[RegistryRow]) -> Table:
    """The table of a registry model (typed: the mixin does not declare ``__table__``)."""
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


_MODELS = {table_of(model).name: model for model in REGISTRY_MODELS}
Converter = Callable[[Any], Any]
Values = tuple[Any, ...]  # a row's parameters, in the table's column order
Pair = tuple[dict[str, Any], Values]  # (the row as the batch has it, its parameters)


def registry_table(name: str) -> type[RegistryRow] | None:
    """The registry model whose table is ``name``, or None for any other table."""
    return _MODELS.get(name)


@dataclass
class MergeCounts:
    """What a merge did with the rows of a batch."""

    inserted: int = 0
    updated: int = 0
    skipped: int = 0
    conflicts: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"inserted": self.inserted, "updated": self.updated, "skipped": self.skipped,
                "conflicts": self.conflicts}


class _TableSpec:
    """One registry table as the merge sees it: columns, converters, parent references, statements."""

    def __init__(self, table: Table, dialect: Dialect) -> None:
        self.table = table
        self.name = table.name
        self.keys = list(table.columns.keys())
        self.keyset = frozenset(self.keys)
        self.sqlite = dialect.name == "sqlite"
        self.converters = [(column.key, *_converters(column, dialect)) for column in table.columns]
        self.parents = [(column.key, fk.column.table.name) for column in table.columns
                        for fk in column.foreign_keys if fk.column.table.name in _MODELS]
        self.at = {key: i for i, key in enumerate(self.keys)}
        self.as_tuple = itemgetter(*self.keys)
        changed = [key for key in self.keys if key != "uuid"]
        self.update_tuple = itemgetter(*(self.at[key] for key in (*changed, "uuid")))
        quote = dialect.identifier_preparer.quote
        self.insert_sql = (f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, self.keys))}) "
                           f"VALUES ({', '.join('?' * len(self.keys))})")
        self.update_sql = (f"UPDATE {quote(table.name)} SET {', '.join(f'{quote(k)} = ?' for k in changed)} "
                           f"WHERE {quote('uuid')} = ?")
        self.update_core = (update(table).where(table.c.uuid == bindparam("b_uuid"))
                            .values({key: bindparam(f"b_{key}") for key in changed}))

    def convert(self, chunk: list[tuple[int, dict[str, Any]]], sync_seq: int) -> list[Values]:
        """The rows' values as they are bound for this database; BatchRejected names what is wrong.

        Column by column, so that checking a value of a common type costs a C loop, not a Python call.
        ``sync_seq`` replaces the sender's: the counter is per database.
        """
        for number, row in chunk:
            if row.keys() != self.keyset:
                missing, unknown = sorted(self.keyset - row.keys()), sorted(row.keys() - self.keyset)
                what = f"缺少字段 {'、'.join(missing)}" if missing else f"含有本程序不认识的字段 {'、'.join(unknown)}"
                raise BatchRejected(f"{self.name} 第 {number} 行{what}（双方程序版本可能不同）")
        columns = []
        transposed = zip(*map(self.as_tuple, (row for _, row in chunk)), strict=True)  # C loops: rows → columns
        for (key, whole, one), values in zip(self.converters, transposed, strict=True):
            try:
                columns.append([sync_seq] * len(values) if key == "sync_seq" else whole(list(values)))
            except (TypeError, ValueError):
                self._reject_first_bad(chunk, key, one)
        return list(zip(*columns, strict=True))

    def _reject_first_bad(self, chunk: list[tuple[int, dict[str, Any]]], key: str, one: Converter) -> None:
        for number, row in chunk:
            try:
                one(row[key])
            except (TypeError, ValueError):
                raise BatchRejected(f"{self.name} 第 {number} 行：字段 {key} 的值无效") from None
        raise AssertionError(f"the column check of {self.name}.{key} and its value check disagree")


ColumnConverter = Callable[[list[Any]], list[Any]]
_NONE = type(None)


def _converters(column: Any, dialect: Dialect) -> tuple[ColumnConverter, Converter]:
    """(converter of a column's values in one list, converter of one value) for ``column``."""
    one = _converter(column, dialect)
    nullable = {_NONE} if column.nullable else set()
    type_ = column.type

    def by_value(values: list[Any]) -> list[Any]:
        return list(map(one, values))

    if isinstance(type_, Boolean | Integer):
        return _checked(nullable | {bool if isinstance(type_, Boolean) else int}, None, by_value), one
    if isinstance(type_, String):
        return _checked(nullable | {str}, type_.length, by_value), one
    if isinstance(type_, Date | DateTime):
        return _parsed(type_, dialect, by_value), one
    return by_value, one


def _checked(allowed: set[type], length: int | None, by_value: ColumnConverter) -> ColumnConverter:
    def check(values: list[Any]) -> list[Any]:
        types = set(map(type, values))
        if not types <= allowed:
            return by_value(values)  # raises at the first wrong value
        if length is not None and str in types:
            texts = values if _NONE not in types else [v for v in values if v is not None]
            if max(map(len, texts)) > length:
                return by_value(values)
        return values

    return check


def _parsed(type_: Any, dialect: Dialect, by_value: ColumnConverter) -> ColumnConverter:
    """Dates and date-times: parsed (and on SQLite written back as stored) by C functions, none missing."""
    parse: Callable[[str], Any] = dt.datetime.fromisoformat if isinstance(type_, DateTime) else dt.date.fromisoformat
    store: Converter | None = None
    if dialect.name == "sqlite":
        store = dt.date.isoformat if isinstance(type_, Date) else _sqlite_datetime(type_, dialect)

    def convert(values: list[Any]) -> list[Any]:
        if set(map(type, values)) != {str}:
            return by_value(values)
        parsed = list(map(parse, values))
        if isinstance(type_, DateTime) and any(value.tzinfo is not None for value in parsed):
            return by_value(values)
        return parsed if store is None else list(map(store, parsed))

    return convert


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


def _sqlite_datetime(type_: Any, dialect: Dialect) -> Converter | None:
    """How SQLAlchemy's SQLite DATETIME stores a naive datetime: by ``isoformat`` (C) when that is the same."""
    processor: Converter | None = type_.dialect_impl(dialect).bind_processor(dialect)
    sample = dt.datetime(2001, 2, 3, 4, 5, 6, 7)
    same = processor is not None and processor(sample) == sample.isoformat(" ", "microseconds") \
        and processor(sample.replace(microsecond=0)) == sample.replace(microsecond=0).isoformat(" ", "microseconds")
    return (lambda value: value.isoformat(" ", "microseconds")) if same else processor


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


def _chunks(rows: Iterable[dict[str, Any]]) -> Iterator[list[tuple[int, dict[str, Any]]]]:
    numbered = enumerate(rows, 1)
    while chunk := list(islice(numbered, CHUNK_ROWS)):
        yield chunk


def _to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=jsonable)


class RowMerger:
    """Merges the tables of one batch into the database of ``conn``, inside the caller's transaction.

    ``owners``: the offices whose rows the batch may write (the sender; on a district's return batch also
    this office). ``sync_seq``: the local write counter value stamped on every merged row.
    """

    def __init__(self, conn: Connection, *, batch_uuid: str, owners: frozenset[str], sync_seq: int,
                 progress: Callable[[int], None] | None = None) -> None:
        self.conn = conn
        self.batch_uuid = batch_uuid
        self.owners = owners
        self.sync_seq = sync_seq
        self.progress = progress
        self.counts = MergeCounts()
        self.merged: dict[str, set[str]] = defaultdict(set)  # table → uuids inserted by this batch
        self.aside: dict[str, set[str]] = defaultdict(set)  # table → uuids kept aside as conflicts
        self._spec: _TableSpec | None = None
        self._fresh = False

    def merge_table(self, model: type[RegistryRow], rows: Iterable[dict[str, Any]]) -> None:
        """Merge every row of one table of the batch (call in :data:`REGISTRY_MODELS` order)."""
        spec = self._spec = _TableSpec(table_of(model), self.conn.dialect)
        seen: set[str] = set()
        # An empty table (a first import) has no stored rows to look up, and no holder of an ID number but
        # this batch's rows: one owner's, unless it is a district's return batch.
        empty = self.conn.execute(select(literal(1)).select_from(spec.table).limit(1)).first() is None
        self._fresh = empty and len(self.owners) == 1
        indexing = deferred_search_index(self.conn) if spec.name == "members" else contextlib.nullcontext()
        with indexing:
            for chunk in _chunks(rows):
                self._merge_chunk(spec, chunk, seen)
                if self.progress is not None:
                    self.progress(len(chunk))

    def _merge_chunk(self, spec: _TableSpec, chunk: list[tuple[int, dict[str, Any]]], seen: set[str]) -> None:
        pairs = list(zip((row for _, row in chunk), spec.convert(chunk, self.sync_seq), strict=True))
        at_uuid, at_rev, at_owner = spec.at["uuid"], spec.at["rev"], spec.at["office_code"]
        stored = {} if self._fresh else self._stored(spec.table, [values[at_uuid] for _, values in pairs])
        new: list[Pair] = []
        changed: list[Pair] = []
        for number, (row, values) in enumerate(pairs, chunk[0][0]):
            uuid = values[at_uuid]
            if uuid in seen:
                raise BatchRejected(f"{spec.name} 第 {number} 行：同一条记录在批次中出现了两次")
            seen.add(uuid)
            rev_owner = stored.get(uuid)
            if rev_owner is not None and values[at_rev] <= rev_owner[0]:
                self.counts.skipped += 1
            elif values[at_owner] not in self.owners or (rev_owner and rev_owner[1] not in self.owners):
                self._conflict(FOREIGN_EDIT, row, self._stored_rows(spec.table, [uuid]) or None)
            else:
                (new if rev_owner is None else changed).append((row, values))
        new, changed = self._with_parents(spec, new), self._with_parents(spec, changed)
        if spec.name == "members":
            new, changed = self._distinct_people(spec, new), self._distinct_people(spec, changed)
        self._write(spec, new, changed)

    def _stored(self, table: Table, uuids: Sequence[str]) -> dict[str, tuple[int, str]]:
        found = self.conn.execute(select(table.c.uuid, table.c.rev, table.c.office_code)
                                  .where(table.c.uuid.in_(uuids)))
        return {uuid: (rev, owner) for uuid, rev, owner in found}

    def _stored_rows(self, table: Table, uuids: Iterable[str]) -> list[dict[str, Any]]:
        found = self.conn.execute(select(table).where(table.c.uuid.in_(sorted(set(uuids)))).order_by(table.c.uuid))
        return [dict(row) for row in found.mappings()]

    def _with_parents(self, spec: _TableSpec, pairs: list[Pair]) -> list[Pair]:
        """The rows whose parent rows exist (stored or merged by this batch); the others kept aside."""
        if not spec.parents or not pairs:
            return pairs
        wanted: dict[str, set[str]] = defaultdict(set)
        refs = [(spec.at[key], parent) for key, parent in spec.parents]
        for _, values in pairs:
            for at, parent in refs:
                ref = values[at]
                if ref is not None and ref not in self.merged[parent]:
                    wanted[parent].add(ref)
        present = {parent: set(self._stored(table_of(_MODELS[parent]), sorted(refs)))
                   for parent, refs in wanted.items()}
        kept = []
        for row, values in pairs:
            missing = next(((parent, ref) for at, parent in refs
                            if (ref := values[at]) is not None and ref not in self.merged[parent]
                            and ref not in present[parent]), None)
            if missing is None:
                kept.append((row, values))
                continue
            parent, ref = missing
            self._conflict(MISSING_PARENT, row,
                           {"table": parent, "uuid": ref, "kept_aside": ref in self.aside[parent]})
        return kept

    def _distinct_people(self, spec: _TableSpec, pairs: list[Pair]) -> list[Pair]:
        """The members that are not active under another office already; the others kept aside."""
        at_id, at_uuid, at_owner = spec.at["id_number"], spec.at["uuid"], spec.at["office_code"]

        def active(values: Values) -> bool:
            return bool(values[spec.at["status"]] == ACTIVE and not values[spec.at["deleted"]])

        numbers = {values[at_id] for _, values in pairs if active(values) and values[at_id]}
        if not numbers or self._fresh:
            return pairs
        table = spec.table
        holders: dict[str, list[tuple[str, str]]] = defaultdict(list)
        # Filtered here, not in SQL: given "status = 'active'" SQLite walks the status index instead.
        for uuid, owner, number, status, deleted in self.conn.execute(
                select(table.c.uuid, table.c.office_code, table.c.id_number, table.c.status, table.c.deleted)
                .where(table.c.id_number.in_(sorted(numbers)))):
            if status == ACTIVE and not deleted:
                holders[number].append((uuid, owner))
        kept = []
        for row, values in pairs:
            others = [uuid for uuid, owner in holders.get(values[at_id], ())
                      if uuid != values[at_uuid] and owner != values[at_owner]] if active(values) else []
            if others:
                self._conflict(SAME_PERSON, row, self._stored_rows(table, others))
            else:
                kept.append((row, values))
        return kept

    def _conflict(self, kind: str, incoming: dict[str, Any], local: Any) -> None:
        """Keep ``incoming`` aside for a person: one open SyncConflict, nothing applied."""
        assert self._spec is not None
        table = self._spec.name
        self.aside[table].add(incoming["uuid"])
        self.counts.conflicts += 1
        self.conn.execute(insert(SyncConflict).values(
            uuid=new_uuid(), batch_uuid=self.batch_uuid, table_name=table, row_uuid=incoming["uuid"], kind=kind,
            local_data=_to_json(local), incoming_data=_to_json(incoming), status="open"))

    def _write(self, spec: _TableSpec, new: list[Pair], changed: list[Pair]) -> None:
        if changed:
            if spec.sqlite:
                self.conn.exec_driver_sql(spec.update_sql, [spec.update_tuple(v) for _, v in changed])
            else:
                self.conn.execute(spec.update_core, [{f"b_{k}": v for k, v in zip(spec.keys, values, strict=True)}
                                                     for _, values in changed])
        if new:
            if spec.sqlite:
                self.conn.exec_driver_sql(spec.insert_sql, [values for _, values in new])
            else:
                self.conn.execute(insert(spec.table), [dict(zip(spec.keys, values, strict=True)) for _, values in new])
            self.merged[spec.name].update(values[spec.at["uuid"]] for _, values in new)
        self.counts.inserted += len(new)
        self.counts.updated += len(changed)
