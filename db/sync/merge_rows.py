"""Merging the rows of one verified batch into this database's registry tables (design §5).

:class:`RowMerger` runs inside the import's one transaction. Per table, in :data:`REGISTRY_MODELS` order
(parents first), a chunk of rows at a time:

1. every row is checked against the table — exactly its columns, each value of the column's type (dates and
   date-times as ISO text, booleans as JSON booleans) — and converted back (:mod:`db.sync.merge_values`);
   anything else rejects the batch, and so does a uuid that appears twice in one table;
2. the stored ``rev`` of the chunk's uuids is read in one query: a row not stored is *new*; a row with a
   higher ``rev`` *replaces* the stored one whole; a row with a lower ``rev`` is *skipped* (stale); a row
   with the same ``rev`` is skipped if it equals the stored row in every column but ``sync_seq`` (replayed),
   and kept aside as ``same_rev`` otherwise (both sides changed the same version). Only for equal-rev rows
   are the stored rows read whole (one query per chunk), and compared as the database driver returns them
   with the parameters bound for them, so that dates, date-times and booleans compare alike on every backend;
3. rules that keep a row aside as a :class:`SyncConflict` for a person to settle, never applied:
   ``foreign_edit`` — the row (or the stored row it would replace) is owned by an office other than those
   the batch may write for (checked before ``same_rev``); ``same_rev`` — above; ``same_person`` — an active
   member whose ID number is held by another active, not deleted member of another office, unless a person
   settled a ``same_person`` conflict of the two as "keep both" (read only when such a holder is found);
   ``missing_parent`` — the row refers to a parent row that is neither stored nor in the batch (kept aside
   itself, or lost with a batch whose gap was accepted); ``cross_office`` — the table declares a rule of one
   open record per person across offices (:class:`db.registry.AcrossOffices`: a hardship file, 一人多档) and
   the row would give a person a second one beside another office's, unless a person settled that pair as
   "keep both". A conflict identical to one still open (same
   table, row, kind and incoming row: a batch imported again after a gap, or another batch carrying the
   same row) is counted and the row kept aside, but not recorded a second time;
4. new rows are inserted and replaced rows updated with executemany — on SQLite through the DBAPI cursor
   with parameters prepared as SQLAlchemy's SQLite types store them (as :mod:`db.bulk` does; Core costs
   half again per row), elsewhere through Core.

A table that is empty before the batch (a first import) has no stored rows to look up and, on a batch of one
owner, no holder of an ID number but the batch's own rows: step 2 and the ``same_person`` rule are skipped
for it, a chunk whose rows all have their parents and owner takes no per-row Python step at all, chunks are
small on SQLite (:data:`FRESH_CHUNK_ROWS`: no lookups to amortize, and the rows stay in the CPU cache from
decoding to binding), and from :data:`DEFERRED_INDEX_ROWS` rows on SQLite the table's secondary indexes are built after
its rows, inside the same transaction (:mod:`db.sync.merge_indexes`).

Merged rows keep their incoming ``uuid``, ``office_code``, ``rev``, ``updated_at``, ``updated_by`` and
``deleted``; only ``sync_seq`` is local: every row one import writes takes the one fresh value of the
database's write counter (design §3: every write bumps it). The import records that value in its
``SyncBatch.upto_sync_seq``, so an export can tell rows that merely arrived from a peer from rows changed
here, and need not echo them back (an echo would do no harm: an equal row of equal ``rev`` is skipped).

The members' trigram index: new members are indexed in one statement at the end of the table
(:func:`db.members.search.deferred_search_index`); replaced members go through the update trigger. Both are safe
in one block because a uuid may appear only once per table of a batch, so no row inserted in the block
is updated in it.
"""

from __future__ import annotations

import contextlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Table, insert, literal, select, type_coerce
from sqlalchemy.types import NullType

from db.ids import new_uuid
from db.members.search import deferred_search_index
from db.models import REGISTRY_MODELS, RegistryRow, SyncConflict
from db.sync.batchfile import BatchRejected
from db.sync.merge_indexes import deferred_indexes
from db.sync.merge_values import Columns, TableSpec, Values
from db.writes import jsonable

__all__ = ["CHUNK_ROWS", "CROSS_OFFICE", "FOREIGN_EDIT", "MISSING_PARENT", "SAME_PERSON", "SAME_REV", "MergeCounts",
           "RowMerger", "registry_table", "table_of"]

CHUNK_ROWS = 2000  # rows per lookup and executemany: well below every database's bound-parameter limit
# Rows per chunk on an empty SQLite table, which needs no lookups to amortize: a small chunk stays in the CPU
# cache from decoding to binding (the 225k-row benchmark batch: 2000 rows 9.4 s, 500 8.8 s, 100 7.6 s).
FRESH_CHUNK_ROWS = 100
DEFERRED_INDEX_ROWS = 2000  # from this many rows into an empty table, its indexes are built after them
FOREIGN_EDIT, SAME_PERSON, MISSING_PARENT, SAME_REV = "foreign_edit", "same_person", "missing_parent", "same_rev"
CROSS_OFFICE = "cross_office"  # a table's declared rule of one open record per person across offices
ACTIVE = "active"
OPEN, SETTLED, KEEP_BOTH = "open", "settled", "keep_both"  # SyncConflict status and settlement (db.sync.settle)


def table_of(model: type[RegistryRow]) -> Table:
    """The table of a registry model (typed: the mixin does not declare ``__table__``)."""
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


_MODELS = {table_of(model).name: model for model in REGISTRY_MODELS}


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


@dataclass(frozen=True)
class _Chunk:
    """Consecutive rows of one table of the batch: as the batch has them, and their parameters (see
    :meth:`TableSpec.convert`). Rules pass on the positions of the rows they keep."""

    rows: list[dict[str, Any]]
    values: list[Values]
    columns: Columns
    first: int  # the number of the first row in the table's file


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """(number of the first row, rows) for each chunk of ``size`` rows of ``rows``."""
    iterator, first = iter(rows), 1
    while chunk := list(islice(iterator, size)):
        yield first, chunk
        first += len(chunk)


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
        self._spec: TableSpec | None = None
        self._fresh = False
        self._across = False  # the table's rule across offices applies to this batch (merge_table decides)
        self._conflicts: list[dict[str, Any]] = []  # of the current chunk, recorded at its end

    def merge_table(self, model: type[RegistryRow], rows: Iterable[dict[str, Any]], *, count: int = 0) -> None:
        """Merge every row of one table of the batch (call in :data:`REGISTRY_MODELS` order).

        ``count``: the number of rows the batch says the table has (a hint: from :data:`DEFERRED_INDEX_ROWS`
        rows into an empty table, the table's indexes are built after the rows, see :mod:`db.sync.merge_indexes`).
        """
        spec = self._spec = TableSpec(table_of(model), self.conn.dialect, _MODELS)
        seen: set[str] = set()
        # An empty table (a first import) has no stored rows to look up, and no holder of an ID number but
        # this batch's rows: one owner's, unless it is a district's return batch.
        empty = self.conn.execute(select(literal(1)).select_from(spec.table).limit(1)).first() is None
        self._fresh = empty and len(self.owners) == 1
        # a rule across offices looks at its subject table (a household member at the files): only when that
        # holds another office's rows can a row of this batch break it
        rule = spec.checks.across
        self._across = rule is not None and self.conn.execute(
            select(literal(1)).select_from(subject := table_of(_MODELS[rule.subject]))
            .where(subject.c.office_code.not_in(sorted(self.owners))).limit(1)).first() is not None
        unreported = 0
        with contextlib.ExitStack() as indexing:
            if self._fresh and count >= DEFERRED_INDEX_ROWS:
                indexing.enter_context(deferred_indexes(self.conn, spec.name))
            if spec.name == "members":  # entered last, so left first: it reads the members by rowid only
                indexing.enter_context(deferred_search_index(self.conn))
            size = FRESH_CHUNK_ROWS if self._fresh and spec.sqlite else CHUNK_ROWS  # a server: fewer round trips
            for first, rows_ in _chunks(rows, size):
                values, columns = spec.convert(rows_, first, self.sync_seq)
                self._merge_chunk(spec, _Chunk(rows_, values, columns, first), seen)
                unreported += len(rows_)
                if unreported >= CHUNK_ROWS:
                    self._report(unreported)
                    unreported = 0
        self._report(unreported)

    def _report(self, rows: int) -> None:
        if rows and self.progress is not None:
            self.progress(rows)

    def _merge_chunk(self, spec: TableSpec, chunk: _Chunk, seen: set[str]) -> None:
        check_once(spec, chunk, seen)
        new, changed = self._owned(chunk) if self._fresh else self._by_rev(spec, chunk)
        new, changed = self._with_parents(spec, chunk, new), self._with_parents(spec, chunk, changed)
        if spec.name == "members" and not self._fresh:
            new, changed = self._distinct_people(spec, chunk, new), self._distinct_people(spec, chunk, changed)
        if self._across:
            new, changed = self._across_offices(spec, chunk, new), self._across_offices(spec, chunk, changed)
        if spec.checks.stored_rule is not None and (new or changed):
            self._check_stored(spec, chunk, sorted(new + changed))
        self._write(spec, chunk, new, changed)
        self._record_conflicts()

    def _check_stored(self, spec: TableSpec, chunk: _Chunk, kept: list[int]) -> None:
        """The table's declared rule against the stored rows (:attr:`db.registry.TableSpec.check_stored`)."""
        uuids = chunk.columns["uuid"]
        stored = {row["uuid"]: row for row in self._stored_rows(spec.table, [uuids[i] for i in kept])}
        spec.checks.check_stored(self.conn, [chunk.rows[i] for i in kept], [stored.get(uuids[i]) for i in kept],
                                 [chunk.first + i for i in kept])

    def _owned(self, chunk: _Chunk) -> tuple[list[int], list[int]]:
        """On an empty table: every row new, but those of an office the batch may not write for."""
        owners = chunk.columns["office_code"]
        if self.owners.issuperset(owners):
            return list(range(len(owners))), []
        new = []
        for i, owner in enumerate(owners):
            if owner in self.owners:
                new.append(i)
            else:
                self._conflict(FOREIGN_EDIT, chunk.rows[i], None)
        return new, []

    def _by_rev(self, spec: TableSpec, chunk: _Chunk) -> tuple[list[int], list[int]]:
        """(new rows, rows that replace stored ones); the others skipped or kept aside (steps 2 and 3)."""
        uuids, revs, owners = chunk.columns["uuid"], chunk.columns["rev"], chunk.columns["office_code"]
        stored = self._stored(spec.table, uuids)
        equal = [i for i, uuid in enumerate(uuids) if uuid in stored and stored[uuid][0] == revs[i]]
        replayed = self._unchanged(spec, chunk, equal) if equal else set()
        new: list[int] = []
        changed: list[int] = []
        aside: list[tuple[str, int]] = []
        for i, uuid in enumerate(uuids):
            rev_owner = stored.get(uuid)
            if rev_owner is not None and (revs[i] < rev_owner[0] or i in replayed):
                self.counts.skipped += 1
            elif owners[i] not in self.owners or (rev_owner is not None and rev_owner[1] not in self.owners):
                aside.append((FOREIGN_EDIT, i))
            elif rev_owner is not None and revs[i] == rev_owner[0]:
                aside.append((SAME_REV, i))
            else:
                (new if rev_owner is None else changed).append(i)
        if aside:
            local = self._stored_rows(spec.table, [uuids[i] for _, i in aside if uuids[i] in stored])
            by_uuid = {row["uuid"]: row for row in local}
            for kind, i in aside:
                self._conflict(kind, chunk.rows[i], [by_uuid[uuids[i]]] if uuids[i] in by_uuid else None)
        return new, changed

    def _unchanged(self, spec: TableSpec, chunk: _Chunk, equal: list[int]) -> set[int]:
        """The positions in ``equal`` whose row equals the stored row in every column but ``sync_seq``.

        The stored rows are read without SQLAlchemy's result processing, as the driver returns them: the
        representation the parameters were prepared in (ISO text for dates on SQLite, 0/1 for booleans, …).
        """
        table, uuids = spec.table, chunk.columns["uuid"]
        raw = select(*(type_coerce(column, NullType()) for column in table.columns))
        at_uuid = spec.at["uuid"]
        stored = {row[at_uuid]: spec.content(row)
                  for row in self.conn.execute(raw.where(table.c.uuid.in_([uuids[i] for i in equal])))}
        return {i for i in equal if stored.get(uuids[i]) == spec.content(chunk.values[i])}

    def _stored(self, table: Table, uuids: Sequence[str]) -> dict[str, tuple[int, str]]:
        found = self.conn.execute(select(table.c.uuid, table.c.rev, table.c.office_code)
                                  .where(table.c.uuid.in_(uuids)))
        return {uuid: (rev, owner) for uuid, rev, owner in found}

    def _stored_rows(self, table: Table, uuids: Iterable[str]) -> list[dict[str, Any]]:
        found = self.conn.execute(select(table).where(table.c.uuid.in_(sorted(set(uuids)))).order_by(table.c.uuid))
        return [dict(row) for row in found.mappings()]

    def _with_parents(self, spec: TableSpec, chunk: _Chunk, kept: list[int]) -> list[int]:
        """The rows whose parent rows exist (stored or merged by this batch); the others kept aside."""
        if not spec.parents or not kept:
            return kept
        every = len(kept) == len(chunk.rows)
        wanted: dict[str, set[str]] = defaultdict(set)
        for key, parent in spec.parents:
            column = chunk.columns[key]
            refs = set(column) if every else {column[i] for i in kept}
            refs.discard(None)
            wanted[parent] |= refs - self.merged[parent]
        absent = {parent: refs - set(self._stored(table_of(_MODELS[parent]), sorted(refs)))
                  for parent, refs in wanted.items() if refs}
        if not any(absent.values()):
            return kept
        refs_of = [(chunk.columns[key], absent.get(parent, set()), parent) for key, parent in spec.parents]
        with_parents = []
        for i in kept:
            missing = next(((parent, column[i]) for column, lost, parent in refs_of if column[i] in lost), None)
            if missing is None:
                with_parents.append(i)
                continue
            parent, ref = missing
            self._conflict(MISSING_PARENT, chunk.rows[i],
                           {"table": parent, "uuid": ref, "kept_aside": ref in self.aside[parent]})
        return with_parents

    def _distinct_people(self, spec: TableSpec, chunk: _Chunk, kept: list[int]) -> list[int]:
        """The members that are not active under another office already; the others kept aside."""
        columns = chunk.columns
        ids, uuids, owners = columns["id_number"], columns["uuid"], columns["office_code"]
        status, deleted = columns["status"], columns["deleted"]
        active = [i for i in kept if status[i] == ACTIVE and not deleted[i] and ids[i]]
        if not active:
            return kept
        table = spec.table
        holders: dict[str, list[tuple[str, str]]] = defaultdict(list)
        # Filtered here, not in SQL: given "status = 'active'" SQLite walks the status index instead.
        for uuid, owner, number, state, gone in self.conn.execute(
                select(table.c.uuid, table.c.office_code, table.c.id_number, table.c.status, table.c.deleted)
                .where(table.c.id_number.in_(sorted({ids[i] for i in active})))):
            if state == ACTIVE and not gone:
                holders[number].append((uuid, owner))
        others = {i: found for i in active
                  if (found := [uuid for uuid, owner in holders.get(ids[i], ())
                                if uuid != uuids[i] and owner != owners[i]])}
        if not others:
            return kept
        both = self._kept_both({uuids[i] for i in others} | {uuid for found in others.values() for uuid in found})
        for i, found in list(others.items()):
            unsettled = [uuid for uuid in found if frozenset((uuids[i], uuid)) not in both]
            if unsettled:
                self._conflict(SAME_PERSON, chunk.rows[i], self._stored_rows(table, unsettled))
            else:
                del others[i]
        return [i for i in kept if i not in others]

    def _across_offices(self, spec: TableSpec, chunk: _Chunk, kept: list[int]) -> list[int]:
        """The rows that give no person a second open record beside another office's (the table's declared
        rule); the others kept aside, each with the other offices' records it meets."""
        rule = spec.checks.across
        if rule is None or not kept:
            return kept
        found = rule.clashes(self.conn, [chunk.rows[i] for i in kept])
        clashing = {i: clash for i, clash in zip(kept, found, strict=True) if clash is not None}
        if not clashing:
            return kept
        both = self._kept_both_across()
        subject = table_of(_MODELS[rule.subject])
        for i, clash in list(clashing.items()):
            unsettled = [uuid for uuid in clash.others if frozenset((clash.subject, uuid)) not in both]
            if unsettled:
                self._conflict(CROSS_OFFICE, chunk.rows[i], {"subject": rule.subject, "incoming": clash.subject,
                                                            "who": clash.who,
                                                            "rows": self._stored_rows(subject, unsettled)})
            else:
                del clashing[i]
        return [i for i in kept if i not in clashing]

    def _kept_both_across(self) -> set[frozenset[str]]:
        """Pairs of records a person decided may both stay open ("keep both" of a cross_office conflict)."""
        pairs: set[frozenset[str]] = set()
        for local, resolution in self.conn.execute(
                select(SyncConflict.local_data, SyncConflict.resolution)
                .where(SyncConflict.kind == CROSS_OFFICE, SyncConflict.status == SETTLED)):
            side = _across_of(local)
            if _choice(resolution) == KEEP_BOTH and side is not None:
                pairs.update(frozenset((side["incoming"], row["uuid"])) for row in side["rows"])
        return pairs

    def _kept_both(self, uuids: set[str]) -> set[frozenset[str]]:
        """Pairs of members a person decided may both be active ("keep both" of a same_person conflict)."""
        pairs: set[frozenset[str]] = set()
        for row_uuid, local, resolution in self.conn.execute(
                select(SyncConflict.row_uuid, SyncConflict.local_data, SyncConflict.resolution)
                .where(SyncConflict.kind == SAME_PERSON, SyncConflict.status == SETTLED,
                       SyncConflict.table_name == "members", SyncConflict.row_uuid.in_(sorted(uuids)))):
            if _choice(resolution) == KEEP_BOTH:
                pairs.update(frozenset((row_uuid, row["uuid"])) for row in _rows_of(local))
        return pairs

    def _conflict(self, kind: str, incoming: dict[str, Any], local: Any) -> None:
        """Keep ``incoming`` aside for a person: one open SyncConflict (recorded at the chunk's end), nothing
        applied."""
        assert self._spec is not None
        table = self._spec.name
        self.aside[table].add(incoming["uuid"])
        self.counts.conflicts += 1
        self._conflicts.append({
            "uuid": new_uuid(), "batch_uuid": self.batch_uuid, "table_name": table, "row_uuid": incoming["uuid"],
            "kind": kind, "local_data": _to_json(local), "incoming_data": _to_json(incoming), "status": OPEN})

    def _record_conflicts(self) -> None:
        """Insert the chunk's conflicts but those identical to one still open."""
        if not self._conflicts:
            return
        conflicts, self._conflicts = self._conflicts, []
        same = (SyncConflict.table_name, SyncConflict.row_uuid, SyncConflict.kind, SyncConflict.incoming_data)
        known = {tuple(row) for row in self.conn.execute(select(*same).where(
            SyncConflict.status == OPEN, SyncConflict.row_uuid.in_(sorted({c["row_uuid"] for c in conflicts}))))}
        recorded = [c for c in conflicts
                    if (c["table_name"], c["row_uuid"], c["kind"], c["incoming_data"]) not in known]
        if recorded:
            self.conn.execute(insert(SyncConflict), recorded)

    def _write(self, spec: TableSpec, chunk: _Chunk, new: list[int], changed: list[int]) -> None:
        values, uuids = chunk.values, chunk.columns["uuid"]
        if changed:
            replacing = [values[i] for i in changed]
            if spec.sqlite:
                self.conn.exec_driver_sql(spec.update_sql, list(map(spec.update_tuple, replacing)))
            else:
                self.conn.execute(spec.update_core, [{f"b_{k}": v for k, v in zip(spec.keys, row, strict=True)}
                                                     for row in replacing])
        if new:
            every = len(new) == len(values)  # positions are ascending and distinct: all of them
            inserting = values if every else [values[i] for i in new]
            if spec.sqlite:
                self.conn.exec_driver_sql(spec.insert_sql, inserting)
            else:
                self.conn.execute(insert(spec.table), [dict(zip(spec.keys, row, strict=True)) for row in inserting])
            self.merged[spec.name].update(uuids if every else [uuids[i] for i in new])
        self.counts.inserted += len(new)
        self.counts.updated += len(changed)


def check_once(spec: TableSpec, chunk: _Chunk, seen: set[str]) -> None:
    """Reject the batch if a uuid of ``chunk`` appeared before in this table of it; add them to ``seen``."""
    uuids = chunk.columns["uuid"]
    distinct = set(uuids)
    if len(distinct) == len(uuids) and seen.isdisjoint(distinct):
        seen.update(distinct)
        return
    for number, uuid in enumerate(uuids, chunk.first):
        if uuid in seen:
            raise BatchRejected(f"{spec.name} 第 {number} 行：同一条记录在批次中出现了两次")
        seen.add(uuid)


def _choice(resolution: str | None) -> Any:
    try:
        settled = json.loads(resolution or "null")
    except ValueError:
        return None
    return settled.get("choice") if isinstance(settled, dict) else None


def _rows_of(local: str | None) -> list[dict[str, Any]]:
    try:
        rows = json.loads(local or "null")
    except ValueError:
        return []
    return [row for row in rows if isinstance(row, dict) and "uuid" in row] if isinstance(rows, list) else []


def _across_of(local: str | None) -> dict[str, Any] | None:
    """The local side of a cross_office conflict: the subject table, the incoming record, the others met."""
    try:
        side = json.loads(local or "null")
    except ValueError:
        return None
    if not isinstance(side, dict) or not isinstance(side.get("incoming"), str):
        return None
    return side | {"rows": _rows_of(json.dumps(side.get("rows")))}
