"""Progress of long command-line work on the terminal: a bar on a terminal, a line per stage otherwise."""

from __future__ import annotations

import sys
import time
from types import TracebackType


class TerminalProgress:
    """A ``progress(stage, done, total)`` callback that draws on stderr at most ten times a second."""

    def __init__(self, width: int = 30) -> None:
        self.width = width
        self.tty = sys.stderr.isatty()
        self._stage = ""
        self._last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        new_stage = stage != self._stage
        if not new_stage and done < total and now - self._last < 0.1:
            return
        self._last = now
        if not self.tty:
            if new_stage:
                print(f"{stage}……", file=sys.stderr)
            self._stage = stage
            return
        if new_stage and self._stage:
            sys.stderr.write("\n")
        self._stage = stage
        filled = self.width * done // total if total else self.width
        bar = "█" * filled + "·" * (self.width - filled)
        sys.stderr.write(f"\r{stage:<12} [{bar}] {done:,}/{total:,}")
        sys.stderr.flush()

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.tty and self._stage:
            sys.stderr.write("\n")
