"""The hardship registry's coded values as the tab shows them, in the user's language: a file's status, its
workflow steps, the outcomes of an objection and of a yearly review, the parts of the file. db keeps them in
Chinese (resources/reference/values.json, by code); here each is a literal source text for pyside6-lupdate,
looked up by code (tests/ui/test_aid_text.py checks the two lists agree). A code the list here lacks is shown
as db names it."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from db import reference
from db.aid import workflow
from desktop.ui.permissions import who_may

translate = QCoreApplication.translate  # by this name, so that pyside6-lupdate finds the texts
CONTEXT = "AidValues"


def _statuses() -> dict[str, str]:
    return {"applied": translate("AidValues", "申请"), "verified": translate("AidValues", "入户核查"),
            "reviewed": translate("AidValues", "审核"), "publicized": translate("AidValues", "公示"),
            "filed": translate("AidValues", "在档"), "relieved": translate("AidValues", "解困脱困"),
            "cancelled": translate("AidValues", "注销")}


def _steps() -> dict[str, str]:
    return {**_statuses(), "filed": translate("AidValues", "审批")}  # 审批 leads to 在档


def _objection_outcomes() -> dict[str, str]:
    return {"upheld": translate("AidValues", "异议成立，退回审核"), "dismissed": translate("AidValues", "异议不成立")}


def _review_outcomes() -> dict[str, str]:
    return {"continued": translate("AidValues", "继续在档"), "recategorized": translate("AidValues", "调整类别"),
            "relieved": translate("AidValues", "解困脱困")}


def _document_parts() -> dict[str, str]:
    return {"original": translate("AidValues", "原始档案"), "financial": translate("AidValues", "财务档案"),
            "daily": translate("AidValues", "日常工作档案")}


# reference list → its translated labels by code
LISTS = {"aid_status": _statuses, "aid_step": _steps, "aid_objection_outcome": _objection_outcomes,
         "aid_review_outcome": _review_outcomes, "aid_document_part": _document_parts}


def labels(list_name: str) -> dict[str, str]:
    """The code → label map of a coded list, translated (the reference list's order)."""
    translated = LISTS[list_name]()
    return {code: translated.get(code, text) for code, text in reference.labels(list_name).items()}


def label(list_name: str, code: str) -> str:
    return labels(list_name).get(code, code)


def status_title(status: str) -> str:
    return label("aid_status", status)


def step_title(step: str, status: str | None = None) -> str:
    """A step's name on its button and in the steps' table; 审核 from 公示 is an approver's 退回审核."""
    if step == "reviewed" and status == "publicized":
        return translate("AidValues", "退回审核")
    return label("aid_step", step)


def status_html(status: str, colours: dict[str, str], grey: str = "#616161") -> str:
    """A file's status in bold, in its colour."""
    return f'<b style="color: {colours.get(status, grey)}">{html.escape(status_title(status))}</b>'


def refusal_text(choice: workflow.StepChoice, status: str) -> str:
    """Why a step's button is off (its tooltip), in the user's language: the rule db.aid.workflow names
    (``choice.refusal``) worded here; a rule this view does not know keeps db's words."""
    refusal, step = choice.refusal, step_title(choice.step, status)
    if refusal is None:
        return choice.why_not
    facts = dict(refusal.values)
    if refusal.rule == "permission":
        allowed = [p for key, p in refusal.values if key == "permission"]
        who = "、".join(who_may(p) for p in allowed)
        return translate("AidValues", "您没有{step}的权限：只有{who}可以{step}").format(who=who, step=step)
    messages = {
        "status": lambda: translate("AidValues", "档案 {no} 当前为{now}，不能{step}").format(
            no=facts["case_no"], now=status_title(facts["status"]), step=step),
        "papers": lambda: translate("AidValues", "请先登记已收到{papers}（入户核查时由申请人签字）").format(
            papers="、".join(p for key, p in refusal.values if key == "paper")),
        "own_file": lambda: translate("AidValues", "建档人不能审批自己建立的档案"),
        "own_check": lambda: translate("AidValues", "入户核查人不能审批自己核查的档案"),
        "objections": lambda: translate("AidValues", "公示期间有{n}条异议尚未处理，处理后才能审批").format(
            n=facts["count"]),
        "publicity": lambda: translate("AidValues", "公示{days}天（{start}至{last}），{first}起才能审批").format(
            **facts),
    }
    if refusal.rule not in messages:
        return choice.why_not
    text = messages[refusal.rule]()
    if refusal.denied:
        return text
    field = translate("AidValues", "档案状态") if refusal.rule == "status" else step
    return translate("AidValues", "{field}：{reason}").format(field=field, reason=text)
