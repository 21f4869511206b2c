"""The warm-station registry (暖心驿站 / 户外劳动者服务站点) declared once: a station, its services (the "八可"),
its service logs (台账) and inspections, with DOMAIN.md's labels and value lists."""

from __future__ import annotations

from db.fields import Field
from db.models import Station, StationEvent, StationInspection, StationLog, StationRating, StationService
from db.registry import UUID_FIELD, ListColumn, RegistrySpec, TableSpec
from db.synonyms import PHONE

SIX_CHECKS = (
    Field("has_sign", "统一标识", "bool"),
    Field("has_fixed_place", "固定场所", "bool"),
    Field("has_facilities", "完备设施", "bool"),
    Field("has_rules", "管理制度", "bool"),
    Field("has_staff", "人员管理", "bool"),
    Field("on_map", "地图可查", "bool"),
)

FIELDS = (
    Field("code", "编号", per_record=True, required=True, limit=30, synonyms=("驿站编号", "站点编号")),
    Field("name", "名称", per_record=True, required=True, limit=100, synonyms=("驿站名称", "站点名称")),
    Field("address", "地址", limit=200, synonyms=("驿站地址", "详细地址", "所在地址")),
    Field("host_type", "建设单位类型", "choice", choices="station_host_type"),
    Field("host_name", "建设单位", limit=100, synonyms=("建设单位名称", "依托单位")),
    Field("manager", "负责人", limit=50, synonyms=("联系人", "管理员")),
    Field("phone", "联系电话", "phone", synonyms=PHONE),
    Field("opening_hours", "开放时间", limit=60),
    Field("area_sqm", "面积（平方米）", "float", low=0, high=100_000),
    Field("status", "状态", "coded", choices="station_status", default="running"),
    Field("built_on", "建成日期", "date"),
    Field("stars", "星级", "int", low=1, high=5),
    *SIX_CHECKS,
    Field("services", "服务项目", limit=500),  # the station's services, "、"-separated (station_services)
    Field("latitude", "纬度", "float", low=-90, high=90),
    Field("longitude", "经度", "float", low=-180, high=180),
    UUID_FIELD,
)

STATION_TABLE = TableSpec(Station, "暖心驿站", FIELDS)

SERVICE_TABLE = TableSpec(StationService, "驿站服务项目", (
    Field("station_uuid", "所属驿站"),
    Field("name", "服务项目", required=True, limit=30),
))

EVENT_TABLE = TableSpec(StationEvent, "驿站状态变动", (
    Field("station_uuid", "所属驿站"),
    Field("kind", "变动类别", "coded", required=True, choices="station_event"),
    Field("on_date", "日期", "date", required=True),
    Field("from_status", "原状态", "coded", choices="station_status"),
    Field("to_status", "新状态", "coded", required=True, choices="station_status"),
    Field("reason", "原因", limit=2000),
))

_VISITS = (
    Field("visits_total", "服务人次", "int", low=0, high=10_000_000),
    Field("visits_courier", "快递员", "int", low=0, high=10_000_000),
    Field("visits_rider", "外卖送餐员", "int", low=0, high=10_000_000),
    Field("visits_sanitation", "环卫工人", "int", low=0, high=10_000_000),
    Field("visits_driver", "网约车司机", "int", low=0, high=10_000_000),
    Field("visits_other", "其他", "int", low=0, high=10_000_000),
)
LOG_TABLE = TableSpec(StationLog, "驿站服务台账", (
    Field("station_uuid", "所属驿站"),
    Field("period", "周期", "coded", required=True, choices="log_period"),
    Field("on_date", "日期", "date", required=True),
    *_VISITS,
    Field("services_used", "使用服务", limit=2000),
    Field("supplies_received", "物资领入", limit=2000),
    Field("supplies_used", "物资使用", limit=2000),
))

# The further sheets of a stations export name each row's station by its code and name (a uuid means
# nothing to a clerk): the logs, the inspections, the star ratings and the status history.
STATION_REF_FIELDS = (
    Field("station_code", "驿站编号"),
    Field("station_name", "驿站名称"),
)
LOG_SHEET_FIELDS = (
    *STATION_REF_FIELDS,
    *(f for f in LOG_TABLE.fields if f.attr != "station_uuid"),
)

INSPECTION_TABLE = TableSpec(StationInspection, "驿站检查", (
    Field("station_uuid", "所属驿站"),
    Field("inspected_on", "检查日期", "date", required=True),
    Field("inspector", "检查人", required=True, limit=50),
    *SIX_CHECKS,
    Field("posted_hours", "公示开放时间", limit=60),
    Field("actual_hours", "实际开放时间", limit=60),
    Field("medicine_expiry", "药品有效期", "date"),
    Field("score", "得分", "int", low=0, high=100),
    Field("findings", "发现问题", limit=2000),
    Field("follow_up", "整改情况", limit=2000),
    Field("follow_up_due_on", "整改期限", "date"),
    Field("follow_up_done_on", "整改完成日期", "date"),
))

RATING_TABLE = TableSpec(StationRating, "驿站评星", (
    Field("station_uuid", "所属驿站"),
    Field("year", "年度", "int", required=True, low=2000, high=2100),
    Field("stars", "星级", "int", required=True, low=1, high=5),
    Field("reason", "评定理由", limit=2000),
    Field("assessed_on", "评定日期", "date", required=True),
    Field("proposed_by_inspection_uuid", "提议降星的检查"),
    Field("confirmed", "已确认", "bool"),
))

INSPECTION_SHEET_FIELDS = (
    *STATION_REF_FIELDS,
    *(f for f in INSPECTION_TABLE.fields if f.attr != "station_uuid"),
)
# a mark-down proposed by an inspection names it by its date
RATING_SHEET_FIELDS = (
    *STATION_REF_FIELDS,
    *(Field("proposed_by_inspection_on", "提议降星的检查日期", "date") if f.attr == "proposed_by_inspection_uuid"
      else f for f in RATING_TABLE.fields if f.attr != "station_uuid"),
)
EVENT_SHEET_FIELDS = (
    *STATION_REF_FIELDS,
    *(f for f in EVENT_TABLE.fields if f.attr != "station_uuid"),
)

STATIONS = RegistrySpec(
    "stations", "暖心驿站", STATION_TABLE, "暖心驿站", FIELDS,
    list_columns=(ListColumn("code", 140), ListColumn("name", 180), ListColumn("address", 240),
                  ListColumn("host_type", 100), ListColumn("manager", 70), ListColumn("phone", 110),
                  ListColumn("status", 56), ListColumn("stars", 44)),
    search=("code", "name", "address", "host_name", "manager"),
    form_groups=(
        ("基本信息", ("code", "name", "address", "host_type", "host_name", "manager", "phone", "opening_hours",
                  "area_sqm", "built_on", "latitude", "longitude")),
        ("六有", tuple(f.attr for f in SIX_CHECKS)),
        ("服务与评星", ("services", "stars")),
    ),
    forms=("station-card", "station-log", "station-inspection", "station-roster"),
    children=(SERVICE_TABLE, EVENT_TABLE, LOG_TABLE, INSPECTION_TABLE, RATING_TABLE),
    tabular_hooks="db.stations.tabular:StationHooks",
    tab="暖心驿站",
)

SPECS = (STATIONS,)
TABLES = (STATION_TABLE, SERVICE_TABLE, EVENT_TABLE, LOG_TABLE, INSPECTION_TABLE, RATING_TABLE)
