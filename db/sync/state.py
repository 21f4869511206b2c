"""What the sync panel shows, read in one transaction as plain values: the offices with their last batches,
the recent batches in and out, and the open conflicts."""

from __future__ import annotations

from dataclasses import dataclass

from db.store import Store
from db.sync.overview import BatchLine, OfficeSync, office_overview, recent_batches
from db.sync.settle import ConflictSummary, open_conflicts


@dataclass(frozen=True)
class SyncState:
    """One reading of the sync bookkeeping."""

    offices: list[OfficeSync]
    batches: list[BatchLine]
    conflicts: list[ConflictSummary]


def sync_state(store: Store) -> SyncState:
    with store.transaction() as session:
        return SyncState(office_overview(session), recent_batches(session), open_conflicts(session))
