"""困难职工档案表: one hardship file on paper — every field of the file in a ruled grid, the household members
(a table that flows onto the next pages with its header when the household is large), the documents held in
the file's three parts (原始 / 财务 / 日常工作档案) with the day each arrived, every workflow step (who, when,
opinion) and the objections to its 公示. Several files print one after another, each from a new page, with
its 档案编号 at the foot of each of its pages.

Masked unless ``full_ids`` (a role with ``sensitive.full`` asking): ID, phone and bank numbers, health,
disability and income (the per-capita income, and the category the income suggests, with them)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer
from reportlab.platypus.flowables import KeepTogether

from db import offices
from db.aid.fields import AID_CASES, HOUSEHOLD_TABLE
from db.aid.paper import AidFile, aid_files
from db.auth import Actor
from db.members.listing import MemberFilter
from db.reference import label
from db.store import Store
from desktop.documents.pdf import engine
from desktop.documents.pdf.aid_common import CaseMark, check_full, field_text, mark_pages, yuan
from desktop.documents.pdf.engine import Output, chinese_date, date_text, para, styles
from desktop.documents.pdf.forms import Progress

TITLE = "困难职工档案表"
STAGE = "生成困难职工档案表"
WIDTH = engine.frame_size()[0]  # 180 mm
GRID = [w * mm for w in (27, 33, 27, 33, 27, 33)]  # label, value three times
HOUSEHOLD_COLUMNS = ("序号", "姓名", "关系", "性别", "身份证号", "出生日期", "年龄", "健康状况", "月收入", "单位或学校")
HOUSEHOLD_WIDTHS = [w * mm for w in (9, 16, 15, 9, 36, 19, 9, 18, 18, 31)]
# a household line is tall enough to correct by hand at the yearly review (年度复核)
HOUSEHOLD_PADDING = 6
DOCUMENT_WIDTHS = [w * mm for w in (62, 28, 62, 28)]
STEP_COLUMNS = ("序号", "环节", "办理人", "办理日期", "意见")
STEP_WIDTHS = [w * mm for w in (10, 20, 28, 24, 98)]
OBJECTION_COLUMNS = ("异议日期", "异议内容", "处理结果", "处理意见", "处理人、日期")
OBJECTION_WIDTHS = [w * mm for w in (22, 56, 28, 44, 30)]
REMARKS_LIMIT = 300  # characters of 备注 printed (the rest: 全文见系统)
NOT_RECEIVED = "未收到"
HIDDEN = "***"


def render(store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
           member_filter: MemberFilter | None = None, full_ids: bool = False,
           progress: Progress | None = None) -> int:
    """The 档案表 of the files ``uuids``, each from a new page; returns the page count. PermissionDenied (full
    values for a role that may not see them) and NotFound (none chosen, or a file gone) come before anything
    is written."""
    del member_filter
    check_full(actor, full_ids)
    files = aid_files(store, list(uuids or ()))
    office_name = offices.this_office_summary(store).name
    story: list[Flowable] = []
    for done, file in enumerate(files, start=1):
        if story:
            story.append(PageBreak())
        story += file_story(file, full_ids)
        if progress is not None:
            progress(STAGE, done, len(files))
    subtitle = f"档案编号：{files[0].case['case_no']}" if len(files) == 1 else f"共 {len(files)} 份档案"
    return engine.build_document(out, story, title=TITLE, office_name=office_name, subtitle=subtitle,
                                 on_page_end=mark_pages)


def file_story(file: AidFile, full: bool) -> list[Flowable]:
    st = styles()
    case = file.case
    heading = [CaseMark(f"档案编号 {case['case_no']} · {file.holder.name}"), para(TITLE, st.title),
               para(f"建档单位：{case['office_name']}　　档案编号：{case['case_no']}　　状态：{file.status_label}",
                    st.subtitle)]
    story: list[Flowable] = [*heading, _section("一、基本情况"),
                             _grid(file, full), para("金额单位：元", st.small)]
    story += [_section("二、家庭成员"), *_household(file, full)]
    story += [_section("三、档案材料"), *_documents(file)]
    story += [_section("四、办理流程"), _steps(file)]
    story += [_section("五、公示异议"), *_objections(file)]
    if not full:
        story += [Spacer(0, 3 * mm), para(MASKED_NOTE_TEXT, st.small)]
    return story


MASKED_NOTE_TEXT = "注：本表已隐去敏感信息（身份证号、电话、银行卡号、健康、残疾、收入）。"


def _section(text: str) -> Paragraph:
    return para(text, _section_style())


@cache
def _section_style() -> ParagraphStyle:
    return ParagraphStyle("aid_section", parent=styles().body, fontSize=11, leading=14, firstLineIndent=0,
                          spaceBefore=3 * mm, spaceAfter=1.5 * mm)


# --- 基本情况 --------------------------------------------------------------------------------------------

def _grid(file: AidFile, full: bool) -> Flowable:
    rows = _grid_rows(file, full)
    return engine.ruled_table(rows, GRID, header_rows=0, font_size=9, style=grid_style(rows))


def _value(file: AidFile, attr: str, full: bool) -> str:
    return field_text(AID_CASES.field(attr), file.case.get(attr), full)


def _grid_rows(file: AidFile, full: bool) -> list[list[Any]]:
    st = styles()
    case, holder = file.case, file.holder

    def lab(text: str) -> Paragraph:
        return para(text, st.label)

    def pair(attr: str, spanned: bool = False) -> list[Any]:
        text = _value(file, attr, full)
        return [lab(short_label(attr)), para(text) if spanned else text]

    id_text = engine.masked_id(holder.id_number, full)
    line = file.suggestion.dibao_line_fen
    opened = file.steps[0].on_date if file.steps else None
    line_text = f"{yuan(line)}（{opened.year}年）" if line and opened else (yuan(line) if line else "未设置")

    suggested = (file.suggestion.category or "无") if full else HIDDEN  # it tells the income's range
    rows: list[list[Any]] = [
        [lab("姓名"), holder.name, lab("性别"), holder.gender, lab("出生日期"),
         engine.birth_date_text(holder.birth_date, full, chinese=True)],
        [lab("身份证号"), id_text, "", "", lab("联系电话"), engine.masked_phone(holder.phone, full)],
        [lab("工作单位"), para(holder.employer), "", "", *pair("work_status")],
        [*pair("category"), *pair("main_cause", True), "", ""],
        [*pair("minor_causes", True), "", "", "", ""],
        [*pair("health"), *pair("disability"), *pair("medical_insurance")],
        [*pair("marital_status"), *pair("single_parent"), *pair("zero_employment")],
        [*pair("hukou"), *pair("housing"), *pair("household_size")],
        [*pair("address", True), "", "", "", ""],
        [*pair("monthly_income_fen"), *pair("household_income_fen"), *pair("per_capita_fen")],
        [lab("月低保标准"), line_text, lab("收入测算类别"), suggested, *pair("next_review_on")],
        [*pair("bank_name", True), "", "", *pair("bank_account")],
        [lab("档案状态"), file.status_label, lab("建档人"), case.get("filed_by_name") or "", lab("建档日期"),
         chinese_date(opened) if opened else ""],
    ]
    if case.get("closed_on"):
        may = case.get("may_anonymise_from")
        rows.append([lab("撤档日期"), chinese_date(case["closed_on"]), lab("撤档原因"),
                     para(case.get("closed_reason") or ""), lab("可匿名化日期"), chinese_date(may) if may else ""])
    remarks = case.get("remarks") or ""
    if len(remarks) > REMARKS_LIMIT:
        remarks = remarks[:REMARKS_LIMIT] + "……（全文见系统）"
    rows += [[lab("附件"), para(_attachments(case.get("attachments")) or "无"), "", "", "", ""],
             [lab(AID_CASES.field("remarks").label), para(remarks or "无"), "", "", "", ""]]
    return rows


def short_label(attr: str) -> str:
    """A field's label for the grid: money labels without their "（元）" (the grid's amounts are in 元, said
    once under the grid), so that a label keeps to one line."""
    return AID_CASES.field(attr).label.removesuffix("（元）")


def _attachments(raw: Any) -> str:
    """The attachments' file names (a JSON list, or text an older program stored)."""
    if not raw:
        return ""
    try:
        names = json.loads(raw)
    except ValueError:
        return str(raw)
    return "、".join(str(name) for name in names) if isinstance(names, list) else str(names)


def grid_style(rows: list[list[Any]]) -> list[tuple[Any, ...]]:
    """Label cells shaded; a value followed by empty cells spans them (an empty cell of the grid is always
    a spanned one)."""
    label_style = styles().label
    commands: list[tuple[Any, ...]] = [("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if isinstance(cell, Paragraph) and cell.style is label_style:
                commands.append(("BACKGROUND", (c, r), (c, r), engine.HEADER_FILL))
        c = 1
        while c < len(row):
            end = c
            while end + 1 < len(row) and isinstance(row[end + 1], str) and row[end + 1] == "":
                end += 1
            if end > c:
                commands.append(("SPAN", (c, r), (end, r)))
            c = end + 2
    return commands


# --- 家庭成员 --------------------------------------------------------------------------------------------

def _household(file: AidFile, full: bool) -> list[Flowable]:
    st = styles()
    rows: list[list[engine.Cell | None]] = [list(HOUSEHOLD_COLUMNS)]
    total = 0
    for number, person in enumerate(file.household, start=1):
        total += person.get("monthly_income_fen") or 0
        age = person.get("age")
        rows.append([
            str(number), person["name"], person["relation"], person.get("gender") or "",
            engine.masked_id(person.get("id_number"), full),
            engine.birth_date_text(person.get("birth_date"), full),
            f"{age}" if full and age is not None else "",  # with a masked number the age would narrow the date
            field_text(HOUSEHOLD_TABLE.field("health"), person.get("health"), full),
            field_text(HOUSEHOLD_TABLE.field("monthly_income_fen"), person.get("monthly_income_fen"), full),
            person.get("employer_or_school") or "",
        ])
    style: list[tuple[Any, ...]] = [("ALIGN", (0, 1), (0, -1), "RIGHT"), ("ALIGN", (6, 1), (6, -1), "RIGHT"),
                                    ("ALIGN", (8, 1), (8, -1), "RIGHT"),
                                    ("TOPPADDING", (0, 1), (-1, -1), HOUSEHOLD_PADDING),
                                    ("BOTTOMPADDING", (0, 1), (-1, -1), HOUSEHOLD_PADDING)]
    if not file.household:
        rows.append(["（未登记其他家庭成员）", *[""] * 9])
        style.append(("SPAN", (0, 1), (-1, 1)))
    table = engine.ruled_table(rows, HOUSEHOLD_WIDTHS, font_size=8.5, style=style)
    income = yuan(total) if full else HIDDEN
    size = file.case.get("household_size") or ""
    summary = f"登记家庭成员 {len(file.household)} 人（不含本人）；家庭人口 {size} 人；家庭成员月收入合计 {income} 元。"
    return [table, Spacer(0, 1.5 * mm), para(summary, st.cell)]


# --- 档案材料 --------------------------------------------------------------------------------------------

def _documents(file: AidFile) -> list[Flowable]:
    """One small table per part (原始 / 财务 / 日常工作档案), each kept whole on a page, two documents a row."""
    parts: dict[str, list[Any]] = {}
    for doc in file.documents:
        parts.setdefault(doc.part_label, []).append(doc)
    tables: list[Flowable] = []
    for part_label, docs in parts.items():
        held = sum(1 for doc in docs if doc.received_on)
        rows: list[list[engine.Cell | None]] = [
            [para(f"{part_label}（已收到 {held} 份，共列 {len(docs)} 份）"), "", "", ""],
            ["材料名称", "收到日期", "材料名称", "收到日期"]]
        cells = [[doc.name, date_text(doc.received_on) if doc.received_on else NOT_RECEIVED] for doc in docs]
        for left in range(0, len(cells), 2):
            right = cells[left + 1] if left + 1 < len(cells) else ["", ""]
            rows.append([*cells[left], *right])
        style = [("SPAN", (0, 0), (-1, 0)), *[("ALIGN", (column, 2), (column, -1), "CENTER") for column in (1, 3)]]
        tables += [KeepTogether([engine.ruled_table(rows, DOCUMENT_WIDTHS, header_rows=2, font_size=8.5,
                                                    style=style)]), Spacer(0, 2 * mm)]
    return tables


# --- 办理流程, 公示异议 -------------------------------------------------------------------------------------

def _steps(file: AidFile) -> Flowable:
    rows: list[list[engine.Cell | None]] = [list(STEP_COLUMNS)]
    rows += [[str(n), step.label, step.actor, date_text(step.on_date), step.note]
             for n, step in enumerate(file.steps, start=1)]
    return engine.ruled_table(rows, STEP_WIDTHS, font_size=8.5, style=[("ALIGN", (0, 1), (0, -1), "RIGHT")])


def _objections(file: AidFile) -> list[Flowable]:
    if not file.objections:
        return [para("公示期间无异议。" if file.case.get("publicized_on") else "尚未公示。", styles().cell)]
    rows: list[list[engine.Cell | None]] = [list(OBJECTION_COLUMNS)]
    for row in file.objections:
        decided = "、".join(filter(None, (row.get("decided_by_name"), date_text(row.get("decided_on")))))
        rows.append([date_text(row["raised_on"]), row["content"],
                     label("aid_objection_outcome", row["outcome"]) if row.get("outcome") else "尚未处理",
                     row.get("outcome_reason") or "", decided])
    return [KeepTogether([engine.ruled_table(rows, OBJECTION_WIDTHS, font_size=8.5)])]
