"""Scrolling the member tab of a million members: time per page and the process's peak memory.

Target (issue 3): scrolling to the end never loads all rows; peak memory of the process ≤ 300 MB.
Scrolls to the end, jumps to random places and pages through a stretch, then prints the peak RSS.

    .venv/bin/python tests/benchmarks/bench_scroll.py --db /tmp/uniondesk-member-list-1000000.sqlite
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from db import offices  # noqa: E402
from db.auth import Actor  # noqa: E402
from db.store import Store  # noqa: E402
from desktop.ui.context import AppContext, OfficeInfo  # noqa: E402
from desktop.ui.members.tab import MembersTab  # noqa: E402
from desktop.ui.worker import JobRunner  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    app = QApplication([])
    store = Store.open(args.db)
    with store.transaction() as session:
        office = offices.this_office(session)
    context = AppContext(store, Actor("bench", "测试", frozenset({"clerk"}), office.code),
                         OfficeInfo(office.code, office.name, office.level), JobRunner())
    tab = MembersTab(context)
    tab.resize(1366, 700)
    tab.show()
    started = time.perf_counter()
    tab.refresh()
    app.processEvents()
    print(f"first page and count: {(time.perf_counter() - started) * 1000:.0f} ms, rows {tab.model.total():,}")
    timings = []
    rng = random.Random(1)
    positions = [tab.model.total() - 1] + [rng.randrange(tab.model.total()) for _ in range(30)]
    for position in positions:
        started = time.perf_counter()
        tab.table.scrollTo(tab.model.index(position, 0))
        app.processEvents()
        timings.append((time.perf_counter() - started) * 1000)
    for _ in range(200):  # page down through a stretch: keyset from the neighbouring page
        started = time.perf_counter()
        bar = tab.table.verticalScrollBar()
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()
        timings.append((time.perf_counter() - started) * 1000)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(timings)} scroll steps: median {statistics.median(timings):.1f} ms, "
          f"max {max(timings):.1f} ms; rows held {tab.model.loaded_rows():,}; pages fetched {tab.model.queries}")
    print(f"peak memory of the process: {peak_mb:.0f} MB (target ≤ 300 MB)")
    store.close()


if __name__ == "__main__":
    main()
