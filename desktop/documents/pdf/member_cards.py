"""会员证: member cards, ten to an A4 sheet (2 × 5, credit-card size 85.6 × 54 mm) for cutting.

Each card has the red "中华全国总工会 会员证" band, the member's base union (else the office), 姓名, 性别,
会员编号, 会员证号, 入会日期, the ID number (masked unless ``full_ids`` and the role allows it), 工作单位 (shrunk,
then wrapped, when long) and a QR code holding the member number alone. Every card has a thin dashed outline
and cut marks at its corners, in the gutters between cards.

Speed (10,000 cards in one file, tests/benchmarks/bench_member_cards.py): the canvas is drawn directly, no
platypus. What every card repeats — band, title, labels, outline — is one form XObject, and the cut marks of
a full sheet another, each drawn with one ``Do``. QR codes come from :mod:`.qr` (one path each, the mask
chosen from cached per-version masks: 0.2 ms a code instead of reportlab's 1.7 ms).
Members are read a chunk at a time as plain rows, never as ORM objects.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from db import offices
from db.auth import Actor
from db.errors import NotFound
from db.members.fields import MEMBERS
from db.members.listing import MemberFilter
from db.models import Member, Office
from db.store import Store
from db.tabular import rows as tabular_rows
from desktop.documents import files
from desktop.documents.pdf import engine, fonts, qr
from desktop.documents.pdf.engine import Output
from desktop.documents.pdf.forms import Progress

TITLE = "会员证"
STAGE = "生成会员证"
CHUNK = 2000  # members read per query

CARD_W, CARD_H = 85.6 * mm, 54 * mm
COLUMNS, ROWS = 2, 5
PER_PAGE = COLUMNS * ROWS
GAP_X, GAP_Y = 8 * mm, 3 * mm  # gutters between cards: the cut marks live there
LEFT = (A4[0] - COLUMNS * CARD_W - (COLUMNS - 1) * GAP_X) / 2
BOTTOM = (A4[1] - ROWS * CARD_H - (ROWS - 1) * GAP_Y) / 2
MARK_OFFSET, MARK_LENGTH = 0.6 * mm, 4 * mm  # cut marks start this far from a corner

RED = colors.HexColor("#c8102e")
INK = colors.HexColor("#1a1a1a")
LABEL = colors.HexColor("#666666")
PAD = 4 * mm  # left and right padding inside a card
BAND = 10 * mm
VALUE_X = PAD + 10.5 * mm
QR_SIZE = 21 * mm
QR_TOP = 19 * mm  # below the card's top edge
QR_QUIET = 2  # modules of white around the code (the card around it is white too)
TEXT_RIGHT = CARD_W - PAD - QR_SIZE - 1.5 * mm  # values beside the QR code end here
FIELD_BASELINES = [y * mm for y in (22.5, 27.5, 32.5, 37.5, 42.5, 47.8)]  # from the card's top
LINE_GAP = 3.2 * mm  # second line of a wrapped 工作单位
GENDER_X = 37 * mm
LABELS = tuple(MEMBERS.field(attr).label for attr in ("name", "member_no", "card_no", "joined_on", "id_number",
                                                      "employer"))  # the declared labels (db/members/fields.py)


def render(store: Store, actor: Actor, out: Output, *, uuids: Sequence[str] | None = None,
           member_filter: MemberFilter | None = None, full_ids: bool = False,
           progress: Progress | None = None) -> int:
    """Cards of the members ``uuids`` (in that order), else of those ``member_filter`` selects, else of all
    (in member-number order, as the member list shows them); returns the page count.

    PermissionDenied (full ID numbers for a role without ``sensitive.full``) and NotFound (a missing member,
    or none at all) are raised before anything is written; ``progress(STAGE, page, pages)`` follows each
    page and may raise to cancel. A path is written as ``*.part`` and renamed when complete.
    """
    engine.check_full_ids(actor, full_ids)
    with store.transaction() as session:
        unions = _office_names(session)
        if uuids is not None:
            chosen = _rows_by_uuid(session, uuids)
            total, chunks = len(chosen), iter([chosen])
        else:
            flt = member_filter or MemberFilter()
            total = tabular_rows.count(session, MEMBERS, flt)
            chunks = _all_rows(session) if flt == MemberFilter() else tabular_rows.iter_rows(session, MEMBERS, flt)
        if total == 0:
            raise NotFound("没有要打印的会员。")
        cards = (_card(row, unions, full_ids) for chunk in chunks for row in chunk)
        return _write(out, cards, -(-total // PER_PAGE), progress)


# --- members --------------------------------------------------------------------------------------

_COLUMNS = [Member.uuid, Member.name, Member.gender, Member.member_no, Member.card_no, Member.joined_on,
            Member.base_union, Member.employer, Member.id_number, Member.office_code]
Row = dict[str, Any]


def _rows_by_uuid(session: Session, uuids: Sequence[str]) -> list[Row]:
    found: dict[str, Row] = {}
    for start in range(0, len(uuids), 500):
        part = list(uuids[start:start + 500])
        stmt = select(*_COLUMNS).where(Member.uuid.in_(part), Member.deleted.is_(False))
        found.update((row.uuid, row._asdict()) for row in session.execute(stmt))
    missing = [u for u in uuids if u not in found]
    if missing:
        raise NotFound(f"找不到{len(missing)}名选中的会员（可能已被删除），请刷新会员列表后重试。")
    return [found[u] for u in uuids]


def _all_rows(session: Session) -> Iterator[list[Row]]:
    """Every member in the member list's default order (member number, then uuid), by keyset."""
    after: tuple[str, str] | None = None
    while True:
        stmt = select(*_COLUMNS).where(Member.deleted.is_(False))
        if after is not None:
            stmt = stmt.where(tuple_(Member.member_no, Member.uuid) > after)
        rows = [row._asdict() for row in session.execute(stmt.order_by(Member.member_no, Member.uuid).limit(CHUNK))]
        if not rows:
            return
        after = rows[-1]["member_no"], rows[-1]["uuid"]
        yield rows


def _office_names(session: Session) -> dict[str, str]:
    names = {code: name for code, name in session.execute(select(Office.code, Office.name))}
    names[""] = offices.this_office(session).name
    return names


@dataclass(frozen=True, slots=True)
class _Card:
    """The printed text of one card."""

    union: str
    name: str
    gender: str
    member_no: str
    card_no: str
    joined_on: str
    id_number: str
    employer: str


def _card(row: Row, unions: dict[str, str], full_ids: bool) -> _Card:
    union = row.get("base_union") or unions.get(row.get("office_code") or "", unions[""])
    joined = row.get("joined_on")
    return _Card(union, row["name"] or "", row.get("gender") or "", row["member_no"] or "", row.get("card_no") or "",
                 engine.chinese_date(joined) if joined else "", engine.masked_id(row.get("id_number"), full_ids),
                 row.get("employer") or "")


# --- drawing --------------------------------------------------------------------------------------


def _write(out: Output, cards: Iterator[_Card], pages: int, progress: Progress | None) -> int:
    with files.output(out) as target:
        sheet = _Sheet(Canvas(target, pagesize=A4, pageCompression=1, initialFontName=fonts.register(),
                              initialFontSize=8, lang="zh-CN"))
        page: list[_Card] = []
        done = 0
        for card in cards:
            page.append(card)
            if len(page) == PER_PAGE:
                done += sheet.page(page)
                page = []
                if progress is not None:
                    progress(STAGE, done, pages)
        if page:
            done += sheet.page(page)
            if progress is not None:
                progress(STAGE, done, pages)
        sheet.canvas.save()
    return done


def _cells() -> list[tuple[float, float]]:
    """Lower left corners of the cards on a sheet, row by row from the top."""
    return [(LEFT + c * (CARD_W + GAP_X), BOTTOM + (ROWS - 1 - r) * (CARD_H + GAP_Y))
            for r in range(ROWS) for c in range(COLUMNS)]


class _Sheet:
    """A card PDF being written: the shared forms, then one page of up to ten cards at a time."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.font = fonts.register()
        self.cells = _cells()
        self.encoder = qr.QrEncoder()
        canvas.setTitle(TITLE)
        canvas.setCreator("UnionDesk")
        canvas.beginForm("card", 0, 0, CARD_W, CARD_H)
        self._card_frame()
        canvas.endForm()
        canvas.beginForm("marks")
        _cut_marks(canvas, self.cells)
        canvas.endForm()

    def page(self, cards: Sequence[_Card]) -> int:
        canvas = self.canvas
        if len(cards) == PER_PAGE:
            canvas.doForm("marks")
        else:
            _cut_marks(canvas, self.cells[:len(cards)])
        for x, y in self.cells[:len(cards)]:
            canvas.saveState()
            canvas.translate(x, y)
            canvas.doForm("card")
            canvas.restoreState()
        canvas.setFillColor(INK)
        for (x, y), card in zip(self.cells, cards, strict=False):
            self._card_text(card, x, y + CARD_H)
        canvas.setFillColor(colors.black)
        for (x, y), card in zip(self.cells, cards, strict=False):
            self._qr(card.member_no, x + CARD_W - PAD - QR_SIZE, y + CARD_H - QR_TOP)
        canvas.showPage()
        return 1

    def _card_frame(self) -> None:
        """What every card shares, drawn once into the "card" form: outline, band, title, labels."""
        canvas, font = self.canvas, self.font
        canvas.setFillColor(RED)
        canvas.rect(0, CARD_H - BAND, CARD_W, BAND, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setStrokeColor(colors.white)
        canvas.setLineWidth(0.25)
        canvas.setFont(font, 11.5)
        canvas.drawCentredString(CARD_W / 2, CARD_H - 6.6 * mm, "中华全国总工会  会员证", mode=2, charSpace=0.6)
        canvas.setStrokeColor(colors.HexColor("#999999"))
        canvas.setLineWidth(0.3)
        canvas.setDash(2, 1.5)
        canvas.rect(0, 0, CARD_W, CARD_H, stroke=1, fill=0)
        canvas.setDash()
        canvas.setStrokeColor(RED)
        canvas.setLineWidth(0.4)
        canvas.line(PAD, CARD_H - 17 * mm, CARD_W - PAD, CARD_H - 17 * mm)
        canvas.setFillColor(LABEL)
        canvas.setFont(font, 6.5)
        for label, baseline in zip(LABELS, FIELD_BASELINES, strict=True):
            canvas.drawString(PAD, CARD_H - baseline, label)
        canvas.drawString(GENDER_X, CARD_H - FIELD_BASELINES[0], MEMBERS.field("gender").label)

    def _card_text(self, card: _Card, x: float, top: float) -> None:
        canvas, font = self.canvas, self.font
        right = x + CARD_W - PAD
        line, size = _fit(card.union, font, 8, 6, right - x - PAD)
        canvas.setFont(font, size)
        canvas.drawString(x + PAD, top - 14.5 * mm, line)
        name, size = _fit(card.name, font, 10, 6.5, GENDER_X - VALUE_X - 1 * mm)
        canvas.setFont(font, size)
        canvas.drawString(x + VALUE_X, top - FIELD_BASELINES[0], name)
        canvas.setFont(font, 8.5)
        canvas.drawString(x + GENDER_X + 7 * mm, top - FIELD_BASELINES[0], card.gender)
        for value, baseline in zip((card.member_no, card.card_no, card.joined_on, card.id_number),
                                   FIELD_BASELINES[1:5], strict=True):
            text, size = _fit(value, font, 8.5, 6, TEXT_RIGHT - VALUE_X)
            canvas.setFont(font, size)
            canvas.drawString(x + VALUE_X, top - baseline, text)
        lines, size = _wrap(card.employer, font, 8.5, 6.5, right - x - VALUE_X)
        canvas.setFont(font, size)
        for index, text in enumerate(lines):
            canvas.drawString(x + VALUE_X, top - FIELD_BASELINES[5] - index * LINE_GAP, text)

    def _qr(self, value: str, x: float, top: float) -> None:
        """The QR code of ``value`` in a QR_SIZE square whose top left corner is (x, top)."""
        qr.draw(self.canvas, self.encoder, value, x, top - QR_SIZE, QR_SIZE, quiet=QR_QUIET)


def _cut_marks(canvas: Canvas, cells: Sequence[tuple[float, float]]) -> None:
    """Short lines continuing each card's edges outwards from its corners, up to the middle of a gutter."""
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.25)
    reach_x = min(MARK_LENGTH, GAP_X / 2)
    reach_y = min(MARK_LENGTH, GAP_Y / 2)
    path = canvas.beginPath()
    for x, y in cells:
        left = x - LEFT < 1 and MARK_LENGTH or reach_x  # the outer margins take a full-length mark
        right = A4[0] - (x + CARD_W) - LEFT < 1 and MARK_LENGTH or reach_x
        below = y - BOTTOM < 1 and MARK_LENGTH or reach_y
        above = A4[1] - (y + CARD_H) - BOTTOM < 1 and MARK_LENGTH or reach_y
        for cy in (y, y + CARD_H):
            path.moveTo(x - MARK_OFFSET, cy)
            path.lineTo(x - left, cy)
            path.moveTo(x + CARD_W + MARK_OFFSET, cy)
            path.lineTo(x + CARD_W + right, cy)
        for cx in (x, x + CARD_W):
            path.moveTo(cx, y - MARK_OFFSET)
            path.lineTo(cx, y - below)
            path.moveTo(cx, y + CARD_H + MARK_OFFSET)
            path.lineTo(cx, y + CARD_H + above)
    canvas.drawPath(path, stroke=1, fill=0)


# --- text fitting ---------------------------------------------------------------------------------


def _fit(text: str, font: str, size: float, smallest: float, width: float) -> tuple[str, float]:
    """``text`` on one line of ``width``: at ``size``, else shrunk (not below ``smallest``), else cut with "…"."""
    wide = stringWidth(text, font, size)
    if wide <= width:
        return text, size
    size = max(smallest, size * width / wide)
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + ("…" if stringWidth(text + "…", font, size) <= width else ""), size


def _wrap(text: str, font: str, size: float, smallest: float, width: float) -> tuple[list[str], float]:
    """``text`` on one line (shrunk down to ``smallest``), else on two lines of ``smallest``; cut with "…"."""
    wide = stringWidth(text, font, size)
    if wide <= width:
        return [text], size
    if size * width / wide >= smallest + 0.5:
        return [text], size * width / wide
    # Two lines of about equal length when the text fits in two, else a full first line.
    half = min(width, stringWidth(text, font, smallest) / 2 + smallest / 2)
    first = ""
    for char in text:
        if stringWidth(first + char, font, smallest) > half:
            break
        first += char
    rest, _ = _fit(text[len(first):], font, smallest, smallest, width)
    return [first, rest], smallest
