"""The yearly review of hardship files (年度复核): a round per office and year, and one review per file due.

A round records the seed its home-visit sample was drawn with, so that anyone can draw it again and find the
same files (the sample is reproducible from the seed and the files that were due)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, RegistryRow, parent_column


class AidReviewRound(RegistryRow, Base):
    """A year's review round of one office: how many files were due, how many drawn for a home visit, the seed."""

    __tablename__ = "aid_review_rounds"
    __table_args__ = (UniqueConstraint("office_code", "year"),)

    year: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(Integer)  # below 2**31: an Integer on every backend
    due_count: Mapped[int] = mapped_column(Integer)
    sample_count: Mapped[int] = mapped_column(Integer)
    started_by: Mapped[str] = mapped_column(String(64))
    started_on: Mapped[dt.date]


class AidReview(RegistryRow, Base):
    """One file's review in a round: drawn for a home visit or not, and its outcome once recorded."""

    __tablename__ = "aid_reviews"
    __table_args__ = (UniqueConstraint("round_uuid", "case_uuid"),)

    round_uuid: Mapped[str] = parent_column("aid_review_rounds.uuid")
    case_uuid: Mapped[str] = parent_column("aid_cases.uuid")
    home_visit: Mapped[bool] = mapped_column(default=False)
    outcome: Mapped[str | None] = mapped_column(String(14))  # continued / recategorized / relieved
    category_before: Mapped[str | None] = mapped_column(String(10))
    category_after: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)
    reviewed_on: Mapped[dt.date | None]
    reviewed_by: Mapped[str | None] = mapped_column(String(64))
