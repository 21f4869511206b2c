"""困难职工帮扶审批表: one A4 page per file — the applicant, category and causes, the household's income
against the 低保 line, how the 公示 went, and four signature blocks (建档人, 审核人, 单位意见, 审批意见).

A block whose workflow step was taken carries what was recorded: the opinion, who took it and the day
(:data:`db.aid.paper.SIGNATURE_STEPS` says which step fills which block). A block whose step is still to come
is left blank, with lines to write the opinion and sign by hand. Sensitive values are masked unless
``full_ids`` (a role with ``sensitive.full`` asking), as on the 困难职工档案表."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Paragraph, Spacer

from db import offices
from db.aid.fields import AID_CASES
from db.aid.paper import SIGNATURE_STEPS, AidFile, StepLine, aid_files
from db.auth import Actor
from db.members.listing import MemberFilter
from db.reference import label
from db.store import Store
from desktop.documents.pdf import engine
from desktop.documents.pdf.aid_common import CaseMark, check_full, field_text, mark_pages, yuan
from desktop.documents.pdf.aid_form import HIDDEN, grid_style, short_label
from desktop.documents.pdf.engine import DATE_BLANK, Output, chinese_date, para, styles
from desktop.documents.pdf.forms import Progress

TITLE = "困难职工帮扶审批表"
STAGE = "生成帮扶审批表"
GRID = [w * mm for w in (27, 33, 27, 33, 27, 33)]
BLOCKS = ("建档人", "审核人", "单位意见", "审批意见")  # the paper form's order
# who signs a block left blank, and whether it takes the office's seal
SIGNER = {"建档人": "建档人", "审核人": "审核人", "单位意见": "负责人", "审批意见": "审批人"}
# who took the step that filled a block, by the step
TAKEN_BY = {"applied": "建档人", "verified": "核查人", "reviewed": "审核人", "filed": "审批人"}
STEP_NAMES = {"applied": "申请建档", "verified": "入户核查", "reviewed": "审核", "filed": "审批"}
SEALED = frozenset({"单位意见", "审批意见"})
BLOCK_HEIGHT = 30 * mm  # room for a hand-written opinion and signature


def render(store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
           member_filter: MemberFilter | None = None, full_ids: bool = False,
           progress: Progress | None = None) -> int:
    """The 审批表 of the files ``uuids``, one page each; returns the page count. PermissionDenied (full values
    for a role that may not see them) and NotFound (none chosen, or a file gone) come before anything is
    written."""
    del member_filter
    check_full(actor, full_ids)
    files = aid_files(store, list(uuids or ()))
    office_name = offices.this_office_summary(store).name
    story: list[Flowable] = []
    for done, file in enumerate(files, start=1):
        if story:
            story.append(PageBreak())
        story.append(_page(file, full_ids))
        if progress is not None:
            progress(STAGE, done, len(files))
    subtitle = f"档案编号：{files[0].case['case_no']}" if len(files) == 1 else f"共 {len(files)} 份档案"
    return engine.build_document(out, story, title=TITLE, office_name=office_name, subtitle=subtitle,
                                 on_page_end=mark_pages)


def _page(file: AidFile, full: bool) -> Flowable:
    st = styles()
    case = file.case
    heading = [CaseMark(f"档案编号 {case['case_no']} · {file.holder.name}"), para(TITLE, st.title),
               para(f"建档单位：{case['office_name']}　　档案编号：{case['case_no']}　　状态：{file.status_label}",
                    st.subtitle)]
    rows = [*_applicant_rows(file, full), *_block_rows(file)]
    grid = engine.ruled_table(rows, GRID, header_rows=0, font_size=9.5, style=_style(rows))
    width, height = engine.frame_size()
    note = [para("金额单位：元。" + ("" if full else "本表已隐去敏感信息（身份证号、电话、收入、健康）。"), st.small)]
    return KeepInFrame(width, height, [*heading, grid, Spacer(0, 1.5 * mm), *note], mode="shrink")


def _applicant_rows(file: AidFile, full: bool) -> list[list[Any]]:
    st = styles()
    holder = file.holder

    def lab(text: str) -> Paragraph:
        return para(text, st.label)

    def pair(attr: str, spanned: bool = False) -> list[Any]:
        text = field_text(AID_CASES.field(attr), file.case.get(attr), full)
        return [lab(short_label(attr)), para(text) if spanned else text]

    line = file.suggestion.dibao_line_fen
    suggested = (file.suggestion.category or "无") if full else HIDDEN
    return [
        [lab("申请人"), holder.name, lab("性别"), holder.gender, lab("出生日期"),
         engine.birth_date_text(holder.birth_date, full, chinese=True)],
        [lab("身份证号"), engine.masked_id(holder.id_number, full), "", "", lab("联系电话"),
         engine.masked_phone(holder.phone, full)],
        [lab("工作单位"), para(holder.employer), "", "", *pair("work_status")],
        [*pair("address", True), "", "", "", ""],
        [*pair("category"), *pair("main_cause", True), "", ""],
        [*pair("minor_causes", True), "", "", "", ""],
        [*pair("household_size"), *pair("monthly_income_fen"), *pair("household_income_fen")],
        [*pair("per_capita_fen"), lab("月低保标准"), yuan(line) if line else "未设置", lab("收入测算类别"),
         suggested],
        [*pair("health"), *pair("disability"), lab("家庭成员"), f"{len(file.household)} 人"],
        [lab("公示情况"), para(publicity_text(file)), "", "", "", ""],
    ]


def publicity_text(file: AidFile) -> str:
    """How the 公示 went, in words: its period and the objections (or that there were none)."""
    start = file.case.get("publicized_on")
    if start is None and not any(step.step == "publicized" for step in file.steps):
        return "尚未公示"
    if start is None:  # sent back: the last 公示 on record
        start = next(step.on_date for step in reversed(file.steps) if step.step == "publicized")
    last = engine.chinese_date(start + dt.timedelta(days=file.publicity_days - 1)) if start else ""
    text = f"{chinese_date(start)}至{last}公示{file.publicity_days}天" if start else "已公示"
    if not file.objections:
        return text + "，无异议。"
    settled = [row for row in file.objections if row.get("outcome")]
    kinds = "；".join(f"{label('aid_objection_outcome', row['outcome'])}：{row.get('outcome_reason') or ''}"
                      for row in settled)
    open_count = len(file.objections) - len(settled)
    waiting = f"，{open_count}条尚未处理" if open_count else ""
    return f"{text}，收到异议{len(file.objections)}条{waiting}。{kinds}"


def _block_rows(file: AidFile) -> list[list[Any]]:
    signed = file.signatures()
    return [[para(block, styles().label), _block(block, signed[block]), "", "", "", ""] for block in BLOCKS]


def _block(block: str, step: StepLine | None) -> list[Flowable]:
    """A signature block: what was recorded, or room to write and sign by hand."""
    st = styles()
    width = sum(GRID[1:]) - 2 * engine.CELL_PADDING
    caption = f"（{_step_name(block)}）"
    if step is None:
        seal = "（盖章）" if block in SEALED else ""
        sign = f"{SIGNER[block]}签字：__________　{seal}　日期：{DATE_BLANK}"
        return [para(caption, st.small), Spacer(0, BLOCK_HEIGHT - 12 * mm),
                engine.layout_table([[para(sign, _right())]], [width])]
    who = TAKEN_BY.get(step.step, SIGNER[block])
    signer = f"{who}：{step.actor}　　日期：{chinese_date(step.on_date) if step.on_date else ''}"
    opinion = para(step.note or "（未填写意见）", st.cell)
    _, used = opinion.wrap(width, BLOCK_HEIGHT)
    room = max(4 * mm, BLOCK_HEIGHT - 12 * mm - used)  # blocks alike in height, a long opinion longer
    return [para(caption, st.small), opinion, Spacer(0, room), engine.layout_table([[para(signer, _right())]], [width])]


def _step_name(block: str) -> str:
    step = SIGNATURE_STEPS[block]
    return STEP_NAMES.get(step, step)


@cache
def _right() -> ParagraphStyle:
    return ParagraphStyle("aid_sign", parent=styles().cell, alignment=TA_RIGHT)


def _style(rows: list[list[Any]]) -> list[tuple[Any, ...]]:
    first_block = len(rows) - len(BLOCKS)
    return [*grid_style(rows), *[("VALIGN", (1, r), (-1, r), "TOP") for r in range(first_block, len(rows))]]
