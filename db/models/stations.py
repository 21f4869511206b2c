"""Warm stations (暖心驿站): stations, their services, service logs and inspections."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Float, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, RegistryRow, parent_column

STATION_STATUSES = ("planning", "running", "paused", "closed")


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


class StationService(RegistryRow, Base):
    """A service a station offers (one of the "八可" or a local addition)."""

    __tablename__ = "station_services"
    __table_args__ = (UniqueConstraint("station_uuid", "name"),)

    station_uuid: Mapped[str] = parent_column("stations.uuid")
    name: Mapped[str] = mapped_column(String(30))


class StationLog(RegistryRow, Base):
    """The service log (台账) of one day or one month."""

    __tablename__ = "station_logs"

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

    station_uuid: Mapped[str] = parent_column("stations.uuid")
    inspected_on: Mapped[dt.date]
    inspector: Mapped[str] = mapped_column(String(50))
    posted_hours: Mapped[str | None] = mapped_column(String(60))
    actual_hours: Mapped[str | None] = mapped_column(String(60))
    medicine_expiry: Mapped[dt.date | None]
    score: Mapped[int | None] = mapped_column(Integer)
    findings: Mapped[str | None] = mapped_column(Text)
    follow_up: Mapped[str | None] = mapped_column(Text)
