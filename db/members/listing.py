"""The member list of the 会员 tab: filtered, searched, sorted, read a page at a time (design §3, STYLE §1).

The table model never loads the whole registry. It asks for:

* :func:`page` — up to ``limit`` :class:`MemberRow` s after a :data:`Cursor` (``None``: from the start),
  in the order of a :class:`MemberSort`, and the cursor of the page's last row (``None`` at the end).
  ``backwards=True`` reads the rows before the cursor, nearest first (from the end when ``None``): the
  view can jump to the end and scroll back without reading what lies between.
* :func:`page_at` — the rows at an offset, for a jump into the middle (scroll bar). Unfiltered it counts
  through the sort index alone; filtered it reads every row before the offset.
* :func:`count` — how many members match; :func:`row` — one row again after an edit (``None`` if it no
  longer matches); :func:`base_unions` — the values of the 所属基层工会 filter.

A :class:`MemberFilter` is the search text (:mod:`db.members.search` says what it means) and four filters, all
combined with AND. Deleted members never appear.

Keyset paging: a page is ``WHERE (sort_value, uuid) > (:v, :u) ORDER BY sort_value, uuid LIMIT n`` (row
values, on SQLite and PostgreSQL alike; ``<`` and DESC for a descending sort), over the ``(column, uuid)``
index of every sortable column, so page 5000 costs what page 1 costs. NULLs (birth date, phone, employer,
base union) come first in ascending order and last in descending order on both backends: the NULL rows are
read as a segment of their own, ordered by uuid, so that every query stays an index range.

How a page is found when something is filtered (SQLite; PostgreSQL plans by its own statistics). Each
condition — a search term or a filter — can test a row (``scan``) and most can find their rows through
an index (``seek``); first the matches of each are counted up to :data:`SELECTIVE`:

* if one matches fewer, it *drives*: its rows are read through its own index, tested against the rest
  and sorted (a few thousand rows at most: milliseconds);
* otherwise the list *walks* the sort index from the cursor and tests each row: many rows match, so a page
  fills quickly. If :data:`WINDOW` rows pass without filling the page (the matches lie elsewhere in the
  sort order — sorting by employer while searching an employer, say), the rest of the page is found by
  driving after all. A condition can name a range of the sort column its rows lie in (``hints``: the
  office's rows in member-number order, a pinyin search's first letter in name order); the walk reads
  only that range.

Counts: without a filter, the table's row count less the deleted rows (a partial index lists them);
with one condition, its index (or the trigram index) alone, less its deleted matches; with several, the
rows of the smallest, each tested.

Measured at a million members (tests/benchmarks/bench_member_list.py, a district of demo data): a first or
next page anywhere, in any order, 1-3 ms; a search keystroke (pinyin, ID number or its tail, phone, member
number, 2 or 3+ characters) 1-30 ms; a count 1-40 ms. The dearest cases: searching an employer while
sorted by employer, or a single Chinese character sorted by name, 100-250 ms; several broad filters
together, ~120 ms a page and a count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, true, tuple_
from sqlalchemy.orm import Session

from db import reference
from db.members import search
from db.members.search import Condition, column_in, unindexed
from db.models import Member
from db.store import Store

PAGE_SIZE = 200
NEW_FORMS = "新就业形态"  # the employment-form filter value meaning any of the new forms
SORT_COLUMNS = ("member_no", "name", "gender", "birth_date", "id_number", "phone", "employer",
                "employment_form", "joined_on", "status", "base_union", "office_code", "updated_at")
# About sqrt(rows × page) at a million members: there, driving 15,000 rows costs what walking 15,000 costs
SELECTIVE = 15_000  # a condition with fewer matches drives the query (module docstring)
WINDOW = 30_000  # rows a walk reads before it gives up filling a page that way

_SORT_KEYS: dict[str, Any] = {column: getattr(Member, column) for column in SORT_COLUMNS}
_SORT_KEYS["name"] = Member.name_pinyin  # names sort by their pinyin (then by uuid)
_NULLABLE = frozenset({"birth_date", "phone", "employer", "base_union"})
_FEW_TIES = frozenset({"member_no", "name", "birth_date", "id_number", "phone", "joined_on", "updated_at"})

Cursor = tuple[Any, str]
"""(sort value, uuid) of a row: where the next page starts."""


@dataclass(frozen=True)
class MemberFilter:
    """What the list shows: the search text and the filters (``None``: any). ``full_ids``: ID numbers (and
    phone beginnings) may be found by any part (:mod:`db.members.search`; off in the window, whose lists are
    masked for every role); not part of the filter's identity."""

    text: str = ""
    status: str | None = None  # active | transferred_out | left | deceased
    employment_form: str | None = None  # a label of "employment_form", or NEW_FORMS
    base_union: str | None = None
    office_code: str | None = None  # district mode: one sub-district
    full_ids: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class MemberSort:
    """The order of the list: one of SORT_COLUMNS, then uuid."""

    column: str = "member_no"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.column not in SORT_COLUMNS:
            raise ValueError(f"cannot sort members by {self.column!r}; one of {SORT_COLUMNS}")

    def reversed(self) -> MemberSort:
        return MemberSort(self.column, not self.descending)


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One line of the member list: the list's columns, and what identifies and orders it."""

    uuid: str
    name: str
    name_pinyin: str
    gender: str
    birth_date: dt.date | None
    id_number: str
    phone: str | None
    member_no: str
    employer: str | None
    employment_form: str
    joined_on: dt.date
    status: str
    base_union: str | None
    office_code: str
    updated_at: dt.datetime
    rev: int


@dataclass(frozen=True)
class Page:
    """Rows of the list and the cursor after the last of them (``None``: there are no more)."""

    rows: list[MemberRow]
    next_cursor: Cursor | None


_ROW_COLUMNS = [getattr(Member, f.name) for f in fields(MemberRow)]


def row_columns() -> list[Any]:
    """The columns a :class:`MemberRow` is built from, in its field order."""
    return list(_ROW_COLUMNS)


def cursor_of(row: MemberRow, sort: MemberSort) -> Cursor:
    return (row.name_pinyin if sort.column == "name" else getattr(row, sort.column)), row.uuid


# --- pages ----------------------------------------------------------------------------------------


def page(session: Session, flt: MemberFilter, sort: MemberSort, after: Cursor | None = None,
         limit: int = PAGE_SIZE, *, backwards: bool = False) -> Page:
    """Up to ``limit`` rows after ``after`` in ``sort`` order (before it, nearest first, if ``backwards``)."""
    if backwards:
        sort = sort.reversed()
    plan = _plan(session, flt)
    rows = plan.fetch(sort, after, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, cursor_of(rows[-1], sort) if more else None)


def page_at(session: Session, flt: MemberFilter, sort: MemberSort, offset: int,
            limit: int = PAGE_SIZE) -> list[MemberRow]:
    """The rows at ``offset`` in ``sort`` order. Without a filter it counts through the sort index alone
    (some milliseconds per 100,000 rows); with one, it reads every row before ``offset``."""
    plan = _plan(session, flt)
    if offset > 0 and plan.mode == "scan":  # SQLite, no filter
        before = _cursor_at(session, sort, offset - 1)
        return plan.fetch(sort, before, limit) if before is not None else []
    key = _SORT_KEYS[sort.column]
    natural = plan.mode == "natural"
    order = [key, Member.uuid] if plan.mode != "drive" else [unindexed(key, "sqlite"), unindexed(Member.uuid, "sqlite")]
    order = [o.desc() if sort.descending else o.asc() for o in order]
    if natural and sort.column in _NULLABLE:  # SQLite's own order already has NULLs first / last
        order[0] = order[0].nulls_last() if sort.descending else order[0].nulls_first()
    stmt = plan.select().order_by(*order).offset(offset).limit(limit)
    return [MemberRow(*r) for r in session.execute(stmt)]


def _cursor_at(session: Session, sort: MemberSort, position: int) -> Cursor | None:
    """The cursor of the visible row at ``position`` (SQLite, no filter): the entry at an offset of the
    sort index (NULLs first ascending, last descending, as the pages), moved on past the deleted rows."""
    key, uuid = _SORT_KEYS[sort.column], Member.uuid
    order = [key.desc(), uuid.desc()] if sort.descending else [key, uuid]

    def rank(entry: Any) -> tuple[Any, ...]:
        return (entry[0] is not None, entry[0] if entry[0] is not None else 0, entry[1])

    deleted = sorted(session.execute(select(key, uuid).where(Member.deleted == true())).all(), key=rank,
                     reverse=sort.descending)
    deleted_uuids = {entry[1] for entry in deleted}
    index = position
    for _ in range(len(deleted) + 2):
        entry = session.execute(select(key, uuid).order_by(*order).offset(index).limit(1)).first()
        if entry is None:
            return None
        skipped = sum(1 for d in deleted if (rank(d) >= rank(entry) if sort.descending else rank(d) <= rank(entry)))
        if index - skipped == position and entry[1] not in deleted_uuids:
            return entry[0], entry[1]
        index = position + skipped
    raise AssertionError("the deleted rows were counted wrong")  # pragma: no cover


def row(session: Session, uuid: str, flt: MemberFilter | None = None) -> MemberRow | None:
    """The list row of one member, or None if deleted (or, given a filter, no longer matching it)."""
    conditions = _conditions(session, flt) if flt is not None else []
    stmt = select(*_ROW_COLUMNS).where(Member.uuid == uuid, Member.deleted.is_(False),
                                       *(c.scan for c in conditions))
    found = session.execute(stmt).first()
    return MemberRow(*found) if found else None


def base_unions(session: Session, office_code: str | None = None) -> list[str]:
    """The base-level unions (所属基层工会) of the members (of one office), for the filter."""
    if office_code is not None:
        stmt = (select(Member.base_union).distinct()
                .where(Member.office_code == office_code, Member.deleted.is_(False),
                       Member.base_union.is_not(None))
                .order_by(Member.base_union))
        return list(session.scalars(stmt))
    return search.distinct_values(session, "base_union")


# --- counts ---------------------------------------------------------------------------------------


def count(session: Session, flt: MemberFilter, *, cap: int | None = None) -> int:
    """How many members match ``flt``; with ``cap``, at most ``cap`` (show "cap+" when it is reached).

    Without a filter, or with one search term or one filter, the count reads an index (or the trigram
    index) and subtracts the deleted matches, which a partial index lists: well under 100 ms at a
    million members. Several conditions that each match many rows read every row of the smallest.
    """
    plan = _plan(session, flt)
    if plan.mode != "natural" and cap is None and not plan.conditions:
        return int(session.scalar(select(func.count()).select_from(Member)) or 0) - _deleted(session, [])
    if plan.mode != "natural" and cap is None and len(plan.conditions) == 1:
        probe = plan.conditions[0].probe
        if probe is not None:
            matching = session.scalar(select(func.count()).select_from(probe.subquery()))
            return int(matching or 0) - _deleted(session, plan.conditions)
    if plan.mode == "walk" and cap is None:
        plan = plan.smallest_driver(session, upto=None)
    stmt = plan.select()
    if cap is not None:
        stmt = stmt.limit(cap)
    return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)


def _deleted(session: Session, conditions: Sequence[Condition]) -> int:
    # "deleted = 1" written as in the partial index ix_members_deleted, so that SQLite uses it
    stmt = select(func.count()).select_from(Member).where(Member.deleted == true(), *(c.scan for c in conditions))
    return int(session.scalar(stmt) or 0)


# --- planning -------------------------------------------------------------------------------------


def _conditions(session: Session, flt: MemberFilter) -> list[Condition]:
    dialect = session.get_bind().dialect.name
    conditions = [search.condition(session, term, full_ids=flt.full_ids) for term in search.parse(flt.text)]
    if flt.status is not None:
        conditions.append(column_in(Member.status, [flt.status], dialect))
    if flt.employment_form is not None:
        forms = reference.values("new_employment_forms") if flt.employment_form == NEW_FORMS \
            else [flt.employment_form]
        conditions.append(column_in(Member.employment_form, forms, dialect))
    if flt.base_union is not None:
        conditions.append(column_in(Member.base_union, [flt.base_union], dialect))
    if flt.office_code is not None:
        office = column_in(Member.office_code, [flt.office_code], dialect)
        # an office's members in member-number order: the unique (office_code, member_no) index
        conditions.append(replace(office, hints={"member_no": Member.office_code == flt.office_code}))
    return conditions


def _plan(session: Session, flt: MemberFilter) -> _Plan:
    conditions = _conditions(session, flt)
    if session.get_bind().dialect.name != "sqlite":
        return _Plan(session, conditions, "natural")
    best, fewest = None, SELECTIVE
    for cond in conditions:
        estimate = cond.estimate_query()
        if estimate is not None:
            found = _count_upto(session, estimate, fewest)
            if found < fewest:
                best, fewest = cond, found
    if best is not None:
        return _Plan(session, conditions, "drive", best)
    return _Plan(session, conditions, "walk" if conditions else "scan")


def _count_upto(session: Session, probe: Select[Any], cap: int | None) -> int:
    limited = probe.limit(cap) if cap is not None else probe
    return int(session.scalar(select(func.count()).select_from(limited.subquery())) or 0)


@dataclass(frozen=True)
class _Segment:
    """A part of the sort order that one index range reads: the NULL rows, or the rows with a value."""

    where: list[ColumnElement[bool]]
    order: list[Any]  # (key, uuid) or (uuid,), each ascending or descending
    # for finding a walk's end: the keys to bound it by, and ``where`` loosened to them (index-only)
    bound_keys: list[Any]
    loose: list[ColumnElement[bool]]


def _segments(sort: MemberSort, after: Cursor | None, indexed: bool) -> list[_Segment]:
    """The segments of the sort order after ``after``: at most two, NULLs first when ascending."""
    def plain(expr: Any) -> Any:
        return expr if indexed else unindexed(expr, "sqlite")

    key, uuid, desc = plain(_SORT_KEYS[sort.column]), plain(Member.uuid), sort.descending
    by_value = sort.column in _FEW_TIES  # a bound on the value alone stays index-only (see _Plan._walk)
    nulls = _Segment([key.is_(None)], [uuid.desc() if desc else uuid], [uuid], [key.is_(None)])
    not_null = [key.is_not(None)] if sort.column in _NULLABLE else []
    values = _Segment(not_null, [key.desc(), uuid.desc()] if desc else [key, uuid],
                      [key] if by_value else [key, uuid], not_null)
    if sort.column not in _NULLABLE:
        parts = [values]
    else:
        parts = [values, nulls] if desc else [nulls, values]
    if after is None:
        return parts
    value, last = after
    if value is None:  # inside the NULL segment
        cmp = uuid < last if desc else uuid > last
        rest = [replace(nulls, where=[*nulls.where, cmp], loose=[*nulls.loose, cmp])]
        return rest if desc else [*rest, values]
    row_value, cursor = tuple_(key, uuid), tuple_(value, last)  # row values: both backends
    cmp = row_value < cursor if desc else row_value > cursor
    loose = (key <= value if desc else key >= value) if by_value else cmp
    rest = [replace(values, where=[*values.where, cmp], loose=[*values.loose, loose])]
    return [*rest, nulls] if desc and sort.column in _NULLABLE else rest


@dataclass(frozen=True)
class _Plan:
    """The conditions of one filter on one database, and how their rows are found (module docstring)."""

    session: Session
    conditions: list[Condition]
    mode: str  # natural (PostgreSQL) | drive | walk | scan (walk without a bound)
    driver: Condition | None = None

    def select(self, *extra: ColumnElement[bool]) -> Select[Any]:
        if self.mode == "natural":
            tests = [c.seek if c.seek is not None else c.scan for c in self.conditions]
        else:
            tests = [c.seek if c is self.driver and c.seek is not None else c.scan for c in self.conditions]
        return select(*_ROW_COLUMNS).where(Member.deleted.is_(False), *tests, *extra)

    def hints(self, sort: MemberSort) -> list[ColumnElement[bool]]:
        return [c.hints[sort.column] for c in self.conditions if sort.column in c.hints]

    def fetch(self, sort: MemberSort, after: Cursor | None, n: int) -> list[MemberRow]:
        rows: list[MemberRow] = []
        hints = self.hints(sort) if self.mode == "scan" else []
        for segment in _segments(sort, after, indexed=self.mode != "drive"):
            if self.mode == "walk":
                got, complete = self._walk(sort, segment, n - len(rows))
                rows += got
                if not complete:  # the matches lie elsewhere in the sort order: drive the rest
                    resume = cursor_of(rows[-1], sort) if rows else after
                    return rows + self.smallest_driver(self.session).fetch(sort, resume, n - len(rows))
            else:
                stmt = self.select(*segment.where, *hints).order_by(*segment.order)
                rows += [MemberRow(*r) for r in self.session.execute(stmt.limit(n - len(rows)))]
            if len(rows) >= n:
                break
        return rows

    def _walk(self, sort: MemberSort, segment: _Segment, n: int) -> tuple[list[MemberRow], bool]:
        """Rows of the segment from a walk of about WINDOW index entries; complete unless cut short.

        The walk's end is found first by an index-only query; for sort columns with few ties it is
        bounded by the value alone, so that a hint's index (office_code, member_no) serves it as well.
        """
        hints = self.hints(sort)
        bound = self.session.execute(select(*segment.bound_keys).where(*segment.loose, *hints)
                                     .order_by(*(k.desc() if sort.descending else k for k in segment.bound_keys))
                                     .offset(WINDOW).limit(1)).first()
        where = [*segment.where, *hints]
        if bound is not None:
            walked, end = tuple_(*segment.bound_keys), tuple_(*bound)
            where.append(walked >= end if sort.descending else walked <= end)
        stmt = self.select(*where).order_by(*segment.order).limit(n)
        rows = [MemberRow(*r) for r in self.session.execute(stmt)]
        return rows, len(rows) == n or bound is None

    def smallest_driver(self, session: Session, upto: int | None = 10 * SELECTIVE) -> _Plan:
        """The plan driven by the condition with the fewest matches (counted up to ``upto``, or exactly),
        or an unbounded walk when none can be driven."""
        probes = [(_count_upto(session, query, upto), i) for i, c in enumerate(self.conditions)
                  if (query := c.probe if upto is None else c.estimate_query()) is not None]
        if not probes:
            return _Plan(session, self.conditions, "scan")
        return _Plan(session, self.conditions, "drive", self.conditions[min(probes)[1]])



# --- the same, each in a transaction of its own: what the member tab calls (views open no transactions) ----

def read_count(store: Store, flt: MemberFilter) -> int:
    with store.transaction() as session:
        return count(session, flt)


def read_page(store: Store, flt: MemberFilter, sort: MemberSort, after: Cursor | None = None, limit: int = PAGE_SIZE,
              backwards: bool = False) -> list[MemberRow]:
    with store.transaction() as session:
        return page(session, flt, sort, after=after, limit=limit, backwards=backwards).rows


def read_page_at(store: Store, flt: MemberFilter, sort: MemberSort, offset: int, limit: int) -> list[MemberRow]:
    with store.transaction() as session:
        return list(page_at(session, flt, sort, offset, limit))


def read_row(store: Store, uuid: str, flt: MemberFilter) -> MemberRow | None:
    with store.transaction() as session:
        return row(session, uuid, flt)


def read_base_unions(store: Store) -> list[str]:
    with store.transaction() as session:
        return base_unions(session)
