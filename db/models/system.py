"""Offices, users, the audit trail and the database's own counters."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, uuid_column

OFFICE_LEVELS = ("subdistrict", "district")


class Office(Base):
    """A union office: a sub-district (街道工会) or a district (区总工会). Every record belongs to one."""

    __tablename__ = "offices"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    level: Mapped[str] = mapped_column(String(12))
    parent_code: Mapped[str | None] = mapped_column(String(20), ForeignKey("offices.code"))


class Setting(Base):
    """Key/value facts of this database: which office it is, its mode, counters' companions."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Counter(Base):
    """Monotonic counters; ``sync_seq`` is bumped once per writing transaction."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(30), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class User(Base):
    """A person who logs in. ``roles`` is a comma-separated set of clerk, approver and admin."""

    __tablename__ = "users"
    __audited__ = True
    __audit_redact__ = frozenset({"password_hash"})

    uuid: Mapped[str] = uuid_column()
    office_code: Mapped[str] = mapped_column(String(20), ForeignKey("offices.code"))
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    password_hash: Mapped[str] = mapped_column(String(200))
    roles: Mapped[str] = mapped_column(String(60))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime]


class AuditEntry(Base):
    """One write: who, when, what row, which fields old → new. Append-only and hash-chained."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime]
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(30))
    table_name: Mapped[str] = mapped_column(String(40))
    row_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    changes: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
