"""One field of a registry, declared once (design §2): its label (the paper form's Chinese), its kind, value
list, limits, whether it is required or sensitive, its Excel synonyms and how a form shows it — and the
conversions every layer needs: the stored value to what a cell or a form shows (:meth:`Field.to_cell`), what a
cell or an editor holds back to the stored value (:meth:`Field.clean`, one parser per kind, ValidationError
naming the field in Chinese). What is wrong with a value that arrives already in stored form (a synced batch's
row) is :mod:`db.field_checks`.

Kinds and their cells:

========== ======================== =========================================
kind       stored                   cell
========== ======================== =========================================
text       str                      str
choice     str (one of a list)      str
multi      str (some of a list,     str (any of , ， ; / or a space between them)
           "、"-separated)
coded      code (``active``)        its Chinese label (``在会``)
date       date                     date
datetime   date-time (UTC)          date-time
int        int                      int
float      float                    float
bool       bool                     是 / 否
money      int fen                  yuan, two decimals (``1234.50``)
score      int hundredths           points, two decimals (``85.50``)
id_number  str (GB 11643 checked)   str; masked unless full values are asked
mobile     str (11-digit mobile)    str; masked unless full values are asked
phone      str (mobile or landline) str; masked unless full values are asked
bank       str (account number)     str; masked unless full values are asked
credit     str (GB 32100 checked)   str
========== ======================== =========================================
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
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

Kind = Literal["text", "choice", "multi", "coded", "date", "datetime", "int", "float", "bool", "money", "score",
               "id_number", "mobile", "phone", "bank", "credit"]
SENSITIVE_KINDS = frozenset({"id_number", "mobile", "phone", "bank"})
MASK_CHAR = "*"

# Every spelling of yes and no a sheet, a form or a batch uses; anything else is an error naming the cell.
TRUE_WORDS = frozenset({"是", "有", "√", "✓", "✔", "1", "true", "yes", "y", "t"})
FALSE_WORDS = frozenset({"否", "无", "×", "✗", "✘", "0", "false", "no", "n", "f"})
_LANDLINE = re.compile(r"[0-9]{3,4}-?[0-9]{7,8}(-[0-9]{1,6})?|[0-9]{5,8}")
_HALF_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


@dataclass(frozen=True)
class Field:
    """A field of a registry table: ``attr`` is the model attribute (or a derived name the registry
    resolves), ``label`` the Chinese caption and header from the paper form (DOMAIN.md).

    ``choices`` names a value list of ``resources/reference/values.json`` (for ``choice`` and ``coded``;
    with ``suggest`` a free text that offers the list). ``limit`` is the longest text; ``low``/``high`` bound
    numbers; ``not_future`` refuses a date after today. ``readonly`` fields are shown and exported for
    reading (a name looked up elsewhere, a computed total) and ignored on import. ``sensitive`` fields are
    masked in every list, export and printout unless the user may see and asks for the full value
    (by default the ID, phone and bank numbers). ``default`` is the usual value of a field that cannot be
    empty; ``any_document`` lets an ID number be another document's number (the record's own rule checks it
    by its document type). ``synonyms`` are other headers real rosters use; ``hint`` is an editor's hint.
    ``per_record`` marks a value that differs from record to record (a name, a number): never one value for
    a whole sheet.
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
    sensitive: bool | None = None
    not_future: bool = False
    default: Any = None
    any_document: bool = False
    suggest: bool = False
    synonyms: tuple[str, ...] = ()
    hint: str = ""
    per_record: bool = False

    def __post_init__(self) -> None:
        if self.sensitive is None:  # by default the numbers that identify a person or an account
            object.__setattr__(self, "sensitive", self.kind in SENSITIVE_KINDS)

    @property
    def options(self) -> list[str]:
        """What an editor offers: the value list's entries (labels of a coded list)."""
        return reference.values(self.choices) if self.choices else []

    # --- stored → cell -------------------------------------------------------------------------------

    def to_cell(self, value: Any, *, full: bool = True) -> Any:
        """What a cell shows for the stored ``value``; sensitive fields are masked unless ``full``."""
        if value is None:
            return None
        kind = self.kind
        if not full and self.sensitive:
            return mask(kind, str(value))
        if kind == "coded":
            return reference.label(self.choices or "", value)
        if kind == "bool":
            return "是" if value else "否"
        if kind in ("money", "score"):
            return Decimal(value).scaleb(-2)
        return value

    # --- cell → stored -------------------------------------------------------------------------------

    def clean(self, raw: Any) -> Any:
        """The stored value of what a cell or an editor holds (``None`` when empty); raises ValidationError."""
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
        return bool(self.sensitive) and isinstance(raw, str) and MASK_CHAR in raw


@dataclass(frozen=True, slots=True)
class Masked:
    """A masked cell (``110101********1234``): stands for the stored value it was exported from."""

    text: str


HIDDEN = MASK_CHAR * 3  # a sensitive value that is no number (health, income): nothing of it is shown


def mask(kind: str, value: str) -> str:
    """A sensitive value as a masked output shows it."""
    if kind == "id_number":
        return mask_id_number(value)
    if kind in ("mobile", "phone"):
        return mask_phone(value)
    if kind == "bank":
        return MASK_CHAR * max(len(value) - 4, 0) + value[-4:]  # the last four digits
    return HIDDEN


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


_SEPARATORS = str.maketrans({c: "、" for c in ",，;；/ \n"})


def _multi(field: Field, raw: Any) -> str | None:
    """Several values of a list in one cell; ``high`` is how many at most."""
    items = [item for item in _as_text(raw).translate(_SEPARATORS).split("、") if item]
    allowed = reference.values(field.choices or "")
    for item in items:
        if item not in allowed:
            raise ValidationError(field.label, f"“{item}”不在可选范围内：{'、'.join(allowed)}")
    if field.high is not None and len(items) > field.high:
        raise ValidationError(field.label, f"最多{_plain(field.high)}项（现为{len(items)}项）")
    return "、".join(dict.fromkeys(items)) or None


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
    if field.not_future and day > dt.date.today():
        raise ValidationError(field.label, f"不能晚于今天：{day.isoformat()}")
    return day


def _datetime(field: Field, raw: Any) -> dt.datetime:
    if isinstance(raw, dt.datetime):
        return raw
    try:
        return dt.datetime.fromisoformat(str(raw))
    except ValueError:
        raise ValidationError(field.label, f"应为日期和时间：{str(raw)[:40]}") from None


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
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValidationError(field.label, f"应填“是”或“否”（√/×、有/无、Y/N、1/0 亦可）：{text[:20]}")


def _id_number(field: Field, raw: Any) -> str:
    if field.any_document:  # another document's number: normalised here, checked by the record's rule
        text = normalize_id_number(_as_text(raw))
        if field.limit and len(text) > field.limit:
            raise ValidationError(field.label, f"不能超过{field.limit}个字符（现为{len(text)}个）")
        return text
    return parse_id_number(_as_text(raw), field.label).number


def _phone(field: Field, raw: Any) -> str:
    text = _as_text(raw).translate(_HALF_WIDTH).replace(" ", "")
    if len(text) == 11 and text.startswith("1"):
        return validate_mobile(text, field.label)
    if _LANDLINE.fullmatch(text):
        return text
    raise ValidationError(field.label, f"应为11位手机号码或带区号的固定电话：{text}")


def _mobile(field: Field, raw: Any) -> str:
    return validate_mobile(_as_text(raw).translate(_HALF_WIDTH).replace(" ", ""), field.label)


def _bank(field: Field, raw: Any) -> str:
    text = normalize_id_number(_as_text(raw)) if raw is not None else ""
    if not (8 <= len(text) <= 30 and text.isdigit()):
        raise ValidationError(field.label, f"应为8到30位数字：{text}")
    return text


def _credit(field: Field, raw: Any) -> str:
    return validate_credit_code(_as_text(raw), field.label)


_CLEANERS: dict[str, Callable[[Field, Any], Any]] = {
    "text": _text, "choice": _choice, "multi": _multi, "coded": _coded, "date": _date, "datetime": _datetime,
    "int": _int,
    "float": _float, "bool": _bool, "money": _hundredths, "score": _hundredths, "id_number": _id_number,
    "mobile": _mobile, "phone": _phone, "bank": _bank, "credit": _credit,
}
