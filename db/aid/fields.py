"""The hardship-aid registry declared once: a hardship file (一户一档) with its household, workflow steps,
payments, the paper documents it holds and the objections to its 公示, the 送温暖 campaigns with their
festival visits (两节送温暖) and its students' 金秋助学 grants. A payment without a file is an emergency
payment (应急救助) to a worker not in 在档: its payee's name and ID number and the reason are kept instead.
Health, disability, income and bank numbers are sensitive (PIPL Art. 28)."""

from __future__ import annotations

from db.aid.campaign_rules import check_campaign
from db.aid.payment_rules import check_payment_row
from db.aid.rules import check_case
from db.fields import Field
from db.models import (
    AidCase,
    AidCaseDocument,
    AidCaseStep,
    AidHouseholdMember,
    AidObjection,
    AidPayment,
    AidReview,
    AidReviewRound,
    AidStudentGrant,
    FestivalCampaign,
    FestivalVisit,
)
from db.registry import UUID_FIELD, ListColumn, RegistrySpec, TableSpec, row_by_row
from db.synonyms import ID_NUMBER, PERSON_NAME, REMARKS

_INCOME = 100_000_000  # yuan: far above any household's, far below an integer's limits

CASE_FIELDS = (
    Field("case_no", "档案编号", per_record=True, required=True, limit=30, synonyms=("档案号", "建档编号")),
    Field("member_name", "姓名", readonly=True, synonyms=PERSON_NAME),  # of the member, by the ID number
    Field("member_id_number", "身份证号", "id_number", required=True, synonyms=ID_NUMBER),
    Field("category", "困难类别", "choice", required=True, choices="aid_category",
          synonyms=("困难类型", "困难职工类别")),
    Field("main_cause", "主要致困原因", "choice", required=True, choices="aid_cause", synonyms=("致困原因",)),
    Field("minor_causes", "次要致困原因", "multi", choices="aid_cause", high=3),
    Field("health", "健康状况", "choice", choices="health", sensitive=True),
    Field("disability", "残疾类别", "choice", choices="disability", sensitive=True),
    Field("work_status", "工作状态", "choice", choices="work_status"),
    Field("housing", "住房类型", "choice", choices="housing"),
    Field("hukou", "户口类型", "choice", choices="hukou", synonyms=("户籍类型", "户口性质")),
    Field("address", "家庭住址", limit=200, synonyms=("住址", "家庭地址", "现住址", "居住地址")),
    Field("marital_status", "婚姻状况", "choice", choices="marital_status"),
    Field("single_parent", "是否单亲", "bool", synonyms=("单亲",)),
    Field("monthly_income_fen", "本人月平均收入（元）", "money", low=0, high=10_000_000, sensitive=True),
    Field("household_income_fen", "家庭年度总收入（元）", "money", low=0, high=_INCOME, sensitive=True),
    Field("household_size", "家庭人口", "int", low=1, high=30, synonyms=("家庭人口数", "家庭成员人数")),
    Field("per_capita_fen", "家庭月人均收入（元）", "money", readonly=True, sensitive=True),
    Field("medical_insurance", "医保状况", "choice", choices="medical_insurance", synonyms=("医疗保险",)),
    Field("zero_employment", "零就业家庭", "bool", synonyms=("是否零就业家庭",)),
    Field("bank_name", "开户银行", limit=60, synonyms=("开户行", "银行")),
    Field("bank_account", "银行卡号", "bank", synonyms=("银行账号", "卡号", "账号")),
    Field("status", "状态", "coded", choices="aid_status", default="applied"),
    Field("next_review_on", "下次复核日期", "date"),
    Field("remarks", "备注", limit=2000, synonyms=REMARKS),
    UUID_FIELD,
)

PAYMENT_FIELDS = (
    # empty for an emergency payment (应急救助) to a worker without a file in 在档: then 收款人 and 身份证号
    Field("case_no", "档案编号", limit=30, synonyms=("档案号", "建档编号")),
    Field("member_name", "姓名", readonly=True, synonyms=PERSON_NAME),
    Field("kind", "帮扶类型", "choice", required=True, choices="aid_payment_kind", synonyms=("救助类型", "帮扶类别")),
    Field("amount_fen", "金额（元）", "money", required=True, low=0.01, high=1_000_000,
          synonyms=("金额", "发放金额", "帮扶金额")),
    Field("paid_on", "发放日期", "date", required=True, synonyms=("发放时间", "帮扶日期")),
    Field("method", "发放方式", "choice", required=True, choices="payment_method"),
    Field("approver", "审批人", limit=64),
    Field("voucher_no", "凭证号", per_record=True, limit=40, synonyms=("凭证编号",)),
    Field("payee_name", "收款人（未在档）", limit=50, synonyms=("收款人",)),
    Field("payee_id_number", "收款人身份证号", "id_number", synonyms=("收款人证件号码",)),
    Field("reason", "救助事由", limit=2000, synonyms=("事由", "应急救助事由")),
    Field("override_by", "超限审批人", readonly=True),
    Field("override_reason", "超限理由", limit=2000),
    Field("remarks", "备注", limit=2000, synonyms=REMARKS),
    UUID_FIELD,
)

# 一人多档 across the offices of a district: a conflict at the district's import (db.aid.one_file)
ONE_FILE = "db.aid.one_file:OneFileAcrossOffices"

CASE_TABLE = TableSpec(AidCase, "困难职工档案", (
    Field("member_uuid", "会员"),
    *(f for f in CASE_FIELDS if f.attr not in ("member_name", "member_id_number", "per_capita_fen")),
    Field("filed_by", "建档人", required=True, limit=64),
    Field("closed_reason", "撤档原因", limit=60),
    Field("closed_on", "撤档日期", "date"),
    Field("publicized_on", "公示开始日期", "date"),
    Field("attachments", "附件"),
), check_columns=row_by_row(check_case), across_offices=ONE_FILE)

STEP_TABLE = TableSpec(AidCaseStep, "帮扶档案流程", (
    Field("case_uuid", "所属档案"),
    Field("step", "环节", "coded", required=True, choices="aid_step"),
    Field("actor", "办理人", required=True, limit=64),
    Field("at", "办理时间", "datetime", required=True),
    Field("on_date", "办理日期", "date"),
    Field("note", "意见", limit=2000),
))

DOCUMENT_TABLE = TableSpec(AidCaseDocument, "困难职工档案材料", (
    Field("case_uuid", "所属档案"),
    Field("part", "档案类别", "coded", required=True, choices="aid_document_part"),
    Field("name", "材料名称", required=True, limit=60),
    Field("received_on", "收到日期", "date", required=True, not_future=True),
))

OBJECTION_TABLE = TableSpec(AidObjection, "公示异议", (
    Field("case_uuid", "所属档案"),
    Field("raised_on", "异议日期", "date", required=True, not_future=True),
    Field("content", "异议内容", required=True, limit=2000),
    Field("recorded_by", "登记人", required=True, limit=64),
    Field("outcome", "处理结果", "coded", choices="aid_objection_outcome"),
    Field("outcome_reason", "处理意见", limit=2000),
    Field("decided_on", "处理日期", "date", not_future=True),
    Field("decided_by", "处理人", limit=64),
))

HOUSEHOLD_TABLE = TableSpec(AidHouseholdMember, "困难职工家庭成员", (
    Field("case_uuid", "所属档案"),
    Field("name", "姓名", required=True, limit=50),
    Field("relation", "关系", "choice", required=True, choices="relation"),
    Field("gender", "性别", "choice", choices="gender"),
    Field("id_number", "身份证号", "id_number"),
    Field("birth_date", "出生日期", "date"),
    Field("health", "健康状况", "choice", choices="health", sensitive=True),
    Field("monthly_income_fen", "月收入（元）", "money", low=0, high=10_000_000, sensitive=True),
    Field("employer_or_school", "单位或学校", limit=100),
), across_offices=ONE_FILE)

PAYMENT_TABLE = TableSpec(AidPayment, "帮扶记录", (
    Field("case_uuid", "所属档案"),
    *(f for f in PAYMENT_FIELDS if f.attr not in ("case_no", "member_name", "override_by")),
    Field("override_by", "超限审批人", limit=64),
), check_columns=row_by_row(check_payment_row))  # a batch's payment as the app makes one (issue 14)

STUDENT_TABLE = TableSpec(AidStudentGrant, "金秋助学", (
    Field("case_uuid", "所属档案"),
    Field("student_uuid", "学生（家庭成员）"),
    Field("year", "年度", "int", required=True, low=2000, high=2100),
    Field("school_level", "就读阶段", "choice", required=True, choices="student_level", synonyms=("学历层次",)),
    Field("school", "学校", limit=100, synonyms=("就读学校", "录取学校")),
    Field("amount_fen", "资助金额（元）", "money", required=True, low=0.01, high=1_000_000),
    Field("aided_elsewhere", "已获其他资助", "bool", synonyms=("是否已获其他资助",)),
    Field("elsewhere_note", "其他资助情况", limit=100),
    Field("publicized_on", "公示开始日期", "date"),
    Field("paid_on", "发放日期", "date"),
    Field("payment_uuid", "帮扶记录"),
    Field("remarks", "备注", limit=2000, synonyms=REMARKS),
))

VISIT_TABLE = TableSpec(FestivalVisit, "两节送温暖", (
    Field("year", "年度", "int", required=True, low=1950, high=2100),
    Field("festival", "节日", "choice", required=True, choices="festival"),
    Field("case_uuid", "困难档案"),
    Field("member_uuid", "会员"),
    Field("name", "姓名", required=True, limit=50),
    Field("group", "慰问对象类别", "choice", required=True, choices="festival_group"),
    Field("visited_on", "慰问日期", "date", required=True),
    Field("gift", "慰问品", limit=100),
    Field("amount_fen", "慰问金（元）", "money", low=0, high=1_000_000),
    Field("visitor", "慰问人", limit=64),
    Field("campaign_uuid", "送温暖活动"),
    Field("id_number", "身份证号", "id_number"),
    Field("payment_uuid", "帮扶记录"),  # the 送温暖慰问 payment its 慰问金 made in the household's file
))

# 年度复核 (db.aid.review): a round per office and year with the seed of its home-visit sample, a review per file
REVIEW_ROUND_TABLE = TableSpec(AidReviewRound, "年度复核批次", (
    Field("year", "复核年度", "int", required=True, low=1950, high=2100),
    Field("seed", "抽样种子", "int", required=True, low=0, high=2**31 - 1),
    Field("due_count", "应复核档案数", "int", required=True, low=0, high=1_000_000),
    Field("sample_count", "抽中入户数", "int", required=True, low=0, high=1_000_000),
    Field("started_by", "发起人", required=True, limit=64),
    Field("started_on", "发起日期", "date", required=True),
))

REVIEW_TABLE = TableSpec(AidReview, "年度复核记录", (
    Field("round_uuid", "所属复核批次"),
    Field("case_uuid", "所属档案"),
    Field("home_visit", "抽中入户复核", "bool"),
    Field("outcome", "复核结果", "coded", choices="aid_review_outcome"),
    Field("category_before", "原困难类别", "choice", choices="aid_category"),
    Field("category_after", "调整后类别", "choice", choices="aid_category"),
    Field("note", "复核意见", limit=2000),
    Field("reviewed_on", "复核日期", "date"),
    Field("reviewed_by", "复核人", limit=64),
))

CAMPAIGN_FIELDS = (
    Field("name", "活动名称", required=True, per_record=True, limit=60, synonyms=("活动", "慰问活动")),
    Field("year", "年度", "int", required=True),  # 2000–2100: checked by check_campaign
    Field("festival", "节日", "choice", required=True, choices="festival"),
    Field("starts_on", "开始日期", "date", required=True),
    Field("ends_on", "结束日期", "date", required=True),
    Field("target_groups", "慰问对象类别", "multi", required=True, choices="festival_group",
          synonyms=("慰问对象", "对象类别")),
    Field("visit_cap_fen", "每次慰问金上限（元）", "money", required=True, low=0.01, high=1_000_000),
    Field("yearly_cap_fen", "每人每年慰问金上限（元）", "money", required=True, low=0.01, high=1_000_000),
    Field("closed_on", "结束登记日期", "date"),
    Field("remarks", "备注", limit=2000, synonyms=REMARKS),
    UUID_FIELD,
)

CAMPAIGN_TABLE = TableSpec(FestivalCampaign, "送温暖活动", CAMPAIGN_FIELDS[:-1],
                           check_columns=row_by_row(check_campaign))

AID_CASES = RegistrySpec(
    "aid-cases", "困难职工档案", CASE_TABLE, "困难职工档案", CASE_FIELDS,
    list_columns=(ListColumn("case_no", 130), ListColumn("member_name", 80, sortable=False),
                  ListColumn("category", 130), ListColumn("main_cause", 170), ListColumn("status", 70),
                  ListColumn("next_review_on", 90)),
    search=("case_no", "member_name", "member_id_number"),
    form_groups=(  # 姓名 and 家庭月人均收入 are shown beside their fields, never typed (desktop/ui/aid)
        ("档案", ("case_no", "member_id_number", "next_review_on")),
        ("困难情况", ("category", "main_cause", "minor_causes", "health", "disability", "work_status")),
        ("家庭与收入", ("monthly_income_fen", "household_income_fen", "household_size", "zero_employment",
                    "single_parent", "marital_status", "housing", "hukou", "medical_insurance", "address")),
        ("帮扶资金账户", ("bank_name", "bank_account")),
        ("备注", ("remarks",)),
    ),
    forms=("aid-form", "aid-approval", "aid-publicity"),
    children=(STEP_TABLE, HOUSEHOLD_TABLE, DOCUMENT_TABLE, OBJECTION_TABLE, VISIT_TABLE, STUDENT_TABLE),
    tabular_hooks="db.aid.tabular:AidCaseHooks",
    tab="困难帮扶",
)

AID_PAYMENTS = RegistrySpec(
    "aid-payments", "帮扶记录", PAYMENT_TABLE, "帮扶记录", PAYMENT_FIELDS,
    list_columns=(ListColumn("case_no", 130, sortable=False), ListColumn("member_name", 80, sortable=False),
                  ListColumn("kind", 90),
                  ListColumn("amount_fen", 90), ListColumn("paid_on", 90), ListColumn("method", 60)),
    search=("case_no", "member_name", "voucher_no"),
    tabular_hooks="db.aid.tabular:AidPaymentHooks",
)

AID_CAMPAIGNS = RegistrySpec(
    "aid-campaigns", "送温暖活动", CAMPAIGN_TABLE, "送温暖活动", CAMPAIGN_FIELDS,
    list_columns=(ListColumn("name", 220), ListColumn("year", 50), ListColumn("festival", 80),
                  ListColumn("starts_on", 90), ListColumn("ends_on", 90), ListColumn("target_groups", 220)),
    search=("name", "festival"),
    forms=("campaign-receipts",),
    children=(VISIT_TABLE,),
    tabular_hooks="db.aid.tabular:CampaignHooks",
)

SPECS = (AID_CASES, AID_PAYMENTS, AID_CAMPAIGNS)
TABLES = (CASE_TABLE, STEP_TABLE, HOUSEHOLD_TABLE, DOCUMENT_TABLE, OBJECTION_TABLE, PAYMENT_TABLE, CAMPAIGN_TABLE,
          VISIT_TABLE, REVIEW_ROUND_TABLE, REVIEW_TABLE, STUDENT_TABLE)
