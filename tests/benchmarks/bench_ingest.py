"""Ingest benchmark: the demo fill, and bulk_insert against raw sqlite3, on fresh databases.

Run on demand (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_ingest.py --members 100000

(a) ``fill_demo`` for N members on a fresh database: the whole fill and each stage (timed between the
    progress reports), with rows per table and rows/s. Target: 100k members in at most 10 s.
(b) One set of member rows (taken from a demo database) inserted into fresh databases made by the real
    init and migration path (so the same table and indexes) with raw ``sqlite3.executemany`` on prepared
    tuples, with ``bulk_insert`` from Python values (dates, booleans), and with plain SQLAlchemy Core for
    reference; runs alternate so that machine noise hits every path alike. Target: bulk/raw ≥ 0.6.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from any folder

from sqlalchemy import Boolean, Date, insert  # noqa: E402

from db.auth import system_actor  # noqa: E402
from db.bulk import bulk_insert  # noqa: E402
from db.demo import fill_demo  # noqa: E402
from db.ids import uuid_batch  # noqa: E402
from db.models import Member  # noqa: E402
from db.offices import initialize  # noqa: E402
from db.store import Store  # noqa: E402
from db.writes import utcnow  # noqa: E402

DISTRICT = ("110101", "东城区总工会", "district")
SUBDISTRICT = ("110101006", "东四街道工会", "subdistrict")
STAMPS = ("uuid", "rev", "updated_at", "updated_by", "deleted", "sync_seq")


def fresh_store(folder: Path, name: str, level: str) -> Store:
    path = folder / f"{name}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = Store.open(path, create=True)
    code, office_name, office_level = DISTRICT if level == "district" else SUBDISTRICT
    initialize(store, code, office_name, office_level)
    return store


# --- (a) the demo fill -----------------------------------------------------------------------------


class StageClock:
    """Progress callback that timestamps the first report of every stage."""

    def __init__(self) -> None:
        self.start = self.last = time.perf_counter()
        self.marks: list[tuple[str, float, int]] = []  # (stage, started, total)

    def __call__(self, stage: str, _done: int, total: int) -> None:
        self.last = time.perf_counter()
        if not self.marks or self.marks[-1][0] != stage:
            self.marks.append((stage, self.last, total))

    def stages(self) -> list[tuple[str, float, int]]:
        """(stage, seconds, rows): a stage lasts until the next one starts, the last one until its end."""
        ends = [t for _, t, _ in self.marks[1:]] + [self.last]
        return [(stage, end - begun, total)
                for (stage, begun, total), end in zip(self.marks, ends, strict=True)]


def bench_demo(folder: Path, members: int, seed: int, level: str) -> Path:
    store = fresh_store(folder, "demo", level)
    clock = StageClock()
    counts = fill_demo(store, members, seed, clock)
    total = time.perf_counter() - clock.start
    store.close()
    rows = sum(counts.values())
    print(f"\n(a) fill_demo: {members:,} members, seed {seed}, {level} database")
    print(f"{'stage':<22}{'seconds':>9}{'rows':>10}{'rows/s':>11}")
    print(f"{pad('开始 (users, checks)', 22)}{clock.marks[0][1] - clock.start:>9.2f}")
    for stage, seconds, count in clock.stages():
        rate = f"{count / seconds:>11,.0f}" if stage.startswith("写入") and seconds > 0 else ""
        print(f"{pad(stage, 22)}{seconds:>9.2f}{count:>10,}{rate}")
    print(f"{pad('提交 (commit)', 22)}{clock.start + total - clock.last:>9.2f}")
    print(f"{pad('合计 (total)', 22)}{total:>9.2f}{rows:>10,}{rows / total:>11,.0f}")
    print("rows per table: " + ", ".join(f"{table} {n:,}" for table, n in counts.items()))
    verdict = "OK" if total <= 10 or members != 100_000 else "OVER the 10 s target"
    print(f"target ≤ 10 s for 100k members: {verdict}")
    return store.path or folder


def pad(text: str, width: int) -> str:
    """Left-justify for a terminal, counting a CJK character as two columns."""
    return text + " " * max(0, width - sum(2 if ord(c) > 0x2E80 else 1 for c in text))


# --- (b) bulk_insert against raw executemany ---------------------------------------------------------


def harvest_members(source: Path, limit: int) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Member rows as stored (ISO dates, 0/1 booleans): the tuples raw executemany gets."""
    conn = sqlite3.connect(source)
    cursor = conn.execute(f"SELECT * FROM members ORDER BY rowid LIMIT {limit}")
    keys = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    conn.close()
    return keys, rows


def as_python_values(keys: list[str], rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """The same rows as a service would hand them to bulk_insert: dates and booleans, no stamps."""
    columns = Member.__table__.columns
    dates = {k for k in keys if isinstance(columns[k].type, Date)}
    flags = {k for k in keys if isinstance(columns[k].type, Boolean)}
    out = []
    for row in rows:
        values = dict(zip(keys, row, strict=True))
        for key in dates:
            values[key] = dt.date.fromisoformat(values[key]) if values[key] else None
        for key in flags:
            values[key] = bool(values[key])
        out.append({k: v for k, v in values.items() if k not in STAMPS})
    return out


def run_raw(folder: Path, level: str, keys: list[str], rows: list[tuple[Any, ...]]) -> float:
    fresh_store(folder, "raw", level).close()
    conn = sqlite3.connect(folder / "raw.sqlite", isolation_level=None)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=5000", "synchronous=NORMAL"):
        conn.execute(f"PRAGMA {pragma}")
    sql = f"INSERT INTO members ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})"
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(sql, rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def run_bulk(folder: Path, level: str, rows: list[dict[str, Any]]) -> float:
    store = fresh_store(folder, "bulk", level)
    actor = system_actor(DISTRICT[0] if level == "district" else SUBDISTRICT[0], "bench")
    started = time.perf_counter()
    with store.engine.begin() as conn:
        bulk_insert(conn, Member, rows, actor)
    elapsed = time.perf_counter() - started
    store.close()
    return elapsed


def run_core(folder: Path, level: str, rows: list[dict[str, Any]]) -> float:
    """Plain Core executemany on complete, already stamped dicts: Core's best case, for reference."""
    store = fresh_store(folder, "core", level)
    now = utcnow()
    full = [{**row, "uuid": uuid, "rev": 1, "updated_at": now, "updated_by": "bench", "deleted": False,
             "sync_seq": 1} for row, uuid in zip(rows, uuid_batch(len(rows)), strict=True)]
    started = time.perf_counter()
    with store.engine.begin() as conn:
        conn.execute(insert(Member), full)
    elapsed = time.perf_counter() - started
    store.close()
    return elapsed


def bench_compare(folder: Path, source: Path, count: int, repeat: int, level: str) -> None:
    keys, tuples = harvest_members(source, count)
    dicts = as_python_values(keys, tuples)
    runs: dict[str, Callable[[], float]] = {
        "raw sqlite3.executemany": lambda: run_raw(folder, level, keys, tuples),
        "bulk_insert": lambda: run_bulk(folder, level, dicts),
        "Core insert (reference)": lambda: run_core(folder, level, dicts),
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):  # alternate, so that a noisy neighbour slows every path alike
        for name, run in runs.items():
            times[name].append(run())
    n = len(tuples)
    print(f"\n(b) members insert, {n:,} rows into a fresh database (same schema and indexes), {repeat} runs")
    print(f"{'path':<26}{'runs (s)':<24}{'median':>8}{'rows/s':>10}{'vs raw':>8}")
    raw = statistics.median(times["raw sqlite3.executemany"])
    for name, measured in times.items():
        median = statistics.median(measured)
        runs_text = " ".join(f"{t:.2f}" for t in measured)
        print(f"{name:<26}{runs_text:<24}{median:>8.2f}{n / median:>10,.0f}{raw / median:>8.2f}")
    ratio = raw / statistics.median(times["bulk_insert"])
    print(f"bulk/raw rows/s ratio: {ratio:.2f} (target ≥ 0.6: {'OK' if ratio >= 0.6 else 'MISSED'})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=100_000, help="members of the demo fill")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--level", choices=("district", "subdistrict"), default="district")
    parser.add_argument("--compare-rows", type=int, default=100_000, help="member rows of part (b)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path, help="where the databases go (default: a temporary folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="uniondesk-bench-") as temp:
        folder = args.workdir or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        source = bench_demo(folder, args.members, args.seed, args.level)
        if args.members < args.compare_rows:  # part (b) needs enough realistic rows
            source = folder / "source.sqlite"
            store = fresh_store(folder, "source", args.level)
            fill_demo(store, args.compare_rows, args.seed)
            store.close()
        bench_compare(folder, source, args.compare_rows, args.repeat, args.level)


if __name__ == "__main__":
    main()
