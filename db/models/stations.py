"""Warm stations (暖心驿站): stations, their services, service logs and inspections."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Float, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, validates

from db.models.base import Base, RegistryRow, parent_column
from db.pinyin import PLACE_INITIALS_LENGTH, place_initials

PLANNING, RUNNING, PAUSED, CLOSED = "planning", "running", "paused", "closed"
STATION_STATUSES = (PLANNING, RUNNING, PAUSED, CLOSED)


class SixChecks:
    """The "六有" standard as six yes/no columns, shared by stations and inspections."""

    has_sign: Mapped[bool] = mapped_column(default=False)  # 统一标识
    has_fixed_place: Mapped[bool] = mapped_column(default=False)  # 固定场所
    has_facilities: Mapped[bool] = mapped_column(default=False)  # 完备设施
    has_rules: Mapped[bool] = mapped_column(default=False)  # 管理制度
    has_staff: Mapped[bool] = mapped_column(default=False)  # 人员管理
    on_map: Mapped[bool] = mapped_column(default=False)  # 地图可查


class Station(SixChecks, RegistryRow, Base):
    """A warm station for outdoor workers."""

    __tablename__ = "stations"
    __table_args__ = (Index("ix_stations_name_initials_uuid", "name_initials", "uuid"),)

    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str]
    address: Mapped[str | None] = mapped_column(String(200))
    host_type: Mapped[str | None] = mapped_column(String(10))  # 企业/社区/工会/商户/机关
    host_name: Mapped[str | None]
    manager: Mapped[str | None] = mapped_column(String(50))
    phone: Mapped[str | None] = mapped_column(String(20))
    opening_hours: Mapped[str | None] = mapped_column(String(60))
    area_sqm: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(12), default="running")
    built_on: Mapped[dt.date | None]
    stars: Mapped[int | None] = mapped_column(Integer)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # the pinyin initials of the name, every reading (``zymyz cymyz``): ``cym`` finds 朝阳门驿站. Kept by
    # the validator below on every ORM write; Core inserts fill it with search_columns(). Added by migration
    # 0004 after the system columns: sort_order keeps create_all alike.
    name_initials: Mapped[str] = mapped_column(String(PLACE_INITIALS_LENGTH), default="", sort_order=1)

    @validates("name")
    def _name_set(self, _key: str, name: str) -> str:
        self.name_initials = place_initials(name or "")
        return name


def search_columns(row: dict[str, Any]) -> dict[str, Any]:
    """A station row for a Core insert (an import, the demo) with its search columns filled from its name."""
    row["name_initials"] = place_initials(row.get("name") or "")
    return row


class StationService(RegistryRow, Base):
    """A service a station offers (one of the "八可" or a local addition)."""

    __tablename__ = "station_services"
    __table_args__ = (UniqueConstraint("station_uuid", "name"),)

    station_uuid: Mapped[str] = parent_column("stations.uuid")
    name: Mapped[str] = mapped_column(String(30))


class StationEvent(RegistryRow, Base):
    """One step of a station's status history: 登记, 启用, 暂停, 恢复运行, 撤销."""

    __tablename__ = "station_events"

    station_uuid: Mapped[str] = parent_column("stations.uuid")
    kind: Mapped[str] = mapped_column(String(16))
    on_date: Mapped[dt.date]
    from_status: Mapped[str | None] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str | None] = mapped_column(Text)


class StationLog(RegistryRow, Base):
    """The service log (台账) of one day or one month: one row per station, period and date (a month
    entered twice would count its visitors twice in every total)."""

    __tablename__ = "station_logs"
    __table_args__ = (
        UniqueConstraint("station_uuid", "period", "on_date"),
        # the stations that logged a month (needs attention), the months of a year (year view): a range of dates
        Index("ix_station_logs_on_date", "on_date", "station_uuid", "deleted"),
    )

    station_uuid: Mapped[str] = parent_column("stations.uuid")
    period: Mapped[str] = mapped_column(String(6))  # day / month
    on_date: Mapped[dt.date]  # the day, or the first day of the month
    visits_total: Mapped[int] = mapped_column(Integer, default=0)
    visits_courier: Mapped[int] = mapped_column(Integer, default=0)
    visits_rider: Mapped[int] = mapped_column(Integer, default=0)
    visits_sanitation: Mapped[int] = mapped_column(Integer, default=0)
    visits_driver: Mapped[int] = mapped_column(Integer, default=0)
    visits_other: Mapped[int] = mapped_column(Integer, default=0)
    services_used: Mapped[str | None] = mapped_column(Text)
    supplies_received: Mapped[str | None] = mapped_column(Text)
    supplies_used: Mapped[str | None] = mapped_column(Text)


class StationInspection(SixChecks, RegistryRow, Base):
    """An inspection of a station against the "六有" standard."""

    __tablename__ = "station_inspections"
    # every column the needs-attention queries read, so that they never visit the table (db.stations.cases)
    __table_args__ = (Index("ix_station_inspections_attention", "station_uuid", "inspected_on", "deleted",
                            "medicine_expiry", "follow_up_due_on", "follow_up_done_on"),)

    station_uuid: Mapped[str] = parent_column("stations.uuid")
    inspected_on: Mapped[dt.date]
    inspector: Mapped[str] = mapped_column(String(50))
    posted_hours: Mapped[str | None] = mapped_column(String(60))
    actual_hours: Mapped[str | None] = mapped_column(String(60))
    medicine_expiry: Mapped[dt.date | None]
    score: Mapped[int | None] = mapped_column(Integer)
    findings: Mapped[str | None] = mapped_column(Text)
    follow_up: Mapped[str | None] = mapped_column(Text)
    # added by migration 0003, which appends them after the system columns: sort_order keeps create_all alike
    follow_up_due_on: Mapped[dt.date | None] = mapped_column(sort_order=1)  # 整改期限
    follow_up_done_on: Mapped[dt.date | None] = mapped_column(sort_order=1)  # 整改完成日期: open until set


class StationRating(RegistryRow, Base):
    """A star assessment (评星) of a station: the yearly one, or a mark-down an inspection proposed, which
    counts (sets the station's stars) only once a person confirms it."""

    __tablename__ = "station_ratings"

    station_uuid: Mapped[str] = parent_column("stations.uuid")
    year: Mapped[int] = mapped_column(Integer)
    stars: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    assessed_on: Mapped[dt.date]
    proposed_by_inspection_uuid: Mapped[str | None] = parent_column("station_inspections.uuid", nullable=True)
    confirmed: Mapped[bool] = mapped_column(default=False)
