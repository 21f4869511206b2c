"""Tests of db.validation: ID numbers, credit codes, phones, dates and masks.

Check characters are recomputed here from the standards' own definitions (weights are powers of 2 mod 11
and of 3 mod 31) rather than from the module's tables, so a wrong table cannot agree with itself.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from db.errors import ValidationError
from db.validation import (
    CREDIT_CODE_CHARSET,
    PROVINCE_CODES,
    IdInfo,
    credit_code_check_character,
    id_check_character,
    is_valid_id_number,
    make_credit_code,
    make_id_number,
    mask_id_number,
    mask_phone,
    normalize_credit_code,
    normalize_id_number,
    parse_date,
    parse_id_number,
    validate_credit_code,
    validate_mobile,
)

PROVINCES = [
    *range(11, 16),
    *range(21, 24),
    *range(31, 38),
    *range(41, 47),
    *range(50, 55),
    *range(61, 66),
    71,
    81,
    82,
]
TODAY = datetime.date(2025, 6, 1)


# --- independent oracles --------------------------------------------------------------------------


def oracle_id_check(first17: str) -> str:
    """ISO 7064 MOD 11-2 from its definition: weight of position i (1-based, check = 1) is 2**(18-i) mod 11,
    and the check value c makes the full weighted sum ≡ 1 (mod 11)."""
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(first17))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def oracle_credit_check(first17: str) -> str:
    charset = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    total = sum(charset.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return charset[(31 - total % 31) % 31]


def raises(func: Callable[[], object], field: str, *fragments: str) -> ValidationError:
    """Call ``func``, insist on a ValidationError for ``field`` whose reason contains every fragment."""
    with pytest.raises(ValidationError) as info:
        func()
    error = info.value
    assert error.field == field
    for fragment in fragments:
        assert fragment in error.reason, (fragment, error.reason)
    return error


# --- strategies -----------------------------------------------------------------------------------

regions = st.builds(
    lambda province, rest: f"{province:02d}{rest:04d}", st.sampled_from(PROVINCES), st.integers(0, 9999)
)
births = st.dates(datetime.date(1900, 1, 1), datetime.date(2010, 12, 31))
sequences = st.integers(0, 999)


@st.composite
def id_numbers(draw: st.DrawFn, birth: st.SearchStrategy[datetime.date] = births) -> str:
    region, day, sequence = draw(regions), draw(birth), draw(sequences)
    first17 = f"{region}{day:%Y%m%d}{sequence:03d}"
    return first17 + oracle_id_check(first17)


credit_first17 = st.text(alphabet=CREDIT_CODE_CHARSET, min_size=17, max_size=17)


def with_check(first17: str) -> str:
    return first17 + oracle_id_check(first17)


def test_province_codes_are_the_documented_ones() -> None:
    assert {f"{code:02d}" for code in PROVINCES} == PROVINCE_CODES


# --- ID numbers: check character ------------------------------------------------------------------


def test_standard_examples_of_gb_11643() -> None:
    # The two worked examples printed in GB 11643-1999.
    assert id_check_character("11010519491231002") == "X"
    assert id_check_character("44052418800101001") == "4"


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_check_character_matches_definition(first17: str) -> None:
    assert id_check_character(first17) == oracle_id_check(first17)


@pytest.mark.parametrize(
    "bad",
    ["1101051949123100", "110105194912310021", "1101051949123100A", "１１０１０５１９４９１２３１００２"],
)
def test_check_character_needs_17_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        id_check_character(bad)


# --- ID numbers: valid ones -----------------------------------------------------------------------


def test_standard_example_parses() -> None:
    info = parse_id_number("11010519491231002X")
    assert info == IdInfo(
        number="11010519491231002X", birth_date=datetime.date(1949, 12, 31), gender="女", region_code="110105"
    )


@given(regions, births, sequences)
def test_generated_numbers_parse_with_their_birth_date_and_gender(
    region: str, birth: datetime.date, sequence: int
) -> None:
    number = f"{region}{birth:%Y%m%d}{sequence:03d}"
    number += oracle_id_check(number)
    info = parse_id_number(number, today=TODAY)
    assert info.number == number
    assert info.birth_date == birth
    assert info.gender == ("男" if sequence % 2 else "女")
    assert info.region_code == region
    assert is_valid_id_number(number)


@given(regions, births, sequences)
def test_make_id_number_is_always_valid(region: str, birth: datetime.date, sequence: int) -> None:
    number = make_id_number(region, birth, sequence)
    assert len(number) == 18
    assert number == f"{region}{birth:%Y%m%d}{sequence:03d}" + oracle_id_check(number[:17])
    info = parse_id_number(number, today=TODAY)
    assert (info.birth_date, info.gender) == (birth, "男" if sequence % 2 else "女")


@pytest.mark.parametrize(
    ("region", "sequence"), [("11010", 1), ("1101051", 1), ("11010A", 1), ("110105", -1), ("110105", 1000)]
)
def test_make_id_number_refuses_bad_arguments(region: str, sequence: int) -> None:
    with pytest.raises(ValueError):
        make_id_number(region, datetime.date(1990, 1, 1), sequence)


# --- ID numbers: mutations are caught -------------------------------------------------------------


@given(id_numbers(), st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_substitution_is_rejected(number: str, position: int, shift: int) -> None:
    digit = str((int(number[position]) + shift) % 10)
    mutated = number[:position] + digit + number[position + 1 :]
    # MOD 11-2 alone catches it...
    assert id_check_character(mutated[:17]) != mutated[17]
    # ...and the parser rejects it, whichever check (region, date or check character) speaks first.
    error = raises(lambda: parse_id_number(mutated, today=TODAY), "身份证号")
    assert any(reason in error.reason for reason in ("地区码无效", "出生日期", "校验位错误"))
    assert not is_valid_id_number(mutated)


@given(id_numbers(), st.integers(0, 16))
def test_adjacent_transposition_is_rejected(number: str, position: int) -> None:
    a, b = number[position], number[position + 1]
    assume(b not in (a, "X"))  # an X moved into the first 17 is an illegal character, tested below
    mutated = number[:position] + b + a + number[position + 2 :]
    assert not is_valid_id_number(mutated)
    raises(lambda: parse_id_number(mutated, today=TODAY), "身份证号")


@given(id_numbers(), st.integers(0, 16))
def test_wrong_check_character_names_the_right_one(number: str, shift: int) -> None:
    chars = "0123456789X"
    wrong = chars[(chars.index(number[17]) + 1 + shift % 10) % 11]
    raises(
        lambda: parse_id_number(number[:17] + wrong, today=TODAY),
        "身份证号",
        f"校验位错误，应为{number[17]}",
    )


@given(st.text(alphabet="0123456789", min_size=1, max_size=30).filter(lambda s: len(s) not in (15, 18)))
def test_wrong_length_is_rejected_with_the_length(digits: str) -> None:
    raises(lambda: parse_id_number(digits), "身份证号", f"长度应为18位（现为{len(digits)}位）")


@given(id_numbers(), st.integers(0, 16), st.sampled_from("ABCDXYZ-#甲"))
def test_letters_inside_are_rejected(number: str, position: int, letter: str) -> None:
    mutated = number[:position] + letter + number[position + 1 :]
    raises(lambda: parse_id_number(mutated), "身份证号", "含有非法字符", f"第{position + 1}位")


def test_letter_other_than_x_at_the_end_is_rejected() -> None:
    raises(lambda: parse_id_number("11010519491231002Y"), "身份证号", "含有非法字符", "第18位")


def test_empty_is_rejected() -> None:
    raises(lambda: parse_id_number("  "), "身份证号", "不能为空")


def test_field_label_is_passed_through() -> None:
    raises(lambda: parse_id_number("123", field="证件号码"), "证件号码", "长度应为18位")


# --- ID numbers: region and birth date ------------------------------------------------------------


@pytest.mark.parametrize(
    "province",
    ["00", "10", "16", "20", "24", "30", "38", "40", "47", "55", "60", "66", "72", "80", "83", "99"],
)
def test_unknown_province_is_rejected(province: str) -> None:
    number = with_check(f"{province}010119900101123")
    raises(lambda: parse_id_number(number), "身份证号", f"地区码无效：{province}")


@pytest.mark.parametrize(
    ("date_digits", "shown"),
    [
        ("19900230", "1990-02-30"),
        ("19901301", "1990-13-01"),
        ("19900001", "1990-00-01"),
        ("19900100", "1990-01-00"),
        ("20230229", "2023-02-29"),
        ("19000229", "1900-02-29"),  # 1900 is not a leap year
        ("19900431", "1990-04-31"),
    ],
)
def test_impossible_birth_date_is_named(date_digits: str, shown: str) -> None:
    number = with_check(f"110105{date_digits}123")
    raises(lambda: parse_id_number(number, today=TODAY), "身份证号", f"出生日期不存在：{shown}")


def test_leap_day_is_a_real_birth_date() -> None:
    assert parse_id_number(with_check("11010520000229123")).birth_date == datetime.date(2000, 2, 29)


@given(id_numbers(birth=st.dates(TODAY + datetime.timedelta(days=1), datetime.date(9999, 12, 31))))
def test_birth_after_today_is_rejected(number: str) -> None:
    raises(lambda: parse_id_number(number, today=TODAY), "身份证号", "出生日期晚于今天")


def test_birth_today_is_accepted() -> None:
    number = with_check(f"110105{TODAY:%Y%m%d}123")
    assert parse_id_number(number, today=TODAY).birth_date == TODAY


def test_birth_before_1900_is_rejected() -> None:
    # The other worked example of GB 11643: correct check character, but born in 1880.
    raises(lambda: parse_id_number("440524188001010014"), "身份证号", "出生日期早于1900年：1880-01-01")
    raises(lambda: parse_id_number(with_check("11010518991231123")), "身份证号", "早于1900年")
    assert parse_id_number(with_check("11010519000101123")).birth_date == datetime.date(1900, 1, 1)


# --- ID numbers: normalization --------------------------------------------------------------------


def to_full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@given(id_numbers(), st.lists(st.tuples(st.integers(0, 18), st.sampled_from([" ", "\u3000", "\t", "\xa0"]))))
def test_full_width_digits_and_inner_spaces_are_accepted(number: str, spaces: list[tuple[int, str]]) -> None:
    typed = to_full_width(number)
    for position, space in sorted(spaces, reverse=True):
        typed = typed[:position] + space + typed[position:]
    assert normalize_id_number(typed) == number
    assert parse_id_number(typed, today=TODAY).number == number


def test_normalize_examples() -> None:
    assert normalize_id_number(" 110105 19491231 002x ") == "11010519491231002X"
    assert normalize_id_number("１１０１０５１９４９１２３１００２ｘ") == "11010519491231002X"
    assert normalize_id_number("\ufeff11010519491231002X\u200b") == "11010519491231002X"


@pytest.mark.parametrize(
    "typed", ["11010519491231002x", "11010519491231002ｘ", "11010519491231002Ｘ", "11010519491231002×"]
)
def test_lower_case_and_full_width_x_are_accepted(typed: str) -> None:
    assert parse_id_number(typed).number == "11010519491231002X"


# --- ID numbers: 15-digit form --------------------------------------------------------------------


@given(id_numbers(birth=st.dates(datetime.date(1900, 1, 1), datetime.date(1999, 12, 31))))
def test_fifteen_digit_number_round_trips(number: str) -> None:
    old = number[:6] + number[8:17]  # drop the century and the check character
    assert len(old) == 15
    info = parse_id_number(old)
    assert info.number == number
    assert info.birth_date.year // 100 == 19


def test_fifteen_digit_example() -> None:
    info = parse_id_number("110105491231002")
    assert info.number == "11010519491231002X"
    assert (info.birth_date, info.gender) == (datetime.date(1949, 12, 31), "女")


def test_fifteen_digit_number_is_checked_too() -> None:
    raises(lambda: parse_id_number("110105490230002"), "身份证号", "出生日期不存在：1949-02-30")
    raises(lambda: parse_id_number("990105491231002"), "身份证号", "地区码无效：99")
    raises(lambda: parse_id_number("11010549123100X"), "身份证号", "含有非法字符", "第15位")


# --- 统一社会信用代码 -----------------------------------------------------------------------------

REAL_CREDIT_CODES = [
    "91350100M000100Y43",  # the example quoted in most validator libraries
    "914403001922038216",  # 华为技术有限公司
    "91440300708461136T",  # 腾讯科技（深圳）有限公司
    "91110108551385082Q",  # 小米科技有限责任公司
]


@pytest.mark.parametrize("code", REAL_CREDIT_CODES)
def test_real_credit_codes_are_accepted(code: str) -> None:
    assert credit_code_check_character(code[:17]) == code[17]
    assert validate_credit_code(code) == code
    assert validate_credit_code(code.lower()) == code


@given(credit_first17)
def test_credit_check_character_matches_definition(first17: str) -> None:
    assert credit_code_check_character(first17) == oracle_credit_check(first17)


@given(credit_first17)
def test_generated_credit_codes_pass(first17: str) -> None:
    code = make_credit_code(first17)
    assert code[:17] == first17
    assert validate_credit_code(code) == code


@given(credit_first17, st.integers(0, 17), st.integers(1, 30))
def test_single_substitution_in_credit_code_is_rejected(first17: str, position: int, shift: int) -> None:
    code = make_credit_code(first17)
    replacement = CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.index(code[position]) + shift) % 31]
    mutated = code[:position] + replacement + code[position + 1 :]
    raises(lambda: validate_credit_code(mutated), "统一社会信用代码", "校验位错误，应为")


@given(credit_first17, st.integers(0, 17), st.sampled_from("IOZSV"))
def test_excluded_letters_are_rejected(first17: str, position: int, letter: str) -> None:
    code = make_credit_code(first17)
    mutated = code[:position] + letter + code[position + 1 :]
    raises(lambda: validate_credit_code(mutated), "统一社会信用代码", f"含有不允许的字符：{letter}")


def test_credit_code_messages() -> None:
    raises(lambda: validate_credit_code("91350100M000100Y4"), "统一社会信用代码", "长度应为18位（现为17位）")
    raises(lambda: validate_credit_code("91350100M000100Y42"), "统一社会信用代码", "校验位错误，应为3")
    raises(lambda: validate_credit_code("91350100M00010-Y43"), "统一社会信用代码", "含有不允许的字符：-")
    raises(lambda: validate_credit_code(""), "统一社会信用代码", "不能为空")
    raises(lambda: validate_credit_code("123", field="单位代码"), "单位代码", "长度应为18位")


def test_credit_code_normalization() -> None:
    assert normalize_credit_code(" ９１３５０１００ｍ０００１００ｙ４３ ") == "91350100M000100Y43"
    assert validate_credit_code("9135 0100 M000 100Y 43") == "91350100M000100Y43"


@pytest.mark.parametrize("bad", ["1234", "91350100M000100Y4I", "91350100M00010OY4", "9135010om000100y4"])
def test_make_credit_code_refuses_bad_input(bad: str) -> None:
    with pytest.raises(ValueError):
        make_credit_code(bad)


# --- 手机号码 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("(+86)19912345678", "19912345678"),
        ("0086 13812345678", "13812345678"),
        ("＋８６　１５０－１２３４－５６７８", "15012345678"),
    ],
)
def test_valid_mobiles(typed: str, expected: str) -> None:
    assert validate_mobile(typed) == expected


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "不能为空"),
        ("1381234567", "长度应为11位（现为10位）"),
        ("138123456789", "长度应为11位（现为12位）"),
        ("+86 1381234567", "长度应为11位（现为10位）"),
        ("23812345678", "应以1开头"),
        ("12812345678", "第二位应为3-9（现为2）"),
        ("10812345678", "第二位应为3-9（现为0）"),
        ("1381234567a", "含有非法字符：“a”"),
        ("010-12345678", "应以1开头"),
    ],
)
def test_invalid_mobiles(typed: str, reason: str) -> None:
    raises(lambda: validate_mobile(typed), "手机号码", reason)


@given(st.sampled_from("3456789"), st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_any_well_formed_mobile_passes(second: str, rest: str) -> None:
    assert validate_mobile(f"1{second}{rest}") == f"1{second}{rest}"


# --- 日期 -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "2024-03-05",
        "2024/3/5",
        "2024.3.5",
        "20240305",
        "2024年3月5日",
        "2024年03月05",
        " 2024-3-05 ",
        "２０２４－０３－０５",
    ],
)
def test_parse_date_formats(typed: str) -> None:
    assert parse_date(typed, "入会日期") == datetime.date(2024, 3, 5)


def test_parse_date_objects() -> None:
    assert parse_date(datetime.date(2024, 3, 5), "入会日期") == datetime.date(2024, 3, 5)
    parsed = parse_date(datetime.datetime(2024, 3, 5, 14, 30), "入会日期")
    assert parsed == datetime.date(2024, 3, 5)
    assert type(parsed) is datetime.date


@given(st.dates())
def test_parse_date_round_trips_iso(day: datetime.date) -> None:
    assert parse_date(day.isoformat(), "日期") == day
    assert parse_date(f"{day.year:04d}年{day.month}月{day.day}日", "日期") == day


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("2023-02-29", "2023-02-29"),
        ("2023/2/30", "2023-02-30"),
        ("20231301", "2023-13-01"),
        ("2023年4月31日", "2023-04-31"),
    ],
)
def test_parse_date_impossible(typed: str, shown: str) -> None:
    raises(lambda: parse_date(typed, "入会日期"), "入会日期", f"日期不存在：{shown}")


@pytest.mark.parametrize(
    "typed", ["yesterday", "2024-03", "2024-3/5", "24-3-5", "2024-03-05x", "2024--03-05", "٢٠٢٤-٠٣-٠٥"]
)
def test_parse_date_unreadable(typed: str) -> None:
    raises(lambda: parse_date(typed, "入会日期"), "入会日期", "无法识别的日期")


def test_parse_date_empty() -> None:
    raises(lambda: parse_date("  ", "入会日期"), "入会日期", "不能为空")


# --- masks ----------------------------------------------------------------------------------------


def test_masks() -> None:
    assert mask_id_number("110101199003071234") == "110101********1234"
    assert mask_id_number("11010519491231002X") == "110105********002X"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_id_number("") == ""
    assert mask_phone("") == ""
    # Short foreign document numbers still get their middle hidden.
    assert mask_id_number("E12345678") == "E1*****78"
    assert mask_phone("1234") == "****"


@given(id_numbers())
def test_masked_id_hides_the_birth_date(number: str) -> None:
    masked = mask_id_number(number)
    assert len(masked) == 18
    assert masked[:6] == number[:6] and masked[-4:] == number[-4:]
    assert masked[6:14] == "*" * 8
