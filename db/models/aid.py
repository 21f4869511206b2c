"""Hardship aid (困难职工帮扶): one file per household, its members, workflow steps, payments, visits.

Money is integer fen (分) everywhere.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, RegistryRow, parent_column

# Workflow: 申请 → 入户核查 → 审核 → 公示 → 审批(在档) → 解困脱困 / 注销
AID_STATUSES = ("applied", "verified", "reviewed", "publicized", "filed", "relieved", "cancelled")


class AidCase(RegistryRow, Base):
    """A hardship file (困难职工档案) of one household."""

    __tablename__ = "aid_cases"
    __table_args__ = (UniqueConstraint("office_code", "case_no"),)

    member_uuid: Mapped[str] = parent_column("members.uuid")
    case_no: Mapped[str] = mapped_column(String(30))
    category: Mapped[str] = mapped_column(String(10))  # 深度困难 / 相对困难 / 意外致困
    main_cause: Mapped[str] = mapped_column(String(30))
    minor_causes: Mapped[str | None] = mapped_column(String(120))  # up to three, "、"-separated
    health: Mapped[str | None] = mapped_column(String(30))
    disability: Mapped[str | None] = mapped_column(String(30))
    work_status: Mapped[str | None] = mapped_column(String(20))
    housing: Mapped[str | None] = mapped_column(String(20))
    hukou: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(200))
    marital_status: Mapped[str | None] = mapped_column(String(10))
    single_parent: Mapped[bool] = mapped_column(default=False)
    monthly_income_fen: Mapped[int] = mapped_column(Integer, default=0)  # 本人月平均收入
    household_income_fen: Mapped[int] = mapped_column(Integer, default=0)  # 家庭年度总收入
    household_size: Mapped[int] = mapped_column(Integer, default=1)
    medical_insurance: Mapped[str | None] = mapped_column(String(30))
    zero_employment: Mapped[bool] = mapped_column(default=False)
    bank_name: Mapped[str | None] = mapped_column(String(60))
    bank_account: Mapped[str | None] = mapped_column(String(40))
    attachments: Mapped[str | None] = mapped_column(Text)  # JSON list of file names
    remarks: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="applied")
    filed_by: Mapped[str] = mapped_column(String(64))
    next_review_on: Mapped[dt.date | None]
    closed_reason: Mapped[str | None] = mapped_column(String(60))
    # added by migration 0007 after the registry columns (sort_order keeps create_all alike)
    publicized_on: Mapped[dt.date | None] = mapped_column(sort_order=1)  # first day of the latest 公示
    closed_on: Mapped[dt.date | None] = mapped_column(sort_order=1)  # 解困脱困 / 注销: retention runs from it

    @property
    def monthly_income_per_capita_fen(self) -> int:
        """家庭月人均收入, computed from the yearly household income."""
        from db.aid.rules import per_capita_fen  # the rule's one home; models import no registry package

        return per_capita_fen(self.household_income_fen, self.household_size) or 0


class AidCaseStep(RegistryRow, Base):
    """One workflow step of a file: who did it and when."""

    __tablename__ = "aid_case_steps"

    case_uuid: Mapped[str] = parent_column("aid_cases.uuid")
    step: Mapped[str] = mapped_column(String(12))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime]  # when it was recorded (UTC)
    # the day it took effect (the 公示's first day, the approval's day); migration 0007, after the registry columns
    on_date: Mapped[dt.date | None] = mapped_column(sort_order=1)
    note: Mapped[str | None] = mapped_column(Text)


class AidCaseDocument(RegistryRow, Base):
    """A paper document held in a file (the checklist of 原始 / 财务 / 日常工作档案) and when it arrived."""

    __tablename__ = "aid_case_documents"
    __table_args__ = (UniqueConstraint("case_uuid", "name"),)

    case_uuid: Mapped[str] = parent_column("aid_cases.uuid")
    part: Mapped[str] = mapped_column(String(10))  # original / financial / daily
    name: Mapped[str] = mapped_column(String(60))
    received_on: Mapped[dt.date]


class AidObjection(RegistryRow, Base):
    """An objection raised during a file's 公示, and how it was settled: upheld (the file goes back to 审核)
    or dismissed with a reason."""

    __tablename__ = "aid_objections"

    case_uuid: Mapped[str] = parent_column("aid_cases.uuid")
    raised_on: Mapped[dt.date]
    content: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str | None] = mapped_column(String(10))  # upheld / dismissed; None while open
    outcome_reason: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[dt.date | None]
    decided_by: Mapped[str | None] = mapped_column(String(64))


class AidHouseholdMember(RegistryRow, Base):
    """A member of the household (家庭成员) of a file."""

    __tablename__ = "aid_household_members"

    case_uuid: Mapped[str] = parent_column("aid_cases.uuid")
    name: Mapped[str] = mapped_column(String(50))
    relation: Mapped[str] = mapped_column(String(10))
    gender: Mapped[str | None] = mapped_column(String(2))
    id_number: Mapped[str | None] = mapped_column(String(32), index=True)
    birth_date: Mapped[dt.date | None]
    health: Mapped[str | None] = mapped_column(String(30))
    monthly_income_fen: Mapped[int] = mapped_column(Integer, default=0)
    employer_or_school: Mapped[str | None]


class AidPayment(RegistryRow, Base):
    """A payment (帮扶记录) to a file's household, or an emergency payment (应急救助) to a worker without a file
    in 在档, named by ``payee_name`` and ``payee_id_number`` (then ``case_uuid`` is None)."""

    __tablename__ = "aid_payments"
    # a year's totals by type read only this index (migration 0008); the list's first page by type, searched
    # or not, scans the second in its order without visiting the rows (migration 0011)
    __table_args__ = (Index("ix_aid_payments_year_totals", "paid_on", "kind", "amount_fen", "deleted", "office_code"),
                      Index("ix_aid_payments_list", "kind", "uuid", "deleted", "case_uuid", "voucher_no"))

    case_uuid: Mapped[str | None] = parent_column("aid_cases.uuid", nullable=True)
    kind: Mapped[str] = mapped_column(String(20))  # 生活救助, 医疗救助, 助学救助, 送温暖慰问, 应急救助, 就业帮扶
    amount_fen: Mapped[int] = mapped_column(Integer)
    paid_on: Mapped[dt.date] = mapped_column(index=True)
    method: Mapped[str] = mapped_column(String(10))  # 现金 / 转账 / 实物
    approver: Mapped[str | None] = mapped_column(String(64))
    voucher_no: Mapped[str | None] = mapped_column(String(40), index=True)  # one per office: looked up (0008)
    remarks: Mapped[str | None] = mapped_column(Text)
    # migration 0008, after the registry columns: the payee without a file, why (应急救助), an approver's
    # override of a cap (who, why)
    payee_name: Mapped[str | None] = mapped_column(String(50), sort_order=1)
    payee_id_number: Mapped[str | None] = mapped_column(String(32), index=True, sort_order=1)
    reason: Mapped[str | None] = mapped_column(Text, sort_order=1)
    override_by: Mapped[str | None] = mapped_column(String(64), sort_order=1)
    override_reason: Mapped[str | None] = mapped_column(Text, sort_order=1)


class AidStudentGrant(RegistryRow, Base):
    """金秋助学: a student of a file's household aided one year, at the amount of the school level. The year's
    list goes through a 公示 (``publicized_on``, its first day) before the grant is paid (``payment_uuid``:
    the 助学救助 payment it made)."""

    __tablename__ = "aid_student_grants"

    case_uuid: Mapped[str] = parent_column("aid_cases.uuid")
    student_uuid: Mapped[str] = parent_column("aid_household_members.uuid")
    year: Mapped[int] = mapped_column(Integer, index=True)
    school_level: Mapped[str] = mapped_column(String(10))
    school: Mapped[str | None] = mapped_column(String(100))
    amount_fen: Mapped[int] = mapped_column(Integer)
    aided_elsewhere: Mapped[bool] = mapped_column(default=False)
    elsewhere_note: Mapped[str | None] = mapped_column(String(100))
    publicized_on: Mapped[dt.date | None]
    paid_on: Mapped[dt.date | None]
    payment_uuid: Mapped[str | None] = parent_column("aid_payments.uuid", nullable=True)
    remarks: Mapped[str | None] = mapped_column(Text)


class FestivalCampaign(RegistryRow, Base):
    """A named 送温暖 campaign (2027年春节送温暖): its days, the groups it visits and its caps (fen)."""

    __tablename__ = "festival_campaigns"
    __table_args__ = (UniqueConstraint("office_code", "name"),)

    name: Mapped[str] = mapped_column(String(60))
    year: Mapped[int] = mapped_column(Integer, index=True)
    festival: Mapped[str] = mapped_column(String(20))  # 元旦春节 / 中秋国庆 / 夏送清凉 / 冬送温暖
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date]
    target_groups: Mapped[str] = mapped_column(String(200))  # target groups, "、"-separated
    visit_cap_fen: Mapped[int] = mapped_column(Integer)  # 每次慰问金上限
    yearly_cap_fen: Mapped[int] = mapped_column(Integer)  # 每人每年慰问金上限 (all campaigns of the year)
    closed_on: Mapped[dt.date | None]  # closed: no recipient is added or removed any more
    remarks: Mapped[str | None] = mapped_column(Text)


class FestivalVisit(RegistryRow, Base):
    """A festival visit (两节送温暖) to a household in hardship or a frontline worker."""

    __tablename__ = "festival_visits"

    year: Mapped[int] = mapped_column(Integer, index=True)
    festival: Mapped[str] = mapped_column(String(20))  # 元旦春节 / 中秋国庆 / 夏送清凉 …
    case_uuid: Mapped[str | None] = parent_column("aid_cases.uuid", nullable=True)
    member_uuid: Mapped[str | None] = parent_column("members.uuid", nullable=True)
    name: Mapped[str] = mapped_column(String(50))
    group: Mapped[str] = mapped_column(String(20))  # 困难职工 / 一线职工 / 劳模
    visited_on: Mapped[dt.date]
    gift: Mapped[str | None]
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    visitor: Mapped[str | None] = mapped_column(String(64))
    # migration 0009, after the registry columns: the campaign, and the person's ID number at the visit (a
    # non-member has no other; "once per campaign" is checked by it across files, members and non-members)
    campaign_uuid: Mapped[str | None] = mapped_column(String(36), ForeignKey("festival_campaigns.uuid"), index=True,
                                                      sort_order=1)
    id_number: Mapped[str | None] = mapped_column(String(32), index=True, sort_order=1)
    # migration 0012: the 送温暖慰问 payment the visit's 慰问金 made in its household's file (db.aid.campaigns)
    payment_uuid: Mapped[str | None] = mapped_column(String(36), ForeignKey("aid_payments.uuid"), index=True,
                                                     sort_order=1)
