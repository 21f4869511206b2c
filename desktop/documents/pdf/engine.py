"""What every printed form shares: A4 pages with the embedded CJK font, page furniture (office, title,
print date, "第 x 页 共 y 页"), ruled tables that flow across pages with their header repeated, signature
lines, seal areas and QR codes.

A form module builds a *story* (a list of platypus flowables) from these pieces and hands it to
:func:`build_document`, which writes the file and returns its page count.

Speed: a plain string cell costs a tenth of a Paragraph cell, so :func:`ruled_table` keeps text that fits its
column as a string and makes a Paragraph only of what must wrap; a long list is best given as one table per
page (:func:`rows_per_page` says how many rows fit), which also keeps every page's height known in advance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO, TypeAlias
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as turned
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from db.auth import Actor
from db.errors import PermissionDenied
from db.masking import masked_birth_date
from db.validation import mask_id_number, mask_phone
from desktop.documents import files
from desktop.documents.pdf import fonts, qr

Output = Path | BinaryIO
Cell: TypeAlias = "str | Flowable"  # a table cell: plain text, or a flowable (Paragraph, table, drawing)
PageHook: TypeAlias = Callable[[Canvas, BaseDocTemplate], None]

MARGIN = 15 * mm
TOP = 20 * mm  # room for the header line above the frame
BOTTOM = 16 * mm  # room for the page number below it
GRID = colors.HexColor("#444444")
HEADER_FILL = colors.HexColor("#e6e6e6")
FURNITURE = colors.HexColor("#333333")
CELL_PADDING = 2.5  # points left and right of a cell's text


def page_size(landscape: bool = False) -> tuple[float, float]:
    return turned(A4) if landscape else A4


def frame_size(landscape: bool = False) -> tuple[float, float]:
    """Width and height of the story's frame on a page: what a form may fill."""
    width, height = page_size(landscape)
    return width - 2 * MARGIN, height - TOP - BOTTOM


# --- styles ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the forms, all in the embedded CJK font with Chinese line breaking."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_small: ParagraphStyle
    header: ParagraphStyle
    label: ParagraphStyle


@cache
def styles() -> Styles:
    font = fonts.register()

    def style(name: str, size: float, **options: Any) -> ParagraphStyle:
        options.setdefault("leading", size * 1.3)
        return ParagraphStyle(name, fontName=font, fontSize=size, wordWrap="CJK", **options)

    return Styles(
        title=style("title", 18, alignment=TA_CENTER, spaceAfter=4 * mm),
        subtitle=style("subtitle", 10, alignment=TA_CENTER, spaceAfter=3 * mm),
        body=style("body", 10.5, leading=16, firstLineIndent=21),
        small=style("small", 8),
        cell=style("cell", 9),
        cell_small=style("cell_small", 7, leading=8.2),
        header=style("header", 9, alignment=TA_CENTER),
        label=style("label", 9.5, alignment=TA_CENTER),
    )


def para(text: str | None, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain text (escaped: a name with ``&`` or ``<`` prints as typed)."""
    return Paragraph(escape(text or "").replace("\n", "<br/>"), style or styles().cell)


def text_width(text: str, size: float) -> float:
    return stringWidth(text, fonts.register(), size)


def clip(text: str, width: float, size: float, lines: int = 1) -> str:
    """``text`` cut (with "…") so that it fills at most ``lines`` lines of ``width`` points."""
    room = width * lines - (lines - 1) * size  # a wrapped line rarely ends flush
    if text_width(text, size) <= room:
        return text
    while text and text_width(text + "…", size) > room:
        text = text[:-1]
    return text + "…"


# --- values ---------------------------------------------------------------------------------------


def check_full_ids(actor: Actor, full_ids: bool) -> None:
    """Full ID and phone numbers on paper only for the roles that may see them (design §7); raised before
    anything is written."""
    if full_ids and not actor.can("sensitive.full"):
        raise PermissionDenied("您的角色不能打印完整的身份证号和手机号码，请打印打码的版本。")


def masked_id(number: str | None, full: bool) -> str:
    """An ID number as printed: whole only when ``full`` (the caller checked the permission)."""
    if not number:
        return ""
    return number if full else mask_id_number(number)


def masked_phone(phone: str | None, full: bool) -> str:
    if not phone:
        return ""
    return phone if full else mask_phone(phone)


def birth_date_text(day: dt.date | None, full: bool, *, chinese: bool = False) -> str:
    """A birth date printed with an ID number: whole only when the number is, else the year alone, which
    keeps the masked digits hidden (:mod:`db.masking`)."""
    if not day:
        return ""
    if not full:
        return masked_birth_date(day)
    return chinese_date(day) if chinese else date_text(day)


def date_text(day: dt.date | dt.datetime | None) -> str:
    return day.strftime("%Y-%m-%d") if day else ""


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# --- tables ---------------------------------------------------------------------------------------


def fit_cell(text: str, width: float, style: ParagraphStyle | None = None) -> Cell:
    """``text`` as a plain string if it fits ``width`` on one line (fast), else a wrapping Paragraph."""
    style = style or styles().cell
    room = width - 2 * CELL_PADDING
    if "\n" in text:
        return para(text, style)
    needed = text_width(text, style.fontSize)
    if needed <= room:
        return text
    if text.isascii() and " " not in text and needed * 0.75 <= room:  # a code: smaller, never broken
        return para(text, _sized(style, style.fontSize * room / needed))
    return para(text, style)


@cache
def _sized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_{size:.1f}", parent=style, fontSize=size, leading=size * 1.25)


def ruled_table(rows: Sequence[Sequence[Cell | None]], col_widths: Sequence[float], *, header_rows: int = 1,
                row_heights: Sequence[float] | float | None = None, font_size: float = 9,
                style: Sequence[tuple[Any, ...]] = (), plain: bool = False) -> Table:
    """A table with a thin grid and a filled header (repeated when it flows onto the next page).

    String cells that fit their column stay strings; longer ones become Paragraphs and wrap (a value spanning
    columns should come as a Paragraph: only the first column's width is known here). ``plain``: every cell
    stays as given — the caller made the strings fit (fastest). ``style`` adds TableStyle commands (spans,
    alignment) after the defaults.
    """
    st = styles()
    cell_style = st.cell if font_size == st.cell.fontSize else _sized(st.cell, font_size)
    body: list[list[Any]]
    if plain:
        body = [list(row) for row in rows]
    else:
        body = [[_cell(value, width, st.header if index < header_rows else cell_style)
                 for value, width in zip(row, col_widths, strict=True)] for index, row in enumerate(rows)]
    heights = [row_heights] * len(rows) if isinstance(row_heights, int | float) else row_heights
    table = Table(body, colWidths=list(col_widths), rowHeights=heights, repeatRows=header_rows)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.register(), font_size),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header_rows:
        commands += [("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
                     ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER")]
    table.setStyle(TableStyle([*commands, *style]))
    return table


def _cell(value: Cell | None, width: float, style: ParagraphStyle) -> Cell:
    if value is None:
        return ""
    if isinstance(value, str):
        return fit_cell(value, width, style) if style.alignment != TA_CENTER else para(value, style)
    return value


def layout_table(rows: Sequence[Sequence[Cell]], col_widths: Sequence[float], *,
                 style: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A borderless table that places flowables side by side (no padding). Always through here or
    :func:`ruled_table`: a Table without a FONT command selects Helvetica, which the PDF would not embed."""
    table = Table([list(row) for row in rows], colWidths=list(col_widths))
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.register(), 10),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        *[(side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")],
        *style,
    ]))
    return table


def rows_per_page(frame_height: float, row_height: float, header_height: float, reserve: float = 0) -> int:
    """How many body rows of ``row_height`` fit under a header of ``header_height`` in a frame, leaving
    ``reserve`` points free (for a totals line after the last page's table)."""
    return max(1, int((frame_height - header_height - reserve - 1) // row_height))


# --- signatures, seals, QR codes --------------------------------------------------------------------


DATE_BLANK = "____年____月____日"


def signature_block(labels: Sequence[str], width: float | None = None, *, dated: bool = True) -> Table:
    """One line per label: "申请人签字：________  日期：____年____月____日"."""
    width = width or frame_size()[0]
    date_width = 52 * mm if dated else 0
    label_width = max(text_width(label, 10.5) for label in labels) + 4 * mm
    line_width = max(width - label_width - date_width, 30 * mm)
    rows = [[label, "", "日期：" + DATE_BLANK if dated else ""] for label in labels]
    table = Table(rows, colWidths=[label_width, line_width, date_width], rowHeights=11 * mm)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.register(), 10.5),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
        ("RIGHTPADDING", (1, 0), (1, -1), 6 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("ALIGN", (2, 0), (2, -1), "RIGHT"),
    ]))
    table.hAlign = "LEFT"
    return table


class SealArea(Flowable):
    """Room for a round seal (about 42 mm) with its hint, "（盖章）", at the right."""

    def __init__(self, text: str = "（盖章）", height: float = 30 * mm, date: bool = True) -> None:
        super().__init__()
        self.text, self.seal_height, self.date = text, height, date

    def wrap(self, avail_width: float, _avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.seal_height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(fonts.register(), 10.5)
        right = self.width - 6 * mm
        canvas.drawRightString(right, 7 * mm, self.text)
        if self.date:
            canvas.drawRightString(right, 1 * mm, DATE_BLANK)


def seal_area(text: str = "（盖章）", height: float = 30 * mm, *, date: bool = True) -> SealArea:
    return SealArea(text, height, date)


def _qr_drawing(value: str, size: float) -> Drawing:
    widget = QrCodeWidget(value, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.initialFontName = fonts.register()  # else the renderer selects Helvetica, a font the PDF does not embed
    drawing.add(widget)
    return drawing


def qr_flowable(value: str, size: float = 25 * mm) -> Drawing:
    """A QR code of ``value`` (quiet zone included) as a flowable ``size`` points square."""
    return _qr_drawing(value, size)


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    """Draw a QR code of ``value`` with its lower left corner at (x, y) (the fast path of :mod:`.qr`)."""
    qr.draw(canvas, _ENCODER, value, x, y, size)


_ENCODER = qr.QrEncoder()


# --- the document -----------------------------------------------------------------------------------


class _NumberedCanvas(Canvas):
    """A canvas that holds its pages until the end, so that every footer can say how many there are."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(fonts.register(), 9)
            self.setFillColor(FURNITURE)
            self.drawCentredString(self._pagesize[0] / 2, BOTTOM / 2, f"第 {self._pageNumber} 页 共 {total} 页")
            super().showPage()
        super().save()


@dataclass(frozen=True)
class _Furniture:
    """What every page carries above the story: office name, title (and subtitle), print date, a rule."""

    office_name: str
    title: str
    subtitle: str | None
    printed_on: dt.date

    def __call__(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = doc.pagesize
        font = fonts.register()
        canvas.saveState()
        canvas.setFillColor(FURNITURE)
        baseline = height - TOP + 8 * mm
        canvas.setFont(font, 9)
        canvas.drawString(MARGIN, baseline, self.office_name)
        canvas.drawRightString(width - MARGIN, baseline, f"打印日期：{chinese_date(self.printed_on)}")
        canvas.setFont(font, 10.5)
        canvas.drawCentredString(width / 2, baseline, self.title)
        if self.subtitle:
            canvas.setFont(font, 8)
            canvas.drawCentredString(width / 2, baseline - 4.5 * mm, self.subtitle)
        rule = baseline - (6 if self.subtitle else 1.5) * mm
        canvas.setStrokeColor(FURNITURE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, rule, width - MARGIN, rule)
        canvas.restoreState()


def build_document(out: Output, story: list[Flowable], *, title: str, office_name: str, landscape: bool = False,
                   subtitle: str | None = None, printed_on: dt.date | None = None,
                   on_page_end: PageHook | None = None) -> int:
    """Write ``story`` as an A4 PDF to ``out`` (a path or a binary file); return the number of pages.

    Every page carries the office name, the title (and ``subtitle``), the print date and "第 x 页 共 y 页".
    ``on_page_end(canvas, doc)`` draws over each page once its story is drawn (a watermark).
    A path is written as ``*.part`` and renamed when complete, so a failure never leaves half a file.
    """
    font = fonts.register()
    size = page_size(landscape)
    frame = Frame(MARGIN, BOTTOM, *frame_size(landscape), leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="body")
    furniture = _Furniture(office_name, title, subtitle, printed_on or dt.date.today())
    with files.output(out) as target:
        doc = BaseDocTemplate(
            target, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP, bottomMargin=BOTTOM,
            title=title, author=office_name, subject=subtitle or title, creator="UnionDesk", lang="zh-CN",
            initialFontName=font, initialFontSize=10, displayDocTitle=True,
            pageTemplates=[PageTemplate("page", [frame], onPage=furniture, pagesize=size,
                                        **({"onPageEnd": on_page_end} if on_page_end else {}))])
        doc.build(story, canvasmaker=_NumberedCanvas)
    return int(doc.page)
