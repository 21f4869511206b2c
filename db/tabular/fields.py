"""One field of a registry as a column of a table (an Excel sheet): its label, its kind, and the two
conversions every import and export needs — the stored value to what a cell shows (:meth:`Field.to_cell`),
and what a cell holds back to the stored value (:meth:`Field.clean`), which raises ValidationError naming
the field in Chinese.

Kinds and their cells:

========== ======================== =========================================
kind       stored                   cell
========== ======================== =========================================
text       str                      str
choice     str (one of a list)      str
coded      code (``active``)        its Chinese label (``在会``)
date       date                     date
int        int                      int
float      float                    float
bool       bool                     是 / 否
money      int fen                  yuan, two decimals (``1234.50``)
score      int hundredths           points, two decimals (``85.50``)
id_number  str (GB 11643 checked)   str; masked unless full values are asked
phone      str (mobile or landline) str; masked unless full values are asked
bank       str (account number)     str; masked unless full values are asked
credit     str (GB 32100 checked)   str
========== ======================== =========================================
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from db import reference
from db.errors import ValidationError
from db.validation import (
    mask_id_number,
    mask_phone,
    normalize_id_number,
    parse_date,
    parse_id_number,
    validate_credit_code,
    validate_mobile,
)

Kind = Literal["text", "choice", "coded", "date", "int", "float", "bool", "money", "score", "id_number",
               "phone", "bank", "credit"]
SENSITIVE_KINDS = frozenset({"id_number", "phone", "bank"})
MASK_CHAR = "*"

_TRUE = frozenset({"是", "有", "√", "✓", "1", "true", "yes", "y", "t"})
_FALSE = frozenset({"否", "无", "×", "✗", "0", "false", "no", "n", "f", ""})
_LANDLINE = re.compile(r"[0-9]{3,4}-?[0-9]{7,8}(-[0-9]{1,6})?|[0-9]{5,8}")
_HALF_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


@dataclass(frozen=True)
class Field:
    """A column of a registry: ``attr`` is the model attribute (or a derived name the registry resolves),
    ``label`` the Chinese header from the paper form (DOMAIN.md).

    ``choices`` names a value list of ``resources/reference/values.json`` (for ``choice`` and ``coded``);
    ``limit`` is the longest text; ``low``/``high`` bound numbers. ``readonly`` columns are exported for
    reading (a name looked up elsewhere, a computed total) and ignored on import.
    """

    attr: str
    label: str
    kind: Kind = "text"
    required: bool = False
    choices: str | None = None
    limit: int | None = None
    low: float | None = None
    high: float | None = None
    readonly: bool = False

    @property
    def sensitive(self) -> bool:
        return self.kind in SENSITIVE_KINDS

    # --- stored → cell -------------------------------------------------------------------------------

    def to_cell(self, value: Any, *, full: bool = True) -> Any:
        """What a cell shows for the stored ``value``; sensitive kinds are masked unless ``full``."""
        if value is None:
            return None
        kind = self.kind
        if kind == "coded":
            return reference.label(self.choices or "", value)
        if kind == "bool":
            return "是" if value else "否"
        if kind in ("money", "score"):
            return Decimal(value).scaleb(-2)
        if not full and kind in SENSITIVE_KINDS:
            return mask(kind, str(value))
        return value

    # --- cell → stored -------------------------------------------------------------------------------

    def clean(self, raw: Any) -> Any:
        """The stored value of a cell's content (``None`` for an empty cell); raises ValidationError."""
        if isinstance(raw, str):
            raw = raw.strip()
            if raw == "":
                raw = None
        if raw is None:
            if self.required:
                raise ValidationError(self.label, "必须填写")
            return False if self.kind == "bool" else None
        value = _CLEANERS[self.kind](self, raw)
        if value is None and self.required:
            raise ValidationError(self.label, "必须填写")
        return value

    def is_masked(self, raw: Any) -> bool:
        """Whether a cell holds a masked value (an export without full values) rather than a real one."""
        return self.sensitive and isinstance(raw, str) and MASK_CHAR in raw


@dataclass(frozen=True, slots=True)
class Masked:
    """A masked cell (``110101********1234``): stands for the stored value it was exported from."""

    text: str


def mask(kind: str, value: str) -> str:
    if kind == "id_number":
        return mask_id_number(value)
    if kind == "phone":
        return mask_phone(value)
    return MASK_CHAR * max(len(value) - 4, 0) + value[-4:]  # bank account: the last four digits


def _as_text(raw: Any) -> str:
    """A cell as text: integral floats (what a reader gives for a number cell) lose their ``.0``."""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(sep=" ")
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw).strip()


def _text(field: Field, raw: Any) -> str | None:
    text = _as_text(raw)
    if field.limit and len(text) > field.limit:
        raise ValidationError(field.label, f"不能超过{field.limit}个字（现为{len(text)}个）")
    return text or None


def _choice(field: Field, raw: Any) -> str:
    text = _as_text(raw)
    if text not in reference.allowed(field.choices or ""):
        allowed = reference.values(field.choices or "")
        raise ValidationError(field.label, f"“{text}”不在可选范围内：{'、'.join(allowed)}")
    return text


def _coded(field: Field, raw: Any) -> str:
    text = _as_text(raw)
    codes = reference.labels(field.choices or "")
    for code, label in codes.items():
        if text in (label, code):
            return code
    raise ValidationError(field.label, f"“{text}”不在可选范围内：{'、'.join(codes.values())}")


def _date(field: Field, raw: Any) -> dt.date:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        # a date typed as 20240305 arrives as a number
        raw = _as_text(raw)
    day = parse_date(raw if isinstance(raw, dt.date) else str(raw), field.label)
    if not 1900 <= day.year <= 2100:
        raise ValidationError(field.label, f"年份不合理：{day.year}")
    return day


def _number(field: Field, raw: Any) -> Decimal:
    if isinstance(raw, bool):
        raise ValidationError(field.label, "应为数字")
    text = _as_text(raw).translate(_HALF_WIDTH).replace(",", "").replace("，", "")
    text = text.removesuffix("元").removesuffix("分").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError(field.label, f"应为数字：{text}") from None
    if not number.is_finite():
        raise ValidationError(field.label, f"应为数字：{text}")
    if field.low is not None and number < Decimal(str(field.low)):
        raise ValidationError(field.label, f"不能小于{_plain(field.low)}：{_plain(number)}")
    if field.high is not None and number > Decimal(str(field.high)):
        raise ValidationError(field.label, f"不能大于{_plain(field.high)}：{_plain(number)}")
    return number


def _plain(number: float | Decimal) -> str:
    return format(Decimal(str(number)).normalize(), "f")


def _int(field: Field, raw: Any) -> int:
    number = _number(field, raw)
    if number != number.to_integral_value():
        raise ValidationError(field.label, f"应为整数：{_plain(number)}")
    return int(number)


def _float(field: Field, raw: Any) -> float:
    return float(_number(field, raw))


def _hundredths(field: Field, raw: Any) -> int:
    """Yuan → fen, points → hundredths: exact for what a cell holds (a float of two decimals)."""
    number = _number(field, raw)
    if isinstance(raw, float):
        number = Decimal(repr(raw))  # the shortest repr: 1234.5, not 1234.4999999
    scaled = number.scaleb(2)
    if scaled != scaled.to_integral_value():
        raise ValidationError(field.label, f"最多两位小数：{_plain(number)}")
    return int(scaled)


def _bool(field: Field, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = _as_text(raw).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValidationError(field.label, f"应填“是”或“否”：{text}")


def _id_number(field: Field, raw: Any) -> str:
    return parse_id_number(_as_text(raw), field.label).number


def _phone(field: Field, raw: Any) -> str:
    text = _as_text(raw).translate(_HALF_WIDTH).replace(" ", "")
    if len(text) == 11 and text.startswith("1"):
        return validate_mobile(text, field.label)
    if _LANDLINE.fullmatch(text):
        return text
    raise ValidationError(field.label, f"应为11位手机号码或带区号的固定电话：{text}")


def _bank(field: Field, raw: Any) -> str:
    text = normalize_id_number(_as_text(raw)) if raw is not None else ""
    if not (8 <= len(text) <= 30 and text.isdigit()):
        raise ValidationError(field.label, f"应为8到30位数字：{text}")
    return text


def _credit(field: Field, raw: Any) -> str:
    return validate_credit_code(_as_text(raw), field.label)


_CLEANERS = {
    "text": _text, "choice": _choice, "coded": _coded, "date": _date, "int": _int, "float": _float,
    "bool": _bool, "money": _hundredths, "score": _hundredths, "id_number": _id_number, "phone": _phone,
    "bank": _bank, "credit": _credit,
}
