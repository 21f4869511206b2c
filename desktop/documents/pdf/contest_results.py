"""技能竞赛成绩单: a contest's results list, A4 landscape — the contest (name, trade, level, dates, venue), its
scoring rule in words (weights, pass mark, judges, extremes dropped, tie-break chain, quotas, titles), the
entrants by rank (名次, 参赛证号, 姓名, 工作单位, 理论, 实操, 总成绩, 奖项, 称号, 证书编号), then the team ranking
(each team's best three totals) and the lines for the chief judge and the supervisor.

Results not yet published (never, or reopened since) are the provisional ones the scores give now: the
heading says so and every page carries a large "暂定" watermark, so that a list pinned up early is never
mistaken for the published one. Several contests print one after another, each from a new page.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageBreak, Spacer

from db import offices
from db.auth import Actor
from db.contests.fields import ENTRY_TABLE
from db.contests.paper import ContestHeading, ResultsSheet, points, results_sheets, rule_summary
from db.members.listing import MemberFilter
from db.store import Store
from desktop.documents.pdf import engine, fonts
from desktop.documents.pdf.engine import Output, para, styles
from desktop.documents.pdf.forms import Progress

TITLE = "技能竞赛成绩单"
STAGE = "生成成绩单"
PROVISIONAL = "暂定"
PROVISIONAL_NOTE = "暂定成绩：本竞赛成绩尚未公布，名次、奖项和称号以公布的为准。"
WIDTH = engine.frame_size(landscape=True)[0]  # 267 mm
FIELDS = ("rank", "entry_no", "name", "employer", "theory_score", "practical_score", "total_score", "award",
          "title", "certificate_no")
HEADER = ("名次", *(ENTRY_TABLE.field(attr).label.removesuffix("成绩") if attr in ("theory_score", "practical_score")
                   else ENTRY_TABLE.field(attr).label for attr in FIELDS[1:]))
WIDTHS = [w * mm for w in (13, 24, 22, 80, 16, 16, 18, 17, 21, 40)]
TEAM_WIDTHS = [w * mm for w in (13, 110, 40)]
RED = colors.HexColor("#b0161f")


def render(store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
           member_filter: MemberFilter | None = None, full_ids: bool = False,
           progress: Progress | None = None) -> int:
    """The results lists of the contests ``uuids``; returns the page count. NotFound (none chosen, or a
    contest gone) before anything is written. No ID numbers are printed: ``full_ids`` changes nothing."""
    del actor, member_filter, full_ids
    sheets = results_sheets(store, list(uuids or ()))
    office_name = offices.this_office_summary(store).name
    stamp = _Stamp()
    story: list[Flowable] = []
    for done, sheet in enumerate(sheets, start=1):
        if story:
            story.append(PageBreak())
        story += [stamp.mark(PROVISIONAL if sheet.provisional else ""), *_contest_story(sheet)]
        if progress is not None:
            progress(STAGE, done, len(sheets))
    subtitle = engine.clip(sheets[0].contest.name, WIDTH - 120 * mm, 8) if len(sheets) == 1 else (
        f"共 {len(sheets)} 项竞赛")
    return engine.build_document(out, story, title=TITLE, office_name=office_name, landscape=True,
                                 subtitle=subtitle, on_page_end=stamp)


def contest_heading(contest: ContestHeading, what: str) -> list[Flowable]:
    """The contest's name (as the title) and its facts in a line under it: shared with the sign-in sheet."""
    st = styles()
    facts = [f"工种：{contest.trade}", f"级别：{contest.level}" if contest.level else "",
             f"日期：{contest.dates}", f"地点：{contest.venue}" if contest.venue else "",
             f"主办：{contest.organizer}" if contest.organizer else ""]
    return [para(f"{contest.name}{what}", st.title), para("　　".join(f for f in facts if f), st.subtitle)]


def _contest_story(sheet: ResultsSheet) -> list[Flowable]:
    contest = sheet.contest
    story = contest_heading(contest, "成绩单")
    if sheet.provisional:
        story.append(para(PROVISIONAL_NOTE, _note_style()))
    elif contest.published_at is not None:
        published = contest.published_at
        story.append(para(f"成绩公布时间：{engine.chinese_date(published.date())}", styles().subtitle))
    story += [_rule_table(sheet), Spacer(0, 3 * mm), _results_table(sheet)]
    if any(line.rank is None for line in sheet.lines):
        story.append(para("名次为“—”者：成绩未录全，未排名。", styles().small))
    if sheet.teams:
        story += [Spacer(0, 5 * mm), para("团体排名（各代表队成绩前三名选手的总成绩之和；不足三人的按实有人数计）",
                                          _section_style()), _team_table(sheet)]
    story += [Spacer(0, 8 * mm), engine.signature_block(["裁判长签字：", "监督员签字："], WIDTH * 0.7)]
    return story


def _rule_table(sheet: ResultsSheet) -> Flowable:
    st = styles()
    text = para("\n".join(rule_summary(sheet.rule)), st.cell)
    return engine.ruled_table([[para("评分规则", st.label), text]], [24 * mm, WIDTH - 24 * mm], header_rows=0,
                              style=[("BACKGROUND", (0, 0), (0, 0), engine.HEADER_FILL)])


def _results_table(sheet: ResultsSheet) -> Flowable:
    rows: list[list[engine.Cell | None]] = [list(HEADER)]
    for line in sheet.lines:
        rows.append(["—" if line.rank is None else str(line.rank), line.entry_no, line.name, line.employer,
                     points(line.theory), points(line.practical), points(line.total), line.award or "",
                     line.title or "", line.certificate_no or ""])
    style = [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (4, 1), (6, -1), "RIGHT"),
             ("ALIGN", (7, 1), (8, -1), "CENTER")]
    return engine.ruled_table(rows, WIDTHS, font_size=9, style=style)


def _team_table(sheet: ResultsSheet) -> Flowable:
    rows: list[list[engine.Cell | None]] = [["名次", "代表队（工作单位）", "前三名总成绩之和"]]
    rows += [[str(rank), team, points(total)] for team, total, rank in sheet.teams]
    table = engine.ruled_table(rows, TEAM_WIDTHS, font_size=9,
                               style=[("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (2, -1), "RIGHT")])
    table.hAlign = "LEFT"
    return table


@cache
def _note_style() -> ParagraphStyle:
    return ParagraphStyle("contest_provisional", parent=styles().subtitle, textColor=RED, fontSize=11, leading=14)


@cache
def _section_style() -> ParagraphStyle:
    return ParagraphStyle("contest_section", parent=styles().body, firstLineIndent=0, spaceAfter=2 * mm)


class _Stamp:
    """The watermark of the pages being drawn: set by a marker at the start of each contest's story (which
    starts a page), drawn over each page as it ends."""

    def __init__(self) -> None:
        self.text = ""

    def mark(self, text: str) -> Flowable:
        return _Marker(self, text)

    def __call__(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if not self.text:
            return
        width, height = doc.pagesize
        canvas.saveState()
        canvas.setFillColor(RED, alpha=0.13)
        canvas.setFont(fonts.register(), 150)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(30)
        canvas.drawCentredString(0, -50, self.text)
        canvas.restoreState()


class _Marker(Flowable):
    """Takes no room; sets the watermark from the page it lands on."""

    def __init__(self, stamp: _Stamp, text: str) -> None:
        super().__init__()
        self.stamp, self.text = stamp, text

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.stamp.text = self.text
