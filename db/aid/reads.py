"""Reads the hardship tab needs beside the use cases: the member a file's form names by ID number (the name
shown while the clerk types it). Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from db.aid.fields import AID_CASES
from db.auth import Actor
from db.errors import ValidationError
from db.models import Member
from db.store import Store


@dataclass(frozen=True, slots=True)
class MemberFound:
    """A member of the actor's office found by ID number."""

    uuid: str
    name: str


def member_by_id_number(store: Store, actor: Actor, id_number: Any) -> MemberFound | None:
    """The member of ``actor``'s office with this ID number (as typed: cleaned first); None when the number
    is not a valid one or no member of the office has it — the same lookup :func:`db.aid.cases.create_case`
    makes."""
    try:
        number = AID_CASES.field("member_id_number").clean(id_number)
    except ValidationError:
        return None
    if not number:
        return None
    with store.transaction() as session:
        row = session.execute(select(Member.uuid, Member.name).where(
            Member.id_number == number, Member.deleted.is_(False), Member.office_code == actor.office_code)).first()
        return MemberFound(row[0], row[1]) if row is not None else None
