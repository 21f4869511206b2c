"""What the contest tab reads beside the generic list: one contest for its form (with how many entrants it
has, which decides whether it may be deleted) and the years contests start in (the list's year filter)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from db.contests.cases import get_contest
from db.models import Contest, ContestEntry
from db.store import Store


def contest_details(store: Store, uuid: str) -> dict[str, Any]:
    """One contest (not deleted) for its form: its columns, and ``entrants``, how many live entrants it has."""
    with store.transaction() as session:
        contest = get_contest(session, uuid)
        columns = {column.key: getattr(contest, column.key) for column in Contest.__table__.columns}
        entrants = session.scalar(select(func.count()).select_from(ContestEntry).where(
            ContestEntry.contest_uuid == uuid, ContestEntry.deleted.is_(False))) or 0
        return {**columns, "entrants": int(entrants)}


def contest_years(store: Store) -> list[int]:
    """The years live contests start in, newest first."""
    with store.transaction() as session:
        starts = session.scalars(select(Contest.starts_on).where(Contest.deleted.is_(False)).distinct())
        return sorted({day.year for day in starts}, reverse=True)
