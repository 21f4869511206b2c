"""The member registry (会员): members, their status history and honours (DOMAIN.md, Members)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, Integer, String, Text, UniqueConstraint, column, func, text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, RegistryRow, parent_column

# Member status codes; the Chinese labels live in resources/reference/labels.json.
ACTIVE, TRANSFERRED_OUT, LEFT, DECEASED = "active", "transferred_out", "left", "deceased"
MEMBER_STATUSES = (ACTIVE, TRANSFERRED_OUT, LEFT, DECEASED)


class Member(RegistryRow, Base):
    """A union member (会员) of one office."""

    __tablename__ = "members"
    __table_args__ = (
        UniqueConstraint("office_code", "member_no"),
        Index("ix_members_name_initials_uuid", "name_initials", "uuid"),
        Index("ix_members_name_pinyin_uuid", "name_pinyin", "uuid"),
        Index("ix_members_name_uuid", "name", "uuid"),
        # Keyset paging of the member list (db.members.listing): one (value, uuid) index per sortable column;
        # they also serve the exact lookups (ID number, phone, member number) and the filters.
        *(Index(f"ix_members_{name}_uuid", name, "uuid") for name in (
            "member_no", "gender", "birth_date", "id_number", "phone", "employer", "employment_form",
            "joined_on", "status", "base_union", "office_code", "updated_at")),
        # Search (db.members.search): the last 4 or 6 characters of the ID number, the name from its second and
        # third character on, the few names longer than three characters, and the deleted rows (counts).
        Index("ix_members_id_tail4", func.substr(column("id_number"), 15)),
        Index("ix_members_id_tail6", func.substr(column("id_number"), 13)),
        Index("ix_members_name_from2", func.substr(column("name"), 2)),
        Index("ix_members_name_from3", func.substr(column("name"), 3)),
        Index("ix_members_long_name", "name", sqlite_where=text("length(name) > 3"),
              postgresql_where=text("length(name) > 3")),
        Index("ix_members_deleted", "uuid", sqlite_where=text("deleted = 1"), postgresql_where=text("deleted")),
    )

    name: Mapped[str] = mapped_column(String(50))
    name_pinyin: Mapped[str] = mapped_column(String(200), default="")
    name_initials: Mapped[str] = mapped_column(String(50), default="")
    gender: Mapped[str] = mapped_column(String(2))
    ethnicity: Mapped[str] = mapped_column(String(20), default="汉族")
    birth_date: Mapped[dt.date | None]
    id_type: Mapped[str] = mapped_column(String(20), default="居民身份证")
    id_number: Mapped[str] = mapped_column(String(32))
    phone: Mapped[str | None] = mapped_column(String(20))

    employer: Mapped[str | None]
    employer_credit_code: Mapped[str | None] = mapped_column(String(18))
    employer_type: Mapped[str | None] = mapped_column(String(20))
    industry: Mapped[str | None] = mapped_column(String(30))
    occupation: Mapped[str | None] = mapped_column(String(30))
    employment_form: Mapped[str] = mapped_column(String(20), default="标准就业")
    is_migrant_worker: Mapped[bool] = mapped_column(default=False)
    skill_level: Mapped[str | None] = mapped_column(String(20))
    education: Mapped[str | None] = mapped_column(String(20))
    political_status: Mapped[str | None] = mapped_column(String(20))

    member_no: Mapped[str] = mapped_column(String(30))
    card_no: Mapped[str | None] = mapped_column(String(30))
    joined_on: Mapped[dt.date]
    base_union: Mapped[str | None]
    status: Mapped[str] = mapped_column(String(16), default=ACTIVE)
    remarks: Mapped[str | None] = mapped_column(Text)
    consent_on: Mapped[dt.date | None]


class MemberEvent(RegistryRow, Base):
    """One step of a member's status history: 入会, 转出, 转入, 退会, 去世, 恢复."""

    __tablename__ = "member_events"

    member_uuid: Mapped[str] = parent_column("members.uuid")
    kind: Mapped[str] = mapped_column(String(16))
    on_date: Mapped[dt.date]
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    counterpart: Mapped[str | None]  # the union transferred to or from
    reason: Mapped[str | None] = mapped_column(Text)


class Honour(RegistryRow, Base):
    """An honour (荣誉) of a member: 劳动模范, 五一劳动奖章, 工匠, 技术能手."""

    __tablename__ = "honours"

    member_uuid: Mapped[str] = parent_column("members.uuid")
    kind: Mapped[str] = mapped_column(String(20))
    level: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str | None]
    year: Mapped[int] = mapped_column(Integer)
    issuer: Mapped[str | None]
