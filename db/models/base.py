"""Declarative base, shared column types and the columns every registry row carries (design §3)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from db.ids import new_uuid

# Stable constraint and index names, so that Alembic's diffs are the same on every machine.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

UUID_LEN = 36


class Base(DeclarativeBase):
    """The one metadata of every UnionDesk table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        str: String(100),
        bool: Boolean(create_constraint=False),
        dt.datetime: DateTime(),
    }


def uuid_column() -> Mapped[str]:
    return mapped_column(String(UUID_LEN), primary_key=True, default=new_uuid, sort_order=-10)


def parent_column(target: str, *, nullable: bool = False) -> Mapped[str]:
    """A reference to another registry row by uuid, indexed for the child lists."""
    return mapped_column(String(UUID_LEN), ForeignKey(target), index=True, nullable=nullable)


class RegistryRow:
    """Columns that every synchronised registry row carries.

    ``rev`` grows by one on every change, ``sync_seq`` takes the database's write counter on every write
    (it drives incremental export), ``deleted`` is a tombstone: the UI never deletes physically. These are
    stamped by the write hook in :mod:`db.writes`, never by hand.
    """

    __audited__ = True

    uuid: Mapped[str] = uuid_column()
    rev: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime]
    updated_by: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[bool] = mapped_column(default=False)
    sync_seq: Mapped[int] = mapped_column(Integer, index=True)

    @declared_attr
    def office_code(cls) -> Mapped[str]:  # noqa: N805 - SQLAlchemy passes the class
        return mapped_column(String(20), ForeignKey("offices.code"), index=True, sort_order=-9)
