"""The Chinese names of the tables a clerk meets by name: in progress stages, batch receipts, conflicts."""

from __future__ import annotations

TABLE_LABELS = {
    "members": "会员", "member_events": "会员变动记录", "honours": "荣誉",
    "stations": "暖心驿站", "station_services": "驿站服务项目", "station_logs": "驿站服务台账",
    "station_inspections": "驿站检查", "contests": "技能竞赛", "contest_entries": "参赛选手",
    "judge_scores": "评委评分", "aid_cases": "困难职工档案", "aid_case_steps": "帮扶档案流程",
    "aid_household_members": "困难职工家庭成员", "aid_payments": "帮扶记录", "festival_visits": "两节送温暖",
    "offices": "单位", "sync_conflicts": "同步冲突",
}


def table_label(name: str) -> str:
    """The Chinese name of table ``name``, or the name itself for a table not listed (a newer program's)."""
    return TABLE_LABELS.get(name, name)
