"""The member registry (会员) declared once: every field of a member, its status history and honours, with the
paper form's labels (《工会会员登记表》), value lists, limits, masks and the headers real rosters use."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from db.fields import Field
from db.models import Honour, Member, MemberEvent
from db.registry import UUID_FIELD, ColumnsProblem, ListColumn, RegistrySpec, TableSpec
from db.synonyms import EMPLOYER, GENDER, ID_NUMBER, MOBILE, PERSON_NAME, REMARKS

RESIDENT_ID = "居民身份证"

FIELDS = (
    Field("member_no", "会员编号", per_record=True, limit=30, synonyms=("会员号", "会员编码", "编号"),
          hint="保存时自动编号"),
    Field("name", "姓名", per_record=True, required=True, limit=50, synonyms=PERSON_NAME),
    Field("gender", "性别", "choice", choices="gender", synonyms=GENDER),
    Field("ethnicity", "民族", limit=20, choices="ethnicity", suggest=True, default="汉族", synonyms=("族别",)),
    Field("birth_date", "出生日期", "date", not_future=True,
          synonyms=("出生年月", "出生年月日", "生日", "出生时间")),
    Field("id_type", "证件类型", "choice", choices="id_type", default=RESIDENT_ID,
          synonyms=("证件种类", "身份证件类型")),
    Field("id_number", "身份证号", "id_number", required=True, limit=32, any_document=True, synonyms=ID_NUMBER,
          hint="18位，末位可为X"),
    Field("phone", "手机号码", "mobile", synonyms=MOBILE, hint="11位手机号码"),
    Field("employer", "工作单位", limit=100, synonyms=EMPLOYER),
    Field("employer_credit_code", "统一社会信用代码", "credit",
          synonyms=("信用代码", "社会信用代码", "单位统一社会信用代码", "组织机构代码"), hint="18位"),
    Field("employer_type", "单位性质", "choice", choices="employer_type",
          synonyms=("单位类型", "企业性质", "单位经济类型")),
    Field("industry", "所属行业", limit=30, choices="industry", suggest=True, synonyms=("行业", "行业类别")),
    Field("occupation", "职业/工种", limit=30, synonyms=("职业", "工种", "岗位", "职务", "职业工种", "从事职业")),
    Field("employment_form", "就业形态", "choice", choices="employment_form", default="标准就业",
          synonyms=("用工形式", "就业形式", "用工性质")),
    Field("is_migrant_worker", "是否农民工", "bool", synonyms=("农民工", "是否为农民工")),
    Field("skill_level", "技能等级", "choice", choices="skill_level",
          synonyms=("职业技能等级", "技术等级", "职业资格等级")),
    Field("education", "学历", "choice", choices="education", synonyms=("文化程度", "最高学历")),
    Field("political_status", "政治面貌", "choice", choices="political_status", synonyms=("党派",)),
    Field("card_no", "会员证号", per_record=True, limit=30, synonyms=("会员证编号", "会员卡号", "会员证")),
    Field("joined_on", "入会日期", "date", required=True, not_future=True,
          synonyms=("入会时间", "加入工会时间", "入会年月")),
    Field("base_union", "所属基层工会", limit=100, synonyms=("基层工会", "所属工会", "基层工会名称", "所在工会")),
    Field("status", "状态", "coded", choices="member_status"),
    Field("consent_on", "同意日期", "date", not_future=True, synonyms=("授权日期", "签署同意日期")),
    Field("remarks", "备注", limit=2000, synonyms=REMARKS),
    UUID_FIELD,
)

# Columns that cannot be empty but have a usual value: an emptied field goes back to it.
DEFAULTS = {f.attr: f.default for f in FIELDS if f.default is not None}
LABELS = {f.attr: f.label for f in FIELDS}
REQUIRED = tuple(f.attr for f in FIELDS if f.required)

def _check_stored(columns: Mapping[str, Sequence[Any]]) -> ColumnsProblem | None:
    from db.members.rules import check_stored_members  # the rule's home imports this declaration

    return check_stored_members(columns)


MEMBER_TABLE = TableSpec(Member, "会员", FIELDS, check_columns=_check_stored)

EVENT_TABLE = TableSpec(MemberEvent, "会员变动记录", (
    Field("member_uuid", "所属会员"),
    Field("kind", "变动类别", "coded", required=True, choices="member_event"),
    Field("on_date", "日期", "date", required=True),
    Field("from_status", "原状态", "coded", choices="member_status"),
    Field("to_status", "新状态", "coded", required=True, choices="member_status"),
    Field("counterpart", "对方单位", limit=100),
    Field("reason", "原因", limit=2000),
))

HONOUR_TABLE = TableSpec(Honour, "荣誉", (
    Field("member_uuid", "所属会员"),
    Field("kind", "荣誉", "choice", required=True, choices="honour_kind"),
    Field("level", "级别", "choice", choices="honour_level"),
    Field("title", "称号", limit=100),
    Field("year", "年度", "int", required=True, low=1950, high=2100),
    Field("issuer", "授予单位", limit=100),
))

MEMBERS = RegistrySpec(
    "members", "会员", MEMBER_TABLE, "会员名册", FIELDS,
    list_columns=(
        ListColumn("member_no", 100), ListColumn("name", 80), ListColumn("gender", 44),
        ListColumn("id_number", 160), ListColumn("phone", 110), ListColumn("employer", 200),
        ListColumn("employment_form", 90), ListColumn("base_union", 160), ListColumn("joined_on", 90),
        ListColumn("status", 56),
    ),
    search=("name", "id_number", "phone", "member_no"),
    form_groups=(
        ("身份信息", ("name", "id_type", "id_number", "gender", "birth_date", "ethnicity", "phone")),
        ("工作信息", ("employer", "employer_credit_code", "employer_type", "industry", "occupation",
                  "employment_form", "is_migrant_worker", "skill_level", "education", "political_status")),
        ("会籍信息", ("member_no", "card_no", "joined_on", "base_union")),
        ("其他", ("consent_on", "remarks")),
    ),
    forms=("member-form", "member-cards", "roster"),
    children=(EVENT_TABLE, HONOUR_TABLE),
    tabular_hooks="db.members.tabular:MemberHooks",
    tab="会员",
)

SPECS = (MEMBERS,)
TABLES = (MEMBER_TABLE, EVENT_TABLE, HONOUR_TABLE)
