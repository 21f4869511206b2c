"""Quick lookups of members in index order, for pickers and checks that need a few rows fast.

The member list (db.members.listing) pages in whatever order the clerk sorts by; these return rows in the
order of the index they use, so each is one index range read whatever the size of the registry.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.members.listing import MemberRow, row_columns
from db.models import Member
from db.validation import normalize_id_number

PAGE = 200


def by_id_number(session: Session, raw: str) -> list[MemberRow]:
    """Members (not deleted) holding the ID number typed, however it was spaced or cased."""
    stmt = select(*row_columns()).where(Member.id_number == normalize_id_number(raw), Member.deleted.is_(False))
    return [MemberRow(*r) for r in session.execute(stmt)]


def by_initials_prefix(session: Session, prefix: str, limit: int = PAGE) -> list[MemberRow]:
    """Up to ``limit`` members whose pinyin initials start with ``prefix``, in initials order."""
    prefix = prefix.lower()
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    stmt = (select(*row_columns())
            .where(Member.name_initials >= prefix, Member.name_initials < upper, Member.deleted.is_(False))
            .order_by(Member.name_initials, Member.uuid).limit(limit))
    return [MemberRow(*r) for r in session.execute(stmt)]
