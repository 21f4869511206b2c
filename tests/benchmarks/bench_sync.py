"""Batch sync at scale: a full, sealed, signed batch of a sub-district of 100,000 members, exported and imported.

Run on demand (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_sync.py export [--members 100000] [--db PATH] [--runs 3]
    .venv/bin/python tests/benchmarks/bench_sync.py import [--members 100000] [--db PATH] [--runs 3]

The database (demo data, one sub-district, the district's public key trusted) is built once with
``fill_demo`` and reused while the file exists. Peak memory is the child's peak resident set (interpreter and
SQLAlchemy included): ``VmHWM`` of /proc/self/status on Linux — not ``ru_maxrss``, which Linux carries over
from the forking parent — else ``ru_maxrss``.

``export`` — targets: at most 5 s, at most 300 MB. Every export runs in a fresh child process with its own
data folder (keys, outbox), so that runs do not see each other's batches; its time covers everything the
clerk waits for — reading the rows, encoding, compressing, sealing, signing, the outbox, the record and the
audit entry.

``import`` — targets: at most 8 s, at least 0.5× the rows/s of raw ``sqlite3.executemany``, a duplicate
re-import at most 1 s, at most 300 MB. Prepared once beside the database (folder ``<db stem>-import``, reused
while its batch exists): one full sealed batch exported from a copy of the database by a sub-district whose
keys stay in that folder, and an empty district database (the real init, the sub-district's key trusted).
Then, per run, each in a fresh child process:

1. *import*: a copy of the empty district database imports the batch with ``import_batches`` — verification,
   decryption, row checks, merge, all in one transaction with ``synchronous=FULL``; time per table too
   (the time inside ``RowMerger.merge_table``, decoding the table's JSON lines included);
2. *duplicate*: the same batch imported again into that database (verified again, then nothing changes);
3. *raw*: the batch opened and its rows decoded to tuples (not timed), then inserted with plain ``sqlite3``
   ``executemany`` into another copy of the empty district database — same tables, indexes and triggers
   (the trigram index's insert trigger fires per row), one transaction, the import's pragmas (WAL,
   ``synchronous=FULL``, a 64 MiB page cache, ``foreign_keys``);
4. *raw, index at the end*: the same, but the trigram index filled in one statement after the inserts, as
   the import and the demo fill do (:func:`db.members.search.deferred_search_index`) — a stricter reference, shown
   beside the first; the target is checked against *raw*.

It prints each run and the medians: seconds, rows/s, the ratios import rows/s ÷ raw rows/s, the duplicate's
seconds, peak memory; and per table the median import and raw seconds. Exit status 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from any folder

from db import offices  # noqa: E402
from db.auth import ADMIN, CLERK, Actor  # noqa: E402
from db.demo import fill_demo  # noqa: E402
from db.members.search import FTS_INSERT_TRIGGER, FTS_TABLE  # noqa: E402
from db.models import REGISTRY_MODELS  # noqa: E402
from db.store import Store  # noqa: E402
from db.sync import keys  # noqa: E402
from db.sync.batchfile import open_batch  # noqa: E402
from db.sync.export import export_batch  # noqa: E402
from db.sync.merge import DUPLICATE, IMPORTED, import_batches  # noqa: E402
from db.sync.merge_rows import RowMerger, table_of  # noqa: E402
from tests.benchmarks.measure import peak_rss_mb  # noqa: E402

OFFICE, DISTRICT = "110101006", "110101"
OFFICE_NAME, DISTRICT_NAME = "东四街道工会", "东城区总工会"
ADMIN_ACTOR = Actor("bench", "基准", frozenset({ADMIN}), OFFICE)
CLERK_ACTOR = Actor("bench-clerk", "基准录入员", frozenset({CLERK}), OFFICE)
DISTRICT_ADMIN = Actor("bench-district", "区基准", frozenset({ADMIN}), DISTRICT)
TIME_TARGET_S = 5.0
IMPORT_TARGET_S, DUPLICATE_TARGET_S, RATIO_TARGET = 8.0, 1.0, 0.5
MEMORY_TARGET_MB = 300
CACHE_KIB = 64 * 1024  # the import's page cache (db.sync.merge)


def build(path: Path, members: int) -> None:
    """The demo database, with the district's key trusted (its key files beside the database)."""
    if path.exists():
        return
    store = Store.open(path, create=True)
    try:
        offices.initialize(store, OFFICE, OFFICE_NAME)
        started = time.perf_counter()
        fill_demo(store, members=members, seed=7)
        print(f"built {members:,} members in {time.perf_counter() - started:.1f} s: {path}")
        keys.export_public(district_keys(path), DISTRICT_NAME, path.parent / f"{path.stem}-{DISTRICT}.pub.json")
        keys.trust(store, ADMIN_ACTOR, path.parent / f"{path.stem}-{DISTRICT}.pub.json", DISTRICT)
    finally:
        store.close()


def district_data(db: Path) -> Path:
    """The district's data folder (its keys), beside the sub-district's database."""
    return db.parent / f"{db.stem}-keys"


def district_keys(db: Path) -> keys.OfficeKeys:
    return keys.load_or_create(DISTRICT, district_data(db))


# ---------------------------------------------------------------------------------------------------- export

def export_child(db: Path) -> None:
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


def measure_export(db: Path) -> tuple[float, int, int, float]:
    """Export from a copy of the database (each run starts the chain afresh) in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="bench-sync-run-") as run:
        copy = Path(run) / "db.sqlite"
        shutil.copyfile(db, copy)
        out = _child(["export", "--db", str(copy)], home=Path(run) / "home")
    seconds, rows, size, peak = out.split()[-4:]
    return float(seconds), int(rows), int(size), float(peak)


def bench_export(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        db = args.db or Path(tmp) / "bench.sqlite"
        build(db, args.members)
        times, peaks = [], []
        for run in range(1, args.runs + 1):
            seconds, rows, size, peak = measure_export(db)
            times.append(seconds)
            peaks.append(peak)
            print(f"run {run}: full sealed export of {rows:,} rows in {seconds:5.2f} s, "
                  f"{size / 2**20:.1f} MB file, peak memory {peak:.0f} MB")
    median, peak = statistics.median(times), max(peaks)
    print(f"median {median:.2f} s ({_verdict(median <= TIME_TARGET_S)} {TIME_TARGET_S} s); "
          f"peak memory {peak:.0f} MB ({_verdict(peak <= MEMORY_TARGET_MB)} {MEMORY_TARGET_MB} MB)")
    return 0 if median <= TIME_TARGET_S and peak <= MEMORY_TARGET_MB else 1


# ---------------------------------------------------------------------------------------------------- import

def prepare_import(db: Path) -> tuple[Path, Path]:
    """(the batch file, the empty district database), made once in ``<db stem>-import`` beside ``db``."""
    folder = db.parent / f"{db.stem}-import"
    batch, empty = folder / "batch.ubatch", folder / "district.sqlite"
    if batch.exists() and empty.exists():
        return batch, empty
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    sub_home, public = folder / "sub-home", folder / f"{OFFICE}.pub.json"
    copy = folder / "sub.sqlite"
    shutil.copyfile(db, copy)  # the export records its batch: keep the built database as it was
    _child(["export", "--db", str(copy)], home=sub_home)
    written = sorted((sub_home / "outbox" / DISTRICT).glob("*.ubatch"))
    shutil.move(written[-1], batch)
    copy.unlink()
    keys.export_public(keys.load_or_create(OFFICE, sub_home), OFFICE_NAME, public)
    store = Store.open(empty, create=True)
    try:
        offices.initialize(store, DISTRICT, DISTRICT_NAME, "district")
        keys.trust(store, DISTRICT_ADMIN, public, OFFICE)
    finally:
        store.close()
    return batch, empty


def import_child(db: Path, batch: Path, data: Path) -> None:
    """One import in this fresh process; prints JSON: status, seconds, rows, peak MB, seconds per table."""
    tables: dict[str, float] = {}
    merge_table = RowMerger.merge_table

    def timed(self: RowMerger, model: Any, rows: Iterable[dict[str, Any]], **options: Any) -> None:
        started = time.perf_counter()
        merge_table(self, model, rows, **options)
        tables[table_of(model).name] = time.perf_counter() - started

    RowMerger.merge_table = timed  # type: ignore[method-assign]
    store = Store.open(db)
    try:
        started = time.perf_counter()
        result = import_batches(store, DISTRICT_ADMIN, [batch], data=data)[0]
        seconds = time.perf_counter() - started
    finally:
        store.close()
    rows = sum(result.counts.get(key, 0) for key in ("inserted", "updated", "skipped", "conflicts"))
    print(json.dumps({"status": result.status, "seconds": seconds, "rows": rows, "counts": result.counts,
                      "peak": peak_rss_mb(), "tables": tables}))


def raw_child(db: Path, batch: Path, data: Path, defer_search: bool) -> None:
    """The batch's rows decoded (untimed), then inserted with plain sqlite3; prints JSON like import_child.

    ``defer_search``: the trigram index filled after the inserts, not by its trigger row by row.
    """
    keys_ = keys.load_or_create(DISTRICT, data)
    opened = open_batch(batch, my_office=DISTRICT, sender_key=lambda _code: _sub_key(db),
                        receiving_key=keys_.receiving)
    decoded: list[tuple[str, str, list[tuple[Any, ...]]]] = []
    decoding: dict[str, float] = {}
    for model in REGISTRY_MODELS:
        table = table_of(model)
        if table.name not in opened.manifest.tables:
            continue
        started = time.perf_counter()
        columns = list(table.columns.keys())
        rows = [tuple(row[key] for key in columns) for row in opened.rows(table.name)]
        decoding[table.name] = time.perf_counter() - started
        names = ", ".join(f'"{column}"' for column in columns)
        sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(columns))})'
        decoded.append((table.name, sql, rows))
    conn = sqlite3.connect(db, isolation_level=None)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=FULL", f"cache_size=-{CACHE_KIB}"):
        conn.execute(f"PRAGMA {pragma}")
    tables: dict[str, float] = {}
    started = time.perf_counter()
    conn.execute("BEGIN")
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (FTS_INSERT_TRIGGER,)).fetchone()
    if defer_search:
        conn.execute(f"DROP TRIGGER {FTS_INSERT_TRIGGER}")
    for name, sql, rows in decoded:
        begun = time.perf_counter()
        conn.executemany(sql, rows)
        if defer_search and name == "members":
            conn.execute(f"INSERT INTO {FTS_TABLE}(rowid, name, employer) SELECT rowid, name, employer FROM members")
            conn.execute(trigger[0])
        tables[name] = time.perf_counter() - begun
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.close()
    print(json.dumps({"seconds": seconds, "rows": sum(len(rows) for _, _, rows in decoded),
                      "peak": peak_rss_mb(), "tables": tables, "decoding": decoding,
                      "counts": {name: len(rows) for name, _, rows in decoded}}))


def _sub_key(db: Path) -> Any:
    store = Store.open(db)
    try:
        trusted = keys.trusted(store, OFFICE)
    finally:
        store.close()
    assert trusted is not None
    return trusted.signing


def measure_import(db: Path, batch: Path, empty: Path) -> dict[str, Any]:
    """One run: import, duplicate and raw, each in a fresh process on a fresh copy of the empty district."""
    data = str(district_data(db))
    with tempfile.TemporaryDirectory(prefix="bench-sync-import-") as run:
        imported, raw, raw_deferred = (Path(run) / f"{name}.sqlite" for name in ("district", "raw", "deferred"))
        for copy in (imported, raw, raw_deferred):
            shutil.copyfile(empty, copy)
        home = Path(run) / "home"
        first = json.loads(_child(["import", "--db", str(imported), "--batch", str(batch), "--data", data],
                                  home=home))
        again = json.loads(_child(["import", "--db", str(imported), "--batch", str(batch), "--data", data],
                                  home=home))
        baseline = json.loads(_child(["import", "--db", str(raw), "--batch", str(batch), "--data", data,
                                      "--raw"], home=home))
        deferred = json.loads(_child(["import", "--db", str(raw_deferred), "--batch", str(batch), "--data", data,
                                      "--raw", "--defer-search"], home=home))
    assert first["status"] == IMPORTED and again["status"] == DUPLICATE, (first["status"], again["status"])
    assert first["counts"]["inserted"] == baseline["rows"], (first["counts"], baseline["rows"])
    return {"import": first, "duplicate": again, "raw": baseline, "deferred": deferred}


def bench_import(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        db = args.db or Path(tmp) / "bench.sqlite"
        build(db, args.members)
        batch, empty = prepare_import(db)
        runs = []
        for run in range(1, args.runs + 1):
            measured = measure_import(db, batch, empty)
            runs.append(measured)
            first, again, raw = measured["import"], measured["duplicate"], measured["raw"]
            print(f"run {run}: import of {first['rows']:,} rows in {first['seconds']:5.2f} s "
                  f"({first['rows'] / first['seconds']:,.0f} rows/s, peak {first['peak']:.0f} MB); "
                  f"raw {raw['seconds']:5.2f} s ({raw['rows'] / raw['seconds']:,.0f} rows/s); "
                  f"ratio {_ratio(measured):.2f}; raw, index at the end {measured['deferred']['seconds']:5.2f} s "
                  f"(ratio {_ratio(measured, 'deferred'):.2f}); duplicate {again['seconds']:.2f} s")
    return _summary(runs)


def _ratio(run: dict[str, Any], baseline: str = "raw") -> float:
    first, raw = run["import"], run[baseline]
    return float((first["rows"] / first["seconds"]) / (raw["rows"] / raw["seconds"]))


def _summary(runs: list[dict[str, Any]]) -> int:
    def median(part: str, key: str) -> float:
        return statistics.median(float(run[part][key]) for run in runs)

    rows = runs[0]["import"]["rows"]
    seconds, raw, again = median("import", "seconds"), median("raw", "seconds"), median("duplicate", "seconds")
    ratio, peak = statistics.median(map(_ratio, runs)), max(run["import"]["peak"] for run in runs)
    print(f"\n{'table':<24}{'rows':>9}{'import s':>10}{'raw s':>8}{'raw, index at end s':>21}{'decode s':>10}")
    for name, _ in sorted(runs[0]["import"]["tables"].items(), key=lambda item: -item[1]):
        times = [statistics.median(run[part]["tables"].get(name, 0.0) for run in runs)
                 for part in ("import", "raw", "deferred")]
        decode = statistics.median(run["raw"]["decoding"].get(name, 0.0) for run in runs)
        count = runs[0]["raw"]["counts"].get(name, 0)
        print(f"{name:<24}{count:>9,}{times[0]:>10.2f}{times[1]:>8.2f}{times[2]:>21.2f}{decode:>10.2f}")
    merged = statistics.median(sum(run["import"]["tables"].values()) for run in runs)
    print(f"{'(verify, record, commit)':<24}{'':>9}{seconds - merged:>10.2f}")
    checks = [seconds <= IMPORT_TARGET_S, ratio >= RATIO_TARGET, again <= DUPLICATE_TARGET_S,
              peak <= MEMORY_TARGET_MB]
    print(f"\nmedian import {seconds:.2f} s ({_verdict(checks[0])} {IMPORT_TARGET_S} s), {rows / seconds:,.0f} rows/s; "
          f"raw {raw:.2f} s, {rows / raw:,.0f} rows/s; ratio {ratio:.2f} ({_verdict(checks[1])} {RATIO_TARGET}); "
          f"raw with the index at the end {median('deferred', 'seconds'):.2f} s, ratio "
          f"{statistics.median(_ratio(run, 'deferred') for run in runs):.2f}; "
          f"duplicate {again:.2f} s ({_verdict(checks[2])} {DUPLICATE_TARGET_S} s); "
          f"peak memory {peak:.0f} MB ({_verdict(checks[3])} {MEMORY_TARGET_MB} MB)")
    return 0 if all(checks) else 1


# ---------------------------------------------------------------------------------------------------- common

def _child(arguments: list[str], *, home: Path) -> str:
    """Run this script with ``arguments`` and ``--child`` in a fresh interpreter; its last line of output."""
    env = {**os.environ, "UNIONDESK_HOME": str(home)}
    env.pop("UNIONDESK_DB", None)
    result = subprocess.run([sys.executable, __file__, *arguments, "--child"], capture_output=True, text=True,
                            env=env, check=False)
    if result.returncode:
        raise SystemExit(f"child {' '.join(arguments)} failed:\n{result.stderr}")
    return result.stdout.strip().splitlines()[-1]


def _verdict(ok: bool) -> str:
    return "ok" if ok else "OVER"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (("export", "full sealed export: time and peak memory"),
                       ("import", "import of that batch into an empty district, against raw sqlite3")):
        command = commands.add_parser(name, help=text)
        command.add_argument("--members", type=int, default=100_000)
        command.add_argument("--db", type=Path, help="demo database to build or reuse")
        command.add_argument("--runs", type=int, default=3)
        command.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
        if name == "import":
            command.add_argument("--batch", type=Path, help=argparse.SUPPRESS)
            command.add_argument("--data", type=Path, help=argparse.SUPPRESS)
            command.add_argument("--raw", action="store_true", help=argparse.SUPPRESS)
            command.add_argument("--defer-search", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child and args.command == "export":
        export_child(args.db)
    elif args.child and args.raw:
        raw_child(args.db, args.batch, args.data, args.defer_search)
    elif args.child:
        import_child(args.db, args.batch, args.data)
    else:
        return bench_export(args) if args.command == "export" else bench_import(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
