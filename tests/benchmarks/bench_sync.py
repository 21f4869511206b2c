"""Batch sync at scale: a full, sealed, signed export of a sub-district of 100,000 members.

Targets: the export takes at most 5 s; peak memory at most 300 MB. Run on demand (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_sync.py export [--members 100000] [--db PATH] [--runs 3]

The database (demo data, one sub-district, the district's public key trusted) is built once with
``fill_demo`` and reused while the file exists. Every export runs in a fresh child process with its own data
folder (keys, outbox), so that runs do not see each other's batches; its time covers everything the clerk
waits for — reading the rows, encoding, compressing, sealing, signing, the outbox, the record and the audit
entry. Peak memory is the child's peak resident set (interpreter and SQLAlchemy included): ``VmHWM`` of
/proc/self/status on Linux — not ``ru_maxrss``, which Linux carries over from the forking parent — else
``ru_maxrss``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from any folder

from db import offices  # noqa: E402
from db.auth import ADMIN, CLERK, Actor  # noqa: E402
from db.demo import fill_demo  # noqa: E402
from db.store import Store  # noqa: E402
from db.sync import keys  # noqa: E402
from db.sync.export import export_batch  # noqa: E402
from tests.benchmarks.measure import peak_rss_mb  # noqa: E402

OFFICE, DISTRICT = "110101006", "110101"
ADMIN_ACTOR = Actor("bench", "基准", frozenset({ADMIN}), OFFICE)
CLERK_ACTOR = Actor("bench-clerk", "基准录入员", frozenset({CLERK}), OFFICE)
TIME_TARGET_S = 5.0
MEMORY_TARGET_MB = 300


def build(path: Path, members: int) -> None:
    """The demo database, with the district's key trusted (its key files beside the database)."""
    if path.exists():
        return
    store = Store.open(path, create=True)
    try:
        offices.initialize(store, OFFICE, "东四街道工会")
        started = time.perf_counter()
        fill_demo(store, members=members, seed=7)
        print(f"built {members:,} members in {time.perf_counter() - started:.1f} s: {path}")
        district = keys.load_or_create(DISTRICT, path.parent / f"{path.stem}-keys")
        public = path.parent / f"{path.stem}-{DISTRICT}.pub.json"
        keys.export_public(district, "东城区总工会", public)
        keys.trust(store, ADMIN_ACTOR, public, DISTRICT)
    finally:
        store.close()


def child(db: Path) -> None:
    """One full export in this fresh process; prints its time, rows, batch size and peak memory."""
    store = Store.open(db)
    try:
        started = time.perf_counter()
        result = export_batch(store, CLERK_ACTOR, full=True)
        seconds = time.perf_counter() - started
    finally:
        store.close()
    assert result.sealed
    print(f"{seconds} {result.rows} {result.path.stat().st_size} {peak_rss_mb()}")


def measure(db: Path) -> tuple[float, int, int, float]:
    """Export from a copy of the database (each run starts the chain afresh) in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="bench-sync-run-") as run:
        copy = Path(run) / "db.sqlite"
        shutil.copyfile(db, copy)
        env = {**os.environ, "UNIONDESK_HOME": str(Path(run) / "home")}
        env.pop("UNIONDESK_DB", None)
        result = subprocess.run([sys.executable, __file__, "export", "--db", str(copy), "--child"],
                                capture_output=True, text=True, check=True, env=env)
    seconds, rows, size, peak = result.stdout.split()[-4:]
    return float(seconds), int(rows), int(size), float(peak)


def bench_export(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        db = args.db or Path(tmp) / "bench.sqlite"
        build(db, args.members)
        times, peaks = [], []
        for run in range(1, args.runs + 1):
            seconds, rows, size, peak = measure(db)
            times.append(seconds)
            peaks.append(peak)
            print(f"run {run}: full sealed export of {rows:,} rows in {seconds:5.2f} s, "
                  f"{size / 2**20:.1f} MB file, peak memory {peak:.0f} MB")
    median, peak = statistics.median(times), max(peaks)
    print(f"median {median:.2f} s ({'ok' if median <= TIME_TARGET_S else 'OVER'} {TIME_TARGET_S} s); "
          f"peak memory {peak:.0f} MB ({'ok' if peak <= MEMORY_TARGET_MB else 'OVER'} {MEMORY_TARGET_MB} MB)")
    return 0 if median <= TIME_TARGET_S and peak <= MEMORY_TARGET_MB else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="full sealed export: time and peak memory")
    export.add_argument("--members", type=int, default=100_000)
    export.add_argument("--db", type=Path, help="demo database to build or reuse")
    export.add_argument("--runs", type=int, default=3)
    export.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.db)
        return 0
    return bench_export(args)


if __name__ == "__main__":
    sys.exit(main())
