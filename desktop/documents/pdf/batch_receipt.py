"""批次交接单: the handover receipt of one sync batch (design §5) — who sent it to whom, its number and kind,
the rows of each registry it carries, and its SHA-256 fingerprint in blocks of eight to read aloud over the
phone, with the signatures and seals of the person handing it over and the person receiving it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table
from sqlalchemy.orm import Session

from db import offices
from db.auth import Actor
from db.errors import NotFound
from db.members.listing import MemberFilter
from db.models import Office, SyncBatch
from db.registry import table_label, table_specs
from db.store import Store
from db.sync.overview import DIRECTION_LABELS, KIND_LABELS, STATUS_LABELS, table_counts
from desktop.documents.pdf import engine
from desktop.documents.pdf.engine import Output, para, styles
from desktop.documents.pdf.forms import Progress

TITLE = "批次交接单"
WIDTH = engine.frame_size()[0]


def render(store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
           member_filter: MemberFilter | None = None, full_ids: bool = False,
           progress: Progress | None = None) -> int:
    """The receipt of the batch ``uuids[0]``; NotFound (before anything is written) if there is none."""
    del actor, member_filter, full_ids, progress  # a receipt holds no personal data
    if not uuids:
        raise NotFound("请指定要打印交接单的批次。")
    with store.transaction() as session:
        batch = session.get(SyncBatch, uuids[0])
        if batch is None:
            raise NotFound(f"找不到批次 {uuids[0]}。")
        office_name = offices.this_office(session).name
        story = _story(session, batch)
    return engine.build_document(out, story, title=TITLE, office_name=office_name)


def office_text(session: Session, code: str) -> str:
    """"东四街道工会（110101006）", or the bare code for an office this database does not know."""
    office = session.get(Office, code)
    return f"{office.name}（{code}）" if office is not None else code


def local_time(moment: dt.datetime) -> str:
    """A stored UTC time (naive) as the local time of this computer."""
    return moment.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def fingerprint_blocks(sha256: str) -> list[str]:
    """The hex digest in blocks of eight characters."""
    return [sha256[i:i + 8] for i in range(0, len(sha256), 8)]


def counts_of(batch: SyncBatch) -> list[tuple[str, int]]:
    """(Chinese table name, rows) per table of the batch: known tables in the registries' order, others after."""
    counts = table_counts(batch.counts)
    order = list(table_specs())
    tables = sorted(counts, key=lambda t: (order.index(t) if t in order else len(order), t))
    return [(table_label(t), counts[t]) for t in tables]


def _story(session: Session, batch: SyncBatch) -> list[Flowable]:
    st = styles()
    return [
        para(TITLE, st.title),
        _facts(session, batch),
        Spacer(0, 5 * mm),
        para("批次内容", st.subtitle),
        _counts_table(batch),
        Spacer(0, 5 * mm),
        para("文件指纹（SHA-256，每组8位，请接收人逐组核对）", st.subtitle),
        _fingerprint(batch.sha256),
        Spacer(0, 8 * mm),
        engine.signature_block(["移交人签字：", "接收人签字："], WIDTH),
        Spacer(0, 4 * mm),
        _seals(),
    ]


def _facts(session: Session, batch: SyncBatch) -> Table:
    label_width, value_width = 28 * mm, WIDTH / 2 - 28 * mm
    processed = local_time(batch.processed_at) if batch.processed_at else ""
    rows: list[list[Any]] = [
        ["发出单位", para(office_text(session, batch.sender_code)), "接收单位",
         para(office_text(session, batch.recipient_code))],
        ["批次号", f"第 {batch.seq} 批", "类型", KIND_LABELS.get(batch.kind, batch.kind)],
        ["生成时间", local_time(batch.created_at), "处理时间", processed],
        ["本单位", DIRECTION_LABELS.get(batch.direction, batch.direction),
         "状态", STATUS_LABELS.get(batch.status, batch.status)],
        ["文件名", para(batch.file_name or ""), "", ""],
        ["批次编号", batch.uuid, "", ""],
    ]
    style = [("SPAN", (1, 4), (3, 4)), ("SPAN", (1, 5), (3, 5)),
             ("BACKGROUND", (0, 0), (0, -1), engine.HEADER_FILL), ("BACKGROUND", (2, 0), (2, 3), engine.HEADER_FILL),
             ("ALIGN", (0, 0), (0, -1), "CENTER"),
             ("ALIGN", (2, 0), (2, 3), "CENTER"), ("TOPPADDING", (0, 0), (-1, -1), 5),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]
    return engine.ruled_table(rows, [label_width, value_width, label_width, value_width], header_rows=0,
                              font_size=10, style=style)


def _counts_table(batch: SyncBatch) -> Table:
    counts = counts_of(batch)
    rows: list[list[Any]] = [["序号", "台账", "记录数"]]
    rows += [[str(i), name, f"{rows_:,}"] for i, (name, rows_) in enumerate(counts, 1)]
    rows.append(["", "合计", f"{sum(n for _, n in counts):,}"])
    widths = [20 * mm, 80 * mm, 40 * mm]
    return engine.ruled_table(rows, widths, font_size=10, style=[
        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (2, -1), "RIGHT"),
        ("BACKGROUND", (0, -1), (-1, -1), engine.HEADER_FILL), ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])


def _fingerprint(sha256: str) -> Table:
    """Two lines of four numbered blocks, and the whole digest as a QR code for a phone to compare."""
    blocks = fingerprint_blocks(sha256)
    cells = [f"{i}. {block}" for i, block in enumerate(blocks, 1)]
    rows = [cells[i:i + 4] for i in range(0, len(cells), 4)]
    grid = engine.ruled_table(rows, [34 * mm] * 4, header_rows=0, font_size=12, style=[
        ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm)])
    return engine.layout_table([[grid, engine.qr_flowable(sha256, 26 * mm)]], [WIDTH - 30 * mm, 30 * mm],
                               style=[("ALIGN", (1, 0), (1, 0), "RIGHT")])


def _seals() -> Table:
    return engine.layout_table([[engine.seal_area("移交单位（盖章）"), engine.seal_area("接收单位（盖章）")]],
                               [WIDTH / 2, WIDTH / 2])
