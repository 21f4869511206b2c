"""会员证 at scale: every member of a demo database as cards in one PDF.

Target: at least 1,000 cards/s for 10,000 members on the 2-core reference machine. Run on demand (not
collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_member_cards.py [--members 10000] [--db PATH] [--runs 3]

The database (demo data, one sub-district) is built once with ``fill_demo`` and reused while the file
exists. Every run is a fresh child process, so each pays for loading the CJK font as a user's first print
does. A run times ``member_cards.render`` of all members (masked IDs, a clerk), everything included: reading
the database, QR codes, text, subsetting the font, compressing and writing the file. "First page" is the
time from the call to the progress report of page 1, font load included.
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from any folder

from db.auth import CLERK, Actor  # noqa: E402
from db.members.fields import MEMBERS  # noqa: E402
from db.store import Store  # noqa: E402
from db.tabular import rows as tabular_rows  # noqa: E402
from tests.benchmarks.bench_pdf import build  # noqa: E402  (the same demo database)

ACTOR = Actor("bench", "基准", frozenset({CLERK}), "110101006")
TARGET = 1000  # cards per second


def child(db: Path, out: Path) -> dict[str, Any]:
    """One measured run (in this process): the whole render of every member's card."""
    from desktop.documents.pdf import member_cards

    store = Store.open(db)
    with store.transaction() as session:
        cards = tabular_rows.count(session, MEMBERS)
    first_page: list[float] = []
    started = time.perf_counter()

    def progress(_stage: str, done: int, _total: int) -> None:
        if done == 1:
            first_page.append(time.perf_counter() - started)

    pages = member_cards.render(store, ACTOR, out, progress=progress)
    seconds = time.perf_counter() - started
    store.close()
    return {"cards": cards, "pages": pages, "seconds": seconds, "first_page": first_page[0],
            "bytes": out.stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="demo database to reuse (built if missing)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"uniondesk-bench-cards-{args.members}.sqlite"
    if args.child:
        print(json.dumps(child(db, args.out)))
        return
    build(db, args.members)
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.runs):
            out = Path(folder) / f"cards-{run}.pdf"
            done = subprocess.run([sys.executable, __file__, "--child", "--db", str(db), "--out", str(out)],
                                  check=True, capture_output=True, text=True)
            result = json.loads(done.stdout.splitlines()[-1])
            cards = result["cards"]
            print(f"run {run + 1}: {result['pages']} pages, {result['seconds']:.2f} s, "
                  f"{cards / result['seconds']:,.0f} cards/s, first page {result['first_page'] * 1000:.0f} ms, "
                  f"{result['bytes'] / 1e6:.1f} MB")
            results.append(result)
    rate = statistics.median(r["cards"] / r["seconds"] for r in results)
    first = statistics.median(r["first_page"] for r in results)
    verdict = "OK" if rate >= TARGET else "SLOW"
    print(f"median: {rate:,.0f} cards/s (target ≥ {TARGET:,}) {verdict}; first page {first * 1000:.0f} ms "
          f"including font load")


if __name__ == "__main__":
    main()
