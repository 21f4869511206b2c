"""One registry row by uuid for a use case: read it (or NotFound in words a clerk reads), or mark it deleted."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from db.auth import Actor, require
from db.errors import NotFound, ValidationError
from db.models import RegistryRow
from db.registry import TableSpec
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


def clean_given(table: TableSpec, allowed: frozenset[str], given: Mapping[str, Any]) -> dict[str, Any]:
    """Each given value cleaned by its declared field (ValidationError naming it); unknown names refused."""
    cleaned = {}
    for attr, raw in given.items():
        if attr not in allowed:
            raise ValidationError(attr, f"不是可以填写的{table.label}字段")
        cleaned[attr] = table.field(attr).clean(raw)
    return cleaned
