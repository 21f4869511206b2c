"""What the benchmarks share: timing a case (median, p95, max against a target) and memory."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


class Timings:
    """The cases of one benchmark run, each printed as it is timed, and the verdict of them all."""

    def __init__(self) -> None:
        self.results: list[tuple[str, float, float | None]] = []

    def timed(self, label: str, runs: int, run: Callable[[], Any], target: float | None = None,
              before: Callable[[], Any] | None = None) -> float:
        """``run`` timed ``runs`` times after one warming run (imports, SQLite's page cache); ``before``
        (untimed) precedes each run. Prints the median, p95 and maximum in ms; returns the median."""
        run()
        times = []
        for _ in range(runs):
            if before is not None:
                before()
            started = time.perf_counter()
            run()
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        median = statistics.median(times)
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        verdict = "" if target is None else ("  ok" if median <= target else f"  OVER {target:.0f} ms")
        print(f"{label:<52} n={runs:>3}  median {median:7.2f}  p95 {p95:7.2f}  max {times[-1]:7.2f} ms{verdict}")
        self.results.append((label, median, target))
        return median

    def verdict(self) -> str:
        over = [label for label, median, target in self.results if target is not None and median > target]
        return "all targets met" if not over else f"{len(over)} over target: " + "; ".join(over)


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB. On Linux ``VmHWM`` of /proc/self/status, not ``ru_maxrss``:
    Linux carries that over an exec from the parent (a benchmark's driver that built the data), while
    ``VmHWM`` belongs to the process's own address space."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
