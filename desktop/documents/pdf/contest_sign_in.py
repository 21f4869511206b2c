"""技能竞赛签到表: a contest's entrants by 参赛证号 (参赛证号, 姓名, 工作单位, 身份证号, and an empty 签名 column
tall enough to sign in), A4 portrait, with the count of entrants and lines for the attendance and the person
in charge. ID numbers are masked unless a role that may see them asks for them in full (design §7): the
sheet lies open on a table at the door. Several contests print one after another, each from a new page."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from db import offices
from db.auth import Actor
from db.contests.fields import ENTRY_TABLE
from db.contests.paper import ContestHeading, SignInLine, sign_in_sheets
from db.members.listing import MemberFilter
from db.store import Store
from desktop.documents.pdf import engine
from desktop.documents.pdf.contest_results import contest_heading
from desktop.documents.pdf.engine import Output, para, styles
from desktop.documents.pdf.forms import Progress

TITLE = "技能竞赛签到表"
STAGE = "生成签到表"
WIDTH = engine.frame_size()[0]  # 180 mm
HEADER = ("序号", *(ENTRY_TABLE.field(attr).label for attr in ("entry_no", "name", "employer", "id_number")), "签名")
WIDTHS = [w * mm for w in (11, 22, 22, 55, 38, 32)]
ROW_HEIGHT = 11 * mm  # room for a hand-written name


def render(store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
           member_filter: MemberFilter | None = None, full_ids: bool = False,
           progress: Progress | None = None) -> int:
    """The sign-in sheets of the contests ``uuids``; returns the page count. PermissionDenied (full ID
    numbers for a role that may not see them) and NotFound (none chosen, or a contest gone) come before
    anything is written."""
    del member_filter
    engine.check_full_ids(actor, full_ids)
    sheets = sign_in_sheets(store, list(uuids or ()))
    office_name = offices.this_office_summary(store).name
    story: list[Flowable] = []
    for done, (contest, lines) in enumerate(sheets, start=1):
        if story:
            story.append(PageBreak())
        story += _contest_story(contest, lines, full_ids)
        if progress is not None:
            progress(STAGE, done, len(sheets))
    subtitle = engine.clip(sheets[0][0].name, WIDTH - 70 * mm, 8) if len(sheets) == 1 else (
        f"共 {len(sheets)} 项竞赛")
    return engine.build_document(out, story, title=TITLE, office_name=office_name, subtitle=subtitle)


def _contest_story(contest: ContestHeading, lines: list[SignInLine], full_ids: bool) -> list[Flowable]:
    rows: list[list[engine.Cell | None]] = [list(HEADER)]
    rows += [[str(number), line.entry_no, line.name, line.employer, engine.masked_id(line.id_number, full_ids), ""]
             for number, line in enumerate(lines, start=1)]
    heights = [8 * mm] + [ROW_HEIGHT] * len(lines)
    table = engine.ruled_table(rows, WIDTHS, row_heights=heights, font_size=9.5,
                               style=[("ALIGN", (0, 1), (0, -1), "RIGHT")])
    count = f"应到 {len(lines)} 人　　实到 ______ 人" if lines else "本竞赛还没有参赛选手。"
    return [*contest_heading(contest, "签到表"), table, Spacer(0, 4 * mm), para(count, styles().body),
            Spacer(0, 4 * mm), engine.signature_block(["签到负责人："], WIDTH)]
