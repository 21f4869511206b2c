"""Checks on the values clerks type or files carry: ID numbers, credit codes, phones and dates.

Everything here is a pure function: no database, no settings. A failed check raises
:class:`db.errors.ValidationError` with the field's label and a Chinese reason a clerk can act on
("校验位错误，应为X" rather than "invalid"). The ``make_*`` helpers build valid values for the demo data
generator and are tuned for speed because it calls them hundreds of thousands of times.

Rules (see DOMAIN.md, "Checks that must hold"):

* 身份证号 — GB 11643-1999: 17 digits and a check character by ISO 7064 MOD 11-2, a real date of birth,
  a known province prefix. A 15-digit number of the 1985 format is accepted and widened to 18 characters.
* 统一社会信用代码 — GB 32100-2015: 18 characters from ``0-9`` and ``A-Z`` less ``I O Z S V``; the last
  is a MOD 31 check character.
* 手机号码 — 11 digits, ``1`` then ``3``-``9``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from operator import mul
from typing import Any, Final

from db.errors import ValidationError

__all__ = [
    "CREDIT_CODE_CHARSET",
    "PROVINCE_CODES",
    "IdInfo",
    "credit_code_check_character",
    "id_check_character",
    "is_valid_id_number",
    "make_credit_code",
    "make_id_number",
    "mask_id_number",
    "mask_phone",
    "normalize_credit_code",
    "normalize_id_number",
    "parse_date",
    "parse_id_number",
    "validate_credit_code",
    "validate_mobile",
]

# --- shared text clean-up -------------------------------------------------------------------------

# Full-width ASCII (U+FF01..U+FF5E) is what a Chinese IME types in full-width mode; it maps 1:1 onto ASCII.
# Invisible characters are deleted: Excel and web pages often carry them along in copied cells.
_HALF_WIDTH: Final[dict[int, int | None]] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_HALF_WIDTH.update(dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff")))

_ASCII_DIGITS: Final = frozenset("0123456789")


def _compact(raw: str, table: dict[int, int | None]) -> str:
    """Map full-width characters to ASCII and drop every kind of whitespace, inner ones too."""
    # str.split() with no argument splits on all Unicode whitespace, including U+3000 (full-width space).
    return "".join(raw.translate(table).split())


def _is_ascii_digits(text: str) -> bool:
    # str.isdigit() also accepts "²" or Arabic-Indic digits, which int() would then misread.
    return text.isascii() and text.isdigit()


# --- 身份证号 (GB 11643) --------------------------------------------------------------------------

_ID_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS: Final = "10X98765432"  # indexed by (weighted sum) mod 11
# make_id_number sums ASCII codes instead of digit values; this is what the "0" offsets add up to.
_ID_ASCII_OFFSET: Final = ord("0") * sum(_ID_WEIGHTS)

# First two digits of the region code (GB/T 2260): provinces, Taiwan (71), Hong Kong (81), Macau (82).
PROVINCE_CODES: Final[frozenset[str]] = frozenset(
    f"{code:02d}"
    for first, last in ((11, 15), (21, 23), (31, 37), (41, 46), (50, 54), (61, 65), (71, 71), (81, 82))
    for code in range(first, last + 1)
)

# As well as full-width forms, accept "×" for the check character: some IMEs offer it for "x".
_ID_TABLE: Final[dict[int, int | None]] = {**_HALF_WIDTH, ord("×"): ord("X")}

_EARLIEST_BIRTH: Final = datetime.date(1900, 1, 1)


@dataclass(frozen=True)
class IdInfo:
    """What a valid 身份证号 says about its holder."""

    number: str  # normalized, always 18 characters
    birth_date: datetime.date
    gender: str  # "男" or "女"
    region_code: str  # the first six digits


def id_check_character(first17: str) -> str:
    """Return the GB 11643 check character (``0``-``9`` or ``X``) for the first 17 digits of an ID number."""
    if len(first17) != 17 or not _is_ascii_digits(first17):
        raise ValueError(f"需要17位数字，得到 {first17!r}")
    return _ID_CHECK_CHARS[sum(map(mul, _ID_WEIGHTS, map(int, first17))) % 11]


def normalize_id_number(raw: str) -> str:
    """Remove all spaces, turn full-width digits and letters into ASCII and ``x`` into ``X``."""
    return _compact(raw, _ID_TABLE).upper()


def _bad_character_message(number: str, allow_x_last: bool) -> str | None:
    """Name the first character that cannot appear where it is, or return None when all are fine."""
    for position, char in enumerate(number, start=1):
        if char in _ASCII_DIGITS:
            continue
        if allow_x_last and char == "X":
            if position == len(number):
                continue
            return f"含有非法字符：第{position}位为“X”（X只能是最后一位）"
        return f"含有非法字符：第{position}位为“{char}”"
    return None


def parse_id_number(raw: str, field: str = "身份证号", today: datetime.date | None = None) -> IdInfo:
    """Check a mainland resident ID number and read the birth date, gender and region from it.

    Accepts the 18-character form and the old 15-digit form (widened to 18 characters with "19" and a
    computed check character). ``today`` is for tests; the birth date must not be later than it.
    """
    number = normalize_id_number(raw)
    if not number:
        raise ValidationError(field, "不能为空")

    if len(number) == 15:
        # 1985 format: 6 region digits, YYMMDD (all 19xx), 3 sequence digits, no check character.
        problem = _bad_character_message(number, allow_x_last=False)
        if problem:
            raise ValidationError(field, problem)
        first17 = number[:6] + "19" + number[6:]
        number = first17 + id_check_character(first17)
    elif len(number) != 18:
        raise ValidationError(field, f"长度应为18位（现为{len(number)}位）")
    else:
        problem = _bad_character_message(number, allow_x_last=True)
        if problem:
            raise ValidationError(field, problem)

    province = number[:2]
    if province not in PROVINCE_CODES:
        raise ValidationError(field, f"地区码无效：{province}")

    year, month, day = int(number[6:10]), int(number[10:12]), int(number[12:14])
    try:
        birth = datetime.date(year, month, day)
    except ValueError:
        raise ValidationError(field, f"出生日期不存在：{year:04d}-{month:02d}-{day:02d}") from None
    if birth > (today or datetime.date.today()):
        raise ValidationError(field, f"出生日期晚于今天：{birth.isoformat()}")
    if birth < _EARLIEST_BIRTH:
        raise ValidationError(field, f"出生日期早于1900年：{birth.isoformat()}")

    # Checked last so that a date or region typo is reported as such, which tells the clerk where to look.
    expected = id_check_character(number[:17])
    if number[17] != expected:
        raise ValidationError(field, f"校验位错误，应为{expected}（现为{number[17]}）")

    return IdInfo(
        number=number,
        birth_date=birth,
        gender="男" if int(number[16]) % 2 else "女",
        region_code=number[:6],
    )


def is_valid_id_number(raw: str) -> bool:
    """True when :func:`parse_id_number` would accept ``raw``."""
    try:
        parse_id_number(raw)
    except ValidationError:
        return False
    return True


_ID_SHAPE: Final = re.compile(
    r"[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]")


def first_invalid_id_number(numbers: Sequence[Any]) -> int | None:
    """The index of the first value that is not a valid resident ID number in its normalised form, or None.

    What :func:`parse_id_number` accepts and returns unchanged, checked fast for a column of a quarter of a
    million numbers (a synced batch): a pattern, the province, and the check character from the number read
    in base 13 — 13 ≡ 2 (mod 11), so ``2 × int(first17, 13) mod 11`` is GB 11643's weighted sum mod 11.
    """
    latest = datetime.date.today().strftime("%Y%m%d")
    for index, number in enumerate(numbers):
        if not (type(number) is str and _ID_SHAPE.fullmatch(number) and number[:2] in PROVINCE_CODES
                and _ID_CHECK_CHARS[2 * int(number[:17], 13) % 11] == number[17]
                and number[6:14] <= latest and (number[12:14] <= "28" or _real_date(number[6:14]))):
            return index
    return None


def _real_date(yyyymmdd: str) -> bool:
    try:
        datetime.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:]))
    except ValueError:
        return False
    return True


def make_id_number(region: str, birth: datetime.date, sequence: int) -> str:
    """Build a valid 18-character ID number; an odd ``sequence`` (0-999) makes a man, an even one a woman.

    For the demo data generator: only cheap sanity checks, no date or region plausibility checks.
    """
    if len(region) != 6 or not _is_ascii_digits(region):
        raise ValueError(f"地区码应为6位数字，得到 {region!r}")
    if not 0 <= sequence <= 999:
        raise ValueError(f"顺序码应在0-999之间，得到 {sequence}")
    first17 = f"{region}{birth.year:04d}{birth.month:02d}{birth.day:02d}{sequence:03d}"
    # Weighted sum over the ASCII codes, then remove the constant the "0" offsets contribute; map() with
    # operator.mul keeps the loop in C, which is several times faster than a generator over int(c).
    total = sum(map(mul, _ID_WEIGHTS, first17.encode("ascii"))) - _ID_ASCII_OFFSET
    return first17 + _ID_CHECK_CHARS[total % 11]


# --- 统一社会信用代码 (GB 32100) ------------------------------------------------------------------

# I, O, Z, S, V are left out because they are easily confused with 1, 0, 2, 5, U. A character's value is
# its index in this string.
CREDIT_CODE_CHARSET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUES: Final[dict[str, int]] = {char: value for value, char in enumerate(CREDIT_CODE_CHARSET)}
_CREDIT_WEIGHTS: Final = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)  # 3**i mod 31
_CREDIT_EXCLUDED: Final = "IOZSV"


def _credit_check(first17: str) -> str:
    total = sum(map(mul, _CREDIT_WEIGHTS, map(_CREDIT_VALUES.__getitem__, first17)))
    return CREDIT_CODE_CHARSET[-total % 31]  # == (31 - total % 31) % 31


def credit_code_check_character(first17: str) -> str:
    """Return the GB 32100 check character for the first 17 characters of a social credit code."""
    if len(first17) != 17 or not all(char in _CREDIT_VALUES for char in first17):
        raise ValueError(f"需要17位统一社会信用代码字符，得到 {first17!r}")
    return _credit_check(first17)


def normalize_credit_code(raw: str) -> str:
    """Remove all spaces, turn full-width characters into ASCII, and upper-case letters."""
    return _compact(raw, _HALF_WIDTH).upper()


def validate_credit_code(raw: str, field: str = "统一社会信用代码") -> str:
    """Check a unified social credit code and return it normalized."""
    code = normalize_credit_code(raw)
    if not code:
        raise ValidationError(field, "不能为空")
    if len(code) != 18:
        raise ValidationError(field, f"长度应为18位（现为{len(code)}位）")
    for position, char in enumerate(code, start=1):
        if char not in _CREDIT_VALUES:
            hint = "（统一社会信用代码不使用I、O、Z、S、V）" if char in _CREDIT_EXCLUDED else ""
            raise ValidationError(field, f"含有不允许的字符：{char}（第{position}位）{hint}")
    expected = _credit_check(code[:17])
    if code[17] != expected:
        raise ValidationError(field, f"校验位错误，应为{expected}（现为{code[17]}）")
    return code


def make_credit_code(first17: str) -> str:
    """Append the check character to 17 characters taken from :data:`CREDIT_CODE_CHARSET`."""
    return first17 + credit_code_check_character(first17)


# --- 手机号码 -------------------------------------------------------------------------------------

# Separators people write inside phone numbers: hyphens and dashes (ASCII and full-width) and brackets around
# a prefix. Full-width ones are listed too because translate() maps each character only once.
_PHONE_TABLE: Final[dict[int, int | None]] = {
    **_HALF_WIDTH,
    **dict.fromkeys(map(ord, "-－‐‑‒–—―()（）")),
}


def validate_mobile(raw: str, field: str = "手机号码") -> str:
    """Check a mainland mobile number and return its 11 digits (without any +86 prefix)."""
    phone = _compact(raw, _PHONE_TABLE)
    if not phone:
        raise ValidationError(field, "不能为空")
    if phone.startswith("+86"):
        phone = phone[3:]
    elif phone.startswith("0086"):
        phone = phone[4:]
    elif len(phone) == 13 and phone.startswith("86"):
        phone = phone[2:]
    for char in phone:
        if char not in _ASCII_DIGITS:
            raise ValidationError(field, f"含有非法字符：“{char}”")
    if len(phone) != 11:
        raise ValidationError(field, f"长度应为11位（现为{len(phone)}位）")
    if phone[0] != "1":
        raise ValidationError(field, f"应以1开头（现为{phone[0]}）")
    if phone[1] in "012":
        raise ValidationError(field, f"第二位应为3-9（现为{phone[1]}），不是手机号段")
    return phone


# --- 日期 -----------------------------------------------------------------------------------------

_DATE_SEPARATED: Final = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})")
_DATE_CHINESE: Final = re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日?")
_DATE_COMPACT: Final = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")


def parse_date(raw: str | datetime.date, field: str) -> datetime.date:
    """Read a date typed by a clerk or found in a spreadsheet cell.

    Accepts ``date``/``datetime`` objects and the texts "2024-03-05", "2024/3/5", "2024.3.5", "20240305"
    and "2024年3月5日" (full-width digits too).
    """
    if isinstance(raw, datetime.datetime):  # before date: datetime is a subclass of date
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    text = _compact(raw, _HALF_WIDTH)
    if not text:
        raise ValidationError(field, "不能为空")
    parts: tuple[str, ...]
    if match := _DATE_SEPARATED.fullmatch(text):
        parts = (match[1], match[3], match[4])
    elif (match := _DATE_CHINESE.fullmatch(text)) or (match := _DATE_COMPACT.fullmatch(text)):
        parts = match.groups()
    else:
        raise ValidationError(field, f"无法识别的日期：{raw.strip()}（请写成 2024-03-05 这样的格式）")
    year, month, day = (int(part) for part in parts)
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise ValidationError(field, f"日期不存在：{year:04d}-{month:02d}-{day:02d}") from None


# --- 脱敏 -----------------------------------------------------------------------------------------


def _mask(value: str, keep_start: int, keep_end: int) -> str:
    hidden = len(value) - keep_start - keep_end
    if hidden > 0:
        return value[:keep_start] + "*" * hidden + value[-keep_end:]
    # Too short to hide anything while keeping both ends (a foreign document number, say): keep less.
    if len(value) > 4:
        return value[:2] + "*" * (len(value) - 4) + value[-2:]
    return "*" * len(value)


ID_SHOWN_HEAD, ID_SHOWN_TAIL = 6, 4  # the characters a masked ID number keeps at its start and end


def mask_id_number(number: str) -> str:
    """Hide the birth date and sequence: ``110101********1234``. For lists and printouts."""
    return _mask(number, ID_SHOWN_HEAD, ID_SHOWN_TAIL)


def mask_phone(phone: str) -> str:
    """Hide the middle four digits: ``138****5678``."""
    return _mask(phone, 3, 4)
