"""What is wrong with values that arrive already in stored form — the rows of a synced batch — checked by the
same declarations and parsers as a typed or imported value (:mod:`db.fields`).

A trusted office can still send a wrong value (a newer program's code, a bug, a hand-edited file): a status
that is no status, an ID number that fails its check digit, a uuid that is a path, a revision of −5. Each is
refused with the table, row and field named, before anything is merged.

Values are in the batch's JSON form (dates as ISO text) and are checked a column at a time: a value list
is a set difference, a text limit one ``max``, a range one ``min``/``max``; only the kinds with a check digit
or a pattern look at each distinct value. A full batch of a district (a quarter of a million rows) must not
spend seconds here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from db import reference
from db.errors import ValidationError
from db.fields import _CLEANERS, Field
from db.validation import first_invalid_id_number

UUID_LENGTH = 36
REV_MAX = 2**62  # far above any real count of edits, far below SQLite's and PostgreSQL's integer limits
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Whole columns in one C-level pass: the values joined by line breaks, each matching; a value holding a line
# break of its own would add a line, so the lines are counted too.
_UUIDS = re.compile(rf"(?:{_UUID.pattern}\n)*{_UUID.pattern}")
_MOBILES = re.compile(r"(?:1[3-9][0-9]{9}\n)*1[3-9][0-9]{9}")
_PADDED = re.compile(r"\n\s|\s\n")
_DOCUMENTS = re.compile(r"(?:[0-9A-Z][0-9A-Z-]{0,31}\n)*[0-9A-Z][0-9A-Z-]{0,31}")

Problem = tuple[int, str]  # (index of the first bad value, what is wrong with it)


def uuid_problem(value: Any) -> str | None:
    """What is wrong with ``value`` as a record's identity (a lower-case uuid), or None."""
    if isinstance(value, str) and len(value) == UUID_LENGTH and _UUID.fullmatch(value):
        return None
    return f"不是有效的系统编号：{_shown(value)}"


def rev_problem(value: Any) -> str | None:
    """What is wrong with ``value`` as a record's revision (1 and up), or None."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= REV_MAX:
        return None
    return f"版本号超出范围：{_shown(value)}"


def stored_problem(field: Field, value: Any) -> str | None:
    """What is wrong with ``value`` as ``field``'s stored value, or None."""
    if value is None:
        return "必须填写" if field.required and field.kind != "bool" else None
    try:
        return None if _STORED[field.kind](field, value) == value else f"不是规范的写法：{_shown(value)}"
    except ValidationError as exc:
        return exc.reason


def column_problem(field: Field, values: Sequence[Any]) -> Problem | None:
    """The first value of a column that ``field`` refuses, or None: fast when every value is right."""
    if _column_fine(field, values):
        return None
    for index, value in enumerate(values):
        if (problem := stored_problem(field, value)) is not None:
            return index, problem
    return None


def uuid_column_problem(values: Sequence[Any], *, nullable: bool) -> Problem | None:
    """The first value of a uuid column (the row's own, or a reference) that is no uuid, or None."""
    present = [v for v in values if v is not None] if nullable else values
    if not present or _joined_fine(_UUIDS, present):
        return None
    for index, value in enumerate(values):
        if value is None and nullable:
            continue
        if (problem := uuid_problem(value)) is not None:
            return index, problem
    return None


def rev_column_problem(values: Sequence[Any]) -> Problem | None:
    typed = all(type(v) is int for v in values)
    if typed and (not values or (min(values) >= 1 and max(values) <= REV_MAX)):
        return None
    return next(((i, p) for i, v in enumerate(values) if (p := rev_problem(v)) is not None), None)


def _column_fine(field: Field, values: Sequence[Any]) -> bool:
    """True when every value surely passes; False means "look at each" (it may still pass)."""
    present = [v for v in values if v is not None]
    if len(present) != len(values) and field.required and field.kind != "bool":
        return False
    if not present:
        return True
    check = _COLUMN.get(field.kind)
    return check is not None and check(field, present)


def _texts_fine(field: Field, values: list[Any]) -> bool:
    if set(map(type, values)) != {str}:
        return False
    if field.limit is not None and max(map(len, values)) > field.limit:
        return False
    # no value empty or with space at either end: one search of the joined column (a text with a line break
    # of its own, a note, is looked at value by value)
    if _PADDED.search("\n" + "\n".join(values) + "\n") is None:
        return True
    return all(v and v == v.strip() for v in set(values))


def _choices_fine(field: Field, values: list[Any]) -> bool:
    return set(values) <= reference.allowed(field.choices or "")


def _codes_fine(field: Field, values: list[Any]) -> bool:
    return set(values) <= reference.labels(field.choices or "").keys()


def _numbers_fine(field: Field, values: list[Any]) -> bool:
    if not all(type(v) is int or (type(v) is float and field.kind == "float") for v in values):
        return False
    scale = 100 if field.kind in ("money", "score") else 1
    low = None if field.low is None else field.low * scale
    high = None if field.high is None else field.high * scale
    return (low is None or min(values) >= low) and (high is None or max(values) <= high)


def _dates_fine(_field: Field, values: list[Any]) -> bool:
    # merge_values has read every date already; what is left is the plausible years (1900–2100)
    texts = [v for v in values if type(v) is str and len(v) == 10]
    return len(texts) == len(values) and min(texts) >= "1900" and max(texts) < "2101"


def _booleans_fine(_field: Field, values: list[Any]) -> bool:
    return all(type(v) is bool for v in values)


def _id_numbers_fine(field: Field, values: list[Any]) -> bool:
    if field.any_document:  # any document's number, normalised; its record's rule checks it by its type
        return _joined_fine(_DOCUMENTS, values)
    return first_invalid_id_number(values) is None


def _mobiles_fine(_field: Field, values: list[Any]) -> bool:
    return _joined_fine(_MOBILES, values)


def _joined_fine(pattern: re.Pattern[str], values: Sequence[Any]) -> bool:
    if set(map(type, values)) != {str}:
        return False
    joined = "\n".join(values)
    return joined.count("\n") == len(values) - 1 and pattern.fullmatch(joined) is not None


def _distinct_fine(field: Field, values: list[Any]) -> bool:
    """The kinds with a check digit or a pattern: each distinct value through the kind's own parser."""
    parse = _CLEANERS[field.kind]
    try:
        return all(type(v) is str and parse(field, v) == v for v in set(values))
    except ValidationError:
        return False


_COLUMN: dict[str, Callable[[Field, list[Any]], bool]] = {
    "text": _texts_fine, "choice": _choices_fine, "coded": _codes_fine, "int": _numbers_fine,
    "float": _numbers_fine, "money": _numbers_fine, "score": _numbers_fine, "date": _dates_fine,
    "datetime": lambda _f, values: all(type(v) is str for v in values), "bool": _booleans_fine,
    "id_number": _id_numbers_fine, "mobile": _mobiles_fine, "phone": _distinct_fine, "bank": _distinct_fine,
    "credit": _distinct_fine, "multi": _distinct_fine,
}


# --- one value at a time: what the column checks fall back to, to name the first bad value -------------

def _stored_text(field: Field, value: Any) -> Any:
    if not isinstance(value, str):
        raise ValidationError(field.label, "应为文字")
    if not value.strip():
        raise ValidationError(field.label, "不能为空白")
    return _CLEANERS["text"](field, value)


def _stored_coded(field: Field, value: Any) -> Any:
    codes = reference.labels(field.choices or "")
    if value not in codes:
        raise ValidationError(field.label, f"“{_shown(value)}”不在可选范围内：{'、'.join(codes)}")
    return value


def _stored_number(field: Field, value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(field.label, f"应为数字：{_shown(value)}")
    if isinstance(value, float) and field.kind != "float":
        raise ValidationError(field.label, f"应为整数：{_shown(value)}")
    if field.kind in ("money", "score"):  # stored in hundredths: the bounds are in yuan or points
        _CLEANERS["float"](field, value / 100)
    else:
        _CLEANERS["float"](field, value)
    return value


def _stored_date(field: Field, value: Any) -> Any:
    try:
        day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        raise ValidationError(field.label, f"应为日期：{_shown(value)}") from None
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise ValidationError(field.label, f"应为日期：{_shown(value)}")
    _CLEANERS["date"](Field(field.attr, field.label, "date"), day)  # plausible years; a clock may differ
    return value


def _stored_bool(field: Field, value: Any) -> Any:
    if not isinstance(value, bool):
        raise ValidationError(field.label, f"应为是或否：{_shown(value)}")
    return value


def _stored_as_typed(field: Field, value: Any) -> Any:
    if not isinstance(value, str):
        raise ValidationError(field.label, f"应为文字：{_shown(value)}")
    return _CLEANERS[field.kind](field, value)


_STORED: dict[str, Callable[[Field, Any], Any]] = {
    "text": _stored_text, "choice": _stored_as_typed, "multi": _stored_as_typed, "coded": _stored_coded,
    "date": _stored_date,
    "datetime": lambda _f, v: v, "int": _stored_number, "float": _stored_number, "bool": _stored_bool,
    "money": _stored_number, "score": _stored_number, "id_number": _stored_as_typed, "mobile": _stored_as_typed,
    "phone": _stored_as_typed,
    "bank": _stored_as_typed, "credit": _stored_as_typed,
}


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:40] + "…"
