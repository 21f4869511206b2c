"""送温暖签领表: a campaign's recipients (序号, 姓名, 类别, 身份证号, 慰问金, 慰问品, and an empty 签名 column
tall enough to sign), A4 portrait, by target group in the campaign's order, the table flowing onto more pages
with its header; then the totals by group and overall, and lines for the people who handed the aid out.
ID numbers are masked unless a role that may see them asks for them in full (design §7): the list goes from
hand to hand at the visits. Several campaigns print one after another, each from a new page."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from db import offices
from db.aid.campaign_rules import yuan
from db.aid.campaigns import ReceiptSheet, receipt_sheets
from db.auth import Actor
from db.members.listing import MemberFilter
from db.store import Store
from desktop.documents.pdf import engine
from desktop.documents.pdf.engine import Output, para, styles
from desktop.documents.pdf.forms import Progress

TITLE = "送温暖签领表"
STAGE = "生成签领表"
WIDTH = engine.frame_size()[0]  # 180 mm
HEADER = ("序号", "姓名", "类别", "身份证号", "慰问金（元）", "慰问品", "签名")
WIDTHS = [w * mm for w in (11, 22, 31, 38, 22, 30, 26)]
ROW_HEIGHT = 11 * mm  # room for a hand-written name
FONT_SIZE = 9.5
NAME, GIFT = 1, 5  # free-text columns: cut to two lines so that a row keeps its height


def render(store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
           member_filter: MemberFilter | None = None, full_ids: bool = False,
           progress: Progress | None = None) -> int:
    """The 签领表 of the campaigns ``uuids``; returns the page count. PermissionDenied (full ID numbers for a
    role that may not see them) and NotFound (none chosen, or a campaign gone) come before anything is
    written."""
    del member_filter
    engine.check_full_ids(actor, full_ids)
    sheets = receipt_sheets(store, list(uuids or ()))
    office_name = offices.this_office_summary(store).name
    story: list[Flowable] = []
    for done, sheet in enumerate(sheets, start=1):
        if story:
            story.append(PageBreak())
        story += campaign_story(sheet, full_ids)
        if progress is not None:
            progress(STAGE, done, len(sheets))
    subtitle = engine.clip(sheets[0].name, WIDTH - 70 * mm, 8) if len(sheets) == 1 else f"共 {len(sheets)} 项活动"
    return engine.build_document(out, story, title=TITLE, office_name=office_name, subtitle=subtitle)


def campaign_story(sheet: ReceiptSheet, full_ids: bool) -> list[Flowable]:
    st = styles()
    facts = (f"年度：{sheet.year}；节日：{sheet.festival}；活动日期：{engine.date_text(sheet.starts_on)} 至 "
             f"{engine.date_text(sheet.ends_on)}\n慰问对象：{sheet.target_groups}")
    rows: list[list[engine.Cell | None]] = [list(HEADER)]
    for number, line in enumerate(sheet.recipients, start=1):
        rows.append([str(number), _two_lines(line.name, NAME), line.group, engine.masked_id(line.id_number, full_ids),
                     yuan(line.amount_fen) if line.amount_fen else "", _two_lines(line.gift or "", GIFT), ""])
    table = engine.ruled_table(rows, WIDTHS, row_heights=[8 * mm] + [ROW_HEIGHT] * len(sheet.recipients),
                               font_size=FONT_SIZE,
                               style=[("ALIGN", (0, 1), (0, -1), "RIGHT"), ("ALIGN", (4, 1), (4, -1), "RIGHT")])
    story: list[Flowable] = [para(f"{sheet.name}签领表", st.title), para(facts, st.subtitle), table]
    story += [para(line, _totals_style()) for line in totals_lines(sheet)]
    story += [Spacer(0, 6 * mm), engine.signature_block(["发放人：", "监督人："], WIDTH)]
    return story


def totals_lines(sheet: ReceiptSheet) -> list[str]:
    """The totals under the table: one line per group, then the whole campaign."""
    totals = sheet.totals
    if not totals.count:
        return ["本活动还没有慰问对象。"]
    lines = [f"{g.group}：{g.count} 人，慰问金 {yuan(g.amount_fen)} 元" for g in totals.groups]
    lines.append(f"合计：{totals.count} 人，慰问金 {yuan(totals.amount_fen)} 元，慰问品 {totals.gifts} 份")
    return lines


def _two_lines(text: str, column: int) -> str:
    """Free text cut (with "…") to two lines of its column: a taller cell would overflow the fixed row."""
    return engine.clip(text, WIDTHS[column] - 2 * engine.CELL_PADDING, FONT_SIZE, lines=2)


@cache
def _totals_style() -> ParagraphStyle:
    return ParagraphStyle("campaign_totals", parent=styles().body, firstLineIndent=0, spaceBefore=1.5 * mm)
