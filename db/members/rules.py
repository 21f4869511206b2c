"""The rules of the member registry: a member's fields cleaned one at a time (the form checks as you type) or
all together (a use case checks before it writes), the rules between them, and which status steps a member
may take from which status (the use cases record them; the form asks which it may offer)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from db.errors import ValidationError
from db.members.fields import DEFAULTS, LABELS, MEMBERS, REQUIRED, RESIDENT_ID
from db.models.members import ACTIVE, DECEASED, LEFT, TRANSFERRED_OUT
from db.validation import first_invalid_id_number, parse_id_number

__all__ = ["DEFAULTS", "FORM_FIELDS", "LABELS", "REQUIRED", "RESIDENT_ID", "STEPS", "StatusStep", "check_member",
           "check_stored_members", "clean_field", "clean_member", "steps_from"]

FORM_FIELDS = frozenset(f.attr for f in MEMBERS.writable if f.attr != "status")


def clean_field(field: str, value: Any) -> Any:
    """The stored form of one field's value; raises ValidationError naming the field."""
    if field not in FORM_FIELDS:
        raise ValidationError(field, "不是可以填写的会员字段")
    return MEMBERS.field(field).clean(value)


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


def check_stored_members(columns: Mapping[str, Sequence[Any]]) -> tuple[int, str, str] | None:
    """The first member of a chunk of stored rows (a synced batch, column by column) whose ID number its
    document type refuses, or whose gender differs from a resident ID number's; None when all are right."""
    numbers, types, genders = columns["id_number"], columns["id_type"], columns["gender"]
    residents = [i for i, kind in enumerate(types) if kind == RESIDENT_ID]
    bad = first_invalid_id_number([numbers[i] for i in residents])
    if bad is not None:
        index = residents[bad]
        try:
            parse_id_number(str(numbers[index]), LABELS["id_number"])
            reason = f"不是规范的写法：{str(numbers[index])[:40]}"
        except ValidationError as exc:
            reason = exc.reason
        return index, LABELS["id_number"], reason
    for index in residents:
        expected = "男" if int(numbers[index][16]) % 2 else "女"
        if genders[index] != expected:
            return index, LABELS["gender"], f"与身份证号不符（身份证号为{expected}性）"
    for index, kind in enumerate(types):
        if kind != RESIDENT_ID:
            try:
                _check_other_document(str(numbers[index]))
            except ValidationError as exc:
                return index, exc.field, exc.reason
    return None


def _derive_from_id(cleaned: dict[str, Any]) -> None:
    id_type = cleaned.get("id_type") or RESIDENT_ID
    cleaned["id_type"] = id_type
    if id_type != RESIDENT_ID:
        _check_other_document(cleaned["id_number"])
        if not cleaned.get("gender"):
            raise ValidationError(LABELS["gender"], "非居民身份证须填写性别")
        return
    info = parse_id_number(cleaned["id_number"], LABELS["id_number"])
    typed_gender = cleaned.get("gender")
    if typed_gender and typed_gender != info.gender:
        raise ValidationError(LABELS["gender"], f"与身份证号不符（身份证号为{info.gender}性）")
    cleaned.update(id_number=info.number, gender=info.gender, birth_date=info.birth_date)


def _check_other_document(number: str) -> None:
    if not (5 <= len(number) <= 32) or not number.replace("-", "").isalnum() or not number.isascii():
        raise ValidationError(LABELS["id_number"], "证件号码应为5到32位字母或数字")


# --- status steps (会籍: 转出, 转入, 退会, 去世, 恢复) -----------------------------------------------------

@dataclass(frozen=True)
class StatusStep:
    """One kind of status change: which statuses allow it, where it leads, and what it asks for."""

    kind: str  # the member_event code, e.g. "transfer_out"
    allowed_from: tuple[str, ...]
    to_status: str
    counterpart: bool = False  # names the other union (转往单位 required; 原单位 optional)
    counterpart_required: bool = False
    reason: bool = True


STEPS: dict[str, StatusStep] = {step.kind: step for step in (
    StatusStep("transfer_out", (ACTIVE,), TRANSFERRED_OUT, counterpart=True, counterpart_required=True),
    StatusStep("transfer_in", (TRANSFERRED_OUT,), ACTIVE, counterpart=True),
    StatusStep("leave", (ACTIVE,), LEFT),
    StatusStep("death", (ACTIVE, TRANSFERRED_OUT, LEFT), DECEASED, reason=False),
    StatusStep("restore", (LEFT, TRANSFERRED_OUT), ACTIVE),
)}


def steps_from(status: str | None) -> tuple[str, ...]:
    """The status steps a member in ``status`` may take now (none for a member not yet saved)."""
    if status is None:
        return ()
    return tuple(kind for kind, step in STEPS.items() if status in step.allowed_from)
