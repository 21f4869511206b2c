"""A skill contest's score grid at the size of 「爱家·敬老杯」 and over: one cell committed, and the grid read.

Target (issue 13): on a contest of 2,000 entrants × 5 judges (every judge's score and the theory score entered,
five judges named, one of them from an entrant's employer), one grid cell committed ≤ 20 ms — a judge's score
changed (``cases.set_judge_score``: the score, the entrant's practical and total recomputed, audited) and a
theory score changed (``cases.set_theory_score``). The grid's read (``cases.score_sheet``) is timed beside them.
With ``--gui`` the score grid itself (desktop/ui/contests/score_grid.py, offscreen): a score typed and Enter
pressed → saved → the row's 实操 and 总成绩 painted (the target), and then every row's 暂定名次 ranked again and
painted (``settle``, run by the grid right after the paint).
Run on demand (not collected by pytest)::

    .venv/bin/python tests/benchmarks/bench_contest_cells.py [--entrants 2000] [--db PATH] [--runs 30] [--gui]

The database is built once with bulk inserts and reused while the file exists. Each case prints the median,
the 95th percentile and the maximum over its runs; the verdict is on the median.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from any folder

from db import offices  # noqa: E402
from db.auth import ADMIN, CLERK, Actor  # noqa: E402
from db.bulk import bulk_insert  # noqa: E402
from db.contests import cases  # noqa: E402
from db.contests.rules import practical_score, total_score  # noqa: E402
from db.models import Contest, ContestEntry, ContestJudge, JudgeScore  # noqa: E402
from db.store import Store  # noqa: E402
from db.validation import make_id_number  # noqa: E402
from db.writes import next_sync_seq  # noqa: E402
from tests.benchmarks.measure import Timings  # noqa: E402

OFFICE = ("110101006", "东四街道工会")
CONTEST_UUID = "00000000-0000-7000-8000-00000000c001"
JUDGES = 5
EMPLOYERS = [f"第{i}养老服务中心" for i in range(1, 60)]


def build(path: Path, count: int) -> Store:
    if path.exists():
        return Store.open(path)
    started = time.perf_counter()
    store = Store.open(path, create=True)
    offices.initialize(store, *OFFICE)
    actor = Actor("bench", "基准", frozenset({ADMIN}), OFFICE[0])
    rng = random.Random(13)
    contest = {"uuid": CONTEST_UUID, "office_code": OFFICE[0], "name": "爱家·敬老杯养老护理员职业技能大赛",
               "trade": "养老护理员", "level": "街道级", "starts_on": dt.date(2026, 5, 10),
               "ends_on": dt.date(2026, 5, 11), "status": "running", "theory_weight": 30, "practical_weight": 70,
               "judge_count": JUDGES, "drop_extremes": True}
    judges = [{"office_code": OFFICE[0], "contest_uuid": CONTEST_UUID, "judge_no": n, "name": f"评委{n}",
               "employer": EMPLOYERS[0] if n == JUDGES else f"职业技术学院{n}"} for n in range(1, JUDGES + 1)]
    entries, scores = [], []
    for i in range(count):
        uuid = f"00000000-0000-7000-8000-{i:012d}"
        judged = [rng.randint(6000, 10_000) for _ in range(JUDGES)]
        theory = rng.randint(5000, 10_000)
        practical = practical_score(judged, drop_extremes=True)
        born = dt.date(1980, 1, 1) + dt.timedelta(days=i // 1000)
        entries.append({"uuid": uuid, "office_code": OFFICE[0], "contest_uuid": CONTEST_UUID,
                        "name": f"选手{i}", "id_number": make_id_number("110101", born, i % 1000),
                        "gender": "男" if i % 2 else "女", "employer": EMPLOYERS[i % len(EMPLOYERS)],
                        "team": EMPLOYERS[i % len(EMPLOYERS)], "entry_no": f"{i + 1:04d}",
                        "theory_score": theory, "practical_score": practical,
                        "total_score": total_score(theory, practical, 30, 70)})
        scores += [{"office_code": OFFICE[0], "entry_uuid": uuid, "judge_no": n, "score": s}
                   for n, s in enumerate(judged, start=1)]
    with store.transaction(actor, action="bench") as session:
        conn = session.connection()
        seq = next_sync_seq(conn)
        for model, rows in ((Contest, [contest]), (ContestJudge, judges), (ContestEntry, entries),
                            (JudgeScore, scores)):
            bulk_insert(conn, model, rows, actor, sync_seq=seq)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    print(f"built a contest of {count:,} entrants × {JUDGES} judges in {time.perf_counter() - started:.1f} s: {path}")
    return store


def open_grid(store: Store, clerk: Actor) -> Any:
    """The score grid on the contest, shown offscreen."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.contests.score_grid import ContestScoreGrid
    from desktop.ui.context import AppContext, OfficeInfo
    from desktop.ui.worker import JobRunner

    app = QApplication.instance() or QApplication([])
    context = AppContext(store, clerk, OfficeInfo(OFFICE[0], OFFICE[1], "subdistrict"), JobRunner())
    started = time.perf_counter()
    grid = ContestScoreGrid(context)
    grid.resize(1100, 600)
    grid.show_contest(CONTEST_UUID)
    grid.show()
    app.processEvents()
    print(f"grid opened on {grid.model.rowCount():,} rows in {(time.perf_counter() - started) * 1000:.0f} ms")
    return grid


def grid_cells(store: Store, clerk: Actor, timings: Timings, runs: int) -> None:
    """The score grid as the clerk meets it: a judge's score typed, Enter → saved → the row painted; then the
    ranks of every row again and painted."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    grid = open_grid(store, clerk)
    app = QApplication.instance()
    assert app is not None
    rng = random.Random(7)
    column = grid.model.column_of(2)

    def open_cell() -> None:
        grid.settle()
        index = grid.model.index(rng.randrange(0, 30), column)  # rows in sight, as when typing down a column
        grid.table.setCurrentIndex(index)
        grid.table.edit(index)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.setText(f"{rng.randint(6000, 10_000) / 100:.2f}")
        app.processEvents()

    def commit(whole: bool = False) -> None:
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        index = grid.table.currentIndex()
        QTest.keyClick(editor, Qt.Key.Key_Return)
        if whole:
            grid.table.viewport().repaint()
        else:  # what the commit changed: the row (its cell, 实操, 总成绩), as Qt repaints it
            last = grid.model.columnCount() - 1
            rect = grid.table.visualRect(index.siblingAtColumn(0)).united(
                grid.table.visualRect(index.siblingAtColumn(last)))
            grid.table.viewport().repaint(rect)

    def rerank() -> None:
        grid.settle()
        app.processEvents()  # the ranks' column painted where it changed

    def typed_and_ranked() -> None:
        open_cell()
        commit()

    open_cell()  # for the warming run
    timings.timed("grid: score typed, Enter → saved → row painted", runs, commit, 20, before=open_cell)
    open_cell()
    timings.timed("grid:   … with the whole grid repainted", runs, lambda: commit(whole=True), before=open_cell)
    timings.timed("grid:   … then every row's 暂定名次 ranked and painted", runs, rerank, before=typed_and_ranked)
    assert "b00020" not in grid.message.styleSheet(), grid.message.text()  # nothing refused
    grid.close()


def main() -> None:
    timings = Timings()
    parser = argparse.ArgumentParser()
    parser.add_argument("--entrants", type=int, default=2000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--gui", action="store_true", help="also the score grid widget (offscreen)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = build(args.db or Path(tmp) / "contest.sqlite", args.entrants)
        clerk = Actor("clerk", "录入员", frozenset({CLERK}), OFFICE[0])
        rows = cases.score_sheet(store, CONTEST_UUID)
        print(f"{len(rows)} rows, {sum(1 for r in rows if r.avoided)} with a 回避 judge")
        rng = random.Random(5)
        timings.timed("grid cell committed (set_judge_score)", args.runs,
                      lambda: cases.set_judge_score(store, clerk, rng.choice(rows).uuid, rng.randint(1, JUDGES),
                                                    f"{rng.randint(6000, 10_000) / 100:.2f}"), 20)
        timings.timed("grid cell committed (set_theory_score)", args.runs,
                      lambda: cases.set_theory_score(store, clerk, rng.choice(rows).uuid,
                                                     f"{rng.randint(5000, 10_000) / 100:.2f}"), 20)
        timings.timed(f"score grid read ({len(rows)} × {JUDGES})", max(5, args.runs // 3),
                      lambda: cases.score_sheet(store, CONTEST_UUID))
        if args.gui:
            grid_cells(store, clerk, timings, args.runs)
        store.close()
    print(timings.verdict())


if __name__ == "__main__":
    main()
