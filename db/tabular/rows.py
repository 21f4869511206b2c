"""The stored rows of a registry, a chunk at a time, as ``{field attr: stored value}`` — what an export writes.

Rows are read in uuid order by keyset (``uuid > :last``), never all at once, so a million members cost a
steady few megabytes. Derived columns (the contest of an entry, the member of a hardship file, …) are filled
in per chunk by the registry's hooks (:meth:`TabularHooks.derive`), one query each. An export of "the list
as shown" passes the list's filter as ``view`` and the registry's hooks read exactly what the list shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Select, func, select
from sqlalchemy.orm import Session

from db.auth import Actor
from db.errors import PermissionDenied
from db.models import RegistryRow
from db.registry import RegistrySpec
from db.store import Store
from db.writes import append_audit

CHUNK = 2000
Row = dict[str, Any]


def count(session: Session, registry: RegistrySpec, view: Any = None) -> int:
    """How many rows an export of ``registry`` (with its list's filter ``view``) will write."""
    counted = registry.hooks().view_count(session, view) if view is not None else None
    if counted is not None:
        return counted
    model = registry.model
    return int(session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False))) or 0)


def iter_rows(session: Session, registry: RegistrySpec, view: Any = None, sort: Any = None) -> Iterator[list[Row]]:
    """Chunks of rows of ``registry`` (not deleted), each row a dict of every field's stored value."""
    columns = _plain_columns(registry)
    hooks = registry.hooks()
    shown = hooks.view_rows(session, view, sort, columns, CHUNK) if view is not None else None
    if shown is not None:
        yield from shown
        return
    read = _read_sqlite if session.get_bind().dialect.name == "sqlite" else _read_core
    last = ""
    while True:
        rows = read(session, registry, columns, last)
        if not rows:
            return
        last = rows[-1]["uuid"]
        hooks.derive(session, rows)
        yield rows


def _read_core(session: Session, registry: RegistrySpec, columns: list[Any], last: str) -> list[Row]:
    model = registry.model
    stmt: Select[Any] = (select(*columns).where(model.deleted.is_(False), model.uuid > last)
                         .order_by(model.uuid).limit(CHUNK))
    result = session.execute(stmt)
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]  # a third faster than .mappings()


def _read_sqlite(session: Session, registry: RegistrySpec, columns: list[Any], last: str) -> list[Row]:
    """The same rows as :func:`_read_core`, through the DBAPI cursor: SQLAlchemy's result processing (a
    date parsed per cell in Python) is half the cost of reading a chunk. Dates are converted here with
    ``date.fromisoformat`` (C), booleans with ``bool`` — the values SQLAlchemy would have given."""
    keys = [c.key for c in columns]
    converters = _sqlite_converters(columns)
    rows = []
    for values in _fetch_sqlite(session, registry, keys, last):
        row = dict(zip(keys, values, strict=True))
        for key, convert in converters:
            value = row[key]
            if value is not None:
                row[key] = convert(value)
        rows.append(row)
    return rows


def _fetch_sqlite(session: Session, registry: RegistrySpec, keys: list[str], last: str) -> Sequence[Any]:
    quoted = ", ".join(f'"{key}"' for key in keys)
    sql = (f'SELECT {quoted} FROM "{registry.table_name}" WHERE deleted = 0 AND uuid > ? '
           f"ORDER BY uuid LIMIT {CHUNK}")
    return session.connection().exec_driver_sql(sql, (last,)).all()


Columns = dict[str, Sequence[Any]]


def iter_columns(session: Session, registry: RegistrySpec, view: Any = None, sort: Any = None) -> Iterator[Columns]:
    """The chunks of :func:`iter_rows` column by column (``{attr: values}``): what an export writes.

    A plain registry (no derived columns, no filter) on SQLite never builds row dicts: the cursor's rows are
    transposed in C and only the date and boolean columns are converted — a fifth of an export's own time.
    """
    hooks = registry.hooks()
    filtered = view is not None and hooks.view_count(session, view) is not None
    if filtered or hooks.derives or session.get_bind().dialect.name != "sqlite":
        yield from rows_to_columns(iter_rows(session, registry, view, sort),
                                   [f.attr for f in registry.fields])
        return
    columns = _plain_columns(registry)
    keys = [c.key for c in columns]
    converters = dict(_sqlite_converters(columns))
    last = ""
    while fetched := _fetch_sqlite(session, registry, keys, last):
        chunk: Columns = {}
        for key, values in zip(keys, zip(*fetched, strict=True), strict=True):
            convert = converters.get(key)
            chunk[key] = values if convert is None else [None if v is None else convert(v) for v in values]
        last = chunk["uuid"][-1]
        yield chunk


def rows_to_columns(chunks: Iterable[list[Row]], attrs: Sequence[str]) -> Iterator[Columns]:
    """Chunks of row dicts as chunks of columns."""
    for rows in chunks:
        yield {attr: [row.get(attr) for row in rows] for attr in attrs}


def _sqlite_converters(columns: list[Any]) -> list[tuple[str, Callable[[Any], Any]]]:
    converters: list[tuple[str, Callable[[Any], Any]]] = []
    for column in columns:
        if isinstance(column.type, Boolean):
            converters.append((column.key, bool))
        elif isinstance(column.type, DateTime):
            converters.append((column.key, dt.datetime.fromisoformat))
        elif isinstance(column.type, Date):
            converters.append((column.key, dt.date.fromisoformat))
    return converters


def _plain_columns(registry: RegistrySpec) -> list[Any]:
    table = registry.model.__table__  # type: ignore[attr-defined]
    names = [f.attr for f in registry.fields if f.attr in table.columns]
    names += [key for key in registry.hooks().extra_columns if key not in names]
    return [table.columns[name] for name in names]


def fetch(session: Session, registry: RegistrySpec, condition: Any) -> list[Row]:
    """The stored rows (not deleted) of ``registry`` matching ``condition``, with ``rev`` and ``office_code``
    and the derived columns: what an import compares a sheet row with."""
    model = registry.model
    columns = _plain_columns(registry) + [model.rev, model.office_code]
    found = [dict(row) for row in session.execute(
        select(*columns).where(model.deleted.is_(False), condition)).mappings()]
    if found:
        registry.hooks().derive(session, found)
    return found


Cursor = Any
PageOfUuids = Callable[[Cursor | None], tuple[list[str], Cursor | None]]


def rows_by_pages(session: Session, registry: RegistrySpec, columns: list[Any],
                  page: PageOfUuids) -> Iterator[list[Row]]:
    """The rows of a list as shown, a page at a time in its order: ``page(after)`` gives a page's uuids and
    the cursor after it (None at the end); each page's rows are read whole by uuid, derived columns filled."""
    model = registry.model
    after: Cursor | None = None
    while True:
        uuids, after = page(after)
        if uuids:
            found = {row["uuid"]: dict(row) for row in session.execute(
                select(*columns).where(model.uuid.in_(uuids))).mappings()}
            rows = [found[u] for u in uuids if u in found]
            registry.hooks().derive(session, rows)
            yield rows
        if after is None:
            return


def in_chunks(session: Session, stmt_for: Callable[[list[Any]], Any], values: Sequence[Any]) -> list[Any]:
    """The rows of ``stmt_for(part)`` over the distinct ``values`` in parts of 500: a bound IN list stays
    far below the database's parameter limits however many rows a sheet or a batch names."""
    unique = sorted(set(values), key=repr)
    out: list[Any] = []
    for start in range(0, len(unique), IN_CHUNK):
        out.extend(session.execute(stmt_for(unique[start:start + IN_CHUNK])).all())
    return out


IN_CHUNK = 500


def lookup(session: Session, model: type[RegistryRow], uuids: Sequence[str], *columns: Any) -> dict[str, Any]:
    """``{uuid: (columns…)}`` of the rows of ``model`` with the given uuids (for derived columns)."""
    found = in_chunks(session, lambda part: select(model.uuid, *columns).where(model.uuid.in_(part)),
                      [u for u in uuids if u])
    return {row[0]: row[1:] for row in found}


def check_full_values(actor: Actor, full: bool) -> None:
    """Full ID, phone and bank numbers only for the roles that may see them (design §7)."""
    if full and not actor.can("sensitive.full"):
        raise PermissionDenied("您的角色不能导出完整的证件号码、电话和银行卡号，请导出打码的版本。")


def record_export(store: Store, actor: Actor, registry: RegistrySpec, rows: int, *, full: bool, file_name: str,
                  what: str = "export_xlsx") -> None:
    """Write an export to the audit trail: who took which rows out of the database, masked or not."""
    # Every role may export (masked unless allowed); the audit trail says who did.
    with store.transaction(actor, action=what) as session:
        append_audit(session.connection(), actor.username, [(what, registry.table_name, None, {
            "registry": registry.name, "rows": rows, "full_values": full, "file": file_name})])
