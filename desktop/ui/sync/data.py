"""What the 同步 tab shows (no Qt here): the sync state read by db, this office's fingerprint, local times."""

from __future__ import annotations

import datetime as dt

from db.store import Store
from db.sync.keys import KeyFileError, key_files, load_or_create
from db.sync.state import SyncState, sync_state

__all__ = ["SyncState", "load", "local_time", "own_fingerprint"]


def load(store: Store) -> SyncState:
    return sync_state(store)


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
