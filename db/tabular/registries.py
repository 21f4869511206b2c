"""The six registries as tables (design §4: ``members``, ``stations``, ``contests``, ``entries``,
``aid-cases``, ``aid-payments``): their columns in the order of the paper forms, with DOMAIN.md's labels.

Every table ends with :data:`UUID_FIELD` (系统编号), so that a sheet exported and edited comes back onto the
same records; a roster made elsewhere has no such column and is matched by the registry's natural key
(the ID number of a member, the code of a station, …; :mod:`db.tabular.plan`).
"""

from __future__ import annotations

from dataclasses import dataclass

from db.member_fields import LABELS as MEMBER_LABELS
from db.models import AidCase, AidPayment, Contest, ContestEntry, Member, RegistryRow, Station
from db.tabular.fields import Field

UUID_FIELD = Field("uuid", "系统编号", limit=36)


@dataclass(frozen=True)
class Registry:
    """A registry as one table: ``name`` as in the command line, ``label`` for people, ``fields`` in order."""

    name: str
    label: str
    model: type[RegistryRow]
    fields: tuple[Field, ...]

    def field(self, attr: str) -> Field:
        for field in self.fields:
            if field.attr == attr:
                return field
        raise KeyError(attr)

    @property
    def table_name(self) -> str:
        return str(self.model.__table__.name)  # type: ignore[attr-defined]

    @property
    def writable(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.readonly and f.attr != "uuid")


def _member_field(attr: str, kind: str = "text", **options: object) -> Field:
    return Field(attr, MEMBER_LABELS[attr], kind, **options)  # type: ignore[arg-type]


MEMBERS = Registry("members", "会员", Member, (
    _member_field("member_no", limit=30),
    _member_field("name", required=True, limit=50),
    _member_field("gender", "choice", choices="gender"),
    _member_field("ethnicity", limit=20),
    _member_field("birth_date", "date"),
    _member_field("id_type", "choice", choices="id_type"),
    _member_field("id_number", "id_number", required=True),
    _member_field("phone", "phone"),
    _member_field("employer", limit=100),
    _member_field("employer_credit_code", "credit"),
    _member_field("employer_type", "choice", choices="employer_type"),
    _member_field("industry", limit=30),
    _member_field("occupation", limit=30),
    _member_field("employment_form", "choice", choices="employment_form"),
    _member_field("is_migrant_worker", "bool"),
    _member_field("skill_level", "choice", choices="skill_level"),
    _member_field("education", "choice", choices="education"),
    _member_field("political_status", "choice", choices="political_status"),
    _member_field("card_no", limit=30),
    _member_field("joined_on", "date", required=True),
    _member_field("base_union", limit=100),
    _member_field("status", "coded", choices="member_status"),
    _member_field("consent_on", "date"),
    _member_field("remarks", limit=2000),
    UUID_FIELD,
))

STATIONS = Registry("stations", "暖心驿站", Station, (
    Field("code", "编号", required=True, limit=30),
    Field("name", "名称", required=True, limit=100),
    Field("address", "地址", limit=200),
    Field("host_type", "建设单位类型", "choice", choices="station_host_type"),
    Field("host_name", "建设单位", limit=100),
    Field("manager", "负责人", limit=50),
    Field("phone", "联系电话", "phone"),
    Field("opening_hours", "开放时间", limit=60),
    Field("area_sqm", "面积（平方米）", "float", low=0, high=100_000),
    Field("status", "状态", "coded", choices="station_status"),
    Field("built_on", "建成日期", "date"),
    Field("stars", "星级", "int", low=0, high=5),
    Field("has_sign", "统一标识", "bool"),
    Field("has_fixed_place", "固定场所", "bool"),
    Field("has_facilities", "完备设施", "bool"),
    Field("has_rules", "管理制度", "bool"),
    Field("has_staff", "人员管理", "bool"),
    Field("on_map", "地图可查", "bool"),
    Field("services", "服务项目", limit=500),  # the station's services, "、"-separated
    Field("latitude", "纬度", "float", low=-90, high=90),
    Field("longitude", "经度", "float", low=-180, high=180),
    UUID_FIELD,
))

CONTESTS = Registry("contests", "技能竞赛", Contest, (
    Field("name", "竞赛名称", required=True, limit=120),
    Field("trade", "工种", required=True, limit=40),
    Field("level", "级别", "choice", required=True, choices="contest_level"),
    Field("organizer", "主办单位", limit=200),
    Field("host", "承办单位", limit=200),
    Field("starts_on", "开始日期", "date", required=True),
    Field("ends_on", "结束日期", "date", required=True),
    Field("venue", "地点", limit=120),
    Field("status", "状态", "coded", choices="contest_status"),
    Field("theory_weight", "理论权重（%）", "int", low=0, high=100),
    Field("practical_weight", "实操权重（%）", "int", low=0, high=100),
    Field("pass_mark", "及格分", "int", low=0, high=100),
    Field("judge_count", "裁判人数", "int", low=1, high=50),
    Field("drop_extremes", "去掉最高最低分", "bool"),
    Field("quota_first", "一等奖名额", "int", low=0, high=1000),
    Field("quota_second", "二等奖名额", "int", low=0, high=1000),
    Field("quota_third", "三等奖名额", "int", low=0, high=1000),
    Field("quota_merit", "优胜奖名额", "int", low=0, high=1000),
    UUID_FIELD,
))

ENTRIES = Registry("entries", "参赛选手", ContestEntry, (
    Field("contest_name", "竞赛名称", required=True, limit=120),  # with 竞赛开始日期: which contest
    Field("contest_starts_on", "竞赛开始日期", "date", required=True),
    Field("entry_no", "参赛证号", required=True, limit=30),
    Field("name", "姓名", required=True, limit=50),
    Field("gender", "性别", "choice", choices="gender"),
    Field("id_number", "身份证号", "id_number"),
    Field("employer", "工作单位", limit=100),
    Field("team", "代表队", limit=100),
    Field("theory_score", "理论成绩", "score", low=0, high=100),
    Field("practical_score", "实操成绩", "score", low=0, high=100),
    Field("total_score", "总成绩", "score", readonly=True),  # computed from the contest's weights
    Field("rank", "名次", "int", low=1, high=100_000),
    Field("award", "奖项", "choice", choices="award"),
    Field("title", "称号", "choice", choices="contest_title"),
    Field("certificate_no", "证书编号", limit=40),
    Field("second_reward_note", "二次奖励", limit=500),
    Field("eligibility_notes", "资格说明", limit=500),
    UUID_FIELD,
))

AID_CASES = Registry("aid-cases", "困难职工档案", AidCase, (
    Field("case_no", "档案编号", required=True, limit=30),
    Field("member_name", "姓名", readonly=True),  # of the member, looked up by the ID number
    Field("member_id_number", "身份证号", "id_number", required=True),
    Field("category", "困难类别", "choice", required=True, choices="aid_category"),
    Field("main_cause", "主要致困原因", "choice", required=True, choices="aid_cause"),
    Field("minor_causes", "次要致困原因", limit=120),  # up to three of aid_cause, "、"-separated
    Field("health", "健康状况", "choice", choices="health"),
    Field("disability", "残疾类别", "choice", choices="disability"),
    Field("work_status", "工作状态", "choice", choices="work_status"),
    Field("housing", "住房类型", "choice", choices="housing"),
    Field("hukou", "户口类型", "choice", choices="hukou"),
    Field("address", "家庭住址", limit=200),
    Field("marital_status", "婚姻状况", "choice", choices="marital_status"),
    Field("single_parent", "是否单亲", "bool"),
    Field("monthly_income_fen", "本人月平均收入（元）", "money", low=0, high=10_000_000),
    Field("household_income_fen", "家庭年度总收入（元）", "money", low=0, high=100_000_000),
    Field("household_size", "家庭人口", "int", low=1, high=30),
    Field("per_capita_fen", "家庭月人均收入（元）", "money", readonly=True),
    Field("medical_insurance", "医保状况", "choice", choices="medical_insurance"),
    Field("zero_employment", "零就业家庭", "bool"),
    Field("bank_name", "开户银行", limit=60),
    Field("bank_account", "银行卡号", "bank"),
    Field("status", "状态", "coded", choices="aid_status"),
    Field("next_review_on", "下次复核日期", "date"),
    Field("remarks", "备注", limit=2000),
    UUID_FIELD,
))

AID_PAYMENTS = Registry("aid-payments", "帮扶记录", AidPayment, (
    Field("case_no", "档案编号", required=True, limit=30),
    Field("member_name", "姓名", readonly=True),
    Field("kind", "帮扶类型", "choice", required=True, choices="aid_payment_kind"),
    Field("amount_fen", "金额（元）", "money", required=True, low=0.01, high=1_000_000),
    Field("paid_on", "发放日期", "date", required=True),
    Field("method", "发放方式", "choice", required=True, choices="payment_method"),
    Field("approver", "审批人", limit=64),
    Field("voucher_no", "凭证号", limit=40),
    Field("remarks", "备注", limit=2000),
    UUID_FIELD,
))

REGISTRIES: dict[str, Registry] = {r.name: r for r in (MEMBERS, STATIONS, CONTESTS, ENTRIES, AID_CASES,
                                                         AID_PAYMENTS)}


def registry(name: str) -> Registry:
    """The registry called ``name`` on the command line; ValueError with the valid names otherwise."""
    try:
        return REGISTRIES[name]
    except KeyError:
        raise ValueError(f"没有名为“{name}”的台账，可选：{'、'.join(REGISTRIES)}") from None
