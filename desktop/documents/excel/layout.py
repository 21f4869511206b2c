"""How a registry looks as a sheet: its title, each column's width and number format, the header's style.

Shared by the export (:mod:`.export`) and the blank templates (:mod:`.template`), so that a template and
an exported sheet of the same registry have the same columns, widths and formats. Widths are in Excel's
character units, where a Chinese character counts about two.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from db.fields import Field

DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
# Excel shows a text-formatted cell of more than 255 characters as ####: long remarks stay General.
_LONGEST_TEXT_FORMATTED = 255

NUMBER_FORMATS: dict[str, str] = {
    "date": DATE_FORMAT,
    "money": "0.00",
    "score": "0.00",
    "int": "0",
    "text": TEXT_FORMAT,
    "id_number": TEXT_FORMAT,
    "mobile": TEXT_FORMAT,
    "phone": TEXT_FORMAT,
    "bank": TEXT_FORMAT,
    "credit": TEXT_FORMAT,
}

_KIND_WIDTHS: dict[str, float] = {
    "date": 12, "int": 8, "float": 10, "bool": 8, "money": 14, "score": 10, "choice": 12, "coded": 10,
    "id_number": 21, "mobile": 15, "phone": 15, "bank": 24, "credit": 22,
}
_LABEL_WIDTHS: dict[str, float] = {"姓名": 10, "备注": 40, "系统编号": 12}
UUID_ATTR = "uuid"
MAX_WIDTH = 50

_THIN = Side(style="thin", color="A6A6A6")
HEADER_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
SYSTEM_FONT = Font(bold=True, color="808080")
SYSTEM_FILL = PatternFill("solid", fgColor="EDEDED")
HEADER_HEIGHT = 30


def display_width(text: str) -> int:
    """How many character units ``text`` takes in Excel: two for a Chinese (wide) character, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_width(field: Field) -> float:
    """The column's width: wide enough for its header and for a typical value of its kind."""
    width = _LABEL_WIDTHS.get(field.label)
    if width is None:
        width = _KIND_WIDTHS.get(field.kind) or _text_width(field.limit)
    return float(min(max(width, display_width(field.label) + 4), MAX_WIDTH))


def _text_width(limit: int | None) -> float:
    if limit is None or limit <= 30:
        return 14
    if limit <= 60:
        return 18
    if limit <= 120:
        return 28
    return 40


def number_format(field: Field) -> str | None:
    """The column's Excel number format (``@`` keeps ID and phone numbers text), None for General."""
    if field.kind == "text" and (field.limit is None or field.limit > _LONGEST_TEXT_FORMATTED):
        return None
    return NUMBER_FORMATS.get(field.kind)


def style_header(cell: Any, field: Field) -> None:
    """Style a header cell (of a normal or a write-only sheet): bold, light fill, thin border, centred."""
    system = field.attr == UUID_ATTR
    cell.font = SYSTEM_FONT if system else HEADER_FONT
    cell.fill = SYSTEM_FILL if system else HEADER_FILL
    cell.border = HEADER_BORDER
    cell.alignment = HEADER_ALIGNMENT


def set_columns(ws: Any, fields: Sequence[Field]) -> None:
    """Widths and number formats of the sheet's columns (before any row of a write-only sheet).

    The format of a column applies to cells typed into it later — a new member's ID number added to an
    exported list stays text in Excel.
    """
    for index, field in enumerate(fields, 1):
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width = column_width(field)
        fmt = number_format(field)
        if fmt is not None:
            dimension.number_format = fmt
