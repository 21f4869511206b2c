"""What the hardship-aid forms share (aid_form.py, aid_approval.py): who may print full values, a declared
field's value as printed (masked by its declaration unless ``full``), and the file's number in the corner of
each of its pages (a file of several pages among others stays identifiable once the pages are apart).

Sensitive on the aid paper (DESIGN §7, PIPL Art. 28): ID, phone and bank numbers, health, disability and
income. Masked unless a role with ``sensitive.full`` asks for full values; the masking is the declaration's
(:meth:`db.fields.Field.to_cell`), as in the list and the Excel export. A birth date printed beside a masked ID
number keeps only its year, and an age is then left out: with the year, the age says whether the birthday
has passed on the day printed, which narrows the hidden digits (:mod:`db.masking`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable

from db.auth import Actor
from db.errors import PermissionDenied
from db.fields import Field
from desktop.documents.pdf import engine, fonts
from desktop.documents.pdf.engine import chinese_date

FULL_PERMISSION = "sensitive.full"
MASKED_NOTE = "本表已隐去敏感信息（身份证号、电话、银行卡号、健康、残疾、收入），完整信息请由审核人或管理员打印。"


def check_full(actor: Actor, full: bool) -> None:
    """Full sensitive values on paper only for the roles that may see them; raised before anything is
    written."""
    if full and not actor.can(FULL_PERMISSION):
        raise PermissionDenied("您的角色不能打印完整的身份证号、电话、银行卡号、健康、残疾和收入信息，"
                               "请打印隐去敏感信息的版本。")


def field_text(field: Field, value: Any, full: bool, *, chinese: bool = True) -> str:
    """A stored value as printed: by its declaration (codes by label, money in yuan with two decimals, yes
    or no), masked when the field is sensitive and not ``full``; "" for nothing."""
    if value is None or value == "":
        return ""
    cell = field.to_cell(value, full=full)
    if isinstance(cell, Decimal):
        return f"{cell:,.2f}"
    if isinstance(cell, dt.date):
        return chinese_date(cell) if chinese else engine.date_text(cell)
    return str(cell)


def yuan(fen: int | None) -> str:
    return "" if fen is None else f"{Decimal(fen).scaleb(-2):,.2f}"


class CaseMark(Flowable):
    """Invisible: from here on, the pages belong to the file ``text`` (drawn by :func:`mark_pages`)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.aid_case_mark = self.text


def mark_pages(canvas: Canvas, _doc: BaseDocTemplate) -> None:
    """The page hook: the current file's number at the foot of the page, left of the page number."""
    text = getattr(canvas, "aid_case_mark", None)
    if not text:
        return
    canvas.saveState()
    canvas.setFont(fonts.register(), 8)
    canvas.setFillColor(engine.FURNITURE)
    canvas.drawString(engine.MARGIN, engine.BOTTOM / 2, text)
    canvas.restoreState()
