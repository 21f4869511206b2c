"""A fresh table's secondary indexes built once after a large merge, not row by row (SQLite only).

Inserting 100k members into their empty table while SQLite keeps 23 secondary indexes costs about 3.7 s;
inserting them without those indexes and then building each index in one sorted pass costs about 2.0 s
(tests/benchmarks/bench_sync.py). :func:`deferred_indexes` does that for the import's merge of one table.

Why it is safe:

* everything happens inside the import's one transaction, and SQLite's schema changes are transactional: a
  batch that is rejected half-way, an error, or a power cut before the commit leaves the indexes exactly as
  they were (tests/unit/db/sync/test_merge.py checks it); other connections never see the table without its
  indexes (they read the last committed schema);
* each index is re-created from the very ``CREATE INDEX`` text SQLite keeps in ``sqlite_master`` (name,
  columns, expressions, partial ``WHERE``), so the schema after the import is the schema before it;
* only plain secondary indexes are deferred: unique ones and those of PRIMARY KEY / UNIQUE constraints
  (``sql IS NULL``) stay, so a duplicate is refused at the row that brings it, as without deferring; foreign
  keys are checked through the parent's primary key, which stays too;
* the merge uses it only on a table that was empty before the batch: nothing reads the table through a
  secondary index meanwhile (the merge's lookups go by uuid), and building an index costs no more than the
  rows the batch brought.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy import Connection

__all__ = ["deferred_indexes"]


@contextlib.contextmanager
def deferred_indexes(conn: Connection, table: str) -> Iterator[None]:
    """Around a bulk insert into ``table``: its plain secondary indexes dropped, then re-created at the end.

    Call inside the caller's transaction; does nothing on another database than SQLite.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    if not conn.in_transaction():
        raise RuntimeError("deferred_indexes needs the caller's transaction")
    indexes = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
        "AND upper(sql) NOT LIKE 'CREATE UNIQUE %' ORDER BY name", (table,)).all()
    quote = conn.dialect.identifier_preparer.quote
    for name, _ in indexes:
        conn.exec_driver_sql(f"DROP INDEX {quote(name)}")
    try:
        yield
    finally:  # also on failure, like db.members.search.deferred_search_index: the rollback then restores them anyway
        for _, sql in indexes:
            conn.exec_driver_sql(sql)
