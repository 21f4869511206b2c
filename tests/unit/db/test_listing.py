"""The generic list of a registry (db/listing.py): every row once, in every sort order, forwards and back,
searched and filtered, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import update

from db import listing
from db.demo import fill_demo
from db.listing import ListFilter, ListSort
from db.models import Station
from db.registry import registries, registry
from db.store import Store

NAMES = [name for name, spec in registries().items() if spec.list_columns]


@pytest.fixture
def demo(store: Store) -> Store:
    fill_demo(store, 60, seed=5)
    with store.transaction() as session:  # a few empty values: NULLs sort first ascending, last descending
        session.execute(update(Station).where(Station.code.like("%1")).values(stars=None, manager=None))
    return store


def _walk(store: Store, name: str, flt: ListFilter, sort: ListSort, limit: int, backwards: bool = False) -> list[str]:
    spec = registry(name)
    seen: list[str] = []
    after = None
    with store.transaction() as session:
        while True:
            found = listing.page(session, spec, flt, sort, after, limit, backwards)
            seen += [r["uuid"] for r in found.rows]
            if found.next_cursor is None:
                return seen
            after = found.next_cursor


def _expected(store: Store, name: str, flt: ListFilter, sort: ListSort) -> list[str]:
    spec = registry(name)
    with store.transaction() as session:
        rows = listing.page_at(session, spec, flt, ListSort("uuid"), 0, 100_000)
    column = listing.sort_column(spec, sort)

    def key(row: dict[str, Any]) -> tuple[Any, ...]:
        value = row[column]
        return (value is not None, value if value is not None else 0, row["uuid"])

    ordered = sorted(rows, key=key)
    return [r["uuid"] for r in (reversed(ordered) if sort.descending else ordered)]


@pytest.mark.parametrize("name", NAMES)
def test_paging_returns_every_row_once_in_every_order(demo: Store, name: str) -> None:
    spec = registry(name)
    everything = ListFilter()
    with demo.transaction() as session:
        total = listing.count(session, spec, everything)
    assert total > 0
    for column in [c.attr for c in spec.list_columns if c.sortable and c.attr in spec.model.__table__.columns]:
        for descending in (False, True):
            sort = ListSort(column, descending)
            expected = _expected(demo, name, everything, sort)
            assert len(expected) == total
            assert _walk(demo, name, everything, sort, limit=7) == expected, (column, descending)
            assert _walk(demo, name, everything, sort.reversed(), limit=5, backwards=True) == expected


def test_search_filters_and_one_row(demo: Store) -> None:
    spec = registry("stations")
    with demo.transaction() as session:
        first = listing.page(session, spec, ListFilter(), ListSort())
        station = first.rows[0]
        found = listing.page(session, spec, ListFilter(text=station["code"]), ListSort()).rows
        assert [r["uuid"] for r in found] == [station["uuid"]]
        word = station["name"][:2]
        named = listing.page(session, spec, ListFilter(text=word), ListSort(), limit=1000).rows
        assert named and all(word in r["name"] or word in (r.get("address") or "") for r in named)
        assert listing.count(session, spec, ListFilter(text="查无此站 %_")) == 0
        running = ListFilter(equals=(("status", "running"),))
        assert all(r["status"] == "running" for r in listing.page(session, spec, running, ListSort(), limit=500).rows)
        assert listing.row(session, spec, station["uuid"])["code"] == station["code"]
        assert listing.row(session, spec, station["uuid"], ListFilter(text="查无此站")) is None
        assert "running" in listing.distinct_values(session, spec, "status")


def test_an_unsortable_column_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot sort"):
        listing.sort_column(registry("stations"), ListSort("latitude"))
