"""What the declared checks of incoming batch rows cost (db/sync/merge_checks.py), side by side in one process:
``TableSpec.convert`` of every member and member event of a demo database, with and without the checks.

Run on demand (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_batch_checks.py [--db PATH] [--members 100000] [--runs 5]

Without ``--db`` a demo database of ``--members`` members is built in a temporary folder first. Prints the
median of ``--runs`` for each, and the checks' own share per row.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import create_engine  # noqa: E402

from db import offices  # noqa: E402
from db.demo import fill_demo  # noqa: E402
from db.models import Member, MemberEvent  # noqa: E402
from db.store import Store  # noqa: E402
from db.sync.merge_rows import _MODELS, table_of  # noqa: E402
from db.sync.merge_values import TableSpec  # noqa: E402

CHUNK = 5000


def json_rows(db: Path, model: type) -> list[dict[str, Any]]:
    """The table's rows as a batch file carries them: dates as ISO text, booleans as booleans, keys sorted."""
    table = table_of(model)
    booleans = {c.key for c in table.columns if c.type.python_type is bool}
    with sqlite3.connect(db) as conn:
        cursor = conn.execute(f"SELECT {', '.join(table.columns.keys())} FROM {table.name} ORDER BY uuid")
        keys = [d[0] for d in cursor.description]
        rows = [dict(zip(keys, values, strict=True)) for values in cursor]
    for row in rows:
        for key in booleans:
            if row[key] is not None:
                row[key] = bool(row[key])
    return [dict(sorted(row.items())) for row in rows]


def measure(rows: list[dict[str, Any]], model: type, runs: int) -> tuple[float, float]:
    spec = TableSpec(table_of(model), create_engine("sqlite://").dialect, _MODELS)
    chunks = [rows[i:i + CHUNK] for i in range(0, len(rows), CHUNK)]
    checks = spec.checks.check

    def once(with_checks: bool) -> float:
        spec.checks.check = checks if with_checks else (lambda *_args: None)  # type: ignore[method-assign]
        start = time.perf_counter()
        for number, chunk in enumerate(chunks):
            spec.convert(chunk, number * CHUNK + 1, 1)
        return time.perf_counter() - start

    without, with_ = [], []
    for _ in range(runs):  # alternating, so that a busy moment of the machine falls on both
        without.append(once(False))
        with_.append(once(True))
    return statistics.median(without), statistics.median(with_)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = args.db
    if db is None:
        db = Path(tempfile.mkdtemp()) / "demo.sqlite"
        store = Store.open(db, create=True)
        offices.initialize(store, "110101006", "东四街道工会")
        fill_demo(store, args.members, seed=1)
        store.close()
    for model in (Member, MemberEvent):
        rows = json_rows(db, model)
        plain, checked = measure(rows, model, args.runs)
        share = (checked - plain) / len(rows) * 1e6
        print(f"{table_of(model).name}: {len(rows):,} rows — convert {plain:.3f} s, with the declared checks "
              f"{checked:.3f} s: the checks {checked - plain:.3f} s ({share:.2f} µs a row)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
