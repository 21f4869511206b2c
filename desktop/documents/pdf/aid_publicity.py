"""困难职工公示名单: the households put to 公示 before their files are approved, as a notice to post — 序号,
姓名, 身份证号 (always masked), 困难类别, 主要致困原因, 家庭人口 — with the 公示 period (from its first day,
for the 公示 days of the settings), where and until when to object, the office and the date.

The list is posted in public, so nothing sensitive is on it whoever prints it: the form is ``masked_only``
in the catalogue (a request for full numbers is dropped there) and masks again here. Income is left out
although a 公示 sometimes shows it: it is a sensitive field (PIPL Art. 28) that the office shows no one
without the role and a reason, and a posted sheet has neither; the category (深度困难: below the 低保 line,
相对困难: below twice the line) already tells a neighbour what to object to. Neither the bank account, the
health, the disability nor the phone appear, for the same reason; minor causes are left out as details of a
household's life that the main cause is enough to judge by.

Files begun on different days have different periods: each day's files are one notice, from a new page.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from db.aid.paper import PublicityNotice, publicity_notices
from db.auth import Actor
from db.members.listing import MemberFilter
from db.store import Store
from desktop.documents.pdf import engine
from desktop.documents.pdf.engine import Output, chinese_date, para, styles
from desktop.documents.pdf.forms import Progress

TITLE = "困难职工公示名单"
STAGE = "生成公示名单"
COLUMNS = ("序号", "姓名", "身份证号", "困难类别", "主要致困原因", "家庭人口")
WIDTHS = [w * mm for w in (14, 28, 46, 26, 44, 22)]  # 180 mm


def render(store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
           member_filter: MemberFilter | None = None, full_ids: bool = False,
           progress: Progress | None = None) -> int:
    """The 公示名单 of the files ``uuids`` (else of every file of the actor's office in 公示); returns the
    page count. ID numbers are masked whatever ``full_ids`` says. NotFound (nothing in 公示, a file gone) and
    ValidationError (a chosen file not in 公示) come before anything is written."""
    del member_filter, full_ids  # posted in public: never full numbers
    notices = publicity_notices(store, actor.office_code, list(uuids) if uuids else None)
    story: list[Flowable] = []
    for done, notice in enumerate(notices, start=1):
        if story:
            story.append(PageBreak())
        story += notice_story(notice)
        if progress is not None:
            progress(STAGE, done, len(notices))
    first = notices[0]
    subtitle = f"公示期：{chinese_date(first.first_day)}至{chinese_date(first.last_day)}" if len(notices) == 1 \
        else f"共 {len(notices)} 批公示"
    return engine.build_document(out, story, title=TITLE, office_name=notices[0].office_name, subtitle=subtitle)


def period_text(notice: PublicityNotice) -> str:
    return f"{chinese_date(notice.first_day)}至{chinese_date(notice.last_day)}（{notice.days}天）"


def objection_text(notice: PublicityNotice) -> str:
    return (f"如有异议，请于{chinese_date(notice.last_day)}前（含当日）向{notice.office_name}反映。"
            "反映情况须实事求是，请署真实姓名并提供具体事实或线索，我们将依规核实处理并为反映人保密。")


def notice_story(notice: PublicityNotice) -> list[Flowable]:
    st = styles()
    intro = (f"根据困难职工档案管理有关规定，经本人申请、入户核查和审核，拟将以下{len(notice.lines)}户职工家庭"
             f"纳入困难职工档案管理，现予公示。公示期：{period_text(notice)}。")
    rows: list[list[engine.Cell | None]] = [list(COLUMNS)]
    rows += [[str(number), line.name, engine.masked_id(line.id_number, False), line.category, line.main_cause,
              f"{line.household_size} 人"]
             for number, line in enumerate(notice.lines, start=1)]
    table = engine.ruled_table(rows, WIDTHS, row_heights=[8 * mm] * len(rows), font_size=10,
                               style=[("ALIGN", (0, 1), (0, -1), "RIGHT"), ("ALIGN", (-1, 1), (-1, -1), "CENTER")])
    return [para(TITLE, st.title), para(intro, st.body), Spacer(0, 3 * mm), table, Spacer(0, 5 * mm),
            para(objection_text(notice), st.body), Spacer(0, 12 * mm),
            para(notice.office_name, _signed()), para(chinese_date(notice.first_day), _signed())]


@cache
def _signed() -> ParagraphStyle:
    return ParagraphStyle("aid_notice_signed", parent=styles().body, firstLineIndent=0, alignment=TA_RIGHT,
                          rightIndent=8 * mm, fontSize=11, leading=18)
