"""The import as a background job: the files one by one, in the order the import sorts them, so that a
refused file is named and what was imported before a cancel or a refusal is known."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from db.auth import Actor
from db.store import Store
from db.sync.batchfile import BatchRejected, read_manifest
from db.sync.merge import ImportResult, import_batches
from desktop.ui.worker import Progress


@dataclass
class ImportOutcome:
    """The results so far; ``rejected``: the file refused and why (the files after it were not tried)."""

    results: list[ImportResult] = field(default_factory=list)
    rejected: tuple[Path, str] | None = None
    flagged: int = 0  # records the job's ``check`` counted after the import (a district's 来件核查)

    @property
    def changed(self) -> bool:
        return any(result.status in ("imported", "held") for result in self.results)


class ImportJob:
    """``job(progress)`` imports ``paths``; ``outcome`` can be read after a cancel too.

    ``import_batches`` sorts the files by sender and number and names no file when it refuses one; here each
    file goes in on its own, in that order, so that the refusal names the file and the batches before it —
    each committed in its own transaction — are reported. A held batch the import took along (its missing
    batch arrived) is not imported again when the clerk picked its file too.
    ``stage`` formats the progress text: (file number, files, the import's stage, rows done, rows in all).
    ``check``, when given, counts what the imported records flag; it runs here, after a changing import.
    """

    def __init__(self, store: Store, actor: Actor, paths: Sequence[Path], accept_gap: bool, stage: str,
                 check: Callable[[], int] | None = None) -> None:
        self.store, self.actor, self.paths, self.accept_gap, self.stage = store, actor, list(paths), accept_gap, stage
        self.check = check
        self.outcome = ImportOutcome()

    def __call__(self, progress: Progress) -> ImportOutcome:
        ordered = self._ordered()
        if ordered is None:
            return self.outcome
        done: set[Path] = set()
        for number, path in enumerate(ordered, 1):
            if path.resolve() in done:
                continue

            def report(stage: str, rows: int, total: int, number: int = number) -> None:
                progress(self.stage.format(number, len(ordered), stage, rows, total), rows, total)

            progress(self.stage.format(number, len(ordered), path.name, 0, 0), 0, 0)
            try:
                results = import_batches(self.store, self.actor, [path], accept_gap=self.accept_gap,
                                         progress=report)
            except BatchRejected as exc:
                self.outcome.rejected = (path, exc.message)
                break
            self.outcome.results += results
            done |= {result.path.resolve() for result in results}
        if self.check is not None and self.outcome.changed:
            self.outcome.flagged = self.check()
        return self.outcome

    def _ordered(self) -> list[Path] | None:
        keyed = []
        for path in self.paths:
            try:
                manifest = read_manifest(path)
            except BatchRejected as exc:
                self.outcome.rejected = (path, exc.message)
                return None
            keyed.append(((manifest.sender.code, manifest.seq), path))
        return [path for _key, path in sorted(keyed, key=lambda item: item[0])]
