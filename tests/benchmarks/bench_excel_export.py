"""Excel export at scale: ``export_registry`` against a bare openpyxl write-only loop over the same values.

Target: exporting 100,000 members (25 columns) takes at most 1.1x the bare loop, peak memory ≤ 250 MB.
Run on demand (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_excel_export.py [--members 100000] [--db PATH] [--runs 3]

The database (demo data, one sub-district) is built once with ``fill_demo`` and reused while the file
exists. Every measurement runs in a fresh child process, so that neither variant pays for the other's
memory (a garbage collection in the export would otherwise walk the bare loop's prefetched values too), and
runs alternate so that machine noise hits both alike:

(a) the bare loop: every row's cell values (masked, labels, dates, yuan — ``Field.to_cell``) are fetched into
    a list of lists first, untimed; then ``Workbook(write_only=True)``, ``ws.append`` per row and ``save``
    are timed;
(b) ``export_registry`` of the same rows, everything included: reading the database, converting, styling,
    writing, the audit entry.

Peak memory of (b) is the peak resident set of its process (interpreter, SQLAlchemy and openpyxl
included): ``VmHWM`` of /proc/self/status on Linux — not ``ru_maxrss``, which Linux carries over from the
forking parent across exec — else ``ru_maxrss``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from any folder

from openpyxl import Workbook  # noqa: E402

from db import offices  # noqa: E402
from db.auth import ADMIN, Actor  # noqa: E402
from db.demo import fill_demo  # noqa: E402
from db.registry import registry  # noqa: E402
from db.store import Store  # noqa: E402
from db.tabular import rows as tabular_rows  # noqa: E402
from desktop.documents.excel.export import export_registry  # noqa: E402
from tests.benchmarks.measure import peak_rss_mb  # noqa: E402

ACTOR = Actor("bench", "基准", frozenset({ADMIN}), "110101006")
RATIO_TARGET = 1.1
MEMORY_TARGET_MB = 250


def build(path: Path, members: int) -> Store:
    if path.exists():
        return Store.open(path)
    store = Store.open(path, create=True)
    offices.initialize(store, "110101006", "东四街道工会")
    started = time.perf_counter()
    fill_demo(store, members=members, seed=7)
    print(f"built {members:,} members in {time.perf_counter() - started:.1f} s: {path}")
    return store


def prefetch(store: Store, name: str) -> list[list[Any]]:
    """The cells an export writes, as plain values: the header, then every row."""
    table = registry(name)
    values: list[list[Any]] = [[f.label for f in table.fields]]
    with store.transaction() as session:
        for chunk in tabular_rows.iter_rows(session, table):
            values.extend([f.to_cell(row[f.attr], full=False) for f in table.fields] for row in chunk)
    return values


def bare(values: list[list[Any]], out: Path) -> float:
    started = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("bare")
    for row in values:
        ws.append(row)
    wb.save(out)
    return time.perf_counter() - started


def export(store: Store, name: str, out: Path) -> float:
    started = time.perf_counter()
    export_registry(store, ACTOR, name, out)
    return time.perf_counter() - started


def child(kind: str, db: Path, name: str, out: Path) -> None:
    """One measurement in this fresh process; prints its time and the process's peak memory."""
    store = Store.open(db)
    if kind == "bare":
        values = prefetch(store, name)
        seconds = bare(values, out)
    else:
        seconds = export(store, name, out)
    store.close()
    print(f"{seconds} {peak_rss_mb()}")


def measure(kind: str, db: Path, name: str, out: Path) -> tuple[float, float]:
    result = subprocess.run([sys.executable, __file__, "--db", str(db), "--registry", name, "--child", kind,
                             "--out", str(out)], capture_output=True, text=True, check=True)
    seconds, peak = result.stdout.split()[-2:]
    return float(seconds), float(peak)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="demo database to build or reuse")
    parser.add_argument("--registry", default="members")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=("bare", "export"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.db, args.registry, args.out)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-xlsx-") as tmp:
        db = args.db or Path(tmp) / "bench.sqlite"
        store = build(db, args.members)
        with store.transaction() as session:
            rows = tabular_rows.count(session, registry(args.registry))
        store.close()
        print(f"{args.registry}: {rows:,} rows x {len(registry(args.registry).fields)} columns; "
              "each measurement in a fresh process")
        bare_times, export_times, peaks = [], [], []
        for run in range(1, args.runs + 1):
            bare_times.append(measure("bare", db, args.registry, Path(tmp) / "bare.xlsx")[0])
            seconds, peak = measure("export", db, args.registry, Path(tmp) / "export.xlsx")
            export_times.append(seconds)
            peaks.append(peak)
            print(f"run {run}: bare {bare_times[-1]:6.2f} s   export_registry {seconds:6.2f} s   "
                  f"(peak memory {peak:.0f} MB)")
    ratio = statistics.median(export_times) / statistics.median(bare_times)
    peak = max(peaks)
    print(f"median: bare {statistics.median(bare_times):6.2f} s   export_registry "
          f"{statistics.median(export_times):6.2f} s   ratio {ratio:.3f} "
          f"({'ok' if ratio <= RATIO_TARGET else 'OVER'} {RATIO_TARGET})")
    print(f"peak memory of an export (its process's peak resident set): {peak:.0f} MB "
          f"({'ok' if peak <= MEMORY_TARGET_MB else 'OVER'} {MEMORY_TARGET_MB} MB)")
    return 0 if ratio <= RATIO_TARGET and peak <= MEMORY_TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
