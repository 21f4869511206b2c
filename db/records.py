"""Reading one registry row by uuid for a use case: the row, or NotFound in words a clerk reads."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from db.errors import NotFound
from db.models import RegistryRow

Row = TypeVar("Row", bound=RegistryRow)


def live(session: Session, model: type[Row], uuid: str, what: str) -> Row:
    """The row ``uuid`` of ``model`` that is not deleted; NotFound naming ``what`` (驿站, 月台账) otherwise."""
    row = session.get(model, uuid)
    if row is None or row.deleted:
        raise NotFound(f"找不到该{what}，可能已被删除。")
    return row
