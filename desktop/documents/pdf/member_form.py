"""工会会员入会申请登记表: one A4 page per member, the ruled grid of the paper form a clerk knows — every
member field, a box for the one-inch photo, the application and consent in the member's words, and the
signatures and seals of the applicant, the base-level union and the sub-district union. Masked unless
``full_ids``: the ID and phone numbers, and the birth date down to its year (:mod:`db.masking`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Paragraph, Spacer
from sqlalchemy.orm import Session

from db import members, offices
from db.auth import Actor
from db.errors import NotFound
from db.members import listing as member_list
from db.members.listing import MemberFilter, MemberSort
from db.members.rules import LABELS
from db.models import Honour, Member, MemberEvent
from db.reference import label
from db.store import Store
from desktop.documents.pdf import engine
from desktop.documents.pdf.engine import Output, chinese_date, para, styles
from desktop.documents.pdf.forms import Progress

TITLE = "工会会员入会申请登记表"
STAGE = "生成登记表"
# label, value, label, value, label, value, photo
WIDTHS = [w * mm for w in (23, 30, 21, 31, 21, 26, 28)]
APPLICATION = ("本人自愿加入中华全国总工会，承认《中国工会章程》，履行会员义务，遵守工会纪律，"
               "按期交纳会费，积极参加工会组织的活动。")
CONSENT = "本人明示同意工会依法收集、保存和使用上述个人信息，仅用于会员管理和服务。"
REMARKS_LIMIT = 300  # characters of 备注 printed; the form stays one page


def render(store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
           member_filter: MemberFilter | None = None, full_ids: bool = False,
           progress: Progress | None = None) -> int:
    """The forms of the members ``uuids`` (else of those matching ``member_filter``, else of all), one page
    each; returns the page count. NotFound names a missing member before anything is written."""
    engine.check_full_ids(actor, full_ids)
    story: list[Flowable] = []
    with store.transaction() as session:
        office_name = offices.this_office(session).name
        chosen = list(uuids) if uuids else list(member_uuids(session, member_filter))
        if not chosen:
            raise NotFound("没有要打印的会员。")
        for uuid in chosen:  # all of them found before any progress is shown
            member = session.get(Member, uuid)
            if member is None or member.deleted:
                raise NotFound(f"找不到会员（系统编号 {uuid}），可能已被删除。")
        for done, uuid in enumerate(chosen, 1):
            member = members.get(session, uuid)
            page = _page(member, members.history(session, uuid), members.honours(session, uuid),
                         office_name, full_ids)
            story += [page, PageBreak()] if done < len(chosen) else [page]
            if progress is not None:
                progress(STAGE, done, len(chosen))
    return engine.build_document(out, story, title=TITLE, office_name=office_name)


def member_uuids(session: Session, member_filter: MemberFilter | None,
                 sort: MemberSort | None = None) -> Iterator[str]:
    """The uuids of the members a filter selects (all when ``None``), in member-number order, read a page
    at a time."""
    flt, order, after = member_filter or MemberFilter(), sort or MemberSort("member_no"), None
    while True:
        page = member_list.page(session, flt, order, after, limit=1000)
        yield from (row.uuid for row in page.rows)
        if page.next_cursor is None:
            return
        after = page.next_cursor


@dataclass(frozen=True)
class _Values:
    """The printed text of every field of one member."""

    fields: dict[str, str]

    def __getitem__(self, attr: str) -> str:
        return self.fields.get(attr, "")


def _values(member: Member, full_ids: bool) -> _Values:
    def day(attr: str) -> str:
        value = getattr(member, attr)
        return chinese_date(value) if value else ""

    number = engine.masked_id(member.id_number, full_ids)
    if member.id_type and member.id_type != "居民身份证":
        number = f"{member.id_type} {number}"
    plain = ("name", "gender", "ethnicity", "political_status", "education", "member_no", "card_no",
             "employer", "employer_credit_code", "employer_type", "industry", "occupation", "employment_form",
             "skill_level", "base_union")
    fields = {attr: str(getattr(member, attr) or "") for attr in plain}
    fields.update(
        birth_date=engine.birth_date_text(member.birth_date, full_ids, chinese=True),
        joined_on=day("joined_on"), consent_on=day("consent_on"),
        id_number=number, phone=engine.masked_phone(member.phone, full_ids),
        is_migrant_worker="是" if member.is_migrant_worker else "否",
        status=label("member_status", member.status),
        remarks=_shorten(member.remarks or "", REMARKS_LIMIT),
    )
    return _Values(fields)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "……（全文见系统）"


def _honours(honours: Sequence[Honour]) -> str:
    parts = []
    for honour in honours:
        name = honour.title or honour.kind
        level = f"（{honour.level}）" if honour.level else ""
        issuer = f"，{honour.issuer}" if honour.issuer else ""
        parts.append(f"{honour.year}年 {name}{level}{issuer}")
    return "；".join(parts) or "无"


def _history(events: Sequence[MemberEvent]) -> str:
    parts = []
    for event in events:
        what = label("member_event", event.kind)
        whom = f"（{event.counterpart}）" if event.counterpart else ""
        why = f"：{event.reason}" if event.reason else ""
        parts.append(f"{chinese_date(event.on_date)} {what}{whom}{why}")
    return _shorten("；".join(parts), 200)


def _page(member: Member, events: Sequence[MemberEvent], honours: Sequence[Honour], office_name: str,
          full_ids: bool) -> Flowable:
    st = styles()
    v = _values(member, full_ids)
    heading = [para(TITLE, st.title),
               Paragraph(f"填表单位：{escape(office_name)}{'&nbsp;' * 8}会员编号：{escape(v['member_no'])}",
                         st.subtitle)]
    grid = engine.ruled_table(_grid_rows(v, honours, events), WIDTHS, header_rows=0, font_size=9.5,
                              style=_grid_style())
    width, height = engine.frame_size()
    return KeepInFrame(width, height, [*heading, grid], mode="shrink")


def _grid_rows(v: _Values, honours: Sequence[Honour], events: Sequence[MemberEvent]) -> list[list[Any]]:
    st = styles()

    def lab(attr: str) -> Paragraph:
        return para(LABELS[attr], st.label)

    def pair(attr: str, spanned: bool = False) -> list[Any]:
        # a value spanning columns wraps at the span's width; ruled_table knows only one column's
        return [lab(attr), para(v[attr]) if spanned else v[attr]]

    photo = para("一寸照片", st.label)
    return [
        [*pair("name"), *pair("gender"), *pair("ethnicity"), photo],
        [*pair("birth_date"), *pair("political_status"), *pair("education"), ""],
        [*pair("id_number", True), "", "", *pair("phone"), ""],
        [*pair("member_no"), *pair("card_no"), *pair("joined_on"), ""],
        [*pair("employer", True), "", "", *pair("employer_credit_code", True), ""],
        [*pair("employer_type"), *pair("industry"), *pair("occupation", True), ""],
        [*pair("employment_form"), *pair("is_migrant_worker"), *pair("skill_level", True), ""],
        [*pair("base_union", True), "", "", *pair("status", True), ""],
        [para("荣誉", st.label), para(_honours(honours)), "", "", "", "", ""],
        [para("会员变动", st.label), para(_history(events) or "无"), "", "", "", "", ""],
        [lab("remarks"), para(v["remarks"]), "", "", "", "", ""],
        [para("本人申请", st.label), _application(v), "", "", "", "", ""],
        [para("基层工会意见", st.label), _opinion("基层工会（盖章）"), "", "", "", "", ""],
        [para("街道工会审批意见", st.label), _opinion("街道工会（盖章）"), "", "", "", "", ""],
    ]


def _application(v: _Values) -> list[Flowable]:
    st = styles()
    consent_day = v["consent_on"] or engine.DATE_BLANK
    return [
        Spacer(0, 1 * mm),
        para(APPLICATION, st.body),
        para(f"{CONSENT}同意日期：{consent_day}", st.body),
        Spacer(0, 2 * mm),
        engine.signature_block(["申请人签字："], width=sum(WIDTHS[1:]) - 6 * mm),
        Spacer(0, 1 * mm),
    ]


def _opinion(seal: str) -> list[Flowable]:
    return [Spacer(0, 26 * mm), engine.seal_area(seal, height=14 * mm)]


def _grid_style() -> list[tuple[Any, ...]]:
    label_cells = [(0, r) for r in range(14)] + [(2, r) for r in (0, 1, 3, 5, 6)] + [(4, r) for r in range(8)]
    spans = [((6, 0), (6, 3)), ((1, 2), (3, 2)), ((1, 4), (3, 4)), ((5, 4), (6, 4)), ((5, 5), (6, 5)),
             ((5, 6), (6, 6)), ((1, 7), (3, 7)), ((5, 7), (6, 7))]
    spans += [((1, r), (6, r)) for r in range(8, 14)]
    commands: list[tuple[Any, ...]] = [("SPAN", a, b) for a, b in spans]
    commands += [("BACKGROUND", cell, cell, engine.HEADER_FILL) for cell in label_cells]
    commands += [("TOPPADDING", (0, 0), (-1, 7), 7), ("BOTTOMPADDING", (0, 0), (-1, 7), 8),
                 ("TOPPADDING", (0, 8), (-1, 10), 5), ("BOTTOMPADDING", (0, 8), (-1, 10), 6)]
    commands += [("VALIGN", (1, r), (6, r), "TOP") for r in (11, 12, 13)]
    return commands
