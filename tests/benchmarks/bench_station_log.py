"""The service log (台账) on a district-sized database (issue 12): the year view of all stations (≤ 200 ms) and
each cell committed in a station's log grid (≤ 20 ms, from the key that commits to the grid repainted).

Builds a database of ``--stations`` demo stations (default 1,000) with 36 months of logs each, in a temporary
folder, then prints the medians. Run on demand::

    .venv/bin/python tests/benchmarks/bench_station_log.py [--stations 1000] [--cells 60]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db import offices  # noqa: E402 (after the path is set)
from db.auth import Actor  # noqa: E402
from db.demo import stations as demo_stations  # noqa: E402
from db.demo.context import open_context  # noqa: E402
from db.stations import logs  # noqa: E402
from db.store import Store  # noqa: E402
from tests.benchmarks.measure import Timings  # noqa: E402

MONTHS = 36
YEAR_VIEW_MS, CELL_MS = 200, 20
CLERK = Actor("clerk", "录入员", frozenset({"clerk"}), "110101000")


def build(path: Path, count: int) -> Store:
    """A district database of ``count`` demo stations, each with (up to) 36 months of logs."""
    store = Store.open(path, create=True)
    offices.initialize(store, "110101000", "东城区总工会", level="district")
    twelve = demo_stations._last_months
    demo_stations._last_months = lambda today, _count: twelve(today, MONTHS)  # type: ignore[assignment]
    try:
        with store.engine.begin() as conn:
            demo_stations.fill_stations(open_context(conn, random.Random(1), None, dt.date.today()), count)
    finally:
        demo_stations._last_months = twelve
    return store


def cell_commits(store: Store, cells: int) -> None:
    """Type numbers into a station's grid, Enter after each, and time commit → saved → repainted."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    from desktop.ui.context import AppContext, OfficeInfo
    from desktop.ui.stations.log_grid import StationLogGrid
    from desktop.ui.worker import JobRunner

    app = QApplication.instance() or QApplication([])
    year = dt.date.today().year - 1
    running = [uuid for uuid, values in ((u, logs.log_year(store, u, year)) for u in _stations(store))
              if not values.closed][0]
    context = AppContext(store, CLERK, OfficeInfo("110101000", "东城区总工会", "district"), JobRunner())
    grid = StationLogGrid(context)
    grid.resize(700, 500)
    grid.show_station(running)
    grid.year.setValue(year)
    grid.show()
    app.processEvents()
    # as the clerk sees it: the commit, then the paint events Qt posted (the row and the totals); and the worst
    # case: the whole grid repainted after each commit
    for label, whole in (("a grid cell committed (Enter → saved → painted)", False),
                         ("  … with the whole grid repainted", True)):
        times = []
        for n in range(cells):
            index = grid.model.index(n % 12, (n // 12) % 5)
            grid.table.setCurrentIndex(index)
            grid.table.edit(index)
            editor = QApplication.focusWidget()
            assert isinstance(editor, QLineEdit)
            value = str(1000 + n + (cells if whole else 0))
            editor.setText(value)
            app.processEvents()
            started = time.perf_counter()
            QTest.keyClick(editor, Qt.Key.Key_Return)
            if whole:
                grid.table.viewport().repaint()
            else:
                app.processEvents()
            times.append((time.perf_counter() - started) * 1000)
            assert grid.model.text(index.row(), index.column()) == value, grid.message.text()
        median = statistics.median(times)
        verdict = "ok" if median <= CELL_MS else f"OVER {CELL_MS} ms"
        print(f"{label:<48} n={cells:>3}  median {median:7.2f}  max {max(times):7.2f} ms  {verdict}")


def _stations(store: Store) -> list[str]:
    from db.listing import ListFilter
    from db.stations import reads

    return [row["uuid"] if isinstance(row, dict) else row.uuid for row in reads.list_rows(store, ListFilter())]


def main() -> None:
    timings = Timings()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stations", type=int, default=1000)
    parser.add_argument("--cells", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        store = build(Path(folder) / "district.sqlite", args.stations)
        print(f"built {args.stations} stations with {MONTHS} months of logs in {time.perf_counter() - started:.1f} s")
        year = dt.date.today().year - 1
        timings.timed(f"year view, all stations ({year})", 20, lambda: logs.year_totals(store, year), YEAR_VIEW_MS)
        one = _stations(store)[0]
        timings.timed("year view, one station", 20, lambda: logs.year_totals(store, year, one), YEAR_VIEW_MS)
        cell_commits(store, args.cells)
        store.close()


if __name__ == "__main__":
    main()
