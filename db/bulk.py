"""The bulk insert path of the service layer: many new registry rows of one table in one statement.

The ORM's write hook (:mod:`db.writes`) stamps and audits row by row, which is right for a clerk's edit and
far too slow for an Excel roster, a batch import or the demo data. :func:`bulk_insert` does the same stamping
for a whole list at once — uuid, office_code, rev, updated_at, updated_by, deleted, sync_seq — and writes
one audit entry for the call instead of one per row.

Why two paths. SQLAlchemy Core's ``conn.execute(insert(table), rows)`` adds more than half again to
SQLite's own time per row: for every row it builds the parameter set in Python and runs each Date,
DateTime and Boolean value through a bind processor. Measured on 100k realistic members (35 columns, ten
indexes; tests/benchmarks/bench_ingest.py), Core reached 0.64x the rows/s of a raw
``sqlite3.executemany`` even with the rows already stamped, and less once the stamping is added;
the path below reaches 0.80x, stamping and audit included.
On SQLite we therefore prepare the parameter tuples ourselves — dates as ISO text (exactly what
SQLAlchemy's SQLite ``DATE`` stores), date-times through the dialect's own processor, booleans as they are
(``sqlite3`` binds ``True`` as 1) — and hand them to the DBAPI cursor's ``executemany`` through
``conn.exec_driver_sql``, which keeps the engine's events and the caller's transaction. Every other
dialect (PostgreSQL with psycopg 3) goes through Core: there the driver adapts dates and booleans
itself and its pipelined ``executemany`` dominates the cost, so a private path would buy little.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Connection, Date, Table, insert
from sqlalchemy.engine import Dialect

from db.auth import Actor
from db.ids import uuid_batch
from db.members.search import deferred_search_index
from db.models import RegistryRow
from db.writes import append_audit, next_sync_seq, utcnow

__all__ = ["CHUNK_ROWS", "bulk_insert"]

# Rows per executemany: large enough that the statement overhead vanishes, small enough that the prepared
# tuples of one chunk stay a few megabytes.
CHUNK_ROWS = 10_000

Converter = Callable[[Any], Any]


def bulk_insert(conn: Connection, model: type[RegistryRow], rows: list[dict[str, Any]], actor: Actor, *,
                sync_seq: int | None = None, audit_action: str = "bulk_create") -> int:
    """Insert ``rows`` (column name → value) as new rows of ``model``; return how many were inserted.

    Stamps every row: ``uuid`` (a fresh increasing UUIDv7 unless the row has one), ``office_code``
    (the actor's office unless the row names one), ``rev`` = 1, ``updated_at`` = now (UTC),
    ``updated_by`` = the actor, ``deleted`` = False and ``sync_seq`` (the given one, so that several calls
    of one transaction share it, or a freshly bumped one). Columns a row leaves out take the model's scalar
    default, else NULL. Appends one audit entry ``(audit_action, table, None, {"rows": n})``.
    Runs inside the caller's transaction: nothing is committed here.
    """
    if not rows:
        return 0
    table: Table = model.__table__  # type: ignore[attr-defined]
    _check_columns(table, rows)
    seq = next_sync_seq(conn) if sync_seq is None else sync_seq
    now = utcnow()
    base = _column_defaults(table)
    base["office_code"] = actor.office_code
    stamps = {"rev": 1, "updated_at": now, "updated_by": actor.username, "deleted": False, "sync_seq": seq}
    uuids = uuid_batch(len(rows))
    if conn.dialect.name == "sqlite":
        # the members' trigram index: filled once after the rows, not by its trigger row by row
        with deferred_search_index(conn) if table.name == "members" else contextlib.nullcontext():
            _insert_sqlite(conn, table, rows, base, stamps, uuids)
    else:
        _insert_core(conn, table, rows, base, stamps, uuids)
    append_audit(conn, actor.username, [(audit_action, table.name, None, {"rows": len(rows)})], at=now)
    return len(rows)


def _check_columns(table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Refuse keys that are not columns: Core would drop them silently in an executemany."""
    unknown = set().union(*rows) - set(table.columns.keys())
    if unknown:
        raise ValueError(f"{table.name} has no column(s) {sorted(unknown)}")


def _column_defaults(table: Table) -> dict[str, Any]:
    """Every column → its scalar Python default, or None (callable defaults such as uuid are ours)."""
    defaults: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        is_scalar = default is not None and default.is_scalar
        defaults[column.key] = default.arg if is_scalar else None  # type: ignore[union-attr]
    return defaults


def _chunks(count: int) -> Iterator[slice]:
    for start in range(0, count, CHUNK_ROWS):
        yield slice(start, min(start + CHUNK_ROWS, count))


def _stamped(rows: list[dict[str, Any]], part: slice, base: dict[str, Any], stamps: dict[str, Any],
             uuids: list[str]) -> Iterator[dict[str, Any]]:
    """The rows of one chunk as complete dicts: defaults < generated uuid < the row's values < stamps."""
    for row, uuid in zip(rows[part], uuids[part], strict=True):
        yield {**base, "uuid": uuid, **row, **stamps}


def _insert_core(conn: Connection, table: Table, rows: list[dict[str, Any]], base: dict[str, Any],
                 stamps: dict[str, Any], uuids: list[str]) -> None:
    statement = insert(table)
    for part in _chunks(len(rows)):
        conn.execute(statement, list(_stamped(rows, part, base, stamps, uuids)))


def _insert_sqlite(conn: Connection, table: Table, rows: list[dict[str, Any]], base: dict[str, Any],
                   stamps: dict[str, Any], uuids: list[str]) -> None:
    dialect = conn.dialect
    keys = list(table.columns.keys())
    quote = dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(k) for k in keys)}) "
           f"VALUES ({', '.join('?' * len(keys))})")
    converters = _sqlite_converters(table, dialect)
    # Stamps are the same for every row: convert them once instead of per row.
    stamps = {key: _convert_one(converters, key, value) for key, value in stamps.items()}
    converters = [(key, fn) for key, fn in converters if key not in stamps]
    as_tuple = itemgetter(*keys)
    for part in _chunks(len(rows)):
        params = []
        for values in _stamped(rows, part, base, stamps, uuids):
            for key, fn in converters:
                value = values[key]
                if value is not None:
                    values[key] = fn(value)
            params.append(as_tuple(values))
        conn.exec_driver_sql(sql, params)


def _convert_one(converters: list[tuple[str, Converter]], key: str, value: Any) -> Any:
    for name, fn in converters:
        if name == key and value is not None:
            return fn(value)
    return value


def _sqlite_converters(table: Table, dialect: Dialect) -> list[tuple[str, Converter]]:
    """(column, function) for the columns whose Python values sqlite3 cannot bind as SQLAlchemy would."""
    converters: list[tuple[str, Converter]] = []
    for column in table.columns:
        if isinstance(column.type, Boolean):
            continue  # sqlite3 binds bool as the integer 1/0, as SQLAlchemy does
        processor = column.type.dialect_impl(dialect).bind_processor(dialect)
        if processor is None:
            continue
        if isinstance(column.type, Date):
            converters.append((column.key, _date_text(processor)))
        else:
            converters.append((column.key, processor))
    return converters


def _date_text(fallback: Converter) -> Converter:
    """``date.isoformat`` (C, and the same text SQLAlchemy's SQLite DATE writes) with the dialect's own
    processor for anything else, so that a wrong type still fails the way SQLAlchemy fails."""
    date_type = dt.date

    def convert(value: Any) -> Any:
        return value.isoformat() if type(value) is date_type else fallback(value)

    return convert
