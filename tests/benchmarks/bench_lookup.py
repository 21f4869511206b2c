"""Member lookups at scale: by ID number and by pinyin-initials prefix (first page of 200 rows).

Target (issue 2): ≤ 5 ms each at 1,000,000 members. Run on demand:

    .venv/bin/python tests/benchmarks/bench_lookup.py --members 1000000 [--db /tmp/bench-1m.sqlite]

The database is built once with ``uniondesk demo`` data and reused when the file exists.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, literal_column, select

from db import offices, search
from db.demo import fill_demo
from db.models import Member
from db.store import Store


def build(path: Path, members: int) -> Store:
    if path.exists():
        return Store.open(path)
    store = Store.open(path, create=True)
    offices.initialize(store, "110101006", "东四街道工会")
    started = time.perf_counter()
    fill_demo(store, members=members, seed=7)
    print(f"built {members:,} members in {time.perf_counter() - started:.1f} s")
    return store


def timed(label: str, probes: list[str], lookup: Callable[[str], int]) -> None:
    times, rows = [], 0
    for probe in probes:
        started = time.perf_counter()
        rows += lookup(probe)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95)]
    print(f"{label:<28} n={len(times):>5}  median {statistics.median(times):6.2f} ms  p95 {p95:6.2f} ms  "
          f"max {times[-1]:6.2f} ms  rows/lookup {rows / len(times):6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--probes", type=int, default=1000)
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/uniondesk-bench-{args.members}.sqlite")
    store = build(path, args.members)
    rng = random.Random(3)
    with store.transaction() as session:
        total = session.scalar(select(func.count()).select_from(Member))
        rowids = [rng.randrange(1, total) for _ in range(args.probes)]
        sample = session.execute(select(Member.id_number, Member.name_initials)
                                 .where(literal_column("rowid").in_(rowids))).all()
        print(f"database {path} with {total:,} members; {len(sample)} probes")
        ids = [row.id_number for row in sample]
        prefixes = [row.name_initials[: rng.choice((1, 2, 3))] for row in sample]
        # warm the page cache the way a clerk's first search would, then measure
        search.by_initials_prefix(session, "z")
        timed("by ID number", ids, lambda n: len(search.by_id_number(session, n)))
        timed("by initials prefix (200)", prefixes, lambda p: len(search.by_initials_prefix(session, p)))
    store.close()


if __name__ == "__main__":
    main()
