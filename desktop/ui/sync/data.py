"""What the 同步 tab shows, read in one transaction (no Qt here): offices, recent batches, open conflicts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.store import Store
from db.sync.keys import KeyFileError, key_files, load_or_create
from db.sync.overview import BatchLine, OfficeSync, office_overview, recent_batches
from db.sync.settle import ConflictSummary, open_conflicts


@dataclass(frozen=True)
class SyncState:
    """One reading of the sync bookkeeping."""

    offices: list[OfficeSync]
    batches: list[BatchLine]
    conflicts: list[ConflictSummary]


def load(store: Store) -> SyncState:
    with store.transaction() as session:
        return SyncState(office_overview(session), recent_batches(session), open_conflicts(session))


def own_fingerprint(office_code: str) -> tuple[str | None, str]:
    """(this office's key fingerprint, or None; a problem with its key files, or "").

    Only reads: the keys are created when they are first needed (exporting the public key or a batch), not
    because someone looked at the tab.
    """
    try:
        if not all(path.exists() for path in key_files(office_code)):
            return None, ""
        return load_or_create(office_code).public.fingerprint, ""
    except KeyFileError as exc:
        return None, exc.message


def local_time(moment: dt.datetime | None) -> str:
    """A stored UTC time (naive) as this computer's local time; "" for none."""
    if moment is None:
        return ""
    return moment.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
