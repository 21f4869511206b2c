"""Cleaning and checking of the fields of a member, one field at a time (the form validates as you type)
or all together (a use case validates before it writes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from db import reference
from db.errors import ValidationError
from db.validation import parse_date, parse_id_number, validate_credit_code, validate_mobile

RESIDENT_ID = "居民身份证"

# Attribute → the label on the paper form (used in error messages, the UI and Excel headers).
LABELS: dict[str, str] = {
    "name": "姓名", "gender": "性别", "ethnicity": "民族", "birth_date": "出生日期", "id_type": "证件类型",
    "id_number": "身份证号", "phone": "手机号码", "employer": "工作单位",
    "employer_credit_code": "统一社会信用代码", "employer_type": "单位性质", "industry": "所属行业",
    "occupation": "职业/工种", "employment_form": "就业形态", "is_migrant_worker": "是否农民工",
    "skill_level": "技能等级", "education": "学历", "political_status": "政治面貌", "member_no": "会员编号",
    "card_no": "会员证号", "joined_on": "入会日期", "base_union": "所属基层工会", "status": "状态",
    "remarks": "备注", "consent_on": "同意日期",
}
REQUIRED = ("name", "id_number", "joined_on")
# Columns that cannot be empty but have a usual value: an emptied field goes back to it.
DEFAULTS = {"ethnicity": "汉族", "id_type": RESIDENT_ID, "employment_form": "标准就业"}
TEXT_LIMITS = {"name": 50, "ethnicity": 20, "employer": 100, "occupation": 30, "industry": 30,
               "member_no": 30, "card_no": 30, "base_union": 100, "remarks": 2000}
CHOICES = {"id_type": "id_type", "employment_form": "employment_form", "skill_level": "skill_level",
           "education": "education", "political_status": "political_status", "gender": "gender",
           "employer_type": "employer_type"}


def _text(field: str, value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    if not text:
        return None
    limit = TEXT_LIMITS.get(field)
    if limit and len(text) > limit:
        raise ValidationError(LABELS[field], f"不能超过{limit}个字（现为{len(text)}个）")
    return text


def _choice(field: str, value: Any) -> str | None:
    text = _text(field, value)
    if text is not None and text not in reference.allowed(CHOICES[field]):
        allowed = reference.values(CHOICES[field])
        raise ValidationError(LABELS[field], f"“{text}”不在可选范围内：{'、'.join(allowed)}")
    return text


def _date(field: str, value: Any) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    day = parse_date(value, LABELS[field])
    if day > dt.date.today():
        raise ValidationError(LABELS[field], f"不能晚于今天：{day.isoformat()}")
    return day


def _bool(_field: str, value: Any) -> bool:
    if isinstance(value, str):
        return value.strip() in {"是", "1", "true", "True", "Y", "y"}
    return bool(value)


def _phone(field: str, value: Any) -> str | None:
    text = _text(field, value)
    return validate_mobile(text, LABELS[field]) if text else None


def _credit_code(field: str, value: Any) -> str | None:
    text = _text(field, value)
    return validate_credit_code(text, LABELS[field]) if text else None


CLEANERS: dict[str, Callable[[str, Any], Any]] = {
    **{f: _text for f in ("name", "ethnicity", "employer", "industry", "occupation", "member_no", "card_no",
                          "base_union", "remarks", "id_number")},
    **{f: _choice for f in CHOICES},
    **{f: _date for f in ("birth_date", "joined_on", "consent_on")},
    "is_migrant_worker": _bool,
    "phone": _phone,
    "employer_credit_code": _credit_code,
}


def clean_field(field: str, value: Any) -> Any:
    """The stored form of one field's value; raises ValidationError naming the field."""
    if field not in CLEANERS:
        raise ValidationError(field, "不是可以填写的会员字段")
    cleaned = CLEANERS[field](field, value)
    if cleaned is None and field in REQUIRED:
        raise ValidationError(LABELS[field], "必须填写")
    return cleaned


def clean_member(fields: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Clean every given field and check the rules between fields.

    With ``partial`` (an update), absent fields are left alone; otherwise required ones must be there.
    For a resident ID card the birth date and gender are derived from the number, and a gender typed
    by hand must agree with it.
    """
    return check_member({field: clean_field(field, value) for field, value in fields.items()}, partial=partial)


def check_member(cleaned: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """The rules between already cleaned fields (:func:`clean_field`): usual values of emptied fields,
    required fields, what the ID number implies, 入会 after birth. Returns ``cleaned``, completed."""
    for field, usual in DEFAULTS.items():
        if field in cleaned and cleaned[field] is None:
            cleaned[field] = usual
    if not partial:
        for field in REQUIRED:
            if cleaned.get(field) is None:
                raise ValidationError(LABELS[field], "必须填写")
    if "id_number" in cleaned:
        _derive_from_id(cleaned)
    if cleaned.get("birth_date") and cleaned.get("joined_on") and cleaned["joined_on"] <= cleaned["birth_date"]:
        raise ValidationError(LABELS["joined_on"], "入会日期应晚于出生日期")
    return cleaned


def _derive_from_id(cleaned: dict[str, Any]) -> None:
    id_type = cleaned.get("id_type") or RESIDENT_ID
    cleaned["id_type"] = id_type
    if id_type != RESIDENT_ID:
        number = cleaned["id_number"]
        if not (5 <= len(number) <= 32) or not number.replace("-", "").isalnum():
            raise ValidationError(LABELS["id_number"], "证件号码应为5到32位字母或数字")
        if not cleaned.get("gender"):
            raise ValidationError(LABELS["gender"], "非居民身份证须填写性别")
        return
    info = parse_id_number(cleaned["id_number"], LABELS["id_number"])
    typed_gender = cleaned.get("gender")
    if typed_gender and typed_gender != info.gender:
        raise ValidationError(LABELS["gender"], f"与身份证号不符（身份证号为{info.gender}性）")
    cleaned.update(id_number=info.number, gender=info.gender, birth_date=info.birth_date)
