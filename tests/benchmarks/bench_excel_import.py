"""Excel import benchmark: read and validate a 100,000-row member roster, then write it.

Run on demand (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_excel_import.py --members 100000

The roster is the members of a demo database (full ID numbers and phones, no 系统编号 column), written once
with openpyxl. Each run, in a fresh process (so that peak memory is the run's own):

(a) ``importer.read_source`` + ``importer.plan`` into an empty database of the same office: every row
    cleaned, checked and judged "new". Target: ≤ 10 s, peak RSS ≤ 300 MB.
(b) ``importer.apply`` of that plan (100,000 members and their join events in one transaction).
(c) for reference, python-calamine alone reading the sheet, and openpyxl's read-only mode alone.

Prints each run, the medians, and the peak resident memory (``VmHWM``) of each run's process.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from any folder

from db.auth import system_actor  # noqa: E402
from db.offices import initialize  # noqa: E402
from db.store import Store  # noqa: E402
from tests.benchmarks.measure import peak_rss_mb  # noqa: E402

OFFICE = ("110101006", "东四街道工会")


def build_roster(members: int, folder: Path) -> Path:
    """A demo database's members as a roster file (cached in ``folder``)."""
    from openpyxl import Workbook

    from db.demo import fill_demo
    from db.members.fields import MEMBERS
    from db.tabular import rows

    roster = folder / f"roster-{members}.xlsx"
    if roster.exists():
        return roster
    source = fresh_store(folder / f"source-{members}.sqlite")
    fill_demo(source, members, seed=5)
    fields = [f for f in MEMBERS.fields if f.attr not in ("uuid", "status")]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("会员")
    sheet.append(["东四街道工会会员花名册"])
    sheet.append([f.label for f in fields])
    with source.transaction() as session:
        for chunk in rows.iter_rows(session, MEMBERS):
            for row in chunk:
                sheet.append([f.to_cell(row.get(f.attr)) for f in fields])
    book.save(roster)
    source.close()
    return roster


def fresh_store(path: Path) -> Store:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = Store.open(path, create=True)
    initialize(store, *OFFICE)
    return store


def run_import(roster: Path, folder: Path) -> dict[str, float]:
    from desktop.documents.excel import importer

    store = fresh_store(folder / "target.sqlite")
    actor = system_actor(OFFICE[0])
    start = time.perf_counter()
    source = importer.read_source(store, "members", roster)
    plan = importer.plan(store, actor, source)
    planned = time.perf_counter()
    assert plan.counts["error"] == 0, [r.messages for r in plan.rows if r.messages][:3]
    written = importer.apply(store, actor, plan)
    done = time.perf_counter()
    store.close()
    return {"plan_s": planned - start, "apply_s": done - planned, "rows": written["new"],
            "rss_mb": peak_rss_mb()}


def run_reader(roster: Path, which: str) -> dict[str, float]:
    start = time.perf_counter()
    count = 0
    if which == "calamine":
        from python_calamine import CalamineWorkbook

        for _row in CalamineWorkbook.from_path(str(roster)).get_sheet_by_index(0).iter_rows():
            count += 1
    else:
        from openpyxl import load_workbook

        book = load_workbook(roster, read_only=True)
        for _row in book.worksheets[0].iter_rows(values_only=True):
            count += 1
    return {"read_s": time.perf_counter() - start, "rows": count,
            "rss_mb": peak_rss_mb()}


def in_subprocess(what: str, roster: Path, folder: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", what, "--roster", str(roster),
                          "--folder", str(folder)], check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--folder", default=str(Path(tempfile.gettempdir()) / "uniondesk-bench-excel"))
    parser.add_argument("--child", default=None)
    parser.add_argument("--roster", default=None)
    args = parser.parse_args()
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    if args.child:
        roster = Path(args.roster)
        result = run_import(roster, folder) if args.child == "import" else run_reader(roster, args.child)
        print(json.dumps(result))
        return
    roster = build_roster(args.members, folder)
    print(f"roster: {roster} ({roster.stat().st_size / 1e6:.1f} MB)")
    results: dict[str, list[dict[str, float]]] = {"import": [], "calamine": [], "openpyxl": []}
    for run in range(args.runs):
        for what, runs in results.items():
            if what == "openpyxl" and run > 0:
                continue  # ~25 s a run: once is enough for a reference
            result = in_subprocess(what, roster, folder)
            runs.append(result)
            print(what, run + 1, result, flush=True)
    for what, runs in results.items():
        keys = [k for k in runs[0] if k != "rows"]
        print(what, "medians:", {k: round(statistics.median(r[k] for r in runs), 2) for k in keys})


if __name__ == "__main__":
    main()
