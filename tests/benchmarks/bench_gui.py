"""Time from starting the process to the painted main window, and the member tab's first page.

Target (issue 3): the window is painted ≤ 1.0 s after start (whole process, cold Python) with
1,000,000 members. Runs ``uniondesk gui --screenshot`` as a fresh process several times and takes the
moment its "首次绘制用时" line arrives, measured from outside (so interpreter start-up and imports
count); prints medians. Run on demand:

    .venv/bin/python tests/benchmarks/bench_gui.py --db /tmp/uniondesk-member-list-1000000.sqlite
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def one_start(db: Path) -> tuple[float, float]:
    """(ms until the painted line arrives, ms the process reported itself) for one cold start."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    with tempfile.TemporaryDirectory() as shots:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(db), "gui", "--screenshot", shots],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("首次绘制用时"):
                outside = (time.perf_counter() - started) * 1000
                inside = float(line.split("：")[1].split()[0])
                break
        else:
            raise SystemExit("the window never reported painting")
        proc.wait(timeout=120)
    return outside, inside


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    results = [one_start(args.db) for _ in range(args.runs)]
    outside = sorted(r[0] for r in results)
    inside = sorted(r[1] for r in results)
    print(f"{args.runs} cold starts on {args.db}")
    print(f"process start → painted window: median {statistics.median(outside):.0f} ms "
          f"(min {outside[0]:.0f}, max {outside[-1]:.0f}); target ≤ 1000 ms")
    print(f"of which after the interpreter started and imported the CLI: median {statistics.median(inside):.0f} ms")


if __name__ == "__main__":
    main()
