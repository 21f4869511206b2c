"""暖心驿站名册: the stations the 暖心驿站 tab lists for a filter (its search; ``None`` = all), in the tab's
order (by code), A4 landscape, the declaration's list columns under their declared labels, phone numbers
masked unless ``full_ids``, and a totals line: the stations, by status, and how many are rated by stars."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from db import offices, reference
from db.auth import Actor
from db.errors import NotFound
from db.listing import ListFilter
from db.stations import reads
from db.stations.fields import STATIONS
from db.store import Store
from desktop.documents.pdf import engine
from desktop.documents.pdf.engine import Output, styles
from desktop.documents.pdf.forms import Progress
from desktop.documents.pdf.station_card import value_text

TITLE = "暖心驿站名册"
STAGE = "生成驿站名册"
FIELDS = tuple(column.attr for column in STATIONS.list_columns)  # what the tab lists, in its order
COLUMNS = ("序号", *(STATIONS.field(attr).label for attr in FIELDS))
# 序号, code, name, address, host type, manager, phone, status, stars (the frame is 267 mm wide)
WIDTHS = [w * mm for w in (12, 38, 52, 73, 24, 18, 27, 11, 12)]


def render(store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
           list_filter: ListFilter | None = None, month: str | None = None, full_ids: bool = False,
           progress: Progress | None = None) -> int:
    """The roster of the stations matching ``list_filter`` (all when ``None``); returns the page count.
    ``uuids`` is not used: a roster prints a list."""
    del uuids, month
    engine.check_full_ids(actor, full_ids)
    flt = list_filter or ListFilter()
    with store.transaction() as session:
        office_name = offices.this_office(session).name
        rows = reads.list_rows_in(session, flt)
    if not rows:
        raise NotFound("没有符合条件的暖心驿站。")
    table = [[str(number), *(value_text(row, attr, full_ids) for attr in FIELDS)]
             for number, row in enumerate(rows, 1)]
    if progress is not None:
        progress(STAGE, len(rows), len(rows))
    story: list[Flowable] = [
        engine.ruled_table([list(COLUMNS), *table], WIDTHS, font_size=8.5,
                           style=[("ALIGN", (0, 1), (0, -1), "RIGHT"), ("ALIGN", (-2, 1), (-1, -1), "CENTER")]),
        engine.para(totals_line(rows), _totals_style()),
    ]
    return engine.build_document(out, story, title=TITLE, office_name=office_name, landscape=True,
                                 subtitle=describe(flt))


def totals_line(rows: Sequence[dict[str, Any]]) -> str:
    statuses = Counter(row["status"] for row in rows)
    parts = [f"{name} {statuses[code]} 个" for code, name in reference.labels("station_status").items()]
    stars = Counter(row["stars"] for row in rows if row["stars"])
    rated = "，".join(f"{n}星 {stars[n]} 个" for n in sorted(stars, reverse=True)) or "无"
    return f"共 {len(rows)} 个驿站；其中 {'，'.join(parts)}。评星：{rated}。"


@cache
def _totals_style() -> ParagraphStyle:
    return ParagraphStyle("station_totals", parent=styles().body, firstLineIndent=0, spaceBefore=3 * mm)


def describe(flt: ListFilter) -> str:
    """The filter in words, printed under the title: which stations the roster lists."""
    parts = [f"搜索“{flt.text.strip()}”"] if flt.text.strip() else []
    parts += [f"{STATIONS.field(attr).label}：{value_text({attr: value}, attr, False)}" for attr, value in flt.equals]
    if flt.office_code is not None:
        parts.append(f"单位代码：{flt.office_code}")
    return "范围：" + ("；".join(parts) if parts else "全部驿站")
