"""Value pools of working life for the demo data generator: employers with their jobs, and the contests.

Only plain data and one helper that gives each employer a fixed credit code at import time. The companies
are shaped like real ones of 东城区, but their (check-character-valid) credit codes are made up.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Final

from db.validation import CREDIT_CODE_CHARSET, make_credit_code

# --- employers -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Employer:
    """An employer with what its staff do: (occupation, employment form, weight) per job."""

    name: str
    kind: str  # 单位性质
    industry: str
    region: str  # the credit code's region code
    jobs: tuple[tuple[str, str, float], ...]
    base_union: str | None = None  # None: the worker joins through the sub-district's 联合工会
    organisation: str = "91"  # first two characters of the credit code: registration authority and kind

    @property
    def credit_code(self) -> str:
        """A fixed, check-character-valid code derived from the name (not a real company's code)."""
        return _credit_code(self.organisation, self.region, self.name)


def _credit_code(prefix: str, region: str, name: str) -> str:
    digest = hashlib.sha256(name.encode()).digest()
    body = "".join(CREDIT_CODE_CHARSET[b % len(CREDIT_CODE_CHARSET)] for b in digest[:9])
    return make_credit_code(f"{prefix}{region}{body}")


STD = "标准就业"
EMPLOYERS: Final[tuple[Employer, ...]] = (
    Employer("顺丰速运有限公司北京分公司", "民营企业", "快递物流", "110105",
             (("快递员", "快递员", 30), ("仓管员", STD, 3), ("客服专员", STD, 2)), "顺丰东城片区工会"),
    Employer("北京京东世纪贸易有限公司", "民营企业", "快递物流", "110115",
             (("快递员", "快递员", 22), ("分拣员", STD, 4), ("货车司机", "货车司机", 3)),
             "京东物流东城站工会"),
    Employer("北京中通快递有限公司", "民营企业", "快递物流", "110106", (("快递员", "快递员", 10),)),
    Employer("中国邮政集团有限公司北京市东城区分公司", "国有企业", "快递物流", "110101",
             (("投递员", STD, 8), ("营业员", STD, 4)), "东城邮政分公司工会", "91"),
    Employer("北京三快在线科技有限公司", "平台企业", "餐饮外卖", "110105",
             (("外卖送餐员", "外卖送餐员", 30), ("站长", STD, 1))),
    Employer("北京拉扎斯网络科技有限公司", "平台企业", "餐饮外卖", "110108",
             (("外卖送餐员", "外卖送餐员", 22), ("站长", STD, 1))),
    Employer("北京小桔科技有限公司（滴滴出行）", "平台企业", "交通运输", "110108",
             (("网约车司机", "网约车司机", 20),)),
    Employer("北京首汽约车科技有限公司", "国有企业", "交通运输", "110101",
             (("网约车司机", "网约车司机", 6),)),
    Employer("北京货拉拉科技有限公司", "平台企业", "交通运输", "110105", (("货车司机", "货车司机", 8),)),
    Employer("北京三八家政服务有限公司", "民营企业", "家政服务", "110101",
             (("家政服务员", "家政服务员", 14), ("育婴员", "家政服务员", 4)), "东城家政行业工会"),
    Employer("北京易盟天地家政服务有限公司", "民营企业", "家政服务", "110102",
             (("家政服务员", "家政服务员", 8), ("养老护理员", "家政服务员", 3))),
    Employer("北京保安服务有限公司东城分公司", "国有企业", "物业保安", "110101",
             (("保安员", "保安员", 18),), "北京保安东城分公司工会"),
    Employer("北京东城房地产经营管理有限公司物业分公司", "国有企业", "物业保安", "110101",
             (("物业管理员", STD, 6), ("电工", STD, 5), ("保洁员", STD, 6), ("保安员", "保安员", 4)),
             "东房物业工会"),
    Employer("北京金隅物业管理有限责任公司东城分公司", "国有企业", "物业保安", "110101",
             (("电工", STD, 3), ("保洁员", STD, 4), ("物业管理员", STD, 3))),
    Employer("北京快手科技有限公司", "平台企业", "信息技术", "110108",
             (("网络主播", "网络主播", 3), ("运营专员", STD, 2))),
    Employer("北京东城区环境卫生服务中心", "事业单位", "环境卫生", "110101",
             (("环卫工人", STD, 14), ("垃圾清运司机", STD, 3)), "东城环卫中心工会", "12"),
    Employer("北京协和医院", "事业单位", "其他", "110101",
             (("护士", STD, 10), ("护工", STD, 4), ("医生", STD, 6)), "北京协和医院工会", "12"),
    Employer("首都医科大学附属北京同仁医院", "事业单位", "其他", "110101",
             (("护士", STD, 6), ("医生", STD, 4), ("药剂师", STD, 1)), "同仁医院工会", "12"),
    Employer("北京市东城区第一人民医院", "事业单位", "其他", "110101", (("护士", STD, 4), ("护工", STD, 2)),
             "东城一院工会", "12"),
    Employer("北京市东城区寿星养老照料中心", "社会组织", "养老护理", "110101",
             (("养老护理员", STD, 8), ("厨师", STD, 1)), None, "52"),
    Employer("北京王府井百货（集团）股份有限公司", "国有企业", "批发零售", "110101",
             (("营业员", STD, 12), ("收银员", STD, 4), ("理货员", STD, 3)), "王府井百货工会"),
    Employer("北京新东安市场有限公司", "港澳台资企业", "批发零售", "110101", (("营业员", STD, 6),)),
    Employer("北京隆福寺文化投资有限公司", "国有企业", "文化旅游", "110101",
             (("讲解员", STD, 2), ("营业员", STD, 2))),
    Employer("北京吴裕泰茶业股份有限公司", "民营企业", "批发零售", "110101",
             (("茶艺师", STD, 4), ("营业员", STD, 3)), "吴裕泰茶业工会"),
    Employer("北京张一元茶叶有限责任公司", "国有企业", "批发零售", "110102",
             (("茶艺师", STD, 3), ("营业员", STD, 3))),
    Employer("北京全聚德烤鸭股份有限公司前门店", "国有企业", "住宿餐饮", "110101",
             (("厨师", STD, 5), ("餐厅服务员", STD, 6)), "全聚德前门店工会"),
    Employer("北京东来顺集团有限责任公司", "国有企业", "住宿餐饮", "110101",
             (("厨师", STD, 4), ("餐厅服务员", STD, 4))),
    Employer("北京饭店", "国有企业", "住宿餐饮", "110101",
             (("客房服务员", STD, 6), ("前台接待", STD, 3), ("厨师", STD, 3), ("电工", STD, 1)),
             "北京饭店工会"),
    Employer("北京王府井希尔顿酒店", "外资企业", "住宿餐饮", "110101",
             (("客房服务员", STD, 4), ("前台接待", STD, 2))),
    Employer("北京便利蜂连锁商业有限公司", "民营企业", "批发零售", "110105",
             (("店员", STD, 5), ("配送员", "其他", 2))),
    Employer("中国工商银行股份有限公司北京东城支行", "国有企业", "金融", "110101",
             (("柜员", STD, 4), ("客户经理", STD, 2)), "工行东城支行工会"),
    Employer("北京城建集团有限责任公司东城项目部", "国有企业", "建筑", "110101",
             (("电工", STD, 3), ("钢筋工", STD, 4), ("焊工", STD, 2)), "城建集团东城项目部工会"),
    Employer("北京东方信联科技有限公司", "民营企业", "信息技术", "110101",
             (("软件工程师", STD, 4), ("运维工程师", STD, 2))),
    Employer("北京公交集团第一客运分公司", "国有企业", "交通运输", "110101",
             (("公交司机", STD, 6), ("调度员", STD, 1)), "公交一分公司工会"),
)

# Occupations whose holders are rarely counted as migrant workers (农民工) even when born elsewhere.
PROFESSIONS: Final = frozenset({"医生", "护士", "药剂师", "软件工程师", "运维工程师", "柜员", "客户经理",
                                "运营专员"})

# --- contests ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContestPlan:
    """One demo contest: what it is, its scoring rule and how many take part."""

    name: str
    trade: str  # 工种; members of this occupation are drawn first
    year: int
    month: int
    theory_weight: int
    quotas: tuple[int, int, int, int]  # 一等奖, 二等奖, 三等奖, 优胜奖
    entrants: int
    organizer: str
    host: str
    venue: str


CONTESTS: Final[tuple[ContestPlan, ...]] = (
    ContestPlan("「爱家·敬老杯」养老护理员职业技能大赛", "养老护理员", 2023, 10, 20, (2, 4, 6, 10), 60,
                "东城区总工会、东城区民政局", "北京市东城区寿星养老照料中心", "东城区职工服务中心"),
    ContestPlan("「爱家·敬老杯」家政服务员职业技能竞赛", "家政服务员", 2024, 9, 30, (3, 5, 8, 12), 90,
                "东城区总工会、东城区商务局", "北京三八家政服务有限公司", "东城区职业技能鉴定中心"),
    ContestPlan("东城区快递员职业技能比武", "快递员", 2024, 6, 30, (3, 6, 9, 15), 150,
                "东城区总工会、东城区邮政管理局", "顺丰速运有限公司北京分公司", "东城区劳动人民文化宫"),
    ContestPlan("东城区职工电工技能竞赛", "电工", 2025, 5, 30, (2, 4, 6, 8), 45,
                "东城区总工会、东城区人力资源和社会保障局", "北京东城房地产经营管理有限公司",
                "东城区职业技能鉴定中心"),
    ContestPlan("「茶香东城」茶艺师职业技能大赛", "茶艺师", 2025, 4, 20, (2, 3, 5, 8), 40,
                "东城区总工会、东城区文化和旅游局", "北京吴裕泰茶业股份有限公司", "吴裕泰北新桥总店"),
    ContestPlan("网约车司机安全驾驶技能竞赛", "网约车司机", 2025, 8, 30, (3, 5, 8, 12), 100,
                "东城区总工会、东城区交通支队", "北京首汽约车科技有限公司", "东城区交通安全教育基地"),
)
