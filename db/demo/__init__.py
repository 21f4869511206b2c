"""Realistic demo data in every registry (``uniondesk demo``), fast enough for a district of 100k members.

Everything is drawn from one ``random.Random(seed)``, so a seed always gives the same people, stations,
contests and files (only uuids and timestamps differ). The whole fill is one connection transaction: a
failure at any stage leaves no demo row behind.

Speed matters (100k members and all their related rows in a few seconds), hence the shape of the code:
columns are drawn whole with ``random.choices(..., k=n)`` over precomputed cumulative weights, dates are
day ordinals until the row is built, pinyin is computed once per distinct name, and rows go in through
:func:`db.bulk.bulk_insert` with one shared ``sync_seq``.

One module per registry (:mod:`~db.demo.people`, :mod:`~db.demo.stations`, :mod:`~db.demo.contests`,
:mod:`~db.demo.aid`), drawing from the value pools of :mod:`~db.demo.pools` and :mod:`~db.demo.work_pools`.
The stages run in a fixed order, since they share the random source: reordering them changes the data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections.abc import Iterator

from sqlalchemy import Connection, literal, select

from db.demo.aid import fill_aid
from db.demo.contests import fill_contests
from db.demo.context import Progress, open_context
from db.demo.people import fill_honours, fill_members
from db.demo.stations import fill_stations
from db.demo.users import DEMO_PASSWORD, DEMO_USERS, add_demo_users
from db.errors import ValidationError
from db.models import REGISTRY_MODELS
from db.store import Store

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "Progress", "fill_demo"]


def fill_demo(store: Store, members: int, seed: int = 1, progress: Progress | None = None, *,
              today: dt.date | None = None) -> dict[str, int]:
    """Fill the store with ``members`` demo members and related rows in every registry.

    Adds the demo users ``admin`` (管理员), ``clerk`` (录入员) and ``approver`` (审核人), password
    ``demo1234``, unless they exist. Returns the rows written per table. ``progress(stage, done, total)``
    is called at each stage and every 10,000 members; ``today`` (default: the real date) is for
    reproducible tests.
    """
    if members < 0:
        raise ValueError("members must not be negative")
    with store.engine.begin() as conn, _large_page_cache(conn):
        _require_empty(conn)
        ctx = open_context(conn, random.Random(seed), progress, today or dt.date.today())
        ctx.counts["users"] = add_demo_users(ctx)
        people = fill_members(ctx, members)
        fill_honours(ctx, people)
        fill_stations(ctx, max(20, members // 1000))
        fill_contests(ctx, people)
        fill_aid(ctx, people)
    return ctx.counts


@contextlib.contextmanager
def _large_page_cache(conn: Connection) -> Iterator[None]:
    """Give SQLite a 64 MiB page cache while filling, then restore the connection's own setting.

    The members table has ten indexes, most on random keys (name, pinyin, ID number, phone…); with the
    default 2 MiB cache their B-tree pages are evicted and re-read over and over: 100k members took 2.9 s
    to insert instead of 2.0 s.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    previous = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = {-64 * 1024}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(previous or -2000)}")


def _require_empty(conn: Connection) -> None:
    """Demo numbers (会员编号, 驿站编号, 证书编号…) start at 1: they would collide with existing records."""
    for model in REGISTRY_MODELS:
        if conn.execute(select(literal(1)).select_from(model.__table__).limit(1)).first():  # type: ignore[attr-defined]
            raise ValidationError("演示数据", "数据库中已有台账记录，演示数据只能填入空的台账")
