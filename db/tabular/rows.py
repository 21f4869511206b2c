"""The stored rows of a registry, a chunk at a time, as ``{field attr: stored value}`` — what an export writes.

Rows are read in uuid order by keyset (``uuid > :last``), never all at once, so a million members cost a
steady few megabytes. Derived columns (the contest of an entry, the member of a hardship file, a station's
services, a file's per-capita income) are filled in per chunk with one query each. For the member list the
rows are exactly what the 会员 tab shows: its filter and search, in its order.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Select, func, select
from sqlalchemy.orm import Session

from db import member_list
from db.auth import Actor
from db.errors import PermissionDenied
from db.member_list import MemberFilter, MemberSort
from db.models import (
    AidCase,
    Contest,
    Member,
    RegistryRow,
    Station,
    StationLog,
    StationService,
)
from db.store import Store
from db.tabular.fields import Field
from db.tabular.registries import Registry
from db.writes import append_audit

CHUNK = 2000
Row = dict[str, Any]

# Export-only second sheet of the stations: their service logs (台账).
STATION_LOG_FIELDS = (
    Field("station_code", "驿站编号"),
    Field("station_name", "驿站名称"),
    Field("period", "周期"),
    Field("on_date", "日期", "date"),
    Field("visits_total", "服务人次", "int"),
    Field("visits_courier", "快递员", "int"),
    Field("visits_rider", "外卖送餐员", "int"),
    Field("visits_sanitation", "环卫工人", "int"),
    Field("visits_driver", "网约车司机", "int"),
    Field("visits_other", "其他", "int"),
    Field("services_used", "使用服务"),
    Field("supplies_received", "物资领入"),
    Field("supplies_used", "物资使用"),
)
PERIOD_LABELS = {"day": "日", "month": "月"}


def count(session: Session, registry: Registry, member_filter: MemberFilter | None = None) -> int:
    """How many rows an export of ``registry`` (with the member list's filter) will write."""
    if registry.name == "members" and member_filter is not None and member_filter != MemberFilter():
        return member_list.count(session, member_filter)
    model = registry.model
    return int(session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False))) or 0)


def iter_rows(session: Session, registry: Registry, member_filter: MemberFilter | None = None,
              sort: MemberSort | None = None) -> Iterator[list[Row]]:
    """Chunks of rows of ``registry`` (not deleted), each row a dict of every field's stored value."""
    if registry.name == "members" and member_filter is not None and member_filter != MemberFilter():
        yield from _filtered_members(session, member_filter, sort or MemberSort())
        return
    columns = _plain_columns(registry)
    read = _read_sqlite if session.get_bind().dialect.name == "sqlite" else _read_core
    last = ""
    while True:
        rows = read(session, registry, columns, last)
        if not rows:
            return
        last = rows[-1]["uuid"]
        _DERIVED.get(registry.name, _nothing)(session, rows)
        yield rows


def _read_core(session: Session, registry: Registry, columns: list[Any], last: str) -> list[Row]:
    model = registry.model
    stmt: Select[Any] = (select(*columns).where(model.deleted.is_(False), model.uuid > last)
                         .order_by(model.uuid).limit(CHUNK))
    result = session.execute(stmt)
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]  # a third faster than .mappings()


def _read_sqlite(session: Session, registry: Registry, columns: list[Any], last: str) -> list[Row]:
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


def _fetch_sqlite(session: Session, registry: Registry, keys: list[str], last: str) -> Sequence[Any]:
    quoted = ", ".join(f'"{key}"' for key in keys)
    sql = (f'SELECT {quoted} FROM "{registry.table_name}" WHERE deleted = 0 AND uuid > ? '
           f"ORDER BY uuid LIMIT {CHUNK}")
    return session.connection().exec_driver_sql(sql, (last,)).all()


Columns = dict[str, Sequence[Any]]


def iter_columns(session: Session, registry: Registry, member_filter: MemberFilter | None = None,
                 sort: MemberSort | None = None) -> Iterator[Columns]:
    """The chunks of :func:`iter_rows` column by column (``{attr: values}``): what an export writes.

    A plain registry (no derived columns, no filter) on SQLite never builds row dicts: the cursor's rows are
    transposed in C and only the date and boolean columns are converted — a fifth of an export's own time.
    """
    filtered = registry.name == "members" and member_filter is not None and member_filter != MemberFilter()
    if filtered or registry.name in _DERIVED or session.get_bind().dialect.name != "sqlite":
        yield from rows_to_columns(iter_rows(session, registry, member_filter, sort),
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


def _plain_columns(registry: Registry) -> list[Any]:
    table = registry.model.__table__  # type: ignore[attr-defined]
    names = [f.attr for f in registry.fields if f.attr in table.columns]
    names += [key for key in _EXTRA.get(registry.name, ()) if key not in names]
    return [table.columns[name] for name in names]


# Stored columns the derived columns are computed from.
_EXTRA = {"entries": ("contest_uuid", "member_uuid"), "aid-cases": ("member_uuid",), "aid-payments": ("case_uuid",)}


def fetch(session: Session, registry: Registry, condition: Any) -> list[Row]:
    """The stored rows (not deleted) of ``registry`` matching ``condition``, with ``rev`` and ``office_code``
    and the derived columns: what an import compares a sheet row with."""
    model = registry.model
    columns = _plain_columns(registry) + [model.rev, model.office_code]
    found = [dict(row) for row in session.execute(
        select(*columns).where(model.deleted.is_(False), condition)).mappings()]
    if found:
        _DERIVED.get(registry.name, _nothing)(session, found)
    return found


def _filtered_members(session: Session, flt: MemberFilter, sort: MemberSort) -> Iterator[list[Row]]:
    columns = _plain_columns(_members())
    after = None
    while True:
        page = member_list.page(session, flt, sort, after, limit=CHUNK)
        uuids = [r.uuid for r in page.rows]
        if uuids:
            found = {row["uuid"]: dict(row) for row in session.execute(
                select(*columns).where(Member.uuid.in_(uuids))).mappings()}
            yield [found[u] for u in uuids if u in found]
        if page.next_cursor is None:
            return
        after = page.next_cursor


def _members() -> Registry:
    from db.tabular.registries import MEMBERS

    return MEMBERS


def _nothing(_session: Session, _rows: list[Row]) -> None:
    return None


def in_chunks(session: Session, stmt_for: Callable[[list[Any]], Any], values: Sequence[Any]) -> list[Any]:
    """The rows of ``stmt_for(part)`` over the distinct ``values`` in parts of 500: a bound IN list stays
    far below the database's parameter limits however many rows a sheet or a batch names."""
    unique = sorted(set(values), key=repr)
    out: list[Any] = []
    for start in range(0, len(unique), IN_CHUNK):
        out.extend(session.execute(stmt_for(unique[start:start + IN_CHUNK])).all())
    return out


IN_CHUNK = 500


def _lookup(session: Session, model: type[RegistryRow], uuids: Sequence[str], *columns: Any) -> dict[str, Any]:
    found = in_chunks(session, lambda part: select(model.uuid, *columns).where(model.uuid.in_(part)),
                      [u for u in uuids if u])
    return {row[0]: row[1:] for row in found}


def _stations(session: Session, rows: list[Row]) -> None:
    services: dict[str, list[str]] = defaultdict(list)
    uuids = [r["uuid"] for r in rows]
    stmt = (select(StationService.station_uuid, StationService.name)
            .where(StationService.station_uuid.in_(uuids), StationService.deleted.is_(False))
            .order_by(StationService.station_uuid, StationService.uuid))
    for station_uuid, name in session.execute(stmt):
        services[station_uuid].append(name)
    for row in rows:
        row["services"] = "、".join(services[row["uuid"]]) or None


def _entries(session: Session, rows: list[Row]) -> None:
    contests = _lookup(session, Contest, [r["contest_uuid"] for r in rows], Contest.name, Contest.starts_on)
    for row in rows:
        row["contest_name"], row["contest_starts_on"] = contests.get(row["contest_uuid"], (None, None))


def _aid_cases(session: Session, rows: list[Row]) -> None:
    members = _lookup(session, Member, [r["member_uuid"] for r in rows], Member.name, Member.id_number)
    for row in rows:
        row["member_name"], row["member_id_number"] = members.get(row["member_uuid"], (None, None))
        size, income = row.get("household_size") or 1, row.get("household_income_fen") or 0
        # a size or income that came as text (a batch from elsewhere) has no per-capita income
        numbers = isinstance(size, int) and isinstance(income, int)
        row["per_capita_fen"] = income // (12 * max(size, 1)) if numbers else None


def _aid_payments(session: Session, rows: list[Row]) -> None:
    cases = _lookup(session, AidCase, [r["case_uuid"] for r in rows], AidCase.case_no, AidCase.member_uuid)
    names = _lookup(session, Member, [m for _, m in cases.values()], Member.name)
    for row in rows:
        case_no, member_uuid = cases.get(row["case_uuid"], (None, None))
        row["case_no"] = case_no
        row["member_name"] = names.get(member_uuid, (None,))[0]


_DERIVED: dict[str, Callable[[Session, list[Row]], None]] = {
    "stations": _stations, "entries": _entries, "aid-cases": _aid_cases, "aid-payments": _aid_payments,
}


def iter_station_logs(session: Session) -> Iterator[list[Row]]:
    """Chunks of the service logs of all stations (not deleted), in station code and date order."""
    stmt = (select(Station.code.label("station_code"), Station.name.label("station_name"),
                   *(getattr(StationLog, f.attr) for f in STATION_LOG_FIELDS[2:]))
            .join(Station, Station.uuid == StationLog.station_uuid)
            .where(StationLog.deleted.is_(False), Station.deleted.is_(False))
            .order_by(Station.code, StationLog.on_date, StationLog.uuid))
    chunk: list[Row] = []
    for row in session.execute(stmt).mappings():
        item = dict(row)
        item["period"] = PERIOD_LABELS.get(item["period"], item["period"])
        chunk.append(item)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk



def check_full_values(actor: Actor, full: bool) -> None:
    """Full ID, phone and bank numbers only for the roles that may see them (design §7)."""
    if full and not actor.can("sensitive.full"):
        raise PermissionDenied("您的角色不能导出完整的证件号码、电话和银行卡号，请导出打码的版本。")


def record_export(store: Store, actor: Actor, registry: Registry, rows: int, *, full: bool, file_name: str,
                  what: str = "export_xlsx") -> None:
    """Write an export to the audit trail: who took which rows out of the database, masked or not."""
    # Every role may export (masked unless allowed); the audit trail says who did.
    with store.transaction(actor, action=what) as session:
        append_audit(session.connection(), actor.username, [(what, registry.table_name, None, {
            "registry": registry.name, "rows": rows, "full_values": full, "file": file_name})])
