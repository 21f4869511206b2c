"""One registry row by uuid for a use case: read it (or NotFound in words a clerk reads), or mark it deleted."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from db.auth import Actor, require
from db.errors import NotFound
from db.models import RegistryRow
from db.store import Store

Row = TypeVar("Row", bound=RegistryRow)


def live(session: Session, model: type[Row], uuid: str, what: str) -> Row:
    """The row ``uuid`` of ``model`` that is not deleted; NotFound naming ``what`` (驿站, 月台账) otherwise."""
    row = session.get(model, uuid)
    if row is None or row.deleted:
        raise NotFound(f"找不到该{what}，可能已被删除。")
    return row


def soft_delete(store: Store, actor: Actor, model: type[Row], uuid: str, what: str,
                permission: str = "records.write", action: str = "delete") -> Row:
    """Mark a row deleted: kept as a tombstone for sync and the audit trail, never removed by the UI."""
    require(actor, permission)
    with store.transaction(actor, action=action) as session:
        row = live(session, model, uuid, what)
        row.deleted = True
    return row
