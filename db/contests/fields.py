"""The skill-contest registry declared once: a contest with its scoring rule and award quotas, its entrants
(参赛选手) with their scores and awards, its judges (裁判), the judges' scores and the appeals (申诉)."""

from __future__ import annotations

from db.contests.frozen import check_entries, check_judge_scores
from db.contests.rules import check_contest, check_entry
from db.fields import Field
from db.models import Contest, ContestAppeal, ContestEntry, ContestJudge, JudgeScore
from db.registry import UUID_FIELD, ListColumn, RegistrySpec, TableSpec, row_by_row
from db.synonyms import EMPLOYER, GENDER, ID_NUMBER, PERSON_NAME

CONTEST_FIELDS = (
    Field("name", "竞赛名称", per_record=True, required=True, limit=120, synonyms=("比赛名称", "赛事名称")),
    Field("trade", "工种", required=True, limit=40, synonyms=("比赛工种", "竞赛工种")),
    Field("level", "级别", "choice", required=True, choices="contest_level", synonyms=("竞赛级别",)),
    Field("organizer", "主办单位", limit=200),
    Field("host", "承办单位", limit=200),
    Field("starts_on", "开始日期", "date", required=True, synonyms=("比赛日期", "竞赛日期")),
    Field("ends_on", "结束日期", "date", required=True),
    Field("venue", "地点", limit=120, synonyms=("比赛地点", "竞赛地点")),
    Field("status", "状态", "coded", choices="contest_status", default="preparing"),
    Field("theory_weight", "理论权重（%）", "int", low=0, high=30),
    Field("practical_weight", "实操权重（%）", "int", low=0, high=100),
    Field("pass_mark", "及格分", "int", low=0, high=100),
    Field("judge_count", "裁判人数", "int", low=1, high=50),
    Field("drop_extremes", "去掉最高最低分", "bool"),
    Field("quota_first", "一等奖名额", "int", low=0, high=1000),
    Field("quota_second", "二等奖名额", "int", low=0, high=1000),
    Field("quota_third", "三等奖名额", "int", low=0, high=1000),
    Field("quota_merit", "优胜奖名额", "int", low=0, high=1000),
    Field("tie_breaks", "同分排序", "coded", choices="tie_break_chain", default="practical,theory",
          hint="总成绩相同时依次比较的项目，仍相同则名次并列（前三名另以抽签区分）"),
    Field("quota_mode", "名额方式", "coded", choices="quota_mode", default="count",
          hint="各奖项名额按人数，或按参赛人数的百分比（四舍五入）"),
    Field("champion_top", "技术状元名额", "int", low=0, high=1000, synonyms=("技术状元（前N名）",),
          hint="名次在前N名且及格者授予技术状元"),
    Field("expert_top", "技术能手名额", "int", low=0, high=1000, synonyms=("技术能手（前N名）",),
          hint="名次在前N名且及格者授予技术能手（已授技术状元者除外）"),
    # set by publishing and reopening (db.contests.cases), shown and exported, never typed
    Field("published_at", "成绩发布时间", "datetime", readonly=True),
    Field("published_by", "发布人", readonly=True, limit=64),
    Field("reopened_at", "重新开放时间", "datetime", readonly=True),
    Field("reopened_by", "重新开放人", readonly=True, limit=64),
    Field("reopen_reason", "重新开放原因", readonly=True, limit=500),
    UUID_FIELD,
)

ENTRY_FIELDS = (
    Field("contest_name", "竞赛名称", required=True, limit=120, synonyms=("比赛名称", "赛事名称")),
    Field("contest_starts_on", "竞赛开始日期", "date", required=True),  # with 竞赛名称: which contest
    Field("entry_no", "参赛证号", per_record=True, required=True, limit=30,
          synonyms=("参赛号", "选手编号", "准考证号")),
    Field("name", "姓名", per_record=True, required=True, limit=50, synonyms=PERSON_NAME),
    Field("gender", "性别", "choice", choices="gender", synonyms=GENDER),
    Field("id_number", "身份证号", "id_number", synonyms=ID_NUMBER),
    Field("employer", "工作单位", limit=100, synonyms=EMPLOYER),
    Field("team", "代表队", limit=100, synonyms=("参赛单位", "队伍")),
    Field("theory_score", "理论成绩", "score", low=0, high=100, synonyms=("理论", "理论分")),
    Field("practical_score", "实操成绩", "score", low=0, high=100, synonyms=("实操", "实操分", "技能操作成绩")),
    Field("total_score", "总成绩", "score", readonly=True, low=0, high=100),  # from the contest's weights
    Field("rank", "名次", "int", low=1, high=100_000, synonyms=("排名",)),
    Field("award", "奖项", "choice", choices="award", synonyms=("获奖等次", "奖励等次")),
    Field("title", "称号", "choice", choices="contest_title"),
    Field("certificate_no", "证书编号", per_record=True, limit=40, synonyms=("证书号",)),
    Field("second_reward_note", "二次奖励", limit=500),
    Field("eligibility_notes", "资格说明", limit=500),
    Field("completion_seconds", "用时（秒）", "int", low=0, high=86_400, synonyms=("用时", "完成用时")),
    Field("draw_no", "抽签顺序", "int", low=1, high=100_000, synonyms=("抽签号", "抽签序号"),
          hint="仅用于区分前三名中的同分者：号小者名次在前"),
    UUID_FIELD,
)

CONTEST_TABLE = TableSpec(Contest, "技能竞赛", CONTEST_FIELDS, check_columns=row_by_row(check_contest))
ENTRY_TABLE = TableSpec(ContestEntry, "参赛选手", (
    Field("contest_uuid", "所属竞赛"), Field("member_uuid", "会员"), *ENTRY_FIELDS[2:],
), check_columns=row_by_row(check_entry), check_stored=check_entries)
JUDGE_SCORE_TABLE = TableSpec(JudgeScore, "评委评分", (
    Field("entry_uuid", "参赛选手"),
    Field("judge_no", "评委序号", "int", required=True, low=1, high=50),
    Field("score", "评分", "score", required=True, low=0, high=100),
), check_stored=check_judge_scores)
JUDGE_TABLE = TableSpec(ContestJudge, "竞赛评委", (
    Field("contest_uuid", "所属竞赛"),
    Field("judge_no", "评委序号", "int", required=True, low=1, high=50),
    Field("name", "评委姓名", required=True, limit=50),
    Field("employer", "评委工作单位", limit=100),  # the same as an entrant's employer: 回避
))
APPEAL_TABLE = TableSpec(ContestAppeal, "成绩申诉", (
    Field("entry_uuid", "参赛选手"),
    Field("filed_on", "申诉日期", "date", required=True),
    Field("filed_by", "申诉人", required=True, limit=50),
    Field("content", "申诉内容", required=True, limit=2000),
    Field("outcome", "处理结果", limit=2000),
    Field("decided_on", "处理日期", "date"),
))

# The further sheets of a contests workbook (export and import, db.contests.sheets): each row names its
# contest by 竞赛名称 and 竞赛开始日期, an entrant by 参赛证号 within it, a judge by 评委序号.
CONTEST_REF_FIELDS = ENTRY_FIELDS[:2]
ENTRY_NO_FIELD = ENTRY_FIELDS[2]
ENTRANT_NAME_FIELD = ENTRY_FIELDS[3]  # shown beside the 参赛证号, checked against it when read back
JUDGE_SHEET_FIELDS = (*CONTEST_REF_FIELDS, *JUDGE_TABLE.fields[1:])
ENTRANT_SHEET_FIELDS = ENTRY_FIELDS[:-1]
SCORE_SHEET_FIELDS = (*CONTEST_REF_FIELDS, ENTRY_NO_FIELD, ENTRANT_NAME_FIELD, *JUDGE_SCORE_TABLE.fields[1:])
APPEAL_SHEET_FIELDS = (*CONTEST_REF_FIELDS, ENTRY_NO_FIELD, ENTRANT_NAME_FIELD, *APPEAL_TABLE.fields[1:])

CONTESTS = RegistrySpec(
    "contests", "技能竞赛", CONTEST_TABLE, "技能竞赛", CONTEST_FIELDS,
    list_columns=(ListColumn("name", 300), ListColumn("trade", 100), ListColumn("level", 60),
                  ListColumn("starts_on", 90), ListColumn("ends_on", 90), ListColumn("status", 56)),
    search=("name", "trade", "venue"),
    form_groups=(
        ("基本信息", ("name", "trade", "level", "organizer", "host", "starts_on", "ends_on", "venue", "status")),
        ("评分规则", ("theory_weight", "practical_weight", "pass_mark", "judge_count", "drop_extremes",
                  "tie_breaks")),
        ("奖项名额与称号", ("quota_mode", "quota_first", "quota_second", "quota_third", "quota_merit",
                     "champion_top", "expert_top")),
    ),  # the publishing marks are never typed: the form's header says when and by whom (desktop/ui/contests)
    children=(JUDGE_TABLE, JUDGE_SCORE_TABLE, APPEAL_TABLE),
    forms=("contest-results", "contest-sign-in", "contest-certificates"),
    tabular_hooks="db.contests.tabular:ContestHooks",
    tab="技能竞赛",
)

ENTRIES = RegistrySpec(
    "entries", "参赛选手", ENTRY_TABLE, "参赛选手及成绩", ENTRY_FIELDS,
    list_columns=(ListColumn("entry_no", 80), ListColumn("name", 80), ListColumn("employer", 200),
                  ListColumn("total_score", 70), ListColumn("rank", 50), ListColumn("award", 70)),
    search=("name", "entry_no", "id_number"),
    forms=("certificate",),
    tabular_hooks="db.contests.tabular:EntryHooks",
)

SPECS = (CONTESTS, ENTRIES)
TABLES = (CONTEST_TABLE, JUDGE_TABLE, ENTRY_TABLE, JUDGE_SCORE_TABLE, APPEAL_TABLE)
