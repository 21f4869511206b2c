"""暖心驿站服务台账: a station's monthly service sheet — the visits of each group (快递员, 外卖送餐员, …) per
logged day or for the month line, their totals, the services used, the supplies received and used, the
services the station offers, and the lines for 填表人, 负责人 and 日期. A month without log lines prints the
sheet with its blank rows, to be filled in by hand. Labels are LOG_TABLE's (db/stations/fields.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from db import offices
from db.auth import Actor
from db.errors import NotFound, ValidationError
from db.listing import ListFilter
from db.reference import label
from db.stations import reads
from db.stations.fields import LOG_TABLE, STATIONS
from db.stations.reads import StationMonth
from db.store import Store
from desktop.documents.pdf import engine
from desktop.documents.pdf.engine import Output, para, styles
from desktop.documents.pdf.forms import Progress

TITLE = "暖心驿站服务台账"
VISITS = ("visits_total", "visits_courier", "visits_rider", "visits_sanitation", "visits_driver", "visits_other")
TEXTS = ("services_used", "supplies_received", "supplies_used")
WIDTH = engine.frame_size()[0]
DATE_W = 30 * mm
BLANK_ROWS = 8  # rows to fill in by hand on the sheet of a month without log lines


def render(store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
           list_filter: ListFilter | None = None, month: str | None = None, full_ids: bool = False,
           progress: Progress | None = None) -> int:
    """The sheet of the station ``uuids[0]`` for ``month`` ("YYYY-MM"); returns the page count.
    NotFound / ValidationError (no station, no or a malformed month) before anything is written."""
    del list_filter, progress  # one station, one month
    engine.check_full_ids(actor, full_ids)
    if not uuids:
        raise NotFound("请指定要打印台账的暖心驿站。")
    if not month:
        raise ValidationError("月份", "请指定台账的月份，例如 2025-03")
    first = reads.parse_month(month)
    with store.transaction() as session:
        office_name = offices.this_office(session).name
        sheet = reads.month_in(session, uuids[0], first)
    station = sheet.station
    subtitle = engine.clip(f"{station['code']} {station['name']} · {first.year}年{first.month}月", WIDTH, 8)
    return engine.build_document(out, _story(sheet, office_name), title=TITLE, office_name=office_name,
                                 subtitle=subtitle)


def _lab(attr: str) -> str:
    return LOG_TABLE.field(attr).label


def _story(sheet: StationMonth, office_name: str) -> list[Flowable]:
    st = styles()
    station, month = sheet.station, sheet.month
    facts = [[STATIONS.field(attr).label, para(str(station[attr] or ""))] for attr in ("name", "code", "manager")]
    return [
        para(TITLE, st.title),
        para(f"填表单位：{office_name}　　月份：{month.year}年{month.month}月", st.subtitle),
        engine.ruled_table([[cell for pair in facts for cell in pair]],  # 名称 | … | 编号 | … | 负责人 | …
                           [16 * mm, WIDTH - 116 * mm, 16 * mm, 46 * mm, 16 * mm, 22 * mm], header_rows=0,
                           font_size=9, style=[("BACKGROUND", (i, 0), (i, 0), engine.HEADER_FILL) for i in (0, 2, 4)]),
        Spacer(0, 3 * mm),
        _visits_table(sheet),
        Spacer(0, 5 * mm),
        _texts_table(sheet),
        Spacer(0, 10 * mm),
        engine.signature_block(["填表人：", "负责人："]),
    ]


def _day(line: dict[str, Any]) -> str:
    if line["period"] == "month":
        return "全月"
    return f"{line['on_date'].month}月{line['on_date'].day}日"


def _visits_table(sheet: StationMonth) -> Flowable:
    header = [_lab("on_date"), _lab("period"), *(_lab(attr) for attr in VISITS)]
    rows: list[list[Any]] = [[_day(line), label("log_period", line["period"]),
                              *(str(line[attr] or 0) for attr in VISITS)] for line in sheet.lines]
    if not rows:
        rows = [[""] * len(header) for _ in range(BLANK_ROWS)]
    totals = [sum(line[attr] or 0 for line in sheet.lines) for attr in VISITS]
    rows.append(["合计", "", *(str(t) if sheet.lines else "" for t in totals)])
    number_w = (WIDTH - DATE_W - 14 * mm) / len(VISITS)
    widths = [DATE_W, 14 * mm, *[number_w] * len(VISITS)]
    style = [("ALIGN", (0, 1), (1, -1), "CENTER"), ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
             ("BACKGROUND", (0, -1), (-1, -1), engine.HEADER_FILL),
             ("TOPPADDING", (0, 1), (-1, -1), 4), ("BOTTOMPADDING", (0, 1), (-1, -1), 5)]
    return engine.ruled_table([header, *rows], widths, font_size=10, style=style)


def _joined(sheet: StationMonth, attr: str) -> str:
    """A text field of the month's lines: alone when one line has it, else each line's with its day."""
    filled = [line for line in sheet.lines if line[attr]]
    if len(filled) == 1:
        return str(filled[0][attr])
    return "\n".join(f"{_day(line)}：{line[attr]}" for line in filled)


def _texts_table(sheet: StationMonth) -> Flowable:
    st = styles()
    offered = "、".join(sheet.station.services) or "（未登记）"
    rows: list[list[Any]] = [[para(_lab(attr), st.label), para(_joined(sheet, attr) or "\n\n")] for attr in TEXTS]
    rows.append([para("本站" + STATIONS.field("services").label, st.label), para(offered)])
    return engine.ruled_table(rows, [DATE_W, WIDTH - DATE_W], header_rows=0, font_size=10,
                              style=[("BACKGROUND", (0, 0), (0, -1), engine.HEADER_FILL),
                                     ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
