"""Finding members by what a clerk types: ID number, phone, member number, pinyin initials or pinyin.

Every query here is a range scan on an index (design §3) and returns at most one page of light rows,
so a lookup costs the same at a thousand members and at a million.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from db.models import Member
from db.validation import normalize_id_number

PAGE = 200
MemberRow = Row[*tuple[Any, ...]]
LIST_COLUMNS = (Member.uuid, Member.name, Member.gender, Member.id_number, Member.phone, Member.member_no,
                Member.employer, Member.employment_form, Member.status, Member.office_code)

def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix`` (for index range scans)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)

def by_id_number(session: Session, raw: str) -> Sequence[MemberRow]:
    number = normalize_id_number(raw)
    stmt = select(*LIST_COLUMNS).where(Member.id_number == number, Member.deleted.is_(False))
    return session.execute(stmt).all()

def by_initials_prefix(session: Session, prefix: str, limit: int = PAGE,
                       after: tuple[str, str] | None = None) -> Sequence[MemberRow]:
    """Members whose pinyin initials start with ``prefix`` (``zs`` → 张三, 周顺…), in initials order.

    ``after`` is the (initials, uuid) of the last row of the previous page: keyset paging.
    """
    prefix = prefix.lower()
    stmt = (select(*LIST_COLUMNS, Member.name_initials)
            .where(Member.name_initials >= prefix, Member.name_initials < prefix_upper_bound(prefix),
                   Member.deleted.is_(False))
            .order_by(Member.name_initials, Member.uuid).limit(limit))
    if after is not None:
        stmt = stmt.where((Member.name_initials > after[0])
                          | ((Member.name_initials == after[0]) & (Member.uuid > after[1])))
    return session.execute(stmt).all()
