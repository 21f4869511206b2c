"""Sync bookkeeping: batches sent and received, and conflicts kept for a person to settle."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, uuid_column


class SyncBatch(Base):
    """A batch file this office wrote (``out``) or read (``in``). ``uuid`` is the manifest's batch_id."""

    __tablename__ = "sync_batches"
    __table_args__ = (UniqueConstraint("direction", "sender_code", "recipient_code", "seq"),)

    uuid: Mapped[str] = uuid_column()
    direction: Mapped[str] = mapped_column(String(3))
    sender_code: Mapped[str] = mapped_column(String(20))
    recipient_code: Mapped[str] = mapped_column(String(20))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(5))  # delta / full
    sha256: Mapped[str] = mapped_column(String(64))
    prev_sha256: Mapped[str | None] = mapped_column(String(64))
    upto_sync_seq: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime]
    processed_at: Mapped[dt.datetime | None]
    status: Mapped[str] = mapped_column(String(12))  # written / imported / held / rejected
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON: table -> rows
    file_name: Mapped[str | None] = mapped_column(String(200))


class SyncConflict(Base):
    """An incoming row that could not be merged by the rules and waits for a person."""

    __tablename__ = "sync_conflicts"

    uuid: Mapped[str] = uuid_column()
    batch_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("sync_batches.uuid"), index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_uuid: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # same_person / foreign_edit
    local_data: Mapped[str] = mapped_column(Text)
    incoming_data: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="open")
    settled_by: Mapped[str | None] = mapped_column(String(64))
    settled_at: Mapped[dt.datetime | None]
    resolution: Mapped[str | None] = mapped_column(Text)
