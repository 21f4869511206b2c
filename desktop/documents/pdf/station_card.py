"""暖心驿站信息卡: one A4 page per station to post at the station or file — its code, name, address, opening
hours, host, manager and phone (masked unless ``full_ids``: the manager's phone is personal data, as a
member's is), status and stars, the "六有" checks, the services it offers, and a QR code of the station code
to look the station up. Labels are the declaration's (db/stations/fields.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Spacer

from db import offices
from db.auth import Actor
from db.errors import NotFound
from db.listing import ListFilter
from db.reference import label
from db.stations import reads
from db.stations.fields import SIX_CHECKS, STATIONS
from db.stations.reads import StationCard
from db.store import Store
from desktop.documents.pdf import engine
from desktop.documents.pdf.engine import Output, chinese_date, para, styles
from desktop.documents.pdf.forms import Progress

TITLE = "暖心驿站信息卡"
STAGE = "生成驿站信息卡"
FIELDS = ("code", "name", "address", "opening_hours", "host_type", "host_name", "manager", "phone", "status",
          "stars", "area_sqm", "built_on")
QR_SIZE = 42 * mm
LABEL_W = 30 * mm
GRID_W = engine.frame_size()[0] - QR_SIZE - 8 * mm  # the facts' grid, the QR code at its right
SERVICES_PER_ROW = 4


def render(store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
           list_filter: ListFilter | None = None, month: str | None = None, full_ids: bool = False,
           progress: Progress | None = None) -> int:
    """The cards of the stations ``uuids`` (in that order), one page each; returns the page count.
    PermissionDenied (full phone numbers) and NotFound (no or a missing station) before anything is written."""
    del list_filter, month  # a card prints chosen stations
    engine.check_full_ids(actor, full_ids)
    if not uuids:
        raise NotFound("请指定要打印信息卡的暖心驿站。")
    with store.transaction() as session:
        office_name = offices.this_office(session).name
        cards = [reads.card_in(session, uuid) for uuid in uuids]
    story: list[Flowable] = []
    for done, card in enumerate(cards, 1):
        story += [_page(card, office_name, full_ids)] + ([PageBreak()] if done < len(cards) else [])
        if progress is not None:
            progress(STAGE, done, len(cards))
    return engine.build_document(out, story, title=TITLE, office_name=office_name)


def value_text(card: StationCard | dict[str, Any], attr: str, full_ids: bool) -> str:
    """A station field as printed: the phone masked unless ``full_ids``, codes by their labels."""
    value = card[attr]
    if value is None or value == "":
        return ""
    if attr == "phone":
        return engine.masked_phone(value, full_ids)
    if attr == "status":
        return label("station_status", value)
    if attr == "stars":
        return f"{value}星" if value else "未评星"
    if attr == "built_on":
        return chinese_date(value)
    if attr == "area_sqm":
        return f"{value:g}"
    return str(value)


def checks_text(values: StationCard | dict[str, Any]) -> list[tuple[str, str]]:
    """(label, "有" or "无") for each of the six "六有" checks."""
    return [(f.label, "有" if values[f.attr] else "无") for f in SIX_CHECKS]


def _page(card: StationCard, office_name: str, full_ids: bool) -> Flowable:
    st = styles()
    rows: list[list[Any]] = [[para(STATIONS.field(attr).label, st.label), para(value_text(card, attr, full_ids))]
                             for attr in FIELDS]
    grid = engine.ruled_table(rows, [LABEL_W, GRID_W - LABEL_W], header_rows=0, font_size=10.5,
                              style=[("BACKGROUND", (0, 0), (0, -1), engine.HEADER_FILL),
                                     ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
    code = str(card["code"] or "")
    side = [engine.qr_flowable(code, QR_SIZE), para(f"{STATIONS.field('code').label}：{code}", st.header)]
    top = engine.layout_table([[grid, side]], [GRID_W + 8 * mm, QR_SIZE],
                              style=[("VALIGN", (0, 0), (-1, -1), "TOP")])
    width = engine.frame_size()[0]
    story: list[Flowable] = [
        para(TITLE, st.title), para(f"填表单位：{office_name}", st.subtitle), top, Spacer(0, 6 * mm),
        para("六有", st.subtitle), _checks_table(card, width), Spacer(0, 6 * mm),
        para(STATIONS.field("services").label, st.subtitle), _services_table(card.services, width),
        Spacer(0, 10 * mm), engine.signature_block(["填表人：", "负责人："]),
    ]
    return KeepInFrame(width, engine.frame_size()[1], story, mode="shrink")


def _checks_table(card: StationCard, width: float) -> Flowable:
    checks = checks_text(card)
    return engine.ruled_table([[name for name, _ in checks], [mark for _, mark in checks]],
                              [width / len(checks)] * len(checks), font_size=10.5,
                              style=[("ALIGN", (0, 1), (-1, -1), "CENTER")])


def _services_table(services: Sequence[str], width: float) -> Flowable:
    st = styles()
    if not services:
        return para("（未登记服务项目）", st.header)
    names = list(services) + [""] * (-len(services) % SERVICES_PER_ROW)
    rows = [[para(name, st.header) for name in names[i:i + SERVICES_PER_ROW]]
            for i in range(0, len(names), SERVICES_PER_ROW)]
    return engine.ruled_table(rows, [width / SERVICES_PER_ROW] * SERVICES_PER_ROW, header_rows=0, font_size=10.5,
                              style=[("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
