"""暖心驿站检查记录: one A4 page per inspection — the station, the date and inspector, each of the six "六有"
checks passed or not, the posted against the actual opening hours, the medicine expiry date, the score, the
findings and the follow-up, and the signatures of the inspector and the station's manager. Labels are
INSPECTION_TABLE's (db/stations/fields.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Spacer

from db import offices
from db.auth import Actor
from db.errors import NotFound
from db.listing import ListFilter
from db.stations import reads
from db.stations.fields import INSPECTION_TABLE, SIX_CHECKS, STATIONS
from db.stations.reads import Inspection
from db.store import Store
from desktop.documents.pdf import engine
from desktop.documents.pdf.engine import Output, chinese_date, para, styles
from desktop.documents.pdf.forms import Progress

TITLE = "暖心驿站检查记录"
STAGE = "生成检查记录"
WIDTH = engine.frame_size()[0]
LABEL_W = 32 * mm
HALF = (WIDTH - 2 * LABEL_W) / 2
PASSED, FAILED = "符合", "不符合"


def render(store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
           list_filter: ListFilter | None = None, month: str | None = None, full_ids: bool = False,
           progress: Progress | None = None) -> int:
    """The records of the inspections ``uuids`` — an inspection's uuid prints that inspection, a station's
    every inspection of the station — one page each; returns the page count. NotFound before writing."""
    del list_filter, month
    engine.check_full_ids(actor, full_ids)
    if not uuids:
        raise NotFound("请指定要打印的检查记录（检查记录或驿站的系统编号）。")
    with store.transaction() as session:
        office_name = offices.this_office(session).name
        found = [one for uuid in uuids for one in reads.inspections_in(session, uuid)]
    story: list[Flowable] = []
    for done, inspection in enumerate(found, 1):
        story += [_page(inspection, office_name)] + ([PageBreak()] if done < len(found) else [])
        if progress is not None:
            progress(STAGE, done, len(found))
    return engine.build_document(out, story, title=TITLE, office_name=office_name)


def _lab(attr: str) -> str:
    return INSPECTION_TABLE.field(attr).label


def _page(inspection: Inspection, office_name: str) -> Flowable:
    st = styles()
    story: list[Flowable] = [
        para(TITLE, st.title),
        para(f"填表单位：{office_name}", st.subtitle),
        _facts(inspection),
        Spacer(0, 5 * mm),
        para("“六有”检查", st.subtitle),
        _checks(inspection),
        Spacer(0, 5 * mm),
        _texts(inspection),
        Spacer(0, 10 * mm),
        engine.signature_block(["检查人签字：", f"驿站{STATIONS.field('manager').label}签字："]),
    ]
    return KeepInFrame(WIDTH, engine.frame_size()[1], story, mode="shrink")


def _facts(inspection: Inspection) -> Flowable:
    st = styles()
    station, v = inspection.station, inspection
    # a row of four cells: label, value, label, value (the address spans the last three)

    def lab(text: str) -> Any:
        return para(text, st.label)

    def day(attr: str) -> str:
        return chinese_date(v[attr]) if v[attr] else ""

    hours_differ = bool(v["posted_hours"] and v["actual_hours"] and v["posted_hours"] != v["actual_hours"])
    rows = [
        [lab(STATIONS.field("name").label), para(station["name"]), lab(STATIONS.field("code").label),
         para(station["code"])],
        [lab(STATIONS.field("address").label), para(station["address"]), "", ""],
        [lab(_lab("inspected_on")), day("inspected_on"), lab(_lab("inspector")), para(v["inspector"])],
        [lab(_lab("posted_hours")), para(v["posted_hours"]), lab(_lab("actual_hours")),
         para((v["actual_hours"] or "") + ("（与公示不符）" if hours_differ else ""))],
        [lab(_lab("medicine_expiry")), day("medicine_expiry"), lab(_lab("score")),
         "" if v["score"] is None else f"{v['score']} 分"],
    ]
    style = [("SPAN", (1, 1), (3, 1)), ("BACKGROUND", (0, 0), (0, -1), engine.HEADER_FILL),
             ("BACKGROUND", (2, 0), (2, 0), engine.HEADER_FILL), ("BACKGROUND", (2, 2), (2, -1), engine.HEADER_FILL),
             ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]
    return engine.ruled_table(rows, [LABEL_W, HALF, LABEL_W, HALF], header_rows=0, font_size=9, style=style)


def _checks(inspection: Inspection) -> Flowable:
    width = WIDTH / len(SIX_CHECKS)
    marks = [PASSED if inspection[f.attr] else FAILED for f in SIX_CHECKS]
    return engine.ruled_table([[f.label for f in SIX_CHECKS], marks], [width] * len(SIX_CHECKS), font_size=10.5,
                              style=[("ALIGN", (0, 1), (-1, -1), "CENTER"),
                                     *[("TEXTCOLOR", (i, 1), (i, 1), "#b00000")
                                       for i, mark in enumerate(marks) if mark == FAILED],
                                     ("TOPPADDING", (0, 1), (-1, 1), 5), ("BOTTOMPADDING", (0, 1), (-1, 1), 6)])


def _texts(inspection: Inspection) -> Flowable:
    st = styles()
    rows = [[para(_lab(attr), st.label), [para(inspection[attr] or ""), Spacer(0, 24 * mm)]]
            for attr in ("findings", "follow_up")]
    return engine.ruled_table(rows, [LABEL_W, WIDTH - LABEL_W], header_rows=0, font_size=10.5,
                              style=[("BACKGROUND", (0, 0), (0, -1), engine.HEADER_FILL),
                                     ("VALIGN", (1, 0), (1, -1), "TOP"),
                                     ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
